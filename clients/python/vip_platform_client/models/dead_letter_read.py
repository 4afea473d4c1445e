from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DeadLetterRead")



@_attrs_define
class DeadLetterRead:
    """ A consumed message that its consumer could not apply (poisoned or failing), kept for replay.

        Attributes:
            id (int): The dead letter's id.
            consumer (str): The consumer (group) that failed on it.
            topic (str): The Kafka topic it came from.
            partition (int | None): The topic partition; null when unknown.
            offset (int | None): The message offset; null when unknown.
            error (str): Why it failed, in English.
            created_at (datetime.datetime): When it was dead-lettered.
            replayed_at (datetime.datetime | None): When a replay applied it; null while not.
            replay_result (None | str): The last replay's outcome: the consumer's status (e.g. `applied`) or `failed:
                <error>`.
     """

    id: int
    consumer: str
    topic: str
    partition: int | None
    offset: int | None
    error: str
    created_at: datetime.datetime
    replayed_at: datetime.datetime | None
    replay_result: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        consumer = self.consumer

        topic = self.topic

        partition: int | None
        partition = self.partition

        offset: int | None
        offset = self.offset

        error = self.error

        created_at = self.created_at.isoformat()

        replayed_at: None | str
        if isinstance(self.replayed_at, datetime.datetime):
            replayed_at = self.replayed_at.isoformat()
        else:
            replayed_at = self.replayed_at

        replay_result: None | str
        replay_result = self.replay_result


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "consumer": consumer,
            "topic": topic,
            "partition": partition,
            "offset": offset,
            "error": error,
            "created_at": created_at,
            "replayed_at": replayed_at,
            "replay_result": replay_result,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        consumer = d.pop("consumer")

        topic = d.pop("topic")

        def _parse_partition(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partition = _parse_partition(d.pop("partition"))


        def _parse_offset(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        offset = _parse_offset(d.pop("offset"))


        error = d.pop("error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_replayed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replayed_at_type_0 = datetime.datetime.fromisoformat(data)



                return replayed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replayed_at = _parse_replayed_at(d.pop("replayed_at"))


        def _parse_replay_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        replay_result = _parse_replay_result(d.pop("replay_result"))


        dead_letter_read = cls(
            id=id,
            consumer=consumer,
            topic=topic,
            partition=partition,
            offset=offset,
            error=error,
            created_at=created_at,
            replayed_at=replayed_at,
            replay_result=replay_result,
        )


        dead_letter_read.additional_properties = d
        return dead_letter_read

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
