from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.put_calendar_year_response_412 import PutCalendarYearResponse412
from ...models.put_calendar_year_response_422 import PutCalendarYearResponse422
from ...models.put_calendar_year_response_428 import PutCalendarYearResponse428
from ...models.year_schedule_read import YearScheduleRead
from ...models.year_schedule_write import YearScheduleWrite
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    year: int,
    *,
    body: YearScheduleWrite,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/calendar/years/{year}".format(year=quote(str(year), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead | None:
    if response.status_code == 200:
        response_200 = YearScheduleRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 412:
        response_412 = PutCalendarYearResponse412.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = PutCalendarYearResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = PutCalendarYearResponse428.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    body: YearScheduleWrite,
    if_match: str | Unset = UNSET,

) -> Response[Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead]:
    """ Load a year's official schedule

     Loads the State Council's holiday schedule for a year (days off and make-up working days), replacing
    the package's data for that year. Published each November; no release needed.

    *Rules:* SPEC 4.1.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        year (int):
        if_match (str | Unset):
        body (YearScheduleWrite): A year's official schedule as the State Council publishes it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead]
     """


    kwargs = _get_kwargs(
        year=year,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    body: YearScheduleWrite,
    if_match: str | Unset = UNSET,

) -> Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead | None:
    """ Load a year's official schedule

     Loads the State Council's holiday schedule for a year (days off and make-up working days), replacing
    the package's data for that year. Published each November; no release needed.

    *Rules:* SPEC 4.1.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        year (int):
        if_match (str | Unset):
        body (YearScheduleWrite): A year's official schedule as the State Council publishes it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead
     """


    return sync_detailed(
        year=year,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    body: YearScheduleWrite,
    if_match: str | Unset = UNSET,

) -> Response[Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead]:
    """ Load a year's official schedule

     Loads the State Council's holiday schedule for a year (days off and make-up working days), replacing
    the package's data for that year. Published each November; no release needed.

    *Rules:* SPEC 4.1.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        year (int):
        if_match (str | Unset):
        body (YearScheduleWrite): A year's official schedule as the State Council publishes it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead]
     """


    kwargs = _get_kwargs(
        year=year,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    body: YearScheduleWrite,
    if_match: str | Unset = UNSET,

) -> Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead | None:
    """ Load a year's official schedule

     Loads the State Council's holiday schedule for a year (days off and make-up working days), replacing
    the package's data for that year. Published each November; no release needed.

    *Rules:* SPEC 4.1.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        year (int):
        if_match (str | Unset):
        body (YearScheduleWrite): A year's official schedule as the State Council publishes it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PutCalendarYearResponse412 | PutCalendarYearResponse422 | PutCalendarYearResponse428 | YearScheduleRead
     """


    return (await asyncio_detailed(
        year=year,
client=client,
body=body,
if_match=if_match,

    )).parsed
