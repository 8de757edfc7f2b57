from rest_framework.pagination import LimitOffsetPagination


class ApiPagination(LimitOffsetPagination):
    """`limit` and `offset`; a limit above the maximum is cut to it rather than refused, so a
    client asking for "everything" still gets a page and a `next` link to follow."""

    default_limit = 20
    max_limit = 100
