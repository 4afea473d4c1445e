"""Booking pure domain rules: plain values in, decisions out, no I/O."""

from __future__ import annotations
