from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.clinic_service_item import ClinicServiceItem





T = TypeVar("T", bound="ClinicRead")



@_attrs_define
class ClinicRead:
    """ A clinic with its opening days and services.

        Attributes:
            clinic_id (str): The clinic's id, e.g. `meinian-sh-jingan`.
            partner_id (str): The partner that runs it.
            name (str): The clinic's name.
            city (str): City.
            address (str): Street address.
            opening_weekdays (list[int]): ISO weekdays 1 (Mon) .. 7 (Sun) it opens.
            open_on_holidays (bool): Open on statutory days off.
            services (list[ClinicServiceItem]): The services offered with their capacity.
     """

    clinic_id: str
    partner_id: str
    name: str
    city: str
    address: str
    opening_weekdays: list[int]
    open_on_holidays: bool
    services: list[ClinicServiceItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.clinic_service_item import ClinicServiceItem # noqa: PLC0415
        clinic_id = self.clinic_id

        partner_id = self.partner_id

        name = self.name

        city = self.city

        address = self.address

        opening_weekdays = self.opening_weekdays



        open_on_holidays = self.open_on_holidays

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "clinic_id": clinic_id,
            "partner_id": partner_id,
            "name": name,
            "city": city,
            "address": address,
            "opening_weekdays": opening_weekdays,
            "open_on_holidays": open_on_holidays,
            "services": services,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clinic_service_item import ClinicServiceItem # noqa: PLC0415
        d = dict(src_dict)
        clinic_id = d.pop("clinic_id")

        partner_id = d.pop("partner_id")

        name = d.pop("name")

        city = d.pop("city")

        address = d.pop("address")

        opening_weekdays = cast(list[int], d.pop("opening_weekdays"))


        open_on_holidays = d.pop("open_on_holidays")

        services = []
        _services = d.pop("services")
        for services_item_data in (_services):
            services_item = ClinicServiceItem.from_dict(services_item_data)



            services.append(services_item)


        clinic_read = cls(
            clinic_id=clinic_id,
            partner_id=partner_id,
            name=name,
            city=city,
            address=address,
            opening_weekdays=opening_weekdays,
            open_on_holidays=open_on_holidays,
            services=services,
        )


        clinic_read.additional_properties = d
        return clinic_read

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
