"""Dataset names as yente's users know them, and the scope a named dataset or collection covers.

Internally a list is keyed by its importer (``ofac_sdn``) or, for FollowTheMoney files, ``ftm_json:<dataset>``.
Clients of the yente dialect name datasets the way OpenSanctions does: plain FtM dataset names that pass
followthemoney's dataset-name rule (``us_ofac_sdn``, ``eu_journal_belarus``, ``un_sc_sanctions``, or the name given
when an FtM file was imported). Collections (``default``, ``sanctions``, ``all``) cover every list; ``belarus``
covers the Belarus-regime designations of every list. Any other name is unknown: a 404, never an empty answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from followthemoney.dataset.util import dataset_name_check
from normality import slugify_text

from hramada.sanctions import public

# Public names of the lists that have one in OpenSanctions' catalogue (its own dataset names).
PUBLIC_NAMES = {
    "eu_journal": "eu_journal_belarus",
    "ofac_sdn": "us_ofac_sdn",
    "un_xml": "un_sc_sanctions",
    "eu_fsf": "eu_fsf",
    "opensanctions_delta": "opensanctions_delta",
}
COLLECTIONS = {
    "default": "Every current list",
    "sanctions": "Every current sanctions list",
    "all": "Every current list",
}
BELARUS = "belarus"
# Bumped when the served index changes shape (not with each list update: that is ``version``).
INDEX_VERSION = "hramada-1"


def public_name(list_key: str) -> str:
    """The FtM dataset name clients use for an internal list key."""
    if list_key in PUBLIC_NAMES:
        return PUBLIC_NAMES[list_key]
    _, _, dataset = list_key.partition(":")
    name = slugify_text(dataset or list_key, sep="_") or "dataset"
    return dataset_name_check(name)


@dataclass(frozen=True)
class DatasetEntry:
    name: str
    title: str
    list_key: str
    version: str
    entity_count: int
    last_change: datetime


@dataclass(frozen=True)
class Catalog:
    lists: tuple[DatasetEntry, ...]

    @property
    def names(self) -> list[str]:
        return [entry.name for entry in self.lists]

    def by_name(self, name: str) -> DatasetEntry | None:
        return next((entry for entry in self.lists if entry.name == name), None)

    def by_key(self, list_key: str) -> DatasetEntry | None:
        return next((entry for entry in self.lists if entry.list_key == list_key), None)

    def scope(self, name: str) -> str | None:
        """The scope the sanctions door understands for a public name, or None when the name is unknown."""
        if name in COLLECTIONS:
            return "default"
        if name == BELARUS:
            return BELARUS
        entry = self.by_name(name)
        return entry.list_key if entry is not None else None

    def names_of(self, datasets: tuple[str, ...] | list[str]) -> list[str]:
        """Public names of the lists an entity's internal dataset keys point to (duplicates dropped)."""
        out: list[str] = []
        for key in datasets:
            entry = self.by_key(key) or self.by_key(key.split(":", 1)[0])
            name = entry.name if entry is not None else public_name(key)
            if name not in out:
                out.append(name)
        return out

    def etag(self) -> str:
        """Changes whenever any list gets a new snapshot: the validator for conditional requests."""
        digest = hashlib.sha256()
        for entry in self.lists:
            digest.update(f"{entry.list_key}={entry.version};".encode())
        digest.update(INDEX_VERSION.encode())
        return f'"{digest.hexdigest()[:32]}"'


def load_catalog() -> Catalog:
    entries = []
    for current in public.current_lists():
        entries.append(
            DatasetEntry(
                name=public_name(current.key),
                title=current.title,
                list_key=current.key,
                version=current.version,
                entity_count=current.entity_count,
                last_change=current.updated_at,
            )
        )
    return Catalog(tuple(sorted(entries, key=lambda e: e.name)))
