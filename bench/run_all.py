"""``make bench``: run every benchmark in this folder with bounded defaults and print their figures.

Each ``*_bench.py`` is a standalone script (``--help`` for its options); this runner only calls
them one after the other so that one command prints every figure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failures = 0
    for script in sorted(HERE.glob("*_bench.py")):
        print(f"\n=== {script.name} ===", flush=True)
        result = subprocess.run([sys.executable, str(script), *sys.argv[1:]], cwd=HERE.parent, check=False)
        if result.returncode != 0:
            print(f"{script.name} failed with exit code {result.returncode}", flush=True)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
