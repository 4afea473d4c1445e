from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.run_tiering_response_422 import RunTieringResponse422
from ...models.tiering_run_read import TieringRunRead
from ...models.tiering_run_request import TieringRunRequest
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: TieringRunRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tiering/runs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RunTieringResponse422 | TieringRunRead | None:
    if response.status_code == 200:
        response_200 = TieringRunRead.from_dict(response.json())



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
        response_422 = RunTieringResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RunTieringResponse422 | TieringRunRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TieringRunRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | RunTieringResponse422 | TieringRunRead]:
    """ Run the tier jobs due on a date

     Daily evaluation, cooling-off confirmations and the review (on a review date) for `as_of`;
    idempotent per date. `as_of` may not be after today.

    *Rules:* SPEC 2.1, 7.3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (TieringRunRequest): Run the daily tier evaluation (upgrades, review-date downgrades,
            cooling-off ends) for a date.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RunTieringResponse422 | TieringRunRead]
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
    body: TieringRunRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | RunTieringResponse422 | TieringRunRead | None:
    """ Run the tier jobs due on a date

     Daily evaluation, cooling-off confirmations and the review (on a review date) for `as_of`;
    idempotent per date. `as_of` may not be after today.

    *Rules:* SPEC 2.1, 7.3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (TieringRunRequest): Run the daily tier evaluation (upgrades, review-date downgrades,
            cooling-off ends) for a date.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RunTieringResponse422 | TieringRunRead
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TieringRunRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | RunTieringResponse422 | TieringRunRead]:
    """ Run the tier jobs due on a date

     Daily evaluation, cooling-off confirmations and the review (on a review date) for `as_of`;
    idempotent per date. `as_of` may not be after today.

    *Rules:* SPEC 2.1, 7.3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (TieringRunRequest): Run the daily tier evaluation (upgrades, review-date downgrades,
            cooling-off ends) for a date.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RunTieringResponse422 | TieringRunRead]
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
    body: TieringRunRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | RunTieringResponse422 | TieringRunRead | None:
    """ Run the tier jobs due on a date

     Daily evaluation, cooling-off confirmations and the review (on a review date) for `as_of`;
    idempotent per date. `as_of` may not be after today.

    *Rules:* SPEC 2.1, 7.3.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        idempotency_key (str | Unset):
        body (TieringRunRequest): Run the daily tier evaluation (upgrades, review-date downgrades,
            cooling-off ends) for a date.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RunTieringResponse422 | TieringRunRead
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
