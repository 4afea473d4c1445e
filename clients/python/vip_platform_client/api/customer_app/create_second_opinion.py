from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_second_opinion_response_403 import CreateSecondOpinionResponse403
from ...models.create_second_opinion_response_404 import CreateSecondOpinionResponse404
from ...models.create_second_opinion_response_409 import CreateSecondOpinionResponse409
from ...models.create_second_opinion_response_422 import CreateSecondOpinionResponse422
from ...models.create_second_opinion_response_503 import CreateSecondOpinionResponse503
from ...models.problem import Problem
from ...models.second_opinion_create import SecondOpinionCreate
from ...models.second_opinion_read import SecondOpinionRead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SecondOpinionCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/second-opinions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead | None:
    if response.status_code == 201:
        response_201 = SecondOpinionRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = CreateSecondOpinionResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = CreateSecondOpinionResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = CreateSecondOpinionResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = CreateSecondOpinionResponse422.from_dict(response.json())



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
        response_503 = CreateSecondOpinionResponse503.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SecondOpinionCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead]:
    """ Request a second opinion

     Requests a domestic second opinion; the provider contacts the customer within 1 working day and the
    opinion is due 10 working days after the materials are complete.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (None | str | Unset):
        body (SecondOpinionCreate): Request a domestic second opinion (SPEC 4.2 SLA: contact
            within 1 working day).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead]
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
    body: SecondOpinionCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead | None:
    """ Request a second opinion

     Requests a domestic second opinion; the provider contacts the customer within 1 working day and the
    opinion is due 10 working days after the materials are complete.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (None | str | Unset):
        body (SecondOpinionCreate): Request a domestic second opinion (SPEC 4.2 SLA: contact
            within 1 working day).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SecondOpinionCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead]:
    """ Request a second opinion

     Requests a domestic second opinion; the provider contacts the customer within 1 working day and the
    opinion is due 10 working days after the materials are complete.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (None | str | Unset):
        body (SecondOpinionCreate): Request a domestic second opinion (SPEC 4.2 SLA: contact
            within 1 working day).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead]
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
    body: SecondOpinionCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead | None:
    """ Request a second opinion

     Requests a domestic second opinion; the provider contacts the customer within 1 working day and the
    opinion is due 10 working days after the materials are complete.

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        idempotency_key (None | str | Unset):
        body (SecondOpinionCreate): Request a domestic second opinion (SPEC 4.2 SLA: contact
            within 1 working day).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSecondOpinionResponse403 | CreateSecondOpinionResponse404 | CreateSecondOpinionResponse409 | CreateSecondOpinionResponse422 | CreateSecondOpinionResponse503 | Problem | SecondOpinionRead
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
