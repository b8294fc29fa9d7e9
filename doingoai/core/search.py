"""Diacritic-insensitive search: over one model's normalised `search_text` column, and across every
registered model for the search box in the header and `/api/search/`.

Each app registers its searchable models in its AppConfig.ready() with `register(...)`. Every model
keeps its `search_text` up to date on save (core.models.SearchableMixin); `python -m doingoai
reindex` rebuilds it after bulk changes. On PostgreSQL the column carries a trigram index
(`trigram_index_operation` in the apps' migrations) so that `LIKE '%word%'` does not scan the table;
the column is already free of accents, so no unaccent() is needed at query time.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import migrations
from django.db.models import Q, QuerySet
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doingoai.core import permissions
from doingoai.core.permissions import Action
from doingoai.core.text import fold_char, search_tokens

MAX_QUERY = 200


def search(queryset: QuerySet, query: str, column: str = "search_text") -> QuerySet:
    """Rows whose search text holds every word of `query`, accents and case ignored.

    "so cong thuong" and "Sở Công Thương" find the same rows; so does "cong thuong so".
    """
    condition = Q()
    for token in search_tokens(query):
        condition &= Q(**{f"{column}__contains": token})
    return queryset.filter(condition)


# ---------------------------------------------------------------- highlighting


def highlight(text: str, query: str, width: int | None = None) -> str:
    """`text` as HTML with every word of the query marked (<mark>), matched without accents.

    With `width`, only an excerpt of about that many characters around the first match is kept.
    """
    text = text or ""
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            folded.append(piece)
            origin.append(index)
    folded_text = "".join(folded)
    marked = [False] * len(text)
    for token in search_tokens(query):
        start = folded_text.find(token)
        while start != -1:
            for position in range(start, start + len(token)):
                marked[origin[position]] = True
            start = folded_text.find(token, start + len(token))
    begin, end = 0, len(text)
    if width and len(text) > width:
        first = marked.index(True) if True in marked else 0
        begin = max(0, first - width // 3)
        end = min(len(text), begin + width)
    parts, inside = [], False
    for index in range(begin, end):
        if marked[index] and not inside:
            parts.append("<mark>")
        elif not marked[index] and inside:
            parts.append("</mark>")
        inside = marked[index]
        parts.append(escape(text[index]))
    if inside:
        parts.append("</mark>")
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


# ---------------------------------------------------------------- the registry


@dataclass(frozen=True)
class SearchKind:
    """A searchable model: how a hit is titled and which text is shown under it."""

    model: type
    title: object = str  # obj -> str
    snippet: object = None  # obj -> str, or None
    list_url: str = ""  # URL name of the list page that takes ?q=
    select_related: tuple[str, ...] = ()


_KINDS: list[SearchKind] = []


def register(model, *, title=str, snippet=None, list_url: str = "", select_related: tuple[str, ...] = ()) -> None:
    if any(kind.model is model for kind in _KINDS):
        return
    _KINDS.append(SearchKind(model, title, snippet, list_url, select_related))


@dataclass
class Hit:
    obj: object
    url: str
    title: str
    snippet: str


@dataclass
class Group:
    kind: str
    label: str
    count: int
    more_url: str
    hits: list[Hit] = field(default_factory=list)


def search_all(user, query: str, per_kind: int = 10) -> list[Group]:
    """The rows of every registered model this user may see that match `query`, grouped by kind."""
    query = (query or "")[:MAX_QUERY]
    if not search_tokens(query):
        return []
    groups = []
    for kind in _KINDS:
        if not permissions.can(user, Action.VIEW, kind.model):
            continue
        rows = search(kind.model.objects.for_user(user, Action.VIEW), query)
        count = rows.count()
        if not count:
            continue
        hits = []
        for obj in rows.select_related(*kind.select_related)[:per_kind]:
            snippet = kind.snippet(obj) if kind.snippet else ""
            hits.append(
                Hit(obj, obj.get_absolute_url(), highlight(kind.title(obj), query), highlight(snippet, query, 240))
            )
        more_url = f"{reverse(kind.list_url)}?{urlencode({'q': query})}" if kind.list_url else ""
        meta = kind.model._meta
        groups.append(Group(meta.label_lower, capfirst(str(meta.verbose_name_plural)), count, more_url, hits))
    return groups


class SearchView(View):
    """The results page of the header's search box."""

    def get(self, request):
        query = request.GET.get("q", "")[:MAX_QUERY]
        groups = search_all(request.user, query)
        context = {
            "title": _("Tìm kiếm"),
            "query": query,
            "search_query": query,
            "groups": groups,
            "total": sum(g.count for g in groups),
        }
        return render(request, "core/search.html", context)


class HitSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    snippet = serializers.CharField()


class GroupSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    hits = HitSerializer(many=True)


class SearchAPIView(APIView):
    """`GET /api/search/?q=…`: matches of every searchable kind the user may see, grouped by kind
    (at most 10 each; `count` is the full number). Titles and snippets mark matches with <mark>."""

    permission_classes = [IsAuthenticated]
    serializer_class = GroupSerializer

    def get(self, request):
        query = request.query_params.get("q", "")
        if not search_tokens(query):
            raise serializers.ValidationError({"q": [_("Hãy nhập từ cần tìm.")]})
        groups = search_all(request.user, query)
        return Response({"query": query[:MAX_QUERY], "results": GroupSerializer(groups, many=True).data})


# ---------------------------------------------------------------- the PostgreSQL index


def trigram_index_operation(*labels: str):
    """A migration operation giving each model's `search_text` a trigram (pg_trgm) GIN index on
    PostgreSQL; on SQLite it does nothing (the search there scans the normalised column)."""

    def names(apps, label):
        table = apps.get_model(label)._meta.db_table
        return table, f"{table[:40]}_search_trgm"

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for label in labels:
            table, index = names(apps, label)
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index}" ON "{table}" USING gin ("search_text" gin_trgm_ops)'
            )

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for label in labels:
            _table, index = names(apps, label)
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index}"')

    return migrations.RunPython(forward, backward)
