from django.contrib import admin

from .models import Contract, Notification, Placement, PlacementStatusChange, Proposal, Signal, Task, WorkAdjustment


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
