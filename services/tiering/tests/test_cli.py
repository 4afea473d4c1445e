"""The tiering command line: ``import`` into the database or over HTTP to a running service, and
``run`` of a date (the same code as the API), with its JSON result on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from services.tiering import cli
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.tests.conftest import OPS, make_app, new_customer, new_policy_no, policy_body
from vipkit.testing import DatabaseFactory, serve_app


def ndjson(path: Path, *premiums: str) -> Path:
    lines = []
    for premium in premiums:
        body = policy_body(
            new_customer(), annual_premium=premium, payment_years=10, effective_date="2026-01-01", cooling_off_end=None
        )
        lines.append(json.dumps({"policy_no": new_policy_no(), "policy": body}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_import_streams_a_file_into_the_database(
    tmp_path: Path, db_factory: DatabaseFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    monkeypatch.setenv("VIP_TIERING_DATABASE_URL", url)
    file = ndjson(tmp_path / "policies.ndjson", "40000.00")
    assert cli.main(["import", str(file)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["created"], result["rejected"], result["rerated_customers"]) == (1, 0, 1)


def test_cli_import_in_two_worker_processes(
    tmp_path: Path,
    postgres_only: str,
    db_factory: DatabaseFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VIP_TIERING_DATABASE_URL", db_factory.create(postgres_only, MIGRATIONS_DIR))
    file = ndjson(tmp_path / "policies.ndjson", "40000.00", "100.00", "-1", "250000.00")
    assert cli.main(["import", str(file), "--workers", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["received"], result["created"], result["rejected"], result["rerated_customers"]) == (4, 3, 1, 3)
    assert result["errors"][0]["line"] == 3


def test_cli_run_runs_a_date_and_a_second_run_is_a_replay(
    db_factory: DatabaseFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VIP_TIERING_DATABASE_URL", db_factory.create("sqlite", MIGRATIONS_DIR))
    assert cli.main(["run", "2026-04-16"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert cli.main(["run", "2026-04-16"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (first["as_of"], first["program"], first["replayed"]) == ("2026-04-16", "stars", False)
    assert second["replayed"] is True


def test_cli_refuses_url_without_token_and_a_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["import", str(tmp_path / "x.ndjson"), "--url", "http://127.0.0.1:9"])
    assert exc.value.code == 2 and "--url needs --token" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad:
        cli.main(["run", "2026-13-01"])
    assert bad.value.code == 2


async def test_import_over_http_streams_the_file_to_a_running_service(tmp_path: Path, db_url: str) -> None:
    file = ndjson(tmp_path / "policies.ndjson", "40000.00", "5000.00")
    token = OPS["Authorization"].removeprefix("Bearer ")
    async with serve_app(make_app(db_url)) as base_url:
        result = await cli.import_over_http(file, file.stat().st_size, url=base_url + "/", token=token)
        with pytest.raises(httpx.HTTPStatusError, match="401"):
            await cli.import_over_http(file, file.stat().st_size, url=base_url, token="not-a-jwt")
    assert (result["created"], result["rejected"], result["rerated_customers"]) == (2, 0, 2)
