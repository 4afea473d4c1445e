from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.reconciliation_run_create import ReconciliationRunCreate
from ...models.reconciliation_run_read import ReconciliationRunRead
from ...models.run_entitlement_reconciliation_response_422 import RunEntitlementReconciliationResponse422
from ...models.run_entitlement_reconciliation_response_503 import RunEntitlementReconciliationResponse503
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: None | ReconciliationRunCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/entitlements/reconciliation/runs",
    }

    
    if isinstance(body, ReconciliationRunCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503 | None:
    if response.status_code == 200:
        response_200 = ReconciliationRunRead.from_dict(response.json())



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
        response_422 = RunEntitlementReconciliationResponse422.from_dict(response.json())



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
        response_503 = RunEntitlementReconciliationResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: None | ReconciliationRunCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503]:
    """ Reconcile grants with tiers

     Compares every customer's grants with tiering's current tiers and repairs drift.

    *Rules:* SPEC 3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (None | ReconciliationRunCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: None | ReconciliationRunCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503 | None:
    """ Reconcile grants with tiers

     Compares every customer's grants with tiering's current tiers and repairs drift.

    *Rules:* SPEC 3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (None | ReconciliationRunCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: None | ReconciliationRunCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503]:
    """ Reconcile grants with tiers

     Compares every customer's grants with tiering's current tiers and repairs drift.

    *Rules:* SPEC 3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (None | ReconciliationRunCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: None | ReconciliationRunCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503 | None:
    """ Reconcile grants with tiers

     Compares every customer's grants with tiering's current tiers and repairs drift.

    *Rules:* SPEC 3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (None | ReconciliationRunCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationRunRead | RunEntitlementReconciliationResponse422 | RunEntitlementReconciliationResponse503
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
