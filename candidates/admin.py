from django import forms
from django.contrib import admin

from wsp_platform.core.validators import validate_bsn

from .models import Candidate, Consent, TargetGroupStatus, WorkNeed


class CandidateAdminForm(forms.ModelForm):
    """The BSN is typed in plain text, validated with the 11-proef and stored encrypted."""

    bsn = forms.CharField(label="BSN", max_length=9, required=False, validators=[validate_bsn],
                          help_text="Laat leeg om het huidige BSN te behouden.")

    class Meta:
        model = Candidate
        fields = "__all__"  # noqa: DJ007 - the admin edits every field

    def clean_bsn(self):
        bsn = self.cleaned_data.get("bsn", "")
        if not bsn and not self.instance.pk:
            raise forms.ValidationError("Vul het BSN in.")
        if bsn:
            from wsp_platform.core.crypto import keyed_hash

            duplicate = Candidate.objects.filter(bsn_hash=keyed_hash(bsn)).exclude(pk=self.instance.pk)
            if duplicate.exists():
                raise forms.ValidationError("Er bestaat al een kandidaat met dit BSN.")
        return bsn

    def save(self, commit=True):
        if self.cleaned_data.get("bsn"):
            self.instance.bsn = self.cleaned_data["bsn"]
        return super().save(commit)


class TargetGroupInline(admin.TabularInline):
    model = TargetGroupStatus
    extra = 0


class WorkNeedInline(admin.TabularInline):
    model = WorkNeed
    extra = 0


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    autocomplete_fields = ("employer",)


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    form = CandidateAdminForm
    list_display = ("full_name", "bsn_masked", "municipality", "status", "owner", "team")
    list_filter = ("status", "municipality", "team", "work_fit_status", "education_level")
    search_fields = ("first_name", "last_name", "email", "postcode")
    autocomplete_fields = ("skills",)
    list_select_related = ("municipality", "owner", "team")
    inlines = (TargetGroupInline, WorkNeedInline, ConsentInline)
    readonly_fields = ("bsn_masked",)

    @admin.display(description="BSN")
    def bsn_masked(self, obj):
        return obj.bsn_masked
