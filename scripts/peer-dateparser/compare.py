"""Scores tanaqud (`tanaqud time`) and dateparser on the same rows.

Duckling's corpus is scored with its conventions, as tests/duckling.rs does:
reference time 2013-02-12T04:30 (a Tuesday), the future preferred, interval
ends exclusive, negative rows yielding nothing. dateparser answers one
datetime, so a point row is right when that datetime agrees at the row's
grain (same year for a year, same month, ISO week, day, hour, minute or
second), and it never gets an interval row. The news-date table is scored
as tests/time_table.rs does for tanaqud (the printed interval equals the
expected text, past preferred, each row against its publication date); a
dateparser answer is right when it falls on the expected day, in the
expected month or year, or inside the expected range.

Speed is expressions per second over the rows, repeated: tanaqud as one
`tanaqud time` process reading them all on standard input (process start
and output included), dateparser as calls of dateparser.parse in process.
"""

import argparse
import datetime as dt
import json
import subprocess
import time

import dateparser

DUCKLING_NOW = dt.datetime(2013, 2, 12, 4, 30)
REPEAT_TANAQUD = 200
REPEAT_DATEPARSER = 3
STEPS = {
    "hour": dt.timedelta(hours=1),
    "minute": dt.timedelta(minutes=1),
    "second": dt.timedelta(seconds=1),
}


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        fields = line.split("\t") + [""] * len(header)
        rows.append(dict(zip(header, fields)))
    return rows


def when(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S") if text else None


def tanaqud(binary, lines, anchor, prefer, fmt):
    out = subprocess.run(
        [binary, "time", "--anchor", anchor, "--prefer", prefer, "--format", fmt],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert len(out) == len(lines), (len(out), len(lines))
    return out


def our_bounds(record):
    """tanaqud's JSON start and end as (date, time or None)."""

    def split(value):
        if value is None:
            return None, None
        if "T" in value:
            d, t = value.split("T")
            return dt.date.fromisoformat(d), dt.time.fromisoformat(t)
        return dt.date.fromisoformat(value), None

    return split(record["start"]), split(record["end"])


def tanaqud_agrees(row, record):
    start, end, grain = when(row["start"]), when(row["end"]), row["grain"]
    if row["kind"] == "negative":
        return record["start"] is None and record["end"] is None
    if record["granularity"] is None or start is None:
        return False
    (s_day, s_time), (e_day, e_time) = our_bounds(record)
    clock = grain in ("hour", "minute", "second")
    if s_day != start.date() or (clock and s_time != start.time()):
        return False
    if row["kind"].startswith("datetimeInterval") and end is not None:
        if clock:
            # A clock range ends at its last hour, minute or second, included.
            step = STEPS.get(record["granularity"])
            return step is not None and e_time is not None and dt.datetime.combine(e_day, e_time) + step == end
        return e_day == (end - dt.timedelta(days=1)).date()
    return record["granularity"] == grain


def same_at_grain(got, want, grain):
    if grain == "year":
        return got.year == want.year
    if grain == "month":
        return (got.year, got.month) == (want.year, want.month)
    if grain == "week":
        return got.isocalendar()[:2] == want.isocalendar()[:2]
    if grain == "day":
        return got.date() == want.date()
    if grain == "hour":
        return got.replace(minute=0, second=0, microsecond=0) == want
    if grain == "minute":
        return got.replace(second=0, microsecond=0) == want
    return got.replace(microsecond=0) == want


def dateparser_parse(text, base, prefer):
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer}
    return dateparser.parse(text, languages=["ar"], settings=settings)


def dateparser_duckling(row, got):
    if row["kind"] == "negative":
        return got is None
    if got is None or row["kind"].startswith("datetimeInterval"):
        return False
    return same_at_grain(got, when(row["start"]), row["grain"])


def dateparser_news(expected, got):
    if got is None:
        return False
    day = got.date()
    if ".." in expected:
        a, b = expected.split("..")
        return dt.date.fromisoformat(a) <= day <= dt.date.fromisoformat(b)
    if "T" in expected:
        return got.strftime("%Y-%m-%dT%H:%M") == expected
    # A day, a month (YYYY-MM) or a year (YYYY): the answer's day within it.
    return day.isoformat()[: len(expected)] == expected


def rate(count, seconds):
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tanaqud", required=True)
    ap.add_argument("--duckling", required=True)
    ap.add_argument("--news", required=True)
    args = ap.parse_args()

    duckling = read_tsv(args.duckling)
    texts = [r["text"] for r in duckling]
    records = [json.loads(l) for l in tanaqud(args.tanaqud, texts, "2013-02-12T04:30", "future", "json")]
    ours_duckling = sum(tanaqud_agrees(r, rec) for r, rec in zip(duckling, records))
    theirs_duckling = sum(
        dateparser_duckling(r, dateparser_parse(r["text"], DUCKLING_NOW, "future")) for r in duckling
    )

    news = read_tsv(args.news)
    ours_news = 0
    for r in news:
        shown = tanaqud(args.tanaqud, [r["text"]], r["pub_date"], "past", "text")[0].split("\t")[0]
        ours_news += shown == r["expected"]
    theirs_news = 0
    for r in news:
        base = dt.datetime.fromisoformat(r["pub_date"])
        theirs_news += dateparser_news(r["expected"], dateparser_parse(r["text"], base, "past"))

    # Speed on the same expressions: the Duckling rows and the news rows together.
    every = texts + [r["text"] for r in news]
    started = time.perf_counter()
    tanaqud(args.tanaqud, every * REPEAT_TANAQUD, "2013-02-12T04:30", "future", "json")
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(REPEAT_DATEPARSER):
        for text in every:
            dateparser_parse(text, DUCKLING_NOW, "future")
    theirs_seconds = time.perf_counter() - started

    print(f"{'':<28}{'tanaqud':>14}{'dateparser ' + dateparser.__version__:>20}")
    print(f"{'Duckling Arabic (rows)':<28}{ours_duckling:>10} /{len(duckling)}{theirs_duckling:>16} /{len(duckling)}")
    print(f"{'news-dates (rows)':<28}{ours_news:>11} /{len(news)}{theirs_news:>17} /{len(news)}")
    print(
        f"{'expressions per second':<28}{rate(len(every) * REPEAT_TANAQUD, ours_seconds):>14}"
        f"{rate(len(every) * REPEAT_DATEPARSER, theirs_seconds):>20}"
    )


if __name__ == "__main__":
    main()
