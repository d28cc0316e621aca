from hramada.core.roles import Role

READ_ROLES = frozenset({Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.ADMINISTRATOR})
