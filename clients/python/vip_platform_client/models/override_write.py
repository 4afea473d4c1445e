from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OverrideWrite")



@_attrs_define
class OverrideWrite:
    """ An ops override of one day (wins over the package and loaded schedules).

        Attributes:
            working (bool): True: a working day; false: a day off.
            name (None | str | Unset): Why, e.g. `台风停工`.
     """

    working: bool
    name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        working = self.working

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "working": working,
        })
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        working = d.pop("working")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        override_write = cls(
            working=working,
            name=name,
        )

        return override_write

