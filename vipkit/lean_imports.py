"""Modules no service process uses, kept out of its memory (issue 17: idle RSS ≤ 100 MB per service).

- ``pydantic.v1`` (~1.5 MB): FastAPI imports it while building every route, only to ask whether a
  model is a pydantic-v1 one; it takes an ``ImportError`` as "no v1 models", and we have none.
- ``httpx._main`` (~2.3 MB): httpx imports its command-line client (click, rich, pygments) whenever
  those happen to be installed (the development venv; not the image); no service runs it.

``skip_unused_modules()`` runs before anything else of a service or the gateway is imported
(``services/__init__.py``, ``gateway/__init__.py``). A module imported before it is left alone.
"""

from __future__ import annotations

import sys

UNUSED_MODULES = ("pydantic.v1", "httpx._main")


def skip_unused_modules() -> None:
    """Make importing the unused modules fail (``ImportError``), which both libraries expect."""
    for name in UNUSED_MODULES:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]  # None in sys.modules = not importable
