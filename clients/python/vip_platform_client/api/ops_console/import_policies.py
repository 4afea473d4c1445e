from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_policies_response_413 import ImportPoliciesResponse413
from ...models.import_policies_response_422 import ImportPoliciesResponse422
from ...models.import_result import ImportResult
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/policies/import",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/x-ndjson"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = ImportPoliciesResponse413.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ImportPoliciesResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: str,

) -> Response[ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem]:
    """ Bulk import policies

     NDJSON body (`application/x-ndjson`), one `{policy_no, policy}` per line, streamed in batches; bad
    lines are reported with their line number, good ones stored. Safe to repeat: policies are upserted
    by `policy_no` (no `Idempotency-Key` needed).

    *Rules:* SPEC 2.

    *Access:* Operations staff only (customers → 403).

    Args:
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: str,

) -> ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem | None:
    """ Bulk import policies

     NDJSON body (`application/x-ndjson`), one `{policy_no, policy}` per line, streamed in batches; bad
    lines are reported with their line number, good ones stored. Safe to repeat: policies are upserted
    by `policy_no` (no `Idempotency-Key` needed).

    *Rules:* SPEC 2.

    *Access:* Operations staff only (customers → 403).

    Args:
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: str,

) -> Response[ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem]:
    """ Bulk import policies

     NDJSON body (`application/x-ndjson`), one `{policy_no, policy}` per line, streamed in batches; bad
    lines are reported with their line number, good ones stored. Safe to repeat: policies are upserted
    by `policy_no` (no `Idempotency-Key` needed).

    *Rules:* SPEC 2.

    *Access:* Operations staff only (customers → 403).

    Args:
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: str,

) -> ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem | None:
    """ Bulk import policies

     NDJSON body (`application/x-ndjson`), one `{policy_no, policy}` per line, streamed in batches; bad
    lines are reported with their line number, good ones stored. Safe to repeat: policies are upserted
    by `policy_no` (no `Idempotency-Key` needed).

    *Rules:* SPEC 2.

    *Access:* Operations staff only (customers → 403).

    Args:
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportPoliciesResponse413 | ImportPoliciesResponse422 | ImportResult | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
