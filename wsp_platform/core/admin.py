from django.contrib import admin

from .models import Document, Skill


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "document_type", "content_type", "size", "created_at")
    list_filter = ("document_type", "content_type")
    search_fields = ("title",)
