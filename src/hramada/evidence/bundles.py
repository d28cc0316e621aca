"""Evidence bundles: a ZIP with every file of an item, a manifest of their hashes and the custody log, and the
check of a bundle received back (from a court, a partner) that names what no longer matches.

The format (`manifest.json`, `custody.json`, `files/`) is documented in docs/evidence.md; checking needs only this
module and the standard library, so a partner can run it too.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hramada.evidence.custody import check_chain

FORMAT = "hramada-evidence-bundle/1"
MANIFEST = "manifest.json"
CUSTODY = "custody.json"


@dataclass(frozen=True)
class BundleFile:
    path: str
    role: str
    derived_from: str | None
    data: bytes

    def entry(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "role": self.role,
            "derived_from": self.derived_from,
            "sha256": hashlib.sha256(self.data).hexdigest(),
            "sha512": hashlib.sha512(self.data).hexdigest(),
            "size": len(self.data),
        }


def manifest_bytes(
    *, bundle_id: str, item: int, exported_at: str, files: list[BundleFile], custody_head: str
) -> bytes:
    manifest = {
        "format": FORMAT,
        "bundle_id": bundle_id,
        "item": item,
        "exported_at": exported_at,
        "files": [f.entry() for f in files],
        "custody_head": custody_head,
    }
    return json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8")


def write_bundle(*, manifest: bytes, custody: list[dict[str, Any]], files: list[BundleFile]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        archive.writestr(CUSTODY, json.dumps(custody, indent=2, ensure_ascii=False).encode("utf-8"))
        for f in files:
            # Stored, not deflated: photos and PDF are compressed already, and a bundle stays checkable by eye.
            archive.writestr(f.path, f.data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


# What the platform knows about a bundle it exported: the manifest hash recorded at export and each file's hashes.
Known = Callable[[str], Mapping[str, Any] | None]


def verify_bundle(data: bytes | io.BufferedIOBase, *, known: Known | None = None) -> list[str]:
    """Every problem found in a bundle, one readable line each; an empty list means the bundle is intact."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError):
        return ["not a ZIP archive (or a damaged one)"]
    problems: list[str] = []
    with archive:
        names = set(archive.namelist())
        if MANIFEST not in names:
            return [f"{MANIFEST} is missing"]
        try:
            manifest_raw = archive.read(MANIFEST)
            manifest = json.loads(manifest_raw)
            listed = {entry["path"]: entry for entry in manifest["files"]}
        except (zipfile.BadZipFile, ValueError, KeyError, TypeError) as exc:
            return [f"{MANIFEST} cannot be read: {exc}"]
        for path, entry in sorted(listed.items()):
            if path not in names:
                problems.append(f"{path}: listed in the manifest but missing")
                continue
            try:
                content = archive.read(path)
            except (zipfile.BadZipFile, OSError) as exc:  # a changed byte inside a compressed member
                problems.append(f"{path}: damaged in the archive ({exc})")
                continue
            if hashlib.sha256(content).hexdigest() != entry.get("sha256"):
                problems.append(f"{path}: SHA-256 does not match the manifest")
            elif hashlib.sha512(content).hexdigest() != entry.get("sha512"):
                problems.append(f"{path}: SHA-512 does not match the manifest")
        for extra in sorted(names - set(listed) - {MANIFEST, CUSTODY}):
            problems.append(f"{extra}: not listed in the manifest")
        custody: list[dict[str, Any]] = []
        if CUSTODY not in names:
            problems.append(f"{CUSTODY} is missing")
        else:
            try:
                custody = json.loads(archive.read(CUSTODY))
                item = int(manifest.get("item", 0))
                problems.extend(f"{CUSTODY}: {p}" for p in check_chain(custody, item=item))
            except (zipfile.BadZipFile, ValueError, KeyError, TypeError) as exc:
                problems.append(f"{CUSTODY} cannot be read: {exc}")
        manifest_sha256 = hashlib.sha256(manifest_raw).hexdigest()
        export = next(
            (
                e
                for e in custody
                if isinstance(e.get("detail"), dict)
                and e["detail"].get("bundle_id") == manifest.get("bundle_id")
            ),
            None,
        )
        if export is not None and export["detail"].get("manifest_sha256") != manifest_sha256:
            problems.append(f"{MANIFEST}: edited after export (its hash differs from the custody log's)")
        if known is not None:
            record = known(str(manifest.get("bundle_id", "")))
            if record is None:
                problems.append(
                    f"{MANIFEST}: this platform has no record of bundle {manifest.get('bundle_id')}"
                )
            else:
                if record["manifest_sha256"] != manifest_sha256:
                    problems.append(
                        f"{MANIFEST}: edited after export (its hash differs from the one recorded here)"
                    )
                for path, entry in sorted(listed.items()):
                    stored = record["files"].get(path)
                    if stored is not None and stored != entry.get("sha256"):
                        problems.append(f"{path}: its hash differs from the stored original's")
    return problems
