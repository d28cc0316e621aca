"""Fixtures for the core tests: a throw-away key ring and sample models that hold encrypted personal data.

The sample models live under the app label "core_samples", which is not installed: no migration knows them,
so their tables are created once per test database by `encrypted_sample_tables`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, models

from hramada.core import crypto
from hramada.core.fields import EncryptedJSONField, EncryptedTextField
from hramada.core.personal_data import RevealMixin


class SealedPerson(RevealMixin, models.Model):
    name = EncryptedTextField()
    email = EncryptedTextField(blind_index=True, blank=True)
    bank_details = EncryptedJSONField(null=True, blank=True)
    note = EncryptedTextField(null=True, blank=True, max_length=50)
    status = models.CharField(max_length=20, default="new")

    class Meta:
        app_label = "core_samples"

    def __str__(self) -> str:
        return f"person {self.pk} ({self.name})"


class SealedWitness(RevealMixin, models.Model):
    testimony = EncryptedTextField()
    contact = EncryptedTextField(blind_index=True, index_scope="contact", blank=True)

    class Meta:
        app_label = "core_samples"

    def __str__(self) -> str:
        return f"witness {self.pk}"


SAMPLE_MODELS: tuple[type[models.Model], ...] = (SealedPerson, SealedWitness)


@pytest.fixture(scope="session")
def encrypted_sample_tables(django_db_setup: Any, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        existing = set(connection.introspection.table_names())
        with connection.schema_editor() as editor:
            for model in SAMPLE_MODELS:
                if model._meta.db_table not in existing:
                    editor.create_model(model)


@pytest.fixture
def personal_data_keyring(tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh key ring file for one test; $HRAMADA_KEYRING is removed so the file is what counts."""
    monkeypatch.delenv("HRAMADA_KEYRING", raising=False)
    path = tmp_path / "keyring.json"
    crypto.save_keyring_file(crypto.generate_keyring(), path, replace=False)
    settings.HRAMADA_KEYRING_FILE = str(path)
    crypto.forget_cached_keyring()
    yield path
    crypto.forget_cached_keyring()


@pytest.fixture
def sealed_people(db: Any, encrypted_sample_tables: None, personal_data_keyring: Path) -> type[SealedPerson]:
    from django.contrib.contenttypes.models import ContentType

    # The sample models' content types are created inside test transactions and rolled back with them;
    # the process-wide cache would otherwise hand out ids that no longer exist.
    ContentType.objects.clear_cache()
    return SealedPerson
