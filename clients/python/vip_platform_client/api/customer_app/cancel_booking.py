from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cancel_booking_response_404 import CancelBookingResponse404
from ...models.cancel_booking_response_409 import CancelBookingResponse409
from ...models.cancel_booking_response_422 import CancelBookingResponse422
from ...models.cancel_booking_response_503 import CancelBookingResponse503
from ...models.cancel_result import CancelResult
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    booking_id: str,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/bookings/{booking_id}/cancel".format(booking_id=quote(str(booking_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem | None:
    if response.status_code == 200:
        response_200 = CancelResult.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = CancelBookingResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = CancelBookingResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = CancelBookingResponse422.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = CancelBookingResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem]:
    """ Cancel a booking

     Before the deadline (12:00 on the working day before the appointment) the unit is released
    (`cancelled`); at or after it the use is forfeited (`cancelled_late`). A pending booking cancels
    free.

    *Rules:* SPEC 4.2 (cancellation cutoff).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem | None:
    """ Cancel a booking

     Before the deadline (12:00 on the working day before the appointment) the unit is released
    (`cancelled`); at or after it the use is forfeited (`cancelled_late`). A pending booking cancels
    free.

    *Rules:* SPEC 4.2 (cancellation cutoff).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem]:
    """ Cancel a booking

     Before the deadline (12:00 on the working day before the appointment) the unit is released
    (`cancelled`); at or after it the use is forfeited (`cancelled_late`). A pending booking cancels
    free.

    *Rules:* SPEC 4.2 (cancellation cutoff).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem | None:
    """ Cancel a booking

     Before the deadline (12:00 on the working day before the appointment) the unit is released
    (`cancelled`); at or after it the use is forfeited (`cancelled_late`). A pending booking cancels
    free.

    *Rules:* SPEC 4.2 (cancellation cutoff).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelBookingResponse404 | CancelBookingResponse409 | CancelBookingResponse422 | CancelBookingResponse503 | CancelResult | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
