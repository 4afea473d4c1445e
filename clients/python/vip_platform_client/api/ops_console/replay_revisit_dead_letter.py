from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.replay_revisit_dead_letter_response_401 import ReplayRevisitDeadLetterResponse401
from ...models.replay_revisit_dead_letter_response_403 import ReplayRevisitDeadLetterResponse403
from ...models.replay_revisit_dead_letter_response_404 import ReplayRevisitDeadLetterResponse404
from ...models.replay_revisit_dead_letter_response_409 import ReplayRevisitDeadLetterResponse409
from ...models.replay_revisit_dead_letter_response_422 import ReplayRevisitDeadLetterResponse422
from ...models.replay_revisit_dead_letter_response_replayrevisitdeadletter import ReplayRevisitDeadLetterResponseReplayrevisitdeadletter
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    letter_id: int,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ops/revisit/dead-letters/{letter_id}/replay".format(letter_id=quote(str(letter_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter | None:
    if response.status_code == 200:
        response_200 = ReplayRevisitDeadLetterResponseReplayrevisitdeadletter.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ReplayRevisitDeadLetterResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ReplayRevisitDeadLetterResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ReplayRevisitDeadLetterResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ReplayRevisitDeadLetterResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ReplayRevisitDeadLetterResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter]:
    """ Replay a dead letter

     Feeds the message through its consumer again; idempotent (an event already applied is a no-op).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        letter_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter | None:
    """ Replay a dead letter

     Feeds the message through its consumer again; idempotent (an event already applied is a no-op).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        letter_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter
     """


    return sync_detailed(
        letter_id=letter_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter]:
    """ Replay a dead letter

     Feeds the message through its consumer again; idempotent (an event already applied is a no-op).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        letter_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter | None:
    """ Replay a dead letter

     Feeds the message through its consumer again; idempotent (an event already applied is a no-op).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        letter_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReplayRevisitDeadLetterResponse401 | ReplayRevisitDeadLetterResponse403 | ReplayRevisitDeadLetterResponse404 | ReplayRevisitDeadLetterResponse409 | ReplayRevisitDeadLetterResponse422 | ReplayRevisitDeadLetterResponseReplayrevisitdeadletter
     """


    return (await asyncio_detailed(
        letter_id=letter_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
