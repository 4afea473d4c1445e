from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.issue_revisit_link_response_404 import IssueRevisitLinkResponse404
from ...models.issue_revisit_link_response_409 import IssueRevisitLinkResponse409
from ...models.issue_revisit_link_response_422 import IssueRevisitLinkResponse422
from ...models.issued_link_read import IssuedLinkRead
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    task_id: str,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/revisits/{task_id}/link".format(task_id=quote(str(task_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem | None:
    if response.status_code == 201:
        response_201 = IssuedLinkRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = IssueRevisitLinkResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = IssueRevisitLinkResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = IssueRevisitLinkResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem]:
    """ Issue a personal link

     A fresh personal link for a task (ops, demo); the SMS is the normal way. Expires after 30 days.

    *Rules:* SPEC 5.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem]
     """


    kwargs = _get_kwargs(
        task_id=task_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem | None:
    """ Issue a personal link

     A fresh personal link for a task (ops, demo); the SMS is the normal way. Expires after 30 days.

    *Rules:* SPEC 5.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem
     """


    return sync_detailed(
        task_id=task_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem]:
    """ Issue a personal link

     A fresh personal link for a task (ops, demo); the SMS is the normal way. Expires after 30 days.

    *Rules:* SPEC 5.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem]
     """


    kwargs = _get_kwargs(
        task_id=task_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem | None:
    """ Issue a personal link

     A fresh personal link for a task (ops, demo); the SMS is the normal way. Expires after 30 days.

    *Rules:* SPEC 5.

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssueRevisitLinkResponse404 | IssueRevisitLinkResponse409 | IssueRevisitLinkResponse422 | IssuedLinkRead | Problem
     """


    return (await asyncio_detailed(
        task_id=task_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
