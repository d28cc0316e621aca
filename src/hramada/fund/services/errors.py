"""Refusals of the fund services: each carries the message shown to the person who asked."""

from __future__ import annotations

from hramada.fund.workflow import TransitionRefused


class FundError(Exception):
    """A refusal with a message for the person who asked."""


class AmountRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


class ReallocationRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


class ConflictOfInterest(FundError):  # noqa: N818 (named for what the user meets)
    pass


class HeldForScreening(FundError):  # noqa: N818 (named for what the user meets)
    pass


class TrancheRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


class AttachmentRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


__all__ = [
    "AmountRefused",
    "AttachmentRefused",
    "ConflictOfInterest",
    "FundError",
    "HeldForScreening",
    "ReallocationRefused",
    "TrancheRefused",
    "TransitionRefused",
]
