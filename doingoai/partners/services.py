"""What the partner page gathers: every record linked to a partner, contributed by the apps that hold them.

Partners know nothing of mechanisms, agreements or delegations; each of those apps registers a
`Section` function here in its `ready()`, so the partner page lists them all without an import cycle.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Partner


@dataclass
class RelatedItem:
    title: str
    url: str
    detail: str = ""
    badge: str = ""
    colour: str = "secondary"


@dataclass
class RelatedSection:
    key: str
    title: str
    items: list[RelatedItem] = field(default_factory=list)
    add_url: str = ""
    order: int = 100


SectionFunction = Callable[[Partner, object], RelatedSection | None]
_SECTIONS: list[SectionFunction] = []


def register(function: SectionFunction) -> SectionFunction:
    if function not in _SECTIONS:
        _SECTIONS.append(function)
    return function


def family(partner: Partner) -> list[int]:
    """The partner and every partner under it (a province's prefectures and cities): a meeting with
    Văn Sơn is also part of the province's relations with Yunnan, seen from Yunnan's page.

    Kept on the instance, because every section of the partner page asks for it."""
    if getattr(partner, "_family_ids", None) is None:
        partner._family_ids = _descendants(partner)
    return partner._family_ids


def _descendants(partner: Partner) -> list[int]:
    ids, frontier = {partner.pk}, [partner.pk]
    while frontier:
        children = list(Partner.objects.filter(parent_id__in=frontier).exclude(pk__in=ids).values_list("pk", flat=True))
        ids.update(children)
        frontier = children
    return sorted(ids)


def related(partner: Partner, user) -> list[RelatedSection]:
    """Every section the registered apps give for this partner, as `user` may see them."""
    sections = [section for section in (function(partner, user) for function in _SECTIONS) if section is not None]
    return sorted(sections, key=lambda section: section.order)
