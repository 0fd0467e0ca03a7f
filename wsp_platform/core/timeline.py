"""One timeline per candidate, employer and placement.

Contact moments, proposals with the employer's response, placement status changes,
tasks, documents and loonwaarde assessments merged in date order (newest first), filterable by type. Each source
is a single bounded query, so a long-running file never makes the page slow.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

PER_SOURCE = 50

TYPES = {
    "contact": "Contactmomenten",
    "voorstel": "Voorstellen",
    "status": "Statuswijzigingen",
    "taak": "Taken",
    "document": "Documenten",
    "meting": "Loonwaardemetingen",
}


@dataclass
class Entry:
    when: datetime.datetime
    type: str
    title: str
    body: str = ""
    url: str = ""
    meta: list[str] = field(default_factory=list)

    @property
    def type_label(self) -> str:
        return TYPES[self.type]


def _at(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12, 0)))


def build(*, candidate=None, employer=None, placement=None, types: list[str] | None = None) -> list[Entry]:
    """Entries about one subject. For a candidate this includes its placements; for an
    employer the placements at that employer."""
    from employers.models import ContactMoment
    from placements.models import Placement, PlacementStatusChange, Proposal, Task
    from subsidies.models import LoonwaardeAssessment
    from wsp_platform.core.models import Document

    wanted = set(types or TYPES)
    entries: list[Entry] = []
    if candidate is not None:
        placements = Placement.objects.filter(candidate=candidate)
        proposal_q = Q(candidate=candidate)
        moment_q = Q(candidate=candidate) | Q(placement__candidate=candidate)
        task_q = Q(candidate=candidate) | Q(placement__candidate=candidate)
    elif employer is not None:
        placements = Placement.objects.filter(employer=employer)
        proposal_q = Q(job__employer=employer)
        moment_q = Q(employer=employer) | Q(placement__employer=employer)
        task_q = Q(employer=employer) | Q(placement__employer=employer)
    else:
        placements = Placement.objects.filter(pk=placement.pk)
        proposal_q = Q(placement=placement)
        moment_q = Q(placement=placement)
        task_q = Q(placement=placement)

    if "contact" in wanted:
        moments = (
            ContactMoment.objects.filter(moment_q)
            .select_related("author", "contact_person")
            .order_by("-occurred_at")[:PER_SOURCE]
        )
        for m in moments:
            meta = [m.get_with_whom_display()]
            if m.contact_person_id:
                meta.append(m.contact_person.name)
            if m.follow_up_date:
                meta.append(f"vervolg {m.follow_up_date:%d-%m-%Y}")
            if m.shared_with_employer:
                meta.append("gedeeld met werkgever")
            if m.author_id:
                meta.append(str(m.author))
            entries.append(Entry(m.occurred_at, "contact", m.get_channel_display(), m.summary, meta=meta))

    if "voorstel" in wanted:
        # Which candidates were proposed, and how it ended. The employer's answer from the
        # portal (with its reason) is also a contact moment on the employer's timeline.
        proposals = (
            Proposal.objects.filter(proposal_q)
            .select_related("candidate", "job", "proposed_by")
            .order_by("-proposed_on", "-id")[:PER_SOURCE]
        )
        for pr in proposals:
            who = pr.candidate.full_name if employer is not None else pr.job.title
            meta = [pr.get_status_display()]
            if pr.responded_on:
                meta[0] += f" op {pr.responded_on:%d-%m-%Y}"
            if pr.match_score is not None:
                meta.append(f"matchscore {pr.match_score}")
            if pr.proposed_by_id:
                meta.append(str(pr.proposed_by))
            entries.append(Entry(_at(pr.proposed_on), "voorstel", f"Voorgesteld: {who}", pr.motivation, meta=meta))

    if "status" in wanted:
        changes = (
            PlacementStatusChange.objects.filter(placement__in=placements)
            .select_related("changed_by", "placement__job")
            .order_by("-changed_at")[:PER_SOURCE]
        )
        for c in changes:
            title = f"{c.get_from_status_display() or 'Nieuw'} → {c.get_to_status_display()}"
            meta = [c.placement.job.title]
            if c.changed_by_id:
                meta.append(str(c.changed_by))
            url = reverse("placements:detail", args=[c.placement.uuid])
            entries.append(Entry(c.changed_at, "status", title, c.reason, url=url, meta=meta))

    if "taak" in wanted:
        tasks = Task.objects.filter(task_q).select_related("assignee").order_by("-created_at")[:PER_SOURCE]
        for t in tasks:
            meta = [t.get_status_display(), f"uiterlijk {t.due_date:%d-%m-%Y}"]
            if t.assignee_id:
                meta.append(str(t.assignee))
            entries.append(Entry(t.created_at, "taak", t.title, t.description, meta=meta))

    if "document" in wanted:
        subjects = Q()
        if candidate is not None:
            subjects |= Q(content_type=ContentType.objects.get_for_model(candidate), object_id=candidate.pk)
        if employer is not None:
            subjects |= Q(content_type=ContentType.objects.get_for_model(employer), object_id=employer.pk)
        subjects |= Q(
            content_type=ContentType.objects.get_for_model(Placement),
            object_id__in=placements.values("pk"),
        )
        documents = Document.objects.filter(subjects).select_related("uploaded_by").order_by("-created_at")
        for d in documents[:PER_SOURCE]:
            url = reverse("document_download", args=[d.uuid])
            entries.append(Entry(d.created_at, "document", d.title, d.original_name, url=url,
                                 meta=[d.get_document_type_display()]))

    if "meting" in wanted:
        assessments = LoonwaardeAssessment.objects.filter(placement__in=placements).order_by("-assessed_on")
        for a in assessments[:PER_SOURCE]:
            meta = [a.get_method_display()]
            if a.next_due_on:
                meta.append(f"volgende meting uiterlijk {a.next_due_on:%d-%m-%Y}")
            entries.append(Entry(_at(a.assessed_on), "meting", f"Loonwaarde {a.percentage}%", a.normfunctie,
                                 meta=meta))

    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def requested_types(request) -> list[str]:
    chosen = [t for t in request.GET.getlist("type") if t in TYPES]
    return chosen or list(TYPES)


def context(request, url_name: str, **subject) -> dict:
    """Template context of a timeline block for one subject (``candidate=``, ``employer=`` or
    ``placement=``), filtered by the request's ``?type=``; used by detail pages and the
    htmx partials alike."""
    (obj,) = subject.values()
    return {
        "timeline": build(**subject, types=requested_types(request)),
        "timeline_types": TYPES,
        "timeline_url": reverse(url_name, args=[obj.uuid]),
    }


def partial(request, url_name: str, **subject):
    """The timeline block alone (htmx refresh after filtering or adding a contact moment)."""
    from django.shortcuts import render

    return render(request, "partials/timeline.html", context(request, url_name, **subject))
