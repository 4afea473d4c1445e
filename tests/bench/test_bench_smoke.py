"""``make bench-smoke`` as a test: every benchmark runs at a tiny size and prints its figures, so that
no benchmark rots between the (heavy, manual) ``make bench`` runs. Figures are not judged here
(speed goals live in ``make bench``); a crash, a hang or a benchmark printing no figure fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import parse_figures
from vipkit.testing import postgres_admin_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench_smoke
@pytest.mark.timeout(660)
def test_every_benchmark_runs_at_a_tiny_size_and_prints_its_figures() -> None:
    if not postgres_admin_url():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: the benchmarks need PostgreSQL on 127.0.0.1:5432")
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    scripts = sorted(p.stem.removesuffix("_bench") for p in (ROOT / "bench").glob("*_bench.py"))
    proc = subprocess.run(
        [sys.executable, "bench/run_all.py", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    tail = (proc.stdout[-4000:] + "\n" + proc.stderr[-4000:]).strip()
    assert proc.returncode == 0, tail
    figures = parse_figures(proc.stdout)
    assert len({f["bench"] for f in figures}) >= len(scripts), tail
    assert "Summary" in proc.stdout
    assert all(isinstance(f["value"], int | float) for f in figures), tail  # every figure measured
