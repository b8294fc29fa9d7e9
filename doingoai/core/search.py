"""Diacritic-insensitive search over a model's normalised `search_text` column."""

from django.db.models import Q, QuerySet

from doingoai.core.text import search_tokens


def search(queryset: QuerySet, query: str, column: str = "search_text") -> QuerySet:
    """Rows whose search text holds every word of `query`, accents and case ignored.

    "so cong thuong" and "Sở Công Thương" find the same rows; so does "cong thuong so".
    """
    condition = Q()
    for token in search_tokens(query):
        condition &= Q(**{f"{column}__contains": token})
    return queryset.filter(condition)
