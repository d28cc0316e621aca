"""The promise that matters most to applicants: a raw copy of the database and of the storage folder reveals nothing
they typed.

After the demo and a whole journey in Chromium with JavaScript off (an applicant with a name, an e-mail, contacts,
an address, a long-term proposal, budget lines, an attachment, a message and bank details; a screening hold the
analyst opens and clears; two reviewers' comments and a third reviewer's declared conflict; failed sign-ins of an
applicant and of a staff member), every row of every table and every file under the storage folder is searched for
every value typed, in any letter case, as typed, JSON-escaped and URL-encoded. Every typed value carries the marker
"Квіткоў"/"Kvitkou", so a fragment or a truncation is caught too. It runs on SQLite and on PostgreSQL (not marked as
a browser test, so CI's PostgreSQL run includes it).
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from playwright.sync_api import expect

from hramada.core.roles import Role
from hramada.fund.models import Application, Category, Envelope, Programme, ScreeningHold, Tier
from hramada.fund.screening import PossibleMatch, use_screener
from tests.conftest import sign_in_verified

NAME = "Алесь Квіткоўскі"
EMAIL = "ales.kvitkouski@example.org"
TITLE = "Друк самвыдату Квіткоўскага ў Гародні"
SUMMARY = "Патрэбны рызограф; Квіткоўскі друкуе ў кватэры на вул. Савецкай"
OBJECTIVES = "Дванаццаць нумароў газеты Квіткоўскага"
ACTIVITIES = "Распаўсюд праз сяброў Квіткоўскага"
BUDGET_LINE = "Рызограф для Квіткоўскага"
RISKS = "Ператрус у Квіткоўскага"
SECURITY_PLAN = "Tails і Signal для Квіткоўскага"
ORGANISATION = "Самвыдат Квіткоўскіх"
CONTACT_NAME = "Тацяна Квіткоўская"
CONTACT_DETAILS = "Signal +375 29 555 12 34 (Квіткоўская)"
ADDRESS = "вул. Савецкая 17-4, Гродна, у Квіткоўскіх"
MESSAGE = "Тэлефануйце пасля 18:00, спытаеце Квіткоўскага"
FILE_NAME = "pashpart-kvitkouski.txt"
FILE_CONTENT = "Пашпарт MP7654321, Квіткоўскі Алесь"
PAYEE = "Ales Kvitkouski"
ACCOUNT = "LT60 1010 0123 4567 8901 KVITKOU"
BANK = "Kvitkouski Bank, SWIFT KVITLT22"
SCREENED_PAYEE = "Kvitkouski Printing Payee"
REVIEW_COMMENT = "Kvitkouski: the flat was searched in 2021, print elsewhere"
CONFLICT_NOTE = "Kvitkouski is my neighbour"
WRONG_PASSPHRASE = "zubr-vasilek-kvitkou-1994"
WRONG_STAFF_USERNAME = "kvitkouski.typo"
WRONG_STAFF_PASSWORD = "Kvitkou-wrong-horse-77"

TYPED = [
    NAME, EMAIL, TITLE, SUMMARY, OBJECTIVES, ACTIVITIES, BUDGET_LINE, RISKS, SECURITY_PLAN, ORGANISATION,
    CONTACT_NAME, CONTACT_DETAILS, ADDRESS, MESSAGE, FILE_NAME, FILE_CONTENT, PAYEE, ACCOUNT, BANK,
    SCREENED_PAYEE, REVIEW_COMMENT, CONFLICT_NOTE, WRONG_PASSPHRASE, WRONG_STAFF_USERNAME, WRONG_STAFF_PASSWORD,
]  # fmt: skip
# Fragments every typed value shares, and pieces that identify on their own.
MARKERS = ["Квіткоў", "Kvitkou", "555 12 34", "MP7654321", "Савецк"]


def forms_of(value: str) -> set[str]:
    """The ways a value can be written down: as it is, JSON-escaped (ASCII and not), URL-encoded; all casefolded."""
    forms = set()
    for text in (value, value.casefold(), value.upper()):
        forms.add(text)
        forms.add(json.dumps(text)[1:-1])
        forms.add(json.dumps(text, ensure_ascii=False)[1:-1])
        forms.add(urllib.parse.quote_plus(text))
        forms.add(urllib.parse.quote(text))
    return {f.casefold() for f in forms if f}


def find_plaintext(haystacks: Iterable[tuple[str, str]], values: Iterable[str]) -> list[str]:
    """'where: value' for every value found in any of the (where, text) haystacks, compared casefolded."""
    needles = [(value, forms_of(value)) for value in values]
    hits = []
    for where, text in haystacks:
        folded = text.casefold()
        for value, forms in needles:
            if any(form in folded for form in forms):
                hits.append(f"{where}: {value!r}")
    return hits


def _as_text(value: Any) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace") + "\n" + value.decode("latin-1")
    return str(value)


def database_dump() -> Iterator[tuple[str, str]]:
    """Every row of every table, read with plain SQL (no model, no field class decrypts anything)."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor, include_views=False):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for number, row in enumerate(cursor.fetchall()):
                yield f"{table} row {number}", "\x1f".join(_as_text(v) for v in row)


def storage_dump(root: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        yield (
            str(path.relative_to(root)),
            data.decode("utf-8", errors="replace") + "\n" + data.decode("latin-1"),
        )
        yield f"{path.relative_to(root)} (name)", str(path.relative_to(root))


def test_the_search_finds_a_value_in_every_form_it_may_take() -> None:
    rows = [
        ("plain", f"x {NAME.upper()} y"),
        ("json", json.dumps({"name": CONTACT_NAME})),
        ("url", "/?q=" + urllib.parse.quote_plus(ADDRESS)),
        ("fragment", "… Квіткоўскага …"),
        ("clean", "nothing personal here"),
    ]
    hits = find_plaintext(rows, [NAME, CONTACT_NAME, ADDRESS, *MARKERS])
    assert {hit.split(":")[0] for hit in hits} == {"plain", "json", "url", "fragment"}


@pytest.fixture
def chromium(browser: Any) -> Any:
    """The session's one Chromium (tests/conftest.py): Playwright's sync API allows one instance per process."""
    return browser


def _page(browser: Any, *, javascript: bool, cookie: Any = None, url: str = "") -> Any:
    context = browser.new_context(java_script_enabled=javascript, locale="en-GB")
    if cookie is not None:
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _staff_page(browser: Any, user: Any, url: str) -> Any:
    client = sign_in_verified(Client(), user)
    return _page(browser, javascript=True, cookie=client.cookies[settings.SESSION_COOKIE_NAME], url=url)


def _listed_look_alike(name: str, *args: Any, **kwargs: Any) -> list[PossibleMatch]:
    """A screener that holds the contact person, explaining itself as the engine does: quoting the name."""
    if "Квіткоўская" not in name:
        return []
    return [
        PossibleMatch(
            "eu-test-1", "HRAMOVICH Tatsiana", 0.91, f'"{name}" met "HRAMOVICH Tatsiana": name 0.91'
        )
    ]


def _applicant_journey(page: Any, url: str) -> tuple[int, str]:
    page.goto(f"{url}/apply/register/")
    page.select_option("#id_language", "be")
    page.fill("#id_name", NAME)
    page.fill("#id_email", EMAIL)
    page.click("main form button[type=submit]")
    code = page.locator("#account-code").inner_text()
    page.click("main a.button")
    page.click("a[href$='/apply/new/long_term/']")
    page.click("main form button[type=submit]")
    match = re.search(r"/applications/(\d+)/edit/", page.url)
    assert match, page.url
    pk = int(match.group(1))
    page.select_option("#id_category", "media")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.fill("#id_amount_requested", "6000")
    page.fill("#id_duration_months", "12")
    page.click("button[name=next]")
    page.fill("#id_objectives", OBJECTIVES)
    page.fill("#id_activities", ACTIVITIES)
    page.click("button[name=next]")
    page.fill("#id_line_0", BUDGET_LINE)
    page.fill("#id_amount_0", "6000")
    page.click("button[name=next]")
    page.fill("#id_risks", RISKS)
    page.fill("#id_digital_security_plan", SECURITY_PLAN)
    page.click("button[name=next]")
    page.fill("#id_organisation_name", ORGANISATION)
    page.fill("#id_contact_name", CONTACT_NAME)
    page.fill("#id_contact_details", CONTACT_DETAILS)
    page.fill("#id_address", ADDRESS)
    page.click("button[name=next]")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": FILE_NAME, "mimeType": "text/plain", "buffer": FILE_CONTENT.encode()}],
    )
    page.click("form[action$='/attach/'] button")
    page.fill("form[action$='/message/'] textarea", MESSAGE)
    page.click("form[action$='/message/'] button")
    page.click("form[action$='/submit/'] button")
    assert page.locator("#application-status").get_attribute("data-state") == "submitted"
    return pk, code


def _failed_sign_ins(browser: Any, url: str, code: str) -> None:
    page = _page(browser, javascript=False)
    page.goto(f"{url}/apply/login/")
    page.fill("#id_code", code)
    page.fill("#id_passphrase", WRONG_PASSPHRASE)
    page.click("main form button[type=submit]")
    # The click returns once the answer starts loading; the refusal is on the page by its end.
    expect(page.locator(".form-errors").first).to_be_visible()
    page.goto(f"{url}/staff/login/")
    page.fill("#id_username", WRONG_STAFF_USERNAME)
    page.fill("#id_password", WRONG_STAFF_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/staff/login/" in page.url
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_no_typed_personal_value_is_stored_in_clear_anywhere(
    live_server: Any, chromium: Any, make_staff: Any, tmp_path: Path, settings: Any
) -> None:
    from hramada.fund import demo

    settings.MEDIA_ROOT = str(tmp_path / "media")
    demo.load(lambda _line: None)
    programme = Programme.objects.create(name="Fund", slug="fund-at-rest")
    for tier in Tier.values:
        Envelope.objects.create(
            programme=programme,
            tier=tier,
            category=Category.INDEPENDENT_MEDIA,
            year=2026,
            allocated="90000.00",
        )
    url = live_server.url
    applicant = _page(chromium, javascript=False)
    with use_screener(_listed_look_alike):
        pk, code = _applicant_journey(applicant, url)
    hold = ScreeningHold.objects.get(application_id=pk)

    analyst = _staff_page(chromium, make_staff(Role.SANCTIONS_ANALYST), url)
    analyst.goto(f"{url}/fund/holds/{hold.pk}/")
    analyst.click("button[name=show]")
    # The click returns once the next page starts; the assertion waits for the audited reveal's page.
    expect(analyst.locator("main")).to_contain_text(CONTACT_NAME)
    analyst.check("input[name=decision][value=clear]")
    analyst.fill("#id_reason", "Another person: the listed one is thirty years older.")
    analyst.click("main form.form button.button:not(.button-secondary)")

    reviewers = []
    for number in range(2):  # a long-term proposal needs two reviews
        reviewer = _staff_page(chromium, make_staff(Role.REVIEWER), url)
        reviewers.append(reviewer)
        reviewer.goto(f"{url}/fund/applications/{pk}/")
        assert SUMMARY in reviewer.content()
        if number == 0:
            reviewer.click("form[action$='/transition/start_review/'] button")
        reviewer.click(f"a[href$='/fund/applications/{pk}/review/']")
        reviewer.check("#id_conflict_of_interest_0")
        for rubric in ("relevance", "feasibility", "impact", "security", "value_for_money"):
            reviewer.select_option(f"#id_{rubric}", "4")
        reviewer.select_option("#id_recommendation", "fund")
        reviewer.fill("#id_comment", REVIEW_COMMENT)
        reviewer.click("main form button")
    conflicted = _staff_page(chromium, make_staff(Role.REVIEWER), url)
    reviewers.append(conflicted)
    conflicted.goto(f"{url}/fund/applications/{pk}/review/")
    conflicted.check("#id_conflict_of_interest_1")
    conflicted.fill("#id_conflict_note", CONFLICT_NOTE)
    conflicted.click("main form button")
    reviewers[1].click("form[action$='/recommend/'] button")
    manager = _staff_page(chromium, make_staff(Role.FUND_MANAGER), url)
    manager.goto(f"{url}/fund/applications/{pk}/")
    assert REVIEW_COMMENT in manager.content() and CONFLICT_NOTE in manager.content()  # audited reveals
    manager.fill("form[action$='/reveal/'] input[name=purpose]", "calling the applicant back")
    manager.click("form[action$='/reveal/'] button")
    expect(manager.locator("main")).to_contain_text(CONTACT_DETAILS)
    manager.goto(f"{url}/fund/applications/{pk}/")
    manager.check("input[name=decision][value=approve]")
    manager.click("#decision button")
    manager.wait_for_load_state()  # the click returns once the next page starts; the decision is saved by its end
    assert Application.objects.get(pk=pk).state == "approved"
    applicant.goto(f"{url}/apply/applications/{pk}/payment/")
    applicant.fill("#id_payee_name", PAYEE)
    applicant.fill("#id_account", ACCOUNT)
    applicant.fill("#id_bank", BANK)
    applicant.fill("#id_country", "Lithuania")
    applicant.click("main form button[type=submit]")
    applicant.wait_for_load_state()
    # A finance officer screens a file of payees (their names are counterparties' personal data too).
    finance = _staff_page(chromium, make_staff(Role.FINANCE_OFFICER), url)
    finance.goto(f"{url}/screening/bulk/")
    finance.set_input_files(
        "input[type=file]",
        files=[
            {
                "name": "payees.csv",
                "mimeType": "text/csv",
                "buffer": f"id,name\np1,{SCREENED_PAYEE}\n".encode(),
            }
        ],
    )
    finance.click("main form button[type=submit]")
    finance.wait_for_url("**/staff/jobs/**")
    finance.context.close()
    _failed_sign_ins(chromium, url, code)
    for page in (applicant, analyst, manager, *reviewers):
        page.context.close()

    hits = find_plaintext(database_dump(), [*TYPED, *MARKERS])
    stored_files = list(storage_dump(Path(settings.MEDIA_ROOT)))
    assert any("screening" in where for where, _ in stored_files), "the bulk upload was not stored"
    hits += find_plaintext(stored_files, [*TYPED, *MARKERS])
    assert hits == []
    # django-axes recorded the failures, but neither the account code nor the username typed.
    axes_rows = [row for where, row in database_dump() if where.startswith("axes_")]
    assert axes_rows, "the failed sign-ins were not recorded at all"
    assert find_plaintext([("axes", "\n".join(axes_rows))], [code]) == []
