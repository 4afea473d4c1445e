"""The daily SMS batches set-wise (issue 17: 100,000 policies in the 10:00 window in under a minute).

Each chunk of due tasks gets its links (``COPY`` on PostgreSQL), one UPDATE of the tasks, and its
outbox rows in one multi-row write (``vipkit.events.add_events``): per task the SMS request, then
(first SMS of a pending task) its ``pending -> sms_sent`` change, in that order, as the per-task
path wrote them. Texts, links and events come from the same rules; a re-run finds nothing due.

With ``commit`` (the 10:00 job and the ops endpoint) each chunk is committed on its own, so the outbox
relay and the notifier start on the first chunks while the later ones are written (issue 17: end to
end, not batch then relay then notifier). A chunk is still one transaction (its links, statuses and
outbox rows together); a run that fails half-way leaves the committed chunks sent, and running it
again sends the rest (nothing is due twice).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import RevisitChangedV1, Topic
from services.revisit import batch_repository as batch_repo
from services.revisit import rules
from services.revisit.batch_repository import SmsKind
from services.revisit.events import SOURCE, new_id
from services.revisit.mapping import facts_of
from services.revisit.models import RevisitLink
from services.revisit.settings import RevisitSettings
from vipkit import clock
from vipkit.db import copy_rows
from vipkit.events import add_events
from vipkit.notifications import notification_request

CHUNK = 1000
TEMPLATES: dict[str, str] = {"first_sms": "revisit_first_sms", "second_sms": "revisit_second_sms"}


Commit = Callable[[], Awaitable[None]]


async def send_due_sms(
    session: AsyncSession, settings: RevisitSettings, as_of: dt.datetime, kind: SmsKind, commit: Commit | None = None
) -> list[str]:
    """Request this SMS for every task due by ``as_of``, chunk by chunk (each chunk committed with
    ``commit`` when given); returns their policy numbers."""
    policies: list[str] = []
    after = ""
    while rows := await batch_repo.due_chunk(session, kind, as_of, after, CHUNK):
        after = rows[-1].id
        await _send_chunk(session, settings, as_of, kind, rows)
        if commit is not None:
            await commit()
        policies.extend(row.policy_no for row in rows)
    return policies


async def _send_chunk(
    session: AsyncSession, settings: RevisitSettings, as_of: dt.datetime, kind: SmsKind, rows: Any
) -> None:
    now = clock.now()
    expires_at = rules.link_expires_at(now, settings.link_ttl_days)
    build = rules.first_sms_text if kind == "first_sms" else rules.second_sms_text
    links: list[dict[str, Any]] = []
    events: list[tuple[str, BaseModel, str]] = []
    for task in rows:
        token = secrets.token_urlsafe(32)
        links.append(
            {
                "id": new_id("ln"),
                "task_id": task.id,
                "token_hash": rules.hash_token(token),
                "purpose": kind,
                "issued_at": now,
                "expires_at": expires_at,
            }
        )
        url = rules.revisit_url(settings.public_base_url, token)
        text = build(facts_of(task), url, settings.insurer_name, settings.hotline, settings.link_ttl_days)
        events.append(
            notification_request(
                task.customer_id,
                mobile=task.holder_mobile,
                template=TEMPLATES[kind],
                text=text,
                source=SOURCE,
                reference=task.policy_no,
            )
        )
        if kind == "first_sms" and task.status == "pending":
            events.append((Topic.revisit_changed.value, _sms_sent(task), task.customer_id))
    await copy_rows(session, RevisitLink.__table__, links)  # type: ignore[arg-type]
    second_due = rules.second_sms_due(as_of) if kind == "first_sms" else None
    await batch_repo.mark_sms_sent(session, kind, [task.id for task in rows], as_of, now, second_due)
    await add_events(session, events, source=SOURCE)


def _sms_sent(task: Any) -> RevisitChangedV1:
    return RevisitChangedV1(
        task_id=task.id,
        policy_no=task.policy_no,
        customer_id=task.customer_id,
        from_status="pending",
        to_status="sms_sent",
        outcome=None,
        answers=None,
        remark=None,
    )
