"""Workspace pages for candidates: list (filter, search, sort, export), detail with
timeline, create/edit, the two-click contact moment, and proposing for a job."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_http_methods

from employers.services import add_contact_moment
from placements.services import propose_candidate
from wsp_platform.accounts import policy
from wsp_platform.core import timeline
from wsp_platform.core.listing import Column, actor_for, attr, is_htmx, list_page, staff_required, url_for

from .filters import CandidateFilter
from .forms import CandidateForm, ContactMomentForm, ProposeForm
from .services import create_candidate, update_candidate

# What a list and its export show. Never the BSN, birth date or target groups.
CANDIDATE_COLUMNS = [
    Column("Naam", attr("full_name"), sort="last_name", link=True),
    Column("Woonplaats", attr("city")),
    Column("Gemeente", attr("municipality.name"), sort="municipality"),
    Column("Status", attr("get_status_display"), sort="status"),
    Column("Werkfit", attr("get_work_fit_status_display")),
    Column("Uren/week", attr("hours_available_per_week"), sort="hours", numeric=True),
    Column("Casemanager", attr("owner")),
    Column("Aangemeld", lambda c: c.created_at.date(), sort="created_at"),
]


def _apply_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def reveal_bsn_url(candidate) -> str | None:
    """The security layer's logged "reveal BSN" action, once it exists."""
    try:
        return reverse("accounts:reveal_bsn", args=[candidate.uuid])
    except NoReverseMatch:
        return None


@staff_required
def candidate_list(request):
    queryset = policy.candidates_for(request.user).select_related("municipality", "owner")
    return list_page(
        request,
        queryset=queryset,
        filterset_class=CandidateFilter,
        columns=CANDIDATE_COLUMNS,
        title="Kandidaten",
        export_basename="kandidaten",
        detail_url=url_for("candidates:detail"),
        default_ordering="last_name",
        extra_context={"create_url": reverse("candidates:create"), "create_label": "Nieuwe kandidaat"},
    )


def _candidate(request, uuid, *, write=False):
    return get_object_or_404(
        policy.candidates_for(request.user, write=write).select_related("municipality", "owner", "team"), uuid=uuid
    )


@staff_required
def candidate_detail(request, uuid):
    candidate = get_object_or_404(
        policy.candidates_for(request.user)
        .select_related("municipality", "owner", "team")
        .prefetch_related("target_groups", "work_needs", "consents", "skills"),
        uuid=uuid,
    )
    placements = (
        policy.placements_for(request.user)
        .filter(candidate=candidate)
        .select_related("job", "employer")
        .order_by("-created_at")
    )
    can_write = policy.candidates_for(request.user, write=True).filter(pk=candidate.pk).exists()
    return render(
        request,
        "candidates/detail.html",
        {
            "candidate": candidate,
            "placements": placements,
            "can_write": can_write,
            "reveal_bsn_url": reveal_bsn_url(candidate),
            **timeline.context(request, "candidates:timeline", candidate=candidate),
            "contact_form": ContactMomentForm(),
            "contact_url": reverse("candidates:contact_moment", args=[candidate.uuid]),
            "documents": _documents(candidate),
            "upload_url": reverse("document_upload", args=["kandidaat", candidate.uuid]),
        },
    )


def _documents(subject):
    from django.contrib.contenttypes.models import ContentType

    from wsp_platform.core.models import Document

    return Document.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("uploaded_by")[:50]


@staff_required
def candidate_timeline(request, uuid):
    candidate = _candidate(request, uuid)
    return timeline.partial(request, "candidates:timeline", candidate=candidate)


@staff_required
@require_http_methods(["GET", "POST"])
def candidate_create(request):
    form = CandidateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = create_candidate(
                actor=actor_for(request), bsn=form.cleaned_data["bsn"], **form.service_data()
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, f"Kandidaat {candidate.full_name} is aangemaakt.")
            return redirect("candidates:detail", uuid=candidate.uuid)
    return render(request, "candidates/form.html", {"form": form, "title": "Nieuwe kandidaat"})


@staff_required
@require_http_methods(["GET", "POST"])
def candidate_edit(request, uuid):
    candidate = _candidate(request, uuid, write=True)
    form = CandidateForm(request.POST or None, instance=candidate, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = update_candidate(
                candidate, actor=actor_for(request), data=form.service_data(), bsn=form.cleaned_data["bsn"] or None
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect("candidates:detail", uuid=candidate.uuid)
    return render(
        request,
        "candidates/form.html",
        {"form": form, "title": f"{candidate.full_name} wijzigen", "candidate": candidate},
    )


def contact_moment_response(request, form, *, subject_kwargs, timeline_url, contact_url, success_url, employer=None):
    """Shared by candidate, employer and placement pages: save the moment through the
    service. htmx gets the whole timeline block back (refreshed, or with the form's
    Dutch errors); without JavaScript it is a redirect or a plain form page."""
    saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            add_contact_moment(
                actor=actor_for(request),
                channel=data["channel"],
                with_whom=data["with_whom"],
                summary=data["summary"],
                follow_up_date=data.get("follow_up_date"),
                shared_with_employer=data.get("shared_with_employer", False),
                contact_person=data.get("contact_person"),
                **subject_kwargs,
            )
            saved = True
        except ValidationError as exc:
            _apply_errors(form, exc)
    if saved and not is_htmx(request):
        messages.success(request, "Het contactmoment is vastgelegd.")
        return redirect(success_url)
    context = {
        "contact_form": ContactMomentForm(employer=employer, initial=form.initial) if saved else form,
        "contact_url": contact_url,
        "contact_open": request.method == "POST" and not saved,
        "contact_saved": saved,
        "timeline_url": timeline_url,
        "timeline_types": timeline.TYPES,
    }
    if is_htmx(request):
        context["timeline"] = timeline.build(**subject_kwargs)
        return render(request, "partials/timeline_block.html", context)
    return render(request, "core/contact_page.html", context, status=400 if request.method == "POST" else 200)


@staff_required
@require_http_methods(["GET", "POST"])
def candidate_contact_moment(request, uuid):
    candidate = _candidate(request, uuid, write=True)
    form = ContactMomentForm(request.POST or None)
    if request.method == "GET":
        form = ContactMomentForm()
    return contact_moment_response(
        request,
        form,
        subject_kwargs={"candidate": candidate},
        timeline_url=reverse("candidates:timeline", args=[candidate.uuid]),
        contact_url=reverse("candidates:contact_moment", args=[candidate.uuid]),
        success_url=reverse("candidates:detail", args=[candidate.uuid]),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def candidate_propose(request, uuid):
    candidate = _candidate(request, uuid, write=True)
    jobs = (
        policy.jobs_for(request.user).filter(status="open").select_related("employer")
        .order_by("employer__name", "title")
    )
    initial = {}
    if request.GET.get("baan"):
        job = jobs.filter(uuid=request.GET["baan"]).first()
        initial["job"] = job.pk if job else None
    form = ProposeForm(request.POST or None, jobs=jobs, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            placement = propose_candidate(
                candidate,
                form.cleaned_data["job"],
                actor=actor_for(request),
                origin=form.cleaned_data["origin"],
                introduction_route=form.cleaned_data["introduction_route"],
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, f"{candidate.full_name} is voorgesteld voor {placement.job.title}.")
            return redirect("placements:detail", uuid=placement.uuid)
    return render(request, "candidates/propose.html", {"form": form, "candidate": candidate})
