from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_revisit_response_404 import GetRevisitResponse404
from ...models.get_revisit_response_422 import GetRevisitResponse422
from ...models.problem import Problem
from ...models.task_detail import TaskDetail
from typing import cast



def _get_kwargs(
    task_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/revisits/{task_id}".format(task_id=quote(str(task_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail | None:
    if response.status_code == 200:
        response_200 = TaskDetail.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetRevisitResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetRevisitResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail]:
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

) -> Response[GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail]:
    """ A revisit with its audit record

     Sessions with the question texts as shown, answers, timestamps, IP and user agent.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail]
     """


    kwargs = _get_kwargs(
        task_id=task_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail | None:
    """ A revisit with its audit record

     Sessions with the question texts as shown, answers, timestamps, IP and user agent.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail
     """


    return sync_detailed(
        task_id=task_id,
client=client,

    ).parsed

async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail]:
    """ A revisit with its audit record

     Sessions with the question texts as shown, answers, timestamps, IP and user agent.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail]
     """


    kwargs = _get_kwargs(
        task_id=task_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail | None:
    """ A revisit with its audit record

     Sessions with the question texts as shown, answers, timestamps, IP and user agent.

    *Rules:* SPEC 5.

    *Access:* Operations staff only (customers → 403).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetRevisitResponse404 | GetRevisitResponse422 | Problem | TaskDetail
     """


    return (await asyncio_detailed(
        task_id=task_id,
client=client,

    )).parsed
