"""Small template helpers for the workspace pages."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, href: str, label: str, exact: bool = False):
    """A navigation link that marks the current section with aria-current."""
    path = context["request"].path
    current = path == href if exact else path.startswith(href)
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', href, label)
    return format_html('<a href="{}">{}</a>', href, label)


@register.filter
def badge(value: str) -> str:
    """CSS modifier for a status value ("in_dienst" -> "badge--in_dienst")."""
    return f"badge badge--{value}" if value else "badge"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
