"""Tiering command line: ``python -m services.tiering.cli import FILE`` and ``rerate AS_OF``.

``import`` streams an NDJSON file (one ``{"policy_no": ..., "policy": {...}}`` per line) through the
same importer as ``POST /api/v1/policies/import``, with a tqdm progress bar (``--workers N``: in N
processes over disjoint holders, ``parallel_import``; PostgreSQL). By default it writes to
the service's database (``VIP_TIERING_DATABASE_URL``, migrations applied first); with ``--url`` it
streams the file to a running service instead (``--token``: an ops JWT).
``run AS_OF`` runs everything due on a date (same code as ``POST /api/v1/tiering/runs``).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from tqdm import tqdm

from services.tiering import importer, parallel_import, runs
from services.tiering.main import migrate
from services.tiering.programs import load_program
from services.tiering.settings import TieringSettings
from vipkit.db import Database
from vipkit.settings import CommonSettings

CHUNK = 1 << 16


async def _file_chunks(path: Path, bar: tqdm) -> AsyncIterator[bytes]:  # type: ignore[type-arg]
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            bar.update(len(chunk))
            yield chunk
            await asyncio.sleep(0)


async def import_file(
    path: Path, size: int, *, database_url: str, program_name: str, batch_size: int, workers: int = 1
) -> dict[str, object]:
    program = load_program(program_name)
    db = Database(database_url)
    try:
        with tqdm(total=size, unit="B", unit_scale=True, desc=f"import {path.name}") as bar:
            chunks = _file_chunks(path, bar)
            if workers > 1 and db.is_postgres:  # SQLite has one writer: the import stays in this process
                result = await parallel_import.import_parallel(
                    database_url, program_name, chunks, workers=workers, batch_size=batch_size
                )
            else:
                result = await importer.import_ndjson(db, program, chunks, batch_size=batch_size)
    finally:
        await db.dispose()
    return result.model_dump()


async def import_over_http(path: Path, size: int, *, url: str, token: str) -> dict[str, object]:
    import httpx

    with tqdm(total=size, unit="B", unit_scale=True, desc=f"upload {path.name}") as bar:
        async with httpx.AsyncClient(timeout=None) as client:
            response = await client.post(
                url.rstrip("/") + "/api/v1/policies/import",
                content=_file_chunks(path, bar),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"},
            )
    response.raise_for_status()
    body: dict[str, object] = response.json()
    return body


async def run_date(as_of: dt.date, *, database_url: str, program_name: str, chunk_size: int) -> dict[str, object]:
    db = Database(database_url)
    try:
        return (await runs.run_for_date(db, load_program(program_name), as_of, chunk_size=chunk_size)).model_dump(
            mode="json"
        )
    finally:
        await db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.tiering.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="bulk import an NDJSON file of policies")
    imp.add_argument("file", type=Path)
    imp.add_argument("--url", help="stream to a running tiering service instead of the database")
    imp.add_argument("--token", help="ops JWT for --url")
    imp.add_argument("--batch-size", type=int, default=None)
    imp.add_argument(
        "--workers", type=int, default=1, help="import processes over disjoint holders (PostgreSQL; 2 on 2 cores)"
    )
    run = sub.add_parser("run", help="run everything due on a date")
    run.add_argument("as_of", type=dt.date.fromisoformat)
    args = parser.parse_args(argv)

    settings, common = TieringSettings(), CommonSettings()
    if args.command == "import":
        if args.url:
            if not args.token:
                parser.error("--url needs --token (an ops JWT)")
            result = asyncio.run(import_over_http(args.file, args.file.stat().st_size, url=args.url, token=args.token))
        else:
            migrate(settings.database_url)
            result = asyncio.run(
                import_file(
                    args.file,
                    args.file.stat().st_size,
                    database_url=settings.database_url,
                    program_name=common.program,
                    batch_size=args.batch_size or settings.import_batch_size,
                    workers=args.workers,
                )
            )
    else:
        migrate(settings.database_url)
        result = asyncio.run(
            run_date(
                args.as_of,
                database_url=settings.database_url,
                program_name=common.program,
                chunk_size=settings.run_chunk_size,
            )
        )
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
