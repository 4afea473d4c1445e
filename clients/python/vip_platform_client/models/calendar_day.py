from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CalendarDay")



@_attrs_define
class CalendarDay:
    """ One day of the working-day calendar (SPEC 4.1).

        Attributes:
            date (datetime.date): The date.
            working (bool): True on a working day (make-up working days 调休 included).
            holiday (bool): True on a declared day off (statutory holiday or its bridge days).
            name (None | str): The holiday's or make-up day's name, e.g. `国庆节`; null on an ordinary day.
            source (str): Where the answer comes from: package (holidays data), schedule (ops-loaded), override, weekday.
     """

    date: datetime.date
    working: bool
    holiday: bool
    name: None | str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        working = self.working

        holiday = self.holiday

        name: None | str
        name = self.name

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "working": working,
            "holiday": holiday,
            "name": name,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        working = d.pop("working")

        holiday = d.pop("holiday")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        source = d.pop("source")

        calendar_day = cls(
            date=date,
            working=working,
            holiday=holiday,
            name=name,
            source=source,
        )


        calendar_day.additional_properties = d
        return calendar_day

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
