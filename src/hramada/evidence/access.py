"""Who may see which record, on top of roles: deny by default.

A documenter sees an incident, observation or evidence item when they are a member of its owning group, it is
shared with them by name, or it is shared with a partner organisation they belong to. Auditors see every record
(read-only). A source's identity is narrower: only its recorder and those the record is shared with.
Views ask these functions and answer 404 for anything else, so an id reveals nothing.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models import Q

from hramada.core.roles import Role
from hramada.evidence.models import Restricted, Source

R = TypeVar("R", bound=Restricted)


def _is_auditor(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(Role.AUDITOR)


def _is_documenter(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(Role.DOCUMENTER)


def visibility(user: Any, prefix: str = "") -> Q:
    """The condition that selects records `user` may see (prefix: a relation path such as "item__")."""
    if _is_auditor(user):
        return Q()
    if not _is_documenter(user):
        return Q(pk__in=[])
    return (
        Q(**{f"{prefix}owner_group__members": user})
        | Q(**{f"{prefix}shared_with_people": user})
        | Q(**{f"{prefix}shared_with_partners__members": user})
    )


def visible(model: type[R], user: Any) -> models.QuerySet[R]:
    """Every record of `model` that `user` may see, without duplicates from the joins."""
    matching = model._default_manager.filter(visibility(user)).values("pk")
    return model._default_manager.filter(pk__in=matching)


def can_see(record: Restricted, user: Any) -> bool:
    return visible(type(record), user).filter(pk=record.pk).exists()


def can_change(record: Restricted, user: Any) -> bool:
    """Auditors read only; documenters change what they may see."""
    return _is_documenter(user) and visible(type(record), user).filter(pk=record.pk).exists()


def is_shared_with(record: Restricted, user: Any) -> bool:
    return (
        record.shared_with_people.filter(pk=user.pk).exists()
        or record.shared_with_partners.filter(members=user).exists()
    )


def can_see_source_identity(source: Source, user: Any) -> bool:
    if not _is_documenter(user):
        return False
    if source.recorded_by_id == user.pk:
        return True
    return is_shared_with(source.record, user)
