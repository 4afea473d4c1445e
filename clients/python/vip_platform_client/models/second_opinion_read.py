from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SecondOpinionRead")



@_attrs_define
class SecondOpinionRead:
    """ A second-opinion request and its SLA dates (SPEC 4.2).

        Attributes:
            request_id (str): The request's id.
            customer_id (str): The customer's id, e.g. `C1001`.
            beneficiary_id (None | str): The relative it is for; null = the customer.
            service_code (str): The second-opinion service code.
            partner_id (None | str): The provider.
            status (str): requested → contacted → materials_complete → delivered; or cancelled.
            requested_at (datetime.datetime): When it was requested.
            contact_due (datetime.date): The provider must contact the customer by this day (1 working day).
            contacted_at (datetime.datetime | None): When the provider made contact.
            materials_complete_at (datetime.datetime | None): When the medical materials were complete.
            opinion_due (datetime.date | None): Opinion due: 10 working days after the materials are complete.
            delivered_at (datetime.datetime | None): When the opinion was delivered.
            overdue (list[str] | Unset): contact and/or opinion, as of today
     """

    request_id: str
    customer_id: str
    beneficiary_id: None | str
    service_code: str
    partner_id: None | str
    status: str
    requested_at: datetime.datetime
    contact_due: datetime.date
    contacted_at: datetime.datetime | None
    materials_complete_at: datetime.datetime | None
    opinion_due: datetime.date | None
    delivered_at: datetime.datetime | None
    overdue: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        customer_id = self.customer_id

        beneficiary_id: None | str
        beneficiary_id = self.beneficiary_id

        service_code = self.service_code

        partner_id: None | str
        partner_id = self.partner_id

        status = self.status

        requested_at = self.requested_at.isoformat()

        contact_due = self.contact_due.isoformat()

        contacted_at: None | str
        if isinstance(self.contacted_at, datetime.datetime):
            contacted_at = self.contacted_at.isoformat()
        else:
            contacted_at = self.contacted_at

        materials_complete_at: None | str
        if isinstance(self.materials_complete_at, datetime.datetime):
            materials_complete_at = self.materials_complete_at.isoformat()
        else:
            materials_complete_at = self.materials_complete_at

        opinion_due: None | str
        if isinstance(self.opinion_due, datetime.date):
            opinion_due = self.opinion_due.isoformat()
        else:
            opinion_due = self.opinion_due

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        overdue: list[str] | Unset = UNSET
        if not isinstance(self.overdue, Unset):
            overdue = self.overdue




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "request_id": request_id,
            "customer_id": customer_id,
            "beneficiary_id": beneficiary_id,
            "service_code": service_code,
            "partner_id": partner_id,
            "status": status,
            "requested_at": requested_at,
            "contact_due": contact_due,
            "contacted_at": contacted_at,
            "materials_complete_at": materials_complete_at,
            "opinion_due": opinion_due,
            "delivered_at": delivered_at,
        })
        if overdue is not UNSET:
            field_dict["overdue"] = overdue

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        request_id = d.pop("request_id")

        customer_id = d.pop("customer_id")

        def _parse_beneficiary_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id"))


        service_code = d.pop("service_code")

        def _parse_partner_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner_id = _parse_partner_id(d.pop("partner_id"))


        status = d.pop("status")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        contact_due = datetime.date.fromisoformat(d.pop("contact_due"))




        def _parse_contacted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contacted_at_type_0 = datetime.datetime.fromisoformat(data)



                return contacted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        contacted_at = _parse_contacted_at(d.pop("contacted_at"))


        def _parse_materials_complete_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                materials_complete_at_type_0 = datetime.datetime.fromisoformat(data)



                return materials_complete_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        materials_complete_at = _parse_materials_complete_at(d.pop("materials_complete_at"))


        def _parse_opinion_due(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opinion_due_type_0 = datetime.date.fromisoformat(data)



                return opinion_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        opinion_due = _parse_opinion_due(d.pop("opinion_due"))


        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        overdue = cast(list[str], d.pop("overdue", UNSET))


        second_opinion_read = cls(
            request_id=request_id,
            customer_id=customer_id,
            beneficiary_id=beneficiary_id,
            service_code=service_code,
            partner_id=partner_id,
            status=status,
            requested_at=requested_at,
            contact_due=contact_due,
            contacted_at=contacted_at,
            materials_complete_at=materials_complete_at,
            opinion_due=opinion_due,
            delivered_at=delivered_at,
            overdue=overdue,
        )


        second_opinion_read.additional_properties = d
        return second_opinion_read

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
