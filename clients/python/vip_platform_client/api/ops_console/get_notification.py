from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_notification_response_404 import GetNotificationResponse404
from ...models.get_notification_response_422 import GetNotificationResponse422
from ...models.notification_read import NotificationRead
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    notification_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/notifications/{notification_id}".format(notification_id=quote(str(notification_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetNotificationResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = GetNotificationResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notification_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem]:
    """ Read a notification

     With its delivery attempts.

    *Access:* Operations staff only (customers → 403).

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem]
     """


    kwargs = _get_kwargs(
        notification_id=notification_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    notification_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem | None:
    """ Read a notification

     With its delivery attempts.

    *Access:* Operations staff only (customers → 403).

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem
     """


    return sync_detailed(
        notification_id=notification_id,
client=client,

    ).parsed

async def asyncio_detailed(
    notification_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem]:
    """ Read a notification

     With its delivery attempts.

    *Access:* Operations staff only (customers → 403).

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem]
     """


    kwargs = _get_kwargs(
        notification_id=notification_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    notification_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem | None:
    """ Read a notification

     With its delivery attempts.

    *Access:* Operations staff only (customers → 403).

    Args:
        notification_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetNotificationResponse404 | GetNotificationResponse422 | NotificationRead | Problem
     """


    return (await asyncio_detailed(
        notification_id=notification_id,
client=client,

    )).parsed
