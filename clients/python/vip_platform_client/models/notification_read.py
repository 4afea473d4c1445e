from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_read_channel import check_notification_read_channel
from ..models.notification_read_channel import NotificationReadChannel
from ..models.notification_read_status import check_notification_read_status
from ..models.notification_read_status import NotificationReadStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.delivery_attempt_read import DeliveryAttemptRead





T = TypeVar("T", bound="NotificationRead")



@_attrs_define
class NotificationRead:
    """ A notification (SMS or WeChat template message) requested by a service, with its attempts.

        Attributes:
            id (int): The notification's id (increasing).
            event_id (str): The `notification.requested.v1` event it came from (deduplication key).
            customer_id (str): The recipient customer's id.
            channel (NotificationReadChannel): sms | wechat
            template (str): The template, e.g. `booking_confirmed`, `tier_upgrade`, `revisit_first_sms`.
            text (str): The full text as sent (identity and mobile numbers in it masked)
            mobile (None | str): Recipient mobile, masked: 138****8000
            reference (None | str): What it is about (a booking id, a policy number); null if nothing.
            source_service (str): The service that asked for it: tiering, booking, revisit, ...
            status (NotificationReadStatus): queued (retrying) | sent | failed (gave up)
            attempt_count (int): Attempts made.
            next_attempt_at (datetime.datetime | None): When a queued notification is retried
            last_error (None | str): The last attempt's error (numbers masked).
            created_at (datetime.datetime): When it was requested, Asia/Shanghai local time.
            sent_at (datetime.datetime | None): When it was sent.
            attempts (list[DeliveryAttemptRead]): Every attempt, oldest first.
     """

    id: int
    event_id: str
    customer_id: str
    channel: NotificationReadChannel
    template: str
    text: str
    mobile: None | str
    reference: None | str
    source_service: str
    status: NotificationReadStatus
    attempt_count: int
    next_attempt_at: datetime.datetime | None
    last_error: None | str
    created_at: datetime.datetime
    sent_at: datetime.datetime | None
    attempts: list[DeliveryAttemptRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_attempt_read import DeliveryAttemptRead # noqa: PLC0415
        id = self.id

        event_id = self.event_id

        customer_id = self.customer_id

        channel: str = self.channel

        template = self.template

        text = self.text

        mobile: None | str
        mobile = self.mobile

        reference: None | str
        reference = self.reference

        source_service = self.source_service

        status: str = self.status

        attempt_count = self.attempt_count

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_error: None | str
        last_error = self.last_error

        created_at = self.created_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "event_id": event_id,
            "customer_id": customer_id,
            "channel": channel,
            "template": template,
            "text": text,
            "mobile": mobile,
            "reference": reference,
            "source_service": source_service,
            "status": status,
            "attempt_count": attempt_count,
            "next_attempt_at": next_attempt_at,
            "last_error": last_error,
            "created_at": created_at,
            "sent_at": sent_at,
            "attempts": attempts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_attempt_read import DeliveryAttemptRead # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        event_id = d.pop("event_id")

        customer_id = d.pop("customer_id")

        channel = check_notification_read_channel(d.pop("channel"))




        template = d.pop("template")

        text = d.pop("text")

        def _parse_mobile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mobile = _parse_mobile(d.pop("mobile"))


        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        source_service = d.pop("source_service")

        status = check_notification_read_status(d.pop("status"))




        attempt_count = d.pop("attempt_count")

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


        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))


        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in (_attempts):
            attempts_item = DeliveryAttemptRead.from_dict(attempts_item_data)



            attempts.append(attempts_item)


        notification_read = cls(
            id=id,
            event_id=event_id,
            customer_id=customer_id,
            channel=channel,
            template=template,
            text=text,
            mobile=mobile,
            reference=reference,
            source_service=source_service,
            status=status,
            attempt_count=attempt_count,
            next_attempt_at=next_attempt_at,
            last_error=last_error,
            created_at=created_at,
            sent_at=sent_at,
            attempts=attempts,
        )


        notification_read.additional_properties = d
        return notification_read

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
