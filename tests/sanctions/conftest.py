"""Fixtures for the sanctions importer tests: where the real data is, and mutated copies of it for fuzzing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = REPO_ROOT.parent / "shared" / "data"
SANCTIONS = DATA / "sanctions"
FTM = DATA / "ftm"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """../shared/data beside the repository: always there; a missing copy is a broken checkout, not a skip."""
    assert DATA.is_dir(), f"reference data missing at {DATA}"
    return DATA


def _truncate(data: bytes, at: int) -> bytes:
    return data[: at % max(1, len(data))]


def _flip(data: bytes, at: int, value: int) -> bytes:
    if not data:
        return data
    index = at % len(data)
    return data[:index] + bytes([value]) + data[index + 1 :]


def _delete_line(data: bytes, at: int) -> bytes:
    lines = data.split(b"\n")
    del lines[at % len(lines)]
    return b"\n".join(lines)


def _swap_columns(data: bytes, at: int, first: int, second: int) -> bytes:
    lines = data.split(b"\n")
    index = at % len(lines)
    cells = lines[index].split(b",")
    if len(cells) > 1:
        i, j = first % len(cells), second % len(cells)
        cells[i], cells[j] = cells[j], cells[i]
    lines[index] = b",".join(cells)
    return b"\n".join(lines)


def mutations(original: bytes) -> st.SearchStrategy[bytes]:
    """Mutated copies of a real file: truncation, byte flips, deleted lines, swapped columns (and 1-3 of
    them)."""
    position = st.integers(min_value=0, max_value=max(0, len(original) * 2))
    one = st.one_of(
        st.tuples(st.just("truncate"), position),
        st.tuples(st.just("flip"), position, st.integers(0, 255)),
        st.tuples(st.just("delete_line"), position),
        st.tuples(st.just("swap"), position, st.integers(0, 20), st.integers(0, 20)),
    )

    def apply(steps: list[Any]) -> bytes:
        data = original
        for step in steps:
            kind, *args = step
            ints = [int(str(a)) for a in args]
            if kind == "truncate":
                data = _truncate(data, ints[0])
            elif kind == "flip":
                data = _flip(data, ints[0], ints[1])
            elif kind == "delete_line":
                data = _delete_line(data, ints[0])
            else:
                data = _swap_columns(data, ints[0], ints[1], ints[2])
        return data

    return st.lists(one, min_size=1, max_size=3).map(apply)


@pytest.fixture(scope="session")
def mutate() -> Callable[[bytes], st.SearchStrategy[bytes]]:
    return mutations


def check_mutated_parse(source_key: str, data: bytes, suffix: str, **options: Any) -> None:
    """Parse ``data`` as ``source_key``: the only failure allowed is SourceFormatError; a success is
    valid FtM."""
    import tempfile

    from followthemoney import model

    from hramada.sanctions.importers import SourceFormatError, parse_all

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"mutated{suffix}"
        path.write_bytes(data)
        try:
            entities = parse_all(source_key, path, **options)
        except SourceFormatError as error:
            assert str(path) in str(error)
            return
    for entity in entities:
        if entity.op == "DEL":
            continue
        schema = model.get(entity.schema)
        assert schema is not None, entity.schema
        for prop, values in entity.properties.items():
            assert prop in schema.properties, (entity.schema, prop)
            assert all(isinstance(value, str) and value for value in values)
        model.get_proxy(dict(entity.data), cleaned=False)


@pytest.fixture(scope="session")
def fuzz_check() -> Callable[..., None]:
    return check_mutated_parse


# --- Fixtures of the sanctions store tests (snapshots, deltas, linking, commands, views, bad input) ---------


JOURNAL = SANCTIONS / "eu" / "journal"
OFAC = SANCTIONS / "ofac"


@pytest.fixture
def import_list(db: Any) -> Callable[..., Any]:
    """Import one file as a snapshot through the service, as the command does (acting user: none)."""
    from hramada.sanctions import services

    def run(source: str, path: Path, **options: Any) -> Any:
        return services.import_file(source, path, by=options.pop("by", None), **options)

    return run


def belarus_rows_of(ofac_file: Path, out: Path) -> Path:
    """The rows of a real OFAC sdn.csv whose programmes include BELARUS (a small real file for fast tests),
    ending with the end-of-file mark every OFAC publication ends with."""
    import csv

    with open(ofac_file, encoding="utf-8", newline="") as source, open(out, "w", encoding="utf-8") as sink:
        for line in source:
            row = next(csv.reader([line]), [])
            if len(row) == 12 and "BELARUS" in row[3]:
                sink.write(line)
        sink.write("\x1a")
    return out


@pytest.fixture
def ofac_belarus(tmp_path: Path) -> Callable[[str], Path]:
    """``ofac_belarus("2024-05-03")``: the Belarus rows of that OFAC snapshot, as a file named like it."""

    def build(day: str) -> Path:
        return belarus_rows_of(OFAC / f"sdn-{day}.csv", tmp_path / f"sdn-{day}.csv")

    return build


def assert_valid_ftm(entities: list[Any], *, sanctions_point_inside: bool = True) -> None:
    """Every entity is valid FtM (known schema and properties, non-empty string values); every Sanction names
    a subject in the same output, a programme and an authority."""
    from followthemoney import model

    present = {entity.id for entity in entities}
    for entity in entities:
        if entity.op == "DEL":
            continue
        proxy = model.get_proxy(dict(entity.data), cleaned=True)  # names checked, values as given
        assert proxy.schema.name == entity.schema
        for prop, values in entity.properties.items():
            assert (
                prop in proxy.schema.properties and values and all(isinstance(v, str) and v for v in values)
            )
        if entity.schema == "Sanction" and sanctions_point_inside:
            assert entity.values("entity")[0] in present
            assert entity.values("programId") and entity.values("authority")
