"""Demo data for the evasion pages, loaded by `make run` (idempotent).

Real: the listed parties (Belaruskali, the Belarusian Potash Company, Slavkali, Belavia from OFAC's SDN list), the
tanker ARTAVIL (IMO 9187629, formerly ALPHA, on the SDN list) and the Bitcoin address 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h
(SDN list). Invented and marked DEMO: every company whose name starts with "DEMO", the shareholdings that tie them to
the listed parties, the vessel's later name DEMO NORTHERN STAR, the goods watch list rows, the shipments, and the
transfers, which are generated here from a fixed seed between generated (valid, but nobody's) Bitcoin addresses.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

import base58

from hramada.core.models import User
from hramada.core.roles import AccountKind
from hramada.evasion import services
from hramada.evasion.models import Dataset, ShipmentScreening

LISTED_XBT = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"  # OFAC SDN, "Digital Currency Address - XBT"
SOURCE = "DEMO: invented for the demonstration (docs/evasion.md); listed parties are real"


def demo_address(seed: str) -> str:
    """A valid mainnet P2PKH address derived from a seed (nobody holds its key)."""
    return base58.b58encode_check(b"\x00" + hashlib.sha256(seed.encode()).digest()[:20]).decode()


def demo_transfers() -> bytes:
    """Listed → hop1 → hop2 → customer, plus noise between customers; generated, fixed."""
    a, b, customer = demo_address("demo-hop-1"), demo_address("demo-hop-2"), demo_address("demo-customer")
    others = [demo_address(f"demo-other-{i}") for i in range(6)]
    start = datetime(2024, 3, 1, tzinfo=UTC)
    rows = [
        ("demo-tx-1", LISTED_XBT, a, "1.75"),
        ("demo-tx-2", a, b, "1.7"),
        ("demo-tx-3", b, customer, "0.9"),
        ("demo-tx-4", b, others[0], "0.8"),
    ]
    rows += [(f"demo-tx-{5 + i}", others[i], others[i + 1], "0.05") for i in range(5)]
    lines = ["tx_id,time,from,to,asset,amount"]
    for i, (tx, sender, receiver, amount) in enumerate(rows):
        lines.append(f"{tx},{(start + timedelta(hours=i)).isoformat()},{sender},{receiver},XBT,{amount}")
    return ("\n".join(lines) + "\n").encode()


def demo_tagpack() -> bytes:
    return (
        "title: DEMO tags\ncreator: Hramada demo\ncurrency: BTC\nsource: https://sanctionssearch.ofac.treas.gov/\n"
        "tags:\n"
        f"  - address: {LISTED_XBT}\n    label: OFAC SDN digital currency address\n    category: sanction\n"
        f"  - address: {demo_address('demo-customer')}\n    label: DEMO customer deposit address\n"
        "    category: exchange\n"
    ).encode()


def _actor() -> User:
    user, created = User.objects.get_or_create(username="demo-evasion", defaults={"kind": AccountKind.STAFF})
    if created:
        user.set_unusable_password()  # signs the demo's imports; nobody signs in as it
        user.save()
    return user


def _file(name: str) -> bytes:
    return (resources.files("hramada.evasion") / "demo_data" / name).read_bytes()


def load(say: Any) -> None:
    by = _actor()
    imports = [
        (Dataset.Kind.SHAREHOLDINGS, "shareholdings.csv", _file("shareholdings.csv"), "DEMO shareholdings"),
        (Dataset.Kind.VESSELS, "vessels.csv", _file("vessels.csv"), "DEMO vessel register"),
        (Dataset.Kind.GOODS, "goods.csv", _file("goods.csv"), "DEMO goods watch list"),
        (Dataset.Kind.TRANSFERS, "transfers.csv", demo_transfers(), "DEMO transfers (generated)"),
        (Dataset.Kind.TAGPACK, "tags.yaml", demo_tagpack(), "DEMO TagPack"),
    ]
    for kind, file_name, data, name in imports:
        try:
            services.import_dataset(
                kind=kind, data=data, file_name=file_name, name=name, source=SOURCE, by=by, is_demo=True
            )
        except services.AlreadyImportedError:
            continue
        say(f"Evasion demo: imported {name}.")
    shipments = _file("shipments.csv")
    if not ShipmentScreening.objects.filter(sha256=hashlib.sha256(shipments).hexdigest()).exists():
        screening = services.screen_shipment_file(data=shipments, file_name="DEMO-shipments.csv", by=by)
        say(f"Evasion demo: screened {screening.row_count} shipments, {screening.flagged_count} flagged.")
