from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SecondOpinionCreate")



@_attrs_define
class SecondOpinionCreate:
    """ Request a domestic second opinion (SPEC 4.2 SLA: contact within 1 working day).

        Attributes:
            customer_id (str): The customer's id, e.g. `C1001`.
            service_code (str | Unset): The second-opinion service code. Default: 'second_opinion_domestic'.
            beneficiary_id (None | str | Unset): A designated relative's id; null = the customer.
            partner_id (None | str | Unset): The provider; null = the default provider.
            diagnosis (None | str | Unset): The diagnosis the opinion is about (critical illnesses only), e.g. `肺腺癌`.
     """

    customer_id: str
    service_code: str | Unset = 'second_opinion_domestic'
    beneficiary_id: None | str | Unset = UNSET
    partner_id: None | str | Unset = UNSET
    diagnosis: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        service_code = self.service_code

        beneficiary_id: None | str | Unset
        if isinstance(self.beneficiary_id, Unset):
            beneficiary_id = UNSET
        else:
            beneficiary_id = self.beneficiary_id

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        else:
            partner_id = self.partner_id

        diagnosis: None | str | Unset
        if isinstance(self.diagnosis, Unset):
            diagnosis = UNSET
        else:
            diagnosis = self.diagnosis


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
        })
        if service_code is not UNSET:
            field_dict["service_code"] = service_code
        if beneficiary_id is not UNSET:
            field_dict["beneficiary_id"] = beneficiary_id
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if diagnosis is not UNSET:
            field_dict["diagnosis"] = diagnosis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        service_code = d.pop("service_code", UNSET)

        def _parse_beneficiary_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id", UNSET))


        def _parse_partner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        def _parse_diagnosis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        diagnosis = _parse_diagnosis(d.pop("diagnosis", UNSET))


        second_opinion_create = cls(
            customer_id=customer_id,
            service_code=service_code,
            beneficiary_id=beneficiary_id,
            partner_id=partner_id,
            diagnosis=diagnosis,
        )

        return second_opinion_create

