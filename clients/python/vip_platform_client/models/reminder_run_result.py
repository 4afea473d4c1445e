from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ReminderRunResult")



@_attrs_define
class ReminderRunResult:
    """ The result of a reminder run.

        Attributes:
            as_of (datetime.date): The day run.
            window (list[datetime.date] | None): The appointment dates reminded `[first, last]`; null on a day off (nothing
                to send).
            reminded (int): Reminders requested.
     """

    as_of: datetime.date
    window: list[datetime.date] | None
    reminded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        window: list[str] | None
        if isinstance(self.window, list):
            window = []
            for window_type_0_item_data in self.window:
                window_type_0_item = window_type_0_item_data.isoformat()
                window.append(window_type_0_item)


        else:
            window = self.window

        reminded = self.reminded


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "window": window,
            "reminded": reminded,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_window(data: object) -> list[datetime.date] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                window_type_0 = []
                _window_type_0 = data
                for window_type_0_item_data in (_window_type_0):
                    window_type_0_item = datetime.date.fromisoformat(window_type_0_item_data)



                    window_type_0.append(window_type_0_item)

                return window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[datetime.date] | None, data)

        window = _parse_window(d.pop("window"))


        reminded = d.pop("reminded")

        reminder_run_result = cls(
            as_of=as_of,
            window=window,
            reminded=reminded,
        )


        reminder_run_result.additional_properties = d
        return reminder_run_result

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
