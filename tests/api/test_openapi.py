"""The checked-in docs/openapi.yaml must match what the code generates.

Regenerate with:
    manage.py spectacular --custom-settings wsp_platform.api.schema.SPECTACULAR_API_SETTINGS \\
        --file docs/openapi.yaml --validate
"""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import patched_settings
from drf_spectacular.validation import validate_schema

from wsp_platform.api.schema import SPECTACULAR_API_SETTINGS

CHECKED_IN = Path(settings.BASE_DIR) / "docs" / "openapi.yaml"


def generated() -> dict:
    with patched_settings(SPECTACULAR_API_SETTINGS):
        return SchemaGenerator().get_schema(request=None, public=True)


def test_checked_in_openapi_document_is_up_to_date():
    from drf_spectacular.renderers import OpenApiYamlRenderer

    fresh = yaml.safe_load(OpenApiYamlRenderer().render(generated(), renderer_context={}))
    assert fresh == yaml.safe_load(CHECKED_IN.read_text()), (
        "docs/openapi.yaml is stale: regenerate it with manage.py spectacular "
        "--custom-settings wsp_platform.api.schema.SPECTACULAR_API_SETTINGS --file docs/openapi.yaml --validate"
    )


def test_document_is_valid_and_follows_the_conventions():
    schema = generated()
    validate_schema(schema)
    for path, item in schema["paths"].items():
        assert not path.endswith("/"), path
        assert path == path.lower() or "{" in path, path
        for method, operation in item.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no Dutch summary"
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert "_" not in parameter["name"], parameter["name"]
                    assert parameter["name"] != "bsn"
    candidate = schema["components"]["schemas"]["Candidate"]["properties"]
    assert "bsn" not in candidate and "bsnMasked" in candidate
    assert "bsn" in schema["components"]["schemas"]["CandidateRequest"]["properties"]


@pytest.mark.django_db
def test_served_document_matches(client):
    served = client.get("/api/v1/openapi.json").json()
    assert served["paths"].keys() == generated()["paths"].keys()
