"""Everything an applicant writes is stored encrypted: the proposal, budget lines, messages, a withdrawal note,
reports. The columns hold ciphertexts; staff and the applicant read them through the audited reveal."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.db import connection

from hramada.core.models.audit import AuditEntry
from hramada.fund import services
from hramada.fund.models import Application, BudgetLine, Message, Review, StateChange
from tests.fund import factories

pytestmark = pytest.mark.django_db


def raw(table: str, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608
        return "\n".join(str(row[0]) for row in cursor.fetchall())


def test_the_proposal_budget_messages_and_a_withdrawal_note_are_ciphertexts_in_the_database() -> None:
    prog = factories.programme()
    app = factories.draft(prog, tier="long_term")
    services.save_draft(
        app,
        fields={
            "title": "Radio Zmitser",
            "summary": "Call Zmitser on +375 29 111 22 33",
            "objectives": "Zmitser objectives",
            "activities": "Zmitser activities",
            "risks": "Zmitser risks",
            "digital_security_plan": "Zmitser plan",
            "budget_lines": [("Zmitser's laptop", 5000)],
        },
        by=app.applicant.user,
    )
    services.send_message(app, body="I live at Zmitser street 4", by=app.applicant.user)
    services.take(app, "withdraw", by=app.applicant.user, note="Zmitser was arrested")
    for table, column in (
        ("fund_application", "title"),
        ("fund_application", "summary"),
        ("fund_application", "objectives"),
        ("fund_application", "risks"),
        ("fund_budgetline", "description"),
        ("fund_message", "body"),
        ("fund_statechange", "note"),
    ):
        assert "Zmitser" not in raw(table, column), f"{table}.{column}"
    assert "Zmitser" not in raw("core_auditentry", "detail")
    app = Application.objects.get(pk=app.pk)
    assert app.reveal("summary", by=None, purpose="test") == "Call Zmitser on +375 29 111 22 33"
    assert StateChange.objects.get(to_state="withdrawn").reveal("note", by=None, purpose="test") == (
        "Zmitser was arrested"
    )


def test_staff_read_the_proposal_through_the_audited_reveal(client: Any, make_staff: Any) -> None:
    from hramada.core.roles import Role
    from tests.conftest import sign_in_verified

    prog = factories.programme()
    app = factories.submitted(prog)
    services.send_message(app, body="Ring after six", by=app.applicant.user)
    reviewer = make_staff(Role.REVIEWER)
    sign_in_verified(client, reviewer)
    before = AuditEntry.objects.filter(action="personal_data.read", actor=reviewer.pk).count()
    page = client.get(f"/fund/applications/{app.pk}/").content.decode()
    assert "Ring after six" in page
    reads = AuditEntry.objects.filter(action="personal_data.read", actor=reviewer.pk)
    assert reads.count() > before
    assert {"summary", "body"} <= {e.detail["field"] for e in reads}


def test_the_migration_encrypts_rows_written_in_clear_before() -> None:
    from hramada.core.fields import encrypt_existing_values

    prog = factories.programme()
    app = factories.draft(prog)
    message = Message.objects.create(application=app, subject="s", body="placeholder")
    line = BudgetLine.objects.create(application=app, description="placeholder", amount=10)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE fund_message SET body = %s WHERE id = %s", ["Old clear Zmitser", message.pk])
        cursor.execute("UPDATE fund_budgetline SET description = %s WHERE id = %s", ["Old line", line.pk])

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    encrypt_existing_values("fund", "Message", ("body",))(apps, editor)
    encrypt_existing_values("fund", "BudgetLine", ("description",))(apps, editor)
    encrypt_existing_values("fund", "Message", ("body",))(
        apps, editor
    )  # a second run leaves them as they are
    assert "Zmitser" not in raw("fund_message", "body")
    assert Message.objects.get(pk=message.pk).reveal("body", by=None, purpose="test") == "Old clear Zmitser"
    assert BudgetLine.objects.get(pk=line.pk).reveal("description", by=None, purpose="test") == "Old line"


def test_a_hold_explanation_is_stored_encrypted_after_the_migration() -> None:
    from hramada.core.fields import encrypt_existing_values
    from hramada.fund.models import ScreeningHold

    prog = factories.programme()
    app = factories.draft(prog)
    hold = ScreeningHold.objects.create(application=app, party="applicant", matches=[], fingerprint="f")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE fund_screeninghold SET matches = %s WHERE id = %s",
            ['[{"caption": "X", "explanation": "\\"Zmitser\\" met X"}]', hold.pk],
        )

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    encrypt_existing_values("fund", "ScreeningHold", ("matches",))(apps, editor)
    assert "Zmitser" not in raw("fund_screeninghold", "matches")
    revealed = ScreeningHold.objects.get(pk=hold.pk).reveal("matches", by=None, purpose="test")
    assert revealed == [{"caption": "X", "explanation": '"Zmitser" met X'}]


def _reviewed(make_staff: Any) -> tuple[Application, Any, Any]:
    """An application in review with one scored review commenting on it and one declared conflict."""
    from hramada.core.roles import Role

    prog = factories.programme()
    app = factories.submitted(prog, tier="long_term", amount="30000.00")
    scorer, conflicted = make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)
    services.take(app, "start_review", by=scorer)
    services.record_review(
        app,
        by=scorer,
        conflict_of_interest=False,
        scores=dict.fromkeys(Review.RUBRIC, 4),
        recommendation="fund",
        comment="Zmitser's printing flat is already known to the KGB",
    )
    services.record_review(
        app, by=conflicted, conflict_of_interest=True, conflict_note="Zmitser is my cousin"
    )
    return app, scorer, conflicted


def test_a_reviewers_comment_and_conflict_note_are_ciphertexts_in_the_database(make_staff: Any) -> None:
    app, scorer, conflicted = _reviewed(make_staff)
    assert "Zmitser" not in raw("fund_review", "comment")
    assert "Zmitser" not in raw("fund_review", "conflict_note")
    assert "Zmitser" not in raw("core_auditentry", "detail")
    scored = Review.objects.get(application=app, reviewer=scorer)
    assert str(scored.comment) != scored.reveal("comment", by=None, purpose="test")
    assert scored.reveal("comment", by=None, purpose="test") == (
        "Zmitser's printing flat is already known to the KGB"
    )
    declared = Review.objects.get(application=app, reviewer=conflicted)
    assert declared.reveal("conflict_note", by=None, purpose="test") == "Zmitser is my cousin"
    assert declared.comment == "" and scored.conflict_note == ""  # emptiness stays plain, nothing to open


def test_the_review_comment_shows_on_the_staff_page_and_each_reading_is_audited(
    client: Any, make_staff: Any
) -> None:
    from django.contrib.contenttypes.models import ContentType

    from hramada.core.roles import Role
    from tests.conftest import sign_in_verified

    app, scorer, conflicted = _reviewed(make_staff)
    manager = make_staff(Role.FUND_MANAGER)
    sign_in_verified(client, manager)
    page = client.get(f"/fund/applications/{app.pk}/").content.decode()
    assert "Zmitser&#x27;s printing flat is already known to the KGB" in page
    assert "Zmitser is my cousin" in page
    reads = AuditEntry.objects.filter(
        action="personal_data.read", actor=manager.pk, target_type=ContentType.objects.get_for_model(Review)
    )
    assert {(e.target_id, e.detail["field"], e.detail["purpose"]) for e in reads} == {
        (str(Review.objects.get(reviewer=scorer).pk), "comment", "reading the application"),
        (str(Review.objects.get(reviewer=conflicted).pk), "conflict_note", "reading the application"),
    }


def test_the_migration_seals_review_texts_written_in_clear_before(make_staff: Any) -> None:
    import importlib

    from django.db import migrations

    migration = importlib.import_module("hramada.fund.migrations.0006_encrypt_review_texts")
    _app, scorer, conflicted = _reviewed(make_staff)
    scored = Review.objects.get(reviewer=scorer)
    declared = Review.objects.get(reviewer=conflicted)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE fund_review SET comment = %s WHERE id = %s", ["Old clear Zmitser", scored.pk])
        cursor.execute(
            "UPDATE fund_review SET conflict_note = %s WHERE id = %s", ["Old Zmitser", declared.pk]
        )
    assert "Zmitser" in raw("fund_review", "comment")

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    code: list[Any] = [
        op.code for op in migration.Migration.operations if isinstance(op, migrations.RunPython)
    ]
    assert code, "the migration encrypts nothing"
    for _twice in range(2):  # a second run leaves sealed values as they are
        for forwards in code:
            forwards(apps, editor)
    assert "Zmitser" not in raw("fund_review", "comment") + raw("fund_review", "conflict_note")
    assert Review.objects.get(pk=scored.pk).reveal("comment", by=None, purpose="test") == "Old clear Zmitser"
    assert (
        Review.objects.get(pk=declared.pk).reveal("conflict_note", by=None, purpose="test") == "Old Zmitser"
    )
    assert Review.objects.get(pk=declared.pk).comment == ""
