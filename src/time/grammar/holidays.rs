//! Holidays by name, computed rather than listed: the Islamic ones from the
//! Umm al-Qura calendar, Christmas and (Western) Easter from the Gregorian.
//! "عيد الفطر", "عيد الأضحى 2013", "رمضان 2019", "عيد الفصح المقبل".

use super::dates::HIJRI_ERA;
use super::{Hit, Modifier, Parser, hit};
use crate::time::calendar::{self, Pick};
use crate::time::lexicon::Holiday;
use crate::time::{Calendar, Interval};

impl Parser<'_> {
    /// A holiday's name at `i`, the longest that fits, then a year or a
    /// modifier. A one-word name (رمضان, also a man's name) needs the year.
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        let (holiday, k) = self.holiday_name(i)?;
        let (start, end, after) = if let Some(y) = self.year_after(k) {
            let (s, e) = self.holiday_in(holiday, y.year, y.marker)?;
            (s, e, y.end)
        } else {
            if k == i + 1 {
                return None;
            }
            let (pick, after) = match self.modifier(k) {
                Some(Modifier::Last) => (Pick::StrictPast, k + 1),
                Some(Modifier::Next) => (Pick::StrictFuture, k + 1),
                Some(Modifier::Current) => (self.pick(), k + 1),
                None => (self.pick(), k),
            };
            let (s, e) = calendar::resolve_holiday(holiday, self.today(), pick)?;
            (s, e, after)
        };
        let iv = if start == end {
            Interval::day(start)
        } else {
            Interval::range(start, end)
        };
        hit(iv, holiday.rule(), after)
    }

    fn holiday_name(&self, i: usize) -> Option<(Holiday, usize)> {
        self.lexicon.phrases().iter().find_map(|phrase| {
            let fits = phrase
                .words
                .iter()
                .enumerate()
                .all(|(n, &word)| self.lex(i + n) == Some(word));
            fits.then_some((phrase.holiday, i + phrase.words.len()))
        })
    }

    /// The holiday in a written year: Gregorian, or Hijri with هـ (or a year
    /// of the Hijri era without a marker) for the Islamic holidays.
    fn holiday_in(
        &self,
        holiday: Holiday,
        year: i32,
        marker: Option<Calendar>,
    ) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let islamic = !matches!(holiday, Holiday::Christmas | Holiday::Easter);
        let hijri = match marker {
            Some(Calendar::Hijri) => true,
            Some(Calendar::Gregorian) => false,
            None => islamic && u32::try_from(year).is_ok_and(|y| HIJRI_ERA.contains(&y)),
        };
        match (hijri, islamic) {
            (true, true) => calendar::hijri_holiday(holiday, year),
            (true, false) => None,
            (false, _) => calendar::holiday_in_year(holiday, year),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::time::{Prefer, find_all, normalize, parse_anchor};

    fn norm(text: &str, at: &str, prefer: Prefer) -> Option<(String, String)> {
        normalize(text, parse_anchor(at).unwrap(), prefer).map(|r| (r.interval.to_string(), r.rule))
    }

    fn past(text: &str, at: &str) -> Option<String> {
        norm(text, at, Prefer::Past).map(|(iv, _)| iv)
    }

    #[test]
    fn a_holiday_with_a_year_is_that_year_s() {
        let at = "2026-01-10";
        assert_eq!(
            norm("احتفل المسيحيون بعيد الفصح 2024 في القدس", at, Prefer::Past),
            Some(("2024-03-31".into(), "holiday-easter".into()))
        );
        assert_eq!(
            norm("صلاة عيد الفطر 2024", at, Prefer::Past),
            Some(("2024-04-10".into(), "holiday-eid-al-fitr".into()))
        );
        assert_eq!(
            past("في رمضان 2025 ارتفعت الأسعار", at).as_deref(),
            Some("2025-03-01..2025-03-29")
        );
        assert_eq!(past("عيد الميلاد 2020", at).as_deref(), Some("2020-12-25"));
        assert_eq!(past("عيد الأضحى 2013م", at).as_deref(), Some("2013-10-15"));
        assert_eq!(past("عيد الأضحى 1445 هـ", at).as_deref(), Some("2024-06-16"));
        assert_eq!(past("رأس السنة الهجرية 2019", at).as_deref(), Some("2019-08-31"));
        assert_eq!(past("رأس العام الهجري 1446", at).as_deref(), Some("2024-07-07"));
    }

    #[test]
    fn a_yearless_holiday_takes_the_preferred_side() {
        let at = "2025-05-01";
        assert_eq!(past("منذ عيد الفطر", at).as_deref(), Some("2025-03-30.."));
        assert_eq!(past("خلال عيد الفطر", at).as_deref(), Some("2025-03-30"));
        assert_eq!(
            norm("عيد الأضحى", at, Prefer::Future).map(|r| r.0).as_deref(),
            Some("2025-06-06")
        );
        assert_eq!(past("عيد الأضحى", at).as_deref(), Some("2024-06-16"));
        assert_eq!(past("عيد الميلاد المقبل", at).as_deref(), Some("2025-12-25"));
        assert_eq!(past("عيد الفصح الماضي", at).as_deref(), Some("2025-04-20"));
        assert_eq!(past("شهر رمضان", at).as_deref(), Some("2025-03-01..2025-03-29"));
    }

    #[test]
    fn the_words_of_a_holiday_name_are_no_time_alone() {
        let at = parse_anchor("2025-05-01").unwrap();
        for text in [
            "عيد",
            "قال رمضان عبد الله إن الاتفاق صامد",
            "عيد العمال",
            "ولد قبل الميلاد بقرن",
            "على رأس الوفد",
            "الفطر والأضحى",
        ] {
            assert!(
                find_all(text, at, Prefer::Past).is_empty(),
                "{text}: {:?}",
                find_all(text, at, Prefer::Past)
            );
        }
        // الميلاد is still the Gregorian marker.
        assert_eq!(past("عام 2015 الميلاد", "2025-05-01").as_deref(), Some("2015"));
    }
}
