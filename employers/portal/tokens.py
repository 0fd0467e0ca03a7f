"""One-time invitation links for employer users.

The token is Django's password-reset token (an HMAC over the user's id, password
hash, last login, e-mail and a timestamp), with its own salt and its own expiry.
Setting the password changes the hash, so a link works exactly once. Being
activated also invalidates it, so a link cannot be replayed against an account
that was accepted another way.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

DEFAULT_INVITATION_TIMEOUT = 7 * 24 * 3600  # seconds; override with settings.PORTAL_INVITATION_TIMEOUT


def invitation_timeout() -> int:
    return int(getattr(settings, "PORTAL_INVITATION_TIMEOUT", DEFAULT_INVITATION_TIMEOUT))


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "employers.portal.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{int(user.is_active)}{user.employer_id}"

    def check_token(self, user, token) -> bool:
        """Like the parent, but with the invitation's own expiry instead of PASSWORD_RESET_TIMEOUT."""
        if not (user and token):
            return False
        try:
            ts_b36, _ = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                break
        else:
            return False
        return (self._num_seconds(self._now()) - ts) <= invitation_timeout()


invitation_token = InvitationTokenGenerator()
