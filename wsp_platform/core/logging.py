import logging
import re

from .requestcontext import get_request_id

# Nine digits standing alone look like a BSN: never let one reach a log line.
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


class RequestIdFilter(logging.Filter):
    """Adds the request id to each record and masks anything that looks like a BSN."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = get_request_id() or "-"
        message = record.getMessage()
        if _NINE_DIGITS.search(message):
            record.msg = _NINE_DIGITS.sub("*********", message)
            record.args = ()
        return True
