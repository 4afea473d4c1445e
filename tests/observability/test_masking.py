"""SPEC 7: identity and mobile numbers are masked in every log line, in every notation; revisit link
tokens and session ids never reach a log in clear (property tests over generated numbers)."""

from __future__ import annotations

import io
import json
import logging

from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.policy import gb11643_check_digit
from gateway.accesslog import AccessLog
from vipkit.logging import JsonFormatter
from vipkit.masking import mask_text, redact_path, redact_secrets

_FULL = str.maketrans("0123456789+X", "０１２３４５６７８９＋Ｘ")

mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    area = draw(st.sampled_from(["110101", "310115", "440305", "510104", "650102"]))
    birth = draw(st.dates(min_value=__import__("datetime").date(1930, 1, 1))).strftime("%Y%m%d")
    seq = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    body = area + birth + seq
    return body + gb11643_check_digit(body)


def mobile_notations(m: str) -> list[str]:
    spaced = f"{m[:3]} {m[3:7]} {m[7:]}"
    return [
        m,
        f"+86{m}",
        f"+86 {m}",
        f"+86-{m[:3]}-{m[3:7]}-{m[7:]}",
        f"0086{m}",
        f"86-{m}",
        f"tel:+86{m}",
        f"tel:86{m}",
        spaced,
        f"{m[:3]}-{m[3:7]}-{m[7:]}",
        m.translate(_FULL),
        f"＋８６{m.translate(_FULL)}",
        spaced.translate(_FULL).replace(" ", "\u3000"),
        f"mobile{m}",
        f"手机号：{m}，请回电",
    ]


def id_notations(i: str) -> list[str]:
    return [
        i,
        f"ID{i}",
        f"身份证{i}号",
        f"{i[:6]} {i[6:14]} {i[14:]}",
        f"{i[:6]}-{i[6:14]}-{i[14:]}",
        i.translate(_FULL),
        i.lower(),
    ]


def _digits(text: str) -> str:
    """Every digit (ASCII or full-width) in order, nothing else: what a reader could reassemble."""
    return "".join(c for c in text.translate(str.maketrans("０１２３４５６７８９", "0123456789")) if c.isdigit())


@settings(max_examples=150, deadline=None)
@given(mobiles, st.sampled_from(range(15)), st.text(alphabet="xyzA 。，:号", max_size=6))
def test_every_mobile_notation_is_masked(mobile: str, form: int, around: str) -> None:
    written = mobile_notations(mobile)[form]
    masked = mask_text(f"{around}{written}{around}")
    assert mobile[3:7] not in _digits(masked).replace(mobile[:3] + mobile[-4:], ""), masked
    assert mobile not in _digits(masked)
    assert "****" + mobile[-4:] in masked, masked  # still recognisable by its last four digits


@settings(max_examples=150, deadline=None)
@given(resident_ids(), st.sampled_from(range(7)))
def test_every_id_notation_is_masked(id_no: str, form: int) -> None:
    masked = mask_text(f"holder {id_notations(id_no)[form]} end")
    assert id_no[6:14] not in _digits(masked), masked  # the date of birth is hidden
    assert id_no[:6] + "********" + id_no[14:].upper() in masked.upper(), masked


@settings(max_examples=100, deadline=None)
@given(mobiles, resident_ids(), st.sampled_from([" ", "-", ", ", " / "]))
def test_numbers_side_by_side_are_each_masked(mobile: str, id_no: str, sep: str) -> None:
    masked = mask_text(f"{id_no}{sep}{mobile}")
    digits = _digits(masked)
    assert mobile not in digits and id_no[6:14] not in digits, masked
    assert "****" + mobile[-4:] in masked and "********" + id_no[14:] in masked, masked


def test_numbers_that_are_neither_are_left_alone() -> None:
    for text in (
        "policy P20260000000001",
        "2026-09-28T10:00:00+08:00",
        "took 1234 ms, 200 OK",
        "order 12345678901234",
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "uuid 550e8400-e29b-41d4-a716-446655440000",
    ):
        assert mask_text(text) == text


def test_revisit_tokens_and_session_ids_are_redacted() -> None:
    token = "Zq3x9Yb2-T_kw8Lp0aQ1nR5s"
    assert redact_path(f"/r/{token}") == "/r/[redacted]"
    assert redact_path("/api/v1/revisit-sessions/7f3a9c/submit") == "/api/v1/revisit-sessions/[redacted]/submit"
    assert redact_path("/api/v1/bookings/B1") == "/api/v1/bookings/B1"
    line = f"请点击 https://vip.example.com/r/{token} 完成回访 ?token={token}&x=1"
    assert token not in redact_secrets(line)


def test_log_lines_mask_numbers_and_redact_secret_fields() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("probe"))
    logger = logging.getLogger("probe.masking")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning(
            "sms to +86 138 0013 8000 failed",
            extra={"token": "abcdef123456", "session_id": "s-42", "id_no": "ID110101199001011234", "path": "/r/tok"},
        )
    finally:
        logger.removeHandler(handler)
    line = json.loads(stream.getvalue())
    assert "0013" not in line["msg"] and "138****8000" in line["msg"]
    assert line["token"] == "[redacted]" and line["session_id"] == "[redacted]"
    assert line["id_no"] == "ID110101********1234" and line["path"] == "/r/[redacted]"


def test_gateway_access_log_redacts_links_and_masks_numbers() -> None:
    stream = io.StringIO()
    access = AccessLog(stream=stream)
    access.record("rid", "GET", "/r/Zq3x9Yb2T_kw8Lp0", 200, 1.0, "revisit", None, None, "127.0.0.1")
    access.record("rid", "POST", "/api/v1/revisit-sessions/abc123/submit", 200, 1.0, "revisit", None, None, None)
    access.record("rid", "GET", "/api/v1/customers/138 0013 8000/tier", 200, 1.0, "tiering", None, None, None)
    access.flush()
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [entry["path"] for entry in lines] == [
        "/r/[redacted]",
        "/api/v1/revisit-sessions/[redacted]/submit",
        "/api/v1/customers/138****8000/tier",
    ]
