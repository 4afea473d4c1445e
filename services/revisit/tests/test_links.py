"""Personal revisit links (``links.py``, SPEC 5) at the use-case level, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from services.revisit import links
from services.revisit import repository as repo
from services.revisit.errors import LinkExpired, LinkNotFound, RevisitNotOpen, TaskNotFound
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at, deliver, new_customer, new_policy_no, policy_event
from vipkit import clock


async def new_task(h: RevisitHarness, *, first_policy: bool = True) -> tuple[str, str]:
    """A task for a policy underwritten 2026-05-08 15:30, effective 05-09; returns (customer, task id)."""
    customer, policy_no = new_customer(), new_policy_no()
    assert await deliver(h.runner, policy_event(customer, policy_no, first_policy=first_policy)) == "processed"
    async with h.db.sessionmaker() as session:
        task = await repo.get_task_by_policy(session, policy_no)
        assert task is not None
        return customer, task.id


async def issue(h: RevisitHarness, task_id: str, when: str, **kw: str) -> links.IssuedLink:
    with clock.frozen(at(when)):
        async with h.db.sessionmaker() as session, session.begin():
            return await links.issue_link(session, h.settings, task_id, kw.pop("purpose", "ops"), **kw)


async def resolve(h: RevisitHarness, token: str, when: str) -> str:
    with clock.frozen(at(when)):
        async with h.db.sessionmaker() as session:
            _, task = await links.resolve_link(session, token)
            return task.id


async def test_an_issued_link_resolves_by_its_token_until_it_expires_after_30_days(harness: RevisitHarness) -> None:
    _, task_id = await new_task(harness)
    issued = await issue(harness, task_id, "2026-05-09 10:00:00")
    assert issued.url == f"{harness.settings.public_base_url}/r/{issued.token}"
    assert issued.link.token_hash != issued.token  # only the hash is stored
    assert await resolve(harness, issued.token, "2026-06-08 09:59:59") == task_id
    with pytest.raises(LinkExpired):
        await resolve(harness, issued.token, "2026-06-08 10:00:00")
    with pytest.raises(LinkNotFound):
        await resolve(harness, issued.token + "x", "2026-05-10 10:00:00")


async def test_wechat_links_only_for_the_customers_own_task_once_self_service_opens(harness: RevisitHarness) -> None:
    customer, task_id = await new_task(harness)  # a first policy: WeChat from effective date + 1 day (05-10)
    with pytest.raises(TaskNotFound):
        await issue(harness, task_id, "2026-05-11 10:00:00", purpose="wechat", customer_id=new_customer())
    with pytest.raises(RevisitNotOpen):
        await issue(harness, task_id, "2026-05-09 23:59:00", purpose="wechat", customer_id=customer)
    issued = await issue(harness, task_id, "2026-05-10 00:00:00", purpose="wechat", customer_id=customer)
    assert issued.link.purpose == "wechat" and issued.task.customer_id == customer
    returning_customer, returning_task = await new_task(harness, first_policy=False)  # underwriting + 5 min
    issued = await issue(
        harness, returning_task, "2026-05-08 15:35:00", purpose="wechat", customer_id=returning_customer
    )
    assert issued.task.id == returning_task


async def test_no_link_for_a_finished_revisit(harness: RevisitHarness) -> None:
    _, task_id = await new_task(harness)
    async with harness.db.sessionmaker() as session, session.begin():
        task = await repo.get_task(session, task_id, for_update=True)
        assert task is not None
        task.status = "closed"
    with pytest.raises(RevisitNotOpen, match="already finished"):
        await issue(harness, task_id, "2026-05-09 10:00:00")
    with pytest.raises(TaskNotFound):
        await issue(harness, "no-such-task", "2026-05-09 10:00:00")
