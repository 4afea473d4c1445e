"""``ETag`` / ``If-Match`` for ops-managed resources (partners, clinics, calendar years, relatives).

The ETag is a digest of the resource's JSON representation (what GET answers), so it changes with
every change of the resource and needs no version column. A PUT or DELETE with ``If-Match`` naming
another version (someone changed it since you read it) → 412 ``precondition_failed`` with
``current_etag``; with ``VIP_REQUIRE_IF_MATCH=1`` a change of an existing resource without
``If-Match`` → 428 ``precondition_required`` (creating with PUT needs none). Off by default so that
existing scripts keep working; production ops consoles should turn it on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from fastapi import Request, Response
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

from vipkit.problems import Problem


def _utc(value: Any) -> Any:
    """Instants compared as instants: the same moment read back in another offset is the same version."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, dict):
        return {k: _utc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_utc(v) for v in value]
    return value


def etag_for(representation: Any) -> str:
    """A strong ETag of a representation (a pydantic model, a dict...)."""
    if isinstance(representation, BaseModel):
        representation = representation.model_dump()
    canonical = json.dumps(jsonable_encoder(_utc(representation)), sort_keys=True, ensure_ascii=False)
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:24] + '"'


def set_etag(response: Response, representation: Any) -> None:
    response.headers["ETag"] = etag_for(representation)


def check_if_match(request: Request, current: Any | None) -> None:
    """Refuse a change based on a stale version; ``current`` is the representation now (None: absent)."""
    header = request.headers.get("If-Match")
    if header is None:
        settings = getattr(request.app.state, "common_settings", None)
        if current is not None and getattr(settings, "require_if_match", False):
            raise Problem(
                "this change needs If-Match with the ETag of the version you read",
                status=428,
                code="precondition_required",
            )
        return
    tags = {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}
    if current is None:
        raise Problem("If-Match given but the resource does not exist", status=412, code="precondition_failed")
    if "*" in tags:
        return
    now = etag_for(current)
    if now not in tags:
        raise Problem(
            "the resource changed since you read it; read it again and retry",
            status=412,
            code="precondition_failed",
            current_etag=now,
        )
