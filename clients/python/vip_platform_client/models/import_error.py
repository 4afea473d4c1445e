from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ImportError_")



@_attrs_define
class ImportError_:
    """ One rejected line of a bulk policy import.

        Attributes:
            line (int): The 1-based line (JSON Lines) or row (CSV) number.
            policy_no (None | str): The line's policy number, when it could be read.
            field (None | str): The offending field, dotted (e.g. `holder.id_no`); null for the whole line.
            message (str): What is wrong, in English.
     """

    line: int
    policy_no: None | str
    field: None | str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        line = self.line

        policy_no: None | str
        policy_no = self.policy_no

        field: None | str
        field = self.field

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line": line,
            "policy_no": policy_no,
            "field": field,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        def _parse_policy_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy_no = _parse_policy_no(d.pop("policy_no"))


        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))


        message = d.pop("message")

        import_error = cls(
            line=line,
            policy_no=policy_no,
            field=field,
            message=message,
        )


        import_error.additional_properties = d
        return import_error

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
