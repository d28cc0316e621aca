"""Export bundles and `verify_bundle`: a good bundle is accepted; one changed byte or an edited manifest is
rejected, naming what differs."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hramada.evidence import bundles, services
from tests.evidence import factories

pytestmark = pytest.mark.django_db


def _bundle(cast: Any, tmp_path: Path) -> tuple[Path, bytes]:
    item = factories.upload(cast.group, cast.recorder)
    services.make_stripped_copy(item.original, by=cast.recorder, purpose="for partners")
    data = services.export_bundle(item, by=cast.recorder, purpose="court request 12")
    path = tmp_path / "bundle.zip"
    path.write_bytes(data)
    return path, data


def test_a_bundle_holds_files_manifest_and_custody(cast: Any, tmp_path: Path) -> None:
    _path, data = _bundle(cast, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        custody = json.loads(archive.read("custody.json"))
    roles = sorted(f["role"] for f in manifest["files"])
    assert roles == ["original", "stripped"]
    assert [e["action"] for e in custody] == ["received", "copied", "exported"]
    assert custody[-1]["detail"]["bundle_id"] == manifest["bundle_id"]


def test_verify_bundle_accepts_a_good_bundle(cast: Any, tmp_path: Path, capsys: Any) -> None:
    path, _data = _bundle(cast, tmp_path)
    call_command("verify_bundle", str(path))
    assert "intact" in capsys.readouterr().out


def test_verify_bundle_rejects_one_changed_byte_naming_the_file(
    cast: Any, tmp_path: Path, capsys: Any
) -> None:
    path, data = _bundle(cast, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        target = next(i for i in archive.infolist() if i.filename.endswith("-original.jpg"))
        content = archive.read(target)
    offset = data.index(content) + len(content) // 2
    damaged = bytearray(data)
    damaged[offset] ^= 0x01
    path.write_bytes(bytes(damaged))
    with pytest.raises(CommandError, match="REJECTED"):
        call_command("verify_bundle", str(path))
    assert target.filename in capsys.readouterr().err


def _rewrite(data: bytes, change: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return out.getvalue()


def test_a_replaced_file_with_a_matching_edited_manifest_is_still_rejected(cast: Any, tmp_path: Path) -> None:
    """Someone swaps the photo and rewrites the manifest's hashes to match: the custody log and this platform's
    records still disagree."""
    _path, data = _bundle(cast, tmp_path)
    other = factories.pdf()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        original = next(n for n in archive.namelist() if n.endswith("-original.jpg"))

    def change(name: str, content: bytes) -> bytes:
        if name == original:
            return other
        if name == "manifest.json":
            manifest = json.loads(content)
            for entry in manifest["files"]:
                if entry["path"] == original:
                    import hashlib

                    entry["sha256"] = hashlib.sha256(other).hexdigest()
                    entry["sha512"] = hashlib.sha512(other).hexdigest()
            return json.dumps(manifest).encode()
        return content

    tampered = _rewrite(data, change)
    problems = bundles.verify_bundle(tampered, known=services.known_bundle)
    assert any("manifest.json: edited" in p for p in problems)
    assert any(p.startswith(original) for p in problems)
    assert bundles.verify_bundle(tampered) != []  # offline too: the custody log recorded the manifest's hash


def test_an_edited_custody_log_in_a_bundle_is_named(cast: Any, tmp_path: Path) -> None:
    _path, data = _bundle(cast, tmp_path)

    def change(name: str, content: bytes) -> bytes:
        if name == "custody.json":
            log = json.loads(content)
            log[1]["actor"] = "someone else"
            return json.dumps(log).encode()
        return content

    problems = bundles.verify_bundle(_rewrite(data, change))
    assert "custody.json: item" in problems[0] and "entry 2: edited" in problems[0]


def test_garbage_is_not_a_bundle() -> None:
    assert bundles.verify_bundle(b"not a zip") == ["not a ZIP archive (or a damaged one)"]
