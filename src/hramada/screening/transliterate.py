"""Latin renderings of a Cyrillic name by several transliteration systems at once.

One Belarusian name reaches a list in many spellings because each publisher romanises by another system: the
passport office (ICAO 9303 / national), the US and UK (BGN/PCGN), scholars (ISO 9), Polish and Lithuanian media,
Belarusian Łacinka. We produce all of them so that whichever the query used, one rendering meets it.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final

import icu
from normality import ascii_text

from hramada.screening import han, hangul, kontsevich, palladius
from hramada.screening.normalize import has_cyrillic

_BELARUSIAN_LETTERS: Final = frozenset("ўі'")
_UKRAINIAN_LETTERS: Final = frozenset("їєґ")
_RUSSIAN_ONLY_LETTERS: Final = frozenset("щъи")
_HARD_CONSONANTS: Final = {
    "ru": frozenset("жшчцщ"),
    "be": frozenset("жшчщ"),
    "uk": frozenset("жшчщ"),
}
"""Per language, the consonants after which an iotated vowel is written without its glide (Чёрный: Chornyi; Зайцев
in Polish: Zajcew). Russian ц is hard; Belarusian and Ukrainian ц is soft before я, ё, ю and Belarusian е, and every
system writes the glide there as after any other consonant (Кацярына: Katsiaryna, Polish Kaciaryna; Цюпа: Tsiupa)."""
_VOWELS: Final = frozenset("аеёиіїоуыэюяєaeiouy")
_SOFTENING: Final = frozenset("ьеёіюяє")
_GLIDE_BREAKERS: Final = frozenset("ьъ'ў")

_ICU_BGN: Final = {"be": "Belarusian-Latin/BGN", "ru": "Russian-Latin/BGN", "uk": "Ukrainian-Latin/BGN"}
_icu_local = threading.local()


def cyrillic_languages(text: str) -> tuple[str, ...]:
    """Plausible languages (`be`, `ru`, `uk`, most likely first) of lower-case Cyrillic text, by its letters.

    Many names use no letter peculiar to one language (Аляксандр Лукашэнка): those get both readings.
    """
    letters = set(text)
    if letters & _UKRAINIAN_LETTERS:
        return ("uk",)
    if "ў" in letters:
        return ("be",)
    if "і" in letters:
        if letters & {"ы", "э"}:
            return ("be",)
        return ("uk",) if "и" in letters else ("be", "uk")
    if letters & _RUSSIAN_ONLY_LETTERS:
        return ("ru",)
    return ("ru", "be")


def language_of_cyrillic(text: str) -> str | None:
    """The language (`be`, `ru` or `uk`) a Cyrillic name's letters decide, or None when they fit Russian as well.

    The platform's one guesser: the importers file each listed name under it, and the engine reads names by
    `cyrillic_languages`, which it refines. A Latin `i` inside the Cyrillic counts as `і` (the EU prints
    `СIВАКАЎ`); the caller makes sure the text is mostly Cyrillic. Text with `і` but no other marker is
    Belarusian or Ukrainian, never Russian: it is taken as the first of those.
    """
    languages = cyrillic_languages(text.lower().replace("i", "і"))
    if len(languages) == 1 or "ru" not in languages:
        return languages[0]
    return None


@cache
def _tables() -> dict[str, Any]:
    raw = resources.files("hramada.screening").joinpath("data/transliteration.json").read_text("utf-8")
    systems: dict[str, Any] = json.loads(raw)["systems"]
    for name, system in systems.items():
        system["name"] = name
    return systems


def _icu(transliterator_id: str) -> Any:
    """ICU transliterators are not thread-safe: one instance per thread."""
    cache_: dict[str, Any] | None = getattr(_icu_local, "cache", None)
    if cache_ is None:
        cache_ = {}
        _icu_local.cache = cache_
    if transliterator_id not in cache_:
        cache_[transliterator_id] = icu.Transliterator.createInstance(transliterator_id)
    return cache_[transliterator_id]


def _by_table(text: str, system: dict[str, Any], language: str) -> str:
    name = system["name"]
    return " ".join(_rendered_word(word, name, language) for word in text.split(" "))


@lru_cache(maxsize=300_000)
def _rendered_word(word: str, system_name: str, language: str) -> str:
    """One word by one system (cached: lists repeat given names, patronymics and generic words endlessly)."""
    system = _tables()[system_name]
    latin = _by_table_word(word, system, language)
    endings = system.get("endings")
    return _with_ending(word, latin, endings) if endings else latin


def _by_table_word(text: str, system: dict[str, Any], language: str) -> str:
    letters: dict[str, str] = dict(system["letters"])
    letters.update(system.get("by_language", {}).get(language, {}))
    iotated: dict[str, list[str]] = system["iotated"]
    soft_l: str | None = system.get("soft_l")
    between_vowels: dict[str, str] = system.get("between_vowels", {})
    hard_g: str | None = system.get("hard_g")
    ks: str | None = system.get("ks")
    before_front: dict[str, str] = system.get("before_front", {})
    hard = _HARD_CONSONANTS.get(language, _HARD_CONSONANTS["ru"])
    out: list[str] = []
    prev = ""
    skip = False
    for i, ch in enumerate(text):
        if skip:
            skip = False
            prev = ch
            continue
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in iotated:
            after_consonant = prev.isalpha() and prev not in _VOWELS and prev not in _GLIDE_BREAKERS
            form = iotated[ch][0 if after_consonant else 1]
            if prev in hard and form[:1] in ("i", "j", "y") and len(form) > 1:
                form = form[1:]
            if soft_l and prev == "л" and form[:1] in ("i", "j") and len(form) > 1:
                form = form[1:]
            out.append(form)
        elif ch == "л" and soft_l:
            out.append(soft_l if nxt in _SOFTENING else letters["л"])
        elif ch in between_vowels and prev in _VOWELS and nxt in _VOWELS:
            out.append(between_vowels[ch])
        elif ch == "г" and hard_g and letters["г"] == "g" and nxt in _FRONT_VOWELS:
            out.append(hard_g)  # French: Георгий -> Gueorgui, Сергей -> Sergueï
        elif ch in before_front and nxt in _E_I:
            out.append(before_front[ch])  # Romanian: чи -> ci, че -> ce, but ча -> cia and a final ч -> ci
        elif ch == "к" and ks and nxt == "с":
            out.append(ks)  # English press: Александр -> Alexander, Максим -> Maxim
            skip = True
        elif ch in letters:
            out.append(letters[ch])
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


_FRONT_VOWELS: Final = frozenset("еёиіэыйюя")
_E_I: Final = frozenset("еиі")
_CONSONANTS: Final = frozenset("бвгджзклмнпрстфхцчшщ")


def _with_ending(cyrillic: str, latin: str, endings: str) -> str:
    """Grammatical endings that Lithuanian and Latvian add to foreign names, and the English press's -y for -ий.

    Lithuanian: Иван -> Ivanas, Игорь -> Igoris, Сергей -> Sergejus, Дмитрий -> Dmitrijus, Достоевский ->
    Dostojevskis, Александрович -> Aleksandrovičius, Шевченко -> Ševčenka. Latvian: Иван -> Ivans, Игорь -> Igors,
    Сергей -> Sergejs, Борис -> Boriss, Достоевский -> Dostojevskis. English press: Дмитрий -> Dmitry.
    Feminine names (ending in a vowel) keep their form.
    """
    if len(cyrillic) < 2 or not latin:
        return latin
    last, tail2 = cyrillic[-1], cyrillic[-2:]
    adjectival = (tail2 in ("ый", "ий") and cyrillic[-3:-2] in ("к", "г", "х")) or tail2 == "ый"
    if endings == "french" and tail2 in ("ин", "ын") and len(cyrillic) > 3:
        return latin + "e"  # French practice keeps the n sounded: Путин -> Poutine, Шумилин -> Choumiline
    if endings in ("german", "french"):
        # Duden and French practice: Дмитрий -> Dmitri, Горький -> Gorki.
        return latin[:-2] + "i" if tail2 in ("ий", "ый", "ій") and len(latin) > 2 else latin
    if endings == "english":
        if tail2 in ("ий", "ый") and latin.endswith(("iy", "yy")):
            return latin[:-2] + "y"
        return latin[:-3] + "nder" if latin.endswith("ndr") else latin  # Александр -> Alexander
    if endings == "lithuanian":
        if adjectival:
            return latin[:-2] + "is"
        if last == "й":
            return latin + "us"
        if last == "ь":
            return latin + "is"
        if last == "о":
            return latin[:-1] + "a"
        if tail2 in ("ич", "іч"):
            return latin + "ius"
        if last in _CONSONANTS:
            return latin + "as"
        return latin
    if endings == "latvian":
        if adjectival:
            return latin[:-2] + "is"
        if last in ("й", "ь") or last in _CONSONANTS:
            return latin + "s"
    return latin


@lru_cache(maxsize=100_000)
def latin_renderings(text: str) -> dict[str, str]:
    """Map of system name to the Latin rendering of lower-case `text`; `{"latin": text}` when neither Cyrillic nor
    Hangul (`hangul.renderings`) nor Chinese characters (`_han_renderings`).

    Latin words inside a mixed text pass through every system unchanged.
    """
    if not has_cyrillic(text):
        if hangul.has_hangul(text):
            return hangul.renderings(text)
        if _GREEK.search(text):
            return _greek_renderings(text)
        return _han_renderings(text) if han.has_han(text) or han.has_kana(text) else {"latin": text}
    out: dict[str, str] = {}
    for rank, language in enumerate(cyrillic_languages(text)):
        suffix = "" if rank == 0 else f":{language}"
        renderings: dict[str, str] = {}
        for name, system in _tables().items():
            if language in system["languages"] and system.get("indexed", True):
                renderings[name] = _by_table(text, system, language)
        renderings["bgn_pcgn"] = _icu(_ICU_BGN[language]).transliterate(text).replace("·", "").lower()
        for name, rendering in renderings.items():
            if rendering not in out.values():
                out[name + suffix] = rendering
    iso9 = _icu("Cyrillic-Latin").transliterate(text).lower()
    if iso9 not in out.values():
        out["iso9"] = iso9
    chinese = _palladius_rendering(text, next(iter(out.values())))
    if chinese is not None and chinese not in out.values():
        out["palladius"] = chinese
    _add_korean(out, "kontsevich", kontsevich.readings(text))
    return out


def _add_korean(out: dict[str, str], prefix: str, hangul_texts: tuple[str, ...]) -> None:
    """Add to `out` the renderings (`hangul.renderings`) of each Hangul spelling a text was read as, labelled
    `prefix_system`, `prefix2_system`...: every rendering of the first, the three systems' of the others."""
    for n, hangul_text in enumerate(hangul_texts, 1):
        label = f"{prefix}_" if n == 1 else f"{prefix}{n}_"
        for system, line in hangul.renderings(hangul_text).items():
            if (n == 1 or system in hangul.SYSTEMS) and line not in out.values():
                out[label + system] = line


_GREEK: Final = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# Greek writes the sounds b, d, g and the glide y of foreign names with letter pairs (Μπελαρουσκάλι, Ντμίτρι,
# Γκολοβτσένκο, Τσιχανούσκαγια): read as those sounds before the rest is romanised.
# A final φ is the -в of a Russian or Belarusian surname heard voiceless (Λαβρόφ, Lavrov).
_GREEK_FOREIGN: Final = re.compile("μπ|ντ|γκ|τσ|τζ|ου|γι(?=[αεοου])|φ(?=\\s|$)")
_GREEK_FOREIGN_SOUNDS: Final = {"μπ": "b", "ντ": "d", "γκ": "g", "τσ": "ts", "τζ": "dzh", "ου": "u", "γι": "y", "φ": "v"}  # fmt: skip
_GREEK_PARTED: Final = re.compile("(?<=[έάό])ι")
"""An accent on the first of two vowels parts them (Σεργκέι is Sergei, not Sergi): the second is its own i."""


def _greek_renderings(text: str) -> dict[str, str]:
    """A name in Greek letters as written, romanised by BGN/PCGN (Greek names: Konstandinos Mitsotakis) and read
    back as a foreign name Greek transcribed (`_GREEK_FOREIGN`: Ντμίτρι Μεντβέντεφ is Dmitri Medvedef, Σεργκέι
    Λαβρόφ Sergei Lavrov), accents left out. Greek has no letters for ш, ж and ч: σ, ζ and τσ stand for them,
    which the comparison keys fold alike (sh and s, zh and z, ch and ts)."""
    greek = _icu("Greek-Latin/BGN")
    bgn = ascii_text(greek.transliterate(text)).lower()
    parted = _GREEK_PARTED.sub("i", unicodedata.normalize("NFC", text))
    plain = "".join(ch for ch in unicodedata.normalize("NFD", parted) if not unicodedata.combining(ch))
    sounded = _GREEK_FOREIGN.sub(_greek_sound, unicodedata.normalize("NFC", plain))
    foreign = ascii_text(greek.transliterate(sounded)).lower()
    # The name as written first: the comparison keys read Greek letters too (δ as d, where BGN/PCGN writes dh).
    out = {"latin": text}
    for system, line in (("greek_bgn", bgn), ("greek_foreign", foreign)):
        if line not in out.values():
            out[system] = line
    return out


def _greek_sound(match: re.Match[str]) -> str:
    return _GREEK_FOREIGN_SOUNDS[match.group(0)]


_PALLADIUS_MARKS: Final = ("цз", "чж")
"""Letters Palladius writes for j, z and zh that no Russian or Belarusian word has."""


def _palladius_rendering(text: str, first: str) -> str | None:
    """`text` with its Chinese words (`palladius.to_pinyin`) in pinyin and the others as `first` renders them;
    None where it has none. A word is read as Chinese when every word of a name of two words or more is Palladius
    syllables (Си Цзиньпин, Ван И) or when it has letters only Palladius writes (Волат-Санцзян): Russian words are
    seldom syllables of Chinese throughout. A word alone (a given name of the equivalence tables: Анна, Ганна)
    needs those letters: read as syllables, Ганна would be gangna."""
    words, latin = text.split(), first.split()
    if len(words) != len(latin):
        return None
    readings = [palladius.to_pinyin(word) for word in words]
    whole = len(words) > 1 and all(readings)
    chosen = [
        reading if reading and (whole or any(mark in word for mark in _PALLADIUS_MARKS)) else None
        for word, reading in zip(words, readings, strict=True)
    ]
    if not any(chosen):
        return None
    return " ".join(reading or other for reading, other in zip(chosen, latin, strict=True))


def _han_renderings(text: str) -> dict[str, str]:
    """A text in Chinese characters as written (compared by its Mandarin reading when folded), and where it may
    be a person's name (`han.name_like`) also in Mandarin with the given name as one word (Xi Jinping), in Korean
    and in Japanese (`han`); a text holding kana also in Japanese."""
    out = {"latin": text}
    name_like = han.name_like(text)
    if name_like:
        syllables = ascii_text(_icu("Han-Latin/Names").transliterate(text)).lower().split()
        if syllables and all(syllable.isalpha() for syllable in syllables):  # ICU reads every character
            out["mandarin"] = f"{syllables[0]} {''.join(syllables[1:])}".strip()
        _add_korean(out, "hanja", han.korean_readings(text))
    if name_like or han.has_kana(text):
        japanese = han.japanese_reading(text)
        if japanese and japanese not in out.values():
            out["japanese"] = japanese
    return out


@lru_cache(maxsize=50_000)
def mandarin_word(text: str) -> str:
    """Chinese characters read in Mandarin as one word, without tones (三江: sanjiang; 华为: huawei)."""
    return "".join(ascii_text(_icu("Han-Latin").transliterate(text)).lower().split())


_READING_LABELS: Final = {
    "joined": "its Arabic compounds joined",
    "apart": "its Arabic compounds written apart",
    "conjunction": "its conjunction wa written apart",
    "unglued": "its generic word set apart from its brand",
    "undotted": "its two dotted initials read as one word",
    "expanded": "its initials written as their words",
    "kind": "its initials of a kind of company written as their words",
    "explained": "its words that its compound word says left out",
    "translated": "its words of kind in English",
    "spelt": "its abbreviations written out",
    "title": "its title words translated",
    "phrase": "its phrases read as one word",
    "split": "its German compound words read as their words",
    "quoted": "its quoted name",
    "part": "one of the names it holds",
    "alternative": "one of the names its field holds",
    "head": "its name before the holding's",
    "acronym": "its initials",
    "compound": "its compound words read as the words they were cut from",
    "pinyin": "its Wade-Giles read in pinyin",
    "korean": "its Korean name as the other romanisations write it",
    "hepburn": "its Japanese name as passports write it",
    "unbracketed": "its words in brackets left out",
    "untyped": "the kind of ship before its name left out",
    "unquoted": "its nickname in quotation marks left out",
    "branch": "its words naming a branch or representative office left out",
    "unaddressed": "the words that address the person or name a sole trader left out",
    "letters": "its letters written apart read as one word",
    "patronymic": "its Turkic patronymic written as a Russian one",
    "armenian": "its Armenian name as Russian writes it",
}
"""What each further reading of a name (`names.name_variants`: system+label) adds, in words for the explanation
("the query read by its initials")."""


def system_label(system: str) -> str:
    """Words for the explanation."""
    if "+" in system:
        base, *readings = system.split("+")
        words = [_READING_LABELS.get(reading, reading) for reading in readings]
        return ", ".join(words if base == "latin" else [system_label(base), *words])
    if system.startswith("hanja"):
        return f"Korean reading of the Chinese characters, {system_label(system.partition('_')[2])}"
    if system.startswith("kontsevich"):
        return f"Korean written in Cyrillic, read as Hangul, {system_label(system.partition('_')[2])}"
    base, _, language = system.partition(":")
    label = {
        "latin": "as written",
        "bgn_pcgn": "BGN/PCGN romanisation",
        "iso9": "ISO 9 scientific transliteration",
        "icao_9303": "ICAO 9303 passport transliteration",
        "by_national": "Belarusian national romanisation",
        "lacinka": "Belarusian Łacinka",
        "polish": "Polish spelling",
        "german_duden": "German (Duden) transcription",
        "lithuanian": "Lithuanian transcription with Lithuanian endings",
        "latvian": "Latvian transcription with Latvian endings",
        "czech": "Czech transcription",
        "french": "French transcription",
        "english_media": "English press spelling",
        "dutch": "Dutch transcription",
        "swedish": "Swedish transcription",
        "romanian": "Romanian transcription",
        "catalan": "Catalan transcription",
        "spanish": "Spanish transcription",
        "portuguese": "Portuguese transcription",
        "hungarian": "Hungarian transcription",
        "turkish": "Turkish transcription",
        "finnish": "Finnish transcription",
        "gost_779b": "GOST 7.79-2000 system B",
        "korean_rr": "Revised Romanization of Korean",
        "korean_mr": "McCune-Reischauer romanisation of Korean",
        "korean_common": "common Korean spelling",
        "mandarin": "Mandarin reading (Hanyu Pinyin)",
        "japanese": "Japanese reading (Hepburn)",
        "palladius": "Chinese written by the Palladius system, read as Hanyu Pinyin",
        "greek_bgn": "BGN/PCGN romanisation of Greek",
        "greek_foreign": "a foreign name's Greek transcription read back (μπ b, ντ d, γκ g, τσ ts)",
    }.get(base.rstrip("_0123456789") if base.startswith("korean_common") else base, base)
    return f"{label} (read as {_LANGUAGE_NAMES.get(language, language)})" if language else label


_LANGUAGE_NAMES: Final = {"be": "Belarusian", "ru": "Russian", "uk": "Ukrainian"}


PRESS_SYSTEMS: Final = (
    "german_duden",
    "polish",
    "lithuanian",
    "latvian",
    "czech",
    "french",
    "english_media",
    "dutch",
    "swedish",
    "romanian",
    "catalan",
)
"""The table systems newspapers of other languages use (the quality benchmark's press slices)."""
MORE_PRESS_SYSTEMS: Final = ("spanish", "portuguese", "hungarian", "turkish", "finnish")
"""Press systems added in round fifty-one, with slices of their own; kept apart from `PRESS_SYSTEMS`, whose order
picks the press spelling of other slices' persons (a longer tuple would draw other spellings for them)."""
CATALOGUE_SYSTEMS: Final = ("gost_779b",)
"""The table systems Russian catalogues and registries write in Latin letters only, х as x (the quality benchmark's
catalogue slice; kept apart from `PRESS_SYSTEMS`, whose order picks the press spelling of other slices' persons)."""
TABLE_SYSTEMS: Final = (
    "icao_9303",
    "by_national",
    "lacinka",
    *PRESS_SYSTEMS,
    *MORE_PRESS_SYSTEMS,
    *CATALOGUE_SYSTEMS,
)


def render(text: str, system: str, language: str) -> str:
    """Lower-case `text` (Cyrillic) rendered by one table system of `data/transliteration.json` read as `language`
    (`be`, `ru`, `uk`); what a German, Lithuanian or French newspaper would print."""
    return _by_table(text.lower(), _tables()[system], language)
