"""Public and applicant-facing pages work with JavaScript disabled, as in Tor Browser's safest mode."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.django_db(transaction=True)
def test_the_language_form_submits_without_javascript(live_server: Any, no_js_page: Any) -> None:
    page = no_js_page
    page.goto(f"{live_server.url}/")
    page.select_option("#language-select", "ru")
    page.click(".language-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    page.select_option("#language-select", "be")
    page.click(".language-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "be"
