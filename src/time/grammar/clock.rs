//! Clock times: digits (`20:01`), the hour in words with fractions
//! (`الساعة العاشرة والنصف`), parts of the day (`مساءً`), attached to a day or alone.

use chrono::{NaiveTime, Timelike};

use super::numbers::{cardinal, ordinal};
use super::tokens::Punct;
use super::{Hit, Parser, longest};
use crate::time::lexicon::{Count, DayPart, Kw, Lex, Unit};
use crate::time::{Granularity, Interval};

impl Parser<'_> {
    /// "20:01", "05:16 مساءً", "الساعة 10", "الساعة الثالثة", "الساعة العاشرة والنصف".
    fn clock(&self, i: usize) -> Option<(NaiveTime, Granularity, usize)> {
        let clock_word = self.lex(i) == Some(Lex::Unit(Unit::Hour, Count::One, true));
        let j = if clock_word { i + 1 } else { i };
        let hm = match (self.num(j), self.punct(j + 1), self.num(j + 2)) {
            (Some((h, hd)), Some(Punct::Colon), Some((m, 2))) if hd <= 2 && h <= 24 && m < 60 => {
                Some((h, m, Granularity::Minute, j + 3))
            }
            _ => None,
        };
        let (mut h, m, g, mut end) = match hm {
            Some(x) => x,
            None if clock_word => match self.num(j) {
                Some((h, hd)) if hd <= 2 && h <= 24 => (h, 0, Granularity::Hour, j + 1),
                Some(_) => return None,
                None => {
                    // The hour as an ordinal ("الثالثة") or, colloquially, a count ("ثلاثة").
                    let (mut h, mut k) = ordinal(self.t, j).or_else(|| cardinal(self.t, j))?;
                    // "الرابعة وأربعون دقيقة": tens after the hour word are its minutes.
                    if h > 12
                        && self.is(j + 1, Kw::And)
                        && let Some(word) = match self.lex(j) {
                            Some(Lex::Ordinal(u)) => Some(u32::from(u)),
                            Some(Lex::Cardinal(u)) => Some(u32::from(u)),
                            _ => None,
                        }
                    {
                        (h, k) = (word, j + 1);
                    }
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    // "والنصف", "والربع", "والثلث", "إلا ربعا".
                    let fraction = |k: usize| match self.lex(k) {
                        Some(Lex::Kw(Kw::Half)) => Some(30),
                        Some(Lex::Kw(Kw::Quarter)) => Some(15),
                        Some(Lex::Kw(Kw::Third)) => Some(20),
                        _ => None,
                    };
                    if self.is(k, Kw::And) && fraction(k + 1).is_some() {
                        (h, fraction(k + 1)?, Granularity::Minute, k + 2)
                    } else if self.is(k, Kw::Except) && fraction(k + 1).is_some() {
                        ((h + 11) % 12, 60 - fraction(k + 1)?, Granularity::Minute, k + 2)
                    } else {
                        (h, 0, Granularity::Hour, k)
                    }
                }
            },
            None => return None,
        };
        let (m, g, end_minutes) = match self.minutes_after(end) {
            Some((minutes, k)) if g == Granularity::Hour => (minutes, Granularity::Minute, k),
            _ => (m, g, end),
        };
        end = end_minutes;
        if let Some((part, words)) = self.part_after(end) {
            h = apply_part(h, part);
            end += words;
        }
        Some((NaiveTime::from_hms_opt(h % 24, m, 0)?, g, end))
    }

    /// Minutes after a whole hour: `و 18 دقيقة`, `وخمس وأربعون دقيقة`, and where they end.
    fn minutes_after(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is(i, Kw::And) {
            return None;
        }
        // In digits or words: "و18 دقيقة", "وخمس وأربعون دقيقة".
        let (minutes, k) = cardinal(self.t, i + 1).filter(|&(m, _)| (1..60).contains(&m))?;
        matches!(self.lex(k), Some(Lex::Unit(Unit::Minute, _, _))).then_some((minutes, k + 1))
    }

    /// The part of the day after a clock reading, and how many tokens it
    /// takes: `مساءً`, or `بعد الظهر`, `بعد العصر` (the afternoon), `قبل الظهر`
    /// (the morning).
    fn part_after(&self, i: usize) -> Option<(DayPart, usize)> {
        if let Some(part) = self.day_part(i) {
            return Some((part, 1));
        }
        let next = self.day_part(i + 1)?;
        match next {
            DayPart::Noon | DayPart::Afternoon if self.is(i, Kw::After) => Some((DayPart::Afternoon, 2)),
            DayPart::Evening | DayPart::Night if self.is(i, Kw::After) => Some((next, 2)),
            DayPart::Noon if self.is(i, Kw::Before) => Some((DayPart::Morning, 2)),
            _ => None,
        }
    }

    fn day_part(&self, i: usize) -> Option<DayPart> {
        match self.lex(i)? {
            Lex::Kw(Kw::Part(p)) => Some(p),
            Lex::Kw(Kw::AmShort) => Some(DayPart::Morning),
            Lex::Kw(Kw::M) => Some(DayPart::Evening),
            _ => None,
        }
    }

    /// A clock time right after a date: "… 2024 - 20:01", "…، 2015، الساعة 05:16 مساءً".
    pub(super) fn attached_time(&self, i: usize) -> Option<(NaiveTime, Granularity, usize)> {
        let j = if matches!(self.punct(i), Some(Punct::Comma | Punct::Dash)) {
            i + 1
        } else {
            i
        };
        let j = if self.is(j, Kw::In) { j + 1 } else { j };
        self.clock(j)
    }

    /// A clock time on its own (on the anchor's day) or before its day:
    /// "الساعة العاشرة من صباح اليوم", "20:01".
    pub(super) fn time_only(&self, i: usize) -> Option<Hit> {
        let (time, g, end) = self.clock(i)?;
        let mut k = end;
        if self.is(k, Kw::From) || matches!(self.punct(k), Some(Punct::Comma | Punct::Dash)) {
            k += 1;
        }
        let part = self.day_part(k);
        if part.is_some() {
            k += 1;
        }
        let day = longest(
            longest(self.relative_day(k), self.weekday(k)),
            longest(self.day_noun(k), self.textual(k)),
        )
        .filter(|h| h.iv.granularity == Granularity::Day);
        let (date, time, rule, end) = match (day, day.and_then(|h| h.iv.start)) {
            (Some(h), Some(date)) => {
                let time = match part {
                    Some(p) => NaiveTime::from_hms_opt(apply_part(time.hour(), p) % 24, time.minute(), 0)?,
                    None => time,
                };
                (date, time, h.rule, h.end)
            }
            _ => (self.today(), time, "time-of-day", end),
        };
        Some(Hit {
            iv: Interval::at(date, time, g),
            rule,
            timed: rule != "time-of-day",
            end,
        })
    }
}

/// A 12-hour clock reading moved into the part of the day named after it.
fn apply_part(h: u32, part: DayPart) -> u32 {
    if h > 12 {
        return h;
    }
    match part {
        DayPart::Dawn | DayPart::Morning => h % 12,
        // "الواحدة ظهرا" is 13:00, "الثانية عشرة ظهرا" 12:00.
        DayPart::Noon => {
            if h < 6 {
                h + 12
            } else {
                h
            }
        }
        DayPart::Afternoon | DayPart::Evening => {
            if h < 12 {
                h + 12
            } else {
                h
            }
        }
        // "التاسعة ليلا" is 21:00, "الثانية ليلا" 02:00.
        DayPart::Night => match h {
            12 => 0,
            6..=11 => h + 12,
            _ => h,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::normalized;
    use super::*;
    use crate::time::Prefer;

    #[test]
    fn a_part_of_the_day_after_before_or_after_noon() {
        let at = |text: &str| normalized(text, "2013-02-12T04:30", Prefer::Future);
        assert_eq!(at("الساعة 3 بعد الظهر").as_deref(), Some("2013-02-12T15:00"));
        assert_eq!(at("الساعة 4 بعد العصر").as_deref(), Some("2013-02-12T16:00"));
        assert_eq!(at("الساعة 11 قبل الظهر").as_deref(), Some("2013-02-12T11:00"));
        assert_eq!(at("الساعة الثالثة الصبح").as_deref(), Some("2013-02-12T03:00"));
        assert_eq!(at("الساعة 3 و 18 دقيقة صباحا").as_deref(), Some("2013-02-12T03:18"));
        assert_eq!(
            at("الساعة الثالثة و18 دقيقة الصبح").as_deref(),
            Some("2013-02-12T03:18")
        );
        assert_eq!(at("الساعة 3 و15 دقيقة عصرا").as_deref(), Some("2013-02-12T15:15"));
    }

    #[test]
    fn the_hour_as_a_count() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(at("انطلق القطار الساعة سبعة مساء").as_deref(), Some("2024-12-23T19:00"));
        assert_eq!(at("الساعة تسعة والنصف صباحا").as_deref(), Some("2024-12-23T09:30"));
        assert_eq!(at("الساعة ستة إلا ربع").as_deref(), Some("2024-12-23T05:45"));
        assert_eq!(
            at("الساعة العاشرة وسبع وعشرون دقيقة صباحا").as_deref(),
            Some("2024-12-23T10:27")
        );
        assert_eq!(at("الساعة ثمانية وعشر دقائق مساء").as_deref(), Some("2024-12-23T20:10"));
        assert_eq!(
            at("الساعة الخامسة وثلاثون دقيقة مساء").as_deref(),
            Some("2024-12-23T17:30")
        );
        // A count past twelve is no hour.
        assert_eq!(at("الساعة خمسة عشر"), None);
    }

    #[test]
    fn day_parts_move_twelve_hour_readings() {
        assert_eq!(apply_part(5, DayPart::Evening), 17);
        assert_eq!(apply_part(12, DayPart::Morning), 0);
        assert_eq!(apply_part(1, DayPart::Noon), 13);
        assert_eq!(apply_part(9, DayPart::Night), 21);
        assert_eq!(apply_part(20, DayPart::Morning), 20);
    }
}
