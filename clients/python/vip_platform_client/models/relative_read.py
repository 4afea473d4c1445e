from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RelativeRead")



@_attrs_define
class RelativeRead:
    """ A designated relative (identity number masked).

        Attributes:
            relative_id (str): The relative's id.
            customer_id (str): The customer who designated them.
            name (str): Full name.
            relation (str): spouse | parent | child | spouse_parent | insured
            id_no (str): Masked: 110101********1234
            birth_date (datetime.date): Date of birth.
            age (int): Age today in full years.
            designated_at (datetime.datetime): When they were designated.
            services (list[str]): Services at the current tier this relative may use
     """

    relative_id: str
    customer_id: str
    name: str
    relation: str
    id_no: str
    birth_date: datetime.date
    age: int
    designated_at: datetime.datetime
    services: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        relative_id = self.relative_id

        customer_id = self.customer_id

        name = self.name

        relation = self.relation

        id_no = self.id_no

        birth_date = self.birth_date.isoformat()

        age = self.age

        designated_at = self.designated_at.isoformat()

        services = self.services




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relative_id": relative_id,
            "customer_id": customer_id,
            "name": name,
            "relation": relation,
            "id_no": id_no,
            "birth_date": birth_date,
            "age": age,
            "designated_at": designated_at,
            "services": services,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        relative_id = d.pop("relative_id")

        customer_id = d.pop("customer_id")

        name = d.pop("name")

        relation = d.pop("relation")

        id_no = d.pop("id_no")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        age = d.pop("age")

        designated_at = datetime.datetime.fromisoformat(d.pop("designated_at"))




        services = cast(list[str], d.pop("services"))


        relative_read = cls(
            relative_id=relative_id,
            customer_id=customer_id,
            name=name,
            relation=relation,
            id_no=id_no,
            birth_date=birth_date,
            age=age,
            designated_at=designated_at,
            services=services,
        )


        relative_read.additional_properties = d
        return relative_read

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
