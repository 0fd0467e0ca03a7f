"""Workspace pages for placements (list, pipeline board, detail) and tasks."""

import datetime
import uuid as uuidlib
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from candidates.forms import ContactMomentForm, staff_of_region
from candidates.views import _apply_errors, _documents, contact_moment_response
from wsp_platform.accounts import policy
from wsp_platform.core import timeline
from wsp_platform.core.listing import Column, actor_for, attr, is_htmx, list_page, staff_required, url_for

from . import services
from .choices import PlacementStatus, TaskStatus
from .filters import PlacementFilter, TaskFilter
from .forms import (
    AssignForm,
    CompleteForm,
    PlacementForm,
    RescheduleForm,
    TaskForm,
    TransitionForm,
    WorkAdjustmentForm,
)
from .rules import CLOSED_STATUSES, TRANSITIONS, TransitionRefused

PLACEMENT_COLUMNS = [
    Column("Kandidaat", attr("candidate.full_name"), link=True),
    Column("Werkgever", attr("employer.name"), sort="employer"),
    Column("Baan", attr("job.title")),
    Column("Status", attr("get_status_display"), sort="status"),
    Column("Kennismaking", attr("get_introduction_route_display")),
    Column("Dienstverband", attr("get_arrangement_display")),
    Column("Start", attr("start_date"), sort="start_date"),
    Column("Einde proef", attr("trial_end_date")),
    Column("Einde contract", attr("contract_end_date"), sort="contract_end_date"),
    Column("Bemiddelaar", attr("owner")),
]

BOARD_COLUMNS = [
    (PlacementStatus.VOORGESTELD, "Voorgesteld", (PlacementStatus.VOORGESTELD,)),
    (PlacementStatus.KENNISMAKING, "Kennismaking", (PlacementStatus.KENNISMAKING,)),
    (PlacementStatus.PROEFPLAATSING, "Proefplaatsing", (PlacementStatus.PROEFPLAATSING,)),
    (PlacementStatus.IN_DIENST, "In dienst / gedetacheerd", (PlacementStatus.IN_DIENST,)),
    (PlacementStatus.NAZORG, "Nazorg", (PlacementStatus.NAZORG,)),
    (PlacementStatus.BEEINDIGD, "Beëindigd", CLOSED_STATUSES),
]
BOARD_CARDS_PER_COLUMN = 40
BOARD_CLOSED_DAYS = 90


@staff_required
def placement_list(request):
    queryset = policy.placements_for(request.user).select_related("candidate", "employer", "job", "owner")
    return list_page(
        request,
        queryset=queryset,
        filterset_class=PlacementFilter,
        columns=PLACEMENT_COLUMNS,
        title="Plaatsingen",
        export_basename="plaatsingen",
        detail_url=url_for("placements:detail"),
        default_ordering="-created_at",
        extra_context={"board_url": reverse("placements:board")},
    )


def _board_context(request, message=None, message_level="success"):
    show_all = request.GET.get("alle") == "1" or request.POST.get("alle") == "1"
    base = policy.placements_for(request.user)
    if not show_all:
        base = base.filter(owner=request.user)
    counts = dict(base.values_list("status").annotate(n=Count("pk")).order_by())
    closed_since = timezone.localdate() - datetime.timedelta(days=BOARD_CLOSED_DAYS)
    columns = []
    labels = dict(PlacementStatus.choices)
    for key, label, statuses in BOARD_COLUMNS:
        cards = base.filter(status__in=statuses).select_related("candidate", "employer", "job")
        if key == PlacementStatus.BEEINDIGD:
            cards = cards.filter(Q(end_date__isnull=True) | Q(end_date__gte=closed_since))
        cards = list(cards.order_by("-updated_at")[:BOARD_CARDS_PER_COLUMN])
        for card in cards:
            card.allowed = [(s, labels[s]) for s in TRANSITIONS.get(card.status, ())]
        columns.append(
            {"status": key, "label": label, "cards": cards, "count": sum(counts.get(s, 0) for s in statuses)}
        )
    return {
        "columns": columns,
        "show_all": show_all,
        "board_message": message,
        "board_message_level": message_level,
        "end_reasons": TransitionForm().fields["end_reason"].choices,
    }


@staff_required
def placement_board(request):
    return render(request, "placements/board.html", _board_context(request))


def _placement(request, uuid):
    return get_object_or_404(
        policy.placements_for(request.user).select_related("candidate", "employer", "job", "owner", "proposal"),
        uuid=uuid,
    )


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@staff_required
@require_POST
def placement_transition(request, uuid):
    """A card moved on the board, or the status form on the detail page. Runs the same
    transition service as the API; a refused move shows the service's Dutch reason."""
    placement = _placement(request, uuid)
    form = TransitionForm(request.POST)
    message, level = None, "success"
    if form.is_valid():
        try:
            placement, task = services.move_placement(
                placement, form.cleaned_data["target"], actor=actor_for(request), **form.service_kwargs()
            )
        except TransitionRefused as exc:
            message, level = f"{placement.candidate}: {exc.message}", "error"
        else:
            message = f"{placement.candidate} staat nu op {placement.get_status_display()}."
            if task:
                message += f" Taak gemaakt: {task.title} (uiterlijk {task.due_date:%d-%m-%Y})."
    else:
        message, level = "Kies een geldige nieuwe status.", "error"
    if is_htmx(request) and request.POST.get("board") == "1":
        return render(request, "placements/board_inner.html", _board_context(request, message, level))
    (messages.success if level == "success" else messages.error)(request, message)
    return redirect(_safe_next(request, reverse("placements:detail", args=[placement.uuid])))


def _subsidies_tag_available() -> bool:
    return (Path(settings.BASE_DIR) / "subsidies" / "templatetags" / "subsidies_tags.py").exists()


@staff_required
def placement_detail(request, uuid):
    placement = _placement(request, uuid)
    tasks = placement.tasks.select_related("assignee").order_by("status", "due_date")[:50]
    return render(
        request,
        "placements/detail.html",
        {
            "placement": placement,
            "status_changes": placement.status_changes.select_related("changed_by")[:50],
            "contracts": placement.contracts.all(),
            "adjustments": placement.adjustments.all()[:20],
            "signals": placement.signals.filter(resolved_on__isnull=True),
            "tasks": tasks,
            "transition_form": TransitionForm(placement=placement),
            **timeline.context(request, "placements:timeline", placement=placement),
            "contact_form": ContactMomentForm(employer=placement.employer, initial={"with_whom": "werkgever"}),
            "contact_url": reverse("placements:contact_moment", args=[placement.uuid]),
            "documents": _documents(placement),
            "upload_url": reverse("document_upload", args=["plaatsing", placement.uuid]),
            "subsidies_tag": _subsidies_tag_available(),
            "today": timezone.localdate(),
        },
    )


@staff_required
def placement_timeline(request, uuid):
    placement = _placement(request, uuid)
    return timeline.partial(request, "placements:timeline", placement=placement)


@staff_required
@require_http_methods(["GET", "POST"])
def placement_contact_moment(request, uuid):
    placement = _placement(request, uuid)
    form = ContactMomentForm(request.POST or None, employer=placement.employer)
    if request.method == "GET":
        form = ContactMomentForm(employer=placement.employer, initial={"with_whom": "werkgever"})
    return contact_moment_response(
        request,
        form,
        subject_kwargs={"placement": placement},
        timeline_url=reverse("placements:timeline", args=[placement.uuid]),
        contact_url=reverse("placements:contact_moment", args=[placement.uuid]),
        success_url=reverse("placements:detail", args=[placement.uuid]),
        employer=placement.employer,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def placement_edit(request, uuid):
    placement = _placement(request, uuid)
    form = PlacementForm(request.POST or None, instance=placement, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            placement = services.update_placement(placement, actor=actor_for(request), data=form.service_data())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "De plaatsing is opgeslagen.")
            return redirect("placements:detail", uuid=placement.uuid)
    return render(
        request,
        "placements/form.html",
        {"form": form, "placement": placement, "title": f"Plaatsing {placement} wijzigen"},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def placement_adjustment(request, uuid):
    """Record a werkaanpassing: the existing job or workplace adjusted for this person."""
    placement = _placement(request, uuid)
    form = WorkAdjustmentForm(request.POST or None, initial={"made_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_work_adjustment(placement, actor=actor_for(request), data=form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "De werkaanpassing is vastgelegd.")
            return redirect("placements:detail", uuid=placement.uuid)
    return render(
        request,
        "placements/form.html",
        {"form": form, "placement": placement, "title": f"Werkaanpassing voor {placement}"},
    )


# --- Tasks -------------------------------------------------------------------------

TASK_COLUMNS = [
    Column("Taak", attr("title")),
    Column("Uiterlijk op", attr("due_date"), sort="due_date"),
    Column("Soort", attr("get_kind_display")),
    Column("Status", attr("get_status_display")),
    Column("Toegewezen aan", attr("assignee")),
    Column("Over", lambda t: t.placement or t.candidate or t.employer or ""),
]


def task_subject_url(task) -> str:
    if task.placement_id:
        return reverse("placements:detail", args=[task.placement.uuid])
    if task.candidate_id:
        return reverse("candidates:detail", args=[task.candidate.uuid])
    if task.employer_id:
        return reverse("employers:detail", args=[task.employer.uuid])
    return ""


@staff_required
def task_list(request):
    queryset = policy.tasks_for(request.user).select_related(
        "assignee", "candidate", "employer", "placement__candidate", "placement__employer"
    )
    if "status" not in request.GET and "export" not in request.GET:
        get = request.GET.copy()
        get.setlist("status", [TaskStatus.OPEN])
        request.GET = get
    return list_page(
        request,
        queryset=queryset,
        filterset_class=TaskFilter,
        columns=TASK_COLUMNS,
        title="Taken",
        export_basename="taken",
        results_template="tasks/results.html",
        default_ordering="due_date",
        extra_context={
            "today": timezone.localdate(),
            "create_url": reverse("task_create"),
            "create_label": "Nieuwe taak",
            "colleagues": list(staff_of_region(request.user)),
        },
    )


def _task_subject(request):
    """A new task may be about a candidate, employer or placement the user may see."""
    source = request.POST if request.method == "POST" else request.GET
    found = {}
    for key, qs_for, name in (
        ("kandidaat", policy.candidates_for, "candidate"),
        ("werkgever", policy.employers_for, "employer"),
        ("plaatsing", policy.placements_for, "placement"),
    ):
        if source.get(key):
            found[name] = get_object_or_404(qs_for(request.user), uuid=source[key])
    if "placement" in found:
        found.setdefault("candidate", found["placement"].candidate)
    return found


@staff_required
@require_http_methods(["GET", "POST"])
def task_create(request):
    subject = _task_subject(request)
    form = TaskForm(request.POST or None, user=request.user, initial={"due_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        task, _ = services.create_task(
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            due_date=form.cleaned_data["due_date"],
            assignee=form.cleaned_data["assignee"],
            actor=actor_for(request),
            notify=form.cleaned_data["assignee"] != request.user,
            **subject,
        )
        messages.success(request, f"Taak '{task.title}' is aangemaakt.")
        fallback = task_subject_url(task) or reverse("task_list")
        return redirect(_safe_next(request, fallback))
    return render(
        request,
        "tasks/form.html",
        {"form": form, "subject": subject, "subject_params": {k: request.GET.get(k) or request.POST.get(k)
                                                               for k in ("kandidaat", "werkgever", "plaatsing")
                                                               if request.GET.get(k) or request.POST.get(k)}},
    )


def _task(request, uuid):
    return get_object_or_404(policy.tasks_for(request.user), uuid=uuid)


def _task_done(request, message, level="success"):
    (messages.success if level == "success" else messages.error)(request, message)
    return redirect(_safe_next(request, reverse("task_list")))


@staff_required
@require_POST
def task_complete(request, uuid):
    task = _task(request, uuid)
    form = CompleteForm(request.POST)
    form.is_valid()
    try:
        services.complete_task(task, actor=actor_for(request), note=form.cleaned_data.get("note", ""))
    except TransitionRefused as exc:
        return _task_done(request, exc.message, "error")
    return _task_done(request, f"Taak '{task.title}' is afgerond.")


@staff_required
@require_POST
def task_reschedule(request, uuid):
    task = _task(request, uuid)
    form = RescheduleForm(request.POST)
    if not form.is_valid():
        return _task_done(request, "Vul een geldige nieuwe datum in.", "error")
    if form.cleaned_data["due_date"] < timezone.localdate():
        return _task_done(request, "Een taak kan niet naar een datum in het verleden worden verzet.", "error")
    try:
        services.reschedule_task(task, form.cleaned_data["due_date"], actor=actor_for(request),
                                 reason=form.cleaned_data["reason"])
    except TransitionRefused as exc:
        return _task_done(request, exc.message, "error")
    return _task_done(request, f"Taak '{task.title}' is verzet naar {form.cleaned_data['due_date']:%d-%m-%Y}.")


@staff_required
@require_POST
def task_assign(request, uuid):
    task = _task(request, uuid)
    form = AssignForm(request.POST, user=request.user)
    if not form.is_valid():
        return _task_done(request, "Kies een collega uit je regio.", "error")
    if task.status != TaskStatus.OPEN:
        return _task_done(request, "Alleen open taken kunnen worden toegewezen.", "error")
    services.assign_task(task, form.cleaned_data["assignee"], actor=actor_for(request))
    return _task_done(request, f"Taak '{task.title}' is toegewezen aan {form.cleaned_data['assignee']}.")


# --- Matching: ranked candidates for a job, ranked jobs for a candidate ---------------------

@staff_required
def match_candidates_for_job(request, job_uuid):
    """'Kandidaten zoeken': the best candidates the user may see, with score and explanation."""
    from . import matching

    job = get_object_or_404(policy.jobs_for(request.user).select_related("employer", "location"), uuid=job_uuid)
    matches = matching.candidates_for_job(job, queryset=policy.candidates_for(request.user), limit=20)
    writable = set(
        policy.candidates_for(request.user, write=True)
        .filter(pk__in=[m.candidate_id for m in matches]).values_list("pk", flat=True)
    )
    return render(request, "matching/candidates_for_job.html", {
        "job": job, "matches": matches, "writable": writable, "has_coordinates": job.location_id and
        job.location.latitude is not None,
    })


@staff_required
def match_jobs_for_candidate(request, uuid):
    """'Passende banen': the best open jobs the user may see for one candidate."""
    from . import matching

    candidate = get_object_or_404(
        policy.candidates_for(request.user).select_related("municipality"), uuid=uuid
    )
    matches = matching.jobs_for_candidate(candidate, queryset=policy.jobs_for(request.user), limit=20)
    can_write = policy.candidates_for(request.user, write=True).filter(pk=candidate.pk).exists()
    return render(request, "matching/jobs_for_candidate.html", {
        "candidate": candidate, "matches": matches, "can_write": can_write,
    })


@staff_required
@require_POST
def match_propose(request, job_uuid):
    """One click from a match: propose the candidate (anonymous profile until consent)
    through ``services.propose_candidate``, with the match score on the proposal."""
    from . import matching
    from .choices import Origin

    job = get_object_or_404(policy.jobs_for(request.user).select_related("employer"), uuid=job_uuid)
    back = request.POST.get("next") or reverse("employers:job_matches", args=[job.uuid])
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("employers:job_matches", args=[job.uuid])
    try:
        candidate_uuid = uuidlib.UUID(request.POST.get("candidate", ""))
    except ValueError:
        messages.error(request, "Kies de kandidaat die je wilt voorstellen.")
        return redirect(back)
    candidate = get_object_or_404(policy.candidates_for(request.user, write=True), uuid=candidate_uuid)
    match = matching.evaluate(matching.candidate_facts(candidate), matching.job_facts(job),
                              matching.weights_for_region(job.employer.region_id))
    if match.excluded:
        messages.error(request, "Deze kandidaat voldoet niet (meer) aan de harde eisen van deze baan.")
        return redirect(back)
    try:
        placement = services.propose_candidate(
            candidate, job, actor=actor_for(request), origin=request.POST.get("origin") or Origin.WERKGEVERSVRAAG,
            motivation=request.POST.get("motivation", "")[:2000], match_score=match.score,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    messages.success(request, f"{candidate.full_name} is voorgesteld voor {job.title} (matchscore {match.score}). "
                              "De werkgever ziet een anoniem profiel tot de kandidaat toestemming geeft.")
    return redirect("placements:detail", uuid=placement.uuid)
