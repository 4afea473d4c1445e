from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.list_error_codes_response_200_items_item_extra_fields import ListErrorCodesResponse200ItemsItemExtraFields





T = TypeVar("T", bound="ListErrorCodesResponse200ItemsItem")



@_attrs_define
class ListErrorCodesResponse200ItemsItem:
    """ 
        Attributes:
            code (str): The stable `code`.
            status (int): Its HTTP status.
            message_zh (str): What to show, in Chinese; `{field}` = an extra field.
            meaning (str): What it means (English).
            extra_fields (ListErrorCodesResponse200ItemsItemExtraFields | Unset): Extra fields of the problem body and their
                meaning.
            headers (list[str] | Unset): Response headers that come with it (`Retry-After`).
     """

    code: str
    status: int
    message_zh: str
    meaning: str
    extra_fields: ListErrorCodesResponse200ItemsItemExtraFields | Unset = UNSET
    headers: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_error_codes_response_200_items_item_extra_fields import ListErrorCodesResponse200ItemsItemExtraFields # noqa: PLC0415
        code = self.code

        status = self.status

        message_zh = self.message_zh

        meaning = self.meaning

        extra_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_fields, Unset):
            extra_fields = self.extra_fields.to_dict()

        headers: list[str] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "status": status,
            "message_zh": message_zh,
            "meaning": meaning,
        })
        if extra_fields is not UNSET:
            field_dict["extra_fields"] = extra_fields
        if headers is not UNSET:
            field_dict["headers"] = headers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_error_codes_response_200_items_item_extra_fields import ListErrorCodesResponse200ItemsItemExtraFields # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        status = d.pop("status")

        message_zh = d.pop("message_zh")

        meaning = d.pop("meaning")

        _extra_fields = d.pop("extra_fields", UNSET)
        extra_fields: ListErrorCodesResponse200ItemsItemExtraFields | Unset
        if isinstance(_extra_fields,  Unset):
            extra_fields = UNSET
        else:
            extra_fields = ListErrorCodesResponse200ItemsItemExtraFields.from_dict(_extra_fields)




        headers = cast(list[str], d.pop("headers", UNSET))


        list_error_codes_response_200_items_item = cls(
            code=code,
            status=status,
            message_zh=message_zh,
            meaning=meaning,
            extra_fields=extra_fields,
            headers=headers,
        )


        list_error_codes_response_200_items_item.additional_properties = d
        return list_error_codes_response_200_items_item

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
