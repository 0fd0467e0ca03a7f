from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from placements.filters import PlacementFilter, ProposalFilter, TaskFilter
from placements.models import Placement, Proposal, Task
from placements.services import (
    complete_task,
    create_task,
    move_placement,
    propose_candidate,
    record_work_adjustment,
    update_placement,
)
from wsp_platform.accounts.policy import placements_for_client, proposals_for_client, tasks_for_client
from wsp_platform.api.base import CreateMixin, ResourceViewSet, UpdateMixin
from wsp_platform.api.openapi import PROBLEM_RESPONSES, WRITE_RESPONSES

from .serializers import (
    PlacementSerializer,
    PlacementTransitionSerializer,
    ProposalSerializer,
    TaskCompleteSerializer,
    TaskSerializer,
    WorkAdjustmentListSerializer,
    WorkAdjustmentSerializer,
)

TAG = "plaatsingen"


@extend_schema_view(
    list=extend_schema(summary="Voorstellen van kandidaten voor banen opvragen", tags=[TAG],
                       responses={200: ProposalSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén voorstel opvragen", tags=[TAG],
                           responses={200: ProposalSerializer, **PROBLEM_RESPONSES}),
    create=extend_schema(summary="Kandidaat voorstellen voor een baan (maakt ook de plaatsing aan)", tags=[TAG],
                         responses={201: ProposalSerializer, **WRITE_RESPONSES}),
)
class ProposalViewSet(CreateMixin, ResourceViewSet):
    model = Proposal
    scope_group = "placements"
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilter
    http_method_names = ["get", "post", "head", "options"]

    def build_queryset(self):
        return (
            proposals_for_client(self.client)
            .select_related("candidate", "job", "placement")
            .order_by("-proposed_on", "-id")
        )

    def service_create(self, data):
        placement = propose_candidate(
            data["candidate"], data["job"], actor=self.actor, origin=data["origin"],
            motivation=data.get("motivation", ""), introduction_route=data.get("introduction_route", "geen"),
            match_score=data.get("match_score"),
        )
        return placement.proposal


@extend_schema_view(
    list=extend_schema(summary="Plaatsingen van kandidaten van de eigen gemeente opvragen", tags=[TAG],
                       responses={200: PlacementSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén plaatsing opvragen", tags=[TAG],
                           responses={200: PlacementSerializer, **PROBLEM_RESPONSES}),
    update=extend_schema(summary="Plaatsing volledig wijzigen (niet de status; If-Match verplicht)", tags=[TAG],
                         responses={200: PlacementSerializer, **WRITE_RESPONSES}),
    partial_update=extend_schema(summary="Plaatsing deels wijzigen (niet de status; If-Match verplicht)", tags=[TAG],
                                 responses={200: PlacementSerializer, **WRITE_RESPONSES}),
)
class PlacementViewSet(UpdateMixin, ResourceViewSet):
    model = Placement
    scope_group = "placements"
    serializer_class = PlacementSerializer
    filterset_class = PlacementFilter
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def build_queryset(self):
        return (
            placements_for_client(self.client)
            .select_related("candidate", "job", "employer", "proposal", "owner")
            .order_by("-created_at", "-id")
        )

    def service_update(self, instance, data):
        return update_placement(instance, actor=self.actor, data=data)

    @extend_schema(
        summary="Status van een plaatsing wijzigen (statusovergang)",
        description="Controleert of de overgang mag; een geweigerde overgang geeft 409 (of 400 als er gegevens "
        "ontbreken, zoals de startdatum) met de reden in het Nederlands.",
        tags=[TAG], request=PlacementTransitionSerializer,
        responses={200: PlacementSerializer, **WRITE_RESPONSES},
    )
    @action(detail=True, methods=["post"], url_path="transition", url_name="transition")
    def transition(self, request, uuid=None):
        placement = self.get_object()
        serializer = PlacementTransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        target = data.pop("status")
        placement, _task = move_placement(placement, target, actor=self.actor, **data)
        return self.respond(self.get_queryset().get(pk=placement.pk))

    @extend_schema(methods=["GET"], summary="Werkaanpassingen van een plaatsing", tags=[TAG],
                   responses={200: WorkAdjustmentListSerializer, **PROBLEM_RESPONSES})
    @extend_schema(methods=["POST"], summary="Werkaanpassing vastleggen (baan of werkplek aangepast voor deze persoon)",
                   tags=[TAG], request=WorkAdjustmentSerializer,
                   responses={201: WorkAdjustmentSerializer, **WRITE_RESPONSES})
    @action(detail=True, methods=["get", "post"], url_path="work-adjustments", url_name="work-adjustments")
    def work_adjustments(self, request, uuid=None):
        placement = self.get_object()
        if request.method == "GET":
            adjustments = placement.adjustments.order_by("-made_on", "-id")
            return Response({"results": WorkAdjustmentSerializer(adjustments, many=True).data})
        serializer = WorkAdjustmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        adjustment = record_work_adjustment(placement, actor=self.actor, data=dict(serializer.validated_data))
        return Response(WorkAdjustmentSerializer(adjustment).data, status=201)


@extend_schema_view(
    list=extend_schema(summary="Taken bij kandidaten en plaatsingen van de eigen gemeente opvragen", tags=[TAG],
                       responses={200: TaskSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén taak opvragen", tags=[TAG],
                           responses={200: TaskSerializer, **PROBLEM_RESPONSES}),
    create=extend_schema(summary="Taak aanmaken bij een kandidaat of plaatsing", tags=[TAG],
                         responses={201: TaskSerializer, **WRITE_RESPONSES}),
)
class TaskViewSet(CreateMixin, ResourceViewSet):
    model = Task
    scope_group = "placements"
    serializer_class = TaskSerializer
    filterset_class = TaskFilter
    http_method_names = ["get", "post", "head", "options"]

    def build_queryset(self):
        return (
            tasks_for_client(self.client)
            .select_related("candidate", "placement", "employer", "assignee")
            .order_by("due_date", "id")
        )

    def service_create(self, data):
        placement = data.get("placement")
        candidate = data.get("candidate") or (placement.candidate if placement else None)
        task, _created = create_task(
            title=data["title"], description=data.get("description", ""), due_date=data["due_date"],
            actor=self.actor, candidate=candidate, placement=placement,
            employer=placement.employer if placement else None,
            assignee=(placement.owner if placement else None) or candidate.owner,
        )
        return task

    @extend_schema(summary="Taak afronden", tags=[TAG], request=TaskCompleteSerializer,
                   responses={200: TaskSerializer, **WRITE_RESPONSES})
    @action(detail=True, methods=["post"], url_path="complete", url_name="complete")
    def complete(self, request, uuid=None):
        task = self.get_object()
        serializer = TaskCompleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complete_task(task, actor=self.actor, note=serializer.validated_data["note"])
        return self.respond(self.get_queryset().get(pk=task.pk))
