from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.import_error import ImportError_





T = TypeVar("T", bound="ImportResult")



@_attrs_define
class ImportResult:
    """ The outcome of a bulk policy import (an upsert by `policy_no`).

        Attributes:
            received (int): Lines read.
            created (int): New policies.
            updated (int): Policies changed.
            unchanged (int): Lines identical to the stored policy.
            stale (int): Lines older than the stored version (ignored).
            rejected (int): Lines refused; see `errors`.
            errors (list[ImportError_]): Why each rejected line was refused.
            rerated_customers (int): Customers whose tier was evaluated again after the import.
     """

    received: int
    created: int
    updated: int
    unchanged: int
    stale: int
    rejected: int
    errors: list[ImportError_]
    rerated_customers: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_error import ImportError_ # noqa: PLC0415
        received = self.received

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        stale = self.stale

        rejected = self.rejected

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        rerated_customers = self.rerated_customers


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "received": received,
            "created": created,
            "updated": updated,
            "unchanged": unchanged,
            "stale": stale,
            "rejected": rejected,
            "errors": errors,
            "rerated_customers": rerated_customers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_error import ImportError_ # noqa: PLC0415
        d = dict(src_dict)
        received = d.pop("received")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        stale = d.pop("stale")

        rejected = d.pop("rejected")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = ImportError_.from_dict(errors_item_data)



            errors.append(errors_item)


        rerated_customers = d.pop("rerated_customers")

        import_result = cls(
            received=received,
            created=created,
            updated=updated,
            unchanged=unchanged,
            stale=stale,
            rejected=rejected,
            errors=errors,
            rerated_customers=rerated_customers,
        )


        import_result.additional_properties = d
        return import_result

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
