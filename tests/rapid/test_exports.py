"""The exports in the EU's own shapes: the annex row is read back by the real EU journal importer (and imported as a
snapshot), the FtM entities pass the followthemoney model, and the working-party package carries the manifest."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from hramada.rapid import exports, services
from hramada.sanctions.linking import linked_records
from hramada.sanctions.models import SnapshotEntity
from hramada.sanctions.services import import_file

pytestmark = pytest.mark.django_db


def _approved(proposal: Any, team: Any) -> Any:
    services.submit_for_review(proposal, by=team.drafter)
    services.record_legal_review(proposal, by=team.reviewer)
    return services.approve(proposal, by=team.approver)


def _revealed(proposal: Any, user: Any) -> tuple[dict[str, Any], str]:
    return (
        proposal.reveal("subject", by=user, purpose="test"),
        proposal.reveal("reasons", by=user, purpose="test"),
    )


def test_the_eu_journal_export_is_imported_by_the_sanctions_importer(
    team: Any, from_dossier: Any, tmp_path: Path
) -> None:
    approved = _approved(from_dossier, team)
    subject, reasons = _revealed(approved, team.approver)
    path = tmp_path / "32006R0765.csv"
    path.write_bytes(exports.eu_journal_csv([exports.eu_journal_row(approved, subject, reasons)]))
    assert (
        path.read_text(encoding="utf-8").splitlines()[0].startswith("celex,recordId,programKey,annex,measure")
    )
    result = import_file("eu_journal", path, by=None)
    party = SnapshotEntity.objects.get(snapshot=result.snapshot, subject=True)
    data = party.version.data
    assert data["schema"] == "Person"
    assert "Ivan Testavy" in data["properties"]["name"]
    assert {"Іван Тэставы", "Иван Тестовый"} <= set(data["properties"]["alias"])
    assert data["properties"]["birthDate"] == ["1970-03-04"]
    assert party.version.name_langs.get("Іван Тэставы") == "bel"
    sanction = SnapshotEntity.objects.get(snapshot=result.snapshot, schema="Sanction").version.data
    assert "politically motivated" in sanction["properties"]["reason"][0]
    assert sanction["properties"]["programId"] == ["EU-BLR"]


def test_the_later_eu_journal_import_links_to_the_local_designation(
    team: Any, from_dossier: Any, tmp_path: Path
) -> None:
    approved = _approved(from_dossier, team)
    adopted = services.record_adoption(
        approved, by=team.approver, adopted_on=timezone.localdate(), act="32026R0001", entry_number=501
    )
    subject, reasons = _revealed(adopted, team.approver)
    path = tmp_path / "32006R0765.csv"
    path.write_bytes(exports.eu_journal_csv([exports.eu_journal_row(adopted, subject, reasons)]))
    journal = import_file("eu_journal", path, by=None).snapshot
    member = SnapshotEntity.objects.get(snapshot=journal, entity_id="eu-journal-i-501")
    linked = linked_records(member, snapshot_ids=[adopted.local_snapshot_id])
    assert [record.member.entity_id for record in linked] == [adopted.entity_id]


def test_the_ftm_export_is_valid_followthemoney(team: Any, from_dossier: Any) -> None:
    from followthemoney import model

    approved = _approved(from_dossier, team)
    subject, reasons = _revealed(approved, team.approver)
    entities = exports.ftm_entities(approved, subject, reasons)
    proxies = [model.get_proxy(entity) for entity in entities]
    assert [proxy.schema.name for proxy in proxies] == ["Person", "Sanction"]
    assert proxies[1].get("entity") == [approved.entity_id]
    lines = exports.ftm_json_lines(entities).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        approved.entity_id,
        f"{approved.entity_id}-sanction",
    ]


def test_the_working_party_package_carries_every_evidence_hash(team: Any, from_dossier: Any) -> None:
    data = b"court record"
    services.upload_document(
        from_dossier, data=data, name="r.txt", content_type="text/plain", by=team.drafter
    )
    approved = _approved(from_dossier, team)
    subject, reasons = _revealed(approved, team.approver)
    blob = exports.package([(approved, subject, reasons, list(approved.evidence.all()))], generated_at="now")
    archive = zipfile.ZipFile(io.BytesIO(blob))
    assert sorted(archive.namelist()) == ["README.txt", "annex.csv", "entities.ftm.json", "manifest.json"]
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["files"]["annex.csv"] == hashlib.sha256(archive.read("annex.csv")).hexdigest()
    hashes = [item["sha256"] for item in manifest["proposals"][0]["evidence"]]
    assert hashlib.sha256(data).hexdigest() in hashes
    assert manifest["proposals"][0]["reference"] == approved.reference


def test_a_value_with_a_semicolon_stays_one_value_in_the_journal_layout() -> None:
    assert exports._cell(["Head; acting", "Deputy"]) == "Head, acting; Deputy"
    assert exports.printed_date("1956-02-07") == "7.2.1956"
    assert exports.printed_date("1966") == "1966"
