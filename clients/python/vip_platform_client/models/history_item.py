from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="HistoryItem")



@_attrs_define
class HistoryItem:
    """ One status change of a booking.

        Attributes:
            from_status (None | str): The status before; null for the creation.
            to_status (str): The status after.
            reason (None | str): Why (a partner's rejection reason, `cancelled by customer`, ...).
            actor (str): Who: `customer:<id>`, `ops:<subject>`, `partner:<id>`, `system`.
            at (datetime.datetime): When, ISO 8601 with offset.
     """

    from_status: None | str
    to_status: str
    reason: None | str
    actor: str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from_status: None | str
        from_status = self.from_status

        to_status = self.to_status

        reason: None | str
        reason = self.reason

        actor = self.actor

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from_status": from_status,
            "to_status": to_status,
            "reason": reason,
            "actor": actor,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))


        to_status = d.pop("to_status")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        history_item = cls(
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            actor=actor,
            at=at,
        )


        history_item.additional_properties = d
        return history_item

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
