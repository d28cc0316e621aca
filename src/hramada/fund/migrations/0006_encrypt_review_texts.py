"""A reviewer's conflict note and comment speak of the applicant and their proposal, so they are encrypted like
everything the applicant writes. Existing rows are encrypted in place, right after the columns change type."""

from django.db import migrations

import hramada.core.fields
from hramada.core.fields import encrypt_existing_values

REVIEW_TEXT = ("conflict_note", "comment")


class Migration(migrations.Migration):
    dependencies = [
        ("fund", "0005_programme_names_per_language"),
    ]

    operations = [
        migrations.AlterField(
            model_name="review",
            name="conflict_note",
            field=hramada.core.fields.EncryptedTextField(
                blank=True, default="", verbose_name="conflict explained"
            ),
        ),
        migrations.AlterField(
            model_name="review",
            name="comment",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", verbose_name="comment"),
        ),
        migrations.RunPython(encrypt_existing_values("fund", "Review", REVIEW_TEXT), elidable=True),
    ]
