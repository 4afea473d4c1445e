"""Revisit's problems (SPEC 7.1 codes; the shared classes live once in ``vipkit.problems``).

A few errors must keep what was written before them (a failed identity check counts towards the
lock; a too-fast submit is audited): they carry ``keep_effects = True`` and the API layer commits
before rendering them.
"""

from __future__ import annotations

from vipkit.problems import (
    AnsweredTooFast,
    Conflict,
    IdentityMismatch,
    IllegalTransition,
    LinkExpired,
    NotFound,
    SessionLocked,
    ValidationProblem,
)

__all__ = [
    "AnsweredTooFast",
    "IdentityMismatch",
    "IllegalTransition",
    "InvalidAnswers",
    "LinkExpired",
    "LinkNotFound",
    "PhoneItemNotFound",
    "RevisitNotOpen",
    "SessionLocked",
    "SessionNotFound",
    "TaskNotFound",
]


class TaskNotFound(NotFound):
    pass


class LinkNotFound(NotFound):
    pass


class SessionNotFound(NotFound):
    pass


class PhoneItemNotFound(NotFound):
    pass


class RevisitNotOpen(Conflict):
    """The revisit is done, or continues by phone only (problem case, aborted)."""


class InvalidAnswers(ValidationProblem):
    pass
