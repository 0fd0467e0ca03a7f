"""The matching rule on plain data: every criterion, hand-computed scores."""

import datetime
from decimal import Decimal

import pytest

from placements import matching
from placements.matching import (
    CRITERIA,
    MET,
    MISSED,
    NEGOTIABLE,
    UNKNOWN,
    CandidateFacts,
    JobFacts,
    evaluate,
)

TODAY = datetime.date(2026, 11, 22)
ALL_CAPS = {"capacity_physical": 3, "capacity_mental": 3, "capacity_pace": 3, "capacity_stimuli": 3}


def cand(**kw):
    base = dict(id=1, status="bemiddelbaar", hours_available=24, radius_km=10, capacities=dict(ALL_CAPS))
    base.update(kw)
    return CandidateFacts(**base)


def job(**kw):
    base = dict(id=7, hours=Decimal("24"), sector="zorg", task_count=1, max_loads={"physical_load": 1})
    base.update(kw)
    return JobFacts(**base)


def reason(match, key):
    return next(r for r in match.reasons if r.criterion == key)


def run(c, j, weights=None, distance=None):
    return evaluate(c, j, weights, distance, TODAY)


# --- Hard constraints -------------------------------------------------------------

def test_hours_below_job_minimum_excludes():
    m = run(cand(hours_available=16), job(hours=Decimal("24"), min_hours=Decimal("20")))
    assert reason(m, "uren").outcome == MISSED
    assert m.excluded


def test_hours_between_minimum_and_full_job_is_met_but_noted():
    m = run(cand(hours_available=20), job(hours=Decimal("24"), min_hours=Decimal("20")))
    r = reason(m, "uren")
    assert r.outcome == MET and "in overleg" in r.text
    assert not m.excluded


def test_hours_without_minimum_use_job_hours():
    assert run(cand(hours_available=23), job(hours=Decimal("24"))).excluded
    assert not run(cand(hours_available=24), job(hours=Decimal("24"))).excluded


def test_distance_outside_radius_excludes_and_inside_scores_closeness():
    far = run(cand(radius_km=10), job(), distance=12.0)
    assert reason(far, "reisafstand").outcome == MISSED and far.excluded
    near = run(cand(radius_km=10), job(), distance=2.5)
    r = reason(near, "reisafstand")
    assert r.outcome == MET and r.score == pytest.approx(0.75)
    assert "2,5 km" in r.text


def test_distance_from_coordinates_when_not_given():
    # Utrecht Dom to Amersfoort station: about 20 km as the crow flies.
    c = cand(radius_km=25, latitude=52.0907, longitude=5.1214)
    j = job(latitude=52.1535, longitude=5.3736)
    m = run(c, j)
    assert m.distance_km == pytest.approx(18.4, abs=0.5)
    assert reason(m, "reisafstand").outcome == MET


def test_unknown_distance_does_not_exclude():
    m = run(cand(), job())
    assert reason(m, "reisafstand").outcome == UNKNOWN
    assert not m.excluded


def test_missing_hard_skill_excludes_and_names_it():
    j = job(hard_skill_ids=frozenset({1, 2}), skill_names={1: "VCA", 2: "Rijbewijs B"})
    m = run(cand(skill_ids=frozenset({1})), j)
    r = reason(m, "harde_eisen")
    assert r.outcome == MISSED and "Rijbewijs B" in r.text and "VCA" not in r.text
    assert m.excluded


def test_free_text_hard_requirement_is_unknown_not_excluding():
    m = run(cand(), job(hard_free_text=("Taaleis 3F",)))
    r = reason(m, "harde_eisen")
    assert r.outcome == UNKNOWN and "Taaleis 3F" in r.text
    assert not m.excluded


@pytest.mark.parametrize("cap_field,task_field,label", [
    ("capacity_physical", "physical_load", "fysiek"),
    ("capacity_mental", "mental_load", "mentaal"),
    ("capacity_pace", "pace", "werktempo"),
    ("capacity_stimuli", "stimuli", "prikkels"),
])
def test_task_load_above_capacity_excludes(cap_field, task_field, label):
    caps = dict(ALL_CAPS, **{cap_field: 2})
    m = run(cand(capacities=caps), job(max_loads={task_field: 3}))
    r = reason(m, "belastbaarheid")
    assert r.outcome == MISSED and label in r.text
    assert m.excluded
    ok = run(cand(capacities=caps), job(max_loads={task_field: 2}))
    assert reason(ok, "belastbaarheid").outcome == MET


def test_unrecorded_capacity_is_unknown():
    m = run(cand(capacities={}), job(max_loads={"physical_load": 3}))
    assert reason(m, "belastbaarheid").outcome == UNKNOWN
    assert not m.excluded


@pytest.mark.parametrize("status", ["aanmelding", "geplaatst", "wachtlijst", "gepauzeerd", "afgesloten"])
def test_unavailable_candidate_is_excluded(status):
    m = run(cand(status=status), job())
    assert reason(m, "beschikbaarheid").outcome == MISSED and m.excluded


def test_available_later_is_met_with_date():
    m = run(cand(available_from=datetime.date(2027, 1, 4)), job())
    r = reason(m, "beschikbaarheid")
    assert r.outcome == MET and "04-01-2027" in r.text


# --- Soft criteria and the score ----------------------------------------------------

def test_negotiable_requirement_missed_is_bespreekbaar_not_excluded():
    j = job(negotiable=((5, "Ervaring met kassa"), (6, "Heftruckcertificaat")))
    m = run(cand(skill_ids=frozenset({5})), j)
    r = reason(m, "bespreekbare_eisen")
    assert r.outcome == NEGOTIABLE
    assert "Heftruckcertificaat" in r.text
    assert r.score == pytest.approx(0.5)
    assert not m.excluded


def test_score_hand_computed():
    """Weights skills 30, negotiable 15, sector 10, interests 10, experience 10,
    education 10, distance 10, quiet 5 (the defaults).

    skills: 1 of 2 -> 0.5 (×30 = 15); negotiable: 1 of 2 -> 0.5 (×15 = 7.5);
    sector wished -> 1 (×10 = 10); interests 'koken' vs job text 'Keukenhulp ... koken'
    -> 1 (×10 = 10); experience empty -> unknown (not counted); education job 0 ->
    not counted; distance 4 of 10 km -> 0.6 (×10 = 6); quiet not needed -> not counted.
    Counted weights: 30+15+10+10+10 = 75; points 15+7.5+10+10+6 = 48.5; 48.5/75 = 64.67 -> 65.
    """
    c = cand(skill_ids=frozenset({1, 5}), wished_sectors=("horeca",), interests="Koken en bakken")
    j = job(
        sector="horeca",
        text="Keukenhulp: groente snijden, koken",
        wanted_skill_ids=frozenset({1, 2}),
        negotiable=((5, "Hygiënecode"), (6, "Ervaring in de keuken")),
    )
    m = run(c, j, distance=4.0)
    assert m.score == 65


def test_score_with_region_weights():
    """Only skills (weight 1) and sector (weight 3) count: skills 0/1 -> 0, sector 1 -> 3; 3/4 = 75."""
    weights = {"skills": 1, "sector": 3}
    c = cand(wished_sectors=("zorg",))
    j = job(wanted_skill_ids=frozenset({9}), sector="zorg")
    assert run(c, j, weights).score == 75


def test_score_is_zero_when_nothing_can_be_judged():
    assert run(cand(), job(task_count=0, max_loads={})).score == 0


def test_education_quiet_interests_experience():
    c = cand(education_level=2, needs_quiet=True, interests="dieren", experience="schoonmaken kantoor")
    j = job(education_level=3, task_count=2, all_quiet=False, text="Schoonmaak van kantoren")
    m = run(c, j)
    assert reason(m, "opleiding").outcome == MISSED
    assert reason(m, "rustige_werkplek").outcome == NEGOTIABLE
    assert reason(m, "interesses").outcome == MISSED
    assert reason(m, "ervaring").outcome == MET  # 'schoon' and 'kantoo' are shared


def test_explanation_names_every_criterion():
    m = run(cand(), job())
    assert [r.criterion for r in m.reasons] == [c.key for c in CRITERIA]
    for r in m.reasons:
        assert r.label and r.text and r.outcome in matching.OUTCOME_LABELS


def test_keywords_cut_words_to_six_letters():
    assert matching.keywords("Schoonmaken, de schoonmaak!") == {"schoon"}


def test_fast_scorer_always_gives_the_rule_score():
    """candidates_for_job ranks with JobScorer and explains with evaluate: they must agree."""
    import random

    rng = random.Random(7)
    words = ["koken", "schoonmaak", "tuin", "dieren", "post", "magazijn", "kassa", ""]
    for _ in range(3000):
        j = job(
            sector=rng.choice(["zorg", "horeca"]),
            education_level=rng.randint(0, 3),
            text=" ".join(rng.sample(words, 3)),
            wanted_skill_ids=frozenset(rng.sample(range(8), rng.randint(0, 4))),
            negotiable=tuple((rng.choice([None, 1, 2, 3]), "eis") for _ in range(rng.randint(0, 3))),
            task_count=rng.randint(0, 2),
            all_quiet=rng.random() < 0.5,
        )
        weights = {key: rng.choice([0, 1, 5, 10, 30]) for key in matching.DEFAULT_WEIGHTS}
        row = {
            "travel_radius_km": rng.choice([0, 5, 10, 25]),
            "wished_sectors": rng.sample(["zorg", "horeca", "groen"], rng.randint(0, 2)),
            "interests": " ".join(rng.sample(words, 2)),
            "experience": rng.choice(words),
            "education_level": rng.randint(0, 4),
            "needs_quiet_workplace": rng.random() < 0.3,
        }
        skills = frozenset(rng.sample(range(8), rng.randint(0, 5)))
        distance = rng.choice([None, 0.0, rng.uniform(0, row["travel_radius_km"])])
        c = cand(skill_ids=skills, radius_km=row["travel_radius_km"], wished_sectors=tuple(row["wished_sectors"]),
                 interests=row["interests"], experience=row["experience"], education_level=row["education_level"],
                 needs_quiet=row["needs_quiet_workplace"])
        expected = run(c, j, weights, distance).score
        assert matching.JobScorer(j, weights)(row, skills, distance) == expected
