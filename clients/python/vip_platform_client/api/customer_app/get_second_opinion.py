from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_second_opinion_response_404 import GetSecondOpinionResponse404
from ...models.get_second_opinion_response_422 import GetSecondOpinionResponse422
from ...models.problem import Problem
from ...models.second_opinion_read import SecondOpinionRead
from typing import cast



def _get_kwargs(
    request_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/second-opinions/{request_id}".format(request_id=quote(str(request_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead | None:
    if response.status_code == 200:
        response_200 = SecondOpinionRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = GetSecondOpinionResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetSecondOpinionResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead]:
    """ Read a second-opinion request

     With its due dates.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead]
     """


    kwargs = _get_kwargs(
        request_id=request_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead | None:
    """ Read a second-opinion request

     With its due dates.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead
     """


    return sync_detailed(
        request_id=request_id,
client=client,

    ).parsed

async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead]:
    """ Read a second-opinion request

     With its due dates.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead]
     """


    kwargs = _get_kwargs(
        request_id=request_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead | None:
    """ Read a second-opinion request

     With its due dates.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetSecondOpinionResponse404 | GetSecondOpinionResponse422 | Problem | SecondOpinionRead
     """


    return (await asyncio_detailed(
        request_id=request_id,
client=client,

    )).parsed
