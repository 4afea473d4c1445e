"""OpenAPI documentation of the revisit service's operations (applied by ``vipkit.app``)."""

from __future__ import annotations

from vipkit.openapi_docs import CUSTOMER_APP, LINK_HOLDER, OPS, Op

_V = "validation_error"
_SESSION_ERRORS = ("not_found", "link_expired", "conflict", _V)

DOCS: dict[str, Op] = {
    "run_revisits": Op(
        "runRevisits",
        "Run the revisit jobs due",
        "Sends the 10:00 SMS batches, second SMS and phone escalations due by `as_of`; idempotent.",
        (OPS,),
        "Revisits",
        (_V,),
        "SPEC 5, 7.3",
        request_example={"as_of": "2026-05-09T10:00:00+08:00"},
        idempotency_key=True,
    ),
    "list_revisits": Op(
        "listRevisits", "Revisit tasks", "By `policy_no` and `status`.", (OPS,), "Revisits", (_V,), "SPEC 5"
    ),
    "get_revisit": Op(
        "getRevisit",
        "A revisit with its audit record",
        "Sessions with the question texts as shown, answers, timestamps, IP and user agent.",
        (OPS,),
        "Revisits",
        ("not_found",),
        "SPEC 5",
    ),
    "issue_revisit_link": Op(
        "issueRevisitLink",
        "Issue a personal link",
        "A fresh personal link for a task (ops, demo); the SMS is the normal way. Expires after 30 days.",
        (OPS,),
        "Revisits",
        ("not_found", "conflict"),
        "SPEC 5",
        idempotency_key=True,
    ),
    "list_phone_queue": Op(
        "listPhoneQueue", "Phone revisit queue", "The call centre's queue.", (OPS,), "Phone queue", (_V,), "SPEC 5"
    ),
    "record_phone_result": Op(
        "recordPhoneResult",
        "Record a phone revisit",
        "`completed` closes the task; `no_answer` keeps the electronic route open.",
        (OPS,),
        "Phone queue",
        ("not_found", "illegal_transition", _V),
        "SPEC 5 (phone fallback)",
        request_example={"outcome": "completed", "note": "客户确认已收到合同并了解犹豫期"},
        idempotency_key=True,
    ),
    "customer_revisits": Op(
        "listCustomerRevisits",
        "The customer's open revisits",
        "Revisits that may be answered now through WeChat (first-time customers from effective date + 1 day, "
        "returning ones 5 minutes after underwriting).",
        (CUSTOMER_APP,),
        "Revisits",
        ("not_found",),
        "SPEC 5 (WeChat self-service)",
    ),
    "customer_revisit_link": Op(
        "createCustomerRevisitLink",
        "Start a WeChat self-service revisit",
        "A personal link for the customer's own policy.",
        (CUSTOMER_APP,),
        "Revisits",
        ("not_found", "conflict"),
        "SPEC 5 (WeChat self-service)",
        idempotency_key=True,
    ),
    "create_revisit_session": Op(
        "createRevisitSession",
        "Prove identity and get the questions",
        "With the link's token, the ID number's last 6 characters and the birth date. Answers the "
        "questionnaire built from the policy and the minimum answer time.",
        (LINK_HOLDER,),
        "Revisit sessions",
        ("identity_mismatch", "session_locked", *_SESSION_ERRORS),
        "SPEC 5 (identity, questionnaire)",
        request_example={"token": "kQ2d8R5wT1xYzA7", "id_last6": "011237", "birth_date": "1990-01-01"},
        idempotency_key=True,
    ),
    "submit_revisit_session": Op(
        "submitRevisitSession",
        "Submit the answers",
        "All yes and no remark → `completed`; any no or a remark → `problem` (phone queue). Too fast → "
        "`answered_too_fast`; the customer may submit again.",
        (LINK_HOLDER,),
        "Revisit sessions",
        ("answered_too_fast", "illegal_transition", *_SESSION_ERRORS),
        "SPEC 5 (minimum answer time, outcomes)",
        request_example={
            "answers": [{"question_id": f"q{i}", "answer": "yes"} for i in range(1, 7)],
            "remark": None,
        },
        idempotency_key=True,
    ),
    "abort_revisit_session": Op(
        "abortRevisitSession",
        "Stop the questionnaire",
        "The revisit goes to the phone queue.",
        (LINK_HOLDER,),
        "Revisit sessions",
        ("illegal_transition", *_SESSION_ERRORS),
        "SPEC 5 (outcomes)",
        idempotency_key=True,
    ),
    "revisit_page": Op(
        "getRevisitPage",
        "The H5 questionnaire page",
        "A mobile web page in Simplified Chinese: identity step, questions, timer, submit, done.",
        (LINK_HOLDER,),
        "Revisit sessions",
        ("not_found", "link_expired"),
        "SPEC 5 (H5 page)",
    ),
    "revisit_page_without_javascript": Op(
        "postRevisitPageWithoutJavascript",
        "The identity form posted without JavaScript",
        "A browser without JavaScript posts the identity form here (never into the URL); nothing is checked "
        "or kept, the page asks to open the link with JavaScript on.",
        (LINK_HOLDER,),
        "Revisit sessions",
        (),
        "SPEC 5 (H5 page)",
        idempotency_key=True,
    ),
}
