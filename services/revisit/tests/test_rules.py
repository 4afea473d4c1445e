"""SPEC 5 rules, pure (no database): task eligibility, schedule, office hours, WeChat, questionnaire, outcome."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from services.revisit import mapping, rules
from services.revisit.tests.helpers import at, new_customer, policy_doc


def facts(**overrides: object) -> rules.PolicyFacts:
    first = bool(overrides.pop("first_policy", True))
    doc = policy_doc(new_customer(), **overrides)
    return mapping.facts_of_document("P2026050800001", doc, holder_customer_id="C1", first_policy_of_holder=first)


SEEN = at("2026-05-08 15:31:00")


# --- task eligibility -----------------------------------------------------------------------------
class TestTaskEligibility:
    def test_new_individual_policy_longer_than_one_year_gets_an_electronic_task(self) -> None:
        decision = rules.decide_task(facts(), SEEN)
        assert decision.create and decision.electronic and decision.initial_status == "pending"

    @pytest.mark.parametrize(
        ("coverage_years", "create"), [(None, True), (20, True), (2, True), (1, False), (0, False)]
    )
    def test_coverage_longer_than_one_year_only_and_null_is_whole_life(
        self, coverage_years: int | None, create: bool
    ) -> None:
        decision = rules.decide_task(facts(coverage_years=coverage_years), SEEN)
        assert decision.create is create
        if not create:
            assert decision.reason == "coverage_one_year_or_less"

    def test_group_channel_is_not_an_individual_policy(self) -> None:
        decision = rules.decide_task(facts(channel="group"), SEEN)
        assert not decision.create and decision.reason == "group_policy"

    @pytest.mark.parametrize("channel", ["agency", "bancassurance", "direct", "broker"])
    def test_individual_channels_get_a_task(self, channel: str) -> None:
        assert rules.decide_task(facts(channel=channel), SEEN).create

    def test_new_means_first_seen_inside_the_cooling_off_period_end_day_inclusive(self) -> None:
        f = facts()  # cooling-off ends 2026-05-24
        assert rules.decide_task(f, at("2026-05-24 23:59:59")).create
        late = rules.decide_task(f, at("2026-05-25 00:00:00"))
        assert not late.create and late.reason == "not_new_past_cooling_off"

    def test_portfolio_import_with_old_underwriting_date_gets_no_task(self) -> None:
        old = facts(underwritten_at="2025-01-10T11:00:00+08:00", effective_date="2025-01-11", cooling_off_end=None)
        assert old.cooling_off_end == dt.date(2025, 1, 26)  # default: effective + 15 days
        assert not rules.decide_task(old, SEEN).create

    @pytest.mark.parametrize("status", ["cancelled_in_cooling_off", "surrendered", "lapsed"])
    def test_policy_not_in_force_gets_no_task(self, status: str) -> None:
        assert not rules.decide_task(facts(status=status), SEEN).create

    def test_passport_holder_goes_straight_to_the_phone_queue(self) -> None:
        decision = rules.decide_task(facts(holder={"id_type": "passport", "id_no": "E12345678"}), SEEN)
        assert decision.create and not decision.electronic and decision.initial_status == "phone_queue"

    def test_paper_contract_goes_straight_to_the_phone_queue(self) -> None:
        decision = rules.decide_task(facts(electronic_contract=False), SEEN)
        assert decision.create and not decision.electronic and decision.reason == "not_electronic_eligible"

    def test_electronic_eligible_needs_resident_id_and_electronic_contract(self) -> None:
        assert rules.electronic_eligible("resident_id", True)
        assert not rules.electronic_eligible("resident_id", False)
        assert not rules.electronic_eligible("hk_macau_permit", True)


# --- SMS batches ---------------------------------------------------------------------------------------
class TestSmsBatch:
    def test_handbook_example_batch_of_0508_covers_0507_1000_to_0508_1000(self) -> None:
        start, end = rules.sms_batch_window(dt.date(2026, 5, 8))
        assert (start, end) == (at("2026-05-07 10:00:00"), at("2026-05-08 10:00:00"))

    @pytest.mark.parametrize(
        ("underwritten", "batch"),
        [
            ("2026-05-08 09:59:59", "2026-05-08 10:00:00"),  # last second of the window
            ("2026-05-08 10:00:00", "2026-05-09 10:00:00"),  # the window is half-open: next day's batch
            ("2026-05-07 10:00:00", "2026-05-08 10:00:00"),  # first second of the window
            ("2026-05-08 15:30:00", "2026-05-09 10:00:00"),
            ("2026-05-08 00:00:00", "2026-05-08 10:00:00"),
            ("2026-12-31 23:59:59", "2027-01-01 10:00:00"),
        ],
    )
    def test_batch_window_edges(self, underwritten: str, batch: str) -> None:
        due = rules.first_sms_due(at(underwritten))
        assert due == at(batch)
        start, end = rules.sms_batch_window(due.date())
        assert start <= at(underwritten) < end

    def test_window_is_local_time_even_for_utc_input(self) -> None:
        utc = dt.datetime(2026, 5, 8, 1, 59, 59, tzinfo=dt.UTC)  # 09:59:59 in Shanghai
        assert rules.first_sms_due(utc) == at("2026-05-08 10:00:00")
        assert rules.first_sms_due(utc + dt.timedelta(seconds=1)) == at("2026-05-09 10:00:00")

    def test_second_sms_three_days_after_the_first_at_1000(self) -> None:
        assert rules.second_sms_due(at("2026-05-08 10:00:00")) == at("2026-05-11 10:00:00")
        # a catch-up batch run later in the day still gives the second SMS at 10:00
        assert rules.second_sms_due(at("2026-05-08 14:20:00")) == at("2026-05-11 10:00:00")


# --- phone escalation and office hours -------------------------------------------------------------------
class TestPhoneFallback:
    def test_escalation_when_not_completed_within_three_days_after_the_effective_date(self) -> None:
        assert rules.phone_escalation_due(dt.date(2026, 5, 9)) == at("2026-05-13 00:00:00")

    @pytest.mark.parametrize(
        ("moment", "open_"),
        [
            ("2026-09-28 09:00:00", True),  # Monday opening
            ("2026-09-28 08:59:59", False),
            ("2026-09-28 17:29:59", True),
            ("2026-09-28 17:30:00", False),  # 17:30 is closed
            ("2026-09-27 10:00:00", False),  # Sunday
            ("2026-10-01 10:00:00", False),  # National Day
            ("2026-10-10 10:00:00", True),  # Saturday make-up working day (调休)
            ("2026-09-20 10:00:00", True),  # Sunday make-up working day
        ],
    )
    def test_call_centre_office_hours_working_days_0900_1730(self, moment: str, open_: bool) -> None:
        assert rules.is_office_time(at(moment)) is open_

    @pytest.mark.parametrize(
        ("moment", "next_open"),
        [
            ("2026-09-28 10:15:00", "2026-09-28 10:15:00"),
            ("2026-09-28 07:00:00", "2026-09-28 09:00:00"),
            ("2026-09-28 17:30:00", "2026-09-29 09:00:00"),
            ("2026-09-30 17:45:00", "2026-10-08 09:00:00"),  # National Day days off skipped
            ("2026-10-09 18:00:00", "2026-10-10 09:00:00"),  # make-up Saturday
            ("2026-10-10 18:00:00", "2026-10-12 09:00:00"),
        ],
    )
    def test_next_office_time(self, moment: str, next_open: str) -> None:
        assert rules.next_office_time(at(moment)) == at(next_open)


# --- WeChat self-service ---------------------------------------------------------------------------------------
class TestWeChatEligibility:
    def test_handbook_example_first_time_customer_from_effective_date_plus_one_day(self) -> None:
        # insured 2020/5/8, effective 2020/5/9, first-time customer -> from 2020/5/10
        assert rules.wechat_available_from(True, dt.date(2020, 5, 9), at("2020-05-08 15:30:00")) == at(
            "2020-05-10 00:00:00"
        )

    def test_returning_customer_five_minutes_after_underwriting(self) -> None:
        assert rules.wechat_available_from(False, dt.date(2020, 5, 9), at("2020-05-08 15:30:00")) == at(
            "2020-05-08 15:35:00"
        )


# --- questionnaire ----------------------------------------------------------------------------------------------
class TestQuestionnaire:
    def test_handbook_example_questionnaire_six_questions_quoting_the_policy(self) -> None:
        questions = rules.build_questions(facts())
        assert [q.id for q in questions] == ["q1", "q2", "q3", "q4", "q5", "q6"]
        texts = {q.id: q.text for q in questions}
        assert texts["q1"] == "是否收到（电子）保险合同？"
        assert texts["q3"] == (
            "所投保的长生福优加重大疾病保险（计划一）保险产品是分期性缴费的，缴费期限是20年，保险期限是终身，"
            "每年需缴纳保险费为3233元，是否了解？"
        )
        assert texts["q4"].startswith("这个产品是有疾病等待期的，详细情况请查看保险合同相关条款。")
        assert "15天内为犹豫期" in texts["q6"]
        assert "责任免除" in texts["q5"]

    def test_waiting_period_is_mentioned_for_health_products_only(self) -> None:
        q4 = {
            q.id: q.text
            for q in rules.build_questions(
                facts(product={"code": "X", "name": "长生金账户年金保险", "kind": "traditional"})
            )
        }["q4"]
        assert "等待期" not in q4
        assert q4.startswith("投保单上填写的投保人及被保险人的健康状况")

    def test_question_2_not_asked_when_the_insured_is_under_18(self) -> None:
        child = facts(
            insured={"customer_id": None, "name": "丁小明", "id_no": "110101201001011238", "birth_date": "2010-01-01"}
        )
        ids = [q.id for q in rules.build_questions(child)]
        assert ids == ["q1", "q3", "q4", "q5", "q6"]

    @pytest.mark.parametrize(("birth", "asked"), [("2008-05-08", True), ("2008-05-09", False)])
    def test_insured_age_is_taken_on_the_underwriting_date(self, birth: str, asked: bool) -> None:
        f = facts(insured={"birth_date": birth})  # underwritten 2026-05-08
        assert ("q2" in [q.id for q in rules.build_questions(f)]) is asked

    def test_single_premium_and_fixed_term_are_quoted(self) -> None:
        f = facts(payment_mode="single", payment_years=1, coverage_years=10, annual_premium=Decimal("100000.50"))
        q3 = {q.id: q.text for q in rules.build_questions(f)}["q3"]
        assert "一次性缴费" in q3 and "保险期限是10年" in q3 and "100000.50元" in q3

    def test_intro_greets_the_holder_by_name_and_quotes_the_policy(self) -> None:
        intro = rules.build_intro(facts(), "长生人寿")
        assert intro.startswith("尊敬的丁华清先生：")
        assert "长生福优加重大疾病保险（计划一）" in intro and "P2026050800001" in intro
        female = dataclasses.replace(facts(), holder_id_no="110101199001011244")
        assert rules.build_intro(female, "长生人寿").startswith("尊敬的丁华清女士：")


# --- identity, minimum time, outcome --------------------------------------------------------------------------------
class TestAnswering:
    def test_identity_is_last_six_of_id_and_birth_date(self) -> None:
        assert rules.identity_matches("11010119900101123X", dt.date(1990, 1, 1), "01123x", dt.date(1990, 1, 1))
        assert not rules.identity_matches("110101199001011234", dt.date(1990, 1, 1), "011235", dt.date(1990, 1, 1))
        assert not rules.identity_matches("110101199001011234", dt.date(1990, 1, 1), "011234", dt.date(1990, 1, 2))

    def test_locked_after_five_failures(self) -> None:
        assert not rules.identity_locked(4)
        assert rules.identity_locked(5)

    def test_minimum_answer_time_60_seconds_server_measured(self) -> None:
        shown = at("2026-05-09 10:00:00")
        assert rules.seconds_remaining(shown, shown + dt.timedelta(seconds=59.5), 60) == pytest.approx(0.5)
        assert rules.seconds_remaining(shown, shown + dt.timedelta(seconds=60), 60) == 0
        assert rules.seconds_remaining(shown, shown + dt.timedelta(seconds=5), 60) == 55

    IDS = ["q1", "q2", "q3", "q4", "q5", "q6"]

    def test_all_yes_and_no_remark_is_completed(self) -> None:
        assert rules.decide_outcome(self.IDS, dict.fromkeys(self.IDS, "yes"), None) == "completed"
        assert rules.decide_outcome(self.IDS, dict.fromkeys(self.IDS, "yes"), "   ") == "completed"

    def test_any_no_is_a_problem_case(self) -> None:
        answers = dict.fromkeys(self.IDS, "yes") | {"q3": "no"}
        assert rules.decide_outcome(self.IDS, answers, None) == "problem"

    def test_a_remark_makes_a_problem_case(self) -> None:
        assert rules.decide_outcome(self.IDS, dict.fromkeys(self.IDS, "yes"), "缴费期限和业务员说的不一样") == "problem"

    @pytest.mark.parametrize(
        "answers",
        [
            dict.fromkeys(["q1", "q2", "q3", "q4", "q5"], "yes"),  # q6 missing
            dict.fromkeys(["q1", "q2", "q3", "q4", "q5", "q6", "q7"], "yes"),  # unknown question
            dict.fromkeys(["q1", "q2", "q3", "q4", "q5", "q6"], "maybe"),
        ],
    )
    def test_answers_must_match_the_questions_asked(self, answers: dict[str, str]) -> None:
        with pytest.raises(rules.AnswerError):
            rules.decide_outcome(self.IDS, answers, None)

    def test_question_2_answer_is_refused_when_it_was_not_asked(self) -> None:
        asked = ["q1", "q3", "q4", "q5", "q6"]
        with pytest.raises(rules.AnswerError):
            rules.decide_outcome(asked, dict.fromkeys([*asked, "q2"], "yes"), None)


# --- links and SMS texts -----------------------------------------------------------------------------------------------
class TestLinks:
    def test_link_expires_30_days_after_issue(self) -> None:
        issued = at("2026-05-09 10:00:00")
        expires = rules.link_expires_at(issued)
        assert expires == at("2026-06-08 10:00:00")
        assert not rules.link_expired(expires, expires - dt.timedelta(seconds=1))
        assert rules.link_expired(expires, expires)

    def test_token_is_stored_hashed(self) -> None:
        digest = rules.hash_token("abc")
        assert digest == rules.hash_token("abc") and "abc" not in digest and len(digest) == 64

    def test_sms_texts_are_chinese_with_the_personal_link(self) -> None:
        url = rules.revisit_url("http://127.0.0.1:8000/", "TOKEN123")
        assert url == "http://127.0.0.1:8000/r/TOKEN123"
        first = rules.first_sms_text(facts(), url, "长生人寿", "400-820-8599")
        second = rules.second_sms_text(facts(), url, "长生人寿", "400-820-8599")
        for text in (first, second):
            assert text.startswith("【长生人寿】尊敬的丁华清先生")
            assert url in text and "电子化回访" in text and "30天内有效" in text
        assert "尚未完成" in second
