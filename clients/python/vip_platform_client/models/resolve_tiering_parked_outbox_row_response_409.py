from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.resolve_tiering_parked_outbox_row_response_409_code import check_resolve_tiering_parked_outbox_row_response_409_code
from ..models.resolve_tiering_parked_outbox_row_response_409_code import ResolveTieringParkedOutboxRowResponse409Code
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.problem_errors_item import ProblemErrorsItem





T = TypeVar("T", bound="ResolveTieringParkedOutboxRowResponse409")



@_attrs_define
class ResolveTieringParkedOutboxRowResponse409:
    """ 
        Attributes:
            type_ (str): A URI naming the problem kind.
            title (str): The HTTP status phrase.
            status (int): The HTTP status code.
            code (ResolveTieringParkedOutboxRowResponse409Code): The codes of this status here.
            detail (str): What went wrong, in English (for developers and logs).
            instance (str | Unset): The request path.
            request_id (str | Unset): Echo of `X-Request-ID`, for support.
            errors (list[ProblemErrorsItem] | Unset): Validation errors (422): the fields and what is wrong with them.
     """

    type_: str
    title: str
    status: int
    code: ResolveTieringParkedOutboxRowResponse409Code
    detail: str
    instance: str | Unset = UNSET
    request_id: str | Unset = UNSET
    errors: list[ProblemErrorsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_errors_item import ProblemErrorsItem # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        code: str = self.code

        detail = self.detail

        instance = self.instance

        request_id = self.request_id

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "code": code,
            "detail": detail,
        })
        if instance is not UNSET:
            field_dict["instance"] = instance
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_errors_item import ProblemErrorsItem # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        code = check_resolve_tiering_parked_outbox_row_response_409_code(d.pop("code"))




        detail = d.pop("detail")

        instance = d.pop("instance", UNSET)

        request_id = d.pop("request_id", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[ProblemErrorsItem] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ProblemErrorsItem.from_dict(errors_item_data)



                errors.append(errors_item)


        resolve_tiering_parked_outbox_row_response_409 = cls(
            type_=type_,
            title=title,
            status=status,
            code=code,
            detail=detail,
            instance=instance,
            request_id=request_id,
            errors=errors,
        )


        resolve_tiering_parked_outbox_row_response_409.additional_properties = d
        return resolve_tiering_parked_outbox_row_response_409

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
