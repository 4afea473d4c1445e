from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.beneficiary_kind import BeneficiaryKind
from ..models.beneficiary_kind import check_beneficiary_kind
from typing import cast






T = TypeVar("T", bound="Beneficiary")



@_attrs_define
class Beneficiary:
    """ Someone who may use a service: the holder (or insured) or a designated relative.

        Attributes:
            beneficiary_id (None | str): The relative's id; null = the customer.
            kind (BeneficiaryKind): holder | relative
            name (str): Name, e.g. `张伟`.
            relation (None | str): For a relative: spouse, parent, child, spouse_parent, insured; null for the customer.
     """

    beneficiary_id: None | str
    kind: BeneficiaryKind
    name: str
    relation: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        beneficiary_id: None | str
        beneficiary_id = self.beneficiary_id

        kind: str = self.kind

        name = self.name

        relation: None | str
        relation = self.relation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "beneficiary_id": beneficiary_id,
            "kind": kind,
            "name": name,
            "relation": relation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_beneficiary_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id"))


        kind = check_beneficiary_kind(d.pop("kind"))




        name = d.pop("name")

        def _parse_relation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        relation = _parse_relation(d.pop("relation"))


        beneficiary = cls(
            beneficiary_id=beneficiary_id,
            kind=kind,
            name=name,
            relation=relation,
        )


        beneficiary.additional_properties = d
        return beneficiary

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
