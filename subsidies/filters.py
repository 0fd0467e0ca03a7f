import django_filters

from .choices import ApplicationStatus, AssessmentMethod, SubsidyKind
from .models import LoonwaardeAssessment, SubsidyApplication


class SubsidyApplicationFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(label="Status", choices=ApplicationStatus.choices)
    kind = django_filters.ChoiceFilter(label="Soort", choices=SubsidyKind.choices)
    municipality = django_filters.CharFilter(label="Gemeente (CBS-code)", field_name="municipality__cbs_code")
    placement = django_filters.UUIDFilter(label="Plaatsing", field_name="placement__uuid")
    employer = django_filters.UUIDFilter(label="Werkgever", field_name="placement__employer__uuid")
    period_end_before = django_filters.DateFilter(
        label="Periode eindigt vóór", field_name="period_end", lookup_expr="lte"
    )
    period_start_after = django_filters.DateFilter(
        label="Periode begint na", field_name="period_start", lookup_expr="gte"
    )
    ordering = django_filters.OrderingFilter(
        label="Sortering", fields=(("period_start", "period_start"), ("period_end", "period_end"), ("status", "status"))
    )

    class Meta:
        model = SubsidyApplication
        fields = []


class LoonwaardeAssessmentFilter(django_filters.FilterSet):
    method = django_filters.ChoiceFilter(label="Methode", choices=AssessmentMethod.choices)
    placement = django_filters.UUIDFilter(label="Plaatsing", field_name="placement__uuid")
    next_due_before = django_filters.DateFilter(
        label="Volgende meting vóór", field_name="next_due_on", lookup_expr="lte"
    )
    assessed_after = django_filters.DateFilter(label="Gemeten na", field_name="assessed_on", lookup_expr="gte")
    ordering = django_filters.OrderingFilter(
        label="Sortering", fields=(("assessed_on", "assessed_on"), ("next_due_on", "next_due_on"))
    )

    class Meta:
        model = LoonwaardeAssessment
        fields = []
