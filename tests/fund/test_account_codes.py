"""An account code or passphrase typed the way a person types it still signs them in."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from hramada.fund import services
from hramada.fund.account_codes import normalise_account_code, normalise_passphrase

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
body = st.text(alphabet=CODE_ALPHABET, min_size=8, max_size=8)
separator = st.sampled_from(["", "-", " ", "  ", "–", "_"])


@given(body, separator, separator, st.booleans(), st.booleans())
def test_every_typed_form_of_a_code_comes_back_canonical(
    code_body: str, first: str, second: str, prefixed: bool, lower: bool
) -> None:
    canonical = f"HR-{code_body[:4]}-{code_body[4:]}"
    typed = (f"HR{first}" if prefixed else "") + code_body[:4] + second + code_body[4:]
    typed = typed.lower() if lower else typed
    assert normalise_account_code(f"  {typed} ") == canonical


def test_cyrillic_look_alike_letters_are_read_as_latin() -> None:
    assert normalise_account_code("hr-АВСЕ-км23") == "HR-ABCE-KM23"


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=20, max_size=20),
    separator,
    st.booleans(),
)
def test_a_passphrase_typed_without_dashes_or_in_capitals_matches(
    letters: str, sep: str, upper: bool
) -> None:
    canonical = "-".join(letters[i : i + 5] for i in range(0, 20, 5))
    typed = sep.join(letters[i : i + 5] for i in range(0, 20, 5))
    assert normalise_passphrase(typed.upper() if upper else typed) == canonical


def test_other_passwords_pass_through_untouched() -> None:
    assert normalise_passphrase("Correct Horse") == "Correct Horse"


@pytest.mark.django_db
def test_an_applicant_signs_in_with_a_code_typed_without_dashes_in_lower_case(client: Client) -> None:
    account: Any = services.register_applicant(language="en")
    typed_code = re.sub("-", "", account.code).lower()
    typed_passphrase = account.passphrase.replace("-", " ").upper()
    response = client.post(reverse("fund_portal:login"), {"code": typed_code, "passphrase": typed_passphrase})
    assert response.status_code == 302 and response["Location"] == reverse("fund_portal:home")


@pytest.mark.django_db
def test_a_demo_applicant_has_no_passphrase_and_cannot_sign_in(client: Client) -> None:
    account: Any = services.register_applicant(language="en", demo=True)
    assert account.passphrase == ""
    assert not account.applicant.user.has_usable_password()
    for passphrase in ("", "!", account.applicant.user.password):
        response = client.post(reverse("fund_portal:login"), {"code": account.code, "passphrase": passphrase})
        assert response.status_code != 302
