from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SessionCreate")



@_attrs_define
class SessionCreate:
    """ Start a questionnaire session: prove identity with the link's token (SPEC 5).

        Attributes:
            token (str): The token of the SMS or WeChat link.
            id_last6 (str): Last 6 characters of the ID number
            birth_date (datetime.date): The holder's date of birth.
     """

    token: str
    id_last6: str
    birth_date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        token = self.token

        id_last6 = self.id_last6

        birth_date = self.birth_date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "token": token,
            "id_last6": id_last6,
            "birth_date": birth_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        id_last6 = d.pop("id_last6")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        session_create = cls(
            token=token,
            id_last6=id_last6,
            birth_date=birth_date,
        )

        return session_create

