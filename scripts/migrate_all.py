"""Run every service's Alembic migrations against its configured database (deploy: one-off job)."""

from __future__ import annotations

import os

from vipkit.db import run_migrations
from vipkit.devrun import SERVICES


def main() -> None:
    for svc in SERVICES:
        url = os.environ.get(f"VIP_{svc.name.upper()}_DATABASE_URL", f"sqlite:///./var/{svc.name}.db")
        assert svc.migrations is not None
        run_migrations(svc.migrations, url)
        print(f"migrated {svc.name}")


if __name__ == "__main__":
    main()
