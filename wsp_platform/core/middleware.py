import uuid

from .requestcontext import set_request_id


class RequestIdMiddleware:
    """Give every request an id (or take ``X-Request-ID``) for logs and the audit trail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        request.request_id = request_id[:64]
        token = set_request_id(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            set_request_id(None, token)
        response["X-Request-ID"] = request.request_id
        return response


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (browser features the platform never needs are off)
    and ``Cross-Origin-Resource-Policy``; Django's SecurityMiddleware sets the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.setdefault("Permissions-Policy", policy)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def _csp_middleware_base():
    from csp.middleware import CSPMiddleware

    return CSPMiddleware


class ContentSecurityPolicyMiddleware(_csp_middleware_base()):
    """django-csp's middleware with one exception: the API documentation pages
    (Swagger UI / Redoc from drf-spectacular) bootstrap with an inline script and
    style, so only those paths get 'unsafe-inline'. Every page of the application
    itself is served with script-src 'self' and no inline code."""

    def get_policy_parts(self, request, response, report_only=False):
        from django.conf import settings

        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefixes = tuple(getattr(settings, "CSP_RELAXED_PATH_PREFIXES", ()))
        if prefixes and request.path_info.startswith(prefixes) and not report_only:
            relaxed = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}
            parts.update = {**(parts.update or {}), **relaxed}
        return parts


TWO_FACTOR_EXEMPT_PREFIXES = ("/account/2fa/", "/static/", "/api/")


def requires_two_factor(user) -> bool:
    """WSP staff (bemiddelaar, teamleider, functioneel beheerder) and superusers must
    use TOTP; employer users are not forced (they see only their own portal)."""
    from wsp_platform.accounts.models import Role

    if not user.is_authenticated:
        return False
    return bool(
        user.is_superuser
        or user.is_staff
        or user.role in (Role.BEMIDDELAAR, Role.TEAMLEIDER, Role.FUNCTIONEEL_BEHEERDER)
    )


class TwoFactorRequiredMiddleware:
    """Sends a logged-in staff user whose session is not verified with an OTP device
    to /account/2fa/ (enrol when there is no device yet, otherwise enter a code).

    Switched by ``settings.WSP_REQUIRE_2FA`` (on in production, off in development
    and tests). Place after ``django_otp.middleware.OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.http import HttpResponseRedirect
        from django.urls import reverse
        from django.utils.http import urlencode

        if getattr(settings, "WSP_REQUIRE_2FA", False):
            user = getattr(request, "user", None)
            path = request.path_info
            exempt = path.startswith(TWO_FACTOR_EXEMPT_PREFIXES) or path in (reverse("login"), reverse("logout"))
            if (
                user is not None
                and not exempt
                and requires_two_factor(user)
                and not (hasattr(user, "is_verified") and user.is_verified())
            ):
                target = reverse("accounts:two_factor")
                return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
