"""Use cases of the employer portal: inviting employer users, and what an employer
user can do (respond to a proposal, ask for work to be filled, report a signal,
upload a document). Each runs in one transaction and writes the audit trail.

Everything an employer does lands with a person at the WSP as a Task and on the
shared timeline as a ContactMoment, so nothing said through the portal is lost.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from employers.choices import ContactChannel, ContactWith
from employers.models import ContactMoment, Employer
from placements.choices import ProposalStatus, SignalKind, TaskKind
from placements.models import Placement, Proposal, Signal
from placements.services import create_task
from wsp_platform.accounts import policy
from wsp_platform.accounts.models import Role
from wsp_platform.audit.services import Actor, AuditAction, record

from .tokens import invitation_timeout, invitation_token

# The signals an employer can report through the portal.
EMPLOYER_SIGNAL_KINDS = (
    SignalKind.VERZUIM,
    SignalKind.ZORG,
    SignalKind.TEAMWIJZIGING,
    SignalKind.KARTREKKER_VERTREKT,
    SignalKind.WERKBEGELEIDER_VERTREKT,
    SignalKind.TAKEN_VERDWIJNEN,
)
# Absence and a leaving supervisor/champion are what make placements fail: same day.
URGENT_SIGNAL_KINDS = (SignalKind.VERZUIM, SignalKind.KARTREKKER_VERTREKT, SignalKind.WERKBEGELEIDER_VERTREKT)


class WorkRequestKind:
    VACATURE = "vacature"
    WERK_ZONDER_VACATURE = "werk_zonder_vacature"
    choices = [
        (VACATURE, "Nieuwe vacature"),
        (WERK_ZONDER_VACATURE, "We hebben werk, maar (nog) geen vacature"),
    ]


def working_days_ahead(start: datetime.date, days: int) -> datetime.date:
    """``days`` working days (Mon–Fri) after ``start``; 0 gives ``start`` itself."""
    current = start
    while days > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _employer_user(actor: Actor):
    user = actor.user_or_none
    if user is None or user.role != Role.WERKGEVER or not user.employer_id:
        raise PermissionDenied("Alleen werkgeversgebruikers kunnen dit doen.")
    return user


def _portal_moment(*, actor: Actor, summary: str, employer, placement=None, candidate=None) -> ContactMoment:
    """A timeline entry for something the employer did in the portal."""
    moment = ContactMoment.objects.create(
        occurred_at=timezone.now(),
        # There is no "portal" channel in ContactChannel; a portal message is written, like an e-mail.
        channel=ContactChannel.EMAIL,
        with_whom=ContactWith.WERKGEVER,
        employer=employer,
        placement=placement,
        candidate=candidate,
        summary=f"Via het werkgeversportaal: {summary}",
        shared_with_employer=False,
        author=actor.user_or_none,
    )
    record(actor, AuditAction.CREATE, moment)
    return moment


# --- Invitations ------------------------------------------------------------------

def invitation_path(user) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("portal:accept_invitation", kwargs={"uidb64": uidb64, "token": invitation_token.make_token(user)})


@transaction.atomic
def invite_employer_user(
    employer: Employer,
    *,
    email: str,
    first_name: str,
    last_name: str,
    actor: Actor,
    base_url: str,
):
    """Create an inactive employer user (or refresh an open invitation) and e-mail
    a one-time link to set a password. Only staff who may see the employer invite.

    Returns (user, link). Raises ValidationError with a Dutch message."""
    inviter = actor.user_or_none
    if inviter is None or not policy.is_staff_user(inviter):
        raise PermissionDenied("Alleen medewerkers van het WSP kunnen werkgeversgebruikers uitnodigen.")
    if not policy.employers_for(inviter).filter(pk=employer.pk).exists():
        raise PermissionDenied("Deze werkgever hoort niet bij uw regio.")
    User = get_user_model()
    email = email.strip().lower()
    existing = User.objects.filter(username__iexact=email).first() or User.objects.filter(email__iexact=email).first()
    if existing is not None:
        if existing.is_active or existing.employer_id != employer.pk:
            raise ValidationError({"email": "Er bestaat al een account met dit e-mailadres."})
        user = existing
        user.first_name, user.last_name = first_name.strip(), last_name.strip()
        user.save(update_fields=["first_name", "last_name"])
        record(actor, AuditAction.UPDATE, user, purpose="uitnodiging opnieuw verstuurd")
    else:
        user = User(
            username=email,
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            role=Role.WERKGEVER,
            employer=employer,
            is_active=False,
        )
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        record(actor, AuditAction.CREATE, user, changes={"employer": (None, employer.name)}, purpose="uitnodiging")
    link = base_url.rstrip("/") + invitation_path(user)
    days = max(1, invitation_timeout() // 86400)
    inviter_name = inviter.get_full_name() or inviter.username
    body = (
        f"Beste {user.first_name or user.email},\n\n"
        f"{inviter_name} van het werkgeversservicepunt nodigt u uit voor het werkgeversportaal "
        f"van {employer.name}. Daar ziet u uw plaatsingen, subsidies, bezoekverslagen en uw vaste "
        "contactpersoon bij het WSP.\n\n"
        f"Kies via deze link een wachtwoord (de link werkt één keer en is {days} dagen geldig):\n{link}\n\n"
        f"Uw gebruikersnaam is: {user.username}\n\n"
        "Met vriendelijke groet,\nHet werkgeversservicepunt"
    )
    recipient = user.email

    def send():
        send_mail("Uitnodiging voor het werkgeversportaal", body, None, [recipient])

    # Only send when the user really exists (the transaction committed).
    transaction.on_commit(send)
    return user, link


def user_from_uidb64(uidb64: str):
    from django.utils.http import urlsafe_base64_decode

    User = get_user_model()
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        return User.objects.select_related("employer").get(pk=pk, role=Role.WERKGEVER)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None


def invitation_is_valid(user, token: str) -> bool:
    return user is not None and not user.is_active and invitation_token.check_token(user, token)


@transaction.atomic
def accept_invitation(user, token: str, password: str, *, actor: Actor | None = None):
    """Set the password and activate the account; the link stops working (the hash changed).
    Password validators are applied by the form; they are applied here too."""
    from django.contrib.auth.password_validation import validate_password

    locked = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not invitation_is_valid(locked, token):
        raise ValidationError("Deze uitnodigingslink is al gebruikt of verlopen.")
    validate_password(password, locked)
    locked.set_password(password)
    locked.is_active = True
    locked.save(update_fields=["password", "is_active"])
    record(actor or Actor(user=locked), AuditAction.UPDATE, locked, changes={"is_active": (False, True)},
           purpose="uitnodiging geaccepteerd")
    return locked


# --- What an employer user does -------------------------------------------------------

def _proposer(proposal: Proposal):
    placement = getattr(proposal, "placement", None)
    return proposal.proposed_by or (placement.owner if placement else None) or proposal.candidate.owner


@transaction.atomic
def respond_to_proposal(proposal: Proposal, *, accept: bool, reason: str = "", actor: Actor) -> Proposal:
    """The employer accepts an introduction or declines with a reason. The proposer
    gets a task; the answer goes on the employer's timeline (feedback after a "no"
    is what employers say they never get — and what bemiddelaars need)."""
    user = _employer_user(actor)
    locked = Proposal.objects.select_for_update().select_related("job", "candidate").get(pk=proposal.pk)
    if locked.job.employer_id != user.employer_id:
        raise PermissionDenied
    if locked.status != ProposalStatus.VOORGESTELD:
        raise ValidationError("U heeft al op dit voorstel gereageerd.")
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ValidationError({"reason": "Geef kort aan waarom deze kandidaat niet past; zo kan het WSP beter zoeken."})
    old = locked.status
    locked.status = ProposalStatus.GEACCEPTEERD if accept else ProposalStatus.AFGEWEZEN
    locked.responded_on = timezone.localdate()
    locked.response_reason = reason
    locked.save(update_fields=["status", "responded_on", "response_reason", "updated_at"])
    record(actor, AuditAction.TRANSITION, locked, changes={"status": (old, locked.status)}, purpose=reason)

    employer = locked.job.employer
    placement = Placement.objects.filter(proposal=locked).first()
    today = timezone.localdate()
    if accept:
        title = f"Kennismaking plannen: {locked.candidate} bij {employer} ({locked.job.title})"
        description = "De werkgever wil kennismaken via het portaal. Plan de kennismaking en zet de kaart door."
        summary = f"Voorstel voor {locked.job.title} geaccepteerd: de werkgever wil kennismaken."
        if reason:
            summary += f" Toelichting: {reason}"
    else:
        title = f"Voorstel afgewezen: {locked.candidate} bij {employer} ({locked.job.title})"
        description = f"Reden van de werkgever: {reason}\nBespreek het met de kandidaat en sluit de plaatsing af."
        summary = f"Voorstel voor {locked.job.title} afgewezen. Reden: {reason}"
    create_task(
        title=title,
        description=description,
        kind=TaskKind.WERKGEVERSVRAAG,
        due_date=working_days_ahead(today, 2),
        assignee=_proposer(locked),
        candidate=locked.candidate,
        employer=employer,
        placement=placement,
        actor=actor,
    )
    # On the employer's timeline (and the placement's, for the bemiddelaar); no candidate
    # link: the employer's reply is about the job, not a contact with the candidate.
    _portal_moment(actor=actor, summary=summary, employer=employer, placement=placement)
    return locked


@transaction.atomic
def submit_work_request(
    employer: Employer,
    *,
    kind: str,
    title: str,
    description: str,
    actor: Actor,
    hours_per_week=None,
    start_wish: datetime.date | None = None,
):
    """A new vacancy or "we have work but no vacancy": a task for the account holder
    (the deputy when there is none) and an entry on the employer's timeline."""
    user = _employer_user(actor)
    if user.employer_id != employer.pk:
        raise PermissionDenied
    labels = dict(WorkRequestKind.choices)
    if kind not in labels:
        raise ValidationError({"kind": "Kies wat u wilt doorgeven."})
    lines = [description.strip()]
    if hours_per_week:
        lines.append(f"Uren per week: {hours_per_week}")
    if start_wish:
        lines.append(f"Gewenste start: {start_wish:%d-%m-%Y}")
    lines.append(f"Ingediend door {user.get_full_name() or user.username} ({user.email}).")
    body = "\n".join(line for line in lines if line)
    task, _ = create_task(
        title=f"{labels[kind]} van {employer}: {title.strip()}",
        description=body,
        kind=TaskKind.WERKGEVERSVRAAG,
        due_date=working_days_ahead(timezone.localdate(), 3),
        assignee=employer.account_holder or employer.deputy,
        employer=employer,
        actor=actor,
    )
    _portal_moment(actor=actor, summary=f"{labels[kind]}: {title.strip()}. {description.strip()}", employer=employer)
    return task


@transaction.atomic
def report_signal(placement: Placement, *, kind: str, message: str, actor: Actor) -> Signal:
    """The employer reports absence, a worry, a team change or a leaving champion.
    It becomes a signal on the placement, a task for its owner and a timeline entry."""
    user = _employer_user(actor)
    if placement.employer_id != user.employer_id:
        raise PermissionDenied
    errors = {}
    if kind not in EMPLOYER_SIGNAL_KINDS:
        errors["kind"] = "Kies wat er aan de hand is."
    if not (message or "").strip():
        errors["message"] = "Beschrijf kort wat er aan de hand is."
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    signal = Signal.objects.create(
        placement=placement,
        kind=kind,
        message=message.strip(),
        raised_on=today,
        raised_by_employer=True,
        raised_by=user,
    )
    record(actor, AuditAction.CREATE, signal)
    label = dict(SignalKind.choices)[kind]
    employer = placement.employer
    create_task(
        title=f"Signaal van werkgever: {label} – {placement.candidate} bij {employer}",
        description=f"{message.strip()}\n\nGemeld door {user.get_full_name() or user.username} ({user.email}).",
        kind=TaskKind.SIGNAAL,
        due_date=today if kind in URGENT_SIGNAL_KINDS else working_days_ahead(today, 2),
        assignee=placement.owner or employer.account_holder,
        candidate=placement.candidate,
        employer=employer,
        placement=placement,
        actor=actor,
    )
    _portal_moment(
        actor=actor,
        summary=f"signaal '{label}' gemeld. {message.strip()}",
        employer=employer,
        placement=placement,
        candidate=placement.candidate,
    )
    return signal


@transaction.atomic
def upload_employer_document(placement: Placement, uploaded_file, *, title: str, document_type: str, actor: Actor):
    """An employer uploads a document to one of its placements (shared with the employer
    by definition). Type and size are checked by the shared upload service; the owner
    of the placement gets a task to look at it."""
    from wsp_platform.core.services import upload_document

    user = _employer_user(actor)
    if placement.employer_id != user.employer_id:
        raise PermissionDenied
    document = upload_document(
        placement,
        uploaded_file,
        actor=actor,
        title=title,
        document_type=document_type,
        shared_with_employer=True,
    )
    create_task(
        title=f"Document van werkgever: {document.title} ({placement.candidate} bij {placement.employer})",
        description=f"Geüpload door {user.get_full_name() or user.username} via het werkgeversportaal.",
        kind=TaskKind.WERKGEVERSVRAAG,
        due_date=working_days_ahead(timezone.localdate(), 2),
        assignee=placement.owner or placement.employer.account_holder,
        candidate=placement.candidate,
        employer=placement.employer,
        placement=placement,
        actor=actor,
    )
    return document
