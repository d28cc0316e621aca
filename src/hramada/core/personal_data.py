"""Reading personal data in clear, and re-encrypting it after a key rotation: the two places plaintext leaves an
encrypted field, each written to the audit log.

`reveal(instance, "field", by=user, purpose="...")` writes a ``personal_data.read`` entry; `reencrypt` one
``crypto.reencrypted`` entry per batch. Kept apart from :mod:`hramada.core.fields` so that the model fields and the
audit log do not import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models.functions import Cast
from django.views.decorators.debug import sensitive_variables

from hramada.core import crypto
from hramada.core import fields as field_types
from hramada.core.fields import (
    _encrypted_field,
    _stale_or_present,
    encrypted_fields,
)
from hramada.core.sealed import Sealed

__all__ = ["ReencryptionProgress", "RevealMixin", "reencrypt", "reveal"]


@sensitive_variables("plaintext")
def reveal(instance: models.Model, field_name: str, *, by: Any, purpose: str) -> Any:
    """The plaintext of one encrypted field, after writing a ``personal_data.read`` audit entry.

    `by` is the user reading (None: the user of the current request, see `audit_context`); `purpose` says why,
    in words an auditor can judge ("checking bank details before tranche 2"). Raises `crypto.DecryptionError`
    naming the key id if the value does not authenticate; nothing is returned or audited then.
    """
    from hramada.core.audit import record

    if not purpose or not purpose.strip():
        raise ValueError("reveal() needs a purpose: the audit log says why personal data was read")
    f = _encrypted_field(type(instance), field_name)
    plaintext = f.open(getattr(instance, f.attname))
    record(
        action="personal_data.read",
        target=instance,
        detail={"field": field_name, "purpose": purpose.strip()[:500]},
        by=by,
    )
    return plaintext


class RevealMixin:
    """Gives a model ``instance.reveal("field", by=..., purpose=...)``; put it before ``models.Model``."""

    def reveal(self, field_name: str, *, by: Any, purpose: str) -> Any:
        if not isinstance(self, models.Model):
            raise TypeError("RevealMixin belongs on a model")
        return reveal(self, field_name, by=by, purpose=purpose)


@dataclass
class ReencryptionProgress:
    model: str
    done: int = 0
    total: int = 0
    batches: int = 0
    errors: list[str] = field(default_factory=list)


@sensitive_variables("plaintext")
def reencrypt(
    *,
    models_to_scan: Sequence[type[models.Model]] | None = None,
    batch_size: int = 500,
    progress: Callable[[ReencryptionProgress], None] | None = None,
) -> list[ReencryptionProgress]:
    """Re-encrypt every stored value that is not under the current key, in batches of one transaction each.

    Safe to interrupt and run again: rows already under the current key are not selected. The plaintext never
    leaves this function; the blind indexes stay as they are (the index key does not rotate with data keys).
    """
    from hramada.core.audit import record

    ring = crypto.load_keyring()
    current_prefix = f"{crypto.FORMAT_VERSION}.{ring.current}."
    results = []
    for model in models_to_scan if models_to_scan is not None else field_types.models_with_encrypted_fields():
        fields = encrypted_fields(model)
        stale = models.Q()
        annotations = {}
        for f in fields:
            alias = f"_raw_{f.attname}"
            annotations[alias] = Cast(f.attname, output_field=models.TextField())
            stale |= _stale_or_present(f, alias, current_prefix)
        base = model._base_manager.alias(**annotations).filter(stale).order_by("pk")
        report = ReencryptionProgress(model=model._meta.label, total=base.count())
        last_pk: Any = None
        while True:
            with transaction.atomic():
                batch_query = base if last_pk is None else base.filter(pk__gt=last_pk)
                rows = list(batch_query.select_for_update()[:batch_size])
                if not rows:
                    break
                changed_fields: set[str] = set()
                for row in rows:
                    for f in fields:
                        value = getattr(row, f.attname)
                        if isinstance(value, Sealed) and not value.ciphertext.startswith(current_prefix):
                            try:
                                plaintext = crypto.decrypt(value.ciphertext, label=f.label, ring=ring)
                            except crypto.CryptoError as exc:
                                raise crypto.CryptoError(
                                    f"{model._meta.label} #{row.pk}, field {f.name}: {exc}"
                                ) from exc
                            fresh = crypto.encrypt(plaintext, label=f.label, ring=ring)
                            setattr(row, f.attname, Sealed(fresh, f.label))
                            changed_fields.add(f.attname)
                if changed_fields:
                    model._base_manager.bulk_update(rows, sorted(changed_fields))
                record(
                    action="crypto.reencrypted",
                    detail={"model": model._meta.label, "rows": len(rows), "key": ring.current},
                )
                last_pk = rows[-1].pk
            report.done += len(rows)
            report.batches += 1
            if progress is not None:
                progress(report)
        results.append(report)
    return results
