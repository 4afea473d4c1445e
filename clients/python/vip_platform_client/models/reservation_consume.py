from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reservation_consume_reason import check_reservation_consume_reason
from ..models.reservation_consume_reason import ReservationConsumeReason
from typing import cast






T = TypeVar("T", bound="ReservationConsume")



@_attrs_define
class ReservationConsume:
    """ Consume a reserved unit (SPEC 3.1: completed, no-show or late cancellation).

        Attributes:
            reason (ReservationConsumeReason): completed | no_show | cancelled_late
     """

    reason: ReservationConsumeReason





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
        reason = check_reservation_consume_reason(d.pop("reason"))




        reservation_consume = cls(
            reason=reason,
        )

        return reservation_consume

