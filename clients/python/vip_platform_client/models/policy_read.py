from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person_read import PersonRead
  from ..models.product import Product
  from ..models.top_up_output import TopUpOutput





T = TypeVar("T", bound="PolicyRead")



@_attrs_define
class PolicyRead:
    """ A policy as tiering holds it (the last accepted document), with the holder's and insured's numbers masked.

        Attributes:
            policy_no (str): The policy number in the core system, e.g. `P2026091800001`.
            revision (int): Accepted changes of this policy in tiering (1 = created).
            version (int | None): The core system's version, when it sent one.
            holder (PersonRead): A person with ``id_no`` and ``mobile`` masked (SPEC 7).
            insured (PersonRead): A person with ``id_no`` and ``mobile`` masked (SPEC 7).
            product (Product): The insurance product of a policy.
            channel (str): Sales channel: agency, bancassurance, direct, broker or group.
            payment_mode (str): `regular` (annual premiums) or `single` (one premium).
            annual_premium (str): Annualized basic premium in CNY, two decimals, e.g. `12000.00`.
            payment_years (int): Premium payment term in years (1 for a single premium).
            coverage_years (int | None): Coverage term in years; null = whole life.
            top_ups (list[TopUpOutput]): Additional investments (investment-linked and universal products).
            status (str): Policy status: in_force, lapsed, surrendered, terminated, matured, ...
            underwritten_at (datetime.datetime): When the policy was underwritten (承保), ISO 8601 with offset.
            effective_date (datetime.date): The date cover starts (生效日).
            cooling_off_end (datetime.date): Last day of the cooling-off period (犹豫期满日, SPEC 2.2).
            loan_or_pledge (bool): A policy loan or pledge is on it (not counted under `levels`).
            electronic_contract (bool): The contract was signed electronically (revisit eligibility).
            updated_at (datetime.datetime): When tiering last accepted a change of it.
     """

    policy_no: str
    revision: int
    version: int | None
    holder: PersonRead
    insured: PersonRead
    product: Product
    channel: str
    payment_mode: str
    annual_premium: str
    payment_years: int
    coverage_years: int | None
    top_ups: list[TopUpOutput]
    status: str
    underwritten_at: datetime.datetime
    effective_date: datetime.date
    cooling_off_end: datetime.date
    loan_or_pledge: bool
    electronic_contract: bool
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.person_read import PersonRead # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        from ..models.top_up_output import TopUpOutput # noqa: PLC0415
        policy_no = self.policy_no

        revision = self.revision

        version: int | None
        version = self.version

        holder = self.holder.to_dict()

        insured = self.insured.to_dict()

        product = self.product.to_dict()

        channel = self.channel

        payment_mode = self.payment_mode

        annual_premium = self.annual_premium

        payment_years = self.payment_years

        coverage_years: int | None
        coverage_years = self.coverage_years

        top_ups = []
        for top_ups_item_data in self.top_ups:
            top_ups_item = top_ups_item_data.to_dict()
            top_ups.append(top_ups_item)



        status = self.status

        underwritten_at = self.underwritten_at.isoformat()

        effective_date = self.effective_date.isoformat()

        cooling_off_end = self.cooling_off_end.isoformat()

        loan_or_pledge = self.loan_or_pledge

        electronic_contract = self.electronic_contract

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "policy_no": policy_no,
            "revision": revision,
            "version": version,
            "holder": holder,
            "insured": insured,
            "product": product,
            "channel": channel,
            "payment_mode": payment_mode,
            "annual_premium": annual_premium,
            "payment_years": payment_years,
            "coverage_years": coverage_years,
            "top_ups": top_ups,
            "status": status,
            "underwritten_at": underwritten_at,
            "effective_date": effective_date,
            "cooling_off_end": cooling_off_end,
            "loan_or_pledge": loan_or_pledge,
            "electronic_contract": electronic_contract,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_read import PersonRead # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        from ..models.top_up_output import TopUpOutput # noqa: PLC0415
        d = dict(src_dict)
        policy_no = d.pop("policy_no")

        revision = d.pop("revision")

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))


        holder = PersonRead.from_dict(d.pop("holder"))




        insured = PersonRead.from_dict(d.pop("insured"))




        product = Product.from_dict(d.pop("product"))




        channel = d.pop("channel")

        payment_mode = d.pop("payment_mode")

        annual_premium = d.pop("annual_premium")

        payment_years = d.pop("payment_years")

        def _parse_coverage_years(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        coverage_years = _parse_coverage_years(d.pop("coverage_years"))


        top_ups = []
        _top_ups = d.pop("top_ups")
        for top_ups_item_data in (_top_ups):
            top_ups_item = TopUpOutput.from_dict(top_ups_item_data)



            top_ups.append(top_ups_item)


        status = d.pop("status")

        underwritten_at = datetime.datetime.fromisoformat(d.pop("underwritten_at"))




        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        cooling_off_end = datetime.date.fromisoformat(d.pop("cooling_off_end"))




        loan_or_pledge = d.pop("loan_or_pledge")

        electronic_contract = d.pop("electronic_contract")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        policy_read = cls(
            policy_no=policy_no,
            revision=revision,
            version=version,
            holder=holder,
            insured=insured,
            product=product,
            channel=channel,
            payment_mode=payment_mode,
            annual_premium=annual_premium,
            payment_years=payment_years,
            coverage_years=coverage_years,
            top_ups=top_ups,
            status=status,
            underwritten_at=underwritten_at,
            effective_date=effective_date,
            cooling_off_end=cooling_off_end,
            loan_or_pledge=loan_or_pledge,
            electronic_contract=electronic_contract,
            updated_at=updated_at,
        )


        policy_read.additional_properties = d
        return policy_read

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
