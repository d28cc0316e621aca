"""What a fresh machine needs before `make run` or `make test` can install anything: Python 3.11 or newer with its
venv module, and a reachable package index. Each missing piece stops the command at once with one sentence that
names it, instead of a traceback from the middle of a build. Standard library only: it runs before the venv exists.

Usage: python3 scripts/preflight.py [--index]   (--index: also check that the package index answers)
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

MINIMUM = (3, 11)


def fail(sentence: str) -> None:
    sys.stderr.write(f"make: {sentence}\n")
    raise SystemExit(1)


def check_python() -> None:
    if sys.version_info < MINIMUM:
        fail(
            f"Hramada needs Python {MINIMUM[0]}.{MINIMUM[1]} or newer, but {sys.executable} is "
            f"{sys.version_info.major}.{sys.version_info.minor}; install python3.11 and run `make PYTHON=python3.11 run`."
        )
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        fail(
            f"{sys.executable} cannot create virtual environments: install the venv module "
            f"(on Debian: apt-get install python3-venv)."
        )


def index_url() -> str:
    for variable in ("UV_INDEX_URL", "UV_DEFAULT_INDEX", "PIP_INDEX_URL"):
        value = os.environ.get(variable, "").strip()
        if value:
            return value.rstrip("/") + "/"
    return "https://pypi.org/simple/"


def check_index() -> None:
    url = index_url()
    request = urllib.request.Request(url + "pip/", headers={"Accept": "text/html"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            response.read(1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        fail(
            f"the package index {url} cannot be reached ({reason}); the first install needs network access to it "
            f"(set PIP_INDEX_URL and UV_INDEX_URL to a mirror you can reach)."
        )


def main() -> None:
    check_python()
    if "--index" in sys.argv[1:]:
        check_index()


if __name__ == "__main__":
    main()
