"""`{% load hramada_access %}` … `{% if request|may_open:url %}`: show a link only to those the access policy lets in,
so no page offers a link that answers "not authorised"."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import Resolver404, resolve

from hramada.core.access import Decision, check_access, rule_of

register = template.Library()


@register.filter(name="may_open")
def may_open(request: Any, url: str) -> bool:
    try:
        match = resolve(str(url).split("?", 1)[0])
    except Resolver404:
        return False
    return check_access(getattr(request, "user", None), rule_of(match.func)) is Decision.ALLOW
