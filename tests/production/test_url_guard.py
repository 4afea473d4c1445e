"""Issue 13 item 8: partner webhook URLs cannot reach internal addresses (SSRF), and an internal
answer is never shown back; https only outside dev/test."""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI

from services.booking import webhooks_out
from vipkit.auth import mint_token
from vipkit.problems import install_problem_handlers
from vipkit.urlguard import UnsafeUrl, UrlGuard, printable_excerpt

PROD = UrlGuard.from_setting("prod", "")


@pytest.mark.parametrize(
    "url",
    [
        "http://partner.example.com/hook",  # plain http outside dev/test
        "https://169.254.169.254/latest/meta-data/",  # cloud metadata (link-local)
        "https://127.0.0.1:8002/api/v1/reservations",  # an internal service on loopback
        "https://localhost/hook",
        "https://10.0.0.5/hook",
        "https://192.168.1.10/hook",
        "https://[::1]/hook",
        "https://[fe80::1]/hook",
        "https://user:pw@partner.example.com/hook",
        "ftp://partner.example.com/hook",
    ],
)
def test_refused_outside_development(url):
    with pytest.raises(UnsafeUrl):
        PROD.check_static(url)


def test_public_https_is_accepted_and_allowlists_are_explicit():
    assert PROD.check_static("https://partner.example.com/vip/webhooks") == "partner.example.com"
    guard = UrlGuard.from_setting("staging", "10.20.0.0/16, clinic-gw.internal")
    guard.check_static("https://10.20.3.4/hook")
    guard.check_static("https://clinic-gw.internal/hook")
    with pytest.raises(UnsafeUrl):
        guard.check_static("https://10.21.0.1/hook")
    with pytest.raises(UnsafeUrl):
        guard.check_static("https://169.254.169.254/")
    dev = UrlGuard.from_setting("dev", "")
    dev.check_static("http://127.0.0.1:8009/webhooks/P-DEMO")  # the local simulator
    with pytest.raises(UnsafeUrl):
        dev.check_static("http://169.254.169.254/latest/meta-data/")  # never by default


def test_a_name_resolving_to_an_internal_address_is_refused_before_sending():
    with pytest.raises(UnsafeUrl):
        UrlGuard.from_setting("staging", "").check_resolved("https://127.0.0.1/x")
    name = socket.gethostname()  # a plain name; on these machines /etc/hosts maps it to loopback
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(name, 443)}
    except OSError:
        pytest.skip(f"{name} does not resolve here")
    if not all(ipaddress.ip_address(a).is_private for a in addresses):
        pytest.skip(f"{name} resolves to a public address here")
    guard = UrlGuard.from_setting("staging", "")
    guard.check_static(f"https://{name}/x")  # the name alone looks harmless
    with pytest.raises(UnsafeUrl, match="resolves to an internal address"):
        guard.check_resolved(f"https://{name}/x")


def test_excerpt_is_truncated_and_single_line():
    text = "line1\nline2\x00" + "x" * 1000
    excerpt = printable_excerpt(text, 50)
    assert len(excerpt) <= 51 and "\n" not in excerpt and "\x00" not in excerpt


class Recorder(BaseHTTPRequestHandler):
    hits = 0

    def do_POST(self) -> None:
        type(self).hits += 1
        body = b'{"AccessKeyId": "ASIA-internal-credentials", "Token": "secret"}'
        self.send_response(500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def internal_server():
    Recorder.hits = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/latest/meta-data/"
    finally:
        server.shutdown()
        server.server_close()


async def test_delivery_to_an_internal_address_is_not_sent_and_its_answer_never_shown(internal_server):
    delivery = SimpleNamespace(id="d1", payload='{"type": "booking.created"}')
    secret = "whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTAxMjM0NTY3"
    async with httpx.AsyncClient(timeout=5) as client:
        refused = await webhooks_out.post_signed(client, delivery, internal_server, secret, UrlGuard("staging", ()))  # type: ignore[arg-type]
        assert refused.status_code is None and refused.error and refused.error.startswith("webhook_url refused")
        assert Recorder.hits == 0, "nothing may be sent to an internal address"
        # allow-listed internal partner (dev/test loopback): sent, but its answer is not quoted back
        allowed = await webhooks_out.post_signed(
            client, delivery, internal_server, secret, UrlGuard.from_setting("test", "")
        )  # type: ignore[arg-type]
        assert Recorder.hits == 1 and allowed.status_code == 500
        assert allowed.error == "partner answered 500"
        assert "ASIA" not in (allowed.error or "") and "secret" not in (allowed.error or "")


async def test_ops_cannot_register_a_metadata_or_internal_webhook_url():
    from services.booking.tests.conftest import make_common_settings

    common = make_common_settings(env="staging", test_clock=False, jwt_secret="j" * 40, internal_secret="i" * 40)
    from services.booking.main import create_app
    from services.booking.settings import BookingSettings
    from vipkit.testing import app_client

    app: FastAPI = create_app(BookingSettings(database_url="sqlite:///:memory:", worker_enabled=False), common)
    install_problem_handlers(app)
    ops = {"Authorization": f"Bearer {mint_token('ops-1', 'ops', secret='j' * 40)}"}
    secret = "whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTAxMjM0NTY3"
    async with app_client(app) as client:
        for url in ("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/x", "https://127.0.0.1:8002/"):
            r = await client.put(
                "/api/v1/partners/P1", json={"name": "x", "webhook_url": url, "secret": secret}, headers=ops
            )
            assert r.status_code == 422, r.text
            assert r.json()["code"] == "validation_error" and "webhook_url" in r.json()["detail"]
