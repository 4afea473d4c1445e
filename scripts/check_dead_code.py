"""House rule: no dead functions, methods or classes (``vulture``). Run by ``make lint``.

The whole project is read (tests included, so a helper used by a test counts as used); route
handlers, validators, fixtures and framework hooks are reached by their framework, not by a call,
and are not reported. Unused imports and variables are ruff's and mypy's business (pydantic
fields would be false positives here). Exit status 1 lists what nothing uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from vulture import Vulture

ROOT = Path(__file__).resolve().parent.parent
PATHS = ("services", "gateway", "vipkit", "contracts", "simulator", "scripts", "bench", "tests", "conftest.py")
#: Reached through a framework: FastAPI/aiohttp routes, pydantic validators, pytest, SQLAlchemy events.
DECORATORS = (
    "@router.*",
    "@public_router.*",
    "@page_router.*",
    "@app.*",
    "@*_validator",
    "@field_validator",
    "@model_validator",
    "@field_serializer",
    "@pytest.fixture",
    "@property",
    "@*.listens_for",
)
#: Methods a framework calls by name (SQLAlchemy TypeDecorator, prometheus collectors, http.server,
#: aiokafka's ConsumerRebalanceListener, pytest).
HOOKS = (
    "process_bind_param",
    "process_result_value",
    "collect",
    "describe",
    "do_GET",
    "do_POST",
    "log_message",
    "on_partitions_revoked",
    "on_partitions_assigned",
    "pytest_*",
)
KINDS = frozenset({"function", "method", "class", "property"})


def dead_code(root: Path = ROOT) -> list[str]:
    vulture = Vulture(verbose=False, ignore_names=list(HOOKS), ignore_decorators=list(DECORATORS))
    vulture.scavenge([str(root / p) for p in PATHS if (root / p).exists()])
    return [
        f"{Path(item.filename).relative_to(root)}:{item.first_lineno}: unused {item.typ} {item.name!r}"
        for item in vulture.get_unused_code(min_confidence=60)
        if item.typ in KINDS
    ]


def main() -> int:
    found = dead_code()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
