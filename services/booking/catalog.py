"""Booking's reading of the entitlements catalog (cached by the client): what may be booked, how."""

from __future__ import annotations

from typing import Any

from services.booking import rules
from services.booking.context import BookingContext
from vipkit.problems import NotEntitled, Problem, ValidationProblem


async def warm_catalog(ctx: BookingContext) -> None:
    """Fetch the catalog before opening a transaction, so no HTTP call happens while holding locks."""
    try:
        await ctx.ent.catalog()
    except Problem:
        pass  # names fall back to service codes


async def service_name(ctx: BookingContext, service_code: str) -> str:
    """The service's customer-facing name (the code when the catalog cannot be read)."""
    try:
        entry = await ctx.ent.service(service_code)
    except Problem:
        entry = None
    return str((entry or {}).get("name") or service_code)


async def bookable_entry(ctx: BookingContext, service_code: str) -> tuple[dict[str, Any], rules.BookingParams]:
    entry = await ctx.ent.service(service_code)
    if entry is None:
        raise ValidationProblem(f"unknown service_code {service_code!r}", field="service_code")
    if not entry.get("bookable") or not entry.get("booking"):
        raise ValidationProblem(f"service {service_code!r} is not bookable", field="service_code")
    return entry, rules.booking_params(entry.get("booking"))


def check_beneficiary(entry: dict[str, Any], beneficiary_id: str | None, customer_id: str) -> None:
    if beneficiary_id is None or beneficiary_id == customer_id:
        return
    allowed = (entry.get("beneficiaries") or {}).get("relations") or []
    if not allowed:
        raise NotEntitled(f"{entry.get('service_code')} may only be used by the customer themself")
