"""OFAC's Specially Designated Nationals list as CSV (sdn.csv and the companion alt/add/comments files).

sdn.csv has no header; ``-0-`` means empty; the Remarks column is OFAC's free text of ``;``-separated clauses
(``DOB 30 Aug 1954; POB Kopys, ...; Passport MP123 (Belarus); Linked To: X.``), read here clause by clause.
Remarks too long for the column continue in sdn_comments.csv. See docs/sanctions-sources.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from normality import slugify

from hramada.sanctions.importers.dates import parse_dates
from hramada.sanctions.importers.entities import EntityBuilder, ParsedEntity, sanction_entity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.programmes import OFAC_BELARUS_PROGRAMMES, unknown_programme_warning
from hramada.sanctions.importers.reading import PathLike, iter_csv_rows

KEY = "ofac_sdn"
SDN_COLUMNS = 12
AUTHORITY = "Office of Foreign Assets Control (US Treasury)"
SCHEMATA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}

# Every programme code seen in the SDN list 2021-2024; a code outside this set is flagged (see the docs).
KNOWN_PROGRAMMES = frozenset(
    """BALKANS BALKANS-EO14033 BELARUS BELARUS-EO14038 BPI-RUSSIA-EO14024 BURMA-EO14014 CAR CUBA CYBER2
    CYBER3 DARFUR DPRK DPRK-NKSPEA DPRK2 DPRK3 DPRK4 DRCONGO ELECTION-EO13848 ETHIOPIA-EO14046 FSE-SY
    FTO GLOMAG HIFPAA HK-EO13936 HOSTAGES-EO14078 HRIT-IR HRIT-SY IFCA IFSR ILLICIT-DRUGS-EO14059 IRAN
    IRAN-CON-ARMS-EO IRAN-EO13846 IRAN-EO13871 IRAN-EO13876 IRAN-EO13902 IRAN-HR IRAN-TRA IRAQ2 IRAQ3
    IRGC ISA LEBANON LIBYA2 LIBYA3 MAGNIT MALI-EO13882 NICARAGUA NICARAGUA-NHRAA NPWMD NS-PLC PEESA
    PEESA-EO14039 RUSSIA-EO14024 RUSSIA-EO14065 SDGT SDNT SDNTK SOMALIA SSIDES SUDAN-EO14098 SYRIA
    SYRIA-CAESAR SYRIA-EO13894 TCO UHRPA UKRAINE-EO13660 UKRAINE-EO13661 UKRAINE-EO13662 UKRAINE-EO13685
    VENEZUELA VENEZUELA-EO13850 VENEZUELA-EO13884 WEST-BANK-EO14115 YEMEN ZIMBABWE""".split()
) | {"CAATSA - IRAN", "CAATSA - RUSSIA", "SOUTH SUDAN"}

# Identifier labels in Remarks and the FtM property each becomes (longest label wins).
IDENTIFIER_LABELS: dict[str, str] = {
    "Vessel Registration Identification IMO": "imoNumber",
    "Identification Number IMO": "imoNumber",
    "Company Number IMO": "imoNumber",
    "MMSI": "mmsi",
    "National ID No.": "idNumber",
    "Identification Number": "idNumber",
    "Cedula No.": "idNumber",
    "D.N.I.": "idNumber",
    "Birth Certificate Number": "idNumber",
    "Personal ID Card": "idNumber",
    "Tax ID No.": "taxNumber",
    "RFC": "taxNumber",
    "NIT #": "taxNumber",
    "V.A.T. Number": "vatCode",
    "Registration Number": "registrationNumber",
    "Business Registration Number": "registrationNumber",
    "Registration ID": "registrationNumber",
    "Company Number": "registrationNumber",
    "Commercial Registry Number": "registrationNumber",
    "Government Gazette Number": "registrationNumber",
    "Chamber of Commerce Number": "registrationNumber",
    "Trade License No.": "registrationNumber",
    "C.R. No.": "registrationNumber",
    "Folio Mercantil No.": "registrationNumber",
    "Matricula Mercantil No": "registrationNumber",
    "Economic Register Number (CBLS)": "registrationNumber",
    "Unified Social Credit Code (USCC)": "registrationNumber",
    "Central Registration System Number": "registrationNumber",
    "Istanbul Chamber of Comm. No.": "registrationNumber",
    "Legal Entity Number": "leiCode",
    "SWIFT/BIC": "swiftBic",
    "D-U-N-S Number": "dunsCode",
}
_LABELS = sorted(IDENTIFIER_LABELS, key=len, reverse=True)
_LABEL_RE = re.compile(
    r"^(?P<label>" + "|".join(re.escape(label) for label in _LABELS) + r")\s+(?P<value>.+)$"
)
_ALT = re.compile(r"^alt\.\s+", re.IGNORECASE)
_WALLET = re.compile(r"^Digital Currency Address - (?P<currency>\w+)\s+(?P<address>\S+)")
_ISSUED = re.compile(r"\bissued\s+(\d{1,2} \w{3} \d{4})")
_EXPIRES = re.compile(r"\bexpires\s+(\d{1,2} \w{3} \d{4})")
_COUNTRY = re.compile(r"\(([^)]*)\)")
# Clauses "<label> <value>" that become one FtM property of the subject.
_SIMPLE_CLAUSES: tuple[tuple[str, str], ...] = (
    ("DOB", "birthDate"),
    ("POB", "birthPlace"),
    ("nationality", "nationality"),
    ("citizen", "citizenship"),
    ("Gender", "gender"),
    ("Website", "website"),
    ("Email Address", "email"),
    ("Phone Number", "phone"),
    ("Telephone", "phone"),
    ("Vessel Flag", "flag"),
    ("Former Vessel Flag", "pastFlags"),
    ("Vessel Type", "type"),
    ("Vessel Year of Build", "buildDate"),
    ("Organization Established Date", "incorporationDate"),
    ("Organization Type:", "classification"),
    ("Aircraft Model", "model"),
    ("Aircraft Manufacturer's Serial Number (MSN)", "serialNumber"),
    ("Aircraft Manufacture Date", "buildDate"),
    ("Aircraft Tail Number", "registrationNumber"),
    ("Target Type", "classification"),
)
_SIMPLE = sorted(_SIMPLE_CLAUSES, key=lambda item: len(item[0]), reverse=True)
_DATE_PROPS = {"birthDate", "buildDate", "incorporationDate"}
_SANCTION_INFO = (
    "Additional Sanctions Information -",
    "Secondary sanctions risk:",
    "Transactions Prohibited For Persons",
    "Executive Order ",
)


def document_number(value: str) -> str:
    """The number in ``0310857 (Eritrea) issued 21 Aug 2006``: up to `` (``, ``issued`` or ``expires``."""
    number = re.split(r"\s\(|\sissued\s|\sexpires\s", value, maxsplit=1)[0]
    return number.strip(" ,.")


def _cell(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


@dataclass
class _Aux:
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    addresses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)


def _read_aux(alt_path: PathLike | None, add_path: PathLike | None, comments_path: PathLike | None) -> _Aux:
    aux = _Aux()
    if alt_path is not None:
        seen: set[str] = set()
        for line, row in iter_csv_rows(alt_path, expected_columns=5):
            ent_num, alt_num, alt_type, name = (_cell(value) for value in row[:4])
            if not ent_num.isdigit() or not alt_num.isdigit():
                raise SourceFormatError(alt_path, "not an OFAC alt.csv row", where=f"line {line}")
            if alt_num in seen:
                raise SourceFormatError(alt_path, f"duplicate alt_num {alt_num}", where=f"line {line}")
            seen.add(alt_num)
            aux.aliases.setdefault(ent_num, []).append((alt_type.lower().strip(". "), name))
    if add_path is not None:
        seen = set()
        for line, row in iter_csv_rows(add_path, expected_columns=6):
            ent_num, add_num, street, city, country = (_cell(value) for value in row[:5])
            if not ent_num.isdigit() or not add_num.isdigit():
                raise SourceFormatError(add_path, "not an OFAC add.csv row", where=f"line {line}")
            if add_num in seen:
                raise SourceFormatError(add_path, f"duplicate add_num {add_num}", where=f"line {line}")
            seen.add(add_num)
            full = ", ".join(part for part in (street, city, country) if part)
            aux.addresses.setdefault(ent_num, []).append((full, country))
    if comments_path is not None:
        for line, row in iter_csv_rows(comments_path, expected_columns=2):
            ent_num = _cell(row[0])
            if not ent_num.isdigit():
                raise SourceFormatError(
                    comments_path, "not an OFAC sdn_comments.csv row", where=f"line {line}"
                )
            aux.comments[ent_num] = aux.comments.get(ent_num, "") + row[1]
    return aux


AUX_FILES = {5: ("alt.csv", "alt_path"), 6: ("add.csv", "add_path"), 2: ("sdn_comments.csv", "comments_path")}


def _sdn_rows(path: PathLike) -> Iterator[tuple[int, list[str]]]:
    for line, row in iter_csv_rows(path):
        if len(row) != SDN_COLUMNS:
            aux = AUX_FILES.get(len(row)) if line <= 2 and _cell(row[0]).isdigit() else None
            hint = f" (this looks like OFAC's {aux[0]}: pass it as {aux[1]})" if aux else ""
            raise SourceFormatError(
                path, f"expected {SDN_COLUMNS} columns, found {len(row)}{hint}", where=f"line {line}"
            )
        cells = [_cell(value) for value in row]
        if not cells[0].isdigit():
            raise SourceFormatError(path, f"ent_num {cells[0]!r} is not a number", where=f"line {line}")
        if not cells[1]:
            raise SourceFormatError(path, "empty SDN_Name", where=f"line {line}")
        yield line, cells


def _names_index(path: PathLike) -> dict[str, list[str]]:
    """First pass: SDN name → ent_nums, for ``Linked To:``; duplicate ent_nums are a format error."""
    index: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for line, cells in _sdn_rows(path):
        if cells[0] in seen:
            raise SourceFormatError(
                path, f"duplicate ent_num {cells[0]} (first on line {seen[cells[0]]})", where=f"line {line}"
            )
        seen[cells[0]] = line
        index.setdefault(cells[1].upper(), []).append(cells[0])
    return index


def split_remarks(remarks: str) -> list[str]:
    """The clauses of a Remarks text, without their trailing full stop."""
    clauses = []
    for clause in re.split(r";\s+|;$", remarks):
        clause = clause.strip()
        if clause.endswith(".") and not clause.endswith(("a.k.a.", "f.k.a.", "n.k.a.", "No.")):
            clause = clause[:-1].rstrip()
        if clause:
            clauses.append(clause)
    return clauses


class _Record:
    """The entities of one SDN row while its Remarks are read."""

    def __init__(self, path: PathLike, line: int, cells: list[str], names: dict[str, list[str]]) -> None:
        self.path, self.line, self.names = path, line, names
        self.ent_num = cells[0]
        schema = SCHEMATA.get(cells[2].lower())
        if schema is None:
            raise SourceFormatError(path, f"unknown SDN_Type {cells[2]!r}", where=f"line {line}")
        self.subject = EntityBuilder(schema, f"ofac-{self.ent_num}", path=path, where=f"line {line}")
        # Entities hanging off the subject, by id: a passport or wallet named twice in Remarks is one entity.
        self.extra: dict[str, EntityBuilder] = {}
        self.provisions: list[str] = []

    def attached(self, schema: str, entity_id: str) -> EntityBuilder:
        """The builder of an entity attached to the subject, made on first use."""
        if entity_id not in self.extra:
            self.extra[entity_id] = EntityBuilder(schema, entity_id, path=self.path, where=self.subject.where)
        return self.extra[entity_id]

    def note(self, text: str) -> None:
        self.subject.add("notes", text)

    def add_or_note(
        self, prop: str, value: str, clause: str, printed: str | None = None, *, trusted: bool = False
    ) -> None:
        if self.subject.has(prop):
            self.subject.add(prop, value, printed=printed, trusted=trusted)
        else:
            self.note(clause)

    def clause(self, clause: str) -> None:
        text = _ALT.sub("", clause)
        lowered = text.lower()
        if lowered.startswith(("a.k.a.", "f.k.a.", "n.k.a.")):
            prop = "previousName" if lowered.startswith("f.k.a.") else "alias"
            # A quoted name may have lost its closing quote where OFAC cut the Remarks: keep it anyway.
            self.subject.add(prop, text[6:].strip().rstrip(".").strip("'").strip())
            return
        if text.startswith("Linked To:"):
            self.link(text[len("Linked To:") :].strip())
            return
        if text.startswith(_SANCTION_INFO):
            self.provisions.append(text)
            return
        wallet = _WALLET.match(text)
        if wallet:
            self.wallet(wallet.group("currency"), wallet.group("address"))
            return
        if text.startswith("Passport "):
            self.passport(text[len("Passport ") :], clause)
            return
        identifier = _LABEL_RE.match(text)
        if identifier:
            prop = IDENTIFIER_LABELS[identifier.group("label")]
            self.add_or_note(prop, document_number(identifier.group("value")), clause)
            return
        for label, prop in _SIMPLE:
            if text.startswith(label + " ") or (label.endswith(":") and text.startswith(label)):
                value = text[len(label) :].strip()
                if prop in _DATE_PROPS:
                    value = value.removeprefix("circa").strip()
                    for date in parse_dates(value):
                        self.add_or_note(prop, date, clause, printed=value, trusted=True)
                    if not parse_dates(value):
                        self.note(clause)
                elif prop == "gender":
                    self.add_or_note(prop, value.lower(), clause, printed=value)
                else:
                    self.add_or_note(prop, value, clause)
                return
        self.note(clause)

    def link(self, name: str) -> None:
        # The clause lost its final full stop, which may have ended the name ("CO., LTD.").
        targets = self.names.get(name.upper()) or self.names.get(name.upper() + ".", [])
        if len(targets) != 1 or targets[0] == self.ent_num:
            self.note(f"Linked To: {name}")
            if len(targets) > 1:
                self.subject.warn(f"'Linked To: {name}' names {len(targets)} entries; kept as a note")
            return
        link = self.attached("UnknownLink", f"ofac-{self.ent_num}-link-{targets[0]}")
        link.add("subject", self.subject.id)
        link.add("object", f"ofac-{targets[0]}")
        link.add("role", "Linked To")

    def owner(self, name: str) -> None:
        """OFAC's Vess_owner: an Ownership of the vessel when the owner is itself on the list, else a note."""
        targets = self.names.get(name.upper()) or self.names.get(name.upper() + ".", [])
        if len(targets) != 1 or self.subject.schema not in ("Vessel", "Airplane"):
            self.note(f"Vessel owner: {name}")
            return
        ownership = self.attached("Ownership", f"ofac-{self.ent_num}-owner-{targets[0]}")
        ownership.add("owner", f"ofac-{targets[0]}")
        ownership.add("asset", self.subject.id)
        ownership.add("role", "Vessel owner (OFAC Vess_owner)")

    def wallet(self, currency: str, address: str) -> None:
        wallet = self.attached("CryptoWallet", f"ofac-{self.ent_num}-wallet-{currency}-{address}")
        wallet.add("publicKey", address)
        wallet.add("currency", currency)
        wallet.add("holder", self.subject.id)
        wallet.add("topics", "sanction")

    def passport(self, value: str, clause: str) -> None:
        number = document_number(value)
        self.add_or_note("passportNumber", number, clause)
        if not number or not self.subject.has("passportNumber"):
            return
        country, issued, expires = _COUNTRY.search(value), _ISSUED.search(value), _EXPIRES.search(value)
        doc = self.attached("Passport", f"ofac-{self.ent_num}-passport-{slugify(number) or 'x'}")
        doc.add("holder", self.subject.id)
        doc.add("number", number)
        doc.add("type", "Passport")
        if country:
            doc.add("country", country.group(1))
        doc.add_all("startDate", parse_dates(issued.group(1) if issued else None))
        doc.add_all("endDate", parse_dates(expires.group(1) if expires else None))


def _record(
    path: PathLike, line: int, cells: list[str], aux: _Aux, names: dict[str, list[str]]
) -> list[ParsedEntity]:
    ent_num, name, _sdn_type, programs, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks = (
        cells
    )
    record = _Record(path, line, cells, names)
    subject = record.subject
    subject.add("name", name)
    subject.add("topics", "sanction")
    if subject.schema == "Person" and "," in name:
        last, first = name.split(",", 1)
        subject.add("lastName", last)
        subject.add("firstName", first)
    if title:
        record.add_or_note("position", title, f"Title: {title}")
    for value, prop in ((call_sign, "callSign"), (vess_type, "type"), (flag, "flag")):
        if value:
            record.add_or_note(prop, value, f"{prop}: {value}")
    for value, prop in ((tonnage, "tonnage"), (grt, "grossRegisteredTonnage")):
        if value:
            record.add_or_note(prop, value.replace(",", ""), f"{prop}: {value}")
    if owner:
        record.owner(owner)
    remarks += aux.comments.get(ent_num, "")
    for clause in split_remarks(remarks):
        record.clause(clause)
    for alt_type, alt_name in aux.aliases.get(ent_num, []):
        subject.add("previousName" if alt_type == "fka" else "alias", alt_name)
    for full, country in aux.addresses.get(ent_num, []):
        subject.add("address", full)
        if country:
            subject.add("country", country)

    codes = [code.strip(" []") for code in programs.split("] [") if code.strip(" []")]
    codes += [code for code in re.findall(r"\[([A-Z0-9 -]+)\]", remarks) if code in KNOWN_PROGRAMMES]
    if not codes:
        raise SourceFormatError(path, "no programme in the Program column", where=f"line {line}")
    sanctions = []
    for code in dict.fromkeys(codes):
        programme = OFAC_BELARUS_PROGRAMMES.get(code)
        warnings = [] if code in KNOWN_PROGRAMMES else [unknown_programme_warning(code)]
        for warning in warnings:
            subject.warn(warning)
        sanctions.append(
            sanction_entity(
                subject,
                entity_id=f"ofac-{ent_num}-sanction-{slugify(code) or 'programme'}",
                authority=AUTHORITY,
                program_id=code,
                program=programme.label if programme else None,
                warnings=warnings,
                values={
                    "recordId": ent_num,
                    "provisions": record.provisions,
                    "sourceUrl": f"https://sanctionssearch.ofac.treas.gov/Details.aspx?id={ent_num}",
                },
                trusted={"sourceUrl"},
            )
        )
    return [subject.build(), *sanctions, *(extra.build() for extra in record.extra.values())]


class _LookedUp:
    """The file's name index, remembering which names a record looked up and what it found."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self.seen: dict[str, tuple[str, ...] | None] = {}

    def get(self, key: str, default: list[str] | None = None) -> list[str] | None:
        found = self.names.get(key)
        self.seen[key] = tuple(found) if found is not None else None
        return found if found is not None else default


class RecordCache:
    """The records of the previous publication, by row, for importing several publications in a row.

    Consecutive OFAC files repeat nearly every row byte for byte. A row printed the same way, with the same
    companion files and the same answers from the name index (for "Linked To:" and vessel owners), gives the
    same entities, so they are taken from the previous file instead of being parsed again. Rows are kept for
    the file just read and the one before it; the first publication of a run gains nothing.
    """

    def __init__(self) -> None:
        self.aux: _Aux | None = None
        self.aux_stamp: tuple[tuple[str, int, int] | None, ...] = ()
        self.previous: dict[
            tuple[str, ...], tuple[list[ParsedEntity], dict[str, tuple[str, ...] | None]]
        ] = {}
        self.current: dict[tuple[str, ...], tuple[list[ParsedEntity], dict[str, tuple[str, ...] | None]]] = {}
        self.hits = 0
        # What the importer computed from a reused entity (its content hash), kept while the entity is cached.
        self.memo: dict[int, tuple[ParsedEntity, str]] = {}

    def read_aux(
        self, alt_path: PathLike | None, add_path: PathLike | None, comments_path: PathLike | None
    ) -> _Aux:
        """The companion files, read again only when one of them is another file or changed on disk."""
        stamp = tuple(
            (str(path), os.stat(path).st_size, os.stat(path).st_mtime_ns) if path is not None else None
            for path in (alt_path, add_path, comments_path)
        )
        if self.aux is None or stamp != self.aux_stamp:
            self.aux_stamp = stamp
            return _read_aux(alt_path, add_path, comments_path)
        return self.aux

    def start(self, aux: _Aux) -> None:
        if self.aux is not None and self.aux != aux:
            self.previous, self.current = {}, {}
        self.aux = aux
        if self.current:
            self.previous, self.current = self.current, {}
        alive = {id(entity) for entities, _ in self.previous.values() for entity in entities}
        self.memo = {key: held for key, held in self.memo.items() if key in alive}

    def remembered(self, entity: ParsedEntity, compute: Callable[[ParsedEntity], str]) -> str:
        """``compute(entity)``, once per cached entity."""
        held = self.memo.get(id(entity))
        if held is not None and held[0] is entity:
            return held[1]
        value = compute(entity)
        self.memo[id(entity)] = (entity, value)
        return value

    def record(
        self, path: PathLike, line: int, cells: list[str], aux: _Aux, names: dict[str, list[str]]
    ) -> list[ParsedEntity]:
        key = tuple(cells)
        held = self.current.get(key) or self.previous.get(key)
        if held is not None:
            entities, seen = held
            if all(_as_key(names.get(name)) == found for name, found in seen.items()):
                self.current[key] = held
                self.hits += 1
                return entities
        looked_up = _LookedUp(names)
        entities = _record(path, line, cells, aux, looked_up)  # type: ignore[arg-type]  # reads like the dict
        self.current[key] = (entities, looked_up.seen)
        return entities


def _as_key(found: list[str] | None) -> tuple[str, ...] | None:
    return tuple(found) if found is not None else None


def parse(
    path: PathLike,
    *,
    alt_path: PathLike | None = None,
    add_path: PathLike | None = None,
    comments_path: PathLike | None = None,
    record_cache: RecordCache | None = None,
) -> Iterator[list[ParsedEntity]]:
    """Records of sdn.csv (two streamed passes: names for ``Linked To:``, then entries), joined with the aux
    files. ``record_cache`` (one per run of imports) reuses the records of rows the previous file printed the
    same way."""
    names = _names_index(path)
    if record_cache is not None:
        aux = record_cache.read_aux(alt_path, add_path, comments_path)
        record_cache.start(aux)
    else:
        aux = _read_aux(alt_path, add_path, comments_path)
    for line, cells in _sdn_rows(path):
        if record_cache is not None:
            yield record_cache.record(path, line, cells, aux, names)
        else:
            yield _record(path, line, cells, aux, names)
