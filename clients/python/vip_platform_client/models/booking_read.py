from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.booking_read_status import BookingReadStatus
from ..models.booking_read_status import check_booking_read_status
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.booking_read_ledger_type_0 import BookingReadLedgerType0
  from ..models.history_item import HistoryItem





T = TypeVar("T", bound="BookingRead")



@_attrs_define
class BookingRead:
    """ A booking with its status, deadline and history (SPEC 4.2). `contact_mobile` is masked.

        Attributes:
            booking_id (str): The booking's id, e.g. `B20260928000001`.
            status (BookingReadStatus): pending (sent to the partner) → confirmed | rejected; confirmed → completed |
                no_show | cancelled | cancelled_late (SPEC 4.2).
            customer_id (str): The customer's id, e.g. `C1001`.
            beneficiary_id (None | str): The relative it is for; null = the customer.
            service_code (str): The catalog service code, e.g. `dental_cleaning`.
            clinic_id (str): The clinic.
            partner_id (str): The partner that runs the clinic.
            date (datetime.date): The appointment date.
            package_code (None | str): The package chosen, if any.
            contact_mobile (None | str): The SMS number given, masked, e.g. `138****8000`; null = the policies' number.
            cancel_deadline (datetime.datetime): Free cancellation before this time: the previous working day at 12:00
                Asia/Shanghai (SPEC 4.2).
            reservation_id (str): The quota reservation in entitlements.
            created_at (datetime.datetime): When it was booked.
            updated_at (datetime.datetime): When it last changed.
            ledger (BookingReadLedgerType0 | None | Unset): The pending quota effect of the last change: `{action, reason,
                done, error}`; null when none.
            history (list[HistoryItem] | Unset): Every status change, oldest first.
     """

    booking_id: str
    status: BookingReadStatus
    customer_id: str
    beneficiary_id: None | str
    service_code: str
    clinic_id: str
    partner_id: str
    date: datetime.date
    package_code: None | str
    contact_mobile: None | str
    cancel_deadline: datetime.datetime
    reservation_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    ledger: BookingReadLedgerType0 | None | Unset = UNSET
    history: list[HistoryItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.booking_read_ledger_type_0 import BookingReadLedgerType0 # noqa: PLC0415
        from ..models.history_item import HistoryItem # noqa: PLC0415
        booking_id = self.booking_id

        status: str = self.status

        customer_id = self.customer_id

        beneficiary_id: None | str
        beneficiary_id = self.beneficiary_id

        service_code = self.service_code

        clinic_id = self.clinic_id

        partner_id = self.partner_id

        date = self.date.isoformat()

        package_code: None | str
        package_code = self.package_code

        contact_mobile: None | str
        contact_mobile = self.contact_mobile

        cancel_deadline = self.cancel_deadline.isoformat()

        reservation_id = self.reservation_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        ledger: dict[str, Any] | None | Unset
        if isinstance(self.ledger, Unset):
            ledger = UNSET
        elif isinstance(self.ledger, BookingReadLedgerType0):
            ledger = self.ledger.to_dict()
        else:
            ledger = self.ledger

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "status": status,
            "customer_id": customer_id,
            "beneficiary_id": beneficiary_id,
            "service_code": service_code,
            "clinic_id": clinic_id,
            "partner_id": partner_id,
            "date": date,
            "package_code": package_code,
            "contact_mobile": contact_mobile,
            "cancel_deadline": cancel_deadline,
            "reservation_id": reservation_id,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if ledger is not UNSET:
            field_dict["ledger"] = ledger
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_read_ledger_type_0 import BookingReadLedgerType0 # noqa: PLC0415
        from ..models.history_item import HistoryItem # noqa: PLC0415
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        status = check_booking_read_status(d.pop("status"))




        customer_id = d.pop("customer_id")

        def _parse_beneficiary_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        beneficiary_id = _parse_beneficiary_id(d.pop("beneficiary_id"))


        service_code = d.pop("service_code")

        clinic_id = d.pop("clinic_id")

        partner_id = d.pop("partner_id")

        date = datetime.date.fromisoformat(d.pop("date"))




        def _parse_package_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        package_code = _parse_package_code(d.pop("package_code"))


        def _parse_contact_mobile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_mobile = _parse_contact_mobile(d.pop("contact_mobile"))


        cancel_deadline = datetime.datetime.fromisoformat(d.pop("cancel_deadline"))




        reservation_id = d.pop("reservation_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_ledger(data: object) -> BookingReadLedgerType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_type_0 = BookingReadLedgerType0.from_dict(data)



                return ledger_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BookingReadLedgerType0 | None | Unset, data)

        ledger = _parse_ledger(d.pop("ledger", UNSET))


        _history = d.pop("history", UNSET)
        history: list[HistoryItem] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryItem.from_dict(history_item_data)



                history.append(history_item)


        booking_read = cls(
            booking_id=booking_id,
            status=status,
            customer_id=customer_id,
            beneficiary_id=beneficiary_id,
            service_code=service_code,
            clinic_id=clinic_id,
            partner_id=partner_id,
            date=date,
            package_code=package_code,
            contact_mobile=contact_mobile,
            cancel_deadline=cancel_deadline,
            reservation_id=reservation_id,
            created_at=created_at,
            updated_at=updated_at,
            ledger=ledger,
            history=history,
        )


        booking_read.additional_properties = d
        return booking_read

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
