"""Screening: is this name someone or something on a sanctions list?

Lists name people, companies, vessels and crypto wallets in many scripts and spellings. One Belarusian official is
Аляксандр Лукашэнка in Belarusian, Александр Лукашенко in Russian, Aliaksandr Lukashenka in his passport and
Alexander Lukashenko in English media; lists mix Belarusian and Russian forms (Aleh/Oleg, Halavanau/Golovanov).
The engine normalises and transliterates every name by several systems, folds spellings into comparison keys,
applies Belarusian-Russian name equivalences learned from the EU Belarus list, retrieves candidates from an
in-memory index, and scores them with a table of named features (names, birth dates, countries, identifiers),
each result explaining itself. It is framework-free: Django, the API, the CLI and Spark are thin callers.

    index = ScreeningIndex.from_entities(load_entities(paths))
    results = screen(Query(name="Aleh Yurchyk"), index, thresholds=Thresholds.SCREENING)
"""

from hramada.screening.native import install as _install_native

# Before the engine's own modules are imported: the compiled ones where a current build is there (see `native`).
_install_native()

from hramada.screening.entities import ListedEntity, Query, QueryError, load_entities, read_ftm_lines
from hramada.screening.explain import NameEvidence, Reason, ScreeningResult
from hramada.screening.features import FEATURES, Feature
from hramada.screening.index import ScreeningIndex
from hramada.screening.names import NameKind, load_readers, name_variants
from hramada.screening.score import Thresholds, score_candidate, screen

__all__ = [
    "FEATURES",
    "Feature",
    "ListedEntity",
    "NameEvidence",
    "NameKind",
    "Query",
    "QueryError",
    "Reason",
    "ScreeningIndex",
    "ScreeningResult",
    "Thresholds",
    "load_entities",
    "load_readers",
    "name_variants",
    "read_ftm_lines",
    "score_candidate",
    "screen",
]
