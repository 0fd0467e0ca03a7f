"""OpenAPI generation settings for the API (drf-spectacular).

They are applied through ``custom_settings`` on the schema views and through
``manage.py spectacular --custom-settings wsp_platform.api.schema.SPECTACULAR_API_SETTINGS``,
so the checked-in ``docs/openapi.yaml`` and the served document are the same.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .exceptions import camel

SPECTACULAR_API_SETTINGS = {
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CandidateStatusEnum": "candidates.choices.CandidateStatus",
        "PlacementStatusEnum": "placements.choices.PlacementStatus",
        "ProposalStatusEnum": "placements.choices.ProposalStatus",
        "TaskStatusEnum": "placements.choices.TaskStatus",
        "TaskKindEnum": "placements.choices.TaskKind",
        "JobStatusEnum": "employers.choices.JobStatus",
        "JobKindEnum": "employers.choices.JobKind",
        "ApplicationStatusEnum": "subsidies.choices.ApplicationStatus",
        "SubsidyKindEnum": "subsidies.choices.SubsidyKind",
        "SectorEnum": "wsp_platform.core.choices.Sector",
        "LoadLevelEnum": "candidates.choices.LoadLevel",
    },
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "wsp_platform.api.schema.camelize_hook",
    ],
    "SERVERS": [{"url": "/", "description": "deze server"}],
    "TAGS": [
        {"name": "kandidaten", "description": "Kandidaten van de eigen gemeente"},
        {"name": "werkgevers", "description": "Werkgevers, contactpersonen en banen in de regio"},
        {"name": "plaatsingen", "description": "Voorstellen, plaatsingen en taken"},
        {"name": "subsidies", "description": "Loonwaardemetingen, subsidieaanvragen en de LKS-rekentool"},
    ],
}


def camelize_hook(result, generator, request, public):
    """camelCase property names (like the renderer) and query parameter names."""
    from drf_spectacular.contrib.djangorestframework_camel_case import camelize_serializer_fields

    result = camelize_serializer_fields(result, generator, request, public)
    for component in result.get("components", {}).get("schemas", {}).values():
        for prop in component.get("properties", {}).values():
            _drop_backend_range(prop)
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["name"] = camel(parameter["name"])
                    if parameter["name"] == "ordering":
                        _camelize_ordering_enum(parameter.get("schema", {}))
    return result


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "wsp_platform.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Token van de API-client (manage.py create_api_client). Scopes per resourcegroep.",
        }


def _camelize_ordering_enum(schema: dict) -> None:
    items = schema.get("items", schema)
    if "enum" in items:
        items["enum"] = [("-" if v.startswith("-") else "") + camel(v.lstrip("-")) for v in items["enum"]]


# Integer limits Django derives from the database column type differ per backend
# (SQLite has none, PostgreSQL smallint is 32767); they are no API contract, so the
# document drops them and stays the same whichever database generated it.
BACKEND_LIMITS = {32767, 2147483647, 9223372036854775807}


def _drop_backend_range(prop: dict) -> None:
    if (prop.get("type") == "integer" or "allOf" in prop) and prop.get("maximum") in BACKEND_LIMITS:
        del prop["maximum"]
        if prop.get("format") == "int64":
            del prop["format"]
