"""Envelope encryption, blind index and the key ring, without a database."""

from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hramada.core import crypto

LABEL = "fund.applicant.name"
RING = crypto.generate_keyring()


@given(st.text(max_size=10_000))
@example("🇧🇾 Жыве Беларусь! " * 600)
@example("")
@example("\x00\ud7ff\U0010ffff")
@settings(max_examples=150, deadline=None)
def test_any_text_survives_encryption(text: str) -> None:
    assert crypto.decrypt(crypto.encrypt(text, label=LABEL, ring=RING), label=LABEL, ring=RING) == text


def test_long_texts_and_emoji_survive_encryption() -> None:
    text = "Свабода 🇧🇾 Жыве Беларусь! " * 400
    assert len(text) > 10_000
    assert crypto.decrypt(crypto.encrypt(text, label=LABEL, ring=RING), label=LABEL, ring=RING) == text


def test_the_same_value_encrypts_differently_every_time() -> None:
    assert crypto.encrypt("Ala", label=LABEL, ring=RING) != crypto.encrypt("Ala", label=LABEL, ring=RING)


def test_the_ciphertext_is_versioned_and_names_its_key() -> None:
    # A name with a space: base64url never writes one, so the random payload cannot spell it by chance (a
    # three-letter name did, about once in 2,500 runs).
    ciphertext = crypto.encrypt("Ala Kot", label=LABEL, ring=RING)
    version, kid, _payload = ciphertext.split(".")
    assert (version, kid) == ("v1", RING.current)
    assert "Ala Kot" not in ciphertext
    assert crypto.key_id_of(ciphertext) == RING.current


def test_a_ciphertext_moved_to_another_column_does_not_decrypt() -> None:
    ciphertext = crypto.encrypt("Ala Kowalska", label="fund.applicant.name", ring=RING)
    with pytest.raises(crypto.DecryptionError, match=RING.current):
        crypto.decrypt(ciphertext, label="fund.applicant.email", ring=RING)


def test_a_wrong_key_under_the_same_id_fails_with_the_key_id_named() -> None:
    ciphertext = crypto.encrypt("Ala", label=LABEL, ring=RING)
    impostor = crypto.KeyRing(
        current=RING.current, keys={RING.current: os.urandom(32)}, index_key=RING.index_key
    )
    with pytest.raises(crypto.DecryptionError) as raised:
        crypto.decrypt(ciphertext, label=LABEL, ring=impostor)
    assert raised.value.kid == RING.current
    assert RING.current in str(raised.value)


def test_a_key_id_missing_from_the_ring_is_named() -> None:
    ciphertext = crypto.encrypt("Ala", label=LABEL, ring=RING)
    other = crypto.generate_keyring()
    with pytest.raises(crypto.UnknownKeyError, match=RING.current):
        crypto.decrypt(ciphertext, label=LABEL, ring=other)


@pytest.mark.parametrize("position", [10, 40, 80, -1])
def test_an_altered_ciphertext_is_refused_never_garbled(position: int) -> None:
    ciphertext = crypto.encrypt("Ala Kowalska", label=LABEL, ring=RING)
    flipped = "A" if ciphertext[position] != "A" else "B"
    altered = ciphertext[:position] + flipped + (ciphertext[position + 1 :] if position != -1 else "")
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(altered, label=LABEL, ring=RING)


def test_plaintext_where_a_ciphertext_belongs_is_refused() -> None:
    with pytest.raises(crypto.DecryptionError, match="not a v1 ciphertext"):
        crypto.decrypt("Ala Kowalska", label=LABEL, ring=RING)


def test_a_value_over_the_limit_is_refused() -> None:
    with pytest.raises(crypto.ValueTooLongError, match=str(crypto.MAX_PLAINTEXT_BYTES)):
        crypto.encrypt("x" * (crypto.MAX_PLAINTEXT_BYTES + 1), label=LABEL, ring=RING)
    crypto.encrypt("x" * crypto.MAX_PLAINTEXT_BYTES, label=LABEL, ring=RING)


@given(st.text(max_size=2_000))
@settings(max_examples=100, deadline=None)
def test_a_sealer_writes_what_decrypt_opens_under_its_label_only(text: str) -> None:
    seal = crypto.Sealer(label=LABEL, ring=RING)
    sealed = seal(text)
    assert crypto.decrypt(sealed, label=LABEL, ring=RING) == text
    assert crypto.key_id_of(sealed) == RING.current
    assert seal(text) != sealed  # every value its own data key and nonces
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(sealed, label="fund.applicant.contact", ring=RING)


@given(st.lists(st.text(max_size=200), max_size=8))
@settings(max_examples=50, deadline=None)
def test_a_sealer_sealing_many_values_writes_what_decrypt_opens_each_under_its_own_key(
    values: list[str],
) -> None:
    seal = crypto.Sealer(label=LABEL, ring=RING)
    chunk = crypto.RANDOM_CHUNK
    crypto.RANDOM_CHUNK = 3  # several draws of random bytes
    try:
        sealed = seal.many([*values, *values])
    finally:
        crypto.RANDOM_CHUNK = chunk
    assert [crypto.decrypt(s, label=LABEL, ring=RING) for s in sealed] == [*values, *values]
    assert all(crypto.key_id_of(s) == RING.current for s in sealed)
    parts = [crypto.parse(s) for s in sealed]
    # Every value its own data key (wrapped under its own nonce) and its own nonce, even for equal values.
    assert len({p.wrapped_key for p in parts}) == len({p.nonce for p in parts}) == len(sealed)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(sealed[0], label="fund.applicant.contact", ring=RING) if sealed else crypto.parse("x")


def test_a_sealer_sealing_many_values_refuses_a_value_over_the_limit() -> None:
    with pytest.raises(crypto.ValueTooLongError):
        crypto.Sealer(label=LABEL, ring=RING).many(["a", "x" * (crypto.MAX_PLAINTEXT_BYTES + 1)])


def test_a_sealer_refuses_a_value_over_the_limit() -> None:
    with pytest.raises(crypto.ValueTooLongError):
        crypto.Sealer(label=LABEL, ring=RING)("x" * (crypto.MAX_PLAINTEXT_BYTES + 1))


@given(st.text(max_size=200))
@example("Ǆ\u00a0 Ａla\u2028\x1c ﬁ \u3000")
@example("\u0130\u0345\u1e9e")
def test_normalisation_is_nfkc_casefold_nfkc_with_whitespace_collapsed(text: str) -> None:
    # The definition the stored blind indexes were made with: the faster form must give the same text.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    assert crypto.normalise_for_index(text) == re.sub(r"\s+", " ", folded).strip()


@given(st.lists(st.text(max_size=40), max_size=30))
@example(["Ǆ\u00a0 Ａla\u2028\x1c ﬁ \u3000", "\u0130\u0345\u1e9e", " Беларуская  асацыяцыя ", "", "x" * 200])
def test_blind_indexes_in_bulk_are_the_blind_index_of_each_value(values: list[str]) -> None:
    # Two computations: `blind_index` with the single-value normalisation, the bulk form with the normalisation
    # a step at a time over the whole list.
    indexes = crypto.blind_indexes(values, scope="s", ring=RING)
    assert indexes == {v: crypto.blind_index(v, scope="s", ring=RING) for v in values}


@given(st.text(max_size=200))
def test_normalisation_is_idempotent(text: str) -> None:
    once = crypto.normalise_for_index(text)
    assert crypto.normalise_for_index(once) == once


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=40))
def test_the_blind_index_ignores_case_width_and_spacing(word: str) -> None:
    variants = [word, f"  {word.upper()}  ", word.casefold(), f"{word}\t"]
    indexes = {crypto.blind_index(v, scope="s", ring=RING) for v in variants}
    normalised = {crypto.normalise_for_index(v) for v in variants}
    assert len(indexes) == len(normalised)


@given(st.text(max_size=60), st.text(max_size=60))
def test_blind_indexes_are_equal_exactly_when_normalised_values_are(a: str, b: str) -> None:
    same = crypto.normalise_for_index(a) == crypto.normalise_for_index(b)
    assert (
        crypto.blind_index(a, scope="s", ring=RING) == crypto.blind_index(b, scope="s", ring=RING)
    ) == same


def test_the_blind_index_normalises_real_spellings() -> None:
    def index(value: str) -> str:
        return crypto.blind_index(value, scope="contact", ring=RING)

    assert index("Ala.Kowalska@Example.ORG ") == index("ala.kowalska@example.org")
    assert index("Аляксандр   Лукашэнка") == index("аляксандр лукашэнка")
    assert index("ＡＢＣ") == index("abc")  # full-width forms fold under NFKC
    assert index("Ala") != index("Ola")


def test_the_blind_index_is_keyed_and_scoped() -> None:
    other = crypto.generate_keyring()
    value = "ala@example.org"
    assert crypto.blind_index(value, scope="a", ring=RING) != crypto.blind_index(value, scope="a", ring=other)
    assert crypto.blind_index(value, scope="a", ring=RING) != crypto.blind_index(value, scope="b", ring=RING)
    assert value not in crypto.blind_index(value, scope="a", ring=RING)


def test_a_rotated_ring_keeps_old_keys_and_makes_a_new_one_current() -> None:
    rotated = RING.rotated()
    assert rotated.current != RING.current
    assert set(RING.keys) < set(rotated.keys)
    assert rotated.index_key == RING.index_key
    old = crypto.encrypt("Ala", label=LABEL, ring=RING)
    assert crypto.decrypt(old, label=LABEL, ring=rotated) == "Ala"


def test_the_ring_round_trips_through_json_and_never_prints_its_keys() -> None:
    again = crypto.KeyRing.from_json(RING.to_json(), source="test")
    assert (again.current, dict(again.keys), again.index_key) == (
        RING.current,
        dict(RING.keys),
        RING.index_key,
    )
    assert crypto._b64(RING.index_key) not in repr(RING)


@pytest.mark.parametrize(
    "document",
    [
        "not json",
        json.dumps({"version": 2}),
        json.dumps({"version": 1, "current": "a", "keys": {}, "index_key": ""}),
        json.dumps({"version": 1, "current": "a", "keys": {"a": "c2hvcnQ"}, "index_key": "c2hvcnQ"}),
    ],
)
def test_a_malformed_ring_is_refused_without_echoing_it(document: str) -> None:
    with pytest.raises(crypto.KeyringError) as raised:
        crypto.KeyRing.from_json(document, source="test")
    assert "c2hvcnQ" not in str(raised.value)


# --- loading the ring and the start-up check ----------------------------------------------------------------


def test_a_missing_key_file_names_the_file_and_the_command(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HRAMADA_KEYRING", raising=False)
    settings.HRAMADA_KEYRING_FILE = str(tmp_path / "nowhere.json")
    crypto.forget_cached_keyring()
    with pytest.raises(crypto.KeyringError) as raised:
        crypto.load_keyring()
    assert "nowhere.json" in str(raised.value)
    assert "generate_keys" in str(raised.value)
    [error] = crypto.keyring_is_usable(None)
    assert error.id == "hramada.E101"
    assert error.level >= 40  # ERROR: Django refuses to run commands, runserver and migrate included


def test_the_start_up_check_runs_for_every_command(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.checks import registry

    monkeypatch.delenv("HRAMADA_KEYRING", raising=False)
    settings.HRAMADA_KEYRING_FILE = str(tmp_path / "nowhere.json")
    crypto.forget_cached_keyring()
    # Not a deploy-only or database check: it runs whenever Django runs its checks.
    assert crypto.keyring_is_usable in registry.registry.get_checks(include_deployment_checks=False)
    ids = {message.id for message in registry.run_checks(tags=["security"])}
    assert "hramada.E101" in ids


def test_the_start_up_check_passes_with_a_good_ring(personal_data_keyring: Path) -> None:
    assert crypto.keyring_is_usable(None) == []


def test_a_key_file_readable_by_others_is_warned_about(personal_data_keyring: Path) -> None:
    personal_data_keyring.chmod(0o644)
    crypto.forget_cached_keyring()
    [warning] = crypto.keyring_is_usable(None)
    assert warning.id == "hramada.W101"


def test_the_environment_variable_wins_over_the_file(
    personal_data_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = crypto.generate_keyring()
    monkeypatch.setenv("HRAMADA_KEYRING", inline.to_json())
    crypto.forget_cached_keyring()
    assert crypto.load_keyring().current == inline.current
    assert "HRAMADA_KEYRING" in crypto.keyring_source().description


def test_the_ring_is_reread_when_the_file_changes(personal_data_keyring: Path) -> None:
    before = crypto.load_keyring()
    crypto.save_keyring_file(before.rotated(), personal_data_keyring)
    assert crypto.load_keyring().current != before.current


def test_a_value_under_a_key_another_process_just_rotated_in_is_read_at_once(
    personal_data_keyring: Path,
) -> None:
    before = crypto.load_keyring()
    rotated = before.rotated()
    # Another process replaces the file; this one still holds the ring it read less than a second ago.
    personal_data_keyring.write_text(rotated.to_json(), encoding="utf-8")
    assert crypto.load_keyring().current == before.current
    value = crypto.encrypt("Аляксандра", label="fund.applicant.name", ring=rotated)
    assert crypto.decrypt(value, label="fund.applicant.name") == "Аляксандра"
    assert crypto.load_keyring().current == rotated.current


def test_generate_keys_creates_a_private_file_once(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HRAMADA_KEYRING", raising=False)
    path = tmp_path / "var" / "keyring.json"
    settings.HRAMADA_KEYRING_FILE = str(path)
    call_command("generate_keys", stdout=open(os.devnull, "w"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_text()
    call_command("generate_keys", stdout=open(os.devnull, "w"))
    assert path.read_text() == first, "an existing key ring must never be replaced"
    crypto.forget_cached_keyring()
