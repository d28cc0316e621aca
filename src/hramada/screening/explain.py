"""What a screening result says about itself: which names met, how, and what each feature added or took.

These objects cross boundaries (Django, the yente-style API, CSV/JSON files), so they are frozen and turn into
plain dicts with `to_dict()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hramada.screening.names import NameComparison
from hramada.screening.transliterate import system_label


@dataclass(frozen=True)
class Reason:
    """One feature's part in a score."""

    feature: str
    value: float
    weight: float
    detail: str

    @property
    def contribution(self) -> float:
        return round(self.value * self.weight, 4)

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "value": round(self.value, 4),
            "weight": self.weight,
            "contribution": self.contribution,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class NameEvidence:
    """The query name and listed name that met best, and through what."""

    query_name: str
    listed_name: str
    query_system: str
    listed_system: str
    similarity: float
    parts: tuple[tuple[str, str, float, str | None], ...]
    unmatched_query: tuple[str, ...] = ()
    unmatched_listed: tuple[str, ...] = ()
    counted: float | None = None
    """The score the pair counts as names, where a rule on whole names lowers it below `similarity`."""
    counted_because: str | None = None
    """Why it counts `counted` (`names.counted_less_because`)."""

    @classmethod
    def from_comparison(
        cls, comparison: NameComparison, counted: float | None = None, because: str | None = None
    ) -> NameEvidence:
        """The evidence of a pair of names; with `counted` and `because`, the score the pair counts and why, where
        that is less than its parts' (`similarity`)."""
        if counted is None or because is None:
            counted, because = None, None  # noted only with its reason
        return cls(
            query_name=comparison.query.original,
            listed_name=comparison.listed.original,
            query_system=comparison.query.system,
            listed_system=comparison.listed.system,
            similarity=round(comparison.score, 4),
            parts=tuple((p.query_word, p.listed_word, p.similarity, p.equivalence) for p in comparison.pairs),
            unmatched_query=comparison.unmatched_query,
            unmatched_listed=comparison.unmatched_listed,
            counted=round(counted, 4) if counted is not None else None,
            counted_because=because,
        )

    def describe(self) -> str:
        """`"Aleh Yurchyk" met "YURCHIK, Oleg" (the listed name read as written): aleh~oleg (1.00), ...`"""
        how = []
        if self.query_system != "latin":
            how.append(f"the query read by {system_label(self.query_system)}")
        if self.listed_system != "latin":
            how.append(f"the listed name read by {system_label(self.listed_system)}")
        via = f" ({'; '.join(how)})" if how else ""
        parts = []
        for q, listed, sim, equivalence in self.parts:
            text = f"{q} = {listed}" if sim >= 1.0 else f"{q} ~ {listed} ({sim:.2f})"
            if equivalence:
                text += f" [{equivalence}]"
            parts.append(text)
        sentence = (
            f'"{self.query_name}" met "{self.listed_name}"{via}: {", ".join(parts) or "no parts agree"}'
        )
        if self.unmatched_query:
            sentence += f"; only in the query: {' '.join(self.unmatched_query)}"
        if self.unmatched_listed:
            sentence += f"; only in the list: {' '.join(self.unmatched_listed)}"
        if self.counted is not None and self.counted_because:
            sentence += f"; the names count {self.counted:.2f} as a whole: {self.counted_because}"
        return sentence + "."

    def to_dict(self) -> dict[str, Any]:
        return {
            "query_name": self.query_name,
            "listed_name": self.listed_name,
            "query_system": self.query_system,
            "listed_system": self.listed_system,
            "similarity": self.similarity,
            "parts": [
                {"query": q, "listed": listed, "similarity": sim, "equivalence": eq}
                for q, listed, sim, eq in self.parts
            ],
            "unmatched_query": list(self.unmatched_query),
            "unmatched_listed": list(self.unmatched_listed),
            "counted": self.counted,
            "counted_because": self.counted_because,
        }


@dataclass(frozen=True)
class ScreeningResult:
    """One listed entity scored against a query. `features` follows yente's /match shape (name -> value)."""

    entity_id: str
    schema: str
    caption: str
    score: float
    match: bool
    features: dict[str, float]
    reasons: tuple[Reason, ...]
    name_evidence: NameEvidence | None
    datasets: tuple[str, ...] = ()
    sanctions: tuple[dict[str, list[str]], ...] = field(default=())
    query_id: str | None = None

    @property
    def explanation(self) -> str:
        """The result in sentences an analyst reads."""
        verdict = "Match" if self.match else "Possible match" if self.score >= 0.5 else "Unlikely"
        lines = [f"{verdict}: {self.caption} ({self.schema}, {self.entity_id}), score {self.score:.2f}."]
        if self.name_evidence is not None:
            lines.append(self.name_evidence.describe())
        for reason in self.reasons:
            if reason.value and reason.detail:
                sign = "+" if reason.contribution >= 0 else ""
                lines.append(f"{reason.feature} {sign}{reason.contribution:.2f}: {reason.detail}")
        for sanction in self.sanctions:
            programs = ", ".join(sanction.get("program", []) + sanction.get("authority", []))
            if programs:
                lines.append(f"Listed under: {programs}.")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entity_id,
            "schema": self.schema,
            "caption": self.caption,
            "score": round(self.score, 4),
            "match": self.match,
            "features": {k: round(v, 4) for k, v in self.features.items()},
            "reasons": [r.to_dict() for r in self.reasons],
            "name_evidence": self.name_evidence.to_dict() if self.name_evidence else None,
            "explanation": self.explanation,
            "datasets": list(self.datasets),
            "sanctions": list(self.sanctions),
            "query_id": self.query_id,
        }
