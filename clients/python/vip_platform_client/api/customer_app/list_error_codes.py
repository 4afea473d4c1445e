from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_error_codes_response_200 import ListErrorCodesResponse200
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/error-codes",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListErrorCodesResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ListErrorCodesResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())



        return response_405

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListErrorCodesResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ListErrorCodesResponse200 | Problem]:
    """ Error codes with their Chinese messages

     Every problem `code` the platform answers, with its HTTP status, the Simplified Chinese message a
    front-end shows, its meaning and extra fields (SPEC 7.1). Public; cache it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListErrorCodesResponse200 | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> ListErrorCodesResponse200 | Problem | None:
    """ Error codes with their Chinese messages

     Every problem `code` the platform answers, with its HTTP status, the Simplified Chinese message a
    front-end shows, its meaning and extra fields (SPEC 7.1). Public; cache it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListErrorCodesResponse200 | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ListErrorCodesResponse200 | Problem]:
    """ Error codes with their Chinese messages

     Every problem `code` the platform answers, with its HTTP status, the Simplified Chinese message a
    front-end shows, its meaning and extra fields (SPEC 7.1). Public; cache it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListErrorCodesResponse200 | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> ListErrorCodesResponse200 | Problem | None:
    """ Error codes with their Chinese messages

     Every problem `code` the platform answers, with its HTTP status, the Simplified Chinese message a
    front-end shows, its meaning and extra fields (SPEC 7.1). Public; cache it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListErrorCodesResponse200 | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
