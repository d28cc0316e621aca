"""Shipment results, natural persons' names in holdings and address tags are sealed at rest. A screening's results
move from its plain JSON column into encrypted parts of at most 960 KiB each; tags are encrypted in place right
after their columns change type; a person's name written in clear into ``owner_name`` moves, sealed, into
``person_name``."""

import json
from typing import Any

import django.db.models.deletion
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models
from django.views.decorators.debug import sensitive_variables

import hramada.core.fields
import hramada.core.personal_data
from hramada.core.fields import encrypt_existing_values

PART_BYTES = 960 * 1024


@sensitive_variables("results", "part")
def seal_shipment_results(apps: Any, schema_editor: Any) -> None:
    screening = apps.get_model("evasion", "ShipmentScreening")
    results_model = apps.get_model("evasion", "ShipmentResults")
    alias = schema_editor.connection.alias
    for pk, results in screening._base_manager.using(alias).values_list("pk", "results").iterator():
        if results_model._base_manager.using(alias).filter(screening_id=pk).exists():
            continue  # moved before (the migration ran before, in part)
        parts: list[list[Any]] = [[]]
        size = 2
        for row in results or []:
            length = len(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8")) + 1
            if parts[-1] and size + length > PART_BYTES:
                parts.append([])
                size = 2
            parts[-1].append(row)
            size += length
        results_model._base_manager.using(alias).bulk_create(
            results_model(screening_id=pk, number=number, rows=part) for number, part in enumerate(parts)
        )


@sensitive_variables("name")
def seal_person_names(apps: Any, schema_editor: Any) -> None:
    holding = apps.get_model("evasion", "Holding")
    rows = holding._base_manager.using(schema_editor.connection.alias)
    persons = rows.filter(owner_schema="Person").exclude(owner_name="")
    for pk, name in persons.values_list("pk", "owner_name").iterator():
        rows.filter(pk=pk).update(person_name=name, owner_name="")


class Migration(migrations.Migration):
    dependencies = [
        ("evasion", "0002_deemed_sanctioned_results"),
    ]

    operations = [
        migrations.CreateModel(
            name="ShipmentResults",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField()),
                ("rows", hramada.core.fields.EncryptedJSONField(default=list)),
                (
                    "screening",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="parts",
                        to="evasion.shipmentscreening",
                    ),
                ),
            ],
            options={
                "ordering": ("screening", "number"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("screening", "number"), name="evasion_shipment_results_part_once"
                    )
                ],
            },
            bases=(hramada.core.personal_data.RevealMixin, models.Model),
        ),
        migrations.RunPython(seal_shipment_results, elidable=True),
        migrations.RemoveField(model_name="shipmentscreening", name="results"),
        migrations.AddField(
            model_name="holding",
            name="person_name",
            field=hramada.core.fields.EncryptedTextField(blank=True, default=""),
        ),
        migrations.RunPython(seal_person_names, elidable=True),
        migrations.AlterField(
            model_name="addresstag",
            name="label",
            field=hramada.core.fields.EncryptedTextField(max_length=300),
        ),
        migrations.AlterField(
            model_name="addresstag",
            name="source",
            field=hramada.core.fields.EncryptedTextField(blank=True, default="", max_length=500),
        ),
        migrations.RunPython(
            encrypt_existing_values("evasion", "AddressTag", ("label", "source")),
            elidable=True,
        ),
    ]
