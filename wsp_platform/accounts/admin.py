from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone

from .models import ApiClient, Municipality, Region, Team, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "wsp_name", "read_across_teams")
    search_fields = ("name", "wsp_name")


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "cbs_code", "region")
    list_filter = ("region",)
    search_fields = ("name", "cbs_code")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "region")
    list_filter = ("region",)
    search_fields = ("name",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "team", "employer", "is_active")
    list_filter = ("role", "team", "region", "is_active")
    search_fields = ("username", "first_name", "last_name", "email")
    autocomplete_fields = ("employer",)
    fieldsets = DjangoUserAdmin.fieldsets + (
        ("WSP", {"fields": ("role", "region", "team", "employer", "phone")}),
    )


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "is_active", "token_prefix", "rotated_at", "revoked_at")
    list_filter = ("is_active", "municipality")
    search_fields = ("name",)
    readonly_fields = ("token_prefix", "rotated_at", "revoked_at")
    actions = ("rotate_token", "revoke")

    def save_model(self, request, obj, form, change):
        if not obj.token_hash:
            token = obj.set_new_token()
            messages.warning(request, f"Token voor {obj.name} (wordt één keer getoond): {token}")
        super().save_model(request, obj, form, change)

    @admin.action(description="Token roteren (nieuw token tonen)")
    def rotate_token(self, request, queryset):
        for client in queryset:
            token = client.set_new_token()
            client.rotated_at = timezone.now()
            client.save(update_fields=["token_hash", "token_prefix", "rotated_at"])
            messages.warning(request, f"Nieuw token voor {client.name} (wordt één keer getoond): {token}")

    @admin.action(description="Intrekken")
    def revoke(self, request, queryset):
        queryset.update(is_active=False, revoked_at=timezone.now())
