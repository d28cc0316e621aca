"""Audit entries for creating, changing and deleting domain records: a domain app calls `track(Model)` once.

    # fund/apps.py
    def ready(self) -> None:
        track(Application, exclude=("updated_at",))

Each save writes "<app>.<model>.created" or ".changed" with the names of the fields that changed and, for
fields that are neither encrypted nor listed in `redact`, their old and new values; each delete writes
".deleted". Values of encrypted fields never reach the log, and neither do their blind indexes. The entry is
written in the saving transaction (see `audit.record`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_init, post_save

from hramada.core.fields import BlindIndexField, EncryptedFieldMixin

__all__ = ["track", "untrack"]

SNAPSHOT_ATTRIBUTE = "_hramada_audit_snapshot"
MAX_VALUE_CHARS = 200
_MISSING = object()


@dataclass(frozen=True)
class TrackedFields:
    fields: tuple[models.Field[Any, Any], ...]
    redacted: frozenset[str]  # names logged without values


_tracked: dict[type[models.Model], TrackedFields] = {}


def track(model: type[models.Model], *, exclude: Iterable[str] = (), redact: Iterable[str] = ()) -> None:
    """Write an audit entry whenever an instance of `model` is created, changed or deleted.

    `exclude` names fields left out entirely (timestamps that change on every save); `redact` names fields
    whose change is logged without values (password hashes). Encrypted fields are always redacted.
    """
    excluded = set(exclude)
    fields = tuple(
        f
        for f in model._meta.concrete_fields
        if f.name not in excluded and not isinstance(f, BlindIndexField) and not f.primary_key
    )
    unknown = (excluded | set(redact)) - {f.name for f in model._meta.concrete_fields}
    if unknown:
        raise ValueError(f"{model._meta.label} has no fields named {sorted(unknown)}")
    redacted = frozenset(redact) | {f.name for f in fields if isinstance(f, EncryptedFieldMixin)}
    _tracked[model] = TrackedFields(fields=fields, redacted=frozenset(redacted))
    uid = f"hramada.audit.track.{model._meta.label}"
    post_init.connect(_remember, sender=model, weak=False, dispatch_uid=uid)
    post_save.connect(_saved, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, weak=False, dispatch_uid=uid)


def _snapshot(instance: models.Model, tracked: TrackedFields) -> dict[str, Any]:
    # Read __dict__ rather than getattr: a deferred field must not cost a query per loaded row.
    values = {}
    for f in tracked.fields:
        value = instance.__dict__.get(f.attname, _MISSING)
        if value is not _MISSING:
            values[f.attname] = copy.deepcopy(value) if isinstance(value, dict | list) else value
    return values


def _remember(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    tracked = _tracked.get(sender)
    if tracked is not None:
        instance.__dict__[SNAPSHOT_ATTRIBUTE] = _snapshot(instance, tracked)


def _loggable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"


def _saved(
    sender: type[models.Model],
    instance: models.Model,
    created: bool,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: Any,
) -> None:
    from hramada.core.audit import record

    tracked = _tracked[sender]
    before = instance.__dict__.get(SNAPSHOT_ATTRIBUTE, {})
    after = _snapshot(instance, tracked)
    names = None if update_fields is None else set(update_fields)
    changed: list[str] = []
    values: dict[str, Any] = {}
    for f in tracked.fields:
        if f.attname not in after or (names is not None and not {f.name, f.attname} & names):
            continue
        new = after[f.attname]
        old = None if created else before.get(f.attname, _MISSING)
        if created and new in (None, ""):
            continue
        if not created and old is not _MISSING and old == new:
            continue
        changed.append(f.name)
        if f.name not in tracked.redacted:
            values[f.name] = (
                _loggable(new) if created else [_loggable(None if old is _MISSING else old), _loggable(new)]
            )
    instance.__dict__[SNAPSHOT_ATTRIBUTE] = after
    if not changed and not created:
        return
    action = f"{sender._meta.label_lower}.{'created' if created else 'changed'}"
    detail: dict[str, Any] = {"fields": changed, "values": values}
    if raw:
        detail["raw"] = True  # loaddata
    record(action=action, target=instance, detail=detail)


def _deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    from hramada.core.audit import record

    record(action=f"{sender._meta.label_lower}.deleted", target=instance, detail={})


def _track_core_models() -> None:
    """Role grants decide who may see personal data, so their changes are audited from the start."""
    from hramada.core.models import RoleGrant, User

    track(RoleGrant, exclude=("granted_at",))
    track(User, exclude=("last_login", "session_generation"), redact=("password",))


def untrack(model: type[models.Model]) -> None:
    """Stop auditing `model` (for tests of `track` itself)."""
    uid = f"hramada.audit.track.{model._meta.label}"
    post_init.disconnect(sender=model, dispatch_uid=uid)
    post_save.disconnect(sender=model, dispatch_uid=uid)
    post_delete.disconnect(sender=model, dispatch_uid=uid)
    _tracked.pop(model, None)


_track_core_models()
