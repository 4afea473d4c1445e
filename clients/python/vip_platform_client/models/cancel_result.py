from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cancel_result_status import CancelResultStatus
from ..models.cancel_result_status import check_cancel_result_status
from typing import cast
import datetime






T = TypeVar("T", bound="CancelResult")



@_attrs_define
class CancelResult:
    """ The outcome of a cancellation: free before the deadline, forfeited at or after it (SPEC 4.2).

        Attributes:
            booking_id (str): The booking's id.
            status (CancelResultStatus): cancelled (unit released) | cancelled_late (unit consumed).
            quota_released (bool): True when the unit went back to the customer's quota.
            cancel_deadline (datetime.datetime): The booking's free-cancellation deadline.
            cancelled_at (datetime.datetime): When it was cancelled.
     """

    booking_id: str
    status: CancelResultStatus
    quota_released: bool
    cancel_deadline: datetime.datetime
    cancelled_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        status: str = self.status

        quota_released = self.quota_released

        cancel_deadline = self.cancel_deadline.isoformat()

        cancelled_at = self.cancelled_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "status": status,
            "quota_released": quota_released,
            "cancel_deadline": cancel_deadline,
            "cancelled_at": cancelled_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        status = check_cancel_result_status(d.pop("status"))




        quota_released = d.pop("quota_released")

        cancel_deadline = datetime.datetime.fromisoformat(d.pop("cancel_deadline"))




        cancelled_at = datetime.datetime.fromisoformat(d.pop("cancelled_at"))




        cancel_result = cls(
            booking_id=booking_id,
            status=status,
            quota_released=quota_released,
            cancel_deadline=cancel_deadline,
            cancelled_at=cancelled_at,
        )


        cancel_result.additional_properties = d
        return cancel_result

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
