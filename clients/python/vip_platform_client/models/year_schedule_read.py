from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.schedule_day import ScheduleDay





T = TypeVar("T", bound="YearScheduleRead")



@_attrs_define
class YearScheduleRead:
    """ A year's official holiday schedule as loaded by ops.

        Attributes:
            year (int): The year.
            source (None | str): Where it comes from (e.g. the notice's URL).
            days_off (list[ScheduleDay]): Every declared day off.
            working_days (list[ScheduleDay]): Weekend days declared make-up working days (调休上班).
            loaded_by (str): Who loaded it (`ops:<subject>`, or `package`).
            loaded_at (datetime.datetime): When it was loaded.
     """

    year: int
    source: None | str
    days_off: list[ScheduleDay]
    working_days: list[ScheduleDay]
    loaded_by: str
    loaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_day import ScheduleDay # noqa: PLC0415
        year = self.year

        source: None | str
        source = self.source

        days_off = []
        for days_off_item_data in self.days_off:
            days_off_item = days_off_item_data.to_dict()
            days_off.append(days_off_item)



        working_days = []
        for working_days_item_data in self.working_days:
            working_days_item = working_days_item_data.to_dict()
            working_days.append(working_days_item)



        loaded_by = self.loaded_by

        loaded_at = self.loaded_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "year": year,
            "source": source,
            "days_off": days_off,
            "working_days": working_days,
            "loaded_by": loaded_by,
            "loaded_at": loaded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule_day import ScheduleDay # noqa: PLC0415
        d = dict(src_dict)
        year = d.pop("year")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))


        days_off = []
        _days_off = d.pop("days_off")
        for days_off_item_data in (_days_off):
            days_off_item = ScheduleDay.from_dict(days_off_item_data)



            days_off.append(days_off_item)


        working_days = []
        _working_days = d.pop("working_days")
        for working_days_item_data in (_working_days):
            working_days_item = ScheduleDay.from_dict(working_days_item_data)



            working_days.append(working_days_item)


        loaded_by = d.pop("loaded_by")

        loaded_at = datetime.datetime.fromisoformat(d.pop("loaded_at"))




        year_schedule_read = cls(
            year=year,
            source=source,
            days_off=days_off,
            working_days=working_days,
            loaded_by=loaded_by,
            loaded_at=loaded_at,
        )


        year_schedule_read.additional_properties = d
        return year_schedule_read

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
