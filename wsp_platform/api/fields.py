import uuid

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.UUID)
class ScopedUUIDField(serializers.RelatedField):
    """A related record by its UUID, looked up only inside what the client may see
    (``scope(client)`` returns a policy queryset); anything else reads as "does not exist"."""

    default_error_messages = {
        "does_not_exist": "Er is geen {name} met deze UUID (of u heeft er geen toegang toe).",
        "invalid": "Geef een geldige UUID.",
    }

    def __init__(self, scope=None, name="record", **kwargs):
        self.scope = scope
        self.name = name
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.scope(request.auth)

    def to_internal_value(self, data):
        try:
            value = uuid.UUID(str(data))
        except (TypeError, ValueError, AttributeError):
            self.fail("invalid")
        obj = self.get_queryset().filter(uuid=value).first()
        if obj is None:
            self.fail("does_not_exist", name=self.name)
        return obj

    def to_representation(self, value):
        return str(value.uuid)

    def get_choices(self, cutoff=None):
        return {}
