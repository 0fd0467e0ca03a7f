from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from subsidies import services
from subsidies.calculations import RateNotFound, calculate_lks
from subsidies.filters import LoonwaardeAssessmentFilter, SubsidyApplicationFilter
from subsidies.models import LoonwaardeAssessment, SubsidyApplication
from wsp_platform.accounts.policy import assessments_for_client, subsidy_applications_for_client
from wsp_platform.api.base import ApiViewMixin, CreateMixin, ResourceViewSet, UpdateMixin
from wsp_platform.api.openapi import PROBLEM_RESPONSES, WRITE_RESPONSES

from .serializers import (
    EmptySerializer,
    GrantSerializer,
    LksCalculationRequestSerializer,
    LksResultSerializer,
    LoonwaardeAssessmentSerializer,
    NoteSerializer,
    PaymentSerializer,
    ReasonSerializer,
    RefuseSerializer,
    SubmitSerializer,
    SubsidyApplicationDetailSerializer,
    SubsidyApplicationSerializer,
    lks_result_data,
)

TAG = "subsidies"


@extend_schema_view(
    list=extend_schema(summary="Loonwaardemetingen opvragen", tags=[TAG],
                       responses={200: LoonwaardeAssessmentSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén loonwaardemeting opvragen", tags=[TAG],
                           responses={200: LoonwaardeAssessmentSerializer, **PROBLEM_RESPONSES}),
    create=extend_schema(summary="Loonwaardemeting vastleggen (berekent de volgende meetdatum)", tags=[TAG],
                         responses={201: LoonwaardeAssessmentSerializer, **WRITE_RESPONSES}),
)
class LoonwaardeAssessmentViewSet(CreateMixin, ResourceViewSet):
    model = LoonwaardeAssessment
    scope_group = "subsidies"
    serializer_class = LoonwaardeAssessmentSerializer
    filterset_class = LoonwaardeAssessmentFilter
    http_method_names = ["get", "post", "head", "options"]

    def build_queryset(self):
        return (
            assessments_for_client(self.client)
            .select_related("placement")
            .prefetch_related("task_scores")
            .order_by("-assessed_on", "-id")
        )

    def service_create(self, data):
        placement = data.pop("placement")
        scores = data.pop("task_scores", [])
        return services.record_assessment(
            placement, actor=self.actor, task_scores=[dict(s, job_task=None) for s in scores], **data
        )


def _transition_schema(summary, request):
    return extend_schema(summary=summary, tags=[TAG], request=request,
                         responses={200: SubsidyApplicationDetailSerializer, **WRITE_RESPONSES})


@extend_schema_view(
    list=extend_schema(summary="Subsidieaanvragen bij plaatsingen van de eigen gemeente opvragen", tags=[TAG],
                       responses={200: SubsidyApplicationSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén subsidieaanvraag opvragen (met de berekende LKS)", tags=[TAG],
                           responses={200: SubsidyApplicationDetailSerializer, **PROBLEM_RESPONSES}),
    create=extend_schema(summary="Subsidieaanvraag aanmaken (concept)", tags=[TAG],
                         responses={201: SubsidyApplicationDetailSerializer, **WRITE_RESPONSES}),
    update=extend_schema(summary="Subsidieaanvraag volledig wijzigen (concept of ingediend; If-Match verplicht)",
                         tags=[TAG], responses={200: SubsidyApplicationDetailSerializer, **WRITE_RESPONSES}),
    partial_update=extend_schema(
        summary="Subsidieaanvraag deels wijzigen (concept of ingediend; If-Match verplicht)", tags=[TAG],
        responses={200: SubsidyApplicationDetailSerializer, **WRITE_RESPONSES}),
)
class SubsidyApplicationViewSet(CreateMixin, UpdateMixin, ResourceViewSet):
    model = SubsidyApplication
    scope_group = "subsidies"
    serializer_class = SubsidyApplicationSerializer
    filterset_class = SubsidyApplicationFilter
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def build_queryset(self):
        return (
            subsidy_applications_for_client(self.client)
            .select_related("placement", "municipality", "previous")
            .order_by("-period_start", "-id")
        )

    def get_serializer_class(self):
        if self.action == "list":
            return SubsidyApplicationSerializer
        if self.action in ("create", "update", "partial_update"):
            return SubsidyApplicationSerializer
        return SubsidyApplicationDetailSerializer

    def respond(self, instance, serializer_class=None, status=200, headers=None):
        return super().respond(instance, serializer_class or SubsidyApplicationDetailSerializer, status, headers)

    def service_create(self, data):
        placement = data.pop("placement")
        return services.create_application(placement, actor=self.actor, data=data)

    def service_update(self, instance, data):
        data.pop("placement", None)
        return services.update_application(instance, actor=self.actor, data=data)

    def _run(self, request, serializer_class, service, **fixed):
        application = self.get_object()
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        service(application, actor=self.actor, **fixed, **serializer.validated_data)
        return self.respond(self.get_queryset().get(pk=application.pk))

    @_transition_schema("Aanvraag indienen (concept → ingediend)", SubmitSerializer)
    @action(detail=True, methods=["post"], url_path="submit")
    def submit(self, request, uuid=None):
        return self._run(request, SubmitSerializer, services.submit_application)

    @_transition_schema("Aanvraag in behandeling nemen (ingediend → in behandeling)", NoteSerializer)
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, uuid=None):
        return self._run(request, NoteSerializer, services.start_review)

    @_transition_schema("Aanvraag toekennen met de beschikking (in behandeling → toegekend)", GrantSerializer)
    @action(detail=True, methods=["post"], url_path="grant")
    def grant(self, request, uuid=None):
        return self._run(request, GrantSerializer, services.grant_application)

    @_transition_schema("Aanvraag afwijzen (in behandeling → afgewezen)", RefuseSerializer)
    @action(detail=True, methods=["post"], url_path="refuse")
    def refuse(self, request, uuid=None):
        return self._run(request, RefuseSerializer, services.refuse_application)

    @_transition_schema("Beschikking laten lopen (toegekend → lopend)", EmptySerializer)
    @action(detail=True, methods=["post"], url_path="activate")
    def activate(self, request, uuid=None):
        return self._run(request, EmptySerializer, services.activate_application)

    @extend_schema(
        summary="Uitbetaling vastleggen op een toegekende aanvraag (telt op in amountPaid)",
        tags=[TAG], request=PaymentSerializer, responses={201: PaymentSerializer, **WRITE_RESPONSES},
    )
    @action(detail=True, methods=["post"], url_path="payments")
    def payments(self, request, uuid=None):
        application = self.get_object()
        serializer = PaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        payment = services.record_payment(application, actor=self.actor, **serializer.validated_data)
        return Response(PaymentSerializer(payment).data, status=201)

    @_transition_schema("Aanvraag beëindigen (toegekend/lopend → beëindigd)", ReasonSerializer)
    @action(detail=True, methods=["post"], url_path="end")
    def end(self, request, uuid=None):
        return self._run(request, ReasonSerializer, services.end_application)


MESSAGE_FIELDS = (
    ("functieloon", "functieloonPerUur"),
    ("uren", "urenPerWeek"),
    ("dienstverband", "dienstverbandStart"),
    ("einddatum", "periodeEind"),
    ("loonwaarde", "loonwaarde"),
    ("leeftijd", "leeftijd"),
)


class LksCalculationView(ApiViewMixin, APIView):
    scope_group = None  # any valid client may use the rekentool; it reads no personal data

    @extend_schema(
        summary="Loonkostensubsidie berekenen (rekentool)",
        description="Berekent de LKS per uur en per periode met dezelfde formule en tarieventabellen als het "
        "platform. Bedragen zijn decimale strings in euro, afgerond op centen.",
        tags=[TAG], request=LksCalculationRequestSerializer,
        responses={200: LksResultSerializer, **PROBLEM_RESPONSES},
    )
    def post(self, request):
        from subsidies.rates import load_rates

        serializer = LksCalculationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        rates = load_rates()
        try:
            calculation = calculate_lks(
                loonwaarde=data["loonwaarde"],
                functieloon_per_hour=data["functieloon_per_uur"],
                hours_per_week=data["uren_per_week"],
                period_start=data["periode_start"],
                period_end=data["periode_eind"],
                wml_rates=rates.wml,
                allowance_rates=rates.allowance,
                youth_percentages=rates.youth_percentages(data["periode_start"]),
                age=data["leeftijd"],
                forfaitair=data["forfaitair"],
                employment_start=data["dienstverband_start"],
            )
        except RateNotFound as exc:
            raise serializers.ValidationError({"periode_start": [str(exc)]}) from exc
        except ValueError as exc:
            message = str(exc)
            field = next((f for word, f in MESSAGE_FIELDS if word in message.lower()), "nonFieldErrors")
            raise serializers.ValidationError({field: [message]}) from exc
        return Response(lks_result_data(calculation))
