"""Issue 13 item 1: service identity that works with an identity provider.

Internal (service-to-service) tokens are signed with ``VIP_INTERNAL_SECRET`` and work whether
customer tokens are HS256 or RS256 from a JWKS; they are accepted only on the internal routes that
name the caller, never at the gateway; a customer/ops token cannot claim the service role.
``VIP_JWT_ISSUER``/``VIP_JWT_AUDIENCE`` are checked; the JWKS is fetched off the event loop, cached,
and fetched again for an unknown ``kid`` (rotation).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Annotated

import httpx
import jwt
import pytest
from fastapi import Depends, FastAPI

from tests.production.jwks import LocalIdp
from vipkit.auth import (
    Identity,
    TokenVerifier,
    current_identity,
    internal_or_staff,
    mint_internal_token,
    mint_token,
    require_staff,
)
from vipkit.problems import Unauthorized, install_problem_handlers
from vipkit.settings import CommonSettings

INTERNAL = "internal-secret-for-the-tests-0123456789abcdef"


def idp_settings(idp: LocalIdp, **extra: object) -> CommonSettings:
    return CommonSettings(
        env="staging",
        jwt_jwks_url=idp.url,
        jwt_issuer=idp.issuer,
        jwt_audience=idp.audience,
        internal_secret=INTERNAL,
        **{"jwt_jwks_min_refresh_s": 0, **extra},  # type: ignore[arg-type]
    )


async def test_internal_tokens_work_in_idp_mode_and_customer_tokens_need_the_idp_key():
    with LocalIdp() as idp:
        verifier = TokenVerifier(idp_settings(idp))
        internal = mint_internal_token("booking", idp_settings(idp))
        assert await verifier.averify(internal) == Identity("booking", "service")
        assert await verifier.averify(idp.token("C1001")) == Identity("C1001", "customer")
        # the development HS256 secret (or any HS256 token) is not a customer credential in IdP mode
        for forged in (
            mint_token("C1001", "customer", secret="dev-secret-for-local-development-only"),
            mint_token("booking", "service", secret="dev-secret-for-local-development-only"),
        ):
            with pytest.raises(Unauthorized):
                await verifier.averify(forged)


async def test_issuer_and_audience_are_checked_when_set():
    with LocalIdp() as idp:
        verifier = TokenVerifier(idp_settings(idp))
        for bad in (idp.token("C1", iss="https://evil.example"), idp.token("C1", aud="someone-else")):
            with pytest.raises(Unauthorized):
                await verifier.averify(bad)
        no_aud = jwt.encode(
            {"sub": "C1", "iss": idp.issuer, "exp": 2_000_000_000},
            idp.keys[idp.kid],
            algorithm="RS256",
            headers={"kid": idp.kid},
        )
        with pytest.raises(Unauthorized):
            await verifier.averify(no_aud)


async def test_an_idp_token_cannot_claim_the_service_role():
    with LocalIdp() as idp:
        verifier = TokenVerifier(idp_settings(idp))
        with pytest.raises(Unauthorized, match="internal credentials"):
            await verifier.averify(idp.token("booking", role="service"))
    hs = TokenVerifier(CommonSettings(env="staging", jwt_secret="j" * 40, internal_secret=INTERNAL))
    with pytest.raises(Unauthorized):
        # a service-role token signed with the customer key (not the internal one)
        await hs.averify(mint_token("booking", "service", secret="j" * 40))
    assert await hs.averify(mint_token("booking", "service", secret=INTERNAL)) == Identity("booking", "service")


async def test_jwks_is_fetched_off_the_event_loop_cached_and_refreshed_on_a_new_kid():
    with LocalIdp() as idp:
        verifier = TokenVerifier(idp_settings(idp))
        fetch_threads: list[str] = []
        refresh = verifier.jwks.refresh  # type: ignore[union-attr]

        def spy() -> None:
            fetch_threads.append(threading.current_thread().name)
            refresh()

        verifier.jwks.refresh = spy  # type: ignore[union-attr,method-assign]
        loop_thread = threading.current_thread().name
        for i in range(5):
            assert (await verifier.averify(idp.token(f"C{i}"))).sub == f"C{i}"
        assert idp.requests == 1, "the key set is cached"
        idp.rotate()  # the IdP starts signing with a new kid
        assert (await verifier.averify(idp.token("C9"))).sub == "C9"
        assert idp.requests == 2, "an unknown kid fetched the key set again"
        assert fetch_threads and loop_thread not in fetch_threads, "fetched on the event loop"
        # an unknown kid that the IdP does not have is refused, not an error
        stranger = jwt.encode(
            {"sub": "C1", "iss": idp.issuer, "aud": idp.audience, "exp": 2_000_000_000},
            idp.keys[idp.kid],
            algorithm="RS256",
            headers={"kid": "nobody"},
        )
        with pytest.raises(Unauthorized):
            await verifier.averify(stranger)


async def test_a_key_rotated_just_after_a_fetch_is_found_and_the_idp_is_not_flooded():
    with LocalIdp() as idp:
        verifier = TokenVerifier(idp_settings(idp, jwt_jwks_min_refresh_s=1.0))
        assert (await verifier.averify(idp.token("C1"))).sub == "C1"
        assert idp.requests == 1
        idp.rotate()  # within min_refresh of the first fetch: the token waits, it is not refused
        assert (await verifier.averify(idp.token("C2"))).sub == "C2"
        assert idp.requests == 2

        def stranger(n: int) -> str:
            claims = {"sub": "C1", "iss": idp.issuer, "aud": idp.audience, "exp": 2_000_000_000}
            return jwt.encode(claims, idp.keys[idp.kid], algorithm="RS256", headers={"kid": f"nobody-{n}"})

        async def refused(n: int) -> bool:
            try:
                await verifier.averify(stranger(n))
            except Unauthorized:
                return True
            return False

        # twenty random key ids at once: all refused, the IdP asked at most twice more (rate limit)
        assert all(await asyncio.gather(*(refused(n) for n in range(20))))
        assert idp.requests <= 4


async def test_internal_credentials_only_on_the_routes_that_name_the_caller():
    settings = CommonSettings(env="staging", jwt_secret="j" * 40, internal_secret=INTERNAL)
    app = FastAPI()
    install_problem_handlers(app)
    app.state.common_settings = settings

    @app.get("/reservations")
    async def reservations(who: Annotated[Identity, Depends(internal_or_staff("booking"))]) -> dict[str, str]:
        return {"sub": who.sub}

    @app.get("/ops-only")
    async def ops_only(who: Annotated[Identity, Depends(require_staff)]) -> dict[str, str]:
        return {"sub": who.sub}

    @app.get("/me")
    async def me(who: Annotated[Identity, Depends(current_identity)]) -> dict[str, str]:
        return {"sub": who.sub}

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    booking = bearer(mint_internal_token("booking", settings))
    revisit = bearer(mint_internal_token("revisit", settings))
    ops = bearer(mint_token("staff-1", "ops", secret="j" * 40))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        assert (await c.get("/reservations", headers=booking)).status_code == 200
        assert (await c.get("/reservations", headers=ops)).status_code == 200
        assert (await c.get("/reservations", headers=revisit)).status_code == 403
        assert (await c.get("/ops-only", headers=booking)).status_code == 403
        assert (await c.get("/ops-only", headers=ops)).status_code == 200


async def test_the_gateway_refuses_internal_tokens_from_outside():
    from gateway.main import Gateway
    from gateway.settings import GatewaySettings

    settings = CommonSettings(env="staging", jwt_secret="j" * 40, internal_secret=INTERNAL)
    gateway = Gateway(GatewaySettings(), settings)
    with pytest.raises(Unauthorized, match="internal credentials"):
        await gateway.authenticate(mint_internal_token("booking", settings))
    assert (await gateway.authenticate(mint_token("C1", secret="j" * 40))).sub == "C1"
    await asyncio.sleep(0)
