from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LedgerEntryRead")



@_attrs_define
class LedgerEntryRead:
    """ One quota movement; the ledger explains every number shown to the customer (SPEC 3.1).

        Attributes:
            id (int): The entry's id (increasing).
            at (datetime.datetime): When it happened, ISO 8601 with offset.
            action (str): granted | quota_changed | reserved | consumed | released
            units (int): Units moved by this entry.
            reservation_id (None | str): The reservation concerned, if any.
            period_start (datetime.date): First day of the quota period.
            period_end (datetime.date): Last day of the quota period.
            quota (int | None): The quota after the entry; null = unlimited.
            used (int): Units used after the entry.
            reserved (int): Units reserved after the entry.
            remaining (int | None): Units left after the entry; null = unlimited.
            reason (str): Why, in English, e.g. `reserved for holder (booking B20260928000001)`.
     """

    id: int
    at: datetime.datetime
    action: str
    units: int
    reservation_id: None | str
    period_start: datetime.date
    period_end: datetime.date
    quota: int | None
    used: int
    reserved: int
    remaining: int | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        action = self.action

        units = self.units

        reservation_id: None | str
        reservation_id = self.reservation_id

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        quota: int | None
        quota = self.quota

        used = self.used

        reserved = self.reserved

        remaining: int | None
        remaining = self.remaining

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "at": at,
            "action": action,
            "units": units,
            "reservation_id": reservation_id,
            "period_start": period_start,
            "period_end": period_end,
            "quota": quota,
            "used": used,
            "reserved": reserved,
            "remaining": remaining,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        action = d.pop("action")

        units = d.pop("units")

        def _parse_reservation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reservation_id = _parse_reservation_id(d.pop("reservation_id"))


        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        def _parse_quota(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quota = _parse_quota(d.pop("quota"))


        used = d.pop("used")

        reserved = d.pop("reserved")

        def _parse_remaining(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining = _parse_remaining(d.pop("remaining"))


        reason = d.pop("reason")

        ledger_entry_read = cls(
            id=id,
            at=at,
            action=action,
            units=units,
            reservation_id=reservation_id,
            period_start=period_start,
            period_end=period_end,
            quota=quota,
            used=used,
            reserved=reserved,
            remaining=remaining,
            reason=reason,
        )


        ledger_entry_read.additional_properties = d
        return ledger_entry_read

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
