from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_tiering_parked_outbox_rows_response_401 import ListTieringParkedOutboxRowsResponse401
from ...models.list_tiering_parked_outbox_rows_response_403 import ListTieringParkedOutboxRowsResponse403
from ...models.list_tiering_parked_outbox_rows_response_422 import ListTieringParkedOutboxRowsResponse422
from ...models.outbox_row_page import OutboxRowPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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
        "url": "/api/v1/ops/tiering/outbox",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem | None:
    if response.status_code == 200:
        response_200 = OutboxRowPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ListTieringParkedOutboxRowsResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ListTieringParkedOutboxRowsResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListTieringParkedOutboxRowsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Response[ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem]:
    """ Parked outbox rows

     Events the relay could not publish (e.g. larger than the broker's limit); the same customer's later
    events wait behind them. Oldest first. Cursor-paged like every list: `limit` (1..200, default 100)
    and the `next_cursor` of the previous page as `cursor` (null on the last page).

    *Access:* Operations staff only (customers → 403).

    Args:
        limit (int | Unset): Page size, 1..200 (more is a 422) Default: 100.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem]
     """


    kwargs = _get_kwargs(
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
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem | None:
    """ Parked outbox rows

     Events the relay could not publish (e.g. larger than the broker's limit); the same customer's later
    events wait behind them. Oldest first. Cursor-paged like every list: `limit` (1..200, default 100)
    and the `next_cursor` of the previous page as `cursor` (null on the last page).

    *Access:* Operations staff only (customers → 403).

    Args:
        limit (int | Unset): Page size, 1..200 (more is a 422) Default: 100.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Response[ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem]:
    """ Parked outbox rows

     Events the relay could not publish (e.g. larger than the broker's limit); the same customer's later
    events wait behind them. Oldest first. Cursor-paged like every list: `limit` (1..200, default 100)
    and the `next_cursor` of the previous page as `cursor` (null on the last page).

    *Access:* Operations staff only (customers → 403).

    Args:
        limit (int | Unset): Page size, 1..200 (more is a 422) Default: 100.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem]
     """


    kwargs = _get_kwargs(
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
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem | None:
    """ Parked outbox rows

     Events the relay could not publish (e.g. larger than the broker's limit); the same customer's later
    events wait behind them. Oldest first. Cursor-paged like every list: `limit` (1..200, default 100)
    and the `next_cursor` of the previous page as `cursor` (null on the last page).

    *Access:* Operations staff only (customers → 403).

    Args:
        limit (int | Unset): Page size, 1..200 (more is a 422) Default: 100.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListTieringParkedOutboxRowsResponse401 | ListTieringParkedOutboxRowsResponse403 | ListTieringParkedOutboxRowsResponse422 | OutboxRowPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,

    )).parsed
