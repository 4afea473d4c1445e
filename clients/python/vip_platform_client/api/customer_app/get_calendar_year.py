from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_calendar_year_response_404 import GetCalendarYearResponse404
from ...models.get_calendar_year_response_422 import GetCalendarYearResponse422
from ...models.problem import Problem
from ...models.year_schedule_read import YearScheduleRead
from typing import cast



def _get_kwargs(
    year: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/years/{year}".format(year=quote(str(year), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead | None:
    if response.status_code == 200:
        response_200 = YearScheduleRead.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = GetCalendarYearResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetCalendarYearResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead]:
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

) -> Response[GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead]:
    """ Read a loaded year

     The schedule ops loaded for a year.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead]
     """


    kwargs = _get_kwargs(
        year=year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    year: int,
    *,
    client: AuthenticatedClient | Client,

) -> GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead | None:
    """ Read a loaded year

     The schedule ops loaded for a year.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead
     """


    return sync_detailed(
        year=year,
client=client,

    ).parsed

async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead]:
    """ Read a loaded year

     The schedule ops loaded for a year.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead]
     """


    kwargs = _get_kwargs(
        year=year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient | Client,

) -> GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead | None:
    """ Read a loaded year

     The schedule ops loaded for a year.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCalendarYearResponse404 | GetCalendarYearResponse422 | Problem | YearScheduleRead
     """


    return (await asyncio_detailed(
        year=year,
client=client,

    )).parsed
