from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_gateway_readiness_response_200 import GetGatewayReadinessResponse200
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/readyz",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetGatewayReadinessResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = GetGatewayReadinessResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())



        return response_405

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetGatewayReadinessResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetGatewayReadinessResponse200 | Problem]:
    """ Readiness

     Ready when the gateway can take traffic. Each upstream's readiness (and Redis, when configured) is
    reported under `upstreams`/`checks` and listed in `degraded`, but never gates: an upstream that is
    down answers 503 `service_unavailable` on its own routes only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetGatewayReadinessResponse200 | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> GetGatewayReadinessResponse200 | Problem | None:
    """ Readiness

     Ready when the gateway can take traffic. Each upstream's readiness (and Redis, when configured) is
    reported under `upstreams`/`checks` and listed in `degraded`, but never gates: an upstream that is
    down answers 503 `service_unavailable` on its own routes only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetGatewayReadinessResponse200 | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[GetGatewayReadinessResponse200 | Problem]:
    """ Readiness

     Ready when the gateway can take traffic. Each upstream's readiness (and Redis, when configured) is
    reported under `upstreams`/`checks` and listed in `degraded`, but never gates: an upstream that is
    down answers 503 `service_unavailable` on its own routes only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetGatewayReadinessResponse200 | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> GetGatewayReadinessResponse200 | Problem | None:
    """ Readiness

     Ready when the gateway can take traffic. Each upstream's readiness (and Redis, when configured) is
    reported under `upstreams`/`checks` and listed in `degraded`, but never gates: an upstream that is
    down answers 503 `service_unavailable` on its own routes only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetGatewayReadinessResponse200 | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
