"""Request-body limit for every service (``VIP_REQUEST_MAX_BODY_BYTES``, 1 MiB by default).

The gateway has its own limit, but services are reachable inside the cluster too (defence in
depth): a request whose ``Content-Length`` is over the limit is refused before routing, and a body
streamed without a length is counted as it is read and cut at the limit. Either way: 413
``payload_too_large`` as problem+json, and the body is never buffered beyond the limit.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vipkit.problems import Problem, problem_response


class BodyTooLarge(HTTPException):
    """Raised while the body is read; an HTTPException so FastAPI renders it as 413 problem+json."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body over {max_bytes} bytes")


def too_large(max_bytes: int) -> Problem:
    return Problem(f"request body over {max_bytes} bytes", status=413, code="payload_too_large", max_bytes=max_bytes)


def declared_length(scope: Scope) -> int:
    """The request's ``Content-Length`` (0 when absent or not a number)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if declared_length(scope) > self.max_bytes:
            await problem_response(too_large(self.max_bytes))(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await problem_response(too_large(self.max_bytes))(scope, receive, send)
