from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TierHistoryItem")



@_attrs_define
class TierHistoryItem:
    """ One change in a customer's tier history, with its reason (SPEC 2.1).

        Attributes:
            kind (str): tier_changed | pre_downgrade | grace_cleared
            from_tier (str): The tier before the change. Tier code of the active program (SPEC 2): `star_1`..`star_5`
                (stars), `mass`..`diamond` (levels), card codes (cards); `none` = no tier.
            to_tier (str): The tier after it (a pre-downgrade notice names the announced tier).
            reason (str): Why: initial, upgrade, downgrade, invalidated, restored, pre_downgrade, ...
            status (str): The tier status after the change (confirmed, provisional, grace, invalid).
            score (str): The score at the change, CNY, two decimals.
            sequence (int | None): Per-customer change counter: grows by one with every tier change (orders
                `tier.changed.v1` events). Null for entries that did not change the tier.
            detail (str): A short English explanation, e.g. `score 120000.00 reaches star_4`.
            effective_at (datetime.datetime): When the change took effect, ISO 8601 with offset.
     """

    kind: str
    from_tier: str
    to_tier: str
    reason: str
    status: str
    score: str
    sequence: int | None
    detail: str
    effective_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        from_tier = self.from_tier

        to_tier = self.to_tier

        reason = self.reason

        status = self.status

        score = self.score

        sequence: int | None
        sequence = self.sequence

        detail = self.detail

        effective_at = self.effective_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "from_tier": from_tier,
            "to_tier": to_tier,
            "reason": reason,
            "status": status,
            "score": score,
            "sequence": sequence,
            "detail": detail,
            "effective_at": effective_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        from_tier = d.pop("from_tier")

        to_tier = d.pop("to_tier")

        reason = d.pop("reason")

        status = d.pop("status")

        score = d.pop("score")

        def _parse_sequence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sequence = _parse_sequence(d.pop("sequence"))


        detail = d.pop("detail")

        effective_at = datetime.datetime.fromisoformat(d.pop("effective_at"))




        tier_history_item = cls(
            kind=kind,
            from_tier=from_tier,
            to_tier=to_tier,
            reason=reason,
            status=status,
            score=score,
            sequence=sequence,
            detail=detail,
            effective_at=effective_at,
        )


        tier_history_item.additional_properties = d
        return tier_history_item

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
