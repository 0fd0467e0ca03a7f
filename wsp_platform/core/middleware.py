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
