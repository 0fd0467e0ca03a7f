"""Domain operations on employers, their contacts, the shared timeline and jobs."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from candidates.choices import ConsentScope
from wsp_platform.audit.services import Actor, AuditAction, record, save_changes

from .choices import ContactWith
from .models import ContactMoment, ContactPerson, Employer, Job

logger = logging.getLogger(__name__)

NETWORK_CONTACTS = (ContactWith.FAMILIE, ContactWith.ZORGORGANISATIE)
HANDOVER_DAYS = 14


def _has_network_consent(candidate, on: datetime.date) -> bool:
    return candidate.consents.filter(
        scope=ConsentScope.CONTACT_NETWERK, given_on__lte=on, withdrawn_on__isnull=True
    ).exists()


@transaction.atomic
def add_contact_moment(
    *,
    actor: Actor,
    channel: str,
    with_whom: str,
    summary: str,
    candidate=None,
    employer=None,
    placement=None,
    contact_person=None,
    occurred_at: datetime.datetime | None = None,
    follow_up_date: datetime.date | None = None,
    shared_with_employer: bool = False,
    is_jobcoach_contact: bool = False,
) -> ContactMoment:
    """Log a contact moment on the shared timeline. A moment on a placement is also
    linked to its candidate and employer, so it shows on all three timelines.

    Contact with family or a care organisation needs the candidate's consent."""
    if placement is not None:
        candidate = candidate or placement.candidate
        employer = employer or placement.employer
    if candidate is None and employer is None:
        raise ValidationError("Een contactmoment hoort bij een kandidaat, werkgever of plaatsing.")
    occurred_at = occurred_at or timezone.now()
    errors = {}
    if not (summary or "").strip():
        errors["summary"] = "Vul een korte samenvatting in."
    if with_whom in NETWORK_CONTACTS:
        if candidate is None or not _has_network_consent(candidate, timezone.localdate(occurred_at)):
            errors["with_whom"] = (
                "Contact met familie of een zorgorganisatie mag alleen als de kandidaat daar toestemming voor gaf."
            )
    if follow_up_date and follow_up_date < timezone.localdate(occurred_at):
        errors["follow_up_date"] = "De vervolgafspraak ligt vóór het contactmoment."
    if contact_person is not None and employer is not None and contact_person.employer_id != employer.pk:
        errors["contact_person"] = "Deze contactpersoon werkt niet bij deze werkgever."
    if shared_with_employer and employer is None:
        errors["shared_with_employer"] = "Delen met de werkgever kan alleen bij een werkgever of plaatsing."
    if errors:
        raise ValidationError(errors)
    moment = ContactMoment.objects.create(
        occurred_at=occurred_at,
        channel=channel,
        with_whom=with_whom,
        contact_person=contact_person,
        candidate=candidate,
        employer=employer,
        placement=placement,
        summary=summary.strip(),
        follow_up_date=follow_up_date,
        shared_with_employer=shared_with_employer,
        is_jobcoach_contact=is_jobcoach_contact or with_whom == ContactWith.JOBCOACH,
        author=actor.user_or_none,
    )
    record(actor, AuditAction.CREATE, moment)
    return moment


@transaction.atomic
def create_employer(*, actor: Actor, **data) -> Employer:
    employer = Employer(**data)
    if employer.account_holder_id and not employer.account_holder_since:
        employer.account_holder_since = timezone.localdate()
    employer.full_clean()
    employer.save()
    record(actor, AuditAction.CREATE, employer)
    return employer


@transaction.atomic
def update_employer(employer: Employer, *, actor: Actor, data: dict) -> Employer:
    """Edit the employer record. A change of account holder goes through
    ``change_account_holder`` (handover task and notice to the employer)."""
    locked = Employer.objects.select_for_update().get(pk=employer.pk)
    new_holder = data.pop("account_holder", locked.account_holder)
    save_changes(locked, data, actor=actor)
    if new_holder != locked.account_holder:
        change_account_holder(locked, new_holder, actor=actor)
        locked.refresh_from_db()
    return locked


@transaction.atomic
def change_account_holder(employer: Employer, new_holder, *, actor: Actor, note: str = "") -> Employer:
    """Hand an employer over to another account holder: a checklist task for the new
    holder, an in-app notification, and an e-mail to the employer's contacts so they
    know whom to call (employers complain contact persons change without notice)."""
    from placements.choices import TaskKind
    from placements.services import create_task

    locked = Employer.objects.select_for_update().get(pk=employer.pk)
    old_holder = locked.account_holder
    if new_holder == old_holder:
        raise ValidationError({"account_holder": "Deze persoon is al accounthouder van deze werkgever."})
    if new_holder is not None and new_holder == locked.deputy:
        raise ValidationError({"account_holder": "De vervanger kan niet ook de accounthouder zijn."})
    today = timezone.localdate()
    locked.account_holder = new_holder
    locked.account_holder_since = today if new_holder else None
    locked.save(update_fields=["account_holder", "account_holder_since", "updated_at"])
    record(actor, AuditAction.UPDATE, locked, changes={"account_holder": (old_holder, new_holder)}, purpose=note)
    if new_holder is None:
        return locked
    checklist = "\n".join(
        [
            f"Overdracht van {old_holder or 'geen vorige accounthouder'} aan {new_holder}.",
            "- Lees de tijdlijn en de lopende plaatsingen door.",
            "- Bel of bezoek de kartrekker en stel je voor.",
            "- Controleer lopende subsidieaanvragen en beschikkingen.",
            "- Neem de open taken en vervolgafspraken over.",
            "- Spreek de bezoekfrequentie af.",
        ]
        + ([f"Toelichting: {note}"] if note else [])
    )
    create_task(
        title=f"Overdracht {locked.name}: kennismaken en dossier overnemen",
        description=checklist,
        kind=TaskKind.OVERDRACHT,
        due_date=today + datetime.timedelta(days=HANDOVER_DAYS),
        assignee=new_holder,
        employer=locked,
        actor=actor,
        dedup_key=f"{TaskKind.OVERDRACHT}:{locked.uuid}:{today.isoformat()}:{new_holder.pk}",
    )
    recipients = list(
        locked.contacts.filter(left_on__isnull=True).exclude(email="").values_list("email", flat=True)
    )
    if recipients:
        phone = f", telefoon {new_holder.phone}" if getattr(new_holder, "phone", "") else ""
        body = (
            f"Beste relatie,\n\nVanaf {today:%d-%m-%Y} is {new_holder.get_full_name() or new_holder.username} "
            f"uw vaste contactpersoon bij het werkgeversservicepunt (e-mail {new_holder.email}{phone}).\n"
            + (f"Uw vorige contactpersoon was {old_holder.get_full_name() or old_holder.username}.\n"
               if old_holder else "")
            + "\nMet vriendelijke groet,\nHet werkgeversservicepunt"
        )
        transaction.on_commit(
            lambda: send_mail(
                "Uw nieuwe contactpersoon bij het werkgeversservicepunt",
                body,
                settings.DEFAULT_FROM_EMAIL,
                recipients,
                fail_silently=False,
            )
        )
    return locked


@transaction.atomic
def add_contact_person(employer: Employer, *, actor: Actor, **data) -> ContactPerson:
    person = ContactPerson(employer=employer, **data)
    person.full_clean()
    person.save()
    record(actor, AuditAction.CREATE, person)
    return person


@transaction.atomic
def update_contact_person(person: ContactPerson, *, actor: Actor, data: dict) -> ContactPerson:
    save_changes(person, data, actor=actor)
    return person


@transaction.atomic
def create_job(*, actor: Actor, **data) -> Job:
    job = Job(**data)
    if not job.open_since and job.status == "open":
        job.open_since = timezone.localdate()
    job.full_clean()
    job.save()
    record(actor, AuditAction.CREATE, job)
    return job


@transaction.atomic
def update_job(job: Job, *, actor: Actor, data: dict) -> Job:
    locked = Job.objects.select_for_update().get(pk=job.pk)
    save_changes(locked, data, actor=actor)
    return locked
