from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ReconciliationRepair")



@_attrs_define
class ReconciliationRepair:
    """ One customer whose grants drifted from tiering and were repaired.

        Attributes:
            customer_id (str): The customer's id.
            from_tier (None | str): The tier entitlements held; null if none.
            to_tier (str): Tiering's current tier, now applied.
            stored_sequence (int | None): The tier sequence entitlements held.
            tiering_sequence (int): Tiering's current sequence.
            changes (list[str]): What was changed (grants created, quotas set), in English.
     """

    customer_id: str
    from_tier: None | str
    to_tier: str
    stored_sequence: int | None
    tiering_sequence: int
    changes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        from_tier: None | str
        from_tier = self.from_tier

        to_tier = self.to_tier

        stored_sequence: int | None
        stored_sequence = self.stored_sequence

        tiering_sequence = self.tiering_sequence

        changes = self.changes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "from_tier": from_tier,
            "to_tier": to_tier,
            "stored_sequence": stored_sequence,
            "tiering_sequence": tiering_sequence,
            "changes": changes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        def _parse_from_tier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_tier = _parse_from_tier(d.pop("from_tier"))


        to_tier = d.pop("to_tier")

        def _parse_stored_sequence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stored_sequence = _parse_stored_sequence(d.pop("stored_sequence"))


        tiering_sequence = d.pop("tiering_sequence")

        changes = cast(list[str], d.pop("changes"))


        reconciliation_repair = cls(
            customer_id=customer_id,
            from_tier=from_tier,
            to_tier=to_tier,
            stored_sequence=stored_sequence,
            tiering_sequence=tiering_sequence,
            changes=changes,
        )


        reconciliation_repair.additional_properties = d
        return reconciliation_repair

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
