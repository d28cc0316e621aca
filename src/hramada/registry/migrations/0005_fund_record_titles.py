"""Registry records that came from the fund carried the applicant's own title in clear; name them by tier instead.

The fund keeps the title sealed. From now on `fund_feed` names a fund grant by its tier and reference; this step
rewrites the records an earlier version stored, so no applicant's words stay in the registry's columns.
"""

from django.db import migrations

TITLE_OF_INSTRUMENT = {"grant": "Rapid-response grant", "tranches": "Long-term grant"}


def rename_fund_records(apps, schema_editor):
    GrantRecord = apps.get_model("registry", "GrantRecord")
    for record in GrantRecord.objects.filter(provenance="fund").only("pk", "identifier", "instrument", "title"):
        title = f"{TITLE_OF_INSTRUMENT.get(record.instrument, 'Fund grant')} {record.identifier}"
        if record.title != title:
            GrantRecord.objects.filter(pk=record.pk).update(title=title, purpose="")


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_record_report_indexes")]

    operations = [migrations.RunPython(rename_fund_records, migrations.RunPython.noop)]
