from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.phone_item_read_answers_type_0_item import PhoneItemReadAnswersType0Item





T = TypeVar("T", bound="PhoneItemRead")



@_attrs_define
class PhoneItemRead:
    """ An item of the call-centre phone queue (working days 9:00-17:30, SPEC 5).

        Attributes:
            item_id (str): The item's id.
            task_id (str): The revisit task.
            policy_no (str): The policy number.
            customer_id (str): The policyholder's customer id.
            reason (str): not_eligible | escalation | problem (answers attached) | aborted
            status (str): open | done
            callable_from (str): Not to be called before this time. Asia/Shanghai local time with offset.
            callable_now (bool): True when open, due and inside office hours now.
            office_hours (str): The call centre's hours in Chinese: `工作日 9:00-17:30`.
            answers (list[PhoneItemReadAnswersType0Item] | None): The electronic answers, for a problem case.
            remark (None | str): The customer's remark, numbers masked.
            attempts (int): Call attempts made.
            last_attempt_at (None | str): When the last call was made.
            outcome (None | str): completed | no_answer; null before a call.
            note (None | str): The agent's note, numbers masked.
            created_at (str): When it was queued.
            closed_at (None | str): When it was closed.
            holder_name (None | str | Unset): The policyholder's name, e.g. `张伟`.
            holder_mobile (None | str | Unset): The number to call, masked: `138****8000`.
     """

    item_id: str
    task_id: str
    policy_no: str
    customer_id: str
    reason: str
    status: str
    callable_from: str
    callable_now: bool
    office_hours: str
    answers: list[PhoneItemReadAnswersType0Item] | None
    remark: None | str
    attempts: int
    last_attempt_at: None | str
    outcome: None | str
    note: None | str
    created_at: str
    closed_at: None | str
    holder_name: None | str | Unset = UNSET
    holder_mobile: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.phone_item_read_answers_type_0_item import PhoneItemReadAnswersType0Item # noqa: PLC0415
        item_id = self.item_id

        task_id = self.task_id

        policy_no = self.policy_no

        customer_id = self.customer_id

        reason = self.reason

        status = self.status

        callable_from = self.callable_from

        callable_now = self.callable_now

        office_hours = self.office_hours

        answers: list[dict[str, Any]] | None
        if isinstance(self.answers, list):
            answers = []
            for answers_type_0_item_data in self.answers:
                answers_type_0_item = answers_type_0_item_data.to_dict()
                answers.append(answers_type_0_item)


        else:
            answers = self.answers

        remark: None | str
        remark = self.remark

        attempts = self.attempts

        last_attempt_at: None | str
        last_attempt_at = self.last_attempt_at

        outcome: None | str
        outcome = self.outcome

        note: None | str
        note = self.note

        created_at = self.created_at

        closed_at: None | str
        closed_at = self.closed_at

        holder_name: None | str | Unset
        if isinstance(self.holder_name, Unset):
            holder_name = UNSET
        else:
            holder_name = self.holder_name

        holder_mobile: None | str | Unset
        if isinstance(self.holder_mobile, Unset):
            holder_mobile = UNSET
        else:
            holder_mobile = self.holder_mobile


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "item_id": item_id,
            "task_id": task_id,
            "policy_no": policy_no,
            "customer_id": customer_id,
            "reason": reason,
            "status": status,
            "callable_from": callable_from,
            "callable_now": callable_now,
            "office_hours": office_hours,
            "answers": answers,
            "remark": remark,
            "attempts": attempts,
            "last_attempt_at": last_attempt_at,
            "outcome": outcome,
            "note": note,
            "created_at": created_at,
            "closed_at": closed_at,
        })
        if holder_name is not UNSET:
            field_dict["holder_name"] = holder_name
        if holder_mobile is not UNSET:
            field_dict["holder_mobile"] = holder_mobile

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.phone_item_read_answers_type_0_item import PhoneItemReadAnswersType0Item # noqa: PLC0415
        d = dict(src_dict)
        item_id = d.pop("item_id")

        task_id = d.pop("task_id")

        policy_no = d.pop("policy_no")

        customer_id = d.pop("customer_id")

        reason = d.pop("reason")

        status = d.pop("status")

        callable_from = d.pop("callable_from")

        callable_now = d.pop("callable_now")

        office_hours = d.pop("office_hours")

        def _parse_answers(data: object) -> list[PhoneItemReadAnswersType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                answers_type_0 = []
                _answers_type_0 = data
                for answers_type_0_item_data in (_answers_type_0):
                    answers_type_0_item = PhoneItemReadAnswersType0Item.from_dict(answers_type_0_item_data)



                    answers_type_0.append(answers_type_0_item)

                return answers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PhoneItemReadAnswersType0Item] | None, data)

        answers = _parse_answers(d.pop("answers"))


        def _parse_remark(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remark = _parse_remark(d.pop("remark"))


        attempts = d.pop("attempts")

        def _parse_last_attempt_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))


        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        created_at = d.pop("created_at")

        def _parse_closed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        def _parse_holder_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        holder_name = _parse_holder_name(d.pop("holder_name", UNSET))


        def _parse_holder_mobile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        holder_mobile = _parse_holder_mobile(d.pop("holder_mobile", UNSET))


        phone_item_read = cls(
            item_id=item_id,
            task_id=task_id,
            policy_no=policy_no,
            customer_id=customer_id,
            reason=reason,
            status=status,
            callable_from=callable_from,
            callable_now=callable_now,
            office_hours=office_hours,
            answers=answers,
            remark=remark,
            attempts=attempts,
            last_attempt_at=last_attempt_at,
            outcome=outcome,
            note=note,
            created_at=created_at,
            closed_at=closed_at,
            holder_name=holder_name,
            holder_mobile=holder_mobile,
        )


        phone_item_read.additional_properties = d
        return phone_item_read

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
