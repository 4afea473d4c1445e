"""Kafka helpers: connection security, topic creation, the producer (idempotent when the broker
allows), broker checks.

Managed Kafka (CKafka, Aliyun, MSK, Confluent) needs SASL and/or TLS: ``VIP_KAFKA_SECURITY_PROTOCOL``
(``PLAINTEXT`` | ``SSL`` | ``SASL_PLAINTEXT`` | ``SASL_SSL``), ``VIP_KAFKA_SASL_MECHANISM`` (``PLAIN`` |
``SCRAM-SHA-256`` | ``SCRAM-SHA-512``), ``VIP_KAFKA_SASL_USERNAME``/``_PASSWORD`` and
``VIP_KAFKA_SSL_CAFILE``. ``security_kwargs`` turns them into aiokafka arguments for every producer,
consumer and admin client the platform opens.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError
from aiokafka.helpers import create_ssl_context

from vipkit.settings import CommonSettings

log = logging.getLogger("vipkit.kafka")

# Brokers that do not implement InitProducerId (tansu's memory storage) answer with one of these.
_NO_IDEMPOTENCE: dict[str, bool] = {}


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


def security_kwargs(settings: CommonSettings | None) -> dict[str, Any]:
    """aiokafka connection-security arguments from the ``VIP_KAFKA_*`` settings."""
    if settings is None or settings.kafka_security_protocol == "PLAINTEXT":
        return {}
    protocol = settings.kafka_security_protocol
    kwargs: dict[str, Any] = {"security_protocol": protocol}
    if protocol in ("SSL", "SASL_SSL"):
        kwargs["ssl_context"] = create_ssl_context(cafile=settings.kafka_ssl_cafile)
    if protocol.startswith("SASL_"):
        kwargs["sasl_mechanism"] = settings.kafka_sasl_mechanism
        kwargs["sasl_plain_username"] = settings.kafka_sasl_username
        kwargs["sasl_plain_password"] = settings.kafka_sasl_password
    return kwargs


async def ensure_topics(
    bootstrap: str,
    topics: Iterable[str],
    partitions: int,
    replication: int = 1,
    *,
    settings: CommonSettings | None = None,
) -> None:
    """Create the topics (and their ``.dlq``) if missing; existing ones are left alone.

    With ``settings``: its connection security, and ``min.insync.replicas`` when set (2 with
    replication 3, so that ``acks=all`` survives one broker down and refuses writes below two copies).
    """
    wanted = sorted({t for topic in topics for t in (topic, dlq_topic(topic))})
    configs = (
        {"min.insync.replicas": str(settings.kafka_min_insync_replicas)}
        if settings is not None and settings.kafka_min_insync_replicas
        else None
    )
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000, **security_kwargs(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in wanted if t not in existing]
        if missing:
            try:
                await admin.create_topics(
                    [
                        NewTopic(t, num_partitions=partitions, replication_factor=replication, topic_configs=configs)
                        for t in missing
                    ]
                )
            except TopicAlreadyExistsError:
                pass
            log.info("created topics", extra={"topics": missing})
    finally:
        await admin.close()


async def start_producer(settings: CommonSettings, *, client_id: str) -> AIOKafkaProducer:
    """Start a producer with ``acks=all``; idempotent unless the broker refuses it.

    Without idempotence, ordering is still kept: aiokafka has one in-flight batch per partition
    and the relay awaits each batch before the next.
    """
    bootstrap = settings.kafka_bootstrap
    if settings.kafka_idempotent_producer and not _NO_IDEMPOTENCE.get(bootstrap):
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap,
            client_id=client_id,
            enable_idempotence=True,
            acks="all",
            request_timeout_ms=10000,
            linger_ms=0,
            **security_kwargs(settings),
        )
        try:
            await producer.start()
            return producer
        except KafkaConnectionError:
            await producer.stop()
            raise
        except KafkaError as exc:
            await producer.stop()
            _NO_IDEMPOTENCE[bootstrap] = True
            log.warning(
                "broker refused the idempotent producer; using acks=all with ordered sends",
                extra={"error": repr(exc)},
            )
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        client_id=client_id,
        acks="all",
        request_timeout_ms=10000,
        linger_ms=0,
        **security_kwargs(settings),
    )
    try:
        await producer.start()
    except BaseException:
        await producer.stop()
        raise
    return producer


async def broker_reachable(bootstrap: str, timeout: float = 3.0) -> bool:
    """Cheap readiness check: can we open a TCP connection to the first bootstrap server?"""
    host, _, port = bootstrap.split(",")[0].strip().rpartition(":")
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host or "127.0.0.1", int(port)), timeout)
    except (OSError, TimeoutError, ValueError):
        return False
    writer.close()
    try:
        await writer.wait_closed()
    except OSError:
        pass
    return True
