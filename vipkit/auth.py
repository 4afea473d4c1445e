"""JWT authentication and authorization shared by the gateway and every service.

Every service verifies the caller's JWT itself (the gateway passes ``Authorization`` through), so
no identity header exists that a client could forge. Claims: ``sub`` (customer number or staff
id), ``role`` (``customer`` | ``ops``; ``service`` for service-to-service calls), ``exp``.
HS256 with ``VIP_JWT_SECRET`` by default, RS256 via ``VIP_JWT_JWKS_URL``. Customers may only touch
their own ``customer_id``: anything else is 404 (not 403) so ids cannot be enumerated.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Annotated, Literal

import jwt
from fastapi import Depends, Request

from vipkit.problems import Forbidden, NotFound, Unauthorized
from vipkit.settings import CommonSettings

Role = Literal["customer", "ops", "service"]
ROLES = ("customer", "ops", "service")


@dataclass(frozen=True, slots=True)
class Identity:
    sub: str
    role: Role

    @property
    def is_staff(self) -> bool:
        """Ops staff and internal services may touch every customer's data."""
        return self.role in ("ops", "service")

    def can_access_customer(self, customer_id: str) -> bool:
        return self.is_staff or self.sub == customer_id


class TokenVerifier:
    """Verifies JWTs, caching verified tokens briefly (hot path of the gateway)."""

    def __init__(self, settings: CommonSettings, cache_size: int = 10000, cache_seconds: float = 30.0) -> None:
        self.settings = settings
        self._cache: dict[str, tuple[Identity, float]] = {}
        self._cache_size = cache_size
        self._cache_seconds = cache_seconds
        self._jwks: jwt.PyJWKClient | None = (
            jwt.PyJWKClient(settings.jwt_jwks_url, cache_keys=True, lifespan=300) if settings.jwt_jwks_url else None
        )

    def cached(self, token: str) -> Identity | None:
        """The identity of a token verified in the last few seconds, without verifying again."""
        entry = self._cache.get(token)
        if entry is not None and entry[1] > time.monotonic():
            return entry[0]
        return None

    def verify(self, token: str) -> Identity:
        known = self.cached(token)
        if known is not None:
            return known
        now = time.monotonic()
        try:
            if self._jwks is not None:
                key = self._jwks.get_signing_key_from_jwt(token).key
                claims = jwt.decode(
                    token,
                    key,
                    algorithms=["RS256"],
                    audience=self.settings.jwt_audience,
                    issuer=self.settings.jwt_issuer,
                    options={"require": ["exp", "sub"], "verify_aud": self.settings.jwt_audience is not None},
                )
            else:
                claims = jwt.decode(
                    token,
                    self.settings.jwt_secret,
                    algorithms=["HS256"],
                    audience=self.settings.jwt_audience,
                    issuer=self.settings.jwt_issuer,
                    options={"require": ["exp", "sub"], "verify_aud": self.settings.jwt_audience is not None},
                )
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"invalid token: {exc}") from exc
        role = claims.get("role", "customer")
        if role not in ROLES:
            raise Unauthorized(f"invalid token: unknown role {role!r}")
        identity = Identity(sub=str(claims["sub"]), role=role)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        expires_in = float(claims["exp"]) - time.time()
        self._cache[token] = (identity, now + min(self._cache_seconds, max(expires_in, 0)))
        return identity


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def mint_token(sub: str, role: Role = "customer", *, secret: str, ttl_seconds: int = 3600) -> str:
    """An HS256 token (development CLI, tests, service-to-service calls)."""
    now = int(time.time())
    return jwt.encode({"sub": sub, "role": role, "iat": now, "exp": now + ttl_seconds}, secret, algorithm="HS256")


def _verifier(request: Request) -> TokenVerifier:
    verifier: TokenVerifier | None = getattr(request.app.state, "token_verifier", None)
    if verifier is None:
        verifier = TokenVerifier(request.app.state.common_settings)
        request.app.state.token_verifier = verifier
    return verifier


async def current_identity(request: Request) -> Identity:
    """FastAPI dependency: the verified caller, or 401 ``unauthorized``."""
    token = bearer_token(request.headers.get("authorization"))
    if token is None:
        raise Unauthorized("missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    return _verifier(request).verify(token)


async def optional_identity(request: Request) -> Identity | None:
    token = bearer_token(request.headers.get("authorization"))
    return _verifier(request).verify(token) if token else None


async def require_staff(identity: Annotated[Identity, Depends(current_identity)]) -> Identity:
    """FastAPI dependency: ops staff (or an internal service); customers get 403 ``forbidden``."""
    if not identity.is_staff:
        raise Forbidden("this operation is for operations staff only")
    return identity


CurrentIdentity = Annotated[Identity, Depends(current_identity)]
StaffIdentity = Annotated[Identity, Depends(require_staff)]


def ensure_customer_access(identity: Identity, customer_id: str, what: str = "customer") -> None:
    """Customers may only touch their own data; anything else is 404 (avoid enumeration)."""
    if not identity.can_access_customer(customer_id):
        raise NotFound(f"{what} not found")
