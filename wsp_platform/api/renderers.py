"""camelCase JSON out, as djangorestframework-camel-case renders it, but cheaper.

The library converts every key of every object with a regular expression on each
response: for a page of 50 candidates that is ~1 500 conversions and about a third of
the request's CPU. The keys are the same few dozen field names each time, so the
conversion (the library's own pattern and replacement) is remembered per key.
"""

from decimal import Decimal
from functools import lru_cache

from django.utils.encoding import force_str
from django.utils.functional import Promise
from djangorestframework_camel_case.util import camelize_re, is_iterable, underscore_to_camel
from rest_framework.renderers import JSONRenderer

_PLAIN = (str, int, float, bool, Decimal, type(None))


@lru_cache(maxsize=4096)
def camel_key(key: str) -> str:
    return camelize_re.sub(underscore_to_camel, key) if "_" in key else key


def camelize(data):
    """The library's ``camelize`` (keys only, nested), with the key conversion memoised."""
    if isinstance(data, dict):
        result = {}
        for key, value in data.items():
            if isinstance(key, Promise):
                key = force_str(key)
            result[camel_key(key) if isinstance(key, str) else key] = camelize(value)
        return result
    if isinstance(data, list | tuple):
        return [camelize(item) for item in data]
    if isinstance(data, _PLAIN):
        return data
    if isinstance(data, Promise):
        return force_str(data)
    if is_iterable(data):
        return [camelize(item) for item in data]
    return data


class CamelCaseJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        return super().render(camelize(data), accepted_media_type, renderer_context)


class ProblemRenderer(CamelCaseJSONRenderer):
    """Lets a client that asks for problem+json in Accept get its errors."""

    media_type = "application/problem+json"
