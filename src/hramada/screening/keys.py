"""Fold a Latin word into a comparison key on which transliteration systems and Belarusian/Russian spellings meet.

The rules encode how the same Cyrillic letter is romanised by different systems (ж: zh, ž, ż; х: kh, ch, h) and the
systematic differences between Belarusian and Russian forms of one name (Г is H in Belarusian and G in Russian;
Belarusian akanye writes unstressed О as А; -аў/-ов, -енка/-енко). Keys are never shown to anyone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from normality import ascii_text

from hramada.screening import wade_giles

# Letters whose ASCII fallback would lose the sound (ł -> l is fine, but š must become sh, not s).
_SPECIAL_LATIN: Final = str.maketrans(
    {
        "š": "sh",
        "ž": "zh",
        "č": "ch",
        "ż": "zh",
        "ź": "z",
        "ś": "s",
        "ć": "c",
        "ń": "n",
        "ł": "l",
        "ŭ": "u",
        "â": "ia",  # ISO 9 я
        "û": "iu",  # ISO 9 ю
        "ë": "io",
        "ß": "ss",
        # Arabic ta marbuta ends a name as a vowel (Fatima, Usama, Hamza: فاطمة, أسامة, حمزة), where a letter-by-letter
        # reading writes t.
        "ة": "a",
        # ح and ه are h, which the key writes g (Г read as H); written so directly, they cannot join the letter
        # before them into a digraph (صحراوي is Sahraoui, not Shrawy; كه is not خ).
        "ح": "g",
        "ه": "g",
        # ض and ظ are romanised d, dh, z or th (Romdhane, Reza, Dahir, Kathim), never quite as د (d) or ز (z) are:
        # written dh, their key meets each of those spellings (`names._ABJAD_MEET`) where د and ز meet only their own.
        "ض": "dh",
        "ظ": "dh",
        # Armenian խ is kh in every romanisation people write (Khachatryan, Sokhra); the ISO 9985 reading the ASCII
        # fallback takes writes x, whose key (ks) meets none of them.
        "խ": "kh",
        # Cyrillic letters of Uzbek, Tajik, Kazakh and Kyrgyz names that the Russian and Belarusian tables leave as
        # they are, and whose ASCII fallback is a question mark: ҳ is h (Uzbek Latin H, Russian spelling Х), қ is k
        # (Q), ҷ is the Tajik j (Russian дж).
        "ҳ": "h",
        "қ": "k",
        "ҷ": "dzh",
        # Pashto letters whose ASCII fallback is nothing: ځ is z or dz in every romanisation (ځدران Zadran), څ s or ts
        # (څرخي Sarkhi), ږ zh or g; the others (ټ, ډ, ړ, ښ, ڼ, ې, ۍ) have a fallback already.
        "ځ": "z",
        "څ": "s",
        "ږ": "zh",
    }
)

_DIGRAPHS: Final[tuple[tuple[str, str], ...]] = (
    # German (Duden) spelling: schtsch = щ, tsch = ч (Chruschtschow, Schewtschenko).
    ("schtsch", "shch"),
    ("tsch", "ch"),
    # Dutch and Swedish spelling: sjtsj and sjtj = щ, tsj = ч (Chroesjtsjov, Sjevtsjenko); no other spelling
    # writes these letters together. (Swedish tj and Dutch oe are ordinary letters elsewhere: `press_reading`.)
    ("sjtsj", "shch"),
    ("sjtj", "shch"),
    ("tsj", "ch"),
    # Polish spelling: szcz = щ, sz = ш, cz = ч.
    ("szcz", "shch"),
    ("sz", "sh"),
    ("cz", "ch"),
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "c"),
    ("sh", "s"),
    ("zh", "z"),
    ("kh", "h"),
    ("ch", "c"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("ph", "f"),
    ("ch", "č"),  # ش in French spelling (Cheikh / Shaikh, Achour / Ashur), خ in German (Chalid / Khalid)
    ("sh", "š"),
    ("w", "v"),
    # Belarusian дзеканне: Дзмітрый / Дмитрий, Генадзь / Геннадий.
    ("dz", "d"),
    # Г is H in Belarusian and Ukrainian, G in Russian: Halavanau / Golovanov, Ryhor / Grigory.
    ("h", "g"),
    ("j", "i"),
    ("y", "i"),
    # Akanye: Belarusian writes unstressed О as А: Лукашэнка / Лукашенко, Галаванаў / Голованов.
    ("o", "a"),
)
_DOUBLE: Final = re.compile(r"(.)\1+")
# Iotated vowels are written ya/ia/ja, ye/ie/je, yu/iu/ju by different systems: drop the glide.
_GLIDES: Final[tuple[tuple[str, str], ...]] = (("ia", "a"), ("ie", "e"), ("iu", "u"))
# -аў/-оў/-еў (au, ou, eu, aw, ow, ew) and -ов/-ев (ov, ev): one ending.
# Belarusian ў after a vowel (au, ou, eu; aw, ow, ew) is Russian в: Паўлічэнка / Павличенко, -аў / -ов,
# -оўскі / -овский, and the women's patronymic -оўна / -овна (Пятроўна, Piatrouna / Petrovna). Elsewhere `ou` is
# the French spelling of u (Mahmoud, Haroun, Sakouline).
_U_AFTER_VOWEL: Final = re.compile(r"([aei])u")
_SOFT_TS: Final = re.compile(r"ci")
_LACINKA_LETTERS: Final = re.compile(r"[łŭšžčćśźńż]")
_FRENCH_OU: Final = re.compile(r"ou(?!$|sk|na$)")
_VOWELS: Final = re.compile(r"[aeiu]")


@lru_cache(maxsize=500_000)
def latin_ascii(word: str) -> str:
    """Lower-case ASCII for a Latin word, keeping the digraphs that carry Slavic sounds (š -> sh)."""
    word = word.lower().translate(_SPECIAL_LATIN)
    if word.isascii():
        return word
    return ascii_text(word).lower()


_ARABIC_LETTER: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _digraphs_folded(key: str) -> str:
    for old, new in _DIGRAPHS:
        if old in key:
            key = key.replace(old, new)
    return key


@lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    """The comparison key of one Latin word (any case, any diacritics)."""
    lowered = word.lower()
    if lowered[:2] == "ht" and lowered[2:3] in ("a", "e", "i", "o", "u", "w") and len(lowered) > 3:
        # Burmese names written with the aspirate's h or without it (Htun / Tun, Htay / Tay, Htet / Tet): no other
        # language opens a word with ht and a vowel (acronyms such as HTS and HTTS keep theirs).
        lowered = lowered[1:]
    if _LACINKA_LETTERS.search(lowered):
        # Łacinka and Polish write х as ch (Ciachanoŭski, Chamienka), where English spellings mean ч.
        lowered = lowered.replace("ch", "kh")
    if _ARABIC_LETTER.search(lowered):
        # Letter by letter: two letters of the Arabic script written side by side without a vowel are not one Latin
        # digraph (انتصار is n-t-s-r, not n-ts-r; المتصدق m-t-s-d-q), where romanisations write a vowel between
        # them; one letter's own digraph (ش sh, خ kh) still folds.
        # Only дз's dz is folded across letters too: romanisations write د and ز together as well (Akhundzada).
        key = "".join(_digraphs_folded(_alnum(latin_ascii(letter))) for letter in lowered).replace("dz", "d")
    else:
        key = _alnum(latin_ascii(lowered))
        key = _digraphs_folded(_FRENCH_OU.sub("u", key))
    # A doubled x is one (Exxon / Exon): its two letters each were ks.
    key = _DOUBLE.sub(r"\1", key.replace("ksks", "ks"))
    # Belarusian цеканне: soft Ц where Russian has soft Т (Ціханоўскі / Тихановский, Цімафей / Тимофей).
    key = _SOFT_TS.sub("ti", key)
    for old, new in _GLIDES:
        if old in key and len(key) > 2:
            key = key.replace(old, new)
    key = _U_AFTER_VOWEL.sub(r"\1v", key)
    return _DOUBLE.sub(r"\1", key)


def skeleton(key: str) -> str:
    """Consonants of a folded key, used as a retrieval key tolerant of vowel differences."""
    return _VOWELS.sub("", key)


def one_letter_deletions(word: str) -> set[str]:
    """`word` with each of its letters left out in turn: two words one edit apart (a letter more, another letter,
    two letters swapped) share one of these or the word itself (symmetric deletion), so a look-up by them finds the
    near words: the index's typo keys, the equivalence tables' and the organisation dictionary's slips."""
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


# Lithuanian and Latvian add grammatical endings to foreign names (Ivanas, Igoris, Sergejus, Aleksandrovičius;
# Ivans, Igors, Sergejs, Boriss, Lavrovs). Stripping them gives a second comparison key; the original key stays.
_BALTIC_ENDINGS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"^(.{3,}?ch)ius$"), r"\1"),  # Aleksandrovičius
    (re.compile(r"^(.{3,}?)cius$"), r"\1ch"),  # Aleksandrovicius: its caron lost in a bank's ASCII
    (re.compile(r"^(.{3,}?[ij])us$"), r"\1"),  # Sergejus, Dmitrijus, Nikolajus
    (re.compile(r"^(.{3,}?[^aeiouy])(?:as|is|ys|us)$"), r"\1"),  # Ivanas, Igoris, Lavrovas, Tarasas
    (re.compile(r"^(.{3,}?)ss$"), r"\1s"),  # Boriss
    (re.compile(r"^(.{3,}?[^aeiouys])s$"), r"\1"),  # Lavrovs, Aleksandrs, Sergejs, Igors
)


@lru_cache(maxsize=200_000)
def strip_baltic(word: str) -> str | None:
    """`word` (lower-case ASCII) without a Lithuanian or Latvian ending, or None if it has none. An apostrophe for a
    soft sign left in the word (Jur'jevičius, rendered from Юр'евіч) is no letter of it."""
    ascii_word = latin_ascii(word).replace("'", "")
    if len(ascii_word) < 5 or not ascii_word.isalpha():
        return None
    for pattern, replacement in _BALTIC_ENDINGS:
        stripped, count = pattern.subn(replacement, ascii_word)
        if count:
            return stripped if fold(stripped) != fold(ascii_word) else None
    return None


_SHORT_BALTIC: Final = re.compile(r"^([^\W\d_]{2}[^aeiouy\W\d_])(?:as|is|us)$")
"""A word of three letters with a Lithuanian ending (Zykas, Dukas for Зык, Дук; Zukas, Žukas in a bank's ASCII), too
short for `strip_baltic`."""


@lru_cache(maxsize=200_000)
def strip_baltic_in_name(word: str) -> str | None:
    """`strip_baltic`, and a word of three letters with a Lithuanian ending without it, for a name two words of
    which carry such endings (`names._without_baltic_endings`): beside a given name so written, Zykas is Зык, not a
    word of its own."""
    stripped = strip_baltic(word)
    if stripped is not None:
        return stripped
    found = _SHORT_BALTIC.match(latin_ascii(word))
    return found.group(1) if found else None


def baltic_stem(word: str) -> str | None:
    """The comparison key of `word` without a Lithuanian or Latvian ending, or None if it has none.

    Only a comparison key: "Tarasas" meets "Taras" through it, and "Taras" keeps its own key.
    """
    stripped = strip_baltic(word)
    return fold(stripped) if stripped else None


# Czech and Slovak make every woman's surname feminine with -ová, a foreign one too, even where it already is
# (Šarapovová for Sharapova, Kalesnikavová for Kalesnikava): read away, the name's own feminine form is left. Only
# after the suffixes that make Russian and Belarusian surnames (-ov, -ev, -av, -in, -yn), so that Czech names of
# their own (Petrová, Novotná) are left alone. Source: Pravidla českého pravopisu (přechylování cizích příjmení).
_CZECH_FEMININE: Final = re.compile(r"^(.{3,}(?:ov|ev|av|in|yn))ova$")


@lru_cache(maxsize=200_000)
def czech_feminine(word: str) -> str | None:
    """`word` (lower-case) as the Russian or Belarusian feminine surname that Czech or Slovak made -ová of
    (Kolesnikovová: kolesnikova), or None if it is not one; a second spelling, never the main one."""
    ascii_word = latin_ascii(word)
    stripped = _CZECH_FEMININE.sub(r"\1a", ascii_word)
    return stripped if stripped != ascii_word else None


_PHONETIC: Final = str.maketrans({"z": "s", "c": "s"})


@lru_cache(maxsize=200_000)
def phonetic(key: str) -> str:
    """A coarser key on which German and French spellings meet the others: German s for з and z for ц (Saizew /
    Zaitsev), ds for дз (Dsjanissenka / Dzianisenka), French ch for ш (Chevtchenko / Shevchenko). Used only where
    the finer keys disagree."""
    return key.replace("ds", "d").translate(_PHONETIC)


_CH_AS_KH: Final = re.compile(r"(?<![st])ch")


def kh_reading(word: str) -> str | None:
    """The key of `word` reading `ch` as х, the way German, Czech and Polish write it (Michail, Chlebnikow), or
    None when the word has no such `ch` (sch and tsch are ш and ч in German, tch is ч in French)."""
    lowered = word.lower()
    if "ch" not in lowered:
        return None
    replaced = _CH_AS_KH.sub("kh", lowered)
    return fold(replaced) if replaced != lowered else None


_TS_BEFORE_E: Final = re.compile(r"ts(?=e)")


def soft_ts_reading(word: str) -> str | None:
    """The key of `word` reading ts before e as the Belarusian soft ц of a Russian т (Tsertsel / Tertel), or None
    when the word has no such ts. A second key: Russian ц before е is hard (Zaitsev is not Zaitev), and the main
    key reads only ts before i as т (see `_SOFT_TS`)."""
    lowered = word.lower()
    if "tse" not in lowered:
        return None
    return fold(_TS_BEFORE_E.sub("t", lowered))


# Ё is written yo, io or jo by the romanisation tables and е in most Russian print, in banks' and registries' records
# and in romanisations made from those (Семёнов is Semyonov and Semenov, Артём Artyom and Artem, the Belarusian
# Арцём Artsiom).
_YO: Final = re.compile(r"(?<=[b-df-hj-np-tv-xz])[iyj]o(?=[b-df-hj-np-tv-xz])")


@lru_cache(maxsize=200_000)
def yo_as_e(word: str) -> str | None:
    """`word` (any case) with ё written yo, io or jo between consonants read as е (Siamionau -> siamenau, Artsiom ->
    artsem), or None when it has no such letters; the caller keys the spelling (`fold`, `soft_ts_reading`: Artsem is
    Artem through the Belarusian soft ц). Not at the end of a word, where -io is Italian or Spanish (Mario)."""
    lowered = word.lower()
    replaced = _YO.sub("e", lowered)
    return replaced if replaced != lowered else None


_FRENCH_CH: Final = re.compile(r"(?<![st])ch")
_FRENCH_INE: Final = re.compile(r"(?<=...[^aeiouy])([iy])ne$")
_FRENCH_FINAL_OU: Final = re.compile(r"(?<=[^aeiouyïî])ou$")


@lru_cache(maxsize=200_000)
def french_reading(word: str) -> str | None:
    """The key of `word` read as French transcription: j is ж (Jivitsa), ch is ш (Choumiline), and the closing
    -ine, -yne of a man's name is -ин, -ын (Poutine, Choumiline / Shumilin), a closing ou is у (Choïgou / Shoigu);
    None when the word has none of these.
    A second key: ch is ч and -ine a closing letter in other spellings."""
    lowered = word.lower()
    replaced = _FRENCH_INE.sub(r"\1n", _FRENCH_CH.sub("sh", lowered.replace("j", "zh")))
    # The closing у is ou as well (Choïgou / Shoigu), where the main key reads a closing ou as Belarusian оў.
    replaced = _FRENCH_FINAL_OU.sub("u", replaced)
    return fold(replaced) if replaced != lowered else None


_BELARUSIAN_OU: Final = re.compile(r"ou(?=[bcdfghklmnprstvz])")
_BELARUSIAN_SURNAME_END: Final = re.compile(
    r"(?:nka|nko|ski|sky|skaya|skaia|ska|vich|vi[cč]|ou|eu|au|ava|yna|ina|uk|ik|(?<=[bdklmnrstvz])(?:y|aya|aia))$"
)


@lru_cache(maxsize=200_000)
def belarusian_ou_reading(word: str) -> str | None:
    """The key of a Belarusian surname (by its ending: -anka, -ski, -ich, -ou, -ava, -uk, an adjective's -y and -aya
    after a consonant: Chorny) reading ou before a consonant as оў, which is Russian ов (Halouchanka /
    Golovchenko, Laptsiouski / Laptevsky); None for any other word. A second key: elsewhere ou is the French spelling
    of u (Mahmoud, Houcein, Sakouline), which the main key reads."""
    lowered = word.lower()
    if not _BELARUSIAN_SURNAME_END.search(lowered):
        return None
    replaced = _BELARUSIAN_OU.sub("ov", lowered)
    return fold(replaced) if replaced != lowered else None


# Where Russian writes е, Belarusian writes я before the stressed syllable (Пятроў / Петров, Зямцоў / Земцов,
# Някрасаў / Некрасов) and ё as е there too (Сямёнаў / Семёнов, Семенов in print); after its consonants that are
# always hard it writes а for е and о for ё (Шастак / Шестак, Чарнышоў / Чернышёв); before those vowels it writes
# the soft д and т as дз and ц (Дзямідаў / Демидов, Цяплоў / Теплов). Romanised: ia, ya or ja after a consonant;
# io, yo, jo between consonants; a after sh, zh, ch, ts and o after sh, zh, ch; dz and ts before them. Not r,
# which is hard in both languages: Belarusian ра is mostly Russian ра (Краўчанка / Кравченко).
_BELARUSIAN_DZ: Final = re.compile(r"dz(?=[iyj][ao]|[ei])")
_BELARUSIAN_TS_YA: Final = re.compile(r"(?:ts|c)[iyj]a")
_BELARUSIAN_YA: Final = re.compile(r"(?<=[b-df-hj-np-tv-xz])[iyj]a")
_BELARUSIAN_HARD_A: Final = re.compile(r"(?:(?<=sh|zh|ch|ts|cz|sz|rz)|(?<=[šžč]))a(?!u$)")
_BELARUSIAN_HUSHED_O: Final = re.compile(r"(?:(?<=sh|zh|ch|cz|sz|rz)|(?<=[šžč]))o")
BELARUSIAN_E_MIN: Final = 6
"""Letters of a word read so: Chou, Zhou, Shou are Chinese names, not Belarusian ones in -оў."""


@lru_cache(maxsize=200_000)
def belarusian_e_readings(word: str) -> tuple[str, ...]:
    """The keys of a Belarusian surname (by its ending, as `belarusian_ou_reading`) read back into the Russian
    spelling of its vowels: ia, ya, ja after a consonant and io, yo, jo between consonants as е, dz and ts before
    them as д and т (Piatrou -> petrav, Petrov's key; Ziamtsau -> zemcav; Dziamidau -> demidav; Siamionau ->
    semenav); then also a after sh, zh, ch, ts and o after sh, zh, ch as е (Charnyshou -> cernisev, Chernyshev's
    key; Chorny -> cerni, the key of Cherny, as Russian prints Чёрный). Empty for any other word or where nothing is
    read so. Second keys: Russian writes я, а and о there too (Пятков, Шаров, Шохин), which the main key keeps; the
    closing -аў (Ziamtsau) is Russian -ов, not read."""
    lowered = word.lower()
    if len(lowered) < BELARUSIAN_E_MIN or not _BELARUSIAN_SURNAME_END.search(lowered):
        return ()
    soft = _BELARUSIAN_TS_YA.sub("te", _BELARUSIAN_DZ.sub("d", lowered))
    soft = _YO.sub("e", _BELARUSIAN_YA.sub("e", soft))
    hard = _BELARUSIAN_HUSHED_O.sub("e", _BELARUSIAN_HARD_A.sub("e", soft))
    return tuple(fold(read) for read in dict.fromkeys((soft, hard)) if read != lowered)


_LONG_VOWELS: Final = (("ee", "i"), ("oo", "u"))
_TH_DH: Final = re.compile(r"[td]h")


@lru_cache(maxsize=200_000)
def english_long_vowel_reading(word: str) -> str | None:
    """The key of `word` reading English long vowels and th as romanisations of Korean, Chinese and Arabic names
    write them: ee is i, oo is u (Lee / Li, Yoo / Yu, Moon / Mun), th and dh are the z of another system (Natheer
    / Nazir, Dhiya / Ziya; the phonetic key takes them on to s: Uthman / Usman); None when the word has none of
    these. A second key only."""
    lowered = word.lower()
    replaced = _TH_DH.sub("z", long_vowels_read(lowered))
    return fold(replaced) if replaced != lowered else None


def long_vowels_read(text: str) -> str:
    """`text` (lower case) with the English long vowels as other romanisations write them: ee as i, oo as u."""
    for spelling, vowel in _LONG_VOWELS:
        text = text.replace(spelling, vowel)
    return text


# Dutch writes у as oe (Joeri, Loekasjenko), Swedish ч as tj (Volfovitj, Sjevtjenko), Romanian a final ч as -ci
# (Volfovici, Șunevici). Each is also an ordinary spelling elsewhere (German oe for ö, Tjaden, Italian Lucci).
_TJ: Final = re.compile(r"(?<!s)tj")
_FINAL_CI: Final = re.compile(r"(?<=..[aeiouy])ci$")
# Both write ш as sj and ж as zj (Dutch Moesjkarow, Swedish Pusjkin, Zjoekov): read so before a consonant or at the
# end, where no other spelling writes sj (before a vowel sj is с and я as often: Czech Vasja).
_SJ_ZJ: Final = re.compile(r"(?<![t])([sz])j(?![aeiouy])")


@lru_cache(maxsize=200_000)
def press_reading(word: str) -> str | None:
    """The key of `word` read as Dutch, Swedish or Romanian press spelling of a Russian or Belarusian name (oe is
    у, tj is ч, sj and zj before a consonant or at the end are ш and ж, a final -ci is ч, and with oe or tj a ch is
    х), or None when the word has none of these; a second key, never the main one."""
    lowered = word.lower()
    # Both write х as ch (Chroesjtsjov): read before tj and -ci are rewritten as ch.
    replaced = _CH_AS_KH.sub("kh", lowered) if "oe" in lowered or "tj" in lowered else lowered
    replaced = _FINAL_CI.sub("ch", _TJ.sub("ch", _SJ_ZJ.sub(r"\1h", replaced.replace("oe", "u"))))
    return fold(replaced) if replaced != lowered else None


_ROMANCE_K: Final = re.compile(r"c(?=[aoubdfgjklmnpqrtvwx]|$)")
# A final ci is ч after a vowel only: Italian Lucci is no Luch (as `press_reading` has it).
# Before a consonant ч is ci too, the i written only to make the c soft (Kriucikov, Крючков).
_ROMANCE_CH: Final = re.compile(r"(?<=[aeiouy])ci$|ci(?=[aoubdfgjklmnpqrstvwxz])|c(?=[ei])")
_ROMANCE_SIGNS: Final = re.compile(
    r"c(?=[aoubdfgjklmnpqrtvwx]|$)|ci(?=[aou])|[aeiouy]ci$|[aeiouy]ci(?=[bdfgjklmnpqrstvwxz])"
)


@lru_cache(maxsize=200_000)
def romance_c_reading(word: str) -> str | None:
    """The key of `word` read as Romanian (and Italian) spelling writes a Russian or Belarusian name: c before a,
    o, u, a consonant or at the end is к, c before e or i, ci before another vowel and a final ci are ч, ch is к
    (Colesnicov is Колесников, Cucerenco Кучеренко, Gorbaciov Горбачёв, Nicolaevici Николаевич); None unless the
    word has a c read so, the mark of that spelling (a Polish, Czech or Baltic c is ц, and the main key keeps it
    so). A second key, never the main one. Source: the Romanian rules for transcribing Russian names (Îndreptar
    ortografic, ortoepic și de punctuație, Academia Română), as the Moldovan registries write Russian and Ukrainian
    surnames."""
    lowered = latin_ascii(word.lower())
    if "c" not in lowered or not _ROMANCE_SIGNS.search(lowered.replace("ch", "")):
        return None
    # A written ch is к (Chiril): set aside as one letter while the single c are read.
    replaced = _ROMANCE_K.sub("k", _ROMANCE_CH.sub("ч", lowered.replace("ch", "q")))
    return fold(replaced.replace("q", "k").replace("ч", "ch"))


_ROMANIAN_LETTERS: Final = str.maketrans({"ț": "ts", "ţ": "ts", "ș": "sh", "ş": "sh"})


@lru_cache(maxsize=200_000)
def romanian_reading(word: str) -> str | None:
    """The key of `word` read as Romanian spelling writes a Russian or Belarusian name, where the word carries ț
    or ș (ц and ш, which the main key reads as t and s, as a Romanian name written without its marks has them):
    ț is ts, ș is sh, j is ж (Jivița is Живица, Șevcenco Шевченко), and c as `romance_c_reading` reads it; None
    without those letters. A second key, never the main one. Source: the Romanian rules for transcribing Russian
    names (Îndreptar ortografic, ortoepic și de punctuație, Academia Română)."""
    lowered = word.lower()
    if not any(letter in lowered for letter in "țţșş"):
        return None
    replaced = lowered.translate(_ROMANIAN_LETTERS).replace("j", "zh")
    return romance_c_reading(replaced) or fold(replaced)


_GREEK_LATIN_SIGNS: Final = re.compile(r"gk|^nt|nt[bcdfgkmpvz]|^mp|mp.*(?:ou|ts$)|ou.*mp")
_GREEK_LATIN_LETTERS: Final = re.compile(r"mp|nt|gk|ts")
_GREEK_LATIN_READ: Final = {"mp": "b", "nt": "d", "gk": "g", "ts": "ch"}


@lru_cache(maxsize=200_000)
def greek_latin_reading(word: str) -> str | None:
    """The key of `word` read as a Russian or Belarusian name that was written in Greek letters and romanised from
    them (Cypriot and Greek registries romanise by ELOT 743: μπ mp, ντ nt, γκ gk, τσ ts): mp is б, nt д, gk г and ts
    ч, which Greek writes as it writes ц (Ampramovits is Абрамович, Kourmpanov Курбанов, Ntmitri Дмитрий); None
    unless the word has the marks of that spelling: gk, nt opening it or before a consonant (Mentventef), mp
    opening it or beside the ou of у or the final ts of -вич (Kempinski, Thompson and Lampert are read as
    written). A second key, never the main one. Source: ELOT 743 (ISO 843) and the Greek press's transcription of
    Russian names."""
    lowered = latin_ascii(word.lower())
    if not _GREEK_LATIN_SIGNS.search(lowered):
        return None
    return fold(_GREEK_LATIN_LETTERS.sub(lambda m: _GREEK_LATIN_READ[m.group()], lowered))


_CATALAN_SIGNS: Final = re.compile(r"tx|sx|^x[aeiou]|[aeiou]ix[aeiou]")
_CATALAN_LETTERS: Final = re.compile(r"sx|tx|(?<=[aeiou])ix(?=[aeiou])|x")


@lru_cache(maxsize=200_000)
def catalan_reading(word: str) -> str | None:
    """The key of `word` read as Catalan spelling writes a Russian or Belarusian name: x is ш (after a vowel also
    ix), tx is ч and sx is щ (Xeiman, Lukaixenko, Katxanava, Khrusxov); None unless the word has tx or sx, an x
    opening it or ix between vowels (Alexander and Maxim keep their ks). A second key, never the main one. Source:
    the Institut d'Estudis Catalans' criteria for transcribing Russian names (ш x, ч tx, щ sx)."""
    lowered = latin_ascii(word.lower())
    if "x" not in lowered or not _CATALAN_SIGNS.search(lowered):
        return None
    return fold(_CATALAN_LETTERS.sub(_catalan_letter, lowered))


def _catalan_letter(match: re.Match[str]) -> str:
    return {"sx": "shch", "tx": "ch"}.get(match.group(0), "sh")


# Hungarian writes с as sz, ш as s, ч as cs, ж as zs, щ as scs and ц as c (Szergej, Lukasenka, Kazakevics, Zsukov):
# its digraphs cs, zs and sz are the marks. A Polish sz is ш: the main key and `fold` keep that reading.
_HUNGARIAN_SIGNS: Final = re.compile(r"cs|zs|sz")
_HUNGARIAN_LETTERS: Final = re.compile(r"scs|cs|zs|sz|s|c")
_HUNGARIAN_SOUNDS: Final = {"scs": "shch", "cs": "ch", "zs": "zh", "sz": "s", "s": "sh", "c": "ts"}


@lru_cache(maxsize=200_000)
def hungarian_reading(word: str) -> str | None:
    """The key of `word` read as Hungarian spelling writes a Russian or Belarusian name: sz is с, s is ш, cs is ч,
    zs is ж, scs is щ and c is ц (Racsilouszki is Рачылоўскі, Szivakov Сиваков, Kazakevics Казакевич); None unless
    the word has cs, zs or sz. A second key, never the main one. Source: the Hungarian Academy's rules for
    transcribing names written in Cyrillic (A magyar helyesírás szabályai, 12th edition, the Russian table)."""
    lowered = latin_ascii(word.lower())
    if not _HUNGARIAN_SIGNS.search(lowered):
        return None
    return fold(_HUNGARIAN_LETTERS.sub(_hungarian_letter, lowered))


def _hungarian_letter(match: re.Match[str]) -> str:
    return _HUNGARIAN_SOUNDS[match.group(0)]


_UZBEK_SIGNS: Final = re.compile(r"[og]'|^x")
_UZBEK_LETTERS: Final = re.compile(r"o'|g'|x|j|q")
_UZBEK_SOUNDS: Final = {"o'": "u", "g'": "gh", "x": "kh", "j": "dzh", "q": "k"}


@lru_cache(maxsize=200_000)
def uzbek_reading(word: str, short_o: str = "u") -> str | None:
    """The key of `word` read as Uzbek Latin spelling writes a name: x is х, j is дж, o' is ў (which Russian
    spells у or о: `short_o`), g' is ғ and q is қ (O'tkir is Уткир, Xo'jayev Ходжаев), as Russian spells the same
    names; None unless the word has o' or g' or opens with x (Maxim keeps its ks). A second key, never the main
    one. Source: the Uzbek Latin alphabet (Law of the Republic of Uzbekistan of 2 September 1993, as amended in
    1995)."""
    lowered = latin_ascii(word.lower().replace("ʻ", "'").replace("’", "'"))
    if not _UZBEK_SIGNS.search(lowered):
        return None
    sounds = _UZBEK_SOUNDS | {"o'": short_o}
    return fold(_UZBEK_LETTERS.sub(lambda m: sounds[m.group(0)], lowered))


_AZERBAIJANI_LETTERS: Final = re.compile(r"[əǝı]")
_X_AS_KH: Final = re.compile(r"(?<=[^aeiouy])x(?=[aeiouy])|(?<=[aeiouy])x(?=[^aeiouy])")


@lru_cache(maxsize=200_000)
def azerbaijani_reading(word: str) -> str | None:
    """The key of `word` read as Azerbaijani, Turkmen or Uzbek Latin spelling writes x, as х (kh): every x in a word
    with an Azerbaijani letter (ə, ı: Bəxtiyar, Şıxəliyev), else an x after a consonant before a vowel or after a
    vowel before a consonant (Elxan, Baxtiyar), where English and French write ks between vowels and at the end
    (Alexander, Maxim, Felix keep theirs); None when the word has no such x. A second key, never the main one.
    Source: the Azerbaijani Latin alphabet (Law of the Republic of Azerbaijan on the state language, 1992)."""
    lowered = word.lower()
    if "x" not in lowered:
        return None
    if _AZERBAIJANI_LETTERS.search(lowered):
        return fold(latin_ascii(lowered).replace("x", "kh"))
    ascii_word = latin_ascii(lowered)
    replaced = _X_AS_KH.sub("kh", ascii_word)
    return fold(replaced) if replaced != ascii_word else None


_UMLAUTS: Final = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ø": "oe",
        "å": "aa",
        "æ": "ae",
        "œ": "oe",
        "ë": "e",
        "ï": "i",
        "ÿ": "y",
    }
)
_UMLAUT_LETTERS: Final = re.compile("[äöüøåæœëïÿ]")


@lru_cache(maxsize=200_000)
def umlaut_reading(word: str) -> str | None:
    """The key of `word` with its umlauts written as machine-readable passports and German, Scandinavian and
    Turkish registers write them without the mark: ä ae, ö and ø oe, ü ue, å aa, æ ae (Müller / MUELLER, Schäfer /
    Schaefer, Østergaard / Oestergaard, Öztürk / Oeztuerk), and a diaeresis that only parts two vowels left out (Zoë,
    Noël; Albanian ë, Arbën), where the main key reads ë as the ё of a Russian romanisation (Fëdor: fiodor); None
    when the word has none of these letters. A second key, never the main one (which drops the marks: Muller).
    Sources: ICAO Doc 9303 part 3, section 6 (transliteration of national characters in the machine-readable zone:
    Ä AE, Å AA, Æ AE, Ö OE, Ø OE, Ü UE); the Duden rule for writing umlauts without their marks."""
    lowered = word.lower()
    if not _UMLAUT_LETTERS.search(lowered):
        return None
    return fold(lowered.translate(_UMLAUTS))


@lru_cache(maxsize=200_000)
def scholarly_x_reading(word: str) -> str | None:
    """The key of `word` reading every x as х (kh), the way the scholarly transliteration of Russian and Belarusian
    and GOST 7.79-2000 system B (ISO 9:1995 with Latin letters only) write it: Poxodova, Eroxina, Dmuxajlo, Kenjux;
    None when the word has no x. English and French write ks so (Alexander, Maxim) and the main key keeps that
    reading; `azerbaijani_reading` already reads an x between a consonant and a vowel, this one also an x between
    vowels and at the end. None too for a word of pinyin syllables, whose x is another sound (Xi, Xiaoping,
    Xianghe). A second key, never the main one. Sources: GOST 7.79-2000, table 1, system B (х x); the scholarly
    (linguistic) transliteration of Cyrillic (х x)."""
    lowered = latin_ascii(word.lower())
    if "x" not in lowered or wade_giles.is_pinyin(lowered):
        return None
    return fold(lowered.replace("x", "kh"))


# Names from languages written without short vowels (Arabic, Persian, Urdu, Pashto) reach the lists in many
# romanisations that agree on the consonants and differ in the vowels and in a few consonant spellings: the same
# name is Mohsen / Muhsin, Sadegh / Sadiq, Kadhim / Kazim, Zein / Zayn, Ebrahimi / Ibrahimi, Haniyeh / Haniya.
# Their letters for the three Arabic vowels vary within known bounds (fatha a/e, kasra i/e, damma u/o/ou; ay/ai/ei/ey
# for the diphthong), while a Slavic name's vowels keep it apart from another (Timur / Tamir, Serov / Surov): so a
# word is read as its consonant frame with a class per vowel group, and two frames meet only where every vowel
# class is one that such romanisations exchange (`frames_meet`). Sources: the UNGEGN and BGN/PCGN
# romanisation tables for Arabic (1956/1972) and Persian (1958), and the Library of Congress ALA-LC tables.
_FRAME_CONSONANTS: Final = (
    ("kh", "h"),  # خ: Khalil / Halil
    ("sch", "sh"),  # ش in German spelling: Scheich / Shaikh
    ("gh", "q"),  # غ and Persian ق: Sadegh / Sadiq, Bagheri / Baqeri, Ghasem / Qasem
    ("ck", "k"),
    ("dh", "ð"),  # ذ ظ: Kadhim / Kazim, Qadhafi / Gaddafi
    ("th", "þ"),  # ث: Uthman / Usman / Otman
    ("zh", "j"),  # ژ: Haddadnezhad / Haddadnejad
    ("dj", "j"),  # ج in French spelling: Djamel / Jamal
    ("ph", "f"),
    ("ch", "č"),  # ش in French spelling (Cheikh / Shaikh, Achour / Ashur), خ in German (Chalid / Khalid)
    ("sh", "š"),
    ("w", "v"),  # و as a consonant: Vahid / Wahid
    ("x", "ks"),
)
# Letters one system writes where others write one of two (ق is q, k or, in Egyptian and Libyan spelling, g; ج is
# j or, in Egyptian spelling, g: Hegazy / Hijazi; ذ and ظ are dh, z or d; ث is th, s or t): each meets either, while
# the two others stay apart (Kamal is not Gamal by its frame).
_FRAME_EITHER: Final = frozenset(
    {
        frozenset(pair)
        for pair in (
            ("q", "k"),
            ("q", "g"),
            ("g", "j"),
            ("ð", "z"),
            ("ð", "d"),
            ("þ", "s"),
            ("þ", "t"),
            ("č", "š"),  # ch: French sh, Cheikh / Shaikh
            ("č", "h"),  # ch: German kh, Chalid / Khalid (kh is h in the frame)
            ("c", "j"),  # Turkish c: Cevdet / Jawdat, Cemal / Jamal
        )
    }
)
_FRAME_DIPHTHONGS: Final = frozenset({"ai", "ay", "ei", "ey", "ae", "aei", "aie", "eyi", "ayi"})
_FRAME_LONG: Final = {"ou": "U", "oo": "U", "uu": "U", "ee": "I", "ii": "I", "aa": "A"}
_FRAME_LAST: Final = {"a": "A", "e": "E", "i": "I", "y": "I", "o": "O", "u": "U"}
_FRAME_MEET: Final = frozenset(
    {frozenset(pair) for pair in ("AE", "EI", "OU", "DE", "DI", "WU")} | {frozenset(c) for c in "AEIOUDW"}
)
_FRAME_TOKENS: Final = re.compile(r"[aeiouyŵ]+|[^aeiouyŵ]+")
_DIPHTHONG_W: Final = re.compile(r"[ao]w(?=[^aeiouyw])")
_FRENCH_OU_W: Final = re.compile(r"(?<=[aeiouy][^aeiouy])ou(?=[aei])")
_FRENCH_MUTE_E: Final = re.compile(r"(?<=.{3}[aiou]n)e$")
_CONSONANT_Y: Final = re.compile(r"(?<=[aeiou])y+(?=[aeiou])|^y(?=[aeiou])")
_DOUBLE_CONSONANT: Final = re.compile(r"([^aeiouy])\1+")
_DEVOICED: Final = ({"t", "d"}, {"p", "b"})
FRAME_MIN_CONSONANTS: Final = 2
"""A word of one consonant (Ali, Isa) has no frame."""
FRAME_FULL_CONSONANTS: Final = 3
"""A frame of fewer consonants (Adel, Zein, Omar, Lena) says little: it meets another only with the same first vowel
class (Adel / Adil, Zein / Zayn, Rezaei / Rezai, but not Lena / Lina, Vera / Vira), or with o and u opening the word
(Omar / Umar)."""


@lru_cache(maxsize=200_000)
def consonant_frame(word: str, diphthong: bool = True) -> tuple[str, ...] | None:
    """`word` read as a romanisation of an abjad name: its consonant groups as written (after the spellings above are
    made one) and one class per vowel group (A, E, I, O, U; D for a diphthong, W for the diphthong aw or ow before a
    consonant, which meets u: Shawkat / Shoukat / Shaukat, Dawlat / Doulat, Mawla / Mula, not Pawlak / Polak; with
    `diphthong` False, the w of aw is read as a consonant, as Turkish spellings ask: Mevlut / Mawlud), in order; None
    for a word with fewer than FRAME_MIN_CONSONANTS consonants or four letters. Y is a consonant before a vowel at
    the start of a word or between vowels (Yusuf, Sayyed, Haniyeh), a vowel elsewhere; a final h after a vowel is
    silent (Haniyeh / Haniya, Abdullah / Abdulla)."""
    text = "".join(ch for ch in latin_ascii(word) if ch.isalpha())
    # The Maghreb's French spellings: ou before a vowel is the consonant و (Redouane / Ridwan), and a closing e after
    # n is mute (Othmane / Uthman); a Persian closing -eh is a vowel, read below (Zanganeh / Zangene).
    text = _FRENCH_MUTE_E.sub("", _FRENCH_OU_W.sub("w", text))
    if diphthong and "w" in text:
        text = _DIPHTHONG_W.sub("ŵ", text)
    if len(text) > 3 and text[-1] == "h" and text[-2] in "aeiouy":
        text = text[:-1]
    for spelling, letter in _FRAME_CONSONANTS:
        if spelling in text:
            text = text.replace(spelling, letter)
    # Y between vowels or opening a word before a vowel is the consonant: written "Y" for the tokens below (upper
    # case is never a vowel letter there).
    text = _CONSONANT_Y.sub("Y", text)
    # Doubled consonants are one (Hassan / Hasan); a doubled vowel is the long vowel English spellings write so
    # (Noor, Hoorie, Sameer), read in _FRAME_LONG.
    text = _DOUBLE_CONSONANT.sub(r"\1", text)
    frame: list[str] = []
    consonants = 0
    for token in _FRAME_TOKENS.findall(text):
        if token[0] in "aeiouyŵ":
            if "ŵ" in token:
                frame.append("W")
            elif token in _FRAME_DIPHTHONGS:
                frame.append("D")
            else:
                frame.append(_FRAME_LONG.get(token) or _FRAME_LAST[token[-1]])
        else:
            frame.append(token.lower())
            consonants += len(token)
    # Four letters with a doubled vowel counted once (Saad has three: too short, as Sad).
    return tuple(frame) if consonants >= FRAME_MIN_CONSONANTS and len(_DOUBLE.sub(r"\1", text)) >= 4 else None


def frames_meet(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two frames with the same consonants in the same places (a letter written two ways meeting either) and vowel
    classes that romanisations exchange (a/e, e/i, o/u, a diphthong and e or i); with fewer than
    FRAME_FULL_CONSONANTS consonants, the same first vowel class too, o and u (and aw) counting as one."""
    if len(a) != len(b) or a == b:
        return a == b
    if sum(len(x) for x in a if not x.isupper()) < FRAME_FULL_CONSONANTS:
        first = next((x for x in a if x.isupper()), "")
        other = next((y for y in b if y.isupper()), "")
        # O and u are one vowel to the romanisers of Arabic (damma: Omar / Umar, Jomaa / Jumaa, Hoda / Huda), e and
        # i, a and i are not (Lena / Lina, Vera / Vira); the diphthong aw and the u others write for it are one vowel
        # too (Mawla / Mula).
        if first != other and first + other not in ("OU", "UO", "WU", "UW"):
            return False
    last = len(a) - 1
    for n, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y:
            continue
        if n == last and {x, y} in _DEVOICED:
            continue  # Turkish writes a closing d as t, b as p (Ahmet / Ahmad, Murat / Murad, Recep / Rajab)
        if x.isupper() != y.isupper() or len(x) != len(y):
            return False
        if x.isupper():
            if frozenset((x, y)) not in _FRAME_MEET:
                return False
        elif not all(p == r or frozenset((p, r)) in _FRAME_EITHER for p, r in zip(x, y, strict=True)):
            return False
    return True


def frames_meet_but_a_vowel(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two frames of FRAME_FULL_CONSONANTS consonants or more that meet (`frames_meet`) once one vowel of one is
    read into a group of two or three consonants of the other: the short vowel that Arabic leaves unwritten,
    written by one romanisation and not by another (Harzi / Harazi, Zreik / Zuraik, Balwi / Balawi; not Juhni /
    Jahani, whose vowels are other classes too)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) != len(a) + 2 or sum(len(x) for x in a if not x.isupper()) < FRAME_FULL_CONSONANTS:
        return False
    for n, group in enumerate(a):
        if group.isupper() or not 2 <= len(group) <= 3 or not b[n + 1].isupper():
            continue
        for cut in range(1, len(group)):
            if frames_meet((*a[:n], group[:cut], b[n + 1], group[cut:], *a[n + 1 :]), b):
                return True
    return False


# Arabic name particles: bin/ben/ibn (son of) and the article al-/el-/ul- with its assimilated forms before the
# "sun letters" (ad-Din, ar-Rahman, as-Sayyid, at-Tikriti, az-Zawahiri, an-Nasser, ash-Shami).
_ARABIC_SON_OF: Final = frozenset({"bin", "ben", "ibn", "ebn"})
_ARABIC_ARTICLES: Final = frozenset({"al", "el", "ul", "il"})
_ASSIMILATED_ARTICLES: Final = frozenset({"ad", "ar", "as", "at", "az", "an", "ash", "adh", "ath"})
_ARABIC_SECOND_LETTERS: Final = frozenset("aeiouyh")


def arabic_particle(word: str, following: str = "") -> str:
    """`bin`, `ben`, `ibn` -> `bin`; `el`, `ul` -> `al`; an assimilated article (`ar` before `Rahman`) -> `al`.

    Other words come back unchanged (lower case).
    """
    lowered = word.lower()
    if lowered in _ARABIC_SON_OF:
        return "bin"
    if lowered in _ARABIC_ARTICLES:
        return "al"
    if lowered in _ASSIMILATED_ARTICLES and following.lower().startswith(lowered[1:]):
        # An Arabic word opens with one consonant and a vowel (the h of sh, th, dh is the consonant's): An before
        # Nguyen is a Vietnamese name, not an-Nasser's article.
        after = following.lower()[len(lowered) - 1 :]
        if after[:1] in _ARABIC_SECOND_LETTERS:
            return "al"
    return lowered


# Words of organisation names are inflected in Belarusian and Russian and derived in English: Гродненская табачная
# фабрика / Grodno Tobacco Factory, Национальный олимпийский комитет / National Olympic Committee, Белорусский /
# Belarusian. A stem without the case ending and the adjective-forming suffix (-sk-, -n-, -al, -ic, -ian) is a second
# comparison key of an organisation word. Endings are written as they are after `fold` (o -> a, y -> i, glides
# dropped), longest first.
_ORG_INFLECTIONS: Final = ("aga", "ava", "ami", "ah", "ig", "im", "ai", "ae", "a", "e", "i", "u")
_ORG_DERIVATIONS: Final = ("isk", "sk", "ical", "ikal", "ic", "ik", "ian", "an", "al", "n")
_ORG_STEM_MIN: Final = 4
_SLAVIC_DERIVATIONS: Final = frozenset({"isk", "sk", "k", "n"})
_ENGLISH_HARD_C: Final = re.compile(r"c(?=[aku]|$)")


@lru_cache(maxsize=200_000)
def org_stem(key: str) -> str:
    """The stem of a folded organisation word (`gradnenska` and `gradna` -> `grad`; `alimpiski` and `alimpic` ->
    `alimp`; `belaruski` and `belarusan` -> `belarus`); English hard c is k (Tobacco / Tabachnaya). Never shorter
    than four letters; numbers unchanged."""
    if not key or key[0] == "#":
        return key
    if len(key) <= _ORG_STEM_MIN:
        return _ENGLISH_HARD_C.sub("k", key)  # Tech / Tek
    stem = _ENGLISH_HARD_C.sub("k", key)
    for _ in range(3):
        before = stem
        for ending in _ORG_INFLECTIONS:
            if stem.endswith(ending) and len(stem) - len(ending) >= _ORG_STEM_MIN:
                stem = stem[: -len(ending)]
                break
        slavic = False
        for suffix in _ORG_DERIVATIONS:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= _ORG_STEM_MIN:
                if suffix.endswith("sk") and stem[-len(suffix) - 1] in "aeiu":
                    suffix = "k"  # Belarus + sk folds to belarusk: the s belongs to the word
                slavic = suffix in _SLAVIC_DERIVATIONS
                stem = stem[: -len(suffix)]
                break
        if stem == before or not slavic:
            break  # English derivations (-al, -ic, -ian) are stripped once: Belaruskali stays belarusk
    return _ENGLISH_HARD_C.sub("k", stem)


# The Russian spelling of a Belarusian name part as written in Latin letters, for comparing letter by letter where
# a slip is counted (`russian_spellings`): the Polish digraphs some romanisations write, ў after a vowel as в
# (Sakalouskaya / Sokolovskaya, Chaslavauna / Cheslavovna), Belarusian г (h) as g, and the closing -анка as -енко.
_BELARUSIAN_U_SHORT: Final = re.compile(r"([aoe])u(?![aeiouy])")
_BELARUSIAN_MARKS: Final = re.compile(r"(?<=[^aeiouy])(?:[ae]u(?![aeiouy])|ou(?:$|sk|na$))|dz|[ae]nka$")
"""What only a Belarusian name part writes: ў after a vowel (-аў, -еў, -аўна; ou only where `_FRENCH_OU` reads it
so: at the end, before sk and in -оўна), дз, and the closing -анка, -енка."""
_U_SHORT_READ: Final = {"a": "ov", "o": "ov", "e": "ev"}
_POLISH_DIGRAPHS: Final = re.compile(r"[scr]z")
_POLISH_READ: Final = {"sz": "sh", "cz": "ch", "rz": "zh"}
_BELARUSIAN_H: Final = re.compile(r"(?<![kzsc])h")
_BELARUSIAN_NKA: Final = re.compile(r"([ae])nka$")
RUSSIAN_SPELLING_MIN: Final = 6
"""Letters of a part read so (`russian_spellings`): short words are as often names of other languages."""


def _spellable(word: str, marks: re.Pattern[str]) -> bool:
    """Whether a lower-case name part is read in the other language's spelling (`russian_spellings`,
    `belarusian_spellings`): ASCII letters only, RUSSIAN_SPELLING_MIN of them or more, with one of `marks`."""
    return (
        len(word) >= RUSSIAN_SPELLING_MIN
        and word.isalpha()
        and word.isascii()
        and marks.search(word) is not None
    )


@lru_cache(maxsize=100_000)
def russian_spellings(word: str) -> tuple[str, ...]:
    """How Russian spells a Belarusian name part written in Latin letters (ASCII letters, read in lower case): ў after a
    vowel as в (-аў, -оўскі, -аўна: Sakalouskaya -> sakalovskaya, Chaslavauna -> chaslavovna), г as g (Siarhei),
    the closing -анка as -енко, ia, ya, ja after a consonant and io, yo, jo between consonants as е, dz and ts
    before them as д and т (Lebedzeva -> lebedeva), and then a after sh, zh, ch, ts and o after sh, zh, ch as е as
    well (Khlyshchankau -> khlyshchenkov, Chaslavauna -> cheslavovna). Each reading differs from `word`; empty when
    none does, for a word with no mark that only Belarusian writes (`_BELARUSIAN_MARKS`: Antonia and Georgia are
    no Belarusian ia) and for one shorter than RUSSIAN_SPELLING_MIN. Written forms, not keys: `fold` merges letters
    that a slip of typing had kept apart (Sokoovksaya folds to `sakavksa`), so that slips are counted on these."""
    word = word.lower()
    if not _spellable(word, _BELARUSIAN_MARKS):
        return ()
    read = _POLISH_DIGRAPHS.sub(lambda found: _POLISH_READ[found.group()], word)
    read = _BELARUSIAN_U_SHORT.sub(lambda found: _U_SHORT_READ[found.group(1)], read)
    read = _BELARUSIAN_NKA.sub(r"\1nko", _BELARUSIAN_H.sub("g", read))
    soft = _BELARUSIAN_TS_YA.sub("te", _BELARUSIAN_DZ.sub("d", read))
    soft = _YO.sub("e", _BELARUSIAN_YA.sub("e", soft))
    hard = _BELARUSIAN_HUSHED_O.sub("e", _BELARUSIAN_HARD_A.sub("e", soft))
    return tuple(spelt for spelt in dict.fromkeys((read, soft, hard)) if spelt != word)


# The Belarusian spelling of a Russian name part as written in Latin letters, for the same comparison the other way
# round (`belarusian_spellings`): в closing a syllable as ў (-ов, -ев, -овна: Tarakanov -> tarakanou, Leonidovna ->
# leonidouna), г as h, the closing -енко as -енка and -ский as -скі.
_RUSSIAN_MARKS: Final = re.compile(r"(?:[oe]v|[oe]va|[oe]vna|[oe]vi[cč]h?|enko|sk(?:y|iy|ii|aya))$")
"""What a Russian name part closes with and its Belarusian form writes otherwise."""
_RUSSIAN_SPELT: Final = re.compile(rf"{_RUSSIAN_MARKS.pattern}|(?<=[^aeiouy][oe])v(?=[^aeiouy])")
"""What a Russian name part writes and its Belarusian form writes otherwise (`belarusian_spellings`): its closing
(`_RUSSIAN_MARKS`), or в closing a syllable inside it, after a vowel after a consonant (Sokolovski, Kovryzhkin:
Sakalouski, Kauryzhkin)."""
_RUSSIAN_V: Final = re.compile(r"(?<=[oe])v(?=na$|$|[^aeiouy])")
_RUSSIAN_G: Final = re.compile(r"(?<![kzsc])g(?!h)")
_RUSSIAN_ENKO: Final = re.compile(r"enko$")
_RUSSIAN_SKY: Final = re.compile(r"sk(?:y|iy|ii)$")
_RUSSIAN_EV: Final = re.compile(r"(?<=[^aeiouy])eu$")
_RUSSIAN_PATRONYMIC: Final = re.compile(r"(?:vi[cč]h?|vna)$")


def closes_as_russian(word: str) -> bool:
    """Whether a name part (lower-case ASCII letters) closes as a Russian one does and its Belarusian form does not
    (`_RUSSIAN_MARKS`: -ов, -ева, -овна, -ович, -енко, -ский)."""
    return _RUSSIAN_MARKS.search(word) is not None


@lru_cache(maxsize=100_000)
def belarusian_spellings(word: str) -> tuple[str, ...]:
    """How Belarusian spells a Russian name part written in Latin letters (ASCII letters, read in lower case): в
    closing a syllable as ў (Tarakanov -> tarakanou, Burmistrov -> burmistrou, Leonidovna -> leonidouna), г as h
    (Igorevna -> ihoreuna), the closing -енко as -енка and -ский as -скі, and -ев as -ёў too (Kovalev -> kovaliou,
    as Kavaliou is romanised); в closing a syllable inside the word too (Kovryzhkin -> kouryzhkin). The unstressed
    о that Belarusian writes а is left to the comparison (`names._akanye`), which cannot know the stress either, so
    the word itself is the first reading (not a patronymic's: Ionovich and Ivanavich are two fathers' sons). Empty
    for a word that writes nothing only Russian writes so (`_RUSSIAN_SPELT`) and for one shorter than
    RUSSIAN_SPELLING_MIN. Written forms, as `russian_spellings`."""
    word = word.lower()
    if not _spellable(word, _RUSSIAN_SPELT):
        return ()
    read = _RUSSIAN_SKY.sub("ski", _RUSSIAN_ENKO.sub("enka", _RUSSIAN_V.sub("u", word)))
    spelt = _RUSSIAN_G.sub("h", read)
    # -ёв, which Russian print writes -ев (Kovalev, Ковалёв), is -ёў in Belarusian, romanised -iou (Kavaliou).
    yo = _RUSSIAN_EV.sub("iou", spelt)
    readings = dict.fromkeys((read, spelt, yo))
    readings.pop(word, None)
    if _RUSSIAN_PATRONYMIC.search(word) is not None:
        # Not read by its vowels alone: Ionovich, of Iona, is another father than Ivanavich's.
        return tuple(readings)
    return (word, *readings)
