"""Evidence and monitoring: human-rights abuses and Russian military logistics in Belarus, documented with a chain
of custody; the political-prisoner register; dossiers on perpetrators that feed sanctions listing proposals.

Documenters work in groups; each record is visible to its owning group, to people and partner organisations it is
shared with, and to auditors, never to anyone else (access.py). Victims', witnesses' and sources' identities are
encrypted; evidence originals are kept encrypted and unchanged, with SHA-256 and SHA-512 taken as they arrived.
"""

__all__: list[str] = []
