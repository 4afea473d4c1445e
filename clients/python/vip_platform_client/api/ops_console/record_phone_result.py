from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.phone_item_read import PhoneItemRead
from ...models.phone_result_request import PhoneResultRequest
from ...models.problem import Problem
from ...models.record_phone_result_response_404 import RecordPhoneResultResponse404
from ...models.record_phone_result_response_409 import RecordPhoneResultResponse409
from ...models.record_phone_result_response_422 import RecordPhoneResultResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    item_id: str,
    *,
    body: PhoneResultRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/phone-queue/{item_id}/result".format(item_id=quote(str(item_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422 | None:
    if response.status_code == 200:
        response_200 = PhoneItemRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = RecordPhoneResultResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = RecordPhoneResultResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = RecordPhoneResultResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PhoneResultRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422]:
    """ Record a phone revisit

     `completed` closes the task; `no_answer` keeps the electronic route open.

    *Rules:* SPEC 5 (phone fallback).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        item_id (str):
        idempotency_key (str | Unset):
        body (PhoneResultRequest): The result of one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422]
     """


    kwargs = _get_kwargs(
        item_id=item_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PhoneResultRequest,
    idempotency_key: str | Unset = UNSET,

) -> PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422 | None:
    """ Record a phone revisit

     `completed` closes the task; `no_answer` keeps the electronic route open.

    *Rules:* SPEC 5 (phone fallback).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        item_id (str):
        idempotency_key (str | Unset):
        body (PhoneResultRequest): The result of one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422
     """


    return sync_detailed(
        item_id=item_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PhoneResultRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422]:
    """ Record a phone revisit

     `completed` closes the task; `no_answer` keeps the electronic route open.

    *Rules:* SPEC 5 (phone fallback).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        item_id (str):
        idempotency_key (str | Unset):
        body (PhoneResultRequest): The result of one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422]
     """


    kwargs = _get_kwargs(
        item_id=item_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PhoneResultRequest,
    idempotency_key: str | Unset = UNSET,

) -> PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422 | None:
    """ Record a phone revisit

     `completed` closes the task; `no_answer` keeps the electronic route open.

    *Rules:* SPEC 5 (phone fallback).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        item_id (str):
        idempotency_key (str | Unset):
        body (PhoneResultRequest): The result of one call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PhoneItemRead | Problem | RecordPhoneResultResponse404 | RecordPhoneResultResponse409 | RecordPhoneResultResponse422
     """


    return (await asyncio_detailed(
        item_id=item_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
