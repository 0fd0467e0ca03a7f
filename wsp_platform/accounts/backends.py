"""Authentication backends."""

from axes.backends import AxesStandaloneBackend


class AxesLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in ``AUTHENTICATION_BACKENDS``.

    Every login over HTTP (the login form, the admin) passes the request, so axes
    counts failures and refuses a locked-out user. A call without a request is not
    a remote attempt (Django's test client ``login()``, a management command), so it
    is not counted here and the next backend checks the password as usual instead of
    axes raising ``AxesBackendRequestParameterRequired``.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
