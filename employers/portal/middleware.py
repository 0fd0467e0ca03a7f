"""Confine employer users to the portal.

An employer user reaches only the portal, logging in and out, and static files;
every other URL (the workspace, the admin, the API with a session) answers 404,
so the workspace does not even reveal that a page exists. This is defence in
depth on top of the per-view policy checks.

It also makes an employer user land on the portal after logging in, whatever
``next`` or ``LOGIN_REDIRECT_URL`` said, without touching the login view.

Place it directly after ``AuthenticationMiddleware`` in ``settings.MIDDLEWARE``.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse

PORTAL_PREFIX = "/portaal/"


def allowed_prefixes() -> tuple[str, ...]:
    extra = tuple(getattr(settings, "PORTAL_EXTRA_ALLOWED_PREFIXES", ()))
    return (PORTAL_PREFIX, reverse("login"), reverse("logout"), settings.STATIC_URL, *extra)


def is_employer_user(user) -> bool:
    return bool(user is not None and user.is_authenticated and getattr(user, "is_employer_user", False))


class EmployerPortalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if is_employer_user(user):
            path = request.path_info
            if path == "/":
                return HttpResponseRedirect(PORTAL_PREFIX)
            if not path.startswith(allowed_prefixes()):
                raise Http404("Pagina niet gevonden")
        response = self.get_response(request)
        # After a successful login, ``auth.login`` has replaced request.user.
        if (
            request.method == "POST"
            and request.path_info == reverse("login")
            and response.status_code in (301, 302, 303)
            and is_employer_user(getattr(request, "user", None))
            and not response.get("Location", "").startswith(PORTAL_PREFIX)
        ):
            response["Location"] = PORTAL_PREFIX
        return response


def login_redirect_url(user) -> str:
    """For a custom login view: where a user lands after logging in."""
    return PORTAL_PREFIX if is_employer_user(user) else reverse(settings.LOGIN_REDIRECT_URL)
