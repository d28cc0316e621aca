"""The 50% rules computed inside the database, for ownership data too large for one process's memory.

Semi-naive iteration in set-based SQL: start from the listed parties, then repeatedly add every entity whose
shares held by already-covered owners reach the threshold (``GROUP BY owned HAVING SUM(share) >= 50``), until a
round adds nothing; each entity is added once, so cycles terminate. The path of one entity is read back with a
recursive common table expression over the parent each entity was covered through. Runs on PostgreSQL (the
production database) and SQLite; the same statements run on Spark SQL when a graph outgrows one database.
Works on the imported holdings (``evasion_holding``); list links are few and stay in the in-memory graph. The EU
rule's control rights (``use_control``) are one more set-based insert a round.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db import connection

MAX_ROUNDS = 10_000


def covered_in_database(
    seeds: Iterable[str],
    *,
    threshold: Decimal = Decimal(50),
    inclusive: bool = True,
    use_control: bool = False,
    today: date | None = None,
) -> int:
    """Fill the temporary table ``evasion_covered`` (node, parent, via, round); return how many were covered
    beyond the seeds. ``inclusive``: 50% or more (OFAC, EU 2024 text); otherwise more than 50% (EU 2022).
    ``use_control`` (the EU rule): a control right held by a covered owner covers too. Only holdings in force on
    ``today`` count (an ``end_date`` before it or a ``start_date`` after it leaves a holding out)."""
    compare = ">=" if inclusive else ">"
    on_day = (today or date.today()).isoformat()  # noqa: DTZ011 (a calendar date decides whether a holding ended)
    with connection.cursor() as cursor:
        # the holdings in force today (not ended, not yet to begin: parsers.in_force), the only ones that count
        cursor.execute("DROP TABLE IF EXISTS evasion_holding_now")
        cursor.execute(
            """
            CREATE TEMPORARY TABLE evasion_holding_now AS
            SELECT owner_key, owned_key, share, control FROM evasion_holding
             WHERE (end_date = '' OR SUBSTR(end_date, 1, 10) >= %s)
               AND (start_date = '' OR SUBSTR(start_date, 1, 10) <= %s)
            """,
            [on_day, on_day],
        )
        cursor.execute("CREATE INDEX evasion_holding_now_owner ON evasion_holding_now (owner_key)")
        cursor.execute("CREATE INDEX evasion_holding_now_owned ON evasion_holding_now (owned_key)")
        cursor.execute("DROP TABLE IF EXISTS evasion_covered")
        cursor.execute(
            "CREATE TEMPORARY TABLE evasion_covered (node varchar(255) PRIMARY KEY, parent varchar(255), "
            "via varchar(40), round integer NOT NULL)"
        )
        cursor.executemany(
            "INSERT INTO evasion_covered (node, parent, via, round) VALUES (%s, NULL, NULL, 0)",
            [(seed,) for seed in sorted(set(seeds))],
        )
        added_total = 0
        for round_number in range(1, MAX_ROUNDS):
            # The parent shown is the covered owner with the largest share (ties: the smaller id).
            cursor.execute(
                f"""
                INSERT INTO evasion_covered (node, parent, via, round)
                SELECT agg.owned_key,
                       (SELECT h2.owner_key FROM evasion_holding_now h2 JOIN evasion_covered c2 ON c2.node = h2.owner_key
                         WHERE h2.owned_key = agg.owned_key AND h2.share IS NOT NULL
                         ORDER BY h2.share DESC, h2.owner_key LIMIT 1),
                       NULL, %s
                FROM (SELECT h.owned_key, SUM(h.share) AS total
                        FROM evasion_holding_now h JOIN evasion_covered c ON c.node = h.owner_key
                       WHERE h.share IS NOT NULL
                       GROUP BY h.owned_key) agg
                WHERE agg.total {compare} CAST(%s AS numeric)
                  AND NOT EXISTS (SELECT 1 FROM evasion_covered done WHERE done.node = agg.owned_key)
                """,  # noqa: S608 (compare is one of two constants)
                [round_number, threshold],
            )
            added = cursor.rowcount
            cursor.execute(
                """
                UPDATE evasion_covered SET via = (
                    SELECT CAST(MAX(h.share) AS varchar(40)) FROM evasion_holding_now h
                     WHERE h.owner_key = evasion_covered.parent AND h.owned_key = evasion_covered.node)
                 WHERE round = %s
                """,
                [round_number],
            )
            if use_control:
                # controlled by an owner covered in an earlier round (the smallest id names it), unless owned
                cursor.execute(
                    """
                    INSERT INTO evasion_covered (node, parent, via, round)
                    SELECT h.owned_key, MIN(h.owner_key), NULL, %s
                      FROM evasion_holding_now h JOIN evasion_covered c ON c.node = h.owner_key
                     WHERE h.control <> '' AND c.round < %s
                       AND NOT EXISTS (SELECT 1 FROM evasion_covered done WHERE done.node = h.owned_key)
                     GROUP BY h.owned_key
                    """,
                    [round_number, round_number],
                )
                added += cursor.rowcount
                cursor.execute(
                    """
                    UPDATE evasion_covered SET via = 'control: ' || (
                        SELECT MIN(h.control) FROM evasion_holding_now h
                         WHERE h.owner_key = evasion_covered.parent AND h.owned_key = evasion_covered.node
                           AND h.control <> '')
                     WHERE round = %s AND via IS NULL
                    """,
                    [round_number],
                )
            if not added:
                break
            added_total += added
    return added_total


def path_in_database(node: str) -> list[tuple[str, str]]:
    """(entity, share by which it is held) from the listed party down to ``node``, by a recursive query over
    ``evasion_covered``; empty if ``node`` is not covered."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE up(node, parent, via, depth) AS (
                SELECT node, parent, via, 0 FROM evasion_covered WHERE node = %s
                UNION ALL
                SELECT c.node, c.parent, c.via, up.depth + 1
                  FROM evasion_covered c JOIN up ON c.node = up.parent
                 WHERE up.depth < 100
            )
            SELECT node, via FROM up ORDER BY depth DESC
            """,
            [node],
        )
        rows = cursor.fetchall()
    return [(entity, _percent(via)) for entity, via in rows]


def _percent(via: str | None) -> str:
    if via is None:
        return ""
    if via.startswith("control"):
        return via
    return f"{Decimal(via).normalize():f}%"
