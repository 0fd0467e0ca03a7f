"""``{% load audit_tags %}{% audit_trail obj %}``: the audit trail of one record.

Renders ``templates/audit/_trail.html`` with the newest entries (default 20). Only
users who may see the record reach its page, so the trail needs no extra check; a
link to the full search is shown to teamleiders.
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from wsp_platform.accounts import policy
from wsp_platform.audit.models import AuditAction
from wsp_platform.audit.services import entries_for

register = template.Library()


def _change_list(entry) -> list:
    if entry.action == AuditAction.READ:
        return [(field, None) for field in entry.changes.get("fields", [])]
    rows = []
    for field, values in (entry.changes or {}).items():
        if isinstance(values, list | tuple) and len(values) == 2:
            rows.append((field, values))
        else:
            rows.append((field, None))
    return rows


@register.inclusion_tag("audit/_trail.html", takes_context=True)
def audit_trail(context, obj, limit: int = 20):
    entries = list(entries_for(obj)[: limit + 1])
    more = len(entries) > limit
    entries = entries[:limit]
    for entry in entries:
        entry.change_list = _change_list(entry)
    request = context.get("request")
    search_url = ""
    if request is not None and policy.can_view_audit_trail(request.user) and getattr(obj, "uuid", None):
        search_url = reverse("accounts:audit_search") + "?" + urlencode({"object": str(obj.uuid)})
    return {"entries": entries, "more": more, "uuid": getattr(obj, "uuid", ""), "search_url": search_url}
