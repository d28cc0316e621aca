"""Encrypted model fields: nothing in clear in the database, masked when loaded, audited when revealed."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core import serializers
from django.core.exceptions import FieldError, ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.template import Context, Template

from hramada.core import audit_context, crypto, fields, personal_data
from hramada.core.fields import Sealed, blind_lookup
from hramada.core.models import AuditEntry
from hramada.core.personal_data import reveal
from tests.core.conftest import SealedPerson, SealedWitness

NAME = "Аляксандра Кавальчук"
EMAIL = "Sasha.K@Example.org"
BANK = {"iban": "LT12 1000 0111 0100 1000", "holder": NAME, "swift": "HABALT22"}


def raw_row(model: type[Any], pk: int) -> dict[str, Any]:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608 (table name is ours)
        columns = [column[0] for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def make_person(**overrides: Any) -> SealedPerson:
    values: dict[str, Any] = {"name": NAME, "email": EMAIL, "bank_details": BANK, "note": "met in Vilnius"}
    values.update(overrides)
    return SealedPerson.objects.create(**values)


def test_the_database_row_holds_no_plaintext(sealed_people: Any) -> None:
    person = make_person()
    row = raw_row(SealedPerson, person.pk)
    everything = " ".join(str(value) for value in row.values()).casefold()
    for secret in (NAME, EMAIL, "LT12", "HABALT22", "Vilnius", "sasha", "kaval"):
        assert secret.casefold() not in everything
    assert row["name"].startswith(f"v1.{crypto.load_keyring().current}.")
    assert len(row["email_index"]) == 64 and EMAIL.casefold() not in row["email_index"]


def test_a_loaded_value_is_sealed_and_prints_as_a_mask(sealed_people: Any) -> None:
    person = SealedPerson.objects.get(pk=make_person().pk)
    assert isinstance(person.name, Sealed)
    shown_forms = (
        str(person.name),
        repr(person.name),
        f"{person.name}",
        format(person.name, ">20"),
        str(person),
    )
    for shown in shown_forms:
        assert NAME not in shown and "••••••" in shown
    rendered = Template("{{ p.name }} {{ p.email }} {{ p.bank_details }} {{ p }}").render(
        Context({"p": person})
    )
    assert NAME not in rendered and EMAIL not in rendered and "LT12" not in rendered
    assert all(isinstance(v, Sealed) for v in SealedPerson.objects.values_list("name", "email").get())


def test_saving_replaces_the_plaintext_on_the_instance(sealed_people: Any) -> None:
    person = make_person()
    assert isinstance(person.name, Sealed) and NAME not in repr(person.__dict__)


def test_reveal_returns_the_plaintext_and_audits_the_read(sealed_people: Any, make_staff: Any) -> None:
    person = SealedPerson.objects.get(pk=make_person().pk)
    reader = make_staff()
    with audit_context.acting(user=reader, address="192.0.2.7"):
        assert reveal(person, "name", by=None, purpose="check identity before payment") == NAME
        assert person.reveal("bank_details", by=reader, purpose="pay tranche 1") == BANK
    first, second = AuditEntry.objects.filter(action="personal_data.read").order_by("seq")
    assert first.actor == reader and first.address == "192.0.2.7"
    assert first.detail == {"field": "name", "purpose": "check identity before payment"}
    assert first.target_id == str(person.pk) and first.target_type.model == "sealedperson"
    assert second.detail["field"] == "bank_details"
    assert NAME not in first.target_label


def test_reveal_needs_a_purpose(sealed_people: Any) -> None:
    person = make_person()
    with pytest.raises(ValueError, match="purpose"):
        reveal(person, "name", by=None, purpose=" ")
    assert not AuditEntry.objects.filter(action="personal_data.read").exists()


def test_blind_lookup_finds_a_row_by_a_differently_written_value(sealed_people: Any) -> None:
    person = make_person()
    make_person(email="someone.else@example.org")
    found = SealedPerson.objects.filter(**blind_lookup(SealedPerson, "email", "  sasha.k@EXAMPLE.org "))
    assert list(found) == [person]
    assert not SealedPerson.objects.filter(
        **blind_lookup(SealedPerson, "email", "sasha@example.org")
    ).exists()


def test_changing_a_value_moves_its_blind_index(sealed_people: Any) -> None:
    person = make_person()
    person.email = "new@example.org"
    person.save()
    assert SealedPerson.objects.filter(**blind_lookup(SealedPerson, "email", "NEW@example.org")).exists()
    assert not SealedPerson.objects.filter(**blind_lookup(SealedPerson, "email", EMAIL)).exists()
    person.email = ""
    person.save()
    assert raw_row(SealedPerson, person.pk)["email_index"] is None


def test_a_shared_index_scope_links_columns_of_different_models(sealed_people: Any) -> None:
    witness = SealedWitness.objects.create(testimony="…", contact=EMAIL)
    lookup = blind_lookup(SealedWitness, "contact", EMAIL.upper())
    assert SealedWitness.objects.filter(**lookup).get() == witness
    assert lookup["contact_index"] == crypto.blind_index(EMAIL, scope="contact")


def test_empty_values_stay_empty(sealed_people: Any) -> None:
    person = SealedPerson.objects.create(name="Ala", email="", bank_details=None, note=None)
    row = raw_row(SealedPerson, person.pk)
    assert (row["email"], row["bank_details"], row["note"]) == ("", None, None)
    person = SealedPerson.objects.get(pk=person.pk)
    assert person.email == "" and person.bank_details is None


def test_a_value_copied_into_another_column_does_not_decrypt(sealed_people: Any) -> None:
    person = make_person()
    table = connection.ops.quote_name(SealedPerson._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET note = name WHERE id = %s", [person.pk])  # noqa: S608
    person = SealedPerson.objects.get(pk=person.pk)
    with pytest.raises(crypto.DecryptionError, match=crypto.load_keyring().current):
        reveal(person, "note", by=None, purpose="test")
    person.note = person.name
    with pytest.raises(ValueError, match="cannot be stored"), transaction.atomic():
        person.save()


def test_nothing_is_written_without_a_key_ring(sealed_people: Any, settings: Any, tmp_path: Path) -> None:
    settings.HRAMADA_KEYRING_FILE = str(tmp_path / "missing.json")
    crypto.forget_cached_keyring()
    with pytest.raises(crypto.KeyringError, match="generate_keys"), transaction.atomic():
        SealedPerson.objects.create(name=NAME)
    assert not SealedPerson.objects.exists()


def test_a_wrong_key_ring_fails_loudly_on_reveal(sealed_people: Any, personal_data_keyring: Path) -> None:
    person = SealedPerson.objects.get(pk=make_person().pk)
    ring = crypto.load_keyring()
    impostor = crypto.KeyRing(current=ring.current, keys={ring.current: bytes(32)}, index_key=ring.index_key)
    personal_data_keyring.write_text(impostor.to_json())
    crypto.forget_cached_keyring()
    with pytest.raises(crypto.DecryptionError, match=ring.current):
        reveal(person, "name", by=None, purpose="test")
    assert not AuditEntry.objects.filter(action="personal_data.read").exists()


def test_comparing_ciphertexts_in_queries_is_refused(sealed_people: Any) -> None:
    with pytest.raises(FieldError):
        list(SealedPerson.objects.filter(name=NAME))
    with pytest.raises(FieldError):
        list(SealedPerson.objects.filter(email__icontains="sasha"))
    assert SealedPerson.objects.filter(note__isnull=True).count() == 0


def test_saving_only_the_value_without_its_index_is_refused(sealed_people: Any) -> None:
    person = make_person()
    person.email = "other@example.org"
    with pytest.raises(ValueError, match="email_index"), transaction.atomic():
        person.save(update_fields=["email"])
    person.save(update_fields=["email", "email_index"])
    assert SealedPerson.objects.filter(**blind_lookup(SealedPerson, "email", "other@example.org")).exists()


def test_an_over_long_value_is_a_validation_error(sealed_people: Any) -> None:
    person = SealedPerson(name="x" * (crypto.MAX_PLAINTEXT_BYTES + 1), note="y" * 51)
    with pytest.raises(ValidationError) as raised:
        person.full_clean()
    assert set(raised.value.message_dict) >= {"name", "note"}
    with pytest.raises(crypto.ValueTooLongError), transaction.atomic():
        person.save()


def test_serialised_data_carries_ciphertexts_not_plaintext(sealed_people: Any) -> None:
    import json

    person = SealedPerson.objects.get(pk=make_person().pk)
    dumped = serializers.serialize("json", [person])
    assert NAME not in dumped and "LT12" not in dumped
    written = json.loads(dumped)[0]["fields"]["name"]
    # loaddata passes the written text to to_python: it becomes the same sealed value, not a re-encryption.
    assert SealedPerson._meta.get_field("name").to_python(written) == person.name


def test_edit_forms_never_show_the_stored_value(sealed_people: Any) -> None:
    from django import forms

    class PersonForm(forms.ModelForm):
        class Meta:
            model = SealedPerson
            fields = ("name", "note", "bank_details")

    person = SealedPerson.objects.get(pk=make_person().pk)
    html = str(PersonForm(instance=person))
    assert NAME not in html and "••••••" not in html
    form = PersonForm({"name": "Ala", "note": "", "bank_details": ""}, instance=person)
    assert form.is_valid(), form.errors
    form.save()
    person.refresh_from_db()
    assert reveal(person, "name", by=None, purpose="test") == "Ala"
    assert reveal(person, "note", by=None, purpose="test") == "met in Vilnius", "empty means keep"


# --- rotation -----------------------------------------------------------------------------------------------


def test_rotation_reencrypts_every_row_and_a_rerun_skips_them(
    sealed_people: Any, personal_data_keyring: Path, encrypted_sample_tables: None
) -> None:
    people = [make_person(name=f"person {i}") for i in range(7)]
    SealedWitness.objects.create(testimony="I saw the convoy", contact="")
    old = crypto.load_keyring()
    crypto.save_keyring_file(old.rotated(), personal_data_keyring)
    new = crypto.load_keyring().current
    seen: list[tuple[str, int, int]] = []
    reports = personal_data.reencrypt(
        models_to_scan=[SealedPerson, SealedWitness],
        batch_size=3,
        progress=lambda p: seen.append((p.model, p.done, p.total)),
    )
    assert [(r.model, r.done, r.batches) for r in reports] == [
        ("core_samples.SealedPerson", 7, 3),
        ("core_samples.SealedWitness", 1, 1),
    ]
    assert seen[0] == ("core_samples.SealedPerson", 3, 7)
    for person in people:
        row = raw_row(SealedPerson, person.pk)
        assert all(row[c].startswith(f"v1.{new}.") for c in ("name", "email", "bank_details", "note"))
        assert row["email_index"] == crypto.blind_index(EMAIL, scope="core_samples.sealedperson.email")
    assert reveal(SealedPerson.objects.get(pk=people[3].pk), "name", by=None, purpose="t") == "person 3"
    again = personal_data.reencrypt(models_to_scan=[SealedPerson, SealedWitness], batch_size=3)
    assert [r.done for r in again] == [0, 0]
    assert AuditEntry.objects.filter(action="crypto.reencrypted").count() == 4


def test_an_interrupted_reencryption_resumes(sealed_people: Any, personal_data_keyring: Path) -> None:
    for i in range(5):
        make_person(name=f"p{i}")
    crypto.save_keyring_file(crypto.load_keyring().rotated(), personal_data_keyring)

    def stop_after_first_batch(progress: personal_data.ReencryptionProgress) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        personal_data.reencrypt(models_to_scan=[SealedPerson], batch_size=2, progress=stop_after_first_batch)
    [report] = personal_data.reencrypt(models_to_scan=[SealedPerson], batch_size=2)
    assert (report.total, report.done) == (3, 3)


def test_rotate_keys_command_adds_a_key_and_reencrypts(
    sealed_people: Any, personal_data_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = make_person()
    before = crypto.load_keyring().current
    monkeypatch.setattr(fields, "models_with_encrypted_fields", lambda: [SealedPerson])
    out = io.StringIO()
    call_command("rotate_keys", "--batch-size", "10", stdout=out)
    after = crypto.load_keyring()
    assert after.current != before and before in after.keys
    text = out.getvalue()
    assert f"New current key {after.current}" in text
    assert "core_samples.SealedPerson: 1/1" in text and "Done: 1 rows" in text
    assert raw_row(SealedPerson, person.pk)["name"].startswith(f"v1.{after.current}.")
    assert AuditEntry.objects.filter(action="crypto.key_rotated").exists()
    out = io.StringIO()
    call_command("rotate_keys", "--reencrypt-only", stdout=out)
    assert "Done: 0 rows" in out.getvalue()


def test_migrate_refuses_a_key_ring_that_does_not_open_the_stored_data(
    sealed_people: Any, personal_data_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_person()
    monkeypatch.setattr(fields, "models_with_encrypted_fields", lambda: [SealedPerson])
    assert fields.stored_values_open_with_the_key_ring(None, databases=["default"]) == []
    other = crypto.generate_keyring()
    personal_data_keyring.write_text(other.to_json())
    crypto.forget_cached_keyring()
    problems = fields.stored_values_open_with_the_key_ring(None, databases=["default"])
    assert {p.id for p in problems} == {"hramada.E103"}
    assert len(problems) == 4  # name, email, bank_details, note
    assert "core_samples.SealedPerson.name" in problems[0].msg
    assert fields.stored_values_open_with_the_key_ring(None, databases=None) == []


def test_migrations_see_the_index_column_exactly_once() -> None:
    from django.db.migrations.state import ModelState, ProjectState

    state = ModelState.from_model(SealedPerson)
    assert list(state.fields).count("email_index") == 1
    project = ProjectState()
    project.add_model(state)
    rendered = project.apps.get_model("core_samples", "SealedPerson")
    names = [f.name for f in rendered._meta.local_fields]
    assert names.count("email_index") == 1
    assert ModelState.from_model(rendered).fields.keys() == state.fields.keys()
