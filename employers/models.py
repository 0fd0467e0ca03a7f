"""Employers (CRM), contact persons, the shared timeline, jobs and the job-redesign workspace."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from candidates.choices import EducationLevel, LoadLevel
from wsp_platform.core import geo
from wsp_platform.core.choices import Sector
from wsp_platform.core.models import BaseModel, Skill
from wsp_platform.core.validators import normalize_postcode, validate_kvk, validate_postcode

from .choices import (
    BanenafspraakStance,
    Complexity,
    ContactChannel,
    ContactLayer,
    ContactWith,
    CreationMethod,
    InclusionStage,
    JobKind,
    JobStatus,
    PsoLevel,
    Scope,
    ServiceStyle,
    SizeClass,
)

HOURS = [MinValueValidator(0), MaxValueValidator(60)]


class Employer(BaseModel):
    name = models.CharField("naam", max_length=160)
    kvk_number = models.CharField("KvK-nummer", max_length=8, unique=True, validators=[validate_kvk])
    sector = models.CharField("sector", max_length=20, choices=Sector.choices)
    size_class = models.CharField("grootteklasse", max_length=8, choices=SizeClass.choices)
    is_public = models.BooleanField("publieke werkgever", default=False)
    region = models.ForeignKey("accounts.Region", on_delete=models.PROTECT, related_name="employers")
    pso_level = models.CharField("PSO-niveau", max_length=16, choices=PsoLevel.choices, default=PsoLevel.GEEN)
    banenafspraak_obligation = models.BooleanField("valt onder de banenafspraak (25+ medewerkers)", default=False)
    banenafspraak_stance = models.CharField(
        "houding banenafspraak", max_length=16, choices=BanenafspraakStance.choices, blank=True
    )
    is_social_enterprise = models.BooleanField("sociale onderneming", default=False)
    inclusion_stage = models.CharField(
        "inclusiefase", max_length=20, choices=InclusionStage.choices, default=InclusionStage.ORIENTATIE
    )
    service_style = models.CharField(
        "dienstverleningsstijl",
        max_length=32,
        choices=ServiceStyle.choices,
        default=ServiceStyle.VACATURES_VERVULLEN,
    )
    scope = models.CharField("reikwijdte", max_length=12, choices=Scope.choices, default=Scope.REGIONAAL)
    legal_requirements = models.CharField(
        "wettelijke functie-eisen", max_length=200, blank=True, help_text="bijv. taaleis 3F in de kinderopvang"
    )
    preferred_visit_interval_days = models.PositiveSmallIntegerField(
        "gewenste bezoekfrequentie (dagen)", null=True, blank=True
    )
    account_holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="accounts_held",
        verbose_name="accounthouder",
        null=True,
        blank=True,
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="accounts_deputised",
        verbose_name="vervanger",
        null=True,
        blank=True,
    )
    account_holder_since = models.DateField("accounthouder sinds", null=True, blank=True)
    past_experiences = models.TextField("eerdere ervaringen", blank=True)
    internal_notes = models.TextField("interne notities", blank=True)

    class Meta:
        verbose_name = "werkgever"
        verbose_name_plural = "werkgevers"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deputy__isnull=True) | ~Q(deputy=F("account_holder")),
                name="employer_deputy_differs_from_holder",
                violation_error_message="De vervanger moet iemand anders zijn dan de accounthouder.",
            )
        ]

    def __str__(self):
        return self.name


class EmployerLocation(BaseModel):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField("naam vestiging", max_length=120)
    street = models.CharField("adres", max_length=160, blank=True)
    postcode = models.CharField("postcode", max_length=7, validators=[validate_postcode])
    city = models.CharField("plaats", max_length=80)
    latitude = models.FloatField("breedtegraad", null=True, blank=True, editable=False)
    longitude = models.FloatField("lengtegraad", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "vestiging"
        verbose_name_plural = "vestigingen"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.city})"

    def save(self, *args, **kwargs):
        self.postcode = normalize_postcode(self.postcode)
        geo.fill_coordinates(self)
        super().save(*args, **kwargs)


class ContactPerson(BaseModel):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField("naam", max_length=120)
    job_title = models.CharField("functie", max_length=120, blank=True)
    layer = models.CharField("laag", max_length=16, choices=ContactLayer.choices, default=ContactLayer.HR)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefoon", max_length=32, blank=True)
    is_champion = models.BooleanField("kartrekker (champion)", default=False)
    left_on = models.DateField("uit dienst / vertrokken op", null=True, blank=True)
    leaving_on = models.DateField("vertrekt per (aangekondigd)", null=True, blank=True)

    class Meta:
        verbose_name = "contactpersoon"
        verbose_name_plural = "contactpersonen"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.left_on is None


class ContactMoment(BaseModel):
    """One entry on the shared timeline of a candidate, employer and/or placement."""

    occurred_at = models.DateTimeField("moment", db_index=True)
    channel = models.CharField("kanaal", max_length=16, choices=ContactChannel.choices)
    with_whom = models.CharField("met wie", max_length=20, choices=ContactWith.choices)
    contact_person = models.ForeignKey(
        ContactPerson, on_delete=models.SET_NULL, null=True, blank=True, related_name="contact_moments"
    )
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, null=True, blank=True, related_name="contact_moments"
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, null=True, blank=True, related_name="contact_moments"
    )
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, null=True, blank=True, related_name="contact_moments"
    )
    summary = models.TextField("samenvatting")
    follow_up_date = models.DateField("vervolgafspraak", null=True, blank=True)
    shared_with_employer = models.BooleanField("verslag delen met werkgever", default=False)
    is_jobcoach_contact = models.BooleanField("contact van/met jobcoach", default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-occurred_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(candidate__isnull=False) | Q(employer__isnull=False) | Q(placement__isnull=False),
                name="contactmoment_has_subject",
                violation_error_message="Een contactmoment hoort bij een kandidaat, werkgever of plaatsing.",
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.occurred_at:%d-%m-%Y}"


class Function(BaseModel):
    """An existing function at an employer, with its task inventory (for jobcarving/IHW)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="functions")
    name = models.CharField("functienaam", max_length=120)
    fte_count = models.DecimalField("aantal fte", max_digits=6, decimal_places=1, default=1)
    hourly_wage = models.DecimalField("functieloon per uur", max_digits=7, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "bestaande functie"
        verbose_name_plural = "bestaande functies"
        ordering = ["name"]

    def __str__(self):
        return self.name


class FunctionTask(BaseModel):
    function = models.ForeignKey(Function, on_delete=models.CASCADE, related_name="tasks")
    description = models.CharField("taak", max_length=200)
    hours_per_week = models.DecimalField("uren per week", max_digits=5, decimal_places=1, validators=HOURS)
    frequency = models.CharField("frequentie", max_length=60, blank=True)
    complexity = models.PositiveSmallIntegerField("complexiteit", choices=Complexity.choices, default=1)
    physical_load = models.PositiveSmallIntegerField("fysieke belasting", choices=LoadLevel.choices, default=1)
    mental_load = models.PositiveSmallIntegerField("mentale belasting", choices=LoadLevel.choices, default=1)
    pace = models.PositiveSmallIntegerField("werktempo", choices=LoadLevel.choices, default=1)
    stimuli = models.PositiveSmallIntegerField("prikkels", choices=LoadLevel.choices, default=1)
    quiet_spot_possible = models.BooleanField("kan op een rustige plek", default=False)
    capabilities = models.ManyToManyField(Skill, blank=True, related_name="function_tasks")

    class Meta:
        verbose_name = "taak in bestaande functie"
        verbose_name_plural = "taken in bestaande functies"
        ordering = ["function", "id"]

    def __str__(self):
        return self.description


class FunctiecreatieConversation(BaseModel):
    """'Functiecreatie light': the seven questions from staffing problem to decision (000 §3.3.1)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="functiecreatie_conversations")
    held_on = models.DateField("gesprek op")
    staffing_problem = models.TextField("a. personeelsvraagstuk van de werkgever")
    employee_problems = models.TextField("b. knelpunten medewerkers (werkdruk, overwerk, kwaliteit)", blank=True)
    repetitive_tasks = models.TextField("c. routinetaken die medewerkers willen overdragen", blank=True)
    solves_problem = models.TextField("d. lost het weghalen van die taken het probleem op?", blank=True)
    gains = models.TextField("e. winst voor medewerker, afdeling en werkgever", blank=True)
    candidates_and_costs = models.TextField("f. beschikbare kandidaten en kosten/baten", blank=True)
    decision = models.TextField("g. besluit van de werkgever", blank=True)

    class Meta:
        verbose_name = "functiecreatie-light-gesprek"
        verbose_name_plural = "functiecreatie-light-gesprekken"
        ordering = ["-held_on"]

    def __str__(self):
        return f"Functiecreatie light {self.held_on:%d-%m-%Y}"


class Job(BaseModel):
    """A regular vacancy or a job created by jobcarving, functiecreatie, IHW, ..."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="jobs")
    location = models.ForeignKey(
        EmployerLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="jobs"
    )
    title = models.CharField("functietitel", max_length=160)
    description = models.TextField("omschrijving", blank=True)
    kind = models.CharField("soort", max_length=12, choices=JobKind.choices, default=JobKind.REGULIER)
    creation_method = models.CharField("methode", max_length=16, choices=CreationMethod.choices, blank=True)
    status = models.CharField("status", max_length=12, choices=JobStatus.choices, default=JobStatus.OPEN)
    sector = models.CharField("sector", max_length=20, choices=Sector.choices)
    hours_per_week = models.DecimalField("uren per week", max_digits=4, decimal_places=1, validators=HOURS)
    min_hours_per_week = models.DecimalField(
        "minimaal uren per week", max_digits=4, decimal_places=1, null=True, blank=True, validators=HOURS
    )
    hourly_wage = models.DecimalField("functieloon per uur (excl. vakantiebijslag)", max_digits=7, decimal_places=2)
    education_level = models.PositiveSmallIntegerField(
        "gevraagd opleidingsniveau", choices=EducationLevel.choices, default=EducationLevel.GEEN
    )
    is_generic = models.BooleanField(
        "generieke functie",
        default=True,
        help_text="Generiek: blijft bestaan na de eerste medewerker. Anders: gemaakt voor één persoon.",
    )
    survived_first_holder = models.BooleanField("bleef bestaan na de eerste medewerker", null=True, blank=True)
    source_tasks = models.ManyToManyField(FunctionTask, blank=True, related_name="created_jobs")
    functiecreatie = models.ForeignKey(
        FunctiecreatieConversation, on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    open_since = models.DateField("open sinds", null=True, blank=True)

    class Meta:
        verbose_name = "baan"
        verbose_name_plural = "banen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "hours_per_week"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="regulier", creation_method="") | (Q(kind="gecreeerd") & ~Q(creation_method="")),
                name="job_method_iff_created",
                violation_error_message="Een gecreëerde baan heeft een methode; een reguliere vacature niet.",
            ),
        ]

    def __str__(self):
        return f"{self.title} – {self.employer.name}" if self.employer_id else self.title


class JobTask(BaseModel):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="tasks")
    source_task = models.ForeignKey(
        FunctionTask, on_delete=models.SET_NULL, null=True, blank=True, related_name="job_tasks"
    )
    description = models.CharField("taak", max_length=200)
    hours_per_week = models.DecimalField("uren per week", max_digits=5, decimal_places=1, validators=HOURS)
    physical_load = models.PositiveSmallIntegerField("fysieke belasting", choices=LoadLevel.choices, default=1)
    mental_load = models.PositiveSmallIntegerField("mentale belasting", choices=LoadLevel.choices, default=1)
    pace = models.PositiveSmallIntegerField("werktempo", choices=LoadLevel.choices, default=1)
    stimuli = models.PositiveSmallIntegerField("prikkels", choices=LoadLevel.choices, default=1)
    quiet_spot_possible = models.BooleanField("kan op een rustige plek", default=False)
    capabilities = models.ManyToManyField(Skill, blank=True, related_name="job_tasks")

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["job", "id"]

    def __str__(self):
        return self.description


class JobRequirement(BaseModel):
    """A requirement, hard (excludes) or negotiable (bespreekbaar)."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="requirements")
    description = models.CharField("eis", max_length=200)
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    is_hard = models.BooleanField("harde eis", default=False)

    class Meta:
        verbose_name = "functie-eis"
        verbose_name_plural = "functie-eisen"
        ordering = ["-is_hard", "id"]

    def __str__(self):
        return self.description
