from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.package_item import PackageItem





T = TypeVar("T", bound="ClinicServiceItem")



@_attrs_define
class ClinicServiceItem:
    """ A service a clinic offers, with its daily capacity (SPEC 4.2).

        Attributes:
            service_code (str): The catalog service code, e.g. `dental_cleaning`.
            daily_capacity (int): Bookings per day for this service; never exceeded, also under concurrent requests.
            packages (list[PackageItem] | Unset): Packages offered for it; empty = none.
     """

    service_code: str
    daily_capacity: int
    packages: list[PackageItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.package_item import PackageItem # noqa: PLC0415
        service_code = self.service_code

        daily_capacity = self.daily_capacity

        packages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.packages, Unset):
            packages = []
            for packages_item_data in self.packages:
                packages_item = packages_item_data.to_dict()
                packages.append(packages_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "service_code": service_code,
            "daily_capacity": daily_capacity,
        })
        if packages is not UNSET:
            field_dict["packages"] = packages

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.package_item import PackageItem # noqa: PLC0415
        d = dict(src_dict)
        service_code = d.pop("service_code")

        daily_capacity = d.pop("daily_capacity")

        _packages = d.pop("packages", UNSET)
        packages: list[PackageItem] | Unset = UNSET
        if _packages is not UNSET:
            packages = []
            for packages_item_data in _packages:
                packages_item = PackageItem.from_dict(packages_item_data)



                packages.append(packages_item)


        clinic_service_item = cls(
            service_code=service_code,
            daily_capacity=daily_capacity,
            packages=packages,
        )

        return clinic_service_item

