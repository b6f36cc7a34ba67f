//! Arabic time expressions found in text, and the record `tanaqud time` prints.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::grammar::scan;
use super::{Anchor, Calendar, Granularity, Prefer, Resolution};

/// The first time expression in a short input.
pub fn normalize(expr: &str, anchor: Anchor, prefer: Prefer) -> Option<Resolution> {
    normalize_in(expr, anchor, prefer, Calendar::Gregorian)
}

/// [`normalize`], reading bare numeric dates in `calendar`.
pub fn normalize_in(expr: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Option<Resolution> {
    let mut first = None;
    scan(expr, anchor, prefer, calendar, &mut |r| {
        first = Some(r);
        false
    });
    first
}

/// Every time expression in running text, in order, not overlapping.
pub fn find_all(text: &str, anchor: Anchor, prefer: Prefer) -> Vec<Resolution> {
    find_all_in(text, anchor, prefer, Calendar::Gregorian)
}

/// [`find_all`], reading bare numeric dates in `calendar`.
pub fn find_all_in(text: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Vec<Resolution> {
    let mut all = Vec::new();
    scan(text, anchor, prefer, calendar, &mut |r| {
        all.push(r);
        true
    });
    all
}

/// The CLI's JSON record: `text` is the input line and `match` the expression
/// found in it; when nothing matched, `match` and the other fields are null. Bounds are ISO
/// dates, with `THH:MM` at hour and minute granularity.
pub fn record(text: &str, r: Option<&Resolution>) -> Value {
    let Some(r) = r else {
        return json!({"text": text, "match": null, "start": null, "end": null, "granularity": null, "rule": null});
    };
    let iv = r.interval;
    let clock = matches!(iv.granularity, Granularity::Hour | Granularity::Minute);
    let iso = |d: Option<NaiveDate>| {
        d.map(|d| match (clock, iv.time) {
            (true, Some(t)) => format!("{d}T{}", t.format("%H:%M")),
            _ => d.to_string(),
        })
    };
    json!({
        "text": text,
        "match": text.get(r.span.clone()),
        "start": iso(iv.start),
        "end": iso(iv.end),
        "granularity": iv.granularity.as_str(),
        "rule": r.rule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_anchor;

    fn anchor(s: &str) -> Anchor {
        parse_anchor(s).unwrap()
    }

    #[test]
    fn spans_cover_the_expression_only() {
        let text = "وفي 28 يناير الماضي قال";
        let r = normalize(text, anchor("2026-02-05"), Prefer::Past).unwrap();
        assert_eq!(&text[r.span.clone()], "28 يناير الماضي");
        assert_eq!(r.rule, "absolute-day-month");
    }

    #[test]
    fn records_are_null_when_nothing_matched() {
        let v = record("كلام", None);
        assert_eq!(v["start"], Value::Null);
        let r = normalize("منذ عام 2015", anchor("2024-12-23"), Prefer::Past);
        let v = record("منذ عام 2015", r.as_ref());
        assert_eq!(v["start"], "2015-01-01");
        assert_eq!(v["end"], Value::Null);
        assert_eq!(v["granularity"], "open");
        assert_eq!(
            (v["text"].as_str(), v["match"].as_str()),
            (Some("منذ عام 2015"), Some("منذ عام 2015"))
        );
        let r = normalize("قال أمس إن", anchor("2024-12-23"), Prefer::Past);
        let v = record("قال أمس إن", r.as_ref());
        assert_eq!(
            (v["text"].as_str(), v["match"].as_str()),
            (Some("قال أمس إن"), Some("أمس"))
        );
        let r = normalize("20:01", anchor("2024-12-23"), Prefer::Past);
        assert_eq!(record("20:01", r.as_ref())["start"], "2024-12-23T20:01");
    }
}
