"""`manage.py compile_translations`: compile every .po catalogue of the project to .mo with Babel (pure Python),
so a fresh machine without GNU gettext can still serve Belarusian and Russian."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po catalogues to .mo files (only those that changed)."
    # Runs before keys exist (make test on a fresh clone) and touches no database: no system checks.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                with po_path.open("rb") as handle:
                    catalog = read_po(handle, locale=po_path.parts[-3])
                with mo_path.open("wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                compiled += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"compiled {compiled} catalogue(s)")
