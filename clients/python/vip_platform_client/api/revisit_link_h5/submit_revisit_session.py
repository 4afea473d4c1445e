from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.submit_read import SubmitRead
from ...models.submit_request import SubmitRequest
from ...models.submit_revisit_session_response_404 import SubmitRevisitSessionResponse404
from ...models.submit_revisit_session_response_409 import SubmitRevisitSessionResponse409
from ...models.submit_revisit_session_response_410 import SubmitRevisitSessionResponse410
from ...models.submit_revisit_session_response_422 import SubmitRevisitSessionResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    session_id: str,
    *,
    body: SubmitRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/revisit-sessions/{session_id}/submit".format(session_id=quote(str(session_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422 | None:
    if response.status_code == 200:
        response_200 = SubmitRead.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = SubmitRevisitSessionResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = SubmitRevisitSessionResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 410:
        response_410 = SubmitRevisitSessionResponse410.from_dict(response.json())



        return response_410

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = SubmitRevisitSessionResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422]:
    """ Submit the answers

     All yes and no remark → `completed`; any no or a remark → `problem` (phone queue). Too fast →
    `answered_too_fast`; the customer may submit again.

    *Rules:* SPEC 5 (minimum answer time, outcomes).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (SubmitRequest): The answers; all yes and no remark → completed, else problem (SPEC
            5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422]
     """


    kwargs = _get_kwargs(
        session_id=session_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422 | None:
    """ Submit the answers

     All yes and no remark → `completed`; any no or a remark → `problem` (phone queue). Too fast →
    `answered_too_fast`; the customer may submit again.

    *Rules:* SPEC 5 (minimum answer time, outcomes).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (SubmitRequest): The answers; all yes and no remark → completed, else problem (SPEC
            5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422
     """


    return sync_detailed(
        session_id=session_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422]:
    """ Submit the answers

     All yes and no remark → `completed`; any no or a remark → `problem` (phone queue). Too fast →
    `answered_too_fast`; the customer may submit again.

    *Rules:* SPEC 5 (minimum answer time, outcomes).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (SubmitRequest): The answers; all yes and no remark → completed, else problem (SPEC
            5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422]
     """


    kwargs = _get_kwargs(
        session_id=session_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422 | None:
    """ Submit the answers

     All yes and no remark → `completed`; any no or a remark → `problem` (phone queue). Too fast →
    `answered_too_fast`; the customer may submit again.

    *Rules:* SPEC 5 (minimum answer time, outcomes).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (SubmitRequest): The answers; all yes and no remark → completed, else problem (SPEC
            5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubmitRead | SubmitRevisitSessionResponse404 | SubmitRevisitSessionResponse409 | SubmitRevisitSessionResponse410 | SubmitRevisitSessionResponse422
     """


    return (await asyncio_detailed(
        session_id=session_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
