"""What every part of Hramada shares: accounts and roles, MFA, access checks, the audit log, encrypted personal data,
languages and background tasks.

Applicants (journalists, activists, lawyers, exile organisations) may face arrest if their identity leaks, so the safe
way is the default here: staff pages are denied unless a view names the roles that may use it, every staff account
needs a second factor, personal data is encrypted at rest and every read of it is written to a hash-chained audit log.
Nothing in `core` knows about the domain apps (fund, sanctions, registry, evidence).
"""

__all__: list[str] = []
