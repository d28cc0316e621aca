"""The analyst pages through HTTP: who may open them, search in any script, the entity page field by field,
the delta page, the Belarus filter, and query counts that do not grow with the page."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from hramada.core.roles import Role
from hramada.sanctions import selectors
from tests.sanctions.conftest import JOURNAL


@pytest.fixture
def lists(import_list: Any, ofac_belarus: Any) -> dict[str, Any]:
    journal = import_list("eu_journal", JOURNAL / "32006R0765.csv", published_at=date(2026, 4, 24)).snapshot
    older = import_list("ofac_sdn", ofac_belarus("2024-04-12")).snapshot
    newer = import_list("ofac_sdn", ofac_belarus("2024-04-15")).snapshot
    return {"journal": journal, "ofac_old": older, "ofac_new": newer}


def captions(response: Any) -> list[str]:
    return [member.version.caption for member in response.context["page"].object_list]


@pytest.mark.parametrize("role", [Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR])
def test_analysts_auditors_and_administrators_may_read_the_lists(
    staff_client: Any, role: Role, lists: Any
) -> None:
    client = staff_client(role)
    assert client.get(reverse("sanctions:sources")).status_code == 200


@pytest.mark.parametrize("role", [Role.FUND_MANAGER, Role.DOCUMENTER])
def test_other_staff_may_not(staff_client: Any, role: Role, db: Any) -> None:
    assert staff_client(role).get(reverse("sanctions:sources")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client: Any, db: Any) -> None:
    response = client.get(reverse("sanctions:search"))
    assert response.status_code == 302


def test_the_sources_page_lists_snapshots_with_counts(staff_client: Any, lists: Any) -> None:
    response = staff_client(Role.SANCTIONS_ANALYST).get(reverse("sanctions:sources"))
    text = response.content.decode()
    assert "32006R0765.csv" in text and "sdn-2024-04-15.csv" in text
    assert str(lists["journal"].subject_count) in text


def test_the_sources_page_says_which_screening_engine_runs(staff_client: Any, lists: Any) -> None:
    # The compiled engine where a current build is there, else the sources (docs/screening.md, "The compiled engine").
    from hramada.screening import native

    text = staff_client(Role.SANCTIONS_ANALYST).get(reverse("sanctions:sources")).content.decode()
    said = {
        "compiled": "Screening runs on the compiled engine",
        "source": "sources (no compiled build here): the same answers, slower",
        "stale": "the compiled build is of other sources",
    }
    assert said[native.state()] in text
    assert sum(sentence in text for sentence in said.values()) == 1


@pytest.mark.parametrize("query", ["Лукашэнка", "Лукашенко", "Lukashenka", "lukashenko"])
def test_a_name_in_any_script_finds_the_same_person(staff_client: Any, lists: Any, query: str) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.post(reverse("sanctions:search"), {"q": f"Аляксандр {query}"})
    found = captions(response)
    assert "Aliaksandr Ryhoravich LUKASHENKA" in found  # EU journal
    assert "LUKASHENKA, Alyaksandr Ryhorovich" in found  # OFAC


def test_a_name_is_searched_only_from_the_request_body(staff_client: Any, lists: Any) -> None:
    """A name typed here may be a counterparty's: it never rides in a URL, and results page by POST."""
    client = staff_client(Role.SANCTIONS_ANALYST)
    by_url = client.get(reverse("sanctions:search"), {"q": "Lukashenka"})
    assert by_url.context["page"].paginator.count > 50  # the name was ignored: every listed party
    page = client.post(reverse("sanctions:search"), {"q": "Lukashenka"}).content.decode()
    assert "?q=" not in page and 'method="post"' in page
    second = client.post(reverse("sanctions:search"), {"q": "a", "page": "2"})
    assert second.context["page"].number == 2
    assert 'name="page"' in second.content.decode()


def test_the_belarus_filter_keeps_only_belarus_designations(
    staff_client: Any, lists: Any, import_list: Any
) -> None:
    from tests.sanctions.conftest import FTM

    import_list("ftm_json", FTM / "yente-zala-entities.ftm.json")
    client = staff_client(Role.SANCTIONS_ANALYST)
    everything = client.get(reverse("sanctions:search"), {"q": ""}).context["page"].paginator.count
    belarus = client.get(reverse("sanctions:search"), {"belarus": "on"}).context["page"].paginator.count
    assert 0 < belarus < everything
    for member in client.get(reverse("sanctions:search"), {"belarus": "on"}).context["page"].object_list:
        assert member.belarus


def test_search_pages_take_a_fixed_number_of_queries(
    staff_client: Any, lists: Any, django_assert_max_num_queries: Any
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.post(reverse("sanctions:search"), {"q": "a"})  # warm the session and caches
    with django_assert_max_num_queries(12):
        response = client.get(reverse("sanctions:search"), {"q": ""})
    assert len(response.context["page"].object_list) == 50
    with django_assert_max_num_queries(12):
        client.post(reverse("sanctions:search"), {"q": "Lukashenka", "belarus": "on", "page": "1"})


def test_the_entity_page_shows_lukashenka_field_by_field_with_his_ofac_record(
    staff_client: Any, lists: Any
) -> None:
    eu = next(
        m
        for m in selectors.search_members("Lukashenka Aliaksandr", source_key="eu_journal")
        if m.version.caption == "Aliaksandr Ryhoravich LUKASHENKA"
    )
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.get(reverse("sanctions:entity", args=["eu_journal", eu.entity_id]))
    assert response.status_code == 200
    text = response.content.decode()
    record = response.context["record"]
    groups = {(group.script, group.lang): [n.value for n in group.names] for group in record.name_groups}
    assert any("ЛУКАШЭНКА" in value for value in groups[("Cyrl", "bel")])
    assert any("ЛУКАШЕНКО" in value for value in groups[("Cyrl", "rus")])
    assert "1954-08-30" in text  # birth date
    assert "Kopys" in text  # place of birth
    [designation] = record.designations
    assert designation.programme == "EU-BLR" and designation.belarus
    assert "765/2006" in designation.legal_basis
    assert designation.measures == "Asset freeze"
    assert designation.reason and designation.reason[:40] in text  # statement of reasons
    linked = response.context["linked"]
    assert [link.member.entity_id for link, _ in linked] == ["ofac-9760"]
    ofac_record = linked[0][1]
    assert {d.programme for d in ofac_record.designations} <= {"BELARUS", "BELARUS-EO14038"}
    assert "LUKASHENKA, Alyaksandr Ryhorovich" in text
    assert [row.snapshot.pk for row in response.context["history"]] == [lists["journal"].pk]


def test_the_entity_page_shows_belaruskali_and_belavia_identifiers_and_designations(
    staff_client: Any, lists: Any
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    for name, number in (("Belaruskali", "600122610"), ("Belavia", "600390798")):
        ofac = next(
            m
            for m in selectors.search_members(name, source_key="ofac_sdn")
            if m.schema in ("Organization", "Company", "LegalEntity")
        )
        response = client.get(reverse("sanctions:entity", args=["ofac_sdn", ofac.entity_id]))
        record = response.context["record"]
        assert number in [identifier.value for identifier in record.identifiers]
        assert [d.programme for d in record.designations] == ["BELARUS-EO14038"]
        [(link, eu_record)] = response.context["linked"]
        assert link.member.snapshot.source.key == "eu_journal"
        assert number in [identifier.value for identifier in eu_record.identifiers]
        assert eu_record.designations[0].reason  # the EU statement of reasons shown beside OFAC's record
        assert {name.script for name in eu_record.names} == {"Latn", "Cyrl"}


def test_the_entity_page_takes_a_fixed_number_of_queries(
    staff_client: Any, lists: Any, django_assert_max_num_queries: Any
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    url = reverse("sanctions:entity", args=["ofac_sdn", "ofac-9760"])
    client.get(url)
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_delta_page_says_what_changed_by_listed_party_and_filters_to_belarus(
    staff_client: Any, lists: Any
) -> None:
    delta = selectors.delta_into(lists["ofac_new"])
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.get(reverse("sanctions:delta", args=[delta.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "published 15 April 2024" in text
    page = response.context["page"]
    assert page.paginator.count == delta.parties_added + delta.parties_removed + delta.parties_amended > 0
    assert all(party.schema not in ("Sanction", "Passport") for party in page.object_list)
    assert client.get(reverse("sanctions:snapshot_changes", args=[lists["ofac_new"].pk])).url == reverse(
        "sanctions:delta", args=[delta.pk]
    )
    filtered = client.get(reverse("sanctions:delta", args=[delta.pk]), {"belarus": "on"}).context["page"]
    assert filtered.paginator.count <= page.paginator.count
    assert all(party.belarus for party in filtered.object_list)


def test_the_snapshot_page_paginates_its_parties(staff_client: Any, lists: Any) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.get(reverse("sanctions:snapshot", args=[lists["journal"].pk]), {"page": "2"})
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == 50


def test_the_dashboard_shows_the_latest_list_changes(staff_client: Any, lists: Any) -> None:
    response = staff_client(Role.SANCTIONS_ANALYST).get(reverse("core:dashboard"))
    assert response.status_code == 200
    assert "Latest sanctions list changes" in response.content.decode()
    assert (
        reverse("sanctions:delta", args=[selectors.delta_into(lists["ofac_new"]).pk])
        in response.content.decode()
    )


def test_an_unknown_entity_is_not_found(staff_client: Any, lists: Any) -> None:
    response = staff_client(Role.SANCTIONS_ANALYST).get(
        reverse("sanctions:entity", args=["ofac_sdn", "ofac-0"])
    )
    assert response.status_code == 404


def test_the_ofac_record_of_lukashenka_field_by_field(staff_client: Any, lists: Any) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.get(reverse("sanctions:entity", args=["ofac_sdn", "ofac-9760"]))
    record = response.context["record"]
    assert record.version.caption == "LUKASHENKA, Alyaksandr Ryhorovich"
    facts = dict(record.facts)
    assert facts["birthDate"][:2] == ["1954-08-30", "1954-08-31"]
    assert facts["birthPlace"] == ["Kopys, Vitebsk oblast, Belarus"]
    assert facts["nationality"] == ["by"]
    assert [(d.programme, d.belarus) for d in record.designations] == [("BELARUS", True)]
    assert "Executive Order 13405" in record.designations[0].legal_basis
    assert [link.member.snapshot.source.key for link, _ in response.context["linked"]] == ["eu_journal"]
    history = response.context["history"]
    assert [row.snapshot.pk for row in history] == [lists["ofac_old"].pk, lists["ofac_new"].pk]
    assert [row.changed for row in history] == [True, False]  # listed, then unchanged


def test_the_entity_page_shows_relations_such_as_ofac_linked_to(staff_client: Any, lists: Any) -> None:
    """OFAC lists Belavia's aircraft with "Linked To: ... BELAVIA ..."; both pages show the link."""
    client = staff_client(Role.SANCTIONS_ANALYST)
    belavia = next(
        m for m in selectors.search_members("Belavia", source_key="ofac_sdn") if m.schema != "Airplane"
    )
    response = client.get(reverse("sanctions:entity", args=["ofac_sdn", belavia.entity_id]))
    related = response.context["record"].relations
    aircraft = [r for r in related if r.schema == "Airplane"]
    assert aircraft and all(not r.outgoing for r in aircraft)
    assert "EW-301PJ" in [r.caption for r in aircraft]
    plane = aircraft[0]
    response = client.get(reverse("sanctions:entity", args=["ofac_sdn", plane.entity_id]))
    assert [r.entity_id for r in response.context["record"].relations if r.outgoing] == [belavia.entity_id]


def test_the_delta_page_names_kinds_of_listed_parties_in_belarusian_too(
    staff_client: Any, lists: Any, settings: Any
) -> None:
    """FollowTheMoney has no Belarusian labels; the delta page names a person "Асоба", not "Person"."""
    delta = selectors.delta_into(lists["ofac_new"])
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "be"
    page = client.get(reverse("sanctions:delta", args=[delta.pk]))
    text = page.content.decode()
    assert "Асоба" in text
    assert ">Person<" not in text and ">Organization<" not in text


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "OFAC Specially Designated Nationals list"),
        ("ru", "Список граждан особых категорий OFAC (SDN)"),
    ],
)
def test_the_lists_are_named_in_the_readers_language(
    staff_client: Any, lists: Any, settings: Any, language: str, name: str
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in (reverse("sanctions:sources"), reverse("sanctions:search")):
        assert name in client.get(url).content.decode(), url


@pytest.mark.parametrize(("language", "birth"), [("be", "Дата нараджэння"), ("ru", "Дата рождения")])
def test_the_entity_page_names_every_property_and_country_in_the_readers_language(
    staff_client: Any, lists: Any, settings: Any, language: str, birth: str
) -> None:
    """FollowTheMoney's property names ("birthDate") and English labels ("Birth date", "Nationality") never reach
    a Belarusian or Russian reader: not the published details, the kinds of names nor the identifiers."""
    import re

    from followthemoney import model

    from hramada.core.schema_labels import PROPERTY_LABELS

    english = {prop.label for schema in model.schemata.values() for prop in schema.properties.values()}
    english |= {prop.name for schema in model.schemata.values() for prop in schema.properties.values()}
    with translation.override("en"):
        english |= {str(label) for label in PROPERTY_LABELS.values()}
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    belaruskali = next(
        m for m in selectors.search_members("Belaruskali", source_key="ofac_sdn") if m.schema != "Sanction"
    )
    seen: list[str] = []
    for entity_id in ("ofac-9760", belaruskali.entity_id):
        text = client.get(reverse("sanctions:entity", args=["ofac_sdn", entity_id])).content.decode()
        labels = re.findall(r"<dt>([^<]*)</dt>", text)  # the facts (and the record's own headings)
        labels += re.findall(r"<small>\(([^<]*)\)</small>", text)  # kinds of names: alias, weak alias
        labels += re.findall(r"<li>([^<]*): <code>", text)  # identifiers
        seen += labels
        assert not [label for label in labels if label in english], labels
    assert birth in seen
    page = client.get(reverse("sanctions:entity", args=["ofac_sdn", "ofac-9760"])).content.decode()
    assert "Беларусь (by)" in page  # his nationality, named
