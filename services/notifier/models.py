"""Notifier tables (SQLAlchemy 2 typed mappings). Plumbing tables (outbox, inbox, job_runs) live in vipkit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from vipkit.db import NAMING_CONVENTION, AutoId, UtcDateTime

CHANNELS = ("sms", "wechat")
STATUSES = ("queued", "sent", "failed")
OUTCOMES = ("sent", "failed")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Notification(Base):
    """One requested customer message (one per ``notification.requested.v1`` event id)."""

    __tablename__ = "notifications"
    __table_args__ = (
        CheckConstraint("channel IN ('sms', 'wechat')", name="channel"),
        CheckConstraint("status IN ('queued', 'sent', 'failed')", name="status"),
        Index("ix_notifications_customer", "customer_id", "id"),
    )

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    template: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    mobile: Mapped[str | None] = mapped_column(String(32))
    reference: Mapped[str | None] = mapped_column(String(128))
    source_service: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    # the schedule (next try, lease, retry window) is the delivery job's (vipkit.durable)
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    attempts: Mapped[list[DeliveryAttempt]] = relationship(
        back_populates="notification", order_by="DeliveryAttempt.id", lazy="raise"
    )


class DeliveryAttempt(Base):
    """One try of a channel adapter to deliver a notification."""

    __tablename__ = "delivery_attempts"
    __table_args__ = (CheckConstraint("outcome IN ('sent', 'failed')", name="outcome"),)

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id"), index=True)
    attempt_no: Mapped[int] = mapped_column(Integer)
    attempted_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    adapter: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    provider_message_id: Mapped[str | None] = mapped_column(String(128))
    # what was (or, for the sink, would have been) sent, JSON with the mobile masked
    payload: Mapped[str | None] = mapped_column(Text)

    notification: Mapped[Notification] = relationship(back_populates="attempts", lazy="raise")
