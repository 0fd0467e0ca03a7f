from django.contrib import admin

from .models import IdempotencyKey, WebhookDelivery, WebhookSubscription


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("client", "url", "is_active")
    list_filter = ("is_active", "client__municipality")
    search_fields = ("url", "client__name")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ("event", "subscription", "status", "attempts", "response_status", "created_at", "delivered_at")
    list_filter = ("status", "event")
    readonly_fields = ("subscription", "event", "payload", "status", "attempts", "response_status", "last_error",
                       "delivered_at")


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    list_display = ("key", "client", "method", "path", "response_status", "created_at")
    list_filter = ("client",)
    readonly_fields = [f.name for f in IdempotencyKey._meta.fields]
