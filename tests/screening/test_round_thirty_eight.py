"""Specifications for round thirty-eight. A name that writes the Arabic article twice (AL-ZORVANI, Abd-al-Majid)
keeps the article inside a compound beside its neighbours, so the compound meets its one-word spelling (Abdelmajid);
a doubled vowel is the long vowel English spellings write (Moosa, Zoorie: u; Zeeran: i); a legal form that says what
kind of company besides its form (joint stock commercial bank) keeps its words of kind beside a name; the diphthong
aw before a consonant is the u others write (Shawkat / Shoukat); the initials of a trade house (ТД, TD), a
scientific and technical centre (НТЦ, NTTS, STC) and an insurance, investment or international company (IC) read as
their words; an organisation's Arabic article assimilated as ar or az is al, and one opening a name the other writes
without it is no word left over (Al-Tawasul Company / Tawasul Company); a slip in a generic word meets the other
name's plural (Holdig / Holdings); an apostrophe inside a word quotes nothing (JAMA'AT AD-DA'WA). The names are our
own; the score before this round is in each comment."""

from __future__ import annotations

import pytest

from hramada.screening.keys import consonant_frame, frames_meet
from hramada.screening.names import quoted_part
from tests.screening.scoring import company, score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AL-ZORVANI, Shaykh Abd-al-Majid", "AL-ZORVANI, Abdelmajid"),  # 0.34 before
        ("AL-ZORVANI, Karim Abd al-Rahman Hamd", "AL ZORVANI, Karim Abdulrahman H."),  # 0.52 before
        ("AL-ZORVI, Abd Al Hamid Sulaiman Muhammed", "AL ZORVI, Abdulhamid Sulaiman M."),  # 0.57 before
    ],
)
def test_an_article_written_twice_stays_inside_its_compound(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH
    assert score(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AL-ZORVANI, Shaykh Abd-al-Majid", "AL-ZORVANI, Abdelkarim"),  # another compound: 0.33 before
        ("AL-ZORVANI, Karim Abd-al-Majid", "AL-ZORVANI, Karim Abd-al-Rahman"),  # 0.67 before
    ],
)
def test_other_compounds_with_the_article_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH
    assert score(listed, query) < MATCH


def test_the_twin_article_moves_only_for_a_compound_written_as_one_word() -> None:
    # Abd al-Khaliq is no Abdulmalik: the run would meet it only with a slip (0.52 before the round, 0.90 while the
    # article moved for any run that opened alike).
    assert score("AL-ZORVI, Abd al-Khaliq Badr al-Din", "AL-ZORVI, Abdulmalik Bin Bader Al-Deen") < MATCH
    # Through a second key it is one name (0.32 before).
    assert score("AL-ZORVANI, Shaykh Abd-al-Kazim", "AL-ZORVANI, Abdulkadhim") >= MATCH


def test_an_article_with_no_compound_to_meet_is_paired_as_before() -> None:
    # Both names write Abd al-Khaliq apart: nothing on the other side is one word for a run, so the articles pair
    # as the greedy pass left them (0.95 before and after).
    assert score("AL-ZORVANI, Abd al-Khaliq", "AL-ZORVANI, Abd al-Khaliq Badr al-Din") == pytest.approx(
        0.95, abs=0.01
    )


@pytest.mark.parametrize(
    ("word", "vowel"),
    [("zoorie", "U"), ("moosa", "U"), ("zeeran", "I"), ("zaaman", "A"), ("zorvan", "O")],
)
def test_a_doubled_vowel_is_read_as_the_long_vowel_it_writes(word: str, vowel: str) -> None:
    frame = consonant_frame(word)
    assert frame is not None
    assert frame[1] == vowel


def test_a_doubled_vowel_counts_once_toward_a_frames_four_letters() -> None:
    # Saad has three letters, as Sad: too short for a frame, so it does not meet Suad by one (0.85 while it did).
    assert consonant_frame("saad") is None
    assert score("Abu Suad", "ZORVAN, Abu Sa'ad") < MATCH


def test_doubled_consonants_are_still_one() -> None:
    assert consonant_frame("hassan") == consonant_frame("hasan")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("EL-ZOORIE, Ali Saed", "AL-ZOURI, Ali Saed"),  # 0.59 before
        ("MOOSA, Zorvan Khalif", "MUSSE, Zorvan Khalif"),  # 0.62 before
    ],
)
def test_oo_and_ou_are_one_long_u(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH
    assert score(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("JOINT STOCK COMMERCIAL BANK ZORVEX", "BANK ZORVEX"),  # 0.85 before (0.75 for Rublev)
        ("JOINT STOCK COMMERCIAL BANK ZORVEX", "ZORVEX BANK"),  # 0.85 before
    ],
)
def test_a_joint_stock_commercial_bank_is_a_bank(query: str, listed: str) -> None:
    assert company(query, listed) > 0.9
    assert company(listed, query) > 0.9


def test_a_description_keeps_no_words_of_kind_from_its_form() -> None:
    # Every word besides the form a dictionary word: kept, the form's bank would be all that tells one description
    # from another (0.94 while it was kept; 0.61 before the round).
    assert (
        company(
            "RUSSIAN FINANCIAL CORPORATION BANK JSC",
            "JOINT STOCK COMPANY JOINT STOCK COMMERCIAL BANK INTERNATIONAL FINANCIAL CLUB",
        )
        < MATCH
    )


def test_a_joint_stock_commercial_bank_is_no_insurance_company() -> None:
    # 0.85 before: the form took the bank with it, and Zorvex Insurance met a company of no kind.
    assert company("JOINT STOCK COMMERCIAL BANK ZORVEX", "ZORVEX INSURANCE") < MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("JOINT STOCK COMPANY ZORVEXBANK", "JOINT STOCK COMMERCIAL BANK ZORVEXBANK"),
        ("JOINT STOCK COMPANY MOSCOW ZORVEX BANK", "JOINT STOCK COMMERCIAL BANK MOSCOW ZORVEX BANK"),
    ],
)
def test_a_bank_whose_name_says_bank_gets_no_second_bank(query: str, listed: str) -> None:
    assert company(query, listed) == 1.0


def _meet(a: str, b: str, diphthong: bool = True) -> bool:
    frame_a, frame_b = consonant_frame(a, diphthong), consonant_frame(b, diphthong)
    assert frame_a is not None and frame_b is not None
    return frames_meet(frame_a, frame_b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("shawkat", "shoukat"),
        ("shawkat", "shaukat"),
        ("dawlat", "doulat"),
        ("mawla", "mula"),
        ("fawzi", "fowzy"),
    ],
)
def test_aw_before_a_consonant_is_the_u_others_write(a: str, b: str) -> None:
    assert _meet(a, b)
    assert _meet(b, a)


def test_aw_is_no_o() -> None:
    # Polish w is v: Pawlak is no Polak by its frame (they may meet otherwise, as before).
    assert not _meet("pawlak", "polak")


def test_a_w_before_a_vowel_stays_the_consonant() -> None:
    frame = consonant_frame("jawad")
    assert frame is not None
    assert "W" not in frame


def test_turkish_spellings_read_the_w_as_a_consonant() -> None:
    assert not _meet("mevlut", "mawlud")
    assert _meet("mevlut", "mawlud", diphthong=False)
    assert score("ZORVAN, Mevlut", "ZORVAN, Mawlud") >= MATCH  # 0.95 before and after


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVANI, Fawzi Karim", "ZORVANI, Fouzi Karim"),  # 0.62 before
        ("AL-MAWLA, Zorvan Karim", "AL-MULA, Zorvan Karim"),  # 0.63 before
        ("SHAWKAT, Zorvan", "SHOUKAT, Zorvan"),  # 0.38 before
        ("ZORVAN, Dawlat", "ZORVAN, Doulat"),  # 0.38 before
    ],
)
def test_a_name_with_aw_meets_its_spelling_with_ou(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH
    assert score(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("LIMITED LIABILITY COMPANY TRADE HOUSE ZORVEX", "TD ZORVEX OOO"),  # 0.71 before
        ("ZAO NTTS ZORVEX", "CJSC STC ZORVEX"),  # 0.74 before
        ("PUBLIC JOINT STOCK COMPANY INSURANCE COMPANY ZORVEXSTRAKH", "IC ZORVEXSTRAKH PJSC"),  # 0.48 before
        ("LIMITED LIABILITY COMPANY INVESTMENT COMPANY ZORVEX", "LLC IC ZORVEX"),  # 0.77 before
    ],
)
def test_the_initials_of_a_trade_house_a_centre_and_an_ic_read_as_their_words(
    query: str, listed: str
) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [("IC ZORVEX", "ZORVEX BANK"), ("TD ZORVEX", "ZORVEX BANK"), ("STC ZORVEX", "ZORVEX SHIPPING")],
)
def test_such_initials_make_no_other_kind_of_company(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AL RORVAH WELFARE ORGANIZATION", "AR RORVAH WELFARE ORGANIZATION"),  # 0.74 before
        ("AL ZORVAH TRADING", "AZ ZORVAH TRADING"),  # 0.54 before
    ],
)
def test_an_organisations_article_assimilated_as_ar_or_az_is_al(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


def test_ar_before_another_letter_is_no_article() -> None:
    assert company("AR ZORVEX", "AL ZORVEX") < MATCH  # 0.56 before


def test_an_organisations_opening_article_written_by_one_name_only_is_no_word_left_over() -> None:
    assert company("ZORVASUL COMPANY", "AL-ZORVASUL COMPANY") == 1.0  # 0.78 before
    assert company("AL-ZORVASUL COMPANY", "ZORVASUL COMPANY") == 1.0


def test_the_article_before_a_word_of_kind_still_counts() -> None:
    # The Islamic Movement, with its article, is a name; without it a description other names hold (0.57 at the
    # round's start, 0.88 while the article before any word was left out).
    assert company("HARAKAT UL JIHAD ISLAMI ZORVANISTAN", "AL HARAKAT AL ISLAMIYYA") < MATCH


def test_an_article_inside_the_name_is_no_opening_article() -> None:
    # Read without its word of kind (Jamiat: society), the name opened with the article from inside it and lost it:
    # 0.64 before the round, 0.93 while any rendering's first article went.
    assert company("JAMIAT AL-ZORVAD AL-ISLAMI", "HARAKAT-UL ZORVAD ISLAMI") < MATCH


def test_the_article_before_a_word_not_met_as_written_still_counts() -> None:
    assert company("AL ZORVEX TRADING", "ZORVAX TRADING") < MATCH  # 0.66 before and after


def test_a_slip_in_a_generic_word_meets_its_plural() -> None:
    assert company("ZORVEX Holdig", "ZORVEX HOLDINGS") == 1.0  # 0.35 before
    assert company("ZORVEX HOLDINGS", "ZORVEX Holdig") == 1.0


def test_a_slip_in_a_generic_word_the_other_name_does_not_write_still_counts() -> None:
    assert company("ZORVEX Holdig", "ZORVEX TRADING") < MATCH  # 0.35 before and after


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("JAMA'AT AD-ZA'WA AS-ZORVANIYA", None),  # "AT AD-ZA" before
        ("ZORVA’AT AL-KA’ZORV", None),
        ("ООО 'Зорвекс'", "Зорвекс"),
        ("ZAO 'D'Zorvex'", "D'Zorvex"),
        ("OOO ‘Zorvex’", "Zorvex"),
        ("O'Zorvan", None),
    ],
)
def test_an_apostrophe_inside_a_word_is_no_quotation_mark(name: str, quoted: str | None) -> None:
    assert quoted_part(name) == quoted


def test_names_that_share_only_the_letters_between_apostrophes_stay_apart() -> None:
    assert (
        company("ZORVA'AT AL-KA'ZORV", "BA'AT AL-KA'MIRV") < 0.5
    )  # 0.70 before: both read as quoting AT AL-KA
