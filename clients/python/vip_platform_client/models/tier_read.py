from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.next_tier_read import NextTierRead
  from ..models.pending_downgrade_read import PendingDowngradeRead





T = TypeVar("T", bound="TierRead")



@_attrs_define
class TierRead:
    """ A customer's tier state (SPEC 2.1): the effective tier, its status, score and what is pending.

        Attributes:
            customer_id (str): The customer's id in the insurer's core system, e.g. `C1001`.
            program (str): The active tier program (SPEC 2): `stars`, `levels` or `cards`.
            tier (str): The effective tier; entitlements follow it. Tier code of the active program (SPEC 2):
                `star_1`..`star_5` (stars), `mass`..`diamond` (levels), card codes (cards); `none` = no tier.
            tier_name (str): The effective tier's display name in Chinese, e.g. `三星客户`.
            status (str): `confirmed` | `provisional` | `grace` (pre-downgrade notice given) | `invalid`.
            score (str): Sum of the counted policies' standard premiums, CNY, two decimals.
            since (datetime.date | None): The date the effective tier was reached; null for `none`.
            provisional_tier (None | str): The tier shown while a policy is in its cooling-off period (SPEC 2.2); null when
                none.
            provisional_until (datetime.date | None): The cooling-off end date that makes it formal.
            pending_downgrade (None | PendingDowngradeRead): Set while in `grace`; null otherwise.
            next_tier (NextTierRead | None): The next tier up; null at the top tier.
            sequence (int): Per-customer change counter: grows by one with every tier change (orders `tier.changed.v1`
                events).
            provisional_tier_name (None | str | Unset): The provisional tier's name in Chinese.
     """

    customer_id: str
    program: str
    tier: str
    tier_name: str
    status: str
    score: str
    since: datetime.date | None
    provisional_tier: None | str
    provisional_until: datetime.date | None
    pending_downgrade: None | PendingDowngradeRead
    next_tier: NextTierRead | None
    sequence: int
    provisional_tier_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.next_tier_read import NextTierRead # noqa: PLC0415
        from ..models.pending_downgrade_read import PendingDowngradeRead # noqa: PLC0415
        customer_id = self.customer_id

        program = self.program

        tier = self.tier

        tier_name = self.tier_name

        status = self.status

        score = self.score

        since: None | str
        if isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        provisional_tier: None | str
        provisional_tier = self.provisional_tier

        provisional_until: None | str
        if isinstance(self.provisional_until, datetime.date):
            provisional_until = self.provisional_until.isoformat()
        else:
            provisional_until = self.provisional_until

        pending_downgrade: dict[str, Any] | None
        if isinstance(self.pending_downgrade, PendingDowngradeRead):
            pending_downgrade = self.pending_downgrade.to_dict()
        else:
            pending_downgrade = self.pending_downgrade

        next_tier: dict[str, Any] | None
        if isinstance(self.next_tier, NextTierRead):
            next_tier = self.next_tier.to_dict()
        else:
            next_tier = self.next_tier

        sequence = self.sequence

        provisional_tier_name: None | str | Unset
        if isinstance(self.provisional_tier_name, Unset):
            provisional_tier_name = UNSET
        else:
            provisional_tier_name = self.provisional_tier_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "program": program,
            "tier": tier,
            "tier_name": tier_name,
            "status": status,
            "score": score,
            "since": since,
            "provisional_tier": provisional_tier,
            "provisional_until": provisional_until,
            "pending_downgrade": pending_downgrade,
            "next_tier": next_tier,
            "sequence": sequence,
        })
        if provisional_tier_name is not UNSET:
            field_dict["provisional_tier_name"] = provisional_tier_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.next_tier_read import NextTierRead # noqa: PLC0415
        from ..models.pending_downgrade_read import PendingDowngradeRead # noqa: PLC0415
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        program = d.pop("program")

        tier = d.pop("tier")

        tier_name = d.pop("tier_name")

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


        def _parse_provisional_tier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provisional_tier = _parse_provisional_tier(d.pop("provisional_tier"))


        def _parse_provisional_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provisional_until_type_0 = datetime.date.fromisoformat(data)



                return provisional_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        provisional_until = _parse_provisional_until(d.pop("provisional_until"))


        def _parse_pending_downgrade(data: object) -> None | PendingDowngradeRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_downgrade_type_0 = PendingDowngradeRead.from_dict(data)



                return pending_downgrade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PendingDowngradeRead, data)

        pending_downgrade = _parse_pending_downgrade(d.pop("pending_downgrade"))


        def _parse_next_tier(data: object) -> NextTierRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_tier_type_0 = NextTierRead.from_dict(data)



                return next_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextTierRead | None, data)

        next_tier = _parse_next_tier(d.pop("next_tier"))


        sequence = d.pop("sequence")

        def _parse_provisional_tier_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provisional_tier_name = _parse_provisional_tier_name(d.pop("provisional_tier_name", UNSET))


        tier_read = cls(
            customer_id=customer_id,
            program=program,
            tier=tier,
            tier_name=tier_name,
            status=status,
            score=score,
            since=since,
            provisional_tier=provisional_tier,
            provisional_until=provisional_until,
            pending_downgrade=pending_downgrade,
            next_tier=next_tier,
            sequence=sequence,
            provisional_tier_name=provisional_tier_name,
        )


        tier_read.additional_properties = d
        return tier_read

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
