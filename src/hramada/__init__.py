"""Hramada: support for Belarusian democratic forces and pressure on the Lukashenka regime."""
