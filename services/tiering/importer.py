"""Ops bulk import: NDJSON, streamed, one ``{"policy_no": ..., "policy": {...}}`` per line.

The body is read line by line (never held whole in memory); every ``batch_size`` lines commit in one
transaction: each policy goes through the same intake as ``PUT /api/v1/policies/{policy_no}``
(validation, versions, ``policy.changed.v1``), and the customers the batch touched are re-rated once
at the end of the batch (not once per policy). A batch of policies that are all new (the usual bulk
load) takes the set-based ``service.create_policies`` (same rows and events, a few statements per
batch instead of several per policy; ``COPY`` on PostgreSQL), and the touched customers are
re-rated set-wise (``bulk.rerate``: scores from one SQL aggregation, decisions by the rules). A bad
line is reported (line number, field, message) and skipped; the other lines are imported.

**Pipelined**: the next batch is parsed, validated and turned into rows (``bulk_intake.
prepare_new_policies``, no database) while the database writes the previous one; the batches are
still written one after the other, in file order, one transaction each (the same results and events
as one by one).

**Resumable**: a batch that fails to write (a database error; it is rolled back whole) is reported as
one error naming its line range, its lines count as rejected, and the import goes on with the next
batch. Importing the same file again is safe and finishes the job: policies already written are
replays (``unchanged``: nothing written or published), the missing ones are created.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CorePolicyEventV1
from services.tiering import bulk, bulk_intake, service
from services.tiering.programs import Program
from services.tiering.schemas import ImportError_, ImportResult
from vipkit import clock
from vipkit.db import Database
from vipkit.masking import mask_text

log = logging.getLogger("tiering.importer")

MAX_REPORTED_ERRORS = 1000
YIELD_EVERY = 16  # lines parsed between two turns of the batch being written


async def numbered_lines(chunks: AsyncIterator[bytes]) -> AsyncIterator[tuple[int, bytes]]:
    buffer = b""
    number = 0
    async for chunk in chunks:
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        for line in complete:
            number += 1
            yield number, line
    if buffer.strip():
        yield number + 1, buffer


async def import_ndjson(
    db: Database, program: Program, chunks: AsyncIterator[bytes], *, batch_size: int = 500
) -> ImportResult:
    return await import_lines(db, program, numbered_lines(chunks), batch_size=batch_size)


async def import_lines(
    db: Database, program: Program, lines: AsyncIterator[tuple[int, bytes]], *, batch_size: int = 500
) -> ImportResult:
    """The import of numbered NDJSON lines (``parallel_import``'s workers each get a share of a file's)."""
    run = BatchImport(db, program)
    async for number, raw in lines:
        if not raw.strip():
            continue
        run.result.received += 1
        item = run.parse(number, raw)
        if item is not None:
            run.batch.append((number, item))
        if len(run.batch) >= batch_size:
            await run.submit()
        elif run.result.received % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # the batch being written goes on meanwhile
    await run.submit()
    await run.drain()
    run.result.errors.sort(key=lambda e: e.line)  # a failed batch is reported after later lines were parsed
    return run.result


#: a JSON number with a fraction or an exponent (or text that looks like one inside a string)
FRACTIONAL_NUMBER = re.compile(rb"[:,\[][ \t\r\n]*-?[0-9]+[.eE]")


def parse_plain(raw: bytes) -> CorePolicyEventV1 | None:
    """The line validated in one pass by pydantic's JSON mode (half the CPU of ``json.loads`` plus
    validation), or None when that might not give what ``parse_reporting`` gives: JSON mode reads a
    fractional number such as ``100.0`` as ``Decimal("100")`` where Python mode, from ``json.loads``'s
    float, reads ``Decimal("100.0")``; and an invalid line is reported by ``parse_reporting``. Lines
    with amounts as strings (the contract's examples, the core system's feed) take this path."""
    if FRACTIONAL_NUMBER.search(raw):
        return None
    try:
        return CorePolicyEventV1.model_validate_json(raw)
    except (ValueError, RecursionError):  # ValidationError (JSON errors too): reported by parse_reporting
        return None


class BatchImport:
    """One import: the result so far and the batch of valid lines not yet written."""

    def __init__(self, db: Database, program: Program) -> None:
        self.db = db
        self.program = program
        self.result = ImportResult(
            received=0, created=0, updated=0, unchanged=0, stale=0, rejected=0, errors=[], rerated_customers=0
        )
        self.batch: list[tuple[int, CorePolicyEventV1]] = []
        self.writing: asyncio.Task[None] | None = None

    def reject(self, line: int, policy_no: str | None, field: str | None, message: str) -> None:
        self.result.rejected += 1
        if len(self.result.errors) < MAX_REPORTED_ERRORS:
            self.result.errors.append(ImportError_(line=line, policy_no=policy_no, field=field, message=message))

    def parse(self, number: int, raw: bytes) -> CorePolicyEventV1 | None:
        """The line's policy event, or None when it was rejected (reported with its field)."""
        item = parse_plain(raw)
        if item is None:
            item = self.parse_reporting(number, raw)
            if item is None:
                return None
        try:
            service.validate_document(self.program, item.policy)
        except service.PolicyInvalid as exc:
            first = exc.extra["errors"][0]
            self.reject(number, item.policy_no, first["field"], first["message"])
            return None
        return item

    def parse_reporting(self, number: int, raw: bytes) -> CorePolicyEventV1 | None:
        """``json.loads`` and pydantic's Python mode, as the API reads a body: the reference result,
        and the errors reported with the line's policy number when it has one."""
        policy_no = None
        try:
            data = json.loads(raw)
            found = data.get("policy_no") if isinstance(data, dict) else None
            policy_no = found if isinstance(found, str) else None  # a number or a list is not one (fuzzing)
            return CorePolicyEventV1.model_validate(data)
        except RecursionError:  # nested deeper than the parser or the validator follows
            self.reject(number, policy_no, None, "nested too deeply")
        except ValueError as exc:
            if isinstance(exc, ValidationError):
                err = exc.errors()[0]
                field = ".".join(str(p) for p in err["loc"])
                self.reject(number, policy_no, field, err["msg"])
            else:
                self.reject(number, policy_no, None, f"not JSON: {exc}")
        return None

    async def submit(self) -> None:
        """Prepare the batch, wait for the previous one to be written, then start writing this one."""
        batch = list(self.batch)
        self.batch.clear()
        if not batch:
            return
        prepared = bulk_intake.prepare_new_policies(self.program, [(i.policy_no, i.policy) for _l, i in batch])
        await self.drain()
        self.writing = asyncio.create_task(self.flush(batch, prepared))

    async def drain(self) -> None:
        if self.writing is not None:
            writing, self.writing = self.writing, None
            await writing

    async def write(
        self, session: AsyncSession, batch: list[tuple[int, CorePolicyEventV1]], prepared: bulk_intake.NewPolicies
    ) -> tuple[dict[str, int], set[str]]:
        counts: dict[str, int] = {}
        program = self.program
        subjects = await bulk_intake.create_policies(session, program, prepared)
        if subjects is not None:
            counts["created"] = len(batch)
        else:  # some policies exist already (or repeat): one by one
            subjects = []
            for _line, item in batch:
                outcome = await service.upsert_policy(
                    session, program, item.policy_no, item.policy, validated=True, rerate=False
                )
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
                subjects += outcome.rerated
        unique = set(subjects)
        if unique:
            await bulk.rerate(session, program, sorted(unique), clock.now(), cause="bulk import", setwise=True)
        return counts, unique

    async def flush(self, batch: list[tuple[int, CorePolicyEventV1]], prepared: bulk_intake.NewPolicies) -> None:
        result = self.result
        try:
            async with self.db.transaction() as session:
                counts, subjects = await self.write(session, batch, prepared)
        except Exception as exc:
            first, last = batch[0][0], batch[-1][0]
            message = mask_text(f"lines {first}-{last} not written ({len(batch)} policies): {exc}".splitlines()[0])
            log.warning("import batch failed: %s", message)
            result.rejected += len(batch)
            if len(result.errors) < MAX_REPORTED_ERRORS:
                result.errors.append(ImportError_(line=first, policy_no=None, field=None, message=message))
        else:
            for status, count in counts.items():
                setattr(result, status, getattr(result, status) + count)
            result.rerated_customers += len(subjects)
