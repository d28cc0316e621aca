"""Labelled slices for round two of screening quality (used by `benchmarks.screening_quality`).

* **Romanisation systems.** Each held-out person of the EU Belarus journal (the persons equivalence learning never
  saw) written the way a German (Duden), Polish, Lithuanian, Latvian, Czech, French or English-language newspaper
  writes them: the journal's Russian and Belarusian Cyrillic spellings rendered by the published table of that
  system (`hramada.screening.transliterate.render`, tables in `data/transliteration.json`, sources in
  docs/screening.md). The listed side is the journal's own *Latin* spellings only (Belarusian and Russian
  romanisation), so a rendering never meets itself: the engine must fold one system into another. The press
  usually drops the patronymic; every other person is written without it. Negatives: the same query against
  other persons with a shared surname, a shared given name + patronymic, or a close name.
* **Typos in given names.** The journal's Latin Russian spelling of each held-out person with one keyboard slip
  in the given name (deletion, neighbouring-key substitution, swap of two letters or a doubled letter, at a
  position chosen from a hash of the person) against the journal's Latin spellings; same negatives.
* **Two slips in one long part.** The same spellings with two slips in one part of eight letters or more (a
  patronymic, mostly): the listed name in the same form and in the other.
* **Companies with hard negatives.** Every EU Belarus legal entity and OFAC Belarus-programme organisation,
  written as a bank or registry would write it (legal form given in another language or dropped, generic words
  translated, acronyms dotted, quotes dropped) against its listed name; negatives are (a) the same name with its
  most distinctive word replaced by another listed company's distinctive word (same city, product and generic
  words, different company) and (b) other listed companies that share a word with it.
* **Companies with slips.** The same organisations with one slip in any word, two slips in one word of eight
  letters or more (`two_slips`), or a word of eight letters or more cut by a space or a hyphen (`cut_word`), each
  against its listed name and the other companies that share its words.
* **Matcher behaviours published with OpenSanctions' logic-v2** (nomenklatura's model cases), as our own
  examples: one-letter typos, glued names, Latin/Cyrillic, legal forms, dotted acronyms, numbers in vessel names.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from pathlib import Path

from hramada.screening.transliterate import render

_PATRONYMIC = re.compile(r"(вич|віч|вна|ична|ічна|ич|іч)$", re.IGNORECASE)
_KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"


def _hash(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def press_spelling(cyrillic: str, system: str, language: str, *, drop_patronymic: bool) -> str:
    words = cyrillic.replace("’", "'").split()
    # The journal writes surnames in capitals (КАЗАКЕВIЧ is a surname, Аркадзьевіч a patronymic).
    words = [w for w in words if not (drop_patronymic and _PATRONYMIC.search(w) and not w.isupper())]
    return _title(render(" ".join(words), system, language))


def _typo(word: str, seed: int) -> str:
    lowered = word.lower()
    if len(lowered) < 4:
        return word
    pos = 1 + seed % (len(lowered) - 1)
    kind = (seed // 7) % 4
    if kind == 0:  # a letter left out
        out = lowered[:pos] + lowered[pos + 1 :]
    elif kind == 1:  # a neighbouring key
        ch = lowered[pos]
        at = _KEYBOARD.find(ch)
        neighbour = _KEYBOARD[at + 1] if 0 <= at < len(_KEYBOARD) - 1 and _KEYBOARD[at + 1] != " " else "e"
        out = lowered[:pos] + neighbour + lowered[pos + 1 :]
    elif kind == 2 and pos < len(lowered) - 1:  # two letters swapped
        out = lowered[:pos] + lowered[pos + 1] + lowered[pos] + lowered[pos + 2 :]
    else:  # a letter typed twice
        out = lowered[:pos] + lowered[pos] + lowered[pos:]
    return out[:1].upper() + out[1:]


def typo_in_given_name(name: str, seed: int) -> str:
    words = name.split()
    for n, word in enumerate(words):
        if not word.isupper() and not _PATRONYMIC.search(word.lower().replace("ich", "ич")):
            words[n] = _typo(word, seed)
            break
    return " ".join(words)


def typo_in_any_part(name: str, seed: int) -> str:
    """One slip (as `_typo` makes) in one part of the name of four letters or more, chosen by `seed` in turn
    among the given name, the patronymic and the surname: slips in the surname and the patronymic, not only the
    given name, as a clerk or a bank makes them."""
    words = name.split()
    long_enough = [n for n, word in enumerate(words) if len(word) >= 4]
    if not long_enough:
        return name
    at = long_enough[seed % len(long_enough)]
    words[at] = _typo(words[at], seed // 3)
    return " ".join(words)


def two_slips_in_one_part(name: str, seed: int) -> str | None:
    """Two slips (as `_typo` makes, the second on the word the first left) in one part of the name of eight letters
    or more, chosen by `seed`, as a hurried clerk types a long patronymic or surname; None when the name has no part
    that long."""
    words = name.split()
    long_enough = [n for n, word in enumerate(words) if len(word) >= 8]
    if not long_enough:
        return None
    at = long_enough[seed % len(long_enough)]
    words[at] = two_slips(words[at], seed)
    return " ".join(words)


def two_slips(word: str, seed: int) -> str:
    """Two slips as `_typo` makes them in one word, the second on the word the first left."""
    return _typo(_typo(word, seed // 11), seed // 17)


def cut_word(word: str, seed: int) -> str:
    """`word` cut in two by a space or a hyphen (chosen by `seed`), three letters or more on either side, as a
    clerk's slip of the space bar or a line broken with a hyphen leaves it."""
    at = 3 + seed % (len(word) - 5)
    return word[:at] + (" ", "-")[(seed // 7) % 2] + word[at:]


# --- companies ---------------------------------------------------------------------------------------------

# Legal forms of one meaning in the languages banks and registries write them (Belarusian, Russian, Lithuanian,
# Polish, Latvian, German, English).
_LIMITED = (
    "LLC",
    "Limited Liability Company",
    "OOO",
    "ООО",
    "TAA",
    "ТАА",
    "UAB",
    "Sp. z o.o.",
    "SIA",
    "GmbH",
    "Ltd",
)
_JOINT_STOCK = (
    "JSC",
    "Joint Stock Company",
    "AO",
    "АО",
    "AAT",
    "ААТ",
    "OAO",
    "ОАО",
    "AB",
    "S.A.",
    "AG",
    "PLC",
)
_LEGAL_FORM = re.compile(
    r"(?<!\w)(LLC|Limited Liability Company|OOO|ООО|ТАА|TAA|JSC|OJSC|CJSC|OAO|ZAO|ЗАО|ОАО|ААТ|ЗАТ|AAT|ZAT|"
    r"Open Joint Stock Company|Closed Joint Stock Company|Joint Stock Company|Ltd|Limited|UP|УП|РУП|RUP)(?!\w)",
    re.IGNORECASE,
)
_GENERIC_TRANSLATIONS = {
    "plant": ("Zavod", "Works", "Завод"),
    "zavod": ("Plant", "Works"),
    "завод": ("Plant", "Zavod"),
    "holding": ("Kholding", "Холдинг"),
    "holdings": ("Kholding", "Холдинг"),
    "association": ("Obyedinenie", "Аб'яднанне"),
    "company": ("Kompaniya", "Кампанія"),
    "factory": ("Fabrika", "Фабрыка"),
}
_ENGLISH_SHORT_WORDS = frozenset("and the for new oil tech bank unit main of".split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _forms_of(name: str) -> tuple[str, ...]:
    found = _LEGAL_FORM.search(name)
    if not found:
        return ()
    form = found.group(0).upper()
    return (
        _JOINT_STOCK
        if "JOINT" in form or form in ("JSC", "OJSC", "CJSC", "OAO", "ZAO", "ОАО", "ЗАО")
        else _LIMITED
    )


def company_form(seed: int) -> str:
    """A legal form as a bank or registry may append it to a company's name, chosen by `seed`."""
    forms = _LIMITED + _JOINT_STOCK
    return forms[seed % len(forms)]


def without_legal_form(name: str) -> str:
    """`name` without the legal forms `_LEGAL_FORM` finds."""
    return " ".join(_LEGAL_FORM.sub(" ", name).split()) or name


def company_spellings(name: str, seed: int) -> list[str]:
    """How a bank or registry may write a listed company's name (never the name as listed)."""
    out: list[str] = []
    forms = _forms_of(name)
    if forms:
        other = forms[seed % len(forms)]
        out.append(" ".join(_LEGAL_FORM.sub(other, name, count=1).split()))
        out.append(" ".join(_LEGAL_FORM.sub(" ", name).split()))
    else:
        out.append(f"{name} {_LIMITED[seed % len(_LIMITED)]}")
    words = name.split()
    for n, word in enumerate(words):
        translations = _GENERIC_TRANSLATIONS.get(word.lower().strip("\"'«»‘’"))
        if translations:
            out.append(" ".join([*words[:n], translations[seed % len(translations)], *words[n + 1 :]]))
            break
    for n, word in enumerate(words):
        vowels = sum(ch in "AEIOUY" for ch in word)
        acronym = 2 <= len(word) <= 4 and word.isupper() and word.isalpha() and vowels <= 1
        acronym = acronym and word.lower() not in _ENGLISH_SHORT_WORDS
        if acronym and not _LEGAL_FORM.fullmatch(word):
            out.append(" ".join([*words[:n], ".".join(word) + ".", *words[n + 1 :]]))
            break
    unquoted = re.sub(r"[\"'«»‘’“”]", " ", name)
    if unquoted != name:
        out.append(" ".join(unquoted.split()))
    return [s for s in dict.fromkeys(out) if s and s != name and _WORD.search(s)]


def distinctive_word(name: str, frequency: Counter[str]) -> str | None:
    """The rarest word of a name (4+ letters, not a legal form) among all listed company names."""
    quoted = re.findall(r"[«‘“\"'](.+?)[»’”\"']", name)
    words = [
        w for w in _WORD.findall(" ".join(quoted) or name) if len(w) >= 4 and not _LEGAL_FORM.fullmatch(w)
    ]
    if not words:
        return None
    return min(words, key=lambda w: (frequency[w.lower()], -len(w)))


COMMON_WORDS = frozenset(
    "open joint stock company closed limited liability republican unitary enterprise state foreign trade".split()
)


def word_frequency(names: list[str]) -> Counter[str]:
    counter: Counter[str] = Counter()
    for name in names:
        counter.update({w.lower() for w in _WORD.findall(name)})
    return counter


def ofac_belarus_organisations(data: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with (data / "sanctions/ofac/sdn-2024-05-03.csv").open(
        encoding="utf-8", errors="replace", newline=""
    ) as fh:
        for row in csv.reader(fh):
            if len(row) >= 4 and row[2].strip() == "-0-" and "BELARUS" in row[3]:
                out[f"ofac-{row[0]}"] = row[1].strip()
    return out


# --- matcher behaviours (our own examples of what nomenklatura's logic-v2 model cases describe) ---------------

BEHAVIOUR_CASES: tuple[tuple[str, str, str, bool], ...] = (
    # schema, query, listed, same?
    ("Person", "Maria Ivanova", "Maria Ivanova", True),
    ("Person", "Peter Smith", "Pedro Smith", False),  # another given name is another person
    ("Person", "Anna Kowalczyk", "Anna Kovalchik", True),
    ("Person", "Anna Kowal", "Anna Kowalczyk", False),
    ("Person", "Oleg Petrov", "Anna Petrova", False),
    ("Person", "Nikolai Patrushev", "Nikolai Platonovich Patrushev", True),
    ("Person", "Nikolai Patrshev", "Nikolai Patrushev", True),  # one letter left out of a surname
    ("Person", "Nikolay Patruchev", "Николай Платонович Патрушев", True),
    ("Person", "Mikhial Mishustin", "Mikhail Mishustin", True),  # two letters swapped
    ("Person", "Vladmir Makei", "Vladimir Makei", True),  # one letter left out of a given name
    ("Person", "Uladzimir Makei", "Уладзімір Уладзіміравіч Макей", True),
    ("Person", "Ramzankadyrov", "Ramzan Kadyrov", True),  # written as one word
    ("Person", "B Kadyrov", "Ramzan Kadyrov", False),  # another initial
    ("Person", "Ramzan Kady", "Ramzan Kadyrov", False),  # a cut-off surname is not the surname
    ("Person", "Viktor Sheiman", "Viktar Sheiman", True),
    ("Person", "Viktor Sheiman", "Viktor Shein", False),
    ("Person", "Sergejs Lavrovs", "Sergey Viktorovich LAVROV", True),  # Latvian endings
    ("Person", "Sergejus Lavrovas", "Sergei Lavrov", True),  # Lithuanian endings
    ("Person", "Sergei Lavrinenko", "Sergei Lavrov", False),
    ("Person", "Usama bin Ladin", "Osama ben Laden", True),
    ("Person", "Abd ar-Rahman al-Tikriti", "Abdel Rahman el-Tikriti", True),
    ("Person", "Mohammed bin Salman", "Mohammed bin Rashid", False),
    ("Person", "محمد بن سلمان", "باراك أوباما", False),
    ("Company", "OAO Belshina", "Belshina JSC", True),
    ("Company", "OAO Belshina", "Open Joint Stock Company Belshina", True),
    ("Company", "AAT Belshyna", "ОАО Белшина", True),
    ("Company", "Naftan JSC", "Naftan OAO", True),
    ("Company", "Grodno Azot", "Grodno Azot OJSC", True),
    ("Company", "BMZ Holding", "B.M.Z. Holding", True),  # dotted acronym
    ("Company", "BMZ Holding", "BMK Holding", False),  # another acronym
    ("Company", "B.M.Z. Holding", "BMK Holding", False),
    ("Company", "Minsk Tractor Works", "Minsk Wheel Tractor Plant", False),  # same city and product
    ("Company", "Minsk Tractor Works", "Minsk Tractor Plant", True),  # generic word translated
    ("Company", "Belaruskali Trading Limited", "Belaruskali Trading Sp. z o.o.", True),
    ("Company", "Belaruskali Trading Limited", "Belarusneft Trading Limited", False),
    ("Company", "CRYSTALSTONE SYSTEMS LIMITED", "CRYSTALSTONE LTD", True),
    ("Company", "NORTHWIND SYSTEMS LIMITED", "CRYSTALSTONE SYSTEMS LIMITED", False),
    ("Company", "Integral UAB", "Integral SIA", True),
    ("Company", "Integral Holding GmbH", "Integral Holding", True),
    ("Company", "Amkodor Holding", "Амкодор холдинг", True),
    ("Company", "Amkodor Holding", "Amkador Kholding", True),
    ("Company", "Amkodor Holding", "Belkommunmash Holding", False),
    ("Vessel", "Polar Star", "POLAR STAR", True),
    ("Vessel", "Star", "Stat", False),
    ("Vessel", "Polar Storm 3", "Polar Strom 3", True),
    ("Vessel", "Polar Star 3", "Polar Star 4", False),
    ("Organization", "Brigade Fifty-two", "Brigade 52", True),
)
