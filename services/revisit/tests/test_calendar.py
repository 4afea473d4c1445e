"""#14 item 13: the phone queue's office hours follow booking's ops-maintained working-day calendar
(``calendar.changed.v1``), never the ``holidays`` package's guesses; newest calendar wins."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from contracts.events import CalendarChangedV1, CalendarDayV1, CalendarOverrideV1, CalendarYearV1, Topic
from services.revisit import rules
from services.revisit.calendar_repository import load_calendar
from services.revisit.consumers import consumer_specs
from services.revisit.models import PhoneQueueItem
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at
from services.revisit.tests.test_service import new_task, run
from vipkit import clock
from vipkit.consumer import ConsumerRunner
from vipkit.events import build_event

D = dt.date.fromisoformat
TYPHOON = CalendarOverrideV1(date=D("2026-05-13"), working=False, name="台风停工")


def calendar_event(changed_at: str, *overrides: CalendarOverrideV1, years: tuple[CalendarYearV1, ...] = ()) -> bytes:
    data = CalendarChangedV1(changed_at=at(changed_at), years=list(years), overrides=list(overrides))
    with clock.frozen(at(changed_at)):
        envelope = build_event(Topic.calendar_changed.value, data, source="booking", subject="calendar")
    return json.dumps(envelope, ensure_ascii=False).encode()


async def deliver_calendar(h: RevisitHarness, raw: bytes) -> str:
    [spec] = [s for s in consumer_specs(h.settings) if Topic.calendar_changed.value in s.topics]
    runner = ConsumerRunner(spec, h.db, h.runner.settings, service="revisit")
    return (await runner.process(Topic.calendar_changed.value, raw)).status


async def callable_from(h: RevisitHarness, policy_no: str) -> dt.datetime:
    async with h.db.sessionmaker() as session:
        item = (await session.execute(select(PhoneQueueItem).where(PhoneQueueItem.policy_no == policy_no))).scalar_one()
    return rules.local(item.callable_from)


async def test_phone_office_hours_follow_an_ops_override_from_booking(harness: RevisitHarness) -> None:
    # ops declare Wednesday 2026-05-13 a day off (typhoon); the escalation that day waits for Thursday
    assert await deliver_calendar(harness, calendar_event("2026-05-12 08:00:00", TYPHOON)) == "processed"
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")  # effective 05-09 -> escalated 05-13
    await run(harness, "2026-05-09 10:00:00")
    assert policy_no in (await run(harness, "2026-05-13 10:00:00")).escalated
    assert await callable_from(harness, policy_no) == at("2026-05-14 09:00:00")


async def test_an_older_calendar_arriving_late_changes_nothing(harness: RevisitHarness) -> None:
    assert await deliver_calendar(harness, calendar_event("2026-05-12 08:00:00", TYPHOON)) == "processed"
    assert await deliver_calendar(harness, calendar_event("2026-05-11 08:00:00")) == "processed"
    async with harness.db.sessionmaker() as session:
        cal = await load_calendar(session)
    assert cal.is_working_day(D("2026-05-13")) is False
    assert await deliver_calendar(harness, calendar_event("2026-05-12 09:00:00")) == "processed"  # override lifted
    async with harness.db.sessionmaker() as session:
        assert (await load_calendar(session)).is_working_day(D("2026-05-13")) is True


def test_next_years_ops_schedule_is_used_and_the_packages_guesses_never_are() -> None:
    # the holidays package estimates 2027; without an official schedule the call centre works Mon-Fri
    assert rules.is_working_day(D("2027-02-08")) is True  # a Monday: no guessed Spring Festival
    schedule = CalendarYearV1(
        year=2027,
        source="国务院办公厅通知",
        days_off=[CalendarDayV1(date=D("2027-02-08"), name="春节")],
        working_days=[CalendarDayV1(date=D("2027-02-20"), name="调休上班")],
    )
    from vipkit.calendar import calendar_from_event

    cal = calendar_from_event(CalendarChangedV1(changed_at=at("2026-11-20 10:00:00"), years=[schedule], overrides=[]))
    assert rules.is_working_day(D("2027-02-08"), cal) is False
    assert rules.is_working_day(D("2027-02-20"), cal) is True  # a make-up Saturday
    assert rules.next_office_time(at("2027-02-05 18:00:00"), cal) == at("2027-02-09 09:00:00")
