"""The chain of custody: the original's hash never changes, every touch is an entry, hand edits are named."""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hramada.evidence import custody, services
from hramada.evidence.models import (
    CustodyEntry,
    CustodyLogIsAppendOnlyError,
    EvidenceFile,
    EvidenceFileIsImmutableError,
    FileRole,
)
from tests.evidence import factories

pytestmark = pytest.mark.django_db


def test_the_original_hash_is_of_the_bytes_received_and_never_changes(cast: Any) -> None:
    data = factories.photo()
    item = factories.upload(cast.group, cast.recorder, data)
    original = item.original
    assert original.sha256 == hashlib.sha256(data).hexdigest()
    assert original.sha512 == hashlib.sha512(data).hexdigest()
    services.make_stripped_copy(original, by=cast.recorder, purpose="for partners")
    services.read_file(original, by=cast.colleague, purpose="check")
    services.export_bundle(item, by=cast.recorder, purpose="court request 12")
    stored = EvidenceFile.objects.get(pk=original.pk)
    with stored.file.open("rb") as handle:
        assert handle.read() == data
    assert (stored.sha256, stored.sha512) == (original.sha256, original.sha512)


def test_the_original_is_encrypted_at_rest(cast: Any, settings: Any) -> None:
    data = factories.photo()
    item = factories.upload(cast.group, cast.recorder, data)
    raw = (settings.MEDIA_ROOT / item.original.file.name).read_bytes()
    assert b"DemoPhone" not in raw and data not in raw


def test_evidence_files_cannot_be_changed_or_deleted(cast: Any) -> None:
    original = factories.upload(cast.group, cast.recorder).original
    original.note = "changed"
    with pytest.raises(EvidenceFileIsImmutableError):
        original.save()
    with pytest.raises(EvidenceFileIsImmutableError):
        original.delete()


def test_every_touch_is_a_custody_entry_in_a_chain(cast: Any) -> None:
    item = factories.upload(cast.group, cast.recorder)
    copy = services.make_stripped_copy(item.original, by=cast.recorder, purpose="for partners")
    services.read_file(copy, by=cast.colleague, purpose="look")
    services.share_item(item, by=cast.recorder, purpose="court", partners=[cast.partner], transfer=True)
    services.export_bundle(item, by=cast.recorder, purpose="court request 12")
    entries = list(item.custody.order_by("seq"))
    assert [e.action for e in entries] == ["received", "copied", "accessed", "transferred", "exported"]
    assert [e.actor_label for e in entries][:3] == ["recorder", "recorder", "colleague"]
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(entries))
    assert custody.verify_item(item) == []
    assert copy.derived_from_id == item.original.pk and copy.role == FileRole.STRIPPED


def test_custody_entries_are_append_only(cast: Any) -> None:
    entry = factories.upload(cast.group, cast.recorder).custody.get()
    entry.purpose = "something else"
    with pytest.raises(CustodyLogIsAppendOnlyError):
        entry.save()
    with pytest.raises(CustodyLogIsAppendOnlyError):
        entry.delete()


def test_verify_custody_names_an_entry_edited_by_hand(cast: Any, capsys: Any) -> None:
    item = factories.upload(cast.group, cast.recorder)
    services.read_file(item.original, by=cast.colleague, purpose="look")
    services.read_file(item.original, by=cast.colleague, purpose="look again")
    call_command("verify_custody")
    assert "intact" in capsys.readouterr().out
    second = CustodyEntry.objects.get(item=item, seq=2)
    with factories.custody_triggers_off(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {CustodyEntry._meta.db_table} SET purpose = %s WHERE id = %s",  # noqa: S608
            ["nobody looked", second.pk],
        )
    with pytest.raises(CommandError, match="BROKEN"):
        call_command("verify_custody")
    assert f"item {item.pk} entry 2: edited" in capsys.readouterr().err


def test_verify_custody_names_a_deleted_entry(cast: Any, capsys: Any) -> None:
    item = factories.upload(cast.group, cast.recorder)
    services.read_file(item.original, by=cast.colleague, purpose="look")
    services.read_file(item.original, by=cast.colleague, purpose="look again")
    with factories.custody_triggers_off(), connection.cursor() as cursor:
        table = CustodyEntry._meta.db_table
        cursor.execute(f"DELETE FROM {table} WHERE item_id = %s AND seq = 2", [item.pk])  # noqa: S608
    with pytest.raises(CommandError):
        call_command("verify_custody")
    assert f"item {item.pk} entry 3: deleted" in capsys.readouterr().err
