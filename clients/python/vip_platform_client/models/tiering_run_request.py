from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="TieringRunRequest")



@_attrs_define
class TieringRunRequest:
    """ Run the daily tier evaluation (upgrades, review-date downgrades, cooling-off ends) for a date.

        Attributes:
            as_of (datetime.date): The business date to evaluate (Asia/Shanghai).
            customer_ids (list[str] | None | Unset): Time travel only (VIP_TEST_CLOCK=1): run the date for these customers
                alone, so QA scenarios running in parallel never move each other's customers. Refused (422) under the real
                clock.
     """

    as_of: datetime.date
    customer_ids: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        customer_ids: list[str] | None | Unset
        if isinstance(self.customer_ids, Unset):
            customer_ids = UNSET
        elif isinstance(self.customer_ids, list):
            customer_ids = self.customer_ids


        else:
            customer_ids = self.customer_ids


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
        })
        if customer_ids is not UNSET:
            field_dict["customer_ids"] = customer_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_customer_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                customer_ids_type_0 = cast(list[str], data)

                return customer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        customer_ids = _parse_customer_ids(d.pop("customer_ids", UNSET))


        tiering_run_request = cls(
            as_of=as_of,
            customer_ids=customer_ids,
        )


        tiering_run_request.additional_properties = d
        return tiering_run_request

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
