import django_filters
from django.db.models import Q

from .choices import Arrangement, IntroductionRoute, Origin, PlacementStatus, ProposalStatus, TaskKind, TaskStatus
from .models import Placement, Proposal, Task


class PlacementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Zoeken", method="filter_q")
    status = django_filters.MultipleChoiceFilter(label="Status", choices=PlacementStatus.choices)
    origin = django_filters.ChoiceFilter(label="Ontstaan", choices=Origin.choices)
    arrangement = django_filters.ChoiceFilter(label="Dienstverband", choices=Arrangement.choices)
    introduction_route = django_filters.ChoiceFilter(label="Kennismaking", choices=IntroductionRoute.choices)
    employer = django_filters.UUIDFilter(label="Werkgever", field_name="employer__uuid")
    candidate = django_filters.UUIDFilter(label="Kandidaat", field_name="candidate__uuid")
    owner = django_filters.CharFilter(label="Bemiddelaar", field_name="owner__username")
    municipality = django_filters.CharFilter(
        label="Gemeente (CBS-code)", field_name="candidate__municipality__cbs_code"
    )
    start_after = django_filters.DateFilter(label="Start vanaf", field_name="start_date", lookup_expr="gte")
    start_before = django_filters.DateFilter(label="Start tot", field_name="start_date", lookup_expr="lte")
    contract_end_before = django_filters.DateFilter(
        label="Contract eindigt vóór", field_name="contract_end_date", lookup_expr="lte"
    )
    ordering = django_filters.OrderingFilter(
        label="Sortering",
        fields=(("start_date", "start_date"), ("status", "status"), ("contract_end_date", "contract_end_date"),
                ("employer__name", "employer"), ("created_at", "created_at")),
    )

    class Meta:
        model = Placement
        fields = []

    def filter_q(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(
                Q(candidate__first_name__icontains=term)
                | Q(candidate__last_name__icontains=term)
                | Q(employer__name__icontains=term)
                | Q(job__title__icontains=term)
            )
        return queryset


class ProposalFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ProposalStatus.choices)
    job = django_filters.UUIDFilter(field_name="job__uuid")
    candidate = django_filters.UUIDFilter(field_name="candidate__uuid")
    employer = django_filters.UUIDFilter(field_name="job__employer__uuid")

    class Meta:
        model = Proposal
        fields = []


class TaskFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(label="Status", choices=TaskStatus.choices)
    kind = django_filters.ChoiceFilter(label="Soort", choices=TaskKind.choices)
    assignee = django_filters.CharFilter(label="Toegewezen aan", field_name="assignee__username")
    due_before = django_filters.DateFilter(label="Uiterlijk vóór", field_name="due_date", lookup_expr="lte")
    due_after = django_filters.DateFilter(label="Uiterlijk na", field_name="due_date", lookup_expr="gte")
    placement = django_filters.UUIDFilter(field_name="placement__uuid")
    ordering = django_filters.OrderingFilter(fields=(("due_date", "due_date"), ("created_at", "created_at")))

    class Meta:
        model = Task
        fields = []
