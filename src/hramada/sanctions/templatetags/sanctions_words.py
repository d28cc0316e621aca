"""Words of the screening engine that a sanctions page shows, in the reader's language."""

from __future__ import annotations

from django import template
from django.utils.translation import pgettext_lazy

register = template.Library()


def _f(text: str) -> object:
    return pgettext_lazy("screening feature", text)


# hramada.screening.features.FEATURES, by name: the "Feature" column of a screening result.
FEATURE_LABELS = {
    "name_similarity": _f("Name similarity"),
    "identifier_matches": _f("Same identifier"),
    "identifier_conflicts": _f("Different identifier"),
    "birth_date_matches": _f("Same date of birth"),
    "birth_year_matches": _f("Same year of birth"),
    "birth_date_conflicts": _f("Different date of birth"),
    "gender_matches": _f("Same gender"),
    "gender_conflicts": _f("Different gender"),
    "country_matches": _f("Same country"),
    "country_conflicts": _f("Different country"),
    "schema_conflicts": _f("Different kind of party"),
}


@register.filter
def screening_feature(name: str | None) -> str:
    """``{{ reason.feature|screening_feature }}``: "birth_date_matches" as a reader says it."""
    label = FEATURE_LABELS.get(name or "")
    return str(label) if label is not None else (name or "")
