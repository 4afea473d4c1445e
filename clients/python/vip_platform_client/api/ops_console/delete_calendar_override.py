from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delete_calendar_override_response_404 import DeleteCalendarOverrideResponse404
from ...models.delete_calendar_override_response_422 import DeleteCalendarOverrideResponse422
from ...models.problem import Problem
from typing import cast
import datetime



def _get_kwargs(
    date: datetime.date,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/calendar/overrides/{date}".format(date=quote(str(date), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = DeleteCalendarOverrideResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = DeleteCalendarOverrideResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem]:
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

) -> Response[Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem]:
    """ Remove a date override

     Back to the base calendar for that date.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        date=date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,

) -> Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem | None:
    """ Remove a date override

     Back to the base calendar for that date.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem
     """


    return sync_detailed(
        date=date,
client=client,

    ).parsed

async def asyncio_detailed(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem]:
    """ Remove a date override

     Back to the base calendar for that date.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        date=date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    date: datetime.date,
    *,
    client: AuthenticatedClient | Client,

) -> Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem | None:
    """ Remove a date override

     Back to the base calendar for that date.

    *Rules:* SPEC 4.1.

    *Access:* Operations staff only (customers → 403).

    Args:
        date (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeleteCalendarOverrideResponse404 | DeleteCalendarOverrideResponse422 | Problem
     """


    return (await asyncio_detailed(
        date=date,
client=client,

    )).parsed
