from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.explain_customer_tier_response_404 import ExplainCustomerTierResponse404
from ...models.explain_customer_tier_response_422 import ExplainCustomerTierResponse422
from ...models.explain_read import ExplainRead
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    customer_id: str,
    *,
    as_of: datetime.date | None | Unset = UNSET,

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/customers/{customer_id}/tier/explain".format(customer_id=quote(str(customer_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem | None:
    if response.status_code == 200:
        response_200 = ExplainRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = ExplainCustomerTierResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ExplainCustomerTierResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem]:
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
    as_of: datetime.date | None | Unset = UNSET,

) -> Response[ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem]:
    """ Why a customer has their tier

     Every policy with its standard premium, the formula terms and why it does or does not count.

    *Rules:* SPEC 2.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        as_of (datetime.date | None | Unset): Date to explain (default: today, Asia/Shanghai)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
as_of=as_of,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,

) -> ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem | None:
    """ Why a customer has their tier

     Every policy with its standard premium, the formula terms and why it does or does not count.

    *Rules:* SPEC 2.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        as_of (datetime.date | None | Unset): Date to explain (default: today, Asia/Shanghai)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem
     """


    return sync_detailed(
        customer_id=customer_id,
client=client,
as_of=as_of,

    ).parsed

async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,

) -> Response[ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem]:
    """ Why a customer has their tier

     Every policy with its standard premium, the formula terms and why it does or does not count.

    *Rules:* SPEC 2.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        as_of (datetime.date | None | Unset): Date to explain (default: today, Asia/Shanghai)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
as_of=as_of,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | None | Unset = UNSET,

) -> ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem | None:
    """ Why a customer has their tier

     Every policy with its standard premium, the formula terms and why it does or does not count.

    *Rules:* SPEC 2.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        as_of (datetime.date | None | Unset): Date to explain (default: today, Asia/Shanghai)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExplainCustomerTierResponse404 | ExplainCustomerTierResponse422 | ExplainRead | Problem
     """


    return (await asyncio_detailed(
        customer_id=customer_id,
client=client,
as_of=as_of,

    )).parsed
