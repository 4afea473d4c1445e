from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="JobRead")



@_attrs_define
class JobRead:
    """ A durable job: work that must eventually happen, written with its cause (`vipkit.durable`).

        Attributes:
            id (int): The job's id in this service's `jobs` table.
            kind (str): What the job does (the registered handler's kind).
            state (str): pending | running | done | dead (gave up; ops may retry or discard it) | discarded.
            attempts (int): Attempts made so far.
            ordering_key (None | str): Jobs with the same key run one at a time, in order.
            run_after (datetime.datetime): Not run before this time (the next retry).
            give_up_at (datetime.datetime): After this time a failure is final (state `dead`).
            last_error (None | str): The last attempt's error, in English.
            created_at (datetime.datetime): When the job was written (with its cause, same transaction).
            finished_at (datetime.datetime | None): When it succeeded or gave up; null while open.
     """

    id: int
    kind: str
    state: str
    attempts: int
    ordering_key: None | str
    run_after: datetime.datetime
    give_up_at: datetime.datetime
    last_error: None | str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        state = self.state

        attempts = self.attempts

        ordering_key: None | str
        ordering_key = self.ordering_key

        run_after = self.run_after.isoformat()

        give_up_at = self.give_up_at.isoformat()

        last_error: None | str
        last_error = self.last_error

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "state": state,
            "attempts": attempts,
            "ordering_key": ordering_key,
            "run_after": run_after,
            "give_up_at": give_up_at,
            "last_error": last_error,
            "created_at": created_at,
            "finished_at": finished_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        state = d.pop("state")

        attempts = d.pop("attempts")

        def _parse_ordering_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ordering_key = _parse_ordering_key(d.pop("ordering_key"))


        run_after = datetime.datetime.fromisoformat(d.pop("run_after"))




        give_up_at = datetime.datetime.fromisoformat(d.pop("give_up_at"))




        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        job_read = cls(
            id=id,
            kind=kind,
            state=state,
            attempts=attempts,
            ordering_key=ordering_key,
            run_after=run_after,
            give_up_at=give_up_at,
            last_error=last_error,
            created_at=created_at,
            finished_at=finished_at,
        )


        job_read.additional_properties = d
        return job_read

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
