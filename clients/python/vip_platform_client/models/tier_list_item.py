from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TierListItem")



@_attrs_define
class TierListItem:
    """ One customer's tier in the reconciliation walk (`GET /api/v1/tiers`).

        Attributes:
            customer_id (str): The customer's id in the insurer's core system, e.g. `C1001`.
            program (str): The active tier program (SPEC 2): `stars`, `levels` or `cards`.
            tier (str): The effective tier. Tier code of the active program (SPEC 2): `star_1`..`star_5` (stars),
                `mass`..`diamond` (levels), card codes (cards); `none` = no tier.
            status (str): confirmed | provisional | grace | invalid
            score (str): The formal score, CNY, two decimals.
            since (datetime.date | None): The date the tier was reached; null for `none`.
            sequence (int): Per-customer change counter: grows by one with every tier change (orders `tier.changed.v1`
                events).
     """

    customer_id: str
    program: str
    tier: str
    status: str
    score: str
    since: datetime.date | None
    sequence: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        program = self.program

        tier = self.tier

        status = self.status

        score = self.score

        since: None | str
        if isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        sequence = self.sequence


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "program": program,
            "tier": tier,
            "status": status,
            "score": score,
            "since": since,
            "sequence": sequence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        program = d.pop("program")

        tier = d.pop("tier")

        status = d.pop("status")

        score = d.pop("score")

        def _parse_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)



                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        since = _parse_since(d.pop("since"))


        sequence = d.pop("sequence")

        tier_list_item = cls(
            customer_id=customer_id,
            program=program,
            tier=tier,
            status=status,
            score=score,
            since=since,
            sequence=sequence,
        )


        tier_list_item.additional_properties = d
        return tier_list_item

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
