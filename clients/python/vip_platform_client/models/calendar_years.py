from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CalendarYears")



@_attrs_define
class CalendarYears:
    """ Which years the working-day calendar knows (SPEC 4.1: unknown years are refused, not guessed).

        Attributes:
            package_years (list[int]): Years the `holidays` package knows.
            loaded_years (list[int]): Years loaded by ops.
            known_years (list[int] | Unset): Every year with a known schedule
            next_year (int | None | Unset): Next calendar year (Asia/Shanghai).
            next_year_known (bool | None | Unset): Whether next year's schedule is known.
            warning (None | str | Unset): Set from 1 December while next year's official schedule is not loaded
     """

    package_years: list[int]
    loaded_years: list[int]
    known_years: list[int] | Unset = UNSET
    next_year: int | None | Unset = UNSET
    next_year_known: bool | None | Unset = UNSET
    warning: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        package_years = self.package_years



        loaded_years = self.loaded_years



        known_years: list[int] | Unset = UNSET
        if not isinstance(self.known_years, Unset):
            known_years = self.known_years



        next_year: int | None | Unset
        if isinstance(self.next_year, Unset):
            next_year = UNSET
        else:
            next_year = self.next_year

        next_year_known: bool | None | Unset
        if isinstance(self.next_year_known, Unset):
            next_year_known = UNSET
        else:
            next_year_known = self.next_year_known

        warning: None | str | Unset
        if isinstance(self.warning, Unset):
            warning = UNSET
        else:
            warning = self.warning


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "package_years": package_years,
            "loaded_years": loaded_years,
        })
        if known_years is not UNSET:
            field_dict["known_years"] = known_years
        if next_year is not UNSET:
            field_dict["next_year"] = next_year
        if next_year_known is not UNSET:
            field_dict["next_year_known"] = next_year_known
        if warning is not UNSET:
            field_dict["warning"] = warning

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        package_years = cast(list[int], d.pop("package_years"))


        loaded_years = cast(list[int], d.pop("loaded_years"))


        known_years = cast(list[int], d.pop("known_years", UNSET))


        def _parse_next_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        next_year = _parse_next_year(d.pop("next_year", UNSET))


        def _parse_next_year_known(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        next_year_known = _parse_next_year_known(d.pop("next_year_known", UNSET))


        def _parse_warning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning = _parse_warning(d.pop("warning", UNSET))


        calendar_years = cls(
            package_years=package_years,
            loaded_years=loaded_years,
            known_years=known_years,
            next_year=next_year,
            next_year_known=next_year_known,
            warning=warning,
        )


        calendar_years.additional_properties = d
        return calendar_years

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
