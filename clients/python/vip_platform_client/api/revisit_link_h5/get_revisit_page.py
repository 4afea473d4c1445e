from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_revisit_page_response_404 import GetRevisitPageResponse404
from ...models.get_revisit_page_response_410 import GetRevisitPageResponse410
from ...models.get_revisit_page_response_422 import GetRevisitPageResponse422
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    token: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/r/{token}".format(token=quote(str(token), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 404:
        response_404 = GetRevisitPageResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 410:
        response_410 = GetRevisitPageResponse410.from_dict(response.json())



        return response_410

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetRevisitPageResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str]:
    """ The H5 questionnaire page

     A mobile web page in Simplified Chinese: identity step, questions, timer, submit, done.

    *Rules:* SPEC 5 (H5 page).

    *Access:* Public: no token needed.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str]
     """


    kwargs = _get_kwargs(
        token=token,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str | None:
    """ The H5 questionnaire page

     A mobile web page in Simplified Chinese: identity step, questions, timer, submit, done.

    *Rules:* SPEC 5 (H5 page).

    *Access:* Public: no token needed.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str
     """


    return sync_detailed(
        token=token,
client=client,

    ).parsed

async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str]:
    """ The H5 questionnaire page

     A mobile web page in Simplified Chinese: identity step, questions, timer, submit, done.

    *Rules:* SPEC 5 (H5 page).

    *Access:* Public: no token needed.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str]
     """


    kwargs = _get_kwargs(
        token=token,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str | None:
    """ The H5 questionnaire page

     A mobile web page in Simplified Chinese: identity step, questions, timer, submit, done.

    *Rules:* SPEC 5 (H5 page).

    *Access:* Public: no token needed.

    Args:
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetRevisitPageResponse404 | GetRevisitPageResponse410 | GetRevisitPageResponse422 | Problem | str
     """


    return (await asyncio_detailed(
        token=token,
client=client,

    )).parsed
