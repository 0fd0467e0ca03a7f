"""Logging and error reporting that never reveal a BSN."""

import logging
import re

from django.views.debug import SafeExceptionReporterFilter as DjangoSafeExceptionReporterFilter

from .requestcontext import get_request_id

# Nine digits standing alone look like a BSN: never let one reach a log line.
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
# Also with the usual separators: 1234.56.789 / 123 456 789 / 123-456-789.
_NINE_DIGITS_SEPARATED = re.compile(r"(?<![\d.\- ])\d{3,4}[.\- ]\d{2,3}[.\- ]\d{3}(?![\d.\-])")
MASK = "*********"


def mask_bsn_like(text: str) -> str:
    """Replace anything that looks like a BSN by asterisks."""
    if not text or type(text) is not str:  # lazy objects and str subclasses: leave alone
        return text
    text = _NINE_DIGITS.sub(MASK, text)
    return _NINE_DIGITS_SEPARATED.sub(
        lambda m: MASK if len(re.sub(r"\D", "", m.group(0))) == 9 else m.group(0), text
    )


class RequestIdFilter(logging.Filter):
    """Adds the request id to each record and masks anything that looks like a BSN
    (in the message and in a traceback attached to the record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = get_request_id() or "-"
        try:
            message = record.getMessage()
        except Exception:  # a broken %-format: leave it to the handler
            return True
        masked = mask_bsn_like(message)
        if masked != message:
            record.msg = masked
            record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_bsn_like(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask_bsn_like(record.exc_text)
        return True


class SafeExceptionReporterFilter(DjangoSafeExceptionReporterFilter):
    """Django's error reports (the debug page, 500 e-mails to ADMINS) with the BSN
    hidden: the ``bsn`` POST field and every value that looks like a BSN in POST
    data, settings and the local variables of each frame are masked.

    Configured through ``DEFAULT_EXCEPTION_REPORTER_FILTER`` in settings.
    """

    # Setting names (and dict keys inside settings) matching this are hidden too.
    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|BSN", flags=re.I
    )
    sensitive_post_fields = ("bsn", "password", "password1", "password2", "otp_token", "token")

    def get_post_parameters(self, request):
        params = super().get_post_parameters(request)
        if request is None or not params:
            return params
        params = params.copy()
        for key in list(params.keys()):
            if key.lower() in self.sensitive_post_fields or "bsn" in key.lower():
                params[key] = self.cleansed_substitute
            else:
                values = params.getlist(key) if hasattr(params, "getlist") else [params[key]]
                cleaned = [mask_bsn_like(v) if isinstance(v, str) else v for v in values]
                if hasattr(params, "setlist"):
                    params.setlist(key, cleaned)
                else:
                    params[key] = cleaned[0] if cleaned else ""
        return params

    def cleanse_setting(self, key, value):
        value = super().cleanse_setting(key, value)
        if type(value) is str:
            return mask_bsn_like(value)
        return value

    def get_traceback_frame_variables(self, request, tb_frame):
        cleansed = []
        for name, value in super().get_traceback_frame_variables(request, tb_frame):
            if "bsn" in str(name).lower() and value != self.cleansed_substitute:
                value = self.cleansed_substitute
            elif type(value) is str:
                value = mask_bsn_like(value)
            else:
                try:
                    text = repr(value)
                except Exception:
                    text = ""
                if text and mask_bsn_like(text) != text:
                    value = mask_bsn_like(text)
            cleansed.append((name, value))
        return cleansed
