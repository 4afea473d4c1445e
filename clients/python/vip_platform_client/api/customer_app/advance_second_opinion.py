from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.advance_second_opinion_response_404 import AdvanceSecondOpinionResponse404
from ...models.advance_second_opinion_response_409 import AdvanceSecondOpinionResponse409
from ...models.advance_second_opinion_response_422 import AdvanceSecondOpinionResponse422
from ...models.problem import Problem
from ...models.second_opinion_read import SecondOpinionRead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    request_id: str,
    step: str,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/second-opinions/{request_id}/{step}".format(request_id=quote(str(request_id), safe=""),step=quote(str(step), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead | None:
    if response.status_code == 200:
        response_200 = SecondOpinionRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = AdvanceSecondOpinionResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = AdvanceSecondOpinionResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = AdvanceSecondOpinionResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    step: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead]:
    """ Advance a second-opinion request

     Steps `contacted`, `materials-complete`, `delivered` (ops) or `cancel` (owner or ops).

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):
        step (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead]
     """


    kwargs = _get_kwargs(
        request_id=request_id,
step=step,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    request_id: str,
    step: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead | None:
    """ Advance a second-opinion request

     Steps `contacted`, `materials-complete`, `delivered` (ops) or `cancel` (owner or ops).

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):
        step (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead
     """


    return sync_detailed(
        request_id=request_id,
step=step,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    request_id: str,
    step: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead]:
    """ Advance a second-opinion request

     Steps `contacted`, `materials-complete`, `delivered` (ops) or `cancel` (owner or ops).

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):
        step (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead]
     """


    kwargs = _get_kwargs(
        request_id=request_id,
step=step,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    request_id: str,
    step: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead | None:
    """ Advance a second-opinion request

     Steps `contacted`, `materials-complete`, `delivered` (ops) or `cancel` (owner or ops).

    *Rules:* SPEC 4.2 (second opinion SLA).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Any valid token; the service checks ownership of the object.

    Args:
        request_id (str):
        step (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdvanceSecondOpinionResponse404 | AdvanceSecondOpinionResponse409 | AdvanceSecondOpinionResponse422 | Problem | SecondOpinionRead
     """


    return (await asyncio_detailed(
        request_id=request_id,
step=step,
client=client,
idempotency_key=idempotency_key,

    )).parsed
