"""JWT authentication and authorization shared by the gateway and every service.

Every service verifies the caller's JWT itself (the gateway passes ``Authorization`` through), so
no identity header exists that a client could forge. Claims: ``sub`` (customer number or staff
id), ``role`` (``customer`` | ``ops``), ``exp``. Customer/ops tokens: HS256 with ``VIP_JWT_SECRET``
by default, RS256 from the identity provider's JWKS (``VIP_JWT_JWKS_URL``); ``VIP_JWT_ISSUER`` and
``VIP_JWT_AUDIENCE`` are checked when set.

Service-to-service calls carry **internal tokens**: HS256 with ``VIP_INTERNAL_SECRET`` (never the
customer key), issuer and audience ``vip-internal``, role ``service``. They work whichever way
customer tokens are verified, a customer/ops token can never claim the ``service`` role, the
gateway refuses internal tokens from outside, and services accept them only on the internal routes
that name the calling service (``internal_or_staff("booking")``).

JWKS keys are fetched in a worker thread (never on the event loop), cached for
``VIP_JWT_JWKS_MAX_AGE_S`` and fetched again when a token names an unknown ``kid`` (key rotation),
at most once per ``VIP_JWT_JWKS_MIN_REFRESH_S`` (a token signed with a key rotated just
after a fetch waits out that interval instead of being refused). Customers may only touch their own
``customer_id``: anything else is 404 (not 403) so ids cannot be enumerated.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import jwt
from fastapi import Depends, Request

from vipkit.problems import Forbidden, NotFound, Unauthorized
from vipkit.settings import CommonSettings

Role = Literal["customer", "ops", "service"]
ROLES = ("customer", "ops", "service")
INTERNAL_ISSUER = "vip-internal"
_REQUIRED = ["exp", "sub"]


@dataclass(frozen=True, slots=True)
class Identity:
    sub: str
    role: Role

    @property
    def is_staff(self) -> bool:
        """Ops staff may touch every customer's data (internal services only on their own routes)."""
        return self.role == "ops"

    @property
    def is_internal(self) -> bool:
        return self.role == "service"

    def can_access_customer(self, customer_id: str) -> bool:
        return self.role in ("ops", "service") or self.sub == customer_id


class KeyNotCached(Exception):
    """The token names a JWKS key id that is not cached yet (fetch with ``JwksKeys.refresh``)."""


class JwksKeys:
    """The IdP's signing keys by ``kid``: fetched in a thread, cached, refreshed on unknown ``kid``."""

    def __init__(self, url: str, *, max_age: float = 300.0, min_refresh: float = 2.0, timeout: float = 5.0) -> None:
        self.url = url
        self.max_age = max_age
        self.min_refresh = min_refresh
        self.timeout = timeout
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._lock = threading.Lock()
        self._single_flight = asyncio.Lock()
        self.fetches = 0

    def get(self, kid: str | None) -> Any:
        """The cached key (no I/O); ``KeyNotCached`` when unknown or the cache is stale."""
        fresh = time.monotonic() - self._fetched_at < self.max_age
        if fresh and kid in self._keys:
            return self._keys[kid]
        if fresh and kid is None and len(self._keys) == 1:
            return next(iter(self._keys.values()))
        raise KeyNotCached(kid)

    async def arefresh(self) -> None:
        """Fetch the key set again for an unknown ``kid``: single flight, rate-limited, never refusing.

        A caller answered by a fetch that finished after it asked returns at once; a caller who asks
        within ``min_refresh`` of the last fetch waits out the rest of that interval (on the event
        loop, not in a thread) and then fetches, so a key rotated just after a fetch is found, and
        the IdP sees at most one fetch per ``min_refresh`` however many unknown key ids arrive.
        """
        asked_at = time.monotonic()
        async with self._single_flight:
            if self._fetched_at >= asked_at:
                return
            wait = self._fetched_at + self.min_refresh - time.monotonic()
            if self._fetched_at and wait > 0:
                await asyncio.sleep(wait)
            await asyncio.to_thread(self.refresh)

    def refresh(self) -> None:
        """Fetch the key set now (blocking: call in a thread)."""
        with self._lock:
            with urllib.request.urlopen(self.url, timeout=self.timeout) as response:
                data = json.loads(response.read())
            keys: dict[str, Any] = {}
            for jwk in jwt.PyJWKSet.from_dict(data).keys:
                keys[jwk.key_id or ""] = jwk.key
            self._keys = keys
            self._fetched_at = time.monotonic()
            self.fetches += 1


class TokenVerifier:
    """Verifies JWTs, caching verified tokens briefly (hot path of the gateway)."""

    def __init__(self, settings: CommonSettings, cache_size: int = 10000, cache_seconds: float = 30.0) -> None:
        self.settings = settings
        self._cache: dict[str, tuple[Identity, float]] = {}
        self._cache_size = cache_size
        self._cache_seconds = cache_seconds
        self.jwks: JwksKeys | None = (
            JwksKeys(
                settings.jwt_jwks_url,
                max_age=settings.jwt_jwks_max_age_s,
                min_refresh=settings.jwt_jwks_min_refresh_s,
            )
            if settings.jwt_jwks_url
            else None
        )

    def cached(self, token: str) -> Identity | None:
        """The identity of a token verified in the last few seconds, without verifying again."""
        entry = self._cache.get(token)
        if entry is not None and entry[1] > time.monotonic():
            return entry[0]
        return None

    def verify(self, token: str) -> Identity:
        """Verify without I/O; raises ``KeyNotCached`` when an RS256 key must be fetched first."""
        known = self.cached(token)
        if known is not None:
            return known
        try:
            unverified = jwt.decode(token, options={"verify_signature": False})
            if unverified.get("iss") == INTERNAL_ISSUER:
                claims = self._internal_claims(token)
            else:
                claims = self._external_claims(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"invalid token: {exc}") from exc
        return self._remember(token, claims)

    async def averify(self, token: str) -> Identity:
        """Verify; fetches the JWKS in a worker thread when the token's key is not cached."""
        try:
            return self.verify(token)
        except KeyNotCached:
            assert self.jwks is not None
            try:
                await self.jwks.arefresh()
            except Exception as exc:
                raise Unauthorized("signing keys unavailable; retry later") from exc
            try:
                return self.verify(token)
            except KeyNotCached as exc:
                raise Unauthorized("invalid token: unknown signing key") from exc

    def _internal_claims(self, token: str) -> dict[str, Any]:
        claims: dict[str, Any] = jwt.decode(
            token,
            self.settings.internal_key,
            algorithms=["HS256"],
            audience=INTERNAL_ISSUER,
            issuer=INTERNAL_ISSUER,
            options={"require": [*_REQUIRED, "iss", "aud"]},
        )
        if claims.get("role") != "service":
            raise jwt.InvalidTokenError("internal tokens carry the service role only")
        return claims

    def _external_claims(self, token: str) -> dict[str, Any]:
        settings = self.settings
        if self.jwks is not None:
            kid = jwt.get_unverified_header(token).get("kid")
            key, algorithms = self.jwks.get(kid), ["RS256"]
        else:
            key, algorithms = settings.jwt_secret, ["HS256"]
        required = [*_REQUIRED, *(["iss"] if settings.jwt_issuer else []), *(["aud"] if settings.jwt_audience else [])]
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=algorithms,
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": required, "verify_aud": settings.jwt_audience is not None},
        )
        if claims.get("role", "customer") == "service":
            raise jwt.InvalidTokenError("the service role needs internal credentials")
        return claims

    def _remember(self, token: str, claims: dict[str, Any]) -> Identity:
        role = claims.get("role", "customer")
        if role not in ROLES:
            raise Unauthorized(f"invalid token: unknown role {role!r}")
        identity = Identity(sub=str(claims["sub"]), role=role)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        expires_in = float(claims["exp"]) - time.time()
        self._cache[token] = (identity, time.monotonic() + min(self._cache_seconds, max(expires_in, 0)))
        return identity


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def mint_token(sub: str, role: Role = "customer", *, secret: str, ttl_seconds: int = 3600) -> str:
    """An HS256 token (development CLI, tests). ``role="service"``: an internal token (sign it with
    the internal key, see ``mint_internal_token``)."""
    now = int(time.time())
    claims: dict[str, Any] = {"sub": sub, "role": role, "iat": now, "exp": now + ttl_seconds}
    if role == "service":
        claims.update(iss=INTERNAL_ISSUER, aud=INTERNAL_ISSUER)
    return jwt.encode(claims, secret, algorithm="HS256")


def mint_internal_token(service: str, settings: CommonSettings, *, ttl_seconds: int = 3600) -> str:
    """The token a service presents to another service."""
    return mint_token(service, "service", secret=settings.internal_key, ttl_seconds=ttl_seconds)


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
    return await _verifier(request).averify(token)


async def require_staff(identity: Annotated[Identity, Depends(current_identity)]) -> Identity:
    """FastAPI dependency: ops staff; customers (and internal callers) get 403 ``forbidden``."""
    if not identity.is_staff:
        raise Forbidden("this operation is for operations staff only")
    return identity


def internal_or_staff(*services: str) -> Callable[[Identity], Awaitable[Identity]]:
    """A dependency for internal routes: ops staff, or an internal token of one of ``services``."""
    allowed = frozenset(services)

    async def dependency(identity: Annotated[Identity, Depends(current_identity)]) -> Identity:
        if identity.is_staff or (identity.is_internal and identity.sub in allowed):
            return identity
        raise Forbidden("this operation is for operations staff only")

    return dependency


CurrentIdentity = Annotated[Identity, Depends(current_identity)]
StaffIdentity = Annotated[Identity, Depends(require_staff)]


def ensure_customer_access(identity: Identity, customer_id: str, what: str = "customer") -> None:
    """Customers may only touch their own data; anything else is 404 (avoid enumeration)."""
    if not identity.can_access_customer(customer_id):
        raise NotFound(f"{what} not found")
