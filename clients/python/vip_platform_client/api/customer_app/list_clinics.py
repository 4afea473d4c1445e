from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clinic_list import ClinicList
from ...models.list_clinics_response_422 import ListClinicsResponse422
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    service_code: None | str | Unset = UNSET,
    city: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_service_code: None | str | Unset
    if isinstance(service_code, Unset):
        json_service_code = UNSET
    else:
        json_service_code = service_code
    params["service_code"] = json_service_code

    json_city: None | str | Unset
    if isinstance(city, Unset):
        json_city = UNSET
    else:
        json_city = city
    params["city"] = json_city

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clinics",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClinicList | ListClinicsResponse422 | Problem | None:
    if response.status_code == 200:
        response_200 = ClinicList.from_dict(response.json())



        return response_200

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ListClinicsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClinicList | ListClinicsResponse422 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    service_code: None | str | Unset = UNSET,
    city: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[ClinicList | ListClinicsResponse422 | Problem]:
    """ List clinics

     Partner clinics, optionally only those offering `service_code` and/or in `city`.

    *Access:* Public: no token needed.

    Args:
        service_code (None | str | Unset):
        city (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicList | ListClinicsResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        service_code=service_code,
city=city,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    service_code: None | str | Unset = UNSET,
    city: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> ClinicList | ListClinicsResponse422 | Problem | None:
    """ List clinics

     Partner clinics, optionally only those offering `service_code` and/or in `city`.

    *Access:* Public: no token needed.

    Args:
        service_code (None | str | Unset):
        city (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicList | ListClinicsResponse422 | Problem
     """


    return sync_detailed(
        client=client,
service_code=service_code,
city=city,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    service_code: None | str | Unset = UNSET,
    city: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[ClinicList | ListClinicsResponse422 | Problem]:
    """ List clinics

     Partner clinics, optionally only those offering `service_code` and/or in `city`.

    *Access:* Public: no token needed.

    Args:
        service_code (None | str | Unset):
        city (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicList | ListClinicsResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        service_code=service_code,
city=city,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    service_code: None | str | Unset = UNSET,
    city: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> ClinicList | ListClinicsResponse422 | Problem | None:
    """ List clinics

     Partner clinics, optionally only those offering `service_code` and/or in `city`.

    *Access:* Public: no token needed.

    Args:
        service_code (None | str | Unset):
        city (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicList | ListClinicsResponse422 | Problem
     """


    return (await asyncio_detailed(
        client=client,
service_code=service_code,
city=city,
limit=limit,
cursor=cursor,

    )).parsed
