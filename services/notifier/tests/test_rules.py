"""Pure rules: retry backoff, giving up, and the start-up refusal of placeholder provider keys."""

from __future__ import annotations

import pytest

from services.notifier.rules import RetryDecision, after_failure, backoff_delay
from services.notifier.settings import NotifierSettings


@pytest.mark.parametrize(
    ("failed_attempts", "delay"),
    [(1, 2.0), (2, 4.0), (3, 8.0), (4, 16.0), (8, 256.0), (9, 300.0), (20, 300.0)],
)
def test_retry_backoff_doubles_from_the_base_and_is_capped(failed_attempts: int, delay: float) -> None:
    assert backoff_delay(failed_attempts, base_seconds=2, max_seconds=300) == delay


def test_backoff_counts_failures_from_one() -> None:
    with pytest.raises(ValueError):
        backoff_delay(0, base_seconds=2, max_seconds=300)


@pytest.mark.parametrize(
    ("attempts_made", "expected"),
    [
        (1, RetryDecision("queued", 2.0)),
        (4, RetryDecision("queued", 16.0)),
        (5, RetryDecision("failed", None)),  # bounded: the 5th failure of 5 gives up
        (6, RetryDecision("failed", None)),
    ],
)
def test_failed_delivery_is_retried_until_max_attempts_then_failed(attempts_made: int, expected: RetryDecision) -> None:
    assert after_failure(attempts_made, max_attempts=5, base_seconds=2, max_seconds=300) == expected


def test_permanent_failure_is_not_retried() -> None:
    decision = after_failure(1, max_attempts=5, base_seconds=2, max_seconds=300, permanent=True)
    assert decision == RetryDecision("failed", None)


@pytest.mark.parametrize("key", ["", "change-me", "placeholder", "secret"])
@pytest.mark.parametrize("env", ["staging", "prod"])
def test_placeholder_provider_key_is_refused_outside_dev(key: str, env: str) -> None:
    settings = NotifierSettings(
        sms_url="https://sms.example.com/send", sms_key=key, wechat_url="https://wx.example.com"
    )
    with pytest.raises(RuntimeError, match="VIP_NOTIFIER_SMS_KEY"):
        settings.check_secrets(env)
    wechat = NotifierSettings(sms_url="https://sms.example.com", sms_key="k-real", wechat_url="https://wx.example.com")
    with pytest.raises(RuntimeError, match="VIP_NOTIFIER_WECHAT_KEY"):
        wechat.check_secrets(env)


def test_placeholder_key_is_accepted_in_dev_and_the_sink_needs_no_key() -> None:
    NotifierSettings(sms_url="https://sms.example.com/send", sms_key="change-me").check_secrets("dev")
    NotifierSettings().check_secrets("dev")
    NotifierSettings().check_secrets("test")


def test_production_refuses_the_sink() -> None:
    with pytest.raises(RuntimeError, match="sink"):
        NotifierSettings(sms_url="https://sms.example.com", sms_key="k-real-1").check_secrets("prod")
    NotifierSettings(
        sms_url="https://sms.example.com",
        sms_key="k-real-1",
        wechat_url="https://wx.example.com",
        wechat_key="k-real-2",
    ).check_secrets("prod")


def test_a_provider_outage_is_retried_for_at_least_24_hours_before_giving_up() -> None:
    """Issue 12: 5 tries at 2/4/8/16 s dropped a minute's outage; now the window is 24 h."""
    total = 0.0
    attempts = 0
    while True:
        attempts += 1
        decision = after_failure(
            attempts,
            max_attempts=1000,
            base_seconds=2,
            max_seconds=600,
            trying_for_seconds=total,
            retry_for_seconds=24 * 3600,
        )
        if decision.status == "failed":
            break
        assert decision.delay_seconds is not None and decision.delay_seconds <= 600
        total += decision.delay_seconds
    assert total >= 24 * 3600
    assert attempts < 1000  # the window, not the safety cap, ends it
