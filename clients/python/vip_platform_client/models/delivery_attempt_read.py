from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_attempt_read_outcome import check_delivery_attempt_read_outcome
from ..models.delivery_attempt_read_outcome import DeliveryAttemptReadOutcome
from typing import cast
import datetime






T = TypeVar("T", bound="DeliveryAttemptRead")



@_attrs_define
class DeliveryAttemptRead:
    """ One attempt to deliver a notification through a channel adapter.

        Attributes:
            attempt_no (int): 1 for the first attempt.
            attempted_at (datetime.datetime): When, Asia/Shanghai local time with offset.
            adapter (str): sms-gateway, wechat-template, or sink-sms / sink-wechat in development
            outcome (DeliveryAttemptReadOutcome): sent | failed
            error (None | str): What went wrong (numbers masked); null when sent.
            provider_message_id (None | str): The SMS gateway's or WeChat's message id, when sent.
     """

    attempt_no: int
    attempted_at: datetime.datetime
    adapter: str
    outcome: DeliveryAttemptReadOutcome
    error: None | str
    provider_message_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempt_no = self.attempt_no

        attempted_at = self.attempted_at.isoformat()

        adapter = self.adapter

        outcome: str = self.outcome

        error: None | str
        error = self.error

        provider_message_id: None | str
        provider_message_id = self.provider_message_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_no": attempt_no,
            "attempted_at": attempted_at,
            "adapter": adapter,
            "outcome": outcome,
            "error": error,
            "provider_message_id": provider_message_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt_no = d.pop("attempt_no")

        attempted_at = datetime.datetime.fromisoformat(d.pop("attempted_at"))




        adapter = d.pop("adapter")

        outcome = check_delivery_attempt_read_outcome(d.pop("outcome"))




        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        def _parse_provider_message_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_message_id = _parse_provider_message_id(d.pop("provider_message_id"))


        delivery_attempt_read = cls(
            attempt_no=attempt_no,
            attempted_at=attempted_at,
            adapter=adapter,
            outcome=outcome,
            error=error,
            provider_message_id=provider_message_id,
        )


        delivery_attempt_read.additional_properties = d
        return delivery_attempt_read

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
