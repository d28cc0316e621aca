"""django-axes used to keep the form of every failed sign-in (an applicant's account code and passphrase among
it), the username in clear and the browser's user agent. New records hold none of that
(hramada.core.login_attempts); this forgets the old ones. Current lockouts are lifted with them."""

from django.db import migrations


def forget(apps, schema_editor):
    alias = schema_editor.connection.alias
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        model.objects.using(alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_api_keys"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop, elidable=True)]
