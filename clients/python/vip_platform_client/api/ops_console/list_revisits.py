from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_revisits_response_422 import ListRevisitsResponse422
from ...models.list_revisits_status_type_0 import check_list_revisits_status_type_0
from ...models.list_revisits_status_type_0 import ListRevisitsStatusType0
from ...models.problem import Problem
from ...models.task_list import TaskList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: ListRevisitsStatusType0 | None | Unset = UNSET,
    policy_no: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_policy_no: None | str | Unset
    if isinstance(policy_no, Unset):
        json_policy_no = UNSET
    else:
        json_policy_no = policy_no
    params["policy_no"] = json_policy_no

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/revisits",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListRevisitsResponse422 | Problem | TaskList | None:
    if response.status_code == 200:
        response_200 = TaskList.from_dict(response.json())



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
        response_422 = ListRevisitsResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListRevisitsResponse422 | Problem | TaskList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListRevisitsStatusType0 | None | Unset = UNSET,
    policy_no: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[ListRevisitsResponse422 | Problem | TaskList]:
    """ Revisit tasks

     By `policy_no` and `status`.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        status (ListRevisitsStatusType0 | None | Unset):
        policy_no (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListRevisitsResponse422 | Problem | TaskList]
     """


    kwargs = _get_kwargs(
        status=status,
policy_no=policy_no,
customer_id=customer_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    status: ListRevisitsStatusType0 | None | Unset = UNSET,
    policy_no: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> ListRevisitsResponse422 | Problem | TaskList | None:
    """ Revisit tasks

     By `policy_no` and `status`.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        status (ListRevisitsStatusType0 | None | Unset):
        policy_no (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListRevisitsResponse422 | Problem | TaskList
     """


    return sync_detailed(
        client=client,
status=status,
policy_no=policy_no,
customer_id=customer_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ListRevisitsStatusType0 | None | Unset = UNSET,
    policy_no: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[ListRevisitsResponse422 | Problem | TaskList]:
    """ Revisit tasks

     By `policy_no` and `status`.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        status (ListRevisitsStatusType0 | None | Unset):
        policy_no (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListRevisitsResponse422 | Problem | TaskList]
     """


    kwargs = _get_kwargs(
        status=status,
policy_no=policy_no,
customer_id=customer_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: ListRevisitsStatusType0 | None | Unset = UNSET,
    policy_no: None | str | Unset = UNSET,
    customer_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> ListRevisitsResponse422 | Problem | TaskList | None:
    """ Revisit tasks

     By `policy_no` and `status`.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        status (ListRevisitsStatusType0 | None | Unset):
        policy_no (None | str | Unset):
        customer_id (None | str | Unset):
        limit (int | Unset): Page size, 1..200 (more is a 422, never a silent cap) Default: 50.
        cursor (None | str | Unset): Opaque: the `next_cursor` of the previous page; omit for the
            first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListRevisitsResponse422 | Problem | TaskList
     """


    return (await asyncio_detailed(
        client=client,
status=status,
policy_no=policy_no,
customer_id=customer_id,
limit=limit,
cursor=cursor,

    )).parsed
