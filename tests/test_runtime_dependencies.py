"""`make run` installs only requirements/lock.txt: every library the application imports, at module level or inside
a function, must be pinned there, or a fresh clone stops in the middle of its first run (numpy once did)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "hramada"

# Imported only by tools a user runs on purpose, with their own install instruction.
OPTIONAL = {
    "pyspark": "screening/spark.py, the scaled bulk job (docs/screening.md, section Spark, says how to add it)",
    "shapefile": "evidence/data/make_boundaries.py, which regenerates the bundled map outline",
}
# Modules whose wheel does not declare them in its metadata (PyICU's module comes from icukit-pyicu's wheel).
PROVIDED_BY = {"icu": {"icukit-pyicu"}}


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> set[str]:
    names = set()
    for line in (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        if match:
            names.add(_normalised(match.group(1)))
    return names


def _imported() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                found.setdefault(top, set()).add(str(path.relative_to(SRC)))
    return found


def test_every_library_the_application_imports_is_in_the_run_time_lock_file() -> None:
    locked = _locked()
    distributions = packages_distributions()
    missing = []
    for module, files in sorted(_imported().items()):
        if module in sys.stdlib_module_names or module in {"hramada", "__future__"} or module in OPTIONAL:
            continue
        providers = {_normalised(d) for d in distributions.get(module, [])} | PROVIDED_BY.get(module, set())
        if not providers:
            missing.append(f"{module} (not installed at all) in {sorted(files)[:3]}")
        elif not providers & locked:
            missing.append(f"{module} ({', '.join(sorted(providers))}) in {sorted(files)[:3]}")
    assert not missing, "imported but not in requirements/lock.txt:\n" + "\n".join(missing)
