"""The demo step of `make run`: a demo watch list and the first screening of every counterparty, once."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.monitoring import demo
from hramada.monitoring.models import RescreenRun, WatchList

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_watch_list_once_and_queues_its_first_screening(
    django_capture_on_commit_callbacks: Any,
) -> None:
    said: list[str] = []
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(said.append)
    watch_list = WatchList.objects.get()
    assert watch_list.is_demo and watch_list.name.startswith("DEMO")
    assert watch_list.row_count >= 17
    assert RescreenRun.objects.filter(snapshot_id__isnull=True, status=RescreenRun.Status.DONE).count() == 1
    demo.load(said.append)
    assert WatchList.objects.count() == 1 and "already loaded" in said[-1]
