from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.reconciliation_repair import ReconciliationRepair
  from ..models.reconciliation_run_read_skipped_item import ReconciliationRunReadSkippedItem





T = TypeVar("T", bound="ReconciliationRunRead")



@_attrs_define
class ReconciliationRunRead:
    """ The result of a reconciliation run.

        Attributes:
            as_of (datetime.datetime): The time the periods were computed for.
            checked (int): Customers compared.
            repaired (list[ReconciliationRepair]): Customers repaired.
            skipped (list[ReconciliationRunReadSkippedItem]): Customers left alone, each `{outcome, customer_id, why}` (e.g.
                a newer local state).
            pages (int): Pages of tiering's `/api/v1/tiers` walked.
     """

    as_of: datetime.datetime
    checked: int
    repaired: list[ReconciliationRepair]
    skipped: list[ReconciliationRunReadSkippedItem]
    pages: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reconciliation_repair import ReconciliationRepair # noqa: PLC0415
        from ..models.reconciliation_run_read_skipped_item import ReconciliationRunReadSkippedItem # noqa: PLC0415
        as_of = self.as_of.isoformat()

        checked = self.checked

        repaired = []
        for repaired_item_data in self.repaired:
            repaired_item = repaired_item_data.to_dict()
            repaired.append(repaired_item)



        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)



        pages = self.pages


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "checked": checked,
            "repaired": repaired,
            "skipped": skipped,
            "pages": pages,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation_repair import ReconciliationRepair # noqa: PLC0415
        from ..models.reconciliation_run_read_skipped_item import ReconciliationRunReadSkippedItem # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        checked = d.pop("checked")

        repaired = []
        _repaired = d.pop("repaired")
        for repaired_item_data in (_repaired):
            repaired_item = ReconciliationRepair.from_dict(repaired_item_data)



            repaired.append(repaired_item)


        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = ReconciliationRunReadSkippedItem.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        pages = d.pop("pages")

        reconciliation_run_read = cls(
            as_of=as_of,
            checked=checked,
            repaired=repaired,
            skipped=skipped,
            pages=pages,
        )


        reconciliation_run_read.additional_properties = d
        return reconciliation_run_read

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
