"""Round fifty-six (docs/screening.md): a query of one word the index does not know is also read as the listed parts
it can be cut into (a name glued together), and that guessed reading brings candidates of its own after the written
word's, so a company known by one word and written with a slip or a foreign ending (Belaruskalija) is not crowded out
of the candidates by the names of a part the cut guessed (Belarus); and a one-part query that folding puts two
letters from its listing (Vneaheconombank) looks up its two-letter deletions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import Query, ScreeningIndex, Thresholds, screen
from hramada.screening.retrieval import FAR_TYPO_WEIGHT, KEY_WEIGHTS, variant_keys
from hramada.screening.score import glued_variants, query_variants


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        ("Belaruskalija", "BELARUSKALI"),  # a foreign ending
        ("Belaruskalia", "BELARUSKALI"),
        ("Belaruskaliya", "BELARUSKALI"),
        ("Belsruskali", "BELARUSKALI"),  # one letter changed
        ("Belatuskaliy", "BELARUSKALI"),
        ("Belnaftaheaz", "BELNEFTEGAZ"),  # one added to Belnaftagaz, its Belarusian name
        ("Akrestmina", "AKRESTSINA"),
        ("Prommvyazbank", "PROMSVYAZBANK"),  # cut as pra mm vaz bank
        ("Globavoentraiding", "GLOBALVOENTREYDING"),
    ],
)
def test_a_one_word_name_with_a_slip_finds_its_listing(
    bundled_index: ScreeningIndex, typed: str, listed: str
) -> None:
    query = Query(name=typed, schema="Organization")
    assert glued_variants(query, bundled_index), "the word is one a cut guesses parts for"
    found = screen(query, bundled_index, thresholds=Thresholds.SCREENING, limit=3)
    assert any(listed in result.caption.upper() and result.match for result in found)


def test_the_guessed_cut_still_counts_where_the_word_finds_nothing_else(
    bundled_index: ScreeningIndex,
) -> None:
    # A listed person's name glued together: the cut is the only reading that finds anything.
    found = screen(
        Query(name="LukashenkaAliaksandr", schema="Person"), bundled_index, thresholds=Thresholds.SCREENING
    )
    assert found and "LUKASHENKA" in found[0].caption.upper() and found[0].match


def _index(*names: str) -> ScreeningIndex:
    return ScreeningIndex.from_entities(
        {"id": f"c{n}", "schema": "Company", "properties": {"name": [name]}} for n, name in enumerate(names)
    )


def _republic_of_zorvex() -> ScreeningIndex:
    """A company known by one word and listed under it eleven times (legal forms before or after), and
    twenty-four bodies of the Republic of Zorvex, each listed twice."""
    forms = ("", "OAO", "JSC", "OJSC", "AAT", "PJSC")
    entities = [
        {
            "id": "kali",
            "schema": "Company",
            "properties": {
                "name": [f"{f} Zorvexkali".strip() for f in forms] + [f"Zorvexkali {f}" for f in forms[1:]]
            },
        },
        {"id": "kalija", "schema": "Company", "properties": {"name": ["Kalija Holdings"]}},
    ]
    for field in ("Sport", "Water", "Roads", "Health", "Schools", "Transport", "Energy", "Forests"):
        for body in ("Committee", "Ministry", "Agency"):
            names = [f"{body} of {field} of the Republic of Zorvex", f"Zorvex {field} {body}"]
            entities.append({"id": f"{field}{body}", "schema": "Company", "properties": {"name": names}})
    return ScreeningIndex.from_entities(entities)


def test_a_guessed_reading_takes_no_place_of_the_written_word() -> None:
    index = _republic_of_zorvex()
    query = Query(name="Zorvexkalija", schema="Organization")
    glued = glued_variants(query, index)
    assert glued and glued[0].words == ("zorvex", "kalija")
    limit = Thresholds.SCREENING.candidates
    # Both readings competing for the same places: the cut's Zorvex, on forty-eight names, takes every place the
    # company's own names do not win.
    competing = index.candidate_names(query_variants(query) + glued, limit=limit)
    assert not any(index.names[i].entity_id == "kali" for i in competing)
    # The written word's own best twenty first (its typo keys: one letter off Zorvexkali), then the guess's.
    ids = index.candidate_names(query_variants(query), limit=limit, guessed=glued)
    assert ids[:limit] == index.candidate_names(query_variants(query), limit=limit)
    assert {index.names[i].entity_id for i in ids[:11]} == {"kali"}
    assert set(competing) <= set(ids) and len(ids) <= 2 * limit and len(set(ids)) == len(ids)
    found = screen(query, index, thresholds=Thresholds.SCREENING, limit=1)
    assert found and found[0].entity_id == "kali" and found[0].match


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abdeiklnorstuvxyz", min_size=10, max_size=18))
def test_a_guess_only_adds_candidates(word: str) -> None:
    # Whatever a cut guesses, the written word's own candidates come first, and none found before a guess had
    # places of its own is lost.
    index = _republic_of_zorvex()
    query = Query(name=word, schema="Organization")
    written, glued = query_variants(query), glued_variants(query, index)
    alone = index.candidate_names(written, limit=5)
    both = index.candidate_names(written, limit=5, guessed=glued)
    assert both[: len(alone)] == alone
    assert set(index.candidate_names(written + glued, limit=5)) <= set(both)


# --- a slip that folding makes two letters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        (
            "Vneaheconombank",
            "FOREIGN ECONOMIC AFFAIRS",
        ),  # sh written ah: Vnesheconombank, listed as the state bank
        ("Uralpodsnhipnik", "URALPODSHIPNIK"),
        ("Basrhcreditbank", "URALSIB"),  # Bashcreditbank, an alias of Bank Uralsib
        ("Venispils", "VENTSPILS"),
        ("Metallmauh", "METALLMASH"),
        ("Rosnshipservis", "ROSTSHIPSERVICE"),
    ],
)
def test_a_slip_that_folds_two_letters_apart_finds_its_listing(
    bundled_index: ScreeningIndex, typed: str, listed: str
) -> None:
    found = screen(Query(name=typed, schema="Organization"), bundled_index, thresholds=Thresholds.SCREENING)
    assert any(listed in result.caption.upper() and result.match for result in found)


def test_two_letter_deletions_are_asked_only_where_nothing_nearer_is_found() -> None:
    index = _index("Zorvexkastrel Holding", "Kastrelmash")
    postings = index._postings
    (near,) = query_variants(Query(name="Zorvexkastrol", schema="Organization"))  # one letter off
    assert all(
        weight >= KEY_WEIGHTS["p"] for weight in variant_keys(near, query=True, known=postings).values()
    )
    (far,) = query_variants(Query(name="Zorvexkastrelmo", schema="Organization"))  # two letters more
    keys = variant_keys(far, query=True, known=postings)
    far_keys = {key for key, weight in keys.items() if weight == FAR_TYPO_WEIGHT}
    assert far_keys and all(key in postings for key in far_keys)
    ids = index.candidate_names([far], limit=5)
    assert ids and index.names[ids[0]].name == "Zorvexkastrel Holding"
