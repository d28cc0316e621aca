"""The learned Belarusian-Russian equivalence table is reproducible from the EU list and never learns from the
held-out persons the benchmark evaluates on."""

from __future__ import annotations

from pathlib import Path

from hramada.screening.equivalence import default_table
from hramada.screening.keys import fold
from hramada.screening.learn_equivalence import OUTPUT, is_held_out, learn, main, read_persons


def test_generator_reproduces_the_shipped_table(tmp_path: Path, shared_data_dir: Path) -> None:
    source = shared_data_dir / "sanctions/eu/journal/32006R0765.csv"
    out = tmp_path / "name_equivalence.csv"
    assert main([str(source), "-o", str(out)]) == 0
    assert out.read_text("utf-8") == OUTPUT.read_text("utf-8")


def test_held_out_persons_are_never_learned_from(shared_data_dir: Path) -> None:
    persons = list(read_persons(shared_data_dir / "sanctions/eu/journal/32006R0765.csv"))
    held_out = [p for p in persons if is_held_out(p.record_id)]
    assert 0.2 < len(held_out) / len(persons) < 0.45
    assert learn(held_out) == []
    header = OUTPUT.read_text("utf-8").splitlines()[2]
    assert header.split(": ", 1)[1].split() == sorted((p.record_id for p in held_out), key=int)


def test_uladzimir_is_vladimir_and_ryhor_is_grigory() -> None:
    table = default_table()
    assert table.canonical(fold("Uladzimir")) == table.canonical(fold("Vladimir"))
    assert table.canonical(fold("Yauhen")) == table.canonical(fold("Evgeny"))
    # Learned from the patronymic Рыгоравіч = Григорьевич: a patronymic is the father's given name plus a suffix.
    assert table.canonical(fold("Ryhor")) == table.canonical(fold("Grigory"))
