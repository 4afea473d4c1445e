from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clinic_read import ClinicRead
from ...models.clinic_write import ClinicWrite
from ...models.problem import Problem
from ...models.upsert_clinic_response_412 import UpsertClinicResponse412
from ...models.upsert_clinic_response_422 import UpsertClinicResponse422
from ...models.upsert_clinic_response_428 import UpsertClinicResponse428
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    clinic_id: str,
    *,
    body: ClinicWrite,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/clinics/{clinic_id}".format(clinic_id=quote(str(clinic_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428 | None:
    if response.status_code == 200:
        response_200 = ClinicRead.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = ClinicRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 412:
        response_412 = UpsertClinicResponse412.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = UpsertClinicResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = UpsertClinicResponse428.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428]:
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
    body: ClinicWrite,
    if_match: str | Unset = UNSET,

) -> Response[ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428]:
    """ Create or update a clinic

     A partner's clinic: opening weekdays (ISO 1..7), whether it opens on public holidays, and per
    service its daily capacity and packages. The partner must exist.

    *Rules:* SPEC 4.2 (capacity, opening days).

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        clinic_id (str):
        if_match (str | Unset):
        body (ClinicWrite): A clinic: created or replaced by ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428]
     """


    kwargs = _get_kwargs(
        clinic_id=clinic_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicWrite,
    if_match: str | Unset = UNSET,

) -> ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428 | None:
    """ Create or update a clinic

     A partner's clinic: opening weekdays (ISO 1..7), whether it opens on public holidays, and per
    service its daily capacity and packages. The partner must exist.

    *Rules:* SPEC 4.2 (capacity, opening days).

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        clinic_id (str):
        if_match (str | Unset):
        body (ClinicWrite): A clinic: created or replaced by ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428
     """


    return sync_detailed(
        clinic_id=clinic_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicWrite,
    if_match: str | Unset = UNSET,

) -> Response[ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428]:
    """ Create or update a clinic

     A partner's clinic: opening weekdays (ISO 1..7), whether it opens on public holidays, and per
    service its daily capacity and packages. The partner must exist.

    *Rules:* SPEC 4.2 (capacity, opening days).

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        clinic_id (str):
        if_match (str | Unset):
        body (ClinicWrite): A clinic: created or replaced by ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428]
     """


    kwargs = _get_kwargs(
        clinic_id=clinic_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    clinic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClinicWrite,
    if_match: str | Unset = UNSET,

) -> ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428 | None:
    """ Create or update a clinic

     A partner's clinic: opening weekdays (ISO 1..7), whether it opens on public holidays, and per
    service its daily capacity and packages. The partner must exist.

    *Rules:* SPEC 4.2 (capacity, opening days).

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        clinic_id (str):
        if_match (str | Unset):
        body (ClinicWrite): A clinic: created or replaced by ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicRead | Problem | UpsertClinicResponse412 | UpsertClinicResponse422 | UpsertClinicResponse428
     """


    return (await asyncio_detailed(
        clinic_id=clinic_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
