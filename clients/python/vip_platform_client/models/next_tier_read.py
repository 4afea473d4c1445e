from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="NextTierRead")



@_attrs_define
class NextTierRead:
    """ The next tier up and what it takes to reach it (for the app's progress bar).

        Attributes:
            tier (str): Tier code of the active program (SPEC 2): `star_1`..`star_5` (stars), `mass`..`diamond` (levels),
                card codes (cards); `none` = no tier.
            tier_name (str): The tier's display name in Chinese, e.g. `四星客户`.
            score_needed (str): Standard premium still needed to reach this tier.
     """

    tier: str
    tier_name: str
    score_needed: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        tier = self.tier

        tier_name = self.tier_name

        score_needed = self.score_needed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "tier": tier,
            "tier_name": tier_name,
            "score_needed": score_needed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tier = d.pop("tier")

        tier_name = d.pop("tier_name")

        score_needed = d.pop("score_needed")

        next_tier_read = cls(
            tier=tier,
            tier_name=tier_name,
            score_needed=score_needed,
        )


        next_tier_read.additional_properties = d
        return next_tier_read

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
