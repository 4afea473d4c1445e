from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.policy_document import PolicyDocument
from ...models.policy_read import PolicyRead
from ...models.problem import Problem
from ...models.upsert_policy_response_409 import UpsertPolicyResponse409
from ...models.upsert_policy_response_422 import UpsertPolicyResponse422
from typing import cast



def _get_kwargs(
    policy_no: str,
    *,
    body: PolicyDocument,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/policies/{policy_no}".format(policy_no=quote(str(policy_no), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422 | None:
    if response.status_code == 200:
        response_200 = PolicyRead.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = PolicyRead.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = UpsertPolicyResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = UpsertPolicyResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_no: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyDocument,

) -> Response[PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422]:
    """ Create or update a policy

     The core system's policy as of now (201 created, 200 updated or unchanged). The customer's tier is
    re-rated at once; identity and mobile numbers are stored and answered masked. An older version than
    the stored one answers 409 `conflict`.

    *Rules:* SPEC 2, 7 (policy body).

    *Access:* Operations staff only (customers → 403).

    Args:
        policy_no (str):
        body (PolicyDocument): The body of ``PUT /api/v1/policies/{policy_no}``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422]
     """


    kwargs = _get_kwargs(
        policy_no=policy_no,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    policy_no: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyDocument,

) -> PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422 | None:
    """ Create or update a policy

     The core system's policy as of now (201 created, 200 updated or unchanged). The customer's tier is
    re-rated at once; identity and mobile numbers are stored and answered masked. An older version than
    the stored one answers 409 `conflict`.

    *Rules:* SPEC 2, 7 (policy body).

    *Access:* Operations staff only (customers → 403).

    Args:
        policy_no (str):
        body (PolicyDocument): The body of ``PUT /api/v1/policies/{policy_no}``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422
     """


    return sync_detailed(
        policy_no=policy_no,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    policy_no: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyDocument,

) -> Response[PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422]:
    """ Create or update a policy

     The core system's policy as of now (201 created, 200 updated or unchanged). The customer's tier is
    re-rated at once; identity and mobile numbers are stored and answered masked. An older version than
    the stored one answers 409 `conflict`.

    *Rules:* SPEC 2, 7 (policy body).

    *Access:* Operations staff only (customers → 403).

    Args:
        policy_no (str):
        body (PolicyDocument): The body of ``PUT /api/v1/policies/{policy_no}``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422]
     """


    kwargs = _get_kwargs(
        policy_no=policy_no,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    policy_no: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyDocument,

) -> PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422 | None:
    """ Create or update a policy

     The core system's policy as of now (201 created, 200 updated or unchanged). The customer's tier is
    re-rated at once; identity and mobile numbers are stored and answered masked. An older version than
    the stored one answers 409 `conflict`.

    *Rules:* SPEC 2, 7 (policy body).

    *Access:* Operations staff only (customers → 403).

    Args:
        policy_no (str):
        body (PolicyDocument): The body of ``PUT /api/v1/policies/{policy_no}``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyRead | Problem | UpsertPolicyResponse409 | UpsertPolicyResponse422
     """


    return (await asyncio_detailed(
        policy_no=policy_no,
client=client,
body=body,

    )).parsed
