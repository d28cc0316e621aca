"""`manage.py setup` does what `make run` needs before serving, in one process and in order; `bootstrap` says how
long each first-run step took."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from hramada.core.bootstrap import BootstrapStep
from hramada.core.management.commands import bootstrap, setup


def test_setup_creates_keys_compiles_migrates_with_checks_then_bootstraps(monkeypatch: Any) -> None:
    called: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(setup.ready_schema, "usable", lambda: False)
    monkeypatch.setattr(setup, "call_command", lambda name, **options: called.append((name, options)))
    call_command("setup", site_url="http://example.invalid:8080", stdout=io.StringIO())
    assert [name for name, _ in called] == ["generate_keys", "compile_translations", "migrate", "bootstrap"]
    options = dict(called)
    assert options["migrate"]["skip_checks"] is False, "the system checks run once the key ring exists"
    assert options["migrate"]["interactive"] is False
    assert options["bootstrap"]["site_url"] == "http://example.invalid:8080"


def test_an_empty_database_gets_the_ready_schema_after_the_checks_and_is_not_migrated(
    monkeypatch: Any,
) -> None:
    events: list[str] = []
    monkeypatch.setattr(setup, "call_command", lambda name, **options: events.append(name))
    monkeypatch.setattr(setup.ready_schema, "usable", lambda: True)
    monkeypatch.setattr(setup.ready_schema, "apply_if_empty", lambda: events.append("ready schema") or True)
    monkeypatch.setattr(setup.Command, "check", lambda self, **options: events.append("checks"))
    out = io.StringIO()
    call_command("setup", stdout=out)
    assert events == ["generate_keys", "compile_translations", "checks", "ready schema", "bootstrap"]
    assert "Database created from the ready schema" in out.getvalue()


def test_a_database_that_is_not_empty_is_migrated_even_with_a_current_ready_schema(monkeypatch: Any) -> None:
    events: list[str] = []
    monkeypatch.setattr(setup, "call_command", lambda name, **options: events.append(name))
    monkeypatch.setattr(setup.ready_schema, "usable", lambda: True)
    monkeypatch.setattr(setup.ready_schema, "apply_if_empty", lambda: False)
    monkeypatch.setattr(setup.Command, "check", lambda self, **options: events.append("checks"))
    call_command("setup", stdout=io.StringIO())
    assert events == ["generate_keys", "compile_translations", "checks", "migrate", "bootstrap"]


@pytest.mark.django_db
def test_bootstrap_says_how_long_each_step_took(monkeypatch: Any) -> None:
    ran: list[str] = []
    fake = [
        BootstrapStep(key="one", description="First step", run=lambda say: ran.append("one")),
        BootstrapStep(key="two", description="Second step", run=lambda say: ran.append("two")),
    ]
    monkeypatch.setattr(bootstrap, "steps", lambda: fake)
    out = io.StringIO()
    call_command("bootstrap", skip=["two"], stdout=out)
    lines = out.getvalue().splitlines()
    assert ran == ["one"]
    assert lines[0] == "- First step"
    assert lines[1].startswith("  done in ") and "CPU" in lines[1]
    assert any(line.startswith("First-run set-up done in ") for line in lines)
    assert not any("Second step" in line for line in lines)


class _ExitedError(Exception):
    pass


def test_setup_from_the_command_line_exits_at_once_once_everything_is_written(monkeypatch: Any) -> None:
    events: list[str] = []
    monkeypatch.setattr(setup.ready_schema, "usable", lambda: False)
    monkeypatch.setattr(setup, "call_command", lambda name, **options: events.append(name))
    monkeypatch.setattr(setup.connections, "close_all", lambda: events.append("closed"))

    def exit_now(status: int) -> None:
        events.append(f"exit {status}")
        raise _ExitedError

    monkeypatch.setattr(setup.os, "_exit", exit_now)
    with pytest.raises(_ExitedError):
        setup.Command(stdout=io.StringIO()).run_from_argv(["manage.py", "setup"])
    assert events[:4] == ["generate_keys", "compile_translations", "migrate", "bootstrap"]
    assert events[-2:] == ["closed", "exit 0"], "connections are closed before the process ends"


def test_a_failed_setup_exits_with_its_error_not_at_once(monkeypatch: Any) -> None:
    from django.core.management.base import CommandError

    def fail(name: str, **options: Any) -> None:
        raise CommandError("no key ring")

    monkeypatch.setattr(setup, "call_command", fail)
    monkeypatch.setattr(setup.os, "_exit", lambda status: (_ for _ in ()).throw(AssertionError("fast exit")))
    with pytest.raises(SystemExit) as exited:
        setup.Command(stdout=io.StringIO(), stderr=io.StringIO()).run_from_argv(["manage.py", "setup"])
    assert exited.value.code == 1


@pytest.mark.django_db
def test_the_first_run_steps_run_with_fewer_garbage_collections_and_the_thresholds_come_back(
    monkeypatch: Any,
) -> None:
    import gc

    from hramada.core.bootstrap import SETUP_GC_THRESHOLDS

    seen: list[tuple[int, ...]] = []
    fake = [BootstrapStep(key="one", description="Step", run=lambda say: seen.append(gc.get_threshold()))]
    monkeypatch.setattr(bootstrap, "steps", lambda: fake)
    before = gc.get_threshold()
    call_command("bootstrap", stdout=io.StringIO())
    assert seen == [SETUP_GC_THRESHOLDS] and SETUP_GC_THRESHOLDS[0] > before[0]
    assert gc.get_threshold() == before
