"""The legal bases and listing criteria of the EU Belarus regime a proposal may rest on.

Council Decision 2012/642/CFSP sets the travel ban (Article 3(1)) and the asset freeze (Article 4(1)) and their
criteria; Council Regulation (EC) No 765/2006 implements the freeze (Article 2), its Annex I listing the persons,
entities and bodies identified in accordance with Article 4(1) of the Decision. Amendments have renumbered the
points of these articles more than once: the analyst checks the point against the consolidated text (EUR-Lex
02012D0642, 02006R0765) before a package leaves (docs/rapid-response.md).
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


@dataclass(frozen=True)
class Citation:
    decision: str
    regulation: str
    wording: Promise


CITATIONS: dict[str, Citation] = {
    Criterion.HUMAN_RIGHTS: Citation(
        "Decision 2012/642/CFSP, Articles 3(1)(a) and 4(1)(a)",
        "Regulation (EC) No 765/2006, Article 2(4)(a) and Annex I",
        _(
            "responsible for serious violations of human rights or the repression of civil society and democratic "
            "opposition, or whose activities otherwise seriously undermine democracy or the rule of law in Belarus"
        ),
    ),
    Criterion.REGIME_SUPPORT: Citation(
        "Decision 2012/642/CFSP, Articles 3(1)(b) and 4(1)(b)",
        "Regulation (EC) No 765/2006, Article 2(4)(b) and Annex I",
        _("benefiting from or supporting the Lukashenka regime"),
    ),
    # Not point (c): Decision (CFSP) 2021/1990 had already added a third criterion (the regime's facilitation of
    # illegal crossings of the Union's borders) before this one was added after March 2022; which letter the
    # consolidated text gives it could not be confirmed (docs/rapid-response.md), so none is claimed.
    Criterion.WAR_SUPPORT: Citation(
        "Decision 2012/642/CFSP, Articles 3(1) and 4(1), the point on Russia's aggression against Ukraine",
        "Regulation (EC) No 765/2006, Article 2(4), the same point, and Annex I",
        _(
            "facilitating, supporting or otherwise contributing to Russia's military aggression against Ukraine"
        ),
    ),
}


def citation(criterion: str) -> Citation:
    return CITATIONS[criterion]
