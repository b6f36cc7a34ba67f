#!/usr/bin/env bash
# The path beyond one machine, checked: a story's claims exported as JSON
# Lines, the blocked self-join run in DuckDB, and its candidate pairs held
# to the ones tanaqud compared (`--format candidates`).
#
#   bash scripts/duckdb/check.sh [CORPUS_DIR]
#
# Without CORPUS_DIR, a story of 6,250 generated articles (about 100k
# claims: 16 an article) is written by the story_corpus example. TANAQUD names the binary
# to use (default: cargo builds target/release/tanaqud). DuckDB comes from
# PyPI into a virtual environment under target/duckdb/ (made on first run,
# never committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="target/duckdb"
mkdir -p "$work"
venv="$work/venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "duckdb>=1.1,<3"
fi
if [ -z "${TANAQUD:-}" ]; then
  cargo build --quiet --locked --release --bin tanaqud --example story_corpus
  TANAQUD=target/release/tanaqud
fi
corpus="${1:-}"
if [ -z "$corpus" ]; then
  corpus="$work/story-6250"
  rm -rf "$corpus"
  target/release/examples/story_corpus "$corpus" 6250
fi
out="$(mktemp -d "$work/run.XXXXXX")"
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
"$TANAQUD" report "$corpus" --format jsonl --output "$out/claims.jsonl"
middle=$(date +%s.%N)
"$TANAQUD" report "$corpus" --format candidates --output "$out/candidates.jsonl"
end=$(date +%s.%N)
awk -v a="$start" -v b="$middle" -v c="$end" -v size="$(wc -c <"$out/claims.jsonl")" \
  'BEGIN { printf "tanaqud: JSON Lines %.1f MiB in %.1f s, candidates in %.1f s\n", size / 1048576, b - a, c - b }'
"$venv/bin/python" scripts/duckdb/blocked_join.py "$out/claims.jsonl" "$out/candidates.jsonl"
