"""RFC 9457 problem+json errors with the stable codes of SPEC 7.1.

Raise ``Problem`` (or a subclass declared at the top of a service's ``service.py``) anywhere in a
request; the handlers installed by ``install_problem_handlers`` render it. Validation errors are
422 ``validation_error`` and name the field.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from vipkit.error_codes import ERROR_CODES
from vipkit.logging import request_id_var

log = logging.getLogger("vipkit.problems")

PROBLEM_CONTENT_TYPE = "application/problem+json"

CODES = frozenset(ERROR_CODES)  # SPEC 7.1 and the plumbing's own; one table with the Chinese messages

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    410: "Gone",
    412: "Precondition Failed",
    413: "Content Too Large",
    422: "Unprocessable Content",
    423: "Locked",
    428: "Precondition Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class Problem(Exception):
    """An error that renders as RFC 9457 problem+json with a stable ``code``."""

    status: int = 400
    code: str = "validation_error"
    keep_effects: bool = False

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code
        assert self.code in CODES, f"unknown problem code {self.code!r}"
        self.headers = headers or {}
        self.extra = extra

    def to_dict(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"https://vip.example.com/problems/{self.code.replace('_', '-')}",
            "title": _TITLES.get(self.status, "Error"),
            "status": self.status,
            "code": self.code,
            "detail": self.detail,
        }
        if instance:
            body["instance"] = instance
        request_id = request_id_var.get()
        if request_id:
            body["request_id"] = request_id
        body.update(self.extra)
        return body


class NotFound(Problem):
    status = 404
    code = "not_found"


class Unauthorized(Problem):
    status = 401
    code = "unauthorized"


class Forbidden(Problem):
    status = 403
    code = "forbidden"


class Conflict(Problem):
    status = 409
    code = "conflict"


class ValidationProblem(Problem):
    status = 422
    code = "validation_error"


# --- the SPEC 7.1 domain problems, declared once for every service ----------------------------------
class TooLateToBook(Problem):
    status = 422
    code = "too_late_to_book"


class QuotaExhausted(Problem):
    status = 409
    code = "quota_exhausted"


class NotEntitled(Problem):
    status = 403
    code = "not_entitled"


class FullyBooked(Problem):
    status = 409
    code = "fully_booked"


class ClinicClosed(Problem):
    status = 422
    code = "clinic_closed"


class CalendarUnknown(Problem):
    status = 422
    code = "calendar_unknown"


class IllegalTransition(Problem):
    status = 409
    code = "illegal_transition"


class InvalidSignature(Problem):
    status = 401
    code = "invalid_signature"


class LinkExpired(Problem):
    status = 410
    code = "link_expired"


class IdentityMismatch(Problem):
    """``keep_effects``: the failed-attempt counter it raised must be committed, not rolled back."""

    status = 422
    code = "identity_mismatch"
    keep_effects = True


class SessionLocked(Problem):
    status = 423
    code = "session_locked"
    keep_effects = True


class AnsweredTooFast(Problem):
    status = 422
    code = "answered_too_fast"
    keep_effects = True


class ServiceUnavailable(Problem):
    """A service this one depends on cannot be reached (beyond SPEC 7.1, for the plumbing)."""

    status = 503
    code = "service_unavailable"


def problem_response(problem: Problem, instance: str | None = None) -> JSONResponse:
    return JSONResponse(
        problem.to_dict(instance),
        status_code=problem.status,
        media_type=PROBLEM_CONTENT_TYPE,
        headers=problem.headers,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def validation_problem(exc: RequestValidationError) -> Problem:
    errors = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body",)]
        errors.append({"field": ".".join(loc), "message": err.get("msg", ""), "type": err.get("type", "")})
    first = errors[0] if errors else {"field": "", "message": "invalid request"}
    detail = f"{first['field']}: {first['message']}" if first["field"] else str(first["message"])
    return ValidationProblem(detail, errors=_jsonable(errors))


def refused_parameter(exc: BaseException) -> bool:
    """The database driver refused a query parameter before sending it (asyncpg: an integer past
    int64, a value of the wrong type): the input's fault, like a ``DataError`` from the server."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, OverflowError) or (
            type(seen).__name__ == "DataError" and type(seen).__module__.startswith("asyncpg")
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def database_problem(exc: DBAPIError, path: str) -> Problem:
    """A database error as the client's problem: a refused value → 422, a transient failure (database
    restarting, deadlock, connection lost) → 503 to retry, anything else → 500."""
    from vipkit.consumer_errors import classify

    if refused_parameter(exc):  # e.g. an id of 2^63: the driver cannot even send it
        log.warning("value refused by the driver", extra={"path": path, "error": str(exc.orig)[:300]})
        return ValidationProblem("a value is too long or out of range")
    if classify(exc) == "transient":
        log.warning("database unavailable", extra={"path": path, "error": str(exc.orig)[:300]})
        return Problem(
            "the database is briefly unavailable; retry the request",
            status=503,
            code="service_unavailable",
            headers={"Retry-After": "1"},
        )
    log.exception("unhandled database error", extra={"path": path})
    return Problem("internal error", status=500, code="internal_error")


def install_problem_handlers(app: FastAPI) -> None:
    """Render every error of the app as problem+json, never as a stack trace."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(validation_problem(exc), request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            409: "conflict",
            413: "payload_too_large",
            429: "rate_limited",
        }.get(exc.status_code, "validation_error" if exc.status_code < 500 else "internal_error")
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return problem_response(
            Problem(detail, status=exc.status_code, code=code, headers=dict(exc.headers or {})), request.url.path
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # a concurrent writer won a unique key (check-then-insert race): the client may retry
        log.warning("integrity conflict", extra={"path": request.url.path, "error": str(exc.orig)[:300]})
        problem = Conflict("a concurrent request changed the same resource; retry the request")
        return problem_response(problem, request.url.path)

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        # the database refused a value (too long for its column, out of range): the input's fault
        log.warning("value refused by the database", extra={"path": request.url.path, "error": str(exc.orig)[:300]})
        return problem_response(ValidationProblem("a value is too long or out of range"), request.url.path)

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError) -> JSONResponse:
        return problem_response(ValidationProblem("a date or number is out of range"), request.url.path)

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
        return problem_response(database_problem(exc, request.url.path), request.url.path)

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", extra={"path": request.url.path})
        return problem_response(Problem("internal error", status=500, code="internal_error"), request.url.path)
