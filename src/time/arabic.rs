//! Arabic time expressions to [`Interval`]s: a small grammar over the tokens
//! of [`super::text`], tried at each token; the longest reading wins.
//!
//! Text is cut into segments at unknown words, since no expression reaches
//! across one; only segments are held in memory, so running text of any
//! length scans in constant space.

use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike};
use serde_json::{Value, json};

use super::calendar::{self, Pick};
use super::lexicon::{Count, DayPart, Head, Kw, Lex, Unit};
use super::numbers::{cardinal, ordinal};
use super::text::{Kind, Punct, Tok, tokens};
use super::{Granularity, Interval};

/// What relative expressions are resolved against: usually the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Anchor {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// Which occurrence a date without a year (or a bare weekday) means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Prefer {
    /// The most recent one: news reports what happened.
    #[default]
    Past,
    Future,
}

/// How bare numeric dates (`30-02-33`) are read. Explicit markers (هـ, Hijri
/// month names, a 13xx/14xx year in a full numeric date) win either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    #[default]
    Gregorian,
    Hijri,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub interval: Interval,
    /// Which grammar rule matched, e.g. `relative-weekday-last`; `+time` when a clock time was attached.
    pub rule: String,
    /// Byte span of the expression in the input.
    pub span: Range<usize>,
}

/// `2024-12-23`, `2024-12-23T20:01` (seconds and a space separator accepted).
pub fn parse_anchor(s: &str) -> Option<Anchor> {
    let s = s.trim();
    let (date, time) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let time = match time {
        Some(t) => Some(
            NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .ok()?,
        ),
        None => None,
    };
    Some(Anchor { date, time })
}

/// The first time expression in a short input.
pub fn normalize(expr: &str, anchor: Anchor, prefer: Prefer) -> Option<Resolution> {
    normalize_in(expr, anchor, prefer, Calendar::Gregorian)
}

/// [`normalize`], reading bare numeric dates in `calendar`.
pub fn normalize_in(expr: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Option<Resolution> {
    let mut first = None;
    scan(expr, anchor, prefer, calendar, &mut |r| {
        first = Some(r);
        false
    });
    first
}

/// Every time expression in running text, in order, not overlapping.
pub fn find_all(text: &str, anchor: Anchor, prefer: Prefer) -> Vec<Resolution> {
    find_all_in(text, anchor, prefer, Calendar::Gregorian)
}

/// [`find_all`], reading bare numeric dates in `calendar`.
pub fn find_all_in(text: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar) -> Vec<Resolution> {
    let mut all = Vec::new();
    scan(text, anchor, prefer, calendar, &mut |r| {
        all.push(r);
        true
    });
    all
}

/// The CLI's JSON record: `text` is the input line and `match` the expression
/// found in it; when nothing matched, `match` and the other fields are null. Bounds are ISO
/// dates, with `THH:MM` at hour and minute granularity.
pub fn record(text: &str, r: Option<&Resolution>) -> Value {
    let Some(r) = r else {
        return json!({"text": text, "match": null, "start": null, "end": null, "granularity": null, "rule": null});
    };
    let iv = r.interval;
    let clock = matches!(iv.granularity, Granularity::Hour | Granularity::Minute);
    let iso = |d: Option<NaiveDate>| {
        d.map(|d| match (clock, iv.time) {
            (true, Some(t)) => format!("{d}T{}", t.format("%H:%M")),
            _ => d.to_string(),
        })
    };
    json!({
        "text": text,
        "match": text.get(r.span.clone()),
        "start": iso(iv.start),
        "end": iso(iv.end),
        "granularity": iv.granularity.as_str(),
        "rule": r.rule,
    })
}

/// Feeds each match to `emit` until it returns false.
fn scan(text: &str, anchor: Anchor, prefer: Prefer, calendar: Calendar, emit: &mut dyn FnMut(Resolution) -> bool) {
    let mut segment: Vec<Tok> = Vec::with_capacity(16);
    let mut toks = tokens(text);
    loop {
        let next = toks.next();
        if let Some(t) = next
            && t.kind != Kind::Other
        {
            segment.push(t);
            continue;
        }
        if !segment.is_empty() {
            let p = Parser {
                t: &segment,
                anchor,
                prefer,
                calendar,
            };
            let mut i = 0;
            while i < segment.len() {
                let Some(hit) = p.at(i) else {
                    // An impossible date ("30 فبراير 2024") is skipped whole,
                    // not read as the month and year after its day.
                    i = p.impossible_date(i).unwrap_or(i + 1);
                    continue;
                };
                let rule = if hit.timed {
                    format!("{}+time", hit.rule)
                } else {
                    hit.rule.to_string()
                };
                let span = segment[i].start..segment[hit.end - 1].end;
                if !emit(Resolution {
                    interval: hit.iv,
                    rule,
                    span,
                }) {
                    return;
                }
                i = hit.end;
            }
            segment.clear();
        }
        if next.is_none() {
            return;
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Hit {
    iv: Interval,
    rule: &'static str,
    timed: bool,
    /// Index of the first token after the match.
    end: usize,
}

fn hit(iv: Interval, rule: &'static str, end: usize) -> Option<Hit> {
    Some(Hit {
        iv,
        rule,
        timed: false,
        end,
    })
}

/// The longer of two readings; the first on a tie.
fn longest(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.end > x.end { y } else { x }),
        (x, y) => x.or(y),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MonthRef {
    Gregorian(u32),
    Hijri(u32),
}

/// الماضي / المقبل / الجاري after a name or unit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Last,
    Next,
    Current,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

/// A year with the calendar marker written after it, if any.
struct YearRef {
    year: i32,
    marker: Option<Calendar>,
    end: usize,
}

/// Four-digit Hijri years of full numeric dates (`14-09-1432`): Gregorian
/// dates in those centuries do not occur in news.
const HIJRI_ERA: std::ops::RangeInclusive<u32> = 1300..=1500;
/// A bare four-digit number is a year only in this window, and only after a preposition.
const BARE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;
/// Counts beyond this are not time spans ("منذ 5000 يوم" is still fine).
const MAX_COUNT: u32 = 100_000;

struct Parser<'t> {
    t: &'t [Tok],
    anchor: Anchor,
    prefer: Prefer,
    calendar: Calendar,
}

impl Parser<'_> {
    fn lex(&self, i: usize) -> Option<Lex> {
        match self.t.get(i)?.kind {
            Kind::Word(l) => Some(l),
            _ => None,
        }
    }

    fn is(&self, i: usize, kw: Kw) -> bool {
        self.lex(i) == Some(Lex::Kw(kw))
    }

    fn punct(&self, i: usize) -> Option<Punct> {
        match self.t.get(i)?.kind {
            Kind::Punct(p) => Some(p),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i)?.kind {
            Kind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    fn pick(&self) -> Pick {
        match self.prefer {
            Prefer::Past => Pick::Past,
            Prefer::Future => Pick::Future,
        }
    }

    fn today(&self) -> NaiveDate {
        self.anchor.date
    }

    /// A preposition just before `i` that makes a bare month or year a date ("في 2015", "منذ ديسمبر").
    fn context(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.lex(i - 1),
                Some(Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::Until
                        | Kw::Before
                        | Kw::After
                        | Kw::Between
                        | Kw::From
                        | Kw::To
                        | Kw::During
                        | Kw::Early
                        | Kw::Mid
                        | Kw::Late
                        | Kw::First
                        | Kw::DateWord
                        | Kw::MonthsOf
                ))
            )
    }

    fn modifier(&self, i: usize) -> Option<Modifier> {
        match self.lex(i)? {
            Lex::Kw(Kw::Last) => Some(Modifier::Last),
            Lex::Kw(Kw::Next) => Some(Modifier::Next),
            Lex::Kw(Kw::Current) => Some(Modifier::Current),
            _ => None,
        }
    }

    /// Every reading that starts at token `i`, longest first.
    fn at(&self, i: usize) -> Option<Hit> {
        let first = self.t[i].kind;
        if matches!(first, Kind::Punct(_) | Kind::Other) {
            return None;
        }
        let mut best = self.dated(i);
        if let Kind::Word(Lex::Kw(kw)) = first {
            match kw {
                Kw::Since | Kw::Before | Kw::After => {
                    best = longest(best, self.shift(i));
                    best = longest(best, self.open(i));
                }
                Kw::Until | Kw::To => best = longest(best, self.open(i)),
                Kw::Between | Kw::DaysOf | Kw::YearsOf | Kw::MonthsOf => best = longest(best, self.between(i)),
                Kw::From => best = longest(best, self.range_from(i)),
                _ => {}
            }
        }
        if let Kind::Num { .. } | Kind::Word(Lex::Ordinal(_)) = first {
            best = longest(best, self.days_range(i));
            best = longest(best, self.years_range(i));
        }
        longest(best, self.time_only(i))
    }

    /// A point expression with an optional clock time after it.
    fn dated(&self, i: usize) -> Option<Hit> {
        let h = self.point(i)?;
        if h.iv.granularity == Granularity::Day
            && let (Some(date), Some((time, g, end))) = (h.iv.start, self.attached_time(h.end))
        {
            return Some(Hit {
                iv: Interval::at(date, time, g),
                timed: true,
                end,
                ..h
            });
        }
        Some(h)
    }

    /// Day-, week-, month- or year-level expressions that are not ranges of two dates.
    fn point(&self, i: usize) -> Option<Hit> {
        match self.t.get(i)?.kind {
            Kind::Num { .. } => longest(longest(self.numeric(i), self.textual(i)), self.year(i, self.context(i))),
            Kind::Word(lex) => match lex {
                Lex::Ordinal(_) => self.textual(i),
                Lex::Weekday(_) => self.weekday(i),
                Lex::Month(_) | Lex::Head(_) | Lex::HijriMonth(_) => self.month_expr(i),
                Lex::Unit(Unit::Day, Count::One, false) => self.day_noun(i),
                Lex::Unit(Unit::Month, Count::One, false) => self.month_expr(i),
                Lex::Unit(Unit::Year, Count::One, _) => longest(self.year(i, true), self.relative_unit(i)),
                Lex::Unit(_, Count::One, true) => self.relative_unit(i),
                Lex::Unit(_, _, true) | Lex::Kw(Kw::Article) => self.rolling(i),
                Lex::Kw(Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::After | Kw::Part(_)) => self.relative_day(i),
                Lex::Kw(Kw::This) => self.relative_unit(i),
                Lex::Kw(Kw::First) => longest(self.relative_day(i), self.period_part(i)),
                Lex::Kw(Kw::Early | Kw::Mid | Kw::Late) => self.period_part(i),
                _ => None,
            },
            _ => None,
        }
    }

    // ---- absolute dates ----

    fn day_of_month(&self, i: usize) -> Option<(u32, usize)> {
        let (day, end) = match self.num(i) {
            Some((v, d)) if d <= 2 => (v, i + 1),
            Some(_) => return None,
            None => ordinal(self.t, i)?,
        };
        (1..=31).contains(&day).then_some((day, end))
    }

    /// One month name, one or two words.
    fn month_word(&self, i: usize) -> Option<(MonthRef, usize)> {
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

    fn marker(&self, i: usize) -> (Option<Calendar>, usize) {
        match self.lex(i) {
            Some(Lex::Kw(Kw::HijriMark)) => (Some(Calendar::Hijri), i + 1),
            Some(Lex::Kw(Kw::GregorianMark | Kw::M)) => (Some(Calendar::Gregorian), i + 1),
            _ => (None, i),
        }
    }

    /// A year after a month: "ديسمبر2024", "23 ديسمبر - 2024", "يناير، 2015", "أكتوبر من العام 2025".
    fn year_after(&self, i: usize) -> Option<YearRef> {
        let mut j = i;
        if matches!(self.punct(j), Some(Punct::Comma | Punct::Dash | Punct::Slash)) {
            j += 1;
        }
        if self.is(j, Kw::From) {
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

    /// Day and month names: "23 ديسمبر - 2024", "الخامس عشر من أكتوبر", "15 رمضان 1445".
    fn textual(&self, i: usize) -> Option<Hit> {
        let (day, mut j) = self.day_of_month(i)?;
        if self.is(j, Kw::From) {
            j += 1;
        }
        if self.lex(j) == Some(Lex::Unit(Unit::Month, Count::One, false)) {
            j += 1;
        }
        let (month, j) = self.month_name(j)?;
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
    fn numeric(&self, i: usize) -> Option<Hit> {
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
    fn impossible_date(&self, i: usize) -> Option<usize> {
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
        let (_, j) = self.month_name(j)?;
        Some(self.year_after(j).map_or(j, |y| y.end))
    }

    /// "عام 2015", "سنة 1445 هـ", "2015م", and a bare 4-digit year after a preposition ("في 2015").
    fn year(&self, i: usize, context: bool) -> Option<Hit> {
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
    fn month_expr(&self, i: usize) -> Option<Hit> {
        let shahr = self.lex(i) == Some(Lex::Unit(Unit::Month, Count::One, false));
        let j = if shahr { i + 1 } else { i };
        let (month, k) = self.month_name(j)?;
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

    // ---- relative expressions ----

    /// "يوم الجمعة", "يوم أمس", "يوم 23 ديسمبر".
    fn day_noun(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let h = longest(
            longest(self.weekday(j), self.relative_day(j)),
            longest(self.textual(j), self.numeric(j)),
        )?;
        (h.iv.granularity == Granularity::Day).then_some(h)
    }

    /// A weekday, alone, with الماضي/المقبل, or heading a full date ("الاثنين, 23 ديسمبر - 2024").
    fn weekday(&self, i: usize) -> Option<Hit> {
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

    /// اليوم، أمس، أول أمس، غدا، بعد غد، and a part of such a day ("صباح اليوم", "مساء الجمعة").
    fn relative_day(&self, i: usize) -> Option<Hit> {
        let day = |offset: i64, rule, end| hit(Interval::day(calendar::add_days(self.today(), offset)?), rule, end);
        match self.lex(i)? {
            Lex::Kw(Kw::Today) => {
                if self.modifier(i + 1) == Some(Modifier::Last) {
                    return day(-1, "relative-day-before", i + 2);
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
    fn relative_unit(&self, i: usize) -> Option<Hit> {
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
    fn shift(&self, i: usize) -> Option<Hit> {
        let (sign, rule) = match self.lex(i)? {
            Lex::Kw(Kw::Before | Kw::Since) => (-1, "relative-ago"),
            Lex::Kw(Kw::After) => (1, "relative-later"),
            _ => return None,
        };
        let j = if self.is(i + 1, Kw::Approx) { i + 2 } else { i + 1 };
        let (n, unit, end) = self.duration(j)?;
        hit(self.moved(n, unit, sign)?, rule, end)
    }

    /// Rolling spans up to or from the anchor: "خلال اليومين الماضيين",
    /// "الأيام الثلاثة الماضية", "الساعات الـ24 الماضية", "الأسبوعين المقبلين".
    fn rolling(&self, i: usize) -> Option<Hit> {
        let (n, unit, j) = match self.lex(i)? {
            Lex::Unit(u, Count::Two, true) => (2, u, i + 1),
            Lex::Unit(u, Count::Many, true) => {
                let k = if self.is(i + 1, Kw::Article) { i + 2 } else { i + 1 };
                let (n, k) = cardinal(self.t, k)?;
                (n, u, k)
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
        let today = self.today();
        let (sign, rule) = match self.modifier(j)? {
            Modifier::Last => (-1, "relative-past-span"),
            Modifier::Next => (1, "relative-next-span"),
            Modifier::Current => return None,
        };
        // The far end as a day; a span of hours reaches back into whole days.
        let far = match (self.moved(n, unit, sign)?, unit) {
            (iv, Unit::Hour | Unit::Minute) if self.anchor.time.is_none() => {
                let minutes = if unit == Unit::Hour { 60 * n as i64 } else { n as i64 };
                Interval::day(calendar::add_days(today, sign * ((minutes + 1439) / 1440))?)
                    .start
                    .or(iv.start)
            }
            (iv, _) => iv.start,
        }?;
        let (s, e) = if sign < 0 { (far, today) } else { (today, far) };
        hit(Interval::range(s, e), rule, j + 1)
    }

    /// أوائل/منتصف/أواخر of a month or year: "أواخر الشهر", "منتصف ديسمبر 2024", "مطلع العام المقبل".
    fn period_part(&self, i: usize) -> Option<Hit> {
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

    // ---- ranges ----

    /// "منذ عام 2015", "حتى نهاية العام", "إلى غاية ديسمبر", "قبل 2015", "بعد الأول من ديسمبر".
    fn open(&self, i: usize) -> Option<Hit> {
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
    fn between(&self, i: usize) -> Option<Hit> {
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
    fn range_from(&self, i: usize) -> Option<Hit> {
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
    fn days_range(&self, i: usize) -> Option<Hit> {
        let (d1, j) = self.day_of_month(i)?;
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

    /// "2015-2020".
    fn years_range(&self, i: usize) -> Option<Hit> {
        let (a, ad) = self.num(i)?;
        let (b, bd) = self.num(i + 2)?;
        if ad != 4 || bd != 4 || self.punct(i + 1) != Some(Punct::Dash) || a >= b || !BARE_YEARS.contains(&a) {
            return None;
        }
        let (s, e) = (Interval::year(a as i32)?.start?, Interval::year(b as i32)?.end?);
        hit(Interval::range(s, e), "range-years", i + 3)
    }

    // ---- clock times ----

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
                    let (h, k) = ordinal(self.t, j)?;
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
        if let Some(part) = self.day_part(end) {
            h = apply_part(h, part);
            end += 1;
        }
        Some((NaiveTime::from_hms_opt(h % 24, m, 0)?, g, end))
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
    fn attached_time(&self, i: usize) -> Option<(NaiveTime, Granularity, usize)> {
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
    fn time_only(&self, i: usize) -> Option<Hit> {
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
    use super::*;

    fn anchor(s: &str) -> Anchor {
        parse_anchor(s).unwrap()
    }

    fn norm(text: &str, at: &str) -> Option<String> {
        normalize(text, anchor(at), Prefer::Past).map(|r| r.interval.to_string())
    }

    #[test]
    fn parses_anchors() {
        let a = anchor("2024-12-23T20:01");
        assert_eq!(a.time, NaiveTime::from_hms_opt(20, 1, 0));
        assert_eq!(anchor("2024-12-23").time, None);
        assert!(parse_anchor("2024-13-01").is_none());
        assert!(parse_anchor("23/12/2024").is_none());
    }

    #[test]
    fn spans_cover_the_expression_only() {
        let text = "وفي 28 يناير الماضي قال";
        let r = normalize(text, anchor("2026-02-05"), Prefer::Past).unwrap();
        assert_eq!(&text[r.span.clone()], "28 يناير الماضي");
        assert_eq!(r.rule, "absolute-day-month");
    }

    #[test]
    fn times_attach_to_their_day() {
        assert_eq!(
            norm("الاثنين 23 كانون الأول 2024 - 20:01", "2024-12-23").as_deref(),
            Some("2024-12-23T20:01")
        );
        assert_eq!(
            norm("الساعة الثالثة مساءً", "2024-12-23").as_deref(),
            Some("2024-12-23T15:00")
        );
        assert_eq!(
            norm("الساعة العاشرة والنصف من صباح أمس", "2024-12-23").as_deref(),
            Some("2024-12-22T10:30")
        );
    }

    #[test]
    fn day_parts_move_twelve_hour_readings() {
        assert_eq!(apply_part(5, DayPart::Evening), 17);
        assert_eq!(apply_part(12, DayPart::Morning), 0);
        assert_eq!(apply_part(1, DayPart::Noon), 13);
        assert_eq!(apply_part(9, DayPart::Night), 21);
        assert_eq!(apply_part(20, DayPart::Morning), 20);
    }

    #[test]
    fn records_are_null_when_nothing_matched() {
        let v = record("كلام", None);
        assert_eq!(v["start"], Value::Null);
        let r = normalize("منذ عام 2015", anchor("2024-12-23"), Prefer::Past);
        let v = record("منذ عام 2015", r.as_ref());
        assert_eq!(v["start"], "2015-01-01");
        assert_eq!(v["end"], Value::Null);
        assert_eq!(v["granularity"], "open");
        assert_eq!(
            (v["text"].as_str(), v["match"].as_str()),
            (Some("منذ عام 2015"), Some("منذ عام 2015"))
        );
        let r = normalize("قال أمس إن", anchor("2024-12-23"), Prefer::Past);
        let v = record("قال أمس إن", r.as_ref());
        assert_eq!(
            (v["text"].as_str(), v["match"].as_str()),
            (Some("قال أمس إن"), Some("أمس"))
        );
        let r = normalize("20:01", anchor("2024-12-23"), Prefer::Past);
        assert_eq!(record("20:01", r.as_ref())["start"], "2024-12-23T20:01");
    }
}
