"""Models of the shared core, one module per theme."""

from hramada.core.models.accounts import RoleGrant, User
from hramada.core.models.api_keys import ApiKey
from hramada.core.models.audit import AuditChainHead, AuditEntry
from hramada.core.models.progress import TaskProgress
from hramada.core.models.staff import StaffApproval, StaffInvitation

__all__ = [
    "ApiKey",
    "AuditChainHead",
    "AuditEntry",
    "RoleGrant",
    "StaffApproval",
    "StaffInvitation",
    "TaskProgress",
    "User",
]
