"""Template helpers of the fund: the demo banner, time left on a decision clock."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils.translation import gettext as _

from hramada.fund.models import Programme

register = template.Library()


@register.inclusion_tag("fund/_demo_banner.html")
def demo_banner() -> dict[str, bool]:
    return {"demo": Programme.objects.filter(is_demo=True).exists()}


@register.filter
def time_left(value: timedelta | None) -> str:
    """ "2 d 5 h left" or "overdue by 3 h"."""
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    overdue = seconds < 0
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    text = f"{days} d {hours} h" if days else f"{hours} h {minutes} min"
    return _("overdue by %(t)s") % {"t": text} if overdue else _("%(t)s left") % {"t": text}
