from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.customer_revisit_list import CustomerRevisitList
from ...models.list_customer_revisits_response_404 import ListCustomerRevisitsResponse404
from ...models.list_customer_revisits_response_422 import ListCustomerRevisitsResponse422
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    customer_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/customers/{customer_id}/revisits".format(customer_id=quote(str(customer_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem | None:
    if response.status_code == 200:
        response_200 = CustomerRevisitList.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = ListCustomerRevisitsResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListCustomerRevisitsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem]:
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

) -> Response[CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem]:
    """ The customer's open revisits

     Revisits that may be answered now through WeChat (first-time customers from effective date + 1 day,
    returning ones 5 minutes after underwriting).

    *Rules:* SPEC 5 (WeChat self-service).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem]
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

) -> CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem | None:
    """ The customer's open revisits

     Revisits that may be answered now through WeChat (first-time customers from effective date + 1 day,
    returning ones 5 minutes after underwriting).

    *Rules:* SPEC 5 (WeChat self-service).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem
     """


    return sync_detailed(
        customer_id=customer_id,
client=client,

    ).parsed

async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem]:
    """ The customer's open revisits

     Revisits that may be answered now through WeChat (first-time customers from effective date + 1 day,
    returning ones 5 minutes after underwriting).

    *Rules:* SPEC 5 (WeChat self-service).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem]
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

) -> CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem | None:
    """ The customer's open revisits

     Revisits that may be answered now through WeChat (first-time customers from effective date + 1 day,
    returning ones 5 minutes after underwriting).

    *Rules:* SPEC 5 (WeChat self-service).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerRevisitList | ListCustomerRevisitsResponse404 | ListCustomerRevisitsResponse422 | Problem
     """


    return (await asyncio_detailed(
        customer_id=customer_id,
client=client,

    )).parsed
