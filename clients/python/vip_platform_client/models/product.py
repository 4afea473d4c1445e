from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.product_kind import check_product_kind
from ..models.product_kind import ProductKind
from typing import cast






T = TypeVar("T", bound="Product")



@_attrs_define
class Product:
    """ The insurance product of a policy.

        Attributes:
            code (str): The product code in the core system.
            name (str): The product name in Chinese, e.g. `鑫享人生年金保险`.
            kind (ProductKind): Product kind; investment-linked and universal products count their top-ups (SPEC 2.2, 2.3).
     """

    code: str
    name: str
    kind: ProductKind





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        kind: str = self.kind


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "name": name,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        kind = check_product_kind(d.pop("kind"))




        product = cls(
            code=code,
            name=name,
            kind=kind,
        )

        return product

