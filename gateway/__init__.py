"""The API gateway: routing, JWT checks, rate limits and the merged OpenAPI docs (see ``gateway.main``)."""

from vipkit.lean_imports import skip_unused_modules

skip_unused_modules()
