"""The API gateway: routing, JWT checks, rate limits and the merged OpenAPI docs (see ``gateway.main``)."""
