from django.contrib import admin

from .models import (
    ContactMoment,
    ContactPerson,
    Employer,
    EmployerLocation,
    FunctiecreatieConversation,
    Function,
    FunctionTask,
    Job,
    JobRequirement,
    JobTask,
)


class LocationInline(admin.TabularInline):
    model = EmployerLocation
    extra = 0


class ContactInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ("name", "kvk_number", "sector", "size_class", "service_style", "account_holder")
    list_filter = ("sector", "size_class", "service_style", "inclusion_stage", "pso_level", "is_public", "region")
    search_fields = ("name", "kvk_number")
    list_select_related = ("account_holder",)
    inlines = (LocationInline, ContactInline)


class FunctionTaskInline(admin.TabularInline):
    model = FunctionTask
    extra = 0


@admin.register(Function)
class FunctionAdmin(admin.ModelAdmin):
    list_display = ("name", "employer")
    search_fields = ("name", "employer__name")
    inlines = (FunctionTaskInline,)


class JobTaskInline(admin.TabularInline):
    model = JobTask
    extra = 0
    exclude = ("capabilities",)


class RequirementInline(admin.TabularInline):
    model = JobRequirement
    extra = 0


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "employer", "kind", "creation_method", "status", "hours_per_week", "is_generic")
    list_filter = ("kind", "creation_method", "status", "sector", "is_generic")
    search_fields = ("title", "employer__name")
    list_select_related = ("employer",)
    inlines = (JobTaskInline, RequirementInline)


@admin.register(ContactMoment)
class ContactMomentAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "channel", "with_whom", "employer", "candidate")
    list_filter = ("channel", "with_whom", "shared_with_employer")
    search_fields = ("summary",)
    raw_id_fields = ("candidate", "employer", "placement", "contact_person")


@admin.register(FunctiecreatieConversation)
class FunctiecreatieAdmin(admin.ModelAdmin):
    list_display = ("employer", "held_on")
    search_fields = ("employer__name",)
