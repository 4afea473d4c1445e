from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_reservation_response_403 import CreateReservationResponse403
from ...models.create_reservation_response_404 import CreateReservationResponse404
from ...models.create_reservation_response_409 import CreateReservationResponse409
from ...models.create_reservation_response_422 import CreateReservationResponse422
from ...models.problem import Problem
from ...models.reservation_create import ReservationCreate
from ...models.reservation_read import ReservationRead
from typing import cast



def _get_kwargs(
    *,
    body: ReservationCreate,
    idempotency_key: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/reservations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead | None:
    if response.status_code == 201:
        response_201 = ReservationRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = CreateReservationResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = CreateReservationResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = CreateReservationResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = CreateReservationResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReservationCreate,
    idempotency_key: str,

) -> Response[CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead]:
    """ Reserve one unit

     Booking reserves one unit of a service for a customer or a designated relative. `Idempotency-Key` is
    required here: the same key answers the same reservation (200).

    *Rules:* SPEC 3.1, 4.2 (entitlement).

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str):
        body (ReservationCreate): Reserve one unit of a customer's quota for a booking (internal;
            booking's saga, SPEC 3.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReservationCreate,
    idempotency_key: str,

) -> CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead | None:
    """ Reserve one unit

     Booking reserves one unit of a service for a customer or a designated relative. `Idempotency-Key` is
    required here: the same key answers the same reservation (200).

    *Rules:* SPEC 3.1, 4.2 (entitlement).

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str):
        body (ReservationCreate): Reserve one unit of a customer's quota for a booking (internal;
            booking's saga, SPEC 3.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReservationCreate,
    idempotency_key: str,

) -> Response[CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead]:
    """ Reserve one unit

     Booking reserves one unit of a service for a customer or a designated relative. `Idempotency-Key` is
    required here: the same key answers the same reservation (200).

    *Rules:* SPEC 3.1, 4.2 (entitlement).

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str):
        body (ReservationCreate): Reserve one unit of a customer's quota for a booking (internal;
            booking's saga, SPEC 3.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReservationCreate,
    idempotency_key: str,

) -> CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead | None:
    """ Reserve one unit

     Booking reserves one unit of a service for a customer or a designated relative. `Idempotency-Key` is
    required here: the same key answers the same reservation (200).

    *Rules:* SPEC 3.1, 4.2 (entitlement).

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str):
        body (ReservationCreate): Reserve one unit of a customer's quota for a booking (internal;
            booking's saga, SPEC 3.1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateReservationResponse403 | CreateReservationResponse404 | CreateReservationResponse409 | CreateReservationResponse422 | Problem | ReservationRead
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
