from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PartnerWrite")



@_attrs_define
class PartnerWrite:
    """ A partner clinic group (the webhook receiver): created or replaced by ops (PUT, `If-Match`).

        Attributes:
            name (str): The partner's name, e.g. `美年大健康`.
            webhook_url (str): Where the platform POSTs `booking.requested` / `booking.cancelled` (SPEC 4.3), http(s) URL.
            secret (str): Standard Webhooks secret `whsec_<base64>` (never returned)
     """

    name: str
    webhook_url: str
    secret: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        webhook_url = self.webhook_url

        secret = self.secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "webhook_url": webhook_url,
            "secret": secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        webhook_url = d.pop("webhook_url")

        secret = d.pop("secret")

        partner_write = cls(
            name=name,
            webhook_url=webhook_url,
            secret=secret,
        )

        return partner_write

