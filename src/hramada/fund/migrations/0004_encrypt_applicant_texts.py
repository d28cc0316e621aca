"""Everything an applicant writes is encrypted, and so are the screening holds' explanations (they quote the
screened name). Existing rows are encrypted in place, right after each column changes type."""

from django.db import migrations

import hramada.core.fields
from hramada.core.fields import encrypt_existing_values

APPLICATION_TEXT = ("title", "summary", "objectives", "activities", "risks", "digital_security_plan")


class Migration(migrations.Migration):
    dependencies = [
        ("fund", "0003_attachments_encrypted_at_rest"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="title",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", max_length=200, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="application",
            name="summary",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", verbose_name="what is needed and why"),
        ),
        migrations.AlterField(
            model_name="application",
            name="objectives",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", verbose_name="objectives"),
        ),
        migrations.AlterField(
            model_name="application",
            name="activities",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", verbose_name="activities"),
        ),
        migrations.AlterField(
            model_name="application",
            name="risks",
            field=hramada.core.fields.EncryptedTextField(
                blank=True, default="", verbose_name="risks and how you will manage them"
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="digital_security_plan",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", verbose_name="digital-security plan"),
        ),
        migrations.RunPython(encrypt_existing_values("fund", "Application", APPLICATION_TEXT), elidable=True),
        migrations.AlterField(
            model_name="budgetline",
            name="description",
            field=hramada.core.fields.EncryptedTextField(max_length=200, verbose_name="budget line"),
        ),
        migrations.RunPython(encrypt_existing_values("fund", "BudgetLine", ("description",)), elidable=True),
        migrations.AlterField(
            model_name="statechange",
            name="note",
            field=hramada.core.fields.EncryptedTextField(blank=True, default=""),
        ),
        migrations.RunPython(encrypt_existing_values("fund", "StateChange", ("note",)), elidable=True),
        migrations.AlterField(
            model_name="report",
            name="narrative",
            field=hramada.core.fields.EncryptedTextField(verbose_name="narrative report: what was done"),
        ),
        migrations.AlterField(
            model_name="report",
            name="financial_notes",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", verbose_name="financial report"),
        ),
        migrations.AlterField(
            model_name="report",
            name="review_note",
            field=hramada.core.fields.EncryptedTextField(blank=True, default=""),
        ),
        migrations.RunPython(
            encrypt_existing_values("fund", "Report", ("narrative", "financial_notes", "review_note")),
            elidable=True,
        ),
        migrations.AlterField(
            model_name="message",
            name="body",
            field=hramada.core.fields.EncryptedTextField(),
        ),
        migrations.RunPython(encrypt_existing_values("fund", "Message", ("body",)), elidable=True),
        migrations.AlterField(
            model_name="screeninghold",
            name="matches",
            field=hramada.core.fields.EncryptedJSONField(default=list),
        ),
        migrations.RunPython(encrypt_existing_values("fund", "ScreeningHold", ("matches",)), elidable=True),
    ]
