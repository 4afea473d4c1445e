"""Development tokens from the command line (SPEC 7.2) and the placeholder-secret refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

from gateway.cli import main as cli_main
from gateway.main import create_app
from gateway.settings import GatewaySettings
from vipkit.settings import DEV_JWT_SECRET, CommonSettings

ROOT = Path(__file__).resolve().parents[2]
SECRET = "cli-test-secret-0123456789abcdef0123456789"


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("VIP_")}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        check=False,
    )


def test_cli_mints_a_customer_token_signed_with_the_secret() -> None:
    out = run(
        ["-m", "gateway.cli", "token", "--sub", "C1001", "--role", "customer"], VIP_ENV="test", VIP_JWT_SECRET=SECRET
    )
    assert out.returncode == 0, out.stderr
    claims = jwt.decode(out.stdout.strip(), SECRET, algorithms=["HS256"])
    assert claims["sub"] == "C1001" and claims["role"] == "customer" and claims["exp"] > claims["iat"]


def test_vip_token_entry_point_mints_ops_tokens(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VIP_ENV", "test")
    monkeypatch.setenv("VIP_JWT_SECRET", SECRET)
    assert cli_main(["--sub", "ops-7", "--role", "ops", "--ttl", "60"]) == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), SECRET, algorithms=["HS256"])
    assert claims["role"] == "ops" and claims["exp"] - claims["iat"] == 60


def test_cli_refuses_a_placeholder_secret_outside_dev() -> None:
    out = run(["-m", "gateway.cli", "token", "--sub", "C1001"], VIP_ENV="prod", VIP_JWT_SECRET="change-me")
    assert out.returncode == 2 and "placeholder" in out.stderr


def test_cli_in_dev_uses_the_development_secret() -> None:
    out = run(["-m", "gateway.cli", "token", "--sub", "C1001"], VIP_ENV="dev")
    assert out.returncode == 0
    assert jwt.decode(out.stdout.strip(), DEV_JWT_SECRET, algorithms=["HS256"])["sub"] == "C1001"


def test_server_refuses_a_placeholder_secret_unless_dev() -> None:
    with pytest.raises(RuntimeError, match="placeholder"):
        create_app(GatewaySettings(), CommonSettings(env="prod", jwt_secret="change-me"))
    with pytest.raises(RuntimeError, match="placeholder"):
        create_app(GatewaySettings(), CommonSettings(env="staging", jwt_secret="secret"))
    create_app(GatewaySettings(), CommonSettings(env="dev", jwt_secret="dev-secret"))  # development: allowed


def test_python_m_gateway_refuses_to_start_with_a_placeholder_secret() -> None:
    out = run(["-m", "gateway", "--port", "0"], VIP_ENV="prod", VIP_JWT_SECRET="dev-secret")
    assert out.returncode != 0 and "placeholder" in out.stderr


def test_python_m_gateway_serves_with_several_workers_and_stops_on_sigterm() -> None:
    import signal
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("VIP_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gateway", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env={**clean, "PYTHONPATH": str(ROOT), "VIP_ENV": "test", "VIP_JWT_SECRET": SECRET},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        body = b""
        while time.monotonic() < deadline and not body:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as resp:
                    body = resp.read()
            except OSError:
                time.sleep(0.1)
        assert b'"gateway"' in body
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
