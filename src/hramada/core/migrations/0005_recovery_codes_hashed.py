"""Recovery codes were stored in clear in django-otp's static tokens: keep only their keyed hash."""

from django.db import migrations

from hramada.core.mfa import is_recovery_code_digest, recovery_code_digest


def hash_codes(apps, schema_editor):
    token_model = apps.get_model("otp_static", "StaticToken")
    for token in token_model.objects.using(schema_editor.connection.alias).iterator():
        if not is_recovery_code_digest(token.token):
            token.token = recovery_code_digest(token.token)
            token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_forget_login_attempt_details"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_codes, migrations.RunPython.noop, elidable=True)]
