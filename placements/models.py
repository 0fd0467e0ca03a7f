"""Proposals, placements with their contracts and history, follow-up tasks and signals."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from wsp_platform.core.models import BaseModel
from wsp_platform.core.validators import validate_date_range

from .choices import (
    AdjustmentType,
    Arrangement,
    ContractKind,
    DevelopmentProfile,
    EndReason,
    IntroductionRoute,
    Origin,
    PlacementStatus,
    ProposalStatus,
    SignalKind,
    SupervisorStatus,
    TaskKind,
    TaskStatus,
)


class Proposal(BaseModel):
    """A candidate proposed for a job; anonymous to the employer until consent is recorded."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="proposals")
    job = models.ForeignKey("employers.Job", on_delete=models.CASCADE, related_name="proposals")
    status = models.CharField(
        "status", max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.VOORGESTELD
    )
    motivation = models.TextField("toelichting voor de werkgever", blank=True)
    match_score = models.PositiveSmallIntegerField("matchscore", null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_on = models.DateField("voorgesteld op")
    responded_on = models.DateField("reactie op", null=True, blank=True)
    response_reason = models.TextField("reden (bij afwijzing)", blank=True)

    class Meta:
        verbose_name = "voorstel"
        verbose_name_plural = "voorstellen"
        ordering = ["-proposed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "job"],
                condition=Q(status__in=["concept", "voorgesteld"]),
                name="proposal_one_open_per_candidate_job",
                violation_error_message="Deze kandidaat is al voorgesteld voor deze baan.",
            )
        ]

    def __str__(self):
        return f"Voorstel {self.candidate_id} → {self.job}"


class Placement(BaseModel):
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.PROTECT, related_name="placements")
    job = models.ForeignKey("employers.Job", on_delete=models.PROTECT, related_name="placements")
    # Denormalised from job.employer: the portal and sweeps filter on it constantly.
    employer = models.ForeignKey("employers.Employer", on_delete=models.PROTECT, related_name="placements")
    proposal = models.OneToOneField(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="placement"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements_owned",
        verbose_name="bemiddelaar",
        null=True,
        blank=True,
    )
    origin = models.CharField("ontstaan", max_length=24, choices=Origin.choices)
    introduction_route = models.CharField(
        "kennismakingstraject", max_length=24, choices=IntroductionRoute.choices, default=IntroductionRoute.GEEN
    )
    arrangement = models.CharField(
        "dienstverband", max_length=16, choices=Arrangement.choices, default=Arrangement.DIRECT
    )
    legal_employer = models.CharField(
        "juridisch werkgever (bij detachering)", max_length=160, blank=True, help_text="bijv. het SOB"
    )
    detachering_fee_monthly = models.DecimalField(
        "detacheringsvergoeding per maand", max_digits=9, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        "status", max_length=16, choices=PlacementStatus.choices, default=PlacementStatus.VOORGESTELD
    )
    end_reason = models.CharField("reden beëindiging", max_length=24, choices=EndReason.choices, blank=True)
    status_note = models.TextField("toelichting status", blank=True)
    is_beschut_werk = models.BooleanField("beschut werk", default=False)

    introduction_start_date = models.DateField("start kennismakingstraject", null=True, blank=True)
    trial_end_date = models.DateField("einde proefplaatsing", null=True, blank=True)
    trial_decision = models.CharField("besluit na proefplaatsing", max_length=200, blank=True)
    start_date = models.DateField("startdatum dienstverband", null=True, blank=True)
    contract_end_date = models.DateField("einddatum huidig contract", null=True, blank=True)
    end_date = models.DateField("einddatum plaatsing", null=True, blank=True)
    hours_per_week = models.DecimalField(
        "uren per week",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )

    supervisor_name = models.CharField("werkbegeleider", max_length=120, blank=True)
    supervisor_guidance_hours_per_day = models.DecimalField(
        "begeleiding op de werkvloer (uur per dag)",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(8)],
    )
    supervisor_status = models.CharField(
        "status werkbegeleider", max_length=16, choices=SupervisorStatus.choices, default=SupervisorStatus.ACTIEF
    )
    supervisor_changed_on = models.DateField("werkbegeleider gewijzigd op", null=True, blank=True)
    jobcoach_name = models.CharField("jobcoach", max_length=120, blank=True)
    jobcoach_organisation = models.CharField("jobcoachorganisatie", max_length=120, blank=True)
    jobcoach_phone = models.CharField("telefoon jobcoach", max_length=32, blank=True)
    jobcoach_email = models.EmailField("e-mail jobcoach", blank=True)
    development_profile = models.CharField(
        "ontwikkelprofiel", max_length=2, choices=DevelopmentProfile.choices, blank=True
    )
    nazorg_interval_days = models.PositiveSmallIntegerField(
        "afwijkende nazorgfrequentie (dagen)",
        null=True,
        blank=True,
        help_text="Leeg: het standaardschema van de regio. Bijv. 14 als de werkgever elke twee weken bezoek wil.",
    )
    transition_plan = models.TextField("transitieplan", blank=True)
    permanent_contract_decision = models.CharField("besluit vast contract", max_length=200, blank=True)

    class Meta:
        verbose_name = "plaatsing"
        verbose_name_plural = "plaatsingen"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "owner"]),
            models.Index(fields=["employer", "status"]),
            models.Index(fields=["start_date"]),
            models.Index(fields=["trial_end_date"]),
            models.Index(fields=["contract_end_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="placement_end_after_start",
                violation_error_message="De einddatum ligt vóór de startdatum.",
            ),
            models.CheckConstraint(
                condition=Q(contract_end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(contract_end_date__gte=F("start_date")),
                name="placement_contract_end_after_start",
                violation_error_message="Het contract eindigt vóór de startdatum.",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["beeindigd", "doorstroom"]) | ~Q(end_reason=""),
                name="placement_closed_has_reason",
                violation_error_message="Een beëindigde plaatsing heeft een reden.",
            ),
        ]

    def __str__(self):
        return f"{self.candidate} bij {self.employer}" if self.candidate_id and self.employer_id else "Plaatsing"

    def clean(self):
        validate_date_range(self.start_date, self.end_date)
        validate_date_range(self.start_date, self.contract_end_date, end_field="contract_end_date")
        if self.job_id and not self.employer_id:
            self.employer_id = self.job.employer_id

    def save(self, *args, **kwargs):
        if self.job_id and not self.employer_id:
            self.employer_id = self.job.employer_id
        super().save(*args, **kwargs)


class PlacementStatusChange(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField("van", max_length=16, choices=PlacementStatus.choices, blank=True)
    to_status = models.CharField("naar", max_length=16, choices=PlacementStatus.choices)
    reason = models.TextField("reden", blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField("op", auto_now_add=True)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class Contract(BaseModel):
    """One link in the chain of contracts (temporary/permanent) of a placement."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="contracts")
    sequence = models.PositiveSmallIntegerField("volgnummer")
    kind = models.CharField("soort", max_length=12, choices=ContractKind.choices)
    start_date = models.DateField("begindatum")
    end_date = models.DateField("einddatum", null=True, blank=True)
    hours_per_week = models.DecimalField(
        "uren per week", max_digits=4, decimal_places=1, validators=[MinValueValidator(0), MaxValueValidator(60)]
    )
    hourly_wage = models.DecimalField("bruto uurloon", max_digits=7, decimal_places=2)
    employer_name = models.CharField("werkgever op contract", max_length=160, blank=True)

    class Meta:
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        ordering = ["placement", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "sequence"], name="contract_unique_sequence"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="contract_end_after_start",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
            models.CheckConstraint(
                condition=Q(kind="vast") | Q(end_date__isnull=False),
                name="contract_temporary_has_end",
                violation_error_message="Een tijdelijk contract heeft een einddatum.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} contract {self.sequence}"

    def clean(self):
        validate_date_range(self.start_date, self.end_date)


class WorkAdjustment(BaseModel):
    """Baanherontwerp: an adjustment of the job or workplace for this person."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="adjustments")
    adjustment_type = models.CharField("soort", max_length=16, choices=AdjustmentType.choices)
    made_on = models.DateField("datum")
    description = models.TextField("aanpassing")
    reason = models.TextField("reden", blank=True)
    owner = models.CharField("eigenaar", max_length=120, blank=True)
    outcome = models.TextField("resultaat", blank=True)

    class Meta:
        verbose_name = "werkaanpassing"
        verbose_name_plural = "werkaanpassingen"
        ordering = ["-made_on"]

    def __str__(self):
        return f"{self.get_adjustment_type_display()} {self.made_on:%d-%m-%Y}"


class Task(BaseModel):
    """A to-do for a bemiddelaar. Tasks made by sweeps carry a unique ``dedup_key``
    (kind:subject:due date), so a sweep run twice or retried never doubles one."""

    title = models.CharField("titel", max_length=200)
    description = models.TextField("omschrijving", blank=True)
    kind = models.CharField("soort", max_length=24, choices=TaskKind.choices, default=TaskKind.HANDMATIG)
    status = models.CharField("status", max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    due_date = models.DateField("uiterlijk op", db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name="toegewezen aan",
        null=True,
        blank=True,
    )
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, null=True, blank=True, related_name="tasks"
    )
    employer = models.ForeignKey(
        "employers.Employer", on_delete=models.CASCADE, null=True, blank=True, related_name="tasks"
    )
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks")
    dedup_key = models.CharField("ontdubbelsleutel", max_length=160, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField("afgerond op", null=True, blank=True)
    completion_note = models.TextField("afrondnotitie", blank=True)

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["assignee", "status", "due_date"])]

    def __str__(self):
        return self.title


class Notification(BaseModel):
    """An in-app notification for a user, optionally about a task."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField("bericht", max_length=300)
    task = models.ForeignKey(Task, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications")
    read_at = models.DateTimeField("gelezen op", null=True, blank=True)
    emailed_at = models.DateTimeField("gemaild op", null=True, blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "task"], condition=Q(task__isnull=False), name="notification_once_per_task"
            )
        ]

    def __str__(self):
        return self.message


class Signal(BaseModel):
    """A risk signal on a placement ("loonwaarde gedaald", "werkbegeleider vertrekt")."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="signals")
    kind = models.CharField("soort", max_length=24, choices=SignalKind.choices)
    message = models.TextField("toelichting")
    raised_on = models.DateField("gemeld op")
    raised_by_employer = models.BooleanField("gemeld door werkgever", default=False)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_on = models.DateField("afgehandeld op", null=True, blank=True)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["-raised_on", "-id"]

    def __str__(self):
        return self.get_kind_display()


# --- Follow-up (nazorg) configuration and the sweep/digest logs -------------------------

def _validate_weeks(value: str) -> None:
    from django.core.exceptions import ValidationError

    from .followup import parse_weeks

    try:
        parse_weeks(value)
    except ValueError:
        raise ValidationError(
            "Geef de weken op als getallen tussen 1 en 104, gescheiden door komma's (bijv. 1,2,4,8)."
        ) from None


class NazorgSchedule(BaseModel):
    """A region's default nazorg cadence (regions without one use the platform default:
    week 1, 2, 4, 8, monthly until month 6, every 3 months until month 24, then
    half-yearly). A placement overrides it with ``Placement.nazorg_interval_days``."""

    region = models.OneToOneField(
        "accounts.Region", on_delete=models.CASCADE, related_name="nazorg_schedule", verbose_name="regio"
    )
    early_weeks = models.CharField(
        "eerste contacten (weken na start)", max_length=60, default="1,2,4,8", validators=[_validate_weeks],
        help_text="Komma-gescheiden, bijv. 1,2,4,8.",
    )
    monthly_until_month = models.PositiveSmallIntegerField(
        "daarna maandelijks tot en met maand", default=6, validators=[MaxValueValidator(60)]
    )
    quarterly_until_month = models.PositiveSmallIntegerField(
        "daarna elke 3 maanden tot en met maand", default=24, validators=[MaxValueValidator(120)],
        help_text="Daarna geldt de plaatsing als stabiel.",
    )
    stable_interval_months = models.PositiveSmallIntegerField(
        "stabiel: elke ... maanden", default=6, validators=[MinValueValidator(1), MaxValueValidator(24)]
    )

    class Meta:
        verbose_name = "nazorgschema"
        verbose_name_plural = "nazorgschema's"

    def __str__(self):
        return f"Nazorgschema {self.region}"

    def as_cadence(self):
        from .followup import NazorgCadence, parse_weeks

        return NazorgCadence(
            early_weeks=parse_weeks(self.early_weeks),
            monthly_until_month=self.monthly_until_month,
            quarterly_until_month=self.quarterly_until_month,
            stable_interval_months=self.stable_interval_months,
        )


class SweepRun(models.Model):
    """One run of one deadline sweep for one day: what it did and whether it finished.
    A run that never finished (worker killed) stays 'bezig'; the retry writes a new row."""

    class Status(models.TextChoices):
        RUNNING = "bezig", "Bezig"
        DONE = "klaar", "Klaar"
        FAILED = "mislukt", "Mislukt"

    run_for = models.DateField("voor dag", db_index=True)
    rule = models.CharField("regel", max_length=40)
    status = models.CharField("status", max_length=8, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField("gestart", auto_now_add=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    candidates_seen = models.PositiveIntegerField("onderwerpen bekeken", default=0)
    tasks_created = models.PositiveIntegerField("taken aangemaakt", default=0)
    error = models.TextField("fout", blank=True)

    class Meta:
        verbose_name = "sweep-run"
        verbose_name_plural = "sweep-runs"
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.rule} {self.run_for:%d-%m-%Y} ({self.get_status_display()})"


class DigestLog(models.Model):
    """The e-mail digest of one user for one day: the unique (user, day) row is claimed
    in the same transaction that sends the mail, so a digest goes out once per day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_logs")
    day = models.DateField("dag")
    sent_at = models.DateTimeField("verstuurd op", null=True, blank=True)
    new_count = models.PositiveIntegerField("nieuwe taken", default=0)
    overdue_count = models.PositiveIntegerField("verlopen taken", default=0)

    class Meta:
        verbose_name = "takenoverzicht per e-mail"
        verbose_name_plural = "takenoverzichten per e-mail"
        ordering = ["-day", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digest_once_per_user_per_day")]

    def __str__(self):
        return f"Overzicht {self.user} {self.day:%d-%m-%Y}"


class MatchingWeights(BaseModel):
    """How much each soft matching criterion counts in a region (placements.matching).
    Regions without a row use the platform defaults (``MatchingWeights.defaults()``).
    A weight of 0 switches a criterion off; the score is the weighted share of the
    criteria that could be judged, 0-100."""

    region = models.OneToOneField(
        "accounts.Region", on_delete=models.CASCADE, related_name="matching_weights", verbose_name="regio"
    )
    skills = models.PositiveSmallIntegerField("vaardigheden en taakcapaciteiten", default=30)
    negotiable = models.PositiveSmallIntegerField("bespreekbare eisen", default=15)
    sector = models.PositiveSmallIntegerField("gewenste sector", default=10)
    interests = models.PositiveSmallIntegerField("interesses", default=10)
    experience = models.PositiveSmallIntegerField("werkervaring", default=10)
    education = models.PositiveSmallIntegerField("opleidingsniveau", default=10)
    distance = models.PositiveSmallIntegerField("nabijheid (reisafstand)", default=10)
    quiet = models.PositiveSmallIntegerField("rustige werkplek", default=5)

    WEIGHT_FIELDS = ("skills", "negotiable", "sector", "interests", "experience", "education", "distance", "quiet")

    class Meta:
        verbose_name = "matchingweging"
        verbose_name_plural = "matchingwegingen"

    def __str__(self):
        return f"Matchingweging {self.region}"

    @classmethod
    def defaults(cls) -> dict[str, int]:
        return {name: cls._meta.get_field(name).default for name in cls.WEIGHT_FIELDS}

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.WEIGHT_FIELDS}
