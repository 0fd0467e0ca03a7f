"""Shared machinery for the workspace list pages.

One list page = a policy queryset (what this user may see) + the app's FilterSet
(the same one the API uses) + sortable columns + pagination + export of the
current filtered list as CSV or XLSX. The export uses the very same queryset as
the page, so it can never hold more than the user may see; columns decide what
is exported, and no column ever exports a BSN.
"""

import csv
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import wraps

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wsp_platform.accounts.policy import is_staff_user
from wsp_platform.audit.services import Actor, AuditAction, record

EXPORT_FORMATS = ("csv", "xlsx")
DEFAULT_PAGE_SIZE = 25


def staff_required(view):
    """Workspace views: anonymous users go to the login page; anyone who is not WSP
    staff (employer users, functional admins) gets a 404, so the workspace does not
    even reveal that a page exists."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_staff_user(request.user):
            raise Http404("Pagina niet gevonden")
        return view(request, *args, **kwargs)

    return wrapper


def actor_for(request) -> Actor:
    return Actor(user=request.user)


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


@dataclass
class Column:
    """One column of a list: header, how to read the value, optional sort key
    (the FilterSet's ``ordering`` name) and whether the cell links to the record."""

    header: str
    value: Callable[[object], object]
    sort: str | None = None
    link: bool = False
    export: bool = True
    numeric: bool = False


def attr(path: str) -> Callable[[object], object]:
    """``attr("employer.name")``: follow dotted attributes; calls ``get_x_display`` style callables."""

    def read(obj):
        for part in path.split("."):
            if obj is None:
                return None
            obj = getattr(obj, part)
            if callable(obj):
                obj = obj()
        return obj

    return read


def plain(value) -> str:
    """A cell value as text for screen and CSV (dates in Dutch notation)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "d-m-Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "d-m-Y")
    return str(value)


def xlsx_value(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float, Decimal, datetime.date)):
        return value
    return str(value)


class _Echo:
    def write(self, value):
        return value


def export_response(queryset, columns: list[Column], basename: str, fmt: str):
    columns = [c for c in columns if c.export]
    stamp = timezone.localdate().isoformat()
    filename = f"{basename}-{stamp}.{fmt}"
    if fmt == "csv":
        writer = csv.writer(_Echo(), delimiter=";")

        def rows():
            # A BOM so Excel opens the UTF-8 file with the right characters.
            yield "\ufeff" + writer.writerow([c.header for c in columns])
            for obj in queryset.iterator(chunk_size=2000):
                yield writer.writerow([plain(c.value(obj)) for c in columns])

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            _xlsx_bytes(queryset, columns),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_bytes(queryset, columns: list[Column]) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Export")
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for obj in queryset.iterator(chunk_size=2000):
        sheet.append([xlsx_value(c.value(obj)) for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _checkboxes_for_multiple_choices(form) -> None:
    """Filter widgets that read well: checkboxes for multiple choices, an explicit
    "Alle" first option on single choices (so no filter is applied by accident)."""
    for field in form.fields.values():
        if isinstance(field, forms.MultipleChoiceField):
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        elif hasattr(field, "empty_label") and not isinstance(field, forms.ModelChoiceField):
            field.empty_label = "Alle"
            # Re-bind the widget to this field (and its label), without an empty choice of its own.
            field.choices = [c for c in field._choices if c[0] not in ("", None)]
        elif isinstance(field, forms.ChoiceField):
            choices = [c for c in field.choices if c[0] not in ("", None)]
            field.choices = [("", "Alle")] + choices
        elif isinstance(field, forms.CharField) and field.label == "Zoeken":
            field.widget = forms.TextInput(attrs={"type": "search", "placeholder": "Naam, plaats, ..."})


def list_page(
    request,
    *,
    queryset,
    filterset_class,
    columns: list[Column],
    title: str,
    export_basename: str,
    detail_url: Callable[[object], str] | None = None,
    template: str = "partials/list_page.html",
    results_template: str = "partials/list_results.html",
    page_size: int = DEFAULT_PAGE_SIZE,
    default_ordering: str | None = None,
    extra_context: dict | None = None,
):
    """Render a filtered, sorted, paginated list; ``?export=csv|xlsx`` exports the same
    filtered list. htmx requests get only the results fragment."""
    data = request.GET.copy()
    data.pop("page", None)
    fmt = data.pop("export", [None])[0]
    if default_ordering and not data.get("ordering"):
        data["ordering"] = default_ordering
    filterset = filterset_class(data, queryset=queryset, request=request)
    _checkboxes_for_multiple_choices(filterset.form)
    results = filterset.qs if filterset.is_valid() else queryset.none()

    if fmt in EXPORT_FORMATS:
        record(
            actor_for(request),
            AuditAction.EXPORT,
            request.user,
            changes={"export": (None, f"{export_basename}.{fmt}")},
            purpose=request.GET.urlencode()[:300],
        )
        return export_response(results, columns, export_basename, fmt)

    paginator = Paginator(results, page_size)
    page = paginator.get_page(request.GET.get("page"))
    ordering = data.get("ordering", "")
    rows = []
    for obj in page.object_list:
        url = detail_url(obj) if detail_url else None
        rows.append({"obj": obj, "url": url, "cells": [(c, plain(c.value(obj))) for c in columns]})
    headers = []
    for column in columns:
        sort_state = None
        next_sort = None
        if column.sort:
            if ordering == column.sort:
                sort_state, next_sort = "ascending", f"-{column.sort}"
            elif ordering == f"-{column.sort}":
                sort_state, next_sort = "descending", column.sort
            else:
                next_sort = column.sort
        headers.append({"column": column, "sort_state": sort_state, "next_sort": next_sort})
    context = {
        "title": title,
        "filter": filterset,
        "page_obj": page,
        "paginator": paginator,
        "rows": rows,
        "headers": headers,
        "ordering": ordering,
        "list_url": request.path,
        "results_template": results_template,
        **(extra_context or {}),
    }
    if is_htmx(request) and request.headers.get("HX-Target") == "results":
        return render(request, results_template, context)
    return render(request, template, context)


def url_for(name: str) -> Callable[[object], str]:
    return lambda obj: reverse(name, args=[obj.uuid])
