"""Structured JSON logs, one object per line: identity and mobile numbers masked, revisit tokens and
session ids redacted, and the active ``trace_id`` (vipkit.tracing) on every line written inside a span."""

from __future__ import annotations

import json
import logging
import sys
import time
from contextvars import ContextVar
from typing import Any

from vipkit.masking import REDACTED, SECRET_FIELDS, mask_text, redact_secrets
from vipkit.tracing import current_trace_id

request_id_var: ContextVar[str | None] = ContextVar("vip_request_id", default=None)

_RESERVED = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    converter = time.gmtime  # type: ignore[assignment]  # UTC timestamps ("...Z"); typeshed lists gmtime oddly

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            payload["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                payload[key] = REDACTED if key in SECRET_FIELDS and value else value
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        line = redact_secrets(mask_text(json.dumps(payload, ensure_ascii=False, default=str)))
        trace_id = current_trace_id()
        if trace_id:  # our own hex id, added after masking so that a digit run in it stays searchable
            line = f'{line[:-1]}, "trace_id": "{trace_id}"}}'
        return line


_configured: set[str] = set()


def configure_logging(service: str, level: str = "INFO") -> None:
    """Route the root logger to stdout as masked JSON lines (idempotent per service)."""
    root = logging.getLogger()
    formatter = JsonFormatter(service)
    if service in _configured:
        for handler in root.handlers:
            handler.setFormatter(formatter)
        return
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    root.handlers = [handler]
    root.setLevel(level.upper())
    for noisy in ("aiokafka", "kafka", "httpx", "httpcore", "alembic", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _configured.add(service)
