"""The bemiddelaar's home page ("Mijn werkvoorraad"), documents and notifications."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from wsp_platform.accounts import policy
from wsp_platform.audit.services import AuditAction, record

from .listing import actor_for, staff_required
from .models import Document, DocumentType
from .services import upload_document

HOME_LIMIT = 15


def home(request):
    """Role-aware start page. Employer users go to their portal; staff see their work."""
    if not request.user.is_authenticated:
        return redirect("login")
    if getattr(request.user, "is_employer_user", False):
        return redirect("/portaal/")
    if not policy.is_staff_user(request.user):
        return render(request, "core/home_other.html")
    return render(request, "home.html", workload(request.user))


def workload(user, today: datetime.date | None = None) -> dict:
    """Everything on "Mijn werkvoorraad"; every list is a single bounded query."""
    from candidates.choices import CandidateStatus
    from employers.models import ContactMoment
    from placements.choices import PlacementStatus, TaskStatus
    from placements.followup import lead_times
    from placements.models import Notification, Signal
    from placements.rules import CLOSED_STATUSES
    from subsidies.models import LoonwaardeAssessment, SubsidyApplication

    today = today or timezone.localdate()
    labels = dict(CandidateStatus.choices)
    by_status = (
        policy.candidates_for(user).filter(owner=user).values("status").annotate(n=Count("pk")).order_by("status")
    )
    candidate_counts = [
        {"status": row["status"], "label": labels.get(row["status"], row["status"]), "count": row["n"]}
        for row in by_status
    ]
    employers = (
        policy.employers_for(user)
        .filter(Q(account_holder=user) | Q(deputy=user))
        .annotate(active_placements=Count("placements", filter=~Q(placements__status__in=CLOSED_STATUSES)))
        .order_by("name")[:HOME_LIMIT]
    )
    my_placements = policy.placements_for(user).filter(owner=user).exclude(status__in=CLOSED_STATUSES)
    # The same lead times as the deadline sweeps (settings.WSP["LEAD_TIMES"]).
    lead = lead_times()
    trial_ending = (
        my_placements.filter(
            status=PlacementStatus.PROEFPLAATSING,
            trial_end_date__lte=today + datetime.timedelta(days=lead["trial_end"]),
        )
        .select_related("candidate", "employer")
        .order_by("trial_end_date")[:HOME_LIMIT]
    )
    newer = ContactMoment.objects.filter(
        Q(candidate=OuterRef("candidate")) | Q(placement=OuterRef("placement")) | Q(employer=OuterRef("employer")),
        occurred_at__gt=OuterRef("occurred_at"),
    )
    follow_up_overdue = (
        ContactMoment.objects.filter(
            Q(placement__in=my_placements.values("pk"))
            | Q(candidate__in=policy.candidates_for(user).filter(owner=user).values("pk"))
            | Q(author=user),
            follow_up_date__lt=today,
        )
        .exclude(Exists(newer))
        .select_related("candidate", "employer", "placement__candidate")
        .order_by("follow_up_date")[:HOME_LIMIT]
    )
    later_assessment = LoonwaardeAssessment.objects.filter(
        placement=OuterRef("placement"), assessed_on__gt=OuterRef("assessed_on")
    )
    loonwaarde_due = (
        LoonwaardeAssessment.objects.filter(
            placement__in=my_placements.values("pk"),
            next_due_on__lte=today + datetime.timedelta(days=lead["loonwaarde_due"]),
        )
        .exclude(Exists(later_assessment))
        .select_related("placement__candidate", "placement__employer")
        .order_by("next_due_on")[:HOME_LIMIT]
    )
    beschikking_ending = (
        SubsidyApplication.objects.filter(
            placement__in=my_placements.values("pk"),
            status__in=["toegekend", "lopend"],
            period_end__lte=today + datetime.timedelta(days=lead["beschikking_end"]),
            period_end__gte=today - datetime.timedelta(days=lead["beschikking_end"]),
            follow_up__isnull=True,
        )
        .select_related("placement__candidate", "placement__employer")
        .order_by("period_end")[:HOME_LIMIT]
    )
    open_tasks = policy.tasks_for(user).filter(assignee=user, status=TaskStatus.OPEN)
    tasks_due = open_tasks.filter(due_date__lte=today).select_related(
        "candidate", "employer", "placement__candidate"
    ).order_by("due_date", "id")[:HOME_LIMIT * 2]
    tasks_upcoming = open_tasks.filter(
        due_date__gt=today, due_date__lte=today + datetime.timedelta(days=14)
    ).select_related("candidate", "employer", "placement__candidate").order_by("due_date", "id")[:HOME_LIMIT]
    signals = (
        Signal.objects.filter(placement__in=my_placements.values("pk"), resolved_on__isnull=True)
        .select_related("placement__candidate", "placement__employer")
        .order_by("-raised_on")[:HOME_LIMIT]
    )
    notifications = (
        Notification.objects.filter(user=user, read_at__isnull=True)
        .select_related("task")
        .order_by("-created_at")[:HOME_LIMIT]
    )
    return {
        "today": today,
        "candidate_counts": candidate_counts,
        "candidate_total": sum(row["count"] for row in candidate_counts),
        "employers": employers,
        "trial_ending": trial_ending,
        "follow_up_overdue": follow_up_overdue,
        "loonwaarde_due": loonwaarde_due,
        "beschikking_ending": beschikking_ending,
        "tasks_due": tasks_due,
        "tasks_upcoming": tasks_upcoming,
        "signals": signals,
        "notifications": notifications,
    }


@staff_required
@require_POST
def notifications_read(request):
    from placements.models import Notification

    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, "Alle meldingen zijn als gelezen gemarkeerd.")
    return redirect("home")


# --- Documents ------------------------------------------------------------------

def _subject_querysets(user):
    """Document subjects by URL kind, each restricted by the policy."""
    return {
        "kandidaat": policy.candidates_for(user),
        "plaatsing": policy.placements_for(user),
        "subsidieaanvraag": policy.subsidy_applications_for(user),
        "werkgever": policy.employers_for(user),
    }


def _subject_url(subject) -> str:
    if hasattr(subject, "get_workspace_url"):
        return subject.get_workspace_url()
    label = subject._meta.label_lower
    from django.urls import NoReverseMatch, reverse

    names = {
        "candidates.candidate": "candidates:detail",
        "placements.placement": "placements:detail",
        "employers.employer": "employers:detail",
        "subsidies.subsidyapplication": "subsidies:application_detail",
    }
    try:
        return reverse(names[label], args=[subject.uuid])
    except (KeyError, NoReverseMatch):
        if label == "subsidies.subsidyapplication":
            return f"/subsidies/aanvragen/{subject.uuid}/"
        return "/"


class DocumentForm(forms.Form):
    file = forms.FileField(label="Bestand")
    title = forms.CharField(label="Titel", max_length=200, required=False)
    document_type = forms.ChoiceField(label="Soort", choices=DocumentType.choices, initial=DocumentType.OVERIG)
    shared_with_employer = forms.BooleanField(label="Zichtbaar voor de werkgever", required=False)

    def clean_file(self):
        from .models import validate_upload

        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded)
        return uploaded


@staff_required
def document_upload(request, kind: str, uuid):
    querysets = _subject_querysets(request.user)
    if kind not in querysets:
        raise Http404
    subject = get_object_or_404(querysets[kind], uuid=uuid)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            upload_document(
                subject,
                form.cleaned_data["file"],
                actor=actor_for(request),
                title=form.cleaned_data["title"],
                document_type=form.cleaned_data["document_type"],
                shared_with_employer=form.cleaned_data["shared_with_employer"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Het document is toegevoegd.")
            return redirect(_subject_url(subject))
    return render(
        request,
        "core/document_form.html",
        {
            "form": form,
            "subject": subject,
            "subject_url": _subject_url(subject),
            "allowed": ", ".join(settings.DOCUMENT_ALLOWED_EXTENSIONS),
            "max_mb": settings.DOCUMENT_MAX_UPLOAD_BYTES // (1024 * 1024),
        },
    )


@staff_required
def document_download(request, uuid):
    """Serve a file only when the user may see the record it belongs to."""
    document = get_object_or_404(Document.objects.select_related("content_type"), uuid=uuid)
    model_label = f"{document.content_type.app_label}.{document.content_type.model}"
    by_label = {
        "candidates.candidate": policy.candidates_for,
        "placements.placement": policy.placements_for,
        "subsidies.subsidyapplication": policy.subsidy_applications_for,
        "employers.employer": policy.employers_for,
    }
    if model_label not in by_label or not by_label[model_label](request.user).filter(pk=document.object_id).exists():
        raise Http404
    record(actor_for(request), AuditAction.READ, document, purpose="document gedownload")
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
