from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.reminder_run import ReminderRun
from ...models.reminder_run_result import ReminderRunResult
from ...models.run_booking_reminders_response_422 import RunBookingRemindersResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ReminderRun,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/bookings/reminders/runs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReminderRunResult | RunBookingRemindersResponse422 | None:
    if response.status_code == 200:
        response_200 = ReminderRunResult.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = RunBookingRemindersResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReminderRunResult | RunBookingRemindersResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReminderRun,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReminderRunResult | RunBookingRemindersResponse422]:
    """ Send day-before reminders

     Sends the SMS reminders due on `as_of` (the working day before each appointment). Idempotent.

    *Rules:* SPEC 4.2 (notifications).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (str | Unset):
        body (ReminderRun): Send the day-before reminders for a date (normally the scheduler
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderRunResult | RunBookingRemindersResponse422]
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
    body: ReminderRun,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReminderRunResult | RunBookingRemindersResponse422 | None:
    """ Send day-before reminders

     Sends the SMS reminders due on `as_of` (the working day before each appointment). Idempotent.

    *Rules:* SPEC 4.2 (notifications).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (str | Unset):
        body (ReminderRun): Send the day-before reminders for a date (normally the scheduler
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderRunResult | RunBookingRemindersResponse422
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReminderRun,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReminderRunResult | RunBookingRemindersResponse422]:
    """ Send day-before reminders

     Sends the SMS reminders due on `as_of` (the working day before each appointment). Idempotent.

    *Rules:* SPEC 4.2 (notifications).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (str | Unset):
        body (ReminderRun): Send the day-before reminders for a date (normally the scheduler
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderRunResult | RunBookingRemindersResponse422]
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
    body: ReminderRun,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReminderRunResult | RunBookingRemindersResponse422 | None:
    """ Send day-before reminders

     Sends the SMS reminders due on `as_of` (the working day before each appointment). Idempotent.

    *Rules:* SPEC 4.2 (notifications).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (str | Unset):
        body (ReminderRun): Send the day-before reminders for a date (normally the scheduler
            does).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderRunResult | RunBookingRemindersResponse422
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
