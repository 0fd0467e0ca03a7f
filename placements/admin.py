from django.contrib import admin

from .models import (
    Contract,
    MatchingWeights,
    Notification,
    Placement,
    PlacementStatusChange,
    Proposal,
    Signal,
    Task,
    WorkAdjustment,
)


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0


class StatusChangeInline(admin.TabularInline):
    model = PlacementStatusChange
    extra = 0
    readonly_fields = ("from_status", "to_status", "reason", "changed_by", "changed_at")
    can_delete = False


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "origin", "arrangement", "start_date", "contract_end_date", "owner")
    list_filter = ("status", "origin", "arrangement", "introduction_route", "is_beschut_werk", "development_profile")
    search_fields = ("candidate__last_name", "employer__name", "job__title")
    list_select_related = ("candidate", "employer", "owner")
    raw_id_fields = ("candidate", "job", "employer", "proposal")
    inlines = (ContractInline, StatusChangeInline)
    # Status changes go through placements.services.transition (audit trail), not the admin form.
    readonly_fields = ("status", "end_reason")


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("candidate", "job", "status", "proposed_on")
    list_filter = ("status",)
    raw_id_fields = ("candidate", "job")


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "due_date", "assignee")
    list_filter = ("kind", "status")
    search_fields = ("title",)
    raw_id_fields = ("candidate", "employer", "placement")


admin.site.register(WorkAdjustment)
admin.site.register(Signal)
admin.site.register(Notification)


# --- Follow-up configuration and logs -------------------------------------------------

from .models import DigestLog, NazorgSchedule, SweepRun  # noqa: E402


@admin.register(NazorgSchedule)
class NazorgScheduleAdmin(admin.ModelAdmin):
    list_display = ("region", "early_weeks", "monthly_until_month", "quarterly_until_month", "stable_interval_months")
    search_fields = ("region__name",)


@admin.register(SweepRun)
class SweepRunAdmin(admin.ModelAdmin):
    list_display = ("rule", "run_for", "status", "started_at", "finished_at", "candidates_seen", "tasks_created")
    list_filter = ("status", "rule", "run_for")
    readonly_fields = [f.name for f in SweepRun._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(DigestLog)
class DigestLogAdmin(admin.ModelAdmin):
    list_display = ("user", "day", "sent_at", "new_count", "overdue_count")
    list_filter = ("day",)
    search_fields = ("user__username", "user__last_name")
    raw_id_fields = ("user",)
    readonly_fields = ("user", "day", "sent_at", "new_count", "overdue_count")

    def has_add_permission(self, request):
        return False


@admin.register(MatchingWeights)
class MatchingWeightsAdmin(admin.ModelAdmin):
    list_display = ("region", *MatchingWeights.WEIGHT_FIELDS)
    list_select_related = ("region",)
