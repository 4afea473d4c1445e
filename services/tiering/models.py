"""Tiering tables (SQLAlchemy 2 typed mappings). Plumbing tables (outbox, inbox, job_runs) live in vipkit."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from vipkit.db import NAMING_CONVENTION


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
