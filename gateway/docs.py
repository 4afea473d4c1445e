"""Swagger UI for the merged document, every asset served by the gateway itself (no CDN).

The assets in ``gateway/static/swagger-ui/`` are Swagger UI 5.31.0 (``swagger-ui-bundle.js``,
``swagger-ui.css``, the favicon and its Apache-2.0 ``LICENSE``), copied from the PyPI package
``swagger-ui-bundle-v2`` 5.31.0 (its ``vendor/swagger-ui-5.31.0`` folder), so the gateway needs no
extra dependency at run time. They are read once, kept in memory with an ETag and a gzip copy.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static" / "swagger-ui"
SWAGGER_UI_VERSION = "5.31.0"

_TYPES = {
    ".js": "application/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
}

DOCS_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>VIP service platform API</title>
  <link rel="icon" type="image/png" href="/docs/static/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/static/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/static/swagger-ui-bundle.js"></script>
  <script src="/docs/static/init.js"></script>
</body>
</html>
"""

INIT_JS = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  docExpansion: "list",
  tagsSorter: "alpha",
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
"""


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    content_type: str
    etag: str


def _asset(body: bytes, content_type: str) -> Asset:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    gz = gzip.compress(body, 6) if content_type.startswith(("application/javascript", "text/")) else None
    return Asset(body, gz, content_type, etag)


def load_assets() -> dict[str, Asset]:
    """name → asset: the Swagger UI files and the initializer."""
    assets = {"init.js": _asset(INIT_JS.encode(), _TYPES[".js"])}
    for path in sorted(STATIC_DIR.iterdir()):
        if path.suffix in _TYPES:
            assets[path.name] = _asset(path.read_bytes(), _TYPES[path.suffix])
    missing = {"swagger-ui-bundle.js", "swagger-ui.css"} - set(assets)
    if missing:
        raise RuntimeError(f"Swagger UI assets missing in {STATIC_DIR}: {sorted(missing)}")
    return assets
