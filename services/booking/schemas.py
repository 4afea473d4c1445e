"""Booking API models (pydantic), kept apart from the tables."""

from __future__ import annotations
