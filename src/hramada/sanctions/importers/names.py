"""Scripts and languages of names: what a Cyrillic spelling is (Belarusian or Russian) and the name variants.

An FtM entity dict has no language per value, so importers carry ``name_langs`` beside it; this module guesses
the language from letters where the source does not say it, and lists every name of an entity for the UI and
the screening engine.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hramada.screening.transliterate import language_of_cyrillic

if TYPE_CHECKING:
    from hramada.sanctions.importers.entities import ParsedEntity

NAME_KINDS = ("name", "alias", "weakAlias", "previousName")

# ISO 15924 codes for the scripts sanctions names are written in; others fall back to "Zyyy" (common/unknown).
_SCRIPT_CODES = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "CJK": "Hani",
    "HANGUL": "Hang",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
    "DEVANAGARI": "Deva",
    "THAI": "Thai",
}


@dataclass(frozen=True)
class NameVariant:
    """One name of an entity, with its script (ISO 15924), language (ISO 639-3, if known) and kind."""

    value: str
    script: str
    lang: str | None
    kind: str


def _letter_script(char: str) -> str | None:
    if not char.isalpha():
        return None
    first = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return _SCRIPT_CODES.get(first, "Zyyy")


def dominant_script(value: str) -> str:
    """The ISO 15924 code of the script most letters of ``value`` are written in (``Zyyy`` if none)."""
    if value.isascii():
        return "Latn" if any(char.isalpha() for char in value) else "Zyyy"
    counts: dict[str, int] = {}
    for char in value:
        script = _letter_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Zyyy"
    return max(counts.items(), key=lambda item: item[1])[0]


def guess_cyrillic_lang(value: str) -> str | None:
    """``bel``, ``rus`` or ``ukr`` for a Cyrillic name whose letters tell; ``None`` otherwise.

    The letters are read by the engine's one guesser (:func:`hramada.screening.transliterate.language_of_cyrillic`),
    so a listed name is filed under the language the engine reads it in. The EU writes the Belarusian і with a
    Latin ``i`` inside Cyrillic words (``Вiктар``, ``СIВАКАЎ``); that counts as і.
    """
    if value.isascii() or dominant_script(value) != "Cyrl":
        return None
    language = language_of_cyrillic(value)
    return _ISO_639_3.get(language) if language is not None else None


_ISO_639_3 = {"be": "bel", "ru": "rus", "uk": "ukr"}


def name_variants(entity: ParsedEntity | Mapping[str, object]) -> list[NameVariant]:
    """Every name of an entity (name, alias, weakAlias, previousName) with its script and language.

    Accepts a :class:`ParsedEntity` (its ``name_langs`` win) or a bare FtM entity dict (languages guessed from
    letters only).
    """
    data: Mapping[str, object]
    langs: Mapping[str, str]
    if isinstance(entity, Mapping):
        data, langs = entity, {}
    else:
        data, langs = entity.data, entity.name_langs
    properties = data.get("properties", {})
    variants: list[NameVariant] = []
    if not isinstance(properties, Mapping):
        return variants
    for kind in NAME_KINDS:
        values = properties.get(kind, [])
        if not isinstance(values, list):
            continue
        for value in values:
            if not isinstance(value, str):
                continue
            lang = langs.get(value) or guess_cyrillic_lang(value)
            variants.append(NameVariant(value=value, script=dominant_script(value), lang=lang, kind=kind))
    return variants
