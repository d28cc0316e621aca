"""Every change of fund state, one function per use case, split by theme into the modules of this package.

Each service takes the acting user as `by=`, runs in one transaction, writes its audit row inside it, locks the rows
whose money it changes, and sends notifications only after commit. A refusal raises a `FundError` whose message is
shown to the user as it is. Callers import from here (`hramada.fund.services.approve`); the sanctions side calls
`rescreen_all(by=None)` after a list changes.
"""

from hramada.fund.services.applications import (
    RAPID_ELIGIBILITY,
    NewAccount,
    add_attachment,
    applicant_of,
    completeness_problems,
    create_draft,
    eligibility_problems,
    register_applicant,
    save_draft,
    send_message,
    submit,
    take,
)
from hramada.fund.services.budget import (
    allocate,
    approve_reallocation,
    reject_reallocation,
    request_reallocation,
    update_policy,
)
from hramada.fund.services.common import (
    parse_amount,
)
from hramada.fund.services.decisions import (
    approve,
    recommend,
    record_review,
    reject,
    required_reviews,
)
from hramada.fund.services.errors import (
    AmountRefused,
    AttachmentRefused,
    ConflictOfInterest,
    FundError,
    HeldForScreening,
    ReallocationRefused,
    TrancheRefused,
    TransitionRefused,
)
from hramada.fund.services.grants import (
    PlannedTranche,
    give_payment_details,
    release_tranche,
    review_report,
    set_up_agreement,
    submit_report,
)
from hramada.fund.services.holds import (
    decide_hold,
    forget_cleared_holds,
    rescreen_all,
    rescreen_application,
)
from hramada.fund.services.housekeeping import (
    erase_expired_personal_data,
    escalate_decision_clocks,
)

__all__ = [
    "RAPID_ELIGIBILITY",
    "AmountRefused",
    "AttachmentRefused",
    "ConflictOfInterest",
    "FundError",
    "HeldForScreening",
    "NewAccount",
    "PlannedTranche",
    "ReallocationRefused",
    "TrancheRefused",
    "TransitionRefused",
    "add_attachment",
    "allocate",
    "applicant_of",
    "approve",
    "approve_reallocation",
    "completeness_problems",
    "create_draft",
    "decide_hold",
    "eligibility_problems",
    "erase_expired_personal_data",
    "escalate_decision_clocks",
    "forget_cleared_holds",
    "give_payment_details",
    "parse_amount",
    "recommend",
    "record_review",
    "register_applicant",
    "reject",
    "reject_reallocation",
    "release_tranche",
    "request_reallocation",
    "required_reviews",
    "rescreen_all",
    "rescreen_application",
    "review_report",
    "save_draft",
    "send_message",
    "set_up_agreement",
    "submit",
    "submit_report",
    "take",
    "update_policy",
]
