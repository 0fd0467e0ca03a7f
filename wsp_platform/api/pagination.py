from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``page`` and ``pageSize`` (max 100); answers ``count``, ``next``, ``previous``, ``results``."""

    page_query_param = "page"
    page_size_query_param = "pageSize"
    page_size = 20
    max_page_size = 100
    invalid_page_message = "Deze pagina bestaat niet."
