from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_revisit_session_response_404 import CreateRevisitSessionResponse404
from ...models.create_revisit_session_response_409 import CreateRevisitSessionResponse409
from ...models.create_revisit_session_response_410 import CreateRevisitSessionResponse410
from ...models.create_revisit_session_response_422 import CreateRevisitSessionResponse422
from ...models.create_revisit_session_response_423 import CreateRevisitSessionResponse423
from ...models.problem import Problem
from ...models.session_create import SessionCreate
from ...models.session_read import SessionRead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/revisit-sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead | None:
    if response.status_code == 201:
        response_201 = SessionRead.from_dict(response.json())



        return response_201

    if response.status_code == 404:
        response_404 = CreateRevisitSessionResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = CreateRevisitSessionResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 410:
        response_410 = CreateRevisitSessionResponse410.from_dict(response.json())



        return response_410

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = CreateRevisitSessionResponse422.from_dict(response.json())



        return response_422

    if response.status_code == 423:
        response_423 = CreateRevisitSessionResponse423.from_dict(response.json())



        return response_423

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead]:
    """ Prove identity and get the questions

     With the link's token, the ID number's last 6 characters and the birth date. Answers the
    questionnaire built from the policy and the minimum answer time.

    *Rules:* SPEC 5 (identity, questionnaire).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate): Start a questionnaire session: prove identity with the link's token
            (SPEC 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead]
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
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,

) -> CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead | None:
    """ Prove identity and get the questions

     With the link's token, the ID number's last 6 characters and the birth date. Answers the
    questionnaire built from the policy and the minimum answer time.

    *Rules:* SPEC 5 (identity, questionnaire).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate): Start a questionnaire session: prove identity with the link's token
            (SPEC 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead]:
    """ Prove identity and get the questions

     With the link's token, the ID number's last 6 characters and the birth date. Answers the
    questionnaire built from the policy and the minimum answer time.

    *Rules:* SPEC 5 (identity, questionnaire).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate): Start a questionnaire session: prove identity with the link's token
            (SPEC 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead]
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
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,

) -> CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead | None:
    """ Prove identity and get the questions

     With the link's token, the ID number's last 6 characters and the birth date. Answers the
    questionnaire built from the policy and the minimum answer time.

    *Rules:* SPEC 5 (identity, questionnaire).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate): Start a questionnaire session: prove identity with the link's token
            (SPEC 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateRevisitSessionResponse404 | CreateRevisitSessionResponse409 | CreateRevisitSessionResponse410 | CreateRevisitSessionResponse422 | CreateRevisitSessionResponse423 | Problem | SessionRead
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
