//! Claim time, resolved in one place for annotated and extracted claims alike:
//! the time the annotation states (ISO dates, or an Arabic expression resolved
//! against the publication date), else the time expression nearest the quote
//! in its sentence, else in its paragraph, else the publication date. Sentences
//! are the text layer's ([`crate::text::sentences`]), computed once per article.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::model::{Published, TimeBasis};
use crate::text::{Paragraphs, sentences};
use crate::time::{Anchor, Calendar, FOLLOWING_DAY, Interval, Lexicon, Resolution, parse_iso_interval};

/// A claim's time and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimTime {
    pub interval: Interval,
    pub basis: TimeBasis,
    /// The expression it was read from, as written.
    pub evidence: Option<String>,
}

/// Why a stated time gives no interval.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("the time does not parse: {0}")]
    Unparsable(String),
    #[error("`{0}` cannot be resolved: the source has no publication date; give the time as ISO dates")]
    NeedsPublicationDate(String),
    #[error("`{0}` is not a time expression tanaqud can resolve")]
    NotAnExpression(String),
}

/// What claims are timed with: the folded words a full stop may follow
/// without ending a sentence (the lexicon's abbreviations), and the time words.
#[derive(Clone, Copy)]
pub struct TimeWords<'a> {
    pub abbreviations: &'a [String],
    pub lexicon: &'a Lexicon,
}

/// One article's sentences and publication date: what every claim of it is
/// timed against.
pub struct ArticleTimes<'a> {
    article: &'a str,
    sentences: Vec<Range<usize>>,
    paragraphs: Paragraphs,
    lexicon: &'a Lexicon,
    published: Option<&'a Published>,
    /// The time expressions of each paragraph (by its byte range), read the
    /// first time a claim in it needs them: every paragraph is read once,
    /// however many claims it holds (an article on one line is one paragraph).
    expressions: RefCell<HashMap<(usize, usize), Expressions>>,
}

/// The time expressions of one paragraph, shared by its claims.
type Expressions = Rc<[Expression]>;

/// A time expression of the article, its span in the article's bytes.
#[derive(Clone, Debug)]
struct Expression {
    span: Range<usize>,
    interval: Interval,
}

impl<'a> ArticleTimes<'a> {
    pub fn new(article: &'a str, published: Option<&'a Published>, words: TimeWords<'a>) -> ArticleTimes<'a> {
        ArticleTimes {
            article,
            sentences: sentences(article, words.abbreviations),
            lexicon: words.lexicon,
            paragraphs: Paragraphs::of(article),
            published,
            expressions: RefCell::default(),
        }
    }

    fn anchor(&self) -> Option<Anchor> {
        let published = self.published?;
        Some(Anchor {
            date: published.date.end?,
            time: published.time,
        })
    }

    /// The time of the claim quoted at `quote` (None when its quote was not
    /// found), given what its annotation states (`None` for an extracted claim
    /// or an annotation without `time`). Without a publication date only ISO
    /// dates give a time.
    pub fn resolve(&self, quote: Option<&Range<usize>>, stated: Option<&str>) -> Result<Option<ClaimTime>, TimeError> {
        match (stated, quote, self.published) {
            (Some(stated), _, _) => self.stated(stated).map(Some),
            (None, Some(quote), Some(published)) => Ok(Some(self.context(quote, published))),
            _ => Ok(None),
        }
    }

    fn stated(&self, stated: &str) -> Result<ClaimTime, TimeError> {
        let iso = parse_iso_interval(stated);
        if let Ok(interval) = iso {
            return Ok(ClaimTime {
                interval,
                basis: TimeBasis::Annotated,
                evidence: None,
            });
        }
        let arabic = !stated.is_ascii();
        let anchor = self.anchor();
        if let Some(resolution) = anchor.filter(|_| arabic).and_then(|a| {
            self.lexicon
                .normalize(stated, a, Default::default(), Calendar::Gregorian)
        }) {
            return Ok(ClaimTime {
                interval: resolution.interval,
                basis: TimeBasis::Expression,
                evidence: Some(stated[resolution.span].to_string()),
            });
        }
        Err(match iso {
            Err(error) if !arabic => TimeError::Unparsable(error.0),
            _ if anchor.is_none() => TimeError::NeedsPublicationDate(stated.to_string()),
            _ => TimeError::NotAnExpression(stated.to_string()),
        })
    }

    /// The time expression nearest the quote in its sentence, else in its
    /// paragraph, else the publication date. Relative expressions resolve
    /// against the end of the publication date, so that "28 January" in an
    /// article of January 2026 is 2026-01-28.
    fn context(&self, quote: &Range<usize>, published: &Published) -> ClaimTime {
        let Some(anchor) = self.anchor() else {
            return as_of_publication(published);
        };
        let paragraph = self.paragraphs.around(quote);
        let found = self.expressions_in(&paragraph, anchor);
        let sentence = self.sentence_of(quote);
        // Expressions are in text order: a context is a run of them.
        let first = found.partition_point(|e| e.span.start < sentence.start);
        let last = found.partition_point(|e| e.span.start < sentence.end);
        let in_sentence: Vec<&Expression> = found[first..last.max(first)]
            .iter()
            .filter(|e| e.span.end <= sentence.end)
            .collect();
        let in_paragraph: Vec<&Expression> = found.iter().collect();
        for (context, basis) in [(in_sentence, TimeBasis::Sentence), (in_paragraph, TimeBasis::Paragraph)] {
            // Inside the quote or the last one before it, else the first after.
            let after = context.partition_point(|e| e.span.start < quote.end);
            let nearest = after
                .checked_sub(1)
                .or((after < context.len()).then_some(after))
                .map(|i| context[i]);
            if let Some(e) = nearest {
                return ClaimTime {
                    interval: e.interval,
                    basis,
                    evidence: Some(self.article[e.span.clone()].to_string()),
                };
            }
        }
        as_of_publication(published)
    }

    /// The time expressions of `paragraph`, read once.
    fn expressions_in(&self, paragraph: &Range<usize>, anchor: Anchor) -> Expressions {
        let key = (paragraph.start, paragraph.end);
        if let Some(found) = self.expressions.borrow().get(&key) {
            return Rc::clone(found);
        }
        let found: Expressions = self
            .lexicon
            .find_all(
                &self.article[paragraph.clone()],
                anchor,
                Default::default(),
                Calendar::Gregorian,
            )
            .into_iter()
            .scan(None, |last_day: &mut Option<NaiveDate>, r: Resolution| {
                // «اليوم التالي» follows the latest day the paragraph has told
                // before it, not the publication; with none told, it gives no time.
                let interval = if r.rule == FOLLOWING_DAY {
                    last_day.and_then(|d| d.succ_opt()).map(Interval::day)
                } else {
                    Some(r.interval)
                };
                if let Some(end) = interval.and_then(|i| i.end) {
                    *last_day = Some(last_day.map_or(end, |d| d.max(end)));
                }
                Some(interval.map(|interval| Expression {
                    span: paragraph.start + r.span.start..paragraph.start + r.span.end,
                    interval,
                }))
            })
            .flatten()
            .collect();
        self.expressions.borrow_mut().insert(key, Rc::clone(&found));
        found
    }

    /// The sentences the quote touches, as one range (a quote may run over a
    /// sentence end); the quote itself when it falls between sentences.
    fn sentence_of(&self, quote: &Range<usize>) -> Range<usize> {
        let first = self.sentences.partition_point(|s| s.end <= quote.start);
        let last = self
            .sentences
            .partition_point(|s| s.start < quote.end.max(quote.start + 1));
        match self.sentences.get(first..last) {
            Some([one, .., other]) => one.start.min(quote.start)..other.end.max(quote.end),
            Some([one]) => one.start.min(quote.start)..one.end.max(quote.end),
            _ => quote.clone(),
        }
    }
}

fn as_of_publication(published: &Published) -> ClaimTime {
    ClaimTime {
        interval: published.date,
        basis: TimeBasis::Publication,
        evidence: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PublicationBasis;

    fn bundled() -> TimeWords<'static> {
        TimeWords {
            abbreviations: &[],
            lexicon: Lexicon::bundled(),
        }
    }

    fn published(date: &str) -> Published {
        Published {
            date: parse_iso_interval(date).unwrap(),
            time: None,
            inferred: false,
            note: None,
            basis: PublicationBasis::Annotation,
        }
    }

    fn span_of(text: &str, part: &str) -> Range<usize> {
        let start = text.find(part).unwrap();
        start..start + part.len()
    }

    #[test]
    fn the_following_day_follows_the_last_day_told_before_it() {
        let article =
            "وصل الوفد إلى القاهرة في 3 مارس 2024. وفي اليوم التالي التقى الوزير.\nوفي اليوم التالي أعلن الاتفاق.";
        let date = published("2024-03-10");
        let times = ArticleTimes::new(article, Some(&date), bundled());
        let time_of = |part: &str| {
            let t = times.resolve(Some(&span_of(article, part)), None).unwrap().unwrap();
            (t.interval.to_string(), t.basis)
        };
        assert_eq!(time_of("التقى الوزير"), ("2024-03-04".into(), TimeBasis::Sentence));
        // A paragraph that tells no day before it: the expression gives no time.
        assert_eq!(time_of("أعلن الاتفاق"), ("2024-03-10".into(), TimeBasis::Publication));
    }

    #[test]
    fn the_nearest_expression_in_the_sentence_then_the_paragraph_then_publication() {
        let article = "قالت الوزارة أمس إن القوات انسحبت. وأكدت البقاء.\nوفي سطر آخر: يوم الجمعة تغير شيء.";
        let date = published("2024-12-23");
        let times = ArticleTimes::new(article, Some(&date), bundled());
        let in_sentence = times
            .resolve(Some(&span_of(article, "القوات انسحبت")), None)
            .unwrap()
            .unwrap();
        assert_eq!(
            (in_sentence.interval.to_string(), in_sentence.basis),
            ("2024-12-22".into(), TimeBasis::Sentence)
        );
        assert_eq!(in_sentence.evidence.as_deref(), Some("أمس"));
        let in_paragraph = times
            .resolve(Some(&span_of(article, "وأكدت البقاء")), None)
            .unwrap()
            .unwrap();
        assert_eq!(in_paragraph.basis, TimeBasis::Paragraph);
        let undated_text = "خبر بلا تاريخ.";
        let none = ArticleTimes::new(undated_text, Some(&date), bundled());
        let as_of = none
            .resolve(Some(&span_of(undated_text, "خبر")), None)
            .unwrap()
            .unwrap();
        assert_eq!(
            (as_of.interval.to_string(), as_of.basis),
            ("2024-12-23".into(), TimeBasis::Publication)
        );
    }

    #[test]
    fn a_stated_time_is_iso_or_an_expression_resolved_against_publication() {
        let date = published("2026-01");
        let times = ArticleTimes::new("نص.", Some(&date), bundled());
        let iso = times.resolve(Some(&(0..2)), Some("2024-12")).unwrap().unwrap();
        assert_eq!(
            (iso.interval.to_string(), iso.basis),
            ("2024-12".into(), TimeBasis::Annotated)
        );
        let arabic = times.resolve(Some(&(0..2)), Some("28 يناير")).unwrap().unwrap();
        assert_eq!(
            (arabic.interval.to_string(), arabic.basis),
            ("2026-01-28".into(), TimeBasis::Expression)
        );
        assert!(matches!(
            times.resolve(Some(&(0..2)), Some("2024-13")),
            Err(TimeError::Unparsable(_))
        ));
        assert!(matches!(
            times.resolve(Some(&(0..2)), Some("كلام")),
            Err(TimeError::NotAnExpression(_))
        ));
        let undated = ArticleTimes::new("نص.", None, bundled());
        assert!(matches!(
            undated.resolve(Some(&(0..2)), Some("أمس")),
            Err(TimeError::NeedsPublicationDate(_))
        ));
        assert_eq!(undated.resolve(Some(&(0..2)), None), Ok(None));
    }

    #[test]
    fn a_quote_over_a_sentence_end_takes_both_sentences() {
        let article = "أولا. قال إن روسيا انسحبت. ثم أمس عادت. آخر.";
        let date = published("2024-12-23");
        let times = ArticleTimes::new(article, Some(&date), bundled());
        assert_eq!(
            &article[times.sentence_of(&span_of(article, "انسحبت. ثم"))],
            "قال إن روسيا انسحبت. ثم أمس عادت."
        );
    }
}
