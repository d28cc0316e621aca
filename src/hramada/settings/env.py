"""Typed readers for HRAMADA_* environment variables and the files generated into `var/` on first run.

Every deployment setting is read here and nowhere else, so docs/operations.md can list them in one table.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PREFIX = "HRAMADA_"
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(PREFIX + name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(PREFIX + name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(PREFIX + name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise RuntimeError(f"{PREFIX}{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(PREFIX + name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def var_dir() -> Path:
    """The folder for the embedded database, generated secrets and uploads (never committed)."""
    path = Path(env_str("VAR_DIR", str(PROJECT_ROOT / "var")))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def write_private_file(path: Path, content: str) -> None:
    """Create `path` with 0600 permissions atomically; an existing file is never overwritten."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)


def secret_key() -> str:
    """HRAMADA_SECRET_KEY, or a key generated once into var/secret_key with 0600 permissions."""
    from_env = env_str("SECRET_KEY")
    if from_env:
        return from_env
    path = var_dir() / "secret_key"
    if not path.exists():
        try:
            write_private_file(path, secrets.token_urlsafe(64))
        except FileExistsError:
            pass
    return path.read_text(encoding="utf-8").strip()
