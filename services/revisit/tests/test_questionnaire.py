"""The H5 questionnaire's use cases (``questionnaire.py``, SPEC 5) below HTTP, on SQLite and PostgreSQL:
what each step writes, including what a refused step keeps (the caller commits it)."""

from __future__ import annotations

import datetime as dt

import pytest

from services.revisit import links, questionnaire
from services.revisit import repository as repo
from services.revisit.errors import AnsweredTooFast, IdentityMismatch, RevisitNotOpen, SessionLocked
from services.revisit.models import RevisitSession
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import HOLDER_BIRTH, at, deliver, new_customer, new_policy_no, policy_event
from vipkit import clock

BIRTH = dt.date.fromisoformat(HOLDER_BIRTH)
YES = {f"q{i}": "yes" for i in range(1, 7)}


async def token_for_new_task(h: RevisitHarness) -> tuple[str, str]:
    """A task (policy underwritten 2026-05-08 15:30) and a link issued the next morning: (task id, token)."""
    policy_no = new_policy_no()
    assert await deliver(h.runner, policy_event(new_customer(), policy_no)) == "processed"
    with clock.frozen(at("2026-05-09 10:00:00")):
        async with h.db.sessionmaker() as session, session.begin():
            task = await repo.get_task_by_policy(session, policy_no)
            assert task is not None
            issued = await links.new_link(session, h.settings, task, "ops")
            return task.id, issued.token


async def start(h: RevisitHarness, token: str, when: str, last6: str = "011234") -> RevisitSession:
    """``start_session`` in its own transaction; a refusal's effects are committed as the router does."""
    with clock.frozen(at(when)):
        async with h.db.sessionmaker() as session:
            try:
                row = await questionnaire.start_session(
                    session, h.settings, token, last6, BIRTH, ip="10.0.0.1", user_agent="UA"
                )
            finally:
                await session.commit()
            return row


async def submit(h: RevisitHarness, session_id: str, when: str, answers: dict[str, str] = YES) -> str:
    with clock.frozen(at(when)):
        async with h.db.sessionmaker() as session:
            try:
                result = await questionnaire.submit(session, session_id, answers, None, ip="10.0.0.1", user_agent="UA")
            finally:
                await session.commit()
            return result.task.status


async def test_identity_failures_are_counted_then_locked_and_a_match_resets_them(harness: RevisitHarness) -> None:
    task_id, token = await token_for_new_task(harness)
    for attempt in range(4):
        with pytest.raises(IdentityMismatch):
            await start(harness, token, f"2026-05-09 10:0{attempt}:00", last6="000000")
    with pytest.raises(SessionLocked):  # the 5th failure locks
        await start(harness, token, "2026-05-09 10:05:00", last6="000000")
    with pytest.raises(SessionLocked):  # even with the right answer while locked
        await start(harness, token, "2026-05-09 10:06:00")
    async with harness.db.sessionmaker() as session:
        task = await repo.get_task(session, task_id)
        assert task is not None and task.identity_failures == 5 and task.identity_locked_until is not None
        until = task.identity_locked_until
    row = await start(harness, token, rules_local_iso(until))
    assert row.status == "answering" and [q["id"] for q in row.questions][:1] == ["q1"]
    again = await start(harness, token, rules_local_iso(until + dt.timedelta(minutes=1)))
    assert again.id == row.id  # the session being answered, not a second one
    async with harness.db.sessionmaker() as session:
        task = await repo.get_task(session, task_id)
        assert task is not None and task.identity_failures == 0


def rules_local_iso(moment: dt.datetime) -> str:
    return moment.astimezone(clock.SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")


async def test_too_fast_is_refused_and_audited_then_the_answers_complete_the_revisit(harness: RevisitHarness) -> None:
    _, token = await token_for_new_task(harness)
    row = await start(harness, token, "2026-05-09 10:10:00")
    with pytest.raises(AnsweredTooFast):
        await submit(harness, row.id, "2026-05-09 10:10:30")  # 60 s minimum in the harness
    async with harness.db.sessionmaker() as session:
        detail = await repo.get_session_row(session, row.id)
        assert detail is not None and detail.too_fast_attempts == 1 and detail.status == "answering"
    assert await submit(harness, row.id, "2026-05-09 10:11:00") == "completed"
    assert await submit(harness, row.id, "2026-05-09 10:12:00") == "completed"  # a repeat: no second effect
    with pytest.raises(RevisitNotOpen):  # the revisit is done: no new session
        await start(harness, token, "2026-05-09 10:13:00")


async def test_a_no_answer_is_a_problem_case_and_abort_goes_to_the_phone_queue(harness: RevisitHarness) -> None:
    _, token = await token_for_new_task(harness)
    row = await start(harness, token, "2026-05-09 10:10:00")
    assert await submit(harness, row.id, "2026-05-09 10:12:00", YES | {"q3": "no"}) == "problem"
    task_id, token = await token_for_new_task(harness)
    row = await start(harness, token, "2026-05-09 10:20:00")
    with clock.frozen(at("2026-05-09 10:21:00")):
        async with harness.db.sessionmaker() as session, session.begin():
            aborted = await questionnaire.abort(session, row.id, ip=None, user_agent=None)
    assert aborted.session.status == "aborted" and not aborted.task.electronic_open
    async with harness.db.sessionmaker() as session:
        item = await repo.open_phone_item(session, task_id)
        assert item is not None and item.reason == "aborted"
