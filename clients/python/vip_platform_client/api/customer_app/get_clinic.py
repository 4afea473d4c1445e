from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clinic_read import ClinicRead
from ...models.get_clinic_response_404 import GetClinicResponse404
from ...models.get_clinic_response_422 import GetClinicResponse422
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    clinic_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clinics/{clinic_id}".format(clinic_id=quote(str(clinic_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem | None:
    if response.status_code == 200:
        response_200 = ClinicRead.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = GetClinicResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetClinicResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem]:
    """ Read a clinic

     One clinic with its services and packages.

    *Access:* Public: no token needed.

    Args:
        clinic_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        clinic_id=clinic_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem | None:
    """ Read a clinic

     One clinic with its services and packages.

    *Access:* Public: no token needed.

    Args:
        clinic_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem
     """


    return sync_detailed(
        clinic_id=clinic_id,
client=client,

    ).parsed

async def asyncio_detailed(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem]:
    """ Read a clinic

     One clinic with its services and packages.

    *Access:* Public: no token needed.

    Args:
        clinic_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem]
     """


    kwargs = _get_kwargs(
        clinic_id=clinic_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem | None:
    """ Read a clinic

     One clinic with its services and packages.

    *Access:* Public: no token needed.

    Args:
        clinic_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicRead | GetClinicResponse404 | GetClinicResponse422 | Problem
     """


    return (await asyncio_detailed(
        clinic_id=clinic_id,
client=client,

    )).parsed
