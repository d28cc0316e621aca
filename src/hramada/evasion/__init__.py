"""Sanctions evasion: who is covered by a listing through ownership and control (OFAC's 50 Percent Rule and the EU
test, each with its path), vessels found by IMO whatever their current name, shipment files screened party by party,
vessel by vessel and HS code by HS code, and crypto addresses' exposure to listed wallets.

The lists are read only through :mod:`hramada.evasion.listed`; the graph, rules and parsers are framework-free.
See docs/evasion.md.
"""

__all__: list[str] = []
