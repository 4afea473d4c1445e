from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="TieringRunRead")



@_attrs_define
class TieringRunRead:
    """ The result of a daily tier run.

        Attributes:
            as_of (datetime.date): The business date evaluated.
            program (str): The active tier program (SPEC 2): `stars`, `levels` or `cards`.
            replayed (bool): True when this date had already run: nothing was done again.
            evaluated (int): Customers evaluated.
            changed (int): Customers whose tier or status changed.
            notices (int): Notifications requested (upgrade, pre-downgrade, downgrade SMS).
            started_at (datetime.datetime): When the run started.
            finished_at (datetime.datetime | None): When it finished; null while it runs.
            caught_up (list[datetime.date] | Unset): Dates missed since the last finished run, run first and in order (real
                clock only).
            skipped (int | Unset): Time travel (test clock): customers whose own timeline is already past as_of, left alone.
                Default: 0.
     """

    as_of: datetime.date
    program: str
    replayed: bool
    evaluated: int
    changed: int
    notices: int
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    caught_up: list[datetime.date] | Unset = UNSET
    skipped: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        program = self.program

        replayed = self.replayed

        evaluated = self.evaluated

        changed = self.changed

        notices = self.notices

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        caught_up: list[str] | Unset = UNSET
        if not isinstance(self.caught_up, Unset):
            caught_up = []
            for caught_up_item_data in self.caught_up:
                caught_up_item = caught_up_item_data.isoformat()
                caught_up.append(caught_up_item)



        skipped = self.skipped


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "program": program,
            "replayed": replayed,
            "evaluated": evaluated,
            "changed": changed,
            "notices": notices,
            "started_at": started_at,
            "finished_at": finished_at,
        })
        if caught_up is not UNSET:
            field_dict["caught_up"] = caught_up
        if skipped is not UNSET:
            field_dict["skipped"] = skipped

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        program = d.pop("program")

        replayed = d.pop("replayed")

        evaluated = d.pop("evaluated")

        changed = d.pop("changed")

        notices = d.pop("notices")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




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


        _caught_up = d.pop("caught_up", UNSET)
        caught_up: list[datetime.date] | Unset = UNSET
        if _caught_up is not UNSET:
            caught_up = []
            for caught_up_item_data in _caught_up:
                caught_up_item = datetime.date.fromisoformat(caught_up_item_data)



                caught_up.append(caught_up_item)


        skipped = d.pop("skipped", UNSET)

        tiering_run_read = cls(
            as_of=as_of,
            program=program,
            replayed=replayed,
            evaluated=evaluated,
            changed=changed,
            notices=notices,
            started_at=started_at,
            finished_at=finished_at,
            caught_up=caught_up,
            skipped=skipped,
        )


        tiering_run_read.additional_properties = d
        return tiering_run_read

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
