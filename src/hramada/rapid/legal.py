"""The legal bases and listing criteria of the EU Belarus regime a proposal may rest on.

Council Decision 2012/642/CFSP sets the travel ban (Article 3(1)) and the asset freeze (Article 4(1)) and their
criteria; Council Regulation (EC) No 765/2006 implements the freeze: Article 2(1) freezes the funds of those in
Annex I, and Article 2(4) says who Annex I consists of *by reference to the Decision*. The Regulation's paragraph
carries no criteria letters of its own (Article 2 as the proposal COM(2011) 26 replaced it, adopted as Regulation
(EU) No 84/2011, whose own text was not read), so no letter is cited on the Regulation's side. The letters cited on the Decision's
side follow the order of the criteria in the recitals of Regulation (EU) 2022/212. One is confirmed by a court:
the General Court's judgment in T-115/22 *Belshyna v Council* (ECLI:EU:T:2024:187) cites the regime-support
criterion as Article 4(1)(b) of the Decision (as amended by Decisions (CFSP) 2021/2125 and 2023/421). The others
were not read in the consolidated operative text: the page says so, and the analyst checks them against EUR-Lex
02012D0642 before a package leaves (docs/rapid-response.md, "What was checked").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The EU journal file's programme key and measure for Annex I of Regulation 765/2006 (sanctions importer).
PROGRAMME_KEY = "EU-BLR"
ANNEX = "I"
MEASURE = "Asset freeze"
REGULATION_CELEX = "32006R0765"


class LegalBasis(models.TextChoices):
    BELARUS = "belarus", _("Regulation (EC) No 765/2006 and Decision 2012/642/CFSP (Belarus)")


class Criterion(models.TextChoices):
    HUMAN_RIGHTS = (
        "human_rights",
        _("Serious human-rights violations or repression of civil society and opposition"),
    )
    REGIME_SUPPORT = "regime_support", _("Benefiting from or supporting the Lukashenka regime")
    WAR_SUPPORT = "war_support", _("Facilitating or supporting Russia's military aggression against Ukraine")


REGULATION_CITATION = "Regulation (EC) No 765/2006, Article 2(1) and (4), Annex I"


@dataclass(frozen=True)
class Citation:
    decision: str
    regulation: str
    wording: Promise
    letters_verified: bool = False
    """Whether every point letter of ``decision`` was confirmed (none so far: the travel-ban letters are unread)."""
    confirmed: str = ""
    """The part of ``decision`` that was confirmed, and by what source (shown on the proposal page)."""


CITATIONS: dict[str, Citation] = {
    Criterion.HUMAN_RIGHTS: Citation(
        "Decision 2012/642/CFSP, Articles 3(1)(a) and 4(1)(a)",
        REGULATION_CITATION,
        _(
            "responsible for serious violations of human rights or the repression of civil society and democratic "
            "opposition, or whose activities otherwise seriously undermine democracy or the rule of law in Belarus"
        ),
    ),
    Criterion.REGIME_SUPPORT: Citation(
        "Decision 2012/642/CFSP, Articles 3(1)(b) and 4(1)(b)",
        REGULATION_CITATION,
        _("benefiting from or supporting the Lukashenka regime"),
        confirmed="Article 4(1)(b): General Court, T-115/22 Belshyna v Council, ECLI:EU:T:2024:187",
    ),
    # Not point (c): Decision (CFSP) 2021/1990 had already added a third criterion (the regime's facilitation of
    # illegal crossings of the Union's borders) before this one was added after March 2022; which letter the
    # consolidated text gives it could not be confirmed (docs/rapid-response.md), so none is claimed.
    Criterion.WAR_SUPPORT: Citation(
        "Decision 2012/642/CFSP, Articles 3(1) and 4(1), the point on Russia's aggression against Ukraine",
        REGULATION_CITATION,
        _(
            "facilitating, supporting or otherwise contributing to Russia's military aggression against Ukraine"
        ),
    ),
}


def citation(criterion: str) -> Citation:
    return CITATIONS[criterion]
