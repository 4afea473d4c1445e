"""The one registry of the platform's services (docs/internal-apis.md): name, local port, app factory,
migrations folder and the topics each publishes.

Read by ``vipkit.devrun`` (``make run``, e2e tests), the gateway (upstream URLs, routing table check,
merged OpenAPI), ``PUBLISHERS`` below (AsyncAPI), ``scripts/build_openapi.py`` and each service's
``main``/``settings`` (its port, the topics it creates, the URLs of the services it calls). Adding a
service starts here.
"""

from __future__ import annotations

from dataclasses import dataclass

from contracts.events import Topic

#: Local ports are ``BASE_PORT + offset``; the gateway is ``BASE_PORT`` itself.
BASE_PORT = 8000


@dataclass(frozen=True, slots=True)
class ServiceEntry:
    name: str
    port: int  # default local port
    publishes: tuple[str, ...]  # topics written to its outbox

    @property
    def app(self) -> str:
        """The uvicorn factory ``module:function``."""
        return f"services.{self.name}.main:create_app"

    @property
    def migrations(self) -> str:
        """Its Alembic folder, relative to the repository root."""
        return f"services/{self.name}/migrations"

    @property
    def default_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


SERVICES: tuple[ServiceEntry, ...] = (
    ServiceEntry(
        "tiering",
        BASE_PORT + 1,
        (Topic.policy_changed.value, Topic.tier_changed.value, Topic.notification_requested.value),
    ),
    ServiceEntry("entitlements", BASE_PORT + 2, (Topic.entitlement_changed.value,)),
    ServiceEntry(
        "booking",
        BASE_PORT + 3,
        (Topic.booking_changed.value, Topic.notification_requested.value, Topic.calendar_changed.value),
    ),
    ServiceEntry("revisit", BASE_PORT + 4, (Topic.revisit_changed.value, Topic.notification_requested.value)),
    ServiceEntry("notifier", BASE_PORT + 5, ()),
)
NAMES: tuple[str, ...] = tuple(s.name for s in SERVICES)

#: Producers outside the platform.
EXTERNAL_PUBLISHERS = {Topic.core_policy_events.value: "core-system"}


def service(name: str) -> ServiceEntry:
    """The registered service ``name`` (``KeyError`` for an unknown one)."""
    for entry in SERVICES:
        if entry.name == name:
            return entry
    raise KeyError(f"unknown service {name!r}; known: {', '.join(NAMES)}")


def publishers_of(topic: str) -> str:
    """Who publishes ``topic``, as the AsyncAPI document says it (``"tiering, booking, revisit"``)."""
    if topic in EXTERNAL_PUBLISHERS:
        return EXTERNAL_PUBLISHERS[topic]
    return ", ".join(s.name for s in SERVICES if topic in s.publishes)


#: Which service publishes each topic (AsyncAPI and README diagram).
PUBLISHERS: dict[str, str] = {topic.value: publishers_of(topic.value) for topic in Topic}
