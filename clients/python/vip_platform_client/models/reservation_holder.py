from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reservation_holder_by_type_0 import check_reservation_holder_by_type_0
from ..models.reservation_holder_by_type_0 import ReservationHolderByType0
from typing import cast






T = TypeVar("T", bound="ReservationHolder")



@_attrs_define
class ReservationHolder:
    """ What holds an entitlement reservation made under a reference (an attempt id), for entitlements'
    reconciliation (issue 12).

        Attributes:
            reference (str): The reservation's reference: the booking attempt's id.
            held (bool): True while a booking, a second-opinion request or a reserving attempt holds it.
            by (None | ReservationHolderByType0): What holds it; null when `held` is false (the unit may be released).
     """

    reference: str
    held: bool
    by: None | ReservationHolderByType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        held = self.held

        by: None | str
        if isinstance(self.by, str):
            by = self.by
        else:
            by = self.by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reference": reference,
            "held": held,
            "by": by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference = d.pop("reference")

        held = d.pop("held")

        def _parse_by(data: object) -> None | ReservationHolderByType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                by_type_0 = check_reservation_holder_by_type_0(data)



                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReservationHolderByType0, data)

        by = _parse_by(d.pop("by"))


        reservation_holder = cls(
            reference=reference,
            held=held,
            by=by,
        )


        reservation_holder.additional_properties = d
        return reservation_holder

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
