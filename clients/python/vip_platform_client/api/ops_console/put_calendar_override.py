from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.override_read import OverrideRead
from ...models.override_write import OverrideWrite
from ...models.problem import Problem
from ...models.put_calendar_override_response_422 import PutCalendarOverrideResponse422
from typing import cast
import datetime



def _get_kwargs(
    date: datetime.date,
    *,
    body: OverrideWrite,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/calendar/overrides/{date}".format(date=quote(str(date), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OverrideRead | Problem | PutCalendarOverrideResponse422 | None:
    if response.status_code == 200:
        response_200 = OverrideRead.from_dict(response.json())



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
        response_422 = PutCalendarOverrideResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OverrideRead | Problem | PutCalendarOverrideResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideWrite,

) -> Response[OverrideRead | Problem | PutCalendarOverrideResponse422]:
    """ Override one date

     Declares one date a working day or a day off (with its name), overriding the base calendar.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):
        body (OverrideWrite): An ops override of one day (wins over the package and loaded
            schedules).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverrideRead | Problem | PutCalendarOverrideResponse422]
     """


    kwargs = _get_kwargs(
        date=date,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideWrite,

) -> OverrideRead | Problem | PutCalendarOverrideResponse422 | None:
    """ Override one date

     Declares one date a working day or a day off (with its name), overriding the base calendar.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):
        body (OverrideWrite): An ops override of one day (wins over the package and loaded
            schedules).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverrideRead | Problem | PutCalendarOverrideResponse422
     """


    return sync_detailed(
        date=date,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideWrite,

) -> Response[OverrideRead | Problem | PutCalendarOverrideResponse422]:
    """ Override one date

     Declares one date a working day or a day off (with its name), overriding the base calendar.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):
        body (OverrideWrite): An ops override of one day (wins over the package and loaded
            schedules).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverrideRead | Problem | PutCalendarOverrideResponse422]
     """


    kwargs = _get_kwargs(
        date=date,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideWrite,

) -> OverrideRead | Problem | PutCalendarOverrideResponse422 | None:
    """ Override one date

     Declares one date a working day or a day off (with its name), overriding the base calendar.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):
        body (OverrideWrite): An ops override of one day (wins over the package and loaded
            schedules).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverrideRead | Problem | PutCalendarOverrideResponse422
     """


    return (await asyncio_detailed(
        date=date,
client=client,
body=body,

    )).parsed
