"""Template tags of the monitoring pages: status badges and target wording."""

from django import template

from ..choices import STATUS_COLOURS, TRAJECTORY_COLOURS
from ..tables import badge
from ..tables import target_wording as wording

register = template.Library()


@register.simple_tag
def status_badge(status) -> str:
    return badge(status, STATUS_COLOURS)


@register.simple_tag
def trajectory_badge(status) -> str:
    return badge(status, TRAJECTORY_COLOURS)


@register.simple_tag
def target_wording(target) -> str:
    return wording(target)
