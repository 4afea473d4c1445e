"""A local identity provider for tests: RS256 keys served as a JWKS over real HTTP, with rotation."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


class LocalIdp:
    """Serves ``/jwks.json``; ``rotate()`` adds a new signing key (new ``kid``) and signs with it."""

    def __init__(self, issuer: str = "https://idp.test.local", audience: str = "vip-api") -> None:
        self.issuer = issuer
        self.audience = audience
        self.keys: dict[str, Any] = {}
        self.kid = ""
        self.requests = 0
        self.rotate()
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                idp.requests += 1
                body = json.dumps(idp.jwks()).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/jwks.json"

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid, key in self.keys.items():
            public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
            keys.append({**public, "kid": kid, "use": "sig", "alg": "RS256"})
        return {"keys": keys}

    def rotate(self) -> str:
        self.kid = f"k-{uuid.uuid4().hex[:8]}"
        self.keys[self.kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return self.kid

    def token(self, sub: str, role: str = "customer", *, ttl: int = 3600, **overrides: Any) -> str:
        now = int(time.time())
        claims = {"sub": sub, "role": role, "iss": self.issuer, "aud": self.audience, "iat": now, "exp": now + ttl}
        claims.update(overrides)
        return jwt.encode(claims, self.keys[self.kid], algorithm="RS256", headers={"kid": self.kid})

    def __enter__(self) -> LocalIdp:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
