"""Bulk screening from the web: upload, progress, results to download; bad files get an answer at once."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hramada.core.models import AuditEntry, TaskProgress
from hramada.core.roles import Role
from hramada.sanctions import public
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file


@pytest.fixture
def eu_belarus_list(db: Any, shared_data: Any, settings: Any, tmp_path: Any) -> Any:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": tmp_path}},
    }
    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    yield
    reset_screening_index()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.django_db
def test_a_csv_of_names_is_screened_and_its_results_downloaded(
    staff_client: Any, eu_belarus_list: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = staff_client(Role.FINANCE_OFFICER)
    names = "id,name,schema\nr1,Лукашенко Александр Григорьевич,Person\nr2,Jan Kowalski,Person\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/screening/bulk/", {"file": upload("payees.csv", names), "profile": "screening"}
        )
    assert response.status_code == 302
    job = TaskProgress.objects.get()
    assert job.status == TaskProgress.Status.DONE and job.done == 2
    page = client.get(response["Location"]).content.decode()
    assert "Download the results" in page
    result = b"".join(client.get(f"/staff/jobs/{job.pk}/result/").streaming_content).decode()
    rows = {row["row_id"]: row for row in csv.DictReader(io.StringIO(result))}
    assert "LUKASHENKA" in result.upper()
    assert rows["r1"] != rows["r2"]
    entry = AuditEntry.objects.get(action="sanctions.screened")
    assert entry.detail["source"] == f"bulk:{job.pk}" and entry.detail["parties"] == 2
    assert public.screened_name_hash("Jan Kowalski") in entry.detail["names"]
    assert "Kowalski" not in str(entry.detail)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("payees.csv", b"surname,city\nIvanov,Minsk\n", "no name column"),
        ("payees.xlsx", b"name\nIvanov\n", "does not fit its name"),
        ("payees.exe", b"MZ\x90\x00", "send a .csv, .xlsx or .jsonl file"),
        ("payees.csv", "name\nІваноў\n".encode("utf-16"), "UTF-8"),
        ("payees.csv", b"", "The submitted file is empty"),
    ],
)
def test_a_wrong_file_gets_a_clear_answer_and_no_job(
    staff_client: Any, eu_belarus_list: Any, name: str, content: bytes, message: str
) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.post("/screening/bulk/", {"file": upload(name, content), "profile": "screening"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TaskProgress.objects.exists()


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_before_it_is_read(staff_client: Any, eu_belarus_list: Any) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    response = client.post(
        "/screening/bulk/",
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(2**30),
    )
    assert response.status_code == 413
    assert "larger than" in response.content.decode()


@pytest.mark.django_db
def test_someone_elses_results_cannot_be_downloaded(
    staff_client: Any, make_staff: Any, eu_belarus_list: Any
) -> None:
    owner = make_staff(Role.SANCTIONS_ANALYST)
    job = TaskProgress.objects.create(
        label="x", kind="bulk_screening", owner=owner, result_file="/etc/passwd"
    )
    client = staff_client(Role.SANCTIONS_ANALYST)
    assert client.get(f"/staff/jobs/{job.pk}/result/").status_code == 404


@pytest.mark.django_db
def test_uploaded_names_and_their_results_are_encrypted_on_disk(
    staff_client: Any,
    eu_belarus_list: Any,
    django_capture_on_commit_callbacks: Any,
    settings: Any,
    tmp_path: Any,
) -> None:
    from pathlib import Path

    settings.MEDIA_ROOT = str(tmp_path)
    client = staff_client(Role.FINANCE_OFFICER)
    names = "id,name,schema\nr1,Zmitser Bulkcounterparty,Person\nr2,Лукашенко Александр,Person\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/screening/bulk/", {"file": upload("payees.csv", names), "profile": "screening"})
    job = TaskProgress.objects.get()
    stored = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert len(stored) == 2 and all(p.name.endswith(".sealed") for p in stored)
    for path in stored:
        content = path.read_bytes()
        assert b"Bulkcounterparty" not in content and "Лукашенко".encode() not in content
    result = b"".join(client.get(f"/staff/jobs/{job.pk}/result/").streaming_content).decode()
    assert "r1" in result and "r2" in result


@pytest.mark.django_db
def test_bulk_results_show_the_decisions_remembered_on_the_rows_counterparties(
    staff_client: Any, make_staff: Any, eu_belarus_list: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A file that names its rows (an id column) gets the analysts' standing decisions on ``bulk:<id>`` beside
    each match; a false positive on every match of a row clears it, and another row's id sees none."""
    import json

    analyst = make_staff(Role.SANCTIONS_ANALYST)
    name = "Лукашенко Александр Григорьевич"
    found = public.screen(
        public.Party(name=name, schema="Person"), purpose="onboarding", by=analyst, source="t"
    )
    for hit in found.hits:
        public.remember_decision(
            party_ref="bulk:cust-7",
            entity_id=hit.entity_id,
            confirmed=False,
            reason="Our customer is a namesake born in 1990",
            identity=hit.identity,
            by=analyst,
        )
    client = staff_client(Role.FINANCE_OFFICER)
    names = f"id,name,schema\ncust-7,{name},Person\ncust-8,{name},Person\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/screening/bulk/", {"file": upload("payees.csv", names), "profile": "screening"}
        )
    job = TaskProgress.objects.get()
    assert "carry a remembered decision" in job.message
    result = b"".join(client.get(f"/staff/jobs/{job.pk}/result/").streaming_content).decode()
    rows = {row["row_id"]: row for row in csv.DictReader(io.StringIO(result))}
    decided = rows["cust-7"]
    assert (
        decided["decision"].startswith("false_positive by ")
        and "namesake born in 1990" in decided["decision"]
    )
    assert {d["entity_id"] for d in json.loads(decided["decisions"])} == {h.entity_id for h in found.hits}
    assert decided["status"] == "cleared"
    other = rows["cust-8"]
    assert other["decision"] == "" and other["decisions"] == "" and other["status"] != "cleared"
    assert response.status_code == 302
