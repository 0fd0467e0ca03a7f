"""Loonwaarde assessments, subsidy applications and the dated rate tables."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.functional import cached_property

from wsp_platform.core.models import BaseModel
from wsp_platform.core.validators import validate_date_range

from .choices import ApplicationStatus, AssessmentMethod, SubsidyKind

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class MinimumWageRate(models.Model):
    """Statutory hourly minimum wage (WML) for 21 and older, from an effective date."""

    effective_from = models.DateField("ingangsdatum", unique=True)
    hourly_amount = models.DecimalField("WML per uur (21+, excl. vakantiebijslag)", max_digits=6, decimal_places=2)
    source = models.CharField("bron", max_length=200, blank=True)

    class Meta:
        verbose_name = "minimumloon (per uur)"
        verbose_name_plural = "minimumloon (per uur)"
        ordering = ["effective_from"]
        constraints = [
            models.CheckConstraint(condition=Q(hourly_amount__gt=0), name="wml_positive"),
        ]

    def __str__(self):
        return f"€ {self.hourly_amount} vanaf {self.effective_from:%d-%m-%Y}"


class YouthWagePercentage(models.Model):
    """Percentage of the adult WML for young workers, by age, from an effective date."""

    effective_from = models.DateField("ingangsdatum")
    age = models.PositiveSmallIntegerField("leeftijd", validators=[MinValueValidator(15), MaxValueValidator(20)])
    percentage = models.DecimalField("percentage", max_digits=5, decimal_places=2, validators=PERCENT)

    class Meta:
        verbose_name = "jeugdminimumloon-percentage"
        verbose_name_plural = "jeugdminimumloon-percentages"
        ordering = ["effective_from", "age"]
        constraints = [
            models.UniqueConstraint(fields=["effective_from", "age"], name="youth_pct_unique_per_date_age")
        ]

    def __str__(self):
        return f"{self.age} jaar: {self.percentage}%"


class EmployerCostAllowanceRate(models.Model):
    """Vergoeding werkgeverslasten: a percentage of the LKS, from an effective date."""

    effective_from = models.DateField("ingangsdatum", unique=True)
    percentage = models.DecimalField("percentage", max_digits=5, decimal_places=2, validators=PERCENT)
    source = models.CharField("bron", max_length=200, blank=True)

    class Meta:
        verbose_name = "vergoeding werkgeverslasten"
        verbose_name_plural = "vergoeding werkgeverslasten"
        ordering = ["effective_from"]

    def __str__(self):
        return f"{self.percentage}% vanaf {self.effective_from:%d-%m-%Y}"


class LoonwaardeRule(models.Model):
    """Next-due rules for loonwaarde assessments, per municipality (defaults when absent)."""

    municipality = models.OneToOneField(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="loonwaarde_rule"
    )
    forfaitair_months = models.PositiveSmallIntegerField("forfaitaire periode (maanden)", default=6)
    measurement_interval_months = models.PositiveSmallIntegerField("hermeting na (maanden)", default=12)
    beschut_werk_max_months = models.PositiveSmallIntegerField("beschut werk uiterlijk na (maanden)", default=36)

    class Meta:
        verbose_name = "loonwaarderegel"
        verbose_name_plural = "loonwaarderegels"

    def __str__(self):
        return f"Loonwaarderegels {self.municipality}"


class LoonwaardeAssessment(BaseModel):
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, related_name="loonwaarde_assessments"
    )
    assessed_on = models.DateField("datum meting")
    method = models.CharField("methode", max_length=16, choices=AssessmentMethod.choices)
    method_name = models.CharField("naam methode (bij andere methode)", max_length=120, blank=True)
    assessor = models.CharField("loonwaardedeskundige", max_length=120, blank=True)
    percentage = models.PositiveSmallIntegerField("loonwaarde (%)", validators=PERCENT)
    normfunctie = models.CharField("normfunctie", max_length=160)
    functieloon_per_hour = models.DecimalField(
        "functieloon per uur (excl. vakantiebijslag)", max_digits=7, decimal_places=2
    )
    next_due_on = models.DateField("volgende meting uiterlijk", null=True, blank=True)
    early_requested_by = models.CharField("eerder aangevraagd door", max_length=120, blank=True)
    early_request_reason = models.TextField("reden eerdere meting", blank=True)
    report_document = models.ForeignKey(
        "core.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="rapport",
    )
    notes = models.TextField("toelichting", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "loonwaardemeting"
        verbose_name_plural = "loonwaardemetingen"
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["placement", "assessed_on"]), models.Index(fields=["next_due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
                name="loonwaarde_percentage_0_100",
                violation_error_message="De loonwaarde ligt tussen 0 en 100%.",
            ),
            models.CheckConstraint(
                condition=Q(next_due_on__isnull=True) | Q(next_due_on__gt=F("assessed_on")),
                name="loonwaarde_next_due_after_assessment",
                violation_error_message="De volgende meting ligt na deze meting.",
            ),
        ]

    def __str__(self):
        return f"{self.percentage}% op {self.assessed_on:%d-%m-%Y}"

    @property
    def is_forfaitair(self) -> bool:
        return self.method == "forfaitair"


class AssessmentTaskScore(models.Model):
    """Task basis of an assessment: which job task was measured, with what performance."""

    assessment = models.ForeignKey(LoonwaardeAssessment, on_delete=models.CASCADE, related_name="task_scores")
    job_task = models.ForeignKey("employers.JobTask", on_delete=models.SET_NULL, null=True, blank=True)
    description = models.CharField("taak", max_length=200)
    performance_percentage = models.PositiveSmallIntegerField("prestatie (%)", validators=PERCENT)

    class Meta:
        verbose_name = "gemeten taak"
        verbose_name_plural = "gemeten taken"

    def __str__(self):
        return f"{self.description}: {self.performance_percentage}%"


class SubsidyApplication(BaseModel):
    """An application for one instrument; the beschikking fields are filled when decided."""

    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.PROTECT, related_name="subsidy_applications"
    )
    # The candidate's home municipality grants the subsidy (home-gemeente rule).
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, related_name="subsidy_applications"
    )
    kind = models.CharField("soort", max_length=24, choices=SubsidyKind.choices)
    status = models.CharField(
        "status", max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.CONCEPT
    )
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_up",
        verbose_name="vorige beschikking",
    )
    period_start = models.DateField("periode van")
    period_end = models.DateField("periode tot en met", null=True, blank=True)
    hours_per_week = models.DecimalField(
        "uren per week", max_digits=4, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    is_forfaitair = models.BooleanField("forfaitaire LKS", default=False)
    amount_requested = models.DecimalField("aangevraagd bedrag", max_digits=10, decimal_places=2, null=True, blank=True)
    amount_granted = models.DecimalField("toegekend bedrag", max_digits=10, decimal_places=2, null=True, blank=True)
    amount_paid = models.DecimalField("uitbetaald bedrag", max_digits=10, decimal_places=2, default=0)
    submitted_on = models.DateField("ingediend op", null=True, blank=True)
    decision_date = models.DateField("besluitdatum", null=True, blank=True)
    decision_reference = models.CharField("kenmerk beschikking", max_length=60, blank=True)
    refusal_reason = models.TextField("reden afwijzing", blank=True)
    end_reason = models.TextField("reden beëindiging", blank=True)
    decision_document = models.ForeignKey(
        "core.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="beschikking (document)",
    )
    # Kind-specific details (jobcoach provider and hours, no-riskpolis registration,
    # werkplekaanpassing cost, LKV deadline, ...), validated per kind by the services.
    details = models.JSONField("gegevens per soort", default=dict, blank=True)
    employer_todo = models.TextField("nog aan te leveren door werkgever", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "subsidieaanvraag"
        verbose_name_plural = "subsidieaanvragen"
        ordering = ["-period_start", "-id"]
        indexes = [
            models.Index(fields=["status", "period_end"]),
            models.Index(fields=["municipality", "kind"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=F("period_start")),
                name="application_period_end_after_start",
                violation_error_message="De einddatum van de periode ligt vóór de begindatum.",
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True) | Q(amount_granted__gte=0),
                name="application_granted_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgewezen") | ~Q(refusal_reason=""),
                name="application_refusal_has_reason",
                violation_error_message="Een afwijzing heeft een reden.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period_start:%d-%m-%Y}"

    def clean(self):
        validate_date_range(self.period_start, self.period_end, start_field="period_start", end_field="period_end")

    def get_workspace_url(self) -> str:
        from django.urls import reverse

        return reverse("subsidies:application_detail", args=[self.uuid])

    @property
    def is_lks(self) -> bool:
        return self.kind == "loonkostensubsidie"

    @cached_property
    def lks_calculation(self):
        """The LKS over this application's period (read-only; see ``selectors.lks_calculation_for``).
        None for other kinds or when it cannot be computed (no end date, no loonwaarde)."""
        from .selectors import lks_calculation_for

        return lks_calculation_for(self)


class SubsidyApplicationStatusChange(models.Model):
    """History of an application's lifecycle (the audit trail holds the full record)."""

    application = models.ForeignKey(SubsidyApplication, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField("van", max_length=16, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField("naar", max_length=16, choices=ApplicationStatus.choices)
    note = models.TextField("toelichting", blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField("op", auto_now_add=True)

    class Meta:
        verbose_name = "statuswijziging aanvraag"
        verbose_name_plural = "statuswijzigingen aanvragen"
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class GuidanceAllowanceRate(models.Model):
    """Begeleidingsvergoeding beschut werk: a yearly amount for a full-time basis of hours,
    set yearly by the state; pro rata the contract hours."""

    effective_from = models.DateField("ingangsdatum", unique=True)
    yearly_amount = models.DecimalField("bedrag per jaar", max_digits=9, decimal_places=2)
    basis_hours_per_week = models.DecimalField("bij uren per week", max_digits=4, decimal_places=1)
    source = models.CharField("bron", max_length=200, blank=True)

    class Meta:
        verbose_name = "begeleidingsvergoeding (tarief)"
        verbose_name_plural = "begeleidingsvergoeding (tarieven)"
        ordering = ["effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(yearly_amount__gte=0) & Q(basis_hours_per_week__gt=0), name="guidance_rate_positive"
            )
        ]

    def __str__(self):
        return (
            f"€ {self.yearly_amount} per jaar bij {self.basis_hours_per_week} uur "
            f"vanaf {self.effective_from:%d-%m-%Y}"
        )


class SubsidyPayment(BaseModel):
    """One payment on a granted application (the municipality pays the employer, usually per
    month or quarter). ``SubsidyApplication.amount_paid`` is the sum of these, kept by
    ``services.record_payment``."""

    application = models.ForeignKey(SubsidyApplication, on_delete=models.PROTECT, related_name="payments")
    paid_on = models.DateField("betaald op")
    amount = models.DecimalField("bedrag", max_digits=10, decimal_places=2)
    description = models.CharField("omschrijving", max_length=120, blank=True)
    reference = models.CharField("betalingskenmerk", max_length=60, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "uitbetaling"
        verbose_name_plural = "uitbetalingen"
        ordering = ["paid_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="payment_amount_positive",
                violation_error_message="Het bedrag van een uitbetaling is groter dan € 0.",
            ),
        ]

    def __str__(self):
        return f"{self.amount} op {self.paid_on:%d-%m-%Y}"
