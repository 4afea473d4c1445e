from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.top_up_kind import check_top_up_kind
from ..models.top_up_kind import TopUpKind
from typing import cast
import datetime






T = TypeVar("T", bound="TopUpOutput")



@_attrs_define
class TopUpOutput:
    """ One additional investment into an investment-linked or universal policy.

        Attributes:
            kind (TopUpKind): Additional investment kind (SPEC 2.3): regular additional, initial lump sum, ad hoc.
            amount (str): Amount in CNY, two decimals.
            date (datetime.date): The date it was paid.
     """

    kind: TopUpKind
    amount: str
    date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        amount = self.amount

        date = self.date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "amount": amount,
            "date": date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_top_up_kind(d.pop("kind"))




        amount = d.pop("amount")

        date = datetime.date.fromisoformat(d.pop("date"))




        top_up_output = cls(
            kind=kind,
            amount=amount,
            date=date,
        )

        return top_up_output

