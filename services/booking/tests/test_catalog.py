"""Booking's reading of the entitlements catalog (catalog.py)."""

from __future__ import annotations

import pytest

from services.booking import catalog
from services.booking.tests.conftest import Env
from vipkit.problems import NotEntitled, ValidationProblem


def test_a_relative_may_use_a_service_only_when_the_catalog_lists_relations() -> None:
    family = {"service_code": "dental_cleaning", "beneficiaries": {"relations": ["spouse"]}}
    alone = {"service_code": "health_checkup", "beneficiaries": {"relations": []}}
    catalog.check_beneficiary(family, "R1", "C1")
    catalog.check_beneficiary(alone, None, "C1")
    catalog.check_beneficiary(alone, "C1", "C1")  # the customer themself
    with pytest.raises(NotEntitled):
        catalog.check_beneficiary(alone, "R1", "C1")


async def test_bookable_entry_reads_the_booking_parameters(env: Env) -> None:
    ctx = env.app.state.booking
    _entry, params = await catalog.bookable_entry(ctx, "health_checkup")
    assert params.advance_working_days == 3 and params.kind == "appointment"
    with pytest.raises(ValidationProblem):
        await catalog.bookable_entry(ctx, "no_such_service")
    assert await catalog.service_name(ctx, "dental_cleaning") == "洁牙服务"
    env.standin.down = True
    ctx.ent._catalog = None
    assert await catalog.service_name(ctx, "dental_cleaning") == "dental_cleaning"
