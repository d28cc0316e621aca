"""placeholder"""

from collections.abc import Iterator
from typing import Any

KEY = "ofac_sdn"
SDN_COLUMNS = 12


def parse(path: Any, **options: Any) -> Iterator[list[Any]]:
    raise NotImplementedError
    yield []
