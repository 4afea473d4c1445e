"""House rule (DEVELOPERS.md): no production file passes 400 lines. Run by ``make lint``.

Production code is every ``.py`` file under the service, gateway, shared-code, simulator and script
packages, except tests and migrations. Exit status 1 lists the files over the limit.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("services", "gateway", "vipkit", "contracts", "simulator", "scripts")
LIMIT = 400


def production_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).parts
            if "tests" in parts or "migrations" in parts:
                continue
            files.append(path)
    return files


def too_long(files: list[Path], limit: int = LIMIT) -> list[tuple[Path, int]]:
    out = []
    for path in files:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            out.append((path, lines))
    return out


def main() -> int:
    over = too_long(production_files())
    for path, lines in over:
        print(f"{path.relative_to(ROOT)}: {lines} lines (house limit {LIMIT}; split it by responsibility)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
