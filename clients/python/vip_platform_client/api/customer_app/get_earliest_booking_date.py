from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.earliest_read import EarliestRead
from ...models.get_earliest_booking_date_response_403 import GetEarliestBookingDateResponse403
from ...models.get_earliest_booking_date_response_404 import GetEarliestBookingDateResponse404
from ...models.get_earliest_booking_date_response_422 import GetEarliestBookingDateResponse422
from ...models.get_earliest_booking_date_response_503 import GetEarliestBookingDateResponse503
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    service_code: str,
    clinic_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["service_code"] = service_code

    json_clinic_id: None | str | Unset
    if isinstance(clinic_id, Unset):
        json_clinic_id = UNSET
    else:
        json_clinic_id = clinic_id
    params["clinic_id"] = json_clinic_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/bookings/earliest",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem | None:
    if response.status_code == 200:
        response_200 = EarliestRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = GetEarliestBookingDateResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetEarliestBookingDateResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetEarliestBookingDateResponse422.from_dict(response.json())



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
        response_503 = GetEarliestBookingDateResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    service_code: str,
    clinic_id: None | str | Unset = UNSET,

) -> Response[EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem]:
    """ Earliest bookable date now

     The first date a booking of `service_code` made now may be for (N working days ahead; with
    `clinic_id`, also the first opening day with a free place).

    *Rules:* SPEC 4.1, 4.2 (advance notice).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        service_code (str):
        clinic_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem]
     """


    kwargs = _get_kwargs(
        service_code=service_code,
clinic_id=clinic_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    service_code: str,
    clinic_id: None | str | Unset = UNSET,

) -> EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem | None:
    """ Earliest bookable date now

     The first date a booking of `service_code` made now may be for (N working days ahead; with
    `clinic_id`, also the first opening day with a free place).

    *Rules:* SPEC 4.1, 4.2 (advance notice).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        service_code (str):
        clinic_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem
     """


    return sync_detailed(
        client=client,
service_code=service_code,
clinic_id=clinic_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    service_code: str,
    clinic_id: None | str | Unset = UNSET,

) -> Response[EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem]:
    """ Earliest bookable date now

     The first date a booking of `service_code` made now may be for (N working days ahead; with
    `clinic_id`, also the first opening day with a free place).

    *Rules:* SPEC 4.1, 4.2 (advance notice).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        service_code (str):
        clinic_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem]
     """


    kwargs = _get_kwargs(
        service_code=service_code,
clinic_id=clinic_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    service_code: str,
    clinic_id: None | str | Unset = UNSET,

) -> EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem | None:
    """ Earliest bookable date now

     The first date a booking of `service_code` made now may be for (N working days ahead; with
    `clinic_id`, also the first opening day with a free place).

    *Rules:* SPEC 4.1, 4.2 (advance notice).

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        service_code (str):
        clinic_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EarliestRead | GetEarliestBookingDateResponse403 | GetEarliestBookingDateResponse404 | GetEarliestBookingDateResponse422 | GetEarliestBookingDateResponse503 | Problem
     """


    return (await asyncio_detailed(
        client=client,
service_code=service_code,
clinic_id=clinic_id,

    )).parsed
