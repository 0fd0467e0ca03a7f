"""Template helpers for subsidies: a euro filter and the compact per-placement summary
(``{% placement_subsidies placement %}``) included on the placement detail page."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import timezone

register = template.Library()

OPEN_STATUSES = ("concept", "ingediend", "in_behandeling", "toegekend", "lopend")


@register.filter
def euro(value) -> str:
    """€ 1.234,56 (Dutch notation); empty for None."""
    if value in (None, ""):
        return "—"
    amount = Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{abs(amount):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{'-' if amount < 0 else ''}€ {text}"


@register.inclusion_tag("subsidies/tags/placement_summary.html")
def placement_subsidies(placement):
    """Latest loonwaarde, next due date and the open applications, with a link to the
    placement's subsidy page. Two queries."""
    latest = placement.loonwaarde_assessments.order_by("-assessed_on", "-id").first()
    applications = list(
        placement.subsidy_applications.filter(status__in=OPEN_STATUSES).order_by("-period_start")[:5]
    )
    today = timezone.localdate()
    return {
        "placement": placement,
        "latest": latest,
        "overdue": bool(latest and latest.next_due_on and latest.next_due_on < today),
        "applications": applications,
    }
