from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.formula_term import FormulaTerm





T = TypeVar("T", bound="ExplainPolicy")



@_attrs_define
class ExplainPolicy:
    """ How one policy counts toward the score (SPEC 2.2-2.4).

        Attributes:
            policy_no (str): The policy number.
            product_code (str): The product's code.
            product_name (str): The product's name in Chinese, e.g. `鑫享人生年金保险`.
            product_kind (str): traditional, participating, health, accident, investment_linked, universal.
            channel (str): Sales channel (cards: health-gold needs the direct channel).
            status (str): The policy status.
            effective_date (datetime.date): The policy's effective date.
            cooling_off_end (datetime.date): The last day of its cooling-off period.
            counted (bool): True when it counts toward the formal score on `as_of`.
            counting (str): counted | provisional (in cooling-off) | not_counted
            standard_premium (str): Its standard premium by the program's formula, CNY.
            formula (str): The formula applied, e.g. `annual_premium × coef`.
            terms (list[FormulaTerm]): The formula's inputs with their values.
            reason_not_counted (None | str): Why it does not count (lapsed, loan or pledge, ...); null if it does.
     """

    policy_no: str
    product_code: str
    product_name: str
    product_kind: str
    channel: str
    status: str
    effective_date: datetime.date
    cooling_off_end: datetime.date
    counted: bool
    counting: str
    standard_premium: str
    formula: str
    terms: list[FormulaTerm]
    reason_not_counted: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.formula_term import FormulaTerm # noqa: PLC0415
        policy_no = self.policy_no

        product_code = self.product_code

        product_name = self.product_name

        product_kind = self.product_kind

        channel = self.channel

        status = self.status

        effective_date = self.effective_date.isoformat()

        cooling_off_end = self.cooling_off_end.isoformat()

        counted = self.counted

        counting = self.counting

        standard_premium = self.standard_premium

        formula = self.formula

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)



        reason_not_counted: None | str
        reason_not_counted = self.reason_not_counted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "policy_no": policy_no,
            "product_code": product_code,
            "product_name": product_name,
            "product_kind": product_kind,
            "channel": channel,
            "status": status,
            "effective_date": effective_date,
            "cooling_off_end": cooling_off_end,
            "counted": counted,
            "counting": counting,
            "standard_premium": standard_premium,
            "formula": formula,
            "terms": terms,
            "reason_not_counted": reason_not_counted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.formula_term import FormulaTerm # noqa: PLC0415
        d = dict(src_dict)
        policy_no = d.pop("policy_no")

        product_code = d.pop("product_code")

        product_name = d.pop("product_name")

        product_kind = d.pop("product_kind")

        channel = d.pop("channel")

        status = d.pop("status")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        cooling_off_end = datetime.date.fromisoformat(d.pop("cooling_off_end"))




        counted = d.pop("counted")

        counting = d.pop("counting")

        standard_premium = d.pop("standard_premium")

        formula = d.pop("formula")

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in (_terms):
            terms_item = FormulaTerm.from_dict(terms_item_data)



            terms.append(terms_item)


        def _parse_reason_not_counted(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_not_counted = _parse_reason_not_counted(d.pop("reason_not_counted"))


        explain_policy = cls(
            policy_no=policy_no,
            product_code=product_code,
            product_name=product_name,
            product_kind=product_kind,
            channel=channel,
            status=status,
            effective_date=effective_date,
            cooling_off_end=cooling_off_end,
            counted=counted,
            counting=counting,
            standard_premium=standard_premium,
            formula=formula,
            terms=terms,
            reason_not_counted=reason_not_counted,
        )


        explain_policy.additional_properties = d
        return explain_policy

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
