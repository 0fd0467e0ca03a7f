"""The person looking for work: identity, target groups, profile and consent."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper

from wsp_platform.core import crypto, geo
from wsp_platform.core.choices import Sector
from wsp_platform.core.models import BaseModel, Skill
from wsp_platform.core.validators import normalize_postcode, validate_date_range, validate_postcode

from .choices import (
    Benefit,
    BeschutWerkStage,
    CandidateStatus,
    ConsentScope,
    EducationLevel,
    LoadLevel,
    Mobility,
    TargetGroup,
    WorkFitStatus,
)


def search_vector() -> SearchVector:
    """What the candidate search matches (Dutch stemming); the GIN index below is built on
    this same expression, so PostgreSQL can use it."""
    return SearchVector("first_name", "last_name", "city", "postcode", "experience", "interests", config="dutch")


class Candidate(BaseModel):
    # Identity. The BSN is never stored in plain text: see wsp_platform.core.crypto.
    bsn_encrypted = models.TextField("BSN (versleuteld)", editable=False)
    bsn_hash = models.CharField("BSN (sleutelhash)", max_length=64, unique=True, editable=False)
    bsn_last4 = models.CharField("BSN laatste 4 cijfers", max_length=4, editable=False)
    first_name = models.CharField("voornaam", max_length=80)
    name_prefix = models.CharField("tussenvoegsel", max_length=20, blank=True)
    last_name = models.CharField("achternaam", max_length=120)
    birth_date = models.DateField("geboortedatum")
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefoon", max_length=32, blank=True)
    street = models.CharField("adres", max_length=160, blank=True)
    postcode = models.CharField("postcode", max_length=7, validators=[validate_postcode])
    city = models.CharField("woonplaats", max_length=80, blank=True)
    latitude = models.FloatField("breedtegraad", null=True, blank=True, editable=False)
    longitude = models.FloatField("lengtegraad", null=True, blank=True, editable=False)
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, related_name="candidates", verbose_name="gemeente"
    )
    benefit = models.CharField("uitkering", max_length=16, choices=Benefit.choices, default=Benefit.GEEN)

    # Case management.
    status = models.CharField(
        "status", max_length=16, choices=CandidateStatus.choices, default=CandidateStatus.AANMELDING
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="caseload",
        verbose_name="casemanager",
        null=True,
        blank=True,
    )
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, related_name="candidates", verbose_name="team"
    )
    closed_on = models.DateField("dossier gesloten op", null=True, blank=True)
    anonymised_at = models.DateTimeField("geanonimiseerd op", null=True, blank=True)

    # Profile.
    skills = models.ManyToManyField(Skill, blank=True, related_name="candidates", verbose_name="vaardigheden")
    experience = models.TextField("werkervaring", blank=True)
    education_level = models.PositiveSmallIntegerField(
        "opleidingsniveau", choices=EducationLevel.choices, default=EducationLevel.GEEN
    )
    hours_available_per_week = models.PositiveSmallIntegerField(
        "beschikbaar (uren per week)", default=0, validators=[MaxValueValidator(60)]
    )
    available_days = models.CharField("beschikbare dagen", max_length=60, blank=True, help_text="bijv. ma, di, do")
    available_from = models.DateField("beschikbaar vanaf", null=True, blank=True)
    travel_radius_km = models.PositiveSmallIntegerField(
        "reisafstand (km)", default=10, validators=[MinValueValidator(0), MaxValueValidator(200)]
    )
    mobility = models.CharField("vervoer", max_length=20, choices=Mobility.choices, default=Mobility.FIETS)
    capacity_physical = models.PositiveSmallIntegerField(
        "belastbaarheid fysiek", choices=LoadLevel.choices, null=True, blank=True
    )
    capacity_mental = models.PositiveSmallIntegerField(
        "belastbaarheid mentaal", choices=LoadLevel.choices, null=True, blank=True
    )
    capacity_pace = models.PositiveSmallIntegerField(
        "belastbaarheid werktempo", choices=LoadLevel.choices, null=True, blank=True
    )
    capacity_stimuli = models.PositiveSmallIntegerField(
        "belastbaarheid prikkels", choices=LoadLevel.choices, null=True, blank=True
    )
    needs_quiet_workplace = models.BooleanField("heeft een rustige werkplek nodig", default=False)
    interests = models.TextField("interesses", blank=True)
    wished_sectors = models.JSONField("gewenste sectoren", default=list, blank=True)
    motivation = models.TextField("motivatie", blank=True)
    support_needed = models.TextField("benodigde ondersteuning", blank=True)
    work_fit_status = models.CharField(
        "werkfit", max_length=16, choices=WorkFitStatus.choices, default=WorkFitStatus.NIET_WERKFIT
    )
    internal_notes = models.TextField("interne notities", blank=True)

    class Meta:
        verbose_name = "kandidaat"
        verbose_name_plural = "kandidaten"
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["status", "owner"]),
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["latitude", "longitude"]),
            models.Index(fields=["hours_available_per_week"]),
            models.Index(fields=["travel_radius_km"], name="candidate_travel_radius_idx"),
            # The search (candidates.filters.search_candidates): full text, last name starts
            # with, e-mail equals. PostgreSQL only (migration 0005 skips them on SQLite).
            GinIndex(search_vector(), name="candidate_search_idx"),
            models.Index(OpClass(Upper("last_name"), name="text_pattern_ops"), name="candidate_last_name_upper_idx"),
            models.Index(Upper("email"), name="candidate_email_upper_idx"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.name_prefix, self.last_name) if part)

    @property
    def display_name_for_employer(self) -> str:
        """First name and initial of the last name: what an employer sees."""
        return f"{self.first_name} {self.last_name[:1]}." if self.last_name else self.first_name

    @property
    def bsn(self) -> str:
        return crypto.decrypt(self.bsn_encrypted) if self.bsn_encrypted else ""

    @bsn.setter
    def bsn(self, value: str) -> None:
        self.bsn_encrypted = crypto.encrypt(value)
        self.bsn_hash = crypto.keyed_hash(value)
        self.bsn_last4 = value[-4:]

    @property
    def bsn_masked(self) -> str:
        return crypto.mask_bsn(self.bsn_last4)

    def clean(self):
        super().clean()
        if self.postcode:
            self.postcode = normalize_postcode(self.postcode)
        valid_sectors = set(Sector.values)
        bad = [s for s in self.wished_sectors or [] if s not in valid_sectors]
        if bad:
            from django.core.exceptions import ValidationError

            raise ValidationError({"wished_sectors": f"Onbekende sector(en): {', '.join(bad)}."})

    def save(self, *args, **kwargs):
        if self.postcode:
            self.postcode = normalize_postcode(self.postcode)
            geo.fill_coordinates(self)
        super().save(*args, **kwargs)


class TargetGroupStatus(BaseModel):
    """A target-group status with its dates. Never shown to employers (stigmatising, AVG)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="target_groups")
    group = models.CharField("doelgroep", max_length=32, choices=TargetGroup.choices)
    start_date = models.DateField("vanaf")
    end_date = models.DateField("tot en met", null=True, blank=True)
    beschut_werk_stage = models.CharField(
        "fase beschut werk", max_length=24, choices=BeschutWerkStage.choices, blank=True
    )
    source = models.CharField("bron", max_length=120, blank=True, help_text="bijv. UWV doelgroepregister")

    class Meta:
        verbose_name = "doelgroepstatus"
        verbose_name_plural = "doelgroepstatussen"
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="targetgroup_end_after_start",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            )
        ]

    def __str__(self):
        return self.get_group_display()

    def clean(self):
        validate_date_range(self.start_date, self.end_date)


class WorkNeed(BaseModel):
    """A work-relevant need phrased without diagnosis ("one instruction at a time")."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="work_needs")
    description = models.CharField("omschrijving", max_length=200)
    shareable_with_employer = models.BooleanField(
        "mag gedeeld worden met werkgever",
        default=False,
        help_text="Alleen als de kandidaat toestemming gaf om werkbehoeften te delen.",
    )

    class Meta:
        verbose_name = "werkrelevante behoefte"
        verbose_name_plural = "werkrelevante behoeften"
        ordering = ["id"]

    def __str__(self):
        return self.description


class Consent(BaseModel):
    """What the candidate allowed to be shared, with whom, from when until withdrawn."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField("toestemming voor", max_length=32, choices=ConsentScope.choices)
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="candidate_consents",
        help_text="Leeg: geldt voor elke werkgever waar de kandidaat wordt voorgesteld of werkt.",
    )
    given_on = models.DateField("gegeven op")
    withdrawn_on = models.DateField("ingetrokken op", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField("toelichting", max_length=200, blank=True)

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-given_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
                name="consent_withdrawn_after_given",
                violation_error_message="Intrekken kan niet vóór de datum van toestemming.",
            )
        ]

    def __str__(self):
        return self.get_scope_display()

    def clean(self):
        validate_date_range(self.given_on, self.withdrawn_on, start_field="given_on", end_field="withdrawn_on")
