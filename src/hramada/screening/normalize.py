"""Turn whatever text arrives (from a list, a spreadsheet, a web form) into clean words.

Nothing here raises on text: every function accepts any string and returns a possibly empty result.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

MAX_NAME_CHARS: Final = 500
"""Names are cut here: no real name is longer, and a 10,000-character "name" must not cost 10,000 characters."""

_INVISIBLE: Final = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD, 0x180E])
_OPTIONAL_VOWEL_MARKS: Final = dict.fromkeys(
    [
        *range(0x064B, 0x0660),  # Arabic harakat, shadda, sukun (مُحَمَّد is محمد)
        0x0640,  # the tatweel that stretches a word
        0x0670,  # the superscript alef
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E9),
        *range(0x06EA, 0x06EE),  # Quranic annotation marks
        *range(0x0591, 0x05BE),
        0x05BF,
        0x05C1,
        0x05C2,
        0x05C4,
        0x05C5,
        0x05C7,  # Hebrew cantillation and vowel points (שָׁלוֹם is שלום)
    ]
)
"""Marks the Arabic and Hebrew scripts may write or leave out without changing the name: removed, so a vocalised
name is the name as usually written (they are no letters, and the words were cut at them)."""
_APOSTROPHES: Final = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'", "ʻ": "'"})
_WORD: Final = re.compile(
    r"[\w'\u0300-\u036f\u0900-\u0963\u0966-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff]+", re.UNICODE
)
"""A word: letters, digits and the apostrophe, and the combining marks that are part of a word's letters (the
vowel signs and viramas of the Indic scripts, नरेन्द्र; Thai vowels and tones; Latin accents left apart by NFKC)."""

# The EU list (and many spreadsheets) write Latin letters that look like Cyrillic ones inside Cyrillic words:
# `СIВАКАЎ`, `Вiктар` use Latin I/i for Belarusian І/і. These maps undo look-alikes in either direction.
_LATIN_TO_CYRILLIC: Final = str.maketrans(
    "AaBCcEeHIiKMOoPpTXxYyĸ",
    "АаВСсЕеНІіКМОоРрТХхУук",
)
_CYRILLIC_TO_LATIN: Final = str.maketrans(
    "АаВСсЕеНІіКМОоРрТХхУуЈј",
    "AaBCcEeHIiKMOoPpTXxYyJj",
)


_LATIN_LOOKALIKES: Final = frozenset("AaBCcEeHIiKMOoPpTXxYyĸ")
_CYRILLIC_LOOKALIKES: Final = frozenset("АаВСсЕеНІіКМОоРрТХхУуЈј")
_CYRILLIC_LETTER: Final = re.compile("[\u0400-\u052f]")
_LATIN_LETTER: Final = re.compile("[A-Za-z\u00c0-\u024f\u212a]")
"""The characters of `_is_cyrillic` and `_is_latin` (the Kelvin sign lower-cases to k), to find one quickly."""


def has_cyrillic(text: str) -> bool:
    """Whether `text` holds a Cyrillic letter (any of `_is_cyrillic`)."""
    return _CYRILLIC_LETTER.search(text) is not None


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def _is_latin(ch: str) -> bool:
    return ("a" <= ch.lower() <= "z") or ("\u00c0" <= ch <= "\u024f")


def _keep_char(ch: str) -> bool:
    """Drop control characters, unassigned code points, symbols such as emoji; keep letters, digits, marks, dashes
    and quotation marks (organisation names quote the distinctive part, ОАО «Белшина», and join two names of one
    organisation with a dash: `names.organisation_name_parts`), and the semicolon and bar that put two names of a
    person in one field (`names.person_names_in_field`)."""
    cat = unicodedata.category(ch)
    if cat[0] in ("L", "N", "M"):
        return True
    return ch in " '-.,&/\";|" or cat in ("Zs", "Pd", "Pi", "Pf")


_CACHED_CHARS: Final = 0x3000
"""Characters below this (every alphabet a list writes names in) have their `_keep_char` verdict kept."""


class _KeptChars(dict[int, str | None]):
    """Code point -> the character, or a space where `_keep_char` drops it; a table for `str.translate`, filled as
    characters come (one C-level pass over a name instead of a Python call per character)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kept = ch if _keep_char(ch) else " "
        if code < _CACHED_CHARS:
            self[code] = kept
        return kept


_KEPT: Final = _KeptChars()
# Invisible characters removed, then apostrophes unified, then `_KEPT`, in one pass: each maps a character alone.
_CLEANED: Final = _KeptChars({**{code: "'" for code in _APOSTROPHES}, **_INVISIBLE, **_OPTIONAL_VOWEL_MARKS})
_ASCII_CLEANED: Final = "".join(map(chr, range(128))).translate(_CLEANED).encode("ascii") + bytes(
    range(128, 256)
)
"""The same for ASCII text (no ASCII character is invisible, and NFKC leaves ASCII as it is) as a byte table."""


BRACKETED: Final = re.compile(r"\([^()]*\)")
"""What a name adds in brackets (a title, an alias, a country): `clean_text` keeps its words and drops the brackets,
so the readings without it take it away first (`Query.all_names`, `names.name_variants`)."""

_STATED_IN_BRACKETS: Final = re.compile(
    r"\(\s*(?:ex|экс|now|renamed|ныне|цяпер)(?:\s*[-.:]\s*|\s+)(?=[^\s)])", re.IGNORECASE
)
"""A bracket that opens with a word saying the name it holds is the organisation's or the vessel's name at another
time (Zorvex LLC (ex-Kastrel LLC), ZORVEX STAR (ex KASTREL), ООО «Зорвекс» (экс-ООО «Кастрел»), (ныне ООО
«Кастрел»): ныне and цяпер, now)."""


def stated_names_marked(text: str) -> str:
    """`text` with a bracket that states another name of an organisation or a craft (`_STATED_IN_BRACKETS`) opening
    with "formerly", the mark the names' readers split a field at (`names._ALIAS_MARKS`): the brackets are gone once
    the text is cleaned, and "ex" alone is no mark (US Ex-Im Bank). Not for persons (Zorvan Ivanov (ex-minister))."""
    return _STATED_IN_BRACKETS.sub("(formerly ", text) if "(" in text else text


@lru_cache(maxsize=200_000)
def clean_text(text: str) -> str:
    """NFKC, invisible and control characters and emoji removed, apostrophes unified, whitespace collapsed."""
    if not text:
        return ""
    text = text[: MAX_NAME_CHARS * 2]
    if text.isascii():  # most names: a byte table instead of a dictionary look-up per character
        text = text.encode("ascii").translate(_ASCII_CLEANED).decode("ascii")
    else:
        text = unicodedata.normalize("NFKC", text).translate(_CLEANED)
    return " ".join(text.split())[:MAX_NAME_CHARS]


def word_script(word: str) -> str:
    """`cyrillic`, `latin`, `mixed` or `other` by letter counts (digits and marks ignored)."""
    cyr = sum(1 for ch in word if _is_cyrillic(ch))
    lat = sum(1 for ch in word if _is_latin(ch))
    if cyr and lat:
        return "mixed"
    if cyr:
        return "cyrillic"
    if lat:
        return "latin"
    return "other"


def repair_mixed_script(word: str) -> str:
    """Rewrite look-alike letters of the minority script into the majority script of the word.

    `СIВАКАЎ` (Cyrillic with a Latin I) becomes `СІВАКАЎ`; `Lukashеnko` with a Cyrillic е becomes all Latin.
    On a tie the word is read as Cyrillic, because the publisher quirk we know of goes that way.
    """
    if word.isascii() or not _LATIN_LETTER.search(word) or not has_cyrillic(word):
        return word  # one script only: nothing to repair (most words)
    cyrillic = [ch for ch in word if _is_cyrillic(ch)]
    latin = [ch for ch in word if _is_latin(ch)]
    if not cyrillic or not latin:
        return word
    # A script written only in look-alikes is the one mistaken for the other: `хiмii` (Belarusian хіміі with
    # three Latin i) is Cyrillic, because м has no Latin twin, however many letters are Latin.
    latin_looks = all(ch in _LATIN_LOOKALIKES for ch in latin)
    cyrillic_looks = all(ch in _CYRILLIC_LOOKALIKES for ch in cyrillic)
    if latin_looks != cyrillic_looks:
        return word.translate(_LATIN_TO_CYRILLIC if latin_looks else _CYRILLIC_TO_LATIN)
    if len(cyrillic) >= len(latin):
        return word.translate(_LATIN_TO_CYRILLIC)
    return word.translate(_CYRILLIC_TO_LATIN)


def _repair_short_words(words: list[str]) -> list[str]:
    """Words of one or two look-alike letters take the script of every other word of the name: the Belarusian
    conjunction і typed as a Latin i (`па нафце i хiмii`), a Cyrillic АО in a Latin name. Longer words are left as
    they are: a Latin brand of look-alike letters (Coca) may stand in a Cyrillic name."""
    short = [n for n, w in enumerate(words) if len(w) <= 2]
    if not short:
        return words
    scripts = {word_script(w) for n, w in enumerate(words) if n not in short} - {"other"}
    if len(scripts) != 1:
        return words
    script = scripts.pop()
    if script == "cyrillic":
        table, lookalikes = _LATIN_TO_CYRILLIC, _LATIN_LOOKALIKES
    elif script == "latin":
        table, lookalikes = _CYRILLIC_TO_LATIN, _CYRILLIC_LOOKALIKES
    else:
        return words
    out = list(words)
    for n in short:
        if all(ch in lookalikes for ch in words[n]):
            out[n] = words[n].translate(table)
    return out


def _mostly_latin(word: str) -> bool:
    """Whether `word` has more Latin letters than Cyrillic ones."""
    return sum(1 for ch in word if _is_latin(ch)) > sum(1 for ch in word if _is_cyrillic(ch))


def text_script(text: str) -> str:
    """The script of a whole text after repair: `cyrillic`, `latin`, `mixed` (words of both) or `other`."""
    scripts = {word_script(w) for w in text.split()} - {"other"}
    if not scripts:
        return "other"
    if len(scripts) == 1:
        return scripts.pop()
    return "mixed"


_ASCII_WORDS: Final = bytes(
    code if chr(code).isalnum() or code == ord("'") else ord(" ") for code in range(256)
)


@lru_cache(maxsize=200_000)
def normalize_name(text: str) -> str:
    """Clean, repair mixed-script words and case-fold; words separated by single spaces."""
    text = clean_text(text)
    if text.isascii():
        # Nothing to repair, ASCII case-folds as a whole, and the characters `clean_text` keeps besides letters,
        # digits and the apostrophe all part words.
        ascii_words = [w.strip(b"'") for w in text.lower().encode("ascii").translate(_ASCII_WORDS).split()]
        return b" ".join([w for w in ascii_words if w]).decode("ascii")
    words = [w.strip("'") for w in _WORD.findall(text.replace("-", " ").replace(".", ". "))]
    words = [w for w in words if w]
    repaired = _repair_short_words(_repair_in_latin_name(words, [repair_mixed_script(w) for w in words]))
    return " ".join([w.casefold() for w in repaired])


def _repair_in_latin_name(words: list[str], repaired: list[str]) -> list[str]:
    """A Belarusian name put through a Russian transliteration table keeps the letters the table lacks (ў, і):
    `BYKAЎ`, `EPІHAЎ`. Alone such a word is read as Cyrillic typed with Latin look-alikes (`repair_mixed_script`:
    only its Cyrillic side has a letter of its own), which makes ВУКАЎ of it. Where its Latin letters outnumber the
    Cyrillic ones, and so do they in every other word of three letters or more in the name (Fёdaravich), it is a
    Latin word: its Cyrillic look-alikes become Latin and the rest are left for transliteration (Bykaў: bykau)."""
    out = list(repaired)
    for n, word in enumerate(words):
        if repaired[n] == word or word_script(repaired[n]) != "cyrillic" or not _mostly_latin(word):
            continue
        others = [w for m, w in enumerate(repaired) if m != n and len(w) > 2]
        if others and all(_mostly_latin(w) for w in others):
            out[n] = word.translate(_CYRILLIC_TO_LATIN)
    return out
