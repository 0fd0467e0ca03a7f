from django import forms

from candidates.forms import DATE, staff_of_region
from wsp_platform.accounts.models import Region

from .models import (
    ContactPerson,
    Employer,
    EmployerLocation,
    FunctiecreatieConversation,
    Function,
    FunctionTask,
    Job,
)

EMPLOYER_FIELDS = [
    "name", "kvk_number", "sector", "size_class", "is_public", "region", "service_style", "inclusion_stage",
    "pso_level", "banenafspraak_obligation", "banenafspraak_stance", "is_social_enterprise", "scope",
    "legal_requirements", "preferred_visit_interval_days", "account_holder", "deputy", "past_experiences",
    "internal_notes",
]


class EmployerForm(forms.ModelForm):
    class Meta:
        model = Employer
        fields = EMPLOYER_FIELDS
        widgets = {
            "past_experiences": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
            "kvk_number": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        staff = staff_of_region(user)
        self.fields["account_holder"].queryset = staff
        self.fields["deputy"].queryset = staff
        region_id = user.region_id or (user.team.region_id if user.team_id else None)
        if region_id and not user.is_superuser:
            self.fields["region"].queryset = Region.objects.filter(pk=region_id)
            self.fields["region"].initial = region_id
        if not self.instance.pk:
            self.fields["account_holder"].initial = user.pk

    def clean(self):
        data = super().clean()
        holder, deputy = data.get("account_holder"), data.get("deputy")
        if holder and deputy and holder == deputy:
            self.add_error("deputy", "De vervanger moet iemand anders zijn dan de accounthouder.")
        return data

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in EMPLOYER_FIELDS}


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "job_title", "layer", "email", "phone", "is_champion", "leaving_on", "left_on"]
        widgets = {"leaving_on": DATE, "left_on": DATE}


class AccountHolderForm(forms.Form):
    account_holder = forms.ModelChoiceField(label="Nieuwe accounthouder", queryset=None)
    note = forms.CharField(
        label="Toelichting voor de overdracht", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, employer, **kwargs):
        super().__init__(*args, **kwargs)
        qs = staff_of_region(user)
        if employer.account_holder_id:
            qs = qs.exclude(pk=employer.account_holder_id)
        self.fields["account_holder"].queryset = qs


JOB_FIELDS = [
    "title", "location", "description", "kind", "creation_method", "status", "sector", "hours_per_week",
    "min_hours_per_week", "hourly_wage", "education_level", "is_generic", "survived_first_holder",
]


class JobForm(forms.ModelForm):
    class Meta:
        model = Job
        fields = JOB_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.employer = employer
        self.fields["location"].queryset = EmployerLocation.objects.filter(employer=employer)
        self.fields["sector"].initial = employer.sector

    def clean(self):
        data = super().clean()
        kind, method = data.get("kind"), data.get("creation_method")
        if kind == "gecreeerd" and not method:
            self.add_error("creation_method", "Kies de methode waarmee deze baan is gecreëerd.")
        if kind == "regulier" and method:
            self.add_error("creation_method", "Een reguliere vacature heeft geen creatiemethode.")
        low, high = data.get("min_hours_per_week"), data.get("hours_per_week")
        if low is not None and high is not None and low > high:
            self.add_error("min_hours_per_week", "Het minimum aantal uren is hoger dan het aantal uren van de baan.")
        return data

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in JOB_FIELDS}


# --- Job redesign workspace (employers.redesign) --------------------------------------------

class FunctionForm(forms.ModelForm):
    prefix = "functie"

    class Meta:
        model = Function
        fields = ["name", "fte_count", "hourly_wage"]


class FunctionTaskForm(forms.ModelForm):
    prefix = "taak"
    function = forms.ModelChoiceField(label="Bestaande functie", queryset=None)

    class Meta:
        model = FunctionTask
        fields = ["function", "description", "hours_per_week", "frequency", "complexity", "physical_load",
                  "mental_load", "pace", "stimuli", "quiet_spot_possible", "capabilities"]
        widgets = {"capabilities": forms.CheckboxSelectMultiple}
        labels = {"capabilities": "Gevraagde vaardigheden"}

    def __init__(self, *args, employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["function"].queryset = employer.functions.all()

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("function", "capabilities")}
        return data


class CarveForm(forms.Form):
    prefix = "baan"
    tasks = forms.MultipleChoiceField(label="Taken", required=True, widget=forms.MultipleHiddenInput)
    title = forms.CharField(label="Functietitel nieuwe baan", max_length=160)
    creation_method = forms.ChoiceField(label="Methode", choices=())
    is_generic = forms.BooleanField(
        label="Generieke functie (blijft bestaan na de eerste medewerker)", required=False, initial=True
    )
    hourly_wage = forms.DecimalField(label="Functieloon per uur", max_digits=7, decimal_places=2, min_value=0)
    min_hours_per_week = forms.DecimalField(label="Minimaal uren per week", max_digits=4, decimal_places=1,
                                            required=False, min_value=0)
    location = forms.ModelChoiceField(label="Vestiging", queryset=None, required=False)
    functiecreatie = forms.ModelChoiceField(label="Uit functiecreatie-light-gesprek", queryset=None, required=False)
    description = forms.CharField(label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, employer, task_choices=(), **kwargs):
        from .choices import CreationMethod

        super().__init__(*args, **kwargs)
        self.fields["tasks"].choices = [(str(pk), str(pk)) for pk in task_choices]
        self.fields["creation_method"].choices = [
            (value, label) for value, label in CreationMethod.choices if value != CreationMethod.WERKAANPASSING
        ]
        self.fields["location"].queryset = employer.locations.all()
        self.fields["functiecreatie"].queryset = employer.functiecreatie_conversations.all()


class FunctiecreatieForm(forms.ModelForm):
    prefix = "gesprek"

    class Meta:
        model = FunctiecreatieConversation
        fields = ["held_on", "staffing_problem", "employee_problems", "repetitive_tasks", "solves_problem", "gains",
                  "candidates_and_costs", "decision"]
        widgets = {
            "held_on": DATE,
            **{name: forms.Textarea(attrs={"rows": 2}) for name in (
                "staffing_problem", "employee_problems", "repetitive_tasks", "solves_problem", "gains",
                "candidates_and_costs", "decision")},
        }
