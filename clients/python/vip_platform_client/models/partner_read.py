from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PartnerRead")



@_attrs_define
class PartnerRead:
    """ A partner (its webhook secret is never returned).

        Attributes:
            partner_id (str): The partner's id, e.g. `meinian`.
            name (str): The partner's name.
            webhook_url (str): The partner's webhook URL.
            created_at (datetime.datetime): When it was created.
            updated_at (datetime.datetime): When it was last changed.
            secret_set (bool | Unset): Always true: a secret is set (it is never shown). Default: True.
     """

    partner_id: str
    name: str
    webhook_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret_set: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        partner_id = self.partner_id

        name = self.name

        webhook_url = self.webhook_url

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret_set = self.secret_set


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "partner_id": partner_id,
            "name": name,
            "webhook_url": webhook_url,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if secret_set is not UNSET:
            field_dict["secret_set"] = secret_set

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner_id = d.pop("partner_id")

        name = d.pop("name")

        webhook_url = d.pop("webhook_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        secret_set = d.pop("secret_set", UNSET)

        partner_read = cls(
            partner_id=partner_id,
            name=name,
            webhook_url=webhook_url,
            created_at=created_at,
            updated_at=updated_at,
            secret_set=secret_set,
        )


        partner_read.additional_properties = d
        return partner_read

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
