"""Entitlements reads (``views.py``): who may use a service and why it is unavailable. Pure, no database.

The full read against a database is exercised through ``test_service.py`` (its ``view`` helper) and
``test_api.py``.
"""

from __future__ import annotations

import datetime as dt

from services.entitlements import views
from services.entitlements.catalog import load_catalog
from services.entitlements.models import Relative

CARDS = load_catalog("cards")
DAY = dt.date(2026, 6, 1)


def rel(relative_id: str, relation: str, birth_date: dt.date) -> Relative:
    return Relative(customer_id="C1", relative_id=relative_id, name="某某", relation=relation, birth_date=birth_date)


def service(code: str):  # type: ignore[no-untyped-def]
    return next(s for s in CARDS.services if s.service_code == code)


def now(tier: str, relatives: list[Relative], *, waiting: dt.date | None = None) -> views.CustomerNow:
    return views.CustomerNow(DAY, tier, waiting, dt.date(1970, 1, 1), {}, relatives, CARDS.two_year_anchor)


def test_beneficiaries_are_the_customer_then_each_relative_the_service_allows() -> None:
    spouse, old_parent = rel("R1", "spouse", dt.date(1980, 1, 1)), rel("R2", "parent", dt.date(1950, 1, 1))
    rescue = views.beneficiaries_of(service("domestic_rescue"), "platinum", [spouse, old_parent], DAY, None)
    assert [(b.beneficiary_id, b.kind) for b in rescue] == [(None, "holder"), ("R1", "relative")]  # parent over 65
    checkup = views.beneficiaries_of(service("vip_checkup"), "platinum", [spouse], DAY, None)
    assert [b.beneficiary_id for b in checkup] == [None]  # the insured only
    too_old = views.beneficiaries_of(service("domestic_rescue"), "platinum", [], DAY, dt.date(1950, 1, 1))
    assert too_old == []  # rescue is for people up to 65, the customer included


def test_availability_names_the_missing_tier_the_waiting_period_or_the_missing_beneficiary() -> None:
    checkup = service("vip_checkup")
    assert "not included at tier gold" in (views.availability(checkup, now("gold", []), []) or "")
    waiting = now("platinum", [], waiting=dt.date(2026, 6, 8))
    assert views.availability(checkup, waiting, []) == "waiting period until 2026-06-08"
    assert (views.availability(checkup, now("platinum", []), []) or "").startswith("no beneficiary may use it")
    holder = views.beneficiaries_of(checkup, "platinum", [], DAY, None)
    assert views.availability(checkup, now("platinum", []), holder) is None


def test_a_service_line_of_a_tier_without_the_service_shows_zero_units() -> None:
    line = views.service_view(service("global_courtesy"), now("platinum", []))
    assert (line.available, line.quota, line.remaining, line.beneficiaries) == (False, 0, 0, [])
    line = views.service_view(service("vip_checkup"), now("platinum", []))
    assert (line.available, line.quota, line.used, line.remaining) == (True, 1, 0, 1)
