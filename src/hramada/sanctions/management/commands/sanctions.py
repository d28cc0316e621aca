"""`manage.py sanctions import|diff|export|sources`: the sanctions store from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from hramada.sanctions import selectors, services
from hramada.sanctions.importers import SOURCES
from hramada.sanctions.models import Snapshot


class Command(BaseCommand):
    help = "Import, compare and export sanctions list snapshots."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import one published file as a snapshot of a source.")
        imp.add_argument("source", help=f"source key: {', '.join(SOURCES)}")
        imp.add_argument("path", help="the file as published")
        imp.add_argument(
            "--aux-dir", help="folder with companion files (OFAC: alt.csv, add.csv, sdn_comments.csv)"
        )
        imp.add_argument(
            "--published", help="publication date (YYYY-MM-DD) if the file name does not carry it"
        )
        imp.add_argument("--no-progress", action="store_true", help="no progress bar")
        imp.add_argument(
            "--dataset", help="FtM files: the dataset (list) the file belongs to; default: file name"
        )

        diff = sub.add_parser(
            "diff", help="What changed between two snapshots (ids from `sanctions sources`)."
        )
        diff.add_argument("old", type=int)
        diff.add_argument("new", type=int)
        diff.add_argument("--json", action="store_true", help="machine-readable output")

        export = sub.add_parser("export", help="Write a snapshot as FtM JSON lines.")
        export.add_argument("snapshot", type=int)
        export.add_argument("out", help="output file (.ftm.json)")

        sub.add_parser("sources", help="What is loaded: sources, snapshots, entity counts.")
        sub.add_parser("bootstrap", help="Load every bundled list from ../shared/data (idempotent).")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import":
            self.do_import(options)
        elif action == "diff":
            self.do_diff(options)
        elif action == "export":
            self.do_export(options)
        elif action == "sources":
            self.do_sources()
        elif action == "bootstrap":
            services.bootstrap_bundled_lists(self.stdout.write)

    def do_import(self, options: dict[str, Any]) -> None:
        from datetime import date

        published = None
        if options.get("published"):
            try:
                published = date.fromisoformat(options["published"])
            except ValueError as error:
                raise CommandError(f"--published: {error}") from error
        bars: dict[str, tqdm[Any]] = {}
        quiet = options.get("no_progress") or options.get("verbosity", 1) < 1

        def progress(stage: str, done: int, total: int | None) -> None:
            if quiet:
                return
            bar = bars.get(stage)
            if bar is None:
                label = {"parse": "parsed entities", "store": "new versions", "members": "snapshot entries"}
                bar = bars[stage] = tqdm(
                    total=total, unit=" entities", desc=label.get(stage, stage), file=self.stderr
                )
            if total is not None and bar.total != total:
                bar.total = total
            bar.update(done - bar.n)

        try:
            result = services.import_file(
                options["source"],
                options["path"],
                by=None,
                aux_dir=options.get("aux_dir"),
                published_at=published,
                progress=progress,
                dataset=options.get("dataset"),
            )
        except services.SnapshotImportError as error:
            raise CommandError(f"Not imported, nothing changed: {error}") from error
        finally:
            for bar in bars.values():
                bar.close()
        style = self.style.SUCCESS if result.created else self.style.WARNING
        self.stdout.write(style(result.message))

    def _snapshot(self, pk: int) -> Snapshot:
        snapshot = Snapshot.objects.select_related("source").filter(pk=pk).first()
        if snapshot is None:
            raise CommandError(f"no snapshot {pk}; see `manage.py sanctions sources`")
        return snapshot

    def do_diff(self, options: dict[str, Any]) -> None:
        old, new = self._snapshot(options["old"]), self._snapshot(options["new"])
        if old.source_id != new.source_id:
            raise CommandError(f"snapshots {old.pk} and {new.pk} are of different sources")
        delta = selectors.delta_between(old, new)
        if options["json"]:
            self.stdout.write(json.dumps(selectors.delta_as_json(delta), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{old} -> {new}")
        self.stdout.write(
            f"{delta.added_count} added, {delta.removed_count} removed, {delta.amended_count} amended"
        )
        captions = selectors.captions_for(new, delta.added_ids + delta.amended_ids)
        captions.update(selectors.captions_for(old, delta.removed_ids))
        for entity_id in delta.added_ids:
            self.stdout.write(f"+ {entity_id}  {captions.get(entity_id, '')}")
        for entity_id in delta.removed_ids:
            self.stdout.write(f"- {entity_id}  {captions.get(entity_id, '')}")
        for entity_id in delta.amended_ids:
            self.stdout.write(f"~ {entity_id}  {captions.get(entity_id, '')}")
            for prop, change in delta.amended[entity_id].items():
                self.stdout.write(f"    {prop}: {change['old']} -> {change['new']}")

    def do_export(self, options: dict[str, Any]) -> None:
        snapshot = self._snapshot(options["snapshot"])
        out = Path(options["out"])
        count = 0
        with open(out, "w", encoding="utf-8") as handle:
            for entity in selectors.snapshot_ftm(snapshot):
                handle.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} entities of snapshot {snapshot.pk} written to {out}"))

    def do_sources(self) -> None:
        rows = selectors.source_overview()
        if not rows:
            self.stdout.write("No sanctions lists loaded. Import one with `manage.py sanctions import`.")
            return
        for source, snapshots in rows:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{source.key}: {source.label}"))
            for snap in snapshots:
                published = snap.published_at.isoformat() if snap.published_at else "-"
                self.stdout.write(
                    f"  #{snap.pk:<5} {published:10}  {snap.file_name:40.40}  "
                    f"{snap.entity_count:>7} entities  "
                    f"{snap.subject_count:>6} parties  imported {snap.imported_at:%Y-%m-%d %H:%M}  "
                    f"sha256 {snap.sha256[:12]}"
                )
