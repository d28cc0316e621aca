"""Shipment results, natural persons' names in holdings and address tags are sealed at rest. Existing rows are
encrypted in place right after each column changes type; a person's name written in clear into ``owner_name``
moves, sealed, into ``person_name``."""

from typing import Any

from django.db import migrations
from django.views.decorators.debug import sensitive_variables

import hramada.core.fields
from hramada.core.fields import encrypt_existing_values


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
        migrations.AlterField(
            model_name="shipmentscreening",
            name="results",
            field=hramada.core.fields.EncryptedJSONField(default=list),
        ),
        migrations.RunPython(
            encrypt_existing_values("evasion", "ShipmentScreening", ("results",)),
            elidable=True,
        ),
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
