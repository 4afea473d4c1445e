from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RevisitRunRequest")



@_attrs_define
class RevisitRunRequest:
    """ Run the revisit batches due at a time: 10:00 SMS, second SMS, phone escalation (SPEC 5).

        Attributes:
            as_of (datetime.datetime): Aware local time, e.g. 2026-05-09T10:00:00+08:00
     """

    as_of: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "as_of": as_of,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        revisit_run_request = cls(
            as_of=as_of,
        )

        return revisit_run_request

