from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="OutboxRowRead")



@_attrs_define
class OutboxRowRead:
    """ An outbox event the relay parked (it could not publish it); the payload is not shown.

        Attributes:
            id (int): The outbox row's id.
            event_id (str): The CloudEvents id of the event.
            topic (str): The Kafka topic, e.g. `booking.changed.v1`.
            key (str): The message key (orders events of one entity).
            size_bytes (int): The payload size in bytes.
            attempts (int): Publish attempts made.
            last_error (None | str): The last publish error, in English.
            created_at (datetime.datetime): When the event was written.
            parked_at (datetime.datetime | None): When the relay parked it.
     """

    id: int
    event_id: str
    topic: str
    key: str
    size_bytes: int
    attempts: int
    last_error: None | str
    created_at: datetime.datetime
    parked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_id = self.event_id

        topic = self.topic

        key = self.key

        size_bytes = self.size_bytes

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        created_at = self.created_at.isoformat()

        parked_at: None | str
        if isinstance(self.parked_at, datetime.datetime):
            parked_at = self.parked_at.isoformat()
        else:
            parked_at = self.parked_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "event_id": event_id,
            "topic": topic,
            "key": key,
            "size_bytes": size_bytes,
            "attempts": attempts,
            "last_error": last_error,
            "created_at": created_at,
            "parked_at": parked_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        event_id = d.pop("event_id")

        topic = d.pop("topic")

        key = d.pop("key")

        size_bytes = d.pop("size_bytes")

        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_parked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parked_at_type_0 = datetime.datetime.fromisoformat(data)



                return parked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        parked_at = _parse_parked_at(d.pop("parked_at"))


        outbox_row_read = cls(
            id=id,
            event_id=event_id,
            topic=topic,
            key=key,
            size_bytes=size_bytes,
            attempts=attempts,
            last_error=last_error,
            created_at=created_at,
            parked_at=parked_at,
        )


        outbox_row_read.additional_properties = d
        return outbox_row_read

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
