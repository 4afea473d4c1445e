from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_customer_tier_history_response_404 import GetCustomerTierHistoryResponse404
from ...models.get_customer_tier_history_response_422 import GetCustomerTierHistoryResponse422
from ...models.problem import Problem
from ...models.tier_history_read import TierHistoryRead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    customer_id: str,
    *,
    limit: int | Unset = 50,
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
        "url": "/api/v1/customers/{customer_id}/tier/history".format(customer_id=quote(str(customer_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead | None:
    if response.status_code == 200:
        response_200 = TierHistoryRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = GetCustomerTierHistoryResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetCustomerTierHistoryResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead]:
    """ A customer's tier history

     Every tier change with its reason, oldest first, cursor-paged like every list: `limit` (1..200,
    default 50) and the `next_cursor` of the previous page as `cursor`; `next_cursor` is null on the
    last page. A customer token reads its own history only.

    *Rules:* SPEC 2.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead | None:
    """ A customer's tier history

     Every tier change with its reason, oldest first, cursor-paged like every list: `limit` (1..200,
    default 50) and the `next_cursor` of the previous page as `cursor`; `next_cursor` is null on the
    last page. A customer token reads its own history only.

    *Rules:* SPEC 2.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead
     """


    return sync_detailed(
        customer_id=customer_id,
client=client,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead]:
    """ A customer's tier history

     Every tier change with its reason, oldest first, cursor-paged like every list: `limit` (1..200,
    default 50) and the `next_cursor` of the previous page as `cursor`; `next_cursor` is null on the
    last page. A customer token reads its own history only.

    *Rules:* SPEC 2.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead | None:
    """ A customer's tier history

     Every tier change with its reason, oldest first, cursor-paged like every list: `limit` (1..200,
    default 50) and the `next_cursor` of the previous page as `cursor`; `next_cursor` is null on the
    last page. A customer token reads its own history only.

    *Rules:* SPEC 2.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerTierHistoryResponse404 | GetCustomerTierHistoryResponse422 | Problem | TierHistoryRead
     """


    return (await asyncio_detailed(
        customer_id=customer_id,
client=client,
limit=limit,
cursor=cursor,

    )).parsed
