"""Revisit use cases. Errors are declared at the top."""

from __future__ import annotations
