"""Masking of identity and mobile numbers (SPEC 7): ``110101********1234``, ``138****8000``."""

from __future__ import annotations

import re

# 18-digit resident ID (last may be X) and the old 15-digit form; mainland mobile numbers.
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_ID15_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{5})(\d{4})(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![0-9])(1[3-9]\d)(\d{4})(\d{4})(?![0-9])")


def mask_id_no(id_no: str | None) -> str | None:
    """Keep the first 6 and last 4 characters: ``110101********1234``."""
    if id_no is None:
        return None
    if len(id_no) <= 10:
        return id_no[:2] + "*" * max(len(id_no) - 4, 0) + id_no[-2:] if len(id_no) > 4 else "*" * len(id_no)
    return id_no[:6] + "*" * (len(id_no) - 10) + id_no[-4:]


def mask_mobile(mobile: str | None) -> str | None:
    """Keep the first 3 and last 4 digits: ``138****8000``."""
    if mobile is None:
        return None
    if len(mobile) < 8:
        return "*" * len(mobile)
    return mobile[:3] + "*" * (len(mobile) - 7) + mobile[-4:]


def mask_text(text: str) -> str:
    """Mask every ID number and mobile number found in free text (log lines, messages)."""
    text = _ID_RE.sub(lambda m: m.group(1) + "********" + m.group(3), text)
    text = _ID15_RE.sub(lambda m: m.group(1) + "*****" + m.group(3), text)
    return _MOBILE_RE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
