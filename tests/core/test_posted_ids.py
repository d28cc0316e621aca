"""Ids named in request parameters: plain ASCII digits within a database key's range, or no record at all."""

from __future__ import annotations

import pytest

from hramada.core.posted_ids import LARGEST_ID, posted_id, posted_ids


@pytest.mark.parametrize(("raw", "expected"), [("12", 12), (" 7 ", 7), (str(LARGEST_ID), LARGEST_ID)])
def test_a_whole_number_names_that_record(raw: str, expected: int) -> None:
    assert posted_id(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [None, "", "abc", "-1", "0", "1.5", "²", "١٢", "1\x00", str(LARGEST_ID + 1), "9" * 40, ["1"]],
)
def test_anything_else_names_no_record(raw: object) -> None:
    assert posted_id(raw) is None


def test_a_list_keeps_the_ids_in_order_and_drops_the_rest() -> None:
    assert posted_ids(["3", "²", "abc", "1", "99999999999999999999"]) == [3, 1]
