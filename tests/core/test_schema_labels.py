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


@pytest.mark.parametrize("language", ["be", "ru"])
def test_every_named_property_and_country_is_translated(language: str) -> None:
    from hramada.core.countries import OWN_NAMES
    from hramada.core.schema_labels import PROPERTY_LABELS

    named = {**PROPERTY_LABELS, **OWN_NAMES}
    with translation.override("en"):
        english = {name: str(label) for name, label in named.items()}
    with translation.override(language):
        left = [name for name, label in named.items() if str(label) == english[name]]
    assert not left, f"English left on {language} pages: {left}"


@pytest.mark.parametrize(
    ("language", "birth", "inn", "belarus", "crimea"),
    [
        ("en", "Date of birth", "INN (Russian tax number)", "Belarus", "Crimea (occupied Ukraine)"),
        ("be", "Дата нараджэння", "ІНН (расійскі падатковы нумар)", "Беларусь", "Крым (акупаваная Украіна)"),
        ("ru", "Дата рождения", "ИНН", "Беларусь", "Крым (оккупированная Украина)"),
    ],
)
def test_properties_identifiers_and_countries_read_in_the_readers_language(
    language: str, birth: str, inn: str, belarus: str, crimea: str
) -> None:
    from hramada.core.countries import country_name
    from hramada.core.schema_labels import identifier_label, property_label

    with translation.override(language):
        rendered = Template(
            "{% load hramada_format %}{{ prop|property_label:'Person' }}|{{ scheme|identifier_label }}"
        ).render(Context({"prop": "birthDate", "scheme": "inn"}))
        assert rendered == f"{birth}|{inn}"
        assert country_name("by") == country_name("BLR") == belarus
        assert country_name("ua-cri") == crimea
    assert country_name("no-such-place") == "no-such-place" and country_name("") == ""
    with translation.override("en"):
        assert property_label("deathDate") == "Date of death"
        assert property_label("ownershipType", "Ownership") == "Type of ownership"  # FtM's own label
        assert identifier_label("crypto:XBT") == "Wallet address (XBT)"


def test_a_vessels_flags_read_as_countries_in_the_readers_language() -> None:
    template = Template("{% load hramada_format %}{{ flags|country_names }}")
    with translation.override("be"):
        assert template.render(Context({"flags": ["ru", "Panama", "no flag"]})) == "Расія, Панама, no flag"
    with translation.override("ru"):
        assert template.render(Context({"flags": ["ru"]})) == "Россия"
