from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reservation_release_reason import check_reservation_release_reason
from ..models.reservation_release_reason import ReservationReleaseReason
from typing import cast






T = TypeVar("T", bound="ReservationRelease")



@_attrs_define
class ReservationRelease:
    """ Give a reserved unit back (SPEC 3.1: cancelled in time, rejected by the partner, booking failed).

        Attributes:
            reason (ReservationReleaseReason): cancelled | rejected | booking_failed
     """

    reason: ReservationReleaseReason





    def to_dict(self) -> dict[str, Any]:
        reason: str = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = check_reservation_release_reason(d.pop("reason"))




        reservation_release = cls(
            reason=reason,
        )

        return reservation_release

