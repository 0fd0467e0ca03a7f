"""The daily deadline sweeps: set-based queries that turn due follow-up into Tasks.

Each rule is a generator of chunks (lists of ``TaskSpec``); ``run_sweeps`` hands every
chunk to ``services.create_sweep_tasks``, which inserts the new ones in one transaction
and skips every ``dedup_key`` that already exists. So a sweep run twice, or retried after
its worker was killed halfway, creates each task exactly once.

The queries select by date windows on indexed columns (``followup`` turns "appears 6
weeks before the end" into a range of end dates) and page through the result by primary
key (keyset pagination): memory stays bounded and the number of queries grows with the
number of chunks, never with the number of placements.

Times are Europe/Amsterdam dates (``timezone.localdate()``).
"""

import datetime
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from wsp_platform.audit.services import Actor

from . import followup
from .choices import PlacementStatus as S
from .choices import SupervisorStatus, TaskKind
from .followup import Window, add_months, anchor_window, start_window_for_months

logger = logging.getLogger(__name__)

EMPLOYED = (S.IN_DIENST, S.NAZORG)
NAZORG_STATUSES = (S.PROEFPLAATSING, S.IN_DIENST, S.NAZORG)
RUNNING_APPLICATION = ("toegekend", "lopend")
ACTIVE_CANDIDATE = ("aanmelding", "verkenning", "bemiddelbaar", "in_traject", "geplaatst")


@dataclass(frozen=True)
class TaskSpec:
    """A task a sweep wants to exist; ``dedup_key`` decides whether it already does."""

    rule: str
    kind: str
    subject: str
    anchor: datetime.date
    due_date: datetime.date
    title: str
    description: str = ""
    assignee_id: int | None = None
    placement_id: int | None = None
    candidate_id: int | None = None
    employer_id: int | None = None

    @property
    def dedup_key(self) -> str:
        return followup.dedup_key(self.rule, self.subject, self.anchor)


@dataclass(frozen=True)
class SweepContext:
    day: datetime.date
    lead: dict
    chunk_size: int = 2000

    @property
    def catch_up(self) -> int:
        return int(self.lead["catch_up_days"])

    def window(self, lead_key: str | int) -> Window:
        """Anchors whose trigger day (anchor - lead) this sweep handles."""
        lead = lead_key if isinstance(lead_key, int) else int(self.lead[lead_key])
        return anchor_window(self.day, lead, self.catch_up)

    def recent(self) -> Window:
        """Changes recorded after the fact: noticed up to ``recent_change_days`` later."""
        return Window(self.day - datetime.timedelta(days=int(self.lead["recent_change_days"])), self.day)


def sweep_settings() -> dict:
    wsp = getattr(settings, "WSP", {}) or {}
    return {
        "chunk_size": int(wsp.get("SWEEP_CHUNK_SIZE", 2000)),
        # Test-only: sleep between chunks so a test can kill a worker mid-sweep.
        "pause": float(wsp.get("SWEEP_CHUNK_PAUSE_SECONDS", 0) or 0),
    }


def chunked(qs, fields: tuple[str, ...], size: int) -> Iterator[list[dict]]:
    """Keyset pagination by primary key: ``size`` rows a query, bounded memory."""
    last = None
    while True:
        page = qs.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        rows = list(page.values("pk", *fields)[:size])
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        last = rows[-1]["pk"]


def start_of(day: datetime.date) -> datetime.datetime:
    """Local (Europe/Amsterdam) midnight at the start of ``day``, timezone-aware."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _ranges(field: str, windows: list[Window]) -> Q:
    q = Q(pk__in=[])
    for w in windows:
        q |= Q(**{f"{field}__range": (w.first, w.last)})
    return q


# --- Placement rows -------------------------------------------------------------------------

def pfields(prefix: str = "") -> tuple[str, ...]:
    names = (
        "uuid", "owner_id", "candidate_id", "employer_id", "candidate__owner_id", "candidate__first_name",
        "candidate__name_prefix", "candidate__last_name", "employer__name",
    )
    return tuple(prefix + n for n in names) + ((prefix[:-2] + "_id",) if prefix else ())


def _name(row, prefix: str = "") -> str:
    parts = (row[prefix + "candidate__first_name"], row[prefix + "candidate__name_prefix"],
             row[prefix + "candidate__last_name"])
    return " ".join(p for p in parts if p)


def pspec(row, rule: str, kind: str, anchor, due, title: str, description: str = "", *, prefix: str = "",
          subject: str | None = None) -> TaskSpec:
    """A TaskSpec about a placement (``row`` from ``pfields(prefix)``), for its owner."""
    placement_id = row[prefix[:-2] + "_id"] if prefix else row["pk"]
    return TaskSpec(
        rule=rule,
        kind=kind,
        subject=subject or str(row[prefix + "uuid"]),
        anchor=anchor,
        due_date=due,
        title=title,
        description=description,
        assignee_id=row[prefix + "owner_id"] or row[prefix + "candidate__owner_id"],
        placement_id=placement_id,
        candidate_id=row[prefix + "candidate_id"],
        employer_id=row[prefix + "employer_id"],
    )


def who(row, prefix: str = "") -> str:
    return f"{_name(row, prefix)} bij {row[prefix + 'employer__name']}"


def d(day: datetime.date) -> str:
    return f"{day:%d-%m-%Y}"


def minus(day: datetime.date, days: int) -> datetime.date:
    return day - datetime.timedelta(days=days)


# --- The rules --------------------------------------------------------------------------------

def sweep_nazorg(ctx: SweepContext):
    """Nazorg contacts by the region's cadence (or the default), or every N days when the
    placement overrides it. The task appears ``nazorg_contact`` days before the contact."""
    from .models import NazorgSchedule, Placement

    lead = int(ctx.lead["nazorg_contact"])
    window = ctx.window(lead)
    groups: dict[followup.NazorgCadence, list[int]] = {}
    for schedule in NazorgSchedule.objects.all():
        groups.setdefault(schedule.as_cadence(), []).append(schedule.region_id)
    scheduled = [rid for ids in groups.values() for rid in ids]
    plans = [(cadence, Q(employer__region_id__in=ids)) for cadence, ids in groups.items()]
    plans.append((followup.NazorgCadence(), ~Q(employer__region_id__in=scheduled) if scheduled else Q()))
    fields = pfields() + ("status", "start_date", "introduction_start_date", "nazorg_interval_days")
    base = Placement.objects.filter(nazorg_interval_days__isnull=True)
    for cadence, region_q in plans:
        starts = followup.start_windows(cadence, window)
        if not starts:
            continue
        qs = base.filter(region_q).filter(
            (Q(status__in=EMPLOYED) & _ranges("start_date", starts))
            | (Q(status=S.PROEFPLAATSING) & _ranges("introduction_start_date", starts))
        )
        for rows in chunked(qs, fields, ctx.chunk_size):
            yield [
                _nazorg_spec(row, contact, label)
                for row in rows
                for contact, label in followup.nazorg_contacts(_nazorg_start(row), cadence, window)
            ]
    overridden = Placement.objects.filter(nazorg_interval_days__gt=0, status__in=NAZORG_STATUSES)
    for rows in chunked(overridden, fields, ctx.chunk_size):
        yield [
            _nazorg_spec(row, contact, label)
            for row in rows
            if _nazorg_start(row)
            for contact, label in followup.interval_contacts(_nazorg_start(row), row["nazorg_interval_days"], window)
        ]


def _nazorg_start(row):
    return row["start_date"] if row["status"] in EMPLOYED else row["introduction_start_date"]


def _nazorg_spec(row, contact, label) -> TaskSpec:
    return pspec(
        row, "nazorg", TaskKind.NAZORG, contact, contact,
        f"Nazorgcontact {who(row)} ({label}, uiterlijk {d(contact)})",
        "Plan een bezoek of gesprek met de kandidaat en de werkbegeleider en leg het vast als contactmoment.",
    )


def _latest_assessments():
    from subsidies.models import LoonwaardeAssessment

    later = LoonwaardeAssessment.objects.filter(placement_id=OuterRef("placement_id")).filter(
        Q(assessed_on__gt=OuterRef("assessed_on")) | Q(assessed_on=OuterRef("assessed_on"), pk__gt=OuterRef("pk"))
    )
    return LoonwaardeAssessment.objects.filter(placement__status__in=EMPLOYED).exclude(Exists(later))


def sweep_loonwaarde(ctx: SweepContext):
    """Reassessment due in 8 weeks (latest assessment's ``next_due_on``)."""
    lead = int(ctx.lead["loonwaarde_due"])
    w = ctx.window(lead)
    qs = _latest_assessments().filter(next_due_on__range=(w.first, w.last))
    for rows in chunked(qs, pfields("placement__") + ("next_due_on",), ctx.chunk_size):
        yield [
            pspec(
                r, "loonwaarde", TaskKind.LOONWAARDE, r["next_due_on"], minus(r["next_due_on"], lead),
                f"Loonwaardemeting {who(r, 'placement__')} uiterlijk {d(r['next_due_on'])}: plan de herbeoordeling",
                "Vraag de loonwaardedeskundige tijdig; zonder nieuwe meting kan de loonkostensubsidie niet door.",
                prefix="placement__",
            )
            for r in rows
        ]


def sweep_loonwaarde_te_laat(ctx: SweepContext):
    """Reassessment overdue: the due date passed without a newer assessment."""
    lag = int(ctx.lead["loonwaarde_overdue"])
    w = ctx.window(-lag)
    qs = _latest_assessments().filter(next_due_on__range=(w.first, w.last))
    for rows in chunked(qs, pfields("placement__") + ("next_due_on",), ctx.chunk_size):
        yield [
            pspec(
                r, "loonwaarde_te_laat", TaskKind.LOONWAARDE, r["next_due_on"], minus(r["next_due_on"], -lag),
                f"Loonwaardemeting te laat: {who(r, 'placement__')} (was uiterlijk {d(r['next_due_on'])})",
                "Er is geen nieuwe loonwaardemeting vastgelegd. Regel de meting en informeer de gemeente.",
                prefix="placement__",
            )
            for r in rows
        ]


def sweep_forfaitair_einde(ctx: SweepContext):
    """Month 5 of a forfaitaire LKS and still no real measurement."""
    from subsidies.models import LoonwaardeAssessment, SubsidyApplication

    from .models import Placement

    warn, period = int(ctx.lead["forfaitair_warning_months"]), int(ctx.lead["forfaitair_period_months"])
    starts = start_window_for_months(ctx.window(0), warn)
    if not starts:
        return
    forfaitair = Exists(
        SubsidyApplication.objects.filter(
            placement=OuterRef("pk"), kind="loonkostensubsidie", is_forfaitair=True,
            status__in=("ingediend", "in_behandeling") + RUNNING_APPLICATION,
        )
    ) | Exists(LoonwaardeAssessment.objects.filter(placement=OuterRef("pk"), method="forfaitair"))
    measured = Exists(LoonwaardeAssessment.objects.filter(placement=OuterRef("pk")).exclude(method="forfaitair"))
    qs = Placement.objects.filter(
        forfaitair, status__in=EMPLOYED, start_date__range=(starts.first, starts.last)
    ).exclude(measured)
    for rows in chunked(qs, pfields() + ("start_date",), ctx.chunk_size):
        specs = []
        for r in rows:
            end = add_months(r["start_date"], period) - followup.DAY
            specs.append(pspec(
                r, "forfaitair_einde", TaskKind.FORFAITAIR_EINDE, end, add_months(r["start_date"], warn),
                f"Forfaitaire LKS {who(r)} eindigt {d(end)}: plan een loonwaardemeting",
                "Na de forfaitaire periode is een echte loonwaardemeting nodig voor de loonkostensubsidie.",
            ))
        yield specs


def _application_sweep(ctx, rule, kind, lead_key, qs, title, description):
    lead = int(ctx.lead[lead_key])
    w = ctx.window(lead)
    qs = qs.filter(
        status__in=RUNNING_APPLICATION, period_end__range=(w.first, w.last), follow_up__isnull=True,
        placement__status__in=EMPLOYED,
    )
    fields = pfields("placement__") + ("uuid", "period_end", "kind")
    for rows in chunked(qs, fields, ctx.chunk_size):
        yield [
            pspec(r, rule, kind, r["period_end"], minus(r["period_end"], lead), title(r), description,
                  prefix="placement__", subject=str(r["uuid"]))
            for r in rows
        ]


def sweep_beschikking_einde(ctx: SweepContext):
    """A beschikking ends in 6 weeks and no follow-up application exists."""
    from subsidies.models import SubsidyApplication

    labels = dict(SubsidyApplication._meta.get_field("kind").choices)
    yield from _application_sweep(
        ctx, "beschikking_einde", TaskKind.BESCHIKKING_EINDE, "beschikking_end",
        SubsidyApplication.objects.exclude(kind__in=("jobcoach", "werkplekaanpassing", "lkv", "proefplaatsing")),
        lambda r: f"Beschikking {labels.get(r['kind'], r['kind'])} {who(r, 'placement__')} loopt af op "
        f"{d(r['period_end'])}: vraag een vervolgbeschikking aan",
        "Er is nog geen vervolgaanvraag. Maak er een aan vanuit de huidige beschikking (gegevens worden overgenomen).",
    )


def sweep_jobcoach_budget(ctx: SweepContext):
    """The jobcoach budget (beschikking) ends in 6 weeks without a follow-up."""
    from subsidies.models import SubsidyApplication

    yield from _application_sweep(
        ctx, "jobcoach_budget", TaskKind.JOBCOACH, "jobcoach_budget_end",
        SubsidyApplication.objects.filter(kind="jobcoach"),
        lambda r: f"Jobcoachbudget {who(r, 'placement__')} loopt af op {d(r['period_end'])}",
        "Bespreek met jobcoach en werkgever: afbouwen, verlengen (vervolgaanvraag) of overdragen aan de werkvloer.",
    )


def sweep_proefplaatsing_einde(ctx: SweepContext):
    """Trial ends in 2 weeks and no decision is recorded (same key as the pipeline move)."""
    from .models import Placement

    lead = int(ctx.lead["trial_end"])
    w = ctx.window(lead)
    qs = Placement.objects.filter(status=S.PROEFPLAATSING, trial_decision="", trial_end_date__range=(w.first, w.last))
    for rows in chunked(qs, pfields() + ("trial_end_date",), ctx.chunk_size):
        yield [
            pspec(r, TaskKind.PROEFPLAATSING_EINDE, TaskKind.PROEFPLAATSING_EINDE, r["trial_end_date"],
                  minus(r["trial_end_date"], lead),
                  f"Besluit na proefplaatsing {who(r)} (eindigt {d(r['trial_end_date'])})",
                  "Bespreek met werkgever en kandidaat: in dienst, verlengen of stoppen.")
            for r in rows
        ]


def sweep_contract_einde(ctx: SweepContext):
    """The current contract ends in 6 weeks."""
    from .models import Placement

    lead = int(ctx.lead["contract_end"])
    w = ctx.window(lead)
    qs = Placement.objects.filter(status__in=EMPLOYED, contract_end_date__range=(w.first, w.last))
    for rows in chunked(qs, pfields() + ("contract_end_date",), ctx.chunk_size):
        yield [
            pspec(r, "contract_einde", TaskKind.CONTRACT_EINDE, r["contract_end_date"],
                  minus(r["contract_end_date"], lead),
                  f"Contract {who(r)} eindigt {d(r['contract_end_date'])}: bespreek verlenging",
                  "Vraag de werkgever naar verlenging of een vast contract en leg het besluit vast.")
            for r in rows
        ]


def sweep_jobcoach_contact(ctx: SweepContext):
    """First half year with a jobcoach: no jobcoach contact logged for 4 weeks."""
    from employers.models import ContactMoment
    from subsidies.models import SubsidyApplication

    from .models import Placement

    gap, months = int(ctx.lead["jobcoach_no_contact"]), int(ctx.lead["jobcoach_first_months"])
    trig = followup.trigger_window(ctx.day, ctx.catch_up)
    last_window = trig.shift(-gap)  # last contact on these days => silence reached in trig
    contacts = ContactMoment.objects.filter(placement=OuterRef("pk"), is_jobcoach_contact=True)
    has_jobcoach = ~Q(jobcoach_name="") | Exists(
        SubsidyApplication.objects.filter(placement=OuterRef("pk"), kind="jobcoach", status__in=RUNNING_APPLICATION)
    )
    qs = (
        Placement.objects.filter(
            status__in=EMPLOYED,
            start_date__gte=add_months(trig.first, -months) - followup.DAY,
            start_date__lte=last_window.last,
        )
        .filter(has_jobcoach)
        .exclude(Exists(contacts.filter(occurred_at__gte=start_of(last_window.last + followup.DAY))))
        .annotate(last_contact=Subquery(contacts.order_by("-occurred_at").values("occurred_at")[:1]))
        .filter(
            Q(last_contact__isnull=True, start_date__range=(last_window.first, last_window.last))
            | Q(last_contact__gte=start_of(last_window.first))
        )
    )
    for rows in chunked(qs, pfields() + ("start_date", "last_contact"), ctx.chunk_size):
        specs = []
        for r in rows:
            last = timezone.localdate(r["last_contact"]) if r["last_contact"] else r["start_date"]
            anchor = followup.no_contact_anchor(last, gap)
            if anchor in trig and anchor <= add_months(r["start_date"], months):
                specs.append(pspec(
                    r, "jobcoach_contact", TaskKind.JOBCOACH, anchor, anchor,
                    f"Geen jobcoachcontact {who(r)} sinds {d(last)}",
                    "In het eerste halfjaar hoort de jobcoach minstens eens per 4 weken contact te hebben. "
                    "Vraag de jobcoach hoe het gaat en leg het contact vast.",
                ))
        yield specs


def sweep_kartrekker(ctx: SweepContext):
    """A champion (kartrekker) left or announced leaving: every active placement's owner
    at that employer, and the account holder, gets a task."""
    from employers.models import ContactPerson

    from .models import Placement

    recent, lead = ctx.recent(), int(ctx.lead["champion_leaving"])
    ahead = Window(recent.first, ctx.day + datetime.timedelta(days=lead))
    people = ContactPerson.objects.filter(is_champion=True).filter(
        Q(left_on__range=(recent.first, recent.last)) | Q(left_on__isnull=True, leaving_on__range=(ahead.first,
                                                                                                     ahead.last))
    )
    for rows in chunked(people, ("uuid", "name", "left_on", "leaving_on", "employer_id", "employer__name",
                                 "employer__account_holder_id"), ctx.chunk_size):
        specs = []
        by_employer = {}
        for c in rows:
            anchor = c["left_on"] or c["leaving_on"]
            verb = f"is vertrokken ({d(anchor)})" if c["left_on"] else f"vertrekt per {d(anchor)}"
            title = f"Kartrekker {c['name']} bij {c['employer__name']} {verb}: zoek een nieuw aanspreekpunt"
            trigger = anchor if c["left_on"] else minus(anchor, lead)
            by_employer.setdefault(c["employer_id"], []).append((c, anchor, title, trigger))
            if c["employer__account_holder_id"]:
                specs.append(TaskSpec(
                    rule="kartrekker", kind=TaskKind.KARTREKKER, subject=str(c["uuid"]), anchor=anchor,
                    due_date=trigger, title=title, assignee_id=c["employer__account_holder_id"],
                    employer_id=c["employer_id"],
                    description="Spreek met de werkgever af wie de plaatsingen op de werkvloer gaat dragen.",
                ))
        placements = Placement.objects.filter(employer_id__in=list(by_employer), status__in=NAZORG_STATUSES)
        for prow in placements.values("pk", *pfields()):
            for c, anchor, title, trigger in by_employer[prow["employer_id"]]:
                owner = prow["owner_id"] or prow["candidate__owner_id"]
                if owner and owner == c["employer__account_holder_id"]:
                    continue  # the account holder's task covers it
                specs.append(pspec(
                    prow, "kartrekker", TaskKind.KARTREKKER, anchor, trigger,
                    f"{title} — plaatsing {_name(prow)}",
                    "De kartrekker verdwijnt: ga langs bij de werkvloer en spreek een nieuw aanspreekpunt af.",
                    subject=f"{c['uuid']}/{prow['uuid']}",
                ))
        yield specs


def sweep_accounthouder(ctx: SweepContext):
    """The employer has a new account holder: owners of its active placements are told."""
    from .models import Placement

    recent = ctx.recent()
    qs = Placement.objects.filter(
        status__in=NAZORG_STATUSES, employer__account_holder_since__range=(recent.first, recent.last)
    ).exclude(owner_id=F("employer__account_holder_id"))
    fields = pfields() + ("employer__account_holder_since", "employer__account_holder__first_name",
                          "employer__account_holder__last_name")
    for rows in chunked(qs, fields, ctx.chunk_size):
        yield [
            pspec(
                r, "accounthouder", TaskKind.KARTREKKER, r["employer__account_holder_since"],
                r["employer__account_holder_since"],
                f"Nieuwe accounthouder bij {r['employer__name']} "
                f"({r['employer__account_holder__first_name']} {r['employer__account_holder__last_name']}, "
                f"sinds {d(r['employer__account_holder_since'])}) — plaatsing {_name(r)}",
                "Stem de nazorg van deze plaatsing af met de nieuwe accounthouder.",
            )
            for r in rows
        ]


def sweep_geen_contact(ctx: SweepContext):
    """A candidate in the caseload without any contact moment for 8 weeks."""
    from candidates.models import Candidate
    from employers.models import ContactMoment

    gap = int(ctx.lead["candidate_no_contact"])
    trig = followup.trigger_window(ctx.day, ctx.catch_up)
    last_window = trig.shift(-gap)
    lo, hi = start_of(last_window.first), start_of(last_window.last + followup.DAY)
    direct = ContactMoment.objects.filter(candidate=OuterRef("pk"))
    via = ContactMoment.objects.filter(placement__candidate=OuterRef("pk"))
    in_window = ContactMoment.objects.filter(occurred_at__gte=lo, occurred_at__lt=hi)
    base = Candidate.objects.filter(status__in=ACTIVE_CANDIDATE, owner__isnull=False, anonymised_at__isnull=True)
    silent = ~Exists(direct.filter(occurred_at__gte=hi)) & ~Exists(via.filter(occurred_at__gte=hi))
    talked = base.filter(
        Q(pk__in=in_window.filter(candidate__isnull=False).values("candidate_id"))
        | Q(pk__in=in_window.filter(placement__isnull=False).values("placement__candidate_id"))
    ).filter(silent)
    never = base.filter(created_at__gte=lo, created_at__lt=hi).exclude(Exists(direct)).exclude(Exists(via))
    fields = ("uuid", "owner_id", "first_name", "name_prefix", "last_name", "created_at")
    for qs in (talked, never):
        qs = qs.annotate(
            last_direct=Subquery(direct.order_by("-occurred_at").values("occurred_at")[:1]),
            last_via=Subquery(via.order_by("-occurred_at").values("occurred_at")[:1]),
        )
        for rows in chunked(qs, fields + ("last_direct", "last_via"), ctx.chunk_size):
            specs = []
            for r in rows:
                moments = [m for m in (r["last_direct"], r["last_via"]) if m]
                last = timezone.localdate(max(moments) if moments else r["created_at"])
                anchor = followup.no_contact_anchor(last, gap)
                if anchor not in trig:
                    continue
                name = " ".join(p for p in (r["first_name"], r["name_prefix"], r["last_name"]) if p)
                since = f"sinds {d(last)}" if moments else f"sinds aanmelding ({d(last)})"
                specs.append(TaskSpec(
                    rule="geen_contact", kind=TaskKind.GEEN_CONTACT, subject=str(r["uuid"]), anchor=anchor,
                    due_date=anchor, title=f"Al 8 weken geen contact met {name} ({since})",
                    description="Neem contact op met de kandidaat en leg het vast als contactmoment.",
                    assignee_id=r["owner_id"], candidate_id=r["pk"],
                ))
            yield specs


def _last_temporary_contracts(lead: int, ctx: SweepContext):
    from .models import Contract

    w = ctx.window(lead)
    later = Contract.objects.filter(placement_id=OuterRef("placement_id"), sequence__gt=OuterRef("sequence"))
    return Contract.objects.filter(
        kind="tijdelijk", end_date__range=(w.first, w.last), placement__status__in=EMPLOYED
    ).exclude(Exists(later))


def sweep_ketenregeling(ctx: SweepContext):
    """The third (or later) successive temporary contract ends: decide on a permanent one."""
    from .models import Contract

    lead, count = int(ctx.lead["ketenregeling"]), int(ctx.lead["ketenregeling_count"])
    temporaries = (
        Contract.objects.filter(placement_id=OuterRef("placement_id"), kind="tijdelijk",
                                sequence__lte=OuterRef("sequence"))
        .values("placement_id").annotate(n=Count("pk")).values("n")
    )
    qs = (
        _last_temporary_contracts(lead, ctx)
        .filter(placement__permanent_contract_decision="")
        .annotate(temporary_count=Subquery(temporaries[:1]))
        .filter(temporary_count__gte=count)
    )
    for rows in chunked(qs, pfields("placement__") + ("uuid", "end_date", "temporary_count"), ctx.chunk_size):
        yield [
            pspec(
                r, "ketenregeling", TaskKind.KETENREGELING, r["end_date"], minus(r["end_date"], lead),
                f"Ketenregeling: {r['temporary_count']}e tijdelijke contract {who(r, 'placement__')} eindigt "
                f"{d(r['end_date'])} — besluit over vast contract nodig",
                "Na drie tijdelijke contracten volgt een vast contract (ketenregeling). Bespreek het besluit "
                "met de werkgever en leg het vast.",
                prefix="placement__", subject=str(r["uuid"]),
            )
            for r in rows
        ]


def sweep_transitieplan(ctx: SweepContext):
    """A temporary contract ends in 3 months and the placement has no transition plan."""
    lead = int(ctx.lead["transition_plan"])
    qs = _last_temporary_contracts(lead, ctx).filter(placement__transition_plan="")
    for rows in chunked(qs, pfields("placement__") + ("uuid", "end_date"), ctx.chunk_size):
        yield [
            pspec(
                r, "transitieplan", TaskKind.TRANSITIEPLAN, r["end_date"], minus(r["end_date"], lead),
                f"Tijdelijk contract {who(r, 'placement__')} eindigt {d(r['end_date'])}: maak een transitieplan",
                "Leg vast wat er gebeurt na dit contract: verlenging, vast contract, ander werk of terugval.",
                prefix="placement__", subject=str(r["uuid"]),
            )
            for r in rows
        ]


SUPERVISOR_TEXT = {
    SupervisorStatus.VERTREKT: "vertrekt per {date}",
    SupervisorStatus.MET_PENSIOEN: "gaat met pensioen per {date}",
    SupervisorStatus.GEWISSELD: "is gewisseld ({date})",
    SupervisorStatus.ACTIEF: "is gewisseld ({date})",
}


def sweep_werkbegeleider(ctx: SweepContext):
    """The werkbegeleider changed, is leaving or retiring — the main reason placements fail.
    Announced departures appear ``supervisor_change`` days ahead; changes already made
    are picked up for ``recent_change_days``."""
    from .models import Placement

    lead = int(ctx.lead["supervisor_change"])
    recent = ctx.recent()
    qs = Placement.objects.filter(
        status__in=NAZORG_STATUSES,
        supervisor_changed_on__range=(recent.first, ctx.day + datetime.timedelta(days=lead)),
    )
    for rows in chunked(qs, pfields() + ("supervisor_changed_on", "supervisor_status", "supervisor_name"),
                        ctx.chunk_size):
        specs = []
        for r in rows:
            anchor, status = r["supervisor_changed_on"], r["supervisor_status"]
            leaving = status in (SupervisorStatus.VERTREKT, SupervisorStatus.MET_PENSIOEN)
            if leaving and anchor > ctx.day:
                due = minus(anchor, lead)
            else:
                # A change already made (or a departure noticed late): visit within a week.
                due = max(anchor, ctx.day - datetime.timedelta(days=ctx.catch_up)) + datetime.timedelta(days=7)
            if not leaving and anchor > ctx.day:
                continue
            text = SUPERVISOR_TEXT.get(status, SUPERVISOR_TEXT[SupervisorStatus.GEWISSELD]).format(date=d(anchor))
            specs.append(pspec(
                r, "werkbegeleider", TaskKind.WERKBEGELEIDER, anchor, due,
                f"Werkbegeleider {r['supervisor_name'] or ''} {text} — {who(r)}".replace("  ", " "),
                "Ga langs: wie begeleidt de kandidaat op de werkvloer, weet die wat nodig is, "
                "en moet de jobcoach tijdelijk meer doen?",
            ))
        yield specs


def _month_sweep(ctx: SweepContext, months_list, lead: int, extra_q, make):
    from .models import Placement

    trigger = followup.trigger_window(ctx.day, ctx.catch_up)
    for months in months_list:
        starts = start_window_for_months(trigger.shift(lead), months)
        if not starts:
            continue
        qs = Placement.objects.filter(status__in=EMPLOYED, start_date__range=(starts.first, starts.last))
        if extra_q is not None:
            qs = qs.filter(extra_q)
        for rows in chunked(qs, pfields() + ("start_date",), ctx.chunk_size):
            yield [make(r, months, add_months(r["start_date"], months)) for r in rows]


def sweep_duurzaamheid(ctx: SweepContext):
    """Durability checkpoints 6 and 12 months after the start: a short evaluation."""
    months_list = tuple(int(m) for m in ctx.lead["durability_months"])
    yield from _month_sweep(
        ctx, months_list, int(ctx.lead["durability_lead"]), None,
        lambda r, m, anchor: pspec(
            r, "duurzaamheid", TaskKind.DUURZAAMHEID, anchor, anchor,
            f"Duurzaamheidsmoment {m} maanden: {who(r)} ({d(anchor)})",
            "Korte evaluatie met kandidaat, werkbegeleider en werkgever: gaat het goed, wat is er nodig "
            "om de baan te houden?",
        ),
    )


def sweep_afbouw(ctx: SweepContext):
    """The 6-month moment when LKS or jobcoach hours are usually stepped down."""
    from subsidies.models import SubsidyApplication

    supported = ~Q(jobcoach_name="") | Exists(
        SubsidyApplication.objects.filter(
            placement=OuterRef("pk"), kind__in=("loonkostensubsidie", "jobcoach"), status__in=RUNNING_APPLICATION
        )
    )
    yield from _month_sweep(
        ctx, (int(ctx.lead["step_down_month"]),), int(ctx.lead["step_down_lead"]), supported,
        lambda r, m, anchor: pspec(
            r, "afbouw", TaskKind.DUURZAAMHEID, anchor, anchor,
            f"Afbouwmoment {m} maanden: {who(r)} ({d(anchor)}) — LKS en jobcoachuren herzien",
            "Bespreek of de jobcoachuren omlaag kunnen en of een nieuwe loonwaardemeting nodig is.",
        ),
    )


RULES: dict[str, Callable[[SweepContext], Iterator[list[TaskSpec]]]] = {
    "nazorg": sweep_nazorg,
    "loonwaarde": sweep_loonwaarde,
    "loonwaarde_te_laat": sweep_loonwaarde_te_laat,
    "forfaitair_einde": sweep_forfaitair_einde,
    "beschikking_einde": sweep_beschikking_einde,
    "proefplaatsing_einde": sweep_proefplaatsing_einde,
    "contract_einde": sweep_contract_einde,
    "jobcoach_budget": sweep_jobcoach_budget,
    "jobcoach_contact": sweep_jobcoach_contact,
    "kartrekker": sweep_kartrekker,
    "accounthouder": sweep_accounthouder,
    "geen_contact": sweep_geen_contact,
    "ketenregeling": sweep_ketenregeling,
    "transitieplan": sweep_transitieplan,
    "werkbegeleider": sweep_werkbegeleider,
    "duurzaamheid": sweep_duurzaamheid,
    "afbouw": sweep_afbouw,
}


def run_sweeps(day: datetime.date | None = None, rules=None, *, actor: Actor | None = None) -> dict[str, int]:
    """Run the deadline sweeps for ``day`` (default: today in Europe/Amsterdam).
    Returns {rule: tasks created}. Safe to run again: existing tasks are skipped."""
    from .models import SweepRun
    from .services import create_sweep_tasks

    day = day or timezone.localdate()
    actor = actor or Actor.system()
    options = sweep_settings()
    ctx = SweepContext(day=day, lead=followup.lead_times(), chunk_size=options["chunk_size"])
    unknown = set(rules or ()) - set(RULES)
    if unknown:
        raise ValueError(f"Onbekende sweep(s): {', '.join(sorted(unknown))}")
    result = {}
    for name in rules or RULES:
        run = SweepRun.objects.create(run_for=day, rule=name)
        seen = created = 0
        try:
            for i, specs in enumerate(RULES[name](ctx)):
                if i and options["pause"]:
                    time.sleep(options["pause"])
                seen += len(specs)
                created += create_sweep_tasks(specs, actor=actor)
        except Exception as exc:
            SweepRun.objects.filter(pk=run.pk).update(
                status=SweepRun.Status.FAILED, finished_at=timezone.now(), candidates_seen=seen,
                tasks_created=created, error=repr(exc)[:2000],
            )
            raise
        SweepRun.objects.filter(pk=run.pk).update(
            status=SweepRun.Status.DONE, finished_at=timezone.now(), candidates_seen=seen, tasks_created=created
        )
        logger.info("sweep %s for %s: %s seen, %s created", name, day, seen, created)
        result[name] = created
    return result


def send_digests(day: datetime.date | None = None, *, force: bool = False, actor: Actor | None = None) -> int:
    """The working-morning e-mail digest for every bemiddelaar/teamleider with new or
    overdue open tasks. Weekends are skipped unless ``force``. Returns mails sent."""
    from django.contrib.auth import get_user_model

    from wsp_platform.accounts.models import STAFF_ROLES

    from .choices import TaskStatus
    from .models import Task
    from .services import send_task_digest

    day = day or timezone.localdate()
    if not force and not followup.is_working_day(day):
        return 0
    actor = actor or Actor.system()
    users = (
        get_user_model().objects.filter(is_active=True, role__in=STAFF_ROLES).exclude(email="")
        .filter(Exists(Task.objects.filter(assignee=OuterRef("pk"), status=TaskStatus.OPEN)))
    )
    sent = 0
    last = None
    while True:
        page = users.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        batch = list(page[:500])
        if not batch:
            return sent
        for user in batch:
            sent += send_task_digest(user, day, actor=actor)
        last = batch[-1].pk
