"""Data retention (docs/data-retention.md): each service deletes what it no longer needs, daily.

A ``PurgeRule`` names a table, the timestamp that ages its rows, the retention period in days and
the condition that a row is finished with (only finished rows are ever purged: an unpublished
outbox row, an undelivered notification or an open job is kept however old it is). Children
(delivery attempts, ...) go with their parent in the same transaction. Deletes run in batches, one
short transaction each, so a purge never holds long locks.

Every service purges the shared plumbing tables (outbox, inbox, job_runs) and adds rules for its
own tables; the ``retention-purge`` daily job (03:30 local time) runs them, and ``purge`` can be
called with an explicit ``now`` (the test clock).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, func, select

from vipkit import clock, metrics
from vipkit.db import Database, inbox_table, job_runs_table, outbox_table
from vipkit.plumbing import dead_letters_table, durable_jobs_table
from vipkit.settings import CommonSettings

log = logging.getLogger("vipkit.retention")

PURGE_JOB = "retention-purge"
PURGE_AT = dt.time(3, 30)


@dataclass(frozen=True)
class Child:
    """Rows of ``table`` whose ``column`` points at the parent's primary key: deleted first."""

    table: Any  # a Table (a model's ``__table__``)
    column: Any  # a column or mapped attribute


@dataclass(frozen=True)
class PurgeRule:
    table: Any  # a Table (a model's ``__table__``)
    aged_by: Any  # a timestamp column or SQL expression
    days: int
    finished: Any = None  # a SQL condition: the row is finished with
    children: Sequence[Child] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return str(self.table.name)


def plumbing_rules(settings: CommonSettings) -> list[PurgeRule]:
    """The shared tables: published outbox rows, inbox ids, finished job runs (never the newest run of
    a job: the scheduler's catch-up reads it)."""
    newest = job_runs_table.alias("newest")
    latest_occurrence = (
        select(func.max(newest.c.occurrence)).where(newest.c.job == job_runs_table.c.job).scalar_subquery()
    )
    return [
        PurgeRule(
            outbox_table,
            outbox_table.c.published_at,
            settings.retention_outbox_days,
            finished=outbox_table.c.published_at.is_not(None),
        ),
        PurgeRule(inbox_table, inbox_table.c.processed_at, settings.retention_inbox_days),
        PurgeRule(
            job_runs_table,
            job_runs_table.c.finished_at,
            settings.retention_job_runs_days,
            finished=and_(job_runs_table.c.finished_at.is_not(None), job_runs_table.c.occurrence < latest_occurrence),
        ),
        PurgeRule(
            durable_jobs_table,
            durable_jobs_table.c.finished_at,
            settings.retention_durable_jobs_days,
            finished=durable_jobs_table.c.state.in_(("done", "discarded")),
        ),
        PurgeRule(
            dead_letters_table,
            dead_letters_table.c.replayed_at,
            settings.retention_dead_letters_days,
            finished=dead_letters_table.c.replayed_at.is_not(None),
        ),
    ]


async def purge_rule(db: Database, rule: PurgeRule, now: dt.datetime, *, batch: int = 2000) -> int:
    cutoff = now - dt.timedelta(days=rule.days)
    condition = rule.aged_by < cutoff
    if rule.finished is not None:
        condition = and_(condition, rule.finished)
    pk = list(rule.table.primary_key.columns)
    total = 0
    if len(pk) != 1:  # composite keys (inbox): one statement
        async with db.transaction() as session:
            result = await session.execute(delete(rule.table).where(condition))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
    while True:
        async with db.transaction() as session:
            ids = list((await session.scalars(select(pk[0]).where(condition).order_by(pk[0]).limit(batch))).all())
            if not ids:
                return total
            for child in rule.children:
                await session.execute(delete(child.table).where(child.column.in_(ids)))
            result = await session.execute(delete(rule.table).where(pk[0].in_(ids)))
            total += int(result.rowcount or 0)  # type: ignore[attr-defined]
        if len(ids) < batch:
            return total


async def purge(
    db: Database, rules: Sequence[PurgeRule], *, service: str, now: dt.datetime | None = None
) -> dict[str, int]:
    """Delete every finished row older than its period; returns the rows deleted per table."""
    now = now or clock.now()
    deleted: dict[str, int] = {}
    for rule in rules:
        n = await purge_rule(db, rule, now)
        deleted[rule.name] = n
        if n:
            metrics.PURGED_ROWS.labels(service, rule.name).inc(n)
    log.info("retention purge", extra={"deleted": deleted, "as_of": now.isoformat()})
    return deleted
