"""Chinese names romanised by Wade-Giles, read as Hanyu Pinyin (docs/screening.md, "Chinese names in Wade-Giles").

Before 1979 the West, and Taiwan until 2009, wrote Standard Chinese by Wade-Giles (Mao Tse-tung, Teng Hsiao-ping,
Chou En-lai); the lists and most registries now write pinyin (Mao Zedong, Deng Xiaoping, Zhou Enlai), and the two
spell the same syllable far apart (hs for x, ch for j and zh, ts and tz for z, k for g, -ung for -ong, -ieh for -ie).
The system writes each syllable one way, so the table is built from the pinyin syllables (`palladius.
pinyin_syllables`) by its rules, and a Latin word is read back by cutting it into syllables of that table. Names in
Latin letters mostly leave out the apostrophe that marks an aspirated initial (p' for p, t' for t, ch' for q and ch)
and the diaeresis of ü, so a syllable written without them is read as the unaspirated one (ping as bing, chi as ji):
one letter off at most, which the comparison tolerates. Sources: the Wade-Giles table of the Library of Congress
(Pinyin Conversion Project, 2000) and Wade and Giles' own syllabary.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from hramada.screening.palladius import fewest_syllables, pinyin_syllables

# Initials: pinyin -> Wade-Giles as names write it (no apostrophe: p', t', k', ch', ts' are p, t, k, ch, ts).
_INITIALS = {
    "b": "p", "p": "p", "m": "m", "f": "f", "d": "t", "t": "t", "n": "n", "l": "l", "g": "k", "k": "k", "h": "h",
    "j": "ch", "q": "ch", "x": "hs", "zh": "ch", "ch": "ch", "sh": "sh", "r": "j", "z": "ts", "c": "ts", "s": "s",
}  # fmt: skip
_UNASPIRATED_FIRST = ("b", "d", "g", "j", "zh", "z", "m", "f", "n", "l", "h", "x", "sh", "r", "s", "p", "t", "k",
                      "q", "ch", "c")  # fmt: skip
"""Initials in the order their syllables enter the table: where Wade-Giles without its apostrophe spells two
syllables alike (pa: ba and pa), the unaspirated one is taken, as the system writes it without the mark."""
_RETROFLEX = frozenset({"zh", "ch", "sh", "r"})
_DENTAL = frozenset({"z", "c", "s"})
_VELAR = frozenset({"g", "k", "h"})
_PALATAL = frozenset({"j", "q", "x"})

# Finals whose Wade-Giles spelling differs wherever they stand.
_FINALS = {
    "ong": "ung",
    "iong": "iung",
    "ian": "ien",
    "ie": "ieh",
    "üe": "üeh",
    "ü": "ü",
    "üan": "üan",
    "ün": "ün",
}

# Syllables with no initial: pinyin -> Wade-Giles.
_ZERO_INITIAL = {"yi": "i", "ye": "yeh", "you": "yu", "yan": "yen", "yong": "yung", "yu": "yü", "yue": "yüeh",
                 "yuan": "yüan", "yun": "yün", "er": "erh", "e": "o"}  # fmt: skip
_NO_WADE_GILES = re.compile(r"[^a-z ]|[bdqvx]|(?<!n)g")
"""Letters Wade-Giles never writes as names write it (b, d, q, v, x; g but in -ng; anything but ASCII letters)."""
_ASPIRATION = re.compile(r"(?<=[ptkhs])'(?=[a-z])")
MAX_SYLLABLE = 6
"""Letters of the longest syllable as names write it (hsiung, chuang)."""


def _spelling(initial: str, final: str) -> str:
    """The Wade-Giles spelling of one pinyin syllable, without apostrophes and with ü as u."""
    if not initial:
        return _ZERO_INITIAL.get(final, final).replace("ü", "u")
    head = _INITIALS[initial]
    if final == "i" and initial in _RETROFLEX:
        tail = "ih"  # zhi, chi, shi, ri: chih, ch'ih, shih, jih
    elif final == "i" and initial in _DENTAL:
        head, tail = {"z": "tz", "c": "tz", "s": "ss"}[initial], "u"  # zi, ci, si: tzu, tz'u, ssu
    elif final == "e" and initial in _VELAR:
        tail = "o"  # ge, ke, he: ko, k'o, ho
    elif final == "uo" and initial not in _VELAR and initial != "sh":
        tail = "o"  # duo, zuo, luo: to, tso, lo (guo, huo, shuo keep uo)
    elif final == "ui" and initial in ("g", "k"):
        tail = "uei"  # gui, kui: kuei, k'uei
    elif final in ("u", "un", "uan", "ue") and initial in _PALATAL:
        tail = {"u": "ü", "un": "ün", "uan": "üan", "ue": "üeh"}[final]  # ju, xun, quan: chü, hsün, ch'üan
    else:
        tail = _FINALS.get(final, final)
    return (head + tail).replace("ü", "u")


@cache
def syllables() -> dict[str, str]:
    """Wade-Giles spelling of a syllable as names write it -> its pinyin (ü written u, as names do)."""
    table: dict[str, str] = {}
    order = {initial: n for n, initial in enumerate(_UNASPIRATED_FIRST)}
    for initial, final in sorted(pinyin_syllables(), key=lambda pair: order.get(pair[0], -1)):
        table.setdefault(_spelling(initial, final), (initial + final).replace("ü", "u"))
    return table


@lru_cache(maxsize=50_000)
def to_pinyin(word: str) -> str | None:
    """`word` (lower-case ASCII) read as one or more Wade-Giles syllables, in pinyin joined as one word (hsiaoping
    -> xiaobing, the aspiration its apostrophe marked being unwritten); None unless the whole word is such
    syllables. The fewest syllables win."""
    table = syllables()
    found = fewest_syllables(word, table, MAX_SYLLABLE)
    return "".join(table[piece] for piece in found) if found else None


@cache
def _pinyin() -> frozenset[str]:
    return frozenset((initial + final).replace("ü", "u") for initial, final in pinyin_syllables())


@lru_cache(maxsize=50_000)
def is_pinyin(word: str) -> bool:
    """Whether `word` is pinyin syllables as pinyin writes them joined: a syllable opening with a, e or o after
    another is set apart by an apostrophe (Xi'an), so chienkuo is no chi-en-kuo."""
    known = _pinyin()
    reached = [True] + [False] * len(word)
    for i in range(len(word)):
        if not reached[i] or (i and word[i] in "aeo"):
            continue
        for j in range(i + 1, min(len(word), i + MAX_SYLLABLE) + 1):
            if word[i:j] in known:
                reached[j] = True
    return reached[-1]


def reading(text: str) -> str | None:
    """A person's name (normalised, words apart) read as Wade-Giles, in pinyin; None unless every word of it is
    Wade-Giles syllables and one at least is no pinyin (Mao Tse Tung -> mao ze dong: tse is no pinyin; Chou En Lai,
    pinyin as well, stays as written, as Li Peng does)."""
    text = _ASPIRATION.sub("", text)  # Chin-p'ing, Ch'en: the mark of an aspirated initial
    if _NO_WADE_GILES.search(text):
        return None  # most names: a letter the system never writes
    words = text.split()
    if len(words) < 2:
        return None
    read = [to_pinyin(word) for word in words]
    if not all(read) or all(is_pinyin(word) for word in words):
        return None
    out = " ".join(word for word in read if word)
    return out if out != text else None
