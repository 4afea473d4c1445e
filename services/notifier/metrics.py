"""Notifier's business gauges for ``/metrics`` (vipkit.metrics): notifications by channel and status."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notifier.models import Notification
from vipkit.metrics import NOTIFICATIONS

STATUSES = ("queued", "sent", "failed")
CHANNELS = ("sms", "wechat")


async def probe(session: AsyncSession) -> None:
    rows = await session.execute(
        select(Notification.channel, Notification.status, func.count()).group_by(
            Notification.channel, Notification.status
        )
    )
    counts = {(channel, status): n for channel, status, n in rows}
    for channel in CHANNELS:
        for status in STATUSES:
            NOTIFICATIONS.labels(channel, status).set(counts.get((channel, status), 0))
