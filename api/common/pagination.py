"""ZGW pagination: `?page=N`, a body of count/next/previous/results."""
from rest_framework.pagination import PageNumberPagination


class ZGWPagination(PageNumberPagination):
    page_size = 100
