"""The bulk import over several worker processes (PostgreSQL; the CLI's ``--workers``, the benchmark).

The file is read once, here: each line goes to the worker that owns its holder (a stable hash of
the holder's customer id), in file order, numbered as in the file. Each worker is an ordinary
``importer.import_lines`` over its own connections: batches, ``COPY``, set-wise re-rating, a failed
batch reported and the rest imported. A holder's lines all go to one worker in their order, so each
holder's policies, ``first_policy_of_holder``, re-ratings and events are what one process gives; the
workers write disjoint holders at once. A customer rated as the insured of several holders' policies
(a program rating the insured) may be re-rated by two workers: each re-rating locks the customer's
state and reads the committed policies, as two concurrent intakes do. The results are added up; the
errors are reported by line number (at most ``importer.MAX_REPORTED_ERRORS``).

On two cores with PostgreSQL on the same machine, two workers are what helps (``bench/README.md``).
"""

from __future__ import annotations

import asyncio
import gc
import json
import multiprocessing
import queue
import re
import zlib
from collections.abc import AsyncIterator
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from typing import Any

from services.tiering import importer
from services.tiering.programs import load_program
from services.tiering.schemas import ImportResult
from vipkit.db import Database

LINES_PER_MESSAGE = 500  # lines handed to a worker at once (one pickle)
MESSAGES_QUEUED = 8  # per worker: the reader waits when a worker is this far behind

#: the holder's customer id, when the line has one ``"holder"`` key, no escape and no nested object
#: before the id (anything else is parsed with ``json.loads``)
HOLDER_ID = re.compile(rb'"holder"\s*:\s*\{[^{}]*?"customer_id"\s*:\s*"([^"\\]*)"')

Lines = list[tuple[int, bytes]]


def holder_key(raw: bytes) -> bytes | None:
    """The line's holder customer id as bytes, or None when it has none (the line is invalid)."""
    if b"\\" not in raw and raw.count(b'"holder"') == 1 and (found := HOLDER_ID.search(raw)):
        return found.group(1)
    try:
        holder = json.loads(raw)["policy"]["holder"]["customer_id"]
    except (ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None
    return holder.encode() if isinstance(holder, str) else None


def worker_of(raw: bytes, number: int, workers: int) -> int:
    key = holder_key(raw)
    return zlib.crc32(key) % workers if key is not None else number % workers


def _next_lines(inbox: Queue[Lines | None]) -> Lines | None:
    """The next lines sent; ends the worker when the process that sends them is gone (killed)."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            return inbox.get(timeout=1.0)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                raise RuntimeError("the importing process is gone") from None


async def _queued_lines(inbox: Queue[Lines | None]) -> AsyncIterator[tuple[int, bytes]]:
    while (lines := await asyncio.to_thread(_next_lines, inbox)) is not None:
        for line in lines:
            yield line


async def _work(database_url: str, program_name: str, inbox: Queue[Lines | None], batch_size: int) -> ImportResult:
    db = Database(database_url, pool_size=2)
    try:
        return await importer.import_lines(db, load_program(program_name), _queued_lines(inbox), batch_size=batch_size)
    finally:
        await db.dispose()


def work(
    database_url: str, program_name: str, inbox: Queue[Lines | None], outbox: Queue[tuple[str, Any]], batch_size: int
) -> None:
    """A worker process: import the lines it is sent until ``None``; put its result (or its failure)."""
    gc.collect()  # as a service's start-up does (``vipkit.app.freeze_startup_heap``): the imported
    gc.freeze()  # modules out of the cyclic collector's reach; a batch makes many short-lived objects
    try:
        result = asyncio.run(_work(database_url, program_name, inbox, batch_size))
    except BaseException as exc:  # reported to the parent, which raises it
        outbox.put(("failed", f"{type(exc).__name__}: {exc}"))
        raise
    outbox.put(("done", result.model_dump()))


async def import_parallel(
    database_url: str, program_name: str, chunks: AsyncIterator[bytes], *, workers: int, batch_size: int = 500
) -> ImportResult:
    """``importer.import_ndjson`` of the streamed NDJSON in ``workers`` processes (see the module doc)."""
    context = multiprocessing.get_context("spawn")
    inboxes: list[Queue[Lines | None]] = [context.Queue(MESSAGES_QUEUED) for _ in range(workers)]
    outbox: Queue[tuple[str, Any]] = context.Queue()
    processes: list[BaseProcess] = [
        context.Process(target=work, args=(database_url, program_name, inbox, outbox, batch_size), daemon=True)
        for inbox in inboxes
    ]
    for process in processes:
        process.start()
    try:
        await _distribute(chunks, inboxes, processes)
        results = [await asyncio.to_thread(_result, outbox, processes) for _ in processes]
    finally:
        for process in processes:
            if process.is_alive() and process.exitcode is None:
                process.join(timeout=5)
            if process.is_alive():
                process.terminate()
    return merged(results)


async def _send(inbox: Queue[Lines | None], lines: Lines | None, process: BaseProcess) -> None:
    try:
        inbox.put_nowait(lines)
    except queue.Full:
        while True:
            try:
                await asyncio.to_thread(inbox.put, lines, True, 1.0)
                return
            except queue.Full:
                if not process.is_alive():
                    ended = f"import worker {process.name} ended early (exit code {process.exitcode})"
                    raise RuntimeError(ended) from None


async def _distribute(
    chunks: AsyncIterator[bytes], inboxes: list[Queue[Lines | None]], procs: list[BaseProcess]
) -> None:
    workers = len(inboxes)
    pending: list[Lines] = [[] for _ in inboxes]
    async for number, raw in importer.numbered_lines(chunks):
        if not raw.strip():
            continue
        worker = worker_of(raw, number, workers)
        share = pending[worker]
        share.append((number, raw))
        if len(share) >= LINES_PER_MESSAGE:
            await _send(inboxes[worker], list(share), procs[worker])
            share.clear()
    for inbox, share, process in zip(inboxes, pending, procs, strict=True):
        if share:
            await _send(inbox, share, process)
        await _send(inbox, None, process)


def _result(outbox: Queue[tuple[str, Any]], processes: list[BaseProcess]) -> ImportResult:
    while True:
        try:
            status, payload = outbox.get(timeout=1.0)
        except queue.Empty:
            if not any(process.is_alive() for process in processes):  # one died without a word (killed)
                raise RuntimeError("an import worker ended without a result") from None
            continue
        if status == "failed":
            raise RuntimeError(f"an import worker failed: {payload}")
        return ImportResult.model_validate(payload)


def merged(results: list[ImportResult]) -> ImportResult:
    total = ImportResult(
        received=0, created=0, updated=0, unchanged=0, stale=0, rejected=0, errors=[], rerated_customers=0
    )
    for result in results:
        for name in ("received", "created", "updated", "unchanged", "stale", "rejected", "rerated_customers"):
            setattr(total, name, getattr(total, name) + getattr(result, name))
        total.errors += result.errors
    total.errors = sorted(total.errors, key=lambda e: e.line)[: importer.MAX_REPORTED_ERRORS]
    return total
