"""Tier programs as data (SPEC 2, 7.1): the shipped YAML files, their validation and derived dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services.tiering.programs import NONE, PROGRAMS_DIR, ProgramError, load_program, parse_program

STARS = load_program("stars")
LEVELS = load_program("levels")
CARDS = load_program("cards")
D = dt.date
STARS_TEXT = (PROGRAMS_DIR / "stars.yaml").read_text(encoding="utf-8")


def test_programs_ship_spec_tier_codes_and_chinese_names() -> None:
    assert STARS.tier_name("star_5") == "五星客户"
    assert LEVELS.tier_name("diamond") == "钻石客户"
    assert CARDS.tier_name("diamond") == "都会钻石卡"
    assert CARDS.tier_name("health_gold") == "都会健康金卡"
    assert STARS.subject == "holder" and LEVELS.subject == "holder" and CARDS.subject == "insured"
    assert STARS.changes.review_dates == ["03-31", "06-30", "09-30", "12-31"]
    assert LEVELS.changes.review_dates == ["06-30", "12-31"]


def test_program_validation_names_the_bad_key(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "programs" / "stars.yaml").read_text(encoding="utf-8")
    bad = text.replace('min_score: "10000.00"', 'min_score: "ten thousand"')
    with pytest.raises(ProgramError, match=r"stars\.yaml: tiers\.1\.min_score"):
        parse_program(bad, tmp_path / "stars.yaml")
    with pytest.raises(ProgramError, match=r"formula\.standard_premium\.coef_divisor_yearz"):
        parse_program(text.replace("coef_divisor_years: 10", "coef_divisor_yearz: 10"), tmp_path / "stars.yaml")
    with pytest.raises(ProgramError, match=r"changes\.review_dates"):
        parse_program(text.replace('"03-31"', '"02-30"'), tmp_path / "stars.yaml")
    with pytest.raises(ProgramError, match="min_score must increase"):
        parse_program(text.replace('min_score: "300000.00"', 'min_score: "20000.00"'), tmp_path / "stars.yaml")
    with pytest.raises(ProgramError, match="VIP_PROGRAM"):
        load_program("platinum")


def test_rank_puts_none_at_zero_and_the_ladder_low_to_high() -> None:
    assert STARS.rank == {NONE: 0, "star_1": 1, "star_2": 2, "star_3": 3, "star_4": 4, "star_5": 5}
    assert CARDS.rank["health_gold"] == 3 and CARDS.rank["platinum"] == 4


def test_tier_name_of_none_and_of_no_tier_and_an_unknown_code() -> None:
    assert STARS.tier_name(NONE) == "非星级客户"
    assert STARS.tier_name(None) is None
    with pytest.raises(KeyError):
        STARS.tier_name("diamond")  # a levels code is not a stars tier


def test_review_dates_and_the_next_one_wraps_into_the_next_year() -> None:
    assert STARS.is_review_date(D(2026, 6, 30)) and not STARS.is_review_date(D(2026, 7, 1))
    assert STARS.next_review_date(D(2026, 3, 30)) == D(2026, 3, 31)
    assert STARS.next_review_date(D(2026, 3, 31)) == D(2026, 6, 30)  # strictly after
    assert STARS.next_review_date(D(2026, 12, 31)) == D(2027, 3, 31)
    assert LEVELS.next_review_date(D(2026, 7, 1)) == D(2026, 12, 31)


def test_a_program_without_review_dates_has_no_next_one(tmp_path: Path) -> None:
    text = STARS_TEXT.replace("downgrade: review_with_grace", "downgrade: immediate").replace(
        'review_dates: ["03-31", "06-30", "09-30", "12-31"]', "review_dates: []"
    )
    program = parse_program(text, tmp_path / "stars.yaml")
    assert not program.is_review_date(D(2026, 3, 31))
    with pytest.raises(ValueError, match="no review dates"):
        program.next_review_date(D(2026, 1, 1))


def test_review_dates_are_sorted_and_a_grace_downgrade_needs_them(tmp_path: Path) -> None:
    shuffled = STARS_TEXT.replace('["03-31", "06-30", "09-30", "12-31"]', '["12-31", "03-31"]')
    assert parse_program(shuffled, tmp_path / "stars.yaml").changes.review_dates == ["03-31", "12-31"]
    empty = STARS_TEXT.replace('["03-31", "06-30", "09-30", "12-31"]', "[]")
    with pytest.raises(ProgramError, match="needs review_dates"):
        parse_program(empty, tmp_path / "stars.yaml")


def test_the_ladder_must_be_the_spec_codes(tmp_path: Path) -> None:
    with pytest.raises(ProgramError, match=r"tiers must be, low to high"):
        parse_program(STARS_TEXT.replace("code: star_5", "code: star_6"), tmp_path / "stars.yaml")


def test_file_level_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ProgramError, match=r"stars\.yaml: not valid YAML"):
        parse_program("program: [stars", tmp_path / "stars.yaml")
    with pytest.raises(ProgramError, match=r"stars\.yaml: \(root\): must be a mapping"):
        parse_program("- stars\n", tmp_path / "stars.yaml")
    with pytest.raises(ProgramError, match=r"levels\.yaml: program: 'stars' does not match the file name"):
        parse_program(STARS_TEXT, tmp_path / "levels.yaml")
    with pytest.raises(ProgramError, match="program file not found"):
        load_program("stars", tmp_path)


def test_load_program_reads_another_directory(tmp_path: Path) -> None:
    (tmp_path / "stars.yaml").write_text(STARS_TEXT.replace("cooling_off_days: 15", "cooling_off_days: 20"))
    assert load_program("stars", tmp_path).cooling_off_days == 20


def test_negative_top_up_factor_is_refused(tmp_path: Path) -> None:
    text = (PROGRAMS_DIR / "levels.yaml").read_text(encoding="utf-8")
    bad = text.replace('ad_hoc: "0.10"', 'ad_hoc: "-0.10"')
    assert bad != text
    with pytest.raises(ProgramError, match="factor for ad_hoc must be >= 0"):
        parse_program(bad, tmp_path / "levels.yaml")
