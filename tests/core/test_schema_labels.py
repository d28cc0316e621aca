"""Pages say what kind of listed party a record is in the reader's language, never FtM's internal schema name."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from hramada.core.schema_labels import LABELS, schema_label


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Person"), ("be", "Асоба"), ("ru", "Физическое лицо")],
)
def test_a_person_is_named_in_the_readers_language(language: str, expected: str) -> None:
    with translation.override(language):
        assert schema_label("Person") == expected
        rendered = Template("{% load hramada_format %}{{ kind|schema_label }}").render(
            Context({"kind": "Person"})
        )
        assert rendered == expected


@pytest.mark.parametrize("language", ["be", "ru"])
def test_every_named_kind_is_translated(language: str) -> None:
    with translation.override("en"):
        english = {name: str(label) for name, label in LABELS.items()}
    with translation.override(language):
        left = [name for name, label in LABELS.items() if str(label) == english[name]]
    assert not left, f"English left on {language} pages: {left}"


def test_a_kind_we_do_not_name_reads_followthemoneys_label_and_nothing_reads_empty() -> None:
    with translation.override("en"):
        assert schema_label("BankAccount") == "Bank account"
        assert schema_label("") == "" and schema_label(None) == ""
        assert schema_label("NoSuchSchema") == "NoSuchSchema"
