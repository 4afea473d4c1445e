from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TaskRead")



@_attrs_define
class TaskRead:
    """ A revisit task of one policy (SPEC 5), for ops; holder numbers masked.

        Attributes:
            task_id (str): The task's id.
            policy_no (str): The policy number, e.g. `P2026091800001`.
            customer_id (str): The policyholder's customer id.
            status (str): pending | sms_sent | completed | problem (问题件) | phone_queue | closed
            outcome (None | str): completed | problem | closed; null while open.
            electronic_eligible (bool): Resident ID card and electronic contract: may revisit electronically (SPEC 5).
            electronic_open (bool): The electronic route is still open (links and WeChat work).
            phone_reason (None | str): Why it is in the phone queue: not_eligible | escalation | problem | aborted.
            close_reason (None | str): Why it was closed: phone_completed, policy_<status> (the policy ended), ...
            holder_name (str): The policyholder's name, e.g. `张伟`.
            holder_id_no (None | str): The holder's ID number, masked: `110101********1234`.
            holder_mobile (None | str): The holder's mobile, masked: `138****8000`.
            product_name (str): The product's name in Chinese.
            product_kind (str): The product kind (health products ask about the waiting period).
            channel (str): The sales channel.
            payment_mode (str): regular | single (quoted in question 3).
            payment_years (int): Payment term in years (quoted in question 3).
            coverage_years (int | None): Coverage term in years; null = whole life.
            annual_premium (str): CNY, two decimals
            underwritten_at (str): When the policy was underwritten (decides the SMS batch). Asia/Shanghai local time with
                offset.
            effective_date (datetime.date): The policy's effective date.
            cooling_off_end (datetime.date): Last day of the 15-day cooling-off period.
            first_policy_of_holder (bool): The holder's first policy: WeChat opens on effective date + 1 day (else 5 min
                after underwriting).
            first_sms_due_at (str): When the first SMS is due (the 10:00 batch after underwriting), local time with offset.
            first_sms_at (None | str): When it was sent.
            second_sms_due_at (None | str): When the second SMS is due (3 days after the first).
            second_sms_at (None | str): When it was sent.
            escalation_due_at (str): When an undone task goes to the phone queue (3 days after the effective date).
            wechat_from (str): When WeChat self-service opens for it. Asia/Shanghai local time with offset.
            identity_failures (int): Failed identity checks in a row.
            identity_locked_until (None | str): Identity checks refused until then (too many failures).
            created_at (str): When the task was created.
            updated_at (str): When it last changed.
            completed_at (None | str): When the revisit was completed.
            closed_at (None | str): When the task was closed.
     """

    task_id: str
    policy_no: str
    customer_id: str
    status: str
    outcome: None | str
    electronic_eligible: bool
    electronic_open: bool
    phone_reason: None | str
    close_reason: None | str
    holder_name: str
    holder_id_no: None | str
    holder_mobile: None | str
    product_name: str
    product_kind: str
    channel: str
    payment_mode: str
    payment_years: int
    coverage_years: int | None
    annual_premium: str
    underwritten_at: str
    effective_date: datetime.date
    cooling_off_end: datetime.date
    first_policy_of_holder: bool
    first_sms_due_at: str
    first_sms_at: None | str
    second_sms_due_at: None | str
    second_sms_at: None | str
    escalation_due_at: str
    wechat_from: str
    identity_failures: int
    identity_locked_until: None | str
    created_at: str
    updated_at: str
    completed_at: None | str
    closed_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        policy_no = self.policy_no

        customer_id = self.customer_id

        status = self.status

        outcome: None | str
        outcome = self.outcome

        electronic_eligible = self.electronic_eligible

        electronic_open = self.electronic_open

        phone_reason: None | str
        phone_reason = self.phone_reason

        close_reason: None | str
        close_reason = self.close_reason

        holder_name = self.holder_name

        holder_id_no: None | str
        holder_id_no = self.holder_id_no

        holder_mobile: None | str
        holder_mobile = self.holder_mobile

        product_name = self.product_name

        product_kind = self.product_kind

        channel = self.channel

        payment_mode = self.payment_mode

        payment_years = self.payment_years

        coverage_years: int | None
        coverage_years = self.coverage_years

        annual_premium = self.annual_premium

        underwritten_at = self.underwritten_at

        effective_date = self.effective_date.isoformat()

        cooling_off_end = self.cooling_off_end.isoformat()

        first_policy_of_holder = self.first_policy_of_holder

        first_sms_due_at = self.first_sms_due_at

        first_sms_at: None | str
        first_sms_at = self.first_sms_at

        second_sms_due_at: None | str
        second_sms_due_at = self.second_sms_due_at

        second_sms_at: None | str
        second_sms_at = self.second_sms_at

        escalation_due_at = self.escalation_due_at

        wechat_from = self.wechat_from

        identity_failures = self.identity_failures

        identity_locked_until: None | str
        identity_locked_until = self.identity_locked_until

        created_at = self.created_at

        updated_at = self.updated_at

        completed_at: None | str
        completed_at = self.completed_at

        closed_at: None | str
        closed_at = self.closed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "task_id": task_id,
            "policy_no": policy_no,
            "customer_id": customer_id,
            "status": status,
            "outcome": outcome,
            "electronic_eligible": electronic_eligible,
            "electronic_open": electronic_open,
            "phone_reason": phone_reason,
            "close_reason": close_reason,
            "holder_name": holder_name,
            "holder_id_no": holder_id_no,
            "holder_mobile": holder_mobile,
            "product_name": product_name,
            "product_kind": product_kind,
            "channel": channel,
            "payment_mode": payment_mode,
            "payment_years": payment_years,
            "coverage_years": coverage_years,
            "annual_premium": annual_premium,
            "underwritten_at": underwritten_at,
            "effective_date": effective_date,
            "cooling_off_end": cooling_off_end,
            "first_policy_of_holder": first_policy_of_holder,
            "first_sms_due_at": first_sms_due_at,
            "first_sms_at": first_sms_at,
            "second_sms_due_at": second_sms_due_at,
            "second_sms_at": second_sms_at,
            "escalation_due_at": escalation_due_at,
            "wechat_from": wechat_from,
            "identity_failures": identity_failures,
            "identity_locked_until": identity_locked_until,
            "created_at": created_at,
            "updated_at": updated_at,
            "completed_at": completed_at,
            "closed_at": closed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        policy_no = d.pop("policy_no")

        customer_id = d.pop("customer_id")

        status = d.pop("status")

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        electronic_eligible = d.pop("electronic_eligible")

        electronic_open = d.pop("electronic_open")

        def _parse_phone_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_reason = _parse_phone_reason(d.pop("phone_reason"))


        def _parse_close_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        close_reason = _parse_close_reason(d.pop("close_reason"))


        holder_name = d.pop("holder_name")

        def _parse_holder_id_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        holder_id_no = _parse_holder_id_no(d.pop("holder_id_no"))


        def _parse_holder_mobile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        holder_mobile = _parse_holder_mobile(d.pop("holder_mobile"))


        product_name = d.pop("product_name")

        product_kind = d.pop("product_kind")

        channel = d.pop("channel")

        payment_mode = d.pop("payment_mode")

        payment_years = d.pop("payment_years")

        def _parse_coverage_years(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        coverage_years = _parse_coverage_years(d.pop("coverage_years"))


        annual_premium = d.pop("annual_premium")

        underwritten_at = d.pop("underwritten_at")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        cooling_off_end = datetime.date.fromisoformat(d.pop("cooling_off_end"))




        first_policy_of_holder = d.pop("first_policy_of_holder")

        first_sms_due_at = d.pop("first_sms_due_at")

        def _parse_first_sms_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_sms_at = _parse_first_sms_at(d.pop("first_sms_at"))


        def _parse_second_sms_due_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        second_sms_due_at = _parse_second_sms_due_at(d.pop("second_sms_due_at"))


        def _parse_second_sms_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        second_sms_at = _parse_second_sms_at(d.pop("second_sms_at"))


        escalation_due_at = d.pop("escalation_due_at")

        wechat_from = d.pop("wechat_from")

        identity_failures = d.pop("identity_failures")

        def _parse_identity_locked_until(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        identity_locked_until = _parse_identity_locked_until(d.pop("identity_locked_until"))


        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        def _parse_completed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))


        def _parse_closed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        task_read = cls(
            task_id=task_id,
            policy_no=policy_no,
            customer_id=customer_id,
            status=status,
            outcome=outcome,
            electronic_eligible=electronic_eligible,
            electronic_open=electronic_open,
            phone_reason=phone_reason,
            close_reason=close_reason,
            holder_name=holder_name,
            holder_id_no=holder_id_no,
            holder_mobile=holder_mobile,
            product_name=product_name,
            product_kind=product_kind,
            channel=channel,
            payment_mode=payment_mode,
            payment_years=payment_years,
            coverage_years=coverage_years,
            annual_premium=annual_premium,
            underwritten_at=underwritten_at,
            effective_date=effective_date,
            cooling_off_end=cooling_off_end,
            first_policy_of_holder=first_policy_of_holder,
            first_sms_due_at=first_sms_due_at,
            first_sms_at=first_sms_at,
            second_sms_due_at=second_sms_due_at,
            second_sms_at=second_sms_at,
            escalation_due_at=escalation_due_at,
            wechat_from=wechat_from,
            identity_failures=identity_failures,
            identity_locked_until=identity_locked_until,
            created_at=created_at,
            updated_at=updated_at,
            completed_at=completed_at,
            closed_at=closed_at,
        )


        task_read.additional_properties = d
        return task_read

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
