"""Korean names written in Cyrillic (the Kontsevich system and the older press spellings), read back as Hangul
(docs/screening.md, "Korean names in Cyrillic").

Russian and Belarusian write a Korean name syllable by syllable (Ким Чжон Ын, Чхве Рён Хэ; in the older spellings
Ким Ир Сен, Ким Чен Ын). The Cyrillic does not tell every Hangul letter apart (о is ㅓ and ㅗ, a final н is ㄴ and
ㅇ), so the table maps each Cyrillic syllable to the Hangul syllables it may write, built from Hangul by the
system's rules, and `readings` gives the most likely Hangul spellings of a name for `hangul.renderings`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from functools import cache, lru_cache

from hramada.screening.datafiles import data_rows
from hramada.screening.hangul import family_names, jamo
from hramada.screening.hangul import syllable as hangul_syllable
from hramada.screening.palladius import fewest_syllables

# By the Unicode order of the jamo (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ): the system's spelling
# first, then the voiced one it writes inside a word and the older press spellings.
_INITIALS: tuple[tuple[str, ...], ...] = (
    ("к", "г"), ("кк",), ("н",), ("т", "д"), ("тт",), ("р", "л"), ("м",), ("п", "б"), ("пп",), ("с",), ("сс",),
    ("",), ("чж", "ч", "дж"), ("чч",), ("чх", "ч"), ("кх",), ("тх",), ("пх",), ("х",),
)  # fmt: skip
# ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ; the older press wrote е for ㅓ and ㅕ (Сен, Ен).
_VOWELS: tuple[tuple[str, ...], ...] = (
    ("а",), ("э",), ("я",), ("я", "йя"), ("о", "е"), ("е",), ("ё", "е"), ("е", "йе"), ("о",), ("ва",),
    ("вэ",), ("ве", "вэ"), ("ё",), ("у",), ("во",), ("ве",), ("ви",), ("ю",), ("ы",), ("ый", "и"), ("и",),
)  # fmt: skip
# Finals that names' syllables end in (ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ); a final ㄹ is ль, or р before a vowel (Ир Сен).
_FINALS: dict[int, tuple[str, ...]] = {0: ("",), 1: ("к",), 4: ("н",), 8: ("ль", "р", "л"), 16: ("м",), 17: ("п",), 21: ("н",)}  # fmt: skip

MAX_SYLLABLE = 6
"""Cyrillic letters of the longest syllable of the table (чхваль)."""
MAX_READINGS = 4
"""Hangul spellings of one Cyrillic name rendered at most: the syllables' likeliest choices first."""
RIVAL_SHARE = 3
"""A Hangul syllable is a reading of a Cyrillic one beside the likeliest when at least a third as many name
characters read so (чен: 전 68, 정 67, both; ын: 은 31, 응 3, 은 alone)."""
MAX_WORDS = 4
"""Words of a Korean name in Cyrillic at most (the family name, a given name of up to three syllables)."""


def spellings(syllable: str) -> tuple[str, ...]:
    """The Cyrillic spellings of one Hangul syllable, the system's first; () for a final that names do not end in."""
    initial, vowel, final = jamo(syllable)
    if final not in _FINALS:
        return ()
    out: list[str] = []
    for head in _INITIALS[initial]:
        for middle in _VOWELS[vowel]:
            if head and middle.startswith("й"):
                middle = middle[1:]  # йя, йе open a syllable only
            if head and vowel == 19:
                middle = "и" if middle == "ый" else middle  # ㅢ after a consonant is и
            for tail in _FINALS[final]:
                written = head + middle + tail
                if written not in out:
                    out.append(written)
    return tuple(out)


@cache
def _name_syllables() -> Counter[str]:
    """Hangul syllable -> how many Chinese characters allowed in personal names read so (a family name counts
    once at least)."""
    counts: Counter[str] = Counter()
    for row in data_rows("hanja_hangul.csv"):
        for reading in row["names"].split():
            counts[reading] += 1
    for family in family_names():
        for syllable in family:
            counts[syllable] = max(counts[syllable], 1)
    return counts


@cache
def syllables() -> dict[str, tuple[str, ...]]:
    """Cyrillic syllable -> the Hangul syllables it may write, most used in names first."""
    counts = _name_syllables()
    table: dict[str, list[str]] = {}
    for syllable in counts:
        for written in spellings(syllable):
            table.setdefault(written, []).append(syllable)
    out: dict[str, tuple[str, ...]] = {}
    for written, found in table.items():
        # One syllable per Latin spelling (전 and 천 are both jon once ch and j meet, as the comparison keys have it).
        seen: dict[str, str] = {}
        for syllable in sorted(found, key=lambda s: (-counts[s], s)):
            seen.setdefault(_latin(syllable), syllable)
        likeliest = counts[next(iter(seen.values()))]
        out[written] = tuple(s for s in seen.values() if counts[s] * RIVAL_SHARE >= likeliest)
    return out


def _latin(syllable: str) -> str:
    """A syllable's McCune-Reischauer spelling with its aspirates and affricates folded (ch and j, kh and k)."""
    text = hangul_syllable(syllable, "korean_mr")
    for aspirate, plain in (("ch", "j"), ("kh", "k"), ("th", "t"), ("ph", "p")):
        if text.startswith(aspirate):
            return plain + text[len(aspirate) :]
    return text


@cache
def family_spellings() -> frozenset[str]:
    """Cyrillic spellings of the Korean family names (the table's and the press's own: Цой for 최, Ли for 이)."""
    out = {written for family in family_names() for written in _word_spellings(family)}
    return frozenset(out | set(_FAMILY_HANGUL))


_VOICED = ("г", "д", "б", "дж", "л")
"""Initials the system writes inside a word only (Пак, not Бак: a family name opens the name)."""


def _word_spellings(word: str) -> list[str]:
    """A family name's spellings, none opening with a letter written inside words only (`_VOICED`)."""
    initial = [[w for w in spellings(s) if not w.startswith(_VOICED)] for s in word[:1]]
    rest = [list(spellings(s)) for s in word[1:]]
    return ["".join(parts) for parts in itertools.product(*initial, *rest)]


@lru_cache(maxsize=20_000)
def _cut(word: str) -> tuple[str, ...] | None:
    """`word` (lower-case Cyrillic) cut into the fewest syllables of the table, or None."""
    return fewest_syllables(word, syllables(), MAX_SYLLABLE)


_FAMILY_HANGUL = {"цой": ("최",), "ли": ("리", "이"), "ри": ("리",), "тё": ("조",), "тен": ("정",)}
"""Family names the press spells its own way (Ли for the North's 리, Ri, and the South's 이, Lee; Цой, Тё, Тен:
the spellings of the Koreans of the former USSR)."""


@lru_cache(maxsize=20_000)
def readings(text: str) -> tuple[str, ...]:
    """Hangul spellings of `text` (lower-case Cyrillic) read as a Korean name, likeliest first (at most
    MAX_READINGS), the words as written; () unless its first word is a Korean family name, it has two to
    MAX_WORDS words and every word is syllables of the table."""
    words = text.replace("і", "и").replace("-", " ").split()  # Belarusian writes Кім
    if not 2 <= len(words) <= MAX_WORDS or words[0] not in family_spellings():
        return ()
    table = syllables()
    choices: list[tuple[str, ...]] = []
    shape: list[int] = []
    for n, word in enumerate(words):
        if n == 0 and word in _FAMILY_HANGUL:
            choices.append(_FAMILY_HANGUL[word])
            shape.append(1)
            continue
        cut = _cut(word)
        if cut is None:
            return ()
        choices.extend(table[syllable] for syllable in cut)
        shape.append(len(cut))
    # The likeliest spellings: the fewest steps down the syllables' lists in all (each list's first three).
    steps = itertools.product(*(range(min(3, len(c))) for c in choices))
    ranks = sorted(steps, key=lambda r: (sum(r), r))[:MAX_READINGS]
    out: list[str] = []
    for rank in ranks:
        flat = iter(c[r] for c, r in zip(choices, rank, strict=True))
        out.append(" ".join("".join(next(flat) for _ in range(size)) for size in shape))
    return tuple(out)
