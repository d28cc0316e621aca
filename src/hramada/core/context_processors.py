"""Template context shared by every page: the navigation a user may see and the languages on offer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hramada.core.navigation import links_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {"nav_links": links_for(user)}
