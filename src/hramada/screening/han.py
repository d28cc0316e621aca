"""Readings of names written in Chinese characters (docs/screening.md, "Names in Chinese characters").

The same characters are a Chinese, a Korean or a Japanese name, and the lists romanise each by its own language
(金正恩 Kim Jong Un, 山田太郎 Yamada Taro, 习近平 Xi Jinping). A name of a few characters is therefore read three
ways: in Mandarin (by ICU, in `transliterate`), in Korean (each character's Hangul reading from the Unicode Han
Database, `data/hanja_hangul.csv`, then rendered as any Hangul name is) and in Japanese (the family and given names
of the IPADIC dictionary with their readings, `data/japanese_names.csv`; kana to Latin letters by jaconv, written
the way Japanese passports write them).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import jaconv

from hramada.screening.datafiles import data_rows

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")
PERSONAL_MIN, PERSONAL_MAX = 2, 5
"""A word of this many Chinese characters and nothing else may be a person's whole name (Korean names take two to
four, Japanese names two to five: 佐藤健, 長谷川一郎): such a word is read in Korean and in Japanese too."""
KOREAN_MAX = 4
FAMILY_READINGS = 2
"""Readings of a Korean family name kept (李: 리 as the DPRK writes it, Ri; 이 as the South does, Lee or Yi)."""
_LONG_VOWELS = (("ou", "o"), ("uu", "u"), ("oo", "o"), ("-", ""))
"""Japanese passports leave long vowels unmarked (Tarou -> Taro, Yuuko -> Yuko, Oono -> Ono)."""


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def has_kana(text: str) -> bool:
    return KANA.search(text) is not None


def name_like(text: str) -> bool:
    """One word of `PERSONAL_MIN` to `PERSONAL_MAX` Chinese characters and nothing else."""
    return PERSONAL_MIN <= len(text) <= PERSONAL_MAX and all(HAN.match(ch) for ch in text)


@cache
def _hanja() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Character -> (every Hangul reading, the readings allowed in names)."""
    return {
        row["hanja"]: (tuple(row["readings"].split()), tuple(row["names"].split()))
        for row in data_rows("hanja_hangul.csv")
    }


def korean_readings(text: str) -> tuple[str, ...]:
    """Hangul spellings of `text` read as a Korean name (family name first, as Korean writes it): the family name
    in each reading a name may take (`FAMILY_READINGS`), every other character in its first reading for names.
    Empty when `text` is no name of two to four characters that all have a Korean reading."""
    if not (name_like(text) and len(text) <= KOREAN_MAX):
        return ()
    table = _hanja()
    if any(ch not in table for ch in text):
        return ()
    readings, for_names = table[text[0]]
    family = (for_names or readings)[:FAMILY_READINGS]
    given = "".join((table[ch][1] or table[ch][0])[0] for ch in text[1:])
    return tuple(f"{f}{given}" for f in family)


@cache
def _japanese_names() -> dict[str, dict[str, tuple[str, ...]]]:
    """Kind (family, given, whole) -> name in Chinese characters -> its readings, most usual first."""
    table: dict[str, dict[str, tuple[str, ...]]] = {"family": {}, "given": {}, "whole": {}}
    for row in data_rows("japanese_names.csv"):
        table[row["kind"]][row["name"]] = tuple(row["readings"].split())
    return table


def kana_latin(kana: str) -> str:
    """Kana in Latin letters, Hepburn as Japanese passports write it: long vowels unmarked (タロウ taro)."""
    latin: str = jaconv.kata2alphabet(jaconv.hira2kata(kana))
    for long, short in _LONG_VOWELS:
        latin = latin.replace(long, short)
    return latin


@lru_cache(maxsize=10_000)
def japanese_reading(text: str) -> str | None:
    """`text` read as Japanese: a person's name of two to five Chinese characters as family name and given name,
    each as the dictionary of names reads it (`data/japanese_names.csv`, the longest family name that leaves a
    given name it knows; else a well-known person's whole name), or a text in kana and Latin letters with its
    kana in Latin letters; in Hepburn as passports write it. None otherwise (no guess is better than a wrong one):
    a name the dictionary cannot cut, or a text mixing kana with Chinese characters."""
    if name_like(text):
        names = _japanese_names()
        for cut in range(len(text) - 1, 0, -1):
            family, given = names["family"].get(text[:cut]), names["given"].get(text[cut:])
            if family and given:
                return f"{family[0]} {given[0]}"
        whole = names["whole"].get(text)
        return whole[0] if whole else None
    if has_han(text) or not has_kana(text):
        return None
    words = [kana_latin(word) if has_kana(word) else word for word in text.replace("\u30fb", " ").split()]
    # the middle dot parts the words of a foreign name; punctuation alone is no word
    return " ".join(word for word in words if any(ch.isalnum() for ch in word)) or None


# --- Japanese names in Latin letters, read as passports write them -------------------------------------------------

_KUNREI = (
    (re.compile(r"sy(?=[aou])"), "sh"),
    (re.compile(r"si"), "shi"),
    (re.compile(r"ty(?=[aou])"), "ch"),
    (re.compile(r"ti"), "chi"),
    (re.compile(r"tu"), "tsu"),
    (re.compile(r"[zd]y(?=[aou])"), "j"),
    (re.compile(r"[zd]i"), "ji"),
    (re.compile(r"du"), "zu"),
    (re.compile(r"(?<![sc])hu"), "fu"),
)
"""Kunrei-shiki and Nihon-shiki (ISO 3602) as Hepburn writes them: Syouzi Takasi is Shoji Takashi, Tuzuki is
Tsuzuki, Huzita is Fujita."""
_SYLLABIC_M = re.compile(r"m(?=[bpm])")  # Hepburn's older m before b, p, m: Shimbun / Shinbun, Homma / Honma
_LONG_H = re.compile(r"(?<=o)h(?![aeiouy])")  # the h some passports write for a long o: Itoh, Ohno, Satoh
_JAPANESE_WORD = re.compile(
    r"(?:(?:sh|ch|ts|[kgnhbpmr]y|[kgsztdnhbpmrfjwy])?[aeiou]|n|[kgsztdbpc](?=[kgsztdbpc]))+"
)
"""A word of Japanese syllables as Hepburn writes them (a doubled consonant before its syllable, n alone)."""


def _hepburn(word: str) -> str:
    """One word in Hepburn as passports write it: Kunrei-shiki spellings, the apostrophe after n, an h or a doubled
    vowel for a long vowel, and m before b, p and m read away (Syouzi -> shoji, Itoh -> ito, Jun'ichi -> junichi)."""
    word = word.replace("'", "")
    for pattern, hepburn in _KUNREI:
        word = pattern.sub(hepburn, word)
    word = _LONG_H.sub("", _SYLLABIC_M.sub("n", word))
    for long, short in _LONG_VOWELS:
        word = word.replace(long, short)
    return word


@cache
def _japanese_name_readings() -> frozenset[str]:
    """Every reading of a Japanese family or given name in the dictionary of names (Hepburn as passports write it)."""
    names = _japanese_names()
    return frozenset(
        reading for kind in ("family", "given") for found in names[kind].values() for reading in found
    )


_NOT_JAPANESE = re.compile(r"[lqvx]|c(?!h)")
"""Letters no romanised Japanese name holds (c only in ch): most names are no Japanese ones by these alone."""


@lru_cache(maxsize=50_000)
def hepburn_reading(text: str) -> str | None:
    """A person's name in Latin letters (normalised, words apart) read as a Japanese name written as passports write
    it (Itou Hiroshi, Satoh Kenzi: ito hiroshi, sato kenji); None unless it is two words, a family and a given name
    (Japanese names have no other), each of three letters or more and, once read, of Japanese syllables and a
    family or given name of the dictionary of names, and the reading differs."""
    words = text.split()
    if len(words) != 2 or not text.isascii() or _NOT_JAPANESE.search(text):
        return None
    known = _japanese_name_readings()
    read: list[str] = []
    # The second word is read only when the first is a Japanese name: most names stop at the first.
    for word in words:
        reading = _hepburn(word)
        if len(reading) < 3 or reading not in known or not _JAPANESE_WORD.fullmatch(reading):
            return None
        read.append(reading)
    out = " ".join(read)
    return out if out != text else None
