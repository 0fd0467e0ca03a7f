from django import forms

from candidates.forms import DATE, staff_of_region

from .choices import EndReason, PlacementStatus
from .models import Placement, Task, WorkAdjustment
from .rules import TRANSITIONS

PLACEMENT_FIELDS = [
    "origin", "introduction_route", "arrangement", "legal_employer", "detachering_fee_monthly", "is_beschut_werk",
    "introduction_start_date", "trial_end_date", "trial_decision", "start_date", "contract_end_date",
    "hours_per_week", "owner", "supervisor_name", "supervisor_guidance_hours_per_day", "supervisor_status",
    "jobcoach_name", "jobcoach_organisation", "jobcoach_phone", "jobcoach_email", "development_profile",
    "nazorg_interval_days", "transition_plan", "permanent_contract_decision", "status_note",
]


class PlacementForm(forms.ModelForm):
    class Meta:
        model = Placement
        fields = PLACEMENT_FIELDS
        widgets = {
            "introduction_start_date": DATE,
            "trial_end_date": DATE,
            "start_date": DATE,
            "contract_end_date": DATE,
            "transition_plan": forms.Textarea(attrs={"rows": 3}),
            "status_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_of_region(user)

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in PLACEMENT_FIELDS}


class TransitionForm(forms.Form):
    """Move a placement on the pipeline. The service decides whether the move is
    allowed; this form only collects what a move may need."""

    target = forms.ChoiceField(label="Naar status", choices=PlacementStatus.choices)
    trial_end_date = forms.DateField(label="Einde proefplaatsing", required=False, widget=DATE)
    start_date = forms.DateField(label="Startdatum dienstverband", required=False, widget=DATE)
    end_reason = forms.ChoiceField(
        label="Reden beëindiging", required=False, choices=[("", "—")] + list(EndReason.choices)
    )
    reason = forms.CharField(label="Toelichting", required=False, max_length=500)

    def __init__(self, *args, placement=None, **kwargs):
        super().__init__(*args, **kwargs)
        if placement is not None:
            allowed = TRANSITIONS.get(placement.status, ())
            labels = dict(PlacementStatus.choices)
            self.fields["target"].choices = [(s, labels[s]) for s in allowed]
            self.fields["trial_end_date"].initial = placement.trial_end_date
            self.fields["start_date"].initial = placement.start_date
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("data-field", name)

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "reason": data.get("reason", ""),
            "end_reason": data.get("end_reason", ""),
            "start_date": data.get("start_date"),
            "trial_end_date": data.get("trial_end_date"),
        }


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "description", "due_date", "assignee"]
        widgets = {"due_date": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_of_region(user)
        self.fields["assignee"].required = True
        self.fields["assignee"].initial = user.pk
        self.fields["assignee"].empty_label = None


class RescheduleForm(forms.Form):
    due_date = forms.DateField(label="Nieuwe datum", widget=DATE)
    reason = forms.CharField(label="Reden", required=False, max_length=200)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label="Toewijzen aan", queryset=None, empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_of_region(user)


class CompleteForm(forms.Form):
    note = forms.CharField(label="Afrondnotitie", required=False, max_length=500)


class WorkAdjustmentForm(forms.ModelForm):
    class Meta:
        model = WorkAdjustment
        fields = ["adjustment_type", "made_on", "description", "reason", "owner", "outcome"]
        widgets = {
            "made_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "description": "Wat is er aangepast aan de baan of de werkplek, voor deze medewerker?",
            "owner": "Wie zorgt ervoor (bijv. de werkbegeleider of de jobcoach)?",
        }
