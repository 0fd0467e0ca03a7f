"""Forms of the employer portal (Dutch labels and errors)."""

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_text_html, validate_password
from django.core.exceptions import ValidationError

from placements.choices import SignalKind
from wsp_platform.core.models import DocumentType, validate_upload

from .services import EMPLOYER_SIGNAL_KINDS, WorkRequestKind

SIGNAL_LABELS = {
    SignalKind.VERZUIM: "Verzuim of ziekmelding",
    SignalKind.ZORG: "Ik maak me zorgen",
    SignalKind.TEAMWIJZIGING: "Verandering in het team",
    SignalKind.KARTREKKER_VERTREKT: "Onze kartrekker vertrekt",
    SignalKind.WERKBEGELEIDER_VERTREKT: "De werkbegeleider vertrekt of stopt",
    SignalKind.TAKEN_VERDWIJNEN: "Taken verdwijnen of veranderen",
}
EMPLOYER_DOCUMENT_TYPES = [
    (DocumentType.CONTRACT, DocumentType.CONTRACT.label),
    (DocumentType.AANVRAAG, DocumentType.AANVRAAG.label),
    (DocumentType.OVERIG, DocumentType.OVERIG.label),
]


class InvitationForm(forms.Form):
    first_name = forms.CharField(label="Voornaam", max_length=150)
    last_name = forms.CharField(label="Achternaam", max_length=150)
    email = forms.EmailField(
        label="E-mailadres",
        help_text="De uitnodiging met een eenmalige link gaat naar dit adres; dit wordt ook de gebruikersnaam.",
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )


# Django 5.2's Dutch catalogue lags behind some validator messages; say it in Dutch by code.
PASSWORD_ERRORS_NL = {
    "password_too_short": "Dit wachtwoord is te kort. Het moet minstens {min_length} tekens bevatten.",
    "password_too_similar": "Dit wachtwoord lijkt te veel op uw naam of e-mailadres.",
    "password_too_common": "Dit wachtwoord wordt te vaak gebruikt. Kies een ander wachtwoord.",
    "password_entirely_numeric": "Een wachtwoord mag niet alleen uit cijfers bestaan.",
}


def dutch_password_errors(exc: ValidationError) -> list[str]:
    messages = []
    for error in exc.error_list:
        template = PASSWORD_ERRORS_NL.get(error.code)
        params = error.params or {}
        messages.append(template.format(**params) if template else " ".join(error.messages))
    return messages


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label="Nieuw wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Herhaal het wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "De twee wachtwoorden zijn niet gelijk.")
        elif p1:
            try:
                validate_password(p1, self.user)
            except ValidationError as exc:
                self.add_error("password1", dutch_password_errors(exc))
        return cleaned


class ProposalResponseForm(forms.Form):
    decision = forms.ChoiceField(
        label="Uw reactie",
        choices=[("accepteren", "Ja, graag kennismaken"), ("afwijzen", "Nee, past niet")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bij 'nee' verplicht: waarom past deze kandidaat niet? Zo kan het WSP gerichter zoeken.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "afwijzen" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Geef kort aan waarom deze kandidaat niet past.")
        return cleaned


class WorkRequestForm(forms.Form):
    kind = forms.ChoiceField(label="Wat wilt u doorgeven?", choices=WorkRequestKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label="Functie of werk in een paar woorden", max_length=120)
    description = forms.CharField(
        label="Omschrijving",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Welke taken, waar, welke eisen zijn hard en welke bespreekbaar? Bij 'werk zonder vacature': "
        "welk werk blijft liggen of kost uw vakmensen tijd?",
    )
    hours_per_week = forms.DecimalField(
        label="Uren per week (ongeveer)", required=False, min_value=1, max_value=60, decimal_places=1
    )
    start_wish = forms.DateField(
        label="Gewenste startdatum", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SignalForm(forms.Form):
    kind = forms.ChoiceField(
        label="Wat is er aan de hand?",
        choices=[(kind, SIGNAL_LABELS[kind]) for kind in EMPLOYER_SIGNAL_KINDS],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Beschrijf wat u ziet of wat er verandert. Medische details zijn niet nodig.",
    )


class EmployerDocumentForm(forms.Form):
    file = forms.FileField(label="Bestand")
    title = forms.CharField(label="Titel", max_length=200, required=False)
    document_type = forms.ChoiceField(label="Soort", choices=EMPLOYER_DOCUMENT_TYPES, initial=DocumentType.OVERIG)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ", ".join(settings.DOCUMENT_ALLOWED_EXTENSIONS)
        limit = settings.DOCUMENT_MAX_UPLOAD_BYTES // (1024 * 1024)
        self.fields["file"].help_text = f"Toegestaan: {allowed}; maximaal {limit} MB."

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded)
        return uploaded
