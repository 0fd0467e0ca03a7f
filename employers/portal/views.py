"""The employer portal ("Werkgeversportaal") and the staff view that invites its users.

Portal views answer only to employer users and read only through
``selectors`` (which start from the policy). Anyone else gets a 404; an object
of another employer is a 404 too.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wsp_platform.accounts import policy
from wsp_platform.audit.services import Actor, AuditAction, record

from . import selectors, services
from .forms import (
    EmployerDocumentForm,
    InvitationForm,
    ProposalResponseForm,
    SetPasswordForm,
    SignalForm,
    WorkRequestForm,
)


def employer_required(view):
    """Anonymous: to the login page. Not an employer user: 404 (the portal does not
    reveal itself to staff, nor the workspace to employers)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not getattr(user, "is_employer_user", False):
            raise Http404("Pagina niet gevonden")
        try:
            request.employer = selectors.employer_for(user)
        except ObjectDoesNotExist as exc:
            raise Http404("Pagina niet gevonden") from exc
        return view(request, *args, **kwargs)

    return wrapper


def _actor(request) -> Actor:
    return Actor(user=request.user)


def _ctx(request, **extra):
    return {"employer": request.employer, "today": timezone.localdate(), **extra}


def _object_or_404(fn, *args):
    try:
        return fn(*args)
    except ObjectDoesNotExist as exc:
        raise Http404("Niet gevonden") from exc


# --- Portal pages ------------------------------------------------------------------

@employer_required
def home(request):
    employer = request.employer
    proposals = selectors.open_proposals(employer)
    return render(
        request,
        "portal/home.html",
        _ctx(
            request,
            contacts=selectors.wsp_contacts(employer),
            placements=selectors.placements(employer),
            todos=selectors.employer_todos(employer),
            proposal_count=len(proposals),
            reports=selectors.shared_reports(employer, limit=3),
            section="home",
        ),
    )


@employer_required
def placement_detail(request, uuid):
    employer = request.employer
    placement = _object_or_404(selectors.placement, employer, uuid)
    subsidies = selectors.subsidies_per_placement(employer, only_placement=uuid)
    return render(
        request,
        "portal/placement_detail.html",
        _ctx(
            request,
            placement=placement,
            subsidy=subsidies[0] if subsidies else None,
            reports=selectors.shared_reports(employer, placement_uuid=uuid),
            documents=selectors.document_list(employer, placement_uuid=uuid),
            signal_form=SignalForm(),
            document_form=EmployerDocumentForm(),
            contacts=selectors.wsp_contacts(employer),
            section="home",
        ),
    )


@employer_required
def signal_create(request, uuid):
    employer = request.employer
    placement_row = _object_or_404(selectors.placement_object, employer, uuid)
    form = SignalForm(request.POST or None, initial={"kind": request.GET.get("soort")})
    if request.method == "POST" and form.is_valid():
        try:
            services.report_signal(
                placement_row, kind=form.cleaned_data["kind"], message=form.cleaned_data["message"],
                actor=_actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, "Dank u. Uw melding is doorgegeven aan de bemiddelaar, die contact met u opneemt."
            )
            return redirect("portal:placement", uuid=uuid)
    placement = selectors.placement(employer, uuid)
    return render(request, "portal/signal_form.html", _ctx(request, form=form, placement=placement, section="home"))


@employer_required
@require_POST
def document_upload(request, uuid):
    employer = request.employer
    placement_row = _object_or_404(selectors.placement_object, employer, uuid)
    form = EmployerDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.upload_employer_document(
                placement_row,
                form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                document_type=form.cleaned_data["document_type"],
                actor=_actor(request),
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, "Het document is geüpload.")
            return redirect("portal:placement", uuid=uuid)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, f"Uploaden is niet gelukt: {error}")
    return redirect("portal:placement", uuid=uuid)


@employer_required
def subsidies(request):
    employer = request.employer
    return render(
        request,
        "portal/subsidies.html",
        _ctx(
            request,
            rows=selectors.subsidies_per_placement(employer),
            todos=selectors.employer_todos(employer),
            section="subsidies",
        ),
    )


@employer_required
def proposals(request):
    employer = request.employer
    return render(
        request,
        "portal/proposals.html",
        _ctx(
            request,
            proposals=selectors.open_proposals(employer),
            answered=selectors.answered_proposals(employer),
            form=ProposalResponseForm(),
            section="proposals",
        ),
    )


@employer_required
@require_POST
def proposal_respond(request, uuid):
    employer = request.employer
    proposal = _object_or_404(selectors.proposal_object, employer, uuid)
    form = ProposalResponseForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accepteren"
        try:
            services.respond_to_proposal(proposal, accept=accept, reason=form.cleaned_data["reason"],
                                         actor=_actor(request))
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            if accept:
                messages.success(request, "Dank u. De bemiddelaar neemt contact op om de kennismaking te plannen.")
            else:
                messages.success(
                    request, "Dank u voor uw reactie. De bemiddelaar gebruikt uw toelichting bij het zoeken."
                )
            return redirect("portal:proposals")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(f"{reverse('portal:proposals')}#voorstel-{uuid}")


@employer_required
def jobs(request):
    employer = request.employer
    job_list = list(selectors.jobs(employer))
    return render(
        request,
        "portal/jobs.html",
        _ctx(
            request,
            regular=[j for j in job_list if j.kind == "regulier"],
            created=[j for j in job_list if j.kind != "regulier"],
            requests=selectors.submitted_requests(employer),
            section="jobs",
        ),
    )


@employer_required
def work_request(request):
    employer = request.employer
    form = WorkRequestForm(request.POST or None, initial={"kind": request.GET.get("soort", "vacature")})
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_work_request(employer, actor=_actor(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Dank u. Uw accounthouder bij het WSP neemt binnen drie werkdagen contact op.")
            return redirect("portal:jobs")
    return render(request, "portal/work_request.html", _ctx(request, form=form, section="jobs"))


@employer_required
def reports(request):
    reports = selectors.shared_reports(request.employer)
    return render(request, "portal/reports.html", _ctx(request, reports=reports, section="reports"))


@employer_required
def documents(request):
    return render(
        request,
        "portal/documents.html",
        _ctx(
            request,
            documents=selectors.document_list(request.employer),
            placements=selectors.placements(request.employer),
            section="documents",
        ),
    )


@employer_required
def document_download(request, uuid):
    document = get_object_or_404(selectors.documents(request.employer), uuid=uuid)
    record(_actor(request), AuditAction.READ, document, purpose="download via werkgeversportaal")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Bestand niet gevonden") from exc
    return FileResponse(handle, as_attachment=True, filename=document.original_name or document.file.name)


# --- Invitation (staff) and accepting it (anonymous) -------------------------------------

def invite(request, uuid):
    """Staff who may see the employer invite one of its people to the portal."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not policy.is_staff_user(user):
        raise Http404("Pagina niet gevonden")
    employer = get_object_or_404(policy.employers_for(user), uuid=uuid)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invited, _ = services.invite_employer_user(
                employer,
                actor=Actor(user=user),
                base_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field_name, errors in exc.message_dict.items():
                    form.add_error(field_name if field_name in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, f"De uitnodiging is verstuurd naar {invited.email}.")
            return redirect("portal:invite", uuid=employer.uuid)
    users = employer.users.order_by("-is_active", "last_name", "first_name")
    return render(request, "portal/invite.html", {"employer": employer, "form": form, "users": users})


def _login_backend() -> str:
    for backend in settings.AUTHENTICATION_BACKENDS:
        if "axes" not in backend.lower():
            return backend
    return "django.contrib.auth.backends.ModelBackend"


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request, uidb64, token):
    """Set a password from the one-time link, log in and land on the portal."""
    invited = services.user_from_uidb64(uidb64)
    if not services.invitation_is_valid(invited, token):
        return render(request, "portal/invitation_invalid.html", status=410)
    form = SetPasswordForm(invited, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            activated = services.accept_invitation(invited, token, form.cleaned_data["password1"])
        except ValidationError as exc:
            form.add_error("password1", exc)
        else:
            login(request, activated, backend=_login_backend())
            messages.success(request, f"Welkom, {activated.first_name or activated.username}. Uw account is actief.")
            return redirect("portal:home")
    return render(request, "portal/accept_invitation.html", {"form": form, "invited": invited})
