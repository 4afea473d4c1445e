from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_working_days_response_422 import ListWorkingDaysResponse422
from ...models.problem import Problem
from ...models.working_days import WorkingDays
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendar/working-days",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListWorkingDaysResponse422 | Problem | WorkingDays | None:
    if response.status_code == 200:
        response_200 = WorkingDays.from_dict(response.json())



        return response_200

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListWorkingDaysResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListWorkingDaysResponse422 | Problem | WorkingDays]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> Response[ListWorkingDaysResponse422 | Problem | WorkingDays]:
    """ Working days in a date range

     Each date from `from` to `to` (at most 367 days) with `working` and the holiday name. A year whose
    official schedule is not known answers `calendar_unknown` rather than guessing.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListWorkingDaysResponse422 | Problem | WorkingDays]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> ListWorkingDaysResponse422 | Problem | WorkingDays | None:
    """ Working days in a date range

     Each date from `from` to `to` (at most 367 days) with `working` and the holiday name. A year whose
    official schedule is not known answers `calendar_unknown` rather than guessing.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListWorkingDaysResponse422 | Problem | WorkingDays
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> Response[ListWorkingDaysResponse422 | Problem | WorkingDays]:
    """ Working days in a date range

     Each date from `from` to `to` (at most 367 days) with `working` and the holiday name. A year whose
    official schedule is not known answers `calendar_unknown` rather than guessing.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListWorkingDaysResponse422 | Problem | WorkingDays]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> ListWorkingDaysResponse422 | Problem | WorkingDays | None:
    """ Working days in a date range

     Each date from `from` to `to` (at most 367 days) with `working` and the holiday name. A year whose
    official schedule is not known answers `calendar_unknown` rather than guessing.

    *Rules:* SPEC 4.1.

    *Access:* Public: no token needed.

    Args:
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListWorkingDaysResponse422 | Problem | WorkingDays
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,

    )).parsed
