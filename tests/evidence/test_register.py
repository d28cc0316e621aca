"""The political-prisoner register: history of every change, counts over time, CSV import with a mapping step
(all rows or none), export with names only where agreed."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.evidence import selectors, services
from hramada.evidence.models import Prisoner
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def _prisoner(
    by: Any, detained: date, ended: date | None = None, region: str = "grodno", **more: Any
) -> Prisoner:
    values = {"name": "Test Person", "detained_on": detained, "region": region, **more}
    if ended:
        values.update(status="released", ended_on=ended)
    return services.save_prisoner(by=by, values=values, articles=more.pop("articles", ["342"]))


def test_every_change_is_in_the_history(cast: Any) -> None:
    entry = _prisoner(cast.recorder, date(2021, 1, 5))
    services.save_prisoner(
        by=cast.colleague,
        prisoner=entry,
        values={"sentence_months": 36, "status": "sentenced", "sentenced_on": date(2021, 6, 1)},
        articles=["342", "361-1"],
    )
    services.save_prisoner(by=cast.colleague, prisoner=entry, values={"name": "Corrected Name"})
    changes = {(c.field, c.old, c.new) for c in entry.changes.all()}
    assert ("sentence_months", "", "36") in changes
    assert ("status", "detained", "sentenced") in changes
    assert ("articles", "342", "342, 361-1") in changes
    assert ("name", "", "") in changes  # an encrypted field is named, never its values


def test_release_needs_a_date_and_cannot_precede_detention(cast: Any) -> None:
    with pytest.raises(services.EvidenceError, match="release"):
        services.save_prisoner(
            by=cast.recorder, values={"name": "X", "detained_on": date(2022, 1, 1), "status": "released"}
        )
    with pytest.raises(services.EvidenceError, match="before the detention"):
        services.save_prisoner(
            by=cast.recorder,
            values={
                "name": "X",
                "detained_on": date(2022, 1, 1),
                "status": "released",
                "ended_on": date(2021, 1, 1),
            },
        )


def test_counts_over_time_follow_detentions_and_releases(cast: Any) -> None:
    _prisoner(cast.recorder, date(2021, 1, 10), articles=["342"])
    _prisoner(cast.recorder, date(2021, 2, 10), ended=date(2021, 3, 15), articles=["342", "130"])
    _prisoner(
        cast.recorder,
        date(2020, 12, 1),
        region="brest",
        articles=["361-1"],
        sentence_months=84,
        status="sentenced",
    )
    months = selectors.month_starts(date(2021, 1, 1), date(2021, 4, 1))
    by_article = dict(selectors.held_over_time("article", months))
    assert by_article["342"] == [1, 2, 1, 1]
    assert by_article["130"] == [0, 1, 0, 0]
    assert by_article["361-1"] == [1, 1, 1, 1]  # detained before the window: counted from its start
    by_region = dict(selectors.held_over_time("region", months))
    assert by_region["grodno"] == [1, 2, 1, 1] and by_region["brest"] == [1, 1, 1, 1]
    by_sentence = dict(selectors.held_over_time("sentence", months))
    assert by_sentence["5-10 years"] == [1, 1, 1, 1]


@settings(deadline=None, max_examples=25)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=12))
def test_counts_over_time_equal_counting_person_by_person(spans: list[tuple[int, int]]) -> None:
    """Whatever the detentions and releases, the grouped running sum equals a count of each person held."""
    from django.contrib.auth import get_user_model

    Prisoner.objects.all().delete()
    by = get_user_model().objects.first()
    base = date(2020, 1, 1)
    people = []
    for start, length in spans:
        detained = selectors.month_starts(base, date(2024, 1, 1))[start]
        ended = (
            selectors.month_starts(base, date(2024, 1, 1))[min(start + length, 47)] if length % 3 else None
        )
        _prisoner(by, detained, ended=ended if ended and ended >= detained else None)
        people.append((detained, ended if ended and ended >= detained else None))
    months = selectors.month_starts(date(2020, 6, 1), date(2023, 6, 1))
    series = dict(selectors.held_over_time("region", months)).get("grodno", [0] * len(months))
    for month, counted in zip(months, series, strict=True):
        next_month = selectors.month_starts(month, date(month.year + 1, 1, 1))[1]
        held = sum(1 for d, e in people if d < next_month and (e is None or e >= next_month))
        assert counted == held, month


def test_register_charts_are_server_rendered_svg(client: Any, cast: Any) -> None:
    _prisoner(cast.recorder, date(2021, 1, 10))
    sign_in_verified(client, cast.auditor)
    page = client.get(reverse("evidence:register_charts"), {"years": "3"}).content.decode()
    assert page.count("<svg") >= 3 and "<script" not in page and "342" in page


@pytest.mark.parametrize(
    ("language", "region", "band"),
    [("en", "Brest region", "2 to 5 years"), ("be", "Брэсцкая вобласць", "ад 2 да 5 гадоў")],
)
def test_register_chart_legends_name_regions_and_sentence_lengths_in_the_readers_language(
    client: Any, cast: Any, settings: Any, language: str, region: str, band: str
) -> None:
    _prisoner(
        cast.recorder,
        date(2021, 1, 10),
        region="brest",
        status="sentenced",
        sentenced_on=date(2021, 6, 1),
        sentence_months=36,
    )
    sign_in_verified(client, cast.auditor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("evidence:register_charts"), {"years": "3"}).content.decode()
    assert region in page and band in page
    # the keys the register stores the values under are not words for readers
    assert ">brest" not in page and "2-5 years" not in page


CSV = (
    "ФИО;Дата задержания;Статьи;Регион;Срок\n"
    "Ivan Testau;01.09.2021;342, 361-1;Grodno region;36\n"
    "Hanna Testava;2022-02-03;130;brest;\n"
)


def _import(client: Any, text: str, mapping: dict[str, int]) -> Any:
    response = client.post(
        reverse("evidence:register_import"),
        {"file": SimpleUploadedFile("register.csv", text.encode("utf-8"))},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client.post(response["Location"], {f"map_{k}": str(v) for k, v in mapping.items()})


MAPPING = {"name": 0, "detained_on": 1, "articles": 2, "region": 3, "sentence_months": 4}


def test_csv_import_with_a_mapping_step(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    response = _import(client, CSV, MAPPING)
    assert response.status_code == 302
    assert Prisoner.objects.count() == 2
    ivan = Prisoner.objects.get(sentence_months=36)
    assert sorted(ivan.charges.values_list("article", flat=True)) == ["342", "361-1"]
    assert ivan.region == "grodno" and ivan.detained_on == date(2021, 9, 1)


def test_csv_import_is_all_or_nothing_with_line_numbers(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    bad = CSV + "Bad Row;31.02.2022;342;Atlantis;-4\n"
    response = _import(client, bad, MAPPING)
    assert response.status_code == 400
    page = response.content.decode()
    assert "line 4" in page and "31.02.2022" in page
    assert not Prisoner.objects.exists()


def test_csv_import_needs_name_and_date_mapped(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    response = _import(client, CSV, {"name": 0})
    assert response.status_code == 400 and "detained_on" in response.content.decode()


def test_a_file_that_is_not_utf8_gets_a_clear_answer(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    response = client.post(
        reverse("evidence:register_import"), {"file": SimpleUploadedFile("r.csv", CSV.encode("cp1251"))}
    )
    assert response.status_code == 200 and "UTF-8" in response.content.decode()


def test_export_shows_names_only_where_agreed(client: Any, cast: Any) -> None:
    services.save_prisoner(
        by=cast.recorder,
        values={"name": "Public Person", "name_is_public": True, "detained_on": date(2021, 1, 1)},
        articles=["342"],
    )
    services.save_prisoner(by=cast.recorder, values={"name": "=HIDDEN()", "detained_on": date(2021, 1, 1)})
    sign_in_verified(client, cast.recorder)
    rows = list(csv.reader(io.StringIO(client.get(reverse("evidence:register_export")).content.decode())))
    names = [row[1] for row in rows[1:]]
    assert "Public Person" in names and "=HIDDEN()" not in names and "" in names


def test_an_entrys_history_names_fields_and_chosen_values_in_the_readers_language(
    client: Any, cast: Any, settings: Any
) -> None:
    entry = _prisoner(cast.recorder, date(2021, 1, 5))
    services.save_prisoner(
        by=cast.colleague,
        prisoner=entry,
        values={"status": "sentenced", "sentence_months": 36, "sentenced_on": date(2021, 6, 1)},
        articles=["342"],
    )
    sign_in_verified(client, cast.auditor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "be"
    page = client.get(reverse("evidence:prisoner", args=[entry.pk])).content.decode()
    assert "<td>Статус</td>" in page and "<td>Асуджаны, адбывае пакаранне</td>" in page
    assert "<td>запіс створаны</td>" in page
    assert ">sentenced<" not in page and ">status<" not in page and ">created<" not in page
