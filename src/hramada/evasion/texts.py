"""Messages of evasion's framework-free modules, translated where they are shown.

A module that imports no Django cannot call gettext. It builds a :class:`Text` instead, with ``_`` below: the
English message (``_`` is a keyword makemessages and the catalogue test extract) and its values. A Text *is* the
English string, so exceptions, logs and the framework-free tests read it as before; the pages show it translated
through ``evasion_tags.translated``, which looks the message up in the catalogue and fills in the values (a value
that is itself a Text is translated first). Stored results keep ``to_json()`` so they are translated when read.
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """An English message (``%(name)s`` placeholders, ``%%`` for a percent sign) and its values; the str is
    the filled-in English."""

    message: str
    values: dict[str, Any]

    def __new__(cls, message: str, **values: Any) -> Text:
        self = super().__new__(cls, message % values)  # a literal percent sign is written %%
        self.message = message
        self.values = values
        return self

    def __reduce__(self) -> Any:
        return (_text, (self.message, self.values))

    def to_json(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "values": {k: v.to_json() if isinstance(v, Text) else v for k, v in self.values.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Text:
        values = {
            k: cls.from_json(v) if isinstance(v, dict) and "message" in v else v
            for k, v in (data.get("values") or {}).items()
        }
        return cls(data["message"], **values)


def _text(message: str, values: dict[str, Any]) -> Text:
    return Text(message, **values)


def _(message: str, **values: Any) -> Text:
    """Mark ``message`` for translation and keep its values: the Text is translated where it is shown."""
    return Text(message, **values)


def problem_of(exc: BaseException) -> str:
    """The message an exception was raised with, still a Text when it was built as one."""
    first = exc.args[0] if exc.args else ""
    return first if isinstance(first, Text) else str(exc)
