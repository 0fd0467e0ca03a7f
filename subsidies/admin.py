from django.contrib import admin

from .models import (
    AssessmentTaskScore,
    EmployerCostAllowanceRate,
    GuidanceAllowanceRate,
    LoonwaardeAssessment,
    LoonwaardeRule,
    MinimumWageRate,
    SubsidyApplication,
    SubsidyApplicationStatusChange,
    SubsidyPayment,
    YouthWagePercentage,
)


@admin.register(MinimumWageRate)
class MinimumWageRateAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "hourly_amount", "source")


@admin.register(YouthWagePercentage)
class YouthWagePercentageAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "age", "percentage")
    list_filter = ("age",)


@admin.register(EmployerCostAllowanceRate)
class EmployerCostAllowanceRateAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "percentage", "source")


@admin.register(GuidanceAllowanceRate)
class GuidanceAllowanceRateAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "yearly_amount", "basis_hours_per_week", "source")


@admin.register(LoonwaardeRule)
class LoonwaardeRuleAdmin(admin.ModelAdmin):
    list_display = ("municipality", "forfaitair_months", "measurement_interval_months", "beschut_werk_max_months")


class TaskScoreInline(admin.TabularInline):
    model = AssessmentTaskScore
    extra = 0


@admin.register(LoonwaardeAssessment)
class LoonwaardeAssessmentAdmin(admin.ModelAdmin):
    list_display = ("placement", "assessed_on", "percentage", "method", "next_due_on")
    list_filter = ("method",)
    raw_id_fields = ("placement", "report_document")
    inlines = (TaskScoreInline,)


class ReadOnlyInline(admin.TabularInline):
    """History rows written by the services: shown, never added or deleted here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(ReadOnlyInline):
    model = SubsidyApplicationStatusChange
    readonly_fields = ("from_status", "to_status", "note", "changed_by", "changed_at")


class PaymentInline(ReadOnlyInline):
    """Payments are recorded on the application page or through the API
    (services.record_payment keeps ``amount_paid`` equal to their sum)."""

    model = SubsidyPayment
    readonly_fields = ("paid_on", "amount", "description", "reference", "recorded_by")


@admin.register(SubsidyApplication)
class SubsidyApplicationAdmin(admin.ModelAdmin):
    inlines = (StatusChangeInline, PaymentInline)
    list_display = ("placement", "kind", "status", "municipality", "period_start", "period_end", "amount_granted")
    list_filter = ("kind", "status", "municipality")
    search_fields = ("decision_reference",)
    raw_id_fields = ("placement", "previous", "decision_document")
    readonly_fields = ("status", "amount_paid")
