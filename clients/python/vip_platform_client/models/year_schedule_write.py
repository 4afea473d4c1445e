from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.schedule_day import ScheduleDay





T = TypeVar("T", bound="YearScheduleWrite")



@_attrs_define
class YearScheduleWrite:
    """ A year's official schedule as the State Council publishes it.

        Attributes:
            days_off (list[ScheduleDay]): Every declared day off (weekdays and weekends of the breaks)
            working_days (list[ScheduleDay] | Unset): Weekend days declared make-up working days (调休上班)
            source (None | str | Unset): e.g. the notice's URL
     """

    days_off: list[ScheduleDay]
    working_days: list[ScheduleDay] | Unset = UNSET
    source: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_day import ScheduleDay # noqa: PLC0415
        days_off = []
        for days_off_item_data in self.days_off:
            days_off_item = days_off_item_data.to_dict()
            days_off.append(days_off_item)



        working_days: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.working_days, Unset):
            working_days = []
            for working_days_item_data in self.working_days:
                working_days_item = working_days_item_data.to_dict()
                working_days.append(working_days_item)



        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "days_off": days_off,
        })
        if working_days is not UNSET:
            field_dict["working_days"] = working_days
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule_day import ScheduleDay # noqa: PLC0415
        d = dict(src_dict)
        days_off = []
        _days_off = d.pop("days_off")
        for days_off_item_data in (_days_off):
            days_off_item = ScheduleDay.from_dict(days_off_item_data)



            days_off.append(days_off_item)


        _working_days = d.pop("working_days", UNSET)
        working_days: list[ScheduleDay] | Unset = UNSET
        if _working_days is not UNSET:
            working_days = []
            for working_days_item_data in _working_days:
                working_days_item = ScheduleDay.from_dict(working_days_item_data)



                working_days.append(working_days_item)


        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        year_schedule_write = cls(
            days_off=days_off,
            working_days=working_days,
            source=source,
        )

        return year_schedule_write

