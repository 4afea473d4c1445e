from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.put_relative_response_404 import PutRelativeResponse404
from ...models.put_relative_response_409 import PutRelativeResponse409
from ...models.put_relative_response_412 import PutRelativeResponse412
from ...models.put_relative_response_422 import PutRelativeResponse422
from ...models.put_relative_response_428 import PutRelativeResponse428
from ...models.relative_read import RelativeRead
from ...models.relative_upsert import RelativeUpsert
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    customer_id: str,
    relative_id: str,
    *,
    body: RelativeUpsert,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/customers/{customer_id}/relatives/{relative_id}".format(customer_id=quote(str(customer_id), safe=""),relative_id=quote(str(relative_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead | None:
    if response.status_code == 200:
        response_200 = RelativeRead.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = RelativeRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = PutRelativeResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = PutRelativeResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = PutRelativeResponse412.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = PutRelativeResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = PutRelativeResponse428.from_dict(response.json())



        return response_428

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    relative_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RelativeUpsert,
    if_match: str | Unset = UNSET,

) -> Response[Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead]:
    """ Designate a relative

     Designates a relative who may use the customer's services (relations, count and age per program;
    fixed once designated where the handbook says so). The ID number is answered masked.

    *Rules:* SPEC 3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        relative_id (str):
        if_match (str | Unset):
        body (RelativeUpsert): Designate or update a relative who may use the customer's services
            (SPEC 3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
relative_id=relative_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    customer_id: str,
    relative_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RelativeUpsert,
    if_match: str | Unset = UNSET,

) -> Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead | None:
    """ Designate a relative

     Designates a relative who may use the customer's services (relations, count and age per program;
    fixed once designated where the handbook says so). The ID number is answered masked.

    *Rules:* SPEC 3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        relative_id (str):
        if_match (str | Unset):
        body (RelativeUpsert): Designate or update a relative who may use the customer's services
            (SPEC 3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead
     """


    return sync_detailed(
        customer_id=customer_id,
relative_id=relative_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    customer_id: str,
    relative_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RelativeUpsert,
    if_match: str | Unset = UNSET,

) -> Response[Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead]:
    """ Designate a relative

     Designates a relative who may use the customer's services (relations, count and age per program;
    fixed once designated where the handbook says so). The ID number is answered masked.

    *Rules:* SPEC 3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        relative_id (str):
        if_match (str | Unset):
        body (RelativeUpsert): Designate or update a relative who may use the customer's services
            (SPEC 3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead]
     """


    kwargs = _get_kwargs(
        customer_id=customer_id,
relative_id=relative_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    customer_id: str,
    relative_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RelativeUpsert,
    if_match: str | Unset = UNSET,

) -> Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead | None:
    """ Designate a relative

     Designates a relative who may use the customer's services (relations, count and age per program;
    fixed once designated where the handbook says so). The ID number is answered masked.

    *Rules:* SPEC 3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Customers: only their own `customer_id` (others → 404); ops: any.

    Args:
        customer_id (str):
        relative_id (str):
        if_match (str | Unset):
        body (RelativeUpsert): Designate or update a relative who may use the customer's services
            (SPEC 3).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PutRelativeResponse404 | PutRelativeResponse409 | PutRelativeResponse412 | PutRelativeResponse422 | PutRelativeResponse428 | RelativeRead
     """


    return (await asyncio_detailed(
        customer_id=customer_id,
relative_id=relative_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
