from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_reservations_response_422 import ListReservationsResponse422
from ...models.problem import Problem
from ...models.reservation_list import ReservationList
from typing import cast



def _get_kwargs(
    *,
    reference: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["reference"] = reference


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reservations",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListReservationsResponse422 | Problem | ReservationList | None:
    if response.status_code == 200:
        response_200 = ReservationList.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListReservationsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListReservationsResponse422 | Problem | ReservationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    reference: str,

) -> Response[ListReservationsResponse422 | Problem | ReservationList]:
    """ Reservations of a booking

     By `reference` (the booking id).

    *Rules:* SPEC 3.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        reference (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListReservationsResponse422 | Problem | ReservationList]
     """


    kwargs = _get_kwargs(
        reference=reference,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    reference: str,

) -> ListReservationsResponse422 | Problem | ReservationList | None:
    """ Reservations of a booking

     By `reference` (the booking id).

    *Rules:* SPEC 3.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        reference (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListReservationsResponse422 | Problem | ReservationList
     """


    return sync_detailed(
        client=client,
reference=reference,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    reference: str,

) -> Response[ListReservationsResponse422 | Problem | ReservationList]:
    """ Reservations of a booking

     By `reference` (the booking id).

    *Rules:* SPEC 3.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        reference (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListReservationsResponse422 | Problem | ReservationList]
     """


    kwargs = _get_kwargs(
        reference=reference,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    reference: str,

) -> ListReservationsResponse422 | Problem | ReservationList | None:
    """ Reservations of a booking

     By `reference` (the booking id).

    *Rules:* SPEC 3.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        reference (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListReservationsResponse422 | Problem | ReservationList
     """


    return (await asyncio_detailed(
        client=client,
reference=reference,

    )).parsed
