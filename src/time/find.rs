//! Arabic time expressions found in text, and the record `tanaqud time` prints.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use super::grammar::scan;
use super::lexicon::Lexicon;
use super::{Anchor, Calendar, Granularity, Prefer, Resolution};

/// The first time expression in a short input.
pub fn normalize(expr: &str, anchor: Anchor, prefer: Prefer) -> Option<Resolution> {
    Lexicon::bundled().normalize(expr, anchor, prefer, Calendar::Gregorian)
}

/// [`normalize`], reading bare numeric dates in `calendar`.
pub fn normalize_in(expr: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Option<Resolution> {
    Lexicon::bundled().normalize(expr, anchor, prefer, calendar)
}

/// Every time expression in running text, in order, not overlapping.
pub fn find_all(text: &str, anchor: Anchor, prefer: Prefer) -> Vec<Resolution> {
    Lexicon::bundled().find_all(text, anchor, prefer, Calendar::Gregorian)
}

/// [`find_all`], reading bare numeric dates in `calendar`.
pub fn find_all_in(text: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Vec<Resolution> {
    Lexicon::bundled().find_all(text, anchor, prefer, calendar)
}

/// The same, with the time words of this lexicon.
impl Lexicon {
    /// The first time expression in a short input, bare numeric dates read in `calendar`.
    pub fn normalize(&self, expr: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Option<Resolution> {
        let mut first = None;
        scan(expr, self, anchor, prefer, calendar, &mut |r| {
            if !printable(&r) {
                return true;
            }
            first = Some(r);
            false
        });
        first
    }

    /// Every time expression in running text, in order, not overlapping.
    pub fn find_all(&self, text: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Vec<Resolution> {
        let mut all = Vec::new();
        scan(text, self, anchor, prefer, calendar, &mut |r| {
            if printable(&r) {
                all.push(r);
            }
            true
        });
        all
    }
}

/// Whether the interval's bounds are days `YYYY-MM-DD` can write (years 1 to
/// 9999): «بعد 100000 سنة» names no such day, and is no time expression here.
fn printable(resolution: &Resolution) -> bool {
    use chrono::Datelike;
    let interval = &resolution.interval;
    [interval.start, interval.end]
        .into_iter()
        .flatten()
        .all(|day| (1..=9999).contains(&day.year()))
}

/// The CLI's JSON record of one input line: `text` is the line and `match`
/// the expression found in it; when nothing matched, `match` and the other
/// fields are null. Bounds are ISO dates, with `THH:MM` at hour and minute
/// granularity (`THH:MM:SS` at second granularity). Fields are in alphabetical order, the order of the JSON
/// objects this record replaced, so the output is unchanged; `Display` is its
/// compact JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeRecord<'a> {
    pub end: Option<String>,
    pub granularity: Option<&'static str>,
    #[serde(rename = "match")]
    pub matched: Option<&'a str>,
    pub rule: Option<&'a str>,
    pub start: Option<String>,
    pub text: &'a str,
}

impl fmt::Display for TimeRecord<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

pub fn record<'a>(text: &'a str, r: Option<&'a Resolution>) -> TimeRecord<'a> {
    let Some(r) = r else {
        return TimeRecord {
            end: None,
            granularity: None,
            matched: None,
            rule: None,
            start: None,
            text,
        };
    };
    let iv = r.interval;
    let clock = match iv.granularity {
        Granularity::Second => Some("%H:%M:%S"),
        Granularity::Hour | Granularity::Minute => Some("%H:%M"),
        _ => None,
    };
    let iso = |d: Option<NaiveDate>, time: Option<chrono::NaiveTime>| {
        d.map(|d| match (clock, time) {
            (Some(format), Some(t)) => format!("{d}T{}", t.format(format)),
            _ => d.to_string(),
        })
    };
    TimeRecord {
        // A clock range ends at its own time, a clock time on its day.
        end: iso(iv.end, iv.end_time.or(iv.time)),
        granularity: Some(iv.granularity.as_str()),
        matched: text.get(r.span.clone()),
        rule: Some(&r.rule),
        start: iso(iv.start, iv.time),
        text,
    }
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
        assert_eq!(
            record("كلام", None).to_string(),
            r#"{"end":null,"granularity":null,"match":null,"rule":null,"start":null,"text":"كلام"}"#
        );
        let r = normalize("منذ عام 2015", anchor("2024-12-23"), Prefer::Past);
        assert_eq!(
            record("منذ عام 2015", r.as_ref()).to_string(),
            r#"{"end":null,"granularity":"open","match":"منذ عام 2015","rule":"open-since","start":"2015-01-01","text":"منذ عام 2015"}"#
        );
        let r = normalize("قال أمس إن", anchor("2024-12-23"), Prefer::Past);
        let v = record("قال أمس إن", r.as_ref());
        assert_eq!((v.text, v.matched), ("قال أمس إن", Some("أمس")));
        let r = normalize("20:01", anchor("2024-12-23"), Prefer::Past);
        assert_eq!(record("20:01", r.as_ref()).start.as_deref(), Some("2024-12-23T20:01"));
    }
}
