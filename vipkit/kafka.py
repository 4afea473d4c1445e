"""Kafka helpers: topic creation, the producer (idempotent when the broker allows), broker checks."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError

from vipkit.settings import CommonSettings

log = logging.getLogger("vipkit.kafka")

# Brokers that do not implement InitProducerId (tansu's memory storage) answer with one of these.
_NO_IDEMPOTENCE: dict[str, bool] = {}


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


async def ensure_topics(bootstrap: str, topics: Iterable[str], partitions: int, replication: int = 1) -> None:
    """Create the topics (and their ``.dlq``) if missing; existing ones are left alone."""
    wanted = sorted({t for topic in topics for t in (topic, dlq_topic(topic))})
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in wanted if t not in existing]
        if missing:
            try:
                await admin.create_topics(
                    [NewTopic(t, num_partitions=partitions, replication_factor=replication) for t in missing]
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
        bootstrap_servers=bootstrap, client_id=client_id, acks="all", request_timeout_ms=10000, linger_ms=0
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
