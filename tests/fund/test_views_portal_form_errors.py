"""The error summary above the applicant's form, in Belarusian, Russian and English: a question keeps its own
question mark (no "threat?:"), and a refused amount is quoted as the applicant typed it."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from hramada.fund import services
from hramada.fund.forms import RapidForm
from tests.fund import factories
from tests.fund.test_views_portal import RAPID, register, start

pytestmark = pytest.mark.django_db

LANGUAGES = ["be", "ru", "en"]


@pytest.fixture(autouse=True)
def _restore_language() -> Any:
    """Requests activate the reader's language in this thread; give the next test the default back."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def _edit(client: Client, language: str, **changes: Any) -> str:
    factories.programme()
    register(client, language=language)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    app = start(client)
    data = {k: v for k, v in {**RAPID, **changes, "save": "1"}.items() if v is not None}
    response = client.post(reverse("fund_portal:edit", args=[app.pk, "rapid"]), data)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_left_unanswered_is_not_followed_by_a_colon(client: Client, language: str) -> None:
    page = _edit(client, language, repression_related=None)
    with translation.override(language):
        question = str(RapidForm.base_fields["repression_related"].label)
        required = gettext("This field is required.")
    assert question.endswith("?")
    assert escape(f"{question} {required}") in page
    assert escape(f"{question}:") not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_amount_is_quoted_as_typed(client: Client, language: str) -> None:
    page = _edit(client, language, amount_requested="  12 hundred ")
    with translation.override(language):
        refusal = gettext("“%(value)s” is not an amount of money.")
        label = str(RapidForm.base_fields["amount_requested"].label)
    assert escape(f"{label}: " + refusal % {"value": "12 hundred"}) in page
    assert "12hundred" not in page


def test_a_long_refused_amount_is_shortened_in_the_message() -> None:
    typed = "one thousand five hundred and twenty euros and fifty cents"
    with pytest.raises(services.AmountRefused) as refused:
        services.parse_amount(typed.replace(" ", ""), typed=typed)
    message = str(refused.value)
    assert typed[:39] + "…" in message and typed not in message


@pytest.mark.parametrize(
    ("label", "lead_in"),
    [
        ("How urgent?", "How urgent?"),
        ("Stop!", "Stop!"),
        ("Note:", "Note:"),
        ("Amount", "Amount:"),
        ("Reach you (optional)", "Reach you (optional):"),
        ("Done.", "Done."),
    ],
)
def test_the_summary_adds_a_colon_only_where_the_label_has_no_ending(label: str, lead_in: str) -> None:
    rendered = Template("{% load hramada_format %}{{ label|lead_in }}").render(Context({"label": label}))
    assert rendered == escape(lead_in)
