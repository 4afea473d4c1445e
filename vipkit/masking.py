"""Masking of identity and mobile numbers (SPEC 7): ``110101********1234``, ``138****8000``; and
redaction of secrets that must never reach a log (revisit link tokens, revisit session ids).

``mask_text`` finds numbers in the notations people and systems actually write: plain
(``13800138000``), with the country code (``+8613800138000``, ``0086…``, ``86-138…``, ``tel:+86…``),
grouped with spaces or hyphens (``138 0013 8000``, ``110101 19900101 1234``), in full-width digits
(``１３８００１３８０００``), or glued to letters (``ID110101…``, ``mobile13800138000``).
Full-width digits are written back as ASCII in the masked text.
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９＋Ｘｘ\u3000－", "0123456789+Xx -")
_HAS_FULLWIDTH = re.compile("[０-９＋\u3000－]")
# A run of at least 11 digits, single separators allowed between digits, an optional leading
# ``+``/``00`` and a trailing ``X`` (ID check digit). Classified (or split) by ``_mask_run``.
_RUN = re.compile(r"(?<![0-9])\+?\d(?:[ \-\u00a0]?\d){10,}(?:[ \-\u00a0]?[Xx])?(?![0-9])")
_SEP = re.compile(r"[ \-\u00a0]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ID18 = re.compile(r"\d{17}[\dXx]")
_ID15 = re.compile(r"\d{15}")
_HEX_LETTERS = frozenset("abcdef")  # ids we write (UUIDs, trace ids) are lower-case hex
_HEX_CONTEXT = frozenset("0123456789abcdef-")


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


def _classify(digits: str, plus: bool) -> str | None:
    """The masked form of one number, or None when it is not a mobile or ID number."""
    if len(digits) == 11 and _MOBILE.fullmatch(digits):
        return ("+" if plus else "") + digits[:3] + "****" + digits[-4:]
    if len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        return ("+" if plus else "") + "86 " + digits[2:5] + "****" + digits[-4:]
    if len(digits) == 15 and digits.startswith("0086") and _MOBILE.fullmatch(digits[4:]):
        return "0086 " + digits[4:7] + "****" + digits[-4:]
    if not plus and len(digits) == 18 and _ID18.fullmatch(digits):
        return digits[:6] + "********" + digits[14:]
    if not plus and len(digits) == 15 and _ID15.fullmatch(digits):
        return digits[:6] + "*****" + digits[11:]
    return None


def _grouped(pieces: list[str]) -> bool:
    """Digit groups as people write numbers (``138 0013 8000``): no single digits between separators."""
    return all(len(p) >= 2 or p in "Xx" for p in pieces)


def _mask_body(body: str, plus: bool, glued: bool) -> str | None:
    """``body`` with its numbers masked, or None when it holds none."""
    pieces = _SEP.split(body)
    whole = _classify("".join(pieces), plus) if _grouped(pieces) and (len(pieces) == 1 or not glued) else None
    if whole is not None:
        return whole
    # Several numbers (or none) side by side: mask the longest groups of pieces that are one.
    seps = _SEP.findall(body)
    out: list[str] = ["+"] if plus else []
    found = False
    i = 0
    while i < len(pieces):
        for j in range(i + 1 if glued and i == 0 else len(pieces), i, -1):
            masked = _classify("".join(pieces[i:j]), plus and i == 0) if _grouped(pieces[i:j]) else None
            if masked is not None:
                out.append(masked.lstrip("+") if plus and i == 0 else masked)
                found = True
                break
        else:
            j = i + 1
            out.append(pieces[i])
        if j - 1 < len(seps):
            out.append(seps[j - 1])
        i = j
    return "".join(out) if found else None


def _mask_run(match: re.Match[str]) -> str:
    run = match.group(0)
    plus = run.startswith("+")
    body = run[1:] if plus else run
    # Inside a hex token (a UUID's ``…-a716-446655440000``) the first group stands alone, so parts
    # of different UUID groups are not read as one number. Anywhere else groups join.
    start = match.start()
    glued = start > 1 and match.string[start - 1] in _HEX_LETTERS and match.string[start - 2] in _HEX_CONTEXT
    masked = _mask_body(body, plus, glued)
    if masked is None and body[-1] in "Xx":  # the X was a letter after the number, not a check digit
        head = body[:-1]
        tail = body[-1]
        if head[-1] in " -\u00a0":
            head, tail = head[:-1], head[-1] + tail
        masked = _mask_body(head, plus, glued)
        if masked is not None:
            masked += tail
    return run if masked is None else masked


def mask_text(text: str) -> str:
    """Mask every ID number and mobile number found in free text (log lines, messages)."""
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    return _RUN.sub(_mask_run, text)


# --- secrets in logs ---------------------------------------------------------------------------------
REDACTED = "[redacted]"
# The revisit H5 link ``/r/{token}`` and revisit session ids (``/revisit-sessions/{id}``): each
# opens a customer's questionnaire, so neither may be written to a log in clear.
_SECRET_PATH = re.compile(r"(/r/|/revisit-sessions/)[^/\s\"'?#<>\\]+")
_SECRET_QUERY = re.compile(r"([?&](?:token|session_id|sig|signature)=)[^&\s\"'#]+", re.IGNORECASE)
SECRET_FIELDS = frozenset(
    {"token", "session_id", "authorization", "password", "secret", "link", "url_token", "webhook_secret"}
)


def redact_path(path: str) -> str:
    """An access-log path with revisit tokens and session ids replaced by ``[redacted]``."""
    if "/r/" in path or "revisit-sessions/" in path:
        path = _SECRET_PATH.sub(lambda m: m.group(1) + REDACTED, path)
    return path


def redact_secrets(text: str) -> str:
    """Free text (a log line) with revisit links, session ids and token query parameters redacted."""
    if "/r/" in text or "revisit-sessions/" in text:
        text = _SECRET_PATH.sub(lambda m: m.group(1) + REDACTED, text)
    if "=" in text:
        text = _SECRET_QUERY.sub(lambda m: m.group(1) + REDACTED, text)
    return text
