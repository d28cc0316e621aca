"""The one error type of evidence services: its message is shown to the user as it is."""


class EvidenceError(Exception):
    pass
