"""The shared grants registry: every donor's support to Belarusian civil society in one database.

Donors (EU institutions, member-state bodies, foundations and this platform's own fund) record or import grant
records; recipients are resolved across donors (the same organisation under Belarusian, Russian and Latin names,
or a registration number); coordinators see possible double funding, gaps against their priorities and where money
concentrates; records marked public are published as IATI 2.03 and 360Giving files that never name an at-risk
recipient. A donor sees its own records in full and other donors' records at coordination level only.
"""

__all__: list[str] = []
