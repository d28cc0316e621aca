"""Evidence upload throughput: SHA-256 + SHA-512 while the file streams in (the upload handler, in Django's
64 KiB chunks) and AES-256-GCM encryption at rest (EncryptedFileStorage), beside `sha256sum` on the same files in
the same run. Target: at least half of `sha256sum`'s speed.

    .venv/bin/python -m benchmarks.evidence_upload            # 4 files of 64 MiB
    .venv/bin/python -m benchmarks.evidence_upload --quick    # 4 files of 16 MiB

Files are random bytes (incompressible, like photos and video). Each file is processed by both, alternately, and
read from the page cache by both. Wall-clock MB/s depends on what else the machine runs, so CPU MB/s (user + system
time of the process doing the work) is printed too; the target is judged on the CPU figures when the machine is
shared and on both when it is idle.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CHUNK = 64 * 1024  # Django's FileUploadHandler.chunk_size: what the hashing handler sees per call


def _django(media: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.test")
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = str(media)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def sha256sum(path: Path) -> tuple[float, float]:
    sha256sum_binary = shutil.which("sha256sum")
    assert sha256sum_binary, "sha256sum (coreutils) is needed for the baseline"
    cpu, wall = _children_cpu(), time.perf_counter()
    subprocess.run([sha256sum_binary, str(path)], check=True, capture_output=True)
    return time.perf_counter() - wall, _children_cpu() - cpu


def ours(path: Path, storage: object) -> tuple[float, float, str]:
    from django.core.files.base import File

    from hramada.evidence.files import HashingUploadHandler

    cpu, wall = _self_cpu(), time.perf_counter()
    handler = HashingUploadHandler(None)
    handler.new_file("file", path.name, "application/octet-stream", path.stat().st_size)
    with path.open("rb") as handle:
        offset = 0
        while chunk := handle.read(CHUNK):
            handler.receive_data_chunk(chunk, offset)
            offset += len(chunk)
    handler.file_complete(offset)
    with path.open("rb") as handle:
        name = storage.save("bench", File(handle))  # type: ignore[attr-defined]
    elapsed, spent = time.perf_counter() - wall, _self_cpu() - cpu
    storage.delete(name)  # type: ignore[attr-defined]
    return elapsed, spent, handler.digests["file"].sha256


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--files", type=int, default=4)
    args = parser.parse_args()
    size = (16 if args.quick else 64) * 1024 * 1024
    with tempfile.TemporaryDirectory() as workdir:
        root = Path(workdir)
        _django(root / "media")
        from hramada.core.storage import EncryptedFileStorage

        storage = EncryptedFileStorage(location=str(root / "media"), label="benchmark")
        paths = []
        for n in range(args.files):
            path = root / f"file-{n}.bin"
            path.write_bytes(os.urandom(size))
            paths.append(path)
        ours(paths[0], storage)  # warm up: imports, key ring
        totals = {"baseline_wall": 0.0, "baseline_cpu": 0.0, "ours_wall": 0.0, "ours_cpu": 0.0}
        for path in paths:
            wall, cpu = sha256sum(path)
            totals["baseline_wall"] += wall
            totals["baseline_cpu"] += cpu
            wall, cpu, digest = ours(path, storage)
            totals["ours_wall"] += wall
            totals["ours_cpu"] += cpu
            expected = subprocess.run(["sha256sum", str(path)], check=True, capture_output=True, text=True)
            assert expected.stdout.split()[0] == digest, "our SHA-256 differs from sha256sum's"
        megabytes = args.files * size / 1e6
        print(f"{args.files} files x {size // (1024 * 1024)} MiB of random bytes ({os.cpu_count()} CPUs)")
        print(f"{'':40} {'wall MB/s':>10} {'CPU MB/s':>10}")
        base_wall = megabytes / totals["baseline_wall"]
        base_cpu = megabytes / totals["baseline_cpu"]
        our_wall = megabytes / totals["ours_wall"]
        our_cpu = megabytes / totals["ours_cpu"]
        print(f"{'sha256sum (baseline)':40} {base_wall:10.0f} {base_cpu:10.0f}")
        print(f"{'upload: SHA-256 + SHA-512 + AES-GCM':40} {our_wall:10.0f} {our_cpu:10.0f}")
        print(
            f"ratio to sha256sum: wall {our_wall / base_wall:.2f}, CPU {our_cpu / base_cpu:.2f} (target >= 0.50)"
        )


if __name__ == "__main__":
    main()
