//! Expressions relative to the anchor: today and its neighbours, weekdays,
//! this or last week, month or year, spans ago and ahead, rolling spans, and
//! the early, middle or late part of a month or year.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike};

use super::numbers::cardinal;
use super::tokens::Punct;
use super::{Hit, Modifier, Parser, hit, longest};
use crate::time::calendar::{self, Pick};
use crate::time::lexicon::{Count, Kw, Lex, Unit};
use crate::time::{Granularity, Interval, Prefer};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

/// Counts beyond this are not time spans ("منذ 5000 يوم" is still fine).
const MAX_COUNT: u32 = 100_000;

/// How far an uncounted plural reaches ("الساعات المقبلة", "الأيام
/// الماضية"): as far as one of the next larger unit, which a longer span
/// would have been counted in; years up to a decade.
fn uncounted(unit: Unit) -> (u32, Unit) {
    match unit {
        Unit::Minute => (60, Unit::Minute),
        Unit::Hour => (24, Unit::Hour),
        Unit::Day => (7, Unit::Day),
        Unit::Week => (1, Unit::Month),
        Unit::Month => (12, Unit::Month),
        Unit::Year => (10, Unit::Year),
    }
}

impl Parser<'_> {
    /// "يوم الجمعة", "يوم أمس", "يوم 23 ديسمبر".
    pub(super) fn day_noun(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let h = longest(
            longest(self.weekday(j), self.relative_day(j)),
            longest(self.textual(j), self.numeric(j)),
        )?;
        (h.iv.granularity == Granularity::Day).then_some(h)
    }

    /// اليوم heading an ordinal day of a month names that day, not today:
    /// "اليوم الخامس من نيسان".
    pub(super) fn today_word_heading_day(&self, i: usize) -> Option<Hit> {
        matches!(self.lex(i + 1), Some(Lex::Ordinal(_)))
            .then(|| self.textual(i + 1))
            .flatten()
    }

    /// A weekday, alone, with الماضي/المقبل, or heading a full date ("الاثنين, 23 ديسمبر - 2024").
    pub(super) fn weekday(&self, i: usize) -> Option<Hit> {
        let Some(Lex::Weekday(w)) = self.lex(i) else {
            return None;
        };
        let mut k = i + 1;
        if matches!(self.punct(k), Some(Punct::Comma | Punct::Dash)) {
            k += 1;
        }
        if self.is(k, Kw::DateWord) {
            k += 1;
        }
        if let Some(h) = longest(self.textual(k), self.numeric(k)) {
            return Some(h);
        }
        if let Some(h) = self.weekday_day_month(w, k) {
            return Some(h);
        }
        let (pick, end, rule) = match self.modifier(i + 1) {
            Some(Modifier::Last) => (Pick::StrictPast, i + 2, "relative-weekday-last"),
            Some(Modifier::Next) => (Pick::StrictFuture, i + 2, "relative-weekday-next"),
            _ => (self.pick(), i + 1, "relative-weekday"),
        };
        hit(
            Interval::day(calendar::resolve_weekday(w, self.today(), pick)?),
            rule,
            end,
        )
    }

    /// Now: "الآن", "حالا", "في هذه اللحظة" — the anchor's moment, to the
    /// second. An anchor without a clock time is a publication day, which a
    /// claim is timed by anyway: there a now-word is no expression, and
    /// "حتى الآن" no range (which would retime claims without a date of their own).
    pub(super) fn now(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, Kw::This) { i + 1 } else { i };
        if !self.is(j, Kw::Now) {
            return None;
        }
        let time = self.anchor.time?;
        hit(Interval::at(self.today(), time, Granularity::Second), "now", j + 1)
    }

    /// A day and month in digits after their weekday, "السبت 21/09": alone
    /// such a pair could be a score or a fraction, so the weekday must fit.
    fn weekday_day_month(&self, weekday: u8, i: usize) -> Option<Hit> {
        let ((day, dd), (month, md)) = (self.num(i)?, self.num(i + 2)?);
        if self.punct(i + 1) != Some(Punct::Slash) || dd > 2 || md > 2 || self.punct(i + 3) == Some(Punct::Slash) {
            return None;
        }
        let date = calendar::resolve_day_month(month, day, self.today(), self.pick())?;
        (date.weekday().num_days_from_monday() == u32::from(weekday))
            .then(|| hit(Interval::day(date), "weekday-day-month", i + 3))
            .flatten()
    }

    /// اليوم، أمس، أول أمس، غدا، بعد غد، and a part of such a day ("صباح اليوم", "مساء الجمعة").
    pub(super) fn relative_day(&self, i: usize) -> Option<Hit> {
        let day = |offset: i64, rule, end| hit(Interval::day(calendar::add_days(self.today(), offset)?), rule, end);
        match self.lex(i)? {
            Lex::Kw(Kw::Today) => {
                // "اليوم الذي بعد الغد", "اليوم القبل البارحة": the day a clause names
                // (الي is إلى folded, and the colloquial relative).
                let j = match self.lex(i + 1) {
                    Some(Lex::Kw(Kw::Which | Kw::To)) => i + 2,
                    _ => i + 1,
                };
                if matches!(self.lex(j), Some(Lex::Kw(Kw::After | Kw::Before)))
                    && let Some(h) = self.relative_day(j)
                {
                    return Some(h);
                }
                if self.modifier(i + 1) == Some(Modifier::Last) {
                    return day(-1, "relative-day-before", i + 2);
                }
                // "اليوم التالي": the day after the day the story is at, which
                // is the anchor here; an article's reader puts its last date there.
                if self.modifier(i + 1) == Some(Modifier::Next) {
                    return day(1, crate::time::FOLLOWING_DAY, i + 2);
                }
                if let Some(Lex::Weekday(_)) = self.lex(i + 1) {
                    // "اليوم الإثنين": today, unless a full date follows the weekday.
                    if let Some(h) = self.weekday(i + 1).filter(|h| h.rule.starts_with("absolute")) {
                        return Some(h);
                    }
                    return day(0, "relative-today", i + 2);
                }
                day(0, "relative-today", i + 1)
            }
            Lex::Kw(Kw::Yesterday) => match self.lex(i + 1) {
                Some(Lex::Ordinal(1)) => day(-2, "relative-day-before-yesterday", i + 2),
                _ => day(-1, "relative-yesterday", i + 1),
            },
            Lex::Kw(Kw::First) => {
                let j = if self.is(i + 1, Kw::From) { i + 2 } else { i + 1 };
                if self.is(j, Kw::Yesterday) {
                    day(-2, "relative-day-before-yesterday", j + 1)
                } else {
                    None
                }
            }
            Lex::Kw(Kw::Tomorrow) => day(1, "relative-tomorrow", i + 1),
            Lex::Kw(Kw::After) if self.is(i + 1, Kw::Tomorrow) => day(2, "relative-day-after-tomorrow", i + 2),
            Lex::Kw(Kw::Before) if self.is(i + 1, Kw::Yesterday) => day(-2, "relative-day-before-yesterday", i + 2),
            Lex::Kw(Kw::Part(_)) => {
                let j = i + 1;
                let h = longest(
                    longest(self.relative_day(j), self.weekday(j)),
                    longest(self.day_noun(j), self.textual(j)),
                )?;
                (h.iv.granularity == Granularity::Day).then_some(h)
            }
            _ => None,
        }
    }

    /// "هذا الشهر", "الأسبوع الماضي", "العام المقبل", "السنة الحالية".
    pub(super) fn relative_unit(&self, i: usize) -> Option<Hit> {
        let (unit, modifier, end) = match (self.lex(i)?, self.lex(i + 1)) {
            (Lex::Kw(Kw::This), Some(Lex::Unit(u, Count::One, true))) => (u, Modifier::Current, i + 2),
            (Lex::Unit(u, Count::One, true), _) if !(u == Unit::Year && i > 0 && self.is(i - 1, Kw::Title)) => {
                (u, self.modifier(i + 1)?, i + 2)
            }
            _ => return None,
        };
        let step: i64 = match modifier {
            Modifier::Last => -1,
            Modifier::Current => 0,
            Modifier::Next => 1,
        };
        let today = self.today();
        let (iv, rule) = match unit {
            Unit::Week => {
                let monday = calendar::add_days(calendar::monday_of(today)?, 7 * step)?;
                let rule = ["relative-week-last", "relative-week-this", "relative-week-next"][(step + 1) as usize];
                (Interval::week(monday)?, rule)
            }
            Unit::Month => {
                let d = calendar::add_months(today.with_day(1)?, step)?;
                let rule = ["relative-month-last", "relative-month-this", "relative-month-next"][(step + 1) as usize];
                (Interval::month(d.year(), d.month())?, rule)
            }
            Unit::Year => {
                let rule = ["relative-year-last", "relative-year-this", "relative-year-next"][(step + 1) as usize];
                (Interval::year(today.year().checked_add(step as i32)?)?, rule)
            }
            Unit::Day if modifier == Modifier::Current => (Interval::day(today), "relative-today"),
            _ => return None,
        };
        hit(iv, rule, end)
    }

    /// A count and a unit: "3 أيام", "ثلاثة أيام", "21 يوما", or a noun that carries its count ("يومين", "أسبوع").
    fn duration(&self, i: usize) -> Option<(u32, Unit, usize)> {
        if let Some((n, k)) = cardinal(self.t, i)
            && let Some(Lex::Unit(u, _, false)) = self.lex(k)
        {
            return (n <= MAX_COUNT).then_some((n, u, k + 1));
        }
        match self.lex(i)? {
            Lex::Unit(u, Count::One, false) => Some((1, u, i + 1)),
            Lex::Unit(u, Count::Two, false) => Some((2, u, i + 1)),
            _ => None,
        }
    }

    /// The anchor moved by `n` units (`sign` = -1 back, +1 ahead). Weeks and
    /// longer land on a day; hours and minutes keep a clock time when the
    /// anchor has one.
    fn moved(&self, n: u32, unit: Unit, sign: i64) -> Option<Interval> {
        let n = n as i64 * sign;
        let today = self.today();
        Some(match unit {
            Unit::Day => Interval::day(calendar::add_days(today, n)?),
            Unit::Week => Interval::day(calendar::add_days(today, 7 * n)?),
            Unit::Month => Interval::day(calendar::add_months(today, n)?),
            Unit::Year => Interval::day(calendar::add_months(today, 12 * n)?),
            Unit::Hour | Unit::Minute => {
                let (minutes, g) = if unit == Unit::Hour {
                    (60 * n, Granularity::Hour)
                } else {
                    (n, Granularity::Minute)
                };
                match self.anchor.time {
                    Some(t) => {
                        let at = today.and_time(t).checked_add_signed(TimeDelta::try_minutes(minutes)?)?;
                        let time = NaiveTime::from_hms_opt(at.hour(), at.minute(), 0)?;
                        Interval::at(at.date(), time, g)
                    }
                    // Without a clock on the anchor, only whole days can be counted.
                    None => Interval::day(calendar::add_days(today, minutes / 1440)?),
                }
            }
        })
    }

    /// "قبل ثلاثة أيام", "منذ أسبوعين", "منذ 3 أيام", "بعد يومين".
    pub(super) fn shift(&self, i: usize) -> Option<Hit> {
        let (sign, rule) = match self.lex(i)? {
            Lex::Kw(Kw::Before | Kw::Since) => (-1, "relative-ago"),
            Lex::Kw(Kw::After) => (1, "relative-later"),
            _ => return None,
        };
        if let Some(h) = self.bounded_shift(i, sign) {
            return Some(h);
        }
        let j = if self.is(i + 1, Kw::Approx) { i + 2 } else { i + 1 };
        let (n, unit, end) = self.duration(j)?;
        hit(self.moved(n, unit, sign)?, rule, end)
    }

    /// A span that is only a bound: "منذ أكثر من عام", "قبل أقل من أسبوع",
    /// "بعد أكثر من شهرين". The day the span reaches is the bound; with أقل the
    /// time lies between it and the anchor. With أكثر, قبل puts the time
    /// before the bound and بعد after it, while منذ names a state that began
    /// before the bound and holds at the anchor: its first day is unknown, so
    /// the interval is open before and ends at the anchor.
    fn bounded_shift(&self, i: usize, sign: i64) -> Option<Hit> {
        let more = match self.lex(i + 1)? {
            Lex::Kw(Kw::More) => true,
            Lex::Kw(Kw::Less) => false,
            _ => return None,
        };
        if !self.is(i + 2, Kw::From) {
            return None;
        }
        let (n, unit, end) = self.duration(i + 3)?;
        let bound = self.moved(n, unit, sign)?.start?;
        let today = self.today();
        let (iv, rule) = match (more, sign < 0, self.is(i, Kw::Since)) {
            (true, true, true) => (Interval::open(None, Some(today)), "open-since-more-than"),
            (true, true, false) => (Interval::open(None, Some(bound)), "open-more-than-ago"),
            (true, false, _) => (Interval::open(Some(bound), None), "open-more-than-later"),
            (false, true, _) => (Interval::range(bound, today), "range-less-than-ago"),
            (false, false, _) => (Interval::range(today, bound), "range-less-than-later"),
        };
        hit(iv, rule, end)
    }

    /// A rolling span's count, unit, direction and end: "اليومين الماضيين",
    /// "الأيام الثلاثة الماضية", "الساعات الـ24 الماضية", "الـ24 ساعة المقبلة",
    /// and an uncounted plural ("الساعات المقبلة", see [`uncounted`]).
    fn rolling_span(&self, i: usize) -> Option<(u32, Unit, i64, usize)> {
        let (n, unit, j) = match self.lex(i)? {
            Lex::Unit(u, Count::Two, true) => (2, u, i + 1),
            Lex::Unit(u, Count::Many, true) => {
                let k = if self.is(i + 1, Kw::Article) { i + 2 } else { i + 1 };
                match cardinal(self.t, k) {
                    Some((n, k)) => (n, u, k),
                    None if k == i + 1 && self.modifier(k).is_some() => {
                        let (n, u) = uncounted(u);
                        (n, u, k)
                    }
                    None => return None,
                }
            }
            Lex::Kw(Kw::Article) => {
                let (n, digits) = self.num(i + 1)?;
                match self.lex(i + 2) {
                    Some(Lex::Unit(u, _, false)) if digits <= 6 => (n, u, i + 3),
                    _ => return None,
                }
            }
            _ => return None,
        };
        if n == 0 || n > MAX_COUNT {
            return None;
        }
        let sign = match self.modifier(j)? {
            Modifier::Last => -1,
            Modifier::Next => 1,
            Modifier::Current => return None,
        };
        Some((n, unit, sign, j + 1))
    }

    /// Rolling spans up to or from the anchor, as days: "خلال اليومين الماضيين",
    /// "الأيام الثلاثة الماضية", "الساعات الـ24 الماضية", "الأسبوعين المقبلين".
    pub(super) fn rolling(&self, i: usize) -> Option<Hit> {
        let (n, unit, sign, end) = self.rolling_span(i)?;
        let rule = if sign < 0 {
            "relative-past-span"
        } else {
            "relative-next-span"
        };
        hit(self.days_from_anchor(n, unit, sign)?, rule, end)
    }

    /// The days from the anchor's to the one `n` units away toward `sign`,
    /// both included; a span of hours or minutes against a day alone reaches
    /// into whole days.
    fn days_from_anchor(&self, n: u32, unit: Unit, sign: i64) -> Option<Interval> {
        let today = self.today();
        let far = match unit {
            Unit::Hour | Unit::Minute if self.anchor.time.is_none() => {
                let minutes = if unit == Unit::Hour { 60 * n as i64 } else { n as i64 };
                calendar::add_days(today, sign * ((minutes + 1439) / 1440))?
            }
            _ => self.moved(n, unit, sign)?.start?,
        };
        let (s, e) = if sign < 0 { (far, today) } else { (today, far) };
        Some(Interval::range(s, e))
    }

    /// `n` units from the anchor toward `sign`. With a clock on the anchor,
    /// to the second from its moment: a span of hours or minutes stops at
    /// the moment it reaches (outside, as "حتى الساعة 2:00" stops at 2:00),
    /// a longer one takes in the whole day it lands on (as the rolling
    /// "الأسبوعين المقبلين" includes its last day). Against a day alone, the days.
    fn span_from_anchor(&self, n: u32, unit: Unit, sign: i64) -> Option<Interval> {
        let Some(time) = self.anchor.time else {
            return self.days_from_anchor(n, unit, sign);
        };
        let now = self.today().and_time(time);
        let far = match unit {
            Unit::Hour | Unit::Minute => {
                let minutes = if unit == Unit::Hour { 60 * n as i64 } else { n as i64 };
                let at = now.checked_add_signed(TimeDelta::try_minutes(sign * minutes)?)?;
                if sign < 0 {
                    at
                } else {
                    at.checked_sub_signed(TimeDelta::seconds(1))?
                }
            }
            _ => {
                let day = self.moved(n, unit, sign)?.start?;
                if sign < 0 {
                    day.and_time(NaiveTime::MIN)
                } else {
                    day.and_hms_opt(23, 59, 59)?
                }
            }
        };
        let (s, e) = if sign < 0 { (far, now) } else { (now, far) };
        Some(Interval::clock_range(
            s.date(),
            s.time(),
            e.date(),
            e.time(),
            Granularity::Second,
        ))
    }

    /// Within a span from the anchor: "خلال أسبوعين", "في غضون 3 أيام",
    /// "خلال الساعات المقبلة", "خلال أسبوعين من الآن". With no المقبلة or
    /// الماضية the span lies on the preferred side of the anchor: ahead, a
    /// deadline ("ستنسحب خلال أسبوعين"); behind, a toll ("قتل 20 خلال
    /// يومين"). A count and unit with more after them is not counted from
    /// the anchor: it heads a date ("خلال عام 2015") or is counted from
    /// something else ("خلال أسبوع من وصوله").
    pub(super) fn within(&self, i: usize) -> Option<Hit> {
        if !self.is(i, Kw::Within) {
            return None;
        }
        if let Some((n, unit, sign, end)) = self.rolling_span(i + 1) {
            let rule = if sign < 0 {
                "within-past-span"
            } else {
                "within-next-span"
            };
            return hit(self.span_from_anchor(n, unit, sign)?, rule, end);
        }
        let j = if self.is(i + 1, Kw::Approx) { i + 2 } else { i + 1 };
        let (n, unit, end) = self.duration(j)?;
        let (sign, end) = match (self.is(end, Kw::From) && self.is(end + 1, Kw::Now), self.prefer) {
            (true, _) => (1, end + 2),
            (false, Prefer::Future) => (1, end),
            (false, Prefer::Past) => (-1, end),
        };
        if !self.closes(end) {
            return None;
        }
        hit(self.span_from_anchor(n, unit, sign)?, "within-span", end)
    }

    /// Colloquial من for "ago": "من أسبوع", "ومن يومين", "من 3 سنين", the
    /// day that long before the anchor as with قبل. Only at the start of an
    /// expression and as the whole of it: after أكثر، أقل or an
    /// approximation من compares ("أكثر من أسبوع", "ما يقرب من عام"), and
    /// with more after the unit it starts a range or a date ("من يوم لآخر",
    /// "من عام 2015").
    pub(super) fn colloquial_ago(&self, i: usize) -> Option<Hit> {
        if !self.is(i, Kw::From) || (i > 0 && !(i == 1 && self.is(0, Kw::And))) {
            return None;
        }
        let (n, unit, end) = self.duration(i + 1)?;
        if !self.closes(end) {
            return None;
        }
        hit(self.moved(n, unit, -1)?, "relative-ago-colloquial", end)
    }
    /// أوائل/منتصف/أواخر of a month or year: "أواخر الشهر", "منتصف ديسمبر 2024", "مطلع العام المقبل".
    pub(super) fn period_part(&self, i: usize) -> Option<Hit> {
        let part = match self.lex(i)? {
            Lex::Kw(Kw::Early | Kw::First) => Part::Early,
            Lex::Kw(Kw::Mid) => Part::Mid,
            Lex::Kw(Kw::Late) => Part::Late,
            _ => return None,
        };
        let j = i + 1;
        let base = longest(longest(self.month_expr(j), self.year(j, true)), self.relative_unit(j));
        let today = self.today();
        let (base, end) = match (base, self.lex(j)?) {
            (Some(h), _) => (h.iv, h.end),
            // Bare "الشهر" / "العام" here is the current one.
            (None, Lex::Unit(Unit::Month, Count::One, true)) => (Interval::month(today.year(), today.month())?, j + 1),
            (None, Lex::Unit(Unit::Year, Count::One, true)) => (Interval::year(today.year())?, j + 1),
            _ => return None,
        };
        let (start, last) = (base.start?, base.end?);
        let (s, e) = match base.granularity {
            Granularity::Month => {
                let day = |d: u32| start.with_day(d);
                match part {
                    Part::Early => (start, day(10)?),
                    Part::Mid => (day(11)?, day(20)?),
                    Part::Late => (day(21)?, last),
                }
            }
            Granularity::Year => {
                let y = start.year();
                let md = |m, d| NaiveDate::from_ymd_opt(y, m, d);
                match part {
                    Part::Early => (start, md(3, 31)?),
                    Part::Mid => (md(5, 1)?, md(8, 31)?),
                    Part::Late => (md(10, 1)?, last),
                }
            }
            _ => return None,
        };
        let rule = match part {
            Part::Early => "period-early",
            Part::Mid => "period-mid",
            Part::Late => "period-late",
        };
        hit(Interval::range(s, e), rule, end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{norm, normalized};
    use crate::time::Prefer;

    #[test]
    fn within_a_span_from_the_anchor() {
        let future = |text: &str| normalized(text, "2024-12-23T10:15", Prefer::Future);
        // Hours stop at the moment they reach, days take in the day they land on.
        assert_eq!(
            future("سيعلن القرار خلال 3 ساعات").as_deref(),
            Some("2024-12-23T10:15:00..2024-12-23T13:14:59")
        );
        assert_eq!(
            future("في غضون يومين").as_deref(),
            Some("2024-12-23T10:15:00..2024-12-25T23:59:59")
        );
        assert_eq!(
            future("ستنسحب القوات خلال شهر").as_deref(),
            Some("2024-12-23T10:15:00..2025-01-23T23:59:59")
        );
        // Against a day alone, the days, as the rolling span of the same length.
        assert_eq!(
            normalized("خلال أسبوعين", "2024-12-23", Prefer::Future).as_deref(),
            Some("2024-12-23..2025-01-06")
        );
        assert_eq!(
            normalized("خلال أسبوعين", "2024-12-23", Prefer::Future),
            normalized("الأسبوعين المقبلين", "2024-12-23", Prefer::Future)
        );
        // With the past preferred, a span with no direction ends at the anchor.
        assert_eq!(
            norm("قتل 20 شخصا خلال يومين", "2024-12-23").as_deref(),
            Some("2024-12-21..2024-12-23")
        );
        // من الآن says ahead whatever the preference.
        assert_eq!(
            norm("خلال عشرة أيام من الآن", "2024-12-23").as_deref(),
            Some("2024-12-23..2025-01-02")
        );
        // A rolling span after خلال keeps its own direction.
        assert_eq!(
            norm("خلال الساعات الـ48 المقبلة", "2024-12-23T10:15").as_deref(),
            Some("2024-12-23T10:15:00..2024-12-25T10:14:59")
        );
    }

    #[test]
    fn within_a_span_not_counted_from_the_anchor() {
        // A unit heading a date is the date.
        assert_eq!(norm("خلال عام 2015", "2024-12-23").as_deref(), Some("2015"));
        assert_eq!(
            norm("خلال شهر رمضان", "2024-12-23").as_deref(),
            Some("2024-03-11..2024-04-09")
        );
        // Counted from something else.
        assert_eq!(norm("خلال أسبوع من وصوله", "2024-12-23"), None);
        // Throughout a span places it nowhere.
        assert_eq!(norm("استمر القصف طوال يومين", "2024-12-23"), None);
    }

    #[test]
    fn an_uncounted_plural_reaches_one_of_the_next_unit() {
        assert_eq!(
            norm("خلال الساعات المقبلة", "2024-12-23T10:15").as_deref(),
            Some("2024-12-23T10:15:00..2024-12-24T10:14:59")
        );
        assert_eq!(
            norm("الأيام الماضية", "2024-12-23").as_deref(),
            Some("2024-12-16..2024-12-23")
        );
        assert_eq!(
            norm("في السنوات المقبلة", "2024-12-23").as_deref(),
            Some("2024-12-23..2034-12-23")
        );
        // With no direction a plural is no span.
        assert_eq!(norm("في تلك الأيام", "2024-12-23"), None);
        assert_eq!(norm("الأيام الحالية", "2024-12-23"), None);
    }

    #[test]
    fn colloquial_min_is_ago_only_as_a_whole_expression() {
        assert_eq!(norm("شفته من أسبوع", "2024-12-23").as_deref(), Some("2024-12-16"));
        assert_eq!(norm("ومن يومين", "2024-12-23").as_deref(), Some("2024-12-21"));
        assert_eq!(
            norm("وصل من 3 ساعات", "2024-12-23T10:15").as_deref(),
            Some("2024-12-23T07:15")
        );
        // A comparison or an approximation before it, more after it.
        assert_eq!(norm("استمر الحصار أكثر من أسبوع", "2024-12-23"), None);
        assert_eq!(norm("دام ما يقرب من عام", "2024-12-23"), None);
        assert_eq!(norm("تتغير الأسعار من يوم لآخر", "2024-12-23"), None);
        assert_eq!(norm("اعتبارا من عام 2015", "2024-12-23").as_deref(), Some("2015"));
        assert_eq!(
            norm("من شهر رمضان", "2024-12-23").as_deref(),
            Some("2024-03-11..2024-04-09")
        );
    }

    #[test]
    fn the_following_day_is_the_day_after_the_anchor_not_today() {
        assert_eq!(
            norm("وفي اليوم التالي وصل الوفد", "2024-12-10").as_deref(),
            Some("2024-12-11")
        );
        assert_eq!(norm("صباح اليوم التالي", "2024-12-10").as_deref(), Some("2024-12-11"));
        assert_eq!(norm("اليوم الماضي", "2024-12-10").as_deref(), Some("2024-12-09"));
    }

    #[test]
    fn a_span_that_is_only_a_bound() {
        // A state held for more than the span: open before, up to the anchor.
        assert_eq!(
            norm("تحاصر القوات المدينة منذ أكثر من عام", "2024-12-23").as_deref(),
            Some("..2024-12-23")
        );
        assert_eq!(
            norm("منذ أكثر من ثلاثة أشهر", "2024-12-23").as_deref(),
            Some("..2024-12-23")
        );
        // An event more than the span away lies beyond the bound.
        assert_eq!(
            norm("قبل أكثر من أسبوعين", "2024-12-23").as_deref(),
            Some("..2024-12-09")
        );
        assert_eq!(norm("بعد أكثر من شهر", "2024-12-23").as_deref(), Some("2025-01-23.."));
        // Less than the span: between the bound and the anchor.
        assert_eq!(
            norm("منذ أقل من أسبوع", "2024-12-23").as_deref(),
            Some("2024-12-16..2024-12-23")
        );
        assert_eq!(
            norm("بعد أقل من يومين", "2024-12-23").as_deref(),
            Some("2024-12-23..2024-12-25")
        );
        // About a span is a point near it, not a bound.
        assert_eq!(norm("منذ نحو أسبوعين", "2024-12-23").as_deref(), Some("2024-12-09"));
        // أكثر من with no unit after it is a count of something else.
        assert_eq!(norm("قتل منذ أكثر من 20 شخصا", "2024-12-23"), None);
    }

    #[test]
    fn a_day_named_by_a_relative_clause() {
        assert_eq!(norm("اليوم الذي بعد الغد", "2024-12-23").as_deref(), Some("2024-12-25"));
        assert_eq!(
            norm("اليوم اللي قبل امبارح", "2024-12-23").as_deref(),
            Some("2024-12-21")
        );
        assert_eq!(norm("اليوم القبل البارحة", "2024-12-23").as_deref(), Some("2024-12-21"));
        assert_eq!(norm("يوم قبل أمس", "2024-12-23").as_deref(), Some("2024-12-21"));
        assert_eq!(norm("وصل الوفد قبل أمس", "2024-12-23").as_deref(), Some("2024-12-21"));
        // Before a span, قبل still counts back.
        assert_eq!(norm("قبل أسبوع", "2024-12-23").as_deref(), Some("2024-12-16"));
    }

    #[test]
    fn a_weekday_heading_day_and_month_in_digits() {
        // 21 September 2024 is a Saturday.
        assert_eq!(norm("يوم السبت 21/09", "2024-12-23").as_deref(), Some("2024-09-21"));
        assert_eq!(
            norm("السبت 21/9 الساعة 1:30 بعد الظهر", "2024-12-23").as_deref(),
            Some("2024-09-21T13:30")
        );
        // A weekday that does not fit leaves the digits alone.
        assert_eq!(norm("الأحد 21/09", "2024-12-23").as_deref(), Some("2024-12-22"));
    }

    #[test]
    fn now_is_the_anchor() {
        assert_eq!(norm("حالا", "2024-12-23T10:15").as_deref(), Some("2024-12-23T10:15:00"));
        assert_eq!(
            norm("في هذه اللحظة", "2024-12-23T10:15").as_deref(),
            Some("2024-12-23T10:15:00")
        );
        assert_eq!(norm("حتى الآن", "2024-12-23T10:15").as_deref(), Some("..2024-12-23"));
        // Against a day alone, now adds nothing to it.
        assert_eq!(norm("الآن", "2024-12-23"), None);
        assert_eq!(norm("حتى الآن", "2024-12-23"), None);
    }

    #[test]
    fn a_day_of_the_current_month() {
        assert_eq!(
            norm("التاسع عشر من هذا الشهر", "2024-12-23").as_deref(),
            Some("2024-12-19")
        );
        assert_eq!(
            norm("في الخامس من الشهر الماضي", "2024-12-23").as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(norm("الشهر الماض", "2024-12-23").as_deref(), Some("2024-11"));
        // November has no 31st.
        assert_eq!(norm("الحادي والثلاثين من الشهر الماضي", "2024-12-23"), None);
    }
}
