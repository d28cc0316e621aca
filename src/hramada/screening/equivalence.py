"""Belarusian-Russian given-name and patronymic equivalence (Uladzimir = Vladimir, Yauhen = Evgeny).

Folding (see `keys.py`) already makes Aleh meet Oleg and Dzmitry meet Dmitry; what it cannot do is learned from the
EU Belarus list by `learn_equivalence.py` into `data/name_equivalence.csv`. Equivalence works on *stems*: a
patronymic is its father's given name plus a suffix, so Рыгоравіч = Григорьевич also teaches Ryhor = Grigory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final, TypeVar

from rapidfuzz.distance import OSA

from hramada.screening.datafiles import data_rows
from hramada.screening.keys import fold, one_letter_deletions
from hramada.screening.normalize import has_cyrillic
from hramada.screening.transliterate import latin_renderings

# Folded patronymic endings (-ovich, -evich, -ich; -ovna, -evna, -ichna) and the class they leave behind.
_PATRONYMIC: Final = re.compile(r"^(?P<stem>.{3,}?)(?P<suffix>[ae]vic|ic|[aei]vna|icna)$")
_FINAL_VOWELS: Final = re.compile(r"^(?P<stem>.+?[^aeiu])(?P<suffix>[aeiu]*)$")


ENDING_STEM_MAX: Final = 3
"""See `EquivalenceTable.ending_only`."""


def split_stem(key: str) -> tuple[str, str]:
    """(stem, suffix class) of a folded key: `grigarevic` -> (`grigar`, `vic`), `valga` -> (`valg`, `a`)."""
    match = _PATRONYMIC.match(key)
    if match:
        suffix = match["suffix"]
        return match["stem"], "vna" if suffix.endswith("na") else "vic"
    match = _FINAL_VOWELS.match(key)
    if match:
        return match["stem"], "a" if match["suffix"].endswith("a") else ""
    return key, ""


def _word_keys(word: str) -> set[str]:
    word = word.casefold()
    if has_cyrillic(word):
        return {fold(r) for r in latin_renderings(word).values()}
    return {fold(word)} if word else set()


PATRONYMIC_SLIP_MIN: Final = 6
"""A key this long or longer that a slip took the patronymic's ending from may be read as the patronymic."""
SLIP_STEM_MIN: Final = 4
"""A stem this long or longer may be read as the known stem one slip away (`EquivalenceTable.slip_canonical`)."""
WRITTEN_SLIP_MIN: Final = 4
"""A written word this long or longer may be read as the tables' Latin spelling one slip away (`written_slip`),
unless it is another given name (`data/other_given_names.csv`)."""
WRITTEN_TWO_SLIPS_MIN: Final = 8
"""A written word this long or longer may be read as the tables' Latin spelling two slips away
(`written_two_slips`)."""
SPELLING_MIN: Final = 3
"""The tables' Latin spellings this long or longer are what `written_slip` reads a slip as (Ihar, Anna, Ilya)."""


MEMO_MAX: Final = 200_000
"""Words remembered per table by `slip_canonical` and `written_slip` (most words of a screening meet nothing)."""


_Found = TypeVar("_Found")


def _remembered(memo: dict[str, _Found], key: str, find: Callable[[str], _Found]) -> _Found:
    """`find(key)`, remembered in `memo` (up to MEMO_MAX keys; None is remembered too)."""
    if key in memo:
        return memo[key]
    found = find(key)
    if len(memo) < MEMO_MAX:
        memo[key] = found
    return found


class _OneSlipIndex:
    """Known words, each under itself and under each of its one-letter deletions: two words one edit apart (a
    letter more, another letter or two swapped) share an entry, so the known words one slip from a word are found
    by asking a few entries instead of every word."""

    def __init__(self, words: Iterable[str]) -> None:
        self._entries: dict[str, set[str]] = {}
        for known in words:
            for entry in {known, *one_letter_deletions(known)}:
                self._entries.setdefault(entry, set()).add(known)

    def near(self, word: str) -> set[str]:
        """The known words one edit from `word` (two letters swapped count as one)."""
        return {
            known
            for entry in {word, *one_letter_deletions(word)}
            for known in self._entries.get(entry, ())
            if abs(len(known) - len(word)) <= 1 and OSA.distance(word, known, score_cutoff=1) <= 1
        }


@dataclass(frozen=True)
class Equivalence:
    """Why two different stems count as one name: the `language`'s form and the Russian form, learned from
    `persons` on the EU Belarus list, or (no persons) from the table of that language's given names."""

    form: str
    russian: str
    persons: int
    language: str = "Belarusian"

    def describe(self) -> str:
        source = (
            f"learned from {self.persons} person(s) on the EU Belarus list"
            if self.persons
            else f"from the table of {self.language} given names"
        )
        return f"{self.form} = {self.russian} ({self.language} and Russian forms of one name, {source})"


class EquivalenceTable:
    """Maps a folded word key to its canonical key; unknown stems map to themselves."""

    def __init__(
        self, pairs: list[tuple[set[str], str, Equivalence]], given: frozenset[str] = frozenset()
    ) -> None:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        self._why: dict[str, Equivalence] = {}
        for stems, russian_stem, why in pairs:
            root = find(russian_stem)
            for stem in stems:
                other = find(stem)
                if other != root:
                    parent[other] = root
                self._why.setdefault(stem, why)
        self._canonical = {stem: find(stem) for stem in parent}
        self._exact: dict[str, str] = {}
        """Whole keys read as another key: a Ukrainian man's name ending in -o folds as a woman's ending in -a
        would (Pavlo `pavla`), and means the Russian name as it is (Pavel); a Western form means the Russian name
        only as it is written (Michel: Mikhail; Catherine: Yekaterina, a woman's name)."""
        self._slips: dict[str, str | None] = {}
        """key -> what `slip_canonical` found for it (None: nothing, or more than one class)."""
        self._given = given
        """Stems of given names (not of patronymics): a slip in a word that is no patronymic is mended to one of
        these when the stems one slip away are of a given name and of a patronymic (Niklai: Nikolai's `nikal`,
        not Nikolaevich's stem `nika`)."""
        self._near: _OneSlipIndex | None = None
        """The known stems by their one-letter deletions (built on the first slip asked)."""
        self._written: dict[str, set[str]] = {}
        """A Latin spelling of the tables (lower case) -> the canonical keys of its word (`written_slip`)."""
        self._written_near: _OneSlipIndex | None = None
        self.spelt_keys: frozenset[str] = frozenset()
        """The canonical keys of those spellings: a part whose key is none of them meets no slip of one."""
        self._written_slips: dict[str, str | None] = {}
        """word -> what `written_slip` found for it (most words of a screening meet no spelling: remembered)."""
        self._written_two_slips: dict[str, str | None] = {}
        """word -> what `written_two_slips` found for it (remembered as `_written_slips`)."""
        self._written_by_letter: dict[str, list[tuple[str, set[str]]]] | None = None
        """The spellings by their first letter (`written_two_slips`, built on the first question)."""
        self._formed: dict[str, set[str]] = {}
        """Latin spellings of patronymics formed from the tables' given names (`add_formed_spellings`) -> the canonical
        keys of their word: read by `written_two_slips` only."""
        self.two_slips_keys: frozenset[str] = frozenset()
        """The canonical keys of the spellings `written_two_slips` reads a word as."""
        self._first_letters: dict[str, frozenset[str]] | None = None
        """Canonical key -> the first letters of its spellings (`first_letters`, built on the first question)."""
        self._spelt_as: dict[tuple[str, str], tuple[str, ...]] | None = None
        """(canonical key, first letter) -> the Latin spellings of that name, listed and formed (`spellings_of`)."""
        self._within_two: dict[str, frozenset[str]] = {}
        """word -> what `names_within_two_slips` found for it."""
        self.other_names: frozenset[str] = frozenset()
        """Given names one slip from a spelling of the tables that name someone else (Zhanna beside Hanna, Inna
        beside Anna, Valentin beside Valentina): never read as a slip (`data/other_given_names.csv`)."""
        self._memo: dict[str, str] = {}
        """key -> canonical key (a word repeats across thousands of names: the stem split is paid once)."""
        self.ending_only: frozenset[str] = frozenset()
        """Short stems the tables know only from words with an ending, a woman's name in -a (Hanna, `gan`) or a
        patronymic (Vasieuna, `vas`): a key of that stem without an ending is another name, not that one (Khan,
        Han and the Arabic Hani are no Anna; Vas is no Vasily). Longer stems keep their reading: a man's name
        beside a woman's learned one is the same name (Valiantsin beside Valiantsina is Valentin)."""

    @property
    def size(self) -> int:
        return len(self._canonical)

    def canonical(self, key: str) -> str:
        """The key with its stem replaced by the canonical stem of its equivalence class."""
        found = self._memo.get(key)
        if found is not None:
            return found
        exact = self._exact.get(key)
        if exact is not None:
            return exact
        stem, suffix = split_stem(key)
        root = self._canonical.get(stem)
        if root is not None and not suffix and stem in self.ending_only:
            root = None
        if root is None or root == stem:
            found = key if root is None else stem + suffix
        else:
            found = root + suffix
        if len(self._memo) < 500_000:
            self._memo[key] = found
        return found

    def slip_canonical(self, key: str) -> str | None:
        """The canonical key `key` would have with one slip mended: when its stem is unknown and one edit (two
        letters swapped count as one) from stems of one class only (Siarehi, stem `sareg`, is Siarhei's `sarg`,
        read as Sergei), or when it is one edit from patronymics that agree (Dmitrievch, Pavlovch); None otherwise.
        Stems of SLIP_STEM_MIN letters or more; remembered per key (most keys meet no known stem)."""
        return _remembered(self._slips, key, self._mended)

    def _mended(self, key: str) -> str | None:
        stem, suffix = split_stem(key)
        if len(stem) < SLIP_STEM_MIN or stem in self._canonical:
            return None
        if not suffix.startswith("v") and len(key) >= PATRONYMIC_SLIP_MIN:
            mended = {
                self.canonical(candidate)
                for ending in ("vic", "vna")
                for cut in range(len(key) - 4, len(key) + 1)
                if OSA.distance(key, candidate := key[:cut] + ending, score_cutoff=1) <= 1
            }
            if len(mended) == 1:
                return mended.pop()
        if self._near is None:
            self._near = _OneSlipIndex(self._canonical)
        near_stems = self._near.near(stem)
        roots = {self._canonical[known] for known in near_stems}
        if len(roots) > 1 and not suffix.startswith("v"):
            roots = {self._canonical[known] for known in near_stems if known in self._given}
        return roots.pop() + suffix if len(roots) == 1 else None

    def add_spellings(self, words: set[str]) -> None:
        """Latin spellings of the tables' names, for `written_slip`."""
        for word in words:
            written = word.casefold()
            if len(written) >= SPELLING_MIN and written.isascii() and written.isalpha():
                self._written.setdefault(written, set()).update(
                    self.canonical(k) for k in _word_keys(written)
                )
        self._written_near = None
        self._first_letters = None
        self.spelt_keys = frozenset(key for keys in self._written.values() for key in keys)
        self._two_slips_changed()

    def add_formed_spellings(self, words: Iterable[str]) -> None:
        """Latin spellings of names the tables do not list but form by rule (a patronymic of a listed given name),
        for `written_two_slips` only: the tables do not `know` them, so no other reading changes."""
        for word in words:
            written = word.casefold()
            if (
                len(written) >= SPELLING_MIN
                and written.isascii()
                and written.isalpha()
                and written not in self._written
            ):
                self._formed.setdefault(written, set()).update(self.canonical(k) for k in _word_keys(written))
        self._two_slips_changed()

    def _two_slips_changed(self) -> None:
        self._written_by_letter = None
        self._spelt_as = None
        self._within_two.clear()
        self._written_two_slips.clear()
        self.two_slips_keys = self.spelt_keys | frozenset(
            key for keys in self._formed.values() for key in keys
        )

    def spellings(self) -> dict[str, frozenset[str]]:
        """The tables' Latin spellings (lower case), each with the canonical keys of its word."""
        return {written: frozenset(keys) for written, keys in self._written.items()}

    def add_other_names(self, rows: Iterable[tuple[str, str]]) -> frozenset[str]:
        """Read given names (lower case, Latin), each one slip from the tables' spelling beside it (a row whose
        spelling the tables no longer hold is left out), in place of those read before (returned)."""
        return self.replace_other_names(frozenset(name for name, beside in rows if beside in self._written))

    def replace_other_names(self, found: frozenset[str]) -> frozenset[str]:
        """Put `found` in place of `other_names` and return what was there (what `written_slip` remembered goes)."""
        before, self.other_names = self.other_names, found
        self._written_slips.clear()
        self._written_two_slips.clear()
        return before

    def spelt(self, word: str) -> bool:
        """Whether `word` (Latin) is one of the tables' Latin spellings as written: a name spelt so has no slip."""
        return word.casefold() in self._written

    def knows(self, key: str) -> bool:
        """Whether `key` is a given name or a patronymic of the tables (a key of one of their Latin spellings)."""
        return self.canonical(key) in self.spelt_keys

    def first_letters(self, key: str) -> frozenset[str]:
        """The first letters of the tables' Latin spellings of the name whose (folded) key is `key`, in every
        language (Uladzimir: u, v, w; Ryhoravich: r, g, h), or nothing when the tables do not know the name."""
        if self._first_letters is None:
            letters: dict[str, set[str]] = {}
            for written, keys in self._written.items():
                for each in keys:
                    letters.setdefault(each, set()).add(written[0])
            self._first_letters = {each: frozenset(found) for each, found in letters.items()}
        return self._first_letters.get(self.canonical(key), frozenset())

    def spellings_of(self, key: str, first: str) -> tuple[str, ...]:
        """The tables' Latin spellings (lower case, listed or formed by rule) of the name whose canonical key is
        `key` that open with the letter `first`: Nikolaevich and Nikolayevich for Mikalaevich's key and n."""
        if self._spelt_as is None:
            spelt: dict[tuple[str, str], set[str]] = {}
            for written, keys in (*self._formed.items(), *self._written.items()):
                for each in keys:
                    spelt.setdefault((each, written[0]), set()).add(written)
            self._spelt_as = {found: tuple(sorted(words)) for found, words in spelt.items()}
        return self._spelt_as.get((key, first), ())

    def written_slip(self, word: str) -> str | None:
        """The canonical key of the tables' Latin spelling one slip from `word` as written (a letter more, less or
        another, or two swapped), when all such spellings are one name: Vladimirovcih is Vladimirovich with two
        letters swapped, though its key (`vladimiravtig`: the swap broke the ch) is far from that name's. None for
        a spelling of the tables itself, a short word, another given name (`other_names`: Zhanna is no slip in
        Hanna), or one slip from two names."""
        written = word.casefold()
        if (
            len(written) < WRITTEN_SLIP_MIN
            or written in self._written
            or written in self.other_names
            or not written.isascii()
        ):
            return None
        return _remembered(self._written_slips, written, self._written_slip)

    def _written_slip(self, written: str) -> str | None:
        if self._written_near is None:
            self._written_near = _OneSlipIndex(self._written)
        found = {key for known in self._written_near.near(written) for key in self._written[known]}
        return found.pop() if len(found) == 1 else None

    def written_two_slips(self, word: str) -> str | None:
        """The canonical key of the tables' Latin spellings two slips from `word` as written (two edits: a letter
        added, dropped or struck for another, or two side by side swapped; the first letter kept, as a name is typed
        from it), when all of them are one name and none is one slip away: Vladimriovotch is Vladimirovitch with two
        letters swapped and one struck for another. None for a word shorter than WRITTEN_TWO_SLIPS_MIN, a spelling of the tables, another
        given name, a word one slip from a spelling (`written_slip` reads it), or a word two slips from two names
        (Aleksandrovina: Aleksandrovich and Alyeksandrovna)."""
        written = word.casefold()
        if (
            len(written) < WRITTEN_TWO_SLIPS_MIN
            or written in self._written
            or written in self._formed
            or written in self.other_names
            or not written.isascii()
            or not written.isalpha()
        ):
            return None
        return _remembered(self._written_two_slips, written, self._two_slips_from_spelling)

    def _by_letter(self) -> dict[str, list[tuple[str, set[str]]]]:
        if self._written_by_letter is None:
            by_letter: dict[str, list[tuple[str, set[str]]]] = {}
            for spelling, keys in sorted({**self._formed, **self._written}.items()):
                by_letter.setdefault(spelling[0], []).append((spelling, keys))
            self._written_by_letter = by_letter
        return self._written_by_letter

    def names_within_two_slips(self, word: str) -> frozenset[str]:
        """The canonical keys of the tables' Latin spellings, listed or formed, two edits or fewer from `word` as
        written (lower case) that open with its letter: Aleksandrovina is two from Aleksandrovich and from
        Aleksandrovna, two names. Remembered per word, as `written_slip` is."""
        return _remembered(
            self._within_two,
            word.casefold(),
            lambda written: frozenset(key for _, keys in self._within_two_edits(written) for key in keys),
        )

    def _within_two_edits(self, written: str) -> Iterator[tuple[int, set[str]]]:
        """(edits, canonical keys) of each spelling, listed or formed, that opens with the letter of `written` and is
        two edits from it at most."""
        for spelling, keys in self._by_letter().get(written[:1], []):
            if abs(len(spelling) - len(written)) <= 2:
                distance = OSA.distance(written, spelling, score_cutoff=2)
                if distance <= 2:
                    yield distance, keys

    def _two_slips_from_spelling(self, written: str) -> str | None:
        found: set[str] = set()
        for distance, keys in self._within_two_edits(written):
            if distance <= 1:
                return None  # one slip: `written_slip`'s reading (or another name's), not this one
            found.update(keys)
        return found.pop() if len(found) == 1 else None

    def read_as(self, keys: set[str], key: str, why: Equivalence | None = None) -> None:
        """Read each of `keys` as the canonical form of `key` (see `_exact`), for the reason `why` if given."""
        target = self.canonical(key)
        for each in keys:
            self._exact[each] = target
            self._memo.pop(each, None)
            if why is not None:
                self._why.setdefault(split_stem(each)[0], why)

    def reason(self, key_a: str, key_b: str) -> Equivalence | None:
        """The learned pair that made two different keys meet, for the explanation."""
        stem_a, stem_b = split_stem(key_a)[0], split_stem(key_b)[0]
        if stem_a == stem_b:
            return None
        return self._why.get(stem_a) or self._why.get(stem_b)


_HUSHING: Final = "жшчщц"
_IRREGULAR_STEMS: Final = {
    "лев": "льво",
    "павел": "павло",
    "пётр": "петро",
    "яков": "яковле",
    "михаил": "михайло",
    "гавриил": "гаврило",
    "даниил": "данило",
}
"""Given names whose patronymic is formed from another stem (a vowel dropped or changed, a letter added): Lev,
Lvovich; Pavel, Pavlovich; Pyotr, Petrovich; Yakov, Yakovlevich; Mikhail, Mikhailovich; Daniil, Danilovich."""


def russian_patronymics(name: str) -> tuple[str, ...]:
    """The son's and the daughter's patronymic of a Russian man's given name in Cyrillic, by the rules of Russian
    orthography: -ович / -овна after a hard consonant (Леонид: Леонидович, Леонидовна), -евич / -евна after a
    hushing consonant or ц, after a vowel and й, and in place of the ь of -рь (Сергей: Сергеевич; Николай:
    Николаевич; Игорь, Лазарь: Игоревич, Лазаревич; Любовь and Нинель are women's names), -ьевич / -ьевна after one
    consonant and -иевич / -иевна after two for names in -ий (Анатолий: Анатольевич; Дмитрий: Дмитриевич; both
    are formed for each, as documents write both), and from another stem for the names of `_IRREGULAR_STEMS`
    (Павел: Павлович). Nothing for a name that ends otherwise (a woman's name, and men's names in -а or -я, whose
    patronymics are formed otherwise: Никита, Никитич; Илья, Ильич)."""
    name = name.strip().casefold()
    if len(name) < 3 or not has_cyrillic(name):
        return ()
    irregular = _IRREGULAR_STEMS.get(name)
    if irregular is not None:
        return (irregular + "вич", irregular + "вна")
    if name.endswith("ий") and name[-3] not in "аеёиоуыэюя":
        stem = name[:-2]
        return (stem + "ьевич", stem + "ьевна", stem + "иевич", stem + "иевна")
    if name.endswith(("й", "рь")):
        return (name[:-1] + "евич", name[:-1] + "евна")
    last = name[-1]
    if last in _HUSHING:
        return (name + "евич", name + "евна")
    if last in "аеёиоуыэюяьъ":
        return ()
    return (name + "ович", name + "овна")


@cache
def default_table() -> EquivalenceTable:
    """The tables shipped in `data/name_equivalence.csv` (Belarusian, learned), `data/name_equivalence_be_forms.csv`
    (Belarusian given names of their own: Zmitser, Ales), `data/name_equivalence_uk.csv` (Ukrainian given names) and
    `data/name_equivalence_west.csv` (English, French and German forms, read as written only: Michel, Pierre), read
    once per process."""
    pairs: list[tuple[set[str], str, Equivalence]] = []
    given: set[str] = set()
    spellings: set[str] = set()
    exact: list[tuple[set[str], str, Equivalence | None]] = []  # keys read as a Russian form's whole key
    endings: dict[str, set[str]] = {}  # stem -> the suffix classes (`split_stem`) of the words it was seen in
    tables = (
        ("name_equivalence.csv", "be", "Belarusian"),
        ("name_equivalence_be_forms.csv", "be", "Belarusian"),
        ("name_equivalence_uk.csv", "uk", "Ukrainian"),
        ("name_equivalence_west.csv", "west", "Western European"),
    )
    # The Russian given names of every table, whose patronymics are formed below.
    russian_given: set[str] = set()
    for path, code, language in tables:
        for row in data_rows(path):
            if row.get("kind") == "given":
                russian_given.add(row["ru_cyrillic"])
            russian_words = [row["ru_cyrillic"], row["ru_latin"]]
            other_words = [row[f"{code}_cyrillic"], row[f"{code}_latin"]]
            russian_stems = {split_stem(k)[0] for w in russian_words for k in _word_keys(w)}
            other_stems = {split_stem(k)[0] for w in other_words for k in _word_keys(w)}
            ru_latin = row["ru_latin"] or row["ru_cyrillic"]
            anchor = split_stem(fold(ru_latin))[0] if not has_cyrillic(ru_latin) else min(russian_stems)
            why = Equivalence(
                form=row[f"{code}_latin"] or row[f"{code}_cyrillic"],
                russian=ru_latin,
                persons=int(row.get("persons") or 0),
                language=language,
            )
            if code == "west":
                # A Western form is read as the Russian name only as it is written, never by its stem: Michel is
                # Mikhail, Michelle (whose key has Michel's stem) is not.
                exact.append(({fold(row["west_latin"])}, fold(ru_latin), why))
                continue
            pairs.append((russian_stems | other_stems, anchor, why))
            classes = {split_stem(k)[1] for w in russian_words + other_words for k in _word_keys(w)}
            for stem in russian_stems | other_stems:
                endings.setdefault(stem, set()).update(classes)
            if row.get("kind") == "given":
                given |= russian_stems | other_stems
            spellings.update(w for w in (row["ru_latin"], row[f"{code}_latin"]) if w)
            for cyrillic in (row["ru_cyrillic"], row[f"{code}_cyrillic"]):
                if cyrillic:
                    spellings.update(latin_renderings(cyrillic.casefold()).values())
            if code == "uk" and row["uk_cyrillic"].endswith("о"):
                exact.append(({k for w in other_words for k in _word_keys(w)}, fold(ru_latin), None))
    table = EquivalenceTable(pairs, frozenset(given))
    table.ending_only = frozenset(
        stem for stem, classes in endings.items() if "" not in classes and len(stem) <= ENDING_STEM_MAX
    )
    for keys, russian, reason in exact:
        table.read_as(keys, russian, reason)
    table.add_spellings(spellings)
    russian_given |= {row["name"] for row in data_rows("given_name_diminutives.csv")}
    russian_given |= {row["name"] for row in data_rows("russian_men_given_names.csv")}
    table.add_formed_spellings(
        latin
        for name in sorted(russian_given)
        for formed in russian_patronymics(name)
        for latin in latin_renderings(formed).values()
    )
    table.add_other_names((row["name"], row["beside"]) for row in data_rows("other_given_names.csv"))
    return table
