from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReservationCreate")



@_attrs_define
class ReservationCreate:
    """ Reserve one unit of a customer's quota for a booking (internal; booking's saga, SPEC 3.1).

        Attributes:
            customer_id (str): The customer's id, e.g. `C1001`.
            service_code (str): The catalog service code, e.g. `dental_cleaning`.
            beneficiary_id (None | str | Unset): null = the customer, else a relative
            reference (None | str | Unset): The booking id
     """

    customer_id: str
    service_code: str
    beneficiary_id: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        service_code = self.service_code

        beneficiary_id: None | str | Unset
        if isinstance(self.beneficiary_id, Unset):
            beneficiary_id = UNSET
        else:
            beneficiary_id = self.beneficiary_id

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
            "service_code": service_code,
        })
        if beneficiary_id is not UNSET:
            field_dict["beneficiary_id"] = beneficiary_id
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        service_code = d.pop("service_code")

        def _parse_beneficiary_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id", UNSET))


        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        reservation_create = cls(
            customer_id=customer_id,
            service_code=service_code,
            beneficiary_id=beneficiary_id,
            reference=reference,
        )

        return reservation_create

