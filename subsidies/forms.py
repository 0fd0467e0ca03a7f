"""Forms for the subsidy pages. They only collect input; the services validate the
domain rules and the views map service errors back onto these fields."""

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .choices import AssessmentMethod, SubsidyKind
from .kinds import fields_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def detail_field_name(name: str) -> str:
    return f"d_{name}"


def _detail_form_field(spec) -> forms.Field:
    common = {"label": spec.label, "required": False, "help_text": spec.help}
    if spec.type == "date":
        return forms.DateField(widget=DATE, **common)
    if spec.type == "longtext":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    if spec.type == "periods":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    if spec.type in ("money", "hours"):
        return forms.DecimalField(decimal_places=2, max_digits=10, localize=True, **common)
    if spec.type == "int":
        return forms.IntegerField(**common)
    if spec.type == "bool":
        return forms.BooleanField(**common)
    return forms.CharField(max_length=200, **common)


def _as_form_value(spec, value):
    if spec.type == "periods" and isinstance(value, list):
        lines = []
        for p in value:
            start = datetime.date.fromisoformat(p["start"]).strftime("%d-%m-%Y")
            end = datetime.date.fromisoformat(p["end"]).strftime("%d-%m-%Y") if p.get("end") else ""
            lines.append(f"{start} t/m {end}".strip())
        return "\n".join(lines)
    if spec.type == "date" and isinstance(value, str) and value:
        return datetime.date.fromisoformat(value)
    return value


class ApplicationForm(forms.Form):
    """Common fields of an application plus the fields of its kind (``d_<name>``)."""

    period_start = forms.DateField(label="Periode van", widget=DATE)
    period_end = forms.DateField(label="Periode tot en met", widget=DATE, required=False)
    hours_per_week = forms.DecimalField(
        label="Uren per week", max_digits=4, decimal_places=1, required=False, localize=True,
        min_value=Decimal("0.5"), max_value=Decimal("60"),
    )
    is_forfaitair = forms.BooleanField(label="Forfaitaire LKS (loonwaarde 50%, max. 6 maanden)", required=False)
    amount_requested = forms.DecimalField(
        label="Aangevraagd bedrag (€)", max_digits=10, decimal_places=2, required=False, localize=True, min_value=0
    )
    employer_todo = forms.CharField(
        label="Nog aan te leveren door de werkgever", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén punt per regel; de werkgever ziet deze lijst in het portaal.",
    )

    def __init__(self, *args, kind: str, **kwargs):
        initial = dict(kwargs.pop("initial", None) or {})
        details = initial.pop("details", None) or {}
        super().__init__(*args, initial=initial, **kwargs)
        self.kind = kind
        self.specs = fields_for(kind)
        if kind != SubsidyKind.LOONKOSTENSUBSIDIE:
            del self.fields["is_forfaitair"]
        for spec in self.specs:
            name = detail_field_name(spec.name)
            self.fields[name] = _detail_form_field(spec)
            if spec.required:
                self.fields[name].label = f"{spec.label} *"
            if spec.name in details:
                self.initial[name] = _as_form_value(spec, details[spec.name])
            elif spec.default is not None:
                self.initial.setdefault(name, spec.default)

    def service_data(self) -> dict:
        data = {
            "kind": self.kind,
            "period_start": self.cleaned_data["period_start"],
            "period_end": self.cleaned_data.get("period_end"),
            "hours_per_week": self.cleaned_data.get("hours_per_week"),
            "is_forfaitair": bool(self.cleaned_data.get("is_forfaitair")),
            "amount_requested": self.cleaned_data.get("amount_requested"),
            "employer_todo": self.cleaned_data.get("employer_todo", ""),
        }
        details = {}
        for spec in self.specs:
            value = self.cleaned_data.get(detail_field_name(spec.name))
            if value in (None, ""):
                continue
            details[spec.name] = value.isoformat() if isinstance(value, datetime.date) else value
        data["details"] = details
        return data

    def add_service_errors(self, exc: ValidationError) -> None:
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc.messages)
            return
        for key, messages in exc.message_dict.items():
            name = detail_field_name(key.split(".", 1)[1]) if key.startswith("details.") else key
            self.add_error(name if name in self.fields else None, messages)


class GrantForm(forms.Form):
    decision_date = forms.DateField(label="Besluitdatum", widget=DATE, required=False)
    decision_reference = forms.CharField(label="Kenmerk beschikking", max_length=60, required=False)
    amount_granted = forms.DecimalField(
        label="Toegekend bedrag (€)", max_digits=10, decimal_places=2, required=False, localize=True
    )
    period_start = forms.DateField(label="Periode van", widget=DATE, required=False)
    period_end = forms.DateField(label="Periode tot en met", widget=DATE, required=False)
    decision_document = forms.ModelChoiceField(
        label="Beschikking (document)", queryset=None, required=False, empty_label="Geen document",
        help_text="Voeg de beschikking eerst toe als document bij deze aanvraag.",
    )

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        from wsp_platform.core.models import Document

        self.fields["decision_document"].queryset = documents if documents is not None else Document.objects.none()


class RefuseForm(forms.Form):
    decision_date = forms.DateField(label="Besluitdatum", widget=DATE, required=False)
    reason = forms.CharField(label="Reden van de afwijzing", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class EndForm(forms.Form):
    reason = forms.CharField(label="Reden van beëindigen", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class NoteForm(forms.Form):
    note = forms.CharField(label="Toelichting", required=False, max_length=300)


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label="Betaald op", widget=DATE)
    amount = forms.DecimalField(label="Bedrag (€)", max_digits=10, decimal_places=2, localize=True)
    description = forms.CharField(label="Omschrijving", max_length=120, required=False,
                                  help_text="Bijvoorbeeld: LKS januari–maart.")
    reference = forms.CharField(label="Betalingskenmerk", max_length=60, required=False)


TRANSITION_FORMS = {"toegekend": GrantForm, "afgewezen": RefuseForm, "beeindigd": EndForm,
                    "in_behandeling": NoteForm}
# Fields filled on the transition's own form: a missing value there is not a reason to hide the button.
TRANSITION_INPUT_FIELDS = ("decision_date", "decision_reference", "amount_granted", "refusal_reason", "end_reason",
                           "period_end")


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(label="Datum meting", widget=DATE)
    method = forms.ChoiceField(label="Methode", choices=AssessmentMethod.choices)
    method_name = forms.CharField(label="Naam methode (bij andere methode)", max_length=120, required=False)
    assessor = forms.CharField(label="Loonwaardedeskundige", max_length=120, required=False)
    percentage = forms.CharField(
        label="Loonwaarde (%)", max_length=6, help_text="Heel percentage van 0 tot en met 100.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    normfunctie = forms.CharField(label="Normfunctie", max_length=160)
    functieloon_per_hour = forms.DecimalField(
        label="Functieloon per uur (excl. vakantiebijslag, €)", max_digits=7, decimal_places=2, localize=True
    )
    report_document = forms.ModelChoiceField(
        label="Rapport (document)", queryset=None, required=False, empty_label="Geen document",
        help_text="Een document van deze plaatsing (soort loonwaarderapport).",
    )
    notes = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        from wsp_platform.core.models import Document

        self.fields["report_document"].queryset = documents if documents is not None else Document.objects.none()


class TaskScoreForm(forms.Form):
    job_task = forms.ModelChoiceField(label="Taak van de baan", queryset=None, required=False, empty_label="—")
    description = forms.CharField(label="Omschrijving", max_length=200, required=False)
    performance_percentage = forms.CharField(label="Prestatie (%)", max_length=6, required=False)

    def __init__(self, *args, job_tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        from employers.models import JobTask

        self.fields["job_task"].queryset = job_tasks if job_tasks is not None else JobTask.objects.none()

    def is_empty(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return not (data.get("job_task") or data.get("description") or data.get("performance_percentage"))


TaskScoreFormSet = forms.formset_factory(TaskScoreForm, extra=4, max_num=20)


class EarlyRequestForm(forms.Form):
    requested_by = forms.ChoiceField(
        label="Aangevraagd door", choices=[("bemiddelaar", "Bemiddelaar"), ("werkgever", "Werkgever")]
    )
    due_on = forms.DateField(label="Gewenste datum", widget=DATE)
    reason = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 2}))
