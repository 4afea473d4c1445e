"""Revisit scheduled jobs (the same code the ops runs endpoints call)."""

from __future__ import annotations

from vipkit.scheduler import DailyJob


def daily_jobs() -> list[DailyJob]:
    return []
