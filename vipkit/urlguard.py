"""Outbound URL guard: what the platform may call when ops configure a URL (partner webhooks).

A URL set through an API could point at the cloud metadata service (``169.254.169.254``), at an
internal service or at localhost (SSRF). The guard:

- requires ``https`` outside ``dev``/``test`` (plain http only to an allow-listed host: an
  endpoint ops approved inside their own network);
- refuses hosts that are, or resolve to, private, loopback, link-local, reserved, multicast or
  unspecified addresses, unless the host or its address is allow-listed (entries: host names, IP
  addresses or CIDR networks). In ``dev``/``test`` loopback is allow-listed by default (the local
  partner-clinic simulator); link-local never is unless listed;
- is applied twice: statically when the URL is saved (literal addresses, ``localhost``), and on the
  resolved addresses right before each call (a name that resolves to an internal address later is
  refused then);
- tells callers whether the destination is internal, so that an answer from an internal address is
  never shown back (only its status code).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from vipkit.settings import DEV_ENVS

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LOOPBACK = ("127.0.0.0/8", "::1/128", "localhost")


class UnsafeUrl(ValueError):
    pass


def _internal(address: IPAddress) -> bool:
    return bool(
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


@dataclass(frozen=True)
class UrlGuard:
    env: str
    allowlist: tuple[str, ...] = ()

    @classmethod
    def from_setting(cls, env: str, allowlist: str | None) -> UrlGuard:
        entries = tuple(e.strip().lower() for e in (allowlist or "").split(",") if e.strip())
        return cls(env, entries + (LOOPBACK if env in DEV_ENVS else ()))

    def _allowed(self, host: str, address: IPAddress | None) -> bool:
        if host in self.allowlist:
            return True
        if address is None:
            return False
        for entry in self.allowlist:
            try:
                if address in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                continue
        return False

    def check_static(self, url: str) -> str:
        """Check scheme and a literal host; returns the host (lower-case). Raises ``UnsafeUrl``."""
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise UnsafeUrl("must be an absolute http(s) URL")
        if parts.username or parts.password:
            raise UnsafeUrl("must not carry credentials")
        host = parts.hostname.lower()
        try:
            address: IPAddress | None = ipaddress.ip_address(host)
        except ValueError:
            address = None
        if parts.scheme != "https" and self.env not in DEV_ENVS and not self._allowed(host, address):
            raise UnsafeUrl(f"must use https (VIP_ENV={self.env})")
        internal = host == "localhost" or host.endswith(".localhost") or (address is not None and _internal(address))
        if internal and not self._allowed(host, address):
            raise UnsafeUrl(f"points at an internal address ({host}); allow-list it if intended")
        return host

    def check_resolved(self, url: str) -> bool:
        """Resolve the host and check every address; returns True when the destination is internal
        (allow-listed). Blocking (DNS): call in a thread. Raises ``UnsafeUrl``."""
        host = self.check_static(url)
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
        except OSError as exc:
            raise UnsafeUrl(f"cannot resolve {host}") from exc
        internal = False
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if _internal(address):
                if not self._allowed(host, address):
                    raise UnsafeUrl(f"{host} resolves to an internal address; allow-list it if intended")
                internal = True
        return internal


def printable_excerpt(text: str, limit: int = 200) -> str:
    """A short, single-line excerpt of an answer for an error message."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text[: limit * 2])
    return cleaned[:limit] + ("…" if len(text) > limit else "")
