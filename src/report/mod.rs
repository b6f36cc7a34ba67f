//! Report stage: one report model built from the corpus, its propositions and
//! their verdicts, and interchangeable printers for it (Markdown, JSON) and
//! for diagnostics. Nothing else in the crate formats output for the user.

mod diagnostics;
mod explain;
mod html;
mod json;
mod jsonl;
mod jsonld;
mod markdown;
mod score;
mod time;
mod view;

use serde::Serialize;

use crate::merge::{SetAside, SetAsideReason};
use crate::model::{
    Attribution, Basis, Claim, ConflictType, Corpus, Extent, Modality, Origin, Polarity, Proposition, PublicationBasis,
    Published, Qualifier, Rule, TimeBasis, Verdict, VerdictKind, named,
};
use crate::propositions::{Compared, Relation};
use crate::text::{LineIndex, sentences};
use crate::time::{Granularity, Interval};
use crate::triage::Entry;
use crate::vocab::Direction;

pub use diagnostics::{render as render_diagnostics, render_if_any as render_diagnostics_if_any};
pub use score::{ScoreFormat, render as render_score, render_verdicts as render_verdict_score};
pub use time::{TimeFormat, render as render_times};

pub const SCHEMA_VERSION: u32 = 2;

named! {
    pub enum Format {
        Markdown = "markdown",
        Json = "json",
        Html = "html",
        Jsonl = "jsonl",
        ClaimReview = "claimreview",
        WebAnnotation = "webannotation",
        /// The pairs of propositions the comparison put side by side, a
        /// pair a line: what another engine's blocked self-join must find.
        Candidates = "candidates",
    }
}

pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(report),
        Format::Json => json::render(report),
        Format::Html => html::render(report),
        Format::Jsonl => jsonl::render(report),
        Format::ClaimReview => jsonld::claim_reviews(report),
        Format::WebAnnotation => jsonld::web_annotations(report),
        Format::Candidates => jsonl::candidates(report),
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub summary: Summary,
    pub sources: Vec<SourceRow>,
    pub claims: Vec<ClaimRow>,
    pub propositions: Vec<PropositionRow>,
    /// Ranked: disputed and conflicts first, then by independent origins and confidence.
    pub verdicts: Vec<VerdictRow>,
    /// Extracted claims left out of the comparison: superseded by an
    /// annotated claim, or rejected by the annotation.
    pub set_aside: Vec<SetAsideRow>,
    /// The names no vocabulary lists that extraction found in the corpus,
    /// each with the aliases it merged and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_entities: Vec<OpenEntityRow>,
    /// The pairs of propositions the comparison judged (indices into
    /// `propositions`), in its order.
    #[serde(skip)]
    pub compared: Vec<ComparedRow>,
}

pub struct ComparedRow {
    pub propositions: [usize; 2],
    pub relation: Relation,
}

impl std::fmt::Debug for ComparedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {:?}", self.propositions, self.relation)
    }
}

/// Where a quote sits in its article, for the printers that point into it
/// (Web Annotation selectors, the HTML's sentence in context).
#[derive(Debug, Default)]
pub struct Anchor {
    /// The quote's start and end in Unicode code points (characters), not bytes.
    pub chars: [usize; 2],
    /// Up to [`AFFIX`] characters of the article before and after the quote.
    pub prefix: String,
    pub suffix: String,
    /// The rest of the quote's sentence (or sentences) before and after it.
    pub before: String,
    pub after: String,
}

/// Characters of context a text-quote selector carries on each side.
pub const AFFIX: usize = 32;

named! {
    /// A source's stance on a proposition, which is phrased in its family's
    /// "for" direction (Russia keeps forces in Syria).
    pub enum Stance {
        Affirmed = "affirmed",
        Negated = "negated",
        Undecided = "undecided",
        Hedged = "hedged",
        Expected = "expected",
        Question = "question",
    }
}

#[derive(Debug, Serialize)]
pub struct PropositionRow {
    /// `<subject>/<family>/<object>`.
    pub id: String,
    pub subject: String,
    pub family: String,
    pub object: String,
    /// In words: "Russia — keep forces or bases in — Syria".
    pub statement: String,
    /// Per source and stance, its claims.
    pub positions: Vec<PositionRow>,
    /// The scopes that contain the object (the vocabulary's closure), sorted.
    #[serde(skip)]
    pub within: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PositionRow {
    pub source: String,
    pub stance: Stance,
    pub claims: Vec<String>,
    #[serde(skip)]
    pub claim_indices: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct VerdictRow {
    /// Stable while its evidence stays the same (`tanaqud triage` takes it).
    pub id: String,
    pub kind: VerdictKind,
    /// For a conflict or a dispute: negation, antonymy, scope or modal.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub conflict: Option<ConflictType>,
    pub rule: Rule,
    /// The proposition ids: the same twice, or the whole then the part.
    pub propositions: [String; 2],
    /// The strongest pairs of claims, one per pair of sources.
    pub evidence: Vec<[String; 2]>,
    /// The sources of the evidence, sorted.
    pub sources: Vec<String>,
    /// How many independent origins those sources are (reprints count once).
    pub origins: usize,
    /// The lower confidence of the strongest pair (1 for annotated claims).
    pub confidence: f64,
    pub explanation: String,
    #[serde(skip)]
    pub evidence_indices: Vec<[usize; 2]>,
    #[serde(skip)]
    pub proposition_indices: [usize; 2],
    /// The Arabic subject and predicate of its strongest claim, for headings.
    #[serde(skip)]
    pub arabic: String,
    /// The fact-checker's decision, when it was triaged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triage: Option<Entry>,
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
        Text = "text",
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
pub struct OpenEntityRow {
    pub id: String,
    pub label: String,
    /// Folded, its key first.
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<MergedRow>,
}

#[derive(Debug, Serialize)]
pub struct MergedRow {
    pub alias: String,
    pub reason: &'static str,
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

/// A claim's count: its qualifier, its number (`low` = `high`) or range, and
/// what it counts; `display` in words, `text` as the article writes it.
#[derive(Debug, Serialize)]
pub struct CountRow {
    pub qualifier: Qualifier,
    pub low: f64,
    pub high: f64,
    pub percent: bool,
    pub counted: Option<String>,
    pub display: String,
    /// The count as written, with its span; none for an annotation's count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
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
    /// Sources once reprints of one story are counted once.
    pub origins: usize,
    pub claims: usize,
    pub propositions: usize,
    pub disputed: usize,
    pub conflicts: usize,
    pub tensions: usize,
    pub agreements: usize,
    pub updates: usize,
    pub not_comparable: usize,
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
    /// The source whose story this one reprints (its own id when it is no reprint).
    pub origin: String,
    /// The article's file name in the corpus.
    #[serde(skip)]
    pub file: String,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<CountRow>,
    pub quote: String,
    /// Byte offsets of the quote in the article.
    pub span: Span,
    /// The line of the article the quote starts on, from 1.
    pub line: usize,
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
    /// Its stance on its proposition.
    pub stance: Stance,
    #[serde(skip)]
    pub source_index: usize,
    #[serde(skip)]
    pub anchor: Anchor,
    /// The speaker is a person (the vocabulary's kind), not an organisation.
    #[serde(skip)]
    pub speaker_is_person: bool,
}

/// What the report is built from: the corpus and what the comparison found.
pub struct Comparison<'a> {
    pub corpus: &'a Corpus,
    pub propositions: &'a [Proposition],
    pub verdicts: &'a [Verdict],
    pub compared: &'a [Compared],
    /// Each source's origin (the index of the source whose story it reprints).
    pub origins: &'a [u32],
    pub set_aside: &'a [SetAside],
    /// Each verdict's stable id, and the fact-checker's decisions on them.
    pub ids: &'a [String],
    pub triage: &'a [Entry],
}

impl Report {
    pub fn build(comparison: &Comparison) -> Report {
        let Comparison {
            corpus,
            propositions,
            verdicts,
            compared,
            origins,
            set_aside,
            ids,
            triage,
        } = *comparison;
        let mut claims_per_source = vec![0; corpus.sources.len()];
        for claim in &corpus.claims {
            claims_per_source[claim.source] += 1;
        }
        let sources = corpus
            .sources
            .iter()
            .enumerate()
            .map(|(index, source)| source_row(corpus, source, claims_per_source[index], origins[index]))
            .collect();
        let lines = article_indices(corpus);
        let claims = corpus
            .claims
            .iter()
            .map(|claim| claim_row(corpus, claim, &lines))
            .collect();
        let proposition_rows: Vec<PropositionRow> = propositions.iter().map(|p| proposition_row(corpus, p)).collect();
        let verdict_rows: Vec<VerdictRow> = verdicts
            .iter()
            .zip(ids)
            .map(|(v, id)| {
                let mut row = verdict_row(corpus, origins, &proposition_rows, v);
                row.id = id.clone();
                row.triage = triage.iter().find(|e| &e.id == id).cloned();
                row
            })
            .collect();
        let mut distinct_origins = origins.to_vec();
        distinct_origins.sort_unstable();
        distinct_origins.dedup();
        let count = |kind: VerdictKind| verdicts.iter().filter(|v| v.kind == kind).count();
        let summary = Summary {
            sources: corpus.sources.len(),
            origins: distinct_origins.len(),
            claims: corpus.claims.len(),
            propositions: propositions.len(),
            disputed: count(VerdictKind::Disputed),
            conflicts: count(VerdictKind::Conflict),
            tensions: count(VerdictKind::Tension),
            agreements: count(VerdictKind::Agreement),
            updates: count(VerdictKind::Update),
            not_comparable: count(VerdictKind::NotComparable),
        };
        let set_aside = set_aside.iter().map(|s| set_aside_row(corpus, s, &lines)).collect();
        let vocabulary = &corpus.vocabulary;
        let open_entities = vocabulary
            .open_entities()
            .iter()
            .map(|(id, merged)| {
                let entity = vocabulary.entity_info(*id);
                OpenEntityRow {
                    id: entity.id.clone(),
                    label: entity.label.clone(),
                    aliases: entity.aliases.clone(),
                    merged: merged
                        .iter()
                        .map(|m| MergedRow {
                            alias: m.alias.clone(),
                            reason: m.reason,
                        })
                        .collect(),
                }
            })
            .collect();
        Report {
            schema_version: SCHEMA_VERSION,
            summary,
            sources,
            claims,
            propositions: proposition_rows,
            verdicts: verdict_rows,
            set_aside,
            open_entities,
            compared: compared
                .iter()
                .map(|c| ComparedRow {
                    propositions: c.propositions.map(|p| p as usize),
                    relation: c.relation,
                })
                .collect(),
        }
    }
}

/// What is built once per article to place its quotes: lines, sentences,
/// and the character count at every [`CHAR_STEP`]th byte.
pub(crate) struct ArticleIndex {
    lines: LineIndex,
    sentences: Vec<std::ops::Range<usize>>,
    chars_at_steps: Vec<usize>,
}

const CHAR_STEP: usize = 1024;

impl ArticleIndex {
    fn new(text: &str) -> ArticleIndex {
        let mut chars_at_steps = vec![0];
        for (count, (at, _)) in text.char_indices().enumerate() {
            while at >= chars_at_steps.len() * CHAR_STEP {
                chars_at_steps.push(count);
            }
        }
        ArticleIndex {
            lines: LineIndex::new(text),
            sentences: sentences(text, &[]),
            chars_at_steps,
        }
    }

    /// The characters before byte `offset` (a character boundary), counted
    /// from the nearest step: at most [`CHAR_STEP`] bytes read.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let step = (offset / CHAR_STEP).min(self.chars_at_steps.len() - 1);
        let from = step * CHAR_STEP;
        // A step may fall inside a character: it was counted from the one that starts after it.
        let from_boundary = (from..=offset).find(|&b| text.is_char_boundary(b)).unwrap_or(offset);
        self.chars_at_steps[step] + text.get(from_boundary..offset).map_or(0, |t| t.chars().count())
    }

    fn anchor(&self, text: &str, span: &std::ops::Range<usize>) -> Anchor {
        let (start, end) = (span.start.min(text.len()), span.end.min(text.len()));
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start > end {
            return Anchor::default();
        }
        let prefix_from = text[..start].char_indices().rev().nth(AFFIX - 1).map_or(0, |(i, _)| i);
        let suffix_to = text[end..]
            .char_indices()
            .nth(AFFIX)
            .map_or(text.len(), |(i, _)| end + i);
        // The sentences the quote starts and ends in (it may cross one's end).
        let first = self.sentences.partition_point(|s| s.end <= start);
        let last = self.sentences.partition_point(|s| s.start < end.max(start + 1));
        let (sentence_start, sentence_end) = match (self.sentences.get(first), last.checked_sub(1)) {
            (Some(s), Some(l)) if l >= first => (s.start.min(start), self.sentences[l].end.max(end)),
            _ => (start, end),
        };
        Anchor {
            chars: [self.chars_before(text, start), self.chars_before(text, end)],
            prefix: text[prefix_from..start].to_string(),
            suffix: text[end..suffix_to].to_string(),
            before: text[sentence_start..start].to_string(),
            after: text[end..sentence_end].to_string(),
        }
    }
}

/// Each article's index, for the line a quote is on and its anchor.
pub(crate) fn article_indices(corpus: &Corpus) -> Vec<ArticleIndex> {
    corpus.sources.iter().map(|s| ArticleIndex::new(&s.article)).collect()
}

fn source_row(corpus: &Corpus, source: &crate::model::Source, claims: usize, origin: u32) -> SourceRow {
    SourceRow {
        id: source.id.clone(),
        outlet: source.outlet.clone(),
        outlet_ar: source.outlet_ar.clone(),
        title: source.title.clone(),
        published: source.published.as_ref().map(published_row),
        language: source.language.clone(),
        original_file: source.original_file.clone(),
        claims,
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
        origin: corpus.sources[origin as usize].id.clone(),
        // An annotated source's article is `<id>.txt`; a bare one keeps its own name.
        file: match (&source.original_file, source.annotated) {
            (Some(name), false) => name.clone(),
            _ => format!("{}.txt", source.id),
        },
    }
}

fn set_aside_row(corpus: &Corpus, set_aside: &SetAside, lines: &[ArticleIndex]) -> SetAsideRow {
    let (reason, by, note) = match &set_aside.reason {
        SetAsideReason::Superseded { by } => (
            SetAsideKind::Superseded,
            Some(format!("{}:{by}", corpus.sources[set_aside.claim.source].id)),
            None,
        ),
        SetAsideReason::Rejected { reason } => (SetAsideKind::Rejected, None, Some(reason.clone())),
    };
    SetAsideRow {
        claim: claim_row(corpus, &set_aside.claim, lines),
        reason,
        by,
        note,
    }
}

/// `<subject>/<family>/<object>`.
fn proposition_id(corpus: &Corpus, proposition: &Proposition) -> String {
    let v = &corpus.vocabulary;
    format!(
        "{}/{}/{}",
        v.entity_info(proposition.actor).id,
        v.families[proposition.family.0 as usize],
        v.entity_info(proposition.object).id
    )
}

/// The stance a claim takes on its proposition.
pub fn stance(corpus: &Corpus, claim: &Claim) -> Stance {
    let direction = corpus.vocabulary.predicate_info(claim.predicate).direction;
    let direction = match claim.polarity {
        Polarity::Affirmed => direction,
        Polarity::Negated => direction.flipped(),
    };
    match claim.modality {
        Modality::Asserted | Modality::Reported if direction == Direction::For => Stance::Affirmed,
        Modality::Asserted | Modality::Reported => Stance::Negated,
        Modality::Undecided => Stance::Undecided,
        Modality::Hedged => Stance::Hedged,
        Modality::Expected => Stance::Expected,
        Modality::Question => Stance::Question,
    }
}

fn proposition_row(corpus: &Corpus, proposition: &Proposition) -> PropositionRow {
    let v = &corpus.vocabulary;
    let mut positions: Vec<PositionRow> = Vec::new();
    let mut claims: Vec<usize> = proposition.claims.iter().map(|&c| c as usize).collect();
    claims.sort_by_key(|&c| {
        let claim = &corpus.claims[c];
        (claim.source, stance(corpus, claim), claim.id.as_str())
    });
    for c in claims {
        let claim = &corpus.claims[c];
        let (source, stance) = (&corpus.sources[claim.source].id, stance(corpus, claim));
        match positions.last_mut() {
            Some(last) if &last.source == source && last.stance == stance => {
                last.claims.push(corpus.claim_name(claim));
                last.claim_indices.push(c);
            }
            _ => positions.push(PositionRow {
                source: source.clone(),
                stance,
                claims: vec![corpus.claim_name(claim)],
                claim_indices: vec![c],
            }),
        }
    }
    PropositionRow {
        id: proposition_id(corpus, proposition),
        subject: v.entity_info(proposition.actor).id.clone(),
        family: v.families[proposition.family.0 as usize].clone(),
        object: v.entity_info(proposition.object).id.clone(),
        statement: explain::proposition_statement(corpus, proposition),
        positions,
        within: {
            let mut within: Vec<String> = v
                .ancestors(proposition.object)
                .iter()
                .filter(|&&a| a != proposition.object)
                .map(|&a| v.entity_info(a).id.clone())
                .collect();
            within.sort_unstable();
            within
        },
    }
}

fn verdict_row(corpus: &Corpus, origins: &[u32], propositions: &[PropositionRow], verdict: &Verdict) -> VerdictRow {
    let evidence_indices: Vec<[usize; 2]> = verdict.evidence.iter().map(|pair| pair.map(|c| c as usize)).collect();
    let mut sources: Vec<usize> = evidence_indices
        .iter()
        .flatten()
        .map(|&c| corpus.claims[c].source)
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let mut distinct: Vec<u32> = sources.iter().map(|&s| origins[s]).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let proposition_indices = verdict.propositions.map(|p| p as usize);
    VerdictRow {
        id: String::new(),
        triage: None,
        kind: verdict.kind,
        conflict: verdict.conflict,
        rule: verdict.rule,
        propositions: proposition_indices.map(|p| propositions[p].id.clone()),
        evidence: evidence_indices
            .iter()
            .map(|pair| pair.map(|c| corpus.claim_name(&corpus.claims[c])))
            .collect(),
        sources: sources.iter().map(|&s| corpus.sources[s].id.clone()).collect(),
        origins: distinct.len(),
        confidence: verdict.confidence,
        explanation: explain::verdict(corpus, verdict, distinct.len()),
        arabic: explain::arabic_heading(corpus, &corpus.claims[evidence_indices[0][0]]),
        evidence_indices,
        proposition_indices,
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
            PublicationBasis::Annotation => DateSource::Annotation,
            PublicationBasis::Header(_) => DateSource::Header,
            PublicationBasis::FileName => DateSource::FileName,
            PublicationBasis::Text(_) => DateSource::Text,
        },
        line: match &published.basis {
            PublicationBasis::Header(line) => Some(line.text.clone()),
            _ => None,
        },
    }
}

fn claim_row(corpus: &Corpus, claim: &Claim, lines: &[ArticleIndex]) -> ClaimRow {
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
        count: claim.count.as_ref().map(|count| {
            let article = &corpus.sources[claim.source].article;
            CountRow {
                qualifier: count.amount.qualifier,
                low: count.amount.low,
                high: count.amount.high,
                percent: count.amount.percent,
                counted: count.counted.clone(),
                display: count.amount.to_string(),
                text: count.span.clone().and_then(|s| article.get(s)).map(str::to_string),
                span: count.span.as_ref().map(|s| Span {
                    start: s.start,
                    end: s.end,
                }),
            }
        }),
        quote: claim.quote.clone(),
        span: Span {
            start: claim.span.start,
            end: claim.span.end,
        },
        line: lines[claim.source].lines.line_of(claim.span.start).0,
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
        stance: stance(corpus, claim),
        source_index: claim.source,
        anchor: lines[claim.source].anchor(&corpus.sources[claim.source].article, &claim.span),
        speaker_is_person: matches!(claim.attribution, Attribution::Entity(id) if vocabulary.entity_info(id).kind == "person"),
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

#[cfg(test)]
mod anchor_tests {
    use super::*;

    #[test]
    fn anchors_count_code_points_across_steps_and_keep_their_sentence() {
        // Two-byte letters, so that steps of bytes fall inside characters.
        let filler = "قال مصدر إن القوات باقية. ".repeat(90);
        let text = format!("{filler}وقالت الوكالة إن روسيا لم تنسحب من قواعدها. ثم انتهى الخبر.");
        let index = ArticleIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(97) {
            assert_eq!(index.chars_before(&text, offset), text[..offset].chars().count());
        }
        assert_eq!(index.chars_before(&text, text.len()), text.chars().count());
        let start = text.find("روسيا").unwrap();
        let end = text.find(" من قواعدها").unwrap();
        let anchor = index.anchor(&text, &(start..end));
        assert_eq!(anchor.chars[1] - anchor.chars[0], "روسيا لم تنسحب".chars().count());
        assert_eq!(anchor.before, "وقالت الوكالة إن ");
        assert_eq!(anchor.after, " من قواعدها.");
        assert_eq!(anchor.prefix.chars().count(), AFFIX);
        assert!(text[..start].ends_with(&anchor.prefix) && text[end..].starts_with(&anchor.suffix));
        // A span off the text's boundaries gives an empty anchor, not a panic.
        assert_eq!(index.anchor(&text, &(start + 1..end)).chars, [0, 0]);
    }
}
