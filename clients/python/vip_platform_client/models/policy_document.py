from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.channel import check_channel
from ..models.payment_mode import check_payment_mode
from ..models.payment_mode import PaymentMode
from ..models.policy_status import check_policy_status
from ..models.policy_status import PolicyStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person import Person
  from ..models.product import Product
  from ..models.top_up_input import TopUpInput





T = TypeVar("T", bound="PolicyDocument")



@_attrs_define
class PolicyDocument:
    """ The body of ``PUT /api/v1/policies/{policy_no}``.

        Attributes:
            holder (Person): A policyholder or insured person. Read back with `id_no` and `mobile` masked (SPEC 7).
            insured (Person): A policyholder or insured person. Read back with `id_no` and `mobile` masked (SPEC 7).
            product (Product): The insurance product of a policy.
            channel (Channel): Sales channel: agency (个险), bancassurance (银保), direct marketing (直销), broker, group.
            payment_mode (PaymentMode): `regular`: premiums every year of the payment term; `single`: one premium
                (payment_years 1).
            annual_premium (float | str): Annualized basic premium in CNY (a single premium as is).
            payment_years (int): Premium payment term in years (1 for a single premium).
            status (PolicyStatus): Policy status in the core system; only `in_force` policies count toward a tier (SPEC 2).
            underwritten_at (datetime.datetime): When the policy was underwritten (承保), ISO 8601 with offset.
            effective_date (datetime.date): The date cover starts (生效日).
            coverage_years (int | None | Unset): Coverage term in years; null = whole life.
            top_ups (list[TopUpInput] | Unset): At most 2000 (a monthly top-up for 160 years): keeps every event far below
                the broker's limit.
            cooling_off_end (datetime.date | None | Unset): Last day of the cooling-off period (犹豫期满日); null = effective
                date + 15 days.
            loan_or_pledge (bool | Unset): A policy loan or pledge is on it. Default: False.
            electronic_contract (bool | Unset): Signed electronically: the revisit may be electronic (SPEC 5). Default:
                False.
            version (int | None | Unset): Monotonic version from the core system; an older version never overwrites a newer
                one.
     """

    holder: Person
    insured: Person
    product: Product
    channel: Channel
    payment_mode: PaymentMode
    annual_premium: float | str
    payment_years: int
    status: PolicyStatus
    underwritten_at: datetime.datetime
    effective_date: datetime.date
    coverage_years: int | None | Unset = UNSET
    top_ups: list[TopUpInput] | Unset = UNSET
    cooling_off_end: datetime.date | None | Unset = UNSET
    loan_or_pledge: bool | Unset = False
    electronic_contract: bool | Unset = False
    version: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        from ..models.top_up_input import TopUpInput # noqa: PLC0415
        holder = self.holder.to_dict()

        insured = self.insured.to_dict()

        product = self.product.to_dict()

        channel: str = self.channel

        payment_mode: str = self.payment_mode

        annual_premium: float | str
        annual_premium = self.annual_premium

        payment_years = self.payment_years

        status: str = self.status

        underwritten_at = self.underwritten_at.isoformat()

        effective_date = self.effective_date.isoformat()

        coverage_years: int | None | Unset
        if isinstance(self.coverage_years, Unset):
            coverage_years = UNSET
        else:
            coverage_years = self.coverage_years

        top_ups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.top_ups, Unset):
            top_ups = []
            for top_ups_item_data in self.top_ups:
                top_ups_item = top_ups_item_data.to_dict()
                top_ups.append(top_ups_item)



        cooling_off_end: None | str | Unset
        if isinstance(self.cooling_off_end, Unset):
            cooling_off_end = UNSET
        elif isinstance(self.cooling_off_end, datetime.date):
            cooling_off_end = self.cooling_off_end.isoformat()
        else:
            cooling_off_end = self.cooling_off_end

        loan_or_pledge = self.loan_or_pledge

        electronic_contract = self.electronic_contract

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "holder": holder,
            "insured": insured,
            "product": product,
            "channel": channel,
            "payment_mode": payment_mode,
            "annual_premium": annual_premium,
            "payment_years": payment_years,
            "status": status,
            "underwritten_at": underwritten_at,
            "effective_date": effective_date,
        })
        if coverage_years is not UNSET:
            field_dict["coverage_years"] = coverage_years
        if top_ups is not UNSET:
            field_dict["top_ups"] = top_ups
        if cooling_off_end is not UNSET:
            field_dict["cooling_off_end"] = cooling_off_end
        if loan_or_pledge is not UNSET:
            field_dict["loan_or_pledge"] = loan_or_pledge
        if electronic_contract is not UNSET:
            field_dict["electronic_contract"] = electronic_contract
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        from ..models.top_up_input import TopUpInput # noqa: PLC0415
        d = dict(src_dict)
        holder = Person.from_dict(d.pop("holder"))




        insured = Person.from_dict(d.pop("insured"))




        product = Product.from_dict(d.pop("product"))




        channel = check_channel(d.pop("channel"))




        payment_mode = check_payment_mode(d.pop("payment_mode"))




        def _parse_annual_premium(data: object) -> float | str:
            return cast(float | str, data)

        annual_premium = _parse_annual_premium(d.pop("annual_premium"))


        payment_years = d.pop("payment_years")

        status = check_policy_status(d.pop("status"))




        underwritten_at = datetime.datetime.fromisoformat(d.pop("underwritten_at"))




        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        def _parse_coverage_years(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        coverage_years = _parse_coverage_years(d.pop("coverage_years", UNSET))


        _top_ups = d.pop("top_ups", UNSET)
        top_ups: list[TopUpInput] | Unset = UNSET
        if _top_ups is not UNSET:
            top_ups = []
            for top_ups_item_data in _top_ups:
                top_ups_item = TopUpInput.from_dict(top_ups_item_data)



                top_ups.append(top_ups_item)


        def _parse_cooling_off_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cooling_off_end_type_0 = datetime.date.fromisoformat(data)



                return cooling_off_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        cooling_off_end = _parse_cooling_off_end(d.pop("cooling_off_end", UNSET))


        loan_or_pledge = d.pop("loan_or_pledge", UNSET)

        electronic_contract = d.pop("electronic_contract", UNSET)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        policy_document = cls(
            holder=holder,
            insured=insured,
            product=product,
            channel=channel,
            payment_mode=payment_mode,
            annual_premium=annual_premium,
            payment_years=payment_years,
            status=status,
            underwritten_at=underwritten_at,
            effective_date=effective_date,
            coverage_years=coverage_years,
            top_ups=top_ups,
            cooling_off_end=cooling_off_end,
            loan_or_pledge=loan_or_pledge,
            electronic_contract=electronic_contract,
            version=version,
        )

        return policy_document

