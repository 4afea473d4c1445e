from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.consume_reservation_response_404 import ConsumeReservationResponse404
from ...models.consume_reservation_response_409 import ConsumeReservationResponse409
from ...models.consume_reservation_response_422 import ConsumeReservationResponse422
from ...models.problem import Problem
from ...models.reservation_consume import ReservationConsume
from ...models.reservation_read import ReservationRead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    reservation_id: str,
    *,
    body: ReservationConsume,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/reservations/{reservation_id}/consume".format(reservation_id=quote(str(reservation_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead | None:
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
        response_404 = ConsumeReservationResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ConsumeReservationResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ConsumeReservationResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead]:
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
    body: ReservationConsume,
    idempotency_key: str | Unset = UNSET,

) -> Response[ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead]:
    """ Consume a reserved unit

     Completed, no-show or late cancellation: the unit is used. Idempotent.

    *Rules:* SPEC 3.1, 4.2.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):
        idempotency_key (str | Unset):
        body (ReservationConsume): Consume a reserved unit (SPEC 3.1: completed, no-show or late
            cancellation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead]
     """


    kwargs = _get_kwargs(
        reservation_id=reservation_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReservationConsume,
    idempotency_key: str | Unset = UNSET,

) -> ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead | None:
    """ Consume a reserved unit

     Completed, no-show or late cancellation: the unit is used. Idempotent.

    *Rules:* SPEC 3.1, 4.2.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):
        idempotency_key (str | Unset):
        body (ReservationConsume): Consume a reserved unit (SPEC 3.1: completed, no-show or late
            cancellation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead
     """


    return sync_detailed(
        reservation_id=reservation_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReservationConsume,
    idempotency_key: str | Unset = UNSET,

) -> Response[ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead]:
    """ Consume a reserved unit

     Completed, no-show or late cancellation: the unit is used. Idempotent.

    *Rules:* SPEC 3.1, 4.2.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):
        idempotency_key (str | Unset):
        body (ReservationConsume): Consume a reserved unit (SPEC 3.1: completed, no-show or late
            cancellation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead]
     """


    kwargs = _get_kwargs(
        reservation_id=reservation_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    reservation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReservationConsume,
    idempotency_key: str | Unset = UNSET,

) -> ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead | None:
    """ Consume a reserved unit

     Completed, no-show or late cancellation: the unit is used. Idempotent.

    *Rules:* SPEC 3.1, 4.2.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        reservation_id (str):
        idempotency_key (str | Unset):
        body (ReservationConsume): Consume a reserved unit (SPEC 3.1: completed, no-show or late
            cancellation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumeReservationResponse404 | ConsumeReservationResponse409 | ConsumeReservationResponse422 | Problem | ReservationRead
     """


    return (await asyncio_detailed(
        reservation_id=reservation_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
