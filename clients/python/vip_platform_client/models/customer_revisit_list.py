from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.customer_revisit_read import CustomerRevisitRead





T = TypeVar("T", bound="CustomerRevisitList")



@_attrs_define
class CustomerRevisitList:
    """ A customer's open revisits (a bounded list).

        Attributes:
            customer_id (str): The customer's id.
            items (list[CustomerRevisitRead]): The open revisits.
     """

    customer_id: str
    items: list[CustomerRevisitRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_revisit_read import CustomerRevisitRead # noqa: PLC0415
        customer_id = self.customer_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_revisit_read import CustomerRevisitRead # noqa: PLC0415
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = CustomerRevisitRead.from_dict(items_item_data)



            items.append(items_item)


        customer_revisit_list = cls(
            customer_id=customer_id,
            items=items,
        )


        customer_revisit_list.additional_properties = d
        return customer_revisit_list

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
