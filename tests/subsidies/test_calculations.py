"""Loonkostensubsidie calculation: hand-computed examples (the arithmetic is in the comments).

Notation: vt = "including 8% vakantiebijslag"; a month at h hours a week is h × 52 / 12 hours,
so a monthly amount is total_per_hour × h × 52 / 12 (32 h → × 1664 / 12, 24 h → × 104).
"""

from datetime import date
from decimal import Decimal as D
from fractions import Fraction

import pytest

from subsidies.calculations import (
    PUBLISHED_ALLOWANCE_RATES,
    PUBLISHED_WML_RATES,
    YOUTH_WML_PERCENTAGES,
    DatedRate,
    HourlyLks,
    RateNotFound,
    _add_months,
    _round_cents,
    calculate_lks,
    dated_rates,
    hourly_lks,
    rate_on,
    wml_for,
)

WML = dated_rates(PUBLISHED_WML_RATES)
ALLOWANCE = dated_rates(PUBLISHED_ALLOWANCE_RATES)


def calc(**overrides):
    """calculate_lks with the published rates and a 32-hour, 60% default case."""
    kwargs = {
        "loonwaarde": 60,
        "functieloon_per_hour": D("14.06"),
        "hours_per_week": D("32"),
        "period_start": date(2025, 3, 1),
        "period_end": date(2025, 3, 31),
        "wml_rates": WML,
        "allowance_rates": ALLOWANCE,
    } | overrides
    return calculate_lks(**kwargs)


def spans(result):
    return [(s.start, s.end, s.loonwaarde, s.total_per_hour, s.amount) for s in result.stretches]


# --- published data -----------------------------------------------------------------------


def test_published_rates():
    assert PUBLISHED_WML_RATES == (
        (date(2024, 1, 1), D("13.27")),
        (date(2024, 7, 1), D("13.68")),
        (date(2025, 1, 1), D("14.06")),
        (date(2025, 7, 1), D("14.40")),
        (date(2026, 1, 1), D("14.71")),
    )
    assert PUBLISHED_ALLOWANCE_RATES == ((date(2015, 1, 1), D("23")), (date(2018, 1, 1), D("23.5")))
    assert dict(YOUTH_WML_PERCENTAGES) == {
        20: D("80"), 19: D("60"), 18: D("50"), 17: D("39.5"), 16: D("34.5"), 15: D("30"),
    }
    for table in (PUBLISHED_WML_RATES, PUBLISHED_ALLOWANCE_RATES):
        assert [d for d, _ in table] == sorted(d for d, _ in table)
    assert WML[0] == DatedRate(date(2024, 1, 1), D("13.27"))


# --- rate look-ups ----------------------------------------------------------------------


def test_rate_on_picks_latest_effective_rate_regardless_of_order():
    rates = list(reversed(WML))
    assert rate_on(date(2024, 1, 1), rates) == D("13.27")
    assert rate_on(date(2024, 6, 30), rates) == D("13.27")
    assert rate_on(date(2024, 7, 1), rates) == D("13.68")
    assert rate_on(date(2030, 1, 1), rates) == D("14.71")
    assert rate_on(date(2017, 12, 31), ALLOWANCE) == D("23")
    assert rate_on(date(2018, 1, 1), ALLOWANCE) == D("23.5")


def test_rate_on_before_first_rate():
    with pytest.raises(RateNotFound, match=r"^Geen tarief bekend voor 2023-12-31\.$") as info:
        rate_on(date(2023, 12, 31), WML)
    assert info.value.on == date(2023, 12, 31)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("age", "on", "expected"),
    [
        (21, date(2025, 1, 1), D("14.06")),
        (67, date(2025, 1, 1), D("14.06")),
        (20, date(2025, 1, 1), D("11.25")),  # 14.06 × 0.80 = 11.248 → 11.25
        (19, date(2025, 1, 1), D("8.44")),  # 14.06 × 0.60 = 8.436 → 8.44
        (18, date(2025, 1, 1), D("7.03")),  # 14.06 × 0.50 = 7.03
        (17, date(2025, 7, 1), D("5.69")),  # 14.40 × 0.395 = 5.688 → 5.69
        (16, date(2026, 1, 1), D("5.07")),  # 14.71 × 0.345 = 5.07495 → 5.07
        (15, date(2024, 1, 1), D("3.98")),  # 13.27 × 0.30 = 3.981 → 3.98
    ],
)
def test_wml_for_age(age, on, expected):
    assert wml_for(on, WML, None, age) == expected


def test_youth_wml_rounds_half_up():
    # 10.01 × 50% = 5.005 → 5.01 (half up; banker's rounding would give 5.00)
    assert wml_for(date(2025, 1, 1), [DatedRate(date(2025, 1, 1), D("10.01"))], None, 18) == D("5.01")


def test_wml_for_custom_youth_percentages_and_errors():
    assert wml_for(date(2025, 1, 1), WML, {18: D("45")}, 18) == D("6.33")  # 14.06 × 0.45 = 6.327
    with pytest.raises(ValueError, match="Geen jeugdminimumloonpercentage bekend voor 17 jaar"):
        wml_for(date(2025, 1, 1), WML, {18: D("45")}, 17)
    with pytest.raises(ValueError, match="onder 15 jaar"):
        wml_for(date(2025, 1, 1), WML, None, 14)
    with pytest.raises(RateNotFound, match=r"^Geen minimumloon bekend voor 2023-12-31\.$"):
        wml_for(date(2023, 12, 31), WML, None, 21)


# --- per hour -------------------------------------------------------------------------


def hourly(loonwaarde, functieloon="14.06", wml="14.06", pct="23.5"):
    return hourly_lks(
        wml_per_hour=D(wml), functieloon_per_hour=D(functieloon), loonwaarde=loonwaarde,
        allowance_percentage=D(pct),
    )


def test_hourly_reference_example():
    # WML_vt = 14.06 × 1.08 = 15.1848; wage value = 0.60 × 15.1848 = 9.11088
    # LKS = 15.1848 − 9.11088 = 6.07392 → 6.07 (cap 0.70 × 15.1848 = 10.62936 not hit)
    # allowance = 6.07392 × 0.235 = 1.4273712 → 1.43; total 6.07 + 1.43 = 7.50
    assert hourly(60) == HourlyLks(D("14.06"), 60, D("6.07"), D("1.43"), D("7.50"))


def test_hourly_functieloon_above_wml():
    # functieloon_vt = 20.00 × 1.08 = 21.60; wage value = 0.60 × 21.60 = 12.96
    # LKS = 15.1848 − 12.96 = 2.2248 → 2.22; allowance = 2.2248 × 0.235 = 0.522828 → 0.52; total 2.74
    assert hourly(60, functieloon="20.00") == HourlyLks(D("14.06"), 60, D("2.22"), D("0.52"), D("2.74"))
    # 80% of 21.60 = 17.28 > 15.1848: no LKS at all (never negative)
    assert hourly(80, functieloon="20.00") == HourlyLks(D("14.06"), 80, D("0.00"), D("0.00"), D("0.00"))


@pytest.mark.parametrize("loonwaarde", [0, 20, 29])
def test_hourly_capped_at_70_percent_of_wml(loonwaarde):
    # 20%: LKS = 15.1848 − 0.20 × 15.1848 = 12.14784 > cap 10.62936 → 10.63
    # allowance = 10.62936 × 0.235 = 2.4978996 → 2.50; total 13.13
    assert hourly(loonwaarde) == HourlyLks(D("14.06"), loonwaarde, D("10.63"), D("2.50"), D("13.13"))


def test_hourly_exactly_at_cap():
    # 30% at WML 14.40: vt 15.552; LKS = 0.70 × 15.552 = 10.8864 = the cap → 10.89
    # allowance = 10.8864 × 0.235 = 2.558304 → 2.56; total 13.45
    assert hourly(30, "14.40", "14.40") == HourlyLks(D("14.40"), 30, D("10.89"), D("2.56"), D("13.45"))


def test_hourly_loonwaarde_100_gives_nothing():
    assert hourly(100) == HourlyLks(D("14.06"), 100, D("0.00"), D("0.00"), D("0.00"))


def test_allowance_is_computed_from_the_unrounded_lks():
    # 34%: LKS = 15.1848 × 0.66 = 10.021968 → 10.02
    # allowance = 10.021968 × 0.235 = 2.35516248 → 2.36 (from the rounded 10.02 it would be 2.3547 → 2.35)
    assert hourly(34) == HourlyLks(D("14.06"), 34, D("10.02"), D("2.36"), D("12.38"))


def test_total_is_the_sum_of_the_rounded_figures():
    # 32%: LKS = 15.1848 × 0.68 = 10.325664 → 10.33; allowance = 2.42653104 → 2.43
    # total = 10.33 + 2.43 = 12.76 (rounding the unrounded sum 12.75219504 would give 12.75)
    assert hourly(32).total_per_hour == D("12.76")


def test_hourly_with_pre_2018_allowance():
    # WML 10.00: vt 10.80; 50% → LKS 5.40; allowance 23% = 1.242 → 1.24; total 6.64
    assert hourly(50, "10.00", "10.00", "23") == HourlyLks(D("10.00"), 50, D("5.40"), D("1.24"), D("6.64"))


def test_hourly_rejects_functieloon_below_wml():
    with pytest.raises(ValueError, match=r"functieloon \(€ 14,05 per uur\) ligt onder het minimumloon \(€ 14,06"):
        hourly(60, functieloon="14.05")


# --- over a period ---------------------------------------------------------------------


def test_reference_example_full_month():
    # 7.50 × 32 × 52 / 12 = 12480 / 12 = 1040.00
    result = calc()
    assert result.first == hourly(60)
    assert spans(result) == [(date(2025, 3, 1), date(2025, 3, 31), 60, D("7.50"), D("1040.00"))]
    assert result.total == D("1040.00")


def test_period_across_wml_change_raises_functieloon_to_new_wml():
    # June (WML 14.06): 7.50/h → 1040.00.
    # July (WML 14.40; the functieloon 14.06 is below it, so 14.40 is used):
    #   vt 15.552; wage value 0.60 × 15.552 = 9.3312; LKS 6.2208 → 6.22;
    #   allowance 6.2208 × 0.235 = 1.461888 → 1.46; total 7.68; 7.68 × 1664 / 12 = 1064.96
    result = calc(period_start=date(2025, 6, 1), period_end=date(2025, 7, 31))
    assert spans(result) == [
        (date(2025, 6, 1), date(2025, 6, 30), 60, D("7.50"), D("1040.00")),
        (date(2025, 7, 1), date(2025, 7, 31), 60, D("7.68"), D("1064.96")),
    ]
    assert [s.wml_per_hour for s in result.stretches] == [D("14.06"), D("14.40")]
    assert [(s.lks_per_hour, s.allowance_per_hour) for s in result.stretches] == [
        (D("6.07"), D("1.43")), (D("6.22"), D("1.46")),
    ]
    assert result.total == D("2104.96")
    assert result.first.wml_per_hour == D("14.06")


def test_period_across_2024_change_mid_month():
    # 2024-06-16 .. 2024-07-15, 60%, functieloon 13.68 (≥ both WMLs), 32 h.
    # WML 13.27: vt 14.3316; functieloon_vt 14.7744; wage value 8.86464; LKS 5.46696 → 5.47;
    #   allowance 1.2847356 → 1.28; total 6.75; month 6.75 × 1664 / 12 = 936.00; 15/30 → 468.00
    # WML 13.68: vt 14.7744; wage value 8.86464; LKS 5.90976 → 5.91;
    #   allowance 1.3887936 → 1.39; total 7.30; month 7.30 × 1664 / 12 = 1012.2666…; 15/31 → 489.806… → 489.81
    result = calc(functieloon_per_hour=D("13.68"), period_start=date(2024, 6, 16), period_end=date(2024, 7, 15))
    assert spans(result) == [
        (date(2024, 6, 16), date(2024, 6, 30), 60, D("6.75"), D("468.00")),
        (date(2024, 7, 1), date(2024, 7, 15), 60, D("7.30"), D("489.81")),
    ]
    assert result.total == D("957.81")


def test_part_time_hours():
    # 24 h: 7.50 × 24 × 52 / 12 = 7.50 × 104 = 780.00
    assert calc(hours_per_week=D("24")).total == D("780.00")
    # 60 h is the maximum: 7.50 × 60 × 52 / 12 = 1950.00
    assert calc(hours_per_week=D("60")).total == D("1950.00")
    # 0.5-hour steps: 7.50 × 24.5 × 52 / 12 = 796.25
    assert calc(hours_per_week=D("24.5")).total == D("796.25")


def test_loonwaarde_20_hits_cap_over_a_month():
    # 13.13/h (see the cap test) × 1664 / 12 = 21848.32 / 12 = 1820.6933… → 1820.69
    assert calc(loonwaarde=20).total == D("1820.69")


def test_loonwaarde_100_gives_zero():
    result = calc(loonwaarde=100)
    assert result.total == D("0.00")
    assert spans(result) == [(date(2025, 3, 1), date(2025, 3, 31), 100, D("0.00"), D("0.00"))]


def test_worker_of_18():
    # WML 18 y = 14.06 × 50% = 7.03; vt 7.5924; wage value 0.60 × 7.5924 = 4.55544
    # LKS 3.03696 → 3.04; allowance 0.7136856 → 0.71; total 3.75; month 3.75 × 1664 / 12 = 520.00
    result = calc(functieloon_per_hour=D("7.03"), age=18)
    assert result.first == HourlyLks(D("7.03"), 60, D("3.04"), D("0.71"), D("3.75"))
    assert result.total == D("520.00")
    # the same functieloon is below the adult WML
    with pytest.raises(ValueError, match="onder het minimumloon"):
        calc(functieloon_per_hour=D("7.03"))


def test_worker_of_18_across_wml_change():
    # July 2025: 14.40 × 50% = 7.20 (used as functieloon too); vt 7.776; LKS 0.40 × 7.776 = 3.1104 → 3.11
    # allowance 0.730944 → 0.73; total 3.84; month 3.84 × 1664 / 12 = 532.48
    result = calc(functieloon_per_hour=D("7.03"), age=18, period_start=date(2025, 6, 1), period_end=date(2025, 7, 31))
    assert [(s.wml_per_hour, s.total_per_hour, s.amount) for s in result.stretches] == [
        (D("7.03"), D("3.75"), D("520.00")),
        (D("7.20"), D("3.84"), D("532.48")),
    ]
    assert result.total == D("1052.48")


def test_partial_month_pro_rata():
    # 2026-01-15 .. 2026-01-31 = 17 of 31 days. WML 14.71: vt 15.8868; wage value 9.53208
    # LKS 6.35472 → 6.35; allowance 1.4933592 → 1.49; total 7.84
    # month 7.84 × 1664 / 12 = 1087.1466…; × 17 / 31 = 596.1772… → 596.18
    result = calc(functieloon_per_hour=D("14.71"), period_start=date(2026, 1, 15), period_end=date(2026, 1, 31))
    assert spans(result) == [(date(2026, 1, 15), date(2026, 1, 31), 60, D("7.84"), D("596.18"))]
    assert result.total == D("596.18")


def test_single_day():
    # 1040.00 × 1 / 31 = 33.548… → 33.55
    assert calc(period_start=date(2025, 3, 31)).total == D("33.55")


def test_stretch_across_months_is_rounded_once():
    # 2025-03-10 .. 2025-04-20 at 1040.00 a month: 22/31 + 20/30 of a month
    # = 738.0645… + 693.3333… = 1431.3978… → 1431.40 (rounding per month would give 738.06 + 693.33 = 1431.39)
    result = calc(period_end=date(2025, 4, 20), period_start=date(2025, 3, 10))
    assert spans(result) == [(date(2025, 3, 10), date(2025, 4, 20), 60, D("7.50"), D("1431.40"))]


def test_full_months_give_exactly_the_monthly_amount():
    # 50% at 14.40: LKS 7.776 → 7.78; allowance 1.82736 → 1.83; total 9.61
    # month 9.61 × 1664 / 12 = 1332.58666…; six months = 7995.52 exactly (6 × 1332.59 would be 7995.54)
    result = calc(
        loonwaarde=50, functieloon_per_hour=D("14.40"), period_start=date(2025, 7, 1), period_end=date(2025, 12, 31)
    )
    assert spans(result) == [(date(2025, 7, 1), date(2025, 12, 31), 50, D("9.61"), D("7995.52"))]


def test_long_period_one_stretch_per_rate():
    # 2024-01 .. 2024-06 at WML 13.27, 60%: vt 14.3316; LKS 0.40 × 14.3316 = 5.73264 → 5.73;
    # allowance 1.3471704 → 1.35; total 7.08; month 7.08 × 1664 / 12 = 981.76; 6 months 5890.56
    result = calc(
        functieloon_per_hour=D("13.27"), period_start=date(2024, 1, 1), period_end=date(2026, 12, 31),
        wml_rates=list(reversed(WML)),
    )
    assert [(s.start, s.end) for s in result.stretches] == [
        (date(2024, 1, 1), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ]
    assert result.stretches[0].amount == D("5890.56")
    # 2025 first half = 6 × 1040.00
    assert result.stretches[2].amount == D("6240.00")
    assert result.total == sum(s.amount for s in result.stretches)


def test_split_at_allowance_change():
    # Own WML table (10.00 from 2017): 50% → LKS 5.40/h.
    # Dec 2017: allowance 23% = 1.242 → 1.24; total 6.64; 40 h: 6.64 × 40 × 52 / 12 = 1150.9333… → 1150.93
    # Jan 2018: allowance 23.5% = 1.269 → 1.27; total 6.67; 6.67 × 40 × 52 / 12 = 1156.1333… → 1156.13
    result = calc(
        loonwaarde=50, functieloon_per_hour=D("10.00"), hours_per_week=D("40"),
        period_start=date(2017, 12, 1), period_end=date(2018, 1, 31),
        wml_rates=[DatedRate(date(2017, 1, 1), D("10.00"))],
    )
    assert [(s.allowance_per_hour, s.amount) for s in result.stretches] == [
        (D("1.24"), D("1150.93")), (D("1.27"), D("1156.13")),
    ]
    assert result.total == D("2307.06")


def test_allowance_change_without_effect_is_merged():
    # loonwaarde 100: no LKS, so the allowance change on 2018-01-01 changes nothing shown
    result = calc(
        loonwaarde=100, functieloon_per_hour=D("10.00"), period_start=date(2017, 12, 1),
        period_end=date(2018, 1, 31), wml_rates=[DatedRate(date(2017, 1, 1), D("10.00"))],
    )
    assert [(s.start, s.end) for s in result.stretches] == [(date(2017, 12, 1), date(2018, 1, 31))]


# --- forfaitair -----------------------------------------------------------------------


def test_forfaitair_splits_after_six_months():
    # Employment from 2025-03-15: forfaitair up to and including 2025-09-14, measured 40% after that.
    # 50% at 14.40: total 9.61 (above); month 1332.58666…
    #   2025-07-01 .. 2025-09-14 = July + August + 14/30 September
    #   = 9.61 × 1664 / 12 × (2 + 14/30) = 15991.04 × 74 / 360 = 3287.0471… → 3287.05
    # 40% at 14.40: wage value 0.40 × 15.552 = 6.2208; LKS 9.3312 → 9.33; allowance 2.192832 → 2.19;
    #   total 11.52; month 11.52 × 1664 / 12 = 1597.44
    #   2025-09-15 .. 2025-10-31 = 16/30 September + October = 1597.44 × 46 / 30 = 2449.408 → 2449.41
    result = calc(
        loonwaarde=40, functieloon_per_hour=D("14.40"), period_start=date(2025, 7, 1), period_end=date(2025, 10, 31),
        forfaitair=True, employment_start=date(2025, 3, 15),
    )
    assert spans(result) == [
        (date(2025, 7, 1), date(2025, 9, 14), 50, D("9.61"), D("3287.05")),
        (date(2025, 9, 15), date(2025, 10, 31), 40, D("11.52"), D("2449.41")),
    ]
    assert result.first.loonwaarde == 50
    assert result.total == D("5736.46")


def test_forfaitair_from_employment_start_spans_wml_change():
    result = calc(
        loonwaarde=40, period_start=date(2025, 3, 15), period_end=date(2025, 9, 30),
        forfaitair=True, employment_start=date(2025, 3, 15),
    )
    assert [(s.start, s.end, s.loonwaarde, s.wml_per_hour) for s in result.stretches] == [
        (date(2025, 3, 15), date(2025, 6, 30), 50, D("14.06")),
        (date(2025, 7, 1), date(2025, 9, 14), 50, D("14.40")),
        (date(2025, 9, 15), date(2025, 9, 30), 40, D("14.40")),
    ]


def test_forfaitair_end_clamped_to_short_month():
    # Employment from 2025-08-31: six months later has no 31st, so the forfaitaire period ends
    # on 2026-02-27 (exclusive end 2026-02-28).
    # 50% at 14.71: vt 15.8868; LKS 7.9434 → 7.94; allowance 1.866699 → 1.87; total 9.81;
    #   month 9.81 × 1664 / 12 = 1360.32; 27/28 → 1311.7371… → 1311.74
    # 40%: LKS 9.53208 → 9.53; allowance 2.2400388 → 2.24; total 11.77;
    #   month 11.77 × 1664 / 12 = 1632.1066…; 1/28 → 58.2895… → 58.29
    result = calc(
        loonwaarde=40, functieloon_per_hour=D("14.71"), period_start=date(2026, 2, 1), period_end=date(2026, 2, 28),
        forfaitair=True, employment_start=date(2025, 8, 31),
    )
    assert spans(result) == [
        (date(2026, 2, 1), date(2026, 2, 27), 50, D("9.81"), D("1311.74")),
        (date(2026, 2, 28), date(2026, 2, 28), 40, D("11.77"), D("58.29")),
    ]
    assert result.total == D("1370.03")


def test_forfaitair_after_six_months_uses_measured_value():
    result = calc(forfaitair=True, employment_start=date(2024, 1, 1))
    assert spans(result) == [(date(2025, 3, 1), date(2025, 3, 31), 60, D("7.50"), D("1040.00"))]


def test_forfaitair_with_measured_50_is_one_stretch():
    result = calc(
        loonwaarde=50, period_start=date(2025, 3, 15), period_end=date(2025, 6, 30),
        forfaitair=True, employment_start=date(2025, 1, 1),
    )
    assert [(s.start, s.end, s.loonwaarde) for s in result.stretches] == [(date(2025, 3, 15), date(2025, 6, 30), 50)]


def test_not_forfaitair_ignores_employment_start():
    assert calc(employment_start=date(2025, 2, 1)).total == D("1040.00")


def test_forfaitair_needs_employment_start_before_period():
    with pytest.raises(ValueError, match="startdatum van het dienstverband nodig"):
        calc(forfaitair=True)
    with pytest.raises(ValueError, match="voor de start van het dienstverband"):
        calc(forfaitair=True, employment_start=date(2025, 3, 2))


# --- errors ---------------------------------------------------------------------------


def test_period_before_first_wml_rate():
    with pytest.raises(RateNotFound, match=r"^Geen minimumloon bekend voor 2023-12-31\.$"):
        calc(period_start=date(2023, 12, 31), period_end=date(2024, 1, 31))


def test_period_before_first_allowance_rate():
    with pytest.raises(RateNotFound, match=r"^Geen vergoeding werkgeverslasten bekend voor 2014-12-31\.$"):
        calc(
            functieloon_per_hour=D("10.00"), period_start=date(2014, 12, 31), period_end=date(2015, 1, 31),
            wml_rates=[DatedRate(date(2014, 1, 1), D("10.00"))],
        )


@pytest.mark.parametrize("loonwaarde", [-1, 101, 60.0, True, "60", None])
def test_invalid_loonwaarde(loonwaarde):
    with pytest.raises(ValueError, match="loonwaarde moet een geheel getal van 0 tot en met 100"):
        calc(loonwaarde=loonwaarde)
    with pytest.raises(ValueError, match="loonwaarde moet een geheel getal"):
        hourly(loonwaarde)


@pytest.mark.parametrize("hours", [D("0"), D("-8"), D("60.1"), 61])
def test_invalid_hours(hours):
    with pytest.raises(ValueError, match="uren per week moet groter dan 0 en ten hoogste 60"):
        calc(hours_per_week=hours)


def test_int_hours_are_accepted():
    assert calc(hours_per_week=32).total == D("1040.00")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        calc(functieloon_per_hour=14.06)
    with pytest.raises(TypeError):
        calc(hours_per_week=32.0)
    with pytest.raises(TypeError):
        hourly_lks(wml_per_hour=14.06, functieloon_per_hour=D("14.06"), loonwaarde=60, allowance_percentage=D("23.5"))


def test_nan_is_refused():
    with pytest.raises(ValueError, match="Ongeldig"):
        calc(functieloon_per_hour=D("NaN"))


def test_period_end_before_start():
    with pytest.raises(ValueError, match="einddatum van de periode ligt voor de begindatum"):
        calc(period_end=date(2025, 2, 28))


def test_functieloon_below_wml_at_period_start():
    with pytest.raises(ValueError, match=r"functieloon \(€ 14,05 per uur\) ligt onder het minimumloon \(€ 14,06"):
        calc(functieloon_per_hour=D("14.05"))


def test_age_under_15():
    with pytest.raises(ValueError, match="onder 15 jaar"):
        calc(functieloon_per_hour=D("7.03"), age=14)


# --- helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("2.675"), D("2.68")),
        (D("2.67499"), D("2.67")),
        (D("0"), D("0.00")),
        (Fraction(1, 200), D("0.01")),  # 0.005 exactly
        (Fraction(1, 3), D("0.33")),
        (Fraction(-1, 200), D("-0.01")),
    ],
)
def test_round_cents_half_up(value, expected):
    result = _round_cents(value)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2025, 3, 15), date(2025, 9, 15)),
        (date(2025, 8, 31), date(2026, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
        (date(2025, 7, 1), date(2026, 1, 1)),
        (date(2025, 12, 31), date(2026, 6, 30)),
    ],
)
def test_add_six_months(start, expected):
    assert _add_months(start, 6) == expected
