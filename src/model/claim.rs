//! Sources and claims, with their qualifiers.

use std::ops::Range;

use chrono::NaiveTime;

use super::named;
use crate::count::Count;
use crate::time::Interval;
use crate::vocab::{EntityId, PredicateId, Vocabulary};

/// A piece of the article as written, with its byte span in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub text: String,
    pub span: Range<usize>,
}

/// Where a piece of a source's metadata came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The annotation file.
    Annotation,
    /// A line of the article's header.
    Header(Found),
    /// Not found in the text: a stand-in (the source id for the outlet, the
    /// first line for the title).
    Fallback,
}

/// Where a publication date came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicationBasis {
    /// The annotation file.
    Annotation,
    /// The article's dateline.
    Header(Found),
    /// The file name.
    FileName,
    /// Inferred from the body's dates: the latest absolute date the text
    /// mentions, as written, with its span.
    Text(Found),
}

#[derive(Clone, Debug)]
pub struct Published {
    pub date: Interval,
    pub time: Option<NaiveTime>,
    /// The text states no date: it was inferred (by the annotator, or from the file name).
    pub inferred: bool,
    pub note: Option<String>,
    pub basis: PublicationBasis,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub outlet_ar: Option<String>,
    pub title: String,
    /// None when neither the annotation nor the text gives a date: the
    /// source's claims then have no time.
    pub published: Option<Published>,
    pub language: String,
    pub original_file: Option<String>,
    pub article: String,
    /// Whether the source has an annotation file. Without one, its metadata is
    /// detected and it has no claims: claim extraction fills them.
    pub annotated: bool,
    pub outlet_basis: Basis,
    pub title_basis: Basis,
    /// Extracted claims the annotation rejects.
    pub rejections: Vec<Rejection>,
}

named! {
    pub enum Polarity {
        Affirmed = "affirmed",
        Negated = "negated",
    }
}

named! {
    pub enum Extent {
        Unspecified = "unspecified",
        Partial = "partial",
        Full = "full",
    }
}

named! {
    pub enum Modality {
        Asserted = "asserted",
        Reported = "reported",
        Hedged = "hedged",
        Expected = "expected",
        Undecided = "undecided",
        Question = "question",
    }
}

impl Modality {
    /// Asserted and reported claims commit to the proposition; the others do not.
    pub fn asserts(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attribution {
    Outlet,
    Entity(EntityId),
}

named! {
    pub enum Origin {
        Annotated = "annotated",
        Extracted = "extracted",
    }
}

named! {
    /// Where a claim's time came from.
    pub enum TimeBasis {
        /// ISO dates in the annotation.
        Annotated = "annotated",
        /// An Arabic expression in the annotation, resolved against the publication date.
        Expression = "expression",
        /// A time expression in the quote's sentence.
        Sentence = "sentence",
        /// A time expression in the quote's paragraph.
        Paragraph = "paragraph",
        /// No time stated: the claim is taken as reported as of publication.
        Publication = "publication",
    }
}

#[derive(Clone, Debug)]
pub struct Claim {
    /// Index into the sources.
    pub source: usize,
    /// The id inside its source; the report names it `<source>:<id>`.
    pub id: String,
    pub quote: String,
    /// Where the quote stands in the article, in bytes.
    pub span: Range<usize>,
    pub subject: EntityId,
    pub predicate: PredicateId,
    pub object: EntityId,
    pub extent: Extent,
    pub polarity: Polarity,
    /// None when nothing gives one: no time in the annotation or the text,
    /// and no publication date.
    pub time: Option<Interval>,
    pub time_basis: Option<TimeBasis>,
    /// The expression the time was read from, as written.
    pub time_evidence: Option<String>,
    pub modality: Modality,
    pub attribution: Attribution,
    /// The number the claim states (`أكثر من 80 شخصا`), for a predicate that counts.
    pub count: Option<Count>,
    pub origin: Origin,
    pub note: Option<String>,
    /// For an extracted claim: how it was found.
    pub extraction: Option<Extraction>,
}

/// How an extracted claim was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// The rules that found its subject and object (`after-trigger+marked-object`).
    pub rule: String,
    /// 0–1.
    pub confidence: f64,
    /// The predicate's words in the article.
    pub trigger: Range<usize>,
}

/// An annotator's verdict that extracted claims over a passage are wrong.
#[derive(Clone, Debug)]
pub struct Rejection {
    /// The passage in the article: extracted claims overlapping it are rejected.
    pub span: Range<usize>,
    /// Only extracted claims with this predicate, when given.
    pub predicate: Option<PredicateId>,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub vocabulary: Vocabulary,
    /// Sorted by id.
    pub sources: Vec<Source>,
    /// Sorted by source, then claim id.
    pub claims: Vec<Claim>,
}

impl Corpus {
    pub fn claim_name(&self, claim: &Claim) -> String {
        format!("{}:{}", self.sources[claim.source].id, claim.id)
    }
}
