"""Workspace pages for subsidies and loonwaarde: lists (filter, sort, export), the
application detail with its lifecycle buttons, forms, the per-placement overview
and the municipal LKS budget. Staff only (employer users get a 404)."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from placements.models import Placement
from wsp_platform.accounts import policy
from wsp_platform.accounts.models import Role
from wsp_platform.core.listing import Column, actor_for, attr, list_page, staff_required, url_for
from wsp_platform.core.models import Document

from . import selectors, services
from .choices import ApplicationStatus, SubsidyKind
from .filters import LoonwaardeAssessmentFilter, SubsidyApplicationFilter
from .forms import (
    TRANSITION_FORMS,
    TRANSITION_INPUT_FIELDS,
    ApplicationForm,
    AssessmentForm,
    EarlyRequestForm,
    PaymentForm,
    TaskScoreFormSet,
)
from .kinds import display_details
from .rates import load_rates
from .rules import TRANSITIONS, TransitionRefused, refused_reasons
from .templatetags.subsidies_tags import euro

APPLICATION_COLUMNS = [
    Column("Soort", attr("get_kind_display"), link=True),
    Column("Kandidaat", attr("placement.candidate")),
    Column("Werkgever", attr("placement.employer.name")),
    Column("Gemeente", attr("municipality.name")),
    Column("Status", attr("get_status_display"), sort="status"),
    Column("Periode van", attr("period_start"), sort="period_start"),
    Column("Periode t/m", attr("period_end"), sort="period_end"),
    Column("Toegekend (€)", attr("amount_granted"), numeric=True),
    Column("Kenmerk", attr("decision_reference")),
]

ASSESSMENT_COLUMNS = [
    Column("Datum", attr("assessed_on"), sort="assessed_on", link=True),
    Column("Kandidaat", attr("placement.candidate")),
    Column("Werkgever", attr("placement.employer.name")),
    Column("Loonwaarde (%)", attr("percentage"), numeric=True),
    Column("Methode", attr("get_method_display")),
    Column("Normfunctie", attr("normfunctie")),
    Column("Volgende meting", attr("next_due_on"), sort="next_due_on"),
]


def _placement(request, uuid) -> Placement:
    return get_object_or_404(
        policy.placements_for(request.user).select_related("candidate", "employer", "job", "owner"), uuid=uuid
    )


def _application(request, uuid):
    return get_object_or_404(
        policy.subsidy_applications_for(request.user).select_related(
            "placement__candidate", "placement__employer", "placement__job", "municipality", "previous",
            "decision_document",
        ),
        uuid=uuid,
    )


def _documents_of(obj):
    return Document.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).order_by("-created_at")


@staff_required
def application_list(request):
    queryset = policy.subsidy_applications_for(request.user).select_related(
        "placement__candidate", "placement__employer", "municipality"
    )
    return list_page(
        request,
        queryset=queryset,
        filterset_class=SubsidyApplicationFilter,
        columns=APPLICATION_COLUMNS,
        title="Subsidieaanvragen",
        export_basename="subsidieaanvragen",
        detail_url=url_for("subsidies:application_detail"),
        default_ordering="-period_start",
    )


@staff_required
def assessment_list(request):
    queryset = policy.assessments_for(request.user).select_related("placement__candidate", "placement__employer")
    return list_page(
        request,
        queryset=queryset,
        filterset_class=LoonwaardeAssessmentFilter,
        columns=ASSESSMENT_COLUMNS,
        title="Loonwaardemetingen",
        export_basename="loonwaardemetingen",
        detail_url=lambda a: reverse("subsidies:placement", args=[a.placement.uuid]) + f"#meting-{a.uuid}",
        default_ordering="-assessed_on",
    )


# --- Applications ------------------------------------------------------------------

@staff_required
@require_http_methods(["GET", "POST"])
def application_create(request):
    placement_uuid = request.GET.get("plaatsing") or request.POST.get("plaatsing")
    if not placement_uuid:
        raise Http404("Kies eerst een plaatsing.")
    try:
        placement = _placement(request, placement_uuid)
    except ValidationError:
        raise Http404 from None
    kind = request.GET.get("soort") or request.POST.get("soort")
    if kind not in SubsidyKind.values:
        return render(request, "subsidies/kind_choice.html", {"placement": placement, "kinds": SubsidyKind.choices})
    initial = {"hours_per_week": placement.hours_per_week or placement.job.hours_per_week,
               "period_start": placement.start_date}
    form = ApplicationForm(request.POST or None, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.create_application(placement, actor=actor_for(request), data=form.service_data())
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, f"Aanvraag {application.get_kind_display()} aangemaakt (concept).")
            return redirect(application.get_workspace_url())
    return render(request, "subsidies/application_form.html", {
        "form": form, "placement": placement, "kind_label": dict(SubsidyKind.choices)[kind], "kind": kind,
        "title": f"Nieuwe aanvraag: {dict(SubsidyKind.choices)[kind]}",
        "cancel_url": reverse("subsidies:placement", args=[placement.uuid]),
    })


@staff_required
@require_http_methods(["GET", "POST"])
def application_edit(request, uuid):
    application = _application(request, uuid)
    initial = {f: getattr(application, f) for f in services.APPLICATION_FIELDS} | {"details": application.details}
    form = ApplicationForm(request.POST or None, kind=application.kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_application(application, actor=actor_for(request), data=form.service_data())
        except TransitionRefused as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, "Aanvraag opgeslagen.")
            return redirect(application.get_workspace_url())
    return render(request, "subsidies/application_form.html", {
        "form": form, "placement": application.placement, "kind": application.kind,
        "kind_label": application.get_kind_display(), "title": f"Aanvraag wijzigen: {application.get_kind_display()}",
        "cancel_url": application.get_workspace_url(),
    })


def _transition_panels(application, documents, bound=None, bound_target=None):
    """One panel per allowed next status (with its form) and the refused ones with why."""
    facts = services.facts_for(application)
    refused = refused_reasons(facts, needs_input=TRANSITION_INPUT_FIELDS)
    labels = dict(ApplicationStatus.choices)
    allowed = []
    for target in TRANSITIONS[application.status]:
        form_class = TRANSITION_FORMS.get(target)
        form = None
        if form_class is not None:
            kwargs = {"documents": documents} if target == "toegekend" else {}
            if target == bound_target and bound is not None:
                form = form_class(bound, **kwargs)
                form.is_valid()
            else:
                initial = {}
                if target == "toegekend":
                    initial = {"period_start": application.period_start, "period_end": application.period_end,
                               "amount_granted": application.amount_requested,
                               "decision_date": timezone.localdate()}
                elif target == "afgewezen":
                    initial = {"decision_date": timezone.localdate()}
                form = form_class(initial=initial, **kwargs)
        allowed.append({"target": target, "label": labels[target], "form": form,
                        "refused": refused.get(target, "")})
    other = [{"target": t, "label": labels[t], "reason": r} for t, r in refused.items()
             if t not in TRANSITIONS[application.status]]
    return allowed, other


def _detail_context(request, application, bound=None, bound_target=None, payment_form=None):
    documents = _documents_of(application)
    can_pay = application.status in services.PAYABLE_STATUSES
    allowed, refused = _transition_panels(application, documents, bound, bound_target)
    lks = selectors.lks_result_for(application) if application.is_lks else None
    return {
        "application": application,
        "placement": application.placement,
        "details": display_details(application.kind, application.details),
        "history": application.status_changes.select_related("changed_by")[:50],
        "allowed": allowed,
        "refused": refused,
        "lks": lks,
        "documents": documents,
        "upload_url": reverse("document_upload", args=["subsidieaanvraag", application.uuid]),
        "editable": application.status in services.EDITABLE_STATUSES,
        "payments": application.payments.select_related("recorded_by"),
        "can_pay": can_pay,
        "payment_form": payment_form or (PaymentForm(initial={"paid_on": timezone.localdate()}) if can_pay else None),
        "can_follow_up": application.status in ("toegekend", "lopend", "beeindigd")
        and not type(application).objects.filter(previous=application).exists(),
    }


@staff_required
def application_detail(request, uuid):
    application = _application(request, uuid)
    return render(request, "subsidies/application_detail.html", _detail_context(request, application))


@staff_required
@require_POST
def application_transition(request, uuid, target):
    application = _application(request, uuid)
    if target not in services.TRANSITION_SERVICES:
        raise Http404
    actor = actor_for(request)
    data = request.POST
    documents = _documents_of(application)
    form_class = TRANSITION_FORMS.get(target)
    form = None
    if form_class is not None:
        form = form_class(data, **({"documents": documents} if target == "toegekend" else {}))
        if not form.is_valid():
            messages.error(request, "Controleer de ingevulde gegevens.")
            return render(request, "subsidies/application_detail.html",
                          _detail_context(request, application, data, target), status=400)
    values = form.cleaned_data if form else {}
    try:
        if target == "ingediend":
            services.submit_application(application, actor=actor)
        elif target == "in_behandeling":
            services.start_review(application, actor=actor, note=values.get("note", ""))
        elif target == "toegekend":
            services.grant_application(application, actor=actor, **values)
        elif target == "afgewezen":
            services.refuse_application(application, actor=actor, decision_date=values.get("decision_date"),
                                        reason=values.get("reason", ""))
        elif target == "lopend":
            services.activate_application(application, actor=actor)
        elif target == "beeindigd":
            services.end_application(application, actor=actor, reason=values.get("reason", ""))
    except TransitionRefused as exc:
        if form is not None and exc.field:
            field = {"refusal_reason": "reason", "end_reason": "reason"}.get(exc.field, exc.field)
            if field in form.fields:
                form.add_error(field, exc.message)
        messages.error(request, exc.message)
        return render(request, "subsidies/application_detail.html",
                      _detail_context(request, application, data if form else None, target), status=400)
    messages.success(request, f"De aanvraag staat nu op {application.get_status_display()}.")
    return redirect(application.get_workspace_url())


@staff_required
@require_POST
def application_payment(request, uuid):
    """Record a payment on a granted application; a refused one re-shows the form as typed."""
    application = _application(request, uuid)
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.record_payment(application, actor=actor_for(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
    if form.errors:
        messages.error(request, "De uitbetaling is niet vastgelegd. Controleer de gegevens.")
        return render(request, "subsidies/application_detail.html",
                      _detail_context(request, application, payment_form=form), status=400)
    messages.success(request, f"Uitbetaling vastgelegd. Uitbetaald in totaal: {euro(application.amount_paid)}.")
    return redirect(application.get_workspace_url() + "#payments-title")


@staff_required
@require_http_methods(["GET", "POST"])
def application_follow_up(request, uuid):
    previous = _application(request, uuid)
    initial = services.prefill_follow_up(previous)
    form = ApplicationForm(request.POST or None, kind=previous.kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.create_follow_up(previous, actor=actor_for(request), data=form.service_data())
        except TransitionRefused as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, "Vervolgaanvraag aangemaakt met de gegevens van de vorige beschikking.")
            return redirect(application.get_workspace_url())
    return render(request, "subsidies/application_form.html", {
        "form": form, "placement": previous.placement, "kind": previous.kind,
        "kind_label": previous.get_kind_display(), "previous": previous,
        "title": f"Vervolgaanvraag: {previous.get_kind_display()}", "cancel_url": previous.get_workspace_url(),
    })


# --- Loonwaarde ----------------------------------------------------------------------

@staff_required
@require_http_methods(["GET", "POST"])
def assessment_create(request, uuid):
    placement = _placement(request, uuid)
    documents = _documents_of(placement)
    job_tasks = placement.job.tasks.all()
    latest = placement.loonwaarde_assessments.order_by("-assessed_on", "-id").first()
    initial = {"assessed_on": timezone.localdate(), "method": "uniform",
               "functieloon_per_hour": placement.job.hourly_wage,
               "normfunctie": latest.normfunctie if latest else placement.job.title}
    form = AssessmentForm(request.POST or None, documents=documents, initial=initial)
    formset = TaskScoreFormSet(request.POST or None, prefix="taken", form_kwargs={"job_tasks": job_tasks})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        scores = [f.cleaned_data for f in formset if not f.is_empty()]
        data = dict(form.cleaned_data)
        try:
            assessment = services.record_assessment(placement, actor=actor_for(request), task_scores=scores, **data)
        except ValidationError as exc:
            for key, errors in exc.message_dict.items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, f"Loonwaardemeting vastgelegd: {assessment.percentage}%, "
                                      f"volgende meting uiterlijk {assessment.next_due_on:%d-%m-%Y}.")
            return redirect(reverse("subsidies:placement", args=[placement.uuid]))
    return render(request, "subsidies/assessment_form.html", {
        "form": form, "formset": formset, "placement": placement,
        "title": f"Loonwaardemeting vastleggen: {placement.candidate}",
    })


@staff_required
@require_POST
def early_assessment_request(request, uuid):
    placement = _placement(request, uuid)
    form = EarlyRequestForm(request.POST)
    if form.is_valid():
        try:
            services.request_early_assessment(placement, actor=actor_for(request), **form.cleaned_data)
        except ValidationError as exc:
            for key, errors in exc.message_dict.items():
                form.add_error(key if key in form.fields else None, errors)
    if form.errors:
        messages.error(request, "De eerdere meting is niet aangevraagd. Controleer de gegevens.")
        return render(request, "subsidies/placement.html", _placement_context(request, placement, form),
                      status=400)
    messages.success(request, "Eerdere loonwaardemeting aangevraagd; er staat een taak klaar.")
    return redirect(reverse("subsidies:placement", args=[placement.uuid]))


# --- Per placement and budget ------------------------------------------------------------

def _placement_context(request, placement, early_form=None):
    rates = load_rates()
    history = selectors.assessment_history(placement)
    applications = list(placement.subsidy_applications.select_related("municipality").order_by("-period_start"))
    return {
        "placement": placement,
        "assessments": list(reversed(history)),
        "chart": selectors.chart_data(history),
        "applications": applications,
        "periods": selectors.period_comparison(placement),
        "cost": selectors.employer_cost_overview(placement, rates=rates),
        "early_form": early_form or EarlyRequestForm(initial={"requested_by": "bemiddelaar"}),
        "kinds": SubsidyKind.choices,
    }


@staff_required
def placement_overview(request, uuid):
    placement = _placement(request, uuid)
    return render(request, "subsidies/placement.html", _placement_context(request, placement))


@staff_required
def budget(request):
    """Granted and projected LKS per municipality per month (teamleiders)."""
    if not (request.user.is_superuser or request.user.role == Role.TEAMLEIDER):
        raise Http404("Pagina niet gevonden")
    first_month = timezone.localdate().replace(day=1)
    data = selectors.municipal_lks_budget(policy.subsidy_applications_for(request.user), first_month=first_month)
    return render(request, "subsidies/budget.html", {"budget": data, "title": "LKS-budget per gemeente"})
