from django import forms

from employers.choices import ContactChannel, ContactWith
from employers.models import ContactMoment
from placements.choices import IntroductionRoute, Origin
from wsp_platform.accounts.models import Municipality, Role, Team, User
from wsp_platform.core.choices import Sector
from wsp_platform.core.validators import validate_bsn

from .models import Candidate
from .services import DUPLICATE_BSN, bsn_in_use

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

CANDIDATE_FIELDS = [
    "first_name", "name_prefix", "last_name", "birth_date", "email", "phone", "street", "postcode", "city",
    "municipality", "benefit", "status", "owner", "team", "hours_available_per_week", "available_days",
    "available_from", "travel_radius_km", "mobility", "education_level", "work_fit_status",
    "capacity_physical", "capacity_mental", "capacity_pace", "capacity_stimuli", "needs_quiet_workplace",
    "wished_sectors", "experience", "interests", "motivation", "support_needed", "internal_notes",
]


def staff_of_region(user):
    region_id = user.region_id or (user.team.region_id if user.team_id else None)
    qs = User.objects.filter(is_active=True, role__in=[Role.BEMIDDELAAR, Role.TEAMLEIDER])
    if region_id and not user.is_superuser:
        qs = qs.filter(team__region_id=region_id)
    return qs.order_by("first_name", "last_name")


class CandidateForm(forms.ModelForm):
    """Create/edit a candidate. The BSN is asked on registration and may be corrected
    later (left empty = unchanged); it is never shown unmasked here."""

    bsn = forms.CharField(
        label="BSN",
        max_length=12,
        required=True,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}),
        help_text="9 cijfers; wordt gecontroleerd met de elfproef.",
    )
    wished_sectors = forms.MultipleChoiceField(
        label="Gewenste sectoren", choices=Sector.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Candidate
        fields = CANDIDATE_FIELDS
        widgets = {
            "birth_date": DATE,
            "available_from": DATE,
            "experience": forms.Textarea(attrs={"rows": 3}),
            "interests": forms.Textarea(attrs={"rows": 2}),
            "motivation": forms.Textarea(attrs={"rows": 2}),
            "support_needed": forms.Textarea(attrs={"rows": 2}),
            "internal_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        region_id = user.region_id or (user.team.region_id if user.team_id else None)
        municipalities = Municipality.objects.order_by("name")
        teams = Team.objects.order_by("name")
        if region_id and not user.is_superuser:
            municipalities = municipalities.filter(region_id=region_id)
            teams = teams.filter(region_id=region_id)
        self.fields["municipality"].queryset = municipalities
        self.fields["team"].queryset = teams
        self.fields["owner"].queryset = staff_of_region(user)
        if not self.instance.pk:
            self.fields["owner"].initial = user.pk
            self.fields["team"].initial = user.team_id
        else:
            self.fields["bsn"].required = False
            self.fields["bsn"].label = "BSN wijzigen"
            self.fields["bsn"].help_text = (
                f"Huidig BSN: {self.instance.bsn_masked}. Laat leeg om het niet te wijzigen."
            )

    def clean_bsn(self):
        bsn = (self.cleaned_data.get("bsn") or "").replace(" ", "").replace(".", "")
        if not bsn:
            return ""
        validate_bsn(bsn)
        if bsn_in_use(bsn, exclude_pk=self.instance.pk):
            raise forms.ValidationError(DUPLICATE_BSN)
        return bsn

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in CANDIDATE_FIELDS}


class ContactMomentForm(forms.ModelForm):
    """The two-click contact moment: channel, with whom, summary, follow-up, shared or not."""

    class Meta:
        model = ContactMoment
        fields = ["channel", "with_whom", "contact_person", "summary", "follow_up_date", "shared_with_employer"]
        widgets = {
            "channel": forms.RadioSelect,
            "with_whom": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "follow_up_date": DATE,
        }
        labels = {"summary": "Samenvatting", "follow_up_date": "Vervolgafspraak (datum)"}

    def __init__(self, *args, employer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [
            c for c in ContactChannel.choices if c[0] in ("bezoek", "telefoon", "email", "whatsapp", "video")
        ]
        self.fields["channel"].initial = ContactChannel.TELEFOON
        self.fields["with_whom"].choices = ContactWith.choices
        self.fields["with_whom"].initial = ContactWith.KANDIDAAT
        if employer is not None:
            self.fields["contact_person"].queryset = employer.contacts.filter(left_on__isnull=True)
            self.fields["contact_person"].label = "Contactpersoon werkgever"
        else:
            del self.fields["contact_person"]
            del self.fields["shared_with_employer"]

    def _post_clean(self):
        # The service validates the moment as a whole (consent, subject); skip the
        # model-level check that needs a subject set on the instance.
        pass


class ProposeForm(forms.Form):
    job = forms.ModelChoiceField(label="Baan", queryset=None, empty_label="Kies een baan")
    origin = forms.ChoiceField(label="Ontstaan", choices=Origin.choices, initial=Origin.NETWERK)
    introduction_route = forms.ChoiceField(
        label="Kennismakingstraject", choices=IntroductionRoute.choices, initial=IntroductionRoute.PROEFPLAATSING
    )
    motivation = forms.CharField(
        label="Toelichting voor de werkgever", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, jobs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job"].queryset = jobs
        self.fields["job"].label_from_instance = (
            lambda job: f"{job.title} – {job.employer.name} ({job.hours_per_week} u)"
        )
