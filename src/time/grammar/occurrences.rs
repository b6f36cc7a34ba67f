//! Days and weeks counted inside a month or after a date: "ثالث ثلاثاء في
//! أيلول 2014", "الاثنين الأخير من شهر آذار", "اليوم الأخير من شهر عشرة",
//! "أول أسبوع بشهر أكتوبر", "ثالث ثلاثاء بعد كريسماس 2014"; and a weekday of
//! a named week: "الأحد من الأسبوع الماضي", "اثنين الأسبوع الحالي".

use chrono::{Datelike, NaiveDate};

use super::numbers::ordinal;
use super::{Hit, MonthRef, Parser, hit};
use crate::time::calendar::{self, Pick};
use crate::time::lexicon::{Count, Kw, Lex, Unit};
use crate::time::{Granularity, Interval, last_day_of_month};

/// Which one of the counted days or weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nth {
    /// 1 = the first.
    Number(u32),
    Last,
}

/// What an ordinal counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counted {
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
    Day,
    /// Monday-to-Sunday weeks wholly inside the month.
    Week,
}

impl Parser<'_> {
    /// An ordinal before its noun, without the article: ثالث، أول، آخر.
    fn nth_before(&self, i: usize) -> Option<Nth> {
        match self.lex(i)? {
            Lex::Nth(n) => Some(Nth::Number(u32::from(n))),
            Lex::Kw(Kw::First) => Some(Nth::Number(1)),
            Lex::Kw(Kw::Late) => Some(Nth::Last),
            _ => None,
        }
    }

    /// A definite ordinal after its noun: الثالث، الثانية، الأخير.
    fn nth_after(&self, i: usize) -> Option<(Nth, usize)> {
        match self.lex(i)? {
            Lex::Ordinal(_) => {
                let (n, end) = ordinal(self.t, i)?;
                Some((Nth::Number(n), end))
            }
            Lex::Kw(Kw::Last) => Some((Nth::Last, i + 1)),
            _ => None,
        }
    }

    /// A weekday as the noun of an ordinal or of a week, where it may go
    /// without the article ("ثالث ثلاثاء", "أحد الأسبوع"): bare أحد and اثنين
    /// are otherwise counts.
    fn weekday_noun(&self, i: usize) -> Option<u8> {
        match self.lex(i)? {
            Lex::Weekday(w) => Some(w),
            Lex::Cardinal(1) => Some(6),
            Lex::Cardinal(2) => Some(0),
            _ => None,
        }
    }

    /// The noun after an ordinal without the article: "ثلاثاء", "يوم ثلاثاء", "يوم", "أسبوع".
    fn counted_after_nth(&self, i: usize) -> Option<(Counted, usize)> {
        let day_word = self.lex(i) == Some(Lex::Unit(Unit::Day, Count::One, false));
        let j = if day_word { i + 1 } else { i };
        if let Some(w) = self.weekday_noun(j) {
            return Some((Counted::Weekday(w), j + 1));
        }
        match self.lex(i)? {
            Lex::Unit(Unit::Day, Count::One, false) => Some((Counted::Day, i + 1)),
            Lex::Unit(Unit::Week, Count::One, false) => Some((Counted::Week, i + 1)),
            _ => None,
        }
    }

    /// "ثالث ثلاثاء في أيلول 2014", "آخر يوم بشهر عشرة سنة 2015", "أول أسبوع بشهر أكتوبر",
    /// "ثالث ثلاثاء بعد كريسماس 2014".
    pub(super) fn occurrence_nth_first(&self, i: usize) -> Option<Hit> {
        let nth = self.nth_before(i)?;
        let (counted, j) = self.counted_after_nth(i + 1)?;
        if let (Counted::Weekday(w), Nth::Number(n), true) = (counted, nth, self.is(j, Kw::After)) {
            return self.weekday_after_date(w, n, j + 1);
        }
        self.counted_in_month(counted, nth, j)
    }

    /// "الاثنين الأخير من شهر آذار", "الثلاثاء الثالث من شهر أيلول من عام 2014",
    /// "اليوم الأخير من شهر عشرة", "الأسبوع الأول من شهر عشرة 2014".
    pub(super) fn occurrence_nth_after(&self, i: usize) -> Option<Hit> {
        let counted = match self.lex(i)? {
            Lex::Weekday(w) => Counted::Weekday(w),
            Lex::Kw(Kw::Today) => Counted::Day,
            Lex::Unit(Unit::Week, Count::One, true) => Counted::Week,
            _ => return None,
        };
        let (nth, j) = self.nth_after(i + 1)?;
        if let (Counted::Weekday(w), Nth::Number(_)) = (counted, nth)
            && let Some(date) = self.textual(i + 1).and_then(|h| h.iv.start)
            && date.weekday().num_days_from_monday() == u32::from(w)
        {
            // "الثلاثاء الثالث من أيلول 2013": a weekday heading the date it falls on.
            return None;
        }
        self.counted_in_month(counted, nth, j)
    }

    /// The `nth` day, weekday or week of the month named at `i` (after من, في
    /// or an attached ب).
    fn counted_in_month(&self, counted: Counted, nth: Nth, i: usize) -> Option<Hit> {
        let j = if self.is(i, Kw::From) || self.is(i, Kw::In) {
            i + 1
        } else {
            i
        };
        let (year, month, end) = self.counting_month(j)?;
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = last_day_of_month(year, month)?;
        let (iv, rule) = match counted {
            Counted::Day => {
                let day = match nth {
                    Nth::Number(n) => calendar::add_days(first, i64::from(n) - 1)?,
                    Nth::Last => last,
                };
                (Interval::day(day), "month-nth-day")
            }
            Counted::Weekday(w) => {
                let day = match nth {
                    Nth::Number(n) => calendar::add_days(on_or_after(first, w)?, 7 * (i64::from(n) - 1))?,
                    Nth::Last => on_or_before(last, w)?,
                };
                (Interval::day(day), "month-nth-weekday")
            }
            Counted::Week => {
                let monday = match nth {
                    Nth::Number(n) => calendar::add_days(on_or_after(first, 0)?, 7 * (i64::from(n) - 1))?,
                    Nth::Last => calendar::add_days(on_or_before(last, 6)?, -6)?,
                };
                (Interval::week(monday)?, "month-nth-week")
            }
        };
        // The counted day or week must lie in the month: there is no fifth Monday in most.
        if iv.start? < first || iv.end? > last {
            return None;
        }
        hit(iv, rule, end)
    }

    /// The month an occurrence is counted in, and its year: "شهر آذار",
    /// "أيلول 2014", "شهر عشرة سنة 2015", "الشهر التاسع", "الشهر القادم",
    /// "شهر مارس السنة القادمة"; a month without a year is read by `prefer`.
    fn counting_month(&self, i: usize) -> Option<(i32, u32, usize)> {
        if let Some(h) = self.relative_unit(i)
            && h.iv.granularity == Granularity::Month
        {
            let start = h.iv.start?;
            return Some((start.year(), start.month(), h.end));
        }
        let (month, k) = match self.month_of_day(i)? {
            (MonthRef::Gregorian(m), k) => (m, k),
            (MonthRef::Hijri(_), _) => return None,
        };
        if let Some(y) = self.year_after(k) {
            return Some((y.year, month, y.end));
        }
        if let Some(h) = self.relative_unit(k)
            && h.iv.granularity == Granularity::Year
        {
            return Some((h.iv.start?.year(), month, h.end));
        }
        Some((calendar::resolve_month(month, self.today(), self.pick()), month, k))
    }

    /// "الشهر التاسع": a month by its ordinal.
    pub(super) fn ordinal_month(&self, i: usize) -> Option<(u32, usize)> {
        if self.lex(i) != Some(Lex::Unit(Unit::Month, Count::One, true)) {
            return None;
        }
        let (n, end) = ordinal(self.t, i + 1)?;
        (1..=12).contains(&n).then_some((n, end))
    }

    /// The `n`th `weekday` after the date at `i`: "ثالث ثلاثاء بعد كريسماس 2014".
    fn weekday_after_date(&self, weekday: u8, n: u32, i: usize) -> Option<Hit> {
        let date = self.point(i)?;
        let after = calendar::add_days(date.iv.end?, 1)?;
        let day = calendar::add_days(on_or_after(after, weekday)?, 7 * (i64::from(n) - 1))?;
        hit(Interval::day(day), "nth-weekday-after", date.end)
    }

    /// A weekday of a named week: "الأحد من الأسبوع الماضي", "اثنين الأسبوع
    /// الحالي", "ثلاثاء الأسبوع الفائت".
    pub(super) fn weekday_of_week(&self, i: usize) -> Option<Hit> {
        let w = self.weekday_noun(i)?;
        let j = if self.is(i + 1, Kw::From) { i + 2 } else { i + 1 };
        let week = self
            .relative_unit(j)
            .filter(|h| h.iv.granularity == Granularity::Week)?;
        let day = calendar::add_days(week.iv.start?, i64::from(w))?;
        hit(Interval::day(day), "weekday-of-week", week.end)
    }
}

/// The first `weekday` on or after `day`.
fn on_or_after(day: NaiveDate, weekday: u8) -> Option<NaiveDate> {
    calendar::resolve_weekday(weekday, day, Pick::Future)
}

/// The last `weekday` on or before `day`.
fn on_or_before(day: NaiveDate, weekday: u8) -> Option<NaiveDate> {
    calendar::resolve_weekday(weekday, day, Pick::Past)
}

#[cfg(test)]
mod tests {
    use super::super::tests::normalized;
    use crate::time::Prefer;

    fn at(text: &str) -> Option<String> {
        normalized(text, "2024-12-23", Prefer::Past)
    }

    #[test]
    fn weekdays_counted_in_a_month() {
        // May 2024 begins on a Wednesday.
        assert_eq!(at("ثاني خميس من أيار 2024").as_deref(), Some("2024-05-09"));
        assert_eq!(at("في آخر خميس من شهر مايو 2024").as_deref(), Some("2024-05-30"));
        assert_eq!(at("أول اثنين بشهر مايو 2024").as_deref(), Some("2024-05-06"));
        assert_eq!(at("رابع يوم أحد في أيار 2024").as_deref(), Some("2024-05-26"));
        assert_eq!(at("الجمعة الأخيرة من شهر أيار لعام 2024").as_deref(), Some("2024-05-31"));
        // Without a year, the month is read by the preference (past here).
        assert_eq!(at("الخميس الثاني من شهر تشرين الأول").as_deref(), Some("2024-10-10"));
        // May 2024 has no fifth Monday.
        assert_ne!(at("خامس اثنين من أيار 2024").as_deref(), Some("2024-06-03"));
    }

    #[test]
    fn a_weekday_heading_its_own_date_is_that_date() {
        // 10 May 2024 is a Friday: the date, not the tenth Friday.
        assert_eq!(at("الجمعة العاشر من أيار 2024").as_deref(), Some("2024-05-10"));
        // 2 May 2024 is a Thursday: the second Friday.
        assert_eq!(at("الجمعة الثانية من أيار 2024").as_deref(), Some("2024-05-10"));
    }

    #[test]
    fn days_and_weeks_counted_in_a_month() {
        assert_eq!(at("آخر يوم من شهر شباط 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(at("اليوم الأخير من الشهر الماضي").as_deref(), Some("2024-11-30"));
        assert_eq!(at("ثالث يوم في الشهر الخامس سنة 2024").as_deref(), Some("2024-05-03"));
        // Whole weeks only: May 2024's first Monday is the 6th, its last Sunday the 26th.
        assert_eq!(at("أول أسبوع من أيار 2024").as_deref(), Some("2024-05-06..2024-05-12"));
        assert_eq!(
            at("الأسبوع الأخير في شهر أيار 2024").as_deref(),
            Some("2024-05-20..2024-05-26")
        );
        assert_eq!(
            at("آخر أسبوع من الشهر المقبل").as_deref(),
            Some("2025-01-20..2025-01-26")
        );
    }

    #[test]
    fn weekdays_counted_after_a_date() {
        // 25 December 2024 is a Wednesday.
        assert_eq!(at("ثاني خميس بعد عيد الميلاد 2024").as_deref(), Some("2025-01-02"));
        assert_eq!(at("أول أربعاء بعد 25 ديسمبر 2024").as_deref(), Some("2025-01-01"));
    }

    #[test]
    fn a_weekday_of_a_named_week() {
        // 23 December 2024 is a Monday.
        assert_eq!(at("الأحد من الأسبوع الماضي").as_deref(), Some("2024-12-22"));
        assert_eq!(at("خميس الأسبوع المقبل").as_deref(), Some("2025-01-02"));
        assert_eq!(at("اثنين هذا الأسبوع").as_deref(), Some("2024-12-23"));
        assert_eq!(at("الجمعة من الأسبوع الحالي").as_deref(), Some("2024-12-27"));
        // A count before weeks stays a count.
        assert_eq!(at("اثنين أسابيع").as_deref(), None);
    }
}
