"""Belarusian and Russian catalogues: complete for every string a user sees, with nothing fuzzy, the right
plural forms and the same placeholders as the English text. Source strings are extracted without GNU
gettext (Babel's Python extractor, Django's `templatize` for templates), so a fresh machine can run this."""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.test import Client

SRC = Path(__file__).resolve().parents[2] / "src" / "hramada"
LOCALE_DIR = SRC / "locale"
LANGUAGES = ("be", "ru")
PLURAL_FORMS = "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"

# The keywords Django's makemessages gives xgettext, in Babel's notation.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
# What makemessages skips (the command is run with --ignore=migrations --ignore='*/tests/*').
IGNORED_DIRS = {"migrations", "tests", "locale", "static", "__pycache__"}
TEMPLATE_SUFFIXES = {".html", ".txt"}

PERCENT = re.compile(r"%(?:\([^)]+\))?[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACES = re.compile(r"\{[A-Za-z_][\w.]*\}")
TAG = re.compile(r"</?[A-Za-z][^>]*>")


@cache
def catalogue(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, locale=language)


def entries(language: str) -> list[Message]:
    return [message for message in catalogue(language) if message.id]


def forms(message: Message) -> list[str]:
    string = message.string
    return list(string) if isinstance(string, tuple | list) else [string]


def placeholders(text: str) -> Counter[str]:
    return Counter(PERCENT.findall(text) + BRACES.findall(text) + TAG.findall(text))


def describe(message: Message) -> str:
    msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
    where = ", ".join(f"{path}:{line}" for path, line in message.locations[:2])
    return (
        f"{msgid!r}" + (f" [{message.context}]" if message.context else "") + (f" ({where})" if where else "")
    )


# 1. The catalogues themselves.


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_header_declares_the_language_and_three_plural_forms(language: str) -> None:
    catalog = catalogue(language)
    assert not catalog.fuzzy, "the header is marked fuzzy"
    assert str(catalog.locale) == language
    assert catalog.num_plurals == 3
    assert catalog.plural_expr.replace(" ", "") == PLURAL_FORMS.replace(" ", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_defined_twice(language: str) -> None:
    """Branches append their strings and the catalogues merge line by line: the same msgid can then appear twice,
    with two translations, and which one a page shows depends on the order. GNU msgfmt refuses such a file."""
    text = (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    keys: Counter[tuple[str, str]] = Counter()
    context = ""
    for match in re.finditer(r'^(msgctxt|msgid) ((?:".*"\n)+)', text + "\n", re.MULTILINE):
        value = "".join(re.findall(r'"(.*)"', match.group(2)))
        if match.group(1) == "msgctxt":
            context = value
            continue
        if value:
            keys[(context, value)] += 1
        context = ""
    twice = [f"{c + ' | ' if c else ''}{m}" for (c, m), n in keys.items() if n > 1]
    assert not twice, f"{len(twice)} defined twice in {language}: {twice}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(language: str) -> None:
    untranslated = [describe(m) for m in entries(language) if not all(s.strip() for s in forms(m))]
    fuzzy = [describe(m) for m in entries(language) if m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}:\n" + "\n".join(untranslated)
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}:\n" + "\n".join(fuzzy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_have_all_three_forms(language: str) -> None:
    wrong = [describe(m) for m in entries(language) if m.pluralizable and len(forms(m)) != 3]
    assert not wrong, f"plural entries without 3 forms in {language}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_markup(language: str) -> None:
    broken = []
    for message in entries(language):
        if message.fuzzy:
            continue  # a fuzzy guess is reported by the test above
        # Every plural form serves numbers such as 21 or 22 too, so each keeps the plural text's placeholders.
        source = message.id[-1] if isinstance(message.id, tuple | list) else message.id
        expected = placeholders(source)
        for index, string in enumerate(forms(message)):
            if string and placeholders(string) != expected:
                broken.append(
                    f"{describe(message)} form {index}: {sorted(placeholders(string).elements())} "
                    f"!= {sorted(expected.elements())}"
                )
    assert not broken, f"placeholders differ in {language}:\n" + "\n".join(broken)


# Letters only one of the two languages has: a Russian text pasted into the Belarusian catalogue (or the
# reverse) shows up here. Entries whose English text itself holds Cyrillic (name examples) are exempt.
FOREIGN_LETTERS = {"be": re.compile(r"[ИиЩщЪъ]"), "ru": re.compile(r"[ІіЎў]")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_in_the_right_language(language: str) -> None:
    wrong = []
    for message in entries(language):
        source = " ".join(message.id) if isinstance(message.id, tuple | list) else message.id
        if re.search(r"[А-Яа-яЁёІіЎў]", source) or message.fuzzy:
            continue
        if any(FOREIGN_LETTERS[language].search(string) for string in forms(message)):
            wrong.append(f"{describe(message)}: {forms(message)}")
    assert not wrong, f"letters of the other language in {language}:\n" + "\n".join(wrong)


# 2. Completeness against the source, extracted without GNU gettext.


def source_files() -> Iterator[Path]:
    for root, dirs, files in os.walk(SRC):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if path.suffix == ".py" or path.suffix in TEMPLATE_SUFFIXES:
                yield path


def extracted_messages(path: Path) -> Iterator[tuple[str | None, str, int]]:
    """(context, msgid, line) for each translatable string in one Python file or template."""
    from django.utils.translation.template import templatize

    text = path.read_text(encoding="utf-8")
    if path.suffix in TEMPLATE_SUFFIXES:
        text = templatize(text, origin=str(path))
    for lineno, message, _comments, context in extract(
        "python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS, options={"encoding": "utf-8"}
    ):
        msgid = message[0] if isinstance(message, tuple | list) else message
        if msgid:
            yield context, msgid, lineno


@cache
def source_messages() -> dict[tuple[str | None, str], str]:
    found: dict[tuple[str | None, str], str] = {}
    for path in source_files():
        for context, msgid, lineno in extracted_messages(path):
            found.setdefault((context, msgid), f"{path.relative_to(SRC)}:{lineno}")
    return found


def test_the_extractor_sees_python_and_template_strings() -> None:
    keys = {msgid for _context, msgid in source_messages()}
    assert "Staff sign-in" in keys  # {% translate %} in a template
    assert "Passkey" in keys  # _("…") inside a template filter argument
    assert "Audit log" in keys
    assert "Sign out" in keys
    assert any(where.endswith(".py") or ".py:" in where for where in source_messages().values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_string_is_translated(language: str) -> None:
    catalog = catalogue(language)
    missing = []
    for (context, msgid), where in sorted(source_messages().items(), key=lambda item: item[1]):
        message = catalog.get(msgid, context=context)
        if message is None or message.fuzzy or not all(s.strip() for s in forms(message)):
            missing.append(f"{where}: {msgid!r}" + (f" [{context}]" if context else ""))
    assert not missing, (
        f"{len(missing)} source string(s) missing or untranslated in {language} "
        "(run makemessages and translate them):\n" + "\n".join(missing)
    )


# 3. The pages speak the language.


@pytest.fixture
def compiled_catalogues() -> None:
    """Compile any stale .mo (as `make test` does) without a half-written file ever being visible."""
    from django.utils.translation import trans_real

    changed = False
    for language in LANGUAGES:
        po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        with tempfile.NamedTemporaryFile(dir=mo_path.parent, suffix=".tmp", delete=False) as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        os.replace(handle.name, mo_path)
        changed = True
    if changed:
        trans_real._translations = {}
        trans_real._default = None


@pytest.mark.django_db
@pytest.mark.usefixtures("compiled_catalogues")
@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        ("be", ["Уваход для супрацоўнікаў", "Імя карыстальніка", "Пароль", "Працягнуць", "Мова"], "Username"),
        ("ru", ["Вход для сотрудников", "Имя пользователя", "Пароль", "Продолжить", "Язык"], "Username"),
    ],
)
def test_the_login_page_renders_translated(
    client: Client, language: str, expected: list[str], english: str
) -> None:
    client.post("/language/", {"language": language, "next": "/staff/login/"})
    page = client.get("/staff/login/").content.decode()
    assert f'lang="{language}"' in page
    for text in expected:
        assert text in page, f"{text!r} missing from the {language} login page"
    assert english not in page
