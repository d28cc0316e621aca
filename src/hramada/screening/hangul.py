"""Latin renderings of a Korean name written in Hangul (docs/screening.md, "Korean names in Hangul").

Each syllable becomes a word, rendered by the Revised Romanization, by McCune-Reischauer as the DPRK's names reach
the lists, and by the spellings South Koreans commonly use; the family name (the first syllable, or the first two for
the two-syllable family names) also in each of its common spellings (`data/korean_family_names.csv`).
"""

from __future__ import annotations

import re
from functools import cache

from hramada.screening.datafiles import data_rows
from hramada.screening.wade_giles import is_pinyin

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


# --- Korean names in Latin letters, one system read as another ---------------------------------------------------

# The key of a syllable (docs/screening.md, "Korean names in Latin letters"): the plain and aspirated initials as
# one letter, the vowels as McCune-Reischauer writes them without breves.
_KEY_INITIALS = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "j", "k", "t", "p", "h")  # fmt: skip
# McCune-Reischauer proper, its apostrophes left out: ch for ㅈ as for ㅊ, tch for ㅉ, k t p for the aspirates.
_MR_PLAIN_INITIALS = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h")  # fmt: skip
_RIEUL, _NIEUN, _SIOT = 5, 2, 9
_FRONT_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})
"""ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: the vowels before which the South reads an initial ㄹ or ㄴ away (두음법칙)."""
_OO, _I, _UI = 13, 20, 19  # ㅜ ㅣ ㅢ
_NOT_KOREAN_LATIN = re.compile(r"[^a-z ]|[fqvxz]")
MAX_LATIN_SYLLABLE = 7
"""Letters of the longest syllable as a system writes it (kkyeong, young)."""
MAX_GIVEN_SYLLABLES = 3


def _key(initial: int, vowel: int, final: int) -> str:
    """The key spelling of a syllable: one for all its romanisations."""
    head = _KEY_INITIALS[initial]
    if initial in (_RIEUL, _NIEUN) and vowel in _FRONT_VOWELS:
        head = ""  # Ryong / Yong, Ri / I, Nyeo / Yeo
    elif initial == _RIEUL:
        head = "n"  # Rodong / Nodong
    return head + _MR_VOWELS[vowel] + _FINALS[final]


def _spellings(initial: int, vowel: int, final: int) -> list[str]:
    """A syllable as each system writes it: RR, the DPRK's McCune-Reischauer, McCune-Reischauer proper without its
    apostrophes, then the South's common spellings (`syllable`, and oo for ㅜ, ee for ㅣ and ㅢ)."""
    tail = _FINALS[final]
    out = [
        _RR_INITIALS[initial] + _RR_VOWELS[vowel] + tail,
        _MR_INITIALS[initial] + _MR_VOWELS[vowel] + tail,
        _MR_PLAIN_INITIALS[initial] + _MR_VOWELS[vowel] + tail,
    ]
    common = syllable(chr(_FIRST + (initial * _VOWEL_COUNT + vowel) * _FINAL_COUNT + final), "korean_common")
    out.append(common)
    if initial == _SIOT and _MR_VOWELS[vowel].startswith(("i", "wi")):
        out.append("sh" + _MR_VOWELS[vowel] + tail)  # MR shi, shwi; the South's Shin
    if vowel == _OO:
        out.append(common.replace("u", "oo"))  # Soo, Hoon, Joo
    elif vowel in (_I, _UI):
        out.append(common[: -len(tail) - len(_RR_VOWELS[vowel])] + "ee" + tail)  # Hee, Jee
    return out


@cache
def latin_syllables() -> dict[str, str]:
    """Every Latin spelling of a Hangul syllable -> its key; a spelling several syllables share goes to the first
    system's (RR, then the DPRK's, then MR, then the common spellings)."""
    spelt = [(_spellings(*jamo(chr(code))), _key(*jamo(chr(code)))) for code in range(_FIRST, _LAST + 1)]
    table: dict[str, str] = {}
    for rank in range(_SYSTEMS_IN_ORDER):
        for spellings, key in spelt:
            for spelling in spellings[rank:] if rank == _SYSTEMS_IN_ORDER - 1 else spellings[rank : rank + 1]:
                table.setdefault(spelling, key)
    return table


_SYSTEMS_IN_ORDER = 4
"""RR, the DPRK's McCune-Reischauer, McCune-Reischauer proper, then the common spellings (the rest of the list)."""


@cache
def _family_spellings() -> dict[str, str]:
    """A Latin spelling of a Korean family name (the table's, and each family syllable's by the systems) -> the
    name's key: its syllable's key, as a given name's syllable has it (Jung, Jeong, Jong: jong), or the spelling
    most used of its row where that key is one letter (이: Lee) or the name two syllables (Namgung)."""
    out: dict[str, str] = {}
    for hangul, spellings in family_names().items():
        if not spellings:
            continue
        found = list(spellings)
        key = spellings[0]
        if len(hangul) == 1:
            found += _spellings(*jamo(hangul))
            if len(_key(*jamo(hangul))) > 1:
                key = _key(*jamo(hangul))
        for spelling in found:
            if spelling not in _BURMESE_NAME_WORDS:
                out.setdefault(spelling, key)
    return out


_BURMESE_NAME_WORDS = frozenset({"u", "oo"})
"""Spellings of 우 that open or close Burmese names as a title or a name (U Tin Oo, Oo Ye Win): no sign of a Korean
family name (Woo is)."""


def _cut(word: str) -> tuple[str, ...] | None:
    """`word` cut into the fewest Korean syllables, the longer first piece where two cuts tie (jeongeun: jeong eun,
    not jeon geun); None when it cannot be so cut."""
    table = latin_syllables()
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * n + [()]
    for i in range(n - 1, -1, -1):
        for j in range(min(n, i + MAX_LATIN_SYLLABLE), i, -1):
            rest = best[j]
            if (
                rest is not None
                and word[i:j] in table
                and (best[i] is None or len(rest) + 1 < len(best[i] or ()))
            ):
                best[i] = (word[i:j], *rest)
    return best[0]


def latin_reading(text: str, family_last: bool = False) -> str | None:
    """A person's name (normalised, words apart) in Latin letters read as a Korean name, a key spelling per syllable
    (Kim Jeong-eun and KIM Jong Un: kim jong un; Lee Byeong-cheol and RI Pyong Chol: lee pyong jol); None unless the first word is a Korean family name (or the last, with `family_last`: a name of two words
    as written, Jeong-eun Kim), every other word one or more Korean syllables, and the reading differs. A name of two words both pinyin is left as written:
    a Chinese name, whose b and p, ch and j are two syllables (Wang Jun; Yi Su-yong, its given name apart, is
    read)."""
    text = text.replace("'", "")  # McCune-Reischauer's aspiration mark (Ch'oe)
    if _NOT_KOREAN_LATIN.search(text):
        return None
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_SYLLABLES:
        return None
    families = _family_spellings()
    # The family name first, as Korean and the lists write it, or last in a name of two words as written (Jeong-eun
    # Kim; Pao Yu Yi is no Korean name).
    at = 0 if words[0] in families else len(words) - 1 if family_last and words[-1] in families else None
    if at is None:
        return None
    out: list[str] = []
    given = 0
    for n, word in enumerate(words):
        if n == at:
            out.append(families[word])
            continue
        cut = _cut(word)
        if cut is None:
            return None
        given += len(cut)
        keys = [latin_syllables()[piece] for piece in cut]
        out.append("".join(keys))
    if given > MAX_GIVEN_SYLLABLES or (len(words) == 2 and all(is_pinyin(word) for word in words)):
        return None  # Wang Jun, Yi Suyong: pinyin, a Chinese name (Korean given names are written apart or hyphenated)
    reading = " ".join(out)
    return reading if reading != text else None
