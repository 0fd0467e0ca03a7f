from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view

from employers.filters import ContactPersonFilter, EmployerFilter, JobFilter
from employers.models import ContactPerson, Employer, Job, JobTask
from employers.services import (
    add_contact_person,
    create_employer,
    create_job,
    update_contact_person,
    update_employer,
    update_job,
)
from wsp_platform.accounts.policy import contact_persons_for_client, employers_for_client, jobs_for_client
from wsp_platform.api.base import CreateMixin, ResourceViewSet, UpdateMixin
from wsp_platform.api.openapi import PROBLEM_RESPONSES, WRITE_RESPONSES

from .serializers import ContactPersonSerializer, EmployerSerializer, JobSerializer

WRITE_METHODS = ["get", "post", "put", "patch", "head", "options"]


def crud_schema(tag: str, serializer, noun: str, plural: str):
    return extend_schema_view(
        list=extend_schema(summary=f"{plural} opvragen", tags=[tag],
                           responses={200: serializer(many=True), **PROBLEM_RESPONSES}),
        retrieve=extend_schema(summary=f"Eén {noun} opvragen", tags=[tag],
                               responses={200: serializer, **PROBLEM_RESPONSES}),
        create=extend_schema(summary=f"{noun.capitalize()} aanmaken", tags=[tag],
                             responses={201: serializer, **WRITE_RESPONSES}),
        update=extend_schema(summary=f"{noun.capitalize()} volledig wijzigen (If-Match verplicht)", tags=[tag],
                             responses={200: serializer, **WRITE_RESPONSES}),
        partial_update=extend_schema(summary=f"{noun.capitalize()} deels wijzigen (If-Match verplicht)", tags=[tag],
                                     responses={200: serializer, **WRITE_RESPONSES}),
    )


@crud_schema("werkgevers", EmployerSerializer, "werkgever", "Werkgevers in de regio")
class EmployerViewSet(CreateMixin, UpdateMixin, ResourceViewSet):
    model = Employer
    scope_group = "employers"
    serializer_class = EmployerSerializer
    filterset_class = EmployerFilter
    http_method_names = WRITE_METHODS

    def build_queryset(self):
        return (
            employers_for_client(self.client)
            .select_related("region", "account_holder")
            .prefetch_related("locations")
            .order_by("name", "id")
        )

    def service_create(self, data):
        return create_employer(actor=self.actor, region=self.client.municipality.region, **data)

    def service_update(self, instance, data):
        return update_employer(instance, actor=self.actor, data=data)


@crud_schema("werkgevers", ContactPersonSerializer, "contactpersoon", "Contactpersonen")
class ContactPersonViewSet(CreateMixin, UpdateMixin, ResourceViewSet):
    model = ContactPerson
    scope_group = "employers"
    serializer_class = ContactPersonSerializer
    filterset_class = ContactPersonFilter
    http_method_names = WRITE_METHODS

    def build_queryset(self):
        return contact_persons_for_client(self.client).select_related("employer").order_by("name", "id")

    def service_create(self, data):
        employer = data.pop("employer")
        return add_contact_person(employer, actor=self.actor, **data)

    def service_update(self, instance, data):
        data.pop("employer", None)
        return update_contact_person(instance, actor=self.actor, data=data)


@crud_schema("werkgevers", JobSerializer, "baan", "Banen en vacatures (met taken)")
class JobViewSet(CreateMixin, UpdateMixin, ResourceViewSet):
    model = Job
    scope_group = "employers"
    serializer_class = JobSerializer
    filterset_class = JobFilter
    http_method_names = WRITE_METHODS

    def build_queryset(self):
        return (
            jobs_for_client(self.client)
            .select_related("employer")
            .prefetch_related("tasks", "requirements")
            .order_by("-created_at", "-id")
        )

    @transaction.atomic
    def service_create(self, data):
        tasks = data.pop("tasks", [])
        job = create_job(actor=self.actor, **data)
        self._set_tasks(job, tasks)
        return job

    @transaction.atomic
    def service_update(self, instance, data):
        tasks = data.pop("tasks", None)
        data.pop("employer", None)
        job = update_job(instance, actor=self.actor, data=data)
        if tasks is not None:
            job.tasks.all().delete()
            self._set_tasks(job, tasks)
        return job

    def _set_tasks(self, job, tasks):
        for task in tasks:
            item = JobTask(job=job, **task)
            item.full_clean()
            item.save()
