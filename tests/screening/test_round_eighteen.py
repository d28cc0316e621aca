"""Specifications for round eighteen: names written in Arabic script against the French and English romanisations
the lists print. A ç that lost its cedilla (Faycal), the Ould of Mauritanian names, zh and sh that are two letters
(Azhar, Eshaq), a final h romanised as the vowel before it (Zeiniye, Abdulla, Zada), the article before a name
opening with l and a waw (al-Loubiri), and a romanised word opening with al or el that is no article (Elmi). Names
are our own."""

from __future__ import annotations

import pytest

from tests.screening.scoring import score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("فيصل بن سالم", "Faycal Ben Salem"),  # ç without its cedilla
        ("محفوظ ولد احمد", "Mahfouz Ould Ahmed"),  # ولد, Ould
        ("أزهر كريم", "Azhar Karim"),  # zh: ز then ه
        ("محمد اسحاق", "Mohammad Eshaq"),  # sh: س then ح
        ("سمير زينيه", "Samir Zeiniye"),  # a final ه read as a vowel
        ("انور عبدالله", "Anwar Abdulla"),
        ("كريم اللوبيري", "Karim Al-Loubiri"),  # the article before l, a waw inside the name
        ("محمد اعظم علمی", "Mohammad Azam Elmi"),  # Elmi is no article and a name
    ],
)
def test_an_arabic_script_name_meets_its_french_or_english_romanisation(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.9
    assert score(listed, query) >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Azhar's h folds to the g that ق and غ fold to: letter for letter only, so Dhakir is not Azhar.
        ("عبد الرؤوف ذاكر", "Abdul Rauf Azhar"),
        ("فيصل بن سالم", "Faycal Ben Karim"),
        ("محفوظ ولد احمد", "Mahfouz Ould Salem"),
        ("سمير زينيه", "Samir Zein"),  # a final ه is left out only where the romanisation ends in a vowel
    ],
)
def test_other_persons_stay_below_a_match(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8
