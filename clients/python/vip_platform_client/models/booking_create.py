from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="BookingCreate")



@_attrs_define
class BookingCreate:
    """ Book a service at a clinic for a date (SPEC 4.2: advance notice, opening day, capacity, quota).

        Attributes:
            customer_id (str): The customer's id, e.g. `C1001`. A customer token may book only for itself.
            service_code (str): The catalog service code, e.g. `dental_cleaning`.
            clinic_id (str): The clinic, e.g. `meinian-sh-jingan`.
            date (datetime.date): The appointment date; at least N working days ahead (`too_late_to_book` gives the
                earliest).
            beneficiary_id (None | str | Unset): A designated relative's id; null = the customer.
            package_code (None | str | Unset): The package chosen, when the clinic offers packages for the service.
            contact_mobile (None | str | Unset): Mobile for SMS
     """

    customer_id: str
    service_code: str
    clinic_id: str
    date: datetime.date
    beneficiary_id: None | str | Unset = UNSET
    package_code: None | str | Unset = UNSET
    contact_mobile: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        service_code = self.service_code

        clinic_id = self.clinic_id

        date = self.date.isoformat()

        beneficiary_id: None | str | Unset
        if isinstance(self.beneficiary_id, Unset):
            beneficiary_id = UNSET
        else:
            beneficiary_id = self.beneficiary_id

        package_code: None | str | Unset
        if isinstance(self.package_code, Unset):
            package_code = UNSET
        else:
            package_code = self.package_code

        contact_mobile: None | str | Unset
        if isinstance(self.contact_mobile, Unset):
            contact_mobile = UNSET
        else:
            contact_mobile = self.contact_mobile


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
            "service_code": service_code,
            "clinic_id": clinic_id,
            "date": date,
        })
        if beneficiary_id is not UNSET:
            field_dict["beneficiary_id"] = beneficiary_id
        if package_code is not UNSET:
            field_dict["package_code"] = package_code
        if contact_mobile is not UNSET:
            field_dict["contact_mobile"] = contact_mobile

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        service_code = d.pop("service_code")

        clinic_id = d.pop("clinic_id")

        date = datetime.date.fromisoformat(d.pop("date"))




        def _parse_beneficiary_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id", UNSET))


        def _parse_package_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        package_code = _parse_package_code(d.pop("package_code", UNSET))


        def _parse_contact_mobile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_mobile = _parse_contact_mobile(d.pop("contact_mobile", UNSET))


        booking_create = cls(
            customer_id=customer_id,
            service_code=service_code,
            clinic_id=clinic_id,
            date=date,
            beneficiary_id=beneficiary_id,
            package_code=package_code,
            contact_mobile=contact_mobile,
        )

        return booking_create

