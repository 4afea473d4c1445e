"""OpenTelemetry tracing: one trace from the gateway through each service, the outbox, Kafka and
the consumers in other services (docs/observability.md).

- Off unless ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``..._TRACES_ENDPOINT``) is set: then spans go to
  that OTLP/HTTP collector in batches. A test may install its own SDK provider first
  (``trace.set_tracer_provider``); ``configure_tracing`` keeps it.
- When off, nothing is instrumented (no per-request cost) and the helpers here are no-ops.
- HTTP: FastAPI (server), httpx (service-to-service client) and SQLAlchemy are instrumented by the
  ``opentelemetry-instrumentation-*`` packages; the aiohttp gateway starts its span by hand (its hot
  path is hand-tuned) and injects ``traceparent`` into the upstream request.
- Events: the CloudEvents distributed-tracing extension. ``add_event`` opens an ``outbox <topic>``
  span and writes its ``traceparent``/``tracestate`` into the envelope, so the trace survives the
  outbox table. The relay's ``publish <topic>`` span is the child of that context and travels in
  the Kafka ``traceparent`` header; the consumer's ``process <topic>`` span is its child (or the
  envelope's, for messages from elsewhere).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.trace import SpanKind, Status, StatusCode

log = logging.getLogger("vipkit.tracing")

tracer = trace.get_tracer("vipkit")
TRACE_FIELDS = ("traceparent", "tracestate")


def tracing_enabled() -> bool:
    """True when a real (SDK) tracer provider is installed."""
    provider = trace.get_tracer_provider()
    return not isinstance(provider, trace.ProxyTracerProvider | trace.NoOpTracerProvider)


def otlp_endpoint() -> str | None:
    return os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")


def configure_tracing(service: str) -> bool:
    """Install the OTLP exporter for ``service`` when an endpoint is configured; True when tracing is on."""
    if tracing_enabled():
        return True
    if not otlp_endpoint():
        return False
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    log.info("tracing on", extra={"otlp_endpoint": otlp_endpoint()})
    return True


def redact_span(span: Any, _scope: Any = None) -> None:
    """Server-span hook: revisit link tokens and session ids never reach the tracing backend either."""
    from vipkit.masking import redact_secrets

    for key, value in list((getattr(span, "attributes", None) or {}).items()):
        if isinstance(value, str) and (clean := redact_secrets(value)) != value:
            span.set_attribute(key, clean)


def instrument_fastapi(app: Any) -> None:
    if tracing_enabled():
        from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

        FastAPIInstrumentor.instrument_app(
            app,
            excluded_urls="healthz,readyz,metrics",
            exclude_spans=["receive", "send"],
            server_request_hook=redact_span,
        )


def instrument_engine(engine: Any) -> None:
    """SQLAlchemy spans for an ``AsyncEngine`` (its sync engine)."""
    if tracing_enabled():
        from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

        SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, skip_dep_check=True)


def instrument_httpx(client: Any) -> None:
    if tracing_enabled():
        from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

        HTTPXClientInstrumentor.instrument_client(client)


def current_trace_id() -> str | None:
    """The active trace id in hex (for log lines), or None."""
    ctx = trace.get_current_span().get_span_context()
    return format(ctx.trace_id, "032x") if ctx.is_valid else None


def inject(carrier: dict[str, Any]) -> None:
    """Write the active context's ``traceparent``/``tracestate`` into a CloudEvent envelope."""
    if trace.get_current_span().get_span_context().is_valid:
        headers: dict[str, str] = {}
        propagate.inject(headers)
        for name in TRACE_FIELDS:
            if name in headers:
                carrier[name] = headers[name]


def extract(carrier: Mapping[str, Any]) -> Context:
    return propagate.extract({k: str(carrier[k]) for k in TRACE_FIELDS if carrier.get(k)})


@contextlib.contextmanager
def span(name: str, kind: SpanKind = SpanKind.INTERNAL, **attributes: Any) -> Iterator[None]:
    """A span around a block (a no-op span when tracing is off)."""
    with tracer.start_as_current_span(name, kind=kind, attributes=attributes or None):
        yield


@contextlib.contextmanager
def consume_span(group: str, topic: str, event: Any, headers: Sequence[tuple[str, bytes]] | None) -> Iterator[None]:
    """``process <topic>``: child of the relay's publish span (Kafka header) or the event's writer."""
    if not tracing_enabled():
        yield
        return
    carrier: dict[str, Any] = {}
    for name, value in headers or ():
        if name in TRACE_FIELDS and value:
            carrier[name] = value.decode("latin-1")
    if "traceparent" not in carrier:
        carrier = {k: getattr(event, k, None) for k in TRACE_FIELDS}
    with tracer.start_as_current_span(
        f"process {topic}",
        context=extract(carrier),
        kind=SpanKind.CONSUMER,
        attributes={
            "messaging.system": "kafka",
            "messaging.destination.name": topic,
            "messaging.consumer.group.name": group,
            "messaging.message.id": event.id,
        },
    ):
        yield


class PublishSpans:
    """The relay's ``publish <topic>`` spans for one batch of outbox rows (nothing when tracing is off)."""

    def __init__(self, rows: Sequence[Any]) -> None:
        self.spans: list[trace.Span] = []
        if not tracing_enabled():
            return
        for row in rows:
            try:
                envelope = json.loads(row.payload)
            except ValueError:
                envelope = {}
            self.spans.append(
                tracer.start_span(
                    f"publish {row.topic}",
                    context=extract(envelope),
                    kind=SpanKind.PRODUCER,
                    attributes={
                        "messaging.system": "kafka",
                        "messaging.destination.name": row.topic,
                        "messaging.message.id": row.event_id,
                    },
                )
            )

    def headers(self, index: int) -> list[tuple[str, bytes]]:
        """Kafka headers carrying the publish span's context (empty when tracing is off)."""
        if not self.spans:
            return []
        carrier: dict[str, str] = {}
        propagate.inject(carrier, context=trace.set_span_in_context(self.spans[index]))
        return [(k, v.encode()) for k, v in carrier.items() if k in TRACE_FIELDS]

    def end(self, error: BaseException | None = None) -> None:
        for s in self.spans:
            if error is not None:
                s.set_status(Status(StatusCode.ERROR, repr(error)))
            s.end()
        self.spans = []
