"""Specifications for round ten of screening quality: the Belarusian soft ц of a Russian т written ts before e
(Tsertsel / Tertel), and the French transcription's ch for ш with its closing -ine for -ин (Choumiline /
Shumilin). Examples are our own."""

from __future__ import annotations

import pytest

from hramada.screening.keys import fold, french_reading, soft_ts_reading
from hramada.screening.transliterate import render
from tests.screening.scoring import score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ivan Tsertsel", "Ivan Stanislavovich TERTEL"),
        ("TSERTSEL, Ivan Stanislavavich", "TERTEL, Ivan Stanislavovich"),
        ("Tsiatsiana Tsesliuk", "Tatiana Teslyuk"),
        ("Dmitri Choumiline", "Dmitry SHUMILIN"),
        ("Vladimir Poutine", "Vladimir Vladimirovich PUTIN"),
        ("Ilia Iline", "Ilya Ilyin"),
        ("Ievgueni Chevtchenko", "Yevgeny Shevchenko"),
    ],
)
def test_soft_ts_and_french_spellings_meet_the_listed_name(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Russian ц before е is hard: -цев is not -тев, and the Belarusian -цаў still meets it.
        ("Aliaksandr Mikalaevich ZAITSAU", "Alexander Nikolaevich ZAITSEV"),
        ("Zaitsau, Aliaksandr", "Зайцев Александр"),
    ],
)
def test_russian_ts_before_e_keeps_its_own_key(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)
    assert fold("Zaitsev") != fold("Zaitev")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Another surname altogether, whatever the reading of ch, ts or a closing -ine.
        ("Dmitri Choumiline", "Dmitry Shumilov"),
        ("Ivan Tsertsel", "Ivan Tsvetkov"),
    ],
)
def test_the_new_readings_do_not_make_other_people_alike(query: str, listed: str) -> None:
    assert score(query, listed) < 0.6, (query, listed)


def test_the_readings_are_second_keys_only() -> None:
    assert soft_ts_reading("Tsertsel") == fold("Tertel")
    assert soft_ts_reading("Zaitsau") is None
    assert french_reading("Choumiline") == fold("Shumilin")
    assert french_reading("Poutine") == fold("Putin")
    assert french_reading("Jivitsa") == fold("Zhivitsa")
    assert french_reading("Ivanova") is None
    # The main keys stay: ts before e and a closing -ine keep their letters there.
    assert fold("Tsertsel") != fold("Tertel")
    assert fold("Poutine") != fold("Putin")


def test_the_french_rendering_keeps_the_n_of_a_closing_in_sounded() -> None:
    assert render("Путин Владимир", "french", "ru") == "poutine vladimir"
    assert render("Шумилин", "french", "ru") == "choumiline"
    assert render("Ильина", "french", "ru") == "ilina"
