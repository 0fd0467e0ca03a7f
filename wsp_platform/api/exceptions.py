"""Errors as ``application/problem+json`` (RFC 9457, NL API Design Rules).

Every error has ``type``, ``title``, ``status``, ``detail`` and ``instance``; a
validation error lists *every* invalid field in ``invalidParams`` as
``{name, code, reason}`` with the camelCase name the client sent (nested fields as
``tasks.0.description``).
"""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings

from placements.rules import TransitionRefused

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "urn:wsp-platform:problem:"

TITLES = {
    400: "Ongeldige aanvraag.",
    401: "Niet geauthenticeerd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar.",
    409: "Conflict.",
    412: "De resource is intussen gewijzigd.",
    415: "Niet-ondersteund mediatype.",
    422: "Niet te verwerken.",
    428: "If-Match-header vereist.",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
}


class PreconditionFailed(exceptions.APIException):
    status_code = 412
    default_detail = "De ETag in If-Match komt niet overeen met de huidige versie; haal de resource opnieuw op."
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Stuur de ETag van de resource mee in de header If-Match."
    default_code = "precondition_required"


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = "Conflict met de huidige toestand van de resource."
    default_code = "conflict"


class UnknownQueryParameters(exceptions.ValidationError):
    def __init__(self, names: list[str]):
        self.names = names
        super().__init__({name: [f"Onbekende queryparameter '{name}'."] for name in names})


def camel(name: str) -> str:
    import re

    return re.sub(camelize_re, underscore_to_camel, name) if "_" in name else name


def flatten_errors(detail, prefix: str = "") -> list[dict]:
    """DRF error detail (dict/list/ErrorDetail) → [{name, code, reason}], every field."""
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            key = str(key)
            if key in (api_settings.NON_FIELD_ERRORS_KEY, "__all__"):
                name = prefix.rstrip(".") or "nonFieldErrors"
            else:
                name = prefix + ".".join(camel(part) for part in key.split("."))
            params.extend(flatten_errors(value, name + "."))
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            for item in detail:
                params.append(
                    {
                        "name": prefix.rstrip(".") or "nonFieldErrors",
                        "code": getattr(item, "code", None) or "invalid",
                        "reason": str(item),
                    }
                )
        else:
            for index, item in enumerate(detail):
                if item:
                    params.extend(flatten_errors(item, f"{prefix}{index}."))
    else:
        params.append(
            {
                "name": prefix.rstrip(".") or "nonFieldErrors",
                "code": getattr(detail, "code", None) or "invalid",
                "reason": str(detail),
            }
        )
    return params


def problem(request, status_code: int, code: str, detail: str, **extra) -> Response:
    data = {
        "type": TYPE_BASE + code,
        "code": code,
        "title": TITLES.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail,
        "instance": request.path if request is not None else "",
    }
    data.update(extra)
    return Response(data, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def django_validation_to_drf(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {}
        for field, errors in exc.error_dict.items():
            detail[field] = [
                exceptions.ErrorDetail(" ".join(str(m) for m in error.messages), code=error.code or "invalid")
                for error in errors
            ]
        return exceptions.ValidationError(detail)
    return exceptions.ValidationError(
        {api_settings.NON_FIELD_ERRORS_KEY: [exceptions.ErrorDetail(m, code="invalid") for m in exc.messages]}
    )


def exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DjangoValidationError):
        exc = django_validation_to_drf(exc)
    if isinstance(exc, TransitionRefused):
        field = exc.field or "status"
        if field == "status":
            return problem(
                request, 409, "transition_refused", exc.message,
                invalid_params=[{"name": "status", "code": "transition_refused", "reason": exc.message}],
            )
        return problem(
            request, 400, "invalid", exc.message,
            invalid_params=[{"name": camel(field), "code": "required", "reason": exc.message}],
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        params = flatten_errors(exc.detail)
        if isinstance(exc, UnknownQueryParameters):
            detail = "De aanvraag bevat onbekende queryparameters."
            params = [
                {"name": name, "code": "unknown_parameter", "reason": f"Onbekende queryparameter '{name}'."}
                for name in exc.names
            ]
        else:
            detail = "De aanvraag bevat ongeldige gegevens; zie invalidParams."
        response = problem(request, 400, "invalid", detail, invalid_params=params)
    else:
        status_code = exc.status_code
        if status_code == status.HTTP_401_UNAUTHORIZED or isinstance(exc, exceptions.NotAuthenticated):
            status_code = 401
        detail = exc.detail
        if isinstance(detail, dict | list):
            detail = "; ".join(p["reason"] for p in flatten_errors(detail))
        code = getattr(exc.detail, "code", None) or exc.default_code
        if isinstance(exc, exceptions.NotAuthenticated):
            detail = "Stuur een geldig token mee in de header Authorization: Bearer <token>."
        elif isinstance(exc, exceptions.NotFound):
            detail = "Deze resource bestaat niet of u heeft er geen toegang toe."
        response = problem(request, status_code, str(code), str(detail))
    for key, value in headers.items():
        response[key] = value
    return response
