"""Tiering use cases: policy intake, re-rating, daily runs, reads. Errors are declared at the top.

Decisions where the spec is silent:

- **One intake handler** (``upsert_policy``) serves ``PUT /api/v1/policies/{policy_no}``, the bulk
  import and the ``core.policy-events.v1`` consumer. A policy without the holder's customer number is
  refused with 422 ``validation_error`` naming ``holder.customer_id`` (on the feed: the message goes
  to the DLQ with that error). Under ``cards`` the insured's customer number is required likewise.
- **Versions**: when the core system sends ``version``, an older version than the stored one is
  ignored (409 ``conflict`` on the API, skipped on the feed); the same version with different
  content is refused the same way (the core must bump it). Without ``version`` (ops corrections) the
  newest write wins. A document identical to the stored one (``version`` aside) is a replay: nothing
  is written or published.
- **Re-rating** happens at once for every subject the change touches (old and new holder/insured),
  at ``clock.now()``; tier changes caused by a run take effect at 00:00 local on its ``as_of`` date.
- **Runs** and **time travel**: ``services.tiering.runs``.
- **Notifications** go to the subject's mobile number from their most recently underwritten policy.
- **Reinstatement**: a lapsed or suspended policy sent back ``in_force`` is reinstated on the day
  the change arrives (``policies.reinstated_on``; the core feed carries no reinstatement date).
  ``tier.changed.v1`` carries ``waiting_from`` (earliest effective-or-reinstatement date of the
  counted policies; entitlements' cards waiting period) and the subject's ``birth_date`` (most
  recent policy; age limits such as cards rescue <= 65).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import PolicyChangedV1, Topic
from contracts.policy import PolicyDocument
from services.tiering import bulk, rules
from services.tiering import repository as repo
from services.tiering.models import Policy, PolicyTopUp
from services.tiering.programs import Program
from vipkit import clock
from vipkit.db import advisory_bucket_locks, advisory_xact_lock
from vipkit.events import add_event
from vipkit.problems import Conflict, NotFound, ValidationProblem

log = logging.getLogger("tiering.service")
SOURCE = "tiering"


class PolicyInvalid(ValidationProblem):
    """422 validation_error naming the offending field."""


class StalePolicyVersion(Conflict):
    """409 conflict: an older (or same, different) version than the stored one."""


class TierNotFound(NotFound):
    """404: no tier state for this customer (no policies), or another customer's."""


class PolicyNotFound(NotFound):
    """404: no such policy."""


# --- intake --------------------------------------------------------------------------------------
@dataclass
class UpsertOutcome:
    status: Literal["created", "updated", "unchanged", "stale"]
    policy: Policy
    rerated: list[str] = field(default_factory=list)
    message: str = ""


def content_hash(doc: PolicyDocument) -> str:
    payload = doc.model_dump_json(exclude={"version"})
    return hashlib.sha256(payload.encode()).hexdigest()


def validate_document(program: Program, doc: PolicyDocument) -> None:
    errors = rules.policy_business_errors(doc, subject=program.subject)
    if errors:
        first = errors[0]
        raise PolicyInvalid(
            f"{first.field}: {first.message}",
            errors=[{"field": e.field, "message": e.message, "type": "business_rule"} for e in errors],
        )


def document_values(doc: PolicyDocument, cooling_off_end: dt.date) -> dict[str, object]:
    """The ``policies`` columns a document sets (identity, product, terms, status, dates)."""
    values: dict[str, object] = {}
    for role in ("holder", "insured"):
        person = getattr(doc, role)
        values[f"{role}_customer_id"] = person.customer_id
        values[f"{role}_name"] = person.name
        values[f"{role}_id_type"] = person.id_type.value
        values[f"{role}_id_no"] = person.id_no
        values[f"{role}_mobile"] = person.mobile
        values[f"{role}_birth_date"] = person.birth_date
    values |= {
        "product_code": doc.product.code,
        "product_name": doc.product.name,
        "product_kind": doc.product.kind.value,
        "channel": doc.channel.value,
        "payment_mode": doc.payment_mode.value,
        "annual_premium": doc.annual_premium,
        "payment_years": doc.payment_years,
        "coverage_years": doc.coverage_years,
        "status": doc.status.value,
        "underwritten_at": doc.underwritten_at,
        "effective_date": doc.effective_date,
        "cooling_off_end": cooling_off_end,
        "cooling_off_end_given": doc.cooling_off_end is not None,
        "loan_or_pledge": doc.loan_or_pledge,
        "electronic_contract": doc.electronic_contract,
        "top_up_total": sum((t.amount for t in doc.top_ups), Decimal("0.00")),
    }
    return values


def _apply_document(row: Policy, doc: PolicyDocument, cooling_off_end: dt.date) -> None:
    for name, value in document_values(doc, cooling_off_end).items():
        setattr(row, name, value)
    row.top_ups = [PolicyTopUp(kind=t.kind.value, amount=t.amount, date=t.date) for t in doc.top_ups]


def subject_of(program: Program, row: Policy) -> str | None:
    return row.holder_customer_id if program.subject == "holder" else row.insured_customer_id


def not_newer(row: Policy, doc: PolicyDocument, digest: str) -> UpsertOutcome | None:
    """The outcome for a document that is not a newer version of ``row`` (stale or unchanged), else None."""
    if doc.version is not None and row.source_version is not None:
        if doc.version < row.source_version:
            return UpsertOutcome("stale", row, message=f"version {doc.version} is older than {row.source_version}")
        if doc.version == row.source_version and row.content_hash != digest:
            return UpsertOutcome("stale", row, message=f"version {doc.version} already stored with different content")
    if row.content_hash == digest:
        if doc.version is not None and (row.source_version is None or doc.version > row.source_version):
            row.source_version = doc.version
        return UpsertOutcome("unchanged", row)
    return None


def policy_changed(
    policy_no: str, change: Literal["created", "updated"], doc: PolicyDocument, cooling_off_end: dt.date, *, first: bool
) -> PolicyChangedV1:
    """The ``policy.changed.v1`` event of a stored change (the document with its cooling-off end)."""
    return PolicyChangedV1(
        policy_no=policy_no,
        change=change,
        holder_customer_id=doc.holder.customer_id,
        insured_customer_id=doc.insured.customer_id,
        first_policy_of_holder=first,
        policy=doc.model_copy(update={"cooling_off_end": cooling_off_end}),
    )


def _update_row(row: Policy, doc: PolicyDocument, digest: str, cooling_off_end: dt.date, now: dt.datetime) -> None:
    """A newer version of a stored policy: the new values, the next revision (a reinstatement dated today)."""
    if rules.is_reinstatement(row.status, doc.status.value):
        row.reinstated_on = now.astimezone(clock.SHANGHAI).date()
    _apply_document(row, doc, cooling_off_end)
    row.revision += 1
    row.content_hash = digest
    if doc.version is not None:
        row.source_version = doc.version
    row.updated_at = now


def _new_row(policy_no: str, doc: PolicyDocument, digest: str, cooling_off_end: dt.date, now: dt.datetime) -> Policy:
    row = Policy(policy_no=policy_no, revision=1, source_version=doc.version, content_hash=digest)
    _apply_document(row, doc, cooling_off_end)
    row.created_at = row.updated_at = now
    return row


async def _publish_change(
    session: AsyncSession, row: Policy, doc: PolicyDocument, change: Literal["created", "updated"]
) -> None:
    """``policy.changed.v1`` in the same transaction; ``first_policy_of_holder`` decided under the holder's lock."""
    holder_id = row.holder_customer_id
    # one holder's policies taken in concurrently: decided one after the other, so never two "first"
    await lock_holders(session, [holder_id])
    first = not await repo.holder_has_earlier_policy(
        session, holder_id, row.policy_no, row.underwritten_at, row.created_at
    )
    event = policy_changed(row.policy_no, change, doc, row.cooling_off_end, first=first)
    await add_event(session, Topic.policy_changed, event, key=holder_id, source=SOURCE)


async def upsert_policy(
    session: AsyncSession,
    program: Program,
    policy_no: str,
    doc: PolicyDocument,
    *,
    validated: bool = False,
    rerate: bool = True,
) -> UpsertOutcome:
    """Store a policy change, publish ``policy.changed.v1`` and re-rate the subjects it touches.

    ``rerate=False`` (bulk import) leaves the re-rating of ``outcome.rerated`` to the caller.
    """
    if not validated:
        validate_document(program, doc)
    digest = content_hash(doc)
    cooling_off_end = doc.cooling_off_end or rules.default_cooling_off_end(doc.effective_date, program.cooling_off_days)
    now = clock.now()
    # concurrent first PUTs of one policy: the second waits and then sees the first's row (no 500)
    await advisory_xact_lock(session, f"policy:{policy_no}")
    row = await repo.get_policy(session, policy_no, for_update=True)
    old_subject: str | None = None
    change: Literal["created", "updated"]
    if row is not None:
        refused = not_newer(row, doc, digest)
        if refused is not None:
            return refused
        old_subject = subject_of(program, row)
        _update_row(row, doc, digest, cooling_off_end, now)
        change = "updated"
    else:
        row = _new_row(policy_no, doc, digest, cooling_off_end, now)
        session.add(row)
        change = "created"
    await session.flush()
    await _publish_change(session, row, doc, change)
    subjects = sorted({s for s in (old_subject, subject_of(program, row)) if s})  # old and new subject
    if rerate:
        await bulk.rerate(session, program, subjects, now, cause=f"policy {policy_no} {change}")
    return UpsertOutcome(change, row, subjects)


async def lock_holders(session: AsyncSession, holder_ids: list[str]) -> None:
    """Serialize the intake of one holder's policies, so at most one is ever the holder's first."""
    await advisory_bucket_locks(session, "tiering-holder", holder_ids, buckets=128)
