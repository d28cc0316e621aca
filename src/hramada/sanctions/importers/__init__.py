"""Importers: published sanctions files in, FollowTheMoney entities out (no Django here).

Each source has a module (``eu_journal``, ``ofac_sdn``, ``un_xml``, ``eu_fsf``, ``ftm_json``,
``opensanctions_delta``) whose ``parse(path, **options)`` yields *records*: a designated party followed by its
``Sanction`` entities and the documents, wallets and links that belong to it. This package is the front door:

* ``SOURCES`` describes every source (key, label, publisher, the programmes that make up the Belarus regime);
* ``parse(source_key, path, **options)`` yields :class:`ParsedEntity` items (optionally only the records of
  some programmes), after checking with ``sniff`` that the file is of that source;
* ``parse_all`` collects them first: a bad file raises :class:`SourceFormatError` before the parse ends, so a
  caller that stores only what ``parse_all`` returned never stores a partial snapshot.

See docs/sanctions-sources.md for each source's layout, quirks, FtM mapping, id scheme and error policy.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from hramada.sanctions.importers import (
    eu_fsf,
    eu_journal,
    ftm_json,
    ofac_sdn,
    opensanctions_delta,
    reading,
    shapes,
    un_xml,
)
from hramada.sanctions.importers.entities import ParsedEntity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.names import NameVariant, guess_cyrillic_lang, name_variants
from hramada.sanctions.importers.reading import PathLike, read_head

__all__ = [
    "SOURCES",
    "NameVariant",
    "ParsedEntity",
    "SourceFormatError",
    "SourceSpec",
    "guess_cyrillic_lang",
    "name_variants",
    "parse",
    "parse_all",
    "shapes",
    "sniff",
]

RecordParser = Callable[..., Iterator[list[ParsedEntity]]]


@dataclass(frozen=True)
class SourceSpec:
    """A sanctions source: what it is, who publishes it, and the programmes that make up the Belarus regime.

    ``default_programmes`` are the programme ids (``Sanction.programId``) a Belarus screening keeps by
    default; empty means the source has no Belarus programme and is kept whole.
    """

    key: str
    label: str
    publisher: str
    file_kind: str
    default_programmes: frozenset[str]
    parser: RecordParser
    options: tuple[str, ...] = ()
    filters_by_programme: bool = True


SOURCES: dict[str, SourceSpec] = {
    spec.key: spec
    for spec in (
        SourceSpec(
            key=eu_journal.KEY,
            label="EU Belarus regime (Regulation 765/2006), transcribed from the Official Journal",
            publisher="Council of the European Union (transcription: OpenSanctions)",
            file_kind="CSV with header (consolidated snapshot or amendment)",
            default_programmes=frozenset({"EU-BLR"}),
            parser=eu_journal.parse,
        ),
        SourceSpec(
            key=ofac_sdn.KEY,
            label="OFAC Specially Designated Nationals list",
            publisher="US Treasury, Office of Foreign Assets Control",
            file_kind="sdn.csv without header, with optional alt.csv, add.csv, sdn_comments.csv",
            default_programmes=frozenset({"BELARUS", "BELARUS-EO14038"}),
            parser=ofac_sdn.parse,
            options=("alt_path", "add_path", "comments_path"),
        ),
        SourceSpec(
            key=un_xml.KEY,
            label="UN Security Council consolidated list",
            publisher="United Nations Security Council",
            file_kind="XML (CONSOLIDATED_LIST)",
            default_programmes=frozenset(),
            parser=un_xml.parse,
        ),
        SourceSpec(
            key=eu_fsf.KEY,
            label="EU consolidated financial sanctions list (FSF)",
            publisher="European Commission (DG FISMA)",
            file_kind="XML, legacy 1.0 (WHOLE/ENTITY) or current 1.1 (export/sanctionEntity)",
            default_programmes=frozenset({"BLR"}),
            parser=eu_fsf.parse,
        ),
        SourceSpec(
            key=ftm_json.KEY,
            label="FollowTheMoney entities (JSON lines)",
            publisher="OpenSanctions",
            file_kind="JSON lines, one FtM entity per line",
            default_programmes=frozenset(),
            parser=ftm_json.parse,
            filters_by_programme=False,
        ),
        SourceSpec(
            key=opensanctions_delta.KEY,
            label="OpenSanctions delta files",
            publisher="OpenSanctions",
            file_kind="JSON lines of {op, entity}, or the delta.json version index",
            default_programmes=frozenset(),
            parser=opensanctions_delta.parse,
            options=("skip_missing",),
            filters_by_programme=False,
        ),
    )
}

_XML_ROOT = re.compile(rb"<(?![?!])([A-Za-z_][\w.:-]*)")


def sniff(path: PathLike) -> str | None:
    """The key of the source this file looks like, from its first bytes; ``None`` if none fits.

    OFAC's companion files (alt.csv, add.csv, sdn_comments.csv) are not a source of their own and give
    ``None``.
    """
    try:
        head = read_head(path)
    except SourceFormatError:
        return None
    text = head.lstrip(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        match = _XML_ROOT.search(head)
        root = match.group(1).decode("ascii", errors="replace") if match else ""
        if root == "CONSOLIDATED_LIST":
            return un_xml.KEY
        if root in ("WHOLE", "export") or root.endswith(":export"):
            return eu_fsf.KEY
        return None
    if stripped.startswith(("celex,recordId,", "amendedCelex,amendmentCelex,")):
        return eu_journal.KEY
    if stripped.startswith("{"):
        first_line = stripped.split("\n", 1)[0]
        if '"versions"' in stripped[:200]:
            return opensanctions_delta.KEY
        try:
            first = json.loads(first_line)
        except ValueError:
            first = None
        if isinstance(first, dict):
            if "op" in first and "entity" in first:
                return opensanctions_delta.KEY
            if "schema" in first and "id" in first:
                return ftm_json.KEY
        if re.match(r'\{\s*"op"\s*:', first_line):
            return opensanctions_delta.KEY
        if re.match(r'\{\s*"id"\s*:', first_line):
            return ftm_json.KEY
        return None
    try:
        first_row = next(csv.reader(io.StringIO(stripped.split("\n", 1)[0])), [])
    except csv.Error:
        return None
    if len(first_row) == ofac_sdn.SDN_COLUMNS and first_row[0].strip().isdigit():
        return ofac_sdn.KEY
    return None


def _check_source(source_key: str, path: PathLike) -> SourceSpec:
    spec = SOURCES.get(source_key)
    if spec is None:
        raise KeyError(f"unknown sanctions source {source_key!r}; known: {', '.join(SOURCES)}")
    read_head(path)
    found = sniff(path)
    if found is not None and found != source_key:
        raise SourceFormatError(path, f"the file looks like {found}, not {source_key}")
    return spec


def parse(
    source_key: str, path: PathLike, *, programmes: Collection[str] | None = None, **options: Any
) -> Iterator[ParsedEntity]:
    """Yield the entities of one file of ``source_key``.

    ``programmes`` keeps only the records with a ``Sanction`` whose ``programId`` is one of them (records
    without any Sanction, such as addresses in FtM exports, are dropped too). Other ``options`` go to the
    source's parser (``alt_path``, ``add_path``, ``comments_path`` for OFAC). Raises
    :class:`SourceFormatError` for a bad file (including a value over the size limits of
    :mod:`~hramada.sanctions.importers.shapes`), possibly after earlier items were yielded: collect before
    storing (see :func:`parse_all`).
    """
    spec = _check_source(source_key, path)
    if programmes is not None and not spec.filters_by_programme:
        raise ValueError(f"{source_key} entities link to their Sanctions by id only; filter after collecting")
    wanted = frozenset(programmes) if programmes is not None else None
    for record in spec.parser(path, **options):
        shapes.check_value_sizes(path, record)
        if wanted is not None:
            ids = {p for e in record if e.schema == "Sanction" for p in e.values("programId")}
            if not ids & wanted:
                continue
        yield from record


def published_on(source_key: str, path: PathLike) -> date | None:
    """The publication date a file carries in its own data, where its format has one: the UN list's
    ``dateGenerated``, the EU FSF file's ``Date`` (1.0) or ``generationDate`` (1.1). OFAC's CSV, the EU
    journal transcription and FtM files carry none (``None``)."""
    if source_key == "un_xml":
        raw = reading.xml_root_attributes(path).get("dateGenerated", "")
    elif source_key == "eu_fsf":
        attributes = reading.xml_root_attributes(path)
        raw = attributes.get("generationDate", "")
        legacy = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", attributes.get("Date", "").strip())
        if not raw and legacy:
            raw = f"{legacy.group(3)}-{int(legacy.group(2)):02d}-{int(legacy.group(1)):02d}"
    else:
        return None
    try:
        return date.fromisoformat(raw.strip()[:10])
    except ValueError:
        return None


def parse_all(
    source_key: str, path: PathLike, *, programmes: Collection[str] | None = None, **options: Any
) -> list[ParsedEntity]:
    """Every entity of one file, or :class:`SourceFormatError` and nothing."""
    return list(parse(source_key, path, programmes=programmes, **options))
