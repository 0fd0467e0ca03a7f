"""django-filter with camelCase query parameters.

The FilterSets are the ones the HTML list pages use (``<app>/filters.py``); the API
only translates ``createdAfter=`` to ``created_after=`` (and ``ordering=-lastName`` to
``-last_name``) and refuses parameters it does not know.
"""

from django.http import QueryDict
from django_filters import rest_framework as filters
from djangorestframework_camel_case.util import camel_to_underscore

from .exceptions import UnknownQueryParameters, camel

PAGINATION_PARAMS = ("page", "pageSize")


def snake(name: str) -> str:
    return camel_to_underscore(name)


def _snake_ordering(value: str) -> str:
    return ",".join(("-" if part.startswith("-") else "") + snake(part.lstrip("-")) for part in value.split(","))


def translate_query(query: QueryDict, allowed_snake: set[str]) -> QueryDict:
    translated = QueryDict(mutable=True)
    for key, values in query.lists():
        name = snake(key)
        if name not in allowed_snake:
            continue
        if name == "ordering":
            values = [_snake_ordering(v) for v in values]
        translated.setlist(name, values)
    return translated


class CamelCaseFilterBackend(filters.DjangoFilterBackend):
    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        allowed = set(filterset_class.base_filters) if filterset_class else set()
        kwargs["data"] = translate_query(request.query_params, allowed)
        return kwargs


def allowed_query_params(view) -> set[str]:
    """camelCase names this endpoint accepts."""
    allowed = set(getattr(view, "extra_query_params", ()))
    if getattr(view, "action", None) == "list" or (getattr(view, "action", None) is None and hasattr(view, "list")):
        allowed |= set(PAGINATION_PARAMS)
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            allowed |= {camel(name) for name in filterset_class.base_filters}
    return allowed


def check_query_params(request, view) -> None:
    allowed = allowed_query_params(view)
    unknown = sorted(key for key in request.query_params if key not in allowed)
    if unknown:
        raise UnknownQueryParameters(unknown)


__all__ = ["CamelCaseFilterBackend", "check_query_params"]
