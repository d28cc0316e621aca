"""Reading source files safely: encoding checks, CSV rows and streamed XML records, all failing with
:class:`SourceFormatError` that says where.

Encoding: sources are UTF-8. A UTF-16/32 file (BOM or NUL bytes) or bytes that are not UTF-8 (a cp1251 export,
say) are refused with a message that names the likely encoding, instead of producing mojibake names that would
never match in screening.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from hramada.sanctions.importers.errors import SourceFormatError

PathLike = str | Path

_HEAD_BYTES = 4096
# A declaration can only stand before the root element; a prolog longer than this is not a source's file.
_PROLOG_BYTES = 65536
_UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_head(path: PathLike, size: int = _HEAD_BYTES) -> bytes:
    """The first bytes of a file; a missing file or an empty one is a format error."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(size)
    except OSError as exc:
        raise SourceFormatError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if not head.strip(b" \t\r\n\x1a\xef\xbb\xbf"):
        raise SourceFormatError(path, "the file is empty")
    return head


def check_not_wide(path: PathLike, head: bytes) -> None:
    """Refuse UTF-16/UTF-32 text where UTF-8 is expected."""
    if head.startswith(_UTF16_BOMS) or b"\x00" in head:
        raise SourceFormatError(path, "the file looks UTF-16 or UTF-32 encoded; expected UTF-8")


def _decode_problem(path: PathLike, exc: UnicodeDecodeError, line: int | None) -> SourceFormatError:
    sample = exc.object[max(0, exc.start - 20) : exc.end + 20]
    hint = ""
    if isinstance(sample, bytes):
        try:
            sample.decode("cp1251")
            hint = " (it may be cp1251/Windows-1251)"
        except UnicodeDecodeError:
            hint = ""
    where = f"line {line}" if line else None
    return SourceFormatError(path, f"the file is not valid UTF-8{hint}", where=where)


def iter_text_lines(path: PathLike) -> Iterator[tuple[int, str]]:
    """(line number, line) of a UTF-8 text file, streamed; encoding problems become format errors."""
    head = read_head(path)
    check_not_wide(path, head)
    number = 0
    try:
        with open(path, encoding="utf-8-sig", errors="strict", newline="") as handle:
            for number, line in enumerate(handle, start=1):
                yield number, line
    except UnicodeDecodeError as exc:
        raise _decode_problem(path, exc, number + 1) from exc


def iter_csv_rows(path: PathLike, *, expected_columns: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, row) of a UTF-8 CSV file, streamed.

    A row whose column count differs from ``expected_columns`` is a format error. A lone DOS end-of-file byte
    (``\\x1a``, which OFAC's files end with) and blank lines are skipped.
    """
    head = read_head(path)
    check_not_wide(path, head)
    handle = open(path, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.reader(handle, strict=True)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise _decode_problem(path, exc, reader.line_num + 1) from exc
            except csv.Error as exc:
                raise SourceFormatError(
                    path, f"malformed CSV: {exc}", where=f"line {reader.line_num}"
                ) from exc
            if not row or row == ["\x1a"] or all(not cell.strip() for cell in row):
                continue
            if "\x00" in "".join(row):
                raise SourceFormatError(path, "NUL byte in a CSV row", where=f"line {reader.line_num}")
            if expected_columns is not None and len(row) != expected_columns:
                raise SourceFormatError(
                    path,
                    f"expected {expected_columns} columns, found {len(row)}",
                    where=f"line {reader.line_num}",
                )
            yield reader.line_num, row
    finally:
        handle.close()


def split_cell(cell: str, separator: str = ";") -> list[str]:
    """Split a cell holding several values (``a; b; "c; d"``); double quotes protect a separator."""
    values: list[str] = []
    for row in csv.reader(io.StringIO(cell), delimiter=separator, quotechar='"', skipinitialspace=True):
        values.extend(value.strip() for value in row)
    return [value for value in values if value]


_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARATION_WIDE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def refuse_declarations(path: PathLike, head: bytes) -> None:
    """Refuse XML with a document type or entity declaration: no source publishes one, and entities are how
    a file pulls in other files or swells to gigabytes (an unexpanded entity would silently drop a name)."""
    text = head.lstrip(codecs.BOM_UTF8)
    found = _DECLARATION.search(text)
    if found is None and head.startswith(_UTF16_BOMS):
        for encoding in ("utf-32", "utf-16"):
            try:
                decoded = head.decode(encoding, errors="ignore")
            except (UnicodeDecodeError, LookupError):
                continue
            wide = _DECLARATION_WIDE.search(decoded)
            if wide is not None:
                raise SourceFormatError(path, f"the XML has a {wide.group(1).upper()} declaration; refused")
    if found is not None:
        raise SourceFormatError(
            path, f"the XML has a {found.group(1).decode().upper()} declaration; refused (no source uses one)"
        )


def iter_xml_elements(path: PathLike, tags: set[str]) -> Iterator[etree._Element]:
    """Stream the elements with one of ``tags`` (namespaced tags in ``{ns}name`` form) from an XML file.

    Each element is yielded complete and is cleared afterwards, together with the siblings already seen, so
    memory stays bounded however large the file is. XML errors (a truncated file raises when the end is
    reached) become format errors with the line. A DOCTYPE or entity declaration is refused before anything
    is read (see :func:`refuse_declarations`), and again if the parser saw one past the first bytes.
    """
    refuse_declarations(path, read_head(path, _PROLOG_BYTES))
    context = etree.iterparse(
        str(path),
        events=("end",),
        tag=tuple(tags),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    checked = False
    try:
        for _event, element in context:
            if not checked:
                docinfo = element.getroottree().docinfo
                if docinfo.doctype or docinfo.internalDTD is not None:
                    raise SourceFormatError(path, "the XML has a DOCTYPE declaration; refused")
                checked = True
            yield element
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        message = exc.msg or str(exc)
        if "not proper UTF-8" in message or "Invalid bytes in character encoding" in message:
            message += " (the file is not valid UTF-8; it may be cp1251/Windows-1251)"
        raise SourceFormatError(
            path, f"malformed XML: {message}", where=f"line {line}" if line else None
        ) from exc
    except (UnicodeDecodeError, LookupError, ValueError) as exc:
        raise SourceFormatError(path, f"cannot read the XML: {exc}") from exc


def xml_root_tag(path: PathLike) -> str | None:
    """The root element's tag (with namespace, ``{ns}export``), read from the first bytes only."""
    try:
        for _event, element in etree.iterparse(str(path), events=("start",), resolve_entities=False):
            return str(element.tag)
    except etree.XMLSyntaxError:
        return None
    except (OSError, ValueError):
        return None
    return None


def xml_root_attributes(path: PathLike) -> dict[str, str]:
    """The root element's attributes (namespaces dropped), read from the first bytes only; empty when the file
    cannot be read as XML (the parser says why)."""
    try:
        for _event, element in etree.iterparse(
            str(path), events=("start",), resolve_entities=False, no_network=True
        ):
            return {str(etree.QName(key).localname): str(value) for key, value in element.attrib.items()}
    except (etree.XMLSyntaxError, OSError, ValueError):
        return {}
    return {}


def text_of(element: etree._Element | None, path: str) -> str | None:
    """Stripped text of a child found by ``path``; ``None`` when missing or empty."""
    if element is None:
        return None
    found = element.find(path)
    if found is None or found.text is None:
        return None
    value = found.text.strip()
    return value or None
