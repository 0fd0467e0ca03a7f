"""Matching candidates and jobs, both ways, with an explanation of every score.

Two layers, on purpose:

* ``evaluate(candidate_facts, job_facts, weights, distance_km)`` is the matching
  rule itself: plain Python on plain data, no database, so it can be tested with
  hand-computed cases and read in one screen. It judges every criterion (hard and
  soft) and returns the score with a Dutch explanation per criterion.
* ``candidates_for_job`` / ``jobs_for_candidate`` apply the *hard* constraints in
  the database (status, hours, hard requirements, work-capacity limits, bounding
  box and exact great-circle distance within the candidate's radius), load only
  the columns the rule needs for the remaining rows, score them with ``evaluate``
  and return the top N. The hard constraints are the same in both layers; a test
  holds them together.

Negotiable (bespreekbaar) requirements that are missed lower the score and are
shown as "bespreekbaar", never as an exclusion: bemiddelaars routinely talk a few
criteria away with the employer. Unknown facts (no coordinates, no work-capacity
recorded, a hard requirement in free text) do not exclude either: the explanation
says what to check.
"""

import datetime
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from django.db.models import Exists, ExpressionWrapper, F, FloatField, OuterRef, Q, Value
from django.db.models.functions import ASin, Cast, Coalesce, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone

from candidates.choices import CandidateStatus
from wsp_platform.core import geo

# --- Vocabulary ------------------------------------------------------------------------

MET = "met"
MISSED = "missed"
NEGOTIABLE = "bespreekbaar"
UNKNOWN = "unknown"

OUTCOME_LABELS = {MET: "voldaan", MISSED: "niet voldaan", NEGOTIABLE: "bespreekbaar", UNKNOWN: "onbekend"}


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    hard: bool
    weight: str | None  # field of MatchingWeights, None: not scored


CRITERIA = (
    Criterion("beschikbaarheid", "Beschikbaarheid", True, None),
    Criterion("uren", "Uren per week", True, None),
    Criterion("reisafstand", "Reisafstand", True, "distance"),
    Criterion("harde_eisen", "Harde eisen", True, None),
    Criterion("belastbaarheid", "Belastbaarheid", True, None),
    Criterion("vaardigheden", "Vaardigheden en taken", False, "skills"),
    Criterion("bespreekbare_eisen", "Bespreekbare eisen", False, "negotiable"),
    Criterion("sector", "Gewenste sector", False, "sector"),
    Criterion("interesses", "Interesses", False, "interests"),
    Criterion("ervaring", "Werkervaring", False, "experience"),
    Criterion("opleiding", "Opleidingsniveau", False, "education"),
    Criterion("rustige_werkplek", "Rustige werkplek", False, "quiet"),
)
CRITERIA_BY_KEY = {c.key: c for c in CRITERIA}

# Candidates who can be proposed: not (yet/any more) out of the running.
AVAILABLE_STATUSES = (CandidateStatus.VERKENNING, CandidateStatus.BEMIDDELBAAR, CandidateStatus.IN_TRAJECT)

# Work-capacity dimensions: (label, candidate field, task field).
LOAD_DIMENSIONS = (
    ("fysiek", "capacity_physical", "physical_load"),
    ("mentaal", "capacity_mental", "mental_load"),
    ("werktempo", "capacity_pace", "pace"),
    ("prikkels", "capacity_stimuli", "stimuli"),
)

# Bands of travel radius for the bounding-box pre-filter (see hard_filtered_candidates).
RADIUS_BANDS_KM = (5, 10, 15, 20, 25, 30, 40, 50, 75)

DEFAULT_WEIGHTS = {
    "skills": 30, "negotiable": 15, "sector": 10, "interests": 10,
    "experience": 10, "education": 10, "distance": 10, "quiet": 5,
}


class Reason(NamedTuple):
    criterion: str
    label: str
    outcome: str
    text: str
    score: float | None = None  # 0..1 when the criterion counts in the score

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


@dataclass
class CandidateFacts:
    id: int
    status: str = CandidateStatus.BEMIDDELBAAR
    hours_available: int = 0
    radius_km: int = 10
    latitude: float | None = None
    longitude: float | None = None
    skill_ids: frozenset = frozenset()
    capacities: dict = field(default_factory=dict)  # candidate field -> level or None
    needs_quiet: bool = False
    wished_sectors: tuple = ()
    interests: str = ""
    experience: str = ""
    education_level: int = 0
    available_from: datetime.date | None = None
    anonymised: bool = False


@dataclass
class JobFacts:
    id: int
    hours: Decimal = Decimal("0")
    min_hours: Decimal | None = None
    latitude: float | None = None
    longitude: float | None = None
    sector: str = ""
    education_level: int = 0
    text: str = ""  # title, description and task descriptions: what interests/experience are compared with
    hard_skill_ids: frozenset = frozenset()
    hard_free_text: tuple = ()  # hard requirements without a skill: cannot be checked automatically
    negotiable: tuple = ()  # (skill_id or None, description)
    wanted_skill_ids: frozenset = frozenset()  # task capabilities and requirement skills
    max_loads: dict = field(default_factory=dict)  # task field -> highest level among the tasks
    task_count: int = 0
    all_quiet: bool = False
    skill_names: dict = field(default_factory=dict)

    @property
    def required_hours(self) -> Decimal:
        return self.min_hours if self.min_hours is not None else self.hours

    @property
    def keywords(self) -> frozenset:
        cached = self.__dict__.get("_keywords")
        if cached is None or cached[0] != self.text:
            cached = (self.text, keywords(self.text))
            self.__dict__["_keywords"] = cached
        return cached[1]


@dataclass
class Match:
    score: int
    reasons: list
    distance_km: float | None = None
    candidate_id: int | None = None
    job_id: int | None = None
    candidate: object = None
    job: object = None

    @property
    def excluded(self) -> bool:
        return any(r.outcome == MISSED and CRITERIA_BY_KEY[r.criterion].hard for r in self.reasons)


# --- The rule: pure Python --------------------------------------------------------------

_WORD = re.compile(r"[a-zà-ÿ]+")
_STOPWORDS = {"voor", "met", "naar", "over", "door", "werk", "werken", "bij", "een", "het", "van", "die", "dat"}


@lru_cache(maxsize=8192)
def keywords(text: str) -> frozenset[str]:
    """Words of four letters or more, cut to their first six letters, so that
    'schoonmaak' and 'schoonmaken' meet ('schoon'). Crude, predictable, explainable."""
    return frozenset(w[:6] for w in _WORD.findall((text or "").lower()) if len(w) >= 4 and w not in _STOPWORDS)


def _fmt_hours(value) -> str:
    value = Decimal(value).normalize()
    return f"{value:f}".replace(".", ",")


def _km(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _names(ids, names) -> str:
    return ", ".join(sorted(names.get(i, f"#{i}") for i in ids))


def evaluate(c: CandidateFacts, j: JobFacts, weights: dict | None = None, distance_km: float | None = None,
             today: datetime.date | None = None, explain: bool = True) -> Match:
    """Judge one candidate for one job on every criterion in ``CRITERIA``.

    ``distance_km``: great-circle distance between the candidate's postcode and the
    job's location, when both are known (computed here when not passed). The score
    is round(100 × Σ weight × subscore / Σ weight) over the criteria that could be
    judged; criteria that are unknown or not applicable leave both sums alone.
    ``explain=False`` leaves the texts empty (same outcomes and score, faster).
    """
    weights = DEFAULT_WEIGHTS if weights is None else weights
    today = today or timezone.localdate()
    if distance_km is None and None not in (c.latitude, c.longitude, j.latitude, j.longitude):
        distance_km = geo.haversine_km(c.latitude, c.longitude, j.latitude, j.longitude)
    reasons = {}

    def add(key, outcome, text, score=None):
        # ``text`` is a callable: formatting the Dutch sentence is most of the cost,
        # and ranking thousands of rows only needs outcome and score.
        reasons[key] = (outcome, text() if explain else "", score)

    # Beschikbaarheid (hard)
    if c.anonymised or c.status not in AVAILABLE_STATUSES:
        add("beschikbaarheid", MISSED, lambda: "Kandidaat is nu niet beschikbaar voor bemiddeling.")
    elif c.available_from and c.available_from > today:
        add("beschikbaarheid", MET, lambda: f"Beschikbaar vanaf {c.available_from:%d-%m-%Y}.")
    else:
        add("beschikbaarheid", MET, lambda: "Beschikbaar voor bemiddeling.")

    # Uren (hard)
    required = j.required_hours

    def hours_text(note=""):
        return f"Beschikbaar {c.hours_available} uur, baan vraagt minimaal {_fmt_hours(required)} uur{note}."

    if c.hours_available >= required:
        if c.hours_available < j.hours:
            add("uren", MET, lambda: hours_text(f" (minder dan de {_fmt_hours(j.hours)} uur van de baan: in overleg)"))
        else:
            add("uren", MET, hours_text)
    else:
        add("uren", MISSED, hours_text)

    # Reisafstand (hard, and nearer scores higher)
    if distance_km is None:
        add("reisafstand", UNKNOWN, lambda: "Afstand onbekend: postcode of vestiging zonder coördinaten.")
    elif distance_km <= c.radius_km:
        closeness = 1.0 if c.radius_km == 0 else max(0.0, 1.0 - distance_km / c.radius_km)
        add("reisafstand", MET, lambda: f"{_km(distance_km)} km, binnen de gewenste {c.radius_km} km.", closeness)
    else:
        add("reisafstand", MISSED, lambda: f"{_km(distance_km)} km, verder dan de gewenste {c.radius_km} km.")

    # Harde eisen (hard)
    missing_hard = j.hard_skill_ids - c.skill_ids
    if missing_hard:
        add("harde_eisen", MISSED, lambda: f"Ontbreekt: {_names(missing_hard, j.skill_names)}.")
    elif j.hard_free_text:
        add("harde_eisen", UNKNOWN, lambda: f"Controleer zelf: {'; '.join(j.hard_free_text)}.")
    elif j.hard_skill_ids:
        add("harde_eisen", MET, lambda: f"Voldoet aan alle harde eisen ({_names(j.hard_skill_ids, j.skill_names)}).")
    else:
        add("harde_eisen", MET, lambda: "Geen harde eisen.")

    # Belastbaarheid (hard): no task may ask more than the candidate can carry.
    if not j.task_count:
        add("belastbaarheid", UNKNOWN, lambda: "Geen taken vastgelegd: belasting van de baan onbekend.")
    else:
        over, unknown = [], []
        for label, cap_field, task_field in LOAD_DIMENSIONS:
            cap = c.capacities.get(cap_field)
            if cap is None:
                unknown.append(label)
            elif j.max_loads.get(task_field, 1) > cap:
                over.append(label)
        if over:
            add("belastbaarheid", MISSED, lambda: f"Taken vragen meer dan de belastbaarheid: {', '.join(over)}.")
        elif unknown:
            add("belastbaarheid", UNKNOWN, lambda: f"Belastbaarheid niet vastgelegd: {', '.join(unknown)}.")
        else:
            add("belastbaarheid", MET, lambda: "De taken passen binnen de belastbaarheid.")

    # Vaardigheden en taken (soft)
    if not j.wanted_skill_ids:
        add("vaardigheden", UNKNOWN, lambda: "De baan vraagt geen vastgelegde vaardigheden.")
    else:
        have = j.wanted_skill_ids & c.skill_ids
        share = len(have) / len(j.wanted_skill_ids)
        text = f"{len(have)} van {len(j.wanted_skill_ids)} gevraagde vaardigheden"
        text += f" ({_names(have, j.skill_names)})." if have else "."
        add("vaardigheden", MET if share >= 0.5 else MISSED, lambda: text, share)

    # Bespreekbare eisen (soft): missed ones are 'bespreekbaar', not exclusions.
    checkable = [(sid, d) for sid, d in j.negotiable if sid is not None]
    free = [d for sid, d in j.negotiable if sid is None]
    if not j.negotiable:
        add("bespreekbare_eisen", MET, lambda: "Geen bespreekbare eisen.")
    elif not checkable:
        add("bespreekbare_eisen", UNKNOWN, lambda: f"Bespreek: {'; '.join(free)}.")
    else:
        missed = [d for sid, d in checkable if sid not in c.skill_ids]
        share = (len(checkable) - len(missed)) / len(checkable)
        text = f"{len(checkable) - len(missed)} van {len(checkable)} voldaan"
        if missed:
            text += f"; bespreekbaar: {'; '.join(missed)}"
        if free:
            text += f"; bespreek ook: {'; '.join(free)}"
        add("bespreekbare_eisen", NEGOTIABLE if missed else MET, lambda: text + ".", share)

    # Gewenste sector (soft)
    if not c.wished_sectors:
        add("sector", UNKNOWN, lambda: "Geen gewenste sectoren vastgelegd.")
    elif j.sector in c.wished_sectors:
        add("sector", MET, lambda: "De sector van de baan is een gewenste sector.", 1.0)
    else:
        add("sector", MISSED, lambda: "De sector van de baan is geen gewenste sector.", 0.0)

    # Interesses en werkervaring (soft): shared keywords with the job's text.
    job_words = j.keywords
    for key, own, noun in (("interesses", c.interests, "interesses"), ("ervaring", c.experience, "werkervaring")):
        words = keywords(own)
        if not words:
            add(key, UNKNOWN, lambda noun=noun: f"Geen {noun} vastgelegd.")
            continue
        shared = sorted(words & job_words)
        if shared:
            add(key, MET, lambda shared=shared: f"Raakvlak met de baan: {', '.join(shared[:5])}.", 1.0)
        else:
            add(key, MISSED, lambda noun=noun: f"Geen raakvlak tussen {noun} en de baan.", 0.0)

    # Opleidingsniveau (soft)
    if not j.education_level:
        add("opleiding", MET, lambda: "De baan vraagt geen opleidingsniveau.")
    elif c.education_level >= j.education_level:
        add("opleiding", MET, lambda: "Opleidingsniveau is voldoende.", 1.0)
    else:
        add("opleiding", MISSED, lambda: "Opleidingsniveau lager dan gevraagd.", 0.0)

    # Rustige werkplek (soft)
    if not c.needs_quiet:
        add("rustige_werkplek", MET, lambda: "Geen rustige werkplek nodig.")
    elif not j.task_count:
        add("rustige_werkplek", UNKNOWN, lambda: "Rustige werkplek nodig; taken niet vastgelegd.")
    elif j.all_quiet:
        add("rustige_werkplek", MET, lambda: "Alle taken kunnen op een rustige plek.", 1.0)
    else:
        add("rustige_werkplek", NEGOTIABLE,
            lambda: "Rustige werkplek nodig; niet alle taken kunnen op een rustige plek.", 0.0)

    ordered = [Reason(crit.key, crit.label, *reasons[crit.key]) for crit in CRITERIA]
    return Match(score=score(ordered, weights), reasons=ordered, distance_km=distance_km,
                 candidate_id=c.id, job_id=j.id)


def score(reasons, weights: dict) -> int:
    """round(100 × Σ w·s / Σ w) over the scored reasons (half up); 0 when nothing counts."""
    total = 0
    got = 0.0
    for reason in reasons:
        if reason.score is None:
            continue
        weight = weights.get(CRITERIA_BY_KEY[reason.criterion].weight, 0)
        if weight <= 0:
            continue
        total += weight
        got += weight * reason.score
    return _percent(got, total)


def _percent(got: float, total: int) -> int:
    if not total:
        return 0
    # Half up; the tiny epsilon keeps float noise (64.49999999 for 64.5) from rounding down.
    return math.floor(got * 100 / total + 0.5 + 1e-9)


class JobScorer:
    """The score of ``evaluate`` for one job, without the explanation: the constants
    of the job are worked out once, so thousands of candidate rows can be ranked
    quickly. Only for rows that already passed the hard constraints; a test checks
    that it always gives ``evaluate(...).score``."""

    def __init__(self, j: JobFacts, weights: dict):
        self.w = {key: max(0, weights.get(key, 0)) for key in DEFAULT_WEIGHTS}
        self.wanted = j.wanted_skill_ids
        self.checkable = [sid for sid, _ in j.negotiable if sid is not None]
        self.sector = j.sector
        self.job_words = j.keywords
        self.education = j.education_level
        self.quiet_known = j.task_count > 0
        self.all_quiet = j.all_quiet

    def __call__(self, row: dict, skill_ids, distance_km: float | None) -> int:
        w = self.w
        got = 0.0
        total = 0
        if distance_km is not None and w["distance"]:
            radius = row["travel_radius_km"]
            total += w["distance"]
            got += w["distance"] * (1.0 if radius == 0 else max(0.0, 1.0 - distance_km / radius))
        if self.wanted and w["skills"]:
            total += w["skills"]
            got += w["skills"] * len(self.wanted.intersection(skill_ids)) / len(self.wanted)
        if self.checkable and w["negotiable"]:
            total += w["negotiable"]
            got += w["negotiable"] * sum(1 for sid in self.checkable if sid in skill_ids) / len(self.checkable)
        wished = row["wished_sectors"]
        if wished and w["sector"]:
            total += w["sector"]
            got += w["sector"] if self.sector in wished else 0
        for key, text in (("interests", row["interests"]), ("experience", row["experience"])):
            if w[key]:
                words = keywords(text)
                if words:
                    total += w[key]
                    got += w[key] if not words.isdisjoint(self.job_words) else 0
        if self.education and w["education"]:
            total += w["education"]
            got += w["education"] if row["education_level"] >= self.education else 0
        if row["needs_quiet_workplace"] and self.quiet_known and w["quiet"]:
            total += w["quiet"]
            got += w["quiet"] if self.all_quiet else 0
        return _percent(got, total)


# --- Loading facts from the database ----------------------------------------------------

CANDIDATE_FIELDS = (
    "id", "status", "hours_available_per_week", "travel_radius_km", "latitude", "longitude",
    "capacity_physical", "capacity_mental", "capacity_pace", "capacity_stimuli", "needs_quiet_workplace",
    "wished_sectors", "interests", "experience", "education_level", "available_from", "anonymised_at",
)


def _candidate_facts(row: dict, skill_ids) -> CandidateFacts:
    return CandidateFacts(
        id=row["id"],
        status=row["status"],
        hours_available=row["hours_available_per_week"],
        radius_km=row["travel_radius_km"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        skill_ids=frozenset(skill_ids),
        capacities={cap: row[cap] for _, cap, _ in LOAD_DIMENSIONS},
        needs_quiet=row["needs_quiet_workplace"],
        wished_sectors=tuple(row["wished_sectors"] or ()),
        interests=row["interests"],
        experience=row["experience"],
        education_level=row["education_level"],
        available_from=row["available_from"],
        anonymised=row["anonymised_at"] is not None,
    )


def candidate_facts(candidate) -> CandidateFacts:
    row = {name: getattr(candidate, name) for name in CANDIDATE_FIELDS}
    return _candidate_facts(row, candidate.skills.values_list("id", flat=True))


def job_facts_many(job_ids) -> dict[int, JobFacts]:
    """JobFacts for many jobs in five queries (jobs, tasks, capabilities, requirements, skills)."""
    from employers.models import Job, JobRequirement, JobTask
    from wsp_platform.core.models import Skill

    job_ids = list(job_ids)
    if not job_ids:
        return {}
    facts = {}
    for row in Job.objects.filter(pk__in=job_ids).values(
        "id", "hours_per_week", "min_hours_per_week", "sector", "education_level", "title", "description",
        "location__latitude", "location__longitude",
    ):
        facts[row["id"]] = JobFacts(
            id=row["id"], hours=row["hours_per_week"], min_hours=row["min_hours_per_week"],
            latitude=row["location__latitude"], longitude=row["location__longitude"], sector=row["sector"],
            education_level=row["education_level"], text=f"{row['title']} {row['description']}",
        )
    wanted = {pk: set() for pk in facts}
    quiet = {pk: True for pk in facts}
    for row in JobTask.objects.filter(job_id__in=job_ids).values(
        "job_id", "description", "physical_load", "mental_load", "pace", "stimuli", "quiet_spot_possible"
    ):
        j = facts[row["job_id"]]
        j.task_count += 1
        j.text += f" {row['description']}"
        for _, _, task_field in LOAD_DIMENSIONS:
            j.max_loads[task_field] = max(j.max_loads.get(task_field, 1), row[task_field])
        quiet[row["job_id"]] &= row["quiet_spot_possible"]
    for job_id, skill_id in JobTask.capabilities.through.objects.filter(jobtask__job_id__in=job_ids).values_list(
        "jobtask__job_id", "skill_id"
    ):
        wanted[job_id].add(skill_id)
    hard, hard_free, negotiable = ({pk: [] for pk in facts} for _ in range(3))
    for row in JobRequirement.objects.filter(job_id__in=job_ids).order_by("id").values(
        "job_id", "skill_id", "is_hard", "description"
    ):
        if row["is_hard"]:
            if row["skill_id"]:
                hard[row["job_id"]].append(row["skill_id"])
            else:
                hard_free[row["job_id"]].append(row["description"])
        else:
            negotiable[row["job_id"]].append((row["skill_id"], row["description"]))
            if row["skill_id"]:
                wanted[row["job_id"]].add(row["skill_id"])
    all_skill_ids = set().union(*wanted.values(), *(set(v) for v in hard.values()))
    names = dict(Skill.objects.filter(pk__in=all_skill_ids).values_list("id", "name")) if all_skill_ids else {}
    for pk, j in facts.items():
        j.hard_skill_ids = frozenset(hard[pk])
        j.hard_free_text = tuple(hard_free[pk])
        j.negotiable = tuple(negotiable[pk])
        j.wanted_skill_ids = frozenset(wanted[pk]) | j.hard_skill_ids
        j.all_quiet = quiet[pk] and j.task_count > 0
        j.skill_names = names
    return facts


def job_facts(job) -> JobFacts:
    return job_facts_many([job.pk])[job.pk]


def weights_for_region(region_id) -> dict:
    from .models import MatchingWeights

    found = MatchingWeights.objects.filter(region_id=region_id).first() if region_id else None
    return found.as_dict() if found else dict(DEFAULT_WEIGHTS)


# --- Great-circle distance in SQL (works on PostgreSQL and SQLite) ----------------------

def _distance_expression(lat_field: str, lon_field: str, lat: float, lon: float):
    """haversine(lat_field, lon_field, lat, lon) in km as a database expression."""
    lat_rad = Radians(F(lat_field))
    dlat = Radians(F(lat_field) - Value(lat, output_field=FloatField()))
    dlon = Radians(F(lon_field) - Value(lon, output_field=FloatField()))
    cos_lat0 = Value(math.cos(math.radians(lat)), output_field=FloatField())
    a = Power(Sin(dlat / 2), 2) + cos_lat0 * Cos(lat_rad) * Power(Sin(dlon / 2), 2)
    return Value(2 * geo.EARTH_RADIUS_KM, output_field=FloatField()) * ASin(Sqrt(a))


# --- The two questions ------------------------------------------------------------------

def hard_filtered_candidates(job_fact: JobFacts, queryset):
    """Candidates that pass every hard constraint for the job (unknowns pass)."""
    from candidates.models import Candidate

    qs = queryset.order_by().filter(
        status__in=AVAILABLE_STATUSES,
        anonymised_at__isnull=True,
        hours_available_per_week__gte=job_fact.required_hours,
    )
    through = Candidate.skills.through
    for skill_id in sorted(job_fact.hard_skill_ids):
        qs = qs.filter(Exists(through.objects.filter(candidate_id=OuterRef("pk"), skill_id=skill_id)))
    if job_fact.task_count:
        for _, cap_field, task_field in LOAD_DIMENSIONS:
            level = job_fact.max_loads.get(task_field, 1)
            if level > 1:
                qs = qs.filter(Q(**{f"{cap_field}__isnull": True}) | Q(**{f"{cap_field}__gte": level}))
    if job_fact.latitude is None or job_fact.longitude is None:
        return qs.annotate(distance_km=Value(None, output_field=FloatField()))
    # Bounding boxes per band of travel radius: candidates who travel at most 10 km
    # are looked for in a 20 × 20 km box, and so on. Each band is an index range scan
    # on (latitude, longitude); the widest band uses the index on the radius instead.
    # Then a per-candidate box on latitude, then the exact great-circle distance.
    near = Q()
    lower = -1
    for upper in RADIUS_BANDS_KM:
        min_lat, max_lat, min_lon, max_lon = geo.bounding_box(job_fact.latitude, job_fact.longitude, upper)
        near |= Q(
            travel_radius_km__gt=lower, travel_radius_km__lte=upper,
            latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon),
        )
        lower = upper
    near |= Q(travel_radius_km__gt=lower)
    reach = ExpressionWrapper(
        Cast("travel_radius_km", FloatField()) * Value(1 / geo.KM_PER_DEGREE_LAT, output_field=FloatField()),
        output_field=FloatField(),
    )
    job_lat = Value(job_fact.latitude, output_field=FloatField())
    near &= Q(latitude__gte=job_lat - reach) & Q(latitude__lte=job_lat + reach)
    qs = qs.filter(near | Q(latitude__isnull=True) | Q(longitude__isnull=True))
    qs = qs.annotate(distance_km=_distance_expression("latitude", "longitude", job_fact.latitude, job_fact.longitude))
    return qs.filter(Q(distance_km__isnull=True) | Q(distance_km__lte=F("travel_radius_km")))


def candidates_for_job(job, *, queryset=None, limit: int = 20, weights: dict | None = None) -> list[Match]:
    """The best ``limit`` candidates for ``job``, best first. ``queryset``: the
    candidates the asking user may see (``policy.candidates_for(user)``)."""
    from candidates.models import Candidate

    queryset = Candidate.objects.all() if queryset is None else queryset
    jf = job_facts(job)
    if weights is None:
        weights = weights_for_region(job.employer.region_id)
    qs = hard_filtered_candidates(jf, queryset)
    rows = list(qs.values(*CANDIDATE_FIELDS, "distance_km"))
    if not rows:
        return []
    skills = {row["id"]: [] for row in rows}
    if jf.wanted_skill_ids:
        for cand_id, skill_id in Candidate.skills.through.objects.filter(
            candidate_id__in=list(skills), skill_id__in=jf.wanted_skill_ids
        ).values_list("candidate_id", "skill_id"):
            skills[cand_id].append(skill_id)
    today = timezone.localdate()
    # Rank every row that passed the hard constraints by score, then run the full rule
    # (with its Dutch explanation) on the best ones. Only the skills the job asks for
    # were loaded: the rule looks at nothing else.
    scorer = JobScorer(jf, weights)
    ranked = sorted(
        (-scorer(row, skills[row["id"]], row["distance_km"]),
         row["distance_km"] if row["distance_km"] is not None else 1e9, row["id"], row)
        for row in rows
    )
    top = []
    for *_, row in ranked:
        m = evaluate(_candidate_facts(row, skills[row["id"]]), jf, weights, row["distance_km"], today)
        if not m.excluded:  # cannot happen: the database applied the same hard constraints
            top.append(m)
        if len(top) == limit:
            break
    objects = Candidate.objects.in_bulk([m.candidate_id for m in top])
    for m in top:
        m.candidate = objects[m.candidate_id]
        m.job = job
    return top


def _distance_key(m: Match) -> float:
    return m.distance_km if m.distance_km is not None else 1e9


def hard_filtered_jobs(cf: CandidateFacts, queryset):
    """Open jobs that pass every hard constraint for the candidate (unknowns pass)."""
    from employers.models import JobRequirement, JobTask

    qs = queryset.filter(status="open").annotate(
        required_hours=Coalesce("min_hours_per_week", "hours_per_week")
    ).filter(required_hours__lte=cf.hours_available)
    qs = qs.exclude(
        Exists(
            JobRequirement.objects.filter(job=OuterRef("pk"), is_hard=True, skill__isnull=False).exclude(
                skill_id__in=cf.skill_ids
            )
        )
    )
    for _, cap_field, task_field in LOAD_DIMENSIONS:
        cap = cf.capacities.get(cap_field)
        if cap is not None:
            qs = qs.exclude(Exists(JobTask.objects.filter(job=OuterRef("pk"), **{f"{task_field}__gt": cap})))
    if cf.latitude is None or cf.longitude is None:
        return qs.annotate(distance_km=Value(None, output_field=FloatField()))
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(cf.latitude, cf.longitude, cf.radius_km)
    qs = qs.filter(
        Q(location__latitude__range=(min_lat, max_lat), location__longitude__range=(min_lon, max_lon))
        | Q(location__isnull=True)
        | Q(location__latitude__isnull=True)
    ).annotate(
        distance_km=_distance_expression("location__latitude", "location__longitude", cf.latitude, cf.longitude)
    )
    return qs.filter(Q(distance_km__isnull=True) | Q(distance_km__lte=cf.radius_km))


def jobs_for_candidate(candidate, *, queryset=None, limit: int = 20, weights: dict | None = None) -> list[Match]:
    """The best ``limit`` open jobs for ``candidate``, best first. ``queryset``: the
    jobs the asking user may see (``policy.jobs_for(user)``)."""
    from employers.models import Job

    queryset = Job.objects.all() if queryset is None else queryset
    cf = candidate_facts(candidate)
    if weights is None:
        weights = weights_for_region(candidate.municipality.region_id)
    if cf.anonymised or cf.status not in AVAILABLE_STATUSES:
        return []
    rows = list(hard_filtered_jobs(cf, queryset).values_list("id", "distance_km"))
    facts = job_facts_many([pk for pk, _ in rows])
    today = timezone.localdate()
    ranked = []
    for pk, distance in rows:
        m = evaluate(cf, facts[pk], weights, distance, today, explain=False)
        if not m.excluded:
            ranked.append((-m.score, _distance_key(m), pk, distance))
    ranked.sort(key=lambda item: item[:3])
    top = [evaluate(cf, facts[pk], weights, distance, today) for *_, pk, distance in ranked[:limit]]
    objects = Job.objects.select_related("employer", "location").in_bulk([m.job_id for m in top])
    for m in top:
        m.job = objects[m.job_id]
        m.candidate = candidate
    return top


# --- Baseline for the benchmark: everything in Python ------------------------------------

def candidates_for_job_naive(job, *, limit: int = 20, weights: dict | None = None) -> list[Match]:
    """The straightforward way: load every candidate with their skills and run the
    rule on each. Same answer as ``candidates_for_job``; only for the benchmark."""
    from candidates.models import Candidate

    jf = job_facts(job)
    weights = DEFAULT_WEIGHTS if weights is None else weights
    today = timezone.localdate()
    matches = []
    for cand in Candidate.objects.prefetch_related("skills").only(*CANDIDATE_FIELDS):
        row = {name: getattr(cand, name) for name in CANDIDATE_FIELDS}
        m = evaluate(_candidate_facts(row, [s.pk for s in cand.skills.all()]), jf, weights, None, today)
        if not m.excluded:
            matches.append(m)
    matches.sort(key=lambda m: (-m.score, _distance_key(m), m.candidate_id))
    return matches[:limit]
