"""Realistic examples built from a JSON schema, for the bodies an operation's docs give none for.

Values come from the field's name first (a customer number looks like ``C1001``, a name like
``丁华清``, identity and mobile numbers are masked as in every response), then from its format, enum,
bounds and type. A test validates every example of the merged document against its schema.
"""

from __future__ import annotations

import re
from typing import Any

_BY_NAME: dict[str, Any] = {
    "customer_id": "C1001",
    "holder_id": "C1001",
    "policy_no": "P2026050800001",
    "name": "丁华清",
    "holder_name": "丁华清",
    "tier_name": "五星客户",
    "relation": "spouse",
    "id_no": "110101********1237",
    "id_last6": "011237",
    "mobile": "138****8000",
    "contact_mobile": "138****8000",
    "birth_date": "1990-01-01",
    "partner_id": "meinian",
    "clinic_id": "meinian-sh-jingan",
    "service_code": "dental_cleaning",
    "package_code": "basic",
    "program": "stars",
    "tier": "star_5",
    "from_tier": "star_4",
    "to_tier": "star_5",
    "city": "上海",
    "address": "上海市静安区南京西路1266号",
    "webhook_url": "https://partner.example.com/vip/webhooks",
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "booking_id": "B7Q2M4X9K1",
    "beneficiary_id": "R1",
    "relative_id": "R1",
    "session_id": "S3V8N2K5",
    "task_id": "T5J2Q7W1",
    "token": "kQ2d8R5wT1xYz",
    "channel": "sms",
    "currency": "CNY",
    "amount": "1000.00",
    "annual_premium": "3233.00",
    "remark": "",
    "reason": "upgrade",
    "next_cursor": None,
    "cursor": None,
    "webhook_id": "msg_2Kx9Q4m7Tz",
    "text": "【VIP服务】丁先生您好，您预约的洁牙服务已确认：2026-10-09 上海静安门诊。",
    "detail": "",
    "source": "package",
    "updated_by": "ops-zhang",
    "loaded_by": "ops-zhang",
}
# Raw values for request fields whose pattern refuses the masked form (requests carry full numbers).
_RAW: dict[str, str] = {
    "mobile": "13800138000",
    "contact_mobile": "13800138000",
    "id_no": "110101199001011237",
}
_BY_FORMAT = {
    "date": "2026-10-09",
    "date-time": "2026-09-28T10:00:00+08:00",
    "uri": "https://partner.example.com/vip/webhooks",
    "uuid": "0f6b4c52-8d1e-4a7b-9c3f-2e5d6a7b8c9d",
    "email": "vip@example.com",
    "time": "10:00:00",
}


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in schema and seen < 20:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = components.get(name, {})
        seen += 1
    return schema


_NONE_DECLARED = object()


def example_for(schema: dict[str, Any], components: dict[str, Any], name: str = "", depth: int = 0) -> Any:
    """An example value for ``schema`` (``components``: the document's schemas)."""
    schema = _resolve(schema, components)
    if depth > 8:
        return None
    declared = declared_example(schema)
    if declared is not _NONE_DECLARED:
        return declared
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return one_of_example(schema[key], components, name, depth)
    if "allOf" in schema:
        return example_for(schema["allOf"][0], components, name, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        return {key: example_for(sub, components, key, depth + 1) for key, sub in props.items()}
    if kind == "array":
        item = example_for(schema.get("items") or {}, components, name, depth + 1)
        count = max(1, int(schema.get("minItems", 1)))
        return [item] * count
    return scalar_example(kind, schema, name)


def declared_example(schema: dict[str, Any]) -> Any:
    """The schema's own example, const, first enum value or default (``_NONE_DECLARED`` without)."""
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    return _NONE_DECLARED


def one_of_example(options: list[Any], components: dict[str, Any], name: str, depth: int) -> Any:
    """anyOf/oneOf: the first non-null option (a nullable cursor or remark has its own example)."""
    non_null = [o for o in options if _resolve(o, components).get("type") != "null"]
    if not non_null:
        return None
    if name in ("next_cursor", "cursor", "remark"):
        return _BY_NAME.get(name)
    return example_for(non_null[0], components, name, depth + 1)


def scalar_example(kind: Any, schema: dict[str, Any], name: str) -> Any:
    if kind == "boolean":
        return True
    if kind == "integer":
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + (1 if "exclusiveMinimum" in schema else 0))
        return max(int(low), 1) if schema.get("maximum", 10**9) >= 1 else int(low)
    if kind == "number":
        return max(schema.get("minimum", 1), 1)
    if kind == "string":
        return string_example(schema, name)
    return None


def string_example(schema: dict[str, Any], name: str) -> Any:
    """A string by field name (realistic values), then by format, then by naming convention."""
    if name in _BY_NAME and _BY_NAME[name] is not None:
        value = _BY_NAME[name]
        pattern = schema.get("pattern")
        if pattern and not re.search(pattern, str(value)) and name in _RAW:
            return _RAW[name]
        return value
    fmt = schema.get("format")
    if fmt in _BY_FORMAT:
        return _BY_FORMAT[fmt]
    if name.endswith("_at") or name.endswith("_until"):
        return _BY_FORMAT["date-time"]
    if name.endswith("date") or name in ("since", "period_start", "period_end", "from", "to"):
        return _BY_FORMAT["date"]
    if "pattern" in schema and "\\d+\\.\\d{2}" in schema["pattern"].replace("[0-9]", "\\d"):
        return "1000.00"
    return "示例"


def fill_examples(document: dict[str, Any]) -> None:
    """Give every JSON request body and 2xx JSON response without examples a built one."""
    components = (document.get("components") or {}).get("schemas") or {}
    for item in (document.get("paths") or {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            media_types = []
            body = (operation.get("requestBody") or {}).get("content") or {}
            media_types.append(body.get("application/json"))
            for status, response in (operation.get("responses") or {}).items():
                if str(status).startswith("2"):
                    media_types.append(((response or {}).get("content") or {}).get("application/json"))
            for media in media_types:
                if not isinstance(media, dict) or "schema" not in media or media.get("examples"):
                    continue
                value = example_for(media["schema"], components)
                media["examples"] = {"example": {"summary": "Example", "value": value}}
