"""State changes of the sanctions store, one module per theme:

* :mod:`.imports` - importing a published file as an immutable snapshot (all or nothing), and reading files;
* :mod:`.deltas` - storing the delta of each new snapshot, at import time;
* :mod:`.bundled` - the first-run load of the bundled real lists.

What an entity says as query-table rows is :mod:`hramada.sanctions.records`; reading is
:mod:`hramada.sanctions.selectors`. Other apps use none of these: they go through :mod:`hramada.sanctions.public`.
The names below are re-exported for the sanctions app's own callers (command line, tasks, tests).
"""

from hramada.sanctions.deltas import property_changes
from hramada.sanctions.records import IDENTIFIER_PROPERTIES, belarus_programmes, name_rows
from hramada.sanctions.selectors import latest_snapshot, snapshot_order_key
from hramada.sanctions.services.bundled import (
    BundledFile,
    bootstrap_bundled_lists,
    bundled_data_root,
    bundled_files,
    import_bundled,
)
from hramada.sanctions.services.deltas import compute_delta
from hramada.sanctions.services.imports import (
    ImportResult,
    SnapshotImportError,
    file_sha256,
    import_file,
    list_key,
    parse_file,
    published_date_from_name,
)

__all__ = [
    "IDENTIFIER_PROPERTIES",
    "BundledFile",
    "ImportResult",
    "SnapshotImportError",
    "belarus_programmes",
    "bootstrap_bundled_lists",
    "bundled_data_root",
    "bundled_files",
    "compute_delta",
    "file_sha256",
    "import_bundled",
    "import_file",
    "latest_snapshot",
    "list_key",
    "name_rows",
    "parse_file",
    "property_changes",
    "published_date_from_name",
    "snapshot_order_key",
]
