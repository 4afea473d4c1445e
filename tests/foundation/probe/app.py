"""A minimal service used only by the foundation tests: one table, one event, one consumer.

It exercises the shared plumbing exactly as the real services do (app factory, request-owned
transaction, outbox, relay, consumer with inbox and DLQ) without depending on any of them.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from sqlalchemy import MetaData, String, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from contracts.events import CloudEvent, NotificationRequestedV1, Topic
from vipkit.app import ServiceSpec, create_service_app
from vipkit.consumer import ConsumerSpec
from vipkit.db import NAMING_CONVENTION, DbSession
from vipkit.events import add_event
from vipkit.problems import Conflict
from vipkit.settings import CommonSettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(String(500))


class Effect(Base):
    __tablename__ = "effects"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(String(500))


class NoteCreate(BaseModel):
    customer_id: str
    text: str
    fail_after_event: bool = False


router = APIRouter()


@router.post("/notes", status_code=201)
async def create_note(body: NoteCreate, session: DbSession) -> dict[str, object]:
    note = Note(customer_id=body.customer_id, text=body.text)
    session.add(note)
    await session.flush()
    event_id = await add_event(
        session,
        Topic.notification_requested,
        NotificationRequestedV1(customer_id=body.customer_id, template="probe", text=body.text, source_service="probe"),
        key=body.customer_id,
        source="probe",
    )
    if body.fail_after_event:
        raise Conflict("failed after writing the note and its event")
    return {"id": note.id, "event_id": event_id}


@router.get("/notes/{customer_id}")
async def list_notes(customer_id: str, session: DbSession) -> dict[str, object]:
    rows = (await session.execute(select(Note.text).where(Note.customer_id == customer_id).order_by(Note.id))).all()
    return {"texts": [r.text for r in rows]}


async def record_effect(session: AsyncSession, event: CloudEvent, topic: str) -> None:
    """The probe consumer's effect: one row per event; 'poison' texts always fail."""
    text = str(event.data.get("text", ""))
    if text.startswith("poison"):
        raise ValueError(f"cannot process {text!r}")
    await session.execute(
        insert(Effect).values(event_id=event.id, customer_id=str(event.data.get("customer_id")), text=text)
    )


async def effects(session: AsyncSession, customer_id: str | None = None) -> list[str]:
    stmt = select(Effect.text).order_by(Effect.id)
    if customer_id:
        stmt = stmt.where(Effect.customer_id == customer_id)
    return [r.text for r in (await session.execute(stmt)).all()]


async def count_effects(session: AsyncSession) -> int:
    return int((await session.execute(select(func.count()).select_from(Effect))).scalar_one())


def create_app(database_url: str, settings: CommonSettings, consumer_topics: list[str] | None = None) -> FastAPI:
    consumers = (
        [ConsumerSpec(name="probe-effects", topics=consumer_topics, handler=record_effect)] if consumer_topics else []
    )
    return create_service_app(
        ServiceSpec(
            name="probe",
            title="Probe",
            description="foundation test service",
            database_url=database_url,
            settings=settings,
            routers=[router],
            consumers=consumers,
            topics=[Topic.notification_requested],
            migrations_dir=str(MIGRATIONS_DIR),
        )
    )
