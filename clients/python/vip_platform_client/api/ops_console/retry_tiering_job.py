from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job_read import JobRead
from ...models.problem import Problem
from ...models.retry_tiering_job_response_401 import RetryTieringJobResponse401
from ...models.retry_tiering_job_response_403 import RetryTieringJobResponse403
from ...models.retry_tiering_job_response_409 import RetryTieringJobResponse409
from ...models.retry_tiering_job_response_422 import RetryTieringJobResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    job_id: int,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ops/tiering/jobs/{job_id}/retry".format(job_id=quote(str(job_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422 | None:
    if response.status_code == 200:
        response_200 = JobRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = RetryTieringJobResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = RetryTieringJobResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = RetryTieringJobResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = RetryTieringJobResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422]:
    """ Run a dead job again

     A fresh retry window; the job keeps its attempt count and last error.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        job_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422 | None:
    """ Run a dead job again

     A fresh retry window; the job keeps its attempt count and last error.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        job_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422
     """


    return sync_detailed(
        job_id=job_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422]:
    """ Run a dead job again

     A fresh retry window; the job keeps its attempt count and last error.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        job_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422 | None:
    """ Run a dead job again

     A fresh retry window; the job keeps its attempt count and last error.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        job_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRead | Problem | RetryTieringJobResponse401 | RetryTieringJobResponse403 | RetryTieringJobResponse409 | RetryTieringJobResponse422
     """


    return (await asyncio_detailed(
        job_id=job_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
