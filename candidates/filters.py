"""One FilterSet per list, shared by the HTML list pages and the REST API."""

import django_filters
from django.conf import settings
from django.db.models import Q

from wsp_platform.core.choices import Sector

from .choices import CandidateStatus, EducationLevel, TargetGroup, WorkFitStatus
from .models import Candidate, search_vector


def search_candidates(queryset, value: str):
    """Full-text search on PostgreSQL (Dutch config), a case-insensitive contains on SQLite."""
    value = (value or "").strip()
    if not value:
        return queryset
    if settings.DATABASE_IS_POSTGRES:
        from django.contrib.postgres.search import SearchQuery

        return queryset.annotate(_search=search_vector()).filter(
            Q(_search=SearchQuery(value, config="dutch", search_type="websearch"))
            | Q(last_name__istartswith=value)
            | Q(email__iexact=value)
        )
    terms = value.split()
    for term in terms:
        queryset = queryset.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(city__icontains=term)
            | Q(postcode__icontains=term)
            | Q(email__icontains=term)
            | Q(experience__icontains=term)
        )
    return queryset


class CandidateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Zoeken", method="filter_q")
    status = django_filters.MultipleChoiceFilter(label="Status", choices=CandidateStatus.choices)
    municipality = django_filters.CharFilter(label="Gemeente (CBS-code)", field_name="municipality__cbs_code")
    owner = django_filters.CharFilter(label="Casemanager (gebruikersnaam)", field_name="owner__username")
    team = django_filters.UUIDFilter(label="Team", field_name="team__uuid")
    target_group = django_filters.ChoiceFilter(
        label="Doelgroep", choices=TargetGroup.choices, method="filter_target_group"
    )
    work_fit_status = django_filters.ChoiceFilter(label="Werkfit", choices=WorkFitStatus.choices)
    education_level = django_filters.TypedChoiceFilter(
        label="Opleidingsniveau", choices=EducationLevel.choices, coerce=int
    )
    wished_sector = django_filters.ChoiceFilter(label="Gewenste sector", choices=Sector.choices, method="filter_sector")
    min_hours = django_filters.NumberFilter(
        label="Minimaal beschikbare uren", field_name="hours_available_per_week", lookup_expr="gte"
    )
    created_after = django_filters.DateFilter(label="Aangemeld vanaf", field_name="created_at", lookup_expr="date__gte")
    created_before = django_filters.DateFilter(label="Aangemeld tot", field_name="created_at", lookup_expr="date__lte")
    ordering = django_filters.OrderingFilter(
        label="Sortering",
        fields=(("last_name", "last_name"), ("status", "status"), ("created_at", "created_at"),
                ("municipality__name", "municipality"), ("hours_available_per_week", "hours")),
    )

    class Meta:
        model = Candidate
        fields = []

    def filter_q(self, queryset, name, value):
        return search_candidates(queryset, value)

    def filter_target_group(self, queryset, name, value):
        return queryset.filter(target_groups__group=value, target_groups__end_date__isnull=True).distinct()

    def filter_sector(self, queryset, name, value):
        # JSON list containment is not portable to SQLite; a quoted contains is exact enough here.
        return queryset.filter(wished_sectors__icontains=f'"{value}"')
