"""Write the merged OpenAPI document (what the gateway serves at ``/openapi.json``) to a file.

``python scripts/build_openapi.py build/openapi.json``: builds every service's app in-process (no
database, no broker: only their documents), merges them exactly as the gateway does. Used by
``make api-check`` (spectral lint, TypeScript generation and type-check) and by the tests.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from contracts import services as registry

SERVICES = registry.NAMES


def service_documents() -> dict[str, dict[str, Any] | None]:
    from vipkit.settings import CommonSettings

    common = CommonSettings(env="dev", kafka_enabled=False, scheduler="off")  # documents only: nothing runs
    docs: dict[str, dict[str, Any] | None] = {}
    for name in SERVICES:
        app = importlib.import_module(f"services.{name}.main").create_app(common=common)
        docs[name] = app.openapi()
    return docs


def merged_document() -> dict[str, Any]:
    from gateway.api_reference import GATEWAY_PATHS
    from gateway.openapi import merge_documents
    from gateway.routing import RouteTable

    return merge_documents(service_documents(), RouteTable(), gateway_paths=GATEWAY_PATHS)


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "build/openapi.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(merged_document(), ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
