from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_reservation_response_404 import GetReservationResponse404
from ...models.get_reservation_response_422 import GetReservationResponse422
from ...models.problem import Problem
from ...models.reservation_read import ReservationRead
from typing import cast



def _get_kwargs(
    reservation_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reservations/{reservation_id}".format(reservation_id=quote(str(reservation_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead | None:
    if response.status_code == 200:
        response_200 = ReservationRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetReservationResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetReservationResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead]:
    """ Read a reservation

     One reservation.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead]
     """


    kwargs = _get_kwargs(
        reservation_id=reservation_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead | None:
    """ Read a reservation

     One reservation.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead
     """


    return sync_detailed(
        reservation_id=reservation_id,
client=client,

    ).parsed

async def asyncio_detailed(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead]:
    """ Read a reservation

     One reservation.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead]
     """


    kwargs = _get_kwargs(
        reservation_id=reservation_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead | None:
    """ Read a reservation

     One reservation.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetReservationResponse404 | GetReservationResponse422 | Problem | ReservationRead
     """


    return (await asyncio_detailed(
        reservation_id=reservation_id,
client=client,

    )).parsed
