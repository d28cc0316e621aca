"""Helpers every fund service shares: amounts, locks, envelope entries, workflow moves, letters."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.personal_data import reveal
from hramada.core.roles import Role
from hramada.core.sealed import Sealed
from hramada.fund import letters, workflow
from hramada.fund.models import (
    Application,
    Envelope,
    EnvelopeEntry,
    Message,
    StateChange,
)
from hramada.fund.services.errors import AmountRefused, FundError
from hramada.fund.workflow import State

if TYPE_CHECKING:
    from hramada.core.models import User

CENT = Decimal("0.01")


# --- Money --------------------------------------------------------------------------------------------------


# A refusal quotes what was typed up to this many characters, so a pasted paragraph does not fill the page.
QUOTED_AMOUNT_CHARS = 40


def quoted_as_typed(value: Any) -> str:
    """What a person typed, trimmed and shortened to QUOTED_AMOUNT_CHARS, for quoting it back in a message."""
    text = str(value).strip()
    return text if len(text) <= QUOTED_AMOUNT_CHARS else text[: QUOTED_AMOUNT_CHARS - 1].rstrip() + "…"


def parse_amount(value: Any, *, typed: str | None = None) -> Decimal:
    """A positive amount with at most two decimals, or `AmountRefused` saying what is wrong with it.

    `typed` is what the person typed when `value` is a cleaned form of it (a form drops the spaces of
    "1 500,50"): a refusal quotes the person's own text, not the cleaned one."""
    shown = quoted_as_typed(value if typed is None else typed)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise AmountRefused(_("“%(value)s” is not an amount of money.") % {"value": shown}) from None
    if not amount.is_finite():
        raise AmountRefused(_("“%(value)s” is not an amount of money.") % {"value": shown})
    if amount <= 0:
        raise AmountRefused(_("The amount must be more than zero."))
    if amount >= Decimal("1e12"):
        raise AmountRefused(_("The amount is too large."))
    if amount != amount.quantize(CENT):
        raise AmountRefused(_("An amount has at most two decimals."))
    return amount


def _lock_envelope(pk: int) -> Envelope:
    return Envelope.objects.select_for_update(no_key=True).get(pk=pk)


def _lock_envelopes(*pks: int) -> dict[int, Envelope]:
    """Lock several envelopes, always in primary-key order, before anything else in the transaction (the audit
    chain head in particular): two transactions moving money between the same envelopes in opposite directions
    then queue instead of deadlocking."""
    return {pk: _lock_envelope(pk) for pk in sorted(set(pks))}


def _entry(envelope: Envelope, kind: str, amount: Decimal, note: str, by: User | None) -> None:
    EnvelopeEntry.objects.create(envelope=envelope, kind=kind, amount=amount, note=note[:500], by=_user(by))


def _user(by: User | None) -> Any:
    return by if getattr(by, "pk", None) is not None else None


def _require(by: User | None, *roles: Role) -> None:
    if by is not None and not by.has_role(*roles):
        raise FundError(_("Your role may not do this."))


def _move(application: Application, name: str, *, by: User | None, note: str = "") -> None:
    """Take one edge of the table (already checked) and write history and audit."""
    transition = workflow.BY_NAME[name]
    before = application.state
    application.state = transition.target
    if transition.target in {State.APPROVED, State.REJECTED}:
        application.decided_at = timezone.now()
    application.save()
    StateChange.objects.create(
        application=application,
        transition=name,
        from_state=before,
        to_state=transition.target,
        by=_user(by),
        note=note,
    )
    audit.record(
        action=f"fund.application.{name}",
        target=application,
        # The note is encrypted in the history (an applicant may explain a withdrawal in their own words);
        # the log only says that there was one.
        detail={"from": before, "to": transition.target, "with_note": bool(note)},
        by=by,
    )


def _given(value: Any) -> bool:
    """Whether an answer was given: a stored (sealed) value always was; a plain one unless blank."""
    return isinstance(value, Sealed) or bool(str(value or "").strip())


def _title_for_letter(application: Application, *, by: User | None) -> str:
    """The applicant's own title, quoted in a letter to them (the letter is stored encrypted too)."""
    if not isinstance(application.title, Sealed):
        return str(application.title or "")
    return str(reveal(application, "title", by=by, purpose="quoting the title in a letter to the applicant"))


def _letter(application: Application, kind: str, *, by: User | None, **values: Any) -> Message:
    title = _title_for_letter(application, by=by)
    letter = letters.render(
        kind, application.language, reference=application.reference, title=title, **values
    )
    return Message.objects.create(
        application=application, subject=letter.subject, body=letter.body, by=_user(by)
    )
