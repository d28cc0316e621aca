"""Latin renderings of a Korean name written in Hangul (docs/screening.md, "Korean names in Hangul").

Each syllable becomes a word, rendered by the Revised Romanization, by McCune-Reischauer as the DPRK's names reach
the lists, and by the spellings South Koreans commonly use; the family name (the first syllable, or the first two for
the two-syllable family names) also in each of its common spellings (`data/korean_family_names.csv`).
"""

from __future__ import annotations

import re
from functools import cache

from hramada.screening.datafiles import data_rows

_FIRST, _LAST = 0xAC00, 0xD7A3
_VOWEL_COUNT, _FINAL_COUNT = 21, 28
HANGUL_SYLLABLES = re.compile("[\uac00-\ud7a3]")

# The 19 initial consonants, the 21 vowels and the 27 finals (after "no final") in the order of the Unicode standard's
# syllable arithmetic (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ; ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ).
_RR_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")  # fmt: skip
_MR_INITIALS = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h")  # fmt: skip
_RR_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
# McCune-Reischauer without its breves: ŏ and ŭ are written o and u, as the lists print the DPRK's names.
_MR_VOWELS = (
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i",
)  # fmt: skip
# A syllable's final as both systems write it at the end of a word (each syllable of a name is one here).
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
_EO = 4  # ㅓ
_YEO = 6  # ㅕ
_NG = 21  # ㅇ as a final
_N = 4  # ㄴ as a final
_SILENT = 11  # ㅇ as an initial

SYSTEMS = ("korean_rr", "korean_mr", "korean_common")
MAX_NAME_SYLLABLES = 5
"""A Hangul word of more syllables is no person's name (organisations: 조선광업개발무역회사): rendered whole."""


def has_hangul(text: str) -> bool:
    return HANGUL_SYLLABLES.search(text) is not None


def jamo(syllable: str) -> tuple[int, int, int]:
    """Initial, vowel and final of a precomposed syllable (Unicode standard, 3.12 "Conjoining Jamo Behavior")."""
    code = ord(syllable) - _FIRST
    return code // (_VOWEL_COUNT * _FINAL_COUNT), code // _FINAL_COUNT % _VOWEL_COUNT, code % _FINAL_COUNT


def syllable(char: str, system: str) -> str:
    """One precomposed syllable in `system` (a character that is no syllable as it is)."""
    if not _FIRST <= ord(char) <= _LAST:
        return char
    initial, vowel, final = jamo(char)
    if system == "korean_mr":
        return _MR_INITIALS[initial] + _MR_VOWELS[vowel] + _FINALS[final]
    rendered_vowel = _RR_VOWELS[vowel]
    if system == "korean_common":
        if final and vowel == _EO:
            rendered_vowel = "u"  # Seong -> Sung, Seok -> Suk, Cheol -> Chul, Jeon -> Jun
        elif final in (_N, _NG) and vowel == _YEO:
            # Yeong -> Young, Byeong -> Byung, Gyeong -> Kyung, Hyeon -> Hyun
            rendered_vowel = "you" if initial == _SILENT and final == _NG else "yu"
        head = "k" if initial == 0 else _RR_INITIALS[initial]  # Ki, Kyung, Kwang
        return head + rendered_vowel + _FINALS[final]
    return _RR_INITIALS[initial] + rendered_vowel + _FINALS[final]


@cache
def family_names() -> dict[str, tuple[str, ...]]:
    """Family name in Hangul -> its common Latin spellings, most used first."""
    return {
        row["hangul"]: tuple(row["spellings"].lower().split()) for row in data_rows("korean_family_names.csv")
    }


def _syllable_words(text: str) -> list[tuple[str, bool]]:
    """The words of `text`, a Hangul person name's syllables one word each (a known two-syllable family name one
    word), each with whether it is the family name."""
    out: list[tuple[str, bool]] = []
    for n, word in enumerate(text.split()):
        syllables = HANGUL_SYLLABLES.findall(word)
        if len(syllables) != len(word) or len(word) > MAX_NAME_SYLLABLES:
            out.append((word, False))  # mixed with other letters, or too long for a name: as it is
            continue
        rest = word
        if n == 0 and len(word) > 2 and word[:2] in family_names():
            out.append((word[:2], True))
            rest = word[2:]
        elif n == 0:
            out.append((word[0], True))
            rest = word[1:]
        out.extend((syllable, False) for syllable in rest)
    return out


def renderings(text: str) -> dict[str, str]:
    """System -> Latin rendering of lower-case `text` holding Hangul (distinct renderings only)."""
    words = _syllable_words(text)
    family = next((w for w, is_family in words if is_family), "")
    spellings = family_names().get(family, ())
    out: dict[str, str] = {}
    for system in SYSTEMS:
        rendered = ["".join(syllable(s, system) for s in word) for word, _family in words]
        if system == "korean_common" and spellings:
            # The family name as its bearers write it, first its most used spelling, then each other one.
            given = " ".join(
                r for r, (_word, is_family) in zip(rendered, words, strict=True) if not is_family
            )
            lines = {system: f"{spellings[0]} {given}".strip()}
            lines.update(
                (f"{system}_{n}", f"{other} {given}".strip()) for n, other in enumerate(spellings[1:], 2)
            )
        else:
            lines = {system: " ".join(rendered)}
        for label, line in lines.items():
            if line not in out.values():
                out[label] = line
    return out
