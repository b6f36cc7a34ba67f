//! Duckling's Arabic time corpus (`tests/data/eval/duckling_ar_time.tsv`),
//! scored with its own conventions: the reference time 2013-02-12T04:30
//! (a Tuesday), ambiguous dates to the future, the grain named in the file,
//! interval ends exclusive (ours are inclusive: a clock range names its
//! last hour or minute), `negative` rows yielding nothing. Prints the score per kind and grain and keeps today's figure as
//! a floor.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};
use tanaqud::time::{Granularity, Interval, Prefer, normalize, parse_anchor};

struct Row<'a> {
    kind: &'a str,
    text: &'a str,
    start: Option<NaiveDateTime>,
    end: Option<NaiveDateTime>,
    grain: &'a str,
}

fn parse(at: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S").ok()
}

fn granularity(grain: &str) -> Option<Granularity> {
    Some(match grain {
        "second" => Granularity::Second,
        "minute" => Granularity::Minute,
        "hour" => Granularity::Hour,
        "day" => Granularity::Day,
        "week" => Granularity::Week,
        "month" => Granularity::Month,
        "year" => Granularity::Year,
        _ => return None,
    })
}

/// The last day of an interval whose exclusive end is `end`, at `grain`.
fn inclusive_end(end: NaiveDateTime, grain: &str) -> NaiveDate {
    match grain {
        "day" | "week" | "month" | "year" => (end - TimeDelta::days(1)).date(),
        _ => end.date(),
    }
}

/// Where a clock range of ours ends, exclusive: its last hour, minute or
/// second and one more.
fn exclusive_clock_end(interval: &Interval) -> Option<NaiveDateTime> {
    let step = match interval.granularity {
        Granularity::Hour => TimeDelta::hours(1),
        Granularity::Minute => TimeDelta::minutes(1),
        Granularity::Second => TimeDelta::seconds(1),
        _ => return None,
    };
    Some(interval.end?.and_time(interval.end_time?) + step)
}

/// Whether our `interval` is the row's value.
fn agrees(row: &Row, interval: &Interval) -> bool {
    let Some(start) = row.start else {
        return false;
    };
    if interval.start != Some(start.date()) {
        return false;
    }
    let clock = matches!(row.grain, "hour" | "minute" | "second");
    match (row.kind, row.end) {
        // A range of clock times must end at the row's end: a clock time
        // alone is no range.
        ("datetimeInterval" | "datetimeIntervalHoliday", Some(end)) if clock => {
            interval.time == Some(start.time()) && exclusive_clock_end(interval) == Some(end)
        }
        ("datetimeInterval" | "datetimeIntervalHoliday", Some(end)) => {
            interval.end == Some(inclusive_end(end, row.grain))
        }
        _ => granularity(row.grain) == Some(interval.granularity) && (!clock || interval.time == Some(start.time())),
    }
}

/// Rows whose Duckling convention is arguable (`duckling_ar_arguable.tsv`):
/// text → (our reading as printed, why).
fn arguable() -> BTreeMap<String, (String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/duckling_ar_arguable.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "{l}");
            (f[0].to_string(), (f[1].to_string(), f[2].to_string()))
        })
        .collect()
}

#[test]
fn duckling_arabic_time_corpus() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/duckling_ar_time.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let rows: Vec<Row> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                kind: f[0],
                text: f[1],
                start: parse(f[2]),
                end: f.get(3).and_then(|e| parse(e)),
                grain: f.get(4).copied().unwrap_or(""),
            }
        })
        .collect();
    let anchor = parse_anchor("2013-02-12T04:30").unwrap();
    assert_eq!(anchor.date.weekday(), chrono::Weekday::Tue);
    let mut tally: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut right = 0;
    let arguable = arguable();
    let mut held = Vec::new();
    for row in &rows {
        let found = normalize(row.text, anchor, Prefer::Future);
        let ok = match (row.kind, &found) {
            ("negative", None) => true,
            ("negative", Some(_)) | (_, None) => false,
            (_, Some(r)) => agrees(row, &r.interval),
        };
        if let Some((ours, why)) = arguable.get(row.text) {
            // Held to our reading, and still not Duckling's: a row we come to
            // agree on leaves the file.
            let shown = found.as_ref().map_or("-".to_string(), |r| r.interval.to_string());
            assert!(
                shown == *ours && !ok,
                "arguable «{}»: ours {shown}, file {ours}, Duckling's {ok}",
                row.text
            );
            held.push(format!("arguable «{}»: ours {ours} ({why})", row.text));
        }
        let entry = tally.entry((row.kind.to_string(), row.grain.to_string())).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
            right += 1;
        } else if !arguable.contains_key(row.text) {
            let got = found.map_or("nothing".to_string(), |r| {
                format!("{} ({:?})", r.interval, r.interval.granularity)
            });
            eprintln!(
                "miss {} «{}»: want {:?}..{:?} {}, got {got}",
                row.kind, row.text, row.start, row.end, row.grain
            );
        }
    }
    for ((kind, grain), (ok, total)) in &tally {
        eprintln!("{kind:<24} {grain:<7} {ok:>3} of {total}");
    }
    for line in &held {
        eprintln!("{line}");
    }
    assert_eq!(held.len(), arguable.len(), "every arguable row is a row of the corpus");
    eprintln!(
        "Duckling Arabic: {right} of {}; {} more arguable rows held to our reading; {} of {} either way",
        rows.len(),
        held.len(),
        right + held.len(),
        rows.len()
    );
    // Every row is ours or held arguable; the floor is today's figure.
    assert!(right >= FLOOR, "{right} of {}", rows.len());
}

/// Today's score.
const FLOOR: usize = 167;
