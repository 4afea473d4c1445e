"""Calendar arithmetic on plain dates shared by the services (no time zone, no I/O)."""

from __future__ import annotations

import datetime as dt


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day`` (周岁): the birthday itself counts as the new year of age."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years
