"""Organisation (region, municipality, team), users with a role, and API clients."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from wsp_platform.core.models import BaseModel
from wsp_platform.core.validators import validate_cbs_code


class Region(BaseModel):
    """A labour-market region with its werkgeversservicepunt (WSP)."""

    name = models.CharField("naam", max_length=120, unique=True)
    wsp_name = models.CharField("naam WSP", max_length=160, blank=True)
    read_across_teams = models.BooleanField(
        "alleen-lezen inzage in dossiers van andere teams in de regio", default=False
    )

    class Meta:
        verbose_name = "arbeidsmarktregio"
        verbose_name_plural = "arbeidsmarktregio's"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(BaseModel):
    """A gemeente, identified by its CBS code (e.g. GM0363 Amsterdam)."""

    cbs_code = models.CharField("CBS-code", max_length=6, unique=True, validators=[validate_cbs_code])
    name = models.CharField("naam", max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name="regio")

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Team(BaseModel):
    name = models.CharField("naam", max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="teams", verbose_name="regio")

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="team_unique_name_per_region")]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    BEMIDDELAAR = "bemiddelaar", "Bemiddelaar"
    TEAMLEIDER = "teamleider", "Teamleider"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "Functioneel beheerder"
    WERKGEVER = "werkgever", "Werkgever"


STAFF_ROLES = (Role.BEMIDDELAAR, Role.TEAMLEIDER)


class User(AbstractUser):
    """A person who logs in. Employer users are bound to exactly one employer."""

    role = models.CharField("rol", max_length=32, choices=Role.choices, default=Role.BEMIDDELAAR)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name="team"
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name="regio"
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="werkgever",
    )
    phone = models.CharField("telefoon", max_length=32, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [
            models.CheckConstraint(
                condition=(Q(role=Role.WERKGEVER) & Q(employer__isnull=False))
                | (~Q(role=Role.WERKGEVER) & Q(employer__isnull=True)),
                name="user_employer_iff_employer_role",
                violation_error_message="Een werkgeversgebruiker hoort bij precies één werkgever; "
                "andere rollen horen bij geen werkgever.",
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        if self.role == Role.WERKGEVER and not self.employer_id:
            raise ValidationError({"employer": "Kies de werkgever waar deze gebruiker bij hoort."})
        if self.role != Role.WERKGEVER and self.employer_id:
            raise ValidationError({"employer": "Alleen werkgeversgebruikers horen bij een werkgever."})

    @property
    def is_employer_user(self) -> bool:
        return self.role == Role.WERKGEVER

    @property
    def is_wsp_staff(self) -> bool:
        return self.role in STAFF_ROLES


class ApiScope(models.TextChoices):
    CANDIDATES_READ = "candidates.read", "Kandidaten lezen"
    CANDIDATES_WRITE = "candidates.write", "Kandidaten schrijven"
    EMPLOYERS_READ = "employers.read", "Werkgevers en vacatures lezen"
    EMPLOYERS_WRITE = "employers.write", "Werkgevers en vacatures schrijven"
    PLACEMENTS_READ = "placements.read", "Plaatsingen lezen"
    PLACEMENTS_WRITE = "placements.write", "Plaatsingen schrijven"
    SUBSIDIES_READ = "subsidies.read", "Subsidies lezen"
    SUBSIDIES_WRITE = "subsidies.write", "Subsidies schrijven"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiClient(BaseModel):
    """A municipal system that calls the REST API. Only the token's hash is stored."""

    name = models.CharField("naam", max_length=120, unique=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="api_clients", verbose_name="gemeente"
    )
    scopes = models.JSONField("scopes", default=list, blank=True)
    token_hash = models.CharField("token-hash", max_length=64, unique=True, editable=False)
    token_prefix = models.CharField("tokenbegin", max_length=8, editable=False, blank=True)
    is_active = models.BooleanField("actief", default=True)
    rotated_at = models.DateTimeField("laatst geroteerd", null=True, blank=True)
    revoked_at = models.DateTimeField("ingetrokken op", null=True, blank=True)

    class Meta:
        verbose_name = "API-client"
        verbose_name_plural = "API-clients"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def set_new_token(self) -> str:
        """Generate a token, store its hash and return the token (shown once)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.token_prefix = token[:8]
        return token

    def clean(self):
        unknown = set(self.scopes or []) - set(ApiScope.values)
        if unknown:
            raise ValidationError({"scopes": f"Onbekende scopes: {', '.join(sorted(unknown))}."})
