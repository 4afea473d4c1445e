from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar_years import CalendarYears
from ...models.list_calendar_years_response_422 import ListCalendarYearsResponse422
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/years",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarYears | ListCalendarYearsResponse422 | Problem | None:
    if response.status_code == 200:
        response_200 = CalendarYears.from_dict(response.json())



        return response_200

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListCalendarYearsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CalendarYears | ListCalendarYearsResponse422 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[CalendarYears | ListCalendarYearsResponse422 | Problem]:
    """ Years with a known schedule

     Years from the `holidays` package and years loaded by ops.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarYears | ListCalendarYearsResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> CalendarYears | ListCalendarYearsResponse422 | Problem | None:
    """ Years with a known schedule

     Years from the `holidays` package and years loaded by ops.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarYears | ListCalendarYearsResponse422 | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[CalendarYears | ListCalendarYearsResponse422 | Problem]:
    """ Years with a known schedule

     Years from the `holidays` package and years loaded by ops.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarYears | ListCalendarYearsResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> CalendarYears | ListCalendarYearsResponse422 | Problem | None:
    """ Years with a known schedule

     Years from the `holidays` package and years loaded by ops.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarYears | ListCalendarYearsResponse422 | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
