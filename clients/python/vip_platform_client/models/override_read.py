from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="OverrideRead")



@_attrs_define
class OverrideRead:
    """ An ops override of one day.

        Attributes:
            date (datetime.date): The date overridden.
            working (bool): True: a working day; false: a day off.
            name (None | str): Why, e.g. `台风停工`.
            updated_by (str): Who set it (`ops:<subject>`).
            updated_at (datetime.datetime): When it was set.
     """

    date: datetime.date
    working: bool
    name: None | str
    updated_by: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        working = self.working

        name: None | str
        name = self.name

        updated_by = self.updated_by

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "working": working,
            "name": name,
            "updated_by": updated_by,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        working = d.pop("working")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        updated_by = d.pop("updated_by")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        override_read = cls(
            date=date,
            working=working,
            name=name,
            updated_by=updated_by,
            updated_at=updated_at,
        )


        override_read.additional_properties = d
        return override_read

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
