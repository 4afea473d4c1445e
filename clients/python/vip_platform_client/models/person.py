from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.id_type import check_id_type
from ..models.id_type import IdType
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Person")



@_attrs_define
class Person:
    """ A policyholder or insured person. Read back with `id_no` and `mobile` masked (SPEC 7).

        Attributes:
            name (str): Full name, e.g. `张伟`.
            id_type (IdType): Identity document type: resident ID card (居民身份证, GB 11643 check digit), passport, Hong
                Kong/Macau or
                Taiwan travel permit, foreign permanent residence card, other.
            id_no (str): Identity document number; masked in answers, e.g. `110101********1234`.
            birth_date (datetime.date): Date of birth.
            customer_id (None | str | Unset): The customer's id in the core system, e.g. `C1001`.
            mobile (None | str | Unset): Mainland mobile number; masked in answers, e.g. `138****8000`.
     """

    name: str
    id_type: IdType
    id_no: str
    birth_date: datetime.date
    customer_id: None | str | Unset = UNSET
    mobile: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id_type: str = self.id_type

        id_no = self.id_no

        birth_date = self.birth_date.isoformat()

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        mobile: None | str | Unset
        if isinstance(self.mobile, Unset):
            mobile = UNSET
        else:
            mobile = self.mobile


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "id_type": id_type,
            "id_no": id_no,
            "birth_date": birth_date,
        })
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if mobile is not UNSET:
            field_dict["mobile"] = mobile

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id_type = check_id_type(d.pop("id_type"))




        id_no = d.pop("id_no")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))


        def _parse_mobile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile = _parse_mobile(d.pop("mobile", UNSET))


        person = cls(
            name=name,
            id_type=id_type,
            id_no=id_no,
            birth_date=birth_date,
            customer_id=customer_id,
            mobile=mobile,
        )

        return person

