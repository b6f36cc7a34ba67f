//! Ranges: open ones (since, until, before, after a date) and ranges of two
//! dates (between … and, from … to, days sharing a month, year spans).

use chrono::{Datelike, NaiveDate};

use super::tokens::Punct;
use super::{BARE_YEARS, Hit, MonthRef, Parser, hit, longest};
use crate::time::calendar;
use crate::time::lexicon::{Kw, Lex};
use crate::time::{Calendar, Interval};

impl Parser<'_> {
    /// "منذ عام 2015", "حتى نهاية العام", "إلى غاية ديسمبر", "قبل 2015", "بعد الأول من ديسمبر".
    pub(super) fn open(&self, i: usize) -> Option<Hit> {
        let (kw, mut j) = match self.lex(i)? {
            Lex::Kw(Kw::To) if self.is(i + 1, Kw::Until) => (Kw::Until, i + 2),
            Lex::Kw(kw @ (Kw::Since | Kw::Until | Kw::Before | Kw::After)) => (kw, i + 1),
            _ => return None,
        };
        if self.is(j, Kw::DateWord) {
            j += 1;
        }
        let h = self.point(j)?;
        let (s, e) = (h.iv.start, h.iv.end);
        let (iv, rule) = match kw {
            Kw::Since => (Interval::open(s, None), "open-since"),
            Kw::Until => (Interval::open(None, e), "open-until"),
            Kw::Before => (Interval::open(None, Some(calendar::add_days(s?, -1)?)), "open-before"),
            _ => (Interval::open(Some(calendar::add_days(e?, 1)?), None), "open-after"),
        };
        hit(iv, rule, h.end)
    }

    /// The second date of a pair, where a bare year needs no preposition ("بين 2015 و2020").
    fn second(&self, i: usize) -> Option<Hit> {
        longest(self.point(i), self.year(i, true))
    }

    fn span(first: Hit, second: Hit) -> Option<Interval> {
        let (mut s, e) = (first.iv.start?, second.iv.end?);
        // A first date resolved on its own can land after the second: a
        // yearless one then takes the second's year ("بين نوفمبر وديسمبر 2024"
        // read in 2026), a weekday the week before ("من الاثنين حتى الخميس").
        if s > e {
            s = match first.rule {
                "absolute-day-month" | "month-named" => s
                    .with_year(e.year())
                    .filter(|&d| d <= e)
                    .or_else(|| s.with_year(e.year() - 1))?,
                "relative-weekday" => calendar::add_days(s, -7)?,
                _ => s,
            };
        }
        (s <= e).then(|| Interval::range(s, e))
    }

    /// "بين 21 و22 كانون الأول", "بين عامي 2015 و2020", "يومي 21 و22 كانون الأول", "شهري نوفمبر وديسمبر".
    pub(super) fn between(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.is(i, Kw::Between) && matches!(self.lex(j), Some(Lex::Kw(Kw::DaysOf | Kw::YearsOf | Kw::MonthsOf))) {
            j += 1;
        }
        if let Some(h) = self.days_range(j) {
            return Some(h);
        }
        let first = longest(self.point(j), self.year(j, true))?;
        if !self.is(first.end, Kw::And) {
            return None;
        }
        let second = self.second(first.end + 1)?;
        hit(Self::span(first, second)?, "range-between", second.end)
    }

    /// "من 2015 إلى 2020", "من الاثنين حتى الخميس", "من 21 إلى 23 ديسمبر".
    pub(super) fn range_from(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if let Some(h) = self.days_range(j) {
            return Some(h);
        }
        let first = self.point(j)?;
        let k = first.end;
        let joined = self.is(k, Kw::To) || self.is(k, Kw::Until) || self.punct(k) == Some(Punct::Dash);
        if !joined {
            return None;
        }
        let second = self.second(k + 1)?;
        hit(Self::span(first, second)?, "range-from-to", second.end)
    }

    /// Days sharing one month: "21 و22 كانون الأول", "21-23 ديسمبر 2024", "الأول حتى الخامس من يناير".
    pub(super) fn days_range(&self, i: usize) -> Option<Hit> {
        let (d1, mut j) = self.day_of_month(i)?;
        // "الثالث والعشرون وحتى السادس والعشرين".
        if self.is(j, Kw::And) && (self.is(j + 1, Kw::To) || self.is(j + 1, Kw::Until)) {
            j += 1;
        }
        let joined =
            self.is(j, Kw::And) || self.is(j, Kw::To) || self.is(j, Kw::Until) || self.punct(j) == Some(Punct::Dash);
        if !joined {
            return None;
        }
        let (d2, _) = self.day_of_month(j + 1)?;
        let second = self.textual(j + 1)?;
        if d1 >= d2 {
            return None;
        }
        let end = second.iv.end?;
        let start = calendar::add_days(end, -((d2 - d1) as i64))?;
        hit(Interval::range(start, end), "range-days", second.end)
    }

    /// Days of one month written month first: "آذار 3 إلى 7", "مايو 10-12 2025".
    pub(super) fn month_days_range(&self, i: usize) -> Option<Hit> {
        let (month, j) = self.month_word(i)?;
        let (d1, j) = self.day_of_month(j)?;
        let joined = self.is(j, Kw::To) || self.is(j, Kw::Until) || self.punct(j) == Some(Punct::Dash);
        if !joined {
            return None;
        }
        let (d2, end) = self.day_of_month(j + 1)?;
        if d1 >= d2 {
            return None;
        }
        let year = self.year_after(end);
        let start = match (month, &year) {
            (MonthRef::Gregorian(m), Some(y)) if y.marker != Some(Calendar::Hijri) => {
                NaiveDate::from_ymd_opt(y.year, m, d1)?
            }
            (MonthRef::Hijri(m), Some(y)) if y.marker != Some(Calendar::Gregorian) => {
                calendar::hijri_date(y.year, m, d1)?
            }
            (_, Some(_)) => return None,
            (MonthRef::Gregorian(m), None) => calendar::resolve_day_month(m, d1, self.today(), self.pick())?,
            (MonthRef::Hijri(m), None) => calendar::resolve_hijri_day_month(m, d1, self.today(), self.pick())?,
        };
        let last = calendar::add_days(start, (d2 - d1) as i64)?;
        // The second day must still be in the first one's month.
        if last.month() != start.month() && matches!(month, MonthRef::Gregorian(_)) {
            return None;
        }
        hit(
            Interval::range(start, last),
            "range-month-days",
            year.map_or(end, |y| y.end),
        )
    }

    /// "2015-2020".
    pub(super) fn years_range(&self, i: usize) -> Option<Hit> {
        let (a, ad) = self.num(i)?;
        let (b, bd) = self.num(i + 2)?;
        if ad != 4 || bd != 4 || self.punct(i + 1) != Some(Punct::Dash) || a >= b || !BARE_YEARS.contains(&a) {
            return None;
        }
        let (s, e) = (Interval::year(a as i32)?.start?, Interval::year(b as i32)?.end?);
        hit(Interval::range(s, e), "range-years", i + 3)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::norm;

    #[test]
    fn month_first_day_ranges() {
        assert_eq!(
            norm("تجري الانتخابات آذار 3 إلى 7", "2024-12-23").as_deref(),
            Some("2024-03-03..2024-03-07")
        );
        assert_eq!(
            norm("المعرض مايو 10-12 2025", "2024-12-23").as_deref(),
            Some("2025-05-10..2025-05-12")
        );
        assert_eq!(
            norm("الصيام رمضان 1 حتى 10 1446 هـ", "2024-12-23").as_deref(),
            Some("2025-03-01..2025-03-10")
        );
    }

    #[test]
    fn days_of_one_month_joined_by_and_until_or_a_dash() {
        assert_eq!(
            norm("من العاشر وحتى الخامس عشر من شهر أيار 2024", "2024-12-23").as_deref(),
            Some("2024-05-10..2024-05-15")
        );
        assert_eq!(
            norm("من 3-5 من الشهر الرابع 2024", "2024-12-23").as_deref(),
            Some("2024-04-03..2024-04-05")
        );
    }

    #[test]
    fn month_first_day_ranges_stay_in_their_month() {
        // February has no 31st: not a range.
        assert_ne!(
            norm("شباط 27 إلى 31 2025", "2024-12-23").as_deref(),
            Some("2025-02-27..2025-03-03")
        );
    }
}
