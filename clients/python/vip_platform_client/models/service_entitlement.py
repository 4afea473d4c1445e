from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.beneficiary import Beneficiary
  from ..models.option import Option
  from ..models.service_entitlement_sub_items_item import ServiceEntitlementSubItemsItem





T = TypeVar("T", bound="ServiceEntitlement")



@_attrs_define
class ServiceEntitlement:
    """ One catalog service at the customer's tier: quota, usage and who may use it (SPEC 3).

        Attributes:
            service_code (str): The catalog service code, e.g. `dental_cleaning`.
            name (str): The service's name in Chinese, e.g. `洁牙服务`.
            available (bool): True when it can be reserved now.
            reason (None | str): Why the service cannot be reserved now (tier lacks it, waiting period)
            quota (int | None): Units per period; null = unlimited
            used (int): Units consumed in the current period.
            reserved (int): Units held by open bookings.
            remaining (int | None): quota - used - reserved, never below 0; null = unlimited
            period (str): calendar_year | two_years
            period_start (datetime.date): First day of the current quota period.
            period_end (datetime.date): Last day of the current quota period (unused units do not carry over).
            package (None | str): The tier's package variant code (e.g. gold classic, platinum premium); null if none.
            package_name (None | str): The package's name in Chinese.
            options (list[Option]): Choices the customer may pick from (e.g. 3-choose-1 checkups).
            designated_expert (bool): The tier may name the expert (levels: diamond).
            sub_items (list[ServiceEntitlementSubItemsItem]): Sub-items with their own limits (e.g. roadside rescue's once-
                a-year items), as in the catalog.
            bookable (bool): True when it is booked through the booking API (SPEC 4); false = informational.
            beneficiaries (list[Beneficiary]): Who may use it now: the customer and eligible designated relatives.
     """

    service_code: str
    name: str
    available: bool
    reason: None | str
    quota: int | None
    used: int
    reserved: int
    remaining: int | None
    period: str
    period_start: datetime.date
    period_end: datetime.date
    package: None | str
    package_name: None | str
    options: list[Option]
    designated_expert: bool
    sub_items: list[ServiceEntitlementSubItemsItem]
    bookable: bool
    beneficiaries: list[Beneficiary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.beneficiary import Beneficiary # noqa: PLC0415
        from ..models.option import Option # noqa: PLC0415
        from ..models.service_entitlement_sub_items_item import ServiceEntitlementSubItemsItem # noqa: PLC0415
        service_code = self.service_code

        name = self.name

        available = self.available

        reason: None | str
        reason = self.reason

        quota: int | None
        quota = self.quota

        used = self.used

        reserved = self.reserved

        remaining: int | None
        remaining = self.remaining

        period = self.period

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        package: None | str
        package = self.package

        package_name: None | str
        package_name = self.package_name

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)



        designated_expert = self.designated_expert

        sub_items = []
        for sub_items_item_data in self.sub_items:
            sub_items_item = sub_items_item_data.to_dict()
            sub_items.append(sub_items_item)



        bookable = self.bookable

        beneficiaries = []
        for beneficiaries_item_data in self.beneficiaries:
            beneficiaries_item = beneficiaries_item_data.to_dict()
            beneficiaries.append(beneficiaries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "service_code": service_code,
            "name": name,
            "available": available,
            "reason": reason,
            "quota": quota,
            "used": used,
            "reserved": reserved,
            "remaining": remaining,
            "period": period,
            "period_start": period_start,
            "period_end": period_end,
            "package": package,
            "package_name": package_name,
            "options": options,
            "designated_expert": designated_expert,
            "sub_items": sub_items,
            "bookable": bookable,
            "beneficiaries": beneficiaries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiary import Beneficiary # noqa: PLC0415
        from ..models.option import Option # noqa: PLC0415
        from ..models.service_entitlement_sub_items_item import ServiceEntitlementSubItemsItem # noqa: PLC0415
        d = dict(src_dict)
        service_code = d.pop("service_code")

        name = d.pop("name")

        available = d.pop("available")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_quota(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quota = _parse_quota(d.pop("quota"))


        used = d.pop("used")

        reserved = d.pop("reserved")

        def _parse_remaining(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining = _parse_remaining(d.pop("remaining"))


        period = d.pop("period")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        def _parse_package(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        package = _parse_package(d.pop("package"))


        def _parse_package_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        package_name = _parse_package_name(d.pop("package_name"))


        options = []
        _options = d.pop("options")
        for options_item_data in (_options):
            options_item = Option.from_dict(options_item_data)



            options.append(options_item)


        designated_expert = d.pop("designated_expert")

        sub_items = []
        _sub_items = d.pop("sub_items")
        for sub_items_item_data in (_sub_items):
            sub_items_item = ServiceEntitlementSubItemsItem.from_dict(sub_items_item_data)



            sub_items.append(sub_items_item)


        bookable = d.pop("bookable")

        beneficiaries = []
        _beneficiaries = d.pop("beneficiaries")
        for beneficiaries_item_data in (_beneficiaries):
            beneficiaries_item = Beneficiary.from_dict(beneficiaries_item_data)



            beneficiaries.append(beneficiaries_item)


        service_entitlement = cls(
            service_code=service_code,
            name=name,
            available=available,
            reason=reason,
            quota=quota,
            used=used,
            reserved=reserved,
            remaining=remaining,
            period=period,
            period_start=period_start,
            period_end=period_end,
            package=package,
            package_name=package_name,
            options=options,
            designated_expert=designated_expert,
            sub_items=sub_items,
            bookable=bookable,
            beneficiaries=beneficiaries,
        )


        service_entitlement.additional_properties = d
        return service_entitlement

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
