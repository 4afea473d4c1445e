from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.service_entitlement import ServiceEntitlement





T = TypeVar("T", bound="EntitlementsRead")



@_attrs_define
class EntitlementsRead:
    """ A customer's entitlements at their effective tier (SPEC 3; not the provisional tier).

        Attributes:
            customer_id (str): The customer's id, e.g. `C1001`.
            program (str): The active tier program: stars, levels or cards.
            tier (str): The effective tier the entitlements follow; `none` = no tier.
            tier_status (None | str): The tier status as last received from tiering; null before the first tier event.
            tier_sequence (int | None): Tiering's per-customer sequence of the tier applied.
            waiting_until (datetime.date | None): End of the waiting period (cards: 30 days after the policy takes effect);
                null if none.
            as_of (datetime.date): The date the quotas and periods are computed for.
            services (list[ServiceEntitlement]): Every catalog service with its quota and usage.
     """

    customer_id: str
    program: str
    tier: str
    tier_status: None | str
    tier_sequence: int | None
    waiting_until: datetime.date | None
    as_of: datetime.date
    services: list[ServiceEntitlement]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.service_entitlement import ServiceEntitlement # noqa: PLC0415
        customer_id = self.customer_id

        program = self.program

        tier = self.tier

        tier_status: None | str
        tier_status = self.tier_status

        tier_sequence: int | None
        tier_sequence = self.tier_sequence

        waiting_until: None | str
        if isinstance(self.waiting_until, datetime.date):
            waiting_until = self.waiting_until.isoformat()
        else:
            waiting_until = self.waiting_until

        as_of = self.as_of.isoformat()

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "program": program,
            "tier": tier,
            "tier_status": tier_status,
            "tier_sequence": tier_sequence,
            "waiting_until": waiting_until,
            "as_of": as_of,
            "services": services,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_entitlement import ServiceEntitlement # noqa: PLC0415
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        program = d.pop("program")

        tier = d.pop("tier")

        def _parse_tier_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tier_status = _parse_tier_status(d.pop("tier_status"))


        def _parse_tier_sequence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tier_sequence = _parse_tier_sequence(d.pop("tier_sequence"))


        def _parse_waiting_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                waiting_until_type_0 = datetime.date.fromisoformat(data)



                return waiting_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        waiting_until = _parse_waiting_until(d.pop("waiting_until"))


        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        services = []
        _services = d.pop("services")
        for services_item_data in (_services):
            services_item = ServiceEntitlement.from_dict(services_item_data)



            services.append(services_item)


        entitlements_read = cls(
            customer_id=customer_id,
            program=program,
            tier=tier,
            tier_status=tier_status,
            tier_sequence=tier_sequence,
            waiting_until=waiting_until,
            as_of=as_of,
            services=services,
        )


        entitlements_read.additional_properties = d
        return entitlements_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
