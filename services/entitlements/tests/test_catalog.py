"""Catalog tables per program (SPEC 3): which tier gets which service and how many units."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.entitlements.catalog import CATALOG_DIR, SERVICE_CODES, CatalogError, load_catalog, load_catalog_file

U = None  # unlimited
STARS_ALL = ("star_1", "star_2", "star_3", "star_4", "star_5")


def quotas(program: str) -> dict[str, dict[str, int | None]]:
    return {s.service_code: {t: g.quota for t, g in s.tiers.items()} for s in load_catalog(program).services}


def test_stars_catalog_table_000():
    assert quotas("stars") == {
        "health_assessment": dict.fromkeys(STARS_ALL, U),
        "health_consultation": dict.fromkeys(STARS_ALL, U),
        "checkup_discount": dict.fromkeys(STARS_ALL, U),
        "registration_self": dict.fromkeys(STARS_ALL, U),
        "registration_phone": {"star_3": U, "star_4": U, "star_5": U},
        "registration_assisted": {"star_4": U, "star_5": U},
        "registration_referral": {"star_5": 3},
        "second_opinion_domestic": {"star_2": 2, "star_3": 2, "star_4": 2, "star_5": 2},
        "second_opinion_international": {"star_4": U, "star_5": U},
        "overseas_referral": {"star_4": U, "star_5": U},
        "child_dental_discount": dict.fromkeys(STARS_ALL, U),
        "child_courses": {"star_1": 2, "star_2": 3, "star_3": 4, "star_4": 5, "star_5": U},
        "road_rescue": {"star_2": U, "star_3": U, "star_4": U, "star_5": U},
    }
    c = load_catalog("stars")
    so = c.service("second_opinion_domestic")
    assert so is not None and so.booking is not None and so.booking.kind == "request"
    assert so.booking.sla is not None and (
        so.booking.sla.contact_working_days,
        so.booking.sla.opinion_working_days,
    ) == (1, 10)
    assert so.beneficiaries.holder and so.beneficiaries.insured
    assert set(so.beneficiaries.relations) == {"spouse", "parent", "child", "spouse_parent"}
    checkup = c.service("checkup_discount")
    assert checkup is not None and checkup.booking is not None
    assert checkup.booking.advance_working_days == 3  # SPEC 4.2: N = 3 for stars checkups
    for code in ("second_opinion_international", "overseas_referral", "registration_referral", "child_courses"):
        entry = c.service(code)
        assert entry is not None and entry.beneficiaries.relations == () and entry.beneficiaries.holder
    child_dental = c.service("child_dental_discount")
    assert child_dental is not None and child_dental.beneficiaries.max_age == 18
    assert child_dental.beneficiaries.relations == ("child",) and not child_dental.beneficiaries.holder
    rescue = c.service("road_rescue")
    assert rescue is not None and rescue.sub_items and all(i.quota == 1 for i in rescue.sub_items)
    assert {s.service_code for s in c.services if s.bookable} == {
        "checkup_discount",
        "registration_assisted",
        "registration_referral",
        "second_opinion_domestic",
    }


def test_levels_catalog_table_001():
    assert quotas("levels") == {
        "service_festival": {"mass": U, "pearl": U, "gold": U, "platinum": U, "diamond": U},
        "claim_hospital_visit": {"pearl": U, "gold": U, "platinum": U, "diamond": U},
        "health_advisor": {"pearl": U, "gold": U, "platinum": U, "diamond": U},
        "dental_cleaning": {"gold": 1, "platinum": 1, "diamond": 1},
        "health_checkup": {"platinum": 1, "diamond": 1},
        "expert_outpatient": {"platinum": 1, "diamond": 1},
        "special_exam": {"diamond": 1},
    }
    c = load_catalog("levels")
    dental = c.service("dental_cleaning")
    assert dental is not None
    assert {t: g.package for t, g in dental.tiers.items()} == {
        "gold": "classic",
        "platinum": "premium",
        "diamond": "exclusive",
    }
    checkup = c.service("health_checkup")
    assert checkup is not None
    assert len(checkup.tiers["platinum"].options) == 2 and len(checkup.tiers["diamond"].options) == 3
    expert = c.service("expert_outpatient")
    assert expert is not None
    assert expert.tiers["diamond"].designated_expert and not expert.tiers["platinum"].designated_expert
    for code in ("dental_cleaning", "health_checkup", "expert_outpatient", "special_exam"):
        entry = c.service(code)
        assert entry is not None and entry.bookable and entry.booking is not None
        assert entry.period == "calendar_year"
        assert set(entry.beneficiaries.relations) == {"spouse", "parent", "child"}
        assert (entry.booking.kind, entry.booking.advance_working_days) == ("appointment", 2)
        assert (entry.booking.cancel_cutoff_working_days, entry.booking.cancel_cutoff_hour) == (1, 12)


def test_cards_catalog_table_002():
    assert quotas("cards") == {
        "domestic_rescue": {"silver": U, "gold": U, "health_gold": U, "platinum": U, "diamond": U},
        "international_rescue": {"gold": U, "health_gold": U, "platinum": U, "diamond": U},
        "phone_doctor": {"gold": U, "health_gold": U, "platinum": U, "diamond": U},
        "vip_checkup": {"health_gold": 1, "platinum": 1, "diamond": 1},
        "customer_events": {"platinum": U, "diamond": U},
        "global_courtesy": {"diamond": U},
    }
    c = load_catalog("cards")
    checkup = c.service("vip_checkup")
    assert checkup is not None
    assert {t: checkup.period_for(t) for t in checkup.tiers} == {
        "health_gold": "two_years",
        "platinum": "two_years",
        "diamond": "calendar_year",
    }
    assert c.waiting_period_days == 30
    assert c.relatives.max_count == 2 and c.relatives.fixed_once_designated
    assert c.relatives.max_age_at_designation == 64 and c.relatives.tiers == ("platinum", "diamond")
    rescue = c.service("domestic_rescue")
    assert rescue is not None and rescue.beneficiaries.max_age == 65
    assert rescue.beneficiaries_for("silver").relations == ()
    assert set(rescue.beneficiaries_for("diamond").relations) == {"spouse", "parent", "child"}


@pytest.mark.parametrize("program", ["stars", "levels", "cards"])
def test_every_catalog_uses_spec_codes_and_wire_shape(program):
    c = load_catalog(program)
    assert {s.service_code for s in c.services} <= SERVICE_CODES
    wire = c.to_wire()
    assert wire["program"] == program
    for entry in wire["services"]:
        assert set(entry) >= {"service_code", "name", "tiers", "period", "beneficiaries", "bookable", "booking"}
        assert (entry["booking"] is None) == (not entry["bookable"])
        for grant in entry["tiers"].values():
            assert "quota" in grant and "package" in grant


def _write(tmp_path: Path, program: str, text: str) -> Path:
    path = tmp_path / f"{program}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _levels_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (CATALOG_DIR / "levels.yaml").read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, "levels", text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "gold: {quota: 1, package: classic",
            "golden: {quota: 1, package: classic",
            "services[3](dental_cleaning).tiers.golden",
        ),
        (
            "platinum: {quota: 1, designated_expert: false}",
            "platinum: {quota: -1}",
            "services[5](expert_outpatient).tiers.platinum.quota",
        ),
        (
            "service_code: special_exam",
            "service_code: special_exams",
            "service_code: unknown service code 'special_exams'",
        ),
        (
            "    bookable: true\n    booking: {kind: appointment",
            "    bookable: true\n    bookin: {kind: appointment",
            "bookin",
        ),
        ("relations: [spouse, parent, child]   #", "relations: [spouse, parent, cousin]   #", "relatives.relations"),
        ("advance_working_days: 2", "advance_working_days: 0", "advance_working_days"),
    ],
)
def test_invalid_catalog_stops_start_up_naming_the_bad_key(tmp_path, old, new, message):
    path = _levels_with(tmp_path, old, new)
    with pytest.raises(CatalogError) as err:
        load_catalog_file(path, "levels")
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_catalog_for_another_program_or_missing_is_refused(tmp_path):
    path = _write(tmp_path, "stars", (CATALOG_DIR / "levels.yaml").read_text(encoding="utf-8"))
    with pytest.raises(CatalogError, match="program: 'levels' but the file is for 'stars'"):
        load_catalog_file(path, "stars")
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog_file(tmp_path / "cards.yaml", "cards")


def test_app_refuses_to_start_with_a_bad_catalog(tmp_path):
    from services.entitlements.main import create_app
    from services.entitlements.settings import EntitlementsSettings
    from vipkit.settings import CommonSettings

    _levels_with(tmp_path, "gold: {quota: 1, package: classic", "gold: {quota: many, package: classic")
    with pytest.raises(CatalogError, match=r"tiers\.gold\.quota"):
        create_app(
            EntitlementsSettings(catalog_dir=str(tmp_path), database_url="sqlite:///" + str(tmp_path / "x.db")),
            CommonSettings(env="test", program="levels", kafka_enabled=False, scheduler="off"),
        )
