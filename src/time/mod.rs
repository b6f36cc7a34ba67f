//! Time: inclusive date intervals with a granularity, and the parsing of the
//! ISO forms that annotation files use (`2024-12-23`, `2024-12`, `2024`,
//! `A..B`, open `2015..` / `..2024-12`).
//!
//! Arabic expressions resolve to the same [`Interval`], so comparison never
//! needs to know where a time came from: `find` holds the entry points,
//! `grammar` the readings, `lexicon` the time words, `calendar` year choice,
//! weeks and the Hijri calendar.

use std::fmt;
use std::ops::Range;

mod calendar;
mod find;
mod grammar;
pub(crate) mod lexicon;

pub use find::{TimeRecord, find_all, find_all_in, normalize, normalize_in, record};
pub use lexicon::Lexicon;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Serialize;

/// What relative expressions are resolved against: usually the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Anchor {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

crate::names::named! {
    /// Which occurrence a date without a year (or a bare weekday) means.
    #[derive(Default)]
    pub enum Prefer {
        /// The most recent one: news reports what happened.
        #[default]
        Past = "past",
        Future = "future",
    }
}

/// How bare numeric dates (`30-02-33`) are read. Explicit markers (هـ, Hijri
/// month names, a 13xx/14xx year in a full numeric date) win either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    #[default]
    Gregorian,
    Hijri,
}

/// The rule of «اليوم التالي», the day after the one the story is at: the
/// anchor for one expression alone, the last date told before it in an article.
pub const FOLLOWING_DAY: &str = "relative-following-day";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub interval: Interval,
    /// Which grammar rule matched, e.g. `relative-weekday-last`; `+time` when a clock time was attached.
    pub rule: String,
    /// Byte span of the expression in the input.
    pub span: Range<usize>,
}

/// `2024-12-23`, `2024-12-23T20:01` (seconds and a space separator accepted).
pub fn parse_anchor(s: &str) -> Option<Anchor> {
    let s = s.trim();
    let (date, time) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    // Days before year 1 or after 9999 have no `YYYY-MM-DD` form to answer in.
    if !(1..=9999).contains(&date.year()) {
        return None;
    }
    let time = match time {
        Some(t) => Some(
            NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .ok()?,
        ),
        None => None,
    };
    Some(Anchor { date, time })
}

/// How precise an interval is; the coarser bound of a range decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    /// An explicit `A..B` range of dates.
    Range,
    /// A range with one unbounded side (`since 2015`, `until …`).
    Open,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Second => "second",
            Granularity::Minute => "minute",
            Granularity::Hour => "hour",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
            Granularity::Range => "range",
            Granularity::Open => "open",
        }
    }
}

/// An inclusive interval of days. `None` on a side means unbounded.
/// `time` carries the clock time of the start at second, minute or hour
/// granularity; `end_time` the last second, minute or hour of a clock range
/// ("من الساعة 3 إلى الساعة 4": 15:00 to 16:00, the hour of 16 included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub granularity: Granularity,
    pub time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
}

impl Interval {
    pub fn day(date: NaiveDate) -> Interval {
        Interval {
            start: Some(date),
            end: Some(date),
            granularity: Granularity::Day,
            time: None,
            end_time: None,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<Interval> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = last_day_of_month(year, month)?;
        Some(Interval {
            start: Some(start),
            end: Some(end),
            granularity: Granularity::Month,
            time: None,
            end_time: None,
        })
    }

    pub fn year(year: i32) -> Option<Interval> {
        Some(Interval {
            start: NaiveDate::from_ymd_opt(year, 1, 1),
            end: NaiveDate::from_ymd_opt(year, 12, 31),
            granularity: Granularity::Year,
            time: None,
            end_time: None,
        })
    }

    /// An explicit range of days.
    pub fn range(start: NaiveDate, end: NaiveDate) -> Interval {
        Interval {
            start: Some(start),
            end: Some(end),
            granularity: Granularity::Range,
            time: None,
            end_time: None,
        }
    }

    /// A range with at least one unbounded side.
    pub fn open(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Interval {
        Interval {
            start,
            end,
            granularity: Granularity::Open,
            time: None,
            end_time: None,
        }
    }

    /// The Monday-to-Sunday week starting on `monday`.
    pub fn week(monday: NaiveDate) -> Option<Interval> {
        let end = monday.checked_add_days(chrono::Days::new(6))?;
        Some(Interval {
            start: Some(monday),
            end: Some(end),
            granularity: Granularity::Week,
            time: None,
            end_time: None,
        })
    }

    /// A clock time on a day, at hour or minute granularity.
    pub fn at(date: NaiveDate, time: NaiveTime, granularity: Granularity) -> Interval {
        Interval {
            start: Some(date),
            end: Some(date),
            granularity,
            time: Some(time),
            end_time: None,
        }
    }

    /// A clock range: from `start` at `from` to `end` at `to`, both included
    /// at `granularity` (the last hour or minute named).
    pub fn clock_range(
        start: NaiveDate,
        from: NaiveTime,
        end: NaiveDate,
        to: NaiveTime,
        granularity: Granularity,
    ) -> Interval {
        Interval {
            start: Some(start),
            end: Some(end),
            granularity,
            time: Some(from),
            end_time: Some(to),
        }
    }

    /// Inclusive overlap; an unbounded side overlaps everything on that side.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let starts_before_other_ends = match (self.start, other.end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        let other_starts_before_self_ends = match (other.start, self.end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }
}

/// The compact human form: `2024-12-23`, `2024-12`, `2024`, `A..B`, `2015..`.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (start, end) = (self.start, self.end);
        match (self.granularity, start, end) {
            (Granularity::Second | Granularity::Minute | Granularity::Hour, Some(s), e) => {
                let clock = |t: NaiveTime| {
                    if self.granularity == Granularity::Second {
                        t.format("%H:%M:%S").to_string()
                    } else {
                        t.format("%H:%M").to_string()
                    }
                };
                match self.time {
                    Some(t) => write!(f, "{}T{}", s, clock(t))?,
                    None => write!(f, "{s}")?,
                }
                match (e, self.end_time) {
                    (Some(e), Some(t)) => write!(f, "..{}T{}", e, clock(t)),
                    _ => Ok(()),
                }
            }
            (Granularity::Day, Some(s), _) => write!(f, "{s}"),
            // A month or year grain over several of them (a quarter, a
            // decade) is written as its range of days.
            (Granularity::Month, Some(s), Some(e)) if (s.year(), s.month()) == (e.year(), e.month()) => {
                write!(f, "{:04}-{:02}", s.year(), s.month())
            }
            (Granularity::Year, Some(s), Some(e)) if s.year() == e.year() => write!(f, "{:04}", s.year()),
            (_, s, e) => {
                if let Some(s) = s {
                    write!(f, "{s}")?;
                }
                f.write_str("..")?;
                if let Some(e) = e {
                    write!(f, "{e}")?;
                }
                Ok(())
            }
        }
    }
}

pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// Why an ISO time string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IsoTimeError(pub String);

/// Parses one bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn parse_iso_point(text: &str) -> Result<Interval, IsoTimeError> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, what: &str, digits: usize| -> Result<u32, IsoTimeError> {
        if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IsoTimeError(format!("`{text}`: {what} must be {digits} digits")));
        }
        part.parse().map_err(|_| IsoTimeError(format!("`{text}`: bad {what}")))
    };
    match parts.as_slice() {
        [y] => Interval::year(number(y, "year", 4)? as i32)
            .ok_or_else(|| IsoTimeError(format!("`{text}`: year out of range"))),
        [y, m] => {
            let (year, month) = (number(y, "year", 4)? as i32, number(m, "month", 2)?);
            Interval::month(year, month).ok_or_else(|| IsoTimeError(format!("`{text}`: no month {month}")))
        }
        [y, m, d] => {
            let (year, month, day) = (
                number(y, "year", 4)? as i32,
                number(m, "month", 2)?,
                number(d, "day", 2)?,
            );
            NaiveDate::from_ymd_opt(year, month, day)
                .map(Interval::day)
                .ok_or_else(|| IsoTimeError(format!("`{text}`: {year:04}-{month:02} has no day {day}")))
        }
        _ => Err(IsoTimeError(format!("`{text}` is not YYYY, YYYY-MM or YYYY-MM-DD"))),
    }
}

/// Parses the annotation time forms. A range takes the start of its first
/// bound and the end of its second: `2024-11..2024-12` is Nov 1 to Dec 31.
pub fn parse_iso_interval(text: &str) -> Result<Interval, IsoTimeError> {
    let text = text.trim();
    let Some((left, right)) = text.split_once("..") else {
        return parse_iso_point(text);
    };
    let (left, right) = (left.trim(), right.trim());
    if left.is_empty() && right.is_empty() {
        return Err(IsoTimeError("`..` needs at least one bound".to_string()));
    }
    let start = if left.is_empty() {
        None
    } else {
        parse_iso_point(left)?.start
    };
    let end = if right.is_empty() {
        None
    } else {
        parse_iso_point(right)?.end
    };
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        return Err(IsoTimeError(format!("`{text}`: the range ends before it starts")));
    }
    let granularity = if start.is_some() && end.is_some() {
        Granularity::Range
    } else {
        Granularity::Open
    };
    Ok(Interval {
        start,
        end,
        granularity,
        time: None,
        end_time: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_anchors() {
        let a = parse_anchor("2024-12-23T20:01").unwrap();
        assert_eq!(a.time, NaiveTime::from_hms_opt(20, 1, 0));
        assert_eq!(parse_anchor("2024-12-23").unwrap().time, None);
        assert!(parse_anchor("2024-13-01").is_none());
        assert!(parse_anchor("23/12/2024").is_none());
    }

    #[test]
    fn parses_each_iso_form() {
        let month = parse_iso_interval("2024-02").unwrap();
        assert_eq!(
            (month.start, month.end),
            (Some(date(2024, 2, 1)), Some(date(2024, 2, 29)))
        );
        assert_eq!(month.granularity, Granularity::Month);
        assert_eq!(parse_iso_interval("2017").unwrap().end, Some(date(2017, 12, 31)));
        let range = parse_iso_interval("2024-11..2024-12-05").unwrap();
        assert_eq!(
            (range.start, range.end),
            (Some(date(2024, 11, 1)), Some(date(2024, 12, 5)))
        );
        let open = parse_iso_interval("2015..").unwrap();
        assert_eq!(
            (open.start, open.end, open.granularity),
            (Some(date(2015, 1, 1)), None, Granularity::Open)
        );
    }

    #[test]
    fn refuses_impossible_dates_and_reversed_ranges() {
        assert!(parse_iso_interval("2024-02-30").unwrap_err().0.contains("no day 30"));
        assert!(parse_iso_interval("2024-13").is_err());
        assert!(parse_iso_interval("24-12").is_err());
        assert!(
            parse_iso_interval("2024-12..2024-01")
                .unwrap_err()
                .0
                .contains("ends before")
        );
        assert!(parse_iso_interval("..").is_err());
    }

    #[test]
    fn overlap_is_inclusive_and_open_sides_reach_everything() {
        let dec_2017 = parse_iso_interval("2017-12").unwrap();
        let dec_2024 = parse_iso_interval("2024-12").unwrap();
        let day = parse_iso_interval("2024-12-31").unwrap();
        assert!(!dec_2017.overlaps(&dec_2024));
        assert!(dec_2024.overlaps(&day) && day.overlaps(&dec_2024));
        assert!(parse_iso_interval("2015..").unwrap().overlaps(&dec_2024));
        assert!(!parse_iso_interval("..2016").unwrap().overlaps(&dec_2017));
    }

    #[test]
    fn displays_in_the_compact_form() {
        for text in [
            "2024-12-23",
            "2024-12",
            "2024",
            "2024-12-16..2024-12-22",
            "2015-01-01..",
        ] {
            assert_eq!(parse_iso_interval(text).unwrap().to_string(), text);
        }
    }
}
