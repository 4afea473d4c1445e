"""Revisit pure domain rules (SPEC 5): plain values in, decisions out, no I/O.

Everything here is testable in milliseconds: which policies get a revisit task, the 10:00 SMS
batch window, the second SMS, the phone escalation, call-centre office hours, WeChat self-service
eligibility, the questionnaire text built from the policy, and the outcome of a set of answers.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from contracts.policy import Channel, IdType, PaymentMode, PolicyStatus, ProductKind
from vipkit.calendar import CalendarUnknown, WorkingCalendar
from vipkit.clock import SHANGHAI, local_datetime
from vipkit.dates import age_on

# --- the schedule (SPEC 5, handbook 004) ---------------------------------------------------------
SMS_BATCH_TIME = dt.time(10, 0)
"""The daily SMS batch runs at 10:00 local time for policies underwritten in [yesterday 10:00, today 10:00)."""
SECOND_SMS_AFTER_DAYS = 3
PHONE_ESCALATION_AFTER_DAYS = 3
"""Not completed within 3 days after the effective date -> phone queue."""
RETURNING_CUSTOMER_WECHAT_DELAY = dt.timedelta(minutes=5)
FIRST_TIME_CUSTOMER_WECHAT_DELAY_DAYS = 1
OFFICE_OPENS = dt.time(9, 0)
OFFICE_CLOSES = dt.time(17, 30)
OFFICE_HOURS_TEXT = "工作日 9:00-17:30"
DEFAULT_COOLING_OFF_DAYS = 15
LINK_TTL_DAYS = 30
MAX_IDENTITY_ATTEMPTS = 5
REMARK_MAX_CHARS = 200
DEFAULT_MIN_ANSWER_SECONDS = 60

TaskStatus = Literal["pending", "sms_sent", "completed", "problem", "phone_queue", "closed"]
TASK_STATUSES: tuple[str, ...] = ("pending", "sms_sent", "completed", "problem", "phone_queue", "closed")
FINISHED_STATUSES = frozenset({"completed", "closed"})
PhoneReason = Literal["not_eligible", "escalation", "problem", "aborted"]
Outcome = Literal["completed", "problem"]
Answer = Literal["yes", "no"]


# --- policy facts --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PolicyFacts:
    """What the revisit needs to know about a policy (from ``policy.changed.v1``)."""

    policy_no: str
    holder_customer_id: str
    holder_name: str
    holder_id_type: str
    holder_id_no: str
    holder_birth_date: dt.date
    insured_name: str
    insured_birth_date: dt.date
    product_name: str
    product_kind: str
    channel: str
    payment_mode: str
    payment_years: int
    coverage_years: int | None
    annual_premium: Decimal
    status: str
    underwritten_at: dt.datetime
    effective_date: dt.date
    cooling_off_end: dt.date
    electronic_contract: bool
    first_policy_of_holder: bool


def cooling_off_end(effective_date: dt.date, given: dt.date | None) -> dt.date:
    """犹豫期满日: as given, else effective date + 15 days (SPEC 7 policy body)."""
    return given or effective_date + dt.timedelta(days=DEFAULT_COOLING_OFF_DAYS)


def local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every rule time is aware (Asia/Shanghai)")
    return moment.astimezone(SHANGHAI)


# --- task eligibility ----------------------------------------------------------------------------
def is_individual(channel: str) -> bool:
    """Group business is not an individual policy (no revisit of the member)."""
    return channel != Channel.group.value


def coverage_longer_than_one_year(coverage_years: int | None) -> bool:
    """001: 100% revisit of new policies with a coverage period longer than one year (null = whole life)."""
    return coverage_years is None or coverage_years > 1


def is_new_policy(seen_at: dt.datetime, cooling_off_end_date: dt.date) -> bool:
    """'New' = first seen while still inside its cooling-off period (cooling-off end day inclusive)."""
    return local(seen_at).date() <= cooling_off_end_date


def electronic_eligible(holder_id_type: str, electronic_contract: bool) -> bool:
    """004: 使用身份证进行投保、收到电子保险合同的投保人 -> electronic revisit; otherwise phone."""
    return holder_id_type == IdType.resident_id.value and electronic_contract


@dataclass(frozen=True, slots=True)
class TaskDecision:
    create: bool
    reason: str
    electronic: bool = False

    @property
    def initial_status(self) -> TaskStatus:
        return "pending" if self.electronic else "phone_queue"


def decide_task(facts: PolicyFacts, seen_at: dt.datetime) -> TaskDecision:
    """Whether a policy first seen at ``seen_at`` gets a revisit task, and by which route."""
    if not is_individual(facts.channel):
        return TaskDecision(False, "group_policy")
    if not coverage_longer_than_one_year(facts.coverage_years):
        return TaskDecision(False, "coverage_one_year_or_less")
    if facts.status != PolicyStatus.in_force.value:
        return TaskDecision(False, f"policy_{facts.status}")
    if not is_new_policy(seen_at, facts.cooling_off_end):
        return TaskDecision(False, "not_new_past_cooling_off")
    electronic = electronic_eligible(facts.holder_id_type, facts.electronic_contract)
    return TaskDecision(True, "electronic" if electronic else "not_electronic_eligible", electronic)


# --- SMS schedule and escalation ------------------------------------------------------------------
def sms_batch_window(batch_day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The policies the batch of ``batch_day`` 10:00 covers: underwritten in [previous day 10:00, 10:00)."""
    end = local_datetime(batch_day, SMS_BATCH_TIME.hour, SMS_BATCH_TIME.minute)
    return end - dt.timedelta(days=1), end


def first_sms_due(underwritten_at: dt.datetime) -> dt.datetime:
    """The 10:00 batch whose window contains ``underwritten_at`` (the first 10:00 strictly after it)."""
    u = local(underwritten_at)
    day = u.date() if u.time() < SMS_BATCH_TIME else u.date() + dt.timedelta(days=1)
    _start, end = sms_batch_window(day)
    return end


def second_sms_due(first_sms_at: dt.datetime) -> dt.datetime:
    """3 days after the first SMS, at 10:00 (sent only if the revisit is still not done)."""
    day = local(first_sms_at).date() + dt.timedelta(days=SECOND_SMS_AFTER_DAYS)
    return local_datetime(day, SMS_BATCH_TIME.hour, SMS_BATCH_TIME.minute)


def phone_escalation_due(effective_date: dt.date) -> dt.datetime:
    """Not completed within 3 days after the effective date: from the end of the 3rd day after it.

    Effective 2026-05-09 -> the days 05-10, 05-11, 05-12 are allowed; due 2026-05-13 00:00 (the
    10:00 run that day escalates it).
    """
    return local_datetime(effective_date + dt.timedelta(days=PHONE_ESCALATION_AFTER_DAYS + 1), 0)


def wechat_available_from(
    first_policy_of_holder: bool, effective_date: dt.date, underwritten_at: dt.datetime
) -> dt.datetime:
    """WeChat self-service: first-time customers from effective date + 1 day; returning ones underwriting + 5 min."""
    if first_policy_of_holder:
        return local_datetime(effective_date + dt.timedelta(days=FIRST_TIME_CUSTOMER_WECHAT_DELAY_DAYS), 0)
    return local(underwritten_at) + RETURNING_CUSTOMER_WECHAT_DELAY


# --- call-centre office hours ---------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def official_calendar() -> WorkingCalendar:
    """The package's official years only (until booking's ops-maintained calendar has arrived)."""
    return WorkingCalendar()


def is_working_day(day: dt.date, cal: WorkingCalendar | None = None) -> bool:
    """Mainland China working day by booking's ops-maintained calendar: make-up weekend days (调休) work,
    statutory days off don't. In a year with no known schedule (ops were warned from 1 December) the
    call centre is assumed to work Monday to Friday rather than stop the phone queue."""
    try:
        return (cal or official_calendar()).is_working_day(day)
    except CalendarUnknown:
        return day.isoweekday() < 6


def is_office_time(moment: dt.datetime, cal: WorkingCalendar | None = None) -> bool:
    """The call centre calls on working days 9:00-17:30 local time."""
    t = local(moment)
    return is_working_day(t.date(), cal) and OFFICE_OPENS <= t.time() < OFFICE_CLOSES


def next_office_time(moment: dt.datetime, cal: WorkingCalendar | None = None) -> dt.datetime:
    """``moment`` if inside office hours, else the next opening (9:00 of the next working day)."""
    t = local(moment)
    if is_office_time(t, cal):
        return t
    day = t.date() if t.time() < OFFICE_OPENS else t.date() + dt.timedelta(days=1)
    for _ in range(60):
        if is_working_day(day, cal):
            return local_datetime(day, OFFICE_OPENS.hour, OFFICE_OPENS.minute)
        day += dt.timedelta(days=1)
    raise ValueError(f"no working day within 60 days after {t.date()}")


# --- questionnaire ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str


def format_yuan(amount: Decimal) -> str:
    """``3233.00`` -> ``3233``; ``3233.50`` -> ``3233.50`` (as the handbook quotes premiums)."""
    q = amount.quantize(Decimal("0.01"))
    return str(q.quantize(Decimal(1))) if q == q.to_integral_value() else str(q)


def honorific(id_type: str, id_no: str) -> str:
    """先生/女士 from the resident ID's 17th digit (odd male, even female); 客户 otherwise."""
    if id_type == IdType.resident_id.value and len(id_no) == 18 and id_no[16].isdigit():
        return "先生" if int(id_no[16]) % 2 == 1 else "女士"
    return ""


def greeting_name(facts: PolicyFacts) -> str:
    return f"{facts.holder_name}{honorific(facts.holder_id_type, facts.holder_id_no)}"


def build_intro(facts: PolicyFacts, insurer: str) -> str:
    return (
        f"尊敬的{greeting_name(facts)}：\n感谢您购买了我们的{facts.product_name}，保单号{facts.policy_no}，"
        f"为了更好地给您提供保险服务，{insurer}现针对您所购买的保险产品进行回访，请您认真阅读访问问题并作答，感谢您的配合。"
    )


def coverage_text(coverage_years: int | None) -> str:
    return "终身" if coverage_years is None else f"{coverage_years}年"


def payment_text(facts: PolicyFacts) -> str:
    premium = format_yuan(facts.annual_premium)
    if facts.payment_mode == PaymentMode.single.value:
        return (
            f"一次性缴费（趸交）的，缴费期限是一次交清，保险期限是{coverage_text(facts.coverage_years)}，"
            f"需一次性缴纳保险费为{premium}元"
        )
    return (
        f"分期性缴费的，缴费期限是{facts.payment_years}年，保险期限是{coverage_text(facts.coverage_years)}，"
        f"每年需缴纳保险费为{premium}元"
    )


def insured_is_minor(facts: PolicyFacts) -> bool:
    """Age of the insured on the underwriting date (when the proposal was signed)."""
    return age_on(facts.insured_birth_date, local(facts.underwritten_at).date()) < 18


def build_questions(facts: PolicyFacts) -> list[Question]:
    """The SPEC 5 questionnaire (handbook 004 wording), built from the policy.

    q2 (signed by holder and insured themselves) is not asked when the insured is under 18; q4
    mentions the waiting period for health products; q6 quotes the cooling-off period in days.
    """
    cooling_days = (facts.cooling_off_end - facts.effective_date).days or DEFAULT_COOLING_OFF_DAYS
    waiting = (
        "这个产品是有疾病等待期的，详细情况请查看保险合同相关条款。"
        if facts.product_kind == ProductKind.health.value
        else ""
    )
    questions = [Question("q1", "是否收到（电子）保险合同？")]
    if not insured_is_minor(facts):
        questions.append(Question("q2", "投保单和投保提示书是否由投保人及被保险人亲自签署或确认？"))
    questions += [
        Question("q3", f"所投保的{facts.product_name}保险产品是{payment_text(facts)}，是否了解？"),
        Question(
            "q4",
            f"{waiting}投保单上填写的投保人及被保险人的健康状况是否都是投保人及被保险人提供并确认？"
            "如果有遗漏可能会影响合同的效力。",
        ),
        Question("q5", "是否已经了解这款保险产品的产品说明书、合同条款，特别是保险责任、责任免除等相关内容？"),
        Question(
            "q6",
            f"在签收保险合同之日/网上投保结束之日起{cooling_days}天内为犹豫期，犹豫期内您可以要求无条件解除保险合同；"
            "犹豫期后解除保险合同您会有一定的损失，是否了解？",
        ),
    ]
    return questions


# --- identity, timing, outcome ----------------------------------------------------------------------
def identity_matches(id_no: str, birth_date: dt.date, id_last6: str, given_birth_date: dt.date) -> bool:
    """The built-in verifier: last 6 characters of the ID number (X case-insensitive) and birth date."""
    return id_no[-6:].upper() == id_last6.strip().upper() and birth_date == given_birth_date


def identity_locked(failed_attempts: int, max_attempts: int = MAX_IDENTITY_ATTEMPTS) -> bool:
    return failed_attempts >= max_attempts


def seconds_remaining(shown_at: dt.datetime, now: dt.datetime, min_seconds: float) -> float:
    """How long the customer must still wait before submitting (0 when allowed); server-measured."""
    elapsed = (now - shown_at).total_seconds()
    return max(0.0, float(min_seconds) - elapsed)


class AnswerError(ValueError):
    """The answers do not match the questions asked."""


def normalize_remark(remark: str | None) -> str | None:
    if remark is None:
        return None
    stripped = remark.strip()
    return stripped or None


def decide_outcome(question_ids: list[str], answers: dict[str, str], remark: str | None) -> Outcome:
    """All yes and no remark -> completed; any no, or a remark -> problem (问题件)."""
    asked = set(question_ids)
    missing = [q for q in question_ids if q not in answers]
    unknown = sorted(set(answers) - asked)
    if unknown:
        raise AnswerError(f"unknown question ids: {', '.join(unknown)}")
    if missing:
        raise AnswerError(f"unanswered questions: {', '.join(missing)}")
    bad = sorted(q for q, a in answers.items() if a not in ("yes", "no"))
    if bad:
        raise AnswerError(f"answers must be yes or no: {', '.join(bad)}")
    if any(answers[q] == "no" for q in question_ids) or normalize_remark(remark) is not None:
        return "problem"
    return "completed"


# --- links and texts --------------------------------------------------------------------------------
def hash_token(token: str) -> str:
    """Tokens are stored only as their SHA-256 (a database leak does not leak live links)."""
    return hashlib.sha256(token.encode()).hexdigest()


def link_expires_at(issued_at: dt.datetime, ttl_days: int = LINK_TTL_DAYS) -> dt.datetime:
    return issued_at + dt.timedelta(days=ttl_days)


def link_expired(expires_at: dt.datetime, now: dt.datetime) -> bool:
    return now >= expires_at


def revisit_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/r/{token}"


def first_sms_text(facts: PolicyFacts, url: str, insurer: str, hotline: str, ttl_days: int = LINK_TTL_DAYS) -> str:
    return (
        f"【{insurer}】尊敬的{greeting_name(facts)}，感谢您投保{facts.product_name}（保单号{facts.policy_no}）。"
        f"为保障您的权益，请点击链接完成保单电子化回访：{url} ，链接{ttl_days}天内有效。"
        f"如有疑问请致电{hotline}（工作日9:00-17:30）。"
    )


def second_sms_text(facts: PolicyFacts, url: str, insurer: str, hotline: str, ttl_days: int = LINK_TTL_DAYS) -> str:
    return (
        f"【{insurer}】尊敬的{greeting_name(facts)}，您投保的{facts.product_name}（保单号{facts.policy_no}）"
        f"尚未完成电子化回访，请点击链接完成回访：{url} ，链接{ttl_days}天内有效。"
        f"如有疑问请致电{hotline}（工作日9:00-17:30）。"
    )
