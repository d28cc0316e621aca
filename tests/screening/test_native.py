"""The compiled engine (`hramada.screening.native`): used only as the build of the sources beside it, and answering
exactly as the sources do."""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from hramada.screening import native
from hramada.screening.names import NameKind, compare_variants, name_variants, with_weights

SRC = Path(native.__file__).resolve().parents[2]

# Pairs of every kind the engine reads differently: Belarusian and Russian spellings, Baltic endings, initials, an
# Arabic name, companies with legal forms, acronyms and generic words, a vessel.
PAIRS = [
    ("Аляксандр Лукашэнка", "Alexander Lukashenko", NameKind.PERSON),
    ("Sergejs Lavrovs", "Sergey Viktorovich LAVROV", NameKind.PERSON),
    ("Schewtschenko Wladimir", "Vladimir Shevchenko", NameKind.PERSON),
    ("D. S. Zorvaniuk", "Dmitriy Sergeevich Zorvaniuk", NameKind.PERSON),
    ("Abdallah Bin Faisal", "Abdallah Faysal", NameKind.PERSON),
    ("Zorvan Ivanov", "Ivan Zorvanov", NameKind.PERSON),
    ("OOO GARD SERVIS", "OOO GARDSERVIS", NameKind.ORGANIZATION),
    ("ОАО «Зорвекс»", "Zorvex OJSC", NameKind.ORGANIZATION),
    ("Bank BelGazprom", "Belgazprombank", NameKind.ORGANIZATION),
    ("Zorvex Shipping Hongkong Ltd", "Borvax Marine Hong Kong Ltd", NameKind.ORGANIZATION),
    ("Minsk Tractor Works", "Tractor Works", NameKind.ORGANIZATION),
    ("L.X.C Aviation", "LXC Aviation", NameKind.ORGANIZATION),
    ("AKADEMIK A. ZORVANOV", "Akademik Zorvanov", NameKind.CRAFT),
]


def _scores() -> list[list[float]]:
    return [
        [compare_variants(q, c).score for q in name_variants(a, kind) for c in name_variants(b, kind)]
        for a, b, kind in PAIRS
    ]


_SCORES_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.screening.test_native import _scores
from hramada.screening import native
print(json.dumps({"state": native.state(), "scores": _scores()}))
"""


# Which engine a fresh process runs, and whether its name comparison is read from the source file.
_WHICH_ENGINE = (
    "from hramada.screening import native, names\nprint(native.state(), names.__file__.endswith('.py'))"
)


def _without_choice(environ: os._Environ[str]) -> dict[str, str]:
    """The environment without a choice of engine (CI runs these tests once more with the sources asked for)."""
    return {key: value for key, value in environ.items() if key != native.SOURCE_ONLY_ENV}


def _run(env: dict[str, str], script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**_without_choice(os.environ), "PYTHONPATH": str(SRC), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_a_build_of_other_sources_is_never_run(tmp_path: Path) -> None:
    # A build whose stamp names other sources (a module edited since): the engine reads its sources and says so.
    folder = tmp_path / "native"
    (folder / "hramada" / "screening").mkdir(parents=True)
    (folder / "hramada" / "screening" / "names.so").write_bytes(b"not a module")
    files = {f"hramada.screening.{name}": "hramada/screening/names.so" for name in native.NATIVE_MODULES}
    (folder / native.STAMP).write_text(json.dumps({"fingerprint": "0" * 64, "files": files}), "utf-8")
    assert _run({native.BUILD_DIR_ENV: str(folder)}, _WHICH_ENGINE) == "stale True"


def test_the_sources_fingerprint_changes_with_any_compiled_module(tmp_path: Path) -> None:
    package = Path(native.__file__).parent
    for name in native.NATIVE_MODULES:
        shutil.copy(package / f"{name}.py", tmp_path / f"{name}.py")
    before = native.fingerprint(tmp_path)
    assert before == native.fingerprint(package)
    for name in native.NATIVE_MODULES:
        source = tmp_path / f"{name}.py"
        kept = source.read_bytes()
        source.write_bytes(kept + b"\n")
        assert native.fingerprint(tmp_path) != before, name
        source.write_bytes(kept)


def test_the_sources_can_be_asked_for() -> None:
    assert _run({native.SOURCE_ONLY_ENV: "1"}, _WHICH_ENGINE) == "source True"


def test_a_name_variant_survives_pickling_with_every_field() -> None:
    # The stored index is pickled: every field comes back, in whichever engine.
    variant = name_variants("ОАО «Зорвекс Холдинг»", NameKind.ORGANIZATION)[0]
    assert variant.initials and variant.kept and variant.kinds is not None
    again = pickle.loads(pickle.dumps(variant, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
    assert again == variant
    heavier = with_weights(variant, tuple(w * 2 for w in variant.weights))
    assert heavier.weights != variant.weights
    assert heavier == type(variant)(**{**_fields(variant), "weights": heavier.weights})


def _fields(variant: object) -> dict[str, object]:
    from dataclasses import fields

    return {field.name: getattr(variant, field.name) for field in fields(variant)}  # type: ignore[arg-type]


_PICKLE_SCRIPT = """
import pickle, sys
from hramada.screening import native
from hramada.screening.names import NameKind, name_variants
names = [("Аляксандр Лукашэнка", NameKind.PERSON), ("ОАО «Зорвекс»", NameKind.ORGANIZATION)]
sys.stdout.write(pickle.dumps([name_variants(n, k) for n, k in names]).hex() + "\\n")
"""


@pytest.mark.skipif(native.state() != "compiled", reason="this process runs the engine from its sources")
def test_the_compiled_engine_reads_what_the_sources_pickled() -> None:
    written = bytes.fromhex(_run({native.SOURCE_ONLY_ENV: "1"}, _PICKLE_SCRIPT))
    read = pickle.loads(written)  # noqa: S301
    assert read == [
        name_variants("Аляксандр Лукашэнка", NameKind.PERSON),
        name_variants("ОАО «Зорвекс»", NameKind.ORGANIZATION),
    ]


@pytest.mark.skipif(native.state() != "compiled", reason="this process runs the engine from its sources")
def test_the_compiled_engine_answers_as_the_sources_do() -> None:
    assert native.state() == "compiled"
    from_sources = json.loads(_run({native.SOURCE_ONLY_ENV: "1"}, _SCORES_SCRIPT, str(SRC.parent)))
    assert from_sources["state"] == "source"
    assert from_sources["scores"] == _scores()


def _compile_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_screening", SRC.parent / "scripts" / "compile_screening.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_build(folder: Path, fingerprint: str) -> None:
    (folder / "hramada" / "screening").mkdir(parents=True)
    files = {}
    for name in native.NATIVE_MODULES:
        (folder / "hramada" / "screening" / f"{name}.so").write_bytes(b"")
        files[f"hramada.screening.{name}"] = f"hramada/screening/{name}.so"
    (folder / native.STAMP).write_text(json.dumps({"fingerprint": fingerprint, "files": files}), "utf-8")


def test_a_current_build_is_not_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "native"
    _fake_build(folder, native.fingerprint())
    monkeypatch.setenv(native.BUILD_DIR_ENV, str(folder))
    script = _compile_script()
    assert script.build().startswith("compiled screening engine up to date")
    (folder / "hramada" / "screening" / "keys.so").unlink()  # a file of the build gone: not current any more
    monkeypatch.setattr(script, "_compiler_missing", lambda: "no C compiler (cc)")
    assert (
        script.build()
        == "screening engine not compiled (no C compiler (cc)): it runs from its sources, slower"
    )


def test_without_a_compiler_an_old_build_goes_and_the_sources_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "native"
    _fake_build(folder, "0" * 64)
    monkeypatch.setenv(native.BUILD_DIR_ENV, str(folder))
    script = _compile_script()
    monkeypatch.setattr(script, "_compiler_missing", lambda: "no Python headers (Python.h)")
    said = script.build()
    assert "not compiled (no Python headers (Python.h))" in said and "runs from its sources" in said
    assert not folder.exists()
