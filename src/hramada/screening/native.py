"""The compiled engine: the hot modules of the screening engine built as C extensions by mypyc, used only while they
are the build of exactly the sources beside them.

`scripts/compile_screening.py` (run by `make run` and `make test`) compiles `NATIVE_MODULES` into `build/native/` of
the checkout and writes there a stamp with the `fingerprint` of the sources it compiled. At import of
`hramada.screening`, `install` puts a finder first on `sys.meta_path` that loads those modules from that build, but
only when the stamp's fingerprint is the sources' own: a build of other sources (a module edited since, another
Python, another mypyc) is never run, and the engine reads its sources as it always can. The compiled and the
source engine give the same answers (tests/screening/test_native.py compares them pair by pair); only the speed
differs (docs/screening.md, "The compiled engine").

`HRAMADA_SCREENING_SOURCE=1` in the environment keeps the engine on its sources; `HRAMADA_NATIVE_DIR` names
another build folder.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

NATIVE_MODULES = ("names", "keys", "equivalence", "normalize", "transliterate", "retrieval")
"""The modules compiled, by name within `hramada.screening`: name comparison, keys, equivalences, normalisation,
transliteration and the retrieval keys and counting of names in play, where a query spends nine tenths of its time.
The index, the scoring table and the entities stay Python (their classes are extended by callers and pickled)."""

PACKAGE = "hramada.screening"
STAMP = "stamp.json"
SOURCE_ONLY_ENV = "HRAMADA_SCREENING_SOURCE"
BUILD_DIR_ENV = "HRAMADA_NATIVE_DIR"

logger = logging.getLogger(__name__)

_PACKAGE_DIR = Path(__file__).resolve().parent


def build_dir() -> Path:
    """Where the compiled modules are built: `HRAMADA_NATIVE_DIR`, else `build/native` of the checkout."""
    configured = os.environ.get(BUILD_DIR_ENV, "")
    return Path(configured) if configured else _PACKAGE_DIR.parents[2] / "build" / "native"


def fingerprint(package_dir: Path = _PACKAGE_DIR) -> str:
    """What a build is of: the sources of `NATIVE_MODULES`, this Python's version and ABI, and mypyc's version
    (read from its metadata, so asking costs no import of mypy)."""
    from importlib import metadata

    digest = hashlib.sha256()
    digest.update(f"{sys.implementation.cache_tag} {sys.version} {sys.abiflags}".encode())
    try:
        digest.update(f"mypy {metadata.version('mypy')}".encode())
    except metadata.PackageNotFoundError:
        digest.update(b"mypy -")
    for name in NATIVE_MODULES:
        digest.update(name.encode())
        digest.update((package_dir / f"{name}.py").read_bytes())
    return digest.hexdigest()


def read_stamp(folder: Path) -> dict[str, object] | None:
    """The stamp of a build folder, or None where there is none or it is unreadable."""
    try:
        found = json.loads((folder / STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


class NativeFinder:
    """Finds the compiled modules (and the library they share) in one build folder."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        found = self.files.get(fullname)
        if found is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(found))
        return importlib.util.spec_from_file_location(fullname, found, loader=loader)


_installed: NativeFinder | None = None
_state = "source"


def build_files(folder: Path) -> tuple[str, dict[str, Path]]:
    """What a build folder holds: ("compiled", module name -> file) for a build of exactly these sources with every
    module and file there; ("stale", {}) for a build of other sources or with a file gone; ("source", {}) where
    there is no build."""
    stamp = read_stamp(folder)
    if stamp is None:
        return "source", {}
    if stamp.get("fingerprint") != fingerprint():
        return "stale", {}
    listed = stamp.get("files")
    files = {
        str(name): folder / str(relative)
        for name, relative in (listed if isinstance(listed, dict) else {}).items()
    }
    if not all(file.is_file() for file in files.values()) or any(
        f"{PACKAGE}.{name}" not in files for name in NATIVE_MODULES
    ):
        return "stale", {}
    return "compiled", files


def install() -> str:
    """Load the compiled modules from the build when it is current; the engine's state in one word ("compiled",
    "source", "stale": a build of other sources, not used)."""
    global _installed, _state
    if _installed is not None:
        return _state
    if os.environ.get(SOURCE_ONLY_ENV, "") not in ("", "0"):
        return _state
    folder = build_dir()
    found, files = build_files(folder)
    if found != "compiled":
        if found == "stale":
            logger.warning(
                "the compiled screening engine in %s is of other sources or incomplete; running from source",
                folder,
            )
        _state = found
        return _state
    if any(f"{PACKAGE}.{name}" in sys.modules for name in NATIVE_MODULES):
        return _state  # already imported from source in this process: one engine per process
    _installed = NativeFinder(files)
    sys.meta_path.insert(0, _installed)
    _state = "compiled"
    return _state


def state() -> str:
    """How the engine runs in this process: "compiled" (from the build), "source", or "stale" (a build was there
    but of other sources, so the sources run)."""
    if _state == "compiled":
        module = sys.modules.get(f"{PACKAGE}.names")
        if module is not None and not str(getattr(module, "__file__", "")).endswith(
            tuple(importlib.machinery.EXTENSION_SUFFIXES)
        ):
            return "source"
    return _state
