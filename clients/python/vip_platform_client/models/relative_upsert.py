from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relative_upsert_relation import check_relative_upsert_relation
from ..models.relative_upsert_relation import RelativeUpsertRelation
from typing import cast
import datetime






T = TypeVar("T", bound="RelativeUpsert")



@_attrs_define
class RelativeUpsert:
    """ Designate or update a relative who may use the customer's services (SPEC 3).

        Attributes:
            name (str): Full name, e.g. `李秀英`.
            relation (RelativeUpsertRelation): spouse | parent | child | spouse_parent | insured (what the catalog allows
                per service).
            id_no (str): Identity number (letters and digits); stored, and answered masked.
            birth_date (datetime.date): Date of birth (age limits: children ≤ 18, rescue ≤ 65, designation < 65 under
                cards).
     """

    name: str
    relation: RelativeUpsertRelation
    id_no: str
    birth_date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation: str = self.relation

        id_no = self.id_no

        birth_date = self.birth_date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "relation": relation,
            "id_no": id_no,
            "birth_date": birth_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        relation = check_relative_upsert_relation(d.pop("relation"))




        id_no = d.pop("id_no")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        relative_upsert = cls(
            name=name,
            relation=relation,
            id_no=id_no,
            birth_date=birth_date,
        )

        return relative_upsert

