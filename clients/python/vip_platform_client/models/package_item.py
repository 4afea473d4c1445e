from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PackageItem")



@_attrs_define
class PackageItem:
    """ A package a clinic offers for a service (e.g. a checkup package).

        Attributes:
            code (str): The package code, e.g. `premium`.
            name (str): The package name in Chinese, e.g. `尊享体检套餐`.
     """

    code: str
    name: str





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        package_item = cls(
            code=code,
            name=name,
        )

        return package_item

