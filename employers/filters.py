import django_filters
from django.db.models import Q

from wsp_platform.core.choices import Sector

from .choices import CreationMethod, InclusionStage, JobKind, JobStatus, ServiceStyle, SizeClass
from .models import ContactPerson, Employer, Job


class EmployerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Zoeken", method="filter_q")
    sector = django_filters.ChoiceFilter(label="Sector", choices=Sector.choices)
    size_class = django_filters.ChoiceFilter(label="Grootte", choices=SizeClass.choices)
    service_style = django_filters.ChoiceFilter(label="Dienstverlening", choices=ServiceStyle.choices)
    inclusion_stage = django_filters.ChoiceFilter(label="Inclusiefase", choices=InclusionStage.choices)
    is_public = django_filters.BooleanFilter(label="Publiek")
    account_holder = django_filters.CharFilter(label="Accounthouder", field_name="account_holder__username")
    ordering = django_filters.OrderingFilter(
        label="Sortering", fields=(("name", "name"), ("sector", "sector"), ("created_at", "created_at"))
    )

    class Meta:
        model = Employer
        fields = []

    def filter_q(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(Q(name__icontains=term) | Q(kvk_number__startswith=term))
        return queryset


class ContactPersonFilter(django_filters.FilterSet):
    employer = django_filters.UUIDFilter(field_name="employer__uuid")
    is_champion = django_filters.BooleanFilter()

    class Meta:
        model = ContactPerson
        fields = []


class JobFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Zoeken", method="filter_q")
    status = django_filters.MultipleChoiceFilter(label="Status", choices=JobStatus.choices)
    kind = django_filters.ChoiceFilter(label="Soort", choices=JobKind.choices)
    creation_method = django_filters.ChoiceFilter(label="Methode", choices=CreationMethod.choices)
    sector = django_filters.ChoiceFilter(label="Sector", choices=Sector.choices)
    employer = django_filters.UUIDFilter(label="Werkgever", field_name="employer__uuid")
    is_generic = django_filters.BooleanFilter(label="Generiek")
    max_hours = django_filters.NumberFilter(label="Maximaal uren", field_name="hours_per_week", lookup_expr="lte")
    ordering = django_filters.OrderingFilter(
        label="Sortering",
        fields=(("title", "title"), ("employer__name", "employer"), ("hours_per_week", "hours"),
                ("created_at", "created_at")),
    )

    class Meta:
        model = Job
        fields = []

    def filter_q(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(
                Q(title__icontains=term) | Q(employer__name__icontains=term) | Q(description__icontains=term)
            )
        return queryset
