"""Compile the screening engine's hot modules with mypyc into build/native (see `hramada.screening.native`).

    .venv/bin/python scripts/compile_screening.py            # build when the sources changed; else nothing
    .venv/bin/python scripts/compile_screening.py --force    # build again

Never fatal: without a C compiler or Python's headers, or where the build fails, it says so and the engine runs from
its sources (the same answers, slower). The build goes to a folder of its own and replaces the old one only once it
imports and screens a name; the log of the C compiler is kept in build/native.log.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
LOG = ROOT / "build" / "native.log"

# Run in a process of its own with the sources' folder as the working directory, so the modules are named as the
# package names them. Optimisation level 1: as fast as level 3 on the screening benchmarks, a third less to compile.
_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths, target, lib, temp = sys.argv[1].split(","), sys.argv[2], sys.argv[3], sys.argv[4]
setup(
    name="hramada-screening-native",
    ext_modules=mypycify(paths, opt_level="1", debug_level="0", target_dir=target, group_name="hramada_screening"),
    script_args=["build_ext", "--build-lib", lib, "--build-temp", temp],
)
"""


def _native() -> ModuleType:
    """`hramada.screening.native` read from its file: importing the package would import the engine itself."""
    spec = importlib.util.spec_from_file_location(
        "_screening_native", SRC / "hramada" / "screening" / "native.py"
    )
    if spec is None or spec.loader is None:
        raise ImportError("hramada/screening/native.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _compiler_missing() -> str | None:
    """Why nothing can be compiled here, or None."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h)"
    try:
        import mypyc  # noqa: F401
        import setuptools  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed"
    return None


def _built_files(lib: Path, package: str, modules: tuple[str, ...]) -> dict[str, str]:
    """Module name -> file, relative to `lib`, of every extension the build made."""
    files: dict[str, str] = {}
    for found in lib.rglob("*"):
        if not found.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            continue
        relative = found.relative_to(lib)
        dotted = ".".join((*relative.parts[:-1], relative.name.split(".", 1)[0]))
        files[dotted] = str(relative)
    missing = [name for name in modules if f"{package}.{name}" not in files]
    if missing:
        raise RuntimeError(f"the build made no module for {', '.join(missing)}")
    return files


def _works(folder: Path, native: ModuleType) -> str:
    """What a fresh process says of a build in `folder`: "compiled" when it loads it and screens a name with it."""
    probe = (
        "import hramada.screening.native as n\n"
        "from hramada.screening import ScreeningIndex, Query, screen\n"
        "index = ScreeningIndex.from_entities([{'id': 'x', 'schema': 'Person', "
        "'properties': {'name': ['Аляксандр Лукашэнка']}}])\n"
        "found = screen(Query(name='Alexander Lukashenko', schema='Person'), index)\n"
        "print(n.state() if found and found[0].entity_id == 'x' else 'no match')\n"
    )
    env = {**os.environ, native.BUILD_DIR_ENV: str(folder), "PYTHONPATH": str(SRC)}
    env.pop(native.SOURCE_ONLY_ENV, None)
    done = subprocess.run(  # noqa: S603 (this Python, our own probe)
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    lines = done.stdout.strip().splitlines()
    return (
        lines[-1] if done.returncode == 0 and lines else (done.stderr.strip().splitlines() or ["failed"])[-1]
    )


def build(force: bool = False) -> str:
    """Build when needed; what happened, in one line (never an exception: the sources always run)."""
    try:
        return _build(force)
    except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as error:
        shutil.rmtree(_native().build_dir(), ignore_errors=True)
        return f"screening engine not compiled ({error}); it runs from its sources"


def _build(force: bool) -> str:
    native = _native()
    folder = native.build_dir()
    wanted = native.fingerprint()
    if not force and native.build_files(folder)[0] == "compiled":
        return f"compiled screening engine up to date in {folder}"
    why = _compiler_missing()
    if why is not None:
        shutil.rmtree(folder, ignore_errors=True)
        return f"screening engine not compiled ({why}): it runs from its sources, slower"
    folder.parent.mkdir(parents=True, exist_ok=True)
    print(f"Compiling the screening engine with mypyc (about a minute; log in {LOG})", flush=True)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="native.", dir=folder.parent))
    try:
        config = work / "mypy.ini"
        config.write_text("[mypy]\nignore_missing_imports = True\n", "utf-8")
        paths = [f"hramada/screening/{name}.py" for name in native.NATIVE_MODULES]
        options = ["--config-file", str(config), "--cache-dir", str(folder.parent / "native-mypy-cache")]
        lib = work / "lib"
        with LOG.open("w", encoding="utf-8") as log:
            done = subprocess.run(  # noqa: S603 (this Python, our own build script)
                [
                    sys.executable,
                    "-c",
                    _SETUP,
                    ",".join(paths + options),
                    str(work / "c"),
                    str(lib),
                    str(work / "o"),
                ],
                cwd=SRC,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=False,
                timeout=1800,
            )
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            tail = LOG.read_text("utf-8", errors="replace").strip().splitlines()[-5:]
            return (
                "screening engine not compiled (the build failed; it runs from its sources):\n  "
                + "\n  ".join(tail)
            )
        files = _built_files(lib, native.PACKAGE, native.NATIVE_MODULES)
        (lib / native.STAMP).write_text(
            json.dumps(
                {"fingerprint": wanted, "files": files, "built": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
            ),
            "utf-8",
        )
        state = _works(lib, native)
        if state != "compiled":
            shutil.rmtree(folder, ignore_errors=True)
            return (
                f"screening engine not compiled (the build does not run: {state}); it runs from its sources"
            )
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        lib.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return f"compiled screening engine built in {time.monotonic() - started:.0f} s: {folder}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even when the build is current")
    args = parser.parse_args(argv)
    print(build(force=args.force), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
