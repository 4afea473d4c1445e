"""OpenAPI documentation of the tiering service's operations (applied by ``vipkit.app``)."""

from __future__ import annotations

from vipkit.openapi_docs import CUSTOMER_APP, OPS, Op

_V = "validation_error"
_PERSON = {
    "customer_id": "C1001",
    "name": "丁华清",
    "id_type": "resident_id",
    "id_no": "110101199001011237",
    "mobile": "13800138000",
    "birth_date": "1990-01-01",
}
POLICY_EXAMPLE = {
    "holder": _PERSON,
    "insured": _PERSON,
    "product": {"code": "CSFYJ-1", "name": "长生福优加重大疾病保险（计划一）", "kind": "traditional"},
    "channel": "agency",
    "payment_mode": "regular",
    "annual_premium": "3233.00",
    "payment_years": 20,
    "coverage_years": None,
    "top_ups": [{"kind": "ad_hoc", "amount": "1000.00", "date": "2026-06-01"}],
    "status": "in_force",
    "underwritten_at": "2026-05-08T15:30:00+08:00",
    "effective_date": "2026-05-09",
    "cooling_off_end": "2026-05-24",
    "loan_or_pledge": False,
    "electronic_contract": True,
}

DOCS: dict[str, Op] = {
    "put_policy": Op(
        "upsertPolicy",
        "Create or update a policy",
        "The core system's policy as of now (201 created, 200 updated or unchanged). The customer's tier is "
        "re-rated at once; identity and mobile numbers are stored and answered masked. An older version than "
        "the stored one answers 409 `conflict`.",
        (OPS,),
        "Policies",
        (_V, "conflict"),
        "SPEC 2, 7 (policy body)",
        request_example=POLICY_EXAMPLE,
    ),
    "read_policy": Op("getPolicy", "Read a policy", "A stored policy, masked.", (OPS,), "Policies", ("not_found", _V)),
    "import_policies": Op(
        "importPolicies",
        "Bulk import policies",
        "NDJSON body (`application/x-ndjson`), one `{policy_no, policy}` per line, streamed in batches; "
        "bad lines are reported with their line number, good ones stored. Safe to repeat: policies are "
        "upserted by `policy_no` (no `Idempotency-Key` needed).",
        (OPS,),
        "Policies",
        (_V, "payload_too_large"),
        "SPEC 2",
        extra={
            "requestBody": {
                "required": True,
                "description": "One JSON object per line",
                "content": {
                    "application/x-ndjson": {
                        "schema": {"type": "string"},
                        "example": '{"policy_no": "P2026050800001", "policy": {"...": "see upsertPolicy"}}\n',
                    }
                },
            }
        },
    ),
    "post_run": Op(
        "runTiering",
        "Run the tier jobs due on a date",
        "Daily evaluation, cooling-off confirmations and the review (on a review date) for `as_of`; "
        "idempotent per date. `as_of` may not be after today.",
        (OPS,),
        "Tiers",
        (_V,),
        "SPEC 2.1, 7.3",
        request_example={"as_of": "2026-10-09"},
        idempotency_key=True,
    ),
    "read_tier": Op(
        "getCustomerTier",
        "A customer's tier",
        "The current tier with its Chinese name, status (`confirmed`, `provisional`, `grace`, `invalid`), "
        "score, a pending downgrade and what is needed for the next tier.",
        (CUSTOMER_APP, OPS),
        "Tiers",
        ("not_found",),
        "SPEC 2, 7.1",
    ),
    "read_history": Op(
        "getCustomerTierHistory",
        "A customer's tier history",
        "Every tier change with its reason, oldest first, cursor-paged like every list: `limit` (1..200, "
        "default 50) and the `next_cursor` of the previous page as `cursor`; `next_cursor` is null on the last "
        "page. A customer token reads its own history only.",
        (CUSTOMER_APP, OPS),
        "Tiers",
        ("not_found", _V),
        "SPEC 2.1",
        response_example={
            "customer_id": "C1001",
            "program": "stars",
            "items": [
                {
                    "kind": "tier_changed",
                    "from_tier": "none",
                    "to_tier": "star_2",
                    "reason": "initial",
                    "status": "confirmed",
                    "score": "12000.00",
                    "sequence": 1,
                    "detail": "score 12000.00 reaches star_2",
                    "effective_at": "2026-05-24T00:00:00+08:00",
                },
                {
                    "kind": "tier_changed",
                    "from_tier": "star_2",
                    "to_tier": "star_3",
                    "reason": "upgrade",
                    "status": "confirmed",
                    "score": "42000.00",
                    "sequence": 2,
                    "detail": "score 42000.00 reaches star_3",
                    "effective_at": "2026-09-18T10:05:00+08:00",
                },
            ],
            "next_cursor": "WyJ0aWVyLWhpc3RvcnkiLFsyXV0",
        },
    ),
    "read_explain": Op(
        "explainCustomerTier",
        "Why a customer has their tier",
        "Every policy with its standard premium, the formula terms and why it does or does not count.",
        (OPS,),
        "Tiers",
        ("not_found",),
        "SPEC 2",
    ),
    "list_tiers": Op("listTiers", "Every customer's tier", "Paged by customer id.", (OPS,), "Tiers", (_V,), "SPEC 2"),
}
