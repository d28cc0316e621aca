"""The Belarus democracy support fund: a two-tier grant system.

Rapid-response grants answer urgent needs within days (short form, one reviewer plus a manager, one
tranche); long-term grants fund sustained work (full proposal, two or more scored reviews, an agreement with
tranches tied to accepted reports). Money lives in envelopes (programme x tier x category x year) whose
invariants the database enforces; budget moves between envelopes by audited reallocation, above a limit with
a second approver. Applications are accepted all year (rolling); applicants may be pseudonymous and their
personal data is encrypted and read only through an audited `reveal`.
"""

__all__: list[str] = []
