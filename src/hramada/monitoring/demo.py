"""Demo data of monitoring (``make run``): a watch list of generated Belarusian and Russian names with three real
listed Belarus designations among them, and the first screening of every counterparty the platform knows (queued
for the worker), so the next list change is screened as a delta."""

from __future__ import annotations

import csv
import io
from typing import Any

from hramada.monitoring import services
from hramada.monitoring.generated_names import generate
from hramada.monitoring.models import WatchList
from hramada.sanctions import public

DEMO_NAME = "DEMO: suppliers and partners"


def _real_listed(count: int) -> list[tuple[str, str]]:
    summaries = public.listed_summaries()
    persons = sorted(eid for eid, e in summaries.items() if e.schema == "Person")
    belarus = sorted(public.belarus_entity_ids(persons[:5000]))
    return [(summaries[eid].caption, "Person") for eid in belarus[:count]]


def load(say: Any) -> None:
    if WatchList.objects.filter(is_demo=True).exists():
        say("  demo watch list already loaded")
        return
    rows = [(p.name, p.schema, p.birth_date, p.country) for p in generate(17, seed=2026)]
    rows += [(name, schema, "", "") for name, schema in _real_listed(3)]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "schema", "birth_date", "country"])
    writer.writerows(rows)
    services.upload_watch_list(
        name=DEMO_NAME,
        file_name="demo-watch-list.csv",
        data=buffer.getvalue().encode(),
        by=None,
        is_demo=True,
    )
    say(f"  demo watch list: {len(rows)} rows; first screening of every counterparty queued")
