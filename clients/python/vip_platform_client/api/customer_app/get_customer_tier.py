from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_customer_tier_response_404 import GetCustomerTierResponse404
from ...models.get_customer_tier_response_422 import GetCustomerTierResponse422
from ...models.problem import Problem
from ...models.tier_read import TierRead
from typing import cast



def _get_kwargs(
    customer_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/customers/{customer_id}/tier".format(customer_id=quote(str(customer_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead | None:
    if response.status_code == 200:
        response_200 = TierRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = GetCustomerTierResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetCustomerTierResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead]:
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

) -> Response[GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead]:
    """ A customer's tier

     The current tier with its Chinese name, status (`confirmed`, `provisional`, `grace`, `invalid`),
    score, a pending downgrade and what is needed for the next tier.

    *Rules:* SPEC 2, 7.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead | None:
    """ A customer's tier

     The current tier with its Chinese name, status (`confirmed`, `provisional`, `grace`, `invalid`),
    score, a pending downgrade and what is needed for the next tier.

    *Rules:* SPEC 2, 7.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead
     """


    return sync_detailed(
        customer_id=customer_id,
client=client,

    ).parsed

async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead]:
    """ A customer's tier

     The current tier with its Chinese name, status (`confirmed`, `provisional`, `grace`, `invalid`),
    score, a pending downgrade and what is needed for the next tier.

    *Rules:* SPEC 2, 7.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead | None:
    """ A customer's tier

     The current tier with its Chinese name, status (`confirmed`, `provisional`, `grace`, `invalid`),
    score, a pending downgrade and what is needed for the next tier.

    *Rules:* SPEC 2, 7.1.

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerTierResponse404 | GetCustomerTierResponse422 | Problem | TierRead
     """


    return (await asyncio_detailed(
        customer_id=customer_id,
client=client,

    )).parsed
