from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attempt_read import AttemptRead
  from ..models.delivery_read_payload import DeliveryReadPayload





T = TypeVar("T", bound="DeliveryRead")



@_attrs_define
class DeliveryRead:
    """ An outbound webhook delivery to a partner and its attempts (SPEC 4.3).

        Attributes:
            delivery_id (str): The delivery's id (the `webhook-id` header of every attempt).
            partner_id (str): The receiving partner.
            booking_id (None | str): The booking concerned.
            event_type (str): booking.requested | booking.cancelled
            status (str): pending (retrying) | delivered | failed (gave up after the retry schedule, ≥ 24 h).
            attempts (int): Attempts made.
            next_attempt_at (datetime.datetime | None): When the next retry is due; null when done.
            last_status_code (int | None): The last attempt's HTTP status.
            last_error (None | str): The last attempt's error.
            created_at (datetime.datetime): When the delivery was queued.
            delivered_at (datetime.datetime | None): When a 2xx was received.
            payload (DeliveryReadPayload): The JSON body sent.
            attempt_log (list[AttemptRead]): Every attempt, oldest first.
     """

    delivery_id: str
    partner_id: str
    booking_id: None | str
    event_type: str
    status: str
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_status_code: int | None
    last_error: None | str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    payload: DeliveryReadPayload
    attempt_log: list[AttemptRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt_read import AttemptRead # noqa: PLC0415
        from ..models.delivery_read_payload import DeliveryReadPayload # noqa: PLC0415
        delivery_id = self.delivery_id

        partner_id = self.partner_id

        booking_id: None | str
        booking_id = self.booking_id

        event_type = self.event_type

        status = self.status

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_error: None | str
        last_error = self.last_error

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        payload = self.payload.to_dict()

        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivery_id": delivery_id,
            "partner_id": partner_id,
            "booking_id": booking_id,
            "event_type": event_type,
            "status": status,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "last_status_code": last_status_code,
            "last_error": last_error,
            "created_at": created_at,
            "delivered_at": delivered_at,
            "payload": payload,
            "attempt_log": attempt_log,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_read import AttemptRead # noqa: PLC0415
        from ..models.delivery_read_payload import DeliveryReadPayload # noqa: PLC0415
        d = dict(src_dict)
        delivery_id = d.pop("delivery_id")

        partner_id = d.pop("partner_id")

        def _parse_booking_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        booking_id = _parse_booking_id(d.pop("booking_id"))


        event_type = d.pop("event_type")

        status = d.pop("status")

        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))


        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        payload = DeliveryReadPayload.from_dict(d.pop("payload"))




        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in (_attempt_log):
            attempt_log_item = AttemptRead.from_dict(attempt_log_item_data)



            attempt_log.append(attempt_log_item)


        delivery_read = cls(
            delivery_id=delivery_id,
            partner_id=partner_id,
            booking_id=booking_id,
            event_type=event_type,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status_code=last_status_code,
            last_error=last_error,
            created_at=created_at,
            delivered_at=delivered_at,
            payload=payload,
            attempt_log=attempt_log,
        )


        delivery_read.additional_properties = d
        return delivery_read

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
