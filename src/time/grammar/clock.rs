//! Clock times: digits (`20:01`), the hour in words with fractions
//! (`الساعة العاشرة والنصف`), parts of the day (`مساءً`), attached to a day or alone.

use chrono::{NaiveDate, NaiveTime, Timelike};

use super::numbers::{cardinal, ordinal};
use super::tokens::Punct;
use super::{Hit, Modifier, Parser, hit, longest};
use crate::time::calendar;
use crate::time::lexicon::{Count, DayPart, Kw, Lex, Unit};
use crate::time::{Granularity, Interval, Prefer};

/// A clock reading: its time, precision, the token after it, and whether it
/// is a 12-hour reading with no part of the day ("الساعة 3"), which the
/// preference may move past noon.
#[derive(Clone, Copy, Debug)]
pub(super) struct Clock {
    pub(super) time: NaiveTime,
    pub(super) granularity: Granularity,
    pub(super) end: usize,
    twelve_hour: bool,
    /// The part of the day written after it.
    part: Option<DayPart>,
}

impl Parser<'_> {
    /// "20:01", "05:16 مساءً", "الساعة 10", "الساعة الثالثة", "الساعة العاشرة والنصف",
    /// and without الساعة an hour in words that has minutes or a part of the
    /// day ("الثالثة فجرا", "الثالثة وربع بعد الظهر").
    fn clock(&self, i: usize) -> Option<Clock> {
        let clock_word = self.lex(i) == Some(Lex::Unit(Unit::Hour, Count::One, true));
        let j = if clock_word { i + 1 } else { i };
        let digits = match (self.num(j), self.punct(j + 1), self.num(j + 2)) {
            (Some((h, hd)), Some(Punct::Colon), Some((m, 2))) if hd <= 2 && h <= 24 && m < 60 => {
                Some((h, m, Granularity::Minute, j + 3, hd == 2 && h < 10))
            }
            _ => None,
        };
        // "15:23:24": seconds after the minutes.
        let seconds = match (digits, self.punct(j + 3), self.num(j + 4)) {
            (Some(_), Some(Punct::Colon), Some((sec, 2))) if sec < 60 => Some(sec),
            _ => None,
        };
        let digits = match (digits, seconds) {
            (Some((h, m, _, end, zero)), Some(_)) => Some((h, m, Granularity::Second, end + 2, zero)),
            _ => digits,
        };
        let (mut h, m, g, mut end, in_words, leading_zero) = match digits {
            Some((h, m, g, end, zero)) => (h, m, g, end, false, zero),
            None if clock_word && self.num(j).is_some() => match self.num(j) {
                Some((h, hd)) if hd <= 2 && h <= 24 => {
                    let (h, m, g, end) = self.fraction(h, j + 1);
                    (h, m, g, end, false, hd == 2 && h < 10)
                }
                _ => return None,
            },
            None => {
                // The hour as an ordinal ("الثالثة") or, after الساعة, colloquially a count ("ثلاثة").
                let (mut h, mut k) = ordinal(self.t, j).or_else(|| cardinal(self.t, j).filter(|_| clock_word))?;
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
                let (h, m, g, end) = self.fraction(h, k);
                (h, m, g, end, true, false)
            }
        };
        let (m, g, end_minutes) = match self.minutes_after(end) {
            Some((minutes, k)) if g == Granularity::Hour => (minutes, Granularity::Minute, k),
            _ => (m, g, end),
        };
        end = end_minutes;
        let part = self.part_after(end);
        if let Some((part, words)) = part {
            h = apply_part(h, part);
            end += words;
        }
        // Alone, "الثالثة" is an ordinal, no clock time.
        if !clock_word && in_words && part.is_none() && g == Granularity::Hour {
            return None;
        }
        Some(Clock {
            time: NaiveTime::from_hms_opt(h % 24, m, seconds.unwrap_or(0))?,
            granularity: g,
            end,
            twelve_hour: part.is_none() && (1..12).contains(&h) && !leading_zero,
            part: part.map(|(p, _)| p),
        })
    }

    /// A fraction after a whole hour `h` at `k`: "والنصف", "والربع", "والثلث",
    /// "إلا ربعا"; the hour, minutes, precision and where the reading ends.
    fn fraction(&self, h: u32, k: usize) -> (u32, u32, Granularity, usize) {
        let fraction = |k: usize| match self.lex(k) {
            Some(Lex::Kw(Kw::Half)) => Some(30),
            Some(Lex::Kw(Kw::Quarter)) => Some(15),
            Some(Lex::Kw(Kw::Third)) => Some(20),
            _ => None,
        };
        match (self.lex(k), fraction(k + 1)) {
            (Some(Lex::Kw(Kw::And)), Some(f)) => (h, f, Granularity::Minute, k + 2),
            (Some(Lex::Kw(Kw::Except)), Some(f)) => ((h + 11) % 12, 60 - f, Granularity::Minute, k + 2),
            _ => (h, 0, Granularity::Hour, k),
        }
    }

    /// The time a clock reading names on `date`: with the future preferred, a
    /// 12-hour reading already past on the anchor's day is the afternoon's
    /// ("الساعة 3" at 04:30 is 15:00).
    pub(super) fn on_day(&self, date: chrono::NaiveDate, clock: Clock) -> NaiveTime {
        match self.anchor.time {
            Some(now)
                if clock.twelve_hour && self.prefer == Prefer::Future && date == self.today() && clock.time < now =>
            {
                clock.time + chrono::TimeDelta::hours(12)
            }
            _ => clock.time,
        }
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
        // "هذه الليلة", "هذا الصباح".
        if self.is(i, Kw::This)
            && let Some(part) = self.day_part(i + 1)
        {
            return Some((part, 2));
        }
        if self.is(i, Kw::Isha) {
            return Some((DayPart::Night, 1));
        }
        // "بعد المغرب" is the evening, "قبل المغرب" the afternoon.
        match (self.lex(i), self.lex(i + 1)) {
            (Some(Lex::Kw(Kw::After)), Some(Lex::Kw(Kw::Sunset | Kw::Isha))) => return Some((DayPart::Evening, 2)),
            (Some(Lex::Kw(Kw::Before)), Some(Lex::Kw(Kw::Sunset))) => return Some((DayPart::Afternoon, 2)),
            _ => {}
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
            Lex::Kw(Kw::Tonight) => Some(DayPart::Night),
            Lex::Kw(Kw::AmShort) => Some(DayPart::Morning),
            Lex::Kw(Kw::M) => Some(DayPart::Evening),
            _ => None,
        }
    }

    /// A clock time right after a date: "… 2024 - 20:01", "…، 2015، الساعة 05:16 مساءً".
    pub(super) fn attached_time(&self, i: usize) -> Option<Clock> {
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
        let clock = self.clock(i)?;
        let (time, g, end) = (clock.time, clock.granularity, clock.end);
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
                    Some(p) => NaiveTime::from_hms_opt(apply_part(time.hour(), p) % 24, time.minute(), time.second())?,
                    None => self.on_day(date, clock),
                };
                (date, time, h.rule, h.end)
            }
            _ => (self.today(), self.on_day(self.today(), clock), "time-of-day", end),
        };
        Some(Hit {
            iv: Interval::at(date, time, g),
            rule,
            timed: rule != "time-of-day",
            end,
        })
    }
}

impl Parser<'_> {
    /// Two clock times on `date` joined by إلى or حتى, the part of the day
    /// written after the second holding for both: "من الساعة 3 إلى الساعة 4
    /// بعد العصر" (15:00 to 16:00, the last hour included). `i` is at من.
    pub(super) fn clock_range(&self, i: usize, date: NaiveDate) -> Option<(Interval, usize)> {
        if !self.is(i, Kw::From) {
            return None;
        }
        let first = self.clock(i + 1)?;
        let mut k = first.end;
        if self.is(k, Kw::And) {
            k += 1;
        }
        if !(self.is(k, Kw::To) || self.is(k, Kw::Until) || self.punct(k) == Some(Punct::Dash)) {
            return None;
        }
        let second = self.clock(k + 1)?;
        let from = match (first.part, second.part) {
            (None, Some(part)) if first.twelve_hour => {
                NaiveTime::from_hms_opt(apply_part(first.time.hour(), part), first.time.minute(), 0)?
            }
            _ => self.on_day(date, first),
        };
        let to = self.on_day(date, second);
        if to < from {
            return None;
        }
        let granularity = first.granularity.min(second.granularity);
        Some((Interval::clock_range(date, from, date, to, granularity), second.end))
    }

    /// Until a clock time, from the anchor's moment to the second: "حتى
    /// الساعة 2:00", "لغاية الساعة السادسة من صباح الغد". The clock time is
    /// the moment the span stops at, so its own minute is outside (a range
    /// "من الساعة 3 إلى الساعة 4" names its last hour instead). Only against
    /// an anchor with a clock time and for a time after it; otherwise the
    /// clock time is read alone.
    pub(super) fn until_clock(&self, i: usize) -> Option<Hit> {
        let j = match self.lex(i)? {
            Lex::Kw(Kw::To) if self.is(i + 1, Kw::Until) => i + 2,
            Lex::Kw(Kw::Until) => i + 1,
            _ => return None,
        };
        let now = self.today().and_time(self.anchor.time?);
        let h = self.time_only(j)?;
        let until = h.iv.start?.and_time(h.iv.time?);
        if until <= now {
            return None;
        }
        let last = until.checked_sub_signed(chrono::TimeDelta::seconds(1))?;
        hit(
            Interval::clock_range(now.date(), now.time(), last.date(), last.time(), Granularity::Second),
            "range-until-clock",
            h.end,
        )
    }

    /// A clock range on the anchor's day: "من الساعة 3 إلى الساعة 4 عصرا".
    pub(super) fn clock_range_today(&self, i: usize) -> Option<Hit> {
        let (iv, end) = self.clock_range(i, self.today())?;
        hit(iv, "clock-range", end)
    }

    /// Tonight, 18:00 to the last hour of the day: "الليلة", "هذه الليلة",
    /// and last night: "الليلة الماضية".
    pub(super) fn tonight(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, Kw::This) { i + 1 } else { i };
        if !self.is(j, Kw::Tonight) {
            return None;
        }
        let (offset, end, rule) = match self.modifier(j + 1) {
            Some(Modifier::Last) if j == i => (-1, j + 2, "last-night"),
            _ => (0, j + 1, "tonight"),
        };
        let day = calendar::add_days(self.today(), offset)?;
        let (from, to) = (NaiveTime::from_hms_opt(18, 0, 0)?, NaiveTime::from_hms_opt(23, 0, 0)?);
        hit(Interval::clock_range(day, from, day, to, Granularity::Hour), rule, end)
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
    fn an_hour_in_words_without_al_saa_needs_minutes_or_a_part_of_the_day() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(at("وصلوا الخامسة فجرا").as_deref(), Some("2024-12-23T05:00"));
        assert_eq!(at("الرابعة والنصف بعد الظهر").as_deref(), Some("2024-12-23T16:30"));
        assert_eq!(at("التاسعة هذه الليلة").as_deref(), Some("2024-12-23T21:00"));
        assert_eq!(at("السابعة وعشر دقائق صباحا").as_deref(), Some("2024-12-23T07:10"));
        // An ordinal alone is no clock time.
        assert_eq!(at("المرة الثالثة"), None);
    }

    #[test]
    fn fractions_after_an_hour_in_digits() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(at("الساعة 10 إلا ربع").as_deref(), Some("2024-12-23T09:45"));
        assert_eq!(at("الساعة 7 والنصف مساء").as_deref(), Some("2024-12-23T19:30"));
    }

    #[test]
    fn the_prayers_as_parts_of_the_day() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(at("الساعة 7 بعد المغرب").as_deref(), Some("2024-12-23T19:00"));
        assert_eq!(at("الساعة 5 قبل المغرب").as_deref(), Some("2024-12-23T17:00"));
        assert_eq!(at("الساعة 9 العشاء").as_deref(), Some("2024-12-23T21:00"));
        assert_eq!(at("الساعة 9 بعد العشاء").as_deref(), Some("2024-12-23T21:00"));
        // المغرب is also Morocco.
        assert_eq!(at("زار الوزير المغرب"), None);
    }

    #[test]
    fn a_twelve_hour_reading_past_on_the_anchor_day_is_the_afternoon_when_the_future_is_preferred() {
        let future = |text: &str| normalized(text, "2013-02-12T04:30", Prefer::Future);
        assert_eq!(future("الساعة 3").as_deref(), Some("2013-02-12T15:00"));
        assert_eq!(future("اليوم الساعة الثالثة").as_deref(), Some("2013-02-12T15:00"));
        assert_eq!(future("الساعة 5").as_deref(), Some("2013-02-12T05:00"));
        // A leading zero, a part of the day or another day keep the reading.
        assert_eq!(future("الساعة 03:00").as_deref(), Some("2013-02-12T03:00"));
        assert_eq!(future("الساعة 3 صباحا").as_deref(), Some("2013-02-12T03:00"));
        assert_eq!(future("الخميس الساعة 3").as_deref(), Some("2013-02-14T03:00"));
        let past = |text: &str| normalized(text, "2013-02-12T04:30", Prefer::Past);
        assert_eq!(past("الساعة 3").as_deref(), Some("2013-02-12T03:00"));
    }

    #[test]
    fn seconds_after_the_minutes() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(at("في تمام 08:15:30 صباحا").as_deref(), Some("2024-12-23T08:15:30"));
        assert_eq!(at("الساعة 20:01").as_deref(), Some("2024-12-23T20:01"));
        // Sixty is no second.
        assert_eq!(at("20:01:60").as_deref(), Some("2024-12-23T20:01"));
    }

    #[test]
    fn ranges_of_clock_times_include_their_last_hour() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(
            at("من الساعة 2 حتى الساعة 5 مساء").as_deref(),
            Some("2024-12-23T14:00..2024-12-23T17:00")
        );
        assert_eq!(
            at("الأحد من الساعة العاشرة وحتى الساعة 11:30 صباحا").as_deref(),
            Some("2024-12-22T10:00..2024-12-22T11:30")
        );
        // A range that ends before it starts is none.
        assert_ne!(
            at("من الساعة 9 إلى الساعة 7 صباحا").as_deref(),
            Some("2024-12-23T09:00..2024-12-23T07:00")
        );
    }

    #[test]
    fn until_a_clock_time_runs_from_the_anchor_to_its_moment() {
        let future = |text: &str| normalized(text, "2013-02-12T04:30", Prefer::Future);
        // 2:00 is past at 04:30, so with the future preferred it is 14:00.
        assert_eq!(
            future("يستمر حظر التجول حتى الساعة 2:00").as_deref(),
            Some("2013-02-12T04:30:00..2013-02-12T13:59:59")
        );
        assert_eq!(
            future("لغاية الساعة السادسة من صباح الغد").as_deref(),
            Some("2013-02-12T04:30:00..2013-02-13T05:59:59")
        );
        assert_eq!(
            future("إلى غاية الساعة 9 مساء").as_deref(),
            Some("2013-02-12T04:30:00..2013-02-12T20:59:59")
        );
        // A time already past, or an anchor without a clock, leaves the time alone.
        let past = |text: &str| normalized(text, "2013-02-12T04:30", Prefer::Past);
        assert_eq!(past("حتى الساعة 2:00").as_deref(), Some("2013-02-12T02:00"));
        assert_eq!(
            normalized("حتى الساعة 2:00", "2013-02-12", Prefer::Future).as_deref(),
            Some("2013-02-12T02:00")
        );
    }

    #[test]
    fn tonight_and_last_night() {
        let at = |text: &str| normalized(text, "2024-12-23T10:00", Prefer::Past);
        assert_eq!(at("الليلة").as_deref(), Some("2024-12-23T18:00..2024-12-23T23:00"));
        assert_eq!(
            at("في هذه الليلة").as_deref(),
            Some("2024-12-23T18:00..2024-12-23T23:00")
        );
        assert_eq!(
            at("الليلة الماضية").as_deref(),
            Some("2024-12-22T18:00..2024-12-22T23:00")
        );
        // ليلة alone names no night.
        assert_eq!(at("ليلة القدر"), None);
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
