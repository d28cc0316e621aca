"""Specifications for round forty-five. Belarusian colloquial forms of given names that the press and lists of
political prisoners keep as names (Янка, Ясь, Змітрок, Паўлюк, Цішка, Стась, Уладзь, Ігнась) meet the full name in its
Russian form, as the Russian short forms (Sasha, Dima) do. The surnames are our own; the score before this round is
in each comment."""

from __future__ import annotations

import pytest

from tests.screening.scoring import score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Yanka Zorvanau", "Ivan ZORVANOV"),  # 0.43
        ("Янка Зорванаў", "Иван Петрович Зорванов"),
        ("Zorvanau Janka", "Ян Зорванов"),  # 0.48
        ("Yas Zorvanau", "Yan ZORVANOV"),
        ("Zmitrok Zorvanau", "Dmitriy Petrovich ZORVANOV"),  # 0.31
        ("Змітрок Зорванаў", "Дмитрий Зорванов"),
        ("Pauliuk Zorvanau", "Pavel ZORVANOV"),
        ("Paulyuk Zorvanau", "Павел Зорванов"),
        ("Tsishka Zorvanau", "Tikhon ZORVANOV"),
        ("Stas Zorvanau", "Stanislav ZORVANOV"),
        ("Uladz Zorvanau", "Vladimir ZORVANOV"),  # 0.33
        ("Uladz Zorvanau", "Vladislav ZORVANOV"),
        ("Ihnas Zorvanau", "Ignat ZORVANOV"),
    ],
)
def test_a_belarusian_colloquial_given_name_meets_the_full_name(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Yanka Zorvanau", "Yakov ZORVANOV"),  # a form of Ivan and Yan, no other name
        ("Yas Zorvanau", "Yakov ZORVANOV"),
        ("Pauliuk Zorvanau", "Pyotr ZORVANOV"),
        ("Stas Zorvanau", "Stepan ZORVANOV"),
        ("Uladz Zorvanau", "Vadim ZORVANOV"),
        ("Zmitrok Zorvanau", "Mikhail ZORVANOV"),
        ("Yanka Zorvanava", "Ivan ZORVANOV"),  # the surname's gender still tells them apart
        ("Ivan Yankov", "Ivan ZORVANOV"),  # a surname that opens like the form is no given name
    ],
)
def test_a_colloquial_form_meets_no_other_name(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH
