"""Workspace pages for employers (CRM), their contact persons and jobs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from candidates.forms import ContactMomentForm
from candidates.views import _apply_errors, _documents, contact_moment_response
from placements.rules import CLOSED_STATUSES
from wsp_platform.accounts import policy
from wsp_platform.core import timeline
from wsp_platform.core.listing import Column, actor_for, attr, list_page, staff_required, url_for

from . import services
from .filters import EmployerFilter, JobFilter
from .forms import AccountHolderForm, ContactPersonForm, EmployerForm, JobForm

EMPLOYER_COLUMNS = [
    Column("Naam", attr("name"), sort="name", link=True),
    Column("KvK-nummer", attr("kvk_number")),
    Column("Sector", attr("get_sector_display"), sort="sector"),
    Column("Grootte", attr("get_size_class_display")),
    Column("Dienstverlening", attr("get_service_style_display")),
    Column("Inclusiefase", attr("get_inclusion_stage_display")),
    Column("Accounthouder", attr("account_holder")),
    Column("Lopende plaatsingen", attr("active_placements"), numeric=True),
]

JOB_COLUMNS = [
    Column("Functie", attr("title"), sort="title", link=True),
    Column("Werkgever", attr("employer.name"), sort="employer"),
    Column("Soort", attr("get_kind_display")),
    Column("Methode", attr("get_creation_method_display")),
    Column("Status", attr("get_status_display")),
    Column("Uren/week", attr("hours_per_week"), sort="hours", numeric=True),
    Column("Functieloon", attr("hourly_wage"), numeric=True),
    Column("Generiek", attr("is_generic")),
]


@staff_required
def employer_list(request):
    queryset = (
        policy.employers_for(request.user)
        .select_related("account_holder")
        .annotate(active_placements=Count("placements", filter=~Q(placements__status__in=CLOSED_STATUSES)))
    )
    return list_page(
        request,
        queryset=queryset,
        filterset_class=EmployerFilter,
        columns=EMPLOYER_COLUMNS,
        title="Werkgevers",
        export_basename="werkgevers",
        detail_url=url_for("employers:detail"),
        default_ordering="name",
        extra_context={"create_url": reverse("employers:create"), "create_label": "Nieuwe werkgever"},
    )


def _employer(request, uuid):
    return get_object_or_404(
        policy.employers_for(request.user).select_related("account_holder", "deputy", "region"), uuid=uuid
    )


@staff_required
def employer_detail(request, uuid):
    employer = _employer(request, uuid)
    jobs = employer.jobs.select_related("location").annotate(
        open_proposals=Count("proposals", filter=Q(proposals__status="voorgesteld"))
    )
    placements = (
        policy.placements_for(request.user).filter(employer=employer).select_related("candidate", "job")
        .order_by("-created_at")[:50]
    )
    return render(
        request,
        "employers/detail.html",
        {
            "employer": employer,
            "contacts": employer.contacts.all(),
            "locations": employer.locations.all(),
            "jobs": jobs,
            "placements": placements,
            **timeline.context(request, "employers:timeline", employer=employer),
            "contact_form": ContactMomentForm(employer=employer, initial={"with_whom": "werkgever"}),
            "contact_url": reverse("employers:contact_moment", args=[employer.uuid]),
            "holder_form": AccountHolderForm(user=request.user, employer=employer),
            "documents": _documents(employer),
            "upload_url": reverse("document_upload", args=["werkgever", employer.uuid]),
        },
    )


@staff_required
def employer_timeline(request, uuid):
    employer = _employer(request, uuid)
    return timeline.partial(request, "employers:timeline", employer=employer)


@staff_required
@require_http_methods(["GET", "POST"])
def employer_contact_moment(request, uuid):
    employer = _employer(request, uuid)
    form = ContactMomentForm(request.POST or None, employer=employer)
    if request.method == "GET":
        form = ContactMomentForm(employer=employer, initial={"with_whom": "werkgever"})
    return contact_moment_response(
        request,
        form,
        subject_kwargs={"employer": employer},
        timeline_url=reverse("employers:timeline", args=[employer.uuid]),
        contact_url=reverse("employers:contact_moment", args=[employer.uuid]),
        success_url=reverse("employers:detail", args=[employer.uuid]),
        employer=employer,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def employer_create(request):
    form = EmployerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            employer = services.create_employer(actor=actor_for(request), **form.service_data())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, f"Werkgever {employer.name} is aangemaakt.")
            return redirect("employers:detail", uuid=employer.uuid)
    return render(request, "employers/form.html", {"form": form, "title": "Nieuwe werkgever"})


@staff_required
@require_http_methods(["GET", "POST"])
def employer_edit(request, uuid):
    employer = _employer(request, uuid)
    form = EmployerForm(request.POST or None, instance=employer, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            employer = services.update_employer(employer, actor=actor_for(request), data=form.service_data())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect("employers:detail", uuid=employer.uuid)
    return render(request, "employers/form.html", {"form": form, "title": f"{employer.name} wijzigen",
                                                   "employer": employer})


@staff_required
@require_http_methods(["POST"])
def employer_account_holder(request, uuid):
    employer = _employer(request, uuid)
    form = AccountHolderForm(request.POST, user=request.user, employer=employer)
    if form.is_valid():
        try:
            services.change_account_holder(
                employer, form.cleaned_data["account_holder"], actor=actor_for(request), note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"{form.cleaned_data['account_holder']} is nu accounthouder; er is een overdrachtstaak gemaakt "
                "en de contactpersonen van de werkgever zijn gemaild.",
            )
    else:
        messages.error(request, "Kies een nieuwe accounthouder.")
    return redirect("employers:detail", uuid=employer.uuid)


@staff_required
@require_http_methods(["GET", "POST"])
def contact_person_form(request, uuid, contact_uuid=None):
    employer = _employer(request, uuid)
    person = get_object_or_404(employer.contacts, uuid=contact_uuid) if contact_uuid else None
    form = ContactPersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in form.Meta.fields}
        try:
            if person:
                services.update_contact_person(person, actor=actor_for(request), data=fields)
            else:
                services.add_contact_person(employer, actor=actor_for(request), **fields)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "De contactpersoon is opgeslagen.")
            return redirect("employers:detail", uuid=employer.uuid)
    title = f"{person.name} wijzigen" if person else "Nieuwe contactpersoon"
    return render(request, "employers/contact_form.html", {"form": form, "employer": employer, "title": title})


# --- Jobs ------------------------------------------------------------------------

@staff_required
def job_list(request):
    queryset = policy.jobs_for(request.user).select_related("employer")
    return list_page(
        request,
        queryset=queryset,
        filterset_class=JobFilter,
        columns=JOB_COLUMNS,
        title="Banen en vacatures",
        export_basename="banen",
        detail_url=url_for("employers:job_detail"),
        default_ordering="-created_at",
    )


def _job(request, uuid):
    return get_object_or_404(policy.jobs_for(request.user).select_related("employer", "location"), uuid=uuid)


@staff_required
def job_detail(request, uuid):
    job = _job(request, uuid)
    proposals = job.proposals.filter(candidate__in=policy.candidates_for(request.user).values("pk")).select_related(
        "candidate"
    )
    placements = policy.placements_for(request.user).filter(job=job).select_related("candidate")
    return render(
        request,
        "employers/job_detail.html",
        {
            "job": job,
            "tasks": job.tasks.all(),
            "requirements": job.requirements.all(),
            "proposals": proposals,
            "placements": placements,
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def job_form(request, uuid=None, job_uuid=None):
    if job_uuid:
        job = _job(request, job_uuid)
        employer = job.employer
    else:
        job = None
        employer = _employer(request, uuid)
    form = JobForm(request.POST or None, instance=job, employer=employer)
    if request.method == "POST" and form.is_valid():
        try:
            if job:
                job = services.update_job(job, actor=actor_for(request), data=form.service_data())
            else:
                job = services.create_job(actor=actor_for(request), employer=employer, **form.service_data())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "De baan is opgeslagen.")
            return redirect("employers:job_detail", uuid=job.uuid)
    title = f"{job.title} wijzigen" if job else f"Nieuwe baan bij {employer.name}"
    return render(request, "employers/job_form.html", {"form": form, "employer": employer, "title": title, "job": job})


# --- Job redesign workspace: functions, tasks, carving a job, functiecreatie light -------------

@staff_required
@require_http_methods(["GET", "POST"])
def employer_redesign(request, uuid):
    """Record functions and their tasks, select tasks (from one or more functions) to see
    the hours freed and the capabilities asked, and save the selection as a created job.
    One page, four forms; ``action`` says which one was posted."""
    from . import redesign
    from .forms import CarveForm, FunctiecreatieForm, FunctionForm, FunctionTaskForm

    employer = _employer(request, uuid)
    actor = actor_for(request)
    action = request.POST.get("action") if request.method == "POST" else None
    selected = request.POST.getlist("baan-tasks") if action == "carve" else request.GET.getlist("taak")
    tasks = redesign.tasks_for_carving(employer, selected)
    function_form = FunctionForm(request.POST if action == "function" else None)
    task_form = FunctionTaskForm(request.POST if action == "task" else None, employer=employer)
    conversation_form = FunctiecreatieForm(request.POST if action == "conversation" else None)
    carve_form = CarveForm(
        request.POST if action == "carve" else None,
        employer=employer,
        task_choices=[t.pk for t in tasks],
        initial={"tasks": [str(t.pk) for t in tasks]},
    )
    here = reverse("employers:redesign", args=[employer.uuid])
    try:
        if action == "function" and function_form.is_valid():
            function = redesign.add_function(employer, actor=actor, **function_form.cleaned_data)
            messages.success(request, f"Functie '{function.name}' is vastgelegd.")
            return redirect(here)
        if action == "task" and task_form.is_valid():
            task = redesign.add_function_task(
                task_form.cleaned_data["function"], actor=actor,
                capabilities=task_form.cleaned_data["capabilities"], **task_form.service_data(),
            )
            messages.success(request, f"Taak '{task.description}' is toegevoegd aan {task.function.name}.")
            return redirect(here)
        if action == "conversation" and conversation_form.is_valid():
            redesign.record_functiecreatie(employer, actor=actor, **conversation_form.cleaned_data)
            messages.success(request, "Het functiecreatie-light-gesprek is vastgelegd.")
            return redirect(here)
        if action == "carve" and carve_form.is_valid():
            data = carve_form.cleaned_data
            job = redesign.carve_job(
                employer, actor=actor, task_ids=data["tasks"], title=data["title"],
                creation_method=data["creation_method"], is_generic=data["is_generic"],
                hourly_wage=data["hourly_wage"], min_hours_per_week=data["min_hours_per_week"],
                location=data["location"], functiecreatie=data["functiecreatie"], description=data["description"],
            )
            messages.success(request, f"De baan '{job.title}' ({job.hours_per_week} uur) is aangemaakt.")
            return redirect("employers:job_detail", uuid=job.uuid)
    except ValidationError as exc:
        form = {"function": function_form, "task": task_form, "conversation": conversation_form}.get(
            action, carve_form)
        _apply_errors(form, exc)
    functions = employer.functions.prefetch_related("tasks__capabilities").order_by("name")
    return render(
        request,
        "employers/redesign/workspace.html",
        {
            "employer": employer,
            "functions": functions,
            "selected_ids": {t.pk for t in tasks},
            "summary": redesign.carve_summary(tasks),
            "function_form": function_form,
            "task_form": task_form,
            "conversation_form": conversation_form,
            "carve_form": carve_form,
            "conversations": employer.functiecreatie_conversations.prefetch_related("jobs"),
            "created_jobs": employer.jobs.filter(kind="gecreeerd").order_by("-created_at"),
        },
        status=400 if action and request.method == "POST" else 200,
    )
