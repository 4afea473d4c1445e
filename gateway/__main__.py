"""``python -m gateway [--host H] [--port 8000] [--workers N]``: run the gateway (see ``gateway.cli``)."""

from gateway.cli import serve_main

if __name__ == "__main__":
    raise SystemExit(serve_main())
