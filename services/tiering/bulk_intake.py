"""Bulk intake of new policies (the importer's usual batch): ``service.upsert_policy`` for each, set-based.

In two steps so that an import can prepare its next batch while the database writes the previous one:

- ``prepare_new_policies`` (pure, no database): each policy's row and top-ups (``service.
  document_values``), its content hash and its document as ``policy.changed.v1`` carries it, from one
  pydantic dump per policy (``event_json``);
- ``create_policies``: one existence query, one holder query, then policies, top-ups and outbox rows
  each in one ``COPY`` (PostgreSQL) or executemany.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import Topic
from contracts.policy import PolicyDocument
from services.tiering import bulk_repository, event_json, rules, service
from services.tiering import repository as repo
from services.tiering.programs import Program
from vipkit import clock
from vipkit.events import EventJson, add_events


@dataclass
class NewPolicies:
    """A batch of validated policies as rows and event documents, ready to be written if all are new."""

    numbers: list[str]
    rows: list[dict[str, object]]
    top_ups: list[dict[str, object]]
    documents: list[str]  # each document's JSON with its cooling-off end, as policy.changed.v1 carries it
    underwritten: list[dt.datetime]


def prepare_new_policies(program: Program, items: list[tuple[str, PolicyDocument]]) -> NewPolicies:
    """The rows ``service._new_row`` would write for each ``(policy_no, document)`` (timestamps set at write)."""
    batch = NewPolicies([], [], [], [], [])
    for policy_no, doc in items:
        cooling_off_end = doc.cooling_off_end or rules.default_cooling_off_end(
            doc.effective_date, program.cooling_off_days
        )
        dump, digest = event_json.document_json(doc)
        row: dict[str, object] = {"policy_no": policy_no, "revision": 1, "source_version": doc.version}
        row |= {"content_hash": digest} | service.document_values(doc, cooling_off_end)
        batch.numbers.append(policy_no)
        batch.rows.append(row)
        batch.top_ups += [
            {"policy_no": policy_no, "kind": t.kind.value, "amount": t.amount, "date": t.date} for t in doc.top_ups
        ]
        batch.documents.append(event_json.with_cooling_off_end(dump, doc.cooling_off_end, cooling_off_end))
        batch.underwritten.append(doc.underwritten_at)
    return batch


async def create_policies(session: AsyncSession, program: Program, batch: NewPolicies) -> list[str] | None:
    """Write a prepared batch when its policies are all new, as ``upsert_policy(..., rerate=False)`` would.

    Returns ``None`` (nothing written) unless every policy number is distinct and not stored yet;
    the caller then goes through ``upsert_policy`` one by one. Otherwise returns the subjects to
    re-rate, having written exactly the rows and ``policy.changed.v1`` events of ``upsert_policy``
    applied in order (``first_policy_of_holder``: the holder has no stored policy and no earlier line
    in the batch).
    """
    numbers = batch.numbers
    if len(set(numbers)) != len(numbers) or await repo.existing_policy_nos(session, numbers):
        return None
    now = clock.now()
    for row in batch.rows:
        row["created_at"] = row["updated_at"] = now
    holders = sorted({str(r["holder_customer_id"]) for r in batch.rows})
    await service.lock_holders(session, holders)
    seen = set(await repo.earliest_underwriting(session, holders))  # any stored policy, or an earlier line
    await bulk_repository.add_policies(session, batch.rows, batch.top_ups)
    events: list[tuple[str, EventJson, str]] = []
    subjects: list[str] = []
    subject_column = "holder_customer_id" if program.subject == "holder" else "insured_customer_id"
    for row, document in zip(batch.rows, batch.documents, strict=True):
        holder_id = str(row["holder_customer_id"])
        first = holder_id not in seen
        seen.add(holder_id)
        insured = row["insured_customer_id"]
        data = event_json.policy_changed(
            str(row["policy_no"]), "created", holder_id, insured if isinstance(insured, str) else None, first, document
        )
        events.append((Topic.policy_changed.value, data, holder_id))
        subject = row[subject_column]
        if isinstance(subject, str) and subject:
            subjects.append(subject)
    await add_events(session, events, source=service.SOURCE)
    return subjects
