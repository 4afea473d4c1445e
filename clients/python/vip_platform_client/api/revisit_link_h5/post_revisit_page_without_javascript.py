from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post_revisit_page_without_javascript_response_422 import PostRevisitPageWithoutJavascriptResponse422
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    token: str,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/r/{token}".format(token=quote(str(token), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PostRevisitPageWithoutJavascriptResponse422 | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = PostRevisitPageWithoutJavascriptResponse422.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PostRevisitPageWithoutJavascriptResponse422 | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[PostRevisitPageWithoutJavascriptResponse422 | Problem | str]:
    """ The identity form posted without JavaScript

     A browser without JavaScript posts the identity form here (never into the URL); nothing is checked
    or kept, the page asks to open the link with JavaScript on.

    *Rules:* SPEC 5 (H5 page).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        token (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostRevisitPageWithoutJavascriptResponse422 | Problem | str]
     """


    kwargs = _get_kwargs(
        token=token,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> PostRevisitPageWithoutJavascriptResponse422 | Problem | str | None:
    """ The identity form posted without JavaScript

     A browser without JavaScript posts the identity form here (never into the URL); nothing is checked
    or kept, the page asks to open the link with JavaScript on.

    *Rules:* SPEC 5 (H5 page).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        token (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostRevisitPageWithoutJavascriptResponse422 | Problem | str
     """


    return sync_detailed(
        token=token,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[PostRevisitPageWithoutJavascriptResponse422 | Problem | str]:
    """ The identity form posted without JavaScript

     A browser without JavaScript posts the identity form here (never into the URL); nothing is checked
    or kept, the page asks to open the link with JavaScript on.

    *Rules:* SPEC 5 (H5 page).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        token (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostRevisitPageWithoutJavascriptResponse422 | Problem | str]
     """


    kwargs = _get_kwargs(
        token=token,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> PostRevisitPageWithoutJavascriptResponse422 | Problem | str | None:
    """ The identity form posted without JavaScript

     A browser without JavaScript posts the identity form here (never into the URL); nothing is checked
    or kept, the page asks to open the link with JavaScript on.

    *Rules:* SPEC 5 (H5 page).

    *Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same key
    and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; the
    same key with another body → 409 `conflict`; an error answer is not kept.

    *Access:* Public: no token needed.

    Args:
        token (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostRevisitPageWithoutJavascriptResponse422 | Problem | str
     """


    return (await asyncio_detailed(
        token=token,
client=client,
idempotency_key=idempotency_key,

    )).parsed
