//! Absolute dates: day and month names (Gregorian, Levantine, Maghrebi and
//! Hijri), numeric dates, years with or without a calendar marker.

use chrono::{Datelike, NaiveDate};

use super::numbers::{cardinal, ordinal};
use super::tokens::Punct;
use super::{BARE_YEARS, Hit, Modifier, MonthRef, Parser, hit};
use crate::time::calendar::{self, Pick};
use crate::time::lexicon::{Count, Head, Kw, Lex, Unit};
use crate::time::{Calendar, Granularity, Interval};

/// A year with the calendar marker written after it, if any.
pub(super) struct YearRef {
    pub(super) year: i32,
    pub(super) marker: Option<Calendar>,
    pub(super) end: usize,
}

/// Four-digit Hijri years of full numeric dates (`14-09-1432`): Gregorian
/// dates in those centuries do not occur in news.
pub(super) const HIJRI_ERA: std::ops::RangeInclusive<u32> = 1300..=1500;

impl Parser<'_> {
    pub(super) fn day_of_month(&self, i: usize) -> Option<(u32, usize)> {
        let (day, end) = match self.num(i) {
            Some((v, d)) if d <= 2 => (v, i + 1),
            Some(_) => return None,
            None => ordinal(self.t, i)?,
        };
        (1..=31).contains(&day).then_some((day, end))
    }

    /// One month name, one or two words.
    pub(super) fn month_word(&self, i: usize) -> Option<(MonthRef, usize)> {
        use MonthRef::{Gregorian as G, Hijri as H};
        Some(match self.lex(i)? {
            Lex::Month(m) => (G(m as u32), i + 1),
            Lex::HijriMonth(m) => (H(m as u32), i + 1),
            Lex::Head(head) => {
                let month = match (head, self.lex(i + 1)?) {
                    (Head::Kanun, Lex::Ordinal(2)) => G(1),
                    (Head::Kanun, Lex::Ordinal(1)) => G(12),
                    (Head::Tishrin, Lex::Ordinal(1)) => G(10),
                    (Head::Tishrin, Lex::Ordinal(2)) => G(11),
                    (Head::Rabi, Lex::Ordinal(1)) => H(3),
                    (Head::Rabi, Lex::Ordinal(2) | Lex::Kw(Kw::Latter)) => H(4),
                    (Head::Jumada, Lex::Ordinal(1)) => H(5),
                    (Head::Jumada, Lex::Ordinal(2) | Lex::Kw(Kw::Latter)) => H(6),
                    (Head::Dhu, Lex::Kw(Kw::Qada)) => H(11),
                    (Head::Dhu, Lex::Kw(Kw::Hijja)) => H(12),
                    _ => return None,
                };
                (month, i + 2)
            }
            _ => return None,
        })
    }

    /// A month name, with the same month in another region's name after it:
    /// "كانون الأول/ ديسمبر", "ديسمبر (كانون الأول)".
    fn month_name(&self, i: usize) -> Option<(MonthRef, usize)> {
        let (month, end) = self.month_word(i)?;
        let k = match self.punct(end) {
            Some(Punct::Slash | Punct::Dash | Punct::Open) => end + 1,
            _ => end,
        };
        match self.month_word(k) {
            Some((second, k2)) if second == month => {
                let end = if self.punct(k2) == Some(Punct::Close) {
                    k2 + 1
                } else {
                    k2
                };
                Some((month, end))
            }
            _ => Some((month, end)),
        }
    }

    /// A month name, or شهر and one: "كانون الأول", "شهر أكتوبر", and the
    /// month's number after شهر ("شهر عشرة", "شهر 3"), as said in the Levant.
    pub(super) fn month_of(&self, i: usize) -> Option<(MonthRef, usize)> {
        if self.lex(i) != Some(Lex::Unit(Unit::Month, Count::One, false)) {
            return self.month_name(i);
        }
        self.month_name(i + 1).or_else(|| {
            let (n, end) = cardinal(self.t, i + 1)?;
            (1..=12).contains(&n).then_some((MonthRef::Gregorian(n), end))
        })
    }

    pub(super) fn marker(&self, i: usize) -> (Option<Calendar>, usize) {
        match self.lex(i) {
            Some(Lex::Kw(Kw::HijriMark)) => (Some(Calendar::Hijri), i + 1),
            Some(Lex::Kw(Kw::GregorianMark | Kw::M)) => (Some(Calendar::Gregorian), i + 1),
            _ => (None, i),
        }
    }

    /// A year after a month: "ديسمبر2024", "23 ديسمبر - 2024", "يناير، 2015", "أكتوبر من العام 2025".
    pub(super) fn year_after(&self, i: usize) -> Option<YearRef> {
        let mut j = i;
        if matches!(self.punct(j), Some(Punct::Comma | Punct::Dash | Punct::Slash)) {
            j += 1;
        }
        // "من العام 2025", "في سنة 2014".
        if self.is(j, Kw::From) || self.is(j, Kw::In) {
            j += 1;
        }
        let word = matches!(self.lex(j), Some(Lex::Unit(Unit::Year, Count::One, _)));
        if word {
            j += 1;
        }
        let (year, digits) = self.num(j)?;
        if !(digits == 4 || (word && digits <= 4 && year > 0)) {
            return None;
        }
        let (marker, end) = self.marker(j + 1);
        Some(YearRef {
            year: year as i32,
            marker,
            end,
        })
    }

    /// The month a day or an occurrence is of: a month's name or number, or
    /// its ordinal ("من الشهر التاسع"), which alone could count the months of anything.
    pub(super) fn month_of_day(&self, i: usize) -> Option<(MonthRef, usize)> {
        self.month_of(i)
            .or_else(|| self.ordinal_month(i).map(|(n, end)| (MonthRef::Gregorian(n), end)))
    }

    /// Day and month names: "23 ديسمبر - 2024", "الخامس عشر من أكتوبر", "15 رمضان 1445",
    /// "التاسع عشر من هذا الشهر".
    pub(super) fn textual(&self, i: usize) -> Option<Hit> {
        let (day, mut j) = self.day_of_month(i)?;
        if self.is(j, Kw::From) {
            j += 1;
        }
        if let Some(h) = self.relative_unit(j)
            && h.iv.granularity == Granularity::Month
        {
            let date = h.iv.start?.with_day(day)?;
            return hit(Interval::day(date), "relative-month-day", h.end);
        }
        let (month, j) = self.month_of_day(j)?;
        let year = self.year_after(j);
        match (month, year) {
            (MonthRef::Gregorian(m), Some(y)) if y.marker != Some(Calendar::Hijri) => hit(
                Interval::day(NaiveDate::from_ymd_opt(y.year, m, day)?),
                "absolute-day-month-year",
                y.end,
            ),
            (MonthRef::Hijri(m), Some(y)) if y.marker != Some(Calendar::Gregorian) => hit(
                Interval::day(calendar::hijri_date(y.year, m, day)?),
                "hijri-day-month-year",
                y.end,
            ),
            (_, Some(_)) => None,
            (MonthRef::Gregorian(m), None) => {
                let (date, end) = match self.modifier(j) {
                    Some(Modifier::Current) => (NaiveDate::from_ymd_opt(self.today().year(), m, day)?, j + 1),
                    Some(Modifier::Last) => (
                        calendar::resolve_day_month(m, day, self.today(), Pick::StrictPast)?,
                        j + 1,
                    ),
                    Some(Modifier::Next) => (
                        calendar::resolve_day_month(m, day, self.today(), Pick::StrictFuture)?,
                        j + 1,
                    ),
                    None => (calendar::resolve_day_month(m, day, self.today(), self.pick())?, j),
                };
                hit(Interval::day(date), "absolute-day-month", end)
            }
            (MonthRef::Hijri(m), None) => {
                let (pick, end) = match self.modifier(j) {
                    Some(Modifier::Last) => (Pick::StrictPast, j + 1),
                    Some(Modifier::Next) => (Pick::StrictFuture, j + 1),
                    _ => (self.pick(), j),
                };
                let date = calendar::resolve_hijri_day_month(m, day, self.today(), pick)?;
                hit(Interval::day(date), "hijri-day-month", end)
            }
        }
    }

    /// All-digit dates: "13/12/2017", "14.12.2017", "2024-12-23", "14-09-1432 هـ", "2/2013".
    pub(super) fn numeric(&self, i: usize) -> Option<Hit> {
        let (a, ad) = self.num(i)?;
        let sep = self
            .punct(i + 1)
            .filter(|p| matches!(p, Punct::Slash | Punct::Dot | Punct::Dash))?;
        let (b, bd) = self.num(i + 2)?;
        let third = if self.punct(i + 3) == Some(sep) {
            self.num(i + 4)
        } else {
            None
        };
        let Some((c, cd)) = third else {
            // Month and year: "2/2013", "12-2024".
            if ad > 2 || bd != 4 || sep == Punct::Dot {
                return None;
            }
            let (marker, end) = self.marker(i + 3);
            if marker == Some(Calendar::Hijri) || (marker.is_none() && self.calendar == Calendar::Hijri) {
                let (s, e) = calendar::hijri_month(b as i32, a)?;
                return hit(Interval::range(s, e), "hijri-numeric-month-year", end);
            }
            return hit(Interval::month(b as i32, a)?, "absolute-numeric-month-year", end);
        };
        let (year, mut month, mut day, year_digits) = match (ad, bd, cd) {
            (4, 1..=2, 1..=2) => (a, b, c, 4),
            (1..=2, 1..=2, 4 | 2) => (c, b, a, cd),
            _ => return None,
        };
        // Day-month is the Arab order; month-day only when nothing else fits.
        if month > 12 && day <= 12 {
            std::mem::swap(&mut month, &mut day);
        }
        let (marker, end) = self.marker(i + 5);
        let hijri = match marker {
            Some(cal) => cal == Calendar::Hijri,
            None => self.calendar == Calendar::Hijri || (year_digits == 4 && HIJRI_ERA.contains(&year)),
        };
        let year = if year_digits == 2 {
            let anchor_year = if hijri {
                calendar::hijri_year_of(self.today())
            } else {
                self.today().year()
            };
            calendar::expand_two_digit(year, anchor_year)
        } else {
            year as i32
        };
        if hijri {
            hit(
                Interval::day(calendar::hijri_date(year, month, day)?),
                "hijri-numeric-date",
                end,
            )
        } else {
            hit(
                Interval::day(NaiveDate::from_ymd_opt(year, month, day)?),
                "absolute-numeric-date",
                end,
            )
        }
    }

    /// The end of a day-month-year or numeric date whose day does not exist.
    pub(super) fn impossible_date(&self, i: usize) -> Option<usize> {
        if let (Some((_, ad)), Some(sep), Some((_, bd))) = (self.num(i), self.punct(i + 1), self.num(i + 2))
            && ad <= 4
            && bd <= 2
            && matches!(sep, Punct::Slash | Punct::Dot | Punct::Dash)
            && self.num(i + 4).is_some()
        {
            return Some(i + 5);
        }
        let (_, mut j) = self.day_of_month(i)?;
        if self.is(j, Kw::From) {
            j += 1;
        }
        if let Some(h) = self.relative_unit(j)
            && h.iv.granularity == Granularity::Month
        {
            return Some(h.end);
        }
        let (_, j) = self.month_name(j)?;
        Some(self.year_after(j).map_or(j, |y| y.end))
    }

    /// "عام 2015", "سنة 1445 هـ", "2015م", and a bare 4-digit year after a preposition ("في 2015").
    pub(super) fn year(&self, i: usize, context: bool) -> Option<Hit> {
        let word = matches!(self.lex(i), Some(Lex::Unit(Unit::Year, Count::One, _)));
        let j = if word { i + 1 } else { i };
        let (year, digits) = self.num(j)?;
        let (marker, end) = self.marker(j + 1);
        // "عام" also means "general": a short number after it is a year only with هـ/م.
        let allowed = if word {
            year > 0 && (digits == 4 || (digits <= 4 && marker.is_some()))
        } else {
            digits == 4 && (marker.is_some() || (context && BARE_YEARS.contains(&year)))
        };
        if !allowed {
            return None;
        }
        if marker == Some(Calendar::Hijri) {
            let (s, e) = calendar::hijri_year(year as i32)?;
            return hit(Interval::range(s, e), "hijri-year", end);
        }
        hit(Interval::year(year as i32)?, "absolute-year", end)
    }

    /// Month names with a year, a modifier, or enough context: "ديسمبر2024",
    /// "كانون الأول/ ديسمبر الحالي", "في نوفمبر", "شهر رمضان".
    pub(super) fn month_expr(&self, i: usize) -> Option<Hit> {
        let shahr = self.lex(i) == Some(Lex::Unit(Unit::Month, Count::One, false));
        let (month, k) = self.month_of(i)?;
        if let Some(y) = self.year_after(k) {
            return match month {
                MonthRef::Gregorian(m) if y.marker != Some(Calendar::Hijri) => {
                    hit(Interval::month(y.year, m)?, "absolute-month-year", y.end)
                }
                MonthRef::Hijri(m) if y.marker != Some(Calendar::Gregorian) => {
                    let (s, e) = calendar::hijri_month(y.year, m)?;
                    hit(Interval::range(s, e), "hijri-month-year", y.end)
                }
                _ => None,
            };
        }
        let today = self.today();
        let (pick, end, rule) = match self.modifier(k) {
            Some(Modifier::Last) => (Some(Pick::StrictPast), k + 1, "month-named-last"),
            Some(Modifier::Next) => (Some(Pick::StrictFuture), k + 1, "month-named-next"),
            Some(Modifier::Current) => (None, k + 1, "month-named-current"),
            // Alone, a month name needs شهر or a preposition: several are also
            // words or names (مارس "practised", آب ~ أب "father", رجب, صفر "zero").
            None if shahr || self.context(i) => (Some(self.pick()), k, "month-named"),
            None => return None,
        };
        match month {
            MonthRef::Gregorian(m) => {
                let year = pick.map_or(today.year(), |p| calendar::resolve_month(m, today, p));
                hit(Interval::month(year, m)?, rule, end)
            }
            MonthRef::Hijri(m) => {
                let (s, e) = match pick {
                    Some(p) => calendar::resolve_hijri_month(m, today, p)?,
                    None => calendar::hijri_month(calendar::hijri_year_of(today), m)?,
                };
                hit(Interval::range(s, e), rule, end)
            }
        }
    }
}
