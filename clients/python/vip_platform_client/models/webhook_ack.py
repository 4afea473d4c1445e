from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_ack_status import check_webhook_ack_status
from ..models.webhook_ack_status import WebhookAckStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookAck")



@_attrs_define
class WebhookAck:
    """ The platform's answer to a partner webhook.

        Attributes:
            status (WebhookAckStatus): applied | duplicate (same `webhook-id` seen: no second effect) | unchanged (already
                so).
            booking_id (None | str | Unset): The booking concerned.
            booking_status (None | str | Unset): Its status after the webhook.
     """

    status: WebhookAckStatus
    booking_id: None | str | Unset = UNSET
    booking_status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        booking_id: None | str | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        else:
            booking_id = self.booking_id

        booking_status: None | str | Unset
        if isinstance(self.booking_status, Unset):
            booking_status = UNSET
        else:
            booking_status = self.booking_status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
        })
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if booking_status is not UNSET:
            field_dict["booking_status"] = booking_status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_webhook_ack_status(d.pop("status"))




        def _parse_booking_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))


        def _parse_booking_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        booking_status = _parse_booking_status(d.pop("booking_status", UNSET))


        webhook_ack = cls(
            status=status,
            booking_id=booking_id,
            booking_status=booking_status,
        )


        webhook_ack.additional_properties = d
        return webhook_ack

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
