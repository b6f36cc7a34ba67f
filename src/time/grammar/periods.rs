//! Periods that are no unit of the lexicon: a year's quarters ("الربع الثالث
//! من 2024").

use chrono::{Datelike, NaiveDate};

use super::numbers::ordinal;
use super::{Hit, Parser, hit, longest};
use crate::time::lexicon::{Count, Kw, Lex, Unit};
use crate::time::{Granularity, Interval, last_day_of_month};

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
