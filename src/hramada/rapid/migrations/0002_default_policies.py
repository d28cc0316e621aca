"""The default clock targets and relief benchmark targets, as rows an administrator changes on the policy pages."""

from django.db import migrations

CLOCK_DAYS = {"arrests": 14, "deployment": 10, "extremist_designation": 21, "other_violation": 30, "research": 60}
BENCHMARK_TARGETS = {
    "prisoners_held": 0,
    "new_detentions": 0,
    "repression_incidents": 0,
    "military_observations": 0,
}


def seed(apps, schema_editor):
    ClockPolicy = apps.get_model("rapid", "ClockPolicy")
    BenchmarkPolicy = apps.get_model("rapid", "BenchmarkPolicy")
    for kind, days in CLOCK_DAYS.items():
        ClockPolicy.objects.get_or_create(kind=kind, defaults={"target_days": days})
    for key, target in BENCHMARK_TARGETS.items():
        BenchmarkPolicy.objects.get_or_create(key=key, defaults={"target": target})


class Migration(migrations.Migration):
    dependencies = [("rapid", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
