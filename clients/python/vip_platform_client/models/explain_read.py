from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.explain_policy import ExplainPolicy





T = TypeVar("T", bound="ExplainRead")



@_attrs_define
class ExplainRead:
    """ Why a customer has their score and tier: every policy with its formula (for the VIP desk).

        Attributes:
            customer_id (str): The customer's id in the insurer's core system, e.g. `C1001`.
            program (str): The active tier program (SPEC 2): `stars`, `levels` or `cards`.
            as_of (datetime.date): The date the explanation is computed for.
            subject (str): Whose policies count: `holder` (stars, levels) or `insured` (cards).
            score (str): Formal score: the counted policies' standard premiums, CNY.
            tier (str): Tier the counted policies give on as_of (before downgrade timing rules).
            provisional_score (str): The score including policies in their cooling-off period.
            provisional_tier (str): The tier the provisional score gives.
            policies (list[ExplainPolicy]): Every policy of the subject with how it counts.
     """

    customer_id: str
    program: str
    as_of: datetime.date
    subject: str
    score: str
    tier: str
    provisional_score: str
    provisional_tier: str
    policies: list[ExplainPolicy]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explain_policy import ExplainPolicy # noqa: PLC0415
        customer_id = self.customer_id

        program = self.program

        as_of = self.as_of.isoformat()

        subject = self.subject

        score = self.score

        tier = self.tier

        provisional_score = self.provisional_score

        provisional_tier = self.provisional_tier

        policies = []
        for policies_item_data in self.policies:
            policies_item = policies_item_data.to_dict()
            policies.append(policies_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "program": program,
            "as_of": as_of,
            "subject": subject,
            "score": score,
            "tier": tier,
            "provisional_score": provisional_score,
            "provisional_tier": provisional_tier,
            "policies": policies,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explain_policy import ExplainPolicy # noqa: PLC0415
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        program = d.pop("program")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        subject = d.pop("subject")

        score = d.pop("score")

        tier = d.pop("tier")

        provisional_score = d.pop("provisional_score")

        provisional_tier = d.pop("provisional_tier")

        policies = []
        _policies = d.pop("policies")
        for policies_item_data in (_policies):
            policies_item = ExplainPolicy.from_dict(policies_item_data)



            policies.append(policies_item)


        explain_read = cls(
            customer_id=customer_id,
            program=program,
            as_of=as_of,
            subject=subject,
            score=score,
            tier=tier,
            provisional_score=provisional_score,
            provisional_tier=provisional_tier,
            policies=policies,
        )


        explain_read.additional_properties = d
        return explain_read

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
