from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.receive_partner_webhook_body import ReceivePartnerWebhookBody
from ...models.receive_partner_webhook_response_401 import ReceivePartnerWebhookResponse401
from ...models.receive_partner_webhook_response_404 import ReceivePartnerWebhookResponse404
from ...models.receive_partner_webhook_response_409 import ReceivePartnerWebhookResponse409
from ...models.receive_partner_webhook_response_422 import ReceivePartnerWebhookResponse422
from ...models.webhook_ack import WebhookAck
from typing import cast



def _get_kwargs(
    partner_id: str,
    *,
    body: ReceivePartnerWebhookBody,
    webhook_id: str,
    webhook_timestamp: str,
    webhook_signature: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["webhook-id"] = webhook_id

    headers["webhook-timestamp"] = webhook_timestamp

    headers["webhook-signature"] = webhook_signature



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/partners/{partner_id}/webhooks".format(partner_id=quote(str(partner_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck | None:
    if response.status_code == 200:
        response_200 = WebhookAck.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ReceivePartnerWebhookResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = ReceivePartnerWebhookResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ReceivePartnerWebhookResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ReceivePartnerWebhookResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReceivePartnerWebhookBody,
    webhook_id: str,
    webhook_timestamp: str,
    webhook_signature: str,

) -> Response[Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck]:
    """ Partner callback

     A partner reports `booking.confirmed`, `booking.rejected`, `booking.completed` or `booking.no_show`,
    signed with Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; no JWT). A
    repeated `webhook-id` answers 200 with no second effect. See docs/partners.md.

    *Rules:* SPEC 4.3.

    *Access:* Public: no token needed.

    Args:
        partner_id (str):
        webhook_id (str):
        webhook_timestamp (str):
        webhook_signature (str):
        body (ReceivePartnerWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck]
     """


    kwargs = _get_kwargs(
        partner_id=partner_id,
body=body,
webhook_id=webhook_id,
webhook_timestamp=webhook_timestamp,
webhook_signature=webhook_signature,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReceivePartnerWebhookBody,
    webhook_id: str,
    webhook_timestamp: str,
    webhook_signature: str,

) -> Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck | None:
    """ Partner callback

     A partner reports `booking.confirmed`, `booking.rejected`, `booking.completed` or `booking.no_show`,
    signed with Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; no JWT). A
    repeated `webhook-id` answers 200 with no second effect. See docs/partners.md.

    *Rules:* SPEC 4.3.

    *Access:* Public: no token needed.

    Args:
        partner_id (str):
        webhook_id (str):
        webhook_timestamp (str):
        webhook_signature (str):
        body (ReceivePartnerWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck
     """


    return sync_detailed(
        partner_id=partner_id,
client=client,
body=body,
webhook_id=webhook_id,
webhook_timestamp=webhook_timestamp,
webhook_signature=webhook_signature,

    ).parsed

async def asyncio_detailed(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReceivePartnerWebhookBody,
    webhook_id: str,
    webhook_timestamp: str,
    webhook_signature: str,

) -> Response[Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck]:
    """ Partner callback

     A partner reports `booking.confirmed`, `booking.rejected`, `booking.completed` or `booking.no_show`,
    signed with Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; no JWT). A
    repeated `webhook-id` answers 200 with no second effect. See docs/partners.md.

    *Rules:* SPEC 4.3.

    *Access:* Public: no token needed.

    Args:
        partner_id (str):
        webhook_id (str):
        webhook_timestamp (str):
        webhook_signature (str):
        body (ReceivePartnerWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck]
     """


    kwargs = _get_kwargs(
        partner_id=partner_id,
body=body,
webhook_id=webhook_id,
webhook_timestamp=webhook_timestamp,
webhook_signature=webhook_signature,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    partner_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReceivePartnerWebhookBody,
    webhook_id: str,
    webhook_timestamp: str,
    webhook_signature: str,

) -> Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck | None:
    """ Partner callback

     A partner reports `booking.confirmed`, `booking.rejected`, `booking.completed` or `booking.no_show`,
    signed with Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; no JWT). A
    repeated `webhook-id` answers 200 with no second effect. See docs/partners.md.

    *Rules:* SPEC 4.3.

    *Access:* Public: no token needed.

    Args:
        partner_id (str):
        webhook_id (str):
        webhook_timestamp (str):
        webhook_signature (str):
        body (ReceivePartnerWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceivePartnerWebhookResponse401 | ReceivePartnerWebhookResponse404 | ReceivePartnerWebhookResponse409 | ReceivePartnerWebhookResponse422 | WebhookAck
     """


    return (await asyncio_detailed(
        partner_id=partner_id,
client=client,
body=body,
webhook_id=webhook_id,
webhook_timestamp=webhook_timestamp,
webhook_signature=webhook_signature,

    )).parsed
