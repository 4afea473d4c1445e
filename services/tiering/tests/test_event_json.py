"""``event_json``: each builder gives exactly pydantic's ``model_dump_json()`` of its contract model,
and a document's content hash and event copy cut from one dump equal the model-based ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contracts.events import NotificationRequestedV1, PolicyChangedV1, TierChangedV1
from contracts.policy import PolicyDocument
from services.tiering import event_json, service
from services.tiering.tests.conftest import policy_body
from vipkit.clock import SHANGHAI

AWKWARD = ['引号"与\\反斜杠', "tab\tnew\nline\x01\x1f\x7f", "\u2028 é 客户", "</script>"]


def documents() -> list[PolicyDocument]:
    docs = [
        policy_body("C1"),
        policy_body("C2", insured="C3", cooling_off_end="2026-03-01", version=7),
        policy_body(
            AWKWARD[0], insured=AWKWARD[1], product={"code": AWKWARD[2], "name": AWKWARD[3], "kind": "universal"}
        ),
        policy_body(
            "C4",
            annual_premium="1E+2",
            top_ups=[{"kind": "ad_hoc", "amount": "0.10", "date": "2026-01-02"}],
            underwritten_at="2026-01-01T10:00:00.123456+00:00",
        ),
    ]
    return [PolicyDocument.model_validate(d) for d in docs]


@pytest.mark.parametrize("doc", documents())
def test_a_document_dump_gives_the_content_hash_and_the_event_copy(doc: PolicyDocument) -> None:
    dump, digest = event_json.document_json(doc)
    assert digest == service.content_hash(doc)
    cooling = dt.date(2026, 2, 14)
    expected = doc.model_copy(update={"cooling_off_end": doc.cooling_off_end or cooling}).model_dump_json()
    assert event_json.with_cooling_off_end(dump, doc.cooling_off_end, cooling) == expected
    for first in (True, False):
        model = PolicyChangedV1(
            policy_no=AWKWARD[0],
            change="created",
            holder_customer_id=doc.holder.customer_id or "",
            insured_customer_id=doc.insured.customer_id,
            first_policy_of_holder=first,
            policy=doc.model_copy(update={"cooling_off_end": doc.cooling_off_end or cooling}),
        )
        built = event_json.policy_changed(
            AWKWARD[0], "created", doc.holder.customer_id or "", doc.insured.customer_id, first, expected
        )
        assert built.json == model.model_dump_json()


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(2026, 6, 1, tzinfo=SHANGHAI),
        dt.datetime(2026, 6, 1, 3, 4, 5, 6, tzinfo=dt.UTC),
        dt.datetime(2026, 6, 1, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=-3, minutes=-30))),
    ],
)
@pytest.mark.parametrize("score", [Decimal("0.00"), Decimal("12000.50"), Decimal("1E+2")])
def test_tier_changed_is_pydantics_dump(at: dt.datetime, score: Decimal) -> None:
    for birth, waiting in ((None, None), (dt.date(1950, 2, 28), dt.date(2026, 5, 1))):
        values = {
            "customer_id": AWKWARD[1],
            "program": "stars",
            "from_tier": "none",
            "to_tier": "star_1",
            "status": "provisional",
            "reason": "upgrade",
            "score": score,
            "effective_at": at,
            "sequence": 12,
            "birth_date": birth,
            "waiting_from": waiting,
        }
        built = event_json.tier_changed(*values.values())  # type: ignore[arg-type]
        assert built.json == TierChangedV1.model_validate(values).model_dump_json()
        assert built.labels == {"program": "stars", "reason": "upgrade", "to_tier": "star_1"}


@pytest.mark.parametrize("mobile", [None, "13800138000"])
@pytest.mark.parametrize("reference", [None, AWKWARD[2]])
def test_notification_requested_is_pydantics_dump(mobile: str | None, reference: str | None) -> None:
    built = event_json.notification_requested(
        AWKWARD[3], mobile=mobile, template="tier_upgrade", text_=AWKWARD[0], source="tiering", reference=reference
    )
    model = NotificationRequestedV1(
        customer_id=AWKWARD[3],
        mobile=mobile,
        template="tier_upgrade",
        text=AWKWARD[0],
        source_service="tiering",
        reference=reference,
    )
    assert built.json == model.model_dump_json()
