"""Account and privacy pages under /account/: two-factor authentication, revealing a
BSN (logged), the AVG inzage export, anonymisation, consent withdrawal, the audit-trail
search for teamleiders and caseload reassignment.

Every object is fetched through the policy (404 outside it); every look at sensitive
data and every change writes the audit trail through a service.
"""

import base64
import csv
import json
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wsp_platform.audit.models import AuditAction, AuditEntry, Channel
from wsp_platform.audit.services import Actor, record_read

from . import policy
from .models import User
from .services import reassign_caseload

AUDIT_PAGE_SIZE = 50


def _actor(request) -> Actor:
    return Actor(user=request.user, channel=Channel.UI)


def _purpose(request) -> str:
    return (request.POST.get("toelichting") or request.GET.get("toelichting") or "").strip()[:300]


def staff_only(view):
    """Anonymous: login page. Not WSP staff: 404 (nothing here reveals itself)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not policy.is_staff_user(request.user):
            raise Http404("Pagina niet gevonden")
        return view(request, *args, **kwargs)

    return wrapper


def teamleider_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not policy.is_teamleider(request.user):
            raise Http404("Pagina niet gevonden")
        return view(request, *args, **kwargs)

    return wrapper


# --- Two-factor authentication (TOTP, django-otp) -------------------------------------------

class TokenForm(forms.Form):
    otp_token = forms.RegexField(
        label="Code uit je authenticator-app",
        regex=r"^\s*\d{6,8}\s*$",
        error_messages={"invalid": "Vul de code van 6 cijfers in.", "required": "Vul de code in."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _safe_next(request, default="home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


@never_cache
@sensitive_post_parameters("otp_token")
def two_factor(request):
    """Enrol (no confirmed device yet: show the secret and otpauth URI) or verify a code.
    On success the session is marked verified (django_otp.login)."""
    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.is_employer_user:
        raise Http404  # employer users live in the portal; 2FA is for WSP staff
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    device = confirmed
    if device is None:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["otp_token"].strip()
        if device.verify_token(token):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Tweestapsverificatie gelukt.")
            return redirect(_safe_next(request))
        form.add_error("otp_token", "Deze code klopt niet of is verlopen. Probeer de nieuwe code.")
    context = {"form": form, "enrolling": confirmed is None, "next": _safe_next(request)}
    if confirmed is None:
        context["secret"] = base64.b32encode(device.bin_key).decode().rstrip("=")
        context["otpauth_uri"] = device.config_url
    return render(request, "accounts/two_factor.html", context)


# --- BSN reveal ------------------------------------------------------------------------------

@never_cache
@require_POST
@staff_only
def reveal_bsn(request, uuid):
    """Show one candidate's full BSN: POST only (never in a URL), logged as a READ with
    the stated purpose. htmx gets the fragment; a plain form post gets a small page."""
    candidate = policy.get_candidate_or_404(request.user, uuid)
    record_read(_actor(request), candidate, ["bsn"], purpose=_purpose(request) or "BSN getoond in dossier")
    context = {"candidate": candidate, "bsn": candidate.bsn}
    template = "accounts/_bsn.html" if request.headers.get("HX-Request") == "true" else "accounts/bsn.html"
    response = render(request, template, context)
    response["Cache-Control"] = "no-store"
    return response


# --- AVG: inzage, anonymisation, consent -------------------------------------------------------

@never_cache
@staff_only
def candidate_export(request, uuid):
    """Inzage: everything about the candidate as JSON (a download). Logged as EXPORT."""
    from candidates.privacy import export_candidate_data

    candidate = policy.get_candidate_or_404(request.user, uuid)
    data = export_candidate_data(candidate, actor=_actor(request), purpose=_purpose(request) or "AVG-inzage")
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inzage-{candidate.uuid}.json"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@teamleider_only
def erase_candidate(request, uuid):
    """Erasure (AVG art. 17): a teamleider anonymises a candidate after confirming."""
    from candidates.privacy import anonymise_candidate

    candidate = policy.get_candidate_or_404(request.user, uuid, write=True)
    if request.method == "POST":
        if request.POST.get("bevestig") != "ja":
            messages.error(request, "Vink aan dat je het dossier wilt anonimiseren.")
        else:
            anonymise_candidate(candidate, actor=_actor(request), reason=_purpose(request) or "verzoek tot wissen")
            messages.success(request, "Het dossier is geanonimiseerd.")
            return redirect("home")
    return render(request, "accounts/erase_confirm.html", {"candidate": candidate})


@require_POST
@staff_only
def consent_withdraw(request, uuid):
    """Withdraw a consent today; sharing stops at once."""
    from candidates.models import Consent
    from candidates.privacy import withdraw_consent

    consent = Consent.objects.filter(
        uuid=uuid, candidate__in=policy.candidates_for(request.user, write=True).values("pk")
    ).first()
    if consent is None:
        raise Http404("Niet gevonden")
    withdraw_consent(consent, actor=_actor(request), note=_purpose(request))
    messages.success(request, "De toestemming is ingetrokken; er wordt vanaf nu niets meer op grond van gedeeld.")
    target = _safe_next(request, default="home")
    return redirect(target)


# --- Audit-trail search and export (teamleiders) ------------------------------------------------

class AuditSearchForm(forms.Form):
    van = forms.DateField(label="Vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    gebruiker = forms.CharField(label="Gebruiker", required=False)
    actie = forms.ChoiceField(label="Actie", required=False, choices=[("", "Alle")] + list(AuditAction.choices))
    kanaal = forms.ChoiceField(label="Kanaal", required=False, choices=[("", "Alle")] + list(Channel.choices))
    soort = forms.CharField(label="Soort object", required=False, help_text="bijv. candidates.candidate")
    object = forms.UUIDField(label="Object (UUID)", required=False)
    request_id = forms.CharField(label="Request-id", required=False)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data


def _audit_queryset(request):
    form = AuditSearchForm(request.GET or None)
    qs = policy.audit_entries_for(request.user).select_related("user", "api_client")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["van"]:
            qs = qs.filter(at__date__gte=data["van"])
        if data["tot"]:
            qs = qs.filter(at__date__lte=data["tot"])
        if data["gebruiker"]:
            qs = qs.filter(user__username__icontains=data["gebruiker"])
        if data["actie"]:
            qs = qs.filter(action=data["actie"])
        if data["kanaal"]:
            qs = qs.filter(channel=data["kanaal"])
        if data["soort"]:
            qs = qs.filter(object_type=data["soort"].strip().lower())
        if data["object"]:
            qs = qs.filter(object_uuid=data["object"])
        if data["request_id"]:
            qs = qs.filter(request_id=data["request_id"].strip())
    elif form.is_bound:
        qs = qs.none()
    return form, qs.order_by("-at", "-id")


@teamleider_only
def audit_search(request):
    form, qs = _audit_queryset(request)
    page = Paginator(qs, AUDIT_PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "audit/search.html",
        {"form": form, "page": page, "entries": page.object_list, "query": query.urlencode()},
    )


class _Echo:
    def write(self, value):
        return value


def audit_row(entry: AuditEntry) -> list:
    return [
        timezone.localtime(entry.at).isoformat(),
        entry.get_action_display(),
        entry.get_channel_display(),
        entry.user.get_username() if entry.user_id else "",
        str(entry.api_client) if entry.api_client_id else "",
        entry.object_type,
        str(entry.object_uuid or ""),
        entry.object_repr,
        json.dumps(entry.changes, ensure_ascii=False, cls=DjangoJSONEncoder),
        entry.purpose,
        entry.request_id,
    ]


AUDIT_CSV_HEADER = [
    "tijdstip",
    "actie",
    "kanaal",
    "gebruiker",
    "api-client",
    "soort object",
    "object",
    "omschrijving",
    "wijzigingen",
    "toelichting",
    "request-id",
]


@teamleider_only
def audit_export(request):
    """The current search as CSV (streamed; the export itself is in the trail too)."""
    form, qs = _audit_queryset(request)
    AuditEntry.objects.create(
        user=request.user,
        channel=Channel.UI,
        action=AuditAction.EXPORT,
        object_type="audit.auditentry",
        object_repr="Export audittrail",
        changes={"filters": {k: v for k, v in request.GET.items() if v}},
        request_id=getattr(request, "request_id", "") or "",
    )
    writer = csv.writer(_Echo(), delimiter=";")

    def rows():
        yield "\ufeff" + writer.writerow(AUDIT_CSV_HEADER)
        for entry in qs.iterator(chunk_size=2000):
            yield writer.writerow(audit_row(entry))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audittrail-{timezone.localdate():%Y%m%d}.csv"'
    return response


# --- Caseload reassignment (teamleiders) -----------------------------------------------------

class ReassignForm(forms.Form):
    from_owner = forms.ModelChoiceField(label="Van", queryset=User.objects.none())
    new_owner = forms.ModelChoiceField(label="Naar", queryset=User.objects.none())
    candidates = forms.ModelMultipleChoiceField(
        label="Kandidaten", required=False, queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text="Leeg: de hele caseload.",
    )
    note = forms.CharField(label="Toelichting", required=False, max_length=300)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owners = policy.caseload_owners_for(user).order_by("last_name", "first_name")
        self.fields["from_owner"].queryset = owners
        self.fields["new_owner"].queryset = owners
        self.fields["candidates"].queryset = policy.candidates_for(user, write=True).select_related("owner")

    def clean(self):
        data = super().clean()
        if data.get("from_owner") and data.get("from_owner") == data.get("new_owner"):
            self.add_error("new_owner", "Kies een andere bemiddelaar dan de huidige.")
        return data


@teamleider_only
def caseload_reassign(request):
    form = ReassignForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = list(data["candidates"]) or list(
            policy.candidates_for(request.user, write=True).filter(owner=data["from_owner"])
        )
        try:
            moved = reassign_caseload(chosen, data["new_owner"], actor=_actor(request), note=data["note"])
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{moved} kandidaat/kandidaten overgedragen aan {data['new_owner']}.")
            return redirect("accounts:caseload_reassign")
    return render(request, "accounts/caseload.html", {"form": form, "title": "Caseload herverdelen"})
