"""Chinese names written in Cyrillic by the Palladius system, read back as Hanyu Pinyin (docs/screening.md,
"Chinese names in Cyrillic").

Russian and Belarusian lists, registries and press write a Chinese name by the Palladius system (Си Цзиньпин, Xi
Jinping; Синьцзян, Xinjiang; Волат-Санцзян, Volat-Sanjiang), which no Cyrillic romanisation turns into the pinyin
that English and the other lists use (BGN/PCGN gives Si Tszin'pin). The system writes each syllable of Standard
Chinese one way, so the table below is built from the pinyin syllables (every initial with every final it takes)
by the system's rules, and a Cyrillic word is read back by cutting it into syllables of that table.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache, lru_cache

# Initials: pinyin -> Palladius. j, q and x take only the i and ü finals; z, c, s, zh, ch, sh and r only the others.
_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х",
    "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
_PALATAL = frozenset({"j", "q", "x"})
_RETROFLEX = frozenset({"zh", "ch", "sh", "r"})
_DENTAL = frozenset({"z", "c", "s"})

# Finals after an initial: pinyin -> Palladius.
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун",
    "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
    "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}  # fmt: skip
_I_FINALS = frozenset({"i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong"})
_U_UMLAUT_FINALS = frozenset({"ü", "üe", "üan", "ün"})

# Syllables with no initial, as pinyin writes them (y and w) and as Palladius does.
_ZERO_INITIAL = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "er": "эр",
    "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин",
    "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}  # fmt: skip
MAX_SYLLABLE = 6
"""Cyrillic letters of the longest syllable (чжуань, zhuan)."""


def _takes(initial: str, final: str) -> bool:
    """Whether Standard Chinese has syllables of this initial and final (a superset is harmless where its
    Palladius spelling is no other syllable's; o and uo are both о, so o is kept to the labials: bo, po, mo, fo)."""
    if final == "o":
        return initial in ("b", "p", "m", "f")
    if initial in _PALATAL:
        return final in _I_FINALS or final in _U_UMLAUT_FINALS
    if final in _U_UMLAUT_FINALS:
        return initial in ("n", "l")  # nü, lü, lüe
    if initial in _RETROFLEX or initial in _DENTAL:
        return final not in _I_FINALS or final == "i"
    if final in ("ua", "uai", "uang"):
        return initial in ("g", "k", "h") or initial in _RETROFLEX
    return True


@cache
def pinyin_syllables() -> tuple[tuple[str, str], ...]:
    """Every syllable of Standard Chinese as (initial, final) in pinyin, ü as ü; a syllable with no initial as
    ("", its spelling: yi, wu, er). Shared with the Wade-Giles reading (`wade_giles`)."""
    with_initial = tuple(
        (initial, final) for initial in _INITIALS for final in _FINALS if _takes(initial, final)
    )
    return tuple(("", pinyin) for pinyin in _ZERO_INITIAL) + with_initial


@cache
def syllables() -> dict[str, str]:
    """Palladius spelling of a syllable -> its pinyin (ü written u, as names in Latin letters do)."""
    table: dict[str, str] = {}
    for initial, final in pinyin_syllables():
        if not initial:
            table.setdefault(_ZERO_INITIAL[final], final)
            continue
        written = "ы" if final == "i" and initial in _DENTAL else _FINALS[final]  # zi, ci, si: цзы, цы, сы
        table.setdefault(_INITIALS[initial] + written, (initial + final).replace("ü", "u"))
    return table


def fewest_syllables(word: str, known: Container[str], longest: int) -> tuple[str, ...] | None:
    """`word` cut into the fewest pieces that are all `known` syllables of at most `longest` letters (the first
    such cut where several tie), or None when it cannot be so cut. Shared by the Chinese and the Korean readings of
    Cyrillic (`kontsevich`)."""
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        start = best[i]
        if start is None:
            continue
        for j in range(i + 1, min(n, i + longest) + 1):
            if word[i:j] in known and (best[j] is None or len(best[j] or ()) > len(start) + 1):
                best[j] = (*start, word[i:j])
    return best[n]


@lru_cache(maxsize=50_000)
def to_pinyin(word: str) -> str | None:
    """`word` (lower-case Cyrillic) read as one or more Palladius syllables, in pinyin joined as one word (Цзиньпин
    -> jinping); None unless the whole word is such syllables. The fewest syllables win (Сиань is xian, not xi an)."""
    table = syllables()
    word = word.replace("і", "и").replace("ё", "е")  # Belarusian writes Сі Цзіньпін
    found = fewest_syllables(word, table, MAX_SYLLABLE)
    return "".join(table[piece] for piece in found) if found else None
