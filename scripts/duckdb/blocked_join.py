"""The blocked self-join of tanaqud's comparison, in DuckDB, over the JSON
Lines export (a claim a line with its block keys), checked against the
candidate pairs tanaqud compared (`--format candidates`).

A block is a subject (after counts_as) and a predicate family; a
proposition is a block and an object. Inside a block, tanaqud compares each
proposition with itself, a whole with each of its parts (the part's
`within` names the whole), and the block's 16 largest propositions (most
claims, then object id) with each other where neither scope contains the
other. Each candidate pair of propositions puts its claims side by side:
n(n-1)/2 pairs within one, n*m across two.

    python blocked_join.py CLAIMS.jsonl CANDIDATES.jsonl
"""

import json
import sys
import time

import duckdb

SCOPES_COMPARED = 16

JOIN = f"""
WITH propositions AS (
    SELECT proposition, block, object, any_value(within) AS within, count(*) AS n
    FROM claims GROUP BY proposition, block, object
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY block ORDER BY n DESC, object) AS size_rank
    FROM propositions
)
SELECT proposition AS "left", proposition AS "right", 'same' AS relation, n * (n - 1) // 2 AS claim_pairs
FROM propositions
UNION ALL
SELECT whole.proposition, part.proposition, 'whole_and_part', whole.n * part.n
FROM propositions AS whole JOIN propositions AS part
  ON whole.block = part.block AND list_contains(part.within, whole.object)
UNION ALL
SELECT a.proposition, b.proposition, 'other_scopes', a.n * b.n
FROM ranked AS a JOIN ranked AS b ON a.block = b.block AND a.object < b.object
WHERE a.size_rank <= {SCOPES_COMPARED} AND b.size_rank <= {SCOPES_COMPARED}
  AND NOT list_contains(a.within, b.object) AND NOT list_contains(b.within, a.object)
"""


def main(claims_path, candidates_path):
    started = time.monotonic()
    db = duckdb.connect()
    db.execute(
        "CREATE TABLE claims AS SELECT * FROM read_json(?, format = 'newline_delimited', "
        "columns = {proposition: 'VARCHAR', block: 'VARCHAR', object: 'VARCHAR', within: 'VARCHAR[]'})",
        [claims_path],
    )
    claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    loaded = time.monotonic()
    joined = {(l, r, relation): pairs for l, r, relation, pairs in db.execute(JOIN).fetchall()}
    finished = time.monotonic()
    with open(candidates_path, encoding="utf-8") as lines:
        tanaqud = {}
        for line in lines:
            row = json.loads(line)
            tanaqud[(row["left"], row["right"], row["relation"])] = row["claim_pairs"]
    only_duckdb = sorted(set(joined) - set(tanaqud))
    only_tanaqud = sorted(set(tanaqud) - set(joined))
    counted_apart = sorted(k for k in set(joined) & set(tanaqud) if joined[k] != tanaqud[k])
    print(
        f"duckdb {duckdb.__version__}: {claims} claims loaded in {loaded - started:.2f} s, "
        f"blocked self-join in {finished - loaded:.2f} s: {len(joined)} candidate pairs of propositions, "
        f"{sum(joined.values())} pairs of claims"
    )
    for name, keys in [("only in DuckDB", only_duckdb), ("only in tanaqud", only_tanaqud)]:
        for key in keys[:10]:
            print(f"{name}: {key}")
    for key in counted_apart[:10]:
        print(f"claim pairs differ on {key}: DuckDB {joined[key]}, tanaqud {tanaqud[key]}")
    # The closing line CI reads, as test runners write it.
    if only_duckdb or only_tanaqud or counted_apart or claims == 0:
        print("the candidate pairs differ")
        print("duckdb: 0 passed, 1 failed")
        return 1
    print("the candidate pairs are tanaqud's own")
    print("duckdb: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
