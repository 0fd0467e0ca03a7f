"""Job redesign in the API: an employer's functions with their task inventory, and
carving a new job out of selected tasks (employers.redesign)."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from employers import redesign
from employers.choices import CreationMethod
from employers.models import FunctiecreatieConversation, Function, FunctionTask
from wsp_platform.accounts.policy import employers_for_client
from wsp_platform.api.base import ApiViewMixin
from wsp_platform.api.openapi import PROBLEM_RESPONSES, WRITE_RESPONSES
from wsp_platform.core.models import Skill

from .serializers import JobSerializer

TAG = "herontwerp"


class FunctionTaskSerializer(serializers.ModelSerializer):
    capabilities = serializers.SlugRelatedField(
        slug_field="name", queryset=Skill.objects.all(), many=True, required=False,
        help_text="Gevraagde vaardigheden (namen uit de vaardighedenlijst).",
    )

    class Meta:
        model = FunctionTask
        fields = ["uuid", "description", "hours_per_week", "frequency", "complexity", "physical_load", "mental_load",
                  "pace", "stimuli", "quiet_spot_possible", "capabilities"]
        read_only_fields = ["uuid"]


class FunctionSerializer(serializers.ModelSerializer):
    tasks = FunctionTaskSerializer(many=True, required=False, help_text="De takeninventaris van de functie.")

    class Meta:
        model = Function
        fields = ["uuid", "name", "fte_count", "hourly_wage", "tasks", "created_at"]
        read_only_fields = ["uuid", "created_at"]


class FunctionListSerializer(serializers.Serializer):
    results = FunctionSerializer(many=True)


class CarveRequestSerializer(serializers.Serializer):
    tasks = serializers.ListField(child=serializers.UUIDField(), min_length=1,
                                  help_text="UUID's van taken uit één of meer bestaande functies van deze werkgever.")
    title = serializers.CharField(max_length=160)
    creation_method = serializers.ChoiceField(
        choices=CreationMethod.choices,
        help_text="Niet 'werkaanpassing': die leg je vast bij de plaatsing (aanpassing van een bestaande baan).")
    is_generic = serializers.BooleanField(help_text="Blijft de baan bestaan na de eerste medewerker?")
    hourly_wage = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0)
    min_hours_per_week = serializers.DecimalField(max_digits=4, decimal_places=1, required=False, allow_null=True)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    location = serializers.UUIDField(required=False, allow_null=True, help_text="UUID van een vestiging.")
    functiecreatie = serializers.UUIDField(required=False, allow_null=True,
                                           help_text="UUID van het functiecreatie-light-gesprek.")


def _employer(view, uuid):
    return get_object_or_404(employers_for_client(view.client), uuid=uuid)


class FunctionsView(ApiViewMixin, APIView):
    """GET/POST /employers/{uuid}/functions"""

    scope_group = "employers"

    @extend_schema(summary="Bestaande functies van een werkgever met hun taken", tags=[TAG],
                   responses={200: FunctionListSerializer, **PROBLEM_RESPONSES})
    def get(self, request, uuid):
        employer = _employer(self, uuid)
        functions = employer.functions.prefetch_related("tasks__capabilities").order_by("name", "id")
        return Response({"results": FunctionSerializer(functions, many=True).data})

    @extend_schema(summary="Bestaande functie met takeninventaris vastleggen", tags=[TAG],
                   request=FunctionSerializer, responses={201: FunctionSerializer, **WRITE_RESPONSES})
    def post(self, request, uuid):
        employer = _employer(self, uuid)
        serializer = FunctionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        tasks = data.pop("tasks", [])
        with transaction.atomic():
            function = redesign.add_function(employer, actor=self.actor, **data)
            for task in tasks:
                task = dict(task)
                redesign.add_function_task(function, actor=self.actor, capabilities=task.pop("capabilities", []),
                                           **task)
        function = Function.objects.prefetch_related("tasks__capabilities").get(pk=function.pk)
        return Response(FunctionSerializer(function).data, status=201)


class CarveJobView(ApiViewMixin, APIView):
    """POST /employers/{uuid}/carved-jobs"""

    scope_group = "employers"

    @extend_schema(
        summary="Nieuwe baan samenstellen uit taken van bestaande functies (jobcarving, functiecreatie, ...)",
        description="Maakt een gecreëerde baan met methode, generiek of voor één persoon, de brontaken en een "
        "kopie van elke taak. De uren zijn de som van de gekozen taken.",
        tags=[TAG], request=CarveRequestSerializer, responses={201: JobSerializer, **WRITE_RESPONSES},
    )
    def post(self, request, uuid):
        employer = _employer(self, uuid)
        serializer = CarveRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        task_ids = list(FunctionTask.objects.filter(function__employer=employer, uuid__in=data["tasks"])
                        .values_list("pk", flat=True))
        if len(task_ids) != len(set(data["tasks"])):
            raise serializers.ValidationError({"tasks": ["Eén of meer taken horen niet bij deze werkgever."]})
        location = functiecreatie = None
        if data.get("location"):
            location = employer.locations.filter(uuid=data["location"]).first()
            if location is None:
                raise serializers.ValidationError({"location": ["Onbekende vestiging van deze werkgever."]})
        if data.get("functiecreatie"):
            functiecreatie = employer.functiecreatie_conversations.filter(uuid=data["functiecreatie"]).first()
            if functiecreatie is None:
                raise serializers.ValidationError({"functiecreatie": ["Onbekend gesprek bij deze werkgever."]})
        job = redesign.carve_job(
            employer, actor=self.actor, task_ids=task_ids, title=data["title"],
            creation_method=data["creation_method"], is_generic=data["is_generic"], hourly_wage=data["hourly_wage"],
            min_hours_per_week=data.get("min_hours_per_week"), description=data.get("description", ""),
            location=location, functiecreatie=functiecreatie,
        )
        return Response(JobSerializer(job, context={"request": request}).data, status=201)


class FunctiecreatieSerializer(serializers.ModelSerializer):
    """The seven questions of 'functiecreatie light' (a–g), from staffing problem to decision."""

    class Meta:
        model = FunctiecreatieConversation
        fields = ["uuid", "held_on", "staffing_problem", "employee_problems", "repetitive_tasks", "solves_problem",
                  "gains", "candidates_and_costs", "decision", "created_at"]
        read_only_fields = ["uuid", "created_at"]


class FunctiecreatieListSerializer(serializers.Serializer):
    results = FunctiecreatieSerializer(many=True)


class FunctiecreatieView(ApiViewMixin, APIView):
    """GET/POST /employers/{uuid}/functiecreatie-conversations"""

    scope_group = "employers"

    @extend_schema(summary="Functiecreatie-light-gesprekken met een werkgever", tags=[TAG],
                   responses={200: FunctiecreatieListSerializer, **PROBLEM_RESPONSES})
    def get(self, request, uuid):
        employer = _employer(self, uuid)
        conversations = employer.functiecreatie_conversations.order_by("-held_on", "-id")
        return Response({"results": FunctiecreatieSerializer(conversations, many=True).data})

    @extend_schema(summary="Functiecreatie-light-gesprek vastleggen (de zeven vragen a–g)", tags=[TAG],
                   request=FunctiecreatieSerializer, responses={201: FunctiecreatieSerializer, **WRITE_RESPONSES})
    def post(self, request, uuid):
        employer = _employer(self, uuid)
        serializer = FunctiecreatieSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        conversation = redesign.record_functiecreatie(employer, actor=self.actor, **serializer.validated_data)
        return Response(FunctiecreatieSerializer(conversation).data, status=201)
