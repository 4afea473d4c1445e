from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.receive_partner_webhook_body_type import check_receive_partner_webhook_body_type
from ..models.receive_partner_webhook_body_type import ReceivePartnerWebhookBodyType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.receive_partner_webhook_body_data import ReceivePartnerWebhookBodyData





T = TypeVar("T", bound="ReceivePartnerWebhookBody")



@_attrs_define
class ReceivePartnerWebhookBody:
    """ 
        Attributes:
            type_ (ReceivePartnerWebhookBodyType): What happened at the clinic.
            booking_id (str): The platform's booking id (from `booking.requested`).
            data (ReceivePartnerWebhookBodyData | Unset): Free details, e.g. a rejection `reason`.
     """

    type_: ReceivePartnerWebhookBodyType
    booking_id: str
    data: ReceivePartnerWebhookBodyData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.receive_partner_webhook_body_data import ReceivePartnerWebhookBodyData # noqa: PLC0415
        type_: str = self.type_

        booking_id = self.booking_id

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "booking_id": booking_id,
        })
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receive_partner_webhook_body_data import ReceivePartnerWebhookBodyData # noqa: PLC0415
        d = dict(src_dict)
        type_ = check_receive_partner_webhook_body_type(d.pop("type"))




        booking_id = d.pop("booking_id")

        _data = d.pop("data", UNSET)
        data: ReceivePartnerWebhookBodyData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = ReceivePartnerWebhookBodyData.from_dict(_data)




        receive_partner_webhook_body = cls(
            type_=type_,
            booking_id=booking_id,
            data=data,
        )


        receive_partner_webhook_body.additional_properties = d
        return receive_partner_webhook_body

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
