"""The architecture's arrows are import-linter contracts (pyproject.toml): they pass on this tree, and they fail on
a deliberately wrong import, so the picture in docs/architecture.md cannot drift silently."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.slow


def _lint(src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _copy_of_the_code(tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    shutil.copytree(
        SRC / "hramada",
        copy / "hramada",
        ignore=shutil.ignore_patterns("data", "locale", "static", "templates", "*.pyc", "__pycache__"),
    )
    return copy


def test_the_contracts_hold_on_this_tree() -> None:
    result = _lint(SRC)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        (
            "fund/bad_reach.py",
            "from hramada.sanctions import live_index\n",
            "Other apps reach the sanctions app only through sanctions.public",
        ),
        (
            "sanctions/bad_reach.py",
            "from hramada.fund import models\n",
            "The sanctions app knows no other domain app",
        ),
        (
            "api/bad_reach_evasion.py",
            "from hramada.evasion import selectors\n",
            "The API meets the evasion app only through evasion.public",
        ),
        (
            "fund/selectors_extra.py",
            "",
            "Inside each domain app: views -> services -> selectors -> models",
        ),
        (
            "fund/bad_evasion_reach.py",
            "from hramada.evasion import selectors\n",
            "The fund and the registry reach evasion only through evasion.public",
        ),
        (
            "registry/bad_evasion_reach.py",
            "from hramada.evasion.crypto import validate\n",
            "The fund and the registry reach evasion only through evasion.public",
        ),
    ],
)
def test_a_deliberately_wrong_import_fails_the_lint(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    copy = _copy_of_the_code(tmp_path)
    if module == "fund/selectors_extra.py":  # a selector that changes state: reads may not call services
        target = copy / "hramada/fund/selectors.py"
        target.write_text(
            target.read_text(encoding="utf-8") + "\nfrom hramada.fund import services  # noqa\n"
        )
    else:
        (copy / "hramada" / module).write_text(line, encoding="utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout


def test_every_sanctions_module_but_the_door_is_closed_to_other_apps() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"] == "Other apps reach the sanctions app only through sanctions.public"
    )
    package = SRC / "hramada" / "sanctions"
    modules = {
        f"hramada.sanctions.{path.stem if path.is_file() else path.name}"
        for path in package.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()
    }
    assert modules - set(contract["forbidden_modules"]) == {"hramada.sanctions.public"}


def test_every_evidence_module_but_the_door_is_closed_to_rapid_response() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"] == "Rapid response reaches the evidence app only through evidence.public"
    )
    package = SRC / "hramada" / "evidence"
    modules = {
        f"hramada.evidence.{path.stem if path.is_file() else path.name}"
        for path in package.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()
    }
    assert modules - set(contract["forbidden_modules"]) == {"hramada.evidence.public"}
