//! The grammar of Arabic time expressions: readings tried at each token of a
//! segment, the longest winning. By concern: [`dates`] (day, month and year
//! names, numeric dates, years), [`relative`] (today, last week, three days
//! ago, rolling spans, spans from the anchor «خلال أسبوعين», parts of a
//! period), [`occurrences`] (the third Tuesday of September, the last week
//! of a month, Sunday of last week), [`ranges`] (since, until, between,
//! from … to), [`clock`] (clock times, parts of the day, until a clock
//! time) and [`holidays`]
//! (Eid al-Fitr, Easter …, computed from the calendars), [`periods`]
//! (a year's quarters, a century's decades); [`numbers`]
//! reads counts and ordinals written in words, [`tokens`] the text layer's
//! tokens through the time lexicon.
//!
//! Text is cut into segments at unknown words, since no expression reaches
//! across one.

mod clock;
mod dates;
mod holidays;
mod numbers;
mod occurrences;
mod periods;
mod ranges;
mod relative;
mod tokens;

use chrono::NaiveDate;

use super::calendar::Pick;
use super::lexicon::{Count, Kw, Lex, Lexicon, Unit};
use super::{Anchor, Calendar, Granularity, Interval, Prefer, Resolution};
use tokens::{Kind, Punct, Tok};

/// Feeds each expression of `text` to `emit`, in order, until it returns false.
pub(super) fn scan(
    text: &str,
    lexicon: &Lexicon,
    anchor: Anchor,
    prefer: Prefer,
    calendar: Calendar,
    emit: &mut dyn FnMut(Resolution) -> bool,
) {
    for segment in tokens::read(text, lexicon).split(|t| t.kind == Kind::Other) {
        if !expressions(segment, lexicon, anchor, prefer, calendar, emit) {
            return;
        }
    }
}

/// Feeds each expression of `segment` (tokens with no unknown word) to `emit`;
/// false when `emit` asked to stop.
fn expressions(
    segment: &[Tok],
    lexicon: &Lexicon,
    anchor: Anchor,
    prefer: Prefer,
    calendar: Calendar,
    emit: &mut dyn FnMut(Resolution) -> bool,
) -> bool {
    let p = Parser {
        t: segment,
        lexicon,
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
            return false;
        }
        i = hit.end;
    }
    true
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

/// A bare four-digit number is a year only in this window, and only after a preposition.
const BARE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

struct Parser<'t> {
    t: &'t [Tok],
    lexicon: &'t Lexicon,
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
                        | Kw::Within
                        | Kw::Early
                        | Kw::Mid
                        | Kw::Late
                        | Kw::First
                        | Kw::DateWord
                        | Kw::MonthsOf
                ))
            )
    }

    /// Whether an expression may end before `i`: its segment ends there (at
    /// an unknown word or the text's end) or punctuation follows.
    fn closes(&self, i: usize) -> bool {
        self.t.get(i).is_none_or(|t| matches!(t.kind, Kind::Punct(_)))
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
                Kw::Until | Kw::To => best = longest(longest(best, self.open(i)), self.until_clock(i)),
                Kw::Between | Kw::DaysOf | Kw::YearsOf | Kw::MonthsOf => best = longest(best, self.between(i)),
                Kw::From => {
                    best = longest(longest(best, self.range_from(i)), self.clock_range_today(i));
                    best = longest(best, self.colloquial_ago(i));
                }
                Kw::Within => best = longest(best, self.within(i)),
                _ => {}
            }
        }
        if let Kind::Word(Lex::Month(_) | Lex::Head(_) | Lex::HijriMonth(_)) = first {
            best = longest(best, self.month_days_range(i));
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
        // "الخميس من الساعة التاسعة وحتى الساعة الحادية عشرة صباحا".
        if h.iv.granularity == Granularity::Day
            && let Some(date) = h.iv.start
            && let Some((iv, end)) = self.clock_range(h.end, date)
        {
            return Some(Hit {
                iv,
                timed: true,
                end,
                ..h
            });
        }
        if h.iv.granularity == Granularity::Day
            && let (Some(date), Some(clock)) = (h.iv.start, self.attached_time(h.end))
        {
            return Some(Hit {
                iv: Interval::at(date, self.on_day(date, clock), clock.granularity),
                timed: true,
                end: clock.end,
                ..h
            });
        }
        Some(h)
    }

    /// Day-, week-, month- or year-level expressions that are not ranges of
    /// two dates; a month reading wins a tie with a holiday (شهر رمضان).
    fn point(&self, i: usize) -> Option<Hit> {
        longest(self.named_point(i), self.holiday(i))
    }

    fn named_point(&self, i: usize) -> Option<Hit> {
        match self.t.get(i)?.kind {
            Kind::Num { .. } => longest(longest(self.numeric(i), self.textual(i)), self.year(i, self.context(i))),
            Kind::Word(lex) => match lex {
                Lex::Ordinal(_) => self.textual(i),
                Lex::Nth(_) => self.occurrence_nth_first(i),
                // A weekday heading an ordinal is counted in a month
                // ("الاثنين الأخير من آذار") unless it heads its own date.
                Lex::Weekday(_) => longest(
                    longest(self.occurrence_nth_after(i), self.weekday_of_week(i)),
                    self.weekday(i),
                ),
                Lex::Cardinal(_) => self.weekday_of_week(i),
                Lex::Month(_) | Lex::Head(_) | Lex::HijriMonth(_) => self.month_expr(i),
                Lex::Unit(Unit::Day, Count::One, false) => self.day_noun(i),
                Lex::Unit(Unit::Month, Count::One, false) => self.month_expr(i),
                Lex::Unit(Unit::Year, Count::One, _) => longest(self.year(i, true), self.relative_unit(i)),
                Lex::Unit(Unit::Week, Count::One, true) => longest(self.occurrence_nth_after(i), self.relative_unit(i)),
                Lex::Unit(_, Count::One, true) => self.relative_unit(i),
                Lex::Unit(_, _, true) | Lex::Kw(Kw::Article) => self.rolling(i),
                Lex::Kw(Kw::Today) => longest(
                    longest(self.relative_day(i), self.today_word_heading_day(i)),
                    self.occurrence_nth_after(i),
                ),
                Lex::Kw(Kw::Yesterday | Kw::Tomorrow | Kw::After | Kw::Before | Kw::Part(_)) => self.relative_day(i),
                Lex::Kw(Kw::This) => longest(longest(self.relative_unit(i), self.tonight(i)), self.now(i)),
                Lex::Kw(Kw::Now) => self.now(i),
                Lex::Kw(Kw::Tonight) => self.tonight(i),
                Lex::Kw(Kw::First) => longest(
                    longest(self.relative_day(i), self.period_part(i)),
                    self.occurrence_nth_first(i),
                ),
                Lex::Kw(Kw::Late) => longest(self.period_part(i), self.occurrence_nth_first(i)),
                Lex::Kw(Kw::Early | Kw::Mid) => self.period_part(i),
                Lex::Kw(Kw::Quarter) => self.quarter(i),
                Lex::Decade(_) => self.decade(i),
                _ => None,
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::time::{Prefer, normalize, parse_anchor};

    /// The interval `text` gives against the anchor `at`, ambiguous dates
    /// read by `prefer`.
    pub(super) fn normalized(text: &str, at: &str, prefer: Prefer) -> Option<String> {
        normalize(text, parse_anchor(at).unwrap(), prefer).map(|r| r.interval.to_string())
    }

    pub(super) fn norm(text: &str, at: &str) -> Option<String> {
        normalized(text, at, Prefer::Past)
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
    fn a_month_by_its_number_after_shahr() {
        assert_eq!(
            norm("وصل الوفد في الخامس من شهر سبعة", "2024-12-23").as_deref(),
            Some("2024-07-05")
        );
        assert_eq!(norm("منذ شهر 4 2023", "2024-12-23").as_deref(), Some("2023-04-01.."));
        // Thirteen is no month.
        assert_eq!(norm("في الخامس من شهر ثلاثة عشر", "2024-12-23"), None);
    }

    #[test]
    fn today_word_heading_an_ordinal_day() {
        assert_eq!(
            norm("اليوم العاشر من أيار شهد مظاهرات", "2024-12-23").as_deref(),
            Some("2024-05-10")
        );
        assert_eq!(
            norm("اليوم الأول من شهر تسعة", "2024-12-23").as_deref(),
            Some("2024-09-01")
        );
        assert_eq!(norm("اليوم قال الوزير", "2024-12-23").as_deref(), Some("2024-12-23"));
    }
}
