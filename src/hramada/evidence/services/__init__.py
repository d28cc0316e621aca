"""Every change of evidence data, one function per use case; each takes the actor as `by=` and writes its audit
entry (and custody entry, for evidence files) in the same transaction."""

from hramada.evidence.services.errors import EvidenceError, StoredFileMissingError
from hramada.evidence.services.evidence import (
    export_bundle,
    known_bundle,
    make_stripped_copy,
    read_file,
    share_item,
    upload,
)
from hramada.evidence.services.records import (
    add_perpetrator,
    add_person,
    add_source,
    change_incident,
    change_observation,
    change_person,
    link_perpetrator,
    record_incident,
    record_observation,
    set_verification,
    share,
)
from hramada.evidence.services.register import add_condition, normalise_articles, save_prisoner

__all__ = [
    "EvidenceError",
    "StoredFileMissingError",
    "add_condition",
    "add_perpetrator",
    "add_person",
    "add_source",
    "change_incident",
    "change_observation",
    "change_person",
    "export_bundle",
    "known_bundle",
    "link_perpetrator",
    "make_stripped_copy",
    "normalise_articles",
    "read_file",
    "record_incident",
    "record_observation",
    "save_prisoner",
    "set_verification",
    "share",
    "share_item",
    "upload",
]
