"""vipkit.http.tls_context: verification as httpx's default, CA certificates loaded at the first TLS handshake."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from vipkit.http import CaOnFirstUseContext

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"


def certificate(subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Certificate | None, signer: ec.EllipticCurvePrivateKey) -> x509.Certificate:  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
    )
    if issuer is None:  # the CA
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        builder = builder.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
    return builder.sign(signer, hashes.SHA256())


@pytest.fixture
def private_ca(tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
    """A private CA's certificate file, and a server TLS context with a certificate it signed for 127.0.0.1."""
    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = certificate("test CA", ca_key, None, ca_key)
    server = certificate("127.0.0.1", server_key, ca, ca_key)
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "server.pem").write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_pem = server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (tmp_path / "server.key").write_bytes(key_pem)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(tmp_path / "server.pem", tmp_path / "server.key")
    return tmp_path / "ca.pem", server_context


async def serve(server_context: ssl.SSLContext | None) -> tuple[asyncio.Server, str]:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(RESPONSE)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]
    return server, f"{'https' if server_context else 'http'}://127.0.0.1:{port}/"


async def get(context: ssl.SSLContext, url: str) -> httpx.Response:
    async with httpx.AsyncClient(verify=context, timeout=10) as client:
        return await client.get(url)


@pytest.fixture
async def plain_server() -> AsyncIterator[str]:
    server, url = await serve(None)
    async with server:
        yield url


async def test_no_ca_is_loaded_until_the_first_tls_handshake(
    private_ca: tuple[Path, ssl.SSLContext], plain_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca_file, server_context = private_ca
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))  # trusted as httpx's default trusts it
    context = CaOnFirstUseContext()
    assert (await get(context, plain_server)).text == "ok"
    assert context.cert_store_stats()["x509_ca"] == 0  # plain HTTP: nothing loaded
    server, url = await serve(server_context)
    async with server:
        assert (await get(context, url)).text == "ok"
    assert context.cert_store_stats()["x509_ca"] == 1


async def test_certificates_are_verified_from_the_first_handshake(
    private_ca: tuple[Path, ssl.SSLContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, server_context = private_ca
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    context = CaOnFirstUseContext()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    server, url = await serve(server_context)
    async with server:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await get(context, url)  # certifi's CAs do not know the private CA
    assert context.cert_store_stats()["x509_ca"] > 100  # certifi's bundle, loaded by that handshake
