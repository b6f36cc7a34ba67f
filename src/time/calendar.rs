//! Calendar arithmetic: which year a yearless date means, Monday-based weeks,
//! two-digit years, and Umm al-Qura Hijri dates (via `icu_calendar`).

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use icu_calendar::Date;
use icu_calendar::cal::Hijri;
use icu_calendar::types::RataDie;

use super::lexicon::Holiday;

/// Which occurrence of a date that lacks a year (or week) is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pick {
    /// The most recent one, the anchor itself included.
    Past,
    /// The next one, the anchor itself included.
    Future,
    /// "الماضي": strictly before the anchor.
    StrictPast,
    /// "المقبل": strictly after the anchor.
    StrictFuture,
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

/// Adds calendar months, clamping the day to the target month's length.
pub(crate) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

pub(crate) fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -(d.weekday().num_days_from_monday() as i64))
}

/// Searching a few years covers Feb 29, the only day missing from some years.
const YEAR_SEARCH: i32 = 8;

pub(crate) fn resolve_day_month(month: u32, day: u32, anchor: NaiveDate, pick: Pick) -> Option<NaiveDate> {
    let y0 = anchor.year();
    let accept = |d: NaiveDate| match pick {
        Pick::Past => d <= anchor,
        Pick::StrictPast => d < anchor,
        Pick::Future => d >= anchor,
        Pick::StrictFuture => d > anchor,
    };
    let found = |y: i32| NaiveDate::from_ymd_opt(y, month, day).filter(|&d| accept(d));
    match pick {
        Pick::Past | Pick::StrictPast => (y0 - YEAR_SEARCH..=y0).rev().find_map(found),
        Pick::Future | Pick::StrictFuture => (y0..=y0 + YEAR_SEARCH).find_map(found),
    }
}

/// The year of the month `month` meant against `anchor`.
pub(crate) fn resolve_month(month: u32, anchor: NaiveDate, pick: Pick) -> i32 {
    let (y0, m0) = (anchor.year(), anchor.month());
    let this_year = match pick {
        Pick::Past => month <= m0,
        Pick::StrictPast => month < m0,
        Pick::Future => month >= m0,
        Pick::StrictFuture => month > m0,
    };
    match (this_year, pick) {
        (true, _) => y0,
        (false, Pick::Past | Pick::StrictPast) => y0 - 1,
        (false, _) => y0 + 1,
    }
}

/// `weekday`: 0 = Monday … 6 = Sunday.
pub(crate) fn resolve_weekday(weekday: u8, anchor: NaiveDate, pick: Pick) -> Option<NaiveDate> {
    let a = anchor.weekday().num_days_from_monday() as i64;
    let w = weekday as i64;
    let back = (a - w).rem_euclid(7);
    let ahead = (w - a).rem_euclid(7);
    let offset = match pick {
        Pick::Past => -back,
        Pick::StrictPast => -(if back == 0 { 7 } else { back }),
        Pick::Future => ahead,
        Pick::StrictFuture => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
    };
    add_days(anchor, offset)
}

/// A two-digit year in the century that puts it at most 20 years after the
/// anchor's year (`17` → 2017, `90` → 1990 in 2026; Hijri `33` → 1433).
pub(crate) fn expand_two_digit(yy: u32, anchor_year: i32) -> i32 {
    let y = anchor_year - anchor_year.rem_euclid(100) + yy as i32;
    if y > anchor_year + 20 { y - 100 } else { y }
}

/// Hijri years the conversion accepts; beyond that no news date lives.
const HIJRI_YEARS: std::ops::RangeInclusive<i32> = 1..=2000;

fn from_rata_die(rd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(rd).ok()?)
}

fn hijri_month_start(year: i32, month: u32) -> Option<(i64, u32)> {
    if !HIJRI_YEARS.contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let first = Date::try_new_hijri_with_calendar(year, month as u8, 1, Hijri::new_umm_al_qura()).ok()?;
    Some((first.to_rata_die().to_i64_date(), first.days_in_month() as u32))
}

/// Umm al-Qura date. Day 30 of a 29-day month is read as the day after the
/// 29th, as dateparser does: writers count 30 days when unsure of the moon.
pub(crate) fn hijri_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=30).contains(&day) {
        return None;
    }
    let (start, _) = hijri_month_start(year, month)?;
    from_rata_die(start + day as i64 - 1)
}

/// First and last Gregorian day of a Hijri month.
pub(crate) fn hijri_month(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, len) = hijri_month_start(year, month)?;
    Some((from_rata_die(start)?, from_rata_die(start + len as i64 - 1)?))
}

pub(crate) fn hijri_year(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((hijri_month(year, 1)?.0, hijri_month(year, 12)?.1))
}

/// The Hijri year a Gregorian day falls in.
pub(crate) fn hijri_year_of(date: NaiveDate) -> i32 {
    let rd = RataDie::new(date.num_days_from_ce() as i64);
    Date::from_rata_die(rd, Hijri::new_umm_al_qura()).year().extended_year()
}

/// A yearless Hijri day (`15 رمضان`) against the anchor.
pub(crate) fn resolve_hijri_day_month(month: u32, day: u32, anchor: NaiveDate, pick: Pick) -> Option<NaiveDate> {
    let y0 = hijri_year_of(anchor);
    let mut candidates = (y0 - 2..=y0 + 2).filter_map(|y| hijri_date(y, month, day));
    match pick {
        Pick::Past => candidates.rfind(|&d| d <= anchor),
        Pick::StrictPast => candidates.rfind(|&d| d < anchor),
        Pick::Future => candidates.find(|&d| d >= anchor),
        Pick::StrictFuture => candidates.find(|&d| d > anchor),
    }
}

/// A yearless Hijri month (`شهر رمضان`): its most recent (or next) start.
pub(crate) fn resolve_hijri_month(month: u32, anchor: NaiveDate, pick: Pick) -> Option<(NaiveDate, NaiveDate)> {
    let y0 = hijri_year_of(anchor);
    let mut candidates = (y0 - 2..=y0 + 2).filter_map(|y| hijri_month(y, month));
    match pick {
        Pick::Past => candidates.rfind(|m| m.0 <= anchor),
        Pick::StrictPast => candidates.rfind(|m| m.1 < anchor),
        Pick::Future => candidates.find(|m| m.1 >= anchor),
        Pick::StrictFuture => candidates.find(|m| m.0 > anchor),
    }
}

/// Western Easter Sunday of a Gregorian year, by the anonymous Gregorian
/// computus (Meeus/Jones/Butcher).
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year.rem_euclid(19), year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(year, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// The first and last day of an Islamic holiday in a Hijri year; `None` for
/// the Christian ones.
pub(crate) fn hijri_holiday(holiday: Holiday, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let day = |month, day| hijri_date(year, month, day).map(|d| (d, d));
    match holiday {
        Holiday::EidAlFitr => day(10, 1),
        Holiday::EidAlAdha => day(12, 10),
        Holiday::HijriNewYear => day(1, 1),
        Holiday::Ramadan => hijri_month(year, 9),
        Holiday::Christmas | Holiday::Easter => None,
    }
}

/// A holiday's occurrences from two years before `near` to two after, in order.
fn holiday_occurrences(holiday: Holiday, near: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let gregorian = |year: i32| match holiday {
        Holiday::Christmas => NaiveDate::from_ymd_opt(year, 12, 25),
        _ => easter(year),
    };
    match holiday {
        Holiday::Christmas | Holiday::Easter => (near.year() - 2..=near.year() + 2)
            .filter_map(gregorian)
            .map(|d| (d, d))
            .collect(),
        _ => {
            let y0 = hijri_year_of(near);
            (y0 - 2..=y0 + 2).filter_map(|y| hijri_holiday(holiday, y)).collect()
        }
    }
}

/// The holiday in a Gregorian year: the first occurrence that starts in it.
pub(crate) fn holiday_in_year(holiday: Holiday, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let mid = NaiveDate::from_ymd_opt(year, 7, 1)?;
    holiday_occurrences(holiday, mid)
        .into_iter()
        .find(|(start, _)| start.year() == year)
}

/// A yearless holiday against the anchor, as [`resolve_hijri_month`] picks.
pub(crate) fn resolve_holiday(holiday: Holiday, anchor: NaiveDate, pick: Pick) -> Option<(NaiveDate, NaiveDate)> {
    let mut candidates = holiday_occurrences(holiday, anchor).into_iter();
    match pick {
        Pick::Past => candidates.rfind(|h| h.0 <= anchor),
        Pick::StrictPast => candidates.rfind(|h| h.1 < anchor),
        Pick::Future => candidates.find(|h| h.1 >= anchor),
        Pick::StrictFuture => candidates.find(|h| h.0 > anchor),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn yearless_dates_take_the_nearest_year_on_the_preferred_side() {
        let a = d(2026, 2, 5);
        assert_eq!(resolve_day_month(1, 28, a, Pick::Past), Some(d(2026, 1, 28)));
        assert_eq!(resolve_day_month(10, 15, a, Pick::Past), Some(d(2025, 10, 15)));
        assert_eq!(resolve_day_month(1, 28, a, Pick::Future), Some(d(2027, 1, 28)));
        assert_eq!(resolve_day_month(2, 5, a, Pick::StrictPast), Some(d(2025, 2, 5)));
        assert_eq!(resolve_day_month(2, 29, a, Pick::Past), Some(d(2024, 2, 29)));
        assert_eq!(resolve_day_month(2, 30, a, Pick::Past), None);
        assert_eq!(resolve_month(12, a, Pick::Past), 2025);
        assert_eq!(resolve_month(2, a, Pick::StrictFuture), 2027);
    }

    #[test]
    fn weekdays_count_from_the_anchor() {
        let monday = d(2024, 12, 23);
        assert_eq!(resolve_weekday(4, monday, Pick::Past), Some(d(2024, 12, 20)));
        assert_eq!(resolve_weekday(0, monday, Pick::Past), Some(monday));
        assert_eq!(resolve_weekday(0, monday, Pick::StrictPast), Some(d(2024, 12, 16)));
        assert_eq!(resolve_weekday(3, monday, Pick::StrictFuture), Some(d(2024, 12, 26)));
        assert_eq!(monday_of(d(2024, 12, 22)), Some(d(2024, 12, 16)));
    }

    #[test]
    fn two_digit_years_stay_within_twenty_years_ahead() {
        assert_eq!(expand_two_digit(17, 2026), 2017);
        assert_eq!(expand_two_digit(90, 2026), 1990);
        assert_eq!(expand_two_digit(33, 1447), 1433);
        assert_eq!(expand_two_digit(90, 1447), 1390);
    }

    #[test]
    fn umm_al_qura_conversion() {
        assert_eq!(hijri_date(1432, 9, 14), Some(d(2011, 8, 14)));
        assert_eq!(hijri_date(1390, 3, 10), Some(d(1970, 5, 16)));
        // Safar 1433 has 29 days: the 30th is 1 Rabi' al-Awwal.
        assert_eq!(hijri_date(1433, 2, 30), hijri_date(1433, 3, 1));
        assert_eq!(hijri_date(1433, 13, 1), None);
        assert_eq!(hijri_year_of(d(2024, 3, 20)), 1445);
        assert_eq!(hijri_month(1445, 9), Some((d(2024, 3, 11), d(2024, 4, 9))));
        assert_eq!(
            resolve_hijri_day_month(9, 15, d(2026, 2, 5), Pick::Past),
            Some(d(2025, 3, 15))
        );
    }

    #[test]
    fn holidays_are_computed() {
        for (year, month, day) in [
            (2024, 3, 31),
            (2013, 3, 31),
            (2019, 4, 21),
            (2025, 4, 20),
            (2000, 4, 23),
            (1818, 3, 22),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(year), Some(d(year, month, day)), "{year}");
        }
        let one = |y, m, day| Some((d(y, m, day), d(y, m, day)));
        assert_eq!(holiday_in_year(Holiday::Easter, 2024), one(2024, 3, 31));
        assert_eq!(holiday_in_year(Holiday::Christmas, 2020), one(2020, 12, 25));
        assert_eq!(holiday_in_year(Holiday::EidAlFitr, 2024), one(2024, 4, 10));
        assert_eq!(holiday_in_year(Holiday::EidAlAdha, 2013), one(2013, 10, 15));
        assert_eq!(holiday_in_year(Holiday::HijriNewYear, 2019), one(2019, 8, 31));
        assert_eq!(
            holiday_in_year(Holiday::Ramadan, 2019),
            Some((d(2019, 5, 6), d(2019, 6, 3)))
        );
        assert_eq!(
            holiday_in_year(Holiday::Ramadan, 2025),
            Some((d(2025, 3, 1), d(2025, 3, 29)))
        );
        // Two Eids al-Fitr in 2000 (1420 and 1421): the first.
        assert_eq!(holiday_in_year(Holiday::EidAlFitr, 2000).map(|h| h.0.month()), Some(1));
        let a = d(2013, 2, 12);
        assert_eq!(resolve_holiday(Holiday::EidAlFitr, a, Pick::Future), one(2013, 8, 8));
        assert_eq!(resolve_holiday(Holiday::Christmas, a, Pick::Past), one(2012, 12, 25));
        assert_eq!(
            resolve_holiday(Holiday::Ramadan, d(2024, 3, 20), Pick::Past),
            hijri_month(1445, 9)
        );
    }
}
