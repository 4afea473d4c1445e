from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.clinic_service_item import ClinicServiceItem





T = TypeVar("T", bound="ClinicWrite")



@_attrs_define
class ClinicWrite:
    """ A clinic: created or replaced by ops (PUT, `If-Match`).

        Attributes:
            partner_id (str): The partner that runs it and receives its bookings.
            name (str): The clinic's name, e.g. `美年大健康上海静安分院`.
            city (str): City, e.g. `上海`.
            address (str): Street address, e.g. `上海市静安区南京西路1266号`.
            opening_weekdays (list[int]): ISO weekdays 1 (Mon) .. 7 (Sun)
            open_on_holidays (bool | Unset): Open on statutory days off (otherwise closed on them even on an opening
                weekday). Default: False.
            services (list[ClinicServiceItem] | Unset): The services offered with their capacity.
     """

    partner_id: str
    name: str
    city: str
    address: str
    opening_weekdays: list[int]
    open_on_holidays: bool | Unset = False
    services: list[ClinicServiceItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.clinic_service_item import ClinicServiceItem # noqa: PLC0415
        partner_id = self.partner_id

        name = self.name

        city = self.city

        address = self.address

        opening_weekdays = self.opening_weekdays



        open_on_holidays = self.open_on_holidays

        services: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = []
            for services_item_data in self.services:
                services_item = services_item_data.to_dict()
                services.append(services_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "partner_id": partner_id,
            "name": name,
            "city": city,
            "address": address,
            "opening_weekdays": opening_weekdays,
        })
        if open_on_holidays is not UNSET:
            field_dict["open_on_holidays"] = open_on_holidays
        if services is not UNSET:
            field_dict["services"] = services

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clinic_service_item import ClinicServiceItem # noqa: PLC0415
        d = dict(src_dict)
        partner_id = d.pop("partner_id")

        name = d.pop("name")

        city = d.pop("city")

        address = d.pop("address")

        opening_weekdays = cast(list[int], d.pop("opening_weekdays"))


        open_on_holidays = d.pop("open_on_holidays", UNSET)

        _services = d.pop("services", UNSET)
        services: list[ClinicServiceItem] | Unset = UNSET
        if _services is not UNSET:
            services = []
            for services_item_data in _services:
                services_item = ClinicServiceItem.from_dict(services_item_data)



                services.append(services_item)


        clinic_write = cls(
            partner_id=partner_id,
            name=name,
            city=city,
            address=address,
            opening_weekdays=opening_weekdays,
            open_on_holidays=open_on_holidays,
            services=services,
        )

        return clinic_write

