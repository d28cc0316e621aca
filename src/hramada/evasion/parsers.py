"""Parsers of the files analysts import: shareholdings (CSV), BODS 0.4 JSON, vessel registers, goods watch lists,
shipment files (CSV/XLSX), crypto transfers (CSV) and GraphSense TagPacks (YAML).

Framework-free. Every parser reads the whole file and either returns every record or raises :class:`ImportRefusedError`
with every row-level error, so an import is all or nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any

import yaml

from hramada.evasion.crypto import AddressError, validate
from hramada.evasion.graph import ShareError, parse_share
from hramada.evasion.texts import _, problem_of
from hramada.evasion.transfers import Transfer
from hramada.evasion.transport import ImoError, validate_imo


class ImportRefusedError(ValueError):
    """A file with errors: nothing of it is imported. ``errors`` are "row N: what is wrong" lines."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(
            "; ".join(errors[:5]) + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else "")
        )
        self.errors = errors


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefusedError([_("the file is not UTF-8 text (byte %(byte)s)", byte=exc.start)]) from exc


def _rows(data: bytes, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(_text(data)))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportRefusedError([_("missing column(s): %(columns)s", columns=", ".join(missing))])
    reader.fieldnames = header
    for number, row in enumerate(reader, start=2):
        yield number, {k: (v or "").strip() for k, v in row.items() if k}


# --- shareholdings -------------------------------------------------------------------------------------------

CONTROL_TYPES = {"board", "voting-agreement", "dominant-influence", "assets"}


@dataclass(frozen=True)
class Holding:
    owner_id: str
    owner_name: str
    owned_id: str
    owned_name: str
    share: Decimal | None
    control: str  # "" or one of CONTROL_TYPES
    start_date: str = ""
    end_date: str = ""
    owner_schema: str = "LegalEntity"


_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_problem(value: str) -> str:
    """ "" for an empty value or an ISO 8601 calendar date (``2023-05-01``, or ``2023-05`` / ``2023`` when only
    that much is known, as FtM writes dates); otherwise what is wrong."""
    if not value:
        return ""
    if _PARTIAL_DATE.fullmatch(value):
        try:
            date.fromisoformat(value + "-01-01"[len(value) - 4 :])
            return ""
        except ValueError:
            pass
    return _("'%(value)s' is not a date written YYYY-MM-DD", value=value)


def in_force(start_date: str, end_date: str, today: str) -> bool:
    """Whether a link with these ISO dates holds on ``today`` (``YYYY-MM-DD``): not ended before it (the same
    test the list adapter applies to FtM ``endDate``) and not starting after it."""
    return not (end_date and end_date[:10] < today) and not (start_date and start_date[:10] > today)


def shareholdings_csv(data: bytes) -> list[Holding]:
    """Columns: owner_id, owner_name, owned_id, owned_name, share, control, start_date, end_date (owner_type)."""
    holdings: list[Holding] = []
    errors: list[str] = []
    for number, row in _rows(data, ("owner_id", "owned_id", "share")):
        if not row.get("owner_id") or not row.get("owned_id"):
            errors.append(_("row %(row)s: owner_id and owned_id are required", row=number))
            continue
        try:
            share = parse_share(row.get("share"))
        except ShareError as exc:
            errors.append(_("row %(row)s: %(problem)s", row=number, problem=problem_of(exc)))
            continue
        control = row.get("control", "").lower()
        if control and control not in CONTROL_TYPES:
            errors.append(
                _(
                    "row %(row)s: control '%(control)s' is not one of %(allowed)s",
                    row=number,
                    control=control,
                    allowed=", ".join(sorted(CONTROL_TYPES)),
                )
            )
            continue
        if share is None and not control:
            errors.append(_("row %(row)s: give a share, a control criterion, or both", row=number))
            continue
        if row["owner_id"] == row["owned_id"]:
            errors.append(_("row %(row)s: an entity cannot hold itself", row=number))
            continue
        start, end = row.get("start_date", "").strip(), row.get("end_date", "").strip()
        problems = [
            _("%(column)s %(problem)s", column=column, problem=problem)
            for column, problem in (("start_date", date_problem(start)), ("end_date", date_problem(end)))
            if problem
        ]
        if not problems and start and end and end < start:
            problems.append(_("end_date %(end)s is before start_date %(start)s", end=end, start=start))
        if problems:
            errors.extend(_("row %(row)s: %(problem)s", row=number, problem=p) for p in problems)
            continue
        holdings.append(
            Holding(
                owner_id=row["owner_id"],
                owner_name=row.get("owner_name", ""),
                owned_id=row["owned_id"],
                owned_name=row.get("owned_name", ""),
                share=share,
                control=control,
                start_date=start,
                end_date=end,
                owner_schema="Person" if row.get("owner_type", "").lower() == "person" else "LegalEntity",
            )
        )
    if errors:
        raise ImportRefusedError(errors)
    if not holdings:
        raise ImportRefusedError([_("the file has no rows")])
    return holdings


# --- BODS 0.4 ------------------------------------------------------------------------------------------------

BODS_SCHEMA_FILES = ("statement", "entity-record", "person-record", "relationship-record", "components")
# BODS 0.4 interest types that meet a control criterion of the EU best practices (docs/evasion.md).
BODS_CONTROL = {
    "appointmentOfBoard": "board",
    "otherInfluenceOrControl": "dominant-influence",
    "controlViaCompanyRulesOrArticles": "dominant-influence",
    "controlByLegalFramework": "dominant-influence",
    "enjoymentAndUseOfAssets": "assets",
}


BODS_SCHEMA_FOLDER = ("schemas", "bods_0_4")


@cache
def bods_validator() -> Any:
    """A JSON-schema validator of BODS 0.4 statements, from Open Ownership's official schema files vendored in
    ``evasion/schemas/bods_0_4`` (Apache-2.0; SOURCE.txt names each file's commit). Dates are checked as dates."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    folder = resources.files("hramada.evasion").joinpath(*BODS_SCHEMA_FOLDER)
    documents = {name: json.loads((folder / f"{name}.json").read_text("utf-8")) for name in BODS_SCHEMA_FILES}
    registry: Registry = Registry().with_resources(
        (doc["$id"], Resource.from_contents(doc)) for doc in documents.values() if "$id" in doc
    )
    return Draft202012Validator(
        documents["statement"], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _bods_error(statements: list[Any], err: Any) -> str:
    """'statement 3 (statementId …): what is wrong (at recordDetails/interests/0/share/exact)'."""
    path = list(err.absolute_path)
    if not path or not isinstance(path[0], int):
        return _("the file: %(problem)s", problem=err.message)
    index = path[0]
    item = statements[index] if index < len(statements) else None
    sid = item.get("statementId") if isinstance(item, dict) else None
    where = "/".join(str(p) for p in path[1:])
    problem = _("%(problem)s (at %(where)s)", problem=err.message, where=where) if where else err.message
    if isinstance(sid, str) and sid:
        return _(
            "statement %(number)s (statementId %(id)s): %(problem)s",
            number=index + 1,
            id=str(sid)[:64],
            problem=problem,
        )
    return _("statement %(number)s: %(problem)s", number=index + 1, problem=problem)


def _bods_share(share: dict[str, Any]) -> Decimal | None:
    for key in ("exact", "minimum"):
        if key in share:
            return parse_share(share[key])
    return None


def _bods_majority(share: dict[str, Any], lower: Decimal | None) -> bool:
    """More than half: a lower bound over 50, or an exclusive lower bound of 50 or more."""
    if lower is not None and lower > 50:
        return True
    try:
        return Decimal(str(share.get("exclusiveMinimum", -1))) >= 50
    except InvalidOperation:
        return False


def bods_json(data: bytes) -> list[Holding]:
    """Relationship statements of a BODS 0.4 file as holdings; the file must validate against the schema."""
    try:
        statements = json.loads(_text(data))
    except json.JSONDecodeError as exc:
        raise ImportRefusedError(
            [_("not JSON: %(problem)s at line %(line)s", problem=exc.msg, line=exc.lineno)]
        ) from exc
    if isinstance(statements, dict):
        statements = [statements]
    errors = [
        _bods_error(statements, err)
        for err in sorted(
            bods_validator().iter_errors(statements),
            key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in e.absolute_path],
        )
    ]
    if errors:
        raise ImportRefusedError(errors[:50])
    names: dict[str, tuple[str, str]] = {}
    for statement in statements:
        record = statement.get("recordDetails", {})
        if statement.get("recordType") in ("entity", "person"):
            names[statement["recordId"]] = (
                _bods_name(statement["recordType"], record),
                statement["recordType"],
            )
    holdings: list[Holding] = []
    problems: list[str] = []
    for index, statement in enumerate(statements):
        if statement.get("recordType") != "relationship":
            continue
        record = statement["recordDetails"]
        owner = record.get("interestedParty")
        owned = record.get("subject")
        if not isinstance(owner, str) or not isinstance(owned, str):
            continue  # an unspecified interested party: nothing to link
        for interest in record.get("interests", []):
            kind = interest.get("type", "")
            try:
                share = _bods_share(interest.get("share", {}))
            except ShareError as exc:
                problems.append(
                    _("statement %(number)s: %(problem)s", number=index + 1, problem=problem_of(exc))
                )
                continue
            control = BODS_CONTROL.get(kind, "")
            if kind == "votingRights" and _bods_majority(interest.get("share", {}), share):
                control = "voting-agreement"
            if kind != "shareholding":
                share = None
            if share is None and not control:
                continue
            holdings.append(
                Holding(
                    owner_id=owner,
                    owner_name=names.get(owner, (owner, ""))[0],
                    owned_id=owned,
                    owned_name=names.get(owned, (owned, ""))[0],
                    share=share,
                    control=control,
                    start_date=interest.get("startDate", ""),
                    end_date=interest.get("endDate", ""),
                    owner_schema="Person" if names.get(owner, ("", ""))[1] == "person" else "LegalEntity",
                )
            )
    if problems:
        raise ImportRefusedError(problems)
    if not holdings:
        raise ImportRefusedError([_("the file holds no ownership or control relationship")])
    return holdings


def _bods_name(kind: str, record: dict[str, Any]) -> str:
    if kind == "entity":
        return str(record.get("name", ""))
    for name in record.get("names", []):
        if name.get("fullName"):
            return str(name["fullName"])
    return ""


# --- vessel register -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VesselRow:
    imo: str
    name: str
    flag: str
    mmsi: str
    call_sign: str
    owner_id: str
    manager_id: str
    operator_id: str
    valid_from: str


def vessels_csv(data: bytes) -> list[VesselRow]:
    """One row per known state of a vessel: imo, name, flag, mmsi, call_sign, owner_id, manager_id, operator_id,
    valid_from (YYYY-MM-DD). Several rows of one IMO are its name/flag history."""
    rows: list[VesselRow] = []
    errors: list[str] = []
    for number, row in _rows(data, ("imo", "name")):
        try:
            imo = validate_imo(row["imo"])
        except ImoError as exc:
            errors.append(_("row %(row)s: %(problem)s", row=number, problem=problem_of(exc)))
            continue
        valid_from = row.get("valid_from", "")
        if valid_from and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", valid_from):
            errors.append(
                _("row %(row)s: valid_from '%(value)s' is not YYYY-MM-DD", row=number, value=valid_from)
            )
            continue
        rows.append(
            VesselRow(
                imo=imo,
                name=row["name"],
                flag=row.get("flag", "").lower(),
                mmsi=row.get("mmsi", ""),
                call_sign=row.get("call_sign", ""),
                owner_id=row.get("owner_id", ""),
                manager_id=row.get("manager_id", ""),
                operator_id=row.get("operator_id", ""),
                valid_from=valid_from,
            )
        )
    if errors:
        raise ImportRefusedError(errors)
    if not rows:
        raise ImportRefusedError([_("the file has no rows")])
    return rows


# --- goods watch list ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoodsRow:
    hs_code: str  # digits only, 2 to 10 of them: a prefix matches every longer code
    description: str
    reason: str


def hs_digits(value: str) -> str:
    return re.sub(r"[\s.]", "", value)


def goods_csv(data: bytes) -> list[GoodsRow]:
    """Columns: hs_code, description, reason (the list or regulation that names the goods)."""
    rows: list[GoodsRow] = []
    errors: list[str] = []
    for number, row in _rows(data, ("hs_code", "description")):
        code = hs_digits(row["hs_code"])
        if not re.fullmatch(r"\d{2,10}", code):
            errors.append(
                _("row %(row)s: HS code '%(code)s' is not 2 to 10 digits", row=number, code=row["hs_code"])
            )
            continue
        rows.append(GoodsRow(code, row["description"], row.get("reason", "")))
    if errors:
        raise ImportRefusedError(errors)
    if not rows:
        raise ImportRefusedError([_("the file has no rows")])
    return rows


# --- shipment files ------------------------------------------------------------------------------------------

SHIPMENT_COLUMNS = (
    "shipment_id",
    "shipper",
    "consignee",
    "notify_party",
    "carrier",
    "vessel_name",
    "vessel_imo",
    "port_of_loading",
    "port_of_discharge",
    "hs_codes",
    "value",
    "currency",
)


@dataclass(frozen=True)
class Shipment:
    row: int
    shipment_id: str
    parties: dict[str, str]  # role -> name
    vessel_name: str
    vessel_imo: str
    ports: tuple[str, str]
    hs_codes: tuple[str, ...]
    value: Decimal | None
    currency: str
    problems: tuple[str, ...] = field(default=())


def _sheet_rows(data: bytes, filename: str) -> tuple[list[str], list[list[str]]]:
    """The header (lower case) and the rows of a CSV or of an XLSX workbook's first sheet, cells stripped."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise ImportRefusedError(
                [_("not a readable XLSX workbook (%(problem)s)", problem=type(exc).__name__)]
            ) from exc
        sheet = book.worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        book.close()
        if not values:
            raise ImportRefusedError([_("the workbook is empty")])
        header = [str(h or "").strip().lower() for h in values[0]]
        return header, [
            [("" if v is None else str(v)).strip() for v in row[: len(header)]]
            for row in values[1:]
            if any(v not in (None, "") for v in row)
        ]
    reader = csv.reader(io.StringIO(_text(data)))
    header = [h.strip().lower() for h in next(reader, [])]
    return header, [[cell.strip() for cell in row] for row in reader if row]


_HS_SPLIT = re.compile(r"[;,|]")
PARTY_ROLES = ("shipper", "consignee", "notify_party", "carrier")


@cache
def _imo(value: str) -> str:
    return validate_imo(value)  # one check per distinct IMO of a file: a manifest repeats its vessels


def _hs_codes(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The HS codes of a cell (digits only, dots and spaces dropped) and those that are not 2 to 10 digits."""
    codes = []
    bad = []
    for part in _HS_SPLIT.split(text):
        if not part.strip():
            continue
        code = "".join(part.split()).replace(".", "")
        codes.append(code)
        if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 10):
            bad.append(code)
    return tuple(codes), bad


def shipments(data: bytes, filename: str) -> list[Shipment]:
    """Rows of a shipment file; a wrong IMO or value is an error of that row (the whole file is refused).

    One pass over plain lists (no dict per row), each distinct IMO number checked once."""
    header, rows = _sheet_rows(data, filename)
    if not rows:
        raise ImportRefusedError([_("the file has no rows")])
    missing = [c for c in ("shipper", "consignee") if c not in header]
    if missing:
        raise ImportRefusedError([_("missing column(s): %(columns)s", columns=", ".join(missing))])
    column = {name: i for i, name in enumerate(header) if name}
    width = len(header)
    nowhere = width  # a column the file lacks reads as ""
    at = {name: column.get(name, nowhere) for name in SHIPMENT_COLUMNS}
    roles = [(role, at[role]) for role in PARTY_ROLES]
    result: list[Shipment] = []
    errors: list[str] = []
    for number, row in enumerate(rows, start=2):
        cells = row[:width] + [""] * (width + 1 - min(len(row), width))
        imo = cells[at["vessel_imo"]]
        if imo:
            try:
                imo = _imo(imo)
            except ImoError as exc:
                errors.append(_("row %(row)s: %(problem)s", row=number, problem=problem_of(exc)))
                continue
        value: Decimal | None = None
        raw_value = cells[at["value"]]
        if raw_value:
            try:
                value = Decimal(raw_value.replace(" ", "").replace(",", ""))
            except InvalidOperation:
                errors.append(
                    _("row %(row)s: value '%(value)s' is not a number", row=number, value=raw_value)
                )
                continue
        codes, bad = _hs_codes(cells[at["hs_codes"]])
        if bad:
            errors.append(
                _(
                    "row %(row)s: HS code(s) %(codes)s are not 2 to 10 digits",
                    row=number,
                    codes=", ".join(bad),
                )
            )
            continue
        result.append(
            Shipment(
                row=number,
                shipment_id=cells[at["shipment_id"]] or str(number - 1),
                parties={role: cells[i] for role, i in roles if cells[i]},
                vessel_name=cells[at["vessel_name"]],
                vessel_imo=imo,
                ports=(cells[at["port_of_loading"]], cells[at["port_of_discharge"]]),
                hs_codes=codes,
                value=value,
                currency=cells[at["currency"]].upper(),
            )
        )
    if errors:
        raise ImportRefusedError(errors)
    return result


# --- crypto --------------------------------------------------------------------------------------------------

KNOWN_ASSETS = {
    "XBT",
    "BTC",
    "ETH",
    "ETC",
    "USDT",
    "USDC",
    "LTC",
    "BCH",
    "TRX",
    "XMR",
    "DASH",
    "ZEC",
    "ARB",
    "BSC",
}


def transfers_csv(data: bytes) -> list[Transfer]:
    """Columns: tx_id, time (ISO 8601 with zone), from, to, asset, amount (a plain decimal number)."""
    rows: list[Transfer] = []
    errors: list[str] = []
    for number, row in _rows(data, ("tx_id", "time", "from", "to", "asset", "amount")):
        asset = row["asset"].upper()
        if asset not in KNOWN_ASSETS:
            errors.append(_("row %(row)s: unknown asset '%(asset)s'", row=number, asset=row["asset"]))
            continue
        if not re.fullmatch(r"\d+(\.\d+)?", row["amount"]):
            errors.append(
                _(
                    "row %(row)s: amount '%(amount)s' is not a plain decimal number like 0.25",
                    row=number,
                    amount=row["amount"],
                )
            )
            continue
        try:
            moment = datetime.fromisoformat(row["time"].replace("Z", "+00:00"))
        except ValueError:
            errors.append(_("row %(row)s: time '%(time)s' is not ISO 8601", row=number, time=row["time"]))
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        addresses = []
        for column in ("from", "to"):
            try:
                addresses.append(validate(asset, row[column]).value)
            except AddressError as exc:
                errors.append(
                    _(
                        "row %(row)s: %(column)s: %(problem)s",
                        row=number,
                        column=column,
                        problem=problem_of(exc),
                    )
                )
        if len(addresses) != 2:
            continue
        rows.append(Transfer(row["tx_id"], moment, addresses[0], addresses[1], asset, Decimal(row["amount"])))
    if errors:
        raise ImportRefusedError(errors)
    if not rows:
        raise ImportRefusedError([_("the file has no rows")])
    return rows


@dataclass(frozen=True)
class Tag:
    address: str
    currency: str
    label: str
    category: str
    source: str
    tagpack_title: str


def tagpack_yaml(data: bytes) -> list[Tag]:
    """A GraphSense TagPack: header fields (title, creator, currency, category, source ...) inherited by each
    tag of ``tags``; each tag needs ``address`` and ``label``."""
    try:
        pack = yaml.safe_load(_text(data))
    except yaml.YAMLError as exc:
        raise ImportRefusedError([_("not YAML: %(problem)s", problem=str(exc))]) from exc
    if not isinstance(pack, dict) or not isinstance(pack.get("tags"), list):
        raise ImportRefusedError([_("a TagPack is a mapping with a 'tags' list")])
    errors: list[str] = [
        _("missing header field '%(field)s'", field=key) for key in ("title", "creator") if not pack.get(key)
    ]
    tags: list[Tag] = []
    for index, raw in enumerate(pack["tags"], start=1):
        if not isinstance(raw, dict):
            errors.append(_("tag %(tag)s: not a mapping", tag=index))
            continue
        merged = {**{k: v for k, v in pack.items() if k != "tags"}, **raw}
        for key in ("address", "label", "currency"):
            if not merged.get(key):
                errors.append(_("tag %(tag)s: missing '%(field)s'", tag=index, field=key))
        if any(not merged.get(key) for key in ("address", "label", "currency")):
            continue
        currency = str(merged["currency"]).upper()
        try:
            address = validate("XBT" if currency == "BTC" else currency, str(merged["address"])).value
        except AddressError as exc:
            errors.append(_("tag %(tag)s: %(problem)s", tag=index, problem=problem_of(exc)))
            continue
        tags.append(
            Tag(
                address,
                currency,
                str(merged["label"]),
                str(merged.get("category", "")),
                str(merged.get("source", "")),
                str(pack["title"]),
            )
        )
    if errors:
        raise ImportRefusedError(errors)
    return tags
