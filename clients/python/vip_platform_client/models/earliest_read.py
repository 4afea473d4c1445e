from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EarliestRead")



@_attrs_define
class EarliestRead:
    """ The earliest bookable date for a service (SPEC 4.2 advance notice), optionally at a clinic.

        Attributes:
            service_code (str): The catalog service code, e.g. `dental_cleaning`.
            requested_at (datetime.datetime): The time the answer is computed for (now).
            advance_working_days (int): N: working days of advance notice for this service.
            earliest_date (datetime.date): add_working_days(today, N).
            clinic_id (None | str | Unset): The clinic asked about, if any.
            earliest_open_date (datetime.date | None | Unset): With clinic_id: first opening day from earliest_date with a
                free place
     """

    service_code: str
    requested_at: datetime.datetime
    advance_working_days: int
    earliest_date: datetime.date
    clinic_id: None | str | Unset = UNSET
    earliest_open_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        service_code = self.service_code

        requested_at = self.requested_at.isoformat()

        advance_working_days = self.advance_working_days

        earliest_date = self.earliest_date.isoformat()

        clinic_id: None | str | Unset
        if isinstance(self.clinic_id, Unset):
            clinic_id = UNSET
        else:
            clinic_id = self.clinic_id

        earliest_open_date: None | str | Unset
        if isinstance(self.earliest_open_date, Unset):
            earliest_open_date = UNSET
        elif isinstance(self.earliest_open_date, datetime.date):
            earliest_open_date = self.earliest_open_date.isoformat()
        else:
            earliest_open_date = self.earliest_open_date


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "service_code": service_code,
            "requested_at": requested_at,
            "advance_working_days": advance_working_days,
            "earliest_date": earliest_date,
        })
        if clinic_id is not UNSET:
            field_dict["clinic_id"] = clinic_id
        if earliest_open_date is not UNSET:
            field_dict["earliest_open_date"] = earliest_open_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_code = d.pop("service_code")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        advance_working_days = d.pop("advance_working_days")

        earliest_date = datetime.date.fromisoformat(d.pop("earliest_date"))




        def _parse_clinic_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clinic_id = _parse_clinic_id(d.pop("clinic_id", UNSET))


        def _parse_earliest_open_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                earliest_open_date_type_0 = datetime.date.fromisoformat(data)



                return earliest_open_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        earliest_open_date = _parse_earliest_open_date(d.pop("earliest_open_date", UNSET))


        earliest_read = cls(
            service_code=service_code,
            requested_at=requested_at,
            advance_working_days=advance_working_days,
            earliest_date=earliest_date,
            clinic_id=clinic_id,
            earliest_open_date=earliest_open_date,
        )


        earliest_read.additional_properties = d
        return earliest_read

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
