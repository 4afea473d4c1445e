from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.relative_read import RelativeRead





T = TypeVar("T", bound="RelativesRead")



@_attrs_define
class RelativesRead:
    """ A customer's designated relatives and the tier's designation rules.

        Attributes:
            customer_id (str): The customer's id.
            tier (str): The customer's effective tier.
            max_count (int | None): How many relatives the tier allows; null = no limit.
            fixed_once_designated (bool): True when a designated relative cannot be replaced (cards).
            items (list[RelativeRead]): The designated relatives.
     """

    customer_id: str
    tier: str
    max_count: int | None
    fixed_once_designated: bool
    items: list[RelativeRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.relative_read import RelativeRead # noqa: PLC0415
        customer_id = self.customer_id

        tier = self.tier

        max_count: int | None
        max_count = self.max_count

        fixed_once_designated = self.fixed_once_designated

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "tier": tier,
            "max_count": max_count,
            "fixed_once_designated": fixed_once_designated,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relative_read import RelativeRead # noqa: PLC0415
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        tier = d.pop("tier")

        def _parse_max_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_count = _parse_max_count(d.pop("max_count"))


        fixed_once_designated = d.pop("fixed_once_designated")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = RelativeRead.from_dict(items_item_data)



            items.append(items_item)


        relatives_read = cls(
            customer_id=customer_id,
            tier=tier,
            max_count=max_count,
            fixed_once_designated=fixed_once_designated,
            items=items,
        )


        relatives_read.additional_properties = d
        return relatives_read

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
