from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.resolve_entitlements_parked_outbox_row_action import check_resolve_entitlements_parked_outbox_row_action
from ...models.resolve_entitlements_parked_outbox_row_action import ResolveEntitlementsParkedOutboxRowAction
from ...models.resolve_entitlements_parked_outbox_row_response_401 import ResolveEntitlementsParkedOutboxRowResponse401
from ...models.resolve_entitlements_parked_outbox_row_response_403 import ResolveEntitlementsParkedOutboxRowResponse403
from ...models.resolve_entitlements_parked_outbox_row_response_409 import ResolveEntitlementsParkedOutboxRowResponse409
from ...models.resolve_entitlements_parked_outbox_row_response_422 import ResolveEntitlementsParkedOutboxRowResponse422
from ...models.resolve_entitlements_parked_outbox_row_response_resolveentitlementsparkedoutboxrow import ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    row_id: int,
    action: ResolveEntitlementsParkedOutboxRowAction,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ops/entitlements/outbox/{row_id}/{action}".format(row_id=quote(str(row_id), safe=""),action=quote(str(action), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow | None:
    if response.status_code == 200:
        response_200 = ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ResolveEntitlementsParkedOutboxRowResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ResolveEntitlementsParkedOutboxRowResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = ResolveEntitlementsParkedOutboxRowResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ResolveEntitlementsParkedOutboxRowResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    row_id: int,
    action: ResolveEntitlementsParkedOutboxRowAction,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow]:
    """ Retry or discard a parked outbox row

     `retry` publishes it again; `discard` gives it up and releases the customer's later events.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        row_id (int):
        action (ResolveEntitlementsParkedOutboxRowAction):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow]
     """


    kwargs = _get_kwargs(
        row_id=row_id,
action=action,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    row_id: int,
    action: ResolveEntitlementsParkedOutboxRowAction,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow | None:
    """ Retry or discard a parked outbox row

     `retry` publishes it again; `discard` gives it up and releases the customer's later events.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        row_id (int):
        action (ResolveEntitlementsParkedOutboxRowAction):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow
     """


    return sync_detailed(
        row_id=row_id,
action=action,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    row_id: int,
    action: ResolveEntitlementsParkedOutboxRowAction,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow]:
    """ Retry or discard a parked outbox row

     `retry` publishes it again; `discard` gives it up and releases the customer's later events.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        row_id (int):
        action (ResolveEntitlementsParkedOutboxRowAction):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow]
     """


    kwargs = _get_kwargs(
        row_id=row_id,
action=action,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    row_id: int,
    action: ResolveEntitlementsParkedOutboxRowAction,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow | None:
    """ Retry or discard a parked outbox row

     `retry` publishes it again; `discard` gives it up and releases the customer's later events.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        row_id (int):
        action (ResolveEntitlementsParkedOutboxRowAction):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResolveEntitlementsParkedOutboxRowResponse401 | ResolveEntitlementsParkedOutboxRowResponse403 | ResolveEntitlementsParkedOutboxRowResponse409 | ResolveEntitlementsParkedOutboxRowResponse422 | ResolveEntitlementsParkedOutboxRowResponseResolveentitlementsparkedoutboxrow
     """


    return (await asyncio_detailed(
        row_id=row_id,
action=action,
client=client,
idempotency_key=idempotency_key,

    )).parsed
