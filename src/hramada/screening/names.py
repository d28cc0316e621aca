"""Names as the engine compares them: cleaned, stripped of honorifics and legal forms, rendered in every relevant
transliteration, folded into keys, and compared part by part regardless of order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from itertools import groupby, pairwise
from typing import Final

from rapidfuzz.distance import OSA, Levenshtein
from rigour.names import NameTypeTag, SymbolCategory, analyze_names, remove_person_prefixes
from rigour.names import extract_org_types as _rigour_extract_org_types
from rigour.names import remove_org_types as _rigour_org_types
from rigour.territories import get_territories

from hramada.screening import han, hangul, wade_giles
from hramada.screening.datafiles import data_lines, data_rows
from hramada.screening.equivalence import WRITTEN_TWO_SLIPS_MIN, EquivalenceTable, default_table
from hramada.screening.han import has_han
from hramada.screening.hangul import family_names
from hramada.screening.keys import (
    arabic_particle,
    azerbaijani_reading,
    baltic_stem,
    belarusian_e_readings,
    belarusian_ou_reading,
    belarusian_spellings,
    catalan_reading,
    closes_as_russian,
    consonant_frame,
    czech_feminine,
    english_long_vowel_reading,
    fold,
    frames_meet,
    frames_meet_but_a_vowel,
    french_reading,
    greek_latin_reading,
    hungarian_reading,
    kh_reading,
    latin_ascii,
    long_vowels_read,
    one_letter_deletions,
    org_stem,
    phonetic,
    press_reading,
    romance_c_reading,
    romanian_reading,
    russian_spellings,
    scholarly_x_reading,
    skeleton,
    soft_ts_reading,
    strip_baltic,
    strip_baltic_in_name,
    umlaut_reading,
    uzbek_reading,
    yo_as_e,
)
from hramada.screening.normalize import BRACKETED, clean_text, has_cyrillic, normalize_name
from hramada.screening.transliterate import PRESS_SYSTEMS, latin_renderings, mandarin_word

MAX_TOKENS: Final = 10
# Two name parts are one name when their keys differ by at most 1 edit up to 6 letters, 2 up to 12, 3 beyond, and
# by 1 at most when the first letters differ (Navumau/Naumov and Siarhaevich/Sergeyevich meet; Pokhodova/Zakharova
# do not). See `_part_similarity`.
INITIAL_SIMILARITY: Final = 0.9
INITIAL_PATRONYMIC_SIMILARITY: Final = 0.8
"""An initial against a patronymic with the same first letter: below INITIAL_SIMILARITY, so a lone initial meets
a given name first."""
SURPLUS_WEIGHT_WHEN_COMPLETE: Final = 0.3
"""Weight of extra parts (a patronymic, a middle name) when every part of the shorter name found a partner."""
PATRONYMIC_SURPLUS: Final = 0.5
"""...and a patronymic among them (a key with a patronymic's ending) half that again: the press, foreign registries
and banks write a Belarusian or Russian name without it as a rule (Sergei Ushakov for Siarhei Uladzimiravich
Ushakou), so its absence says less than a missing middle name does; where both names write a patronymic and they
differ, that stays a conflict (not a surplus)."""
PATRONYMIC_SURPLUS_PAIRS: Final = 0.83
"""...where every pair of parts meets this well at least, as one slip in a part of six letters does (5/6): a surname
met only loosely (Shatrov / Zakharov 0.69, Kozhenkova / Kozhanova 0.78) or a given name through another's form
(Alexander / Alehs 0.825) stays a lead whatever the other name adds."""
SURPLUS_WEIGHT_SINGLE: Final = 0.7
"""Extra parts weigh more when the shorter name is a single word: a surname alone says little."""
GENERIC_WORD_WEIGHT: Final = 0.25
"""Weight of "Company", "Group", "Trading" in a name that has nothing else (otherwise they are dropped)."""
JOINED_CUTOFF: Final = 0.88
"""Names written as one word on one side and several on the other (Karimi-Adegani / Karimiadegani, Xi Jinping /
Xi Jin Ping) are compared as whole strings too; below this the whole-string comparison says nothing."""
INCOMPLETE_PENALTY: Final = 0.85
"""A part of the shorter name that matches nothing is a different person (Viktor vs Dmitry Lukashenko)."""
WEAK_EVIDENCE_PENALTY: Final = 0.85
"""A name agreeing only in one word (a surname; a given name and patronymic) is a lead, not a match."""
SURNAME_ALONE_SCORE: Final = 0.62
"""A person name of one word, a surname, that is the other name's surname as written (Putin / Vladimir Vladimirovich
PUTIN): a lead for review, never a match. By their parts alone such pairs fall under any review threshold (a surname
alone says little: SURPLUS_WEIGHT_SINGLE), and an analyst searching a surname found nothing."""
SURNAME_ALONE_MIN: Final = 5
"""...for a surname of five letters or more in its key that no table knows as a given name or patronymic: Ivan,
Maria or an initial alone is no lead."""
GENERIC_ONLY_PENALTY: Final = 0.5
"""Only generic words agree ("Limited Liability Company" and nothing else)."""
LOOSE_MIN: Final = 0.6
"""A given name left over after pairing still pairs with a left-over part of the other name when at most about one
letter in three differs (Iur/Iury, Dmirty/Dzmitry, Genafz/Genadz: one slip on the keyboard)..."""
LOOSE_FACTOR: Final = 0.85
"""...and then counts with its similarity times this, so a close given name helps without being the same name."""
TWO_SLIPS_MIN: Final = 8
"""A left-over part of this many letters or more (on both sides) pairs with two slips as well as one, when the
two are apart in the word (`_two_slips`: Aleksandtovicj / Aleksandrovich, Plsyheuksi / Plysheuski)..."""
KNOWN_TWO_SLIPS_MIN: Final = 7
"""...and from this many, side by side too, when they garbled a name into no name (Ptrobna / Petrovna, Ivanovh /
Ivanovich: see `_loose_similarity`). The field's fuzzy measures allow as much and more (rigour's Levenshtein
similarity, which logic-v2 uses: edits up to a fifth of the shorter word, rounded up, two from six letters)."""
SPLIT_RUN: Final = 3
"""A person's name part written as two or three parts on the other side (Abdulmalik / Abdul Malik, Gheybparvar /
Gheib Parvar, Mohammadreza / Mohammad Reza, Abd al-Rahman / Abdulrahman): neighbouring left-over parts, up to this
many, are joined and compared with one left-over part of the other name (`_split_runs`)."""
FRAME_SIMILARITY: Final = 0.9
"""Two person name parts that are one Arabic, Persian or Urdu name romanised two ways (the same consonants, vowels
that those romanisations exchange: Mohsen / Muhsin, Sadegh / Sadiq, Hossein / Husayn; `keys.consonant_frame`)
count this much: a variant spelling, not the same spelling."""
UNWRITTEN_VOWEL_SIMILARITY: Final = 0.85
"""...and this much where one romanisation also writes a short vowel the other leaves out (Zreik / Zuraik, Harzi /
Harazi: `keys.frames_meet_but_a_vowel`)."""
ALT_KEY_FACTOR: Final = 0.97
"""Two parts meeting only through a second key (an ending, a phonetic spelling) count a little less."""
NAME_SYMBOL_SIMILARITY: Final = 0.9
"""Two person parts that Wikidata's name items hold as one name in two scripts or languages (Джон / John, Майкл /
Michael, Шекспир / Shakespeare: `NameVariant.symbols`), where no spelling rule of the product reads one as the
other: a little below one spelling read as another (ALT_KEY_FACTOR)."""
ORGANIZATION_CONFLICT_PENALTY: Final = 0.7
"""Two organisation names each keep a distinctive word the other lacks (Grodno Tobacco Factory Neman / Grodno
Tobacco Synesis Neman; Belarusian Potash Company / Belarusian Cement Company): another company."""
PLACE_ONLY_PENALTY: Final = 0.75
"""Two organisation names agreeing in nothing but a town (after generic words and legal forms are dropped: Minsk
Investment Group / Hotel 'Minsk') are a lead for review, not a match."""
PLACE_WEIGHT: Final = 0.25
"""A town one organisation name adds where the other names none (Polotsk Steklovolokno / Steklovolokno; Novopolotsk
LLC Interservice / OOO Interservis) weighs like a generic word: lists and registries add or drop the seat of a
company. Two names that keep different towns still conflict."""
DESCRIPTIVE_ONLY_MAX: Final = 2
"""Names agreeing only in this many dictionary words (Digital Security) describe a kind of business: a word one of
them adds that names which organisation (Helpdesk) decides, as when words on both sides are left over."""
NUMBER_CONFLICT_PENALTY: Final = 0.5
"""Both names carry numbers and they differ (IRAN HORMUZ 22 / IRAN HORMUZ 25)."""
CONTAINED_WORD_SCORE: Final = 0.75
"""An organisation named by one word that the listed name carries as written, every other word of the listed name
describing (a dictionary word, a generic word, a town or country: VTB / VTB Bank; Belavia / Belavia Belarusian
Airlines): at least a lead for review. Not a match on its own, as with a bare acronym (`BARE_ACRONYM_FACTORS`):
a short brand word may name an unrelated company (Neman)."""
CONTAINED_BRAND_SCORE: Final = 0.85
"""As CONTAINED_WORD_SCORE, where the one word is a coined name (`_coined`) that is no dictionary word, town or
country (Sberbank / Public Joint Stock Company Sberbank of Russia; Transmorflot LLC / Transmorflot Shipping Company):
the name the organisation goes by, with its description beside it. A match."""
BRAND_LETTERS: Final = 7
"""Letters of a key from which a word that names an organisation alone is a coined name (`CONTAINED_BRAND_SCORE`)."""


def _coined(key: str) -> bool:
    """A word this long (Sberbank, Transmorflot) that names one organisation, not a short one many take (Neman,
    Belavia), nor a compound of words that describe a business (Belsteklo, Belarusian glass; Beltelecom, Belarusian
    telecom: `compound_meanings`)."""
    return len(key) >= BRAND_LETTERS and compound_meanings(key, least=1) is None


def _compound_spelt_out(
    brand: str, q: tuple[str, ...], c: tuple[str, ...], rest_q: list[int], rest_c: list[int]
) -> bool:
    """Whether a word the other name adds to a compound name cut from words that describe a business says one of
    those words besides the country (Savings Bank Belarusbank / Belarusbank: the bank Belarusbank is cut from): the
    name the organisation goes by, with its description spelt out beside it, as with a coined name
    (`CONTAINED_BRAND_SCORE`). Words of another kind (Insurance Company Belarusbank, Savings Bank Belsteklo) leave
    the pair a lead."""
    meanings = compound_meanings(brand, least=1)
    if meanings is None:
        return False
    said = set(meanings) - _COUNTRY_PIECES
    translations = org_word_translations()
    return any(
        translations.get(key, key) in said for key in (*(q[i] for i in rest_q), *(c[j] for j in rest_c))
    )


SHORT_BRAND_LETTERS: Final = 5
"""An organisation name whose only word in common with the other is this short (Orion, Alfa, Delta) and whose
words of kind differ (Orion Technologies / Orion LLC, Alfa Trade / Alfa LLC): short words are brands that many
unrelated companies take, so the pair is a lead for review (CONTAINED_WORD_SCORE) unless the kinds agree. A longer
word needs both names to say a kind, and different ones (`_brand_of_other_kind`)."""
NASAB_PENALTY: Final = 0.7
"""An Arabic name that is the other with one given name more in front (Qusay Saddam Hussein al-Tikriti / Saddam
Hussein al-Tikriti): the chain of fathers' names (nasab) follows a person's own name, so the longer name is a son or
daughter of the shorter one's bearer. A lead for review, not a match."""
_ORG_ARTICLES: Final = frozenset({"el", "ul"})
"""The Arabic article as organisation names romanise it besides al (Jaysh ul-Adl, Jama'at ul-Furqan; El Nasr as
Egypt writes it): read as al, so that names that write it two ways pair it and are read as Arabic (`_align`). Il is
Italian: left as written."""
_ORG_ASSIMILATED_ARTICLES: Final = frozenset({"ud", "ur", "ut", "uz", "ush", "uth", "udh", "ar", "az"})
"""The article assimilated to the next word's first consonant as Urdu and Persian romanise it (Jamaat-ud-Dawah,
Harakat-ur-Rahman), and as ar and az, which are no English words (Ar Rahmah Welfare Organization / Al Rahmah): al
before that word. The same with a (ad-, as-, at-, an-, ash-) is left as written in organisation names: those are
English words (At Tech, As Solutions, Ash Shipping). Persons' names keep ud and ur as written: given names glue
them to the name before (Ataur Rahman, Ziauddin), which reading them as al would part."""
_ARABIC_NAME_WORDS: Final = frozenset({"al", "bin", "bint", "ibn", "abu", "abd", "umm", "ould"})
"""Words (after `arabic_particle`) that mark a name written in Latin as an Arabic one."""
_ARABIC_TITLES: Final = frozenset(
    {
        "sayed", "sayyed", "sayyid", "sayid", "syed", "seyed", "sheikh", "shaikh", "shaykh", "sheik", "mullah",
        "mulla", "mawlawi", "maulavi", "mawlavi", "maulvi", "moulavi", "haji", "hajji", "hadji", "qari", "hafiz",
        "mufti", "imam", "abu", "umm", "dr",
    }
)  # fmt: skip
"""Titles and kunya words that may open an Arabic name without being a given name: no nasab conflict."""


class NameKind:
    PERSON: Final = "person"
    ORGANIZATION: Final = "organization"
    OTHER: Final = "other"
    CRAFT: Final = "craft"
    """A vessel's or an aircraft's name: compared as OTHER is, and its single letters number it (`number_key`)."""


_UNNAMED_KINDS: Final = frozenset({NameKind.OTHER, NameKind.CRAFT})


@dataclass(frozen=True, slots=True)
class NameVariant:
    """One rendering of a name: the system that produced it, its words and their comparison keys."""

    original: str
    system: str
    words: tuple[str, ...]
    keys: tuple[str, ...]
    weights: tuple[float, ...]
    joined: str
    skeletons: tuple[str, ...] = ()
    generic: tuple[bool, ...] = ()
    kind: str = "other"
    abjad: bool = False
    """Rendered from a script that writes no short vowels (Arabic, Hebrew): compare consonant skeletons."""
    alts: tuple[tuple[str, ...], ...] = ()
    """Per part, second comparison keys: the key before Belarusian-Russian equivalence (Serei meets Sergei as
    typed), the key without a Lithuanian or Latvian ending (Sergejs, Lavrovas) and the coarse phonetic key on which
    German and French spellings meet (Saizew / Zaitsev). Compared only when the main keys disagree."""
    written_joined: str = ""
    """Organisations: the words as written joined before translation (Energo-Oil / Energooil), compared beside
    `joined`."""
    initials: tuple[str, ...] = ()
    """Organisations: per word of the whole name (generic words included, legal forms not), the letters it may
    begin with in any language of its meaning (Works: w, p, z for Zavod, f for Fabrika...); "" for a word like "of"
    that an acronym may skip. Lets an acronym meet the words it stands for (`acronym_variant`)."""
    kept: tuple[int, ...] = ()
    """Organisations: per word of the whole name, its position in `keys`, or -1 when dropped as generic."""
    acronyms: tuple[str, ...] = ()
    """Organisations: the words that may be acronyms (three to six letters), as acronym letters."""
    kinds: frozenset[str] | None = None
    """Organisations: the meanings of the generic words that say what kind of organisation (Trading, Technologies,
    Plant), without those any organisation may carry (Company, Group, Limited; `ANY_KIND_KEYS`); None where not
    known (a name read as an acronym's words, a kind word written as initials or missing from the meaning table)."""
    openings: str = ""
    """Persons: per word, the class of its first letter (`_FRAME_OPENING`: a for a vowel or y, k for g, k, q, c, h,
    j, sh, sch and dj, v for v or w, else the letter), so `_align` asks `_frame_similarity` only of parts that open
    alike."""
    symbols: tuple[tuple[str, ...], ...] = ()
    """Persons: per part, the Wikidata items of given and family names that rigour's name tagger finds for the word
    as written in its own script (`name_symbols`); () where no part has one. Parts sharing one meet at
    NAME_SYMBOL_SIMILARITY."""

    def __reduce__(self) -> tuple[type[NameVariant], tuple[object, ...]]:
        # Pickled (the stored index) as a call of the constructor with every field: the compiled engine's frozen
        # class takes no attribute set after it is made, and either engine reads what the other wrote.
        return NameVariant, tuple(getattr(self, name) for name in _VARIANT_FIELDS)


_VARIANT_FIELDS: Final = tuple(field.name for field in fields(NameVariant))


def with_weights(variant: NameVariant, weights: tuple[float, ...]) -> NameVariant:
    """`variant` with other part weights (`dataclasses.replace`, without its cost on the query path)."""
    return NameVariant(
        *(weights if name == "weights" else getattr(variant, name) for name in _VARIANT_FIELDS)  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class PartPair:
    query_word: str
    listed_word: str
    similarity: float
    equivalence: str | None


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float
    query: NameVariant
    listed: NameVariant
    pairs: tuple[PartPair, ...]
    unmatched_query: tuple[str, ...]
    unmatched_listed: tuple[str, ...]


AS_WRITTEN_ONLY: Final = "as written only:"
"""Opens the meaning of a form of `data/legal_forms_by.csv` that is left out where a name writes it so, and not in
its romanisations, which are words or names of their own (ПрАТ is Prat, ОсОО is Osoo)."""

AFTER_A_NAME_ONLY: Final = "after a name only:"
"""Opens the meaning of a form of `data/legal_forms_by.csv` that its law writes after the company's name and that
is left out only there: opening a name, the same letters are the name's own initials (Inversiones Andinas S.A.C.
against SAC Capital Advisors)."""


@cache
def _legal_form_rows() -> tuple[tuple[str, bool, bool], ...]:
    """The forms of `data/legal_forms_by.csv` as written there, each with whether it is taken as written only
    (`AS_WRITTEN_ONLY`) and whether after a name only (`AFTER_A_NAME_ONLY`; read once)."""
    return tuple(
        (
            row["form"],
            row["meaning"].startswith(AS_WRITTEN_ONLY),
            row["meaning"].startswith(AFTER_A_NAME_ONLY),
        )
        for row in data_rows("legal_forms_by.csv")
    )


@cache
def _after_a_name_forms() -> frozenset[str]:
    """The forms of `data/legal_forms_by.csv` left out only after a name's first word (`AFTER_A_NAME_ONLY`): each
    normalised as written and as its every Latin rendering (what `_legal_forms` and `_without_legal_forms` read)."""
    rows = [form for form, _, after_a_name in _legal_form_rows() if after_a_name]
    joined = {normalize_name(_undot_acronyms(form)) for form in rows}
    return frozenset(
        {normalize_name(form) for form in rows}
        | {latin for form in joined for latin in latin_renderings(form).values()}
    )


@cache
def _legal_form_renderings() -> tuple[tuple[str, str], ...]:
    """Every form in every rendering, as (system, Latin text): what `legal_form_keys` and `_one_word_forms` read;
    none of the forms taken as written only."""
    return tuple(
        (system, latin)
        for form, as_written_only, _ in _legal_form_rows()
        if not as_written_only
        for system, latin in latin_renderings(normalize_name(_undot_acronyms(form))).items()
    )


@cache
def _legal_form_texts() -> tuple[str, ...]:
    return tuple(sorted((normalize_name(form) for form, _, _ in _legal_form_rows()), key=len, reverse=True))


@cache
def _legal_forms() -> re.Pattern[str]:
    after_a_name = _after_a_name_forms()
    anywhere = [f for f in _legal_form_texts() if f and f not in after_a_name]
    only_after = [f for f in _legal_form_texts() if f and f in after_a_name]
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, anywhere)) + r")(?!\w)"
    if only_after:  # a word and a space before it: not the name's first word
        pattern += r"|(?<=\w )(?:" + "|".join(map(re.escape, only_after)) + r")(?!\w)"
    return re.compile(pattern)


@cache
def _legal_form_first_words() -> frozenset[str]:
    return frozenset(f.split(" ")[0] for f in _legal_form_texts() if f)


def _without_legal_form_texts(text: str) -> str:
    """A normalised organisation name without the legal forms `_legal_forms` finds, or itself if nothing else.

    In a normalised name (words of letters, digits and apostrophes parted by single spaces) a form without an
    apostrophe in sight is a run of whole words: none of the name's words opening a form means none is there
    (most names; the pattern of 150 forms is tried at every letter otherwise)."""
    if "'" not in text and _legal_form_first_words().isdisjoint(text.split(" ")):
        return text
    return " ".join(_legal_forms().sub(" ", text).split()) or text


@cache
def _generic_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each word of `data/org_generic_words.txt` with the Latin words of all its renderings (read once for the
    keys, the short spellings and the loanword keys below)."""
    return tuple(
        (word, tuple(w for latin in latin_renderings(normalize_name(word)).values() for w in latin.split()))
        for word in " ".join(data_lines("org_generic_words.txt")).split()
    )


@cache
def generic_org_keys() -> frozenset[str]:
    """Folded keys of words that say what kind of organisation, not which (`data/org_generic_words.txt`)."""
    keys = {fold(w) for _, rendered in _generic_words() for w in rendered}
    translations = org_word_translations()
    keys |= {translations[k] for k in keys if k in translations}
    return frozenset(k for k in keys if k)


@cache
def _short_generic_spellings() -> frozenset[str]:
    """The generic words of three letters or fewer as written in Latin (of, for, the, co, npo; и, ао rendered):
    a word that short is generic by its spelling, as the folding makes other words of it (Far folds as For)."""
    spellings = {latin_ascii(w) for _, rendered in _generic_words() for w in rendered}
    return frozenset(w for w in spellings if len(fold(w)) <= 3)


GENERIC_LOANWORD_CONSONANTS: Final = 6
"""A word is generic by its sounds alone (Tekhnolodzhis, Menedzhment, Korporeishn) when they are six consonants or
more: shorter skeletons of generic words (Ministry, Trade) would take distinctive words with them (Monster)."""


@cache
def generic_loanword_keys() -> frozenset[str]:
    """`loanword_key`s of the generic words written in Latin (Technologies, Management, Corporation, Industries),
    so their Russian spellings romanised back are generic too."""
    keys = {loanword_key(word) for word, _ in _generic_words() if word.isascii()}
    return frozenset(k for k in keys if len(k.lstrip("~a")) >= GENERIC_LOANWORD_CONSONANTS)


_GENERIC_ADJECTIVES_ONLY: Final = "открытое закрытое"
"""Generic words whose stem also makes a noun that names companies: open and closed, which open legal forms
(открытое / закрытое акционерное общество), make Открытие (opening: Otkritie, a bank) and Закрытие. Inflected, they
are generic where their ending is an adjective's (-ое, -ая, -ого, -ой, -ый: folded, an ending opening with a, or i),
not a noun's (-ие, -ия: folded, e, ie or ia)."""


@cache
def generic_org_stems() -> frozenset[str]:
    """Stems (`keys.org_stem`) of the generic words, so an inflected form the list does not spell out is generic
    too (Natsionalniy, Gosudarstvennogo)."""
    return frozenset(org_stem(k) for k in generic_org_keys() if len(k) > 4)


@cache
def _adjective_only_stems() -> frozenset[str]:
    return frozenset(org_stem(fold(word)) for word in _GENERIC_ADJECTIVES_ONLY.split())


@cache
def _short_stem_openings() -> frozenset[str]:
    """The first five letters of the generic words whose stems are four letters or fewer (Chastnoe, stem `kast`):
    so short a stem is another word's too (Coastal), so an inflected form must also open as the word does."""
    return frozenset(k[:5] for k in generic_org_keys() if len(k) > 4 and len(org_stem(k)) <= 4)


def is_generic_org_key(key: str) -> bool:
    if key in generic_org_keys():
        return True
    if len(key) <= 4:
        return False
    stem = org_stem(key)
    if stem in _adjective_only_stems() and key.startswith(stem):
        ending = key[len(stem) :]
        return ending[:1] == "a" or ending == "i"
    return stem in generic_org_stems() and (len(stem) > 4 or key[:5] in _short_stem_openings())


@cache
def org_stem_translations() -> dict[str, str]:
    """Stem of a word form -> the key of its meaning, for stems that belong to one meaning only: an inflected form
    the table does not list (Tabachnoi, Olimpiiskogo) is still read as its meaning."""
    found: dict[str, set[str]] = {}
    for key, target in native_org_word_translations().items():
        for form in (key, target):
            if len(org_stem(form)) >= 5:
                found.setdefault(org_stem(form), set()).add(target)
    return {stem: next(iter(targets)) for stem, targets in found.items() if len(targets) == 1}


_ADJECTIVE_SK: Final = "sk"


@cache
def _sk_adjective_stems() -> frozenset[str]:
    """The stems of the translation table's forms that are adjectives in -sk- (морской, marine: `mar`)."""
    return frozenset(
        stem
        for key, target in native_org_word_translations().items()
        for form in (key, target)
        if form[len(stem := org_stem(form)) :].startswith(_ADJECTIVE_SK)
    )


COMPOUND_PIECE_MIN: Final = 3
"""A piece of a compound word is at least three letters of a word's key (Bel-, Neft-, Khim-)."""
COMPOUND_FACTOR: Final = 0.9
"""A compound word read as the words it was cut from (Belneftekhim / Belarusian Oil and Chemistry) counts a little
less than the words themselves, like an acronym, and only when the names then agree word for word."""


@cache
def _compound_pieces() -> dict[str, str]:
    """Key of a piece a compound word may be cut into -> its meaning: the stems of `data/org_compound_stems.csv`
    (Бел-, Нефте-, Хим-, Пром-) and every word form of `data/org_word_translations.csv` with its stem (Стекло,
    Волокно, Шина), for pieces of one meaning only. Prefixes of other words are no pieces (Belinvest is not
    Belarusian Investigative). A stem of the stems table is what its line says even where the stem of a word form
    folds alike (агро- is agricultural, though охрана's stem folds to the same `agra`)."""
    found: dict[str, set[str]] = {}
    translations = native_org_word_translations()
    ordinals = _ordinal_keys()
    for key, target in (*translations.items(), *((t, t) for t in set(translations.values()))):
        if target in ordinals:
            continue
        for piece in (key, org_stem(key)):
            if len(piece) >= COMPOUND_PIECE_MIN and piece[0] != "#":
                found.setdefault(piece, set()).add(target)
    stems: dict[str, set[str]] = {}
    for row in data_rows("org_compound_stems.csv"):
        # A stem may stand for two words (исполком: executive committee): their keys joined by a space.
        target = " ".join(translations.get(fold(m), fold(m)) for m in row["meaning"].split())
        for latin in latin_renderings(normalize_name(row["stem"])).values():
            key = fold(latin)
            if len(key) >= COMPOUND_PIECE_MIN - 1:
                stems.setdefault(key, set()).add(target)
    found.update(stems)
    return {piece: next(iter(targets)) for piece, targets in found.items() if len(targets) == 1}


_COUNTRY_PIECES: Final = frozenset(fold(word) for word in ("belarus", "russian"))
"""Pieces that name the country (Bel-, Рос-): a compound needs two pieces besides them to be a description."""
PLACE_PIECE_MIN: Final = 4
"""A place name before an administrative piece of a compound has four letters or more (Brest-, Gomel-, Vitebsk-)."""


@cache
def _administrative_pieces() -> frozenset[str]:
    """Meanings of the pieces a place name may stand before in a compound (облисполком: Брестоблисполком,
    Гомельоблисполком = the Brest, Gomel region executive committee)."""
    return frozenset({fold("region")})


@lru_cache(maxsize=100_000)
def compound_meanings(key: str, least: int = 2) -> tuple[str, ...] | None:
    """The meanings a Russian or Belarusian compound word was cut from (сложносокращённое слово: Белнефтехим =
    Белорусский нефтехимический, Стекловолокно = стекло + волокно, Белшина, Белтаможсервис): the key split into
    the fewest pieces that each stand for one meaning (`_compound_pieces`), with
    a linking vowel between pieces and up to three letters of ending after the last; None unless it splits into
    `least` pieces or more besides the country."""
    for found in _compound_cuts(key):
        meanings = [meaning for meaning, _ in found]
        # Two pieces besides the country: Bel- with one word is a brand, not a description (Belaruskali is not
        # the Belarusian Potash Company, Belarusneft not the Belarusian Oil Company).
        if len(set(meanings) - _COUNTRY_PIECES) >= least and len(set(meanings)) == len(meanings):
            return tuple(word for meaning in meanings for word in meaning.split(" "))
    if "c" in key and "ts" not in key:
        # A piece ending in т before one opening with с folds to one c (Бел-мыт-сервис: `belmicervis`): read with
        # each c as the t and s it may have been.
        for at in (i for i, letter in enumerate(key) if letter == "c" and 0 < i < len(key) - 1):
            found_apart = compound_meanings(key[:at] + "ts" + key[at + 1 :], least)
            if found_apart is not None:
                return found_apart
    return None


@lru_cache(maxsize=400_000)
def _compound_cuts(key: str) -> tuple[tuple[tuple[str, int], ...], ...]:
    """The ways `compound_meanings` may cut `key` (the fewest pieces ending at its end or up to three letters
    before), each as its pieces' (meaning, first letter's position); () for a word no table cuts."""
    if len(key) < 7 or key[0] == "#" or key in org_word_translations() or key in org_meaning_keys():
        return ()  # a dictionary word is read as its own meaning (Instrumentmaking is no tool and machine)
    prefixes = _compound_pieces()
    n = len(key)
    best: list[tuple[tuple[str, int], ...] | None] = [None] * (n + 1)
    best[0] = ()
    # A place name may open the compound before an administrative piece (Brest-obl-ispolkom): kept as written.
    administrative = _administrative_pieces()
    for i in range(PLACE_PIECE_MIN, n - COMPOUND_PIECE_MIN):
        if best[i] is None and any(
            prefixes.get(key[i:j]) in administrative
            for j in range(i + COMPOUND_PIECE_MIN - 1, min(n, i + 6) + 1)
        ):
            best[i] = ((key[:i], 0),)
    for i in range(n):
        start = best[i]
        if start is None:
            continue
        if i and key[i] in "aeiou" and (best[i + 1] is None or len(best[i + 1] or ()) > len(start)):
            best[i + 1] = start  # a linking vowel (нефт-е-хим, стекл-о-волокно)
        # A letter the pieces share was written twice and folded once (Рос-сельхоз-банк: rasselgaz -> raselgaz):
        # the next piece may also begin on the last letter of this one.
        for at in (i, i - 1) if i and key[i - 1] not in "aeiou" else (i,):
            for j in range(min(n, at + 16), at + 1, -1):
                meaning = prefixes.get(key[at:j])
                if meaning is not None and (best[j] is None or len(best[j] or ()) > len(start) + 1):
                    best[j] = (*start, (meaning, at))
    return tuple(found for end in range(n, max(n - 4, 0), -1) if (found := best[end]) is not None)


WRITTEN_SLIP_MIN: Final = 5
"""Two organisation words left over meet with one slip in their written letters from this many letters (the
longer), where their keys are too short to allow one."""


def _written_slip_between(a: str, b: str) -> float:
    """`_written_slip`, asked only of words that open alike and differ in length by two letters at most."""
    return _written_slip(a, b) if a[:1] == b[:1] and abs(len(a) - len(b)) <= 2 else 0.0


@lru_cache(maxsize=100_000)
def _written_slip(a: str, b: str) -> float:
    """The similarity of two organisation words one slip apart as written (two letters swapped counting as one),
    or two apart in a long word (`_two_slips`: Absoultbak / Absolutbank) or two of the keyboard (`_keyboard_slips`:
    Emiaets / Emirates), opening with the same letter, neither opening the other (Inves is Invest cut short, another
    form); else 0.0."""
    la, lb = _letters_of(a), _letters_of(b)
    if (
        la == lb
        or max(len(la), len(lb)) < WRITTEN_SLIP_MIN
        or la[:1] != lb[:1]
        or la.isdigit()
        or lb.isdigit()
    ):
        return 0.0
    if la.startswith(lb) or lb.startswith(la):
        return 0.0
    if (
        OSA.distance(la, lb, score_cutoff=1) > 1
        and not _two_slips(la, lb, side_by_side=False)
        and not (_keyboard_slips(la, lb) or _keyboard_slips(lb, la))
    ):
        return 0.0
    return OSA.normalized_similarity(la, lb)


CYRILLIC_SLIP_MIN: Final = 5
"""A Cyrillic word of an organisation name this long or longer that no table knows is read as the Cyrillic word of
the tables one slip away (`_cyrillic_words_mended`)."""
_CYRILLIC_WORD: Final = re.compile(r"^[а-яёіўєїґ'’-]+$")


@cache
def _cyrillic_dictionary() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The Cyrillic words of the word tables (`data/org_word_translations.csv`, `data/org_generic_words.txt`) and of
    the legal forms, and their one-letter deletions -> the words (for `_cyrillic_words_mended`)."""
    words: set[str] = set()
    for line in data_lines("org_word_translations.csv"):
        words.update(form.strip().lower() for form in line.split(","))
    for line in data_lines("org_generic_words.txt"):
        words.update(line.lower().split())
    for line in data_lines("legal_forms_by.csv"):
        words.update(line.partition(",")[0].lower().split())
    words = {w for w in words if _CYRILLIC_WORD.match(w) and len(w) >= CYRILLIC_SLIP_MIN - 1}
    near: dict[str, set[str]] = {}
    for word in words:
        for entry in {word, *one_letter_deletions(word)}:
            near.setdefault(entry, set()).add(word)
    return frozenset(words), {entry: frozenset(found) for entry, found in near.items()}


@lru_cache(maxsize=100_000)
def _cyrillic_word_mended(word: str) -> str | None:
    """The Cyrillic word of the tables that `word` is with one slip (a letter left out, added, changed, or two
    swapped), when exactly one is; None when `word` is one of them or none or several are near."""
    words, near = _cyrillic_dictionary()
    if len(word) < CYRILLIC_SLIP_MIN or word in words or not _CYRILLIC_WORD.match(word):
        return None
    found = {
        form
        for entry in {word, *one_letter_deletions(word)}
        for form in near.get(entry, ())
        if form[:1] == word[:1]
        and not (form.startswith(word) or word.startswith(form))
        and OSA.distance(form, word, score_cutoff=1) <= 1
    }
    return found.pop() if len(found) == 1 else None


def _cyrillic_words_mended(text: str) -> str | None:
    """A normalised organisation name in Cyrillic with the words that are a word of the tables with one slip
    written as that word (Авиаомпания: авиакомпания; грйпп: групп), or None when it has none: typed in Cyrillic,
    a slip in a word that says what kind of company would otherwise make it a word that names one (a second
    rendering, the name as written stays one)."""
    words = text.split(" ")
    mended = [
        (_cyrillic_word_mended(word) if len(word) >= CYRILLIC_SLIP_MIN else None) or word for word in words
    ]
    return " ".join(mended) if mended != words else None


GENERIC_SLIP_MIN: Final = 4
"""A word left over is read as a generic word of the other name one slip away from this many letters (Stae)."""


@lru_cache(maxsize=50_000)
def _generic_words_written(name: str) -> frozenset[str]:
    """The generic, dictionary and legal-form words an organisation name writes, as ASCII letters (`_letters_of`),
    of GENERIC_SLIP_MIN letters or more: the words that say what kind of organisation, not which."""
    found = set()
    for word in normalize_name(name).split():
        letters = _letters_of(word)
        if len(letters) < GENERIC_SLIP_MIN:
            continue
        key = fold(word)
        if (
            is_descriptive_org_key(key)
            or is_descriptive_org_key(translate_org_key(key))
            or _legal_form_starts(word)
        ):
            found.add(letters)
            if letters.endswith("s") and len(letters) > GENERIC_SLIP_MIN + 1:
                # The English singular, which a slip may have left (Holdig: holding, not holdings).
                found.add(letters[:-1])
    return frozenset(found)


@lru_cache(maxsize=200_000)
def _generic_word_misspelt(word: str, other_name: str) -> str | None:
    """The word of `_generic_words_written(other_name)` that `word`, left over, is with one slip (two letters
    swapped counting as one), unless `word` is such a word itself; else None. A word that opens the other or is
    opened by it is another form, not a slip (Tradin, Trading)."""
    letters = _letters_of(word)
    if len(letters) < GENERIC_SLIP_MIN:
        return None
    written = _generic_words_written(other_name)
    if letters in written:
        return None
    for generic in written:
        if (
            abs(len(letters) - len(generic)) <= 1
            and not (generic.startswith(letters) or letters.startswith(generic))
            and OSA.distance(letters, generic, score_cutoff=1) <= 1
        ):
            return generic
    return None


@lru_cache(maxsize=50_000)
def _generic_word_slipped_twice(word: str, other_name: str, own_name: str) -> str | None:
    """The word of `_generic_words_written(other_name)` that `word`, left over and no generic word itself, is with
    two slips apart (`_two_slips`: Mannageent, Entetprose) or two slips of the keyboard anywhere (`_keyboard_slips`:
    Rrdearch, Holdigd), when its own name writes that word nowhere else (Integral is no second Internal in a name
    that writes Internal); else None. Other letters side by side are not read so: Corporation and Cooperation are
    two such edits apart, and no table says which words are words."""
    letters = _letters_of(word)
    if len(letters) < KNOWN_TWO_SLIPS_MIN or is_descriptive_org_key(fold(word)):
        return None
    own = _generic_words_written(own_name)
    for generic in _generic_words_written(other_name):
        if (
            generic[0] == letters[0]  # both readings keep the first letter (the hot path: asked of most)
            and -2 <= len(generic) - len(letters) <= 2
            and generic not in own
            and not (generic.startswith(letters) or letters.startswith(generic))
            and (_two_slips(letters, generic, side_by_side=False) or _keyboard_slips(letters, generic))
        ):
            return generic
    return None


@cache
def abbreviated_openings() -> frozenset[str]:
    """The letters an abbreviation of a word of the tables may keep as its opening (`_generic_word_abbreviated`):
    every opening of ABBREVIATION_MIN letters or more, two letters at least short of the word, of the words of
    `data/org_generic_words.txt` and the word tables, as ASCII letters (`_letters_of`). Asked before anything else
    of a word left over: most are no such opening, and the other name's words need not be read for them."""
    words = {word for word, _ in _generic_words()}
    for table in ("org_word_translations.csv", "org_word_translations_romance.csv"):
        for line in data_lines(table):
            words.update(line.split(","))
    openings: set[str] = set()
    for word in words:
        letters = _letters_of(word)
        if _ENGLISH_WORD.fullmatch(letters):
            openings.update(letters[:n] for n in range(ABBREVIATION_MIN, len(letters) - 1))
    return frozenset(openings)


def _may_abbreviate(word: str) -> bool:
    """Whether `word` is shaped as an abbreviation of a word of the tables: an opening of one
    (`abbreviated_openings`) or consonants only (Gnrl, Mgmt)."""
    letters = _letters_of(word)
    return letters in abbreviated_openings() or _CONSONANTS_ONLY.fullmatch(letters) is not None


@lru_cache(maxsize=50_000)
def _generic_word_abbreviated(word: str, key: str, other_name: str, own_name: str) -> str | None:
    """The word of `_generic_words_written(other_name)` that `word` (read as `key`), left over, abbreviates as
    `abbreviated_word` reads abbreviations (its opening: Gen. / General, Trad. / Trading, Cont. / Contracting; or
    its consonants in order: Gnrl), the first of them alphabetically; else None (asked of the words
    `_may_abbreviate` finds shaped so). The tables do not list such abbreviations as generic words where they are
    names too (Gen, a given name): only the other name writing the word says what the letters stand for. A word of
    the tables (Air, read as airline) is a word of its own, and so is a piece of a word its own name writes whole
    (Inter of Intertrade)."""
    if (
        is_descriptive_org_key(key)
        or compound_meanings(key) is not None
        or word not in normalize_name(own_name).split()
    ):
        return None
    letters = _letters_of(word)
    return next(
        (
            generic
            for generic in sorted(_generic_words_written(other_name))
            if _letters_abbreviate(letters, generic)
        ),
        None,
    )


SLIP_WRITTEN_MIN: Final = 5
"""The shortest word of a company's name that one slip as written may have met (`_slip_as_written`)."""
_VOWEL_OPENING: Final = re.compile(r".?[aeiouy]")


def _slip_as_written(word_a: str, word_b: str) -> float:
    """The similarity of one slip in the longer of two words of companies' names written in Latin letters, where
    the slip is one as written and reading made it two (Logec / Logex: lagec, lageks; Naftsn / Naftan: nafcn,
    naftan; Syness / Synesis: sines, sinesis), the longer of SLIP_WRITTEN_MIN letters or more, both opening alike
    with a vowel in their first two letters: a word opening with two consonants is as often a run of initials, one
    letter of which names another body (ZNIIEF / ZNIITF); else 0.0."""
    longest = max(len(word_a), len(word_b))
    if (
        longest < SLIP_WRITTEN_MIN
        or abs(len(word_a) - len(word_b)) > 1  # one slip changes the length by one letter at most
        or word_a[:1] != word_b[:1]
        or not _VOWEL_OPENING.match(word_a)
        or not _VOWEL_OPENING.match(word_b)
        or not (word_a.isalpha() and word_b.isalpha() and word_a.isascii() and word_b.isascii())
    ):
        return 0.0
    return 1.0 - 1.0 / longest if OSA.distance(word_a, word_b, score_cutoff=1) <= 1 else 0.0


def _org_words_compared(a: str, b: str, sim: float) -> float:
    """The similarity `sim` of two organisation words that are not one key, where what they name says more: two
    forms of one town agree (Minsk, Minskogo, Minskii), two towns are two companies however close their letters
    (Minsk / Pinsk, Brest / Bresk), and so are compounds cut from different words (`_compounds_differ`) two
    edits apart or more: one slip cuts a compound anew (Beltelecon read as Belarusian television, Belaruskail with
    an oil in it) where it is still the one word misspelt, and so do two slips apart in a long word (`_two_slips`:
    Stelovlookno / Steklovolokno)."""
    town_a = org_place_of(a)
    if town_a is not None:
        town_b = org_place_of(b)
        if town_b is not None:
            return 1.0 if town_a == town_b else 0.0
    if (
        _compounds_differ(a, b)
        and OSA.distance(a, b, score_cutoff=1) > 1
        and not _two_slips(a, b, side_by_side=False)
    ):
        return 0.0
    return sim


ENGLISH_ROOT_MIN: Final = 5
"""Two English words of organisation names that differ only by a derivational or plural ending meet when the root
they share has this many letters or more (Revolution / Revolutionary; not Ship / Shipping)..."""
_ENGLISH_ENDINGS: Final = frozenset(
    ("s", "es", "ary", "aries", "al", "ial", "ials", "als", "ic", "ics", "ical", "ing", "ings")
)
"""Endings English adds to a word of an organisation name without changing what the name says (Guards, Trading,
Electronics, Financial, Revolutionary)..."""
_AGENT_ENDINGS: Final = frozenset(("ed", "ian", "ians", "ion", "ions", "ation", "ations", "ist", "ists"))
"""...and these from a root of one letter more, where a shorter root is as often a name or another word (Alnas /
Alnaser, Plant / Plantation, Guard / Guardian). The agent's -er is none of them: an Engineer is no Engine."""
_AFTER_FINAL_E: Final = _ENGLISH_ENDINGS - {"s", "es"} | _AGENT_ENDINGS
"""Endings that take the place of a final e (Trade / Trading, Commerce / Commercial, Culture / Cultural)."""
_AFTER_FINAL_Y: Final = frozenset(("ic", "ics", "ical", "ial", "al", "ies"))
"""Endings that take the place of a final y (Economy / Economic, Academy / Academic, Industry / Industrial); not
-ian or -ations (Anatoly / Anatolian, Destiny / Destinations are other words)."""
_ENGLISH_WORD: Final = re.compile(r"[a-z]+")


def english_derivation(a: str, b: str) -> bool:
    """Whether two words of an organisation name as written are one English word with another ending: the shorter
    (less a final e or y that the ending replaces) opens the longer, and what the longer adds is an ending of
    `_ENGLISH_ENDINGS` or `_AGENT_ENDINGS` (Islamic Revolution Guards Corps / Islamic Revolutionary Guard Corps,
    Finance / Financial, Electronic / Electronics)."""
    if a[:ENGLISH_ROOT_MIN] != b[:ENGLISH_ROOT_MIN]:
        return False  # most pairs: the root opens both
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < ENGLISH_ROOT_MIN or not (
        _ENGLISH_WORD.fullmatch(short) and _ENGLISH_WORD.fullmatch(long)
    ):
        return False
    root = short if long.startswith(short) else short[:-1]
    if len(root) < ENGLISH_ROOT_MIN or not long.startswith(root):
        return False
    ending = long[len(root) :]
    if ending in _AGENT_ENDINGS and len(root) == ENGLISH_ROOT_MIN:
        return False
    if root == short:
        return ending in _ENGLISH_ENDINGS or ending in _AGENT_ENDINGS
    return ending in (_AFTER_FINAL_Y if short[-1] == "y" else _AFTER_FINAL_E if short[-1] == "e" else ())


ABBREVIATION_MIN: Final = 3
"""Letters an abbreviation of an organisation word keeps at least (Ind., Eng., Govt; not Co, which is a word)."""
_CONSONANTS_ONLY: Final = re.compile(r"[a-z][b-df-hj-np-tv-xz]+")


def abbreviated_word(a: str, b: str, key_a: str, key_b: str) -> bool:
    """Whether one of two words of organisation names as written is an abbreviation of the other, a dictionary
    word: its opening (Eng. / Engineering, Elec. / Electric, Transp. / Transport) or its consonants in order, first
    letter first (Engg / Engineering, Shpg / Shipping), as registries, payment messages of limited length and lists
    abbreviate them. The abbreviations of generic words are generic words themselves (`data/org_generic_words.txt`:
    Ind., Assn., Trdg): a generic word is no part to pair."""
    (short, short_key), (long, long_key) = sorted(((a, key_a), (b, key_b)), key=lambda pair: len(pair[0]))
    if not is_descriptive_org_key(long_key):
        return False  # the longer word names which organisation (Zorvex / Zorvexia): no abbreviation of it
    if is_descriptive_org_key(short_key) or compound_meanings(short_key) is not None:
        return False  # the shorter is a word of its own (Air / Airlines, Ship / Shipbuilding, Electro-)
    return _letters_abbreviate(short, long)


def _letters_abbreviate(short: str, long: str) -> bool:
    """Whether the letters `short` are an abbreviation of the word `long` by their shape alone: both English
    words, the shorter ABBREVIATION_MIN letters or more and two short of the longer at least, and its opening
    (Eng. / Engineering) or its consonants in order, first letter first (Engg, Shpg)."""
    if len(short) < ABBREVIATION_MIN or len(long) < len(short) + 2 or short[0] != long[0]:
        return False
    if not (_ENGLISH_WORD.fullmatch(short) and _ENGLISH_WORD.fullmatch(long)):
        return False
    if long.startswith(short):
        return True
    if not _CONSONANTS_ONLY.fullmatch(short):
        return False
    rest = iter(long)
    return all(letter in rest for letter in short)  # a subsequence of the longer word


def _same_compound(a: str, b: str) -> bool:
    """Whether two organisation words are one compound cut from the same words in two languages (Beltamozhservice,
    Белмытсэрвіс: Belarusian, customs, service), though their letters differ."""
    if a[1:3] != b[1:3]:
        return False  # a compound's first piece (Bel-, Ros-) opens both
    meanings = _both_compounds(a, b)
    return meanings is not None and len(meanings[0]) > 2 and meanings[0] == meanings[1]


def _both_compounds(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words each of two organisation words was cut from (`compound_meanings`), or None unless both are
    compounds."""
    if len(a) < 7 or len(b) < 7:
        return None
    meanings_a = compound_meanings(a, 1)
    if meanings_a is None:
        return None
    meanings_b = compound_meanings(b, 1)
    return None if meanings_b is None else (meanings_a, meanings_b)


def _compounds_differ(a: str, b: str) -> bool:
    """Whether two organisation words are compounds cut from different words (Belneftekhim: Belarusian oil and
    chemistry; Belneftegaz: Belarusian oil and gas): two letters apart, they still name two companies."""
    meanings = _both_compounds(a, b)
    return meanings is not None and meanings[0] != meanings[1]


def translate_org_key(key: str) -> str:
    """The key of the meaning of an organisation word (Zavod, Завода, Plant -> plant), or the key itself."""
    translations = org_word_translations()
    found = translations.get(key)
    if found is None and len(key) > 5:
        stem = org_stem(key)
        # An adjective in -sk- is read by its stem only where a form of the table is one too: otherwise it is a
        # town's (Горьковский, Gorky's, is no харчовы, food; Северский, Seversk's, no северный, northern).
        if not key[len(stem) :].startswith(_ADJECTIVE_SK) or stem in _sk_adjective_stems():
            found = org_stem_translations().get(stem)
        if found is None and key[-3:] in _SPOKEN_GENITIVE:
            # The genitive ending -ого, -его as it is spoken and often romanised, -ovo, -evo (Osobovo Naznacheniya,
            # Glavnovo Upravleniya): the table's -ogo form.
            found = translations.get(key[:-3] + _SPOKEN_GENITIVE[key[-3:]])
        if found is None and key[-1:] == _PLURAL_ADJECTIVE:
            # A Russian adjective in the plural (-ые, -ие: Elektronnye, электронные) as its masculine singular
            # (-ый, -ий), the form the table lists, where its stem is shared by two meanings (electronic and
            # electric are both `elektr`).
            found = translations.get(key[:-1] + _MASCULINE_ADJECTIVE)
    return found or key


_PLURAL_ADJECTIVE: Final = "e"
"""The last letter of a Russian plural adjective's key: -ые, -ие and their romanisations -ye, -yye, -iye fold to it
(Elektronnye: `elektrane`)."""
_MASCULINE_ADJECTIVE: Final = "i"
"""The last letter of a masculine singular adjective's key: -ый, -ий, -yy, -iy fold to it (Elektronnyi: `elektrani`)."""


_SPOKEN_GENITIVE: Final = {fold("ovo"): fold("ogo"), fold("evo"): fold("ego")}


SLIPPED_WORD_MIN: Final = 7
"""An organisation word this long or longer that no table knows is read as the dictionary word one slip away; one
letter shorter, only as a generic word of this length or longer with one letter left out (Compny, Tradng)."""
ROMANCE_SLIP_MIN: Final = 9
"""...and one slip away from a French, Spanish or Italian form only from this length: shorter words of those
languages are one letter from names too often (Planta, Planeta)."""


def _translate_with_slip(key: str) -> str:
    """`translate_org_key`, and for a word of SLIPPED_WORD_MIN letters or more that no table knows, the meaning
    of the dictionary words one edit away (two letters swapped count as one) when they all have one (Automoblie is
    Automobile): a slip in a word that describes would otherwise make it the word that names the company. The last
    two letters must agree, unless the slip is two letters swapped (Tradign, Compnay): a word that differs from a
    dictionary word at its end otherwise is another form of it, read as the tables read it (Mechanics is not
    Mechanical). A word one letter shorter than SLIPPED_WORD_MIN is read so only where the slip left a letter out
    of a longer generic word (Compny, Tradng, Servce): in a word that short another letter, or a letter left out
    of a word that names what a company does, is too often a name (Rostov, Bering, Tejidos)."""
    found = translate_org_key(key)
    if found != key or len(key) < SLIPPED_WORD_MIN - 1 or key[0] == "#" or key in org_meaning_keys():
        return found
    return _meaning_one_slip_away(key, dropped=len(key) < SLIPPED_WORD_MIN) or key


def _scholarly_org_word(word: str) -> str | None:
    """The meaning of an organisation's word that no table knows as written, read with its x as х the way the
    scholarly transliteration and GOST 7.79-2000 system B write it (Xolding, xozyajstvennoe, elektromexanicheskij,
    ximii: holding, economic, electromechanical, chemistry), or None where that reading is no dictionary word
    either. Only a known word so read is taken: an English x is ks (Express, Complex), and a name's own x is left
    to the second key (`keys.scholarly_x_reading`). Neither a word of pinyin syllables, whose x is another sound
    (Xianghe, Jinxiang: read so, their keys are the stems of Asian words of the tables), nor one slip away."""
    read = scholarly_x_reading(word)
    if read is None:
        return None
    translated = translate_org_key(read)
    return translated if translated != read else None


@lru_cache(maxsize=200_000)
def _meaning_one_slip_away(key: str, dropped: bool = False) -> str | None:
    near = _dictionary_deletions()
    forms = (
        {(form, meaning) for form, meaning in near.get(key, ()) if form in generic_org_keys()}
        if dropped
        else {form for entry in {key, *one_letter_deletions(key)} for form in near.get(entry, ())}
    )
    meanings = {
        meaning
        for form, meaning in forms
        if (len(form) == len(key) + 1 if dropped else abs(len(form) - len(key)) <= 1)
        and (form[-2:] == key[-2:] or _swapped(form, key))
        and OSA.distance(form, key, score_cutoff=1) <= 1
    }
    return meanings.pop() if len(meanings) == 1 else None


def _swapped(a: str, b: str) -> bool:
    """Two words of one length that differ by two neighbouring letters swapped (Compnay / Company)."""
    if len(a) != len(b):
        return False
    apart = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and a[apart[0]] == b[apart[1]]
        and a[apart[1]] == b[apart[0]]
    )


@cache
def _dictionary_deletions() -> dict[str, set[tuple[str, str]]]:
    """Every dictionary form of an organisation word (a key of `org_word_translations`, a meaning or a generic word)
    of SLIPPED_WORD_MIN - 1 letters or more, and each of its one-letter deletions -> (form, meaning)."""
    near: dict[str, set[tuple[str, str]]] = {}
    translations = org_word_translations()
    native = native_org_word_translations()
    # The generic words of `data/org_generic_words.txt` too, as their own meanings (Lomited is Limited).
    generic = {(key, key) for key in generic_org_keys() if key not in translations}
    native = {**native, **dict(generic)}
    for form, meaning in (*translations.items(), *((m, m) for m in set(translations.values())), *generic):
        # The French, Spanish and Italian forms only from ROMANCE_SLIP_MIN letters: one slip from the Spanish Planta
        # is Planeta, a name (Comercial Planeta), where Invessiones is Inversiones mistyped.
        if len(form) >= (SLIPPED_WORD_MIN - 1 if form in native or form == meaning else ROMANCE_SLIP_MIN):
            for entry in {form, *one_letter_deletions(form)}:
                near.setdefault(entry, set()).add((form, meaning))
    return near


@cache
def org_word_translations() -> dict[str, str]:
    """Folded key of a word of an organisation name -> the key of its meaning: Plant, Zavod, Завод, Gamykla, Werk
    and Usine are compared as one word. `native_org_word_translations`, and the French, Spanish and Italian forms
    of `data/org_word_translations_romance.csv` and the Cyrillic transcriptions of English brand words of
    `data/org_loanwords.csv` (Блю Скай: Blue Sky) where they fold as no word of it does."""
    native = native_org_word_translations()
    heads = set(native.values())
    found = dict(native)
    for table in ("org_word_translations_romance.csv", "org_loanwords.csv"):
        for key, target in _word_table(table).items():
            if key not in native and key not in heads:
                found.setdefault(key, target)
    return found


@cache
def native_org_word_translations() -> dict[str, str]:
    """Folded key of a word of an organisation name -> the key of its meaning (`data/org_word_translations.csv`,
    the languages that build compound words from these words: `_compound_pieces`)."""
    return _word_table("org_word_translations.csv")


def _word_table(name: str) -> dict[str, str]:
    """A key that two meanings fold to (Oil and Jail both fold to `ail`) belongs to neither; a meaning's own key is
    never read as another meaning."""
    found: dict[str, set[str]] = {}
    heads: set[str] = set()
    for first, keys in _folded_lines(name):
        target = fold(first)
        heads.add(target)
        for key in keys - {target}:
            found.setdefault(key, set()).add(target)
    return {key: next(iter(t)) for key, t in found.items() if len(t) == 1 and key not in heads}


def _folded_lines(name: str) -> list[tuple[str, frozenset[str]]]:
    """Each line of the word table `data/<name>` (one meaning a line, its forms apart by commas): its first form and
    the keys every word of every form folds to in every rendering. A form written with a full stop is an
    abbreviation read only so (`_craft_title_abbreviations`): no key."""
    out: list[tuple[str, frozenset[str]]] = []
    for line in data_lines(name):
        forms = [f.strip() for f in line.split(",") if f.strip() and not f.strip().endswith(".")]
        keys = {
            fold(word)
            for form in forms
            for latin in latin_renderings(normalize_name(form)).values()
            for word in latin.split()
            if not (has_cyrillic(form) and country_word(word))
        }
        out.append((forms[0], frozenset(keys - {""})))
    return out


@cache
def craft_title_words() -> dict[str, str]:
    """Folded key of a title a ship's name carries (Kapitan, Капитан, Captain) -> its first form, in English
    (`data/craft_title_words.csv`): Kapitan Beklemishev and Captain Beklemishev are one ship's name."""
    found: dict[str, set[str]] = {}
    for first, keys in _folded_lines("craft_title_words.csv"):
        for key in keys:
            found.setdefault(key, set()).add(first)
    return {key: next(iter(t)) for key, t in found.items() if len(t) == 1}


@cache
def _craft_title_abbreviations() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The abbreviated titles of `data/craft_title_words.csv` (the forms written with a full stop: Ak., Кап.), as a
    pattern finding them with their stop before another word of a ship's name as written, and each one's title."""
    titles: dict[str, str] = {}
    for line in data_lines("craft_title_words.csv"):
        forms = [f.strip() for f in line.split(",") if f.strip()]
        titles.update((form[:-1].casefold(), forms[0]) for form in forms[1:] if form.endswith("."))
    if not titles:
        return None
    words = "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
    return re.compile(rf"(?<!\w)({words})\.\s*(?=\w)", re.IGNORECASE), {k: v + " " for k, v in titles.items()}


_CRAFT_PREFIX: Final = re.compile(r"^(?:m ?[vtsy]|s ?s|r ?v|f ?v|т ?х|м ?[тс])\s(?=\S)")
"""The kind of ship a name may open with, written with or without a slash (MV, M/V motor vessel; MT tanker; MS, SS,
MY, RV, FV; т/х, теплоход): no part of the name (M/V SPARTA IV is SPARTA IV)."""


_CRAFT_TYPES: Final = tuple(
    phrase.split(" ")
    for phrase in sorted(
        (
            "motor vessel",
            "motor ship",
            "motor tanker",
            "oil tanker",
            "crude oil tanker",
            "chemical tanker",
            "gas carrier",
            "bulk carrier",
            "cargo ship",
            "general cargo ship",
            "container ship",
            "research vessel",
            "fishing vessel",
            *"tanker vessel ship tug tugboat trawler ferry yacht barge freighter".split(),
            *"теплоход танкер судно сухогруз буксир траулер паром яхта баржа контейнеровоз газовоз".split(),
            "нефтеналивное судно",
            "моторное судно",
        ),
        key=len,
        reverse=True,
    )
)
"""The kinds of ship a vessel's name may open with, spelled out (Motor Vessel, Tanker, Bulk Carrier; теплоход, танкер,
сухогруз), normalised as names are, longest first: as a bill of lading or a port's log writes the name."""


def craft_names_in_field(name: str) -> list[str]:
    """The names of a vessel or an aircraft a cleaned name field holds when it states a former one too
    (`_CRAFT_NAMES_IN_FIELD`), each normalised without the kind of craft it opens with (MT ZORVEX STAR EX KASTREL:
    zorvex star, kastrel); empty for a field of one name. A piece needs three letters or more."""
    pieces = _CRAFT_NAMES_IN_FIELD.split(name)
    if len(pieces) < 2:
        return []
    out: list[str] = []
    for piece in pieces:
        text = normalize_name(piece)
        text = _CRAFT_PREFIX.sub("", text) or text
        text = _without_craft_type(text) or text
        if _letters(text) >= 3 and text not in out:
            out.append(text)
    return out if len(out) > 1 else []


def _without_craft_type(text: str) -> str | None:
    """A normalised vessel's name without the kind of ship spelled out before it (Tanker Zorvex Star, Танкер
    «Зорвекс»), or None when it opens with none or nothing would be left: a second rendering, the name as written
    stays one (a ship may be named Freighter or Yacht Club)."""
    words = text.split(" ")
    found = _phrase_at(words, 0, _CRAFT_TYPES)
    return " ".join(words[found:]) if 0 < found < len(words) else None


def _phrase_at(words: list[str], start: int, phrases: tuple[list[str], ...]) -> int:
    """How many words the first of `phrases` (longest first) that `words` hold from `start` has; 0 for none."""
    for phrase in phrases:
        if words[start : start + len(phrase)] == phrase:
            return len(phrase)
    return 0


def _craft_titles_translated(text: str, written: str = "") -> str | None:
    """A normalised ship's name with its titles in English (капитан хлебников -> captain хлебников), or None when it
    has none: a second rendering, so the name as written still meets its own spellings (Akademik / Akademic). A
    title abbreviated with its full stop in the name as `written` (Ak. A. Karpinskiy) is read as the title."""
    titles = craft_title_words()
    read = text
    dotted = _craft_title_abbreviations() if "." in written else None
    if dotted is not None and dotted[0].search(written):
        spelt = dotted[0].sub(lambda match: dotted[1][match.group(1).casefold()], written)
        read = _CRAFT_PREFIX.sub("", normalize_name(spelt)) or text
    words = read.split(" ")
    out = " ".join(titles.get(fold(latin_ascii(word)), word) if len(words) > 1 else word for word in words)
    return out if out != text else None


_ARABIC_SEATS: Final = str.maketrans("أإآٱةىیئؤک", "ااااهيييوك")
"""Letters the Arabic script writes in two ways, as the table of `data/org_words_arabic_script.csv` looks them up."""
_ARABIC_PREFIXES: Final = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")
"""The article and the prefixes a word of an Arabic-script name carries (and the, in the, for the, the, and, in,
for), the longest first."""


def _arabic_lookup_form(word: str) -> str:
    """A normalised word (no vowel marks: `normalize.clean_text`) as `data/org_words_arabic_script.csv` looks it
    up: in the Arabic script with the letters written two ways as one; romanised, without its apostrophes (Jama'at,
    Jamaat)."""
    if not _is_abjad(word):
        return word.lower().replace("'", "").replace("’", "").replace("ʿ", "")
    return word.translate(_ARABIC_SEATS)


def _english_words(name: str, lookup: Callable[[str], str]) -> dict[str, str]:
    """A table of `data/<name>` whose lines are an English word and the forms it translates: each form as `lookup`
    reads it -> the English word; a form of two meanings belongs to neither."""
    return {
        form: meanings[0] for form, meanings in _english_meanings(name, lookup).items() if len(meanings) == 1
    }


def _english_meanings(name: str, lookup: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """The same table with every meaning of a form, in the order of its lines (`_kind_initials`: KB is a commercial
    bank and a design bureau)."""
    found: dict[str, dict[str, None]] = {}
    for line in data_lines(name):
        meaning, *forms = (form.strip() for form in line.split(","))
        for form in forms:
            found.setdefault(lookup(form), {})[meaning] = None
    return {form: tuple(meanings) for form, meanings in found.items()}


@cache
def _arabic_script_org_words() -> dict[str, str]:
    """A word of an organisation name in Arabic, Persian, Pashto or Urdu (`_arabic_lookup_form`), in the script or
    romanised -> the English word the lists translate it as (`data/org_words_arabic_script.csv`)."""
    return _english_words(
        "org_words_arabic_script.csv", lambda form: _arabic_lookup_form(normalize_name(form))
    )


def _arabic_script_words_translated(text: str) -> str | None:
    """A normalised organisation name with the words of Arabic, Persian, Pashto or Urdu that say what kind of
    organisation in English (شبکه حقانی -> network حقانی; harakat al sabireen -> movement al sabireen), or None
    when it has none: a second rendering beside the name as written, since the other name may romanise the word
    where this one translates it, or write it in the script."""
    table = _arabic_script_org_words()
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        form = _arabic_lookup_form(word)
        meaning = table.get(form)
        if meaning is None and _is_abjad(word):
            for prefix in _ARABIC_PREFIXES:
                if form.startswith(prefix) and len(form) - len(prefix) >= 3:
                    meaning = table.get(form[len(prefix) :])
                    if meaning is not None:
                        break
        out.append(meaning or word)
    return " ".join(out) if out != words else None


@cache
def _han_org_words() -> tuple[dict[str, str], int]:
    """A word of a Chinese organisation name in characters -> its English word (`data/org_words_han.csv`), and the
    longest word's length."""
    words = _english_words("org_words_han.csv", str)
    return words, max(map(len, words))


def _han_words_translated(text: str) -> str | None:
    """A normalised organisation name with its words in Chinese characters cut into the words that say what kind of
    organisation, in English, and the characters between them read in Mandarin as one word each (中国航天三江集团有限公司
    -> china space sanjiang group limited company), or None when it has none of those words."""
    if not has_han(text):
        return None
    table, longest = _han_org_words()
    out: list[str] = []
    found = False
    for word in text.split(" "):
        if not has_han(word):
            out.append(word)
            continue
        run = ""
        at = 0
        while at < len(word):
            for size in range(min(longest, len(word) - at), 1, -1):
                meaning = table.get(word[at : at + size])
                if meaning is not None:
                    break
            else:
                run += word[at]
                at += 1
                continue
            if run:
                out.append(mandarin_word(run))
                run = ""
            out.append(meaning)
            found = True
            at += size
        if run:
            out.append(mandarin_word(run))
    return " ".join(out) if found else None


@cache
def implied_meanings() -> dict[str, frozenset[str]]:
    """Key of a meaning -> the keys of the meanings it says with it (`data/org_implied_words.csv`: a refinery is an
    oil refinery)."""
    found: dict[str, set[str]] = {}
    for row in data_rows("org_implied_words.csv"):
        found.setdefault(fold(row["word"]), set()).add(fold(row["implies"]))
    return {key: frozenset(keys) for key, keys in found.items()}


@cache
def _translation_heads(name: str = "org_word_translations.csv") -> frozenset[str]:
    """The first form of each line of the word table `data/<name>`, folded: the key of each meaning (of
    `data/org_loanwords.csv`: the English brand words, read in English but naming which company)."""
    return frozenset(fold(line.split(",")[0].strip()) for line in data_lines(name))


@cache
def legal_form_keys() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Legal forms as sequences of comparison keys, by first key, longest first: every form of
    `data/legal_forms_by.csv` in every rendering, so a form romanised by any system (Otkrytoye / Otkrytoe /
    Adkrytae Aktsyyanernae Tavarystva, Obshchestvo s Ogranichennoy Otvetstvennostyu) is found however it is spelled."""
    found: set[tuple[str, ...]] = set()
    for _, latin in _legal_form_renderings():
        keys = tuple(k for k in (fold(w) for w in latin.split()) if k)
        if keys:
            found.add(keys)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for keys in found:
        by_first.setdefault(keys[0], []).append(keys)
    return {first: tuple(sorted(seqs, key=len, reverse=True)) for first, seqs in by_first.items()}


@cache
def _one_word_forms() -> frozenset[str]:
    """The one-word legal forms of `data/legal_forms_by.csv` as every system writes them (ооо, ooo, ano, jllc)."""
    # Registries abbreviate forms in the passport and national romanisations, not in press spellings (the
    # Lithuanian reading of АНО is the word "ana").
    return frozenset(
        latin.strip()
        for system, latin in _legal_form_renderings()
        if len(latin.split()) == 1 and system.partition(":")[0] not in PRESS_SYSTEMS
    )


def _without_legal_forms(words: list[str]) -> list[str]:
    """`words` (Latin) without the runs whose keys spell a legal form; all of them if nothing else is left.

    A form of one word is taken only as some system writes it: its key alone would take words that fold alike
    (Yona and ANO fold to one key, ILC and JLLC to another)."""
    starts = [_legal_form_starts(w) for w in words]
    if not any(starts):
        return words  # most names: no word may open a legal form
    keys = [fold(w) for w in words]
    kept: list[str] = []
    i = 0
    while i < len(words):
        for seq in starts[i]:
            if len(seq) == 1 and words[i] not in _one_word_forms():
                continue
            if not i and " ".join(words[: len(seq)]) in _after_a_name_forms():
                continue
            if _spells_form(keys[i : i + len(seq)], seq):
                i += len(seq)
                break
        else:
            kept.append(words[i])
            i += 1
    return kept or words


@lru_cache(maxsize=300_000)
def _legal_form_starts(word: str) -> tuple[tuple[str, ...], ...]:
    """The legal forms (as keys) that `word` may open: spelt as its key, or with one slip in a long form."""
    key = fold(word)
    return legal_form_keys().get(key, ()) or _misspelt_forms(key)


LEGAL_FORM_SLIP_WORDS: Final = 3
"""A legal form of three words or more is recognised with one slip in a long word (Obshchestvo s Organichennoy
Otvetstvennostyu: letters swapped in ogranichennoy): lists and registries misspell the spelled-out forms, and
three words of a legal form are not a company's name."""


@cache
def _long_forms() -> tuple[tuple[str, ...], ...]:
    return tuple(
        seq for seqs in legal_form_keys().values() for seq in seqs if len(seq) >= LEGAL_FORM_SLIP_WORDS
    )


@lru_cache(maxsize=100_000)
def _misspelt_forms(first: str) -> tuple[tuple[str, ...], ...]:
    """Legal forms of three words or more whose first key is `first` or one slip from it."""
    if len(first) < 2:
        return ()
    # Each first key of a form is tried once (many forms share it); a key shorter than six letters only as itself.
    firsts = _long_form_firsts()
    if len(first) < 6:
        near = {first} if first in firsts else set()
    else:
        near = {f for f in firsts if abs(len(f) - len(first)) <= 2 and _one_slip(first, f)}
    return tuple(seq for seq in _long_forms() if seq[0] in near) if near else ()


@cache
def _long_form_firsts() -> frozenset[str]:
    return frozenset(seq[0] for seq in _long_forms())


def _one_slip(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and OSA.distance(a, b, score_cutoff=2) <= 2


def _spells_form(keys: list[str], form: tuple[str, ...]) -> bool:
    """The keys are the form, or (for a form of three words or more) the form with one slip in a long word."""
    if tuple(keys) == form:
        return True
    if len(form) < LEGAL_FORM_SLIP_WORDS or len(keys) != len(form):
        return False
    slips = sum(k != f for k, f in zip(keys, form, strict=True))
    return slips <= 1 and all(_one_slip(k, f) for k, f in zip(keys, form, strict=True))


_QUOTE_CLOSERS: Final = {"«": "»", "“": "”", "„": "“”", "‘": "’"}
"""Each opening quotation mark that has its own closing one, and the marks that close it (German „...“ closes with “;
English “...” with ”)."""
_ANY_CLOSER: Final = "»’”“\"'"
"""What closes a straight quotation mark (" or '): the next mark of any of these kinds."""


_APOSTROPHES: Final = "'’"
"""The marks that stand between two letters of a word as its apostrophe (Ma'ruf, D’Arc) as well as close a quote."""


def _between_letters(text: str, at: int) -> bool:
    """Whether the character at `at` stands between two letters (an apostrophe inside a word)."""
    return 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


def quoted_part(name: str) -> str | None:
    """The name inside quotes (`ОАО «Белшина»` -> `Белшина`): post-Soviet company names quote the distinctive part.

    A mark that has its own closing mark is closed only by it, so another kind may stand inside (`РУП “Отель
    'Минск'”` -> `Отель 'Минск'`, `«Отель «Минск»»` -> `Отель «Минск»`), and one never closed quotes the rest of the
    name (`РДУП “Отель 'Минск'`, as the EU list writes it). A straight mark (" or ') is closed by the next mark of any
    kind, and one never closed quotes nothing (O'Brien). A straight mark or ’ between two letters is an apostrophe,
    which neither opens nor closes (JAMA'AT AD-DA'WA quotes nothing). Every quoted name of three letters or more, in
    order."""
    found: list[str] = []
    at, end = 0, len(name)
    while at < end:
        opener = next(
            (
                n
                for n in range(at, end)
                if name[n] in _QUOTE_CLOSERS or (name[n] in "\"'" and not _between_letters(name, n))
            ),
            -1,
        )
        if opener < 0:
            break
        mark = name[opener]
        closers = _QUOTE_CLOSERS.get(mark, _ANY_CLOSER)
        depth, n = 0, opener + 2  # a quotation holds one character at least
        while n < end:
            ch = name[n]
            if ch in closers and ch in _APOSTROPHES and _between_letters(name, n):
                pass  # an apostrophe inside a word (Ma'ruf, D’Arc)
            elif ch in closers:
                if depth == 0:
                    break
                depth -= 1
            elif ch == mark and mark in _QUOTE_CLOSERS:
                depth += 1  # the same kind opened again inside («Отель «Минск»»)
            n += 1
        if n >= end and mark not in _QUOTE_CLOSERS:
            at = opener + 1  # a straight mark never closed: an apostrophe, or no quotation
            continue
        inner = name[opener + 1 : n].strip()
        if len(inner) > 2:
            found.append(inner)
        at = n + 1
    return " ".join(found) if found else None


_ALTERNATIVE_NAMES: Final = re.compile(r"\s*[/;|]\s*|\s+[-–—]\s+|\s*[–—]\s*")
"""Lists and registries put two names of one organisation in one cell: `Sohra Group / Sohra LLC`, `ОАО «МЭТЗ»/ОАО
«Минский электротехнический завод»`, `Belneftekhim – Belarusian State Concern for Oil and Chemistry`, `NPO Izhmash
OAO;OJSC Concern Kalashnikov` (a slash, a semicolon, a bar, a spaced hyphen or any dash)."""
_MANAGEMENT_COMPANY: Final = re.compile(
    r"[\s\-–—,]*(?:management|managing|управляющая|управляющей|кіруючая|кіруючай|upravlyayushchaya|"
    r"upravliaiushchaia|upravlyayushchey|kiruyuchaya|kiruiuchaia)\s+(?:company|компания|компании|кампанія|"
    r"кампаніі|kompaniya|kompanii|kompaniia|kampaniya|kampaniia)(?!\w).*$",
    re.IGNORECASE | re.DOTALL,
)
"""Belarusian state companies are named `<the company> – management company of <the holding>` (ОАО «БелАЗ» –
управляющая компания холдинга «БелАЗ-Холдинг»; OJSC KB Radar – Managing Company of Holding Radar Systems): the
company is the part before; the holding is another organisation."""


_OTHER_NAME_MARKS: Final = (
    r"a\.?\s?k\.?\s?a\.?|f\.?\s?k\.?\s?a\.?|n\.?\s?k\.?\s?a\.?|also known as|formerly(?: known as)?|"
    r"previously(?: known as)?|ранее|бывш(?:ее|ий|ая|\.)|раней|былое|былая"
)
"""The marks an organisation's and a craft's name fields share between a name and another (`_ALIAS_MARKS`,
`_CRAFT_NAMES_IN_FIELD`)."""
_ALIAS_MARKS: Final = re.compile(
    rf"\s+(?:{_OTHER_NAME_MARKS}|now known as|trading as|t/a|d/b/a|прежнее (?:название|наименование))\s+",
    re.IGNORECASE,
)
"""What a name field puts between two names of one organisation (Zorveks LLC a.k.a. Zorvex, ... formerly ...,
ООО «Зорвекс», ранее ООО «Кастрел»; Belarusian раней: earlier, былое: former)."""
_CRAFT_NAMES_IN_FIELD: Final = re.compile(
    rf"\s+(?:(?:ex|экс)\b[-.]?|{_OTHER_NAME_MARKS}|renamed|бывш)\s*(?=\S)", re.IGNORECASE
)
"""What a vessel's or an aircraft's name field puts between its name and a former one, as ship registers, port logs
and bills of lading write it (MT ZORVEX STAR EX KASTREL, Zorvex Star (ex-Kastrel), танкер «Зорвекс» (экс-«Кастрел»,
бывш. «Кастрел»)): a renamed ship keeps its listing under the old name."""
_PART_MARKS: Final = frozenset("«‘“„\"'/;|-–—")
"""The characters without which a name has no quoted part (`quoted_part`) and is one piece (`_ALTERNATIVE_NAMES`)."""


_REGISTRATION_WORDS: Final = frozenset(
    "registration reg registered number no nr num id code tax unp inn ogrn kpp edrpou okpo vat"
    " унп инн огрн кпп едрпоу окпо рег номер".split()
)
"""Words that say a registration or tax number follows in an organisation's name field (Zorveks LLC, registration
number 190000001; УНП 190000001)."""
REGISTRATION_NUMBER_MIN: Final = 6
"""Digits from which a number in an organisation's name is a registration or tax number, not part of the name (Plant
No. 558, Zavod 2 keep theirs)."""
_ADDRESS_WORDS: Final = frozenset(
    "ul ulitsa vul vulitsa street str prospekt prosp avenue ave ул улица вул вуліца проспект просп пер переулок".split()
)
"""Words that open an address written after an organisation's name and a comma (Zorveks LLC, ul. Lenina 1); not
office, building or St. (Directorate of Procurement, Office of the Commander-in-Chief)."""


def _without_registration(text: str) -> str | None:
    """A normalised organisation name without the registration or tax numbers (REGISTRATION_NUMBER_MIN digits or
    more) that registration words say are such (registration number 190000001, УНП 190000001), and those words, or
    None when it has none or no word would be left: a second rendering. A number with no such word before it is
    part of the name: Canada's numbered companies (2904977 CANADA, INC. and 10219452 CANADA INCORPORATED are two)."""
    words = text.split(" ")
    dropped = _marked_numbers(words, _REGISTRATION_WORDS, _is_registration_number)
    kept = [word for n, word in enumerate(words) if n not in dropped]
    return " ".join(kept) if dropped and kept else None


def _is_registration_number(word: str) -> bool:
    return word.isdigit() and len(word) >= REGISTRATION_NUMBER_MIN


def _marked_numbers(words: list[str], markers: frozenset[str], is_number: Callable[[str], bool]) -> set[int]:
    """The positions of the numbers (`is_number`) that marker words stand right before, and of those words (birth
    words before a year: d o b 1961; registration words before a number: registration number 190000001)."""
    found: set[int] = set()
    for n, word in enumerate(words):
        if not is_number(word):
            continue
        before = n - 1
        while before >= 0 and words[before] in markers:
            before -= 1
        if before < n - 1:
            found.update(range(before + 1, n + 1))
    return found


_BRANCH_NOUNS: Final = (
    "branch office",
    "branch",
    "representative office",
    "representation office",
    "rep office",
    "филиал",
    "представительство",
    "філіял",
    "філія",
    "прадстаўніцтва",
    "filia",
    "oddział",
    "oddzial",
    "przedstawicielstwo",
    "zweigniederlassung",
    "niederlassung",
    "repräsentanz",
    "filialas",
    "atstovybė",
    "atstovybe",
    "filiāle",
    "filiale",
    "pārstāvniecība",
    "parstavnieciba",
    "succursale",
)
"""Words that name a branch or a representative office of a company, in English, Russian, Belarusian, Polish,
German, Lithuanian, Latvian and Italian (as normalised: lower case)."""
_BRANCH_NOUN: Final = re.compile(
    r"(?:^| )(" + "|".join(map(re.escape, sorted(_BRANCH_NOUNS, key=len, reverse=True))) + r")(?= |$)"
)
_BRANCH_NUMBER: Final = frozenset({"no", "nr", "n"})  # № is normalised to no
_PLACE_PREPOSITIONS: Final = frozenset({"in", "в", "у", "w", "na", "im", "i"})
_CITY_WORDS: Final = frozenset({"г", "city", "of", "the", "m", "miasto", "horad", "город", "горад"})


def _place_tail(words: list[str], bare: bool) -> int:
    """How many words at the end of `words` (what follows a branch noun) say where the branch is: a preposition,
    words for a city and the place's word (in Berlin, в г. Москве, w Warszawie); with `bare`, also a place's word
    alone (Zweigniederlassung Berlin, where the words before name the company); 0 when they do not."""
    if not words or _letters(words[-1]) < 2:
        return 0
    at = len(words) - 2
    while at >= 0 and words[at] in _CITY_WORDS:
        at -= 1
    if at >= 0 and words[at] in _PLACE_PREPOSITIONS:
        return len(words) - at
    return 1 if bare and len(words) == 1 else 0


def _without_branch(text: str, legal_form: bool) -> str | None:
    """An organisation's normalised name (legal forms left out) read as the company a branch or representative
    office of it belongs to, or None: the branch noun (`_BRANCH_NOUNS`) left out with what names the branch, a place
    before it (Minsk branch; Berlin branch of) or after it (in Berlin, в г. Москве, Niederlassung Berlin), its number
    (No. 5, № 527), and an "of" after it. Only where the name is a company's (it had a legal form) or a place or a
    number names the branch, so that a unit of a state body keeps its name (Military Intelligence Branch)."""
    found = _BRANCH_NOUN.search(text)
    if found is None:
        return None
    before, after = text[: found.start()].split(), text[found.end() :].split()
    named = False
    if len(after) >= 2 and after[0] in _BRANCH_NUMBER and after[1].isdigit():
        after, named = after[2:], True
    elif after[:1] and after[0].isdigit():
        after, named = after[1:], True
    if before and after[:1] == ["of"] and len(before) <= 2:
        # Berlin branch of Zorvex Trade LLC: what comes before names the branch.
        named = named or all(word.isdigit() or is_place_key(fold(word)) for word in before)
        before = []
    if before:
        if len(before) > 1 and (before[-1].isdigit() or is_place_key(fold(before[-1]))):
            before, named = before[:-1], True
        tail = _place_tail(after, bare=legal_form or named)
        if tail != len(after):
            return None  # words after the noun that name no place: the noun is a word of the name
        kept = before
    else:
        if after[:1] == ["of"]:
            after = after[1:]
        tail = _place_tail(after, bare=False)
        kept = after[: len(after) - tail]
    named = named or tail > 0
    if not (named or legal_form) or _name_words(" ".join(kept)) < 1:
        return None
    read = " ".join(kept)
    return read if read != text else None


def _without_address(name: str) -> str | None:
    """A cleaned organisation name without the address written after it and a comma (a postcode or an address word
    opening the piece: Zorveks LLC, 220030 Minsk, ul. Lenina 1), or None when no comma opens one."""
    before = _before_comma_opening(
        name, lambda words: (words[0].isdigit() and len(words[0]) >= 5) or words[0] in _ADDRESS_WORDS
    )
    return before if before is not None and _letters(before) >= 3 else None


def _before_comma_opening(name: str, opens: Callable[[list[str]], bool]) -> str | None:
    """The cleaned text before the first comma whose piece after it `opens` (given its normalised words) says is no
    part of the name (an address, a description), or None when none does."""
    pieces = name.split(",")
    for n in range(1, len(pieces)):
        if opens(normalize_name(pieces[n]).split(" ")):
            return ",".join(pieces[:n])
    return None


def organisation_name_parts(name: str) -> list[tuple[str, str]]:
    """Further names an organisation's written name holds, each with the label of its variants: the quoted part
    (`+quoted`), each of two or more names written in one cell (`+part`) and the company before `management
    company of the holding ...` (`+head`). A part needs three letters or more."""
    if _PART_MARKS.isdisjoint(name):
        lowered = name.lower()
        if "mpan" not in lowered and "мпан" not in lowered and _ALIAS_MARKS.search(name) is None:
            return []  # most names: no quote, slash or dash, no "company" for `_MANAGEMENT_COMPANY`, no a.k.a.
    out: list[tuple[str, str]] = []
    named = _ALIAS_MARKS.split(name)
    if len(named) >= 2:
        out.extend(("+part", p) for p in named if _letters(p) >= 3)
    quoted = quoted_part(name)
    if quoted:
        out.append(("+quoted", quoted))
    # A piece that is only "management company of the holding ..." names the holding, another organisation.
    split = _ALTERNATIVE_NAMES.split(name)
    head = _MANAGEMENT_COMPANY.sub("", name)
    if len(split) == 1:  # most names: the one piece is the name itself
        pieces = split if _letters(head) >= 3 else []
    else:
        pieces = [p for p in split if _letters(_MANAGEMENT_COMPANY.sub("", p)) >= 3]
    if len(pieces) >= 2:
        out.extend(("+part", p) for p in pieces)
    if head != name and _letters(head) >= 3:
        out.append(("+head", head))
        out.extend(
            ("+part", p) for p in _ALTERNATIVE_NAMES.split(head) if p not in pieces and _letters(p) >= 3
        )
    return out


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


_PART_LABELS: Final = ("+part", "+head")


def _is_compound(variant: NameVariant) -> bool:
    return variant.system.endswith("+compound")


def _is_part(variant: NameVariant) -> bool:
    """A variant of a part of the written name (one of several names, the company before "management company",
    the quoted name)."""
    return variant.system.endswith((*_PART_LABELS, "+quoted"))


def _from_part(variant: NameVariant) -> bool:
    """A variant of a part of the written name, its compound reading included."""
    return any(label in variant.system for label in (*_PART_LABELS, "+quoted"))


def _both_heads(a: NameVariant, b: NameVariant) -> bool:
    """Both are the company before "management company of the holding ..." (`+head`)."""
    return a.system.endswith("+head") and b.system.endswith("+head")


def _parts_conflict(
    query: tuple[NameVariant, ...], listed: tuple[NameVariant, ...], *, heads: bool = False
) -> bool:
    """Both names hold several names (parts), and the best pair of whole names, as written, each keep a word naming
    which organisation that the other lacks (Vitbet Trade / Sohra LLC against Sohra Group / Sohra LLC): a part in
    common does not make them one. A single name against a cell of several is one of them (no conflict).
    `heads`: the parts in common are both the company before "management company of the holding ..." (`+head`);
    then a word one side keeps is a conflict only where the other keeps a word too or has a generic word more in
    its place (KB Radar - Managing Company of Holding Radar System / KB Radar - Upravlyayushchaya Kompaniya
    Kholdinga Sistemy Radiolokatsii: one holding, its name worded two ways, the second Radar a repeat of the
    company's)."""
    best: tuple[float, NameVariant, NameVariant, list[int], list[int]] | None = None
    for qv in query:
        if "+" in qv.system:
            continue
        for lv in listed:
            if "+" in lv.system:
                continue
            score, _, rest_q, rest_c = _align(qv, lv)
            if best is None or score > best[0]:
                best = (score, qv, lv, rest_q, rest_c)
    if best is None:
        return False
    _, qv, lv, rest_q, rest_c = best
    # A word left over that repeats a word the same name matched names no other organisation (KB Radar - Managing
    # Company of Holding Radar System: the second Radar is the holding's).
    rest_q, rest_c = _not_repeated(qv, rest_q), _not_repeated(lv, rest_c)
    left_q, left_c = _distinctive_left(qv, rest_q, lv), _distinctive_left(lv, rest_c, qv)
    # Both keep such a word, or one does where the other, of the same length, has a generic word (a word swapped).
    # Between two companies before "management company of ...", a word is swapped only where the side without
    # one has a generic word more (Factory Control Systems / Geoinformation Control Systems); the holding's word
    # that repeats the company's (Radar System / Sistemy Radiolokatsii) is no word swapped for another.
    lacking, keeping = (qv, lv) if left_c else (lv, qv)
    return (left_q and left_c) or (
        (left_q or left_c)
        and _as_many_words(qv, lv)
        and (not heads or _generic_count(lacking) > _generic_count(keeping))
    )


def _generic_count(variant: NameVariant) -> int:
    """The words of an organisation's name dropped as generic (`kept` -1)."""
    return sum(1 for k in variant.kept if k < 0)


def _not_repeated(variant: NameVariant, rest: list[int]) -> list[int]:
    """The parts of `rest` whose key is not also the key of a part of `variant` outside `rest`."""
    if not rest:
        return rest
    kept = {key for k, key in enumerate(variant.keys) if k not in rest}
    return [i for i in rest if variant.keys[i] not in kept]


_ELIDED_ARTICLE: Final = re.compile(
    r"(?<![\w'’])(?:[LlDd]|[Dd]ell|[Aa]ll|[Nn]ell|[Dd]all|[Ss]ull)['’](?=[^\W\d_]{3})"
)
"""A French or Italian article or preposition elided before a vowel (Ministère de l'Intérieur, Comité de sécurité
de l'État, Ente dell'Aviazione): not part of the word it stands before."""
_POSSESSIVE: Final = re.compile(r"(?<=[A-Za-z]{4})['’]s\b")
"""An English possessive in an organisation's name (Prosecutor General's Office, People's Bank): the word is the
noun's own. Four letters or more before it: Ra's al-Khaimah keeps its Arabic apostrophe."""


_NUMBER_SIGN: Final = re.compile(r"(?:№|(?<![^\W\d_])(?:[Nn][Oo]|[Nn][Rr]|N°|n°)\.?)\s*(?=\d)")
"""The number sign before a number (Завод № 12, Plant No. 558, Zavod Nr. 12, N° 5): the number names the plant,
the sign is punctuation, written by some names and not by others (Factory 12)."""


_TURKISH_ABBREVIATIONS: Final = {
    "san": "Sanayi",
    "tic": "Ticaret",
    "ith": "İthalat",
    "ihr": "İhracat",
    "paz": "Pazarlama",
}
_TURKISH_ABBREVIATION: Final = re.compile(r"(?<!\w)(san|tic|[iİ]th|[iİ]hr|paz)\.(?=\s|$)", re.IGNORECASE)
"""The Turkish trade registry's abbreviations, with their dot (San. ve Tic. Ltd. Şti.: Sanayi ve Ticaret): without
the dot San and Tic are words of other names (San Marino), so only the dotted forms are read."""


_TURKISH_PAIR: Final = re.compile(r"(?<!\w)(san|tic)\.?\s+ve\s+(san|tic)(?:\.|\b)", re.IGNORECASE)
"""...and San ve Tic, Tic ve San without their dots, as OFAC writes them (Teknoloji San ve Tic Ltd Sti): joined by
the Turkish ve (and), the two are the registry's pair, not San Marino."""


def _turkish_pair(match: re.Match[str]) -> str:
    first, second = (_TURKISH_ABBREVIATIONS[group.lower()] for group in match.groups())
    return f"{first} ve {second}" if first != second else match.group(0)


def _turkish_word(match: re.Match[str]) -> str:
    return _TURKISH_ABBREVIATIONS[match.group(1).lower().replace("i̇", "i")]


@dataclass(frozen=True)
class _Phrases:
    """`data/org_phrases.csv`, read once: one pattern with a group per phrase (`p<n>`), the word each phrase is
    read as, and the phrases' first words and `*` stems (a name with none of them holds no phrase)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    openings: frozenset[str]
    stems: tuple[str, ...]


@cache
def _org_phrases() -> _Phrases:
    """The phrases of `data/org_phrases.csv`, words apart by spaces or hyphens and case aside, the longest phrases
    first (Machine Tool Building before Machine Tool)."""
    phrases: list[tuple[str, str]] = []
    openings: set[str] = set()
    stems: list[str] = []
    for line in data_lines("org_phrases.csv"):
        word, *forms = (form.strip() for form in line.split(","))
        for form in forms:
            parts = form.split()
            pattern = r"[\s-]+".join(
                re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in parts
            )
            phrases.append((pattern, word))
            first = parts[0].lower()
            if first.endswith("*"):
                stems.append(first[:-1])
            else:
                openings.update(first.split("-"))  # split as a normalised name is (Pre-trial: pre, trial)
    phrases.sort(key=lambda phrase: len(phrase[0]), reverse=True)
    groups = "|".join(f"(?P<p{n}>{pattern})" for n, (pattern, _) in enumerate(phrases))
    return _Phrases(
        re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE),
        tuple(word for _, word in phrases),
        frozenset(openings),
        tuple(stems),
    )


def _phrases_read(text: str) -> str:
    """A normalised organisation name with the phrases of `_org_phrases` read as their words; most names hold none,
    which the phrases' first words tell before the pattern is run (a fifth of its cost over the 16x lists)."""
    phrases = _org_phrases()
    if phrases.openings.isdisjoint(text.split(" ")) and not any(map(text.__contains__, phrases.stems)):
        return text
    return phrases.pattern.sub(_phrase_word, text)


@cache
def _german_heads() -> tuple[str, ...]:
    """The heads of German compound words (`data/org_german_heads.txt`), longest first."""
    words = {word for line in data_lines("org_german_heads.txt") for word in line.split()}
    return tuple(sorted(words, key=len, reverse=True))


_GERMAN_LINKS: Final = ("", "s", "es", "n", "en", "er", "e")
"""Linking elements (Fugenelemente) a German compound may hold between its words: Entwicklung-s-bank."""
_SHARED_HEADS: Final = frozenset({"bank", "holding", "gruppe", "union", "konzern", "kombinat", "handel"})
"""Heads that Russian and Belarusian compound names end with too (Prominvestbank, Agrokombinat): read after one
dictionary word only, so a coined bank's name is not cut into pieces that happen to be words (promi, vest)."""
GERMAN_PIECE_MIN: Final = 3
"""Letters of a word a German compound is read as made of, at least (Kali, Rad, Öl is too short to tell)."""


def _dictionary_piece(piece: str) -> bool:
    """A word of `data/org_word_translations.csv` (a meaning or a form of one), not the country's (Bel-, Russ-)."""
    if len(piece) < GERMAN_PIECE_MIN:
        return False
    key = fold(piece)
    if key.startswith(("belarus", "rus", "ros")):  # the country's pieces (`_COUNTRY_PIECES`) and their forms
        return False
    return key in org_word_translations() or key in _translation_heads()


def _front_pieces(front: str, depth: int = 2) -> tuple[str, ...] | None:
    """`front` read as one or two dictionary words (`_dictionary_piece`), each with its linking element dropped."""
    for link in _GERMAN_LINKS:
        if front.endswith(link) and _dictionary_piece(front[: len(front) - len(link)]):
            return (front[: len(front) - len(link)],)
    if depth > 1:
        for cut in range(GERMAN_PIECE_MIN, len(front) - GERMAN_PIECE_MIN + 1):
            first = _front_pieces(front[:cut], 1)
            rest = _front_pieces(front[cut:], 1) if first else None
            if first and rest:
                return (*first, *rest)
    return None


@lru_cache(maxsize=100_000)
def german_compound(word: str) -> tuple[str, ...] | None:
    """A German compound word of an organisation name read as its words (stahlwerk -> stahl werk,
    entwicklungsbank -> entwicklung bank, radschlepperwerk -> rad schlepper werk), or None: the word closes with a
    head of `data/org_german_heads.txt` and the rest is one or two dictionary words with their linking elements.
    A word that opens with the country (Belaruskali) is a coined name and stays whole."""
    if len(word) < 2 * GERMAN_PIECE_MIN + 1 or not word.isalpha() or has_cyrillic(word):
        return None
    for head in _german_heads():
        if word.endswith(head) and len(word) - len(head) >= GERMAN_PIECE_MIN:
            front = _front_pieces(word[: len(word) - len(head)], 1 if head in _SHARED_HEADS else 2)
            if front is not None:
                return (*front, head)
    return None


def _german_compounds_split(text: str) -> str:
    """A normalised organisation name with its German compound words written as their words (`german_compound`);
    the text itself when it has none."""
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        out.extend(german_compound(word) or (word,))
    return " ".join(out) if len(out) != len(words) else text


GLUED_GENERIC_MIN: Final = 5
"""A generic word glued to the end of a brand (Rosoboronexport, Beltamozhservice, Atlantgroup) is cut off when its
key has this many letters or more..."""
GLUED_BRAND_MIN: Final = 5
"""...and the brand before it as many: a shorter opening is as often part of one word (Confirma is no Conf Firma)."""


@cache
def _generic_endings() -> tuple[tuple[int, frozenset[str]], ...]:
    """The keys of generic words of GLUED_GENERIC_MIN letters or more, by length, longest first."""
    by_length: dict[int, set[str]] = {}
    for key in generic_org_keys():
        if len(key) >= GLUED_GENERIC_MIN and key.isalpha():
            by_length.setdefault(len(key), set()).add(key)
    return tuple((n, frozenset(keys)) for n, keys in sorted(by_length.items(), reverse=True))


def _generic_endings_split(text: str) -> str | None:
    """A normalised organisation name with a generic word glued to the end of a word written apart, in Latin letters
    (Рособоронэкспорт: rosoboron eksport), or None when no word ends so: the generic word is then left out as it is
    when written apart (Rosoboron Export / Rosoboronexport; Beltamozh Service / Beltamozhservice)."""
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        cut = _glued_generic(word) if len(word) >= GLUED_GENERIC_MIN + GLUED_BRAND_MIN else None
        out.extend(cut or (word,))
    return " ".join(out) if len(out) > len(words) else None


_GLUED_FORMS: Final = ("ojsc", "cjsc", "pjsc", "gmbh", "llc", "ltd", "jsc", "oao", "ooo", "uab")
"""Legal forms that payment messages and registries glue to a company's name, before or after it (OOOZORVEX,
ZorvexLLC: a field written without spaces): the abbreviations of CIS, Baltic, German and English companies whose
letters open and end no word of a name. ZAO, PAO and TOV are left out: they open and end names (Zaozerny, Paoletti,
Tovarnaya, Lipatov)."""
GLUED_FORM_BRAND_MIN: Final = 4
"""Letters of the name left once a glued form is cut off (Ooops is no OOO and a brand)."""
_GLUED_FORM: Final = re.compile(
    rf"\b(?:{'|'.join(_GLUED_FORMS)})[a-z]{{{GLUED_FORM_BRAND_MIN}}}|[a-z]{{{GLUED_FORM_BRAND_MIN}}}"
    rf"(?:{'|'.join(_GLUED_FORMS)})\b"
)
"""A word that may open or end with a glued form: asked of every organisation name of a list, one scan each."""


def _legal_forms_unglued(text: str) -> str | None:
    """A normalised organisation name with a legal form glued to the start or the end of a word written apart and
    left out (`_GLUED_FORMS`: oskartourllc -> oskartour; cjscbeltechexport -> beltechexport), or None when no word
    opens or ends so."""
    if _GLUED_FORM.search(text) is None:
        return None
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        cut = word
        if len(word) >= GLUED_FORM_BRAND_MIN + 3 and word.isascii() and word.isalpha():
            for form in _GLUED_FORMS:
                if word.startswith(form) and len(word) - len(form) >= GLUED_FORM_BRAND_MIN:
                    cut = word[len(form) :]
                    break
                if word.endswith(form) and len(word) - len(form) >= GLUED_FORM_BRAND_MIN:
                    cut = word[: -len(form)]
                    break
        out.append(cut)
    return " ".join(out) if out != words else None


@lru_cache(maxsize=100_000)
def _glued_generic(word: str) -> tuple[str, str] | None:
    """(brand, generic word) of one word, in Latin letters, or None (`_generic_endings_split`)."""
    latin = word if word.isascii() else next(iter(latin_renderings(word).values()), word)
    if " " in latin or not latin.isalpha():
        return None
    key = fold(latin)
    if key in org_word_translations() or key in org_meaning_keys() or is_generic_org_key(key):
        return None  # a word of the dictionary is one word (Electrotechnical is no Electro Technical)
    for n, keys in _generic_endings():
        if len(key) - n >= GLUED_BRAND_MIN and key[-n:] in keys:
            for at in range(len(latin) - GLUED_GENERIC_MIN + 1, GLUED_BRAND_MIN - 1, -1):
                if fold(latin[at:]) == key[-n:] and len(fold(latin[:at])) >= GLUED_BRAND_MIN:
                    return latin[:at], latin[at:]
            return None
    return None


def _phrase_word(match: re.Match[str]) -> str:
    """The word the phrase of `_org_phrases` found is read as."""
    return _org_phrases().words[int((match.lastgroup or "p0")[1:])]


_AMPERSAND_LETTERS: Final = re.compile(r"(?<![^\W_])([^\W\d_]{1,2})\s*&\s*([^\W\d_]{1,2})(?![^\W_])")
"""Letters joined by an ampersand (G&G, S&D, AT&T, P & O): the initials a company goes by, read as one word; apart,
each letter was left out as an initial and the name met any other of its words alone (G&G International met NPC
International at 1.00)."""
_SINGLE_LETTER: Final = re.compile(r"(?<!\S)[^\W\d_](?!\S)")
_AND_LETTERS: Final = frozenset({"y", "e", "и", "і"})
"""Words for "and" of one letter between two letters (A y S, А и Б): the same initials as A&S, read as one word."""


def _org_initials_joined(text: str) -> str:
    """`text` with a company's initials written apart read as one word: letters joined by an ampersand (G&G, S&D,
    AT&T, P & O) or by a word for "and" (C and I, A y S), and three capital letters or more written apart (N P C).
    Apart, each letter was left out as an initial and the name met any other of its words alone (G&G International
    met NPC International at 1.00)."""
    if "&" in text:
        text = _AMPERSAND_LETTERS.sub(r"\1\2", text)
    if _SINGLE_LETTER.search(text) is None:
        return text  # most names: no letter standing alone
    out: list[str] = []
    for single, group in groupby(text.split(" "), key=lambda word: len(word) == 1 and word.isalpha()):
        run = list(group)
        if (
            single
            and len(run) == 3
            and run[1].lower() in _AND_LETTERS
            and run[0].isupper() == run[2].isupper()
        ):
            out.append(run[0] + run[2])  # A y S; a run of more letters is a word spelt letter by letter
        elif single and len(run) >= 3 and all(letter.isupper() for letter in run):
            out.append("".join(run))
        else:
            out.extend(run)
    return _LETTERS_AND_WORD.sub(r"\1\2", " ".join(out))


_LETTERS_AND_WORD: Final = re.compile(
    r"(?<![^\W_])([^\W\d_])\s+(?:and|et|und)\s+([^\W\d_])(?![^\W_])", re.IGNORECASE
)
"""Two letters joined by a word for "and" of more than one letter, which a letter spelt out is not (C and I)."""


def _org_text(text: str) -> str:
    text = _org_initials_joined(text)
    if "'" in text or "’" in text:
        text = _ELIDED_ARTICLE.sub("", _POSSESSIVE.sub("", text))
    if " ve " in text or " VE " in text or " Ve " in text:
        text = _TURKISH_PAIR.sub(_turkish_pair, text)
    if "." in text:
        text = _TURKISH_ABBREVIATION.sub(_turkish_word, text)
    if any(ch.isdigit() for ch in text):
        text = _NUMBER_SIGN.sub(" ", text)
    text = _number_words(text)
    # Both rules read dots: most names have none.
    return _spaced_initials(_undot_acronyms(text)) if "." in text else text


_IN_WORD_APOSTROPHE: Final = re.compile(r"(?<=[^\W\d_])['’]+(?=[^\W\d_])")


@cache
def _kind_words_of_forms() -> frozenset[str]:
    """The English words of kind that `data/org_kind_initials.csv` reads initials as (`_kind_words`: bank,
    commercial, insurance, shipping...), less those of the legal forms (company): a legal form in rigour's table that
    holds them says what kind of company besides its form (joint stock commercial bank)."""
    forms = {word for _, latin in _legal_form_renderings() for word in latin.split()}
    return _kind_words() - forms


def _kind_of_forms_kept(text: str) -> str:
    """`text` with each legal form of rigour's table that holds words of kind (`_kind_words_of_forms`) written as
    those words alone: Joint Stock Commercial Bank Zorvex is Commercial Bank Zorvex, a bank, where rigour leaves
    Zorvex, a company of no kind; not where the rest of the name says it already, as a word or a word's ending
    (Moscow Industrial Bank, Zorvexbank), nor where the rest is a description, every word of it a dictionary word,
    place or form (International Financial Club): its words of kind would be all that tells it from another
    description (Russian Financial Corporation Bank)."""
    words = _kind_words_of_forms()
    if words.isdisjoint(text.split(" ")):
        return text  # most names
    for found, _ in _rigour_extract_org_types(text):
        kept = [word for word in found.split() if word in words]
        if not kept:
            continue
        rest = text.replace(found, " ", 1).split()
        if not any(word.endswith(kept[-1]) for word in rest) and any(map(_word_names_organisation, rest)):
            text = text.replace(found, " ".join(kept), 1)
    return text


def _word_names_organisation(word: str) -> bool:
    """Whether a word of a normalised organisation name names which organisation: no dictionary word of the tables,
    place, legal form or number (Rublev; not Moscow, Industrial, Financial, Club)."""
    key = fold(word)
    return (
        len(key) > 1
        and key[0] != "#"
        and not is_descriptive_org_key(key)
        and not is_place_key(key)
        and not _legal_form_starts(word)
    )


def remove_org_types(text: str) -> str:
    """rigour's `remove_org_types`, with a word that holds an apostrophe kept whole: a Belarusian or Ukrainian
    apostrophe (ab'yadnanne, аб'яднанне: association) is no end of a word, and AB before it no legal form; and with
    a form's words of kind kept (`_kind_of_forms_kept`)."""
    text = _kind_of_forms_kept(text)
    if not text.isascii():
        text = _forms_in_ascii(text)
    if "'" not in text and "’" not in text:
        return _rigour_org_types(text)
    kept = _IN_WORD_APOSTROPHE.sub(lambda found: "\u02bc" * len(found.group(0)), text)
    return _rigour_org_types(kept).replace("\u02bc", "'") if kept != text else _rigour_org_types(text)


def _forms_in_ascii(text: str) -> str:
    """`text` with each word that rigour's table knows as a legal form once its Latin letters lose their marks
    written so (Sàrl, Swiss and Luxembourg SARL; Şti, a Turkish limited partnership): the table writes its forms
    in ASCII, and the name's own words keep their marks."""
    words = text.split(" ")
    for n, word in enumerate(words):
        if word.isascii() or has_cyrillic(word):
            continue
        plain = latin_ascii(word)
        if plain != word and any(found == plain for found, _ in _rigour_extract_org_types(plain)):
            words[n] = plain
    return " ".join(words)


def strip_legal_forms(text: str) -> str:
    """Remove legal forms (ААТ, ОАО, OAO, JSC, AAT, LLC, ...) from a normalised organisation name.

    A name that is nothing but a legal form keeps it (there is nothing else to compare).
    """
    stripped = " ".join(_legal_forms().sub(" ", text).split())
    stripped = " ".join(remove_org_types(stripped).split()) if stripped else stripped
    return stripped or text


# Characters that Python's case-insensitive matching takes for an ASCII letter besides its two cases.
_CASELESS_ASCII: Final = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


@cache
def _honorific_openings() -> frozenset[str] | None:
    """How a name opening with an honorific that rigour removes (`remove_person_prefixes`) begins: the first three
    characters of the honorific and the space after it, lower-cased as its case-insensitive pattern reads them."""
    try:  # rigour's own list, outside its public API: without it every name is read by the full pattern
        from rigour._core import person_name_prefixes_list
    except ImportError:  # pragma: no cover - only with another rigour than the lock file's
        return None
    return frozenset(f"{p} ".translate(_CASELESS_ASCII).lower()[:3] for p in person_name_prefixes_list())


def _without_honorific(text: str) -> str:
    """A normalised name without the honorific rigour finds opening it (`remove_person_prefixes`), words parted by
    single spaces; empty where nothing but an honorific is left."""
    return " ".join(remove_person_prefixes(text).split()) if _may_open_with_honorific(text) else text


def _may_open_with_honorific(text: str) -> bool:
    """False when a normalised name (lower case, words parted by single spaces) cannot begin with an honorific.
    Most names: rigour's pattern of 135 honorifics costs more than the rest of a person's rendering."""
    openings = _honorific_openings()
    return openings is None or len(text) < 3 or not text[:3].isascii() or text[:3] in openings


# Military and police ranks that open a person's name in news, court records and lists of officials (Gen. Viktar
# Sheiman, палкоўнік міліцыі ..., генерал-майор ...), in English with their usual abbreviations, Russian and
# Belarusian; rigour's honorifics have General and Colonel but not the abbreviations nor the Cyrillic ranks.
_RANK_WORDS: Final = frozenset(
    (
        "general gen lieutenant lt lieut colonel col major maj captain capt cpt sergeant sgt admiral adm brigadier"
        " brig commander cmdr marshal ret retd police militia justice "
        "генерал генерала лейтенант полковник подполковник майор капитан сержант прапорщик адмирал маршал"
        " старший младший милиции полиции юстиции ген полк "
        "лейтэнант палкоўнік падпалкоўнік маёр капітан сяржант прапаршчык адмірал старшы малодшы міліцыі"
        " юстыцыі "
        # Offices that open an official's name in court records and the press (Judge Zorvan Ivanov, судья ...).
        "judge prosecutor investigator minister deputy governor chairman chairwoman director ambassador senator mayor"
        " судья прокурор следователь министр депутат губернатор председатель директор посол"
        " суддзя пракурор следчы міністр дэпутат старшыня дырэктар пасол"
    ).split()
)
_BIRTH_WORDS: Final = frozenset(
    "born b dob birth date d o b year yob род родился родилась рожд г гр нар нарадзіўся нарадзілася".split()
)
"""Words that say a birth date follows in a person's name field (Zorvan Ivanov, born 1961; DOB 12.03.1961)."""


def _without_dates(text: str) -> str | None:
    """A normalised person name without the numbers written into it (a birth year or date: Zorvan Ivanov 1961,
    Zorvan Ivanov b 12 03 1961) and the birth words before them, or None when it has none or fewer than two words
    would be left: a second rendering (no person's name holds a number)."""
    words = text.split(" ")
    if not any(word.isdigit() for word in words):
        return None
    # A birth word goes only where a number follows it (d o b 1961); Ivan B. Petrov keeps his initial.
    dropped = _marked_numbers(words, _BIRTH_WORDS, str.isdigit)
    kept = [word for n, word in enumerate(words) if n not in dropped and not word.isdigit()]
    return " ".join(kept) if len(kept) >= 2 else None


def _without_baltic_endings(text: str) -> str | None:
    """A normalised person name with the Lithuanian or Latvian ending of each word read away (Sergejus Terebovas,
    Aleksandras Nikolajevičius Zajcevas: sergej terebov, aleksandr nikolajevich zajcev), or None unless two words of
    it or more carry one: a second rendering. One word with an ending may be a name of its own (Lukas, Marius,
    Younis); two in one name are the grammar Lithuanian and Latvian give every foreign man's name. The ending alone
    is a second key of each word already (`_alt_keys`), but only as a key: without it, Terebovas is compared with
    the Belarusian Tserabau as one letter-string three edits away, where Terebov is the Russian form of that name."""
    words = text.split(" ")
    if sum(word[-1:] == "s" for word in words) < 2:
        return None  # every ending closes in s: most names leave here (the build reads every listed name so)
    stripped = [strip_baltic_in_name(word) for word in words]
    found = [word for word in stripped if word is not None]
    if len(found) < 2:
        return None
    # Spanish, Greek, Latin and Arabic names end in -as, -is and -us too (ROJAS Alexis, Contreras, Jesus, Firas): one
    # word must close as Lithuanian and Latvian close a Slavic name, or be a given name of the tables of five letters
    # or more once its ending is gone (Aleksandras: Alex is no such name).
    if not any(_BALTIC_SLAVIC_ENDING.search(word) for word in words):
        table = default_table()
        if not any(len(word) >= 5 and table.knows(fold(word)) for word in found):
            return None
    return " ".join(read or word for read, word in zip(stripped, words, strict=True))


_BALTIC_SLAVIC_ENDING: Final = re.compile(
    r"(?:jus|js|i[čc]ius|i[čc]s|[oe]vas|[oe]vs|[iy]nas|[iy]ns|[sc]kis)$"
)
"""How Lithuanian and Latvian close a Slavic name: й or -ий with its ending (Sergejus, Dmitrijs), -ич (Nikolajevičius,
Mickevičs, in a bank's ASCII -icius), the surname suffixes -ов, -ев, -ин, -ын (Zajcevas, Lapinas, Naumovs) and -ский,
-цкий (Kovalevskis). A name with none of them is read without its endings only through its given name
(`_without_baltic_endings`)."""


_DESCRIPTION_LINKS: Final = frozenset("of at in for to the and with".split())
"""Words after an office that make it a description (judge of the Minsk city court)."""
_GIVEN_RANK_WORDS: Final = frozenset({"marshal", "justice", "major"})
"""Rank words that are given names too (SMITH, Marshal): after a comma they are read as the given name."""


def _without_description(name: str) -> str | None:
    """A cleaned person name without what follows it after a comma when that says who the person is or when they
    were born (Zorvan Ivanov, judge of the Minsk city court; ZORVANAU Ivan, born 1961; Зорванаў Іван, суддзя), or
    None when no comma opens such a description or fewer than two words would be left: a second rendering (SURNAME,
    Given keeps its comma)."""
    before = _before_comma_opening(name, _opens_description)
    if before is None:
        return None
    before = normalize_name(before)
    # Two words of a name at least (a surname with its article alone, al majid, is not a whole name).
    return before if sum(len(word) >= 3 for word in before.split(" ")) >= 2 else None


def _opens_description(words: list[str]) -> bool:
    """Whether the normalised words after a comma in a person's name say who the person is or when they were born."""
    first = words[0]
    # An office alone or with what it is of (", judge", ", judge of the city court"); a rank before names is the
    # list's SURNAME, Rank Given (AL-MAJID, General Ali Hasan), read as an honorific is.
    office = (
        first in _RANK_WORDS
        and first not in _GIVEN_RANK_WORDS
        and (len(words) == 1 or words[1] in _DESCRIPTION_LINKS)
    )
    # A birth word only before a number (", b. 1961"; ", г. Минск" is a town, ", B. Ivan" an initial).
    born = first in _BIRTH_WORDS and any(word.isdigit() for word in words)
    return office or born or first[:1].isdigit()


_ARABIC_JOINED_AFTER: Final = frozenset({"الله", "اللہ", "اللّه", "الدين", "الدین", "زاده", "زاد"})
"""Words an Arabic-script name writes apart that romanisations join to the word before (نور الله: Nurullah,
Ehsanullah; صلاح الدين: Salahuddin, Hesamuddin; Persian آخوند زاده: Akhundzada)."""
_ARABIC_JOINED_BEFORE: Final = frozenset({"عبد"})
"""...and words they join to the word after (عبد الرحمن: Abdulrahman, Abdelmalek)."""


def _arabic_compounds_joined(text: str) -> str | None:
    """A normalised Arabic-script person name with the compounds romanisations write as one word joined
    (`_ARABIC_JOINED_AFTER`, `_ARABIC_JOINED_BEFORE`), or None when it has none: a second rendering, so both
    Nurullah and Nur Allah meet نور الله."""
    words = text.split(" ")
    if len(words) < 2 or not any(w in _ARABIC_JOINED_AFTER or w in _ARABIC_JOINED_BEFORE for w in words):
        return None
    out: list[str] = []
    for n, word in enumerate(words):
        if out and (word in _ARABIC_JOINED_AFTER or words[n - 1] in _ARABIC_JOINED_BEFORE):
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out) if len(out) < len(words) else None


_ARABIC_GLUED_OPENINGS: Final = ("عبدال", "ابوال", "أبوال")
"""Compounds an Arabic-script name may write as one word that romanisations write apart (عبدالخالق: Abd al-Khaliq,
Abdul Khaliq; أبواليزيد: Abou el Yazid): the word before the article."""
_ARABIC_GLUED_CLOSINGS: Final = (*sorted(_ARABIC_JOINED_AFTER, key=len, reverse=True), "عبد")
"""...and the words they end with (نورالدين: Nur al-Din; a name glued to the next one's عبد, محمدعبد: Mohammad
Abdul), the longest first."""


def _arabic_compounds_apart(text: str) -> str | None:
    """A normalised Arabic-script person name with its compounds written as one word set apart
    (`_ARABIC_GLUED_OPENINGS`, `_ARABIC_GLUED_CLOSINGS`), or None when it has none: the reverse of
    `_arabic_compounds_joined`, so عبدالخالق meets Abd al-Khaliq as عبد الخالق does (the name as written still meets
    Abdulkhaliq)."""
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        opening = next(
            (o for o in _ARABIC_GLUED_OPENINGS if word.startswith(o) and len(word) > len(o) + 1), None
        )
        closing = next(
            (c for c in _ARABIC_GLUED_CLOSINGS if word.endswith(c) and len(word) > len(c) + 1), None
        )
        if opening is not None:
            out += [word[: len(opening) - 2], word[len(opening) - 2 :]]
        elif closing is not None:
            out += [word[: -len(closing)], closing]
        else:
            out.append(word)
    return " ".join(out) if len(out) > len(words) else None


_CONJOINED_ARTICLE: Final = re.compile(r"(?<!\S)و(?=ال\S\S)")
"""The conjunction و (and) written against the article of the next word (والمسلمين: wa al-Muslimin, wal-Muslimin)."""


def _conjunction_apart(text: str) -> str | None:
    """A normalised Arabic-script organisation name with its conjunction و set apart from the article it is written
    against, or None when it has none: romanisations write it as a word of its own (Jama'a Nusrat ul-Islam wa
    al-Muslimin), which the name's words then meet."""
    apart = _CONJOINED_ARTICLE.sub("و ", text)
    return apart if apart != text else None


@cache
def _org_acronyms() -> dict[str, str]:
    """Initials of a state body as a normalised name writes them (омон, omon, амап) -> the words they stand for, in
    English (`data/org_acronyms.csv`)."""
    return _english_words("org_acronyms.csv", normalize_name)


def _acronyms_expanded(text: str) -> str | None:
    """A normalised organisation name with the initials of state bodies written as their words (Minsk OMON: Minsk
    special purpose police unit), or None when it has none: a second rendering, the initials as written stay one."""
    words = text.split(" ")
    acronyms = _org_acronyms()
    if acronyms.keys().isdisjoint(words):
        return None
    return " ".join(acronyms.get(word, word) for word in words)


KIND_READING: Final = "+kind"
"""The reading of a name with the initials of a kind of company written as their words (`_kind_initials_read`)."""


def compared_only(variant: NameVariant) -> bool:
    """Whether a rendering is compared but neither filed nor looked up in the index: a `KIND_READING` adds words of
    kind (bank, shipping company) to words the name's own rendering already files, and looking those up would bring
    names into play by their kind alone."""
    return KIND_READING in variant.system


@cache
def _kind_initials() -> dict[str, tuple[str, ...]]:
    """Initials of a kind of company as a normalised name writes them (акб, kb, cb, sk) -> the English words they may
    stand for, in the order of `data/org_kind_initials.csv` (kb: commercial bank, design bureau)."""
    return _english_meanings("org_kind_initials.csv", normalize_name)


@cache
def _kind_words() -> frozenset[str]:
    """The English words `_kind_initials` reads initials as (bank, commercial, design...)."""
    return frozenset(word for meanings in _kind_initials().values() for m in meanings for word in m.split())


@cache
def _kind_meaning_keys() -> frozenset[str]:
    """The keys of `_kind_words`."""
    return frozenset(map(fold, _kind_words()))


def _kind_initials_read(text: str) -> tuple[str, ...]:
    """A normalised organisation name, before its legal forms are left out, with the initials of a kind of company
    written as the words they stand for, once per meaning (AO KB Yunistrim: ao commercial bank yunistrim, ao design
    bureau yunistrim); none when it has no such initials (most names)."""
    words = text.split(" ")
    table = _kind_initials()
    if table.keys().isdisjoint(words):
        return ()
    meanings = dict.fromkeys(meaning for word in words for meaning in table.get(word, ()))
    return tuple(
        " ".join(meaning if meaning in table.get(word, ()) else word for word in words)
        for meaning in meanings
    )


_GIVEN_NAME_ABBREVIATIONS: Final = {
    "mg": "maung",
    "mohd": "muhammad",
    "muhd": "muhammad",
    "mhd": "muhammad",
    "md": "muhammad",
    "wm": "william",
    "chas": "charles",
    "thos": "thomas",
    "jas": "james",
    "geo": "george",
    "benj": "benjamin",
    "robt": "robert",
}
"""Given names as registries and lists abbreviate them: Burmese Maung as Mg (OFAC lists YI, Khin Maung also as YI,
Khin Mg); Muhammad as Mohd and Muhd in Malaysia and Brunei, as Md and Mhd in Bangladesh and India; the English
abbreviations of company and court registers (Wm., Chas., Thos.)."""


_NAMES_IN_FIELD: Final = re.compile(
    r"\s*[;|]\s*|\s+(?:a\.?\s?k\.?\s?a\.?|f\.?\s?k\.?\s?a\.?|n\.?\s?k\.?\s?a\.?|also known as|alias|"
    r"formerly(?: known as)?|он же|она же|ён жа|яна ж)\s+",
    re.IGNORECASE,
)
"""What a person's name field puts between two names (a bank's or a registry's cell: Aliaksandr Zorvanau; Зорванаў
Аляксандр, ZORVANOV Aleksandr a.k.a. Sasha ZORVAN, Зорванов Александр, он же Зорван Саша)."""
_NAME_SLASH: Final = re.compile(r"\s*/\s*")


def person_names_in_field(name: str) -> list[str]:
    """The names a person's name field holds, when it holds more than one (empty otherwise): the names written
    between `_NAMES_IN_FIELD` marks, those of two words or more where one of them is (a nickname after a.k.a. is
    left out: Aleksandr Zorvanov a.k.a. Sasha reads Aleksandr Zorvanov; where none is, the field is read as one
    name: ZORVANOV a.k.a. ZORVAN), and of a name with one slash, the two it writes: two whole names (Aliaksandr
    Zorvanau / Александр Зорванов), or one word the other way, where the words beside the slash are alike
    (`_written_two_ways`: Mikalai Mikalaevich VARABEI/VERABEI, the surname; ZORVANAU/ZORVANOV Aliaksandr). A slash
    beside a single letter (Muthu s/o Ramasamy, son of) or between two unlike words (an airline's
    LUKASHENKO/ALEXANDER) is no such mark. A field whose nickname was left out may hold one name only."""
    if "/" not in name and _NAMES_IN_FIELD.search(name) is None:
        return []  # most names
    pieces = _NAMES_IN_FIELD.split(name)
    nickname = False
    if len(pieces) > 1:
        # A piece of one word beside a whole name is a nickname (ZORVANOV Aleksandr a.k.a. Sasha): not screened
        # alone, as a name of one common word would meet thousands; the whole name is read on its own.
        named = [piece for piece in pieces if _name_words(piece) >= 2]
        if not named:
            pieces = [name]
        elif len(named) < len(pieces):
            pieces, nickname = named, True
    out: list[str] = []
    for piece in pieces:
        halves = _NAME_SLASH.split(piece)
        if len(halves) != 2:
            out.append(piece)
            continue
        left, right = halves[0].split(), halves[1].split()
        if not left or not right or _letters(left[-1]) < 2 or _letters(right[0]) < 2:
            out.append(piece)  # s/o, d/o, c/o; a slash at an end
        elif _name_words(halves[0]) >= 2 and _name_words(halves[1]) >= 2:
            out.extend(halves)
        elif not _written_two_ways(left[-1], right[0]):
            # Two words, not one written two ways: an airline's SURNAME/GIVEN NAME, SANCHEZ GARCIA/MARIA.
            out.append(piece)
        elif len(right) == 1:
            out.extend([halves[0], " ".join([*left[:-1], right[0]])])
        else:
            out.extend([" ".join([*left, *right[1:]]), " ".join([*left[:-1], *right])])
    return out if len(out) > 1 or nickname else []


_NICKNAME: Final = re.compile(r"[\"“”«»„][^\"“”«»„]{1,40}[\"“”«»„]")
"""A nickname in double quotation marks or guillemets (Sasha in Aleksandr "Sasha" Zorvanov, Саша in Александр
«Саша» Зорванов)."""


def _without_nickname(written: str) -> str | None:
    """A person's name without a nickname in quotation marks (`_NICKNAME`), where two words or more are left: a
    second rendering (the nickname's words would be left over against a listed name that does not write them). Not
    `quoted_part`, which reads an organisation's name: a quote it finds unclosed takes the rest of the name, which
    in a person's would be the surname, and it gives the quoted words, not where they stand."""
    if _NICKNAME.search(written) is None:
        return None
    read = normalize_name(clean_text(_NICKNAME.sub(" ", written)))
    return read if _name_words(read) >= 2 else None


def _name_words(text: str) -> int:
    """The words of two letters or more in `text` (an initial is no name alone)."""
    return sum(_letters(word) >= 2 for word in text.split())


WRITTEN_TWO_WAYS_MIN: Final = 0.7
"""Two words beside a slash are one word written two ways when their Latin letters are this alike (OSA similarity:
VARABEI/VERABEI 0.86, CHEVTSOV/SHEVTSOV 0.88, ЛАПО/ЛАППО 0.80, ZORVANAU/ZORVANOV 0.75), not two words of a name
(LUKASHENKO/ALEXANDER 0.20, GARCIA/MARIA 0.67)."""


def _written_two_ways(word_a: str, word_b: str) -> bool:
    a, b = latin_ascii(word_a).lower(), latin_ascii(word_b).lower()
    return OSA.normalized_similarity(a, b) >= WRITTEN_TWO_WAYS_MIN


_SEVERAL_LETTER_INITIAL: Final = re.compile(
    r"(?<![^\W\d_])(?:IOU|JOU|JOE|CI|TX|DJ|[YJI][AEOU]|[ЮЯЁЄЇÛÂÊËÏ])\.", re.IGNORECASE
)
"""An initial that is one Cyrillic letter written as several Latin ones, or one the keys do not fold to a letter:
a vowel with a glide before it, as written in Cyrillic (Ю., Я., Ё., Ukrainian Є., Ї.), romanised as two letters
(Yu., Iu., Ju., Ya., Ye., Yo.), in French and Dutch (Iou., Joe.) or in ISO 9 (Û., Â., Ê., Ë., Ï.); Ч in Romanian
and Catalan (Ci., Tx.), Дж in French (Dj.). Only with its stop, since Yu, Ye and Jo are names of their own too."""

_INITIAL_LETTERS: Final = {
    "ю": "У.",
    "я": "А.",
    "ё": "Е.",
    "є": "Е.",
    "ї": "І.",
    "û": "U.",
    "â": "A.",
    "ê": "E.",
    "ë": "E.",
    "ï": "I.",
    "iou.": "U.",
    "jou.": "U.",
    "joe.": "U.",
    "ci.": "C.",
    "tx.": "C.",
    "dj.": "D.",
}


def _initial_as_one_letter(found: re.Match[str]) -> str:
    """The initial as one letter, the one the name's key opens with (Iury, Yuriy, Jurij: `ur`, so Yu. is U.; Ya.
    is A., still not U.; Ci. and Tx. are C., as Chaslau is `caslav`)."""
    written = found.group(0).lower()
    return _INITIAL_LETTERS.get(written) or _INITIAL_LETTERS.get(written[0]) or f"{written[1].upper()}."


def _abbreviations_spelt(text: str) -> str | None:
    """A normalised person name with its abbreviated given names written out, or None when it has none: a second
    rendering, the name as written stays one."""
    words = text.split(" ")
    if not any(word in _GIVEN_NAME_ABBREVIATIONS for word in words) or len(words) < 2:
        return None
    return " ".join(_GIVEN_NAME_ABBREVIATIONS.get(word, word) for word in words)


def _without_rank(text: str) -> str:
    """A normalised person name without the ranks it opens with, when two words or more are left (Major John
    Smith; MAJOR John keeps both words)."""
    words = text.split(" ")
    if words[0] not in _RANK_WORDS:
        return text
    n = 0
    while n < len(words) - 2 and words[n] in _RANK_WORDS:
        n += 1
    return " ".join(words[n:])


# How Belarusian, Russian, Ukrainian and Polish address a person or name a sole trader before the name (спадар,
# господин, г-н, пан; ИП, індывідуальны прадпрымальнік, ФОП; IP and Individual Entrepreneur as banks write them in
# Latin letters), normalised as names are. Rigour's honorifics are English and West European ones.
_FORMS_OF_ADDRESS: Final = tuple(
    phrase.split(" ")
    for phrase in sorted(
        (
            *"спадар спадарыня спадарня пан пані пани панна господин госпожа гн гжа гр гражданин гражданка".split(),
            *"грамадзянін грамадзянка громадянин громадянка ип іп фоп спд ip ie fop".split(),
            # In Latin letters as Polish, Lithuanian, Italian, Spanish, Portuguese and Dutch address a person (pan,
            # ponas, signor, señor, senhor, de heer, mevrouw, dhr.), as banks of those countries write a name field.
            *"pan pani panna ponas ponia signor signora signore señor señora senor senora senhor senhora".split(),
            *"heer mevrouw mevr dhr".split(),
            "de heer",
            "г н",  # г-н, г-жа as normalised
            "г жа",
            "индивидуальный предприниматель",
            "індывідуальны прадпрымальнік",
            "фізична особа підприємець",
            "individual entrepreneur",
            "sole proprietor",
            "sole trader",
        ),
        key=len,
        reverse=True,
    )
)
"""Phrases of `_without_form_of_address`, longest first..."""
_FORMS_OF_ADDRESS_OPEN: Final = frozenset(phrase[0] for phrase in _FORMS_OF_ADDRESS)
"""...and the words they open with: every name is asked (the build reads every listed name so), and few open so."""
_LATIN_DESIGNATIONS: Final = frozenset({"ip", "ie", "fop"})
_ADDRESS_BEFORE_GIVEN_NAME: Final = frozenset({"pan", "pani", "panna", "heer"})
"""Forms of address in Latin letters that are surnames too (the Chinese Pan, Pani, the Dutch Heer): read away only
before a given name the tables know (Pan Iwan Tertel, not Pan Wei Ming)."""
_SLAVIC_NAME_END: Final = re.compile(
    r"(?:[oe]v|[oe]va|[iy]n|[iy]na|[iy]ch|vna|enko|enka|sk[iy]|skaya|au|ava|uk)$"
)
"""ИП and ФОП in Latin letters are read away only before a name with a word closing as a Slavic surname or
patronymic does: Ip is a Cantonese surname (Ip Kwok Him)."""


def _without_form_of_address(text: str) -> str | None:
    """A normalised person name without the words that open it to address the person or to say they trade alone
    (`_FORMS_OF_ADDRESS`: спадар Аляксандр Лукашэнка, ИП Лукашенко А. Г., IP Zorvanov Ivan), or None when it opens
    with none or fewer than two words would be left: a second rendering, the name as written stays one (Пан is a
    surname too, and IP may be a man's initials)."""
    words = text.split(" ")
    if words[0] not in _FORMS_OF_ADDRESS_OPEN:
        return None
    start = 0
    found = _phrase_at(words, 0, _FORMS_OF_ADDRESS)
    while found:
        start += found
        found = _phrase_at(words, start, _FORMS_OF_ADDRESS)
    if start == 0 or len(words) - start < 2:
        return None
    if words[0] in _LATIN_DESIGNATIONS and not any(_SLAVIC_NAME_END.search(word) for word in words[start:]):
        return None  # Ip Kwok Him: the Cantonese surname Ip (Yip), not ИП
    if words[0] in _ADDRESS_BEFORE_GIVEN_NAME and not _known_given_name(words[start]):
        return None
    return " ".join(words[start:])


def _known_given_name(word: str) -> bool:
    """Whether a normalised word is a given name of the short-form tables or an English form of one (Iwan, Natalia,
    Alex), whichever way it is spelt."""
    key = fold(word)
    given = _given_names_by_key()
    return (
        default_table().canonical(key) in given or key in given or _as_written(word) in written_given_forms()
    )


_SYLLABLE_HYPHEN: Final = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")

_TURKIC_SON: Final = frozenset(
    {"oglu", "oğlu", "ogly", "oglı", "ogli", "o'g'li", "og'li", "ugli", "uly", "ulı", "uulu"}
    | {"оглы", "оглу", "огли", "угли", "улы", "уулу", "ұлы"}
)
_TURKIC_DAUGHTER: Final = frozenset(
    {"qizi", "qızı", "kizi", "kızı", "kyzy", "qyzy", "gizi", "gyzy", "qiz"} | {"кызы", "кизи", "гызы", "қызы"}
)
"""The words that make a patronymic of a father's name in Azerbaijani, Turkmen, Uzbek, Kazakh and Kyrgyz (Kamil
oglu: son of Kamil; Nurlan qizi: daughter of Nurlan), as their own languages and Russian documents write them."""
_TURKIC_MARKERS: Final = _TURKIC_SON | _TURKIC_DAUGHTER
_TURKIC_GLUED: Final = (
    *((ending, True) for ending in ("uly", "улы", "ұлы")),
    *((ending, False) for ending in ("qyzy", "kyzy", "қызы", "кызы")),
)
TURKIC_GLUED_FATHER_MIN: Final = 3
"""Kazakh writes the patronymic as one word, the father's name and the ending for son or daughter (Äbişuly,
Әбішұлы: son of Abish; Nursultanqyzy, Нұрсұлтанқызы: daughter of Nursultan), as Kazakh-language documents and press
write it; read only after the first word of a name (a patronymic never opens one) and from a father's name of
TURKIC_GLUED_FATHER_MIN letters. No name word of the bundled lists ends so (an OFAC address's street, Otemisuly, is
the one word that does)."""


def _glued_patronymic(word: str) -> tuple[str, bool] | None:
    """The father's name in a Kazakh patronymic written as one word, and whether it says son (`_TURKIC_GLUED`), or
    None when the word is none."""
    for ending, son in _TURKIC_GLUED:
        if word.endswith(ending) and len(word) - len(ending) >= TURKIC_GLUED_FATHER_MIN:
            return word[: -len(ending)], son
    return None


def _russian_patronymic(father: str, son: bool) -> str:
    """The patronymic Russian documents make of a father's name (Kamil: Kamilovich; Камиль: Камилевич)."""
    cyrillic = has_cyrillic(father)
    soft = father[-1] in ("аеёиоуыэюяйь" if cyrillic else "aeiouy")
    father = father.removesuffix("ь")  # Камиль: Камилевич, as Игорь: Игоревич
    if cyrillic:
        return father + ("ев" if soft else "ов") + ("ич" if son else "на")
    return father + ("ev" if soft else "ov") + ("ich" if son else "na")


def _turkic_patronymic_as_russian(text: str) -> str | None:
    """A normalised person name whose Turkic patronymic (Kamil oglu, Камиль оглы, Nurlan qizi, Abishuly) is written
    as a Russian one, as Russian and Belarusian documents also write it (Kamilovich, Камилович, Nurlanovna,
    Abishovich), or None when it has none: a second rendering, the name as written stays one."""
    words = text.split(" ")
    if len(words) < 3 or (
        _TURKIC_MARKERS.isdisjoint(words) and not any(_glued_patronymic(word) for word in words[1:])
    ):
        return None
    out: list[str] = []
    changed = False
    for word in words:
        son, daughter = word in _TURKIC_SON, word in _TURKIC_DAUGHTER
        if (son or daughter) and out and len(out[-1]) > 1 and out[-1] not in _TURKIC_MARKERS:
            out.append(_russian_patronymic(out.pop(), son))
            changed = True
        elif out and (glued := _glued_patronymic(word)) is not None:
            out.append(_russian_patronymic(*glued))
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


_ARMENIAN_SURNAME: Final = re.compile(r"^[a-z]{3,}(?:yan|yants|jan|jants)$")
"""An Armenian surname as Armenia, Russia and the lists romanise it; not -ian, which Persian surnames share
(Saberian, Ahmadian) and Arabic ones (Alwardian)."""
_ARMENIAN_AS_RUSSIAN: Final = (
    (re.compile(r"\bh(?=[aeiou])"), ""),  # Hakob / Акоп, Harutyunyan / Арутюнян: Russian drops the initial հ
    (re.compile(r"vh"), "v"),  # Hovhannes / Ованес
    (re.compile(r"dz"), "ts"),  # Hambardzum / Амбарцум
    (re.compile(r"b\b"), "p"),  # Hakob / Акоп: Eastern and Western Armenian voice these two ways
    (re.compile(r"d\b"), "t"),  # David / Davit
    (re.compile(r"g\b"), "k"),
)


def _armenian_as_russian(text: str) -> str | None:
    """A normalised person name with an Armenian surname (-yan, -yants) read as Russian writes Armenian
    names, which drops the initial h (Hakob / Akop, Hovhannes / Ovanes, Harutyunyan / Arutyunyan), writes dz as ts
    (Hambardzum / Ambartsum) and a closing b, d or g as Western or Eastern Armenian voices it (Akop, Davit), or
    None when it has none: a second rendering, the name as written stays one. Both names of a pair are read so,
    so either spelling meets either."""
    if not ("yan" in text or "jan" in text) or not text.isascii():
        return None
    words = text.split(" ")
    if len(words) < 2 or not any(_ARMENIAN_SURNAME.match(word) for word in words):
        return None
    for pattern, replacement in _ARMENIAN_AS_RUSSIAN:
        text = pattern.sub(replacement, text)
    return text


_REGISTRATION_MARK: Final = re.compile(r"([A-Z0-9]{1,4})([- ]?)([A-Z0-9]{3,5})", re.IGNORECASE)
"""An aircraft's registration mark as the whole of a craft's name: a nationality mark (`nationality_marks`), a
hyphen and the registration mark (ICAO Annex 7: YK-AYA, EP-MNA, RA-96019), the same with a space for the hyphen,
or written as one word with a digit in it (EW85741, YV1000). One word of letters only (YKAYA) is not read so: as
many ships' names are one word that opens with the letters of a nationality mark (Danesh, Golbon, Capri), and the
letters alone cannot tell which is which."""
_N_NUMBER: Final = re.compile(r"N[0-9][0-9A-Z]{1,4}", re.IGNORECASE)
"""A United States registration mark (N-number: N123AB), written without a hyphen."""


@cache
def nationality_marks() -> frozenset[str]:
    """The nationality marks of civil aircraft (`data/aircraft_nationality_marks.csv`), upper case."""
    return frozenset(row["mark"].upper() for row in data_rows("aircraft_nationality_marks.csv"))


def _registration_mark(name: str) -> tuple[NameVariant, bool] | None:
    """A craft named by its registration mark (`_REGISTRATION_MARK`) as one key compared exactly, as a number is:
    its letters are no words (YK-AYA and YK-AKA are two aircraft, where AYA folds to a single letter and AKA was
    read as "also known as", and both left YK alone); None for another name. With it, whether the name is the mark
    only: written with its hyphen, as one word with digits or as an N-number, it is; with a space (YK AYA) it may be a
    ship's name of two words (ES Maria), read as words too. A name whose opening is no nationality mark is a name
    (Al-Amal, a ship: the Arabic article and a word)."""
    text = clean_text(name).strip()
    only = _N_NUMBER.fullmatch(text) is not None
    if not only:
        found = _REGISTRATION_MARK.fullmatch(text)
        if found is None:
            return None
        marks = nationality_marks()
        if found.group(2):
            if found.group(1).upper() not in marks:
                return None
            only = found.group(2) == "-"
        elif text.isalpha() or not any(
            text[:n].upper() in marks and 3 <= len(text) - n <= 5 for n in range(1, 5)
        ):
            return None
        else:
            only = True  # one word of letters and digits that opens with a nationality mark (EW85741, YV1000)
    mark = text.replace("-", "").replace(" ", "").casefold()
    if not mark.isascii():
        return None
    key = f"#{mark}"
    variant = NameVariant(
        original=name,
        system="latin",
        words=(mark,),
        keys=(key,),
        weights=(_weight(key),),
        joined=key,
        kind=NameKind.CRAFT,
    )
    return variant, only


@lru_cache(maxsize=300_000)
def name_variants(name: str, kind: str = NameKind.OTHER) -> tuple[NameVariant, ...]:
    """Every distinct rendering of `name` (one per transliteration system whose keys differ).

    The name is read as a query's is (`clean_text`), so a listed name and the same text screened meet at 1.0."""
    mark = _registration_mark(name) if kind == NameKind.CRAFT else None
    if mark is not None and mark[1]:
        return (mark[0],)
    words_read = _name_read(name, kind)
    return words_read if mark is None else (mark[0], *words_read)


def _name_read(name: str, kind: str) -> tuple[NameVariant, ...]:
    """The renderings of `name` read as words (`name_variants`)."""
    written = name
    name = clean_text(name)
    texts = [normalize_name(name if kind == NameKind.PERSON else _org_text(name))]
    labels = [""]

    def reading(label: str, text: str | None) -> None:
        """A second rendering of the name, kept when it reads otherwise than the name as written."""
        if text is not None and text != texts[0]:
            texts.append(text)
            labels.append(label)

    if kind == NameKind.PERSON:
        texts[0] = _without_honorific(texts[0]) or texts[0]
        surname, comma, given = name.partition(",")
        if comma:
            # Lists write the surname first and the honorific after the comma (SALEH, Dr. Abdul Latif).
            given = normalize_name(given)
            kept = _without_honorific(given)
            if kept and kept != given:
                texts[0] = normalize_name(f"{surname} {kept}")
        texts[0] = _without_rank(texts[0])
        reading("+joined", _arabic_compounds_joined(texts[0]))
        reading("+apart", _arabic_compounds_apart(texts[0]) if _is_abjad(texts[0]) else None)
        reading("+spelt", _abbreviations_spelt(texts[0]))
        reading("+undated", _without_dates(texts[0]))
        reading("+unaddressed", _without_form_of_address(texts[0]))
        described = _without_description(name) if "," in name else None
        reading("+undescribed", _without_rank(described) if described else None)
        # A name in Lithuanian or Latvian grammar (Sergejus Terebovas, Dmitrijus Zukas) read without its endings, as
        # the name it renders (sergej terebov): then each word is compared as a name, Belarusian forms included.
        reading("+baltic", _without_baltic_endings(texts[0]))
        # An initial of one Cyrillic letter written as several Latin ones (Yu. L. Sivakov, and Ю. Л. Сиваков read as
        # IU.) is read as one letter too, the one the name's key opens with (Iury, Yuriy: ur).
        one_letter = _SEVERAL_LETTER_INITIAL.sub(_initial_as_one_letter, name) if "." in name else name
        reading("+initial", _without_rank(normalize_name(one_letter)) if one_letter != name else None)
        # What a query or a list adds in brackets after a person's name (Zorvan Ivanov (President of Zorvania), an
        # alias, a title) is read away too.
        unbracketed = clean_text(BRACKETED.sub(" ", written)) if "(" in written else ""
        reading("+unbracketed", normalize_name(unbracketed) if unbracketed else None)
        # And a nickname in quotation marks among the name's words (Aleksandr "Sasha" Zorvanov, Александр «Саша»
        # Зорванов).
        reading("+unquoted", _without_nickname(written))
        # A field holding two names or more (a bank's Latin and Cyrillic forms, an alias after a.k.a., a surname
        # written two ways: VARABEI/VERABEI) is read as each of them too.
        for written_name in person_names_in_field(name):
            alternative = normalize_name(written_name)
            alternative = _without_rank(_without_honorific(alternative) or alternative)
            if alternative and alternative not in texts:
                texts.append(alternative)
                labels.append("+alternative")
        # A Chinese name in Wade-Giles (Mao Tse-tung) is read in pinyin too, as the lists write it (Mao Zedong): the
        # syllables of a hyphenated given name are one word in pinyin.
        joined = normalize_name(_SYLLABLE_HYPHEN.sub("", name)) if "-" in name else texts[0]
        reading("+pinyin", wade_giles.reading(joined))
        # A Korean name in one romanisation read as the others write it (Kim Jeong-eun, KIM Jong Un: kim jong un).
        reading("+korean", hangul.latin_reading(texts[0], family_last=joined.count(" ") == 1))
        # A Japanese name in Kunrei-shiki or with its long vowels written (Itou, Satoh, Syouzi) read as passports
        # write it in Hepburn (Ito, Sato, Shoji).
        reading("+hepburn", han.hepburn_reading(texts[0]))
        # A Turkic patronymic (Kamil oglu, Камиль оглы) read as Russian documents write it (Kamilovich, Камилович).
        reading("+patronymic", _turkic_patronymic_as_russian(texts[0]))
        # An Armenian name read as Russian writes it (Hakob Harutyunyan: Akop Arutyunyan).
        reading("+armenian", _armenian_as_russian(texts[0]))
    elif kind == NameKind.CRAFT:
        texts[0] = _CRAFT_PREFIX.sub("", texts[0]) or texts[0]
        reading("+title", _craft_titles_translated(texts[0], name))
        reading("+untyped", _without_craft_type(texts[0]))
        # Each name of a field holding a former name too (Zorvex Star ex Kastrel) is read on its own.
        for piece in craft_names_in_field(name):
            if piece not in texts:
                texts.append(piece)
                labels.append("+alternative")
    elif kind == NameKind.ORGANIZATION:
        # Legal forms go by their keys in every rendering (`_without_legal_forms`), then rigour's table.
        as_written = texts[0]
        texts[0] = _without_legal_form_texts(texts[0])
        # A second rendering with phrases read as the one word another language writes (Machine Building:
        # машиностроительный): the words as written keep the name's initials (TMCP, NIIEVM).
        reading("+phrase", _phrases_read(texts[0]))
        # And with the initials of state bodies written as their words (Minsk OMON: Minsk special purpose police
        # unit), and an Arabic-script name's conjunction و set apart from the next word's article (والمسلمين).
        reading("+expanded", _acronyms_expanded(texts[0]))
        # And with the initials of a kind of company written as their words, once per meaning (AKB Rosbank:
        # commercial bank rosbank; KB Vostochny: commercial bank vostochny, design bureau vostochny).
        for read in _kind_initials_read(as_written):
            reading(KIND_READING, _without_legal_form_texts(read))
        reading("+conjunction", _conjunction_apart(texts[0]) if _is_abjad(texts[0]) else None)
        # And without a registration number or an address written into the name field (Zorveks LLC, registration
        # number 190000001; Zorveks LLC, 220030 Minsk, ul. Lenina 1).
        reading("+unnumbered", _without_registration(texts[0]))
        # And as the company a branch or representative office belongs to (Zorvex Trade LLC, Moscow branch;
        # Представительство ООО «Зорвекс Трейд» в г. Москве): a branch is no legal person of its own.
        reading("+branch", _without_branch(texts[0], as_written != texts[0]))
        addressed = _without_address(name) if "," in name else None
        reading(
            "+unaddressed",
            _without_legal_form_texts(normalize_name(_org_text(addressed))) if addressed else None,
        )
        # And with a Cyrillic word of the tables typed with one slip written as the word (Авиаомпания).
        reading("+mended", _cyrillic_words_mended(texts[0]) if has_cyrillic(texts[0]) else None)
        # And with the words of an Arabic-script or Chinese name that say what kind of organisation in English
        # (شبکه: network; 集团: group).
        reading("+translated", _arabic_script_words_translated(texts[0]) or _han_words_translated(texts[0]))
        # And with German compound words written as their words (Stahlwerk: Stahl Werk, steel works).
        reading("+split", _german_compounds_split(texts[0]))
        # And with a generic word glued to a brand written apart (Rosoboronexport: Rosoboron Export).
        reading("+unglued", _generic_endings_split(texts[0]))
        # And with a legal form glued to the name written apart, and left out (OskartourLLC, CJSCBELTECHEXPORT).
        reading("+form unglued", _legal_forms_unglued(texts[0]))
        # And with two dotted letters that are no legal form read as one word (B.S. Company: BS Company).
        undotted = _two_letter_acronyms_joined(name)
        reading(
            "+undotted", _without_legal_form_texts(normalize_name(_org_text(undotted))) if undotted else None
        )
        for label, part in organisation_name_parts(name):
            part_text = normalize_name(part if label == "+quoted" else _org_text(part))
            part_text = _without_legal_form_texts(part_text)
            if part_text not in texts:
                texts.append(part_text)
                labels.append(label)
    # Any name written letter by letter (S B E R B A N K, a way round a filter that reads words) is read joined too.
    reading("+letters", _spaced_letters_joined(texts[0]))
    generic = generic_org_keys() if kind == NameKind.ORGANIZATION else frozenset()
    seen: set[tuple[str, ...]] = set()
    compounds: set[tuple[str, ...]] = set()
    out: list[NameVariant] = []
    for n, text in enumerate(texts):
        abjad = _is_abjad(text)
        # A person's words as written in their own script, one to one with each rendering's, and their Wikidata
        # name items (`name_symbols`): read once for every rendering of the text.
        written_words = text.split()[:MAX_TOKENS] if kind == NameKind.PERSON and not abjad else []
        written_symbols = [name_symbols(word) for word in written_words]
        for system, latin in latin_renderings(text).items():
            symbols: tuple[tuple[str, ...], ...] = ()
            # Organisation names lose their generic words below, so they may be longer before that.
            raw_words = latin.split()[: MAX_TOKENS if kind != NameKind.ORGANIZATION else 3 * MAX_TOKENS]
            initials: list[str] = []
            positions: list[int] = []
            kinds: frozenset[str] | None = None
            if kind == NameKind.ORGANIZATION:
                raw_words = _without_legal_forms(raw_words)
                stripped = remove_org_types(" ".join(raw_words)).split() or raw_words
                filed = _org_word_parts(stripped)
                kinds = _kinds(filed)
                parts, initials, positions, all_generic = _organisation_parts(filed)
                if all_generic and len(stripped) < len(raw_words):
                    # rigour read the word naming the company as a legal form of somewhere (STG Holdings
                    # Limited): without it only generic words are left, so the word stays.
                    unstripped = _organisation_parts(_org_word_parts(raw_words))
                    if not unstripped[3]:  # its all-generic flag
                        parts, initials, positions, all_generic = unstripped
                if all_generic:
                    # A letter that names the company among generic words (K Technologies, Grupo W, OJSC N
                    # Holding) is a part: without it the name would be its generic words alone.
                    single = [len(word) == 1 and word.isalpha() for word in stripped]
                    # Letters in a row are the debris of a dotted abbreviation (S.A., C.V.), not a name.
                    letters = [
                        word
                        for k, word in enumerate(stripped)
                        if single[k]
                        and not (k > 0 and single[k - 1])
                        and not (k + 1 < len(stripped) and single[k + 1])
                    ]
                    if letters:
                        parts = [*parts, *((w, fold(w) or w, _weight(w), False, ()) for w in letters)]
                        all_generic = False
                if labels[n] == KIND_READING and {part[1] for part in parts} <= _kind_meaning_keys():
                    continue  # a company of no name of its own (KB Investments: commercial bank investments)
                if all_generic and labels[n] in _PART_LABELS:
                    continue  # a part that is only a legal form or generic words names no organisation
                if labels[n] in _PART_LABELS and len(parts) == 1 and is_descriptive_org_key(parts[0][1]):
                    continue  # nor does one dictionary word (Novyi Vek - Media: Media is no name of its own)
            else:
                if kind == NameKind.PERSON:
                    # Only a short word (an Arabic article) reads its neighbour: keeps the cache small.
                    last = len(raw_words) - 1
                    filed_words = [
                        _word_part(
                            word, raw_words[n_word + 1] if len(word) <= 3 and n_word < last else "", kind
                        )
                        for n_word, word in enumerate(raw_words)
                    ]
                    if written_symbols and len(written_symbols) == len(raw_words):
                        symbols = tuple(
                            written_symbols[n_word]
                            for n_word, filed in enumerate(filed_words)
                            if filed is not None and filed[0] is not None
                        )
                else:
                    # A ship's letter written with a stop before a name is an initial (AKADEMIK A. ZORVANOV), not
                    # the letter that numbers it (LADY D): it reads the word after it.
                    dotted = _craft_initials(name) if kind == NameKind.CRAFT and "." in name else ""
                    last = len(raw_words) - 1
                    filed_words = [
                        _word_part(
                            word, raw_words[n_word + 1] if word in dotted and n_word < last else "", kind
                        )
                        for n_word, word in enumerate(raw_words)
                    ]
                parts = [filed[0] for filed in filed_words if filed is not None and filed[0] is not None]
            cut = len(parts) > MAX_TOKENS
            if cut:
                parts = parts[:MAX_TOKENS]
            if abjad:
                parts = [part for part in parts if part[1] not in _ARTICLES]
            # Each word's part in columns (words, keys, weights, generic, second keys).
            words, keys, weights, is_generic, alts = (
                zip(*parts, strict=True) if parts else ((), (), (), (), ())
            )
            if keys and keys not in seen:
                seen.add(keys)
                if abjad:
                    initials, positions = [], []
                elif cut:
                    positions = [p if p < len(keys) else -1 for p in positions]
                out.append(
                    NameVariant(
                        original=name,
                        system=f"{system}{labels[n]}",
                        words=words,
                        keys=keys,
                        weights=weights,
                        joined="".join(keys),
                        written_joined="".join(map(fold, words)) if kind == NameKind.ORGANIZATION else "",
                        initials=tuple(initials),
                        kept=tuple(positions),
                        acronyms=tuple(_acronym_candidates(words, keys))
                        if kind == NameKind.ORGANIZATION
                        else (),
                        skeletons=_skeletons(keys),
                        generic=is_generic,
                        kind=kind,
                        abjad=abjad,
                        alts=alts if any(alts) else (),
                        kinds=kinds,
                        openings=_openings(words) if kind == NameKind.PERSON else "",
                        symbols=symbols if any(symbols) else (),
                    )
                )
                # Most names have no compound word (`compound_meanings` of a key is None for `least` 2 when it is
                # for 1): then neither variant below exists.
                if (
                    kind == NameKind.ORGANIZATION
                    and not abjad
                    and any(compound_meanings(k, 1) or k in implied_meanings() for k in keys)
                ):
                    whole = out[-1]
                    explained = _without_explained_words(whole)
                    if explained is not None and explained.keys not in seen:
                        seen.add(explained.keys)
                        out.append(explained)
                    compound = _compound_variant(whole, generic)
                    if compound is not None and compound.keys not in seen and compound.keys not in compounds:
                        # Kept apart from `seen`: a rendering with the same words as written still counts in
                        # full (the German Erdöl Raffinerie), where a compound's counts only when all agree.
                        compounds.add(compound.keys)
                        out.append(compound)
    return tuple(out)


_WordPart = tuple[str, str, float, bool, tuple[str, ...]]

ANY_KIND_KEYS: Final = frozenset(
    fold(w)
    for w in (
        "company companies co corporation corp group holding holdings enterprise enterprises firm organization "
        "organisation society institution limited liability responsibility joint stock open closed public private "
        "state national republican unitary international general foreign subsidiary venture partnership owned "
        "additional llc ltd inc named after imeni kompaniya kompania kholding holdingi republic respublika respubliki"
    ).split()
)
"""Generic words any organisation may carry whatever it does: no word of kind (`NameVariant.kinds`)."""


def _kinds(
    filed: list[tuple[_WordPart | None, str | None] | None], *, unknown_left_out: bool = False
) -> frozenset[str] | None:
    """The meanings of a name's generic words of kind (see `NameVariant.kinds`), from `_word_part` of each word, by
    meaning, stem and sound (Trading meets Trade, Menedzhment meets Management); None when one is an initialism of
    such words (NTTS, NPO, UK: Scientific and Technical Center is NTTS) or one the meaning table does not know, or
    with `unknown_left_out`, the meanings of the words it knows (`_known_kinds`)."""
    words = [
        (found[0][0], found[0][1])
        for found in filed
        if found is not None
        and found[0] is not None
        and found[0][3]
        and found[1]  # "" for a word an acronym skips (of, the, named after)
        and found[0][1] not in ANY_KIND_KEYS
    ]
    if unknown_left_out:
        words = [(word, key) for word, key in words if key in org_meaning_keys()]
    elif any(key not in org_meaning_keys() for _, key in words):
        # An initialism (no meaning lists one), or a word the meaning table does not know (its translation could be
        # the other's word). Short words it knows are words of kind (Club).
        return None
    return frozenset(k for word, key in words for k in (key, org_stem(key), loanword_key(word)) if k)


def _kinds_differ(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """One name says what kind of organisation and the other does not, or both do and agree in no word."""
    if a is None or b is None or a == b:
        return False
    return not a or not b or a.isdisjoint(b)


def _organisation_parts(
    filed_words: list[tuple[_WordPart | None, str | None] | None],
) -> tuple[list[_WordPart], list[str], list[int], bool]:
    """The parts of an organisation's rendering (`_word_part` of each word), its words' acronym letters and each
    one's position among the parts (-1 for none), and whether every part is generic.

    "Company", "Co", "Ltd", "Trading" say what kind of organisation, not which: they are left out of the parts
    (their letters stay, at position -1) unless the name has nothing else (O'Neill Assets Corporation = O'Neill
    Assets Corp)."""
    parts: list[_WordPart] = []
    distinct: list[_WordPart] = []
    initials: list[str] = []
    positions: list[int] = []
    distinct_positions: list[int] = []
    for filed in filed_words:
        if filed is None:
            continue
        part, initial = filed
        if part is not None:
            parts.append(part)
            if not part[3]:
                distinct.append(part)
            if initial is not None:
                initials.append(initial)
                positions.append(len(parts) - 1)
                distinct_positions.append(-1 if part[3] else len(distinct) - 1)
        elif initial is not None:
            initials.append(initial)
            positions.append(-1)
            distinct_positions.append(-1)
    if distinct:
        return distinct, initials, distinct_positions, False
    return parts, initials, positions, True


def _org_word_parts(words: list[str]) -> list[tuple[_WordPart | None, str | None] | None]:
    """`_word_part` of each word of an organisation name; an assimilated article (`_ORG_ASSIMILATED_ARTICLES`)
    reads the word after it, no other word does (keeps the cache small)."""
    last = len(words) - 1
    return [
        _word_part(
            word,
            words[n + 1] if n < last and word in _ORG_ASSIMILATED_ARTICLES else "",
            NameKind.ORGANIZATION,
        )
        for n, word in enumerate(words)
    ]


_CRAFT_INITIAL: Final = re.compile(r"(?<![^\W\d_])([^\W\d_])\.\s*(?=[^\W\d_]{3})")


def _craft_initials(name: str) -> str:
    """The letters a ship's or an aircraft's name writes with a stop before a word (A. in AKADEMIK A. ZORVANOV),
    lower-cased and run together; a word of one of these letters is an initial (`_word_part`)."""
    return "".join(found.group(1).lower() for found in _CRAFT_INITIAL.finditer(name))


_WRITTEN_ARTICLES: Final = frozenset({"ur", "ud", "us", "uz", "ush", "udh", "uth", "er"})
"""The Arabic article as Urdu, Persian and Indonesian romanisations write it before a name opening with the letter it
assimilates to, its vowel u (Khalil ur Rahman, Zia ud Din, Shams us Salam), and some Arabic ones with e before r (Abd
er Rahman); not ed, es, en, ut, un, which are English and Asian names themselves (Ed Davis, Kim Jong Un). Each keeps
its key, written so in other names of the same person (RAHMAN, Inayat ur / UR-RAHMAN, Enayat), and meets the article
al by a second key."""


def _written_article(word: str, following: str) -> bool:
    """Whether `word` is one of `_WRITTEN_ARTICLES` where `keys.arabic_particle` reads the same consonant after a as
    the article: before a word opening with that consonant and then a vowel or h (ur before Rahman as ar)."""
    lowered = word.lower()
    return lowered in _WRITTEN_ARTICLES and arabic_particle("a" + lowered[1:], following) == "al"


@lru_cache(maxsize=300_000)
def _word_part(word: str, following: str, kind: str) -> tuple[_WordPart | None, str | None] | None:
    """One word of a rendering as `name_variants` files it: (word, key, weight, generic, second keys) or None
    when it is no name part, and for organisations its acronym letters (or None); None for a noise word.
    Cached: the lists repeat given names, surnames and organisation words in name after name."""
    table = default_table()
    number = number_key(word, kind)
    craft_initial = kind == NameKind.CRAFT and len(word) == 1 and len(following) >= 3 and following.isalpha()
    if craft_initial:
        number = None  # an initial before a name (AKADEMIK A. ZORVANOV), not the letter that numbers a ship
    # An article the key keeps as written (Khalil ur Rahman), which meets the article by a second key.
    article_written = kind == NameKind.PERSON and not number and _written_article(word, following)
    if kind == NameKind.PERSON and not number:
        word = arabic_particle(word, following)
    elif kind == NameKind.ORGANIZATION and (
        word in _ORG_ARTICLES or (word in _ORG_ASSIMILATED_ARTICLES and following.startswith(word[1:]))
    ):
        word = "al"
    key = number or fold(word)
    if key in _NOISE_KEYS or (kind == NameKind.PERSON and key in _GENERATION_KEYS):
        return None
    if kind == NameKind.PERSON and not number:
        stem = baltic_stem(word)
        if stem and stem.endswith(_PATRONYMIC_ENDINGS):
            key = stem  # Lithuanian -ovičius, Latvian -ovičs: a patronymic, compared as one
    doubled = (
        len(key) == 1
        and kind == NameKind.ORGANIZATION
        and len(word) > 1
        and (letters := _letters_of(word)).isalpha()
    )
    if doubled:
        # A letter doubled (GG, BB): the initials a company goes by, compared as written, not one letter (whose
        # second key would meet any word opening with it as an initial).
        key = letters.lower()
    part: _WordPart | None = None
    if key and (len(key) > 1 or kind == NameKind.PERSON or craft_initial):  # S.A., C.A. debris is no initial
        generic_word = False
        if kind == NameKind.ORGANIZATION and not number:
            translated = _translate_with_slip(key)
            key = translated if translated != key or "x" not in word else _scholarly_org_word(word) or key
            if len(key) <= 3:
                # A short word by its spelling: folded, Far is For and Af is Of.
                generic_word = latin_ascii(word) in _short_generic_spellings()
            else:
                generic_word = (
                    key in generic_org_keys()
                    or is_generic_org_key(key)
                    or loanword_key(word) in generic_loanword_keys()
                )
        canonical = key if number or kind == NameKind.ORGANIZATION else table.canonical(key)
        weight = _weight(key) * (GENERIC_WORD_WEIGHT if generic_word else 1.0)
        alts = () if number or doubled else _alt_keys(word, key, canonical, kind, table)
        if article_written:
            alts = ("al", *alts)
        part = (word, canonical, weight, generic_word, alts)
    initial: str | None = None
    if kind == NameKind.ORGANIZATION and key:
        skippable = number is not None or fold(word) in _ACRONYM_SKIPPABLE
        initial = "" if skippable else _word_initials(word, key)
    return part, initial


def _without_explained_words(variant: NameVariant) -> NameVariant | None:
    """`variant` without the words that spell out a piece of a compound word of the same name (Belshina Tyre Works,
    Belorusskiy Shinnyi Kombinat Belshina: Bel- is Belarusian and -shina tyre), or None when it has none: they
    repeat what the compound says, so the name without them is the company's short name."""
    if len(variant.keys) < 2:
        return None
    pieces: set[str] = set()
    implied = implied_meanings()
    for key in variant.keys:
        found = compound_meanings(key, 1)
        if found is not None:
            pieces.update(piece for piece in found if piece != key)
        pieces.update(implied.get(key, ()))
    if not pieces:
        return None
    kept = [i for i, key in enumerate(variant.keys) if key not in pieces]
    if len(kept) == len(variant.keys) or not kept:
        return None
    return NameVariant(
        original=variant.original,
        system=f"{variant.system}+explained",
        words=tuple(variant.words[i] for i in kept),
        keys=tuple(variant.keys[i] for i in kept),
        weights=tuple(variant.weights[i] for i in kept),
        joined="".join(variant.keys[i] for i in kept),
        skeletons=_skeletons([variant.keys[i] for i in kept]),
        generic=tuple(variant.generic[i] for i in kept),
        kind=variant.kind,
        alts=tuple(variant.alts[i] for i in kept) if variant.alts else (),
        kinds=variant.kinds,
    )


@cache
def _establishment_keys() -> frozenset[str]:
    """The meanings of the pieces that close a compound naming an establishment (`_compound_variant`)."""
    return frozenset(translate_org_key(fold(word)) for word in ("plant", "service", "trade", "combine"))


def _compound_variant(variant: NameVariant, generic: frozenset[str]) -> NameVariant | None:
    """`variant` with each compound word replaced by the words it was cut from (Belneftekhim -> belarus, oil,
    chemical; `compound_meanings`), generic ones left out; None when it has no compound word. A compound that says
    less than two things besides the country once its generic pieces are left out (Autoservice: auto + service;
    Beltransservis) is read as written: "auto" alone would meet every Minsk automobile plant; unless another word
    names the organisation and the compound closes with an establishment (Zorvex Avtozavod)."""
    if not any(map(compound_meanings, variant.keys)):
        return None  # most names: no compound word
    words: list[str] = []
    keys: list[str] = []
    alts: list[tuple[str, ...]] = []
    found = False
    # Beside a word that names the organisation (Zorvex Avtozavod, Izhevsk Motozavod Aksion), one thing said before
    # a piece naming an establishment (-завод, -сервис, -торг, -комбинат) is enough: the name no longer meets every
    # automobile plant by it. Other pieces are too often a foreign word cut by chance (Haramain: city and main).
    named = any(
        len(key) > 2
        and not (compound_meanings(key) or is_descriptive_org_key(key) or is_place_key(key) or key[0] == "#")
        for key in variant.keys
    )
    said: set[str] = set()
    for n, (word, key) in enumerate(zip(variant.words, variant.keys, strict=True)):
        meanings = compound_meanings(key)
        kept = [m for m in meanings or () if not (m in generic or is_generic_org_key(m))]
        enough = 1 if named and meanings and meanings[-1] in _establishment_keys() else 2
        told = len(set(kept) - _COUNTRY_PIECES)  # things said besides the country
        if meanings is None or told < enough:
            words.append(word)
            keys.append(key)
            alts.append(variant.alts[n] if variant.alts else ())
            continue
        found = True
        words += [word] * len(kept)
        keys += kept
        alts += [() for _ in kept]
        if told < 2:
            # What its generic pieces say is its kind (Avtozavod: a plant, Avtoservis: a service).
            said |= {k for m in meanings or () if m not in kept for k in (m, org_stem(m)) if k}
    if not found:
        return None
    kinds = variant.kinds
    if said and kinds is not None:
        kinds = kinds | said
    return NameVariant(
        original=variant.original,
        system=f"{variant.system}+compound",
        words=tuple(words),
        keys=tuple(keys),
        weights=tuple(_weight(k) for k in keys),
        joined="".join(keys),
        skeletons=_skeletons(keys),
        generic=(False,) * len(keys),
        kind=variant.kind,
        alts=tuple(alts) if any(alts) else (),
        # The words of the name that may be acronyms stay (Brestoblispolkom UVD: UVD stands for the directorate of
        # internal affairs).
        acronyms=variant.acronyms,
        kinds=kinds,
    )


_ACRONYM_SKIPPABLE: Final = frozenset(
    fold(w) for w in "of the and for named after imeni po pa i s z a na v u w de la des du et und der".split()
)
"""Words an acronym may leave out or keep (Komitet Gosudarstvennoi Bezopasnosti: KGB; ...po Borbe s...)."""
ACRONYM_FACTOR: Final = 0.9
"""An acronym standing for the other name's words (BMZ / Belorusskiy Metallurgicheskiy Zavod) is good evidence,
a little less than the words themselves."""
ACRONYM_MIN: Final = 3
"""Two-letter acronyms stand for too many names."""
BARE_ACRONYM_FACTORS: Final = {3: 0.75, 4: 0.85}
"""A name that is nothing but an acronym (SNM) against words whose initials spell it is weaker evidence the shorter
the acronym: 26 letters give about 17,600 three-letter acronyms, and among thousands of listed organisations and
millions of trading names many unrelated three-word names share their initials (Schneider & Nord Maschinenbau / SNM).
A three-letter bare acronym is put to review, never a match on its own; four letters count a little less than
longer ones. Another agreeing word beside the acronym (CEC Belarus) keeps the full factor."""


def acronym_factor(short: NameVariant) -> float:
    """How much an acronym of `short` meeting the other name's words counts (see `BARE_ACRONYM_FACTORS`)."""
    distinctive = [
        word for word, generic in zip(short.words, short.generic or (), strict=False) if not generic
    ]
    if len(distinctive) != 1:
        return ACRONYM_FACTOR
    readings = _acronym_readings(distinctive[0])
    if not readings:
        return ACRONYM_FACTOR
    # Bel- is three letters of the name: BelAZ counts as four letters, not three.
    shortest = min(len(r) + (r[0] == COUNTRY_SYLLABLE) for r in readings)
    return min(ACRONYM_FACTOR, BARE_ACRONYM_FACTORS.get(shortest, ACRONYM_FACTOR))


@cache
def org_meaning_initials() -> dict[str, str]:
    """Key of a meaning -> the letters its forms begin with in every language and rendering (plant: p, w, f, z, g),
    as written (an acronym's letters are not folded: JLT is not ILT)."""
    out: dict[str, set[str]] = {}
    for line in data_lines("org_word_translations.csv"):
        forms = [f.strip() for f in line.split(",") if f.strip()]
        letters = out.setdefault(fold(forms[0]), set())
        for form in forms:
            for latin in latin_renderings(normalize_name(form)).values():
                letters.update(latin_ascii(word)[:1] for word in latin.split()[:1])
    return {target: "".join(sorted(letters - {""})) for target, letters in out.items()}


COUNTRY_SYLLABLE: Final = "B"
"""The letter an acronym's first syllable Bel- stands for (`_acronym_readings`): only a word meaning Belarus(ian)
begins with it."""


HEAD_NOUN_MARK: Final = "^"
"""Marks, among a word's initials, a head noun of a public body (`head_noun_keys`)."""


@cache
def head_noun_keys() -> frozenset[str]:
    """Keys of the nouns that name a public body (committee, commission, directorate, department, ministry, bureau,
    institute): English puts the words that qualify them first (State Security Committee), Russian and Belarusian
    after (Комитет государственной безопасности), so their acronyms begin with the head (KGB)."""
    words = ("committee", "commission", "directorate", "department", "ministry", "bureau", "institute")
    return frozenset(translate_org_key(fold(word)) for word in words)


@lru_cache(maxsize=200_000)
def _word_initials(word: str, key: str) -> str:
    letters = latin_ascii(word)[:1] + org_meaning_initials().get(key, "")
    if key == _BELARUS_KEY:
        letters += COUNTRY_SYLLABLE
    if key in head_noun_keys():
        letters += HEAD_NOUN_MARK
    return "".join(dict.fromkeys(letters))


def _acronym_run(acronym: str, initials: tuple[str, ...]) -> tuple[int, int] | None:
    """The first run of words (start, end) whose initials spell `acronym`, a word like "of" skipped or spelled;
    else a run whose last word is the head noun of a public body, spelled first as Russian and Belarusian put it
    before the words that qualify it (State Security Committee: КГБ, Комитет государственной безопасности)."""
    n = len(initials)

    def match(a: int, w: int, stop: int) -> int | None:
        if a == len(acronym):
            return w
        if w >= stop:
            return None
        letters = initials[w]
        if letters and acronym[a] in letters:
            found = match(a + 1, w + 1, stop)
            if found is not None:
                return found
        if not letters and a > 0:
            return match(a, w + 1, stop)
        return None

    for start in range(n):
        if initials[start] and acronym[0] in initials[start]:
            end = match(0, start, n)
            if end is not None and end - start >= len(acronym):
                return start, end
    for head in range(2, n):
        if HEAD_NOUN_MARK in initials[head] and acronym[0] in initials[head]:
            for start in range(head):
                if initials[start] and acronym[1] in initials[start] and match(1, start, head) == head:
                    return start, head + 1
    return None


def _acronym_candidates(words: Sequence[str], keys: Sequence[str]) -> list[str]:
    return [
        letters
        for word, key in zip(words, keys, strict=True)
        if key[0] != "#"
        for letters in _acronym_readings(word)
    ]


_CYRILLIC_DIGRAPHS: Final = (("shch", "s"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("kh", "h"))
"""A Cyrillic acronym romanised letter by letter writes one letter as two (БЦК -> BTsK, МЧС -> MChS): read back as
the one letter the words begin with (Belarusian Cement Company: b, c, k)."""


_BELARUS_KEY: Final = "belarus"
_COUNTRY_SYLLABLE_PREFIX: Final = "bel"


@lru_cache(maxsize=200_000)
def _acronym_readings(word: str) -> tuple[str, ...]:
    """The word's letters as an acronym (three to six), and again with romanised Cyrillic digraphs as one letter.
    Belarusian state companies' acronyms open with the syllable Bel- for "Belarusian" (БелАЗ: Belarusian Automobile
    Plant; БелОМО: Belarusian Optical and Mechanical Association): Bel- and two to four letters are read again as
    the country's word and those letters."""
    letters = _acronym_letters(word)
    readings = [letters]
    rest = letters[len(_COUNTRY_SYLLABLE_PREFIX) :]
    if letters.startswith(_COUNTRY_SYLLABLE_PREFIX) and 2 <= len(rest) <= 4:
        readings.append(COUNTRY_SYLLABLE + rest)
    folded = letters
    for digraph, letter in _CYRILLIC_DIGRAPHS:
        folded = folded.replace(digraph, letter)
    if folded != letters:
        readings.append(folded)
    return tuple(r for r in dict.fromkeys(readings) if ACRONYM_MIN <= len(r) <= 6)


def acronym_keys(variant: NameVariant) -> set[str]:
    """Retrieval keys on which an acronym meets the words it stands for: each short word as an acronym, and the
    first letters of the first three to five words of the name, and of those after each "of" or "imeni"
    (Belorusskiy Metallurgicheskiy Zavod: bmz; ...management company of Belarusian Metallurgical Company: bmc), and
    of the pieces of each compound word of the name (Vneshtorgbank: vtb; Transaviaexport Airlines: tae;
    `_compound_initials`)."""
    if not variant.initials:
        return set()
    keys = {acronym.lower() for acronym in variant.acronyms} | _initials_keys(variant)
    for key in variant.keys:
        if len(key) >= 7 and (pieces := _compound_initials(key)):
            keys.add("".join(letters[0] for _, letters in pieces))
    return keys


@lru_cache(maxsize=100_000)
def _compound_initials(key: str) -> tuple[tuple[str, str], ...]:
    """Per piece of a compound word cut into three to six pieces (`_compound_cuts`; every piece, the generic ones
    and the country's too), its meaning and the letters an acronym of the compound gives it: the piece's first
    letter as keyed, then its meaning's initials in every language (`org_meaning_initials`). Russian and Belarusian
    make an acronym of such a word from its pieces (Внешторгбанк: Внеш-торг-банк, ВТБ). () for another word."""
    for found in _compound_cuts(key):
        meanings = [meaning for meaning, _ in found]
        if ACRONYM_MIN <= len(found) <= 6 and len(set(meanings)) == len(meanings):
            return tuple((meaning, _word_initials(key[at], meaning.split(" ")[0])) for meaning, at in found)
    return ()


def _compound_acronym_variant(short: NameVariant, full: NameVariant) -> NameVariant | None:
    """`full`, a name with a compound word, written with the word of `short` that is the compound's acronym, one
    letter a piece (`_compound_initials`: Vneshtorgbank / VTB Bank, Внешторгбанк / ВТБ), in its place: with the
    words of `short` that say again what a piece means (the Bank of VTB Bank, the Avia of TAE Avia for the
    aviation piece of Transaviaexport, `_compound_pieces`), then the other words of `full` (Transaviaexport
    Airlines, whose Airlines is then compared as any word is); or None."""
    if not short.acronyms or full.kind != NameKind.ORGANIZATION:
        return None
    for at, compound in enumerate(full.keys):
        if len(compound) < 7:
            continue
        pieces = _compound_initials(compound)
        if pieces:
            found = _acronym_in_place(short, full, at, pieces)
            if found is not None:
                return found
    return None


def _acronym_in_place(
    short: NameVariant, full: NameVariant, at: int, pieces: tuple[tuple[str, str], ...]
) -> NameVariant | None:
    """`_compound_acronym_variant` for the compound word `at` of `full`, cut into `pieces`."""
    for i, word in enumerate(short.words):
        if short.keys[i][0] == "#":
            continue
        for letters in _acronym_readings(word):
            if len(letters) == len(pieces) and all(
                letter.lower() in allowed for letter, (_, allowed) in zip(letters, pieces, strict=True)
            ):
                meanings = {meaning for meaning, _ in pieces}
                piece_meanings = _compound_pieces()
                said = [
                    n
                    for n, key in enumerate(short.keys)
                    if n != i and (key in meanings or piece_meanings.get(key) in meanings)
                ]
                keep = sorted((i, *said))
                others = [n for n in range(len(full.keys)) if n != at]
                keys = (*(short.keys[n] for n in keep), *(full.keys[n] for n in others))
                return NameVariant(
                    original=full.original,
                    system=f"{full.system}{ACRONYM_SYSTEM}",
                    words=(*(short.words[n] for n in keep), *(full.words[n] for n in others)),
                    keys=keys,
                    weights=tuple(_weight(key) for key in keys),
                    joined="".join(keys),
                    kind=full.kind,
                )
    return None


def _initials_keys(variant: NameVariant) -> set[str]:
    """The first letters of the name's words, three to five at a time (the words an acronym may stand for)."""
    out = set()
    letters = variant.initials
    for start in {0} | {k + 1 for k, word in enumerate(letters) if not word}:
        firsts = [word[:1] for word in letters[start : start + 8] if word]
        for length in range(ACRONYM_MIN, 6):
            if len(firsts) >= length:
                out.add("".join(firsts[:length]))
    return out


@lru_cache(maxsize=200_000)
def _acronym_letters(word: str) -> str:
    """The letters of a word read as an acronym, as written (NNK stays nnk, not folded to nk)."""
    return "".join(ch for ch in latin_ascii(word) if ch.isalpha())


ACRONYM_SYSTEM: Final = "+acronym"
"""Ends the system of a rendering whose words were collapsed into the acronym they stand for."""


def acronym_variant(short: NameVariant, full: NameVariant) -> NameVariant | None:
    """`full` with the words each acronym of `short` stands for written as that acronym (Belorusskiy
    Metallurgicheskiy Zavod -> BMZ), or None when no word of `short` is such an acronym."""
    if not full.initials or not short.acronyms:
        return None
    # Each letter of an acronym stands for one word with initials: most names have fewer such words than the
    # shortest acronym of the other has letters (the words of `short` read below are among its `acronyms`).
    if sum(1 for letters in full.initials if letters) < min(map(len, short.acronyms)):
        return None
    firsts = set("".join(full.initials))
    if not any(acronym[0] in firsts for acronym in short.acronyms):
        return None
    # A word both names share is no part of an expansion (OKB TSP Digital / OKB TSP Scientific Production).
    shared = set(short.keys)
    initials = tuple(
        "#" if k >= 0 and full.keys[k] in shared else letters
        for letters, k in zip(full.initials, full.kept, strict=True)
    )
    drop: set[int] = set()
    used: set[int] = set()
    added: list[int] = []
    for i, word in enumerate(short.words):
        if short.keys[i][0] == "#":
            continue
        runs = (_acronym_run(letters, initials) for letters in _acronym_readings(word))
        run = next((r for r in runs if r is not None and not used.intersection(range(*r))), None)
        if run is None:
            continue
        used.update(range(*run))
        drop.update(full.kept[j] for j in range(*run) if full.kept[j] >= 0)
        added.append(i)
    if not added:
        return None
    keep = [j for j in range(len(full.keys)) if j not in drop]
    new = [i for i in added if short.keys[i] not in {full.keys[j] for j in keep}]
    alts = full.alts
    return NameVariant(
        original=full.original,
        system=f"{full.system}{ACRONYM_SYSTEM}",
        words=(*(full.words[j] for j in keep), *(short.words[i] for i in new)),
        keys=(*(full.keys[j] for j in keep), *(short.keys[i] for i in new)),
        weights=(*(full.weights[j] for j in keep), *(_weight(short.keys[i]) for i in new)),
        joined="".join(full.keys[j] for j in keep) + "".join(short.keys[i] for i in new),
        skeletons=(),
        generic=(*(full.generic[j] for j in keep), *(False for _ in new)),
        kind=full.kind,
        alts=(*(alts[j] for j in keep), *(() for _ in new)) if alts else (),
    )


@lru_cache(maxsize=300_000)
def _alt_keys(word: str, key: str, canonical: str, kind: str, table: EquivalenceTable) -> tuple[str, ...]:
    """Second comparison keys of one part (see `NameVariant.alts`), without the main key."""
    found = [key]
    if kind == NameKind.PERSON:
        stripped = strip_baltic(word) or czech_feminine(word)
        for spelling in (word, stripped) if stripped else (word,):
            readings = (
                # First where the tables leave the word as it is: the second key a slip is measured against
                # (Halouchanka read as Галоўчанка meets Golovchenko one vowel apart).
                belarusian_ou_reading(spelling),
                *belarusian_e_readings(spelling),
                kh_reading(spelling),
                french_reading(spelling),
                press_reading(spelling),
                romance_c_reading(spelling),
                romanian_reading(spelling),
                catalan_reading(spelling),
                hungarian_reading(spelling),
                greek_latin_reading(spelling),
                uzbek_reading(spelling),
                uzbek_reading(spelling, "o"),
                azerbaijani_reading(spelling),
                _scholarly_person_reading(spelling, canonical, table),
                umlaut_reading(spelling),
                english_long_vowel_reading(spelling),
            )
            yo = yo_as_e(spelling)
            written_e = (fold(yo), soft_ts_reading(yo)) if yo else ()
            for alt in (fold(spelling), *readings, soft_ts_reading(spelling), *written_e):
                if alt:
                    found += [alt, table.canonical(alt)]
        if len(key) > 3 and key[0] == "u" and key[1] not in "aeiu":
            # Belarusian у for в before a consonant at the start of a word (Урублеўскі / Врублевский, Улас / Влас).
            found.append("v" + key[1:])
        if _ABD_COMPOUND.fullmatch(key):
            # Abdul, Abdel, Abdol: one Abd al- whichever vowel is written (Abdel Wahab / Abdul Wahab).
            found.append(_ABD_WITH_ARTICLE + key[4:])
    if kind == NameKind.ORGANIZATION:
        vowels = _org_vowels_reading(word)
        if vowels:
            found.append(vowels)
        scholarly = scholarly_x_reading(word)
        if scholarly and len(scholarly) >= ORG_VOWELS_MIN:
            found.append(scholarly)  # Belneftexim, Soxra: x read as х
    # English Yevgeny/Evgeny: an initial glide read as e or i; in every reading (French Iermochina, whose ch is sh
    # only in its French reading, meets Yarmoshyna).
    found += ["a" + k[1:] for k in found if len(k) > 3 and k[0] in "ei" and k[1] not in "aeiu"]
    if kind == NameKind.ORGANIZATION and _CC_FRONT.search(word):
        # English cc before e or i is ks (Access, Success, Accent): the key folds it to one c, which the coarse key
        # reads as s (Access as Ases); that key is taken from the ks instead.
        found += [phonetic(k) for k in found if k != key] + [phonetic(fold(_CC_FRONT.sub("ks", word)))]
    else:
        found += [phonetic(k) for k in found]
    if kind == NameKind.PERSON:
        found += _korean_family_marks().get(word, ())
        if word in _SERVANT_OF and len(word) > 2:
            # Abd however written, with the article glued or not (Abd, Abdul, Abdal, Abdel): one word of a
            # compound given name, whose article one list writes and another leaves out (Abd Hadi / Abdul Hadi).
            found.append(_SERVANT_MARK)
    if kind != NameKind.PERSON:
        # An ordinal written as a word (Second, Vtoroi read as second) is the numeral written with its ending (2nd,
        # read as #2: `number_key`), in a ship's name as in an organisation's.
        ordinal = _ordinal_numbers().get(canonical)
        if ordinal:
            found.append(ordinal)
    if kind == NameKind.ORGANIZATION:
        # Organisation words meet by their stem: Grodno / Grodnenskaya, Olympic / Olimpiyskiy (by equality only:
        # Belaruskali is not Belarusian); an English word and its Russian spelling romanised back meet by their
        # sounds (`loanword_key`); the word as written, before translation, is compared by similarity
        # (Metallurgy / Metalogy): kept last.
        written = fold(word)
        found += [org_stem(key), org_stem(canonical), org_stem(written), loanword_key(word), *town_roots(key)]
        out = [k for k in dict.fromkeys(found) if k not in (canonical, written) and len(k) > 1]
        return (*out, written)
    last = phonetic(canonical)  # compared by similarity, not only equality, in `_alt_similarity`: kept last
    out = [k for k in dict.fromkeys(found) if k not in (canonical, last) and len(k) > 1]
    if last != canonical:
        out.append(last)
    return tuple(out)


_CC_FRONT: Final = re.compile(r"cc(?=[eiy])")
_ORG_SILENT_H: Final = re.compile(r"(?<=.{3}[aeiou])h$")
ORG_VOWELS_MIN: Final = 5
"""Letters of an organisation's word read by `_org_vowels_reading`: Bah, Pooh and Tee are words of their own."""


def _scholarly_person_reading(word: str, canonical: str, table: EquivalenceTable) -> str | None:
    """`keys.scholarly_x_reading` of a person's part, save where the x is ks as English writes it in a given name
    (Maxim, Alexander, Alexei: the tables' given names and their short forms, Max, Alex), whose reading with х is
    no name (Makhim); the reading leaves pinyin alone itself."""
    if "x" not in word or table.knows(canonical) or canonical in _given_names_by_key():
        return None
    return scholarly_x_reading(word)


@cache
def _given_names_by_key() -> frozenset[str]:
    """The canonical keys of the given names of the short-form tables, full and short (Maksim, Maks, Ksenia)."""
    rows = [
        row
        for table_name in ("given_name_diminutives.csv", "given_name_diminutives_be.csv")
        for row in data_rows(table_name)
    ]
    found = {key for row in rows for key in _given_name_keys(row["name"])}
    return frozenset(found | set(short_forms()))


def _org_vowels_reading(word: str) -> str | None:
    """The key of an organisation's word with the English long vowels read as the romanisations of Arabic, Persian
    and Korean names write them, oo as u and ee as i (Jamool / Jammoul, Sadeed / Sadid), and a closing h after a vowel
    silent, as the Arabic ta marbuta is written with it or without (Jema'ah / Jemaa, Jamaah / Jamaa); None where the
    word has none of these or fewer than ORG_VOWELS_MIN letters. A second key: equal or not at all."""
    lowered = latin_ascii(word).lower()
    if len(lowered) < ORG_VOWELS_MIN:
        return None
    read = _ORG_SILENT_H.sub("", long_vowels_read(lowered))
    return fold(read) if read != lowered else None


@cache
def _korean_family_marks() -> dict[str, tuple[str, ...]]:
    """A Latin spelling of a Korean family name that the North writes with an initial r and the South without it
    (the South's initial-sound rule, 두음법칙) -> a second key shared by every spelling of that name (Lee, Yi, Rhee
    and Ri for 이; Lim, Im and Rim for 임; Ryu and Yoo: `data/korean_family_names.csv`), marked so that no other key
    equals it. Only those names: the spellings of the others are one letter apart or English words of their own
    (Ho and Huh, Do and To). Spellings of one letter (I, O) are left out: they are initials."""
    marks: dict[str, list[str]] = {}
    for spellings in family_names().values():
        if any(spelling.startswith("r") for spelling in spellings[1:]):
            for spelling in spellings:
                if len(spelling) > 1:
                    marks.setdefault(spelling, []).append(_KOREAN_FAMILY_MARK + spellings[0])
    return {spelling: tuple(found) for spelling, found in marks.items()}


_KOREAN_FAMILY_MARK: Final = "%"
_SERVANT_MARK: Final = "%abd"

TOWN_ROOT_MARK: Final = "@"
"""Marks a second key that is the root of a town's name (`town_roots`): it meets only another such root."""
TOWN_ROOT_MIN: Final = 3
"""A town's root keeps three letters or more (Tul-, Lid-)."""
_TOWN_ADJECTIVE: Final = re.compile(
    rf"^([a-z]{{{TOWN_ROOT_MIN},}}?)s?sk(?:ii|ij|iy|i|y|aya|aia|aja|ai|a|oe|oye|oie|oj|oy|oi|ogo|ovo|aga|ae)?$"
)
_TOWN_NOUN: Final = re.compile(rf"^([a-z]{{{TOWN_ROOT_MIN},}})[aeiouy]$")
_LINKED_TOWN_ENDINGS: Final = "iu"
_TOWN_LINKS: Final = ("av", "in")
"""The keys of the linking -ов-/-ев- and -ин- a town's adjective takes after a name in -и, -ы or -у (folded i, u)."""


@lru_cache(maxsize=200_000)
def town_roots(key: str) -> tuple[str, ...]:
    """The roots a town's name and the adjective made from it share, marked (TOWN_ROOT_MARK): a town's adjective is
    its root with -sk- (Тульский / Tula, Самарский / Samara, Лидский / Lida, Киришский / Kirishi), after a linking
    -en- where the root ends in a consonant pair (Пензенский / Penza, Коломенский / Kolomna, Дубненский / Dubna), -ov-
    or -in- after a name in -и, -ы, -у (Горьковский / Gorki, Сочинский / Sochi, Бакинский / Baku), and with г before
    -sk- as ж (Калужский / Kaluga, Волжский / Volga).
    A word ending in a vowel gives its root without it, one ending in -vl without the l (Yaroslavl / Yaroslavskiy);
    an adjective in -sk- (any case ending) its roots; other words none. Names English writes with the noun (Tula
    Arms Plant) and registries with the adjective (Тульский оружейный завод) then meet. A town of the gazetteer of
    Belarus (`org_place_of`) gives the key of its name instead, and so does its German adjective (Minsker)."""
    noun = _TOWN_NOUN.match(key)
    linked: list[str] = []  # the roots of its adjective after a linking syllable, or with ж for г
    if noun and key[-1] in _LINKED_TOWN_ENDINGS:
        linked = [noun.group(1) + link for link in _TOWN_LINKS]
    elif noun and key[-1] == "a" and key[-2] == "g":
        linked = [key[:-2] + "z"]
    place = org_place_of(key)
    if place is None and key.endswith("er") and len(key) > TOWN_ROOT_MIN + 2:
        place = org_place_of(key[:-2])  # German writes the town's adjective with -er: Minsker, Mozyrer
    if place is not None:
        # A town of the gazetteer: its own key, however folding wrote the form (Брестский: `breski`), and the roots of
        # an adjective the gazetteer does not hold (Horki / Gorkovsky).
        return tuple(TOWN_ROOT_MARK + r for r in (place, *linked))
    adjective = _TOWN_ADJECTIVE.match(key)
    if adjective:
        root = adjective.group(1)
        roots = [root]
        if root.endswith("en") and len(root) - 2 >= TOWN_ROOT_MIN:
            roots += [root[:-2], root[:-2] + "n"]  # Penz-en-sk / Penza; Kolom-e-n-sk / Kolomna
        return tuple(TOWN_ROOT_MARK + r for r in roots)
    if noun:
        return tuple(TOWN_ROOT_MARK + r for r in (noun.group(1), *linked))
    if key.endswith("vl") and len(key) - 1 >= TOWN_ROOT_MIN + 2:
        # The old possessive -ль after в, which the adjective leaves out (Ярославль / Ярославский, Переславль).
        return (TOWN_ROOT_MARK + key[:-1],)
    return ()


_LOANWORD_SOUNDS: Final = (
    ("tion", "Sn"),
    ("sion", "Sn"),
    ("shch", "S"),
    ("sch", "S"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "S"),
    ("sh", "S"),
    ("ck", "k"),
    ("ch", "k"),
    ("kh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "kv"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
)
_LOANWORD_ENDINGS: Final = (
    # English -ical/-ic and Russian -ический, Belarusian -ічны (Mechanical / Mekhanicheskiy / Mekhanichny).
    (
        re.compile(
            r"(?:ical|ics|ic|icheskaya|icheskoye|icheskoe|icheskogo|icheskikh|icheskii|icheskiy|icheskij|icheski|"
            r"ichesky|ichnaya|ichnae|ichnaga|ichnyya|ichnyy|ichnyi|ichny|ika|iki)$"
        ),
        "ik",
    ),
    # English -tion and Russian -ция (Corporation / Korporatsiya, Radiolocation / Radiolokatsii).
    (re.compile(r"(?:tsiya|tsiia|tsija|tsii|tsiyu|tsiei|tsiey|tsyya|tsyi|tsya)$"), "tion"),
)
_SOFT_G: Final = re.compile(r"g(?=[eiy])")
_SOFT_C: Final = re.compile(r"c(?=[eiy])")
_LOANWORD_VOWELS: Final = re.compile(r"[aeiouyh]")
_DOUBLED: Final = re.compile(r"(.)\1+")
LOANWORD_CONSONANTS: Final = 3
"""A loanword key needs three sounds besides vowels: shorter skeletons meet too many other words."""
LOANWORD_LETTERS: Final = 5
"""Nor does a word of four letters or fewer have one: dropping the vowels of an acronym makes another acronym."""


@lru_cache(maxsize=200_000)
def loanword_key(word: str) -> str:
    """The consonant sounds of a word as Russian writes an English word and a romanisation reads it back
    (Solutions / Солюшнс / Solyushns, Interservice / Интерсервис / Interservis, Technologies / Технолоджис /
    Tekhnolodzhis, Drive / Драйв / Draiv, Mechanical / Mekhanicheskiy, Corporation / Korporatsiya): the endings
    -ical and -ический, -tion and -ция are read as one; English spellings of one sound (tion, ck, ph, soft c and g) and the
    romanised Russian ones (kh, zh, dzh, ts) are written alike, vowels dropped (an initial vowel kept as one),
    doubled letters single; "" when fewer than three consonant sounds are left, or for a word of four letters or
    fewer (acronyms: BIPC and BUPC are not BPC). A second key of organisation words, compared by equality only,
    so the sounds must all agree."""
    text = "".join(ch for ch in latin_ascii(word) if ch.isalpha())
    if len(text) < LOANWORD_LETTERS:
        return ""
    for ending, common in _LOANWORD_ENDINGS:
        text = ending.sub(common, text)
    text = _SOFT_C.sub("s", _SOFT_G.sub("j", text))
    for spelling, sound in _LOANWORD_SOUNDS:
        text = text.replace(spelling, sound)
    head = "a" if text[:1] in ("a", "e", "i", "o", "u", "y") else ""
    consonants = _DOUBLED.sub(r"\1", _LOANWORD_VOWELS.sub("", text.replace("c", "k")))
    return f"~{head}{consonants}" if len(consonants) >= LOANWORD_CONSONANTS else ""


_PATRONYMIC_ENDINGS: Final = ("vic", "vna", "icna")
_DOTTED_ACRONYM: Final = re.compile(r"(?<!\w)((?:\w\.){2,}\w)\.?(?!\w)")
"""Three letters or more: two-letter ones are mostly legal forms (S.A., A.C., E.V.), dropped as initials."""
_UNITS: Final = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS: Final = {
    w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(), 0)
}
_TENS["fourty"] = 40
_NUMBER_WORDS: Final = re.compile(
    # Bounded by letters and digits only: an underscore is punctuation in a name (ONE_ reads as ONE).
    r"(?<![^\W_])(?:("
    + "|".join(w for w in _TENS if w != "_")
    + r")(?:[\s_-]+("
    + "|".join(list(_UNITS)[1:10])
    + r"))?"
    r"|(" + "|".join(_UNITS) + r"))(?![^\W_])",
    re.IGNORECASE,
)


_TWO_DOTTED: Final = re.compile(r"(?<![\w.])(\w)\.(\w)\.?(?![\w.])")
"""Two letters written with dots (B.S., I.T.), not within a longer run of dotted letters."""
_UNDOTTED_WORD: Final = re.compile(r"(?<![\w.])\w{2,}(?![\w.])")
"""A word of two letters or more written without dots."""
_BEFORE_FORM: Final = re.compile(r"(?:^|\s)de\s*$", re.IGNORECASE)
"""The Spanish `de` that joins the letters of a legal form (S. de R.L. de C.V.)."""


def _two_letter_acronyms_joined(name: str) -> str | None:
    """`B.S. Company Offshore` -> `BS Company Offshore`, or None when the name has no such pair: two dotted letters
    that are no legal form are a company's initials (written BS as often as B.S.). They are read joined as a
    second rendering only, beside the reading that drops them, as S.A., C.V. or A.G. are dropped."""
    if "." not in name or not _UNDOTTED_WORD.search(name):
        return None  # no dots, or nothing but dotted letters (S.A.S. E.U.: legal forms, no name)
    joined = _TWO_DOTTED.sub(
        lambda m: m.group(1) + m.group(2) if _initials_not_a_form(name, m) else m.group(0), name
    )
    return joined if joined != name else None


def _initials_not_a_form(name: str, found: re.Match[str]) -> bool:
    """Whether two dotted letters `found` in `name` (`_TWO_DOTTED`) are a company's initials: no legal form by
    rigour's table or the bundled one, and not after the Spanish de of S. de R.L. de C.V."""
    return not (_BEFORE_FORM.search(name[: found.start()]) or _letters_form(found.group(1) + found.group(2)))


@lru_cache(maxsize=2_000)
def _letters_form(letters: str) -> bool:
    """Whether two letters, dotted or not, are a legal form by rigour's table or the bundled one (S.A., AG, AB)."""
    for written in (f"x {letters[0]}.{letters[1]}.", f"x {letters}"):
        if remove_org_types(written).strip() != written:
            return True
    lower = letters.lower()
    forms = legal_form_keys()
    return (
        lower in _one_word_forms()
        or any(len(seq) == 1 for seq in forms.get(fold(lower), ()))
        or (fold(lower[0]), fold(lower[1])) in forms.get(fold(lower[0]), ())
    )


def _undot_acronyms(text: str) -> str:
    """`L.X.C Aviation`, `M.Z.K.T.` -> `LXC Aviation`, `MZKT`: a dotted acronym of three letters or more is one
    word."""
    return _DOTTED_ACRONYM.sub(lambda m: m.group(1).replace(".", ""), text)


_GLUED_INITIAL: Final = re.compile(r"(?<!\w)(\w)\.(?=\w)")
_SPACED_LETTERS: Final = re.compile(r"(?<!\S)\w(?: \w(?!\S)){3,}")
_FOUR_LETTERS_APART: Final = re.compile(r"(?:^| )\w \w \w \w(?: |$)")
"""Four letters or more written apart: fewer are initials (J R R Tolkien, A B C Holdings)."""


def _spaced_letters_joined(text: str) -> str | None:
    """`s b e r b a n k` -> `sberbank`; None when no word is written letter by letter."""
    if not _FOUR_LETTERS_APART.search(text):
        return None  # most names: the one look that is cheaper than the reading
    joined = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    return joined if joined != text else None


def _spaced_initials(text: str) -> str:
    """`В.I.КАЗЛОВА` -> `В. I. КАЗЛОВА`: initials written against the surname (named after V.I. Kozlov) are words
    of their own (after `_undot_acronyms` has joined the dotted acronyms)."""
    return _GLUED_INITIAL.sub(r"\1. ", text)


_ANY_NUMBER_WORD: Final = re.compile(
    "|".join(sorted([*_UNITS, *(w for w in _TENS if w != "_")], key=len, reverse=True))
)
"""Anywhere in a lower-case ASCII text: without one, `_NUMBER_WORDS` (case-insensitive, at each letter) finds none."""


def _number_words(text: str) -> str:
    """`Brigade Forty-four` -> `Brigade 44`: numbers written out in English compare as numbers."""
    if text.isascii() and _ANY_NUMBER_WORD.search(text.lower()) is None:
        return text

    def value(match: re.Match[str]) -> str:
        if match.group(3):
            return str(_UNITS[match.group(3).lower()])
        return str(_TENS[match.group(1).lower()] + (_UNITS[match.group(2).lower()] if match.group(2) else 0))

    return _NUMBER_WORDS.sub(value, text)


_NOISE_KEYS: Final = frozenset(
    fold(w) for w in ("aka", "a.k.a", "fka", "nka", "alias", "deceased", "nee", "née")
)
"""Words lists and spreadsheets put inside name cells that are not part of any name."""
_GENERATION_KEYS: Final = frozenset(fold(w) for w in ("jr", "jnr", "sr", "snr"))
"""A person's generational suffix (IVANOV JR., Sergey): father and son share the name, and a list may name either
without it, so it is left out of the comparison as a title is; the birth date tells them apart. Junior and Senior
written out are also surnames and given names (Nassau Senior): kept."""
_ARTICLES: Final = frozenset({"al", "el", "ul", "l"})
_PARTICLES: Final = _ARTICLES | {"bin"}
"""The article and "son of" in an Arabic name: they identify no one (`_substantive`). Abd and Abu stay names
(OFAC lists one person as BARI, Abdul Baqi and BARI, Abdul)."""
_NASAB_WORDS: Final = frozenset(("bin", "bint", "uld"))
"""Son of (bin, ben, ibn), daughter of (bint) and the Mauritanian ould, as keyed: the words of an Arabic name's chain
of fathers that are no name."""
_SERVANT_OF: Final = frozenset(("abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "bd"))
"""Abd (servant of) as lists write it before the name it joins (Abdul Rahman, Abdel Aziz, Abd al-Karim), keyed as a
romanisation and as the Arabic script's عبد (`bd`)."""
SERVANT_OF_WEIGHT: Final = 0.25
"""...and what it counts towards identifying someone: a quarter of a name, as the name it joins counts already (an
Abd written alone, Bari Abdul, still counts for something)."""
_ABJAD_ARTICLE: Final = re.compile(r"^(al|el|ul)(?=[^aeiu]{1,2}[a-z])")


_ABJAD_LETTER: Final = re.compile("[\u0590-\u06ff\u0750-\u077f]")


@lru_cache(maxsize=100_000)
def _is_abjad(text: str) -> bool:
    """Cached: every rendering of one name asks about the same text."""
    return _ABJAD_LETTER.search(text) is not None


def _skeletons(keys: Sequence[str]) -> tuple[str, ...]:
    """Consonant skeletons without the Arabic article (al-Tikriti, التكريتي -> tkrt), for abjad comparison."""
    return tuple(_bare_skeleton(key) for key in keys if key not in _ARTICLES)


@lru_cache(maxsize=300_000)
def _bare_skeleton(key: str) -> str:
    return skeleton(_ABJAD_ARTICLE.sub("", key)) or key


_ABJAD_CONSONANT: Final = re.compile(r"[^aeiu]")
_ABJAD_VOWEL_READINGS: Final = {"i": frozenset("ie"), "a": frozenset("ae"), "u": frozenset("ua")}
"""The vowels an abjad script writes (ي as `i`, ا as `a` in its keys, و read as a vowel `u`) and the vowels a
romanisation may write for each, as keys (o is folded to a): Hussein / Husayn / حسين, Suleiman / Sleman / سليمان,
Dost / دوست; the vowels it leaves unwritten may be anything."""
_ABJAD_LAST_VOWEL_READINGS: Final = {"i": frozenset("iea"), "a": frozenset("ae"), "u": frozenset("ua")}
"""At the end of a word the `i` may be alif maqsura, read a (Mustafa / مصطفى)."""


@lru_cache(maxsize=100_000)
def _written_vowels_clash(abjad_key: str, latin_key: str, final: bool = True) -> bool:
    """Whether a name written in an abjad script and a romanisation with the same consonant skeleton disagree in a
    vowel the script writes between its consonants: Libya (ليبيا) is not Lobaye, Amir (أمير) is not Omar, while
    Mustafa, Hussein and Husayn keep meeting theirs. The vowel before the first consonant is not compared (alif
    carries any vowel there, as it does in an article inside a name: Abdulhai / عبدالحی, Khairullah / خيرالله), nor
    a vowel the romanisation leaves out."""
    bare = _ABJAD_ARTICLE.sub("", abjad_key)
    written = _ABJAD_CONSONANT.split(bare)
    spoken = _ABJAD_CONSONANT.split(_ABJAD_ARTICLE.sub("", latin_key))
    if len(written) != len(spoken):
        return False
    consonants = _ABJAD_CONSONANT.findall(bare)
    last = len(written) - 1
    if final and last > 1 and not written[last] and spoken[last][-1:] in ("i", "u"):
        # A long vowel after the last consonant, which the script writes (Ahmadi / أحمدي, not أحمد); not after a
        # final ayn or hamza the key leaves out, before which the vowel is spoken (Tali' / طالع).
        return True
    for at in range(1, len(written)):
        if not spoken[at] or (at < last and consonants[at] == "l" and written[at] == "a"):
            continue
        readings = _ABJAD_LAST_VOWEL_READINGS if at == last else _ABJAD_VOWEL_READINGS
        for letter in written[at]:
            allowed = readings.get(letter)
            if allowed is not None and allowed.isdisjoint(spoken[at]):
                return True
    return False


_ABJAD_MEET: Final = frozenset(
    frozenset(pair)
    for pair in (
        ("tg", "t"),
        ("tg", "s"),
        ("tg", "z"),
        ("tg", "dg"),
        ("dg", "d"),
        ("dg", "z"),
        ("k", "g"),
    )
)
"""Consonants of a folded key that romanisations of one Arabic or Persian letter write either way (as in
`keys.consonant_frame`): ث th, s or t (Tharwat, Saqib / ثاقب); ذ, ظ and ض dh, th, z or d (Zakir / ذاکر, Dahir /
ظاهر, Kathim / كاظم, Romdhane / رمضان, Persian Reza / رضا; the key writes ض and ظ dh); ق k, q or the g of Egypt and
the Maghreb (Gasmi / قاسمي). Folded, th is `tg` and dh `dg`; د and ز meet only d and z (Ghamdi is not Hamzi)."""
ABJAD_VARIANT_SIMILARITY: Final = 0.95
"""Two skeletons meeting only through `_ABJAD_MEET`: a variant romanisation, not the same spelling."""
_ABJAD_DIGRAPHS: Final = frozenset({"tg", "dg"})
_ABD_COMPOUND: Final = re.compile(r"abd[aeiu][lrsntdz]")
"""Abdul, Abdel, Abdur, Abdus ...: Abd (servant of) with the article of the name it is joined to (Abdul Latif /
عبد اللطيف, Abdur Rehman / عبد الرحمن)."""
_ABD_WITH_ARTICLE: Final = "abda"
"""The second key that Abd and the article's vowel open, whichever vowel a romanisation writes."""


def _abjad_skeletons_meet(written: str, heard: str) -> bool:
    """Whether two skeletons agree letter for letter, the letters of `_ABJAD_MEET` meeting either (th and dh read as
    one letter or as two: folded, Dahir's d and h are `dg` as Romdhane's dh is)."""
    if abs(len(written) - len(heard)) > 2:
        return False
    if _meet_from(written, heard, 0, 0):
        return True
    # The script's ه after ذ or ث folds into the digraph's h (الذهب: `dgb`), where a romanisation writes both (Thahab:
    # `tggb`): read with the two h as one as well.
    return "gg" in heard and _meet_from(written, heard.replace("gg", "g"), 0, 0)


def _meet_from(written: str, heard: str, i: int, j: int) -> bool:
    if i == len(written) or j == len(heard):
        return i == len(written) and j == len(heard)
    for size_a in (1, 2):
        x = written[i : i + size_a]
        if len(x) < size_a or (size_a == 2 and x not in _ABJAD_DIGRAPHS):
            continue
        for size_b in (1, 2):
            y = heard[j : j + size_b]
            if len(y) < size_b or (size_b == 2 and y not in _ABJAD_DIGRAPHS):
                continue
            if (x == y or frozenset((x, y)) in _ABJAD_MEET) and _meet_from(
                written, heard, i + size_a, j + size_b
            ):
                return True
    return False


def _waw_as_vowel(bare: str) -> str:
    """A bare abjad key with its waw (`v`) after the first letter read as the long vowel it mostly writes inside a
    word (يوسف `ivsf` as `iusf`, Yusuf; at the start it is the consonant: Walid)."""
    return bare[:1] + bare[1:].replace("v", "u")


_WAW_BEFORE_CONSONANT: Final = re.compile(r"(?<=.)v(?=[^aiuv])")


def _waw_before_consonant_as_vowel(bare: str) -> str:
    """A bare abjad key with only the waws that stand before a consonant read as the vowel: a waw before a vowel
    letter or at the end is mostly the consonant (موسوی `mvsvi`, Mousavi, as `musvi`; جواد, Jawad)."""
    return _WAW_BEFORE_CONSONANT.sub("u", bare)


@lru_cache(maxsize=50_000)
def abjad_skeleton_readings(skeletons: tuple[str, ...]) -> tuple[str, ...]:
    """Further skeletons a name written in an abjad script is found by (retrieval; `_mixed_script_similarity`
    compares): each skeleton with its waw read as a vowel after the first letter (يوسف `vsf` as Yusuf's `sf`), and
    with its letters written two ways (`_ABJAD_MEET`) written each other way (ظاهر `dggr` as Dahir's `dgr` and as
    Zahir's `zgr`)."""
    found: dict[str, None] = {}
    for sk in skeletons:
        forms = [sk]
        if "v" in sk[1:]:
            forms.append(skeleton(_waw_as_vowel(sk)))
            if "v" in sk[1:-1] and sk[-1] == "v":
                forms.append(sk[:1] + sk[1:-1].replace("v", "") + "v")  # the last waw a consonant (Mousavi)
        for form in list(forms):
            for digraph, letters in (("dg", ("d", "z")), ("tg", ("t", "s"))):
                if digraph in form:
                    forms.extend(form.replace(digraph, letter) for letter in letters)
        found.update(dict.fromkeys(form for form in forms[1:] if len(form) >= 2 and form not in skeletons))
    return tuple(found)


_FRENCH_C: Final = re.compile(r"(?<=[a-z])c(?=[aou])")
_OU_CONSONANT: Final = re.compile(r"ou[^aeiouy]")


@lru_cache(maxsize=200_000)
def _latin_readings(latin_key: str, latin_word: str) -> tuple[str, ...]:
    """The keys a romanised part may have as the romanisation of an Arabic or Persian name: its own; the French
    spellings read as English ones (dj for ج, ch for ش, c for س before e and i: Djamel, Akkacha, Lounici; c before
    a, o and u a ç that lost its cedilla: Faycal; ou opening a word before a consonant the و of Ould); the German
    ones (ch for خ, sch for ش: Barich, Chalid, Scheich); kh as two letters side by side (Lakhal); Abd with an
    article as Abd (`_ABD_COMPOUND`); j between vowels as the ژ of Persian (`_J_BETWEEN_VOWELS`); each also without
    a final h after a vowel (Fatimah, Haniyeh; folded, that h is `g`). zh and sh as two letters are
    `_split_readings`."""
    keys = [latin_key]
    written = latin_ascii(latin_word)
    french = written.replace("dj", "j").replace("ch", "sh").replace("ci", "si").replace("ce", "se")
    if french != written:
        keys.append(fold(french))
    if "kh" in written:
        keys.append(fold(written.replace("kh", "kg")))  # ك and ح side by side (Lakhal / لكحل)
    if "ch" in written:
        # German: ch for خ (Barich / بريخ), sch for ش.
        keys.append(fold(written.replace("sch", "sh").replace("ch", "kh")))
    if _FRENCH_C.search(written):
        keys.append(fold(_FRENCH_C.sub("s", written)))  # ç written without its cedilla (Faycal / فيصل)
    if _OU_CONSONANT.match(written):
        keys.append(fold("w" + written[2:]))  # ou before a consonant opening a word is و (Ould / ولد)
    if _U_BEFORE_ARTICLE.search(written):
        # ء or a vowel, then the article: Ataullah / عطاء الله, Ziauddin / ضياء الدين.
        keys.append(fold(_U_BEFORE_ARTICLE.sub(_article_written, written)))
    if _ABD_COMPOUND.fullmatch(latin_key):
        keys.append("abd")
    if _J_BETWEEN_VOWELS.search(written):
        keys.append(fold(_J_BETWEEN_VOWELS.sub("zh", written)))  # ژ written j (Nejad / نژاد)
    readings: list[str] = []
    for key in keys:
        readings.append(key)
        if len(key) > 3 and key[-1] == "g" and key[-2] in "aeiu":
            readings.append(key[:-1])
    return tuple(dict.fromkeys(readings))


_J_BETWEEN_VOWELS: Final = re.compile(r"(?<=[aeiou])j(?=[aeiou])")
"""A j between vowels that a romanisation of Persian writes for ژ (zh) as French does (Ahmadinejad, Nejad; the key
would drop it as the glide й): also read as zh."""

_U_BEFORE_ARTICLE: Final = re.compile(r"(?<=[aeio])u(ll|dd|rr|ss|tt|zz|nn|shsh)")
"""The u a romanisation writes for the article's vowel after a name ending in a vowel or a hamza, before the
article's l or the sun letter it became (Ataullah, Sanaullah: عطاء الله, ثناء الله; Ziauddin, Ataurrahman: ضياء
الدين, عطاء الرحمن): the script writes no letter for the vowel and writes the article's l, and the key would read the
u as the consonant v (Belarusian ў after a vowel)."""


def _article_written(match: re.Match[str]) -> str:
    doubled = match.group(1)
    return "ll" if doubled == "ll" else "l" + doubled[: len(doubled) // 2]


@lru_cache(maxsize=200_000)
def _split_readings(latin_word: str) -> tuple[str, ...]:
    """The keys of a romanised part whose zh or sh is two letters side by side, ز or س and then ح or ه (Azhar /
    أزهر, Eshaq / اسحاق), not the ж or ش the key folds them to. Compared letter for letter only: the h folds to
    the g that other letters fold to too, so Azhar must not meet ذاکر (Dhakir) through letters written two ways."""
    written = latin_ascii(latin_word)
    return tuple(
        fold(written.replace(digraph, apart))
        for digraph, apart in (("zh", "zg"), ("sh", "sg"))
        if digraph in written
    )


_UNKEYED_ENDINGS: Final = frozenset("عءأإئؤ")
"""Last letters of an abjad word that its key leaves out (ayn, hamza): the vowel a romanisation writes at the end
is spoken before them (طالع Tali', بديع Badi')."""


@lru_cache(maxsize=200_000)
def _mixed_script_similarity(abjad_key: str, latin_key: str, latin_word: str, last: str = "") -> float:
    """Similarity of a part written in an abjad script and a romanised one (`latin_key`, folded from
    `latin_word`), by consonant skeletons: the same skeleton with no written vowel in conflict
    (`_written_vowels_clash`) agrees; so does the skeleton with its waw read as the long vowel it mostly writes
    inside a word (Yusuf / يوسف, Mahmoud / محمود, Nouri / نوري; at the start it is the consonant: Walid); each of
    the part's `_latin_readings` is tried; skeletons meeting through letters written two ways (`_ABJAD_MEET`)
    count ABJAD_VARIANT_SIMILARITY; else the skeletons' edit similarity. A word whose `last` letter is ة is also
    read with its t, as a name in the construct state is spoken and romanised (عصبة الأنصار: Asbat al-Ansar; جبهة
    النصرة: Jabhat al-Nusra)."""
    written, spoken = _bare_skeleton(abjad_key), _bare_skeleton(latin_key)
    bare = _ABJAD_ARTICLE.sub("", abjad_key)
    construct, final = last == "ة", last not in _UNKEYED_ENDINGS
    vowel_waw = _waw_as_vowel(bare)
    forms = [(bare, written)]
    if construct and bare.endswith("a"):
        forms.append((bare + "t", skeleton(bare + "t")))
    if vowel_waw != bare:
        forms.append((vowel_waw, skeleton(vowel_waw)))
        some_waw = _waw_before_consonant_as_vowel(bare)
        if some_waw not in (bare, vowel_waw):
            forms.append((some_waw, skeleton(some_waw)))
    if abjad_key.startswith("al") and len(abjad_key) > 4:
        # The article before a vowel, which the bare form keeps (العامر, al-Amar: `alamr`), and before l, folded
        # into one l (اللطيف, al-Latif: `altif`, whose bare form lost the name's l).
        for form in (abjad_key[2:], abjad_key[1:]):
            forms.append((form, skeleton(form)))
            if "v" in form[1:]:
                vowel_form = _waw_as_vowel(form)  # اللوبيري, al-Loubiri: `lubiri`
                forms.append((vowel_form, skeleton(vowel_form)))
    # A final h (ه, and the letters that fold alike) that a romanisation writes as the vowel before it or leaves
    # out (زينيه Zeiniye, عبدالله Abdulla, زاده Zada): compared only with a romanisation ending in a vowel.
    unvoiced = [(form[:-1], skeleton(form[:-1])) for form, _ in forms if len(form) > 3 and form[-1] == "g"]
    variant = 0.0
    for reading in _latin_readings(latin_key, latin_word):
        heard = _bare_skeleton(reading)
        # A romanised word opening with al or el that is no article (Elmi / علمی, Alfi) keeps its first letters too.
        whole = skeleton(reading) if reading[:1] in ("a", "e") else heard
        for form, consonants in forms + unvoiced if reading[-1:] in ("a", "e", "i", "u") else forms:
            if consonants == heard or consonants == whole:
                if not _written_vowels_clash(form, reading, final):
                    return 1.0
            elif not variant and _abjad_skeletons_meet(consonants, heard):
                if not _written_vowels_clash(form, reading, final):
                    variant = ABJAD_VARIANT_SIMILARITY
    if variant:
        return variant
    for reading in _split_readings(latin_word):
        heard = _bare_skeleton(reading)
        for form, consonants in forms:
            if consonants == heard and not _written_vowels_clash(form, reading, final):
                return 1.0
    if (len(written) == 1 or len(spoken) == 1) and len(latin_key) > 1:
        return 0.0  # a one-consonant skeleton is a short word (Essa, علي), not an initial
    if written == spoken:
        return 0.0  # the same consonants, a written vowel in conflict
    return _part_similarity(written, spoken)


def _unarticled(variant: NameVariant) -> tuple[tuple[str, str], ...]:
    """The (key, word) of each part an abjad comparison reads (those of `_skeletons`, in its order)."""
    return tuple(
        (key, word) for key, word in zip(variant.keys, variant.words, strict=False) if key not in _ARTICLES
    )


SHORT_PART_KEY: Final = 2
"""A person's name part whose key has at most this many letters (Yan, Jon and An all fold to `an`; Gao and Ho to
`ga`) meets another of the same key only when the two are also written within one letter of each other, as an
organisation's short word does (`SHORT_WORD_KEY`): GAO, Yan is not JON, Il Ho, where Yan / Jan / Ян still meet."""
SHORT_WORD_KEY: Final = 3
"""An organisation word whose key has at most this many letters (an acronym, mostly) meets another of the same key
only when the two are also written within one letter of each other: folding short words leaves too little to tell
them apart (IAG and AAH both fold to `ag`; Cyrillic ААХ written AAKh still meets AAH)."""


@lru_cache(maxsize=100_000)
def _short_words_apart(word_a: str, word_b: str, key: str) -> bool:
    """Two words written as `key` (not translated to it: Моладзевы and Молодёжное both mean youth) more than one
    letter apart; the marks between letters are none (BGN's ʹ and ʺ for the soft and hard signs, apostrophes)."""
    return fold(word_a) == key == fold(word_b) and (
        OSA.distance(_letters_of(word_a), _letters_of(word_b), score_cutoff=2) > 1
    )


@lru_cache(maxsize=200_000)
def _letters_of(word: str) -> str:
    """The ASCII letters and digits of a word as `latin_ascii` writes it."""
    return "".join(ch for ch in latin_ascii(word) if ch.isalnum())


def _short_key_most(kind: str) -> int:
    """The longest key of a name of `kind` whose words must also be written alike to meet (`_short_words_apart`):
    an organisation's short word (`SHORT_WORD_KEY`), a person's short part (`SHORT_PART_KEY`); 0 for other names."""
    return (
        SHORT_WORD_KEY if kind == NameKind.ORGANIZATION else SHORT_PART_KEY if kind == NameKind.PERSON else 0
    )


def _short_keys_written_apart(query: NameVariant, listed: NameVariant) -> bool:
    """Two organisation or person renderings of the same keys with a short word written apart (`SHORT_WORD_KEY`,
    `SHORT_PART_KEY`)."""
    most = _short_key_most(query.kind)
    return bool(most) and any(
        len(key) <= most and _short_words_apart(a, b, key)
        for key, a, b in zip(query.keys, query.words, listed.words, strict=False)
    )


_ROMAN: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_UP_TO_39: Final = re.compile(r"^x{0,3}(ix|iv|v?i{0,3})$")
_ORDINAL: Final = re.compile(r"^([0-9]+)(?:st|nd|rd|th|ый|ий|ой|я|й|го)$")
_PERSON_ROMAN: Final = re.compile(r"^(ii|iii|iv)$")  # John Smith III; Xi and Li are surnames, not numerals


@lru_cache(maxsize=300_000)
def number_key(word: str, kind: str) -> str | None:
    """`#3` for `3`, `03` or `III`: numbers tell vessels and companies apart (SPARTA II / SPARTA III).

    In person names a single letter is an initial, not a numeral (V. Lukashenko).
    """
    word = word.casefold()
    # isdecimal, not isdigit: "⓵" and "²" are digits that int() refuses.
    if word.isdecimal():
        return f"#{int(word)}"
    ordinal = _ORDINAL.match(word)
    if ordinal and kind != NameKind.PERSON:
        return f"#{int(ordinal.group(1))}"  # 140th Repair Plant, 2nd Brigade
    if word == "i" and kind == NameKind.ORGANIZATION:
        return None  # "and" in Belarusian, Russian and Polish names (па нафце і хіміі), not the numeral one
    roman = _PERSON_ROMAN.match(word) if kind == NameKind.PERSON else _ROMAN_UP_TO_39.match(word)
    if word and roman:
        values = [_ROMAN[ch] for ch in word]
        total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
        return f"#{total}"
    if kind == NameKind.CRAFT and len(word) == 1 and word.isalpha():
        # A ship's or an aircraft's letter numbers it as a numeral does (LADY D / LADY R, two ships).
        return f"#{latin_ascii(word) or word}"
    return None


FOLDED_INITIAL_FACTOR: Final = 0.95
"""An initial that meets a word's first letter only once both are folded (A. and Yauhen, `avgen`) counts this much of
one that meets the letter as written, so that E. A. pairs E. with Yauhen and A. with Andreevich."""


@lru_cache(maxsize=100_000)
def _initial_similarity(a: str, b: str, patronymic: bool = False) -> float:
    """An initial meets a word with its first letter as written, before equivalence (R. = Ryhoravich, whose
    canonical Russian stem starts with G), or with the first letter of the same name in another language of the
    equivalence tables (G. = Ryhoravich = Grigorievich, V. = Uladzimir = Vladimir: Russian-language papers write
    Belarusian officials as Макей В.В.); a `patronymic` less (a lone initial stands for a given name first: A.
    Lukashenka is Aliaksandr Lukashenka before Viktar Aliaksandravich Lukashenka)."""
    fa, fb = fold(a), fold(b)
    if not (fa and fb):
        return 0.0
    similarity = INITIAL_PATRONYMIC_SIMILARITY if patronymic else INITIAL_SIMILARITY
    initial, word = (a, b) if len(fa) == 1 else (b, a)
    letter, written = latin_ascii(initial)[:1].lower(), latin_ascii(word)[:1].lower()
    if letter == written or letter in default_table().first_letters(fold(word)):
        return similarity
    # Equal only once folded (A. and Yauhen, folded `avgen`): a reading of the glide, less than the letter written.
    # The key folds a soft Ц as the Т Russian writes (Tsimafei, Cimafiej: timafei), which C. stands for too.
    folded_initial, folded_word = (fa, fb) if len(fa) == 1 else (fb, fa)
    if fa[0] == fb[0] or (folded_initial == "c" and folded_word[:2] == "ti"):
        return similarity * FOLDED_INITIAL_FACTOR
    return 0.0


def _part_similarity(a: str, b: str) -> float:
    """Similarity of two folded name parts. Not cached: most pairs of parts meet once and leave by the cheap tests
    below sooner than a look-up in a cache of a million pairs would answer."""
    if a == b:
        return 1.0
    first_a, first_b, len_a, len_b = a[0], b[0], len(a), len(b)
    if first_a == "#" or first_b == "#":
        return 0.0  # numbers agree exactly or not at all
    if len_a == 1 or len_b == 1:
        return INITIAL_SIMILARITY if first_a == first_b else 0.0
    # Every other way to 0.0 below, cheapest first (most pairs of parts are different names).
    longest = len_a if len_a > len_b else len_b
    if longest <= 4:
        return 0.0  # no edit allowed, and the parts differ
    shortest = len_a if len_a < len_b else len_b
    allowed = 1 if longest <= 6 or shortest <= 5 or first_a != first_b else 2 if longest <= 12 else 3
    if abs(len_a - len_b) > allowed:
        return 0.0  # the distance is at least the difference in length
    a_patronymic = a.endswith(_PATRONYMIC_ENDINGS)
    if a_patronymic != b.endswith(_PATRONYMIC_ENDINGS):
        # A given name is not a patronymic (Aleksandr is not Aleksandrovich), but a patronymic with a slip in its
        # ending no longer ends like one (Sergeevith, Ivanovihc, Mikalaevch): one edit still meets.
        allowed = 1
    elif a_patronymic and _son_and_daughter(a, b):
        return 0.0  # a son's patronymic is not a daughter's: Aliaksandravich is not Aliaksandrauna
    distance = OSA.distance(a, b, score_cutoff=allowed)  # two letters swapped are one slip
    if distance > 1 and len_a != len_b and (_suffix_apart(a, b) if len_a < len_b else _suffix_apart(b, a)):
        return 0.0  # a name with a suffix more is another name, not a slip: Bogdan / Bogdanov, Melnik / Melnichuk
    return 1.0 - distance / longest if distance <= allowed else 0.0


def _son_and_daughter(a: str, b: str) -> bool:
    """Whether two keys are patronymics, one a son's and the other a daughter's (Aliaksandravich / Aliaksandrauna)."""
    return (
        a.endswith(_PATRONYMIC_ENDINGS)
        and b.endswith(_PATRONYMIC_ENDINGS)
        and a.endswith("vic") != b.endswith("vic")
    )


def _person_part_similarity(a: str, b: str) -> float:
    """`_part_similarity` of two person name parts, where one letter more at the end that makes another Slavic
    name is no slip (`_ending_apart`), and two spellings of one name compounded with Allah meet
    (`_one_allah_compound`)."""
    sim = _part_similarity(a, b)
    if (
        a[-1] in "ag"
        and b[-1] in "ag"
        and sim < ALLAH_FORM_SIMILARITY
        and (a[-3:] == "lag" or b[-3:] == "lag")
        and _one_allah_compound(a, b)
    ):
        return ALLAH_FORM_SIMILARITY
    return 0.0 if 0.0 < sim < 1.0 and _ending_apart(a, b) else sim


GLUED_ARTICLE_MIN: Final = 6
"""Letters of a key that is the Arabic article glued to a name (`algaitam`, Alhaitham) for it to be read as that name
(`_article_glued`): the name after the article has four letters at least (Alhaitham, Alhassan)."""


GLUED_SURNAME_SIMILARITY: Final = 0.8
"""...and how close the name after it must be to the other key: one letter in five (Kaddafi / Gaddafi)."""
GLUED_SURNAME_MIN: Final = 5
"""Letters of a key after an article glued to it (Aldabbas, Elkaddafi) for the key to be read as that name where
neither name writes an Arabic particle (`_surname_article_glued`): Alvaro is no Varo, Alberto no Berto."""


def _surname_article_glued(a: str, b: str) -> float:
    """The similarity of two keys one of which is the Arabic article (al, or el as the Maghreb writes it) glued to a
    name of GLUED_SURNAME_MIN letters or more and the other that name, exact or as two spellings of one name meet
    (Aldabbas / Dabbas, Elkaddafi / Gaddafi, whose g and k are one letter's), times ALT_KEY_FACTOR; else 0.0. For
    names without an Arabic particle as a word (`_article_glued` reads the others), asked of a surname only."""
    glued, bare = (a, b) if len(a) > len(b) else (b, a)
    if (
        glued[:2] not in ("al", "el")
        or len(glued) - 2 < GLUED_SURNAME_MIN
        or abs(len(glued) - 2 - len(bare)) > 1
    ):
        return 0.0
    rest = glued[2:]
    sim = 1.0 if rest == bare else _person_part_similarity(rest, bare)
    return sim * ALT_KEY_FACTOR if sim >= GLUED_SURNAME_SIMILARITY else 0.0


def _arabic_names(query: NameVariant, listed: NameVariant) -> bool:
    """Whether either person name has an Arabic particle as a word (al, bin, abu...: `_ARABIC_NAME_WORDS`)."""
    return not (_ARABIC_NAME_WORDS.isdisjoint(query.words) and _ARABIC_NAME_WORDS.isdisjoint(listed.words))


def _article_glued(a: str, b: str) -> bool:
    """Whether one of two keys is the other with the Arabic article glued in front (Alhaitham / Haitham): asked only
    of Arabic names (`_align`), since Alvaro is no Varo."""
    glued, bare = (a, b) if len(a) > len(b) else (b, a)
    return len(glued) >= GLUED_ARTICLE_MIN and glued[:2] == "al" and glued[2:] == bare


_ALLAH_FORMS: Final = re.compile(r"^(.{3,}?)[aeiu]la(?:g)?$")
"""A key ending as a name compounded with Allah does, however romanised: -ullah, -allah, -ulla, -alla, -ellah, -olla
(folded `ulag`, `alag`, `ula`, `ala`, `elag`...), with the stem before it. One of two keys compared so must end with
the h written (`lag`): two names ending -ela and -ula alone (Marcela, Rafaela) are not read as Allah's."""
ALLAH_FORM_SIMILARITY: Final = 0.95
"""Two keys that are one stem with Allah written two ways (Abdullah, Abdallah, Abdalla, Abdella; Nasrullah, Nasrallah):
one name as lists romanise it, the vowel before the l and the final h being the romaniser's choice."""


@lru_cache(maxsize=50_000)
def _one_allah_compound(a: str, b: str) -> bool:
    """Whether keys `a` and `b` are one stem compounded with Allah (`_ALLAH_FORMS`), written two ways."""
    match_a, match_b = _ALLAH_FORMS.match(a), _ALLAH_FORMS.match(b)
    return match_a is not None and match_b is not None and match_a.group(1) == match_b.group(1)


def _ending_apart(a: str, b: str) -> bool:
    """Whether one of two part keys is the other with the ending that makes another Slavic name rather than a slip:
    the -v of -ov after -o, -a or -e (Karpenko / Karpenkov), the -ev that makes a surname of a name in -й (Makei /
    Makeev, Nikolai / Nikolaev, Grigorii / Grigoriev: -ей and -еев fold to `ei` and `ev`, -ай and -аев to `ai` and
    `aev`), or the -a of a woman's name (`_MASCULINE_KEY_ENDINGS`)."""
    if len(a) == len(b) > 3 and a[:-1] == b[:-1] and a[-2] == "e" and {a[-1], b[-1]} == {"i", "v"}:
        return True
    if abs(len(a) - len(b)) != 1:
        return False
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if shorter[-1] == "i" and len(shorter) > 3 and longer == shorter[:-1] + "ev":
        return True
    if not longer.startswith(shorter):
        return False
    if longer[-1] == "v":
        # -slav is a given name's ending, not a surname's suffix: Stanisla is Stanislau with a slip.
        return shorter[-1] in "oae" and not longer.endswith("slav")
    return (
        longer[-1] == "a"
        and shorter.endswith(_MASCULINE_KEY_ENDINGS)
        and (len(shorter) >= _SHORT_MASCULINE_MIN or not shorter.endswith("an"))
    )


_MASCULINE_KEY_ENDINGS: Final = ("av", "ev", "in", "slav", "der", "dr", "an", "el", "gen")
"""Endings of a man's name part (as a key) whose feminine adds -a: Ivanov / Ivanova, Alekseev / Alekseeva, Ivanou /
Ivanava, Shumilin / Shumilina, Stanislav / Stanislava, Aleksandr / Aleksandra, Roman / Romana, Daniel / Daniela,
Evgeni / Evgenia. Not every final consonant: English writes Eleonora as Eleanor (keys `eleanara`, `eleanar`), one
woman's name either way."""
_SHORT_MASCULINE_MIN: Final = 5
"""-an makes a man's name only from five letters of key (Roman, Bogdan, Ruslan): Ann is Anna, in English."""

_MASCULINE_ADJECTIVAL: Final = re.compile(r"[sc]k(?:y|i|iy|ii|ij|yi|yy|yj)$")
_FEMININE_ADJECTIVAL: Final = re.compile(r"[sc]k(?:a|aya|aja|aia)$")


def _adjectival_genders(word_a: str, word_b: str, key_a: str, key_b: str) -> bool:
    """Whether two person name parts (already found alike) are the man's and the woman's forms of one adjectival
    surname: Vasilevsky / Vasilevskaya, Wasilewski / Wasilewska. Asked only of keys ending in -k and two different
    vowels (`vasilevski`, `vasilevska`), then read from the spelling: the keys fold o to a, and a slip that writes
    Andryeusko for Andryeuski is no woman's name."""
    if not (key_a[-2:-1] == "k" == key_b[-2:-1] and key_a[-1] != key_b[-1]):
        return False
    a, b = latin_ascii(word_a), latin_ascii(word_b)
    if _MASCULINE_ADJECTIVAL.search(a):
        return _FEMININE_ADJECTIVAL.search(b) is not None
    return _FEMININE_ADJECTIVAL.search(a) is not None and _MASCULINE_ADJECTIVAL.search(b) is not None


def _other_forms_apart(a: str, b: str, a_alts: tuple[str, ...], b_alts: tuple[str, ...]) -> bool:
    """`_ending_apart` between a part's key or second keys and the other's: Aleksandr / Aleksandra meet only through
    their keys before equivalence (`aleksandr`, `aleksandra`), Ivanovas / Ivanova through the Lithuanian stem."""
    return any(_ending_apart(x, y) for x in (a, *a_alts) for y in (b, *b_alts) if x != y)


def _stem_and_suffix(a: str, b_alts: tuple[str, ...], b: str) -> bool:
    """Whether `b` is a stem with a Lithuanian or Latvian ending (one of `b_alts` is the stem) and `a` that stem
    with a suffix of two letters or more: Shvedov is not Švedas (Shved), however close the endings look."""
    return any(
        len(stem) >= 3 and b != stem and b.startswith(stem) and a.startswith(stem) and len(a) - len(stem) >= 2
        for stem in b_alts
    )


def _suffix_apart(shorter: str, longer: str) -> bool:
    """Whether `longer` is `shorter` with a suffix added, its last letter perhaps kept after the suffix (Bogdan /
    Bogdanov, Melnik / Melnichuk): all but the last letter of `shorter` open `longer`."""
    return longer.startswith(shorter) or (longer.startswith(shorter[:-1]) and longer.endswith(shorter[-1]))


def _alt_similarity(
    a: str, b: str, a_alts: tuple[str, ...], b_alts: tuple[str, ...], person: bool = False
) -> float:
    """The similarity of two parts by their main keys, or (a little less) when a second key of one is a key of the
    other, or by their phonetic keys (the hot path: string comparisons; not cached, like `_part_similarity`)."""
    sim = _person_part_similarity(a, b) if person else _part_similarity(a, b)
    if person and 0.0 < sim < 1.0 and (_stem_and_suffix(a, b_alts, b) or _stem_and_suffix(b, a_alts, a)):
        sim = 0.0
    if person and sim < 1.0 and a[0] == b[0] and _other_forms_apart(a, b, a_alts, b_alts):
        return 0.0  # the other gender's form, through a key before equivalence or a Baltic stem
    if sim >= ALT_KEY_FACTOR or not (a_alts or b_alts):
        return sim
    a_patronymic = a.endswith(_PATRONYMIC_ENDINGS)
    if a_patronymic != b.endswith(_PATRONYMIC_ENDINGS):
        # Only a second key that reads the other part as the patronymic it is crosses that line (Swedish
        # Volfovitj, Romanian Volfovici read as Volfovich); a patronymic's own second keys never meet a given
        # name (Aljaksandravičs is not Aleksandr).
        return ALT_KEY_FACTOR if (a in b_alts if a_patronymic else b in a_alts) else sim
    if b in a_alts or a in b_alts:
        return ALT_KEY_FACTOR
    if a_alts and b_alts and not set(a_alts).isdisjoint(b_alts):
        if person or _shared_beyond_sounds(a_alts, b_alts):
            return ALT_KEY_FACTOR
    similarity = _person_part_similarity if person else _part_similarity
    if a_alts and b_alts:
        alt = similarity(a_alts[-1], b_alts[-1]) * ALT_KEY_FACTOR  # the phonetic keys come last
        sim = max(sim, alt)
    if not person:
        return sim  # an organisation's second keys are stems and written forms, equal or not at all
    # A slip in a name the equivalence tables rewrite (Antrey / Andrey, keyed `antrei` / `andr`): the slip meets
    # the other's key as it was before equivalence, a person's first second key when the two differ (`_alt_keys`).
    if b_alts:
        sim = max(sim, similarity(a, b_alts[0]) * ALT_KEY_FACTOR)
    if a_alts:
        sim = max(sim, similarity(a_alts[0], b) * ALT_KEY_FACTOR)
    return sim


SHORT_LOANWORD_SPELLING_MIN: Final = 0.8
"""What LOANWORD_SPELLING_MIN is for a word of LOANWORD_LETTERS letters (`_shared_beyond_sounds`)."""
LOANWORD_SPELLING_MIN: Final = 0.5
"""Two organisation words meeting only by their consonant sounds (`loanword_key`) are one word written through
Russian only when their spellings are also this close (Technologies / Tekhnolodzhis 0.55, Emirates / Emireits 0.75):
Carpet and Kripto, Central and Control share their consonants and little else. Written apart only in vowels,
letter for letter, in a word of LOANWORD_LETTERS or with two vowel letters swapped for each other at most, they are
compared as spelt: the vowels (Delta / Dolta, Metal / Motel) are all that tells them apart."""


def _shared_beyond_sounds(a_alts: tuple[str, ...], b_alts: tuple[str, ...]) -> bool:
    """Whether two organisation parts' second keys meet in a key other than the loanword key, or in that key with
    spellings close enough (LOANWORD_SPELLING_MIN; the written form is an organisation part's last second key)."""
    shared = set(a_alts).intersection(b_alts)
    if any(key[0] != "~" for key in shared):
        return True
    written_a, written_b = a_alts[-1], b_alts[-1]
    if len(written_a) == len(written_b):
        # The letters that differ, position by position, on either side.
        differ = {x for x, y in zip(written_a, written_b, strict=True) if x != y}
        differ.update(y for x, y in zip(written_a, written_b, strict=True) if x != y)
        if differ <= _VOWEL_LETTERS and (len(written_a) <= LOANWORD_LETTERS or len(differ) <= 2):
            # Apart only in vowels, in a short word or in two vowel letters: compared as spelt (Delta / Dolta,
            # Metal / Motel); Imperiya / Empire, three vowels apart, is a loanword.
            return False
    # Two short words meet as one loanword only about as close as a slip would bring them: five letters hold three
    # consonants and two vowels, and two edits change every vowel (Belta / Bloto, read blata); the English
    # spelling's magic e read (Drive / Draiv) still meets.
    least = (
        LOANWORD_SPELLING_MIN
        if min(len(written_a), len(written_b)) > LOANWORD_LETTERS
        else SHORT_LOANWORD_SPELLING_MIN
    )
    return (
        OSA.normalized_similarity(written_a, written_b) >= least
        or OSA.normalized_similarity(_magic_e_read(written_a), written_b) >= least
        or OSA.normalized_similarity(written_a, _magic_e_read(written_b)) >= least
    )


_VOWEL_LETTERS: Final = frozenset("aeiouy")
_MAGIC_E: Final = re.compile(r"([ai])([^aeiouy])e$")


def _magic_e_read(written: str) -> str:
    """An English word's closing vowel, consonant and silent e as Russian writes them and a romanisation reads them
    back (folded: y as i): a-e as ei, i-e as ai (Drake / Дрейк / Dreyk, Space / Спейс / Speys, Lime / Лайм / Laym);
    other words unchanged."""
    return _MAGIC_E.sub(lambda found: ("ei" if found.group(1) == "a" else "ai") + found.group(2), written)


def _loose_similarity(word_a: str, word_b: str, key_a: str, key_b: str, two_slips: bool = False) -> float:
    """Similarity of two left-over parts allowing a transposition as one edit, by keys and by spelling; with
    `two_slips`, two slips in a long part too (`_two_slips`, side by side where they garbled a name: below)."""
    if len(word_a) < 3 or len(word_b) < 3 or not key_a or not key_b or key_a[0] == "#" or key_b[0] == "#":
        return 0.0
    if _adjectival_genders(word_a, word_b, key_a, key_b):
        return 0.0  # Vasilevsky / Vasilevskaya
    # A patronymic meets by its spelling only (Sergeevith / Sergeevich: the slip made `tg` of the key's `c`); by
    # keys, a given name one edit from a patronymic's key would meet it.
    pairs = [(latin_ascii(word_a), latin_ascii(word_b))]
    if not (key_a.endswith(_PATRONYMIC_ENDINGS) or key_b.endswith(_PATRONYMIC_ENDINGS)):
        pairs.append((key_a, key_b))
    # Two slips side by side are read as slips only where they garbled a word into no name: a name the tables know
    # against a word they do not (Ptrobna / Petrovna), or a patronymic against a word that lost its ending (Ivanovh,
    # Iosifovchh / Iosifovich). Two names the tables know are known apart (Makarovich / Maratovich), two patronymics
    # are two fathers unless the slips fall apart (Igaravich / Ivanavich), and two words no table knows may be two
    # families (Ivanenko / Ivanchenko).
    side_by_side = False
    if two_slips:
        known_a, known_b = default_table().knows(key_a), default_table().knows(key_b)
        # Two names the tables know are read by one slip at most, as without `two_slips`: asking for two slips
        # never reads less than asking for one.
        two_slips = not (known_a and known_b)
        side_by_side = known_a != known_b or key_a.endswith(_PATRONYMIC_ENDINGS) != key_b.endswith(
            _PATRONYMIC_ENDINGS
        )
    best = 0.0
    for n, (a, b) in enumerate(pairs):
        if _ending_apart(a, b):
            return 0.0  # another name, not a slip (Karpenko / Karpenkov)
        if OSA.distance(a, b, score_cutoff=1) <= 1 or (
            # Slips of the keyboard are read in the words as written, not in their keys.
            two_slips and (_two_slips(a, b, side_by_side) or (n == 0 and _struck_into_no_name(a, b)))
        ):
            best = max(best, OSA.normalized_similarity(a, b))
    return best


def _may_be_two_slips(word_a: str, word_b: str, key_a: str, key_b: str) -> bool:
    """What `_two_slips` asks first of the words or of the keys (the length, the first letter), asked before the
    tables are: most parts left over are no two slips apart (the hot path: lengths first)."""
    for a, b in ((word_a, word_b), (key_a, key_b)):
        size_a, size_b = len(a), len(b)
        if (
            size_a >= KNOWN_TWO_SLIPS_MIN
            and size_b >= KNOWN_TWO_SLIPS_MIN
            and -2 <= size_a - size_b <= 2
            and a[0].lower() == b[0].lower()
        ):
            return True
    return False


def _two_slips(a: str, b: str, side_by_side: bool) -> bool:
    """Whether two long words are two slips apart: with `side_by_side`, anywhere (KNOWN_TWO_SLIPS_MIN letters or
    more: Ivanovh / Ivanovich); otherwise each slip in a piece of its own (TWO_SLIPS_MIN letters or more): the words
    cut in two beside a letter that agrees on both sides of the cut, each piece one slip from the other word's
    (Vladimirobn|aa / Vladimirovn|a, Plsyhe|uksi / Plyshe|uski). Slips of the keyboard fall anywhere and drop, add
    or swap letters; two letters changed for others a letter or less apart are another name's stem or suffix
    (Igaravich / Ivanavich, Kolesnikov / Kotelnikov; a letter dropped and one added beside it change two, Integral /
    Internal), so slips a letter apart or less need one of them to be two letters swapped (Cja|lsavauna /
    Cha|slavauna), and two letters added side by side are a suffix (Ivanenko / Ivanchenko). The first letter is no
    slip's (Goritsky / Novitsky, Bernikov / Melnikov are two families): a name is read, and typed, from its first
    letter."""
    shorter = min(len(a), len(b))
    if (
        a[:1] != b[:1]
        or shorter < (KNOWN_TWO_SLIPS_MIN if side_by_side else TWO_SLIPS_MIN)
        or OSA.distance(a, b, score_cutoff=2) != 2
    ):
        return False
    if side_by_side:
        return True
    for cut in range(1, len(a)):
        # A slip that drops or adds a letter moves the other word's cut by one.
        for other in (cut - 1, cut, cut + 1):
            if not 0 < other < len(b):
                continue
            before, after = a[cut - 1] == b[other - 1], a[cut] == b[other]
            if (
                (before or after)
                and OSA.distance(a[:cut], b[:other], score_cutoff=1) == 1
                and OSA.distance(a[cut:], b[other:], score_cutoff=1) == 1
                and ((before and after) or _swapped(a[:cut], b[:other]) or _swapped(a[cut:], b[other:]))
            ):
                return True
    return False


_KEYBOARD_ROWS: Final = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
"""The letter rows of a QWERTY keyboard (each row half a key to the right of the one above), on which Latin
spellings of the lists' names are typed: a finger that slips lands on a key beside the one it meant."""


@cache
def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Each letter's keys beside it on `_KEYBOARD_ROWS`: left and right in its row, the two above and below it (s:
    w, e, a, d, z, x)."""
    rows = _KEYBOARD_ROWS
    near: dict[str, frozenset[str]] = {}
    for row, letters in enumerate(rows):
        for column, letter in enumerate(letters):
            found = {letters[c] for c in (column - 1, column + 1) if 0 <= c < len(letters)}
            if row > 0:
                found.update(rows[row - 1][c] for c in (column, column + 1) if c < len(rows[row - 1]))
            if row + 1 < len(rows):
                found.update(rows[row + 1][c] for c in (column - 1, column) if 0 <= c < len(rows[row + 1]))
            near[letter] = frozenset(found)
    return near


def _keyboard_slips_of(word: str) -> frozenset[str]:
    """Every way to type `word` (lower-case letters) with one slip of the keyboard: a letter left out or typed
    twice, two letters swapped, a key beside a letter struck instead of it or as well as it."""
    near = _keyboard_neighbours()
    out: set[str] = set()
    for k, letter in enumerate(word):
        head, tail = word[:k], word[k + 1 :]
        out.add(head + tail)
        out.add(head + letter + letter + tail)
        if tail:
            out.add(head + tail[0] + letter + tail[1:])
        for key in near.get(letter, ()):
            out.update((head + key + tail, head + key + letter + tail, head + letter + key + tail))
    out.discard(word)
    return frozenset(out)


@lru_cache(maxsize=50_000)
def _keyboard_slips(typed: str, meant: str) -> bool:
    """Whether `typed` is `meant` with two slips of the keyboard (`_keyboard_slips_of`), side by side or apart, the
    first letter kept, both KNOWN_TWO_SLIPS_MIN letters or more: Rrdearch / Research (e and s struck as the keys
    beside them), Holdigd / Holdings, Emiaets / Emirates. Two words of a dictionary two edits apart are rarely two
    slips so (Corporation / Cooperation: r and o, o and e are no neighbours; Integral / Internal: g and r, r and
    n), where a finger that slips lands beside the key it meant."""
    typed, meant = typed.lower(), meant.lower()
    if (
        typed[:1] != meant[:1]
        or min(len(typed), len(meant)) < KNOWN_TWO_SLIPS_MIN
        or not typed.isalpha()
        or not meant.isascii()
        or OSA.distance(typed, meant, score_cutoff=2) != 2
    ):
        return False
    return any(
        abs(len(once) - len(typed)) <= 1
        and OSA.distance(once, typed, score_cutoff=1) == 1
        and typed in _keyboard_slips_of(once)
        for once in _keyboard_slips_of(meant)
    )


def _slip_in_equivalent(key_a: str, key_b: str) -> float:
    """ALT_KEY_FACTOR when one left-over part is, with one slip mended, the name the other is in another language:
    Siarehi / Sergei (a slip in Siarhei), Aliaskandr / Alexander, Segrey / Siarhei; else 0.0. The slip keeps the
    equivalence tables from reading the part (`EquivalenceTable.slip_canonical`)."""
    if key_a == key_b or key_a[:1] == "#" or key_b[:1] == "#":
        return 0.0
    table = default_table()
    if table.slip_canonical(key_a) == key_b or table.slip_canonical(key_b) == key_a:
        return ALT_KEY_FACTOR
    return 0.0


def _slip_in_spelling(word_a: str, word_b: str, key_a: str, key_b: str) -> float:
    """ALT_KEY_FACTOR when one left-over part, as written, is one slip from a Latin spelling of the equivalence
    tables that means the other part (`_slip_of_a_name`: Vladimirovcih / Uladzimiravich, two letters of
    Vladimirovich swapped, which broke the ch its key folds); else 0.0. For slips that folding makes two edits or
    more."""
    return ALT_KEY_FACTOR if _slip_of_a_name(word_a, word_b, key_a, key_b) else 0.0


def _slip_of_a_name(word_a: str, word_b: str, key_a: str, key_b: str) -> bool:
    """Whether one part, as written, is one slip from the tables' Latin spellings of one name only, and that name is
    the other part (Andtey / Andrei, Igpr / Ihar, Mraija / Mariya): a name typed with a slip into no name, not
    another given name (Inna / Anna, Zhanna / Hanna: `data/other_given_names.csv`), nor another given name with a
    Baltic ending (Alehs, the Latvian Aleh, is no Ales with a letter more)."""
    if key_a == key_b or key_a[:1] == "#" or key_b[:1] == "#":
        return False
    table = default_table()
    for word, other in ((word_a, key_b), (word_b, key_a)):
        meant = table.canonical(other)
        if meant not in table.spelt_keys:
            continue  # the other part is no name of the tables (most surnames): nothing to read the slip as
        written = latin_ascii(word)
        if table.written_slip(written) != meant:
            continue
        stripped = strip_baltic(written.lower())
        if stripped is None or not _another_name(stripped, meant, table):
            return True
    return False


def _another_name(written: str, meant: str, table: EquivalenceTable) -> bool:
    """Whether a word as written (lower case) is a given name other than `meant` (a canonical key of the tables):
    another given name one slip from theirs (`data/other_given_names.csv`), a spelling of another name of theirs, or a
    slip of one."""
    if written in table.other_names:
        return True
    canonical = table.canonical(fold(written))
    if canonical in table.spelt_keys:
        return canonical != meant
    found = table.written_slip(written)
    return found is not None and found != meant


SWAPPED_MIN: Final = 5
"""Letters of a person's name part in which two neighbouring letters swapped read as a slip of typing
(`_letters_swapped`)..."""
SWAPPED_SIMILARITY: Final = PATRONYMIC_SURPLUS_PAIRS
"""...which meets at least as one slip in six letters does (5/6), however folding reads it (Fiolnik folds to
`falnik`, two edits from Filonik's `filanik`): a pair met well beside a patronymic left out."""


def _letters_swapped(word_a: str, word_b: str) -> bool:
    """Whether two person name parts, as written (or without a Baltic ending), differ only by two neighbouring letters
    swapped, in SWAPPED_MIN letters or more (Fiolnik / Filonik, Nvoiks / Novik): a slip of typing, which folding may
    make two edits or more of (Fiolnik folds to `falnik`), and which two names of one language seldom differ by. Not
    the first letter, from which a name is typed as meant, nor the last."""
    a, b = _letters_of(word_a).lower(), _letters_of(word_b).lower()
    if len(a) < SWAPPED_MIN or len(b) < SWAPPED_MIN or a[0] != b[0]:
        return False  # the first letter is typed as meant: Ahmed and Hamed are two names
    if len(a) != len(b):
        a, b = strip_baltic(a) or a, strip_baltic(b) or b
    # Nor the last: Majid / Majdi, Nasir / Nasri, Sabir / Sabri are two Arabic names each.
    return a[-1] == b[-1] and _swapped(a, b)


def _two_slips_in_spelling(word_a: str, word_b: str, key_a: str, key_b: str) -> float:
    """The similarity of two slips in a long word (1 - 2 / its letters) when one left-over part, as written, is two
    slips from the tables' Latin spellings of one name only, and that name is the other part's in another language
    (Vladimriovotch / Uladzimiravich: Vladimirovitch with two letters swapped and one struck for another, read as
    the Russian form of the Belarusian patronymic; `EquivalenceTable.written_two_slips`); else 0.0. Only for a part
    that the tables do not know and that is no patronymic as it stands: two names they know are two names
    (Makarovich / Maratovich), and a patronymic whose ending the slips left whole is another father's as often
    (Ionovich, of Iona, is two letters from Ivanovich)."""
    if key_a == key_b or key_a[:1] == "#" or key_b[:1] == "#":
        return 0.0
    table = default_table()
    for word, own, other in ((word_a, key_a, key_b), (word_b, key_b, key_a)):
        if len(word) < WRITTEN_TWO_SLIPS_MIN or own.endswith(_PATRONYMIC_ENDINGS):
            continue
        meant = table.canonical(other)
        if meant not in table.two_slips_keys or table.knows(own):
            continue
        written = latin_ascii(word)
        if table.written_two_slips(written) == meant:
            return 1.0 - 2.0 / len(written)
    return 0.0


def _other_fathers(word_a: str, word_b: str, key_a: str, key_b: str) -> bool:
    """Whether two patronymics name two fathers the tables know apart (their canonical keys differ and both are keys
    of the tables' spellings, listed or formed), two edits apart or more by their keys and as written: Viktorovich /
    Vitalevich, Danilovich / Denisovich, Semenovich / Stepanovich are two men's sons, where two slips in an edit
    distance would pair them. One name written two ways (Frantsevna / Frantsyevna, one letter apart as written) and a
    slip that made no name the tables know (Noklaevich, Terimovich) are left to the measures: the tables know too few
    fathers (not Temir or Rodion) to read every other word as another father's name."""
    if not (key_a.endswith(_PATRONYMIC_ENDINGS) and key_b.endswith(_PATRONYMIC_ENDINGS)):
        return False
    table = default_table()
    meant_a, meant_b = table.canonical(key_a), table.canonical(key_b)
    return (
        meant_a != meant_b
        and meant_a in table.two_slips_keys
        and meant_b in table.two_slips_keys
        and OSA.distance(key_a, key_b, score_cutoff=2) >= 2
        and OSA.distance(latin_ascii(word_a).lower(), latin_ascii(word_b).lower(), score_cutoff=2) >= 2
    )


def _two_slips_in_other_form(word_a: str, word_b: str, key_a: str, key_b: str) -> float:
    """Two slips in a part written in one language's form, against the other part written in the other's: the
    similarity two slips would have against the tables' Latin spelling of the other part's name in the form it was
    written in (`_loose_similarity` with two slips: Noklaevich / Mikalaevich as Noklaevich / Nikolaevich, 0.82;
    Ykoblevich / Yakaulevich as Ykoblevich / Yakovlevich), among the spellings that open with the part's letter and
    are two edits from it at most; else 0.0. A name screened in Russian against its Belarusian listing then
    meets as it would meet the Russian listing (a little less: a part paired by a slip counts LOOSE_FACTOR of its
    similarity). Only for a part the tables do not know, listed or formed (a slip made it no name), of
    KNOWN_TWO_SLIPS_MIN letters or more, against a name they do, and two slips from no other name of theirs
    (`EquivalenceTable.names_within_two_slips`: Aleksandrovina is a son's or a daughter's)."""
    if key_a == key_b or key_a[:1] == "#" or key_b[:1] == "#":
        return 0.0
    table = default_table()
    best = 0.0
    for word, own, other in ((word_a, key_a, key_b), (word_b, key_b, key_a)):
        if len(word) < KNOWN_TWO_SLIPS_MIN:
            continue
        meant = table.canonical(other)
        if meant not in table.two_slips_keys or table.canonical(own) in table.two_slips_keys:
            continue
        written = latin_ascii(word).lower()
        if not written.isalpha():
            continue
        spellings = [
            x
            for x in table.spellings_of(meant, written[:1])
            if -2 <= len(x) - len(written) <= 2 and OSA.distance(written, x, score_cutoff=2) <= 2
        ]
        if not spellings or table.names_within_two_slips(written) != {meant}:
            continue  # none near, or two slips from another name as well (Aleksandrovina: a son's or a daughter's?)
        for spelling in spellings:
            best = max(best, _loose_similarity(word, spelling, own, fold(spelling), two_slips=True))
    return best


_CONSONANT_RUN: Final = re.compile(r"[bcdfgjklmnpqrstvwxz]+")
_DIGRAPH_H: Final = re.compile(r"(?<=[sczk])h")
PILED_CONSONANTS: Final = 2
"""Consonant letters more in a row, in one of two person name parts, than in the other (`_struck_into_no_name`)..."""
PILED_RUN_MIN: Final = 4
"""...in a run of this many at least: Maltsev's lts is a name's (Maltsev / Malyshev stay apart)."""


def _consonant_run(written: str) -> int:
    """The most consonant letters in a row in a lower-case written part, sh, ch, zh and kh counted as one."""
    return max((len(run) for run in _CONSONANT_RUN.findall(_DIGRAPH_H.sub("", written))), default=0)


def _struck_into_no_name(a: str, b: str) -> bool:
    """Whether two person name parts (lower case, as written) are two slips of the keyboard apart
    (`_keyboard_slips`) that piled consonants up in one of them: a run of PILED_RUN_MIN consonant letters or more,
    PILED_CONSONANTS longer than any in the other (Lrbrdeva / Lebedeva, two e struck as r: lrbrd against single
    consonants; Cheslabpvna / Cheslavovna, bpvn against sl). A key struck for a vowel leaves letters no name of
    these languages writes together, so the part is a garbled name, not another one: two names two keys apart keep
    their vowels (Muhammad / Muhannad, Ghaddar / Ghaffar, Patricia / Patrick), and are not read so."""
    if a[:1] != b[:1] or OSA.distance(a, b, score_cutoff=2) != 2:
        return False  # what `_keyboard_slips` asks first, before the runs are counted
    run_a, run_b = _consonant_run(a), _consonant_run(b)
    piled, other = max(run_a, run_b), min(run_a, run_b)
    if piled < PILED_RUN_MIN or piled < other + PILED_CONSONANTS:
        return False
    return _keyboard_slips(a, b)


def _akanye(written: str) -> str:
    """A written part with o as a, letter for letter: Belarusian writes the unstressed о as а (Sakalouskaya,
    Sokolovskaya), and which о of a Russian word is unstressed no spelling says."""
    return written.replace("o", "a")


def _two_slips_in_russian_form(word_a: str, word_b: str, key_a: str, key_b: str) -> float:
    """Two slips (or one) in a part written in one language's form against the other part written in Belarusian,
    where the tables know neither name (most surnames): the similarity of the part as written against the Russian
    spelling of the Belarusian one (`russian_spellings`), letter for letter and with every o read as a (`_akanye`),
    times ALT_KEY_FACTOR, when the two are one slip apart or two as `_two_slips` (apart in the word) or
    `_struck_into_no_name` (keys beside the ones meant, piling consonants up) reads them: Sokoovksaya /
    Sakalouskaya as sakaavksaya / sakalavskaya, Khyshchekov / Khlyshchankau as khyshchekov / khlyshchenkov,
    Lrbrdeva / Lebedzeva as lrbrdeva / lebedeva, Cheslabpvna / Chaslavauna as cheslabpvna / cheslavovna; and the
    other way round, a part that does not close as a Russian one (written in Belarusian, or garbled out of any form)
    against the Belarusian spelling of a Russian one (`belarusian_spellings`: Zormostru / Zormistrov as zarmastru /
    zarmistrau); else 0.0. Both parts KNOWN_TWO_SLIPS_MIN letters or more with the same first letter; two names the
    tables know are read by their spellings (`_two_slips_in_other_form`)."""
    if key_a == key_b or key_a[:1] == "#" or key_b[:1] == "#":
        return 0.0
    a, b = _as_written(word_a), _as_written(word_b)
    if a[:1] != b[:1] or len(a) < KNOWN_TWO_SLIPS_MIN or len(b) < KNOWN_TWO_SLIPS_MIN:
        return 0.0
    table = default_table()
    if table.knows(key_a) and table.knows(key_b):
        return 0.0
    if _adjectival_genders(word_a, word_b, key_a, key_b):
        return 0.0  # Sakalouskaya / Sokolovsky
    best = 0.0
    for written, other in ((a, b), (b, a)):
        spellings = russian_spellings(other)
        if not closes_as_russian(written):
            # A part in its Belarusian form (or garbled out of any) against the Belarusian spelling of a Russian
            # one: two Russian forms are compared as written, every o staying an o (Makarov / Mayorov).
            spellings += belarusian_spellings(other)
        for spelt in spellings:
            for x, y in ((written, spelt), (_akanye(written), _akanye(spelt))):
                if not -2 <= len(x) - len(y) <= 2:
                    continue
                edits = OSA.distance(x, y, score_cutoff=2)
                if edits > 2:
                    continue
                if _ending_apart(x, y):
                    return 0.0  # another name, not a slip (Karpenka / Karpenkov)
                if edits <= 1 or _two_slips(x, y, False) or _struck_into_no_name(x, y):
                    best = max(best, OSA.normalized_similarity(x, y) * ALT_KEY_FACTOR)
    return best


@cache
def short_forms() -> dict[str, frozenset[str]]:
    """Key of a short form of a given name (Sasha, Dima, Natasha) -> the keys of the full names it is made from
    (`data/given_name_diminutives.csv`, the Belarusian ones of `data/given_name_diminutives_be.csv`: Yanka,
    Zmitrok, Pauliuk; and the Greek, Spanish, Italian and English ones of
    `data/given_name_short_forms_west.csv`: Nikos, Chuy, Enzo, Bill), in every rendering, after the equivalence
    tables (so Sasha meets Aliaksandr as it meets Alexander)."""
    table = default_table()
    keys = _given_name_keys
    rows = [
        (keys(row["name"]), row["short"].split())
        for table_name in (
            "given_name_diminutives.csv",
            "given_name_diminutives_be.csv",
            "given_name_short_forms_west.csv",
        )
        for row in data_rows(table_name)
    ]
    # A short form that reads as a full name (Alex is Aleksei's key; Alesha, read through the Belarusian Alesia,
    # Aleksandra's) is that name already: it is no short form of another.
    names = set().union(*(full for full, _ in rows))
    found: dict[str, set[str]] = {}
    for full, shorts in rows:
        for short in shorts:
            for key in keys(short) - names:
                if not table.knows(key):
                    found.setdefault(key, set()).update(full)
    return {key: frozenset(full) for key, full in found.items()}


_ALLAH_ENDINGS: Final = ("alag", "ulag")
"""-ollah and -ullah as keys (Nematollah `nematalag`, Habibullah `gabibulag`)."""
_ALLAH_WRITTEN: Final = ("ollah", "ullah")
ALLAH_STEM_MIN: Final = 4


def _allah_compound_of(word_a: str, word_b: str, key_a: str, key_b: str) -> bool:
    """Whether one part is a given name compounded with Allah as Persian and Afghan names write it (-ollah, -ullah)
    and the other that name alone, as its bearer is called and some lists write him (Nematollah / Nemat, Habibullah /
    Habib, Asadollah / Asad): a close given name, not the same one. The Arabic -allah names are names of their own
    (Nasrallah is no Nasr, of Nasr al-Din); Abdullah is no Abd (the name before -ullah needs ALLAH_STEM_MIN
    letters)."""
    (short, long, long_word) = (key_a, key_b, word_b) if len(key_a) <= len(key_b) else (key_b, key_a, word_a)
    return (
        long[-4:] in _ALLAH_ENDINGS
        and len(short) >= ALLAH_STEM_MIN
        and long.startswith(short)
        and long[len(short) :] in _ALLAH_ENDINGS
        and latin_ascii(long_word).endswith(_ALLAH_WRITTEN)
    )


def _short_form_of(key_a: str, key_b: str) -> bool:
    """Whether one part is a short form of the other's given name (`short_forms`: Sasha / Alexander)."""
    forms = short_forms()
    return key_b in forms.get(key_a, ()) or key_a in forms.get(key_b, ())


@cache
def written_given_forms() -> dict[str, frozenset[str]]:
    """An English form of a given name as written (Alex, Andy, Nick, Andrew, John:
    `data/given_names_written_west.csv`) -> the keys of the full names it stands for, in every rendering
    (Alexander, Aliaksandr and Aleksei; Andrei). Read as written: Alex's key is Aleksei's, which is no form of
    Aleksandr, and Andrew's is the surname Andreev's."""
    return {
        _as_written(row["written"]): frozenset().union(
            *map(_given_name_keys, row["names"].casefold().split())
        )
        for row in data_rows("given_names_written_west.csv")
    }


def _given_name_keys(cyrillic: str) -> set[str]:
    """The canonical keys of a given name written in Cyrillic, in every rendering (Саша: sasha, sasa...)."""
    table = default_table()
    return {table.canonical(fold(latin)) for latin in latin_renderings(cyrillic).values()} - {""}


@lru_cache(maxsize=100_000)
def _as_written(word: str) -> str:
    """A word as written, its letters only, lower case and without diacritics (Alex, ALEX, Alex. -> alex); cached:
    every left-over part is read so against every part it meets."""
    return "".join(ch for ch in latin_ascii(word).lower() if ch.isalpha())


def _written_given_form_of(word_a: str, word_b: str, key_a: str, key_b: str) -> bool:
    """Whether one part is written as an English form of the other's given name (Alex / Aleksandr, John / Ivan)."""
    forms = written_given_forms()
    return key_b in forms.get(_as_written(word_a), ()) or key_a in forms.get(_as_written(word_b), ())


@lru_cache(maxsize=200_000)
def _left_over_similarity(
    word_a: str, word_b: str, key_a: str, key_b: str, alts_a: tuple[str, ...], alts_b: tuple[str, ...]
) -> float:
    """How two person name parts left over after pairing meet, by the first measure that reaches LOOSE_MIN: a short
    form of the other's given name (`short_forms`: Sasha / Alexander, and `written_given_forms`: Alex / Aleksandr,
    1.0), one slip in spelling or key (`_loose_similarity`), a slip beside the equivalence tables
    (`_slip_beside_equivalence`, long parts only), a slip the tables read through (`_slip_in_equivalent`), a slip
    from a spelling of the tables (`_slip_in_spelling`), two slips apart in a long part (`_two_slips`), two slips
    from a spelling of the tables in another form (`_two_slips_in_spelling`) or against the other language's form
    (`_two_slips_in_other_form`) or, last, a slip undone before folding (`_slip_before_folding`); 0.0 when none does,
    or when the parts are the other gender's form, a stem and that stem with a suffix, or the patronymics of two
    fathers the tables know (`_other_fathers`). Cached whole (about a quarter of the calls of a screening are pairs
    met before); the readings under it are not cached themselves: their pairs are mostly new, and a look-up in a
    large cache costs more than reading them again."""
    if (
        _short_form_of(key_a, key_b)
        or _written_given_form_of(word_a, word_b, key_a, key_b)
        or _allah_compound_of(word_a, word_b, key_a, key_b)
    ):
        return 1.0  # counted times LOOSE_FACTOR, as a close given name is
    sim = _loose_similarity(word_a, word_b, key_a, key_b)
    if sim < LOOSE_MIN and (len(key_a) >= SLIP_KEY_MIN or len(key_b) >= SLIP_KEY_MIN):
        sim = _slip_beside_equivalence(key_a, key_b, alts_a, alts_b)
    if sim < LOOSE_MIN:
        sim = _slip_in_equivalent(key_a, key_b)
    if sim < LOOSE_MIN:
        sim = _slip_in_spelling(word_a, word_b, key_a, key_b)
    if sim < LOOSE_MIN and _may_be_two_slips(word_a, word_b, key_a, key_b):
        # Two slips, where no reading of the tables finds one (Uladximir / Vladimir is a slip in Uladzimir).
        sim = _loose_similarity(word_a, word_b, key_a, key_b, two_slips=True)
    if sim < LOOSE_MIN:
        # Last: two slips from a spelling of the tables in another language's form (Vladimriovotch / Uladzimiravich).
        sim = _two_slips_in_spelling(word_a, word_b, key_a, key_b)
    if sim < LOOSE_MIN:
        # Two slips in one language's form against the other's (Noklaevich / Mikalaevich).
        sim = _two_slips_in_other_form(word_a, word_b, key_a, key_b)
    if sim < LOOSE_MIN:
        sim = _slip_before_folding(word_a, word_b, key_a, key_b, alts_a, alts_b)
    if sim < LOOSE_MIN and _may_be_two_slips(word_a, word_b, key_a, key_b):
        # Two slips in a part written in one language's form against the other's, neither a name of the tables
        # (Sokoovksaya / Sakalouskaya, Sokolovskaya in its Russian form).
        sim = _two_slips_in_russian_form(word_a, word_b, key_a, key_b)
    if sim < LOOSE_MIN or (
        _other_forms_apart(key_a, key_b, alts_a, alts_b)
        or _stem_and_suffix(key_a, alts_b, key_b)
        or _stem_and_suffix(key_b, alts_a, key_a)
        or _surname_of_given_name(key_a, key_b, word_a, word_b)
        or _other_fathers(word_a, word_b, key_a, key_b)
    ):
        return 0.0
    return sim


SLIP_UNDONE_MIN: Final = 8
"""Letters of both written parts from which a slip is undone before the parts are read (`_slip_before_folding`):
long ones, where a reading one slip from the other part's is less often a coincidence of the folding (which makes
one of several letters: Mario / Mariano, Aleksey / Aleksandr stay apart)."""


def _readings_without_sounds(key: str, alts: tuple[str, ...]) -> frozenset[str]:
    """A part's main key and second keys but its coarse phonetic ones (`phonetic`), which name too many words to
    meet through a slip."""
    readings = {key, *alts}
    return frozenset(readings - {phonetic(k) for k in readings} | {key})


SLIP_UNDONE_EDITS: Final = 4
"""Edits between the parts' keys as they are beyond which no slip undone brings them together
(`_slip_before_folding`): Lithuanian Grigorjevičiis, a letter typed twice in the ending -ičius, is four from
Grigorievich as read."""


_BESIDE_CONSONANTS: Final = re.compile(r"[^aeiouy]{2}")
"""Two consonants written together (`_readings_one_slip_undone`)."""


@lru_cache(maxsize=20_000)
def _readings_one_slip_undone(word: str) -> frozenset[str]:
    """The keys of `word` as written with one slip undone (each letter but the first left out in turn, each two
    neighbours swapped: a letter typed twice or one too many is undone by leaving one out, a letter left out by
    leaving the same one out of the other word, as `_slip_before_folding` asks both ways), each read as the main key
    and by the readings of the spellings a slip breaks: Dutch, Swedish and Romanian (`press_reading`), Catalan
    (`catalan_reading`), Romanian and Italian c (`romance_c_reading`) and a Lithuanian or Latvian ending
    (`strip_baltic`), before and after the equivalence tables. Not every second key a part has (`_alt_keys`): those
    would cost a full reading of the name per variant. Only slips beside two consonants written together (where the
    spellings that fold are: tsj, tj, tx, cz, č): elsewhere a letter left out is as often a vowel the folding merges
    with its neighbour (Ivanovich without its v reads as Ionovich, another father)."""
    table = default_table()
    found: set[str] = set()
    size = len(word)
    near = [
        _BESIDE_CONSONANTS.search(latin_ascii(word[max(k - 1, 0) : k + 3])) is not None for k in range(size)
    ]
    variants = {word[:k] + word[k + 1 :] for k in range(1, size) if near[k]}
    variants.update(word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(1, size - 1) if near[k])
    variants.discard(word)
    for variant in variants:
        stripped = strip_baltic(variant)
        for key in (
            fold(variant),
            press_reading(variant),
            catalan_reading(variant),
            romance_c_reading(variant),
            fold(stripped) if stripped else None,
        ):
            if key:
                found.add(key)
                found.add(table.canonical(key))
    return frozenset(found)


def _slip_before_folding(
    word_a: str, word_b: str, key_a: str, key_b: str, alts_a: tuple[str, ...], alts_b: tuple[str, ...]
) -> float:
    """A slip of the keyboard in a patronymic written in another language's romanisation, made before the part was
    read: the slip broke a spelling the reading folds (Dutch tsj for ch typed stj: Mikalajevistj; Catalan tx typed
    xt: Alekseievixt), so the keys are further apart than one edit. With the slip undone as written (a letter left
    out, two swapped: `_readings_one_slip_undone`), a key of one part is a key of the other: the similarity of one
    slip in the longer part; else 0.0. Only where one part reads as a patronymic (its key's ending), of
    SLIP_UNDONE_MIN letters or more on both sides: elsewhere the folding's merges make one slip undone two letters
    apart as often (Qayrawani / Kiyawani); the first letter is no slip's, as elsewhere."""
    if (
        len(word_a) < SLIP_UNDONE_MIN
        or len(word_b) < SLIP_UNDONE_MIN
        or not (key_a.endswith(_PATRONYMIC_ENDINGS) or key_b.endswith(_PATRONYMIC_ENDINGS))
        or not (word_a.isalpha() and word_b.isalpha())
        or key_a[:1] == "#"
        or key_b[:1] == "#"
    ):
        return 0.0
    table = default_table()
    # A part spelt as the tables spell a name has no slip to undo (most listed patronymics).
    slipped_a, slipped_b = not table.spelt(word_a), not table.spelt(word_b)
    if not (slipped_a or slipped_b):
        return 0.0
    readings_a = _readings_without_sounds(key_a, alts_a)
    readings_b = _readings_without_sounds(key_b, alts_b)
    # Asked first, by the keys as they are (a slip undone moves a key by a few edits: stj read as s, t, i against ch
    # read as c), since the readings of a part cost a reading of the name each.
    if not any(
        a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=SLIP_UNDONE_EDITS) <= SLIP_UNDONE_EDITS
        for a in readings_a
        for b in readings_b
    ):
        return 0.0
    shared = (readings_b & _readings_one_slip_undone(word_a) if slipped_a else frozenset()) | (
        readings_a & _readings_one_slip_undone(word_b) if slipped_b else frozenset()
    )
    # Met as a patronymic: a given name is no patronymic with a slip (Aleksandr / Aljaksandravičs).
    if not any(key.endswith(_PATRONYMIC_ENDINGS) for key in shared):
        return 0.0
    return 1.0 - 1.0 / max(len(word_a), len(word_b))


_SURNAME_OF_NAME_SUFFIXES: Final = ("av", "ev", "in")
"""What makes a Russian surname of a given name, as keys (Petr / Petrov, Denis / Denisov, Ilya / Ilyin)."""
_SURNAME_SUFFIXES_WRITTEN: Final = ("ov", "ev", "in", "yn", "ow", "ew", "off", "eff")
"""The same suffixes as written (Belarusian -ou and -eu left out: a slip in a given name writes them too, Sergeu for
Sergei)."""


def _surname_of_given_name(key_a: str, key_b: str, word_a: str, word_b: str) -> bool:
    """Whether one key is a given name the tables know and the other that name with a surname's suffix
    (`_SURNAME_OF_NAME_SUFFIXES`, written so): the surname names another family, not a slip in the given name (Ivan
    Petrov is not Ivan Petr, which the tables read as Piotr)."""
    shorter, longer, written = (key_a, key_b, word_b) if len(key_a) < len(key_b) else (key_b, key_a, word_a)
    return (
        longer[len(shorter) :] in _SURNAME_OF_NAME_SUFFIXES
        and longer.startswith(shorter)
        and latin_ascii(written).lower().endswith(_SURNAME_SUFFIXES_WRITTEN)
        and default_table().knows(shorter)
    )


@lru_cache(maxsize=200_000)
def _surnames_apart(a: str, b: str, a_alts: tuple[str, ...], b_alts: tuple[str, ...]) -> bool:
    """Two person name parts that no table knows as given names or patronymics (surnames, mostly), close by their
    letters but two consonants apart or more in every reading of each (Avakov / Artyakov, Kazakov / Karaev): another
    family's name, not a slip, so the pair does not count them alike. Vowels are left out, as Belarusian and Russian
    forms of one surname differ in them (Sakalou / Sokolov), and a reading that brings the consonants within one
    (Chrenin read as Khrenin, Rydsezki as Rydzetski) keeps the pair."""
    if a.endswith(_PATRONYMIC_ENDINGS) or b.endswith(_PATRONYMIC_ENDINGS):
        return False
    table = default_table()
    if table.knows(a) or table.knows(b):
        return False
    if _suffixes_apart(a, b, a_alts, b_alts):
        return True
    frames_a = {skeleton(k) for k in (a, *a_alts) if k[:1] != "~"}
    frames_b = {skeleton(k) for k in (b, *b_alts) if k[:1] != "~"}
    return all(OSA.distance(x, y, score_cutoff=2) >= 2 for x in frames_a for y in frames_b)


_SURNAME_SUFFIXES: Final = (
    # Keys, folded (Belarusian -оў and Russian -ов alike: `av`, `ev`): the suffix that makes a Slavic surname of a
    # stem, by class. -enko and -ko are one class: a slip drops the n (Kharcheko / Kharchanka).
    ("ka", "ko"),
    ("uk", "uk"),
    ("ski", "ski"),
    ("av", "ov"),
    ("ev", "ov"),
    ("iv", "ov"),
    ("in", "in"),
    ("ec", "ets"),
)
SURNAME_SUFFIX_KEY_MIN: Final = 6
"""A part's key has this many letters or more before its suffix is read as a surname's (Vasiluk, Davidka)."""


def _surname_suffix(key: str) -> str | None:
    """The class of the suffix a folded surname ends in (`_SURNAME_SUFFIXES`), or None."""
    if len(key) < SURNAME_SUFFIX_KEY_MIN:
        return None
    for ending, suffix in _SURNAME_SUFFIXES:
        if key.endswith(ending):
            return suffix
    return None


def _suffixes_apart(a: str, b: str, a_alts: tuple[str, ...], b_alts: tuple[str, ...]) -> bool:
    """Two surnames that end in suffixes of different classes, in every reading of each that ends in one: one stem
    made into two families' names (Vasiliuk / Vasiliev, Davydko / Davydov), not a slip in one. Belarusian and Russian forms of one
    surname keep the suffix's class (Kazlou / Kozlov, Lukashenka / Lukashenko)."""
    # A reading with no such suffix says nothing (a Lithuanian rendering's Vasiliukas: its stem, a second key, does).
    classes_a = {_surname_suffix(k) for k in (a, *a_alts) if k[:1] not in "~@"} - {None}
    classes_b = {_surname_suffix(k) for k in (b, *b_alts) if k[:1] not in "~@"} - {None}
    return bool(classes_a) and bool(classes_b) and classes_a.isdisjoint(classes_b)


SLIP_KEY_MIN: Final = 8
"""A left-over part of this many letters or more may meet the other's key before equivalence with two edits."""


def _slip_beside_equivalence(
    key_a: str, key_b: str, alts_a: tuple[str, ...], alts_b: tuple[str, ...]
) -> float:
    """A slip in a part the equivalence tables would have rewritten: the slip leaves the part unrewritten, so it
    meets the other's key as it was before equivalence (a person's first second key), where the slip and the
    digraph it broke may be two edits (Sergeevith, key `sergevitg`, against Siarheevich, `sergevic` before it became
    `sergvic`); or a patronymic by its second key only (Uladziiravitj read as -vich) against the other's keys.
    Long parts only, and never a son's patronymic against a daughter's."""
    best = 0.0
    pairs = [(key_a, alts_b[0] if alts_b else ""), (alts_a[0] if alts_a else "", key_b)]
    # A patronymic in a press spelling (Uladzimiravitj, Nikolaevici) is one by a second key only, which reads its
    # ending as -vich: that key meets the other's, before and after equivalence, and the slip is in the stem.
    for own, own_alts, other, other_alts, flip in (
        (key_a, alts_a, key_b, alts_b, False),
        (key_b, alts_b, key_a, alts_a, True),
    ):
        if own.endswith(_PATRONYMIC_ENDINGS):
            continue
        for read in own_alts:
            if read.endswith(_PATRONYMIC_ENDINGS):
                pairs.extend((o, read) if flip else (read, o) for o in (other, *other_alts[:1]))
    for a, b in pairs:
        if len(a) < SLIP_KEY_MIN or len(b) < SLIP_KEY_MIN or a[0] != b[0] or a == b:
            continue
        if _son_and_daughter(a, b):
            continue
        if _ending_apart(a, b) or (_suffix_apart(a, b) if len(a) < len(b) else _suffix_apart(b, a)):
            continue  # another name (Aleksandrov / Aleksandrovich), not a slip
        distance = OSA.distance(a, b, score_cutoff=2)
        if distance <= 2:
            best = max(best, 1.0 - distance / max(len(a), len(b)))
    return best


_FRAME_OPENING: Final = {
    **dict.fromkeys("aeiouy", "a"),
    **dict.fromkeys("gkqchj", "k"),
    "w": "v",
}
_FRAME_OPENING_PAIRS: Final = ("sh", "sch", "dj")
"""Words opening with ش or ج as French and German write them (Shaikh / Cheikh / Scheich, Djamel / Jamal): in the
k class with ch and j."""
_OPENINGS: Final[dict[str, str]] = {}


def _openings(words: tuple[str, ...]) -> str:
    """`NameVariant.openings` of a person's words, one string shared by every variant that opens alike."""
    found = "".join(
        "k" if w.startswith(_FRAME_OPENING_PAIRS) else _FRAME_OPENING.get(w[:1], w[:1] or " ") for w in words
    )
    return _OPENINGS.setdefault(found, found)


def _frames_similarity(frame_a: tuple[str, ...], frame_b: tuple[str, ...]) -> float:
    """FRAME_SIMILARITY for two frames that meet, UNWRITTEN_VOWEL_SIMILARITY for two that meet but a vowel, else 0.0."""
    if frames_meet(frame_a, frame_b):
        return FRAME_SIMILARITY
    if frames_meet_but_a_vowel(frame_a, frame_b):
        return UNWRITTEN_VOWEL_SIMILARITY
    return 0.0


@lru_cache(maxsize=500_000)
def _frame_similarity(word_a: str, word_b: str) -> float:
    """FRAME_SIMILARITY when two person name parts are one name from an abjad script romanised two ways (Mohsen /
    Muhsin, Sadegh / Sadiq: `consonant_frame`), UNWRITTEN_VOWEL_SIMILARITY when one also writes a short vowel the
    other leaves out, else 0.0. Patronymics are left to their own rules."""
    frame_a = consonant_frame(word_a)
    if frame_a is None:
        return 0.0
    frame_b = consonant_frame(word_b)
    if frame_b is None:
        return 0.0
    similarity = _frames_similarity(frame_a, frame_b)
    if not similarity and ("w" in word_a or "w" in word_b):
        # A w read as a diphthong may be the consonant of a Turkish spelling (Mevlut / Mawlud).
        literal_a, literal_b = consonant_frame(word_a, False), consonant_frame(word_b, False)
        if literal_a is not None and literal_b is not None and (literal_a, literal_b) != (frame_a, frame_b):
            similarity = _frames_similarity(literal_a, literal_b)
    if not similarity:
        return 0.0
    if fold(word_a).endswith(_PATRONYMIC_ENDINGS) or fold(word_b).endswith(_PATRONYMIC_ENDINGS):
        return 0.0
    return similarity


CUT_PIECE_MIN: Final = 3
"""A piece of a word cut by a space or a hyphen is read back into it from this many letters: an article or a
particle of two written apart or glued (Harakat ul / Harakatul) is read by the rules for articles, not as a cut."""


@lru_cache(maxsize=50_000)
def _written_runs(word: str, name: str) -> tuple[str, ...]:
    """The letters of `word` (`_letters_of`) joined with those of the word before it, the word after it and both,
    where `name` writes it, each of CUT_PIECE_MIN letters or more: the word a space or a hyphen may have cut it
    from (Enter prise, She-nzhen)."""
    letters = _letters_of(word)
    if len(letters) < CUT_PIECE_MIN:
        return ()
    written = [_letters_of(w) for w in normalize_name(name).split()]
    runs: dict[str, None] = {}
    for n, found in enumerate(written):
        if found != letters:
            continue
        before = written[n - 1] if n > 0 and len(written[n - 1]) >= CUT_PIECE_MIN else ""
        after = written[n + 1] if n + 1 < len(written) and len(written[n + 1]) >= CUT_PIECE_MIN else ""
        for run in (
            before and before + found,
            after and found + after,
            before and after and before + found + after,
        ):
            if len(run) >= WRITTEN_SLIP_MIN:
                runs[run] = None
    return tuple(runs)


def _cut_words_joined(
    own: NameVariant,
    other: NameVariant,
    rest: list[int],
    other_rest: list[int],
    matched: list[tuple[float, int, int]],
    own_first: bool,
) -> tuple[list[tuple[float, int, int]], list[int], list[int]] | None:
    """The pieces of a word cut by a space or a hyphen among the parts of `own` left over (`rest`): a piece whose run
    with a word beside it as written (`_written_runs`) is a word of `other` left over pairs with it (Gard Servis /
    Gardservis: 0.0 before), and is left out where that word met the piece beside it (Bels Hina / Belshina: bels met
    it; `matched` holds (similarity, query part, listed part), `own_first` when `own` is the query) or is a generic
    word the other name writes (Enter prise, Hold ings). Returns the pairs (similarity, query part, listed part) and
    what is left over on either side (own, other), or None when no part left over is written inside a word of the
    other name (most)."""
    written = other.original.lower()
    pieces = [k for k in rest if _letters_of(own.words[k]) in written]
    if not pieces:
        return None
    pairs: list[tuple[float, int, int]] = []
    other_words = _positions_by_letters(other.words)
    partners = {j: i for _, i, j in matched} if own_first else {i: j for _, i, j in matched}
    kept: list[int] = []
    other_left = list(other_rest)
    for k in rest:
        runs = _written_runs(own.words[k], own.original) if k in pieces else ()
        if not runs:
            kept.append(k)
            continue
        j = next((other_words[run] for run in runs if run in other_words), None)
        if j is not None and j in other_left:
            pairs.append((1.0, k, j) if own_first else (1.0, j, k))
            other_left.remove(j)
            partners[j] = k
        elif not (
            (j is not None and abs(partners.get(j, -2) - k) == 1)
            or not _generic_words_written(other.original).isdisjoint(runs)
        ):
            kept.append(k)
    return pairs, kept, other_left


@lru_cache(maxsize=50_000)
def _positions_by_letters(words: tuple[str, ...]) -> dict[str, int]:
    """Each word of a rendering by its letters (`_letters_of`) -> its position (cached: a listed name's renderings
    meet many queries). Not to be changed by the caller."""
    return {_letters_of(word): j for j, word in enumerate(words)}


def _pairs_added(
    pairs: list[tuple[float, int, int]],
    matched: list[tuple[float, int, int]],
    used_q: set[int],
    used_c: set[int],
    qw: tuple[float, ...],
    cw: tuple[float, ...],
) -> tuple[float, float]:
    """Add `pairs` (similarity, query part, listed part) to an alignment of `_align`: to `matched` and the parts
    used; the score and weight they add are returned."""
    score = weight = 0.0
    for sim, i, j in pairs:
        used_q.add(i)
        used_c.add(j)
        matched.append((sim, i, j))
        w = qw[i] + cw[j]
        score += sim * w
        weight += w
    return score, weight


def _left_overs_paired(
    rest_q: list[int], rest_c: list[int], similarity: Callable[[int, int], float]
) -> list[tuple[float, int, int]]:
    """The pairs of left-over parts that `similarity` (query part, listed part) finds, each part in one pair at most,
    the first found first; the parts paired are taken out of `rest_q` and `rest_c`."""
    pairs: list[tuple[float, int, int]] = []
    for i in list(rest_q):
        for j in rest_c:
            sim = similarity(i, j)
            if sim:
                rest_q.remove(i)
                rest_c.remove(j)
                pairs.append((sim, i, j))
                break
    return pairs


def _initials_reassigned(
    candidates: list[tuple[float, int, int]],
    matched: list[tuple[float, int, int]],
    used_q: set[int],
    used_c: set[int],
    q: tuple[str, ...],
    c: tuple[str, ...],
    qw: tuple[float, ...],
    cw: tuple[float, ...],
) -> tuple[float, float] | None:
    """Where an initial holds a word that a part left over could hold, while the initial could hold a word left
    over on the other side, both pairs are made instead of the one (the greedy pass of `_align` takes the
    likeliest pair first, and an initial meets many words). `matched`, `used_q` and `used_c` are updated; the
    score and weight added are returned, or None when nothing changed."""
    added_score = added_weight = 0.0
    sims: dict[tuple[int, int], float] | None = None
    for k in range(len(matched)):  # the pairs made here are appended after these and not asked again
        sim, i, j = matched[k]
        if (len(q[i]) > 1) == (len(c[j]) > 1):
            continue  # an initial with a word only: two initials alike stay together (A. = O. once folded)
        if sims is None:
            sims = {(a, b): s for s, a, b in candidates}
        best: tuple[float, int, int, float, float] | None = None
        for i2 in range(len(q)):
            s1 = sims.get((i2, j), 0.0) if i2 not in used_q else 0.0
            if not s1:
                continue
            for j2 in range(len(c)):
                s2 = sims.get((i, j2), 0.0) if j2 not in used_c else 0.0
                if not s2:
                    continue
                gain = s1 * (qw[i2] + cw[j]) + s2 * (qw[i] + cw[j2]) - sim * (qw[i] + cw[j])
                if gain > 0.0 and (best is None or gain > best[0]):
                    best = (gain, i2, j2, s1, s2)
        if best is not None:
            gain, i2, j2, s1, s2 = best
            matched[k] = (s1, i2, j)
            matched.append((s2, i, j2))
            used_q.add(i2)
            used_c.add(j2)
            added_score += gain
            added_weight += qw[i2] + cw[j2]
    return (added_score, added_weight) if added_weight else None


def _initials_out_of_order(
    matched: list[tuple[float, int, int]], q: tuple[str, ...], c: tuple[str, ...]
) -> tuple[tuple[float, int, int], tuple[float, int, int]] | None:
    """The pairs of two initials of one side that stand for the other side's given name and patronymic in the
    wrong order: the initial paired with the patronymic written before the one paired with the given name."""
    for side in (1, 2):
        initials, words = (q, c) if side == 1 else (c, q)
        if sum(len(key) == 1 for key in initials) < 2:
            continue
        given = patronymic = None
        for pair in matched:
            initial, word = (pair[1], pair[2]) if side == 1 else (pair[2], pair[1])
            if len(initials[initial]) != 1 or len(words[word]) == 1:
                continue
            if words[word].endswith(_PATRONYMIC_ENDINGS):
                patronymic = pair
            else:
                given = pair
        if given is not None and patronymic is not None and patronymic[side] < given[side]:
            return given, patronymic
    return None


def _weight(key: str) -> float:
    return 1.5 if len(key) == 1 else float(min(len(key), 12))


def _inside_left_overs(at: int, used: set[int], size: int) -> bool:
    """Whether the part at `at` of a name of `size` parts has a part left over (not in `used`) on either side."""
    return 0 < at < size - 1 and at - 1 not in used and at + 1 not in used


def _twins_swapped(
    matched: list[tuple[float, int, int]],
    used_q: set[int],
    used_c: set[int],
    q: tuple[str, ...],
    c: tuple[str, ...],
    qw: Sequence[float],
    cw: Sequence[float],
    qa: tuple[tuple[str, ...], ...],
    ca: tuple[tuple[str, ...], ...],
) -> None:
    """Where a name writes the article twice (AL-ZINDANI and Abd-al-Majid) and the greedy pass paired the one that
    sits between two parts left over while its twin is left over elsewhere, the twins change places: the pair scores
    the same, and the parts around the article stay neighbours for `_split_runs` (Abd al Majid / Abdelmajid); only
    where a part of the other name left over is those three parts written as one, the article glued
    (`_glued_article_similarity`, or through a second key: Abd al Kazim / Abdulkadhim). A run that would meet the
    other part only with a slip is another name (Abd al-Khaliq is no Abdulmalik). `qa` and `ca` are the names' second
    keys per part (or ()). Changes `matched` and the used sets in place."""
    for side, keys, used, weights, alts, other, other_used, other_alts in (
        (1, q, used_q, qw, qa, c, used_c, ca),
        (2, c, used_c, cw, ca, q, used_q, qa),
    ):
        if sum(key in _ARTICLES for key in keys) < 2:
            continue  # most names: no article written twice
        size = len(keys)
        for n, pair in enumerate(matched):
            at = pair[1] if side == 1 else pair[2]
            if keys[at] not in _ARTICLES or not _inside_left_overs(at, used, size):
                continue
            run = keys[at - 1 : at + 2]
            run_alts = alts[at - 1 : at + 2] if alts else ()
            if not any(
                k not in other_used
                and (
                    _glued_article_similarity(run, other[k]) >= 1.0
                    or _glued_article_alt_similarity(
                        run, run_alts, other[k], other_alts[k] if other_alts else ()
                    )
                )
                for k in range(len(other))
            ):
                continue  # no part of the other name left over that the three parts are written as
            for twin in range(size):
                if (
                    twin != at
                    and twin not in used
                    and keys[twin] == keys[at]
                    and weights[twin] == weights[at]
                    and not _inside_left_overs(twin, used, size)
                ):
                    used.discard(at)
                    used.add(twin)
                    matched[n] = (pair[0], twin, pair[2]) if side == 1 else (pair[0], pair[1], twin)
                    break


CUT_FIELD_WIDTHS: Final = frozenset({35, 70, 105, 140})
"""The widths of the fields that cut names short in what is screened: a payment message's name lines of 35 characters,
one to four of them (SWIFT MT 50K and 59; what converts a longer name into them cuts it). A screened organisation name
exactly that long may have lost the end of its last word (`cut_short`), which then meets a listed word it opens
(`_cut_similarity`); a name of another length is whole. Registries' columns (30, 32, 40, 50...) are left out: whole
names of those lengths are too common (LIMITED LIABILITY COMPANY GEOS, ISLAMIC MOVEMENT OF UZBEKISTAN)."""
CUT_WORD_MIN: Final = 2
"""Letters of a cut word at least (Grodno Az, cut from Grodno Azot at 35 characters)."""
CUT_PERSON_LOST: Final = 2
"""Letters a person's cut part must have lost (`_cut_similarity`)."""


_LAST_WORD: Final = re.compile(r"[a-z]+$")


def cut_short(name: NameVariant) -> bool:
    """Whether a name may have been cut short by a field: as long as one (CUT_FIELD_WIDTHS), ending in
    the letters of its last part as written in Latin (not in a closing quote, a bracket or a stop, which a whole
    name ends in, nor in a generic word or a legal form, which are no part: Vorkuta Management Company ends whole)."""
    original = name.original
    if len(original) not in CUT_FIELD_WIDTHS or not name.words:
        return False
    last = _LAST_WORD.search(original.lower())
    return last is not None and last.group() == name.words[-1]


def _cut_similarity(cut: str, word: str, person: bool = False) -> float:
    """The similarity of the last word of a screened name cut short by a field (`cut_short`) to a listed word that
    it opens, as written (Open Joint Stock Company 'Hotel Plane, cut from Planeta; Aliaksandr Aliaksandravich
    Zakhvits, cut from Zakhvitsevich): ALT_KEY_FACTOR times the share of the word it keeps, half at least; 0.0 for a
    word it does not open. The words after it in the listed name are left over, as the field lost them. A person's
    part must have lost CUT_PERSON_LOST letters or more: one letter less is read as one slip is, and a man's
    surname opens his wife's (Ivanov, Ivanova), which only a field that cut nothing would write so."""
    if (
        len(cut) < CUT_WORD_MIN
        or len(word) < len(cut) + (CUT_PERSON_LOST if person else 1)
        or not word.startswith(cut)
    ):
        return 0.0
    return ALT_KEY_FACTOR * (0.5 + 0.5 * len(cut) / len(word))


def _share_a_symbol(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two parts' Wikidata name items (`name_symbols`) have one in common (a few each: no set is built)."""
    for symbol in a:
        if symbol in b:
            return True
    return False


@lru_cache(maxsize=300_000)
def name_symbols(word: str) -> tuple[str, ...]:
    """The Wikidata items of given and family names that rigour's person-name tagger finds for one word as written
    (john: Q4925477, Q5281981...; джон: Q4925477, Q13501137...), the same name in every script and language in
    which Wikidata writes it; () for a word it does not know. Only items of one word: a span of several (Abd al
    Rahman) is read by the product's own rules."""
    found: set[str] = set()
    for name in analyze_names(NameTypeTag.PER, [word], consolidate=False, phonetics=False, numerics=False):
        for span in name.spans:
            if span.symbol.category == SymbolCategory.NAME and len(span.parts) == 1:
                found.add(span.symbol.id)
    return tuple(sorted(found))


def load_readers() -> None:
    """Load now what reading names loads on first use: rigour's person-name tagger for `name_symbols` (about six
    seconds and a few hundred MiB the first time a process reads a person's name), its legal forms, the
    transliterators and the product's tables. A process that loads a stored index reads no name before its first
    query, which would otherwise wait for all of it (docs/screening.md, "A stored index and the first query")."""
    name_symbols("ivan")
    load_query_tables()
    for name, kind in (
        ("Ivan Petrov", NameKind.PERSON),
        ("Иван Петров", NameKind.PERSON),
        ("Zorvex Trading LLC", NameKind.ORGANIZATION),
        ("ООО «Зорвекс»", NameKind.ORGANIZATION),
        ("Zorvex Star", NameKind.CRAFT),
    ):
        _name_read(name, kind)


def _align(
    query: NameVariant, listed: NameVariant, floor: float = 0.0
) -> tuple[float, list[tuple[float, int, int]], list[int], list[int]]:
    """Greedy best-first alignment of name parts in any order, and the weighted score it gives.

    Matched parts count with their similarity; parts left over count against the score, lightly when every
    part of the shorter name found a partner (a missing patronymic or middle name), fully otherwise.

    With a `floor`, a pair whose score cannot reach it (`_score_bound`, once the parts are paired) returns that
    bound instead, below the floor, without the checks that could only lower it further.
    """
    q, c = query.keys, listed.keys
    qw, cw = query.weights, listed.weights
    if query.abjad or listed.abjad:
        q, c = query.skeletons, listed.skeletons
        qw, cw = _skeleton_weights(query), _skeleton_weights(listed)
    abjad_mode = q is not query.keys
    # The query's parts as written, one for each key (skeletons have none).
    written = query.words if not abjad_mode else ()
    qa = query.alts if not abjad_mode else ()
    ca = listed.alts if not abjad_mode else ()
    candidates: list[tuple[float, int, int]] = []
    # The hot path: each pair of parts goes to one measure; initials by their first letter as written.
    c_range = range(len(c))
    c_long = [len(b) > 1 for b in c]
    person = query.kind == NameKind.PERSON
    # Parts whose words open alike (`NameVariant.openings`) may be one abjad name spelt two ways
    # (`_frame_similarity`); the others are not asked.
    q_open, c_open = (query.openings, listed.openings) if person and not abjad_mode else ("", "")
    framed = bool(q_open and c_open)
    # One side written in an abjad script and the other romanised: the vowels the script writes must agree.
    mixed = abjad_mode and query.abjad != listed.abjad
    q_parts, c_parts = (_unarticled(query), _unarticled(listed)) if mixed else ((), ())
    organisation = query.kind == NameKind.ORGANIZATION
    # Two organisation names that both carry the Arabic article as a word (al, and el and ul read as al:
    # `_ORG_ARTICLES`) are Arabic names romanised, maybe two ways (Jaysh al-Adl / Jeysh al-Adl): their words meet by
    # their consonants as a person's do.
    arabic_org = organisation and not abjad_mode and "al" in query.words and "al" in listed.words
    short_most = _short_key_most(query.kind)
    # An organisation's or a person's name screened as long as a field that cuts names may have lost the end of its
    # last part, which may then be the opening of a listed word (`_cut_similarity`).
    cut_at = len(q) - 1 if (organisation or person) and not abjad_mode and cut_short(query) else -1
    # Parts that Wikidata's name items hold as one name (Джон / John), read where no spelling rule meets them and
    # only across scripts: a rendering against a name written in Latin letters (a family name's item holds both
    # genders' forms, Ivanov and Ivanova, and Latin spellings are compared as written).
    q_symbols, c_symbols = (query.symbols, listed.symbols) if person and not abjad_mode else ((), ())
    across_scripts = query.system.startswith("latin") != listed.system.startswith("latin")
    latin_pair = organisation and query.system == "latin" and listed.system == "latin"
    symbolled = bool(q_symbols and c_symbols) and across_scripts
    for i, a in enumerate(q):
        if abjad_mode:
            for j in c_range:
                b = c[j]
                if mixed:
                    sim = (
                        _mixed_script_similarity(q_parts[i][0], *c_parts[j], q_parts[i][1][-1:])
                        if query.abjad
                        else _mixed_script_similarity(c_parts[j][0], *q_parts[i], c_parts[j][1][-1:])
                    )
                else:
                    sim = 1.0 if a == b else _part_similarity(a, b)
                if sim:
                    candidates.append((sim, i, j))
        elif len(a) > 1:
            a_alts = qa[i] if qa else ()
            a_open = q_open[i] if framed else ""
            for j in c_range:
                b = c[j]
                if a == b:
                    sim = (
                        0.0
                        if len(a) <= short_most and _short_words_apart(query.words[i], listed.words[j], a)
                        else 1.0
                    )
                elif not c_long[j]:
                    sim = _initial_similarity(
                        query.words[i], listed.words[j], a.endswith(_PATRONYMIC_ENDINGS)
                    )
                elif a_alts or (ca and ca[j]):
                    sim = _alt_similarity(a, b, a_alts, ca[j] if ca else (), person)
                else:
                    sim = _person_part_similarity(a, b) if person else _part_similarity(a, b)
                if organisation and sim < ALT_KEY_FACTOR and a[0] == b[0]:
                    # Words that open alike may be one English word with another ending, or one compound cut from
                    # the same words in two languages.
                    if english_derivation(query.words[i], listed.words[j]):
                        sim = ALT_KEY_FACTOR
                    elif not sim and _same_compound(a, b):
                        sim = COMPOUND_FACTOR
                    elif latin_pair:
                        sim = max(sim, _slip_as_written(query.words[i], listed.words[j]))
                if (
                    symbolled
                    and sim < NAME_SYMBOL_SIMILARITY
                    and _share_a_symbol(q_symbols[i], c_symbols[j])
                    and not _other_forms_apart(a, b, a_alts, ca[j] if ca else ())
                ):
                    sim = NAME_SYMBOL_SIMILARITY
                if (
                    organisation
                    and sim < ALT_KEY_FACTOR
                    and query.words[i][:1] == listed.words[j][:1]
                    and abbreviated_word(query.words[i], listed.words[j], a, b)
                ):
                    sim = ALT_KEY_FACTOR
                if 0.0 < sim < 1.0:
                    if organisation:
                        sim = _org_words_compared(a, b, sim)
                    elif person and _adjectival_genders(query.words[i], listed.words[j], a, b):
                        sim = 0.0
                    elif (
                        person
                        and sim < ALT_KEY_FACTOR
                        and _other_fathers(query.words[i], listed.words[j], a, b)
                    ):
                        sim = 0.0
                    elif (
                        person
                        and sim < SWAPPED_SIMILARITY
                        and _letters_swapped(query.words[i], listed.words[j])
                    ):
                        # Folding made two edits or more of one slip (Fiolnik / Filonik: `falnik` / `filanik`).
                        sim = SWAPPED_SIMILARITY
                if (
                    person
                    and 0.0 < sim < ALT_KEY_FACTOR
                    and c_long[j]
                    and _surnames_apart(a, b, a_alts, ca[j] if ca else ())
                ):
                    sim = 0.0
                if i == cut_at and sim < ALT_KEY_FACTOR:
                    sim = max(sim, _cut_similarity(query.words[i], listed.words[j], person))
                if framed and sim < FRAME_SIMILARITY and c_open[j] == a_open and c_long[j]:
                    sim = max(sim, _frame_similarity(query.words[i], listed.words[j]))
                elif arabic_org and sim < FRAME_SIMILARITY and a[0] != "#" and b[0] != "#":
                    sim = max(sim, _frame_similarity(query.words[i], listed.words[j]))
                if sim:
                    candidates.append((sim, i, j))
        else:
            for j in c_range:
                b = c[j]
                sim = (
                    1.0
                    if a == b
                    else _initial_similarity(query.words[i], listed.words[j], b.endswith(_PATRONYMIC_ENDINGS))
                )
                if sim:
                    candidates.append((sim, i, j))
    candidates.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    matched: list[tuple[float, int, int]] = []
    matched_score = matched_weight = 0.0
    substantive = -1.0  # `_substantive` of the matched parts, once known
    for sim, i, j in candidates:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            matched.append((sim, i, j))
            w = qw[i] + cw[j]
            matched_score += sim * w
            matched_weight += w
    left_q, left_c = len(q) - len(used_q), len(c) - len(used_c)
    if matched and ((left_q >= 2 and left_c) or (left_c >= 2 and left_q)):
        # A swap needs a twin article and two neighbours left over on one side, a part left over on the other.
        _twins_swapped(matched, used_q, used_c, q, c, qw, cw, qa, ca)
    initials = (
        person and not abjad_mode and (min(map(len, q), default=2) == 1 or min(map(len, c), default=2) == 1)
    )
    if initials and matched and len(used_q) < len(q) and len(used_c) < len(c):
        # Initials compete for the same word (D. S. Karsiuk / Dmitriy Sergeevich Karsiuk: S. may stand for Dmitriy
        # through one of its other forms): the greedy pass may give the word to the wrong one and leave the other
        # unpaired where both could pair.
        gained = _initials_reassigned(candidates, matched, used_q, used_c, q, c, qw, cw)
        if gained:
            matched_score += gained[0]
            matched_weight += gained[1]
    if initials and len(matched) >= 2:
        # Two initials stand for a given name and a patronymic in that order (V. A. Zorvanov: Viktar
        # Aliaksandravich); in the other order they are another person's (A. V. Zorvanov is no Viktar
        # Aliaksandravich), and neither pair holds, unless each initial also stands for the other word (A. A.).
        wrong = _initials_out_of_order(matched, q, c)
        if wrong:
            sims = {(i, j): sim for sim, i, j in candidates}
            (_, given_i, given_j), (_, patronymic_i, patronymic_j) = wrong
            swapped = [
                (sims.get((patronymic_i, given_j), 0.0), patronymic_i, given_j),
                (sims.get((given_i, patronymic_j), 0.0), given_i, patronymic_j),
            ]
            for sim, i, j in wrong:
                matched.remove((sim, i, j))
                w = qw[i] + cw[j]
                matched_score -= sim * w
                matched_weight -= w
            if swapped[0][0] and swapped[1][0]:
                added = _pairs_added(swapped, matched, used_q, used_c, qw, cw)
                matched_score += added[0]
                matched_weight += added[1]
            else:
                for _, i, j in wrong:
                    used_q.discard(i)
                    used_c.discard(j)
    undone: tuple[float, int, int] | None = None
    if organisation and matched and len(used_q) < len(q) and len(used_c) < len(c):
        # A dictionary word paired with its synonym may be half of a brand the other name writes as one word
        # (Zorvexmarine Shipping / Zorvex Marine: marine met shipping): it goes back to be paired in the run, and
        # is paired again below if no run takes it.
        undone = _pair_in_a_run(q, c, qa, ca, matched, used_q, used_c)
        if undone is not None:
            sim, i, j = undone
            matched.remove(undone)
            used_q.discard(i)
            used_c.discard(j)
            w = qw[i] + cw[j]
            matched_score -= sim * w
            matched_weight -= w
    if (
        matched
        and not abjad_mode
        and query.kind == NameKind.PERSON
        and len(used_q) < len(q)
        and len(used_c) < len(c)
        and (
            len(matched) >= 2
            or (substantive := _substantive(query, matched, q, c, listed)) >= 1.0
            or _surname_shaped_as_patronymic(matched, q, c)
        )
    ):
        # One slip in a given name: pair the left-overs by a looser measure (see LOOSE_MIN).
        loose = sorted(
            (
                (sim, i, j)
                for i in range(len(q))
                if i not in used_q
                for j in range(len(c))
                if j not in used_c
                and (
                    sim := _left_over_similarity(
                        query.words[i], listed.words[j], q[i], c[j], qa[i] if qa else (), ca[j] if ca else ()
                    )
                )
                >= LOOSE_MIN
            ),
            reverse=True,
        )
        for sim, i, j in loose:
            if i not in used_q and j not in used_c:
                used_q.add(i)
                used_c.add(j)
                matched.append((sim * LOOSE_FACTOR, i, j))
                substantive = -1.0  # one more part matched: counted again below
                w = qw[i] + cw[j]
                matched_score += sim * LOOSE_FACTOR * w
                matched_weight += w
    rest_q = [i for i in range(len(q)) if i not in used_q] if len(used_q) < len(q) else []
    rest_c = [j for j in range(len(c)) if j not in used_c] if len(used_c) < len(c) else []
    split = 0  # parts paired as one with a neighbour (`_split_runs`), beyond the first of each run
    runs: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    # The one run paired, when it is the only pair (`_contained_run`).
    run_used: tuple[tuple[int, ...], tuple[int, ...]] | None = None
    if (
        rest_q
        and rest_c
        and (len(rest_q) > 1 or len(rest_c) > 1)
        and not abjad_mode
        and (person or _may_run(q, c, rest_q, rest_c))
    ):
        runs = _split_runs(
            q, c, rest_q, rest_c, (query.words, listed.words) if person else None, (qa, ca), organisation
        )
        if not runs and organisation and qa and ca:
            runs = _loanword_runs(qa, ca, rest_q, rest_c)
    elif mixed and rest_q and rest_c and len(rest_q if query.abjad else rest_c) > 1:
        # Two neighbouring words of the script that the romanisation writes as one (عطاء الرحمن: Ataurrahman; لا لا:
        # Lala).
        runs = _abjad_runs(query.abjad, q_parts, c_parts, rest_q, rest_c)
    for sim, run_q, run_c in runs:
        if used_q.isdisjoint(run_q) and used_c.isdisjoint(run_c):
            used_q.update(run_q)
            used_c.update(run_c)
            matched.extend((sim, i, j) for i in run_q for j in run_c)
            split += len(run_q) + len(run_c) - 2
            substantive = -1.0
            run_used = (run_q, run_c) if len(matched) == len(run_q) * len(run_c) else None
            w = sum((qw[i] for i in run_q), 0.0) + sum((cw[j] for j in run_c), 0.0)
            matched_score += sim * w
            matched_weight += w
    if undone is not None and undone[1] not in used_q and undone[2] not in used_c:
        added = _pairs_added([undone], matched, used_q, used_c, qw, cw)
        matched_score += added[0]
        matched_weight += added[1]
    if runs or undone is not None:
        rest_q = [i for i in rest_q if i not in used_q]
        rest_c = [j for j in rest_c if j not in used_c]
    # A word cut in two by a space or a hyphen (Enter prise, Hold ings, She nzhen, Gard Servis): a piece left over
    # that makes, with a word beside it as written, a word the other name writes. A word of kind cut off a brand
    # (Gard Servis / Gardservis) says no other kind of company than the brand glued to it.
    rejoined = False
    for on_query in (True, False) if organisation and not abjad_mode else ():
        # The query's pieces first, then the list's.
        cut_side, other_side, own_rest, other_rest = (
            (query, listed, rest_q, rest_c) if on_query else (listed, query, rest_c, rest_q)
        )
        cut = (
            _cut_words_joined(cut_side, other_side, own_rest, other_rest, matched, on_query)
            if own_rest
            else None
        )
        if cut is not None:
            rejoined = rejoined or bool(cut[0])
            added = _pairs_added(cut[0], matched, used_q, used_c, qw, cw)
            matched_score += added[0]
            matched_weight += added[1]
            rest_q, rest_c = (cut[1], cut[2]) if on_query else (cut[2], cut[1])
    if organisation and (rest_q or rest_c) and not abjad_mode:
        # A word left over that is a generic word the other name writes, with one slip (Stae Security Committee,
        # Ceter, Lomited, Joont Stock) or two (Mannageent): the slip made a word that names the company of a word
        # that says its kind.
        # The word it stands for, left over on the other side, goes with it (Seel / Steel).
        meant: set[str] = set()
        # An abbreviation is read so only beside a word that names the company, paired (Zorvex Gen. Trading): a
        # name of dictionary words only (Real Estates Int) is a description, whose letters may stand for anything.
        # Asked once, of the first word shaped as an abbreviation.
        named: bool | None = None
        for words, keys, rest, other_name, own_name in (
            (query.words, q, rest_q, listed.original, query.original),
            (listed.words, c, rest_c, query.original, listed.original),
        ):
            for k in rest if matched else ():
                found = (
                    _generic_word_misspelt(words[k], other_name)
                    if len(words[k]) >= GENERIC_SLIP_MIN
                    else None
                )
                if found is None and len(words[k]) >= KNOWN_TWO_SLIPS_MIN:
                    found = _generic_word_slipped_twice(words[k], other_name, own_name)
                if found is None and len(words[k]) >= ABBREVIATION_MIN and _may_abbreviate(words[k]):
                    if named is None:
                        named = any(not is_descriptive_org_key(q[i]) for _, i, _ in matched)
                    if named:
                        found = _generic_word_abbreviated(words[k], keys[k], other_name, own_name)
                if found:
                    meant.add(found)
                    meant.add(_letters_of(words[k]))
        if meant:
            rest_q = [i for i in rest_q if _letters_of(query.words[i]) not in meant]
            rest_c = [j for j in rest_c if _letters_of(listed.words[j]) not in meant]
        if rest_q and rest_c:
            # One slip in a word that names the company, where its key is too short for an edit (Blck / Black,
            # Shocck / Shock: blk, sok): by its written letters, five or more, as a slip in a longer key is. Also
            # where nothing else pairs, in words of TWO_SLIPS_MIN letters or more: the slips may have moved the
            # word's key further than its letters (Absoultbak / Absolutbank: absultbak, absalutbank, three edits), and
            # a company named by one word has no other. A shorter word alone is an acronym as often, which one letter
            # makes another (VNIIEF / VNIITF, NIIET / NIIMET).
            shortest = 0 if matched else TWO_SLIPS_MIN
            slips = _left_overs_paired(
                rest_q,
                rest_c,
                lambda i, j: (
                    _written_slip_between(query.words[i], listed.words[j])
                    if len(query.words[i]) >= shortest and len(listed.words[j]) >= shortest
                    else 0.0
                ),
            )
            added = _pairs_added(slips, matched, used_q, used_c, qw, cw)
            matched_score += added[0]
            matched_weight += added[1]
    if person and not abjad_mode and rest_q and rest_c:
        # A left-over name with the Arabic article glued and the other's left-over name without it (Alhaitham /
        # Haitham) are one name, as Al Haitham is where the article is free (`_split_runs`); the other's free
        # article may have paired with another (ALI, Alhaitham Al / AL-ALI, Al Haitham). Where neither name writes
        # an Arabic particle, only a long name after the article (`_surname_article_glued`) that both names write
        # as the surname, before a comma (ALDABBAS, Rania / DABBAS, Rania): Alberto Rossi is no Berto Rossi, and
        # ALBASHIR, Mohammed no Bashir Mohamed Mahmoud.
        glued: list[tuple[float, int, int]] = []
        if _arabic_names(query, listed):
            glued = _left_overs_paired(
                rest_q,
                rest_c,
                lambda i, j: float(abs(len(q[i]) - len(c[j])) == 2 and _article_glued(q[i], c[j])),
            )
        elif matched:
            surnames_q, surnames_c = _before_comma(query), _before_comma(listed)
            if surnames_q and surnames_c:
                glued = _left_overs_paired(
                    rest_q,
                    rest_c,
                    lambda i, j: (
                        _surname_article_glued(q[i], c[j]) if i < surnames_q and j < surnames_c else 0.0
                    ),
                )
        if glued:
            substantive = -1.0
            added = _pairs_added(glued, matched, used_q, used_c, qw, cw)
            matched_score += added[0]
            matched_weight += added[1]
    if person and not abjad_mode:
        # The Arabic article opening a name, left over, is no part of the surname one list writes with it and the
        # other without (AL-AULAQI / AULAQI): it neither counts against the pair nor makes a conflict of the parts
        # left over. Only before a part met as written: elsewhere al- marks a family name that is not the given
        # name of the same letters (GAZARYAN Al-Ahmad / GAZARYAN, Rana Ahmad), and Il ends Kim Jong Il as a name.
        rest_q = _without_opening_article(rest_q, q, matched, 1)
        rest_c = _without_opening_article(rest_c, c, matched, 2)
    elif organisation and not abjad_mode:
        # So in an organisation's name (Al-Tawasul Company / Tawasul Company): al alone, as its words read the
        # article (L-Inmo, S.A. is no Arabic name), before a word that names the organisation; before a word that
        # says its kind (Al Harakat al-Islamiyya: the Islamic Movement) the article is what sets a name apart
        # from a description.
        if q[0] == "al" and _article_before_its_name(query):
            rest_q = _without_opening_article(rest_q, q, matched, 1)
        if c[0] == "al" and _article_before_its_name(listed):
            rest_c = _without_opening_article(rest_c, c, matched, 2)
    if person and not abjad_mode:
        if rest_q or rest_c:
            # The article written apart before a name the other side writes with it glued (Al-Wardi / Alwardi)
            # is that name's, not a part left over.
            for _, i, j in matched:
                if (
                    abs(len(q[i]) - len(c[j])) == 2
                    and _article_glued(q[i], c[j])
                    and _arabic_names(query, listed)
                ):
                    if len(q[i]) < len(c[j]) and i - 1 in rest_q and q[i - 1] in _ARTICLES:
                        rest_q = [k for k in rest_q if k != i - 1]
                    elif len(c[j]) < len(q[i]) and j - 1 in rest_c and c[j - 1] in _ARTICLES:
                        rest_c = [k for k in rest_c if k != j - 1]
        if matched and (rest_q or rest_c) and not (_NASAB_WORDS.isdisjoint(q) and _NASAB_WORDS.isdisjoint(c)):
            # "Son of" and "daughter of" left over (Abdallah Bin Faisal / Abdallah Faysal) name no one: the names
            # they join count, the word does not.
            rest_q = [i for i in rest_q if q[i] not in _NASAB_WORDS]
            rest_c = [j for j in rest_c if c[j] not in _NASAB_WORDS]
    joined = -1.0  # the whole-string comparison, once computed
    contained = query.kind == NameKind.ORGANIZATION and (
        (
            len(matched) == 1
            and (
                _contained_word(query, listed, q, c, matched, rest_q, rest_c)
                or (bool(rest_q and rest_c) and _brand_between_seat_and_kind(q, c, matched, rest_q, rest_c))
            )
        )
        or (run_used is not None and _contained_run(query, listed, q, c, run_used, rest_q, rest_c))
    )
    alone = (
        person
        and len(matched) == 1
        and (len(q) == 1 or len(c) == 1)
        and matched[0][0] >= 1.0
        and _surname_alone(q[matched[0][1]])
    )
    # A left-over part hyphened to a matched one is the rest of a double surname the other name writes in part
    # (Zorvanova-Plutova / Zorvanova): the pair is complete, with that part a surplus.
    hyphened = (
        person
        and not abjad_mode
        and bool(rest_q and rest_c)
        and (
            _hyphened_to_matched(query, q, rest_q, matched, 1)
            or _hyphened_to_matched(listed, c, rest_c, matched, 2)
        )
    )
    if floor > 0.0 and matched and not contained and not alone:
        bound = _score_bound(
            query, listed, q, c, qw, cw, rest_q, rest_c, matched, matched_score, matched_weight, hyphened
        )
        # The whole strings may beat the parts: compared only when the parts alone leave the pair out.
        if (
            bound < floor - _BOUND_MARGIN
            and len(q) != len(c)
            and not _parts_contained(matched, rest_q, rest_c)
        ):
            joined = _joined_similarity(query, listed, q, c)
            bound = max(bound, joined)
        if bound < floor - _BOUND_MARGIN:
            return bound, [], rest_q, rest_c
    score = 0.0
    if matched:
        complete = (
            not rest_q or not rest_c or hyphened or (organisation and _seat_and_kind(q, rest_q, c, rest_c))
        )
        if (
            query.kind == NameKind.ORGANIZATION
            and complete
            and (
                (_distinctive_left(query, _not_places(q, rest_q), listed) and not rest_c)
                or (_distinctive_left(listed, _not_places(c, rest_c), query) and not rest_q)
            )
            and not split
            and _as_many_words(query, listed)
            and not _only_forms_dropped(query if not rest_q else listed)
        ):
            # Two names of the same length that differ in a word naming which company, where the other name has a
            # generic word (Grodno Tobacco Factory Neman / Grodno Tobacco Synesis Neman): one word was swapped
            # for another, not left out, so this is another company. A shorter alias (Cham Wings / Cham Wings
            # Airlines) keeps the light treatment of left-overs, and so does a name whose words one name writes
            # as one (Aerocaribbean Airlines / Aero-Caribbean: as many words, none swapped).
            complete = False
            score_penalty = ORGANIZATION_CONFLICT_PENALTY
        else:
            score_penalty = 1.0
        light: frozenset[tuple[int, int]] = frozenset()
        description_cap = 1.0
        if (
            query.kind == NameKind.ORGANIZATION
            and complete
            and not abjad_mode
            and _only_descriptive(query, matched, listed=listed)
            and (_new_word_left(query, rest_q, listed) or _new_word_left(listed, rest_c, query))
        ):
            # Only dictionary words agree (Digital Security) and one name adds a word naming which organisation
            # (Digital Security Helpdesk): the shorter name describes a kind of business; the added word decides,
            # a town included (Minsk Tractor Works / Tractor Works).
            complete = False
        elif (
            query.kind == NameKind.ORGANIZATION
            and complete
            and not abjad_mode
            and _description_differs(query, listed, matched, rest_q, rest_c)
        ):
            # Only towns and dictionary words agree and one name adds a dictionary word the other lacks: two
            # descriptions of different businesses (Minsk Tractor Service / Minsk Wheel Tractor Plant, which is
            # not the Minsk Tractor Works either). With words of kind that differ and nothing left over
            # (Minsk Automobile Service Center / Minsk Automobile Plant), a lead at most.
            complete = False
            description_cap = CONTAINED_WORD_SCORE
        elif (
            query.kind == NameKind.ORGANIZATION
            and complete
            and not abjad_mode
            and bool(rest_q) != bool(rest_c)
            and _only_descriptive(query, matched, listed=listed)
            and _only_countries_left(query, rest_q, listed, rest_c)
        ):
            # Only dictionary words agree and one name adds the country alone (National State TV and Radio
            # Company of Belarus / General Organization of Radio and TV): the same description of a body of
            # another country, or of one the other name leaves its country out of; a lead for review.
            description_cap = CONTAINED_WORD_SCORE
        elif query.kind == NameKind.ORGANIZATION and not abjad_mode and (rest_q or rest_c):
            light = _places_left(query, rest_q, listed, rest_c, matched)
        elif (
            organisation
            and complete
            and not abjad_mode
            and not split
            and len(matched) == len(q) == len(c)
            and _described_otherwise_only(query, listed)
        ):
            # The same words of description, written otherwise (Minsk Wheel Tractor Service / Минский завод
            # колёсных тягачей), as `quick_score` reads them written alike.
            description_cap = CONTAINED_WORD_SCORE
        # A patronymic left over weighs less where every pair meets well (PATRONYMIC_SURPLUS).
        met_well = (
            person
            and complete
            and not abjad_mode
            and bool(rest_q or rest_c)
            and all(
                m[0] >= PATRONYMIC_SURPLUS_PAIRS
                or _slip_of_a_name(query.words[m[1]], listed.words[m[2]], q[m[1]], c[m[2]])
                or _letters_swapped(query.words[m[1]], listed.words[m[2]])
                for m in matched
            )
        )
        surplus = _surplus(qw, cw, rest_q, rest_c, light, (q, c) if met_well else None)
        if substantive < 0.0:
            substantive = _substantive(query, matched, q, c, listed)
        weak = substantive < (0.5 if query.kind in _UNNAMED_KINDS else 1.5)
        if complete:
            factor = (
                SURPLUS_WEIGHT_SINGLE if weak or len(matched) - split < 2 else SURPLUS_WEIGHT_WHEN_COMPLETE
            )
        else:
            factor = 1.0
        score = matched_score / (matched_weight + factor * surplus) * score_penalty
        if not complete:
            score *= INCOMPLETE_PENALTY
            if (
                query.kind == NameKind.ORGANIZATION
                and _distinctive_left(query, rest_q)
                and _distinctive_left(listed, rest_c)
            ):
                score *= ORGANIZATION_CONFLICT_PENALTY
        numbered_q = any(q[i][0] == "#" for i in rest_q)
        numbered_c = any(c[j][0] == "#" for j in rest_c)
        if numbered_q and numbered_c:
            score *= NUMBER_CONFLICT_PENALTY  # IRAN HORMUZ 22 is not IRAN HORMUZ 25
        elif numbered_q != numbered_c and query.kind in _UNNAMED_KINDS and score > CONTAINED_WORD_SCORE:
            # A ship's or an aircraft's number is part of its name: SPARTA III is another ship than SPARTA, or the
            # same one renamed (HAPPINESS I / HAPPINESS); a lead for review, where the IMO number decides.
            score = CONTAINED_WORD_SCORE
        elif (
            numbered_q != numbered_c
            and organisation
            and score > CONTAINED_WORD_SCORE
            and _only_descriptive(query, matched, len(matched))
        ):
            # Only dictionary words agree and one name adds a number: the number names which plant, branch or unit
            # of that description (Aviation Repair Plant / Aviation Repair Plant 558; Military Intelligence /
            # Military Intelligence Branch 290), a lead for review.
            score = CONTAINED_WORD_SCORE
        if (
            query.kind == NameKind.ORGANIZATION
            and not abjad_mode
            and all(is_place_key(q[i]) for _, i, _ in matched)
            and _written_apart(query, listed)
            and not _same_kind_said(query, listed)
        ):
            score *= PLACE_ONLY_PENALTY  # Minsk Investment Group / Hotel 'Minsk': a town names no company
        if weak and len(rest_q) + len(rest_c) > len(light):
            # Only a given name and a patronymic, an initial, or generic words ("Company") agree.
            score *= WEAK_EVIDENCE_PENALTY if substantive > 0 else GENERIC_ONLY_PENALTY
        if score > description_cap:
            score = description_cap
        if contained:
            brand = q[matched[0][1]] if run_used is None else "".join(q[i] for i in run_used[0])
            coined = _coined(brand) or _compound_spelt_out(brand, q, c, rest_q, rest_c)
            # The name with no part left over is the one word (`_contained_word`, `_contained_run`); a seat and a
            # kind (`_brand_between_seat_and_kind`) leave parts over on both sides.
            beside = (not rest_q and _generic_beside(query, q)) or (not rest_c and _generic_beside(listed, c))
            if coined and not beside:
                lifted = CONTAINED_BRAND_SCORE
            elif coined or not beside:
                lifted = CONTAINED_WORD_SCORE
            else:
                lifted = 0.0  # a shorter word beside generic words: scored by its parts
            if score < lifted:
                score = lifted
        if (
            query.kind == NameKind.ORGANIZATION
            and score > CONTAINED_WORD_SCORE
            and 0 < _parts_beside_where(q, matched, written) <= DESCRIPTIVE_ONLY_MAX
            and not rejoined
            and _brand_of_other_kind(*_brand_among(q, matched, written), query.kinds, listed.kinds)
        ):
            # Orion Technologies / Orion LLC: a short brand, another kind; Neman Tobacco Trading / Grodno Tobacco
            # Factory Neman: a brand and a dictionary word, kinds that agree in nothing; Zorvex Technology Germany /
            # Zorvex Trading Germany: a brand and the country it works in.
            score = CONTAINED_WORD_SCORE
        if alone and score < SURNAME_ALONE_SCORE:
            score = SURNAME_ALONE_SCORE
        if query.kind == NameKind.PERSON and _child_in_nasab(query, listed, q, c, matched, rest_q, rest_c):
            # Not compared as whole strings below: they differ only in the name in front, which that would forgive.
            return score * NASAB_PENALTY, matched, rest_q, rest_c
    if len(q) != len(c) and q and c and not _parts_contained(matched, rest_q, rest_c):
        if joined < 0.0:
            joined = _joined_similarity(query, listed, q, c)
        if joined > score:
            return joined, [], [], []
    return score, matched, rest_q, rest_c


def _seat_and_kind(q: tuple[str, ...], rest_q: list[int], c: tuple[str, ...], rest_c: list[int]) -> bool:
    """Whether the parts one organisation name has left over are all towns (its seat) and the other's all words that
    describe (its kind): Naftan Refinery / Novopolotsk Naftan name one company, each adding what the other leaves
    out, as a name adding either alone does."""

    def towns(keys: tuple[str, ...], rest: list[int]) -> bool:
        return all(is_place_key(keys[k]) for k in rest)

    def kind(keys: tuple[str, ...], rest: list[int]) -> bool:
        return all(is_descriptive_org_key(keys[k]) and not is_place_key(keys[k]) for k in rest)

    return (towns(q, rest_q) and kind(c, rest_c)) or (towns(c, rest_c) and kind(q, rest_q))


def _brand_between_seat_and_kind(
    q: tuple[str, ...],
    c: tuple[str, ...],
    matched: list[tuple[float, int, int]],
    rest_q: list[int],
    rest_c: list[int],
) -> bool:
    """Whether two organisation names agree in one word as written that names a company (no dictionary word or
    town), one adding only its seat and the other only its kind (`_seat_and_kind`): the word is the company's name,
    as where one name is that word alone (`_contained_word`)."""
    sim, i, _ = matched[0]
    key = q[i]
    return (
        sim >= 1.0
        and _seat_and_kind(q, rest_q, c, rest_c)
        and len(key) >= ACRONYM_MIN
        and key[0] != "#"
        and _names_a_company(key)
    )


def _hyphened_to_matched(
    variant: NameVariant,
    keys: tuple[str, ...],
    rest: list[int],
    matched: list[tuple[float, int, int]],
    side: int,
) -> bool:
    """Whether every part of `rest` is written in one word with a part matched closely (`matched`, this name's
    index at `side` of each pair, at ALT_KEY_FACTOR or more), joined by a
    hyphen, in the name as written: the second half of a double surname (Zorvanova-Plutova). Both halves must be
    names of DOUBLE_SURNAME_MIN letters or more and neither an Arabic particle or Abd: al-Rawi, Abd-al-Hadi, Mir-Hejazi
    and a Korean given name's syllables (Sang-ho) are one name, not two surnames. Parts are counted word by word
    against the name as written; a name whose parts cannot be counted so (words dropped or added by its reading)
    has none."""
    if "-" not in variant.original:
        return False
    groups = _hyphen_groups(variant.original, len(variant.words))
    if len(groups) != len(keys):
        return False
    close = {pair[side] for pair in matched if pair[0] >= ALT_KEY_FACTOR}

    def surname(k: int) -> bool:
        return len(keys[k]) >= DOUBLE_SURNAME_MIN and keys[k] not in _PARTICLES and keys[k] not in _SERVANT_OF

    return all(surname(i) and any(k != i and k in close and surname(k) for k in groups[i]) for i in rest)


DOUBLE_SURNAME_MIN: Final = 4
"""See `_hyphened_to_matched`."""


@lru_cache(maxsize=20_000)
def _hyphen_groups(original: str, parts: int) -> tuple[tuple[int, ...], ...]:
    """Per part of a person's name, the parts written with it in one hyphenated word (itself alone when none), or
    () when the words of the name as written do not count `parts` parts."""
    groups: list[tuple[int, ...]] = []
    at = 0
    for word in clean_text(original).replace(",", " ").split():
        pieces = [piece for piece in word.split("-") if any(ch.isalnum() for ch in piece)]
        if not pieces:
            continue
        group = tuple(range(at, at + len(pieces)))
        groups.extend([group] * len(pieces))
        at += len(pieces)
    return tuple(groups) if at == parts else ()


def _surname_alone(key: str) -> bool:
    """Whether a person name's only part may be a surname worth a lead (SURNAME_ALONE_SCORE)."""
    return len(key) >= SURNAME_ALONE_MIN and key[0] != "#" and not default_table().knows(key)


_OPENING_ARTICLE: Final = re.compile(
    r"^\W*(?:al|el|ul|ud|ur|ut|uz|ush|uth|udh|ar|az)(?![^\W\d_])", re.IGNORECASE
)
"""An organisation's name as written that opens with the Arabic article, whole or assimilated (Al-Tawasul, El
Grupo, Ar-Rahmah; `_ORG_ARTICLES`, `_ORG_ASSIMILATED_ARTICLES`)."""


def _article_before_its_name(variant: NameVariant) -> bool:
    """Whether an organisation's rendering opens with the article before a part that names which organisation: the
    name as written opens with it (a rendering without its generic words may open with an article from inside the
    name: Jamiat al-Jihad read without Jamiat), and the part after it is no dictionary word of the tables, in any
    language they know, Arabic and Persian romanised included (Harakat, Jamaat)."""
    return (
        bool(_OPENING_ARTICLE.match(variant.original))
        and len(variant.keys) > 1
        and not is_descriptive_org_key(variant.keys[1])
        and _arabic_lookup_form(variant.words[1]) not in _arabic_script_org_words()
    )


def _without_opening_article(
    rest: list[int], keys: tuple[str, ...], matched: list[tuple[float, int, int]], side: int
) -> list[int]:
    """The left-over parts `rest` of one name (`side` 1 the query's, 2 the listed name's in `matched`) without the
    Arabic article that opens it, when the part after the article was met as written, or by a second key beside
    another part met (AL-KARMUSH, Muwaffaq / KARMOOSH, Muwafaq: oo read as u; a name of one part alone, Chicho / El
    Gigio, is not enough)."""
    if (
        rest
        and rest[0] == 0
        and keys[0] in _ARTICLES
        and any(
            m[side] == 1 and (m[0] >= 1.0 or (m[0] >= ALT_KEY_FACTOR and len(matched) > 1)) for m in matched
        )
    ):
        return rest[1:]
    return rest


def _may_run(q: tuple[str, ...], c: tuple[str, ...], rest_q: list[int], rest_c: list[int]) -> bool:
    """Whether some left-over part of one organisation name opens as one of the other's does: a word written as two
    on the other side (`_split_runs`) opens as the first of the two."""
    openings = {q[i][:2] for i in rest_q}
    return any(c[j][:2] in openings for j in rest_c)


SPLIT_RUN_SIMILARITY: Final = 0.9
"""How close a brand written as one word must be to two words of the other name for a dictionary word paired with
its synonym to be taken back into the run (`_pair_in_a_run`)."""


def _split_runs(
    q: tuple[str, ...],
    c: tuple[str, ...],
    rest_q: list[int],
    rest_c: list[int],
    words: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
    alts: tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]] = ((), ()),
    organisation: bool = False,
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """Runs of neighbouring left-over parts of one name whose keys joined are one left-over part of the other
    (see SPLIT_RUN), as (similarity, query parts, listed parts), best first. Lengths are compared before any key
    is joined: `_part_similarity` allows no more edits than the lengths differ by, and most runs are too long or
    too short for every part of the other name.

    With the names' `words` (a person's), a run whose keys joined meet nothing is keyed again as the one word its
    words write joined: a word split by a slip of the space bar or a hyphen (Nikola evich, Ni-kolaevich, Gen nadi)
    has pieces keyed as names of their own (Nikola), where the whole word is a patronymic with a key of its own.

    With the names' second keys (`alts`, each name's per part), a run holding an article is also compared through
    them (`_glued_article_alt_similarity`): Abd al Kazim / Abdulkadhim, whose dh is the z of another romanisation.

    An `organisation`'s run joined meets the other's word as two words of organisations do (`_org_words_compared`):
    Bel Gazprom Bank, a cut of Belgazprombank, is not Belagroprombank, three letters off as the one word is."""
    found: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    words_q, words_c = words if words is not None else (None, None)
    alts_q, alts_c = alts
    for keys, rest, other, other_rest, on_query, written, other_written, own_alts, other_alts in (
        (q, rest_q, c, rest_c, True, words_q, words_c or (), alts_q, alts_c),
        (c, rest_c, q, rest_q, False, words_c, words_q or (), alts_c, alts_q),
    ):
        if len(rest) < 2:
            continue
        singles = [
            (j, other[j], len(other[j])) for j in other_rest if len(other[j]) > 3 and other[j][0] != "#"
        ]
        if not singles:
            continue
        longest = max(size for _, _, size in singles)
        for n, start in enumerate(rest[:-1]):
            first = keys[start]
            if len(first) < 2 or first[0] == "#":
                continue
            length, previous = len(first), start
            for end in rest[n + 1 : n + SPLIT_RUN]:
                key = keys[end]
                if end != previous + 1 or len(key) < 2 or key[0] == "#":
                    break  # not a neighbour, an initial or a number
                previous = end
                length += len(key)
                if length > longest + 3:
                    break
                # An article before the run's last part may be written glued (`_glued_article_similarity`).
                glued = not _ARTICLES.isdisjoint(keys[start:end])
                joined_key: str | None = None
                written_length = sum(len(w) for w in written[start : end + 1]) if written is not None else 0
                for j, b, size in singles:
                    sim = 0.0
                    # Further apart than `_part_similarity` allows, the keys joined are not compared.
                    if _lengths_may_meet(size, length):
                        sim = _part_similarity("".join(keys[start : end + 1]), b)
                        if glued and sim < 1.0:
                            sim = max(sim, _glued_article_similarity(keys[start : end + 1], b))
                            if sim < ALT_KEY_FACTOR and (own_alts or other_alts):
                                sim = max(
                                    sim,
                                    _glued_article_alt_similarity(
                                        keys[start : end + 1],
                                        own_alts[start : end + 1] if own_alts else (),
                                        b,
                                        other_alts[j] if other_alts else (),
                                    ),
                                )
                        if (
                            0.0 < sim < 1.0
                            and written is None
                            and _short_piece_slipped(keys[start : end + 1], b)
                        ):
                            sim = 0.0
                        if organisation and 0.0 < sim < 1.0:
                            sim = _org_words_compared("".join(keys[start : end + 1]), b, sim)
                    if (
                        not sim
                        and written is not None
                        and first[0] == b[0]
                        and abs(len(other_written[j]) - written_length) <= 2
                    ):
                        if joined_key is None:
                            joined_key = _joined_person_key("".join(written[start : end + 1])) or ""
                        sim = _part_similarity(joined_key, b) if joined_key else 0.0
                    if sim < 1.0 and written is not None and key in _ARTICLES and first[0] == b[0]:
                        sim = max(sim, _article_glued_before(written[start:end], b))
                    if sim:
                        run = tuple(range(start, end + 1))
                        found.append((sim, run, (j,)) if on_query else (sim, (j,), run))
        if written is not None and rest[0] == 0 and rest[-1] == len(keys) - 1:
            found.extend(_wrapped_run(keys, written, singles, other_written, on_query))
    found.sort(reverse=True)
    return found


_ARTICLES_GLUED_BEFORE: Final = ("ul", "el", "il")
"""The Arabic article as a name written glued to the name before it writes it (Ziaul, Nurul, Shamsul): the words
have read every article as al."""


def _article_glued_before(words: tuple[str, ...], other: str) -> float:
    """1.0 where `other` is the key of a person's `words` joined with the article after them written glued to the
    last (`_ARTICLES_GLUED_BEFORE`), else 0.0: Zia ul Haq / Ziaul Haq, Nur-ul-Islam / Nurul Islam, whose key reads
    the written word's vowels otherwise than the parts' (ziaul: zavl). A slip on top is another name: Abd al-Amir
    read as Abdel is no Abel, nor Adel."""
    stem = "".join(words)
    for article in _ARTICLES_GLUED_BEFORE:
        if _joined_person_key(stem + article) == other:
            return 1.0
    return 0.0


def _wrapped_run(
    keys: tuple[str, ...],
    written: tuple[str, ...],
    singles: list[tuple[int, str, int]],
    other_written: tuple[str, ...],
    on_query: bool,
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """A person's last part and first part joined in that order, met as one left-over part of the other name
    (`singles`, as `_split_runs` gathers them): a name written surname first (the lists' SURNAME, Given), whose
    surname follows its last given name when read, which the other name writes glued to it (KOL, Abud Stephen
    Thiong / THIONGKOL, Abud Stephen; UR-REHMAN, Abd / REHMAN, Abdur). Keys joined, or the words joined and keyed
    again, as `_split_runs` compares a run."""
    last = len(keys) - 1
    head, tail = keys[last], keys[0]
    if len(head) < 2 or len(tail) < 2 or head[0] == "#" or tail[0] == "#":
        return []
    joined = head + tail
    length = len(joined)
    written_length = len(written[last]) + len(written[0])
    joined_key: str | None = None
    found: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    for j, b, size in singles:
        sim = 0.0
        if _lengths_may_meet(size, length):
            sim = _part_similarity(joined, b)
        if not sim and head[0] == b[0] and abs(len(other_written[j]) - written_length) <= 2:
            if joined_key is None:
                joined_key = _joined_person_key(written[last] + written[0]) or ""
            sim = _part_similarity(joined_key, b) if joined_key else 0.0
        if sim:
            run = (last, 0)
            found.append((sim, run, (j,)) if on_query else (sim, (j,), run))
    return found


def _lengths_may_meet(size: int, length: int) -> bool:
    """Whether two keys of these lengths are no further apart than `_part_similarity` allows edits (one up to six
    letters, two up to twelve, three beyond): a run of parts joined is compared with a part only then."""
    bigger = size if size > length else length
    return abs(size - length) <= (1 if bigger <= 6 else 2 if bigger <= 12 else 3)


def _short_piece_slipped(pieces: tuple[str, ...], whole: str) -> bool:
    """Whether a piece of an organisation's run of words, of four letters or fewer and no article, differs from the
    letters where it falls in the one word of the other name (the first piece at its opening, the last at its end,
    another anywhere) by more than a piece that short allows: one slip in four letters, none in fewer
    (`_part_similarity` allows none in a word of its own). The slips the run joined allows fell in that piece:
    Zorvexkali is not Zorvex Oil, whose joined keys are two letters apart; Al-Omgy / Alomge keeps its one slip."""
    last = len(pieces) - 1
    for at, piece in enumerate(pieces):
        size = len(piece)
        if size > 4 or piece in _ARTICLES:
            continue
        allowed = 1 if size == 4 else 0
        if not at:
            if OSA.distance(piece, whole[:size], score_cutoff=allowed) > allowed:
                return True
        elif at == last:
            if OSA.distance(piece, whole[-size:], score_cutoff=allowed) > allowed:
                return True
        elif piece not in whole:
            return True
    return False


def _joined_person_key(word: str) -> str | None:
    """The key `name_variants` gives a person's name part written as `word` (None for a noise word)."""
    filed = _word_part(word, "", NameKind.PERSON)
    return filed[0][1] if filed is not None and filed[0] is not None else None


def _pair_in_a_run(
    q: tuple[str, ...],
    c: tuple[str, ...],
    qa: tuple[tuple[str, ...], ...],
    ca: tuple[tuple[str, ...], ...],
    matched: list[tuple[float, int, int]],
    used_q: set[int],
    used_c: set[int],
) -> tuple[float, int, int] | None:
    """A pair of dictionary words (`is_descriptive_org_key`) of which one, joined with its unpaired neighbour, is
    an unpaired word of the other name (SPLIT_RUN_SIMILARITY or closer, by the words as spelt: a dictionary word's
    key is its meaning, an organisation part's last second key its spelling), or None."""
    for pair in matched:
        _, i, j = pair
        if not is_descriptive_org_key(q[i]):
            continue
        for keys, alts, at, used, other, other_used in (
            (c, ca, j, used_c, q, used_q),
            (q, qa, i, used_q, c, used_c),
        ):
            for near in (at - 1, at + 1):
                if not 0 <= near < len(keys) or near in used or is_descriptive_org_key(keys[near]):
                    continue
                spelt = alts[at][-1] if alts and alts[at] else keys[at]
                joined = keys[near] + spelt if near < at else spelt + keys[near]
                for k, word in enumerate(other):
                    if k not in other_used and _part_similarity(joined, word) >= SPLIT_RUN_SIMILARITY:
                        return pair
    return None


def _loanword_runs(
    qa: tuple[tuple[str, ...], ...], ca: tuple[tuple[str, ...], ...], rest_q: list[int], rest_c: list[int]
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """`_split_runs` by the loanword keys of organisation words (`loanword_key`, a second key opening with ~): one
    compound of loanwords written through Russian against the words it is made of in English (Belbizneslizing /
    Belbusiness Leasing), where the letters differ too much for the keys to meet. The spellings joined must be as
    close as one such word's (`_shared_beyond_sounds`)."""
    found: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    for alts, rest, other, other_rest, on_query in (
        (qa, rest_q, ca, rest_c, True),
        (ca, rest_c, qa, rest_q, False),
    ):
        if len(rest) < 2:
            continue
        singles = [(j, sound) for j in other_rest for sound in other[j] if sound[:1] == "~"]
        if not singles:
            continue
        for n, start in enumerate(rest[:-1]):
            previous = start
            for end in rest[n + 1 : n + SPLIT_RUN]:
                if end != previous + 1:
                    break
                previous = end
                run = tuple(range(start, end + 1))
                sounds = [next((k for k in alts[i] if k[:1] == "~"), "") for i in run]
                if not all(sounds):
                    break
                joined = "~" + "".join(sound[1:] for sound in sounds)
                for j, sound in singles:
                    if sound != joined:
                        continue
                    written = "".join(alts[i][-1] for i in run)
                    if _shared_beyond_sounds((joined, written), (sound, other[j][-1])):
                        found.append((ALT_KEY_FACTOR, run, (j,)) if on_query else (ALT_KEY_FACTOR, (j,), run))
    found.sort(reverse=True)
    return found


_GLUED_ARTICLE_VOWELS: Final = ("e", "u", "a", "i", "")
"""What a name written as one word keeps of the Arabic article between its two names (Nureddin, Salahuddin,
Alaaddin, Nasrudin: nur al-din, salah al-din): the article's vowel, its consonant assimilated to the next name's
first letter, which the key writes once."""


def _glued_article_similarity(run: tuple[str, ...], other: str) -> float:
    """The best similarity of `other` to the keys of `run` joined with an article of the run before its last part
    (`_ARTICLES`) written as each of `_GLUED_ARTICLE_VOWELS` (Salah Eddine: the article glued to the name after it);
    0.0 when the run has no article there."""
    articles = [k for k in range(len(run) - 1) if run[k] in _ARTICLES]
    if not articles:
        return 0.0
    best = 0.0
    for vowel in _GLUED_ARTICLE_VOWELS:
        joined = "".join(vowel if k in articles else key for k, key in enumerate(run))
        best = max(best, _part_similarity(joined, other))
        if best >= 1.0:
            break
    return best


def _glued_article_alt_similarity(
    run: tuple[str, ...], run_alts: tuple[tuple[str, ...], ...], other: str, other_alts: tuple[str, ...]
) -> float:
    """ALT_KEY_FACTOR where a run and a part are one name once one part of either is read by a second key (Abd al
    Kazim / Abdulkadhim read as Abdulkazim; Abd al Kadhim read as Abd al Kazim / Abdulkazim), else 0.0: a second key
    and a slip on top of it are two names (Abdulkadhim / Abd al-Karim)."""
    articles = [k for k in range(len(run) - 1) if run[k] in _ARTICLES]
    joined = {
        "".join(glued if k in articles else key for k, key in enumerate(reading))
        for reading in (
            run,
            *((*run[:k], alt, *run[k + 1 :]) for k, part in enumerate(run_alts) for alt in part),
        )
        for glued in _WRITTEN_GLUED_ARTICLES
    }
    return ALT_KEY_FACTOR if other in joined or not joined.isdisjoint(other_alts) else 0.0


_WRITTEN_GLUED_ARTICLES: Final = (*_GLUED_ARTICLE_VOWELS, "al", "ul", "el", "il")
"""The article between two names written as one word, as `_GLUED_ARTICLE_VOWELS` or whole (Abdulkazim)."""


_ARABIC_ARTICLE_WORD: Final = re.compile(r"^(?:ال|آل)(?=..)")


def _abjad_runs(
    query_abjad: bool,
    q_parts: tuple[tuple[str, str], ...],
    c_parts: tuple[tuple[str, str], ...],
    rest_q: list[int],
    rest_c: list[int],
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """Pairs of neighbouring left-over parts of the name in an abjad script whose keys joined meet one left-over
    romanised part (`_mixed_script_similarity`, at ABJAD_VARIANT_SIMILARITY or more), as (similarity, query
    parts, listed parts), best first."""
    script_parts, script_rest, latin_parts, latin_rest = (
        (q_parts, rest_q, c_parts, rest_c) if query_abjad else (c_parts, rest_c, q_parts, rest_q)
    )
    found: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    for n, first in enumerate(script_rest[:-1]):
        second = script_rest[n + 1]
        if second != first + 1:
            continue
        head, tail = script_parts[first][0], script_parts[second][0]
        joined = head + tail
        # The key of the romanised word writes a doubled letter once, the letter that ends one word and opens the
        # next too (زرین نژاد: Zarinnezhad, keyed `zarinezad`).
        single = head + tail[1:] if head and tail and head[-1] == tail[0] else None
        # A romanisation writes every letter of the script and vowels besides: never fewer letters than the two
        # words have without their article (الحی عظیم is no Hazem).
        letters = sum(len(_ARABIC_ARTICLE_WORD.sub("", script_parts[at][1])) for at in (first, second))
        for j in latin_rest:
            if _letters(latin_parts[j][1]) < letters:
                continue
            sim = _mixed_script_similarity(joined, *latin_parts[j])
            if single is not None and sim < 1.0:
                sim = max(sim, _mixed_script_similarity(single, *latin_parts[j]))
            if sim >= ABJAD_VARIANT_SIMILARITY:
                found.append((sim, (first, second), (j,)) if query_abjad else (sim, (j,), (first, second)))
    found.sort(reverse=True)
    return found


def _parts_contained(matched: list[tuple[float, int, int]], rest_q: list[int], rest_c: list[int]) -> bool:
    """Every part of one name is a part of the other as it is: the names are already aligned word for word, and
    comparing them as whole strings would only forgive the other's extra words (Technologies / K Technologies
    joined differ by one letter of thirteen)."""
    return bool(matched) and not (rest_q and rest_c) and all(sim >= 1.0 for sim, _, _ in matched)


def _contained_word(
    query: NameVariant,
    listed: NameVariant,
    q: tuple[str, ...],
    c: tuple[str, ...],
    matched: list[tuple[float, int, int]],
    rest_q: list[int],
    rest_c: list[int],
) -> bool:
    """One organisation name is a single word (legal form aside; generic words beside it make the pair a lead at
    most, `_generic_beside`) that the other carries as written, and the other's remaining words only describe (see
    CONTAINED_WORD_SCORE); `matched` holds one pair."""
    if q is query.skeletons:
        return False
    sim, i, j = matched[0]
    if sim < 1.0:
        return False
    if len(q) == 1 and rest_c and not rest_q:
        single, key, longer, rest = query, q[i], c, rest_c
    elif len(c) == 1 and rest_q and not rest_c:
        single, key, longer, rest = listed, c[j], q, rest_q
    else:
        return False
    # A word of kind the table does not know beside the word (an initialism): not a single word. Generic words it
    # knows beside it make the pair a lead at most (`_generic_beside`).
    if single.kinds is None and _generic_beside(single, (key,)):
        return False
    if len(key) < ACRONYM_MIN or key[0] == "#":
        return False
    return _names_beside_description(key, longer, rest)


def _generic_beside(single: NameVariant, keys: tuple[str, ...]) -> bool:
    """Whether the organisation name that is one word (`_contained_word`, `_contained_run`: the name with no part
    left over, `keys` its parts) writes generic words beside it, legal forms aside (Zorvex Company, Zorvex Trading,
    Zorvex Holding): the other name, which carries the word with a description (Zorvex Engineering, Zorvex
    Logistics), is maybe the same company, maybe another of one brand or of one group. A lead for review
    (CONTAINED_WORD_SCORE) where the word is coined (`_coined`), where the word with a legal form alone makes a
    match; a shorter word beside generic words (Argus Bank, Mobile Company) is a name many companies take, and the
    pair is scored by its parts."""
    return len(single.kept) > len(keys)


def _names_beside_description(key: str, longer: tuple[str, ...], rest: list[int]) -> bool:
    """`key` (one name's word) names a company (`_names_a_company`), and the other name's parts `rest` only
    describe."""
    return _names_a_company(key) and all(
        is_descriptive_org_key(longer[k]) or is_place_key(longer[k]) for k in rest
    )


def _names_a_company(key: str) -> bool:
    """Whether an organisation name's word may say which company: no dictionary word or town."""
    return not (is_descriptive_org_key(key) or is_place_key(key))


def _contained_run(
    query: NameVariant,
    listed: NameVariant,
    q: tuple[str, ...],
    c: tuple[str, ...],
    run: tuple[tuple[int, ...], tuple[int, ...]],
    rest_q: list[int],
    rest_c: list[int],
) -> bool:
    """`_contained_word` for a single word that the other name writes as two or more (`_split_runs`): one name is
    nothing but the run paired (Aerocaribbean; Aero-Caribbean) and the other's remaining words only describe
    (Aerocaribbean Airlines / Aero-Caribbean)."""
    if q is query.skeletons:
        return False
    run_q, run_c = run
    if len(run_q) == len(q) and rest_c and not rest_q:
        single, keys, longer, rest = query, q, c, rest_c
    elif len(run_c) == len(c) and rest_q and not rest_c:
        single, keys, longer, rest = listed, c, q, rest_q
    else:
        return False
    if (single.kinds is None and _generic_beside(single, keys)) or any(key[0] == "#" for key in keys):
        return False  # a word of kind the table does not know beside the run, or a number in it
    return _names_beside_description("".join(keys), longer, rest)


def _brand_among(
    q: tuple[str, ...], matched: list[tuple[float, int, int]], words: tuple[str, ...] = ()
) -> tuple[str, bool]:
    """The key of the one matched part, or of the one among several that names which organisation (no dictionary
    word or town; given the parts' `words` as written, no country or continent either, `_where_words`, unless only
    they are left: Iran Marine Industrial / Iran Marine Services are named by Iran; "" when there is none or more
    than one); and whether it was matched alone."""
    if len(matched) == 1:
        return q[matched[0][1]], True
    named = [i for _, i, _ in matched if not (is_descriptive_org_key(q[i]) or is_place_key(q[i]))]
    where = _where_words(words, named) if len(words) == len(q) else frozenset()
    named = [i for i in named if i not in where] or named
    return (q[named[0]] if len(named) == 1 else ""), False


def _parts_beside_where(
    q: tuple[str, ...], matched: list[tuple[float, int, int]], words: tuple[str, ...]
) -> int:
    """How many parts are paired, the countries and continents among them (`_where_words`) left out: they say where
    an organisation works, not which it is (Zorvex Tobacco Germany counts two, as Zorvex Tobacco does); where only
    they are paired, they count as one."""
    where = _where_words(words, [i for _, i, _ in matched]) if len(words) == len(q) else frozenset()
    return len(matched) - len(where) or (1 if where else 0)


def _where_words(words: tuple[str, ...], among: list[int]) -> frozenset[int]:
    """The parts of `among` that say where an organisation works rather than which it is: a country of one word or
    two (`country_word`, `_two_word_countries`: Germany, Hong Kong) or a continent (Europe, Asia). Codes (USA, HK, UK)
    are left as words: as often legal forms and initials (УК, management company)."""
    where = {i for i in among if country_word(words[i]) or _letters_of(words[i]).lower() in _CONTINENTS}
    return frozenset(where.union(_two_word_countries(words, among)))


def _brand_of_other_kind(
    key: str, alone: bool, kinds_a: frozenset[str] | None, kinds_b: frozenset[str] | None
) -> bool:
    """`key`, the one word two organisation names share that names which organisation (no dictionary word, town or
    number; the others they share, if any, dictionary words or towns), and the names say different kinds of
    organisation: both say one and they agree in no word (Horizon Investment Group / Horryzin International Trade;
    Neman Tobacco Trading / Grodno Tobacco Factory Neman), or the word is short (SHORT_BRAND_LETTERS) or a dictionary
    word, shared alone, and one says a kind the other does not (Orion Technologies / Orion LLC; Polymer Technologies
    / JSC Polimer)."""
    if not key or key[0] == "#" or is_place_key(key):
        return False
    if (
        alone
        and _kinds_differ(kinds_a, kinds_b)
        and (len(key) <= SHORT_BRAND_LETTERS or _dictionary_word(key))
    ):
        return True  # a dictionary word alone is a name many take too (Polymer Technologies / JSC Polimer)
    return not is_descriptive_org_key(key) and bool(kinds_a and kinds_b and kinds_a.isdisjoint(kinds_b))


def _child_in_nasab(
    query: NameVariant,
    listed: NameVariant,
    q: tuple[str, ...],
    c: tuple[str, ...],
    matched: list[tuple[float, int, int]],
    rest_q: list[int],
    rest_c: list[int],
) -> bool:
    """Whether one Arabic name is the other with a given name more in front (see NASAB_PENALTY): every part of
    the shorter name paired, the longer's first part or first two parts alone left over and the first not a title
    or an article, the shorter's first part paired with the longer's part after them, and neither name written
    surname first."""
    if rest_q and rest_c:
        return False
    # A given name of two words in front (Nik Mohammad Dost Mohammad / Dost Mohammad) as of one.
    if rest_q in ([0], [0, 1]) and len(q) >= len(rest_q) + 2:
        longer, pair = query, (len(rest_q), 0)
    elif rest_c in ([0], [0, 1]) and len(c) >= len(rest_c) + 2:
        longer, pair = listed, (0, len(rest_c))
    else:
        return False
    if not any(i == pair[0] and j == pair[1] for _, i, j in matched):
        return False
    if not (query.abjad or listed.abjad or _arabic_names(query, listed)):
        return False
    if "," in query.original or "," in listed.original:
        return False  # SURNAME, Given: the first part written is no given name (Sadiq al-Ahdal, Abdallah)
    first = (longer.skeletons if q is query.skeletons else longer.keys)[0]
    word = longer.words[0]
    return first not in _arabic_title_keys() and word not in _ARABIC_TITLES and word not in _ARABIC_NAME_WORDS


@cache
def _arabic_title_keys() -> frozenset[str]:
    """The titles of `_ARABIC_TITLES` as comparison keys and as consonant skeletons."""
    keys = {fold(title) for title in _ARABIC_TITLES}
    return frozenset(keys | {_bare_skeleton(key) for key in keys})


def _joined_similarity(
    query: NameVariant, listed: NameVariant, q: tuple[str, ...], c: tuple[str, ...]
) -> float:
    """The two names compared as whole strings (Karimi-Adegani / Karimiadegani), 0.0 below JOINED_CUTOFF. An
    organisation's strings count only where they open with the same letter: two letters apart in a long string are
    two brands where they fall in the first word (Zorvex Shipping Hongkong / Borvax Marine Hong Kong, 0.90 before,
    is two companies of one town), and a name is read, and typed, from its first letter."""
    organisation = query.kind == NameKind.ORGANIZATION

    def similarity(a: str, b: str) -> float:
        if organisation and a[:1] != b[:1]:
            return 0.0
        return Levenshtein.normalized_similarity(a, b, score_cutoff=JOINED_CUTOFF)

    qj, cj = (query.joined, listed.joined) if q is query.keys else ("".join(q), "".join(c))
    joined = similarity(qj, cj)
    if query.written_joined and listed.written_joined:
        joined = max(joined, similarity(query.written_joined, listed.written_joined))
    if organisation and sorted((len(q), len(c))) == [1, 2]:
        # Two words one name writes as one word the other way round (Bank BelGazprom / Belgazprombank).
        pair, single = (q, c) if len(q) == 2 else (c, q)
        joined = max(joined, similarity(pair[1] + pair[0], single[0]))
    return joined


def _surplus(
    qw: tuple[float, ...],
    cw: tuple[float, ...],
    rest_q: list[int],
    rest_c: list[int],
    light: frozenset[tuple[int, int]],
    keys: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
) -> float:
    """The weight of the parts left over, a town among them (`light`: 0 for the query's, 1 for the listed name's)
    at PLACE_WEIGHT of its own; with the names' `keys` (a person's name, one side fully paired), a patronymic at
    PATRONYMIC_SURPLUS of its own. The sums start at 0.0: an empty sum is otherwise the int 0, which the compiled
    engine (`native`) would take for the type of every such sum."""
    if keys is not None:
        q, c = keys
        return sum((qw[i] * _patronymic_surplus(q, i) for i in rest_q), 0.0) + sum(
            (cw[j] * _patronymic_surplus(c, j) for j in rest_c), 0.0
        )
    if not light:
        return sum((qw[i] for i in rest_q), 0.0) + sum((cw[j] for j in rest_c), 0.0)
    return sum((qw[i] * (PLACE_WEIGHT if (0, i) in light else 1.0) for i in rest_q), 0.0) + sum(
        (cw[j] * (PLACE_WEIGHT if (1, j) in light else 1.0) for j in rest_c), 0.0
    )


def _patronymic_surplus(keys: tuple[str, ...], at: int) -> float:
    """PATRONYMIC_SURPLUS for the part at `at` when it is the name's one part with a patronymic's ending, else 1.0:
    of two such parts one is a surname (Lahunovich, Petrakovich), and which one the other name left out is not
    known."""
    if not keys[at].endswith(_PATRONYMIC_ENDINGS):
        return 1.0
    return PATRONYMIC_SURPLUS if sum(key.endswith(_PATRONYMIC_ENDINGS) for key in keys) == 1 else 1.0


_BOUND_MARGIN: Final = 1e-9
"""`_score_bound` sums the same weights in another order: a pair is left out only when its bound is below the
floor by more than the rounding of those sums."""


def _score_bound(
    query: NameVariant,
    listed: NameVariant,
    q: tuple[str, ...],
    c: tuple[str, ...],
    qw: tuple[float, ...],
    cw: tuple[float, ...],
    rest_q: list[int],
    rest_c: list[int],
    matched: list[tuple[float, int, int]],
    matched_score: float,
    matched_weight: float,
    hyphened: bool = False,
) -> float:
    """An upper bound of the score `_align` gives a pair whose parts are paired as `matched`, from the weights
    alone: every penalty of the score is a factor of at most 1; left-over parts weigh at least SURPLUS_WEIGHT_*
    of themselves when one name is fully paired and fully otherwise (times INCOMPLETE_PENALTY), a town left over
    from an organisation name PLACE_WEIGHT of itself. The whole-string comparison, which may beat the parts, is
    the caller's to add."""
    light = (
        _places_left(query, rest_q, listed, rest_c, matched)
        if query.kind == NameKind.ORGANIZATION and q is query.keys
        else frozenset()
    )
    if rest_q and rest_c and not hyphened:
        surplus = _surplus(qw, cw, rest_q, rest_c, light)
        bound = matched_score / (matched_weight + surplus) * INCOMPLETE_PENALTY
    else:
        person = query.kind == NameKind.PERSON and q is query.keys
        surplus = _surplus(qw, cw, rest_q, rest_c, light, (q, c) if person else None)
        factor = SURPLUS_WEIGHT_SINGLE if len(matched) < 2 else SURPLUS_WEIGHT_WHEN_COMPLETE
        bound = matched_score / (matched_weight + factor * surplus)
    return bound


@cache
def org_place_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Keys and stems of the towns of `data/org_places.csv` (Полоцк, Полацк, Полоцкий... in every rendering)."""
    keys: set[str] = set()
    for line in data_lines("org_places.csv"):
        for form in line.split(","):
            for latin in latin_renderings(normalize_name(form.strip())).values():
                words = [fold(w) for w in latin.split()]
                keys.add("".join(words))  # Marina Gorka is one place
                if len(words) == 1:
                    keys.add(words[0])
    keys.discard("")
    stems = {org_stem(k) for k in keys} | {_place_stem(k) for k in keys}
    return frozenset(keys), frozenset(k for k in stems if len(k) >= PLACE_STEM_MIN)


@cache
def _org_place_names() -> dict[str, str]:
    """Each town's forms of `data/org_places.csv` in every rendering, folded, with their stems of PLACE_STEM_MIN
    letters or more -> the key of the town's first form; a form two towns share belongs to neither."""
    found: dict[str, set[str]] = {}
    for line in data_lines("org_places.csv"):
        forms = [form.strip() for form in line.split(",") if form.strip()]
        town = fold(normalize_name(forms[0]).replace(" ", ""))
        for form in forms:
            for latin in latin_renderings(normalize_name(form)).values():
                key = "".join(fold(w) for w in latin.split())
                found.setdefault(key, set()).add(town)
                for k in (org_stem(key), _place_stem(key)):
                    if len(k) >= PLACE_STEM_MIN:  # shorter stems would take other words with them
                        found.setdefault(k, set()).add(town)
    return {key: next(iter(towns)) for key, towns in found.items() if len(towns) == 1}


@lru_cache(maxsize=100_000)
def org_place_of(key: str) -> str | None:
    """The town of `data/org_places.csv` an organisation word names (Brest, Брестский folded `breski`, Лідскага ->
    the key of Брест, Лида), or None."""
    names = _org_place_names()
    return names.get(key) or names.get(org_stem(key)) or names.get(_place_stem(key))


PLACE_STEM_MIN: Final = 5
"""An inflected form (Polotskogo, Grodnenskaya) is read as a town by its stem only when the stem has five letters
or more: shorter stems (Lid-, Brest-) would take other words with them."""
_PLACE_ENDING: Final = re.compile(r"(?:aga|ama|ami|ai|ei|ii|am|ah|ih|a|e|i|u)$")


def _place_stem(key: str) -> str:
    """A folded adjective without its case ending (gradnenskaga, gradnenska, gradnenski -> gradnensk)."""
    return _PLACE_ENDING.sub("", key)


COUNTRY_WORD_MIN: Final = 4
"""Letters a word needs to be read as a country's name: shorter ones are its codes (SA, CO, RUS), which are legal
forms and words as often."""


_COUNTRY_ADJECTIVE_ENDINGS: Final = ("n", "an", "ian", "ese", "i", "ish", "ic")
"""The endings English adds to a country's name, or to it less its last letter or two, for its adjective and people
(Korea-n, Iran-ian, Chin-ese, Leban-ese, Pakistan-i, Ital-ian)."""
_COMPASS_WORDS: Final = frozenset({"north", "south", "east", "west"})
_CONTINENTS: Final = frozenset({"africa", "america", "asia", "europe", "oceania"})
"""A continent is no country's name (South Africa is not Africa)."""


@cache
def _country_names() -> tuple[frozenset[str], frozenset[str]]:
    """The short English names of the countries of rigour's territories (`rigour.territories.get_territories`, not
    historical ones), as ASCII letters, lower case: names of one word, and the second word of those a point of the
    compass opens, unless a continent (North Korea, South Sudan; not South Africa); names of more words (United
    Kingdom, Costa Rica) are left out, their words alone being words of other names. With them, the stems their
    adjectives are made from: each name less its last letter or two, of COUNTRY_WORD_MIN letters or more (Chin,
    Leban)."""
    names: set[str] = set()
    for territory in get_territories():
        if not territory.is_country or territory.is_historical or territory.code == "zz":
            continue
        words = [_letters_of(word).lower() for word in territory.name.split()]
        if len(words) == 1:
            names.add(words[0])
        elif len(words) == 2 and words[0] in _COMPASS_WORDS and words[1] not in _CONTINENTS:
            names.add(words[1])
    names = {name for name in names if len(name) >= COUNTRY_WORD_MIN}
    stems = names | {name[:-cut] for name in names for cut in (1, 2) if len(name) - cut >= COUNTRY_WORD_MIN}
    return frozenset(names), frozenset(stems)


@lru_cache(maxsize=50_000)
def country_word(word: str) -> bool:
    """Whether one word of a name as written is a country's short English name (`_country_names`: Korea, Germany,
    Iran) or its adjective as English makes them (`_COUNTRY_ADJECTIVE_ENDINGS`: Korean, Iranian, Chinese, Lebanese).
    A country in an organisation's name says where, as a town does: left over, it weighs as a town does
    (`_places_left`); and a romanised word of the word tables that is a country's name is no form of that word (the
    French China for шина, tyre). rigour's territory names in every language would read more (Германия,
    Deutschland), but take seconds to load and hold English words (Shine and Sina are China there)."""
    letters = _letters_of(word).lower()
    if len(letters) < COUNTRY_WORD_MIN:
        return False
    names, stems = _country_names()
    if letters in names:
        return True
    return any(
        letters.endswith(ending) and letters[: -len(ending)] in stems for ending in _COUNTRY_ADJECTIVE_ENDINGS
    )


@lru_cache(maxsize=100_000)
def is_place_key(key: str) -> bool:
    """A town of `data/org_places.csv`, by its key or, for an inflected form, its stem."""
    keys, stems = org_place_keys()
    return key in keys or (
        len(key) > PLACE_STEM_MIN and (org_stem(key) in stems or _place_stem(key) in stems)
    )


def _not_places(keys: tuple[str, ...], rest: list[int]) -> list[int]:
    """`rest` without towns: a town one name adds was not swapped for the other's generic word (Vitbet Gomel /
    TAA Vitbet)."""
    return [i for i in rest if not is_place_key(keys[i])]


def _places_left(
    query: NameVariant,
    rest_q: list[int],
    listed: NameVariant,
    rest_c: list[int],
    matched: list[tuple[float, int, int]],
) -> frozenset[tuple[int, int]]:
    """Left-over towns of one name (0 for the query's, 1 for the listed name's) when the other keeps none
    (`is_place_key`); and countries (`country_word`: Korea Kumbyol Trading / Kumbyol Trading, Zorvex Germany GmbH /
    Zorvex GmbH) where they are all that name adds besides towns and a paired word names the organisation: where only
    dictionary words, towns and countries agree (Central Bank of Iran / Iran-Venezuela Bi-National Bank), a country
    left over is the one word that may say which."""
    q, c = query.keys, listed.keys
    places_q = [(0, i) for i in rest_q if is_place_key(q[i])]
    places_c = [(1, j) for j in rest_c if is_place_key(c[j])]
    countries_q = [(0, i) for i in rest_q if (0, i) not in places_q and country_word(query.words[i])]
    countries_c = [(1, j) for j in rest_c if (1, j) not in places_c and country_word(listed.words[j])]
    # A country of two words, both left over side by side (Zorvex Hong Kong Limited / Zorvex Limited).
    countries_q += [(0, i) for i in _two_word_countries(query.words, rest_q) if (0, i) not in places_q]
    countries_c += [(1, j) for j in _two_word_countries(listed.words, rest_c) if (1, j) not in places_c]
    # Only where the country is all a name adds, besides towns (Korean People's Army Security Bureau adds more to
    # People's Army than where it is).
    countries_q = countries_q if len(countries_q) + len(places_q) == len(rest_q) else []
    countries_c = countries_c if len(countries_c) + len(places_c) == len(rest_c) else []
    if (countries_q or countries_c) and _named_by_a_word(query, matched):
        places_q += countries_q
        places_c += countries_c
    if places_q and places_c:
        return frozenset()  # Grodno Azot / Novopolotsk Azot: two towns, two companies
    return frozenset(places_q or places_c)


@cache
def _two_word_country_names() -> frozenset[str]:
    """The short English names of two words of rigour's countries (Hong Kong, Saudi Arabia, Sri Lanka, New Zealand,
    United Kingdom: `rigour.territories`, lower case, ASCII letters), and of Hong Kong and Macao, which rigour names
    as special administrative regions; names with "and" or "of" left out (their words are other names' words)."""
    names: set[str] = set()
    for territory in get_territories():
        if territory.is_historical:
            continue
        words = [_letters_of(word).lower() for word in territory.name.split()]
        if territory.code in ("hk", "mo") and words[-1] == "sar":
            words = words[:-1]
        elif not territory.is_country:
            continue
        if len(words) == 2 and all(words) and not {"and", "of"} & set(words):
            names.add(" ".join(words))
    return frozenset(names)


def _two_word_countries(words: tuple[str, ...], rest: list[int]) -> list[int]:
    """The parts of `rest` (left over) that are, with a neighbour also left over, a country of two words
    (`_two_word_country_names`), both parts of each."""
    found: list[int] = []
    left = set(rest)
    for i in rest:
        if i + 1 in left and i + 1 < len(words):
            if (
                f"{_letters_of(words[i]).lower()} {_letters_of(words[i + 1]).lower()}"
                in _two_word_country_names()
            ):
                found += [i, i + 1]
    return found


def _named_by_a_word(query: NameVariant, matched: list[tuple[float, int, int]]) -> bool:
    """Whether a part paired in `matched` names the organisation and agrees in full: no dictionary or generic word,
    town or country, and no close spelling (Cocina ~ Koti, whose keys are one slip apart, says too little to let a
    country beside it go light)."""
    return any(
        sim >= 1.0
        and not (
            is_descriptive_org_key(query.keys[i])
            or is_place_key(query.keys[i])
            or country_word(query.words[i])
        )
        for sim, i, _ in matched
    )


def _distinctive_left(
    variant: NameVariant, rest: list[int], other: NameVariant | None = None, letters_name: bool = False
) -> bool:
    """A left-over part that names which organisation: not a generic word, an initial, a number, an abbreviation
    without vowels (NTTS, UP: often the generic words shortened; with `letters_name`, such letters name the
    organisation unless they are generic words' initials the tables know) or the initials of the name's other words
    (Minskii Avtomobilnyi Zavod / MAZ)."""
    # The initials are worked out only for a short part that asks: reading a name for the first time is dear.
    initials: str | None = None
    for i in rest:
        key = variant.keys[i]
        if len(key) <= 2 or key[0] == "#" or (i < len(variant.generic) and variant.generic[i]):
            continue
        if len(key) <= 5:
            if not letters_name and not _VOWEL_IN.search(key):
                continue
            if initials is None:
                initials = (
                    _initials(variant.original)
                    + " "
                    + (_initials(other.original) if other is not None else "")
                )
            if key in initials:
                continue
        return True
    return False


_VOWEL_IN: Final = re.compile(r"[aeiou]")


@cache
def org_meaning_keys() -> frozenset[str]:
    """Keys of the meanings of `data/org_word_translations.csv` (digital, security, plant, bank, Belarus...): the
    dictionary words of organisation names, which describe a kind of organisation rather than name one."""
    return (
        (frozenset(org_word_translations().values()) | _translation_heads())
        - _ordinal_keys()
        - _translation_heads("org_loanwords.csv")
    )


@cache
def _ordinal_keys() -> frozenset[str]:
    """The ordinal numbers of the dictionary (First, Пятый, Segunda): read in English like its other words, but they
    name which organisation rather than describe one (Third Wave is not Wave LLC), and no compound word is cut from
    them (Tretiakov is no Third and Guard)."""
    return frozenset(map(fold, _ORDINALS))


@cache
def _ordinal_numbers() -> dict[str, str]:
    """Key of an English ordinal of `_ORDINALS` -> the key of its number (second: #2), a second key of the word in an
    organisation's name, so that Second Academy meets 2nd Academy as 2nd meets 2."""
    return {fold(word): f"#{n}" for n, word in enumerate(_ORDINALS, 1)}


_ORDINALS: Final = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def is_descriptive_org_key(key: str) -> bool:
    """A generic word or a word of the meaning table (a dictionary word of organisation names)."""
    return key in org_meaning_keys() or is_generic_org_key(key)


def _only_descriptive(
    query: NameVariant,
    matched: list[tuple[float, int, int]],
    limit: int = DESCRIPTIVE_ONLY_MAX,
    listed: NameVariant | None = None,
) -> bool:
    """The names agree in one or two parts, each a dictionary or generic word (Digital Security; Cement Company):
    a description of a kind of business. A longer run of such words (Central Election Commission of the Republic
    of Belarus) names one body by their combination. Given the `listed` name, a part counts where either name
    writes a dictionary word: a cut of a word glued together (Bel of Belgazprombank, met as Belarus) or a short
    form is no word of the tables itself."""
    if not 0 < len(matched) <= limit:
        return False
    if listed is None:
        return all(is_descriptive_org_key(query.keys[i]) for _, i, _ in matched)
    return all(
        is_descriptive_org_key(query.keys[i]) or is_descriptive_org_key(listed.keys[j]) for _, i, j in matched
    )


def _description_differs(
    query: NameVariant,
    listed: NameVariant,
    matched: list[tuple[float, int, int]],
    rest_q: list[int],
    rest_c: list[int],
) -> bool:
    """The names agree in a town or a word of jurisdiction and a dictionary word and in nothing else, and they
    describe different businesses: exactly one name has a dictionary word or another town left over (generic words
    and words of jurisdiction aside: Minsk Tractor Service / Minsk Wheel Tractor Plant; Bank of Minsk / Bank
    Moscow-Minsk; Belarusian Oil Trading / Belarusian State Concern for Oil and Chemistry), or both say what kind of
    organisation and the kinds differ (Minsk Automobile Service Center / Minsk Automobile Plant). Without a town or
    jurisdiction in common, a word more is more often a qualifier of the same body (... of the Ministry of
    Defence)."""
    if not matched or len(matched) > DESCRIPTIVE_ONLY_MAX:
        return False  # as `_town_and_description` reads them (the hot path: most pairs agree in more)
    q, c = query.keys, listed.keys
    where = _countries_matched(query, listed, matched)
    if query.kinds and listed.kinds and query.kinds.isdisjoint(listed.kinds):
        if _town_and_description(matched, q, jurisdiction=True, where=where):
            return True  # a word of jurisdiction counts as the town here (Belarusian Steel Trading / Works)
    if not _town_and_description(matched, q, jurisdiction=True, c=c, where=where):
        return False
    # A word written again (Byelorussian Steel Works ... Holding Byelorussian Metallurgical Company) adds nothing.
    said_q, said_c = {q[i] for _, i, _ in matched}, {c[j] for _, _, j in matched}
    added_q = any(q[i] not in said_q and (_dictionary_word(q[i]) or _other_town(q[i])) for i in rest_q)
    added_c = any(c[j] not in said_c and (_dictionary_word(c[j]) or _other_town(c[j])) for j in rest_c)
    return added_q != added_c


def _town_and_description(
    matched: list[tuple[float, int, int]],
    q: tuple[str, ...],
    *,
    jurisdiction: bool = False,
    c: tuple[str, ...] = (),
    where: frozenset[str] = frozenset(),
) -> bool:
    """The matched parts are one or two (DESCRIPTIVE_ONLY_MAX), towns (or, with `jurisdiction`, a word of
    jurisdiction: Belarusian Steel; or a key of `where`, the countries the names write: Bank of Iran) and dictionary
    words, at least one of each; given the other name's keys `c`, a part is read by the key of either side (a slip
    in a word of the query: Belraussian Oil)."""
    if not matched or len(matched) > DESCRIPTIVE_ONLY_MAX:
        return False  # a longer run of dictionary words names one body (Internal Troops of the Ministry ...)
    town = described = False
    for _, i, j in matched:
        keys = (q[i], c[j]) if c else (q[i],)
        if any(
            is_place_key(key) or (jurisdiction and (key in _jurisdiction_keys() or key in where))
            for key in keys
        ):
            town = True
        elif any(map(is_descriptive_org_key, keys)):
            described = True
        else:
            return False
    return town and described


def _only_countries_left(
    query: NameVariant, rest_q: list[int], listed: NameVariant, rest_c: list[int]
) -> bool:
    """Whether every part one name has left over is written as a country (`_where_words`: Belarus, Russian
    Federation), where its words are its parts."""
    variant, rest = (query, rest_q) if rest_q else (listed, rest_c)
    if len(variant.words) != len(variant.keys):
        return False
    return len(_where_words(variant.words, rest)) == len(rest)


def _countries_matched(
    query: NameVariant, listed: NameVariant, matched: list[tuple[float, int, int]]
) -> frozenset[str]:
    """The keys of the paired parts that either name writes as a country (`country_word`: Iran, Iranian, Zimbabwe),
    where its words are its parts."""
    whole_q, whole_l = len(query.words) == len(query.keys), len(listed.words) == len(listed.keys)
    found: set[str] = set()
    for _, i, j in matched:
        if (whole_q and country_word(query.words[i])) or (whole_l and country_word(listed.words[j])):
            found.update((query.keys[i], listed.keys[j]))
    return frozenset(found)


def _other_town(key: str) -> bool:
    return is_place_key(key) and key not in _jurisdiction_keys()


def _dictionary_word(key: str) -> bool:
    """A dictionary word of organisation names that is neither a generic word, a town nor a word of jurisdiction
    (Bank Rossiya / Bank of the Russian Federation: which country, not which business)."""
    return (
        key in org_meaning_keys()
        and key not in _jurisdiction_keys()
        and not is_generic_org_key(key)
        and not is_place_key(key)
    )


@cache
def _jurisdiction_keys() -> frozenset[str]:
    return frozenset(
        fold(word) for word in ("belarus", "russian", "federation", "national", "state", "region", "city")
    )


def _kinds_unknown_differ(query: NameVariant, listed: NameVariant) -> bool:
    """Where the meaning table does not know a word of kind of exactly one of two names (`NameVariant.kinds` None),
    whether the words of kind it knows of that name (`_known_kinds`) agree in none with the other's kinds: the word
    it does not know may be a transliteration of one of the other's (Sovmestnoye, Sluzhba), a word it knows says a
    kind the other name does not (State Battery Manufacturing Establishment: production; Battery Company: none).
    Not asked of a part of a name, read alone, nor where neither name's words are all known."""
    if (query.kinds is None) == (listed.kinds is None):
        return False
    unknown, known = (query, listed.kinds) if query.kinds is None else (listed, query.kinds)
    if known is None or _from_part(unknown):
        return False
    said = _known_kinds(unknown.original)
    return bool(said) and said.isdisjoint(known)


@lru_cache(maxsize=20_000)
def _known_kinds(name: str) -> frozenset[str]:
    """The kinds (`_kinds`) of the words of kind of an organisation name's first Latin rendering (legal forms left
    out) that the meaning table knows, the others left out: a word it does not know may be a transliteration of
    the other name's (Sovmestnoye), and one it knows says a kind (State Battery Manufacturing Establishment:
    production)."""
    text = normalize_name(_org_text(clean_text(name)))
    latin = next(iter(latin_renderings(text).values()), text)
    return _kinds(_org_word_parts(_without_legal_forms(latin.split())), unknown_left_out=True) or frozenset()


def _new_word_left(variant: NameVariant, rest: list[int], other: NameVariant) -> bool:
    """A left-over part that names which organisation (`_distinctive_left`): a town, a point of the compass (the
    region a branch serves: New Oil Company East, Vostochnaya), or a word that is no dictionary word, letters
    without vowels included (VTB, KRV: beside a description only, a bank's letters are its name). The initials of a
    legal form or of generic words that the tables know are no parts left over (RPTUP, read as a legal form; NPTs,
    read as research and production centre)."""
    compass = _compass_keys()
    return _distinctive_left(
        variant,
        [
            i
            for i in rest
            if is_place_key(variant.keys[i])
            or variant.keys[i] in compass
            or not is_descriptive_org_key(variant.keys[i])
        ],
        other,
        letters_name=True,
    )


@cache
def _compass_keys() -> frozenset[str]:
    """The keys of an organisation's words for the points of the compass, in whichever language they are written
    (`data/org_word_translations.csv`: Vostochnaya and Усходняя are `east`)."""
    return frozenset(
        v.keys[0] for word in _COMPASS_WORDS for v in name_variants(word, NameKind.ORGANIZATION)[:1]
    )


def load_query_tables() -> None:
    """Read the tables that only comparing names uses (towns, dictionary words of organisation names, abbreviated
    openings, countries, units, titles, given names as written), so the first query after a build does not pay
    for them (the openings alone took 33 ms, the first query after a build of the bundled lists 42 ms)."""
    org_place_keys()
    org_meaning_keys()
    _compass_keys()
    abbreviated_openings()
    written_given_forms()
    _two_word_country_names()
    _jurisdiction_keys()
    _unit_keys()
    _arabic_title_keys()
    _keyboard_neighbours()


@lru_cache(maxsize=100_000)
def _words_named(name: str) -> int:
    """How many words an organisation's name has, generic words included and its legal forms counted as one word
    however many words write them (Joint Stock Company Aviastar-SP: two and one): what a word swapped for another
    leaves as it was (`_align`)."""
    stripped, legal_form = _without_legal_form_said(name)
    return len(stripped.split()) + legal_form


_FORM_WORDS: Final = frozenset(
    "company companies co corporation corp incorporated inc limited ltd llc plc pjsc kompaniya kompania".split()
)
"""Words that say a company's legal form and nothing of what it does or which it is (Zorvex Steel Co.)."""


def _only_forms_dropped(variant: NameVariant) -> bool:
    """Every word of an organisation's name is one of its parts, a legal form or a word that says one
    (`_FORM_WORDS`): the name has no generic word that a word of another name could have taken the place of. Lists
    write a company's form or leave it out at will, so a form is no word swapped for another: Zorvex Steel Co. /
    Zorvex Steel Rolling adds a word to the name as Zorvex Steel / Zorvex Steel Rolling does, where Grodno Tobacco
    Factory Neman / Grodno Tobacco Synesis Neman swaps one. Counted, not aligned word by word: a word the parts
    leave out that is not known as a form counts as a generic word, as does every word of a rendering read
    otherwise than as written (`+kind`: KB read as Design Bureau has more parts than words)."""
    if "+" in variant.system:
        return False
    # The form table's forms only: with rigour's and the Public of a PJSC read as forms too (`_bare_words`), more
    # names leave only forms out and two hard negatives met (Volat-Sanjiang Joint Investigative LLC / ... Joint
    # Venture LLC, VTB Bank PJSC / VTB Bank Belarus CJSC).
    words = _without_legal_form_said(variant.original)[0].split()
    return len(words) - sum(1 for word in words if word in _FORM_WORDS) <= len(variant.keys)


def _without_legal_form_said(name: str) -> tuple[str, bool]:
    """An organisation's name normalised without its legal forms, and whether it wrote one."""
    text = normalize_name(_undot_acronyms(name))
    stripped = _without_legal_form_texts(text)
    return stripped, stripped != text


def _as_many_words(query: NameVariant, listed: NameVariant) -> bool:
    """Two organisation names count as many words (`_named_count`), or, where only one of them writes a legal form,
    as many words besides their forms and the words that say one (`_bare_count`): a form appended to a name keeps
    no word swapped for another from counting (Department of Internal Affairs of the Gomel Integral Executive
    Committee OJSC / ... of the Gomel Regional Executive Committee is as much another body as without the OJSC)."""
    if _named_count(query) == _named_count(listed):
        return True
    (bare_q, form_q), (bare_l, form_l) = _bare_count(query), _bare_count(listed)
    return form_q != form_l and bare_q == bare_l


def _bare_count(variant: NameVariant) -> tuple[int, bool]:
    """`_named_count` of a rendering without its legal forms and the words that say one (`_FORM_WORDS`), and
    whether it wrote any of them."""
    if variant.system.endswith(ACRONYM_SYSTEM):
        words: tuple[str, ...] = variant.words
        written = _without_legal_form_said(variant.original)[1]
    else:
        words, written = _bare_words(variant.original)
    bare = [word for word in words if word not in _FORM_WORDS]
    return len(bare), written or len(bare) < len(words)


@lru_cache(maxsize=100_000)
def _bare_words(name: str) -> tuple[tuple[str, ...], bool]:
    """The words of an organisation's name without its legal forms, and whether it wrote one: the forms of the form
    table, the Public of a public joint stock company (which the table, holding joint stock company, leaves to the
    name's reading), and rigour's forms (AB, SIA, GmbH) where they open or close the name: within it, a word rigour's
    table holds may be a word of the name (Holy Shrines in Iraq)."""
    text = normalize_name(_undot_acronyms(name))
    words = _without_legal_form_texts(
        text.replace("public joint stock company", "joint stock company")
    ).split()
    kept = remove_org_types(" ".join(words)).split()
    if kept and (kept == words[: len(kept)] or kept == words[len(words) - len(kept) :]):
        words = kept
    return tuple(words), " ".join(words) != text


def _named_count(variant: NameVariant) -> int:
    """`_words_named` of a rendering: of its name as written, or, for a name read through an acronym
    (`ACRONYM_SYSTEM`: Transaviaexport Airlines as TAE Avia Airlines), of the words it is then read as, its legal
    form counted as one word as written: the compound and the words it was read as are no word swapped for
    another."""
    if not variant.system.endswith(ACRONYM_SYSTEM):
        return _words_named(variant.original)
    return len(variant.words) + _without_legal_form_said(variant.original)[1]


@lru_cache(maxsize=100_000)
def _initials(name: str) -> str:
    """First letters of every word of a name, generic words included (Minskii Avtomobilnyi Zavod -> maz)."""
    return "".join(fold(w)[:1] for w in normalize_name(_undot_acronyms(name)).split())


def _skeleton_weights(variant: NameVariant) -> tuple[float, ...]:
    return tuple(w for w, k in zip(variant.weights, variant.keys, strict=True) if k not in _ARTICLES)


def _substantive(
    query: NameVariant,
    matched: list[tuple[float, int, int]],
    q: tuple[str, ...],
    c: tuple[str, ...],
    listed: NameVariant | None = None,
) -> float:
    """How many matched parts identify someone: full words count 1, initials 0.5, patronymics, Arabic particles
    (al, bin) and generic organisation words 0 (two people share a father's name; two companies share the word
    "Company").

    A person has one patronymic at most, so where either name has more parts shaped like one, all but one of them
    are surnames (Lukashevich, Shushkevich, Sivkovych: Belarusian and Ukrainian surnames end as patronymics do)
    and as many matched parts of that shape count 1. A part shaped like one that the names write before a comma
    (IMAMOVIC, Nusret: the lists' SURNAME, Given; every name with a comma, one at least) is a surname too and
    counts 1 (Imamović, Milošević: South Slavic surnames end so)."""
    total = 0.0
    patronymic_shaped = 0
    surnames_q = _before_comma(query)
    surnames_c = _before_comma(listed) if listed is not None else 0
    seen_q: set[int] = set()
    seen_c: set[int] = set()
    person = query.kind == NameKind.PERSON
    # In an abjad comparison `q` holds skeletons: the particles are known by their keys.
    words = q if q is query.keys or not person else tuple(key for key, _ in _unarticled(query))
    other_words: tuple[str, ...] = ()
    matched_pairs: set[tuple[int, int]] = set()
    if person and not _SERVANT_OF.isdisjoint(words) and listed is not None:
        other_words = c if c is listed.keys else tuple(key for key, _ in _unarticled(listed))
        matched_pairs = {(i, j) for _, i, j in matched}
    for _, i, j in matched:
        if person and words[i] in _PARTICLES:
            continue  # the article or "son of" in an Arabic name: Al Yasir and Abou Yasser El Djazairi share Yasir
        if (
            person
            and words[i] in _SERVANT_OF
            and (i + 1, j + 1) in matched_pairs
            and other_words[j] in _SERVANT_OF
            and not (i in seen_q or j in seen_c)
        ):
            # Abd (servant of) opens a given name of two words, Abd al-Rahman: with the name that follows it is one
            # given name, which alone identifies no one (Abdul Rahman / Abdul Rahman Agha): when both names write it
            # before the same name. Written alone (BARI, Abdul) it is a given name of its own, and one word on the
            # other side (Abdulrahman) is the whole name.
            seen_q.add(i)
            seen_c.add(j)
            total += SERVANT_OF_WEIGHT
            continue
        if i in seen_q or j in seen_c:
            continue  # one part written as two on the other side (`_split_runs`) identifies once
        seen_q.add(i)
        seen_c.add(j)
        key = q[i]
        if len(key) == 1:
            total += 0.5
        elif (
            key.endswith(_PATRONYMIC_ENDINGS) or c[j].endswith(_PATRONYMIC_ENDINGS)
        ) and not _written_as_surname(i, surnames_q, j, surnames_c):
            # Shaped like one on either side: a patronymic met through a second key (Catalan Vladimirovitx,
            # Romanian Vladimirovici) is still a patronymic.
            patronymic_shaped += 1
        elif not (i < len(query.generic) and query.generic[i]):
            total += 1.0
    if patronymic_shaped and person:
        shaped = max(
            sum(1 for key in q if key.endswith(_PATRONYMIC_ENDINGS)),
            sum(1 for key in c if key.endswith(_PATRONYMIC_ENDINGS)),
        )
        total += min(patronymic_shaped, shaped - 1)
    return total


def _surname_shaped_as_patronymic(
    matched: list[tuple[float, int, int]], q: tuple[str, ...], c: tuple[str, ...]
) -> bool:
    """Two names of two parts each that pair only in a part shaped like a patronymic, beside a given name on each
    side shaped like none (Aleksandr Karpovich / Sasha Karpovich): that part is the surname (Belarusian surnames end
    as patronymics do: Karpovich, Lukashevich, Bogdanovich), for a name has no patronymic without a given name
    before it and a surname is what the lists and a query write beside a given name. So the given names left over
    are asked whether one is a short form or a slip of the other, as beside any surname (`_substantive` alone counts
    the part as a patronymic, which identifies no one)."""
    if len(q) != 2 or len(c) != 2 or len(matched) != 1:
        return False
    _, i, j = matched[0]
    given_q, given_c = q[1 - i], c[1 - j]
    return (
        q[i].endswith(_PATRONYMIC_ENDINGS)
        and len(given_q) > 1
        and len(given_c) > 1
        and not given_q.endswith(_PATRONYMIC_ENDINGS)
        and not given_c.endswith(_PATRONYMIC_ENDINGS)
    )


def _written_as_surname(i: int, surnames_q: int, j: int, surnames_c: int) -> bool:
    """Whether matched parts `i` and `j` stand before the comma in every name of the two that has one (and one has)."""
    return (
        bool(surnames_q or surnames_c)
        and (not surnames_q or i < surnames_q)
        and (not surnames_c or j < surnames_c)
    )


def _before_comma(variant: NameVariant) -> int:
    """How many of a person name's first parts the name writes before a comma (the lists' SURNAME, Given), where
    its parts are its words as written; 0 where it has no comma or its parts are not so."""
    if "," not in variant.original or variant.kind != NameKind.PERSON:
        return 0
    return _comma_parts(variant.original, len(variant.keys))


@lru_cache(maxsize=50_000)
def _comma_parts(original: str, parts: int) -> int:
    head, _, _ = original.partition(",")
    # A title or an article left out, or words joined: positions would not say which part is which.
    if len(normalize_name(original.replace(",", " ")).split()) != parts:
        return 0
    return len(normalize_name(head).split())


def compare_variants(
    query: NameVariant, listed: NameVariant, table: EquivalenceTable | None = None
) -> NameComparison:
    """Similarity in [0, 1] of two renderings, with the aligned parts for the explanation."""
    score, matched, rest_q, rest_c = _align(query, listed)
    table = table or default_table()
    qwords, cwords = query.words, listed.words
    # The equivalence tables are of Belarusian, Russian and Ukrainian names, read from Latin keys: a name written in
    # an abjad script is compared by its consonants instead.
    abjad = query.abjad or listed.abjad
    if abjad:
        qwords = tuple(w for w, k in zip(query.words, query.keys, strict=True) if k not in _ARTICLES)
        cwords = tuple(w for w, k in zip(listed.words, listed.keys, strict=True) if k not in _ARTICLES)
    pairs = tuple(
        PartPair(
            query_word=qwords[i],
            listed_word=cwords[j],
            similarity=round(sim, 3),
            # By the words as folded, before equivalence: the keys compared are already canonical.
            equivalence=(
                why.describe()
                if not abjad and (why := table.reason(fold(qwords[i]), fold(cwords[j])))
                else None
            ),
        )
        for sim, i, j in sorted(matched, key=lambda m: m[1])
    )
    if not matched and score:
        pairs = (PartPair(" ".join(query.words), " ".join(listed.words), round(score, 3), None),)
    return NameComparison(
        score=score,
        query=query,
        listed=listed,
        pairs=pairs,
        unmatched_query=tuple(qwords[i] for i in rest_q),
        unmatched_listed=tuple(cwords[j] for j in rest_c),
    )


def quick_score(query: NameVariant, listed: NameVariant, floor: float = 0.0) -> float:
    """The score of `compare_variants` without building the explanation (the hot path); with a `floor`, a score
    that cannot reach it may come back as a bound of it, still below the floor (see `_align`)."""
    if query.keys == listed.keys and not (
        (_only_towns(query) and _written_apart(query, listed) and not _same_kind_said(query, listed))
        or _short_keys_written_apart(query, listed)
        or _one_word_of_other_kind(query, listed)
        or _description_of_another_kind(query, listed)
    ):
        return CONTAINED_WORD_SCORE if _described_otherwise_only(query, listed) else 1.0
    return _align(query, listed, floor)[0]


def _described_otherwise_only(query: NameVariant, listed: NameVariant) -> bool:
    """Two organisation names whose words are the same one or two dictionary words (Bank, Digital, Security,
    Shipping; Precision Instruments), or three words of description and place (Minsk Wheel Tractor), and whose words
    of kind differ (International Industrial Development Bank / Bank for Development; Military Medicine Research
    Center / State Institute for Experimental Military Medicine; Minsk Wheel Tractor Service / Minsk Wheel Tractor
    Plant): two descriptions that share words, a lead for review (CONTAINED_WORD_SCORE) as a description against a
    longer one is (`_description_differs`). One word: the kinds differ in meaning; two or three words, which say
    more of the business: both names say kinds and agree in no word (a name read as a compound's pieces may have
    lost one: Agroprombank). Names saying the same kinds (Development Bank / Bank for Development) agree as before;
    where the meaning table does not know a word of kind of one name, the words it knows decide
    (`_kinds_unknown_differ`). The countries either name writes are set aside first (`_described_keys`: National
    Bank / Development Bank of the Republic of Belarus), and then a word of kind must say what kind of business
    (`_kind_beside_description`)."""
    if query.kind != NameKind.ORGANIZATION:
        return False
    kinds_q, kinds_l = query.kinds, listed.kinds
    if kinds_q == kinds_l:
        return False  # the same words of kind, or neither name's known (the hot path: asked of most pairs)
    keys = _described_keys(query, listed)
    size = len(keys)
    if not 0 < size <= DESCRIBED_WORDS_MAX:
        return False
    if size > DESCRIPTIVE_ONLY_MAX:
        if not any(map(_dictionary_word, keys)) or not all(
            _dictionary_word(k) or is_place_key(k) for k in keys
        ):
            return False
    elif not all(map(_dictionary_word, keys)):
        return False
    if kinds_q is None or kinds_l is None:
        differ = size <= DESCRIPTIVE_ONLY_MAX and _kinds_unknown_differ(query, listed)
    elif size < len(query.keys):
        # With a country besides: one word described, and one name says a kind and the other none, or both say
        # kinds that agree in no word (Innenministerium Belarus / Ministry of Internal Affairs of the Republic of
        # Belarus say a ministry both); two words described, both say kinds that agree in none (Syrian Military
        # Intelligence Directorate / Syrian Military Intelligence is one body); and a word of kind the other does
        # not say tells what kind of bank (not Management Company of ...). A compound read as its pieces has no
        # words of kind of its own (Belagroprombank: its prom, industrial).
        differ = (
            not (_is_compound(query) or _is_compound(listed))
            and (
                _kinds_differ(kinds_q, kinds_l)
                if size == 1
                else bool(kinds_q) and bool(kinds_l) and kinds_q.isdisjoint(kinds_l)
            )
            and (
                _kind_beside_description(query, keys, kinds_l)
                or _kind_beside_description(listed, keys, kinds_q)
            )
        )
    elif size > 1:
        differ = bool(kinds_q) and bool(kinds_l) and kinds_q.isdisjoint(kinds_l)
    else:
        # By meaning: a loanword's skeleton (`~trdng` of Trading, `~trd` of Trade) says how it is written.
        differ = {k for k in kinds_q if k[:1] != "~"} != {k for k in kinds_l if k[:1] != "~"}
    return differ


def _described_keys(query: NameVariant, listed: NameVariant) -> tuple[str, ...]:
    """The keys of two organisation names with the same keys, less those either writes as a country or continent
    (`_where_words`: Belarus, Russian, Rossiya where the other writes Russia): a country says where a bank or a
    ministry works, not which it is, so National Bank of the Republic of Belarus and Development Bank of the
    Republic of Belarus are read as their descriptions (Bank; Development Bank) are. () where only countries are
    left, which `_described_otherwise_only` does not read as a description."""
    where: set[str] = set()
    for variant in (query, listed):
        if len(variant.words) == len(variant.keys):
            found = _where_words(variant.words, list(range(len(variant.keys))))
            where.update(variant.keys[i] for i in found)
    if not where:
        return query.keys
    return tuple(key for key in query.keys if key not in where)


def _kind_beside_description(
    variant: NameVariant, described: tuple[str, ...], other_kinds: frozenset[str] | None
) -> bool:
    """Whether a word of kind of an organisation name (`_kinds`) that the other name does not say (`other_kinds`)
    stands next to one of its `described` keys as written (articles and prepositions between left out): it says
    what kind of bank or oil business the name is (Development Bank, Bank for Development, Central Bank of Russia,
    Belarusian Oil Trade House). Words of kind beside the generic words of a legal form only (Republican Production
    and Trade Unitary Enterprise, Management Company of the Holding Belarusian Cement Company; State Association
    Belarusian Railway) say how the body is organised, which one name of it may leave out."""
    text = normalize_name(_org_text(clean_text(variant.original)))
    latin = next(iter(latin_renderings(text).values()), text)
    other = other_kinds or frozenset()
    roles: list[int] = []  # 1 a word of kind the other name does not say, 2 a described word, 0 any other
    for found in _org_word_parts(_without_legal_forms(latin.split())):
        if found is None or found[0] is None or not found[1]:
            continue  # no name part, or one an acronym skips (of, the)
        word, key, _, generic, _ = found[0]
        if generic and key not in ANY_KIND_KEYS:
            said = {key, org_stem(key), loanword_key(word)}
            roles.append(0 if not other.isdisjoint(said) else 1)
        else:
            roles.append(2 if key in described else 0)
    return any(a * b == 2 for a, b in pairwise(roles))


DESCRIBED_WORDS_MAX: Final = 3
"""The most words of description and place (`_described_otherwise_only`) that two names may share and still be two
descriptions of other kinds of business: four or more such words name one body by their combination."""


def _description_of_another_kind(query: NameVariant, listed: NameVariant) -> bool:
    """A town and a dictionary word each and words of kind that differ (see `_description_differs`)."""
    return bool(
        query.kinds
        and listed.kinds
        and query.kinds.isdisjoint(listed.kinds)
        and _town_and_description(
            [(1.0, i, i) for i in range(len(query.keys))], query.keys, jurisdiction=True
        )
    )


def _one_word_of_other_kind(query: NameVariant, listed: NameVariant) -> bool:
    """One brand word each and words of kind that differ (`_brand_of_other_kind`), or one brand word beside a
    dictionary word or a town, or beside the towns and countries it works in, and words of kind that agree in none
    (Zorvex Tobacco Trading / Zorvex Tobacco Factory; Zorvex Technology Germany GmbH / Zorvex Trading Germany GmbH):
    `_align` caps them."""
    keys = query.keys
    if len(keys) == 1:
        return _brand_of_other_kind(keys[0], True, query.kinds, listed.kinds)
    if not query.kinds or not listed.kinds or len(query.words) != len(keys):
        return False
    # Every part paired with itself, counted as `_align` counts them before it caps (countries left out).
    pairs = [(1.0, i, i) for i in range(len(keys))]
    if _parts_beside_where(keys, pairs, query.words) > DESCRIPTIVE_ONLY_MAX:
        return False
    brand, _ = _brand_among(keys, pairs, query.words)
    return bool(brand) and _brand_of_other_kind(brand, False, query.kinds, listed.kinds)


def _only_towns(variant: NameVariant) -> bool:
    """An organisation name left with nothing but towns once generic words are dropped (Hotel 'Minsk' read by its
    quoted part), which `_align` scores as a lead only (PLACE_ONLY_PENALTY)."""
    return (
        variant.kind == NameKind.ORGANIZATION and bool(variant.keys) and all(map(is_place_key, variant.keys))
    )


def _same_kind_said(query: NameVariant, listed: NameVariant) -> bool:
    """Both organisation names say what kind of organisation, and in a word of the same meaning (Tashkent Trading
    LLP / Ташкент Трейдинг ЖШС; `NameVariant.kinds`): a town with the same kind beside it is one name written two
    ways, not a town that names no company (Minsk Investment Group / Hotel 'Minsk', PLACE_ONLY_PENALTY)."""
    said, other = query.kinds, listed.kinds
    if not said or not other:
        return False
    return not said.isdisjoint(other)


def _written_apart(query: NameVariant, listed: NameVariant) -> bool:
    """The two names are written differently (letter case aside): a name always matches itself, a town-only name
    (Myadzel) included."""
    return query.original.casefold() != listed.original.casefold()


def _spelt_out_beside(short: NameVariant, side: tuple[NameVariant, ...]) -> bool:
    """`short` holds an acronym whose words the same listing spells out, beside it in the same name ("Belarusski
    Avtomobilnyi Zavod BelAZ") or in another name of the same entity (ААТ «БЕЛАЗ» listed with Belarusski
    Avtomobilnyi Zavod): the listing says what the letters mean, so the other name must agree with those words,
    not merely share the letters (Belarusian Association of Journalists is not BelAZ)."""
    if not short.acronyms:
        return False
    readings = {reading.lower() for acronym in short.acronyms for reading in _acronym_readings(acronym)}
    part = _from_part(short)
    for whole in side:
        if whole is short or _from_part(whole) or (whole.original == short.original and not part):
            continue
        if any(_initials_spell(reading, whole.initials) for reading in readings):
            return True
    return False


_SPELT_OUT: Final[dict[int, tuple[tuple[NameVariant, ...], list[bool | None]]]] = {}
_SPELT_OUT_MAX: Final = 20_000


def _spelt_out_flags(side: tuple[NameVariant, ...]) -> list[bool | None]:
    """Per rendering `v` of `side`, `_spelt_out_beside(v, side)` once known (None until asked, see
    `_spelt_out_flag`), kept per tuple of renderings: a listed name's renderings meet many queries, a query's
    renderings many candidates. Kept by the tuple's id with the tuple itself (so the id cannot be reused while
    kept)."""
    found = _SPELT_OUT.get(id(side))
    if found is not None and found[0] is side:
        return found[1]
    flags: list[bool | None] = [None] * len(side)
    if len(_SPELT_OUT) >= _SPELT_OUT_MAX:
        _SPELT_OUT.clear()
    _SPELT_OUT[id(side)] = (side, flags)
    return flags


def _spelt_out_flag(side: tuple[NameVariant, ...], flags: list[bool | None], at: int) -> bool:
    """`_spelt_out_beside(side[at], side)`, worked out only for a rendering whose acronym met the other side.

    Each flag walks the whole side, so working them all out at once was quadratic in the side's renderings: an
    entity of many aliases compared whole (an acronym met, `screen`) has a hundred, of which a query needs a few
    (4x lists: 0.14 s of 2.6 s for 2,000 queries went to one query's four such entities, generated copies of one
    another).
    """
    flag = flags[at]
    if flag is None:
        flag = flags[at] = _spelt_out_beside(side[at], side)
    return flag


@lru_cache(maxsize=100_000)
def _initials_spell(reading: str, initials: tuple[str, ...]) -> bool:
    """Consecutive words of a name whose first letters (in any of its romanisations) give `reading` (cached: the
    renderings of one name share their initials, and an entity's names are weighed against each other)."""
    size = len(reading)
    return any(
        all(reading[k] in initials[start + k].lower() for k in range(size))
        for start in range(len(initials) - size + 1)
    )


def best_comparison(
    query: tuple[NameVariant, ...], listed: tuple[NameVariant, ...], floor: float = 0.0
) -> tuple[float, NameVariant, NameVariant] | None:
    """The best-scoring pair of renderings, or None if either side has none.

    With a `floor`, the answer is the same wherever its score reaches the floor; below it, its score (and pair)
    may be another one below the floor: pairs that cannot reach it are not scored in full.
    """
    best: tuple[float, NameVariant, NameVariant] | None = None
    for qv in query:
        for lv in listed:
            score = quick_score(qv, lv, floor)
            if qv.kind == NameKind.ORGANIZATION and (_is_compound(qv) or _is_compound(lv)):
                # A compound read as its words counts only when they are all there and nothing else is.
                score = COMPOUND_FACTOR if score >= 1.0 else 0.0
            if best is None or score > best[0]:
                best = (score, qv, lv)
                if score >= 1.0:
                    break
        if best is not None and best[0] >= 1.0:
            break
    if best is not None and best[0] >= 1.0 and not (_is_part(best[1]) or _is_part(best[2])):
        return _kind_said_by_one(
            _unit_of_another(_partnership_and_partner(_dotted_initials_compared(best, query, listed)))
        )
    conflict = False
    if (
        best is not None
        and (_is_part(best[1]) or _is_part(best[2]))
        and any(_is_part(v) for v in query)
        and any(_is_part(v) for v in listed)
        and _parts_conflict(query, listed, heads=_both_heads(best[1], best[2]))
    ):
        conflict = True
        best = (best[0] * ORGANIZATION_CONFLICT_PENALTY, best[1], best[2])
        # The penalty is on the part in common: a pair of whole names (or their compounds) may now do better.
        for qv in query:
            for lv in listed:
                if _from_part(qv) or _from_part(lv):
                    continue
                score = quick_score(qv, lv, floor)
                if _is_compound(qv) or _is_compound(lv):
                    score = COMPOUND_FACTOR if score >= 1.0 else 0.0
                if score > best[0]:
                    best = (score, qv, lv)
    if best is not None and best[0] < ACRONYM_FACTOR and query and query[0].kind == NameKind.ORGANIZATION:
        # An acronym on one side for words on the other (BMZ / Belorusskiy Metallurgicheskiy Zavod; CEC Belarus /
        # Central Election Commission of the Republic of Belarus).
        # Whether a side spells its acronyms out is asked only where an acronym meets the other side's initials
        # (rarely: most pairs have no acronym to read).
        spelt_out: list[list[bool | None] | None] = [None, None]
        # Below the floor the best pair so far may be another than the exact one, and with it the penalty for
        # parts in conflict: an acronym reading is weighed against the exact best only.
        inexact = floor > 0.0 and best[0] < floor
        for n_q, qv in enumerate(query):
            for n_l, lv in enumerate(listed):
                for short, full, flip, side, at in ((qv, lv, False, 0, n_q), (lv, qv, True, 1, n_l)):
                    collapsed = acronym_variant(short, full) or _compound_acronym_variant(short, full)
                    if collapsed is None:
                        continue
                    renderings = listed if flip else query
                    flags = spelt_out[side]
                    if flags is None:
                        flags = spelt_out[side] = _spelt_out_flags(renderings)
                    if _spelt_out_flag(renderings, flags, at):
                        continue  # its words are known and were compared above
                    if inexact:
                        return best_comparison(query, listed)
                    pair = (collapsed, short) if flip else (short, collapsed)
                    score = _align(pair[0], pair[1])[0]
                    if _is_compound(short) and score < 1.0:
                        continue  # a compound counts only when its words all agree (Brestoblispolkom UVD)
                    score *= acronym_factor(short)
                    if conflict and (_from_part(short) or _from_part(full)):
                        score *= ORGANIZATION_CONFLICT_PENALTY  # a part in common, by its acronym
                    if score > best[0]:
                        best = (score, pair[0], pair[1])
    return _kind_said_by_one(
        _unit_of_another(_partnership_and_partner(_dotted_initials_compared(best, query, listed)))
    )


KIND_SAID_BY_ONE_SCORE: Final = 0.95
"""Two organisation names that agree in every word naming which organisation, where one also says what kind of
organisation (Crystalord Systems Limited / Crystalord Ltd; Zorvex Trading / Zorvex) and the other says none: most
likely the same company, written more or less fully, but not the same name; the name that agrees word for word
ranks first."""


def _kind_said_by_one(
    found: tuple[float, NameVariant, NameVariant] | None,
) -> tuple[float, NameVariant, NameVariant] | None:
    """`found` with its score at most KIND_SAID_BY_ONE_SCORE where only one of its two names has words of kind
    (`NameVariant.kinds`; a name whose kinds are not known is not asked)."""
    if found is None or found[0] <= KIND_SAID_BY_ONE_SCORE:
        return found
    kinds_q, kinds_l = found[1].kinds, found[2].kinds
    if kinds_q is None or kinds_l is None or bool(kinds_q) == bool(kinds_l):
        return found
    return (KIND_SAID_BY_ONE_SCORE, found[1], found[2])


def counted_less_because(score: float, comparison: NameComparison) -> str | None:
    """Why the pair `best_comparison` found counts `score` where its parts agree more (`comparison`, the pair
    compared by `compare_variants`: 1.0 where every part met in full and none is left over), in words for the
    explanation; None where it counts what its parts say. Asked after the fact of the score and pair
    `best_comparison` returned, by the rules that lower a pair as a whole."""
    whole = (
        not comparison.unmatched_query
        and not comparison.unmatched_listed
        and all(pair.similarity >= 1.0 for pair in comparison.pairs)
    )
    if score >= (1.0 if whole else comparison.score) - 0.005:
        return None
    query, listed = comparison.query, comparison.listed
    found = (score, query, listed)
    organisation = query.kind == NameKind.ORGANIZATION
    if organisation and score == KIND_SAID_BY_ONE_SCORE and _kind_said_by_one((1.0, query, listed)) == found:
        return "only one of the names says what kind of organisation it is"
    if organisation and score == CONTAINED_WORD_SCORE:
        if _partnership_and_partner((1.0, query, listed)) == found:
            return "one is a limited partnership (KG), the other a company that may be its general partner"
        if _unit_of_another((1.0, query, listed)) == found:
            return "one names a unit of a body that the other names as a whole"
    if query.system.endswith(ACRONYM_SYSTEM) or listed.system.endswith(ACRONYM_SYSTEM):
        return "one name is read through its initials"
    if _is_compound(query) or _is_compound(listed):
        return "a compound word is read as its pieces"
    if organisation and score == CONTAINED_WORD_SCORE:
        if _described_otherwise_only(query, listed) or _description_of_another_kind(query, listed):
            return "the names share a dictionary word and say different kinds of organisation"
        return "the names share words but may name different organisations"
    return "the names as a whole agree less than their parts"


_UNIT_WORDS: Final = frozenset(
    """directorate department division administration office unit branch bureau inspectorate section subdivision
    detachment battalion regiment brigade squadron service centre center command headquarters""".split()
)
"""English nouns that name a unit of a larger body (the Directorate of Internal Affairs of the Brest Oblast
Executive Committee, the Department of Financial Investigations of the State Control Committee)."""
_OF_THE: Final = re.compile(r"\s+of\s+the\s+", re.IGNORECASE)
_JURISDICTION_OPENINGS: Final = (
    "republic",
    "russian federation",
    "state of",
    "kingdom",
    "federation",
    "people's republic",
)
"""What follows "of the" where it names the state a body belongs to, not a body (the State Security Committee of
the Republic of Belarus)."""


@lru_cache(maxsize=20_000)
def _unit_and_parent(name: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(the unit's own words, the parent's words) as keys, where an organisation's English name is a unit of
    another body: a unit noun (`_names_a_unit`) before "of the" and a body after it, not a state; else None."""
    found = _OF_THE.search(name)
    if found is None:
        return None
    head, parent = name[: found.start()], name[found.end() :]
    if not _names_a_unit(head):
        return None
    if normalize_name(parent).startswith(_JURISDICTION_OPENINGS):
        return None
    head_variants = name_variants(head, NameKind.ORGANIZATION)
    parent_variants = name_variants(parent, NameKind.ORGANIZATION)
    if not head_variants or not parent_variants:
        return None
    head_keys = frozenset(
        key
        for key, generic in zip(head_variants[0].keys, head_variants[0].generic, strict=True)
        if not generic
    )
    return head_keys, frozenset(parent_variants[0].keys)


@cache
def _unit_keys() -> frozenset[str]:
    """The keys of `_UNIT_WORDS` after translation, so a unit noun in any language of the tables is one (Upravlenie,
    Directorate)."""
    return frozenset(translate_org_key(fold(word)) for word in _UNIT_WORDS)


@lru_cache(maxsize=20_000)
def _names_a_unit(name: str) -> bool:
    """Whether an organisation name holds a unit noun (`_UNIT_WORDS`) in any language of the word tables."""
    units = _unit_keys()
    return any(translate_org_key(fold(word)) in units for word in normalize_name(name).split())


def _unit_of_another(
    best: tuple[float, NameVariant, NameVariant] | None,
) -> tuple[float, NameVariant, NameVariant] | None:
    """`best`, its score kept to a lead (CONTAINED_WORD_SCORE) where one name is a unit of a body (`_unit_and_parent`)
    and the other names the body, or the body and some of the unit's words, without naming a unit itself: the
    Minsk City Executive Committee is not the Main Internal Affairs Directorate of the Minsk City Executive
    Committee, nor is the Investigative Committee the Department of Financial Investigations of the State Control
    Committee."""
    if best is None or best[0] <= CONTAINED_WORD_SCORE or best[1].kind != NameKind.ORGANIZATION:
        return best
    for unit, other in ((best[2], best[1]), (best[1], best[2])):
        if _from_part(unit):
            continue  # a part of the name (GHU, of GHU - Main Economic Department of ...) is compared as itself
        split = _unit_and_parent(unit.original)
        if split is None or _names_a_unit(other.original):
            continue
        head, _ = split
        if not head or not head <= set(other.keys):
            return (CONTAINED_WORD_SCORE, best[1], best[2])
    return best


def _dotted_initials_compared(
    best: tuple[float, NameVariant, NameVariant] | None,
    query: tuple[NameVariant, ...],
    listed: tuple[NameVariant, ...],
) -> tuple[float, NameVariant, NameVariant] | None:
    """`best`, or where both names write two dotted letters that are no legal form and none of them alike (B.S.
    Zorvex, K.T. Zorvex), the best pair of their readings with the letters joined (`_two_letter_acronyms_joined`):
    the readings that drop the letters, kept for a name written without them, would make two companies of other
    initials one. Letters alike on both sides (S.I. Zorvanov's plant, in two languages) leave `best` as it is."""
    if best is None or best[0] < CONTAINED_WORD_SCORE or best[1].kind != NameKind.ORGANIZATION:
        return best
    if best[1].system.endswith("+undotted") and best[2].system.endswith("+undotted"):
        return best
    q_joined = [v for v in query if v.system.endswith("+undotted")]
    if not q_joined:
        return best
    l_joined = [v for v in listed if v.system.endswith("+undotted")]
    if not l_joined:
        return best
    if not _dotted_letters(q_joined[0].original).isdisjoint(_dotted_letters(l_joined[0].original)):
        return best
    return max(
        ((quick_score(qv, lv), qv, lv) for qv in q_joined for lv in l_joined), key=lambda found: found[0]
    )


@lru_cache(maxsize=10_000)
def _dotted_letters(name: str) -> frozenset[str]:
    """The pairs of dotted letters of a name that are no legal form, lower-cased and joined (B.S. Zorvex: bs)."""
    return frozenset(
        (m.group(1) + m.group(2)).lower() for m in _TWO_DOTTED.finditer(name) if _initials_not_a_form(name, m)
    )


_LIMITED_PARTNERSHIP: Final = re.compile(r"(?<![^\W_])(?:kg|kgaa)(?![^\W_])", re.IGNORECASE)
"""A German limited partnership (Kommanditgesellschaft: GmbH & Co. KG, KGaA), as a name writes it."""
_GENERAL_PARTNER_FORM: Final = re.compile(r"(?<![^\W_])(?:gmbh|ag|ug|se)(?![^\W_])", re.IGNORECASE)
"""The forms of the company that is a partnership's general partner (Komplementär), written without the KG."""


def _partnership_and_partner(
    best: tuple[float, NameVariant, NameVariant] | None,
) -> tuple[float, NameVariant, NameVariant] | None:
    """`best`, its score kept to a lead (CONTAINED_WORD_SCORE) where one organisation name is a German limited
    partnership (Zorvex GmbH & Co. KG) and the other a company of that name without the KG (Zorvex Verwaltungs
    GmbH, Zorvex GmbH): the partnership and the company that runs it as its general partner, two legal persons that
    the lists name alike and list apart."""
    if best is None or best[0] <= CONTAINED_WORD_SCORE or best[1].kind != NameKind.ORGANIZATION:
        return best
    a, b = best[1].original, best[2].original
    a_kg, b_kg = _LIMITED_PARTNERSHIP.search(a) is not None, _LIMITED_PARTNERSHIP.search(b) is not None
    if a_kg == b_kg or _GENERAL_PARTNER_FORM.search(b if a_kg else a) is None:
        return best
    return (CONTAINED_WORD_SCORE, best[1], best[2])
