"""Model fields for personal data: encrypted at rest, masked when loaded, read through an audited `reveal`.

A loaded value is a `Sealed`: its `str()` and `repr()` are a mask, so a name or a testimony cannot slip into a
log line, an error report or a template by accident. Reading the plaintext means calling
``reveal(instance, "field", by=user, purpose="...")``, which writes a ``personal_data.read`` audit entry
first. Assigning a plain value encrypts it on save. Exact-match search goes through a keyed blind index kept
in a sibling column (``EncryptedTextField(blind_index=True)`` adds ``<name>_index``) and `blind_lookup`.

    class Applicant(RevealMixin, models.Model):
        name = EncryptedTextField()
        email = EncryptedTextField(blind_index=True, blank=True)
        bank_details = EncryptedJSONField(null=True, blank=True)

    Applicant.objects.filter(**blind_lookup(Applicant, "email", "Ala@Example.org"))
    applicant.reveal("name", by=request.user, purpose="contact about tranche 2")

Values are bound to their column: a model or field rename must pass ``crypto_label="<old app.model.field>"``
or existing values stop decrypting. ``QuerySet.update()`` with a plaintext encrypts it but cannot refresh the
blind index: change personal data through ``save()``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from django import forms
from django.core import checks, exceptions
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, models
from django.db.models.functions import Cast
from django.db.models.lookups import IsNull
from django.db.models.signals import pre_save

from hramada.core import crypto
from hramada.core.sealed import Sealed

# dumpdata writes ciphertexts with this prefix and loaddata recognises them, so fixtures never hold
# plaintext and a loaded ciphertext is not encrypted a second time. Forms refuse NUL characters, so no one
# can type the prefix.
SERIALISED_PREFIX = "\x00sealed:"


class _SealedTextarea(forms.Textarea):
    """Never puts a stored value into the page: an edit form starts empty ("leave empty to keep")."""

    def format_value(self, value: Any) -> str | None:
        return None if isinstance(value, Sealed) else super().format_value(value)


class _SealedTextInput(forms.TextInput):
    def format_value(self, value: Any) -> str | None:
        return None if isinstance(value, Sealed) else super().format_value(value)


class _SealedJSONFormField(forms.JSONField):
    def prepare_value(self, value: Any) -> Any:
        return "" if isinstance(value, Sealed) else super().prepare_value(value)


class EncryptedFieldMixin(models.Field):  # type: ignore[type-arg]
    """What the text and JSON kinds share: sealing on save, masking on load, and the blind index."""

    description = "Encrypted personal data"
    supports_blind_index: ClassVar[bool] = False

    def __init__(
        self,
        *args: Any,
        blind_index: bool = False,
        index_scope: str | None = None,
        crypto_label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if blind_index and not self.supports_blind_index:
            raise TypeError(f"{self.__class__.__name__} cannot have a blind index")
        self.blind_index = blind_index
        self.index_scope_override = index_scope
        self.crypto_label_override = crypto_label
        super().__init__(*args, **kwargs)

    # --- identity of the column -----------------------------------------------------------------------------

    @property
    def label(self) -> str:
        """What the ciphertext is bound to (associated data): "app_label.model.field"."""
        if self.crypto_label_override:
            return self.crypto_label_override
        meta = self.model._meta
        return f"{meta.app_label}.{meta.model_name}.{self.name}"

    @property
    def index_scope(self) -> str:
        return self.index_scope_override or self.label

    @property
    def index_field_name(self) -> str:
        return f"{self.name}_index"

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.blind_index:
            kwargs["blind_index"] = True
        if self.index_scope_override:
            kwargs["index_scope"] = self.index_scope_override
        if self.crypto_label_override:
            kwargs["crypto_label"] = self.crypto_label_override
        return name, path, args, kwargs

    def get_internal_type(self) -> str:
        return "TextField"

    def contribute_to_class(self, cls: type[models.Model], name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        # Migration state models ("__fake__") get the index column from the migration itself; abstract models
        # pass the field to their concrete children, which add it then.
        if self.blind_index and not cls._meta.abstract and cls.__module__ != "__fake__":
            existing = {f.name for f in cls._meta.local_fields}
            if self.index_field_name not in existing:
                cls.add_to_class(self.index_field_name, BlindIndexField(source=name))
            pre_save.connect(
                _refuse_partial_update_without_index,
                sender=cls,
                weak=False,
                dispatch_uid=f"hramada.fields.index.{cls._meta.label}",
            )

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        problems = super().check(**kwargs)
        if self.unique or getattr(self, "db_index", False):
            problems.append(
                checks.Error(
                    "An encrypted field cannot be unique or indexed: every ciphertext differs.",
                    hint="Use blind_index=True for exact-match lookups.",
                    obj=self,
                    id="hramada.E110",
                )
            )
        return problems

    # --- plaintext <-> text ---------------------------------------------------------------------------------

    def serialise(self, value: Any) -> str:
        raise NotImplementedError

    def deserialise(self, text: str) -> Any:
        raise NotImplementedError

    def is_empty(self, value: Any) -> bool:
        """Empty values are stored as they are (NULL or ''); they say only that nothing was given."""
        return value is None

    # --- writing --------------------------------------------------------------------------------------------

    def seal(self, value: Any) -> Any:
        """The value as it will be stored: None, '' or a `Sealed`. Never a plaintext."""
        if self.is_empty(value):
            return value
        if isinstance(value, Sealed):
            if value.label != self.label:
                raise ValueError(
                    f"A sealed value of {value.label} cannot be stored in {self.label}; reveal it and assign "
                    "the plaintext instead."
                )
            return value
        return Sealed(crypto.encrypt(self.serialise(value), label=self.label), self.label)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        sealed = self.seal(value)
        if self.blind_index:
            if self.is_empty(value) or value == "":
                setattr(model_instance, self.index_field_name, None)
            elif not isinstance(value, Sealed):
                index = crypto.blind_index(self.serialise(value), scope=self.index_scope)
                setattr(model_instance, self.index_field_name, index)
        # The instance holds the sealed value from now on, so nothing later prints the plaintext.
        setattr(model_instance, self.attname, sealed)
        return sealed

    def get_prep_value(self, value: Any) -> Any:
        sealed = self.seal(value)
        return sealed.ciphertext if isinstance(sealed, Sealed) else sealed

    # --- reading --------------------------------------------------------------------------------------------

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return Sealed(value, self.label)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(SERIALISED_PREFIX):
            return Sealed(value.removeprefix(SERIALISED_PREFIX), self.label)
        return value

    def value_to_string(self, obj: models.Model) -> str:
        value = self.value_from_object(obj)
        sealed = self.seal(value)
        if isinstance(sealed, Sealed):
            return SERIALISED_PREFIX + sealed.ciphertext
        return "" if sealed is None else str(sealed)

    def open(self, value: Any) -> Any:
        """The plaintext of a stored or assigned value. Call `reveal` instead: it writes the audit entry."""
        if isinstance(value, Sealed):
            return self.deserialise(crypto.decrypt(value.ciphertext, label=self.label))
        return value

    def get_lookup(self, lookup_name: str) -> Any:
        # Comparing ciphertexts finds nothing, silently: only "is it empty" makes sense on this column.
        if lookup_name == "isnull":
            return IsNull
        return None

    def get_transform(self, lookup_name: str) -> Any:
        return None

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        if value is not None and not isinstance(value, Sealed):
            size = len(self.serialise(value).encode("utf-8"))
            if size > crypto.MAX_PLAINTEXT_BYTES:
                raise exceptions.ValidationError(
                    "This value is too long to store (%(size)s bytes; at most %(limit)s).",
                    code="too_long",
                    params={"size": size, "limit": crypto.MAX_PLAINTEXT_BYTES},
                )

    def save_form_data(self, instance: models.Model, data: Any) -> None:
        # An edit form never shows the stored value, so an empty answer means "keep it", not "erase it".
        if data in (None, "") and isinstance(getattr(instance, self.attname), Sealed):
            return
        super().save_form_data(instance, data)


class EncryptedTextField(EncryptedFieldMixin):
    """Encrypted text: names, contacts, testimonies. ``max_length`` limits characters; bytes are capped at 1
    MiB."""

    supports_blind_index = True

    def serialise(self, value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self.label} holds text, not {type(value).__name__}")
        return value

    def deserialise(self, text: str) -> Any:
        return text

    def is_empty(self, value: Any) -> bool:
        return value is None or value == ""

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        if self.max_length and isinstance(value, str) and len(value) > self.max_length:
            raise exceptions.ValidationError(
                "Ensure this value has at most %(limit)d characters (it has %(count)d).",
                code="max_length",
                params={"limit": self.max_length, "count": len(value)},
            )

    def formfield(self, **kwargs: Any) -> Any:
        short = self.max_length is not None and self.max_length <= 300
        widget = _SealedTextInput if short else _SealedTextarea
        defaults: dict[str, Any] = {"widget": widget, "max_length": self.max_length}
        defaults.update(kwargs)
        return super().formfield(form_class=forms.CharField, **defaults)


class EncryptedJSONField(EncryptedFieldMixin):
    """Encrypted JSON (bank details and other structured personal data). None is SQL NULL."""

    def serialise(self, value: Any) -> str:
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, allow_nan=False)

    def deserialise(self, text: str) -> Any:
        return json.loads(text)

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(form_class=_SealedJSONFormField, **kwargs)


class BlindIndexField(models.CharField):  # type: ignore[type-arg]
    """Hex HMAC of the normalised plaintext of `source`, kept by the encrypted field; never edit it."""

    def __init__(self, *args: Any, source: str = "", **kwargs: Any) -> None:
        self.source = source
        kwargs.update(max_length=64, null=True, blank=True, editable=False, db_index=True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        for fixed in ("max_length", "null", "blank", "editable", "db_index"):
            kwargs.pop(fixed, None)
        kwargs["source"] = self.source
        return name, path, args, kwargs


def _refuse_partial_update_without_index(
    sender: type[models.Model],
    instance: models.Model,
    update_fields: Iterable[str] | None = None,
    **kwargs: Any,
) -> None:
    """`save(update_fields=["email"])` would leave the index of the old email behind: refuse it."""
    if update_fields is None:
        return
    names = set(update_fields)
    for f in encrypted_fields(sender):
        if f.blind_index and f.name in names and f.index_field_name not in names:
            raise ValueError(f"save(update_fields=...) with {f.name!r} must also name {f.index_field_name!r}")


def encrypted_fields(model: type[models.Model]) -> list[EncryptedFieldMixin]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)]


def _encrypted_field(model: type[models.Model], field_name: str) -> EncryptedFieldMixin:
    found = model._meta.get_field(field_name)
    if not isinstance(found, EncryptedFieldMixin):
        raise TypeError(f"{model._meta.label}.{field_name} is not an encrypted field")
    return found


# --- Public API ---------------------------------------------------------------------------------------------


def blind_lookup(model: type[models.Model], field_name: str, value: str) -> dict[str, str]:
    """Filter arguments finding rows whose `field_name` equals `value` once normalised (no decryption)."""
    f = _encrypted_field(model, field_name)
    if not f.blind_index:
        raise TypeError(f"{model._meta.label}.{field_name} has no blind index (blind_index=True)")
    return {f.index_field_name: crypto.blind_index(f.serialise(value), scope=f.index_scope)}


# --- Start-up check against stored data ---------------------------------------------------------------------


def _stale_or_present(f: EncryptedFieldMixin, alias: str, prefix: str | None) -> models.Q:
    """Rows where `f` holds a ciphertext (under a key other than `prefix`, when given)."""
    condition = models.Q(**{f"{alias}__isnull": False}) & ~models.Q(**{alias: ""})
    if prefix is not None:
        condition &= ~models.Q(**{f"{alias}__startswith": prefix})
    return condition


@checks.register(checks.Tags.database)
def stored_values_open_with_the_key_ring(
    app_configs: Any, databases: Sequence[str] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """The newest stored value of every encrypted column must decrypt: catches a ring from another deployment.

    Database checks run in ``migrate`` and ``check --database default`` (not on every command), and read one
    row per encrypted column.
    """
    if not databases:
        return []
    try:
        ring = crypto.load_keyring()
    except crypto.CryptoError:
        return []  # hramada.E101 reports it
    problems: list[checks.CheckMessage] = []
    for model in models_with_encrypted_fields():
        for f in encrypted_fields(model):
            raw = f"_raw_{f.attname}"
            for database in databases:
                try:
                    sample = (
                        model._base_manager.using(database)
                        .annotate(**{raw: Cast(f.attname, output_field=models.TextField())})
                        .filter(_stale_or_present(f, raw, None))
                        .order_by("-pk")
                        .values_list(raw, flat=True)
                        .first()
                    )
                except DatabaseError:
                    continue  # not migrated yet
                if sample is None:
                    continue
                try:
                    crypto.decrypt(sample, label=f.label, ring=ring)
                except crypto.CryptoError as exc:
                    problems.append(
                        checks.Error(
                            f"Stored values of {model._meta.label}.{f.name} do not open: {exc}",
                            hint="Is this the key ring of this database? See docs/security.md.",
                            id="hramada.E103",
                        )
                    )
    return problems


def models_with_encrypted_fields() -> list[type[models.Model]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and encrypted_fields(model)
    ]


# reveal, RevealMixin and re-encryption live in hramada.core.personal_data (they write audit entries; this module
# stays free of the audit log). The old names still resolve here, for migrations that name
# ``hramada.core.fields.RevealMixin`` as a base class and for existing callers.
_MOVED = {"reveal", "RevealMixin", "reencrypt", "ReencryptionProgress"}


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        from hramada.core import personal_data

        return getattr(personal_data, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
