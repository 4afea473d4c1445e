from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reservation_read_status import check_reservation_read_status
from ..models.reservation_read_status import ReservationReadStatus
from typing import cast
import datetime






T = TypeVar("T", bound="ReservationRead")



@_attrs_define
class ReservationRead:
    """ A reservation of one quota unit and its state.

        Attributes:
            reservation_id (str): The reservation's id.
            status (ReservationReadStatus): reserved (held) | consumed (used) | released (given back).
            customer_id (str): The customer's id.
            service_code (str): The catalog service code.
            beneficiary_id (None | str): The relative it is for; null = the customer.
            reference (None | str): The booking id it was made for.
            period_start (datetime.date): First day of the quota period the unit belongs to.
            period_end (datetime.date): Last day of that period.
            remaining (int | None): Units left in the grant after this change; null = unlimited
            reason (None | str): Why it was consumed or released; null while reserved.
            created_at (datetime.datetime): When it was reserved.
            updated_at (datetime.datetime): When its status last changed.
     """

    reservation_id: str
    status: ReservationReadStatus
    customer_id: str
    service_code: str
    beneficiary_id: None | str
    reference: None | str
    period_start: datetime.date
    period_end: datetime.date
    remaining: int | None
    reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reservation_id = self.reservation_id

        status: str = self.status

        customer_id = self.customer_id

        service_code = self.service_code

        beneficiary_id: None | str
        beneficiary_id = self.beneficiary_id

        reference: None | str
        reference = self.reference

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        remaining: int | None
        remaining = self.remaining

        reason: None | str
        reason = self.reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reservation_id": reservation_id,
            "status": status,
            "customer_id": customer_id,
            "service_code": service_code,
            "beneficiary_id": beneficiary_id,
            "reference": reference,
            "period_start": period_start,
            "period_end": period_end,
            "remaining": remaining,
            "reason": reason,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reservation_id = d.pop("reservation_id")

        status = check_reservation_read_status(d.pop("status"))




        customer_id = d.pop("customer_id")

        service_code = d.pop("service_code")

        def _parse_beneficiary_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id"))


        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        def _parse_remaining(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining = _parse_remaining(d.pop("remaining"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        reservation_read = cls(
            reservation_id=reservation_id,
            status=status,
            customer_id=customer_id,
            service_code=service_code,
            beneficiary_id=beneficiary_id,
            reference=reference,
            period_start=period_start,
            period_end=period_end,
            remaining=remaining,
            reason=reason,
            created_at=created_at,
            updated_at=updated_at,
        )


        reservation_read.additional_properties = d
        return reservation_read

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
