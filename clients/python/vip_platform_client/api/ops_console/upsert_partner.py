from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.partner_read import PartnerRead
from ...models.partner_write import PartnerWrite
from ...models.problem import Problem
from ...models.upsert_partner_response_412 import UpsertPartnerResponse412
from ...models.upsert_partner_response_422 import UpsertPartnerResponse422
from ...models.upsert_partner_response_428 import UpsertPartnerResponse428
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    partner_id: str,
    *,
    body: PartnerWrite,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/partners/{partner_id}".format(partner_id=quote(str(partner_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428 | None:
    if response.status_code == 200:
        response_200 = PartnerRead.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = PartnerRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 412:
        response_412 = UpsertPartnerResponse412.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = UpsertPartnerResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = UpsertPartnerResponse428.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PartnerWrite,
    if_match: str | Unset = UNSET,

) -> Response[PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428]:
    """ Create or update a partner

     Stores a partner clinic chain with the URL its booking webhooks go to and its Standard Webhooks
    secret (`whsec_<base64>`, never returned). 201 when created, 200 when updated.

    *Rules:* SPEC 4.3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        partner_id (str):
        if_match (str | Unset):
        body (PartnerWrite): A partner clinic group (the webhook receiver): created or replaced by
            ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428]
     """


    kwargs = _get_kwargs(
        partner_id=partner_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PartnerWrite,
    if_match: str | Unset = UNSET,

) -> PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428 | None:
    """ Create or update a partner

     Stores a partner clinic chain with the URL its booking webhooks go to and its Standard Webhooks
    secret (`whsec_<base64>`, never returned). 201 when created, 200 when updated.

    *Rules:* SPEC 4.3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        partner_id (str):
        if_match (str | Unset):
        body (PartnerWrite): A partner clinic group (the webhook receiver): created or replaced by
            ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428
     """


    return sync_detailed(
        partner_id=partner_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PartnerWrite,
    if_match: str | Unset = UNSET,

) -> Response[PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428]:
    """ Create or update a partner

     Stores a partner clinic chain with the URL its booking webhooks go to and its Standard Webhooks
    secret (`whsec_<base64>`, never returned). 201 when created, 200 when updated.

    *Rules:* SPEC 4.3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        partner_id (str):
        if_match (str | Unset):
        body (PartnerWrite): A partner clinic group (the webhook receiver): created or replaced by
            ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428]
     """


    kwargs = _get_kwargs(
        partner_id=partner_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PartnerWrite,
    if_match: str | Unset = UNSET,

) -> PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428 | None:
    """ Create or update a partner

     Stores a partner clinic chain with the URL its booking webhooks go to and its Standard Webhooks
    secret (`whsec_<base64>`, never returned). 201 when created, 200 when updated.

    *Rules:* SPEC 4.3, 7.

    *Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412
    `precondition_failed` (428 `precondition_required` when required and missing).

    *Access:* Operations staff only (customers → 403).

    Args:
        partner_id (str):
        if_match (str | Unset):
        body (PartnerWrite): A partner clinic group (the webhook receiver): created or replaced by
            ops (PUT, `If-Match`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartnerRead | Problem | UpsertPartnerResponse412 | UpsertPartnerResponse422 | UpsertPartnerResponse428
     """


    return (await asyncio_detailed(
        partner_id=partner_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
