"""Entitlements: all SQL lives here."""

from __future__ import annotations
