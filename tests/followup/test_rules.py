"""Pure due-date rules (placements.followup): no database."""

import datetime

import pytest

from placements import followup
from placements.followup import NazorgCadence, Window, add_months, start_window_for_months

D = datetime.date


def test_default_cadence_is_week_1_2_4_8_then_monthly_to_6_then_quarterly_then_half_yearly():
    labels = [o.label for o in NazorgCadence().offsets]
    assert labels[:10] == ["week 1", "week 2", "week 4", "week 8", "maand 3", "maand 4", "maand 5", "maand 6",
                           "maand 9", "maand 12"]
    assert "maand 24" in labels and "maand 27" not in labels
    assert labels[labels.index("maand 24") + 1:][:3] == ["maand 30", "maand 36", "maand 42"]


def test_contact_dates_from_start():
    start = D(2026, 1, 31)
    dates = [o.apply(start) for o in NazorgCadence().offsets[:6]]
    assert dates == [D(2026, 2, 7), D(2026, 2, 14), D(2026, 2, 28), D(2026, 3, 28), D(2026, 4, 30), D(2026, 5, 31)]


def test_region_cadence_is_configurable():
    cadence = NazorgCadence(early_weeks=(2,), monthly_until_month=3, quarterly_until_month=6, stable_interval_months=12)
    assert [o.label for o in cadence.offsets][:6] == ["week 2", "maand 2", "maand 3", "maand 6", "maand 18",
                                                       "maand 30"]


@pytest.mark.parametrize("value,expected", [("1,2,4,8", (1, 2, 4, 8)), (" 3 , 6", (3, 6)), ("", ())])
def test_parse_weeks(value, expected):
    assert followup.parse_weeks(value) == expected


@pytest.mark.parametrize("value", ["a", "0", "1,-2", "200"])
def test_parse_weeks_refuses_nonsense(value):
    with pytest.raises(ValueError):
        followup.parse_weeks(value)


def test_start_window_for_months_is_exact_around_month_ends():
    """Brute force over two years: the window holds exactly the starts that land in the target."""
    starts = [D(2025, 1, 1) + datetime.timedelta(days=i) for i in range(800)]
    for target in (Window(D(2026, 2, 26), D(2026, 3, 2)), Window(D(2026, 2, 28), D(2026, 2, 28)),
                   Window(D(2026, 4, 30), D(2026, 5, 1)), Window(D(2025, 12, 31), D(2026, 1, 6))):
        for months in (1, 3, 5, 6, 12):
            expected = [s for s in starts if add_months(s, months) in target]
            found = start_window_for_months(target, months)
            got = [s for s in starts if found and s in found]
            assert got == expected, (target, months)


def test_start_windows_cover_exactly_the_cadence_contacts():
    cadence = NazorgCadence()
    window = Window(D(2026, 3, 1), D(2026, 3, 8))
    ranges = followup.start_windows(cadence, window)
    for i in range(3000):
        start = D(2018, 1, 1) + datetime.timedelta(days=i)
        has_contact = bool(followup.nazorg_contacts(start, cadence, window))
        assert has_contact == any(start in r for r in ranges), start


def test_interval_override():
    start = D(2026, 1, 1)
    got = followup.interval_contacts(start, 14, Window(D(2026, 1, 10), D(2026, 2, 1)))
    assert [c for c, _ in got] == [D(2026, 1, 15), D(2026, 1, 29)]
    assert followup.interval_contacts(start, 0, Window(start, start)) == []


def test_anchor_window_right_day_not_the_day_before():
    trial_end = D(2026, 3, 20)
    assert not followup.is_triggered(trial_end, 14, D(2026, 3, 5), catch_up_days=7)
    assert followup.is_triggered(trial_end, 14, D(2026, 3, 6), catch_up_days=7)
    # Caught up for a week when the beat was down, then no longer.
    assert followup.is_triggered(trial_end, 14, D(2026, 3, 13), catch_up_days=7)
    assert not followup.is_triggered(trial_end, 14, D(2026, 3, 14), catch_up_days=7)


def test_lead_times_come_from_settings(settings):
    settings.WSP = {**settings.WSP, "LEAD_TIMES": {"trial_end": 21}}
    lead = followup.lead_times()
    assert lead["trial_end"] == 21
    assert lead["contract_end"] == 42  # default kept


def test_working_days():
    assert followup.is_working_day(D(2026, 3, 6))  # Friday
    assert not followup.is_working_day(D(2026, 3, 7))


def test_dedup_key_shape():
    assert followup.dedup_key("contract_einde", "abc", D(2026, 1, 2)) == "contract_einde:abc:2026-01-02"
