"""``make bench``: run every benchmark in this folder, then print one table of all their figures.

Each ``*_bench.py`` is a standalone script (``--help`` for its options); this runner calls them one
after the other, passing its own arguments on (``--smoke``: each at a tiny size, for ``make
bench-smoke`` and the test suite), shows their output as it comes, and collects the ``BENCH`` lines
(``bench/common.py``) into the summary: figure, floor measured in the same run, ratio, goal, met.
``--only NAME[,NAME]`` runs some of them (``tiering``, ``consumer``, ...).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.common import load_average, parse_figures  # noqa: E402


def run_one(script: Path, argv: list[str]) -> tuple[int, list[dict[str, Any]], float]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(script), *argv], cwd=HERE.parent, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line)
        print(line, end="", flush=True)
    code = proc.wait()
    return code, parse_figures("".join(lines)), time.perf_counter() - started


def fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}"


def summary(rows: list[dict[str, Any]]) -> str:
    head = f"{'bench':<10} {'figure':<34} {'value':>12} {'unit':<12} {'floor':>10} {'floor is':<22} {'ratio':>7}"
    out = [head + f"  {'goal':<12} met", "-" * (len(head) + 18)]
    for r in rows:
        met = {True: "yes", False: "NO", None: ""}[r["met"]]
        out.append(
            f"{r['bench']:<10} {r['name'][:34]:<34} {fmt(r['value']):>12} {r['unit'][:12]:<12} {fmt(r['floor']):>10} "
            f"{r['floor_name'][:22]:<22} {fmt(r['ratio']):>7}  {r['goal'][:12]:<12} {met}"
        )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated names (tiering, consumer, ...)")
    args, rest = parser.parse_known_args()
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    scripts = [s for s in sorted(HERE.glob("*_bench.py")) if not only or s.stem.removesuffix("_bench") in only]
    print(load_average(), flush=True)
    failures: list[str] = []
    rows: list[dict[str, Any]] = []
    for script in scripts:
        print(f"\n=== {script.name} {' '.join(rest)}", flush=True)
        code, figures, took = run_one(script, rest)
        rows += figures
        print(f"=== {script.name}: exit {code} in {took:.0f} s, {len(figures)} figures", flush=True)
        if code != 0 or not figures:
            failures.append(script.name)
    print(f"\nSummary ({load_average()})\n{summary(rows)}", flush=True)
    if failures:
        print(f"\nfailed or printed no figure: {', '.join(failures)}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
