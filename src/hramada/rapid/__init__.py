"""Rapid response: sanctions listing proposals on a clock from documented violations, and relief only against
verified benchmarks.

A *proposal* names a person or entity, the legal basis and criterion of the EU Belarus regime, the statement of
reasons and the evidence behind it. It starts from an evidence dossier, a triggering event or research, runs on a
clock whose target is policy, passes legal review and approval by two other people, exports in the EU journal's
own CSV layout and as FollowTheMoney, and on adoption becomes a designation in the platform's local list (a
snapshot with a delta, like every imported list). A *relief recommendation* is drafted only with the relief
benchmarks' statuses attached. See docs/rapid-response.md.
"""

__all__: list[str] = []
