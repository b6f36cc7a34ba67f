//! Report stage: one report model built from the corpus and its findings,
//! and interchangeable printers for it (Markdown, JSON) and for diagnostics.
//! Nothing else in the crate formats output for the user.

mod diagnostics;
mod explain;
mod json;
mod markdown;
mod score;
mod time;

use serde::Serialize;

use crate::merge::{SetAside, SetAsideReason};
use crate::model::{
    Attribution, Basis, Claim, Corpus, Extent, Modality, Origin, Polarity, Published, Rule, TimeBasis, named,
};
use crate::model::{Finding, Kind};
use crate::time::{Granularity, Interval};

pub use diagnostics::{render as render_diagnostics, render_if_any as render_diagnostics_if_any};
pub use score::{ScoreFormat, render as render_score};
pub use time::{TimeFormat, render as render_times};

pub const SCHEMA_VERSION: u32 = 1;

named! {
    pub enum Format {
        Markdown = "markdown",
        Json = "json",
    }
}

pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(report),
        Format::Json => json::render(report),
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub summary: Summary,
    pub sources: Vec<SourceRow>,
    pub claims: Vec<ClaimRow>,
    pub findings: Vec<FindingRow>,
    /// Extracted claims left out of the comparison: superseded by an
    /// annotated claim, or rejected by the annotation.
    pub set_aside: Vec<SetAsideRow>,
}

named! {
    pub enum SetAsideKind {
        /// An annotated claim overlaps it.
        Superseded = "superseded",
        /// The annotation rejects it.
        Rejected = "rejected",
    }
}

named! {
    /// Where a publication date came from.
    pub enum DateSource {
        Annotation = "annotation",
        Header = "header",
        FileName = "file_name",
        None = "none",
    }
}

named! {
    pub enum OutletSource {
        Header = "header",
        /// None was found: the source id stands in.
        Id = "id",
    }
}

named! {
    pub enum TitleSource {
        Header = "header",
        /// None was found: the first line stands in.
        FirstLine = "first_line",
    }
}

#[derive(Debug, Serialize)]
pub struct SetAsideRow {
    pub claim: ClaimRow,
    pub reason: SetAsideKind,
    /// The annotated claim that supersedes it (`<source>:<id>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The annotator's reason for rejecting it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExtractionRow {
    pub rule: String,
    pub confidence: f64,
    /// Byte offsets of the predicate's words.
    pub trigger: Span,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub claims: usize,
    pub conflicts: usize,
    pub tensions: usize,
    pub agreements: usize,
    pub not_flagged: usize,
}

#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub id: String,
    pub outlet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_ar: Option<String>,
    pub title: String,
    /// Null when no publication date was given or found: the source's claims have no time.
    pub published: Option<PublishedRow>,
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_file: Option<String>,
    pub claims: usize,
    /// Whether the source has an annotation file.
    pub annotated: bool,
    /// Without an annotation: where the outlet and title were found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detected: Option<DetectedRow>,
}

#[derive(Debug, Serialize)]
pub struct PublishedRow {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as known.
    pub date: String,
    pub precision: Granularity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the date came from.
    pub basis: DateSource,
    /// The header line it was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DetectedRow {
    /// `header`, or `id` when none was found and the source id stands in.
    pub outlet: OutletSource,
    /// `header`, or `first_line` when none was found and the first line stands in.
    pub title: TitleSource,
}

#[derive(Debug, Serialize)]
pub struct TimeRow {
    pub start: Option<String>,
    pub end: Option<String>,
    pub granularity: Granularity,
    /// The compact form, with where it came from: `2024-12`,
    /// `2025-10-15 (from «الخامس عشر من أكتوبر»)`, `2024-12 (as of publication)`.
    pub display: String,
    /// Where it came from.
    pub basis: TimeBasis,
    /// The Arabic expression it was read from, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct ClaimRow {
    /// `<source-id>:<claim-id>`.
    pub id: String,
    pub source: String,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub extent: Extent,
    pub polarity: Polarity,
    pub time: Option<TimeRow>,
    pub modality: Modality,
    pub attribution: String,
    pub quote: String,
    /// Byte offsets of the quote in the article.
    pub span: Span,
    pub origin: Origin,
    /// For an extracted claim: the rule that found it, its confidence, its trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extraction: Option<ExtractionRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The claim in words, from the vocabulary's labels.
    pub statement: String,
    /// Who says it, in words.
    pub speaker: String,
}

#[derive(Debug, Serialize)]
pub struct WouldBe {
    pub kind: Kind,
    pub rule: Rule,
}

#[derive(Debug, Serialize)]
pub struct FindingRow {
    pub kind: Kind,
    pub claims: [String; 2],
    pub rule: Rule,
    pub explanation: String,
    /// The last sentence of the explanation: why, without the statements.
    pub reason: String,
    /// Same source on both sides: the article against itself.
    pub within_source: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_be: Option<WouldBe>,
    #[serde(skip)]
    pub claim_indices: [usize; 2],
}

impl Report {
    pub fn build(corpus: &Corpus, findings: &[Finding], set_aside: &[SetAside]) -> Report {
        let mut summary = Summary {
            sources: corpus.sources.len(),
            claims: corpus.claims.len(),
            ..Summary::default()
        };
        for finding in findings {
            match finding.kind {
                Kind::Conflict => summary.conflicts += 1,
                Kind::Tension => summary.tensions += 1,
                Kind::Agreement => summary.agreements += 1,
                Kind::NotFlagged => summary.not_flagged += 1,
            }
        }
        let sources = corpus
            .sources
            .iter()
            .enumerate()
            .map(|(index, source)| SourceRow {
                id: source.id.clone(),
                outlet: source.outlet.clone(),
                outlet_ar: source.outlet_ar.clone(),
                title: source.title.clone(),
                published: source.published.as_ref().map(published_row),
                language: source.language.clone(),
                original_file: source.original_file.clone(),
                claims: corpus.claims.iter().filter(|c| c.source == index).count(),
                annotated: source.annotated,
                detected: (!source.annotated).then_some(DetectedRow {
                    outlet: match source.outlet_basis {
                        Basis::Fallback => OutletSource::Id,
                        _ => OutletSource::Header,
                    },
                    title: match source.title_basis {
                        Basis::Fallback => TitleSource::FirstLine,
                        _ => TitleSource::Header,
                    },
                }),
            })
            .collect();
        let claims = corpus.claims.iter().map(|claim| claim_row(corpus, claim)).collect();
        let findings = findings
            .iter()
            .map(|finding| {
                let (a, b) = (finding.a as usize, finding.b as usize);
                let reason = explain::reason(corpus, finding);
                FindingRow {
                    kind: finding.kind,
                    claims: [
                        corpus.claim_name(&corpus.claims[a]),
                        corpus.claim_name(&corpus.claims[b]),
                    ],
                    rule: finding.rule,
                    explanation: explain::explain(corpus, finding, &reason),
                    reason,
                    within_source: corpus.claims[a].source == corpus.claims[b].source,
                    would_be: finding.would_be.map(|(kind, rule)| WouldBe { kind, rule }),
                    claim_indices: [a, b],
                }
            })
            .collect();
        let set_aside = set_aside
            .iter()
            .map(|s| {
                let (reason, by, note) = match &s.reason {
                    SetAsideReason::Superseded { by } => (
                        SetAsideKind::Superseded,
                        Some(format!("{}:{by}", corpus.sources[s.claim.source].id)),
                        None,
                    ),
                    SetAsideReason::Rejected { reason } => (SetAsideKind::Rejected, None, Some(reason.clone())),
                };
                SetAsideRow {
                    claim: claim_row(corpus, &s.claim),
                    reason,
                    by,
                    note,
                }
            })
            .collect();
        Report {
            schema_version: SCHEMA_VERSION,
            summary,
            sources,
            claims,
            findings,
            set_aside,
        }
    }
}

fn published_row(published: &Published) -> PublishedRow {
    PublishedRow {
        date: published.date.to_string(),
        precision: published.date.granularity,
        time: published.time.map(|t| t.format("%H:%M").to_string()),
        inferred: published.inferred,
        note: published.note.clone(),
        basis: match published.basis {
            Basis::Annotation => DateSource::Annotation,
            Basis::Header(_) => DateSource::Header,
            Basis::FileName => DateSource::FileName,
            Basis::Fallback => DateSource::None,
        },
        line: match &published.basis {
            Basis::Header(line) => Some(line.text.clone()),
            _ => None,
        },
    }
}

fn claim_row(corpus: &Corpus, claim: &Claim) -> ClaimRow {
    let vocabulary = &corpus.vocabulary;
    ClaimRow {
        id: corpus.claim_name(claim),
        source: corpus.sources[claim.source].id.clone(),
        subject: vocabulary.entity_info(claim.subject).id.clone(),
        predicate: vocabulary.predicate_info(claim.predicate).id.clone(),
        object: vocabulary.entity_info(claim.object).id.clone(),
        extent: claim.extent,
        polarity: claim.polarity,
        time: claim
            .time
            .as_ref()
            .zip(claim.time_basis)
            .map(|(interval, basis)| time_row(interval, basis, claim)),
        modality: claim.modality,
        attribution: match claim.attribution {
            Attribution::Outlet => "outlet".to_string(),
            Attribution::Entity(id) => vocabulary.entity_info(id).id.clone(),
        },
        quote: claim.quote.clone(),
        span: Span {
            start: claim.span.start,
            end: claim.span.end,
        },
        origin: claim.origin,
        extraction: claim.extraction.as_ref().map(|x| ExtractionRow {
            rule: x.rule.clone(),
            confidence: x.confidence,
            trigger: Span {
                start: x.trigger.start,
                end: x.trigger.end,
            },
        }),
        note: claim.note.clone(),
        statement: explain::statement(corpus, claim),
        speaker: explain::speaker(corpus, claim),
    }
}

fn time_row(interval: &Interval, basis: TimeBasis, claim: &Claim) -> TimeRow {
    TimeRow {
        basis,
        evidence: claim.time_evidence.clone(),
        start: interval.start.map(|d| d.to_string()),
        end: interval.end.map(|d| d.to_string()),
        granularity: interval.granularity,
        display: match (basis, &claim.time_evidence) {
            (TimeBasis::Publication, _) => format!("{interval} (as of publication)"),
            (_, Some(expression)) => format!("{interval} (from «{expression}»)"),
            _ => interval.to_string(),
        },
    }
}
