"""Top navigation: domain apps register links with the roles that may follow them; users see only theirs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from hramada.core.roles import Role


@dataclass(frozen=True)
class NavLink:
    url_name: str
    label: Any  # a lazy translation
    roles: frozenset[Role]
    order: int = 100


_links: dict[str, NavLink] = {}


def register_link(link: NavLink) -> None:
    _links[link.url_name] = link


def links_for(user: Any) -> list[dict[str, str]]:
    if user is None or not user.is_authenticated or not user.is_staff_member:
        return []
    # An API key's owner is set on the request without the OTP wrapper (no is_verified): no navigation for it, and
    # an error page rendered for an API call must not fail on that.
    is_verified = getattr(user, "is_verified", None)
    if not callable(is_verified) or not is_verified():
        return []
    roles = user.roles
    result = []
    for link in sorted(_links.values(), key=lambda item: (item.order, item.url_name)):
        if link.roles & roles:
            try:
                result.append({"url": reverse(link.url_name), "label": str(link.label)})
            except NoReverseMatch:
                continue
    return result
