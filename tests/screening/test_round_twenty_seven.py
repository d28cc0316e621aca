"""Specifications for round twenty-seven: initials as papers and registries write a person (D. S. Zorvanov,
Zorvanov Yu.L.), each initial finding its own word and the two in their order (given name, then patronymic); an
initial of one Cyrillic letter written as several Latin ones (Yu., Iou., Joe., Û., Ci., Tx.) and C. for a soft Ц;
a slip in a patronymic with a foreign ending; Romanian ț, ș and j; a ship's initial; two companies of other
dotted initials; a Belarusian or Ukrainian apostrophe inside a company's word that a legal form must not cut,
BGN's sign marks, the Ukrainian LLC and JSC written out, VO; a slip in a generic, dictionary or short word of a
company's name; a body and a unit of it. The names are our own. The score before this round is in each comment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.keys import romanian_reading
from hramada.screening.names import NameKind, _written_slip, name_variants, remove_org_types
from tests.screening.scoring import company, score

_INITIALS = st.sampled_from(["D.", "S.", "Yu.", "YA.", "Ye.", "Ю.", "Я.", "Û.", "C.", "A.", "O.", "Iu."])
_WORDS = st.sampled_from(["Zorvanov", "Dmitriy", "Sergeevich", "Iury", "Yakov", "Tsimafei", "Alena", "Abeni"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_INITIALS, _WORDS), min_size=1, max_size=5), st.lists(_WORDS, max_size=4))
def test_names_with_initials_meet_themselves_and_score_within_bounds(
    words: list[str], other: list[str]
) -> None:
    name = " ".join(words)
    assert score(name, name) == 1.0
    assert 0.0 <= score(name, " ".join(other) or "Zorvanov") <= 1.0
    assert 0.0 <= score(" ".join(other) or "Zorvanov", name) <= 1.0


@given(st.text(max_size=20))
def test_the_romanian_reading_never_raises_and_keeps_words_without_its_letters(word: str) -> None:
    found = romanian_reading(word)
    assert found is None or isinstance(found, str)
    if not any(letter in word.lower() for letter in "țţșş"):
        assert found is None


@given(st.text(alphabet="abcklsth", max_size=8), st.text(alphabet="abcklsth", max_size=8))
def test_a_written_slip_is_symmetric_and_within_bounds(a: str, b: str) -> None:
    assert _written_slip(a, b) == _written_slip(b, a)
    assert 0.0 <= _written_slip(a, b) < 1.0


@given(st.text(alphabet="abo'’ AB", max_size=16))
def test_an_apostrophe_inside_a_word_never_loses_letters_to_a_legal_form(text: str) -> None:
    kept = remove_org_types(text)
    for word in text.split():
        if "'" in word.strip("'’") or "’" in word.strip("'’"):
            assert word.replace("’", "'") in kept.replace("’", "'")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("D. S. ZORVANOV", "Dmitriy Sergeevich ZORVANOV"),  # 0.55 before: S. took Dmitriy, D. was left over
        ("Zorvanov D.S.", "Dmitriy Sergeevich ZORVANOV"),  # 0.55 before
        (
            "A. A. Zorvanov",
            "Aliaksandr Aliaksandravich Zorvanov",
        ),  # 0.26 when the order of initials was first kept
    ],
)
def test_each_initial_finds_its_own_word(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8
    assert score(listed, query) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "A. V. Zorvanov",
            "Viktar Aliaksandravich ZORVANOV",
        ),  # 0.91 before: A. V. is no Viktar Aliaksandravich
        ("Zorvanov A.V.", "Viktar Aliaksandravich ZORVANOV"),
        ("S. D. Zorvanov", "Dmitriy Sergeevich Zorvanov"),
    ],
)
def test_initials_stand_for_the_given_name_then_the_patronymic(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8
    assert score(listed, query) < 0.8


@pytest.mark.parametrize(
    "query",
    [
        "V. A. Zorvanov",
        "Zorvanov V.A.",
        "ZORVANOV V. A.",
        "Viktar A. Zorvanov",
        "V. Aliaksandravich Zorvanov",
    ],
)
def test_initials_in_their_order_meet(query: str) -> None:
    assert score(query, "Viktar Aliaksandravich ZORVANOV") >= 0.8


def test_two_initials_alike_stay_together_when_the_given_names_differ() -> None:
    # Oluwole A. and Abeni O. are two people of one family: their initials cross, their given names differ.
    assert score("ZORVANI, Oluwole A.", "ZORVANI, Abeni O.") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Yu. L. Zorvanov", "Iury Leonidovich ZORVANOV"),  # 0.55 before
        ("ZORVANOV YU.L.", "Iury Leonidovich ZORVANOV"),  # 0.55 before
        ("Ю. Л. Зорванов", "Iury Leonidovich ZORVANOV"),  # 0.55 before (ICAO reads Ю as IU)
        ("Зорванов Ю.Л.", "Юрий Леонидович Зорванов"),  # 0.55 before
        ("Û. L. ZORVANOV", "Iury Leonidovich ZORVANOV"),  # 0.55 before: ISO 9
        ("M. YA. ZORVANOVICH", "Maxim Yakaulevich ZORVANOVICH"),  # 0.54 before
        ("M. Â. ZORVANOVIČ", "Maxim Yakovlevich ZORVANOVICH"),  # 0.54 before
        ("Ye. V. ZORVINA", "Alena Vasileuna ZORVINA"),  # 0.60 before: Yelena
        ("Я. Л. Зорванов", "Iakov Leonidovich ZORVANOV"),  # 0.55 before
        ("I. C. ZORVACIN", "Ihar Tsimafeevich ZORVATSIN"),  # 0.54 before: ISO 9 writes Ц as C
        ("A. C. ZORVASAVA", "Alena Tsimafeeuna ZORVASAVA"),  # 0.58 before
        ("Joe. L. Zorvakaw", "Iury Leanidavich ZORVAKAU"),  # 0.55 before: Dutch writes Ю as joe
        ("Iu. Ci. Zorvîr", "Yulia Chaslavauna ZORVYR"),  # 0.47 before: Romanian writes Ч as ci
        ("Zorvir Iu.tx.", "Yulia Chaslavauna ZORVYR"),  # 0.46 before: Catalan writes Ч as tx
    ],
)
def test_an_initial_romanised_as_two_letters_is_one_initial(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ya. L. Zorvanov", "Iury Leonidovich ZORVANOV"),  # Я is not Ю
        ("U. L. Zorvanov", "Yakov Leonidovich ZORVANOV"),
        ("Yu Zorvanov", "Iury Leonidovich ZORVANOV"),  # Yu without its stop is a name of its own
        ("I. C. ZORVACIN", "Ihar Sergeevich ZORVATSIN"),
        ("Iu. Ci. Zorvîr", "Yulia Siarheeuna ZORVYR"),
    ],
)
def test_an_initial_still_differs_from_other_letters(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


def test_the_initial_reading_is_only_where_the_initial_has_its_stop() -> None:
    with_stop = {v.system for v in name_variants("Yu. Zorvanov", NameKind.PERSON)}
    without = {v.system for v in name_variants("Yu Zorvanov", NameKind.PERSON)}
    assert any(system.endswith("+initial") for system in with_stop)
    assert not any(system.endswith("+initial") for system in without)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # 0.39 before: AB read as a Lithuanian legal form cut аб'яднанне (association) in two.
        ("Dzarzaunae vytvorcae ab'adnanne 'Zorvexnafta'", "State Production Association 'Zorvexnafta'"),
        ("Dziarzhaunae vytvorchae ab’yadnanne Zorvexnafta", "State Production Association Zorvexnafta"),
        ("OOO ‘ZORVULʹKA-BYELʺ", "Zorvulka Bel"),  # 0.35 before: BGN's hard sign in a short word
        # 0.76 before: the Ukrainian limited liability company in ISO 9 without its marks.
        (
            "Naukovo-virobnice tovaristvo z obmezenou vidpovidal'nistu 'ZKB TSP'",
            "ZKB TSP Scientific Production LLC",
        ),
        ("TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU ZORVEX", "Zorvex LLC"),
        ("Aktsionerne tovarystvo Zorvex", "Zorvex JSC"),
    ],
)
def test_belarusian_and_ukrainian_company_names_in_latin_letters(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AB Zorvex", "Zorvex"),  # a Lithuanian AB written apart is still a legal form
        ("Zorvex AB", "Zorvex"),
    ],
)
def test_a_legal_form_written_apart_is_still_one(query: str, listed: str) -> None:
    assert company(query, listed) == 1.0


def test_a_short_word_written_otherwise_is_still_another_word() -> None:
    assert company("Zorvulka Bor", "Zorvulka Bel") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Iwan Uladziiravitj Zorvakou",
            "Ivan Uladzimiravich ZORVAKOU",
        ),  # 0.43 before: Swedish -vitj and a slip
        (
            "Alexander Nilolaevici Zorvaitsev",
            "Alexander Nikolaevich ZORVAITSEV",
        ),  # 0.51 before: Romanian -vici
        ("Denis Anatoloevitx ZORVENKOV", "Denis Anatolievich ZORVENKOV"),  # 0.49 before: Catalan -vitx
    ],
)
def test_a_slip_in_a_patronymic_with_a_foreign_ending(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Iwan Uladziiravitj Zorvakou", "Ivan Uladzimirauna ZORVAKOU"),  # a son is no daughter
        ("Denis Anatolovitx ZORVENKOV", "Denis Anatolievich ZORVENKOVA"),
        ("Alexander Nilolaevici Zorvaitsev", "Alexander Aleksandrovich ZORVAITSEV"),  # another father
    ],
)
def test_a_patronymic_with_a_foreign_ending_still_tells_people_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


def _vessel(query: str, listed: str) -> float:
    return score(query, listed, schema="Vessel")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "AK. A. ZORVANOVSKIY",
            "AKADEMIK ALEKSANDR ZORVANOVSKIY",
        ),  # 0.66 before: A. read as a numbering letter
        ("KAPITAN V. ZORVANOV", "KAPITAN VLADIMIR ZORVANOV"),
    ],
)
def test_an_initial_in_a_ships_name_stands_for_a_name(query: str, listed: str) -> None:
    assert _vessel(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AKADEMIK B. ZORVANOVSKIY", "AKADEMIK ALEKSANDR ZORVANOVSKIY"),
        ("ZORVEX D", "ZORVEX R"),  # a letter that numbers a ship
        ("A ZORVEX", "B ZORVEX"),  # without its stop a letter still numbers (0.33 before and after)
    ],
)
def test_a_ships_letters_still_tell_ships_apart(query: str, listed: str) -> None:
    assert _vessel(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("B.S. Zorvex", "K.T. Zorvex"),  # 1.00 before: both pairs of letters were dropped
        ("Zorvex B.S. Ltd", "Zorvex K.T. Ltd"),
    ],
)
def test_two_companies_of_other_dotted_initials_are_two(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("B.S. Zorvex", "BS Zorvex"),
        ("B.S. Zorvex", "B.S. Zorvex Ltd"),
        ("B.S. Zorvex", "Zorvex"),
        ("JSC Minsk Zorvex Plant named after S.I. Zorvanov", "OAO MZZ imeni S.I. Zorvanova"),
    ],
)
def test_dotted_initials_alike_or_written_once_still_meet(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEXIMPORT", "VO ZORVEXIMPORT"),  # 0.80 before: VO left over
        ("ZORVEKSIMPORT", "VO ZORVEXIMPORT FGUP"),
        (
            "LIMITED LIABILITY COMPANY FOREIGN ECONOMIC ASSOCIATION ZORVEXPORT",
            "OOO VO ZORVEXPORT",
        ),  # 0.50 before
        ("ВО «Зорвексимпорт»", "VO ZORVEXIMPORT"),
    ],
)
def test_a_foreign_economic_association_by_its_initials(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


def test_two_foreign_economic_associations_are_told_apart_by_their_names() -> None:
    assert company("VO ZORVEXIMPORT", "VO PLUTONIQIMPORT") < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Elena Jorvița", "Alena Aliaksandravna ZHORVITSA"),  # 0.78 before: Romanian ț is ц and j is ж
        ("E. A. Jorvița", "Alena Aliaksandravna ZHORVITSA"),
        ("Taras Șorvcenco", "Taras Shorvchenko"),  # ș is ш
    ],
)
def test_romanian_letters_read_as_the_sounds_they_write(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


def test_a_romanian_name_without_its_marks_still_meets_itself() -> None:
    assert score("Ion Țorviac", "Ion Torviac") == 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEX HOLDINGS Lomited", "ZORVEX HOLDINGS LIMITED"),  # 0.27 before: the slip made Lomited a name
        ("SCIENTIFIC TECHNICAL Ceter ZORVEX", "SCIENTIFIC TECHNICAL CENTER ZORVEX"),  # 0.48 before
        ("Stae SECURITY COMMITTEE OF ZORVANIA", "STATE SECURITY COMMITTEE OF ZORVANIA"),  # 0.54 before
        ("CLOSED Joont STOCK COMPANY ZORVEX-OIL", "CLOSED JOINT STOCK COMPANY ZORVEX-OIL"),  # 0.73 before
        ("OPEN JOINT Sotck COMPANY ZORVEXGOMEL", "OPEN JOINT STOCK COMPANY ZORVEXGOMEL"),  # 0.75 before
        ("ZORVEX DANISMANLIK LIMITED Sireti", "ZORVEX DANISMANLIK LIMITED SIRKETI"),  # 0.48 before
    ],
)
def test_a_slip_in_a_generic_word_the_other_name_writes(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Stake Holdings",
            "State Holdings",
        ),  # a name one slip from a generic word, where nothing else names it
        ("ZORVEX Plutoniq", "ZORVEX Limited"),
    ],
)
def test_a_name_one_slip_from_a_generic_word_is_still_a_name(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # 0.95 before: a body and a directorate of it are two.
        (
            "ZORVEX CITY EXECUTIVE COMMITTEE",
            "MAIN INTERNAL AFFAIRS DIRECTORATE OF THE ZORVEX CITY EXECUTIVE COMMITTEE",
        ),
        (
            "ZORVEX OBLAST EXECUTIVE COMMITTEE",
            "DIRECTORATE OF INTERNAL AFFAIRS OF THE ZORVEX OBLAST EXECUTIVE COMMITTEE",
        ),
        # 0.87 before
        (
            "STATE ZORVEX COMMITTEE OF ZORVANIA",
            "DEPARTMENT OF FINANCIAL INVESTIGATIONS OF THE STATE ZORVEX COMMITTEE OF ZORVANIA",
        ),
        # 0.92 before: a committee named like the department's words is neither
        (
            "INVESTIGATIVE COMMITTEE OF ZORVANIA",
            "DEPARTMENT OF FINANCIAL INVESTIGATIONS OF THE STATE ZORVEX COMMITTEE OF ZORVANIA",
        ),
    ],
)
def test_a_body_is_not_a_unit_of_it(query: str, listed: str) -> None:
    assert 0.5 <= company(query, listed) < 0.8
    assert company(listed, query) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "FINANCIAL INVESTIGATIONS DEPARTMENT",
            "DEPARTMENT OF FINANCIAL INVESTIGATIONS OF THE STATE CONTROL COMMITTEE OF THE REPUBLIC OF BELARUS",
        ),
        (
            "DIRECTORATE OF INTERNAL AFFAIRS OF THE ZORVEX OBLAST EXECUTIVE COMMITTEE",
            "DIRECTORATE OF INTERNAL AFFAIRS OF THE ZORVEX OBLAST EXECUTIVE COMMITTEE",
        ),
        (
            "STATE ZORVEX COMMITTEE",
            "STATE ZORVEX COMMITTEE OF THE REPUBLIC OF ZORVANIA",
        ),  # a state is no parent body
        ("ZGU", "ZGU – Main Economic Department of the Presidential Administration"),
    ],
)
def test_a_unit_named_by_its_own_words_still_meets(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # 0.52 before: a slip in a dictionary word both names write.
        ("ZORVEX Seel WORKS", "ZORVEX STEEL WORKS"),
        ("Close JOINT-STOCK COMPANY ZORVEX", "CLOSED JOINT-STOCK COMPANY ZORVEX"),  # 0.60 before
    ],
)
def test_a_slip_in_a_dictionary_word_or_a_legal_form(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


def test_a_word_cut_short_is_still_another_form() -> None:
    assert company("ZORVEX Inves LLC", "ZORVEX INVEST LLC") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Blck ZORVEX COMPANY", "BLACK ZORVEX COMPANY"),  # 0.39 before: keys blk and blak allow no slip
        ("Shocck ZORVEX CLUB", "SHOCK ZORVEX CLUB"),  # 0.30 before
        ("KGB Alphs", "KGB ALPHA"),  # 0.46 before
    ],
)
def test_a_slip_in_a_short_word_that_names_the_company(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Blck ZORVEX COMPANY", "BLOCK PLUTONIQ COMPANY"),  # nothing else in common
        ("ZORVEX Inves LLC", "ZORVEX INVEST LLC"),  # cut short: another form
        ("Alba ZORVEX Bank", "Alfa ZORVEX Bank"),  # four letters: no slip
    ],
)
def test_a_short_word_one_slip_away_still_tells_companies_apart(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "ОАО «Авиаомпания Зорвекс»",
            "Open Joint Stock Company Zorvex Airlines",
        ),  # 0.18 before: a slip in авиакомпания
        ("ООО «Зорвекс грйпп»", "Zorvex Group LLC"),  # 0.39 before
        ("ОАО «Зорвекс каийная компания»", "Zorvex Potash Company"),  # 0.30 before
        ("Цэнтральная выбарчая камсіія Зорваніі", "Central Election Commission of Zorvania"),  # 0.41 before
    ],
)
def test_a_slip_in_a_cyrillic_word_that_says_what_kind_of_company(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ООО «Зорвекс грйпп»", "Plutoniq Group LLC"),  # the word mended, the names still differ
        ("ООО «Лидэр»", "Zorvex Leader LLC"),
    ],
)
def test_a_mended_cyrillic_word_names_no_company(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8
