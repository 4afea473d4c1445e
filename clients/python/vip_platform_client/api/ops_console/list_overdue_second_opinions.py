from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_overdue_second_opinions_response_422 import ListOverdueSecondOpinionsResponse422
from ...models.problem import Problem
from ...models.second_opinion_list import SecondOpinionList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    as_of: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/second-opinions/overdue",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList | None:
    if response.status_code == 200:
        response_200 = SecondOpinionList.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListOverdueSecondOpinionsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList]:
    """ Overdue second opinions

     Requests past their due date on `as_of`.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        as_of (datetime.date | None | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList]
     """


    kwargs = _get_kwargs(
        as_of=as_of,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList | None:
    """ Overdue second opinions

     Requests past their due date on `as_of`.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        as_of (datetime.date | None | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList
     """


    return sync_detailed(
        client=client,
as_of=as_of,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList]:
    """ Overdue second opinions

     Requests past their due date on `as_of`.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        as_of (datetime.date | None | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList]
     """


    kwargs = _get_kwargs(
        as_of=as_of,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList | None:
    """ Overdue second opinions

     Requests past their due date on `as_of`.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        as_of (datetime.date | None | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListOverdueSecondOpinionsResponse422 | Problem | SecondOpinionList
     """


    return (await asyncio_detailed(
        client=client,
as_of=as_of,
limit=limit,
cursor=cursor,

    )).parsed
