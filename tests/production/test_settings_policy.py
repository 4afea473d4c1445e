"""Issue 13 items 2 and 4: Kafka security settings → aiokafka arguments; the secrets policy.

tansu (the local broker) implements SASL/SCRAM but its user CLI cannot create users on a broker
that requires authentication (memory storage), and it has no SASL/PLAIN: the SASL/TLS wiring is
therefore proven here on the arguments every producer, consumer and admin client receives.
"""

from __future__ import annotations

import ssl

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from services.notifier.settings import NotifierSettings
from vipkit.settings import DEV_JWT_SECRET, CommonSettings
from vipkit.testing import TEST_JWT_SECRET

STRONG = "a-real-secret-from-the-vault-0123456789"
INTERNAL = "another-real-secret-from-the-vault-98765"


def test_plaintext_by_default_adds_no_arguments():
    from vipkit.kafka import security_kwargs

    assert security_kwargs(CommonSettings(env="test")) == {}
    assert security_kwargs(None) == {}


async def test_sasl_ssl_with_a_ca_file(monkeypatch):
    from vipkit.kafka import security_kwargs

    # a real CA bundle (the system one): loaded into the context that verifies the brokers
    bundle = ssl.get_default_verify_paths().cafile or "/etc/ssl/certs/ca-certificates.crt"
    monkeypatch.setenv("VIP_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("VIP_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
    monkeypatch.setenv("VIP_KAFKA_SASL_USERNAME", "vip-platform")
    monkeypatch.setenv("VIP_KAFKA_SASL_PASSWORD", "kafka-password")
    monkeypatch.setenv("VIP_KAFKA_SSL_CAFILE", bundle)
    kwargs = security_kwargs(CommonSettings(env="test"))
    assert kwargs["security_protocol"] == "SASL_SSL"
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == ("vip-platform", "kafka-password")
    context = kwargs["ssl_context"]
    assert isinstance(context, ssl.SSLContext) and context.verify_mode == ssl.CERT_REQUIRED
    assert context.cert_store_stats()["x509_ca"] >= 1
    # aiokafka accepts them in every client the platform opens (constructed, not connected)
    producer = AIOKafkaProducer(bootstrap_servers="127.0.0.1:1", **kwargs)
    consumer = AIOKafkaConsumer(bootstrap_servers="127.0.0.1:1", **kwargs)
    admin = AIOKafkaAdminClient(bootstrap_servers="127.0.0.1:1", **kwargs)
    for kafka_client in (producer.client, consumer._client, admin._client):  # aiokafka's connection client
        assert kafka_client._security_protocol == "SASL_SSL"
        assert kafka_client._sasl_mechanism == "SCRAM-SHA-512"
    await producer.stop()
    await consumer.stop()
    await admin.close()


class Captured(Exception):
    pass


async def test_every_client_the_platform_opens_gets_the_security_arguments(monkeypatch):
    """Producer (relay, DLQ), consumer and admin (topic creation) all pass the settings' security."""
    import vipkit.consumer
    import vipkit.kafka
    from vipkit.consumer import ConsumerRunner, ConsumerSpec

    seen: dict[str, dict[str, object]] = {}

    def capture(name: str):
        def factory(*args: object, **kwargs: object) -> object:
            seen[name] = kwargs
            raise Captured

        return factory

    monkeypatch.setattr(vipkit.kafka, "AIOKafkaProducer", capture("producer"))
    monkeypatch.setattr(vipkit.kafka, "AIOKafkaAdminClient", capture("admin"))
    monkeypatch.setattr(vipkit.consumer, "AIOKafkaConsumer", capture("consumer"))
    settings = CommonSettings(
        env="test",
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-256",
        kafka_sasl_username="svc",
        kafka_sasl_password="pw",
        kafka_min_insync_replicas=2,
    )
    with pytest.raises(Captured):
        await vipkit.kafka.start_producer(settings, client_id="t")
    with pytest.raises(Captured):
        await vipkit.kafka.ensure_topics("b:1", ["t"], 3, 3, settings=settings)
    spec = ConsumerSpec("c", ["t"], handler=None)  # type: ignore[arg-type]
    runner = ConsumerRunner(spec, db=None, settings=settings, service="s")  # type: ignore[arg-type]
    with pytest.raises(Captured):
        await runner.start()
    for name in ("producer", "admin", "consumer"):
        assert seen[name]["security_protocol"] == "SASL_PLAINTEXT", name
        assert seen[name]["sasl_mechanism"] == "SCRAM-SHA-256", name
        assert (seen[name]["sasl_plain_username"], seen[name]["sasl_plain_password"]) == ("svc", "pw"), name


def test_sasl_plaintext_plain():
    from vipkit.kafka import security_kwargs

    kwargs = security_kwargs(
        CommonSettings(
            env="test", kafka_security_protocol="SASL_PLAINTEXT", kafka_sasl_username="u", kafka_sasl_password="p"
        )
    )
    assert kwargs == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": "u",
        "sasl_plain_password": "p",
    }


def test_unknown_protocol_or_env_is_refused():
    with pytest.raises(ValueError):
        CommonSettings(kafka_security_protocol="SASL")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        CommonSettings(env="production")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("secret", "reason"),
    [
        (DEV_JWT_SECRET, "placeholder or development"),
        (TEST_JWT_SECRET, "placeholder or development"),
        ("change-me", "placeholder or development"),
        ("short-but-not-a-default", "shorter than 32 bytes"),
        ("x" * 31, "shorter than 32 bytes"),
    ],
)
def test_staging_refuses_dev_and_short_secrets(secret, reason, monkeypatch):
    monkeypatch.setenv("VIP_ENV", "staging")
    monkeypatch.setenv("VIP_JWT_SECRET", secret)
    monkeypatch.setenv("VIP_INTERNAL_SECRET", INTERNAL)
    with pytest.raises(RuntimeError, match=f"VIP_JWT_SECRET is .*{reason}"):
        CommonSettings().check_secrets()
    monkeypatch.setenv("VIP_JWT_SECRET", STRONG)
    monkeypatch.setenv("VIP_INTERNAL_SECRET", secret)
    with pytest.raises(RuntimeError, match=f"VIP_INTERNAL_SECRET is .*{reason}"):
        CommonSettings().check_secrets()


def test_staging_refuses_the_test_clock_a_missing_or_shared_internal_secret(monkeypatch):
    monkeypatch.setenv("VIP_ENV", "staging")
    monkeypatch.setenv("VIP_JWT_SECRET", STRONG)
    monkeypatch.delenv("VIP_INTERNAL_SECRET", raising=False)
    with pytest.raises(RuntimeError, match="VIP_INTERNAL_SECRET"):
        CommonSettings().check_secrets()
    monkeypatch.setenv("VIP_INTERNAL_SECRET", STRONG)
    with pytest.raises(RuntimeError, match="must differ"):
        CommonSettings().check_secrets()
    monkeypatch.setenv("VIP_INTERNAL_SECRET", INTERNAL)
    CommonSettings().check_secrets()  # a proper configuration starts
    monkeypatch.setenv("VIP_TEST_CLOCK", "1")
    with pytest.raises(RuntimeError, match="VIP_TEST_CLOCK"):
        CommonSettings().check_secrets()
    for env in ("dev", "test"):
        CommonSettings(env=env, test_clock=True, jwt_secret=DEV_JWT_SECRET).check_secrets()


def test_services_and_gateway_refuse_to_start_with_staging_dev_defaults(monkeypatch):
    from gateway.main import create_app as create_gateway
    from services.tiering.main import create_app as create_tiering

    monkeypatch.setenv("VIP_ENV", "staging")
    monkeypatch.delenv("VIP_JWT_SECRET", raising=False)  # the built-in development secret
    monkeypatch.setenv("VIP_INTERNAL_SECRET", INTERNAL)
    with pytest.raises(RuntimeError, match="VIP_JWT_SECRET"):
        create_tiering()
    with pytest.raises(RuntimeError, match="VIP_JWT_SECRET"):
        create_gateway()


def test_notifier_provider_keys_are_not_placeholders_in_staging():
    settings = NotifierSettings(sms_url="https://sms.example.com", sms_key="change-me")
    with pytest.raises(RuntimeError, match="SMS_KEY"):
        settings.check_secrets("staging")
    settings.check_secrets("test")
