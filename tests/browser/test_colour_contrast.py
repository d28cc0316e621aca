"""WCAG AA colour contrast on the main pages, in English, Belarusian and Russian, measured from the colours Chromium
actually computes from our CSS: 4.5:1 for body text, 3:1 for large text (24 px, or 18.66 px bold). Disabled
controls are included (WCAG exempts them, but people still need to read what is unavailable)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from hramada.core.roles import Role
from tests.browser.test_staff_administration import sign_in
from tests.fund import factories

# Every element with its own text: colour, the first opaque background up its ancestors, size and weight.
COLLECT = """
() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(x => parseFloat(x)); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0.99) return c; } return [255, 255, 255, 1]; };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
    if (!own) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || el.closest('.visually-hidden, .skip-link')) continue;
    const rect = el.getBoundingClientRect(); if (rect.width === 0 || rect.height === 0) continue;
    out.push({tag: el.tagName, text: own.slice(0, 40), fg: parse(style.color), bg: background(el),
              size: parseFloat(style.fontSize), weight: parseInt(style.fontWeight, 10)});
  }
  return out;
}
"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: list[float], background: list[float]) -> float:
    alpha = foreground[3]
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(foreground[:3], background[:3], strict=True)]
    lighter, darker = sorted((luminance(blended), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcag_examples() -> None:
    assert round(contrast([0, 0, 0, 1], [255, 255, 255, 1]), 1) == 21.0
    assert round(contrast([118, 118, 118, 1], [255, 255, 255, 1]), 2) == 4.54  # the lightest grey that passes


def low_contrast(page: Any) -> list[str]:
    problems = []
    items = page.evaluate(COLLECT)
    assert len(items) >= 3, f"no text measured on {page.url}"
    for item in items:
        if item["fg"] is None:
            continue
        large = item["size"] >= 24 or (item["size"] >= 18.66 and item["weight"] >= 700)
        needed = 3.0 if large else 4.5
        ratio = contrast(item["fg"], item["bg"])
        if ratio < needed:
            problems.append(f"{item['tag']} {item['text']!r}: {ratio:.2f} < {needed}")
    return problems


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "be", "ru"])
def test_main_pages_meet_wcag_aa_contrast(
    live_server: Any, browser: Any, make_staff: Any, language: str
) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    draft: Any = factories.draft(prog)
    draft.__class__.objects.filter(pk=draft.pk).update(title="")  # incomplete: its Submit button is disabled
    context = browser.new_context(locale="en-GB")
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    for path in ("/", "/apply/", "/apply/register/", "/apply/login/", "/staff/login/"):
        page.goto(f"{live_server.url}{path}")
        problems += [f"{path}: {p}" for p in low_contrast(page)]
    user = draft.applicant.user
    user.set_password("correct horse battery 42")
    user.preferred_language = language
    user.save()
    page.goto(f"{live_server.url}/apply/login/")
    page.fill("#id_code", user.username)
    page.fill("#id_passphrase", "correct horse battery 42")
    page.click("main form button[type=submit]")
    page.goto(f"{live_server.url}/apply/applications/{draft.pk}/")
    assert page.locator("form[action$='/submit/'] button").is_disabled()
    problems += [f"application: {p}" for p in low_contrast(page)]
    context.close()

    staff_context = browser.new_context(locale="en-GB")
    staff_context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    staff = staff_context.new_page()
    staff.set_default_timeout(15_000)
    admin = make_staff(Role.ADMINISTRATOR, Role.FUND_MANAGER, username=f"contrast-{language}")
    sign_in(staff, live_server.url, admin, f"contrast-{language}")
    for path in (
        "/staff/",
        "/fund/",
        "/fund/queue/rapid/",
        "/staff/accounts/",
        "/staff/audit/",
        "/staff/security/",
    ):
        staff.goto(f"{live_server.url}{path}")
        problems += [f"{path}: {p}" for p in low_contrast(staff)]
    staff_context.close()
    assert not problems, f"{language}: text below WCAG AA contrast:\n" + "\n".join(problems)
