"""Business validation of a policy document beyond its structural contract (GB 11643 etc.)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from contracts.policy import PolicyDocument, gb11643_check_digit

#: Dates a policy document may carry (issue 12: 0001-01-01 or 9999-12-25 overflowed date arithmetic).
PLAUSIBLE_DATES = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))


@functools.lru_cache(maxsize=65536)  # an import checks a customer's number once per policy and role
def resident_id_problem(id_no: str) -> str | None:
    """Why ``id_no`` is not a valid resident ID number (GB 11643), or None."""
    if (
        len(id_no) != 18
        or not id_no.isascii()  # str.isdigit() also accepts full-width and other scripts' digits
        or not id_no[:17].isdigit()
        or not (id_no[17].isdigit() or id_no[17] in "Xx")
    ):
        return "must be 18 characters: 17 digits and a check digit (0-9 or X)"
    try:
        dt.date(int(id_no[6:10]), int(id_no[10:12]), int(id_no[12:14]))
    except ValueError:
        return "birth date part (characters 7-14) is not a valid date"
    expected = gb11643_check_digit(id_no[:17])
    if id_no[17].upper() != expected:
        return f"check digit does not match (GB 11643: expected {expected})"
    return None


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str


def policy_business_errors(doc: PolicyDocument, *, subject: str) -> list[FieldError]:
    """Business checks beyond the structural contract; each error names its field."""
    errors: list[FieldError] = []
    for role in ("holder", "insured"):
        person = getattr(doc, role)
        if person.id_type == "resident_id":
            problem = resident_id_problem(person.id_no)
            if problem:
                errors.append(FieldError(f"{role}.id_no", problem))
        if person.mobile is not None and not (
            len(person.mobile) == 11 and person.mobile.isascii() and person.mobile.isdigit() and person.mobile[0] == "1"
        ):
            errors.append(FieldError(f"{role}.mobile", "must be an 11-digit mainland mobile number"))
    if not doc.holder.customer_id:
        errors.append(FieldError("holder.customer_id", "a policy needs the holder's customer number"))
    if subject == "insured" and not doc.insured.customer_id:
        errors.append(
            FieldError("insured.customer_id", "the active program tiers the insured: customer number required")
        )
    if doc.cooling_off_end is not None and doc.cooling_off_end < doc.effective_date:
        errors.append(FieldError("cooling_off_end", "must not be before effective_date"))
    if doc.underwritten_at.tzinfo is None:
        errors.append(FieldError("underwritten_at", "needs a UTC offset, e.g. +08:00"))
    errors += implausible_dates(doc)
    return errors


def implausible_dates(doc: PolicyDocument) -> list[FieldError]:
    """Dates outside ``PLAUSIBLE_DATES`` (issue 12: far dates overflowed the date arithmetic)."""
    lo, hi = PLAUSIBLE_DATES
    top_ups = doc.top_ups
    if (
        lo <= doc.underwritten_at.date() <= hi
        and lo <= doc.effective_date <= hi
        and (doc.cooling_off_end is None or lo <= doc.cooling_off_end <= hi)
        and lo <= doc.holder.birth_date <= hi
        and lo <= doc.insured.birth_date <= hi
        and all(lo <= t.date <= hi for t in top_ups)
    ):
        return []  # the usual case, without naming every date
    errors: list[FieldError] = []
    dates = {
        "underwritten_at": doc.underwritten_at.date(),
        "effective_date": doc.effective_date,
        "cooling_off_end": doc.cooling_off_end,
        "holder.birth_date": doc.holder.birth_date,
        "insured.birth_date": doc.insured.birth_date,
        **{f"top_ups.{i}.date": t.date for i, t in enumerate(doc.top_ups)},
    }
    for name, day in dates.items():
        if day is not None and not PLAUSIBLE_DATES[0] <= day <= PLAUSIBLE_DATES[1]:
            errors.append(FieldError(name, f"must lie between {PLAUSIBLE_DATES[0]} and {PLAUSIBLE_DATES[1]}"))
    return errors
