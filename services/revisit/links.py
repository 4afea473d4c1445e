"""Personal revisit links (SPEC 5): issued with each SMS or on request, resolved by token hash."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.revisit import repository as repo
from services.revisit import rules
from services.revisit.errors import LinkExpired, LinkNotFound, RevisitNotOpen, TaskNotFound
from services.revisit.events import new_id
from services.revisit.models import RevisitLink, RevisitTask
from services.revisit.settings import RevisitSettings
from vipkit import clock


@dataclass
class IssuedLink:
    task: RevisitTask
    token: str
    url: str
    link: RevisitLink


async def new_link(session: AsyncSession, settings: RevisitSettings, task: RevisitTask, purpose: str) -> IssuedLink:
    token = secrets.token_urlsafe(32)
    now = clock.now()
    link = RevisitLink(
        id=new_id("ln"),
        task_id=task.id,
        token_hash=rules.hash_token(token),
        purpose=purpose,
        issued_at=now,
        expires_at=rules.link_expires_at(now, settings.link_ttl_days),
    )
    await repo.add_link(session, link)
    return IssuedLink(task, token, rules.revisit_url(settings.public_base_url, token), link)


async def issue_link(
    session: AsyncSession, settings: RevisitSettings, task_id: str, purpose: str, *, customer_id: str | None = None
) -> IssuedLink:
    """A fresh personal link (ops/demo, or the WeChat entry for the customer themselves)."""
    task = await repo.get_task(session, task_id, for_update=True)
    if task is None or (customer_id is not None and task.customer_id != customer_id):
        raise TaskNotFound("revisit not found")
    ensure_open(task)
    if customer_id is not None and clock.now() < task.wechat_from:
        raise RevisitNotOpen(
            "WeChat self-service is not open yet for this policy",
            available_from=rules.local(task.wechat_from).isoformat(),
        )
    return await new_link(session, settings, task, purpose)


async def resolve_link(session: AsyncSession, token: str) -> tuple[RevisitLink, RevisitTask]:
    link = await repo.get_link_by_hash(session, rules.hash_token(token))
    if link is None:
        raise LinkNotFound("revisit link not found")
    if rules.link_expired(link.expires_at, clock.now()):
        raise LinkExpired("this revisit link has expired", expired_at=rules.local(link.expires_at).isoformat())
    task = await repo.get_task(session, link.task_id)
    assert task is not None
    return link, task


def ensure_open(task: RevisitTask) -> None:
    if task.status in rules.FINISHED_STATUSES:
        raise RevisitNotOpen(f"revisit already finished ({task.status})", task_status=task.status)
    if not task.electronic_open:
        raise RevisitNotOpen("this revisit continues by phone with the call centre", task_status=task.status)
