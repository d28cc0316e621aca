"""The interactive API documentation loads only the platform's own static files, so the Content-Security-Policy
(scripts from 'self' only) lets it run and an installation without internet shows it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from hramada.core.roles import Role
from tests.conftest import sign_in_verified


@pytest.mark.django_db
def test_the_api_docs_load_their_scripts_and_styles_from_our_static_files(
    client: Any, make_staff: Any
) -> None:
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # No inline script runs: the only inline <script> is the JSON settings block, which is data, not code.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert all('type="application/json"' in attributes for attributes in inline)
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        b"".join(served.streaming_content) if served.streaming else served.content


@pytest.mark.django_db
def test_the_api_docs_are_for_signed_in_staff(client: Any) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
