"""The public HTTP contract of the revisit service (SPEC 5, 7): runs, questionnaire, H5 page, ops, WeChat.

Time is driven with ``X-Test-Now`` (the test clock), never with sleeps.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from typing import Any

import httpx
import pytest

from contracts.events import Topic
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import (
    HOLDER_BIRTH,
    STAFF,
    at,
    customer_headers,
    deliver,
    new_customer,
    new_policy_no,
    now_header,
    outbox_events,
    policy_event,
    task_of,
)

UA = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0"}
ALL_YES = [{"question_id": f"q{i}", "answer": "yes"} for i in range(1, 7)]


async def setup_task(
    h: RevisitHarness, *, first_policy: bool = True, **overrides: Any
) -> tuple[str, str, dict[str, Any]]:
    customer, policy_no = new_customer(), new_policy_no()
    assert (
        await deliver(h.runner, policy_event(customer, policy_no, first_policy=first_policy, **overrides))
        == "processed"
    )
    return customer, policy_no, await task_of(h.client, policy_no)


async def issue_link(client: httpx.AsyncClient, task_id: str, when: str = "2026-05-09 10:05:00") -> str:
    res = await client.post(f"/api/v1/revisits/{task_id}/link", headers={**STAFF, **now_header(when)})
    assert res.status_code == 201, res.text
    body = res.json()
    assert body["url"] == f"http://127.0.0.1:8000/r/{body['token']}"
    return str(body["token"])


async def start(
    client: httpx.AsyncClient, token: str, when: str, last6: str = "011234", birth: str = HOLDER_BIRTH
) -> httpx.Response:
    return await client.post(
        "/api/v1/revisit-sessions",
        json={"token": token, "id_last6": last6, "birth_date": birth},
        headers={**UA, **now_header(when)},
    )


async def submit(
    client: httpx.AsyncClient,
    session_id: str,
    when: str,
    answers: list[dict[str, str]] = ALL_YES,
    remark: str | None = None,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/revisit-sessions/{session_id}/submit",
        json={"answers": answers, "remark": remark},
        headers={**UA, **now_header(when)},
    )


# --- the questionnaire ---------------------------------------------------------------------------------
async def test_identity_then_questions_too_fast_refused_later_accepted_and_double_submit_has_one_effect(
    harness: RevisitHarness,
) -> None:
    client = harness.client
    _customer, policy_no, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])

    wrong = await start(client, token, "2026-05-09 12:00:00", last6="999999")
    assert wrong.status_code == 422 and wrong.json()["code"] == "identity_mismatch"
    assert wrong.json()["attempts_left"] == 4

    ok = await start(client, token, "2026-05-09 12:00:00")
    assert ok.status_code == 201, ok.text
    body = ok.json()
    assert [q["id"] for q in body["questions"]] == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert body["min_seconds"] == 60 and body["seconds_remaining"] == 60
    assert "3233元" in body["questions"][2]["text"] and body["intro"].startswith("尊敬的丁华清先生")
    session_id = body["session_id"]

    # showing the questions again (reload) keeps the same session and its running clock
    again = await start(client, token, "2026-05-09 12:00:20")
    assert again.json()["session_id"] == session_id and again.json()["seconds_remaining"] == 40

    too_fast = await submit(client, session_id, "2026-05-09 12:00:59")
    assert too_fast.status_code == 422 and too_fast.json()["code"] == "answered_too_fast"
    assert too_fast.json()["seconds_remaining"] == 1
    assert (await task_of(client, policy_no))["status"] == "pending"

    done = await submit(client, session_id, "2026-05-09 12:01:00")
    assert done.status_code == 200, done.text
    assert done.json()["outcome"] == "completed" and done.json()["already_submitted"] is False
    assert done.json()["task_status"] == "completed"

    twice = await submit(client, session_id, "2026-05-09 12:02:00", answers=[{"question_id": "q1", "answer": "no"}])
    assert twice.status_code == 200
    assert twice.json()["outcome"] == "completed" and twice.json()["already_submitted"] is True

    events = await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no, to_status="completed")
    assert len(events) == 1
    assert events[0]["data"]["outcome"] == "completed" and len(events[0]["data"]["answers"]) == 6

    # the full audit record: questions as shown, answers, timestamps, IP and user agent
    audit = (await client.get(f"/api/v1/revisits/{task['task_id']}", headers=STAFF)).json()
    session = audit["sessions"][0]
    assert session["questions"] == body["questions"]
    assert [a["answer"] for a in session["answers"]] == ["yes"] * 6
    assert session["answers"][2]["text"] == body["questions"][2]["text"]
    assert session["shown_at"] == "2026-05-09T12:00:00+08:00" and session["submitted_at"] == "2026-05-09T12:01:00+08:00"
    assert session["too_fast_attempts"] == 1 and session["identity_attempts"] == 2
    assert session["ip"] and "MicroMessenger" in session["user_agent"]
    assert [a["matched"] for a in audit["identity_attempts"]] == [False, True, True]

    # a finished revisit cannot be started again
    closed = await start(client, token, "2026-05-09 12:03:00")
    assert closed.status_code == 409 and closed.json()["code"] == "conflict"


async def test_any_no_is_a_problem_case_in_the_phone_queue_with_the_answers(harness: RevisitHarness) -> None:
    client = harness.client
    customer, policy_no, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    session_id = (await start(client, token, "2026-05-09 12:00:00")).json()["session_id"]
    answers = [dict(a) for a in ALL_YES]
    answers[0]["answer"] = "no"
    res = await submit(client, session_id, "2026-05-09 12:05:00", answers=answers, remark="没有收到电子合同")
    assert res.status_code == 200 and res.json()["outcome"] == "problem" and res.json()["task_status"] == "problem"
    assert "电话" in res.json()["message"]
    queue = (await client.get("/api/v1/phone-queue", params={"customer_id": customer}, headers=STAFF)).json()["items"]
    assert len(queue) == 1 and queue[0]["reason"] == "problem" and queue[0]["remark"] == "没有收到电子合同"
    assert queue[0]["answers"][0] == {"question_id": "q1", "text": "是否收到（电子）保险合同？", "answer": "no"}
    assert queue[0]["holder_mobile"] == "138****8000"
    event = (await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no, to_status="problem"))[0]
    assert event["data"]["outcome"] == "problem" and event["data"]["remark"] == "没有收到电子合同"

    # a problem case cannot be closed electronically: a no-answer call does not reopen the link
    await client.post(
        f"/api/v1/phone-queue/{queue[0]['item_id']}/result",
        json={"outcome": "no_answer"},
        headers={**STAFF, **now_header("2026-05-11 10:00:00")},
    )
    assert (await start(client, token, "2026-05-11 11:00:00")).status_code == 409


async def test_remark_is_at_most_200_characters_and_answers_must_match_the_questions(harness: RevisitHarness) -> None:
    client = harness.client
    _, _, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    session_id = (await start(client, token, "2026-05-09 12:00:00")).json()["session_id"]
    long = await submit(client, session_id, "2026-05-09 12:05:00", remark="字" * 201)
    assert long.status_code == 422 and long.json()["code"] == "validation_error"
    assert long.json()["errors"][0]["field"] == "remark"
    partial = await submit(client, session_id, "2026-05-09 12:05:00", answers=ALL_YES[:5])
    assert partial.status_code == 422 and partial.json()["code"] == "validation_error"
    ok = await submit(client, session_id, "2026-05-09 12:05:00", remark="字" * 200)
    assert ok.status_code == 200 and ok.json()["outcome"] == "problem"


async def test_under_18_insured_is_not_asked_question_2(harness: RevisitHarness) -> None:
    client = harness.client
    _, _, task = await setup_task(
        harness,
        insured={"customer_id": None, "name": "丁小明", "id_no": "110101201001011238", "birth_date": "2010-01-01"},
    )
    token = await issue_link(client, task["task_id"])
    body = (await start(client, token, "2026-05-09 12:00:00")).json()
    assert [q["id"] for q in body["questions"]] == ["q1", "q3", "q4", "q5", "q6"]
    answers = [{"question_id": q["id"], "answer": "yes"} for q in body["questions"]]
    res = await submit(client, body["session_id"], "2026-05-09 12:01:00", answers=answers)
    assert res.json()["outcome"] == "completed"


async def test_session_locked_after_five_identity_failures(harness: RevisitHarness) -> None:
    client = harness.client
    _, _, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    codes = [(await start(client, token, "2026-05-09 12:00:00", birth="1991-01-01")).json()["code"] for _ in range(5)]
    assert codes == ["identity_mismatch"] * 4 + ["session_locked"]
    locked = await start(client, token, "2026-05-09 12:10:00")  # even the right answer
    assert locked.status_code == 423 and locked.json()["code"] == "session_locked"
    assert (await start(client, token, "2026-05-10 12:00:01")).status_code == 201  # lock lasts 24 h


async def test_abort_sends_the_revisit_to_the_phone_queue(harness: RevisitHarness) -> None:
    client = harness.client
    customer, policy_no, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    session_id = (await start(client, token, "2026-05-09 12:00:00")).json()["session_id"]
    res = await client.post(f"/api/v1/revisit-sessions/{session_id}/abort", headers=now_header("2026-05-09 12:00:30"))
    assert res.status_code == 200 and res.json()["outcome"] == "aborted" and res.json()["task_status"] == "phone_queue"
    assert (await submit(client, session_id, "2026-05-09 12:02:00")).status_code == 409
    queue = (await client.get("/api/v1/phone-queue", params={"customer_id": customer}, headers=STAFF)).json()["items"]
    assert [i["reason"] for i in queue] == ["aborted"]
    events = await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no, outcome="aborted")
    assert len(events) == 1


async def test_link_expires_after_30_days(harness: RevisitHarness) -> None:
    client = harness.client
    _, _, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"], "2026-05-09 10:05:00")
    assert (await start(client, token, "2026-06-08 10:04:59")).status_code == 201
    expired = await start(client, token, "2026-06-08 10:05:00")
    assert expired.status_code == 410 and expired.json()["code"] == "link_expired"
    unknown = await start(client, "x" * 43, "2026-05-09 12:00:00")
    assert unknown.status_code == 404 and unknown.json()["code"] == "not_found"


# --- the H5 page ----------------------------------------------------------------------------------------------
async def test_h5_page_is_chinese_self_contained_and_friendly_for_bad_links(harness: RevisitHarness) -> None:
    client = harness.client
    _, _, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    page = await client.get(f"/r/{token}", headers=now_header("2026-05-09 12:00:00"))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'lang="zh-CN"' in page.text and "身份验证" in page.text and "提交" in page.text
    assert "http" not in page.text.split("<body>")[0].replace("http-equiv", "")  # no external CDN in <head>
    assert (
        page.headers["referrer-policy"] == "no-referrer"
        and "script-src 'self'" in page.headers["content-security-policy"]
    )
    for asset in ("revisit.js", "revisit.css"):  # versioned URLs: a changed file gets a new one
        versioned = re.search(rf'"(/r/static/{asset}\?v=[0-9a-f]{{12}})"', page.text)
        assert versioned, page.text
        assert (await client.get(versioned.group(1))).status_code == 200
    gone = await client.get(f"/r/{token}", headers=now_header("2026-06-09 12:00:00"))
    assert gone.status_code == 410 and "链接已过期" in gone.text
    missing = await client.get("/r/not-a-real-token", headers=now_header("2026-05-09 12:00:00"))
    assert missing.status_code == 404 and "链接无效" in missing.text


# --- runs --------------------------------------------------------------------------------------------------------
async def test_runs_endpoint_batch_edges_idempotent_and_staff_only(harness: RevisitHarness) -> None:
    client = harness.client
    _, in_batch, _ = await setup_task(harness, underwritten_at="2026-05-08T09:59:59+08:00")
    _, next_batch, _ = await setup_task(harness, underwritten_at="2026-05-08T10:00:00+08:00")
    body = {"as_of": "2026-05-08T10:00:00+08:00"}
    headers = {**STAFF, **now_header("2026-05-08 10:00:00")}
    first = await client.post("/api/v1/revisits/runs", json=body, headers=headers)
    assert first.status_code == 200, first.text
    assert in_batch in first.json()["first_sms_policies"] and next_batch not in first.json()["first_sms_policies"]
    again = await client.post("/api/v1/revisits/runs", json=body, headers=headers)
    assert in_batch not in again.json()["first_sms_policies"]
    sent = await client.get("/api/v1/revisits", params={"status": "sms_sent", "policy_no": in_batch}, headers=STAFF)
    assert len(sent.json()["items"]) == 1 and sent.json()["items"][0]["first_sms_at"] == "2026-05-08T10:00:00+08:00"
    customer = await client.post("/api/v1/revisits/runs", json=body, headers=customer_headers("C1"))
    assert customer.status_code == 403
    naive = await client.post("/api/v1/revisits/runs", json={"as_of": "2026-05-08T10:00:00"}, headers=STAFF)
    assert naive.status_code == 422 and naive.json()["code"] == "validation_error"


# --- phone queue -------------------------------------------------------------------------------------------------------
async def test_phone_no_answer_keeps_the_electronic_route_open_and_completed_closes(harness: RevisitHarness) -> None:
    client = harness.client
    customer, policy_no, _task = await setup_task(harness)
    await client.post(
        "/api/v1/revisits/runs",
        json={"as_of": "2026-05-13T10:00:00+08:00"},
        headers={**STAFF, **now_header("2026-05-13 10:00:00")},
    )
    assert (await task_of(client, policy_no))["status"] == "phone_queue"
    item = (await client.get("/api/v1/phone-queue", params={"customer_id": customer}, headers=STAFF)).json()["items"][0]
    assert item["reason"] == "escalation"

    failed = await client.post(
        f"/api/v1/phone-queue/{item['item_id']}/result",
        json={"outcome": "no_answer", "note": "无人接听"},
        headers={**STAFF, **now_header("2026-05-13 11:00:00")},
    )
    assert failed.status_code == 200 and failed.json()["attempts"] == 1 and failed.json()["status"] == "open"
    assert (await task_of(client, policy_no))["electronic_open"] is True
    assert await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no, outcome="phone_failed")
    # the customer may still answer electronically (WeChat self-service lists it)
    listed = await client.get(
        f"/api/v1/customers/{customer}/revisits",
        headers={**customer_headers(customer), **now_header("2026-05-13 12:00:00")},
    )
    assert [i["policy_no"] for i in listed.json()["items"]] == [policy_no]

    done = await client.post(
        f"/api/v1/phone-queue/{item['item_id']}/result",
        json={"outcome": "completed"},
        headers={**STAFF, **now_header("2026-05-13 14:00:00")},
    )
    assert done.status_code == 200 and done.json()["status"] == "done"
    closed = await task_of(client, policy_no)
    assert closed["status"] == "closed" and closed["closed_at"] == "2026-05-13T14:00:00+08:00"
    repeat = await client.post(
        f"/api/v1/phone-queue/{item['item_id']}/result", json={"outcome": "completed"}, headers=STAFF
    )
    assert repeat.status_code == 200
    late = await client.post(
        f"/api/v1/phone-queue/{item['item_id']}/result", json={"outcome": "no_answer"}, headers=STAFF
    )
    assert late.status_code == 409 and late.json()["code"] == "illegal_transition"
    assert (
        len(await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no, to_status="closed")) == 1
    )


# --- WeChat entry ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first_policy", "before", "from_"),
    [
        (True, "2026-05-09 23:59:59", "2026-05-10 00:00:00"),  # first-time: effective date (05-09) + 1 day
        (False, "2026-05-08 15:34:59", "2026-05-08 15:35:00"),  # returning: underwriting (15:30) + 5 minutes
    ],
)
async def test_wechat_lists_what_the_customer_may_answer_now(
    harness: RevisitHarness, first_policy: bool, before: str, from_: str
) -> None:
    client = harness.client
    customer, policy_no, task = await setup_task(harness, first_policy=first_policy)
    headers = customer_headers(customer)

    early = await client.get(f"/api/v1/customers/{customer}/revisits", headers={**headers, **now_header(before)})
    assert early.status_code == 200 and early.json()["items"] == []
    refused = await client.post(
        f"/api/v1/customers/{customer}/revisits/{task['task_id']}/link", headers={**headers, **now_header(before)}
    )
    assert refused.status_code == 409

    now = await client.get(f"/api/v1/customers/{customer}/revisits", headers={**headers, **now_header(from_)})
    items = now.json()["items"]
    assert [i["policy_no"] for i in items] == [policy_no] and items[0]["available_from"] == at(from_).isoformat()
    link = await client.post(
        f"/api/v1/customers/{customer}/revisits/{task['task_id']}/link", headers={**headers, **now_header(from_)}
    )
    assert link.status_code == 201 and link.json()["url"].startswith("http://127.0.0.1:8000/r/")


async def test_customers_see_only_their_own_revisits(harness: RevisitHarness) -> None:
    client = harness.client
    customer, _, task = await setup_task(harness)
    other = customer_headers(new_customer())
    assert (await client.get(f"/api/v1/customers/{customer}/revisits", headers=other)).status_code == 404
    assert (
        await client.post(f"/api/v1/customers/{customer}/revisits/{task['task_id']}/link", headers=other)
    ).status_code == 404
    assert (await client.get(f"/api/v1/customers/{customer}/revisits")).status_code == 401
    assert (await client.get("/api/v1/revisits", headers=customer_headers(customer))).status_code == 403
    assert (await client.get("/api/v1/phone-queue", headers=customer_headers(customer))).status_code == 403


async def test_ops_list_filters_by_status_and_masks_identity(harness: RevisitHarness) -> None:
    client = harness.client
    _, eligible, _ = await setup_task(harness)
    _, phone, _ = await setup_task(harness, electronic_contract=False)
    pending = (
        await client.get("/api/v1/revisits", params={"status": "pending", "policy_no": eligible}, headers=STAFF)
    ).json()
    assert len(pending["items"]) == 1 and pending["next_cursor"] is None
    queued = (
        await client.get("/api/v1/revisits", params={"status": "phone_queue", "policy_no": phone}, headers=STAFF)
    ).json()
    assert len(queued["items"]) == 1 and queued["items"][0]["holder_id_no"] == "110101********1234"
    bad = await client.get("/api/v1/revisits", params={"status": "nonsense"}, headers=STAFF)
    assert bad.status_code == 422
    assert dt.date.fromisoformat(queued["items"][0]["effective_date"]) == dt.date(2026, 5, 9)


async def test_escalated_revisit_completed_electronically_leaves_the_phone_queue(harness: RevisitHarness) -> None:
    client = harness.client
    customer, policy_no, task = await setup_task(harness)
    await client.post(
        "/api/v1/revisits/runs",
        json={"as_of": "2026-05-13T10:00:00+08:00"},
        headers={**STAFF, **now_header("2026-05-13 10:00:00")},
    )
    token = await issue_link(client, task["task_id"], "2026-05-13 10:30:00")
    session_id = (await start(client, token, "2026-05-13 11:00:00")).json()["session_id"]
    assert (await submit(client, session_id, "2026-05-13 11:02:00")).json()["task_status"] == "completed"
    queue = (
        await client.get("/api/v1/phone-queue", params={"customer_id": customer, "status": "done"}, headers=STAFF)
    ).json()
    assert [(i["policy_no"], i["outcome"]) for i in queue["items"]] == [(policy_no, "completed_electronically")]
    assert (await client.get("/api/v1/phone-queue", params={"customer_id": customer}, headers=STAFF)).json()[
        "items"
    ] == []


async def test_concurrent_double_submit_has_one_effect(harness: RevisitHarness) -> None:
    client = harness.client
    _, policy_no, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    session_id = (await start(client, token, "2026-05-09 12:00:00")).json()["session_id"]
    results = await asyncio.gather(*(submit(client, session_id, "2026-05-09 12:01:30") for _ in range(4)))
    assert [r.status_code for r in results] == [200] * 4
    assert sorted(r.json()["already_submitted"] for r in results) == [False, True, True, True]
    assert (
        len(await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no, to_status="completed"))
        == 1
    )


async def test_concurrent_runs_send_each_sms_once(harness: RevisitHarness) -> None:
    client = harness.client
    customers = [(await setup_task(harness))[0] for _ in range(3)]
    headers = {**STAFF, **now_header("2026-05-09 10:00:00")}
    body = {"as_of": "2026-05-09T10:00:00+08:00"}
    results = await asyncio.gather(
        *(client.post("/api/v1/revisits/runs", json=body, headers=headers) for _ in range(3))
    )
    assert [r.status_code for r in results] == [200] * 3
    assert sum(r.json()["first_sms"] for r in results) == 3
    for customer in customers:
        assert len(await outbox_events(harness.db, Topic.notification_requested.value, customer_id=customer)) == 1


async def test_remarks_are_masked_and_too_fast_submissions_are_audited_with_answers_time_ip_and_user_agent(
    harness: RevisitHarness,
) -> None:
    """SPEC 5 audit + SPEC 7 masking: a remark with a mobile or ID number is never returned in clear."""
    client = harness.client
    customer, _policy_no, task = await setup_task(harness)
    token = await issue_link(client, task["task_id"])
    session_id = (await start(client, token, "2026-05-09 12:00:00")).json()["session_id"]
    remark = "请打13912345678联系我，身份证110101199001011234"
    answers = [dict(a) for a in ALL_YES]
    answers[5]["answer"] = "no"
    fast = await submit(client, session_id, "2026-05-09 12:00:30", answers=answers, remark=remark)
    assert fast.status_code == 422 and fast.json()["code"] == "answered_too_fast"
    done = await submit(client, session_id, "2026-05-09 12:01:10", answers=answers, remark=remark)
    assert done.status_code == 200 and done.json()["outcome"] == "problem"

    detail = await client.get(f"/api/v1/revisits/{task['task_id']}", headers=STAFF)
    queue = await client.get("/api/v1/phone-queue", params={"customer_id": customer}, headers=STAFF)
    for res in (detail, queue):
        assert res.status_code == 200
        assert "13912345678" not in res.text and "110101199001011234" not in res.text
    masked = "请打139****5678联系我，身份证110101********1234"
    audit = detail.json()
    assert audit["sessions"][0]["remark"] == masked and queue.json()["items"][0]["remark"] == masked
    [refused] = audit["refused_submissions"]
    assert refused["session_id"] == session_id and refused["refusal"] == "answered_too_fast"
    assert refused["at"] == "2026-05-09T12:00:30+08:00" and refused["seconds_remaining"] == 30
    assert [a["answer"] for a in refused["answers"]] == ["yes"] * 5 + ["no"] and refused["remark"] == masked
    assert refused["ip"] and "MicroMessenger" in refused["user_agent"]
