//! Periods that are no unit of the lexicon: a year's quarters ("الربع الثالث
//! من 2024") and a century's decades ("تسعينيات القرن الماضي").

use chrono::{Datelike, NaiveDate};

use super::numbers::ordinal;
use super::{Hit, Modifier, Parser, hit, longest};
use crate::time::lexicon::{Count, Kw, Lex, Unit};
use crate::time::{Granularity, Interval, Prefer, last_day_of_month};

impl Parser<'_> {
    /// "الربع الأول من العام", "الربع الثالث من 2024", "الربع الأخير من العام
    /// الماضي": the quarter's three months. Only with its year: alone, "الربع
    /// الأول" is as often a share or a round as a part of a year.
    pub(super) fn quarter(&self, i: usize) -> Option<Hit> {
        if !self.is(i, Kw::Quarter) {
            return None;
        }
        let (quarter, j) = match self.lex(i + 1)? {
            Lex::Kw(Kw::Last) => (4, i + 2),
            _ => ordinal(self.t, i + 1).filter(|(n, _)| (1..=4).contains(n))?,
        };
        let j = if self.is(j, Kw::From) { j + 1 } else { j };
        let (year, end) = self.year_of_part(j)?;
        let first = 3 * quarter - 2;
        let iv = Interval {
            start: NaiveDate::from_ymd_opt(year, first, 1),
            end: last_day_of_month(year, first + 2),
            granularity: Granularity::Month,
            time: None,
            end_time: None,
        };
        hit(iv, "quarter-of-year", end)
    }

    /// "التسعينيات", "ثمانينات القرن الماضي", "عشرينيات القرن الحادي
    /// والعشرين": the decade's ten years, at year grain.
    pub(super) fn decade(&self, i: usize) -> Option<Hit> {
        let Some(Lex::Decade(tens)) = self.lex(i) else {
            return None;
        };
        let offset = i32::from(tens) * 10;
        let (first, end) = match self.century(i + 1) {
            Some((base, end)) => (base + offset, end),
            None => (self.decade_near_anchor(offset), i + 1),
        };
        let iv = Interval {
            start: NaiveDate::from_ymd_opt(first, 1, 1),
            end: NaiveDate::from_ymd_opt(first.checked_add(9)?, 12, 31),
            granularity: Granularity::Year,
            time: None,
            end_time: None,
        };
        hit(iv, "decade", end)
    }

    /// القرن with الماضي/الحالي/المقبل or its number ("القرن العشرين",
    /// "القرن الـ21"): the year its decades count from, 1900 for the
    /// twentieth, as news counts the nineties of the twentieth century.
    fn century(&self, i: usize) -> Option<(i32, usize)> {
        if !self.is(i, Kw::Century) {
            return None;
        }
        let current = self.today().year().div_euclid(100) * 100;
        match self.modifier(i + 1) {
            Some(Modifier::Last) => return Some((current - 100, i + 2)),
            Some(Modifier::Current) => return Some((current, i + 2)),
            Some(Modifier::Next) => return Some((current + 100, i + 2)),
            None => {}
        }
        let j = if self.is(i + 1, Kw::Article) { i + 2 } else { i + 1 };
        let (n, end) = match self.num(j) {
            Some((n, digits)) if digits <= 2 => (n, j + 1),
            _ => ordinal(self.t, j)?,
        };
        // Centuries of the Common Era that a news text can date by.
        (1..=30).contains(&n).then(|| ((n as i32 - 1) * 100, end))
    }

    /// A decade named without its century: the anchor's century's if it has
    /// begun by the anchor's year (the nineties read in 2024 are 1990–1999,
    /// the twenties 2020–2029), else the century before's; with the future
    /// preferred, the first such decade not yet over.
    fn decade_near_anchor(&self, offset: i32) -> i32 {
        let year = self.today().year();
        let this = year.div_euclid(100) * 100 + offset;
        match self.prefer {
            Prefer::Past if this > year => this - 100,
            Prefer::Future if this + 9 < year => this + 100,
            _ => this,
        }
    }

    /// The year a part of a year is named in: "2024", "عام 2024", "العام
    /// الماضي", "هذا العام", or a bare "العام"/"السنة", which after a part
    /// is the anchor's year.
    fn year_of_part(&self, j: usize) -> Option<(i32, usize)> {
        let named =
            longest(self.year(j, true), self.relative_unit(j)).filter(|h| h.iv.granularity == Granularity::Year);
        if let Some(h) = named {
            return Some((h.iv.start?.year(), h.end));
        }
        matches!(self.lex(j), Some(Lex::Unit(Unit::Year, Count::One, true))).then(|| (self.today().year(), j + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::norm;

    #[test]
    fn a_quarter_is_its_three_months_in_the_year_named() {
        assert_eq!(
            norm("نما الاقتصاد في الربع الأول من العام", "2024-12-23").as_deref(),
            Some("2024-01-01..2024-03-31")
        );
        assert_eq!(
            norm("تراجعت الصادرات في الربع الثالث من 2024", "2026-02-05").as_deref(),
            Some("2024-07-01..2024-09-30")
        );
        assert_eq!(
            norm("الربع الأخير من العام الماضي", "2024-12-23").as_deref(),
            Some("2023-10-01..2023-12-31")
        );
        assert_eq!(
            norm("في الربع الثاني من عام 2025", "2024-12-23").as_deref(),
            Some("2025-04-01..2025-06-30")
        );
    }

    #[test]
    fn a_quarter_needs_its_year_and_a_number_up_to_four() {
        // A share of the votes, not a part of a year.
        assert_eq!(norm("حصل على الربع الأول من الأصوات", "2024-12-23"), None);
        assert_eq!(norm("الربع الخامس من 2024", "2024-12-23").as_deref(), Some("2024"));
        // The clock's quarter is untouched.
        assert_eq!(
            norm("الساعة الثالثة والربع", "2024-12-23").as_deref(),
            Some("2024-12-23T03:15")
        );
    }

    #[test]
    fn a_decade_is_its_ten_years_in_the_nearest_or_named_century() {
        assert_eq!(
            norm("شهدت البلاد في التسعينيات حربا أهلية", "2024-12-23").as_deref(),
            Some("1990-01-01..1999-12-31")
        );
        assert_eq!(norm("منذ الثمانينات", "2024-12-23").as_deref(), Some("1980-01-01.."));
        assert_eq!(
            norm("في تسعينيات القرن الماضي", "2024-12-23").as_deref(),
            Some("1990-01-01..1999-12-31")
        );
        assert_eq!(
            norm("ستينيات القرن التاسع عشر", "2024-12-23").as_deref(),
            Some("1860-01-01..1869-12-31")
        );
        assert_eq!(
            norm("عشرينيات القرن الحالي", "2024-12-23").as_deref(),
            Some("2020-01-01..2029-12-31")
        );
        // The twenties read in 2024 are these, the thirties the last ones…
        assert_eq!(
            norm("العشرينيات", "2024-12-23").as_deref(),
            Some("2020-01-01..2029-12-31")
        );
        assert_eq!(
            norm("الثلاثينيات", "2024-12-23").as_deref(),
            Some("1930-01-01..1939-12-31")
        );
        // …unless the future is preferred.
        assert_eq!(
            super::super::tests::normalized("الثلاثينيات", "2024-12-23", crate::time::Prefer::Future).as_deref(),
            Some("2030-01-01..2039-12-31")
        );
    }

    #[test]
    fn a_quarter_is_read_at_month_granularity() {
        let r = crate::time::normalize(
            "الربع الأول من 2024",
            crate::time::parse_anchor("2024-12-23").unwrap(),
            crate::time::Prefer::Past,
        )
        .unwrap();
        assert_eq!(r.interval.granularity, crate::time::Granularity::Month);
        assert_eq!(r.rule, "quarter-of-year");
    }
}
