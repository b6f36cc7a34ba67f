#!/usr/bin/env bash
# The peer run: tanaqud and Python's dateparser side by side on Duckling's
# Arabic time corpus and on the news-date table, score and expressions per
# second for both, in one command. Makes its own venv under target/ (never
# committed) and installs dateparser there from PyPI.
#   bash scripts/peer-dateparser/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/target/peer-dateparser/venv"
# The version measured last; bump it deliberately.
dateparser_version="1.5.0"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import dateparser, sys; sys.exit(dateparser.__version__ != '$dateparser_version')" 2>/dev/null; then
    "$venv/bin/pip" install --quiet "dateparser==$dateparser_version"
fi
(cd "$root" && cargo build --release --quiet --bin tanaqud)
exec "$venv/bin/python" "$root/scripts/peer-dateparser/compare.py" \
    --tanaqud "$root/target/release/tanaqud" \
    --duckling "$root/tests/data/eval/duckling_ar_time.tsv" \
    --news "$root/tests/data/eval/news-dates.tsv"
