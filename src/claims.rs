//! Claims stage: reads each source's annotation against its article and the
//! vocabulary, and yields sources and claims with resolved ids and byte spans
//! into the article. Every problem becomes a diagnostic; a claim with a
//! problem is left out, the others are kept.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveTime;
use jsonc_parser::ast::Value;

use crate::corpus::{CorpusFiles, SourceFiles};
use crate::diag::{Diagnostic, nearest};
use crate::json::{Fields, JsonFile, Spanned};
use crate::time::{Granularity, Interval, parse_iso_interval};
use crate::vocab::{EntityId, PredicateId, Vocabulary};

#[derive(Clone, Debug)]
pub struct Published {
    pub date: Interval,
    pub time: Option<NaiveTime>,
    pub inferred: bool,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub outlet_ar: Option<String>,
    pub title: String,
    pub published: Published,
    pub language: String,
    pub original_file: Option<String>,
    pub article: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Polarity {
    Affirmed,
    Negated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Extent {
    Unspecified,
    Partial,
    Full,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modality {
    Asserted,
    Reported,
    Hedged,
    Expected,
    Undecided,
    Question,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    Annotated,
    Extracted,
}

/// Where a claim's time came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeBasis {
    /// ISO dates in the annotation.
    Annotated,
    /// An Arabic expression in the annotation, resolved against the publication date.
    Expression,
    /// A time expression in the quote's sentence.
    Sentence,
    /// A time expression in the quote's paragraph.
    Paragraph,
    /// No time stated: the claim is taken as reported as of publication.
    Publication,
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
    pub time: Option<Interval>,
    pub time_basis: TimeBasis,
    /// The expression the time was read from, as written.
    pub time_evidence: Option<String>,
    pub modality: Modality,
    pub attribution: Attribution,
    pub origin: Origin,
    pub note: Option<String>,
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

/// Builds the corpus from its files, collecting every problem found.
pub fn load(files: &CorpusFiles) -> (Corpus, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let vocabulary = match &files.vocabulary {
        Some(input) => {
            let file = JsonFile::new(&input.name, &input.text);
            let vocabulary = Vocabulary::read(&file);
            diagnostics.extend(file.into_diagnostics());
            vocabulary
        }
        None => Vocabulary::default(),
    };
    let mut corpus = Corpus {
        vocabulary,
        ..Corpus::default()
    };
    for source_files in &files.sources {
        if let Some((source, claims)) =
            read_source(&corpus.vocabulary, source_files, corpus.sources.len(), &mut diagnostics)
        {
            corpus.sources.push(source);
            corpus.claims.extend(claims);
        }
    }
    (corpus, diagnostics)
}

fn read_source(
    vocabulary: &Vocabulary,
    files: &SourceFiles,
    index: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Source, Vec<Claim>)> {
    let valid_id = files
        .id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let (article, annotation) = match (&files.article, &files.annotation) {
        (Some(article), Some(annotation)) => (article, annotation),
        (None, Some(annotation)) => {
            diagnostics.push(Diagnostic::error(
                &annotation.name,
                format!("no article `{}.txt` beside this annotation", files.id),
            ));
            return None;
        }
        (Some(article), None) => {
            diagnostics.push(Diagnostic::warning(
                &article.name,
                format!(
                    "no annotation `{}.json`: this article is left out of the comparison",
                    files.id
                ),
            ));
            return None;
        }
        (None, None) => return None,
    };
    if !valid_id {
        diagnostics.push(Diagnostic::error(
            &annotation.name,
            format!(
                "source id `{}` must be lower-case ASCII letters, digits and `-`",
                files.id
            ),
        ));
    }
    let file = JsonFile::new(&annotation.name, &annotation.text);
    let result = read_annotation(&file, vocabulary, files, &article.text, index);
    diagnostics.extend(file.into_diagnostics());
    result.filter(|_| valid_id)
}

fn read_annotation(
    file: &JsonFile,
    vocabulary: &Vocabulary,
    files: &SourceFiles,
    article: &str,
    index: usize,
) -> Option<(Source, Vec<Claim>)> {
    let root = file.parse()?;
    let top = file.object(&root, "the annotation", &["$comment", "source", "claims"])?;
    let source = match top.get("source") {
        Some(value) => read_source_meta(file, value, files, article),
        None => {
            file.error(top.span(), "the annotation has no `source` field");
            None
        }
    };
    let mut claims = Vec::new();
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for value in top
        .required_array("claims")
        .map(|a| a.elements.as_slice())
        .unwrap_or_default()
    {
        let Some(read) = read_claim(file, vocabulary, value, article, index, source.as_ref()) else {
            continue;
        };
        if let Some(id) = read.id {
            if let Some(first) = seen.get(&id.value) {
                let line = crate::text::LineIndex::new(file.text).line_column(first.start).0;
                file.error(
                    id.span.clone(),
                    format!("claim id `{}` is used twice (first on line {line})", id.value),
                );
                continue;
            }
            seen.insert(id.value, id.span);
        }
        claims.extend(read.claim);
    }
    claims.sort_by(|a, b| a.id.cmp(&b.id));
    Some((source?, claims))
}

fn read_source_meta(file: &JsonFile, value: &Value, files: &SourceFiles, article: &str) -> Option<Source> {
    let allowed = [
        "outlet",
        "outlet_ar",
        "title",
        "published",
        "language",
        "original_file",
        "note",
    ];
    let fields = file.object(value, "`source`", &allowed)?;
    let outlet = fields.required_string("outlet");
    let title = fields.required_string("title");
    let language = fields.required_string("language");
    let published = match fields.get("published") {
        Some(value) => read_published(file, value),
        None => {
            file.error(fields.span(), "`source` has no `published` field");
            None
        }
    };
    if let Some(title) = &title
        && !article.contains(title.value.as_str())
    {
        file.push(
            Diagnostic::warning(&file.name, "the title does not occur in the article")
                .at(file.text, title.span.clone()),
        );
    }
    Some(Source {
        id: files.id.clone(),
        outlet: outlet?.value,
        outlet_ar: fields.string("outlet_ar").map(|s| s.value),
        title: title?.value,
        published: published?,
        language: language?.value,
        original_file: fields.string("original_file").map(|s| s.value),
        article: article.to_string(),
    })
}

fn read_published(file: &JsonFile, value: &Value) -> Option<Published> {
    let fields = file.object(value, "`published`", &["date", "time", "inferred", "note"])?;
    let date = fields
        .required_string("date")
        .and_then(|date| match parse_iso_interval(&date.value) {
            Ok(interval)
                if matches!(
                    interval.granularity,
                    Granularity::Day | Granularity::Month | Granularity::Year
                ) =>
            {
                Some(interval)
            }
            Ok(_) => {
                file.error(date.span, "a publication date is one day, month or year, not a range");
                None
            }
            Err(error) => {
                file.error(date.span, format!("the publication date does not parse: {}", error.0));
                None
            }
        });
    let time = fields
        .string("time")
        .and_then(|time| match NaiveTime::parse_from_str(&time.value, "%H:%M") {
            Ok(t) => Some(t),
            Err(_) => {
                file.error(time.span, format!("`{}` is not a time of day HH:MM", time.value));
                None
            }
        });
    let inferred = fields.boolean("inferred").is_some_and(|b| b.value);
    let note = fields.string("note").map(|s| s.value);
    if inferred && note.is_none() {
        file.error(
            fields.span(),
            "an inferred publication date needs a `note` saying how it was inferred",
        );
    }
    Some(Published {
        date: date?,
        time,
        inferred,
        note,
    })
}

/// A claim as read: its id is kept even when the rest has problems, so that
/// duplicate ids are found among broken claims too.
struct ReadClaim {
    id: Option<Spanned<String>>,
    claim: Option<Claim>,
}

const CLAIM_FIELDS: [&str; 13] = [
    "id",
    "quote",
    "occurrence",
    "subject",
    "predicate",
    "object",
    "extent",
    "polarity",
    "time",
    "modality",
    "attribution",
    "note",
    "origin",
];

fn read_claim(
    file: &JsonFile,
    vocabulary: &Vocabulary,
    value: &Value,
    article: &str,
    source: usize,
    meta: Option<&Source>,
) -> Option<ReadClaim> {
    let fields = file.object(value, "a claim", &CLAIM_FIELDS)?;
    let id = fields.required_string("id");
    if let Some(id) = &id
        && (id.value.is_empty()
            || !id
                .value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
    {
        file.error(
            id.span.clone(),
            format!(
                "claim id `{}` must be lower-case ASCII letters, digits and `-`",
                id.value
            ),
        );
    }
    let span = read_quote(file, &fields, article);
    let subject = entity(file, vocabulary, fields.required_string("subject"), "entity");
    let object = entity(file, vocabulary, fields.required_string("object"), "entity");
    let predicate = fields.required_string("predicate").and_then(|name| {
        let found = vocabulary.predicate(&name.value);
        if found.is_none() {
            unknown(file, &name, "predicate", vocabulary.predicate_ids());
        }
        found
    });
    let attribution = fields.required_string("attribution").and_then(|name| {
        if name.value == "outlet" {
            Some(Attribution::Outlet)
        } else {
            entity(file, vocabulary, Some(name), "speaker (`outlet` or an entity)").map(Attribution::Entity)
        }
    });
    let polarity = choice(
        file,
        &fields,
        "polarity",
        &[("affirmed", Polarity::Affirmed), ("negated", Polarity::Negated)],
        true,
    );
    let extent = choice(
        file,
        &fields,
        "extent",
        &[
            ("unspecified", Extent::Unspecified),
            ("partial", Extent::Partial),
            ("full", Extent::Full),
        ],
        false,
    )
    .or(fields.get("extent").is_none().then_some(Extent::Unspecified));
    let modalities = [
        ("asserted", Modality::Asserted),
        ("reported", Modality::Reported),
        ("hedged", Modality::Hedged),
        ("expected", Modality::Expected),
        ("undecided", Modality::Undecided),
        ("question", Modality::Question),
    ];
    let modality = choice(file, &fields, "modality", &modalities, true);
    let origin = choice(
        file,
        &fields,
        "origin",
        &[("annotated", Origin::Annotated), ("extracted", Origin::Extracted)],
        false,
    )
    .or(fields.get("origin").is_none().then_some(Origin::Annotated));
    let time = claim_time(file, &fields, article, span.as_ref(), meta);
    if let (Some((time, _, _)), Some(meta)) = (&time, meta) {
        warn_if_after_publication(file, &fields, time, modality, meta);
    }
    let (time, time_basis, time_evidence) = match time {
        Some((time, basis, evidence)) => (Some(time), Some(basis), evidence),
        None => (None, None, None),
    };
    let claim = || -> Option<Claim> {
        Some(Claim {
            source,
            id: id.as_ref()?.value.clone(),
            quote: article[span.clone()?].to_string(),
            span: span?,
            subject: subject?,
            predicate: predicate?,
            object: object?,
            extent: extent?,
            polarity: polarity?,
            time: Some(time?),
            time_basis: time_basis?,
            time_evidence,
            modality: modality?,
            attribution: attribution?,
            origin: origin?,
            note: fields.string("note").map(|s| s.value),
        })
    };
    let claim = claim();
    Some(ReadClaim { id, claim })
}

/// The claim's time: the annotation's ISO dates or Arabic expression, else an
/// expression in the quote's sentence or paragraph, else the publication date.
/// Relative expressions resolve against the end of the publication date, so
/// that "28 January" in an article of January 2026 is 2026-01-28.
fn claim_time(
    file: &JsonFile,
    fields: &Fields,
    article: &str,
    quote: Option<&Range<usize>>,
    meta: Option<&Source>,
) -> Option<(Interval, TimeBasis, Option<String>)> {
    let anchor = meta.and_then(|m| {
        Some(crate::time::Anchor {
            date: m.published.date.end?,
            time: m.published.time,
        })
    });
    if let Some(time) = fields.string("time") {
        let iso = parse_iso_interval(&time.value);
        if let Ok(interval) = iso {
            return Some((interval, TimeBasis::Annotated, None));
        }
        let arabic = !time.value.is_ascii();
        let resolved = anchor
            .filter(|_| arabic)
            .and_then(|a| crate::time::normalize(&time.value, a, Default::default()));
        if let Some(resolution) = resolved {
            let expression = time.value[resolution.span].to_string();
            return Some((resolution.interval, TimeBasis::Expression, Some(expression)));
        }
        let message = match iso {
            Err(error) if !arabic => format!("the time does not parse: {}", error.0),
            _ => format!("`{}` is not a time expression tanaqud can resolve", time.value),
        };
        file.error(time.span, message);
        return None;
    }
    let (anchor, quote, meta) = (anchor?, quote?, meta?);
    let contexts = [
        (crate::text::sentence_around(article, quote), TimeBasis::Sentence),
        (crate::text::paragraph_around(article, quote), TimeBasis::Paragraph),
    ];
    for (context, basis) in contexts {
        let found = crate::time::find_all(&article[context.clone()], anchor, Default::default());
        // The expression nearest the quote: inside it, else the last one before it, else the first after.
        let offset = |r: &crate::time::Resolution| context.start + r.span.start;
        let nearest = found
            .iter()
            .rfind(|r| offset(r) < quote.end)
            .or_else(|| found.iter().find(|r| offset(r) >= quote.end));
        if let Some(r) = nearest {
            let span = context.start + r.span.start..context.start + r.span.end;
            return Some((r.interval, basis, Some(article[span].to_string())));
        }
    }
    Some((meta.published.date, TimeBasis::Publication, None))
}

/// A claim said to hold after its article was published is a likely typo,
/// unless it is a forecast.
fn warn_if_after_publication(
    file: &JsonFile,
    fields: &Fields,
    time: &Interval,
    modality: Option<Modality>,
    meta: &Source,
) {
    let forward_looking = modality == Some(Modality::Expected);
    if let (Some(start), Some(published_end)) = (time.start, meta.published.date.end)
        && start > published_end
        && !forward_looking
        && let Some(span) = fields.get("time").map(crate::json::span)
    {
        file.push(
            Diagnostic::warning(
                &file.name,
                format!("the time starts after the publication date ({})", meta.published.date),
            )
            .at(file.text, span)
            .with_help("a claim about the future should have modality `expected`"),
        );
    }
}

fn read_quote(file: &JsonFile, fields: &Fields, article: &str) -> Option<Range<usize>> {
    let quote = fields.required_string("quote")?;
    let occurrence = fields.integer("occurrence").map_or(1, |o| o.value as usize);
    if quote.value.trim().is_empty() {
        file.error(quote.span, "the quote is empty");
        return None;
    }
    if let Some(span) = crate::text::find_quote(article, &quote.value, occurrence) {
        return Some(span);
    }
    let count = article.matches(quote.value.as_str()).count();
    let mut diagnostic = if count > 0 {
        Diagnostic::error(
            &file.name,
            format!("the quote occurs {count} time(s) in the article, not {occurrence}"),
        )
    } else {
        Diagnostic::error(&file.name, "the quote is not in the article")
    }
    .at(file.text, quote.span.clone());
    if count == 0
        && let Some((span, score)) = crate::text::closest_passage(article, &quote.value)
    {
        diagnostic = diagnostic.with_help(format!(
            "closest passage ({:.0}% alike): «{}»",
            score * 100.0,
            &article[span]
        ));
    }
    file.push(diagnostic);
    None
}

fn entity(file: &JsonFile, vocabulary: &Vocabulary, name: Option<Spanned<String>>, what: &str) -> Option<EntityId> {
    let name = name?;
    let found = vocabulary.entity(&name.value);
    if found.is_none() {
        unknown(file, &name, what, vocabulary.entity_ids());
    }
    found
}

fn unknown<'a>(file: &JsonFile, name: &Spanned<String>, what: &str, valid: impl Iterator<Item = &'a str>) {
    let mut diagnostic =
        Diagnostic::error(&file.name, format!("unknown {what} `{}`", name.value)).at(file.text, name.span.clone());
    if let Some(close) = nearest(&name.value, valid) {
        diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
    }
    file.push(diagnostic);
}

fn choice<T: Copy>(file: &JsonFile, fields: &Fields, name: &str, options: &[(&str, T)], required: bool) -> Option<T> {
    let value = if required {
        fields.required_string(name)
    } else {
        fields.string(name)
    }?;
    if let Some((_, found)) = options.iter().find(|(text, _)| *text == value.value) {
        return Some(*found);
    }
    let names: Vec<&str> = options.iter().map(|(text, _)| *text).collect();
    let mut diagnostic = Diagnostic::error(&file.name, format!("`{}` is not a valid {name}", value.value))
        .at(file.text, value.span.clone());
    diagnostic = match nearest(&value.value, names.iter().copied()) {
        Some(close) => diagnostic.with_help(format!("did you mean `{close}`?")),
        None => diagnostic.with_help(format!("expected one of: {}", names.join(", "))),
    };
    file.push(diagnostic);
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::InputFile;

    const ARTICLE: &str = "خبر\nقال الكرملين إن روسيا لم تنسحب من قواعدها في سوريا.";

    fn files(annotation: &str) -> CorpusFiles {
        let input = |name: &str, text: &str| {
            Some(InputFile {
                name: name.to_string(),
                text: text.to_string(),
            })
        };
        CorpusFiles {
            vocabulary: input("vocabulary.json", crate::vocab::tests::SMALL),
            sources: vec![SourceFiles {
                id: "daily".to_string(),
                article: input("daily.txt", ARTICLE),
                annotation: input("daily.json", annotation),
            }],
        }
    }

    fn claim_json(id: &str, subject: &str, time: &str) -> String {
        format!(
            r#"{{"id": "{id}", "quote": "روسيا لم تنسحب من قواعدها", "subject": "{subject}", "predicate": "withdraw",
               "object": "bases", "polarity": "negated", "time": "{time}", "modality": "asserted", "attribution": "kremlin"}}"#
        )
    }

    fn annotation(claims: &[String]) -> String {
        format!(
            r#"{{"source": {{"outlet": "Daily", "title": "خبر", "published": {{"date": "2024-12-23"}}, "language": "ar"}},
                "claims": [{}]}}"#,
            claims.join(",")
        )
    }

    #[test]
    fn a_claim_keeps_the_byte_span_of_its_quote_and_resolved_ids() {
        let (corpus, diagnostics) = load(&files(&annotation(&[claim_json("kept", "russian-forces", "2024-12")])));
        assert_eq!(diagnostics, vec![]);
        let claim = &corpus.claims[0];
        assert_eq!(&ARTICLE[claim.span.clone()], "روسيا لم تنسحب من قواعدها");
        assert_eq!(claim.quote, "روسيا لم تنسحب من قواعدها");
        assert_eq!(claim.subject, corpus.vocabulary.entity("russian-forces").unwrap());
        assert_eq!(
            claim.attribution,
            Attribution::Entity(corpus.vocabulary.entity("kremlin").unwrap())
        );
        assert_eq!(claim.time.unwrap().to_string(), "2024-12");
        assert_eq!(corpus.claim_name(claim), "daily:kept");
    }

    #[test]
    fn a_claim_without_time_takes_its_sentence_or_else_the_publication_date() {
        let article_with_date = "خبر\nقال الكرملين أمس إن روسيا لم تنسحب من قواعدها في سوريا.";
        let no_time = claim_json("kept", "russia", "").replace(r#""time": "","#, "");
        let mut corpus_files = files(&annotation(&[no_time]));
        corpus_files.sources[0].article.as_mut().unwrap().text = article_with_date.to_string();
        let (corpus, diagnostics) = load(&corpus_files);
        assert_eq!(diagnostics, vec![]);
        let claim = &corpus.claims[0];
        assert_eq!(
            (claim.time.unwrap().to_string(), claim.time_basis),
            ("2024-12-22".to_string(), TimeBasis::Sentence)
        );
        assert_eq!(claim.time_evidence.as_deref(), Some("أمس"));
        let (corpus, _) = load(&files(&annotation(&[
            claim_json("kept", "russia", "").replace(r#""time": "","#, "")
        ])));
        let claim = &corpus.claims[0];
        assert_eq!(
            (claim.time.unwrap().to_string(), claim.time_basis),
            ("2024-12-23".to_string(), TimeBasis::Publication)
        );
    }

    #[test]
    fn an_arabic_time_resolves_against_the_publication_date() {
        let (corpus, diagnostics) = load(&files(&annotation(&[claim_json("kept", "russia", "الأسبوع الماضي")])));
        assert_eq!(diagnostics, vec![]);
        assert_eq!(corpus.claims[0].time.unwrap().to_string(), "2024-12-16..2024-12-22");
        let (_, diagnostics) = load(&files(&annotation(&[claim_json("kept", "russia", "في زمن ما")])));
        assert_eq!(
            diagnostics[0].message,
            "`في زمن ما` is not a time expression tanaqud can resolve"
        );
    }

    #[test]
    fn a_broken_claim_is_dropped_and_the_others_kept() {
        let claims = [
            claim_json("good", "russia", "2024-12"),
            claim_json("bad", "rusia", "2024-12-40"),
        ];
        let (corpus, diagnostics) = load(&files(&annotation(&claims)));
        let ids: Vec<&str> = corpus.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["good"]);
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages.contains(&"unknown entity `rusia`") && messages.iter().any(|m| m.contains("no day 40")));
        assert!(
            diagnostics
                .iter()
                .all(|d| d.file == "daily.json" && d.location.is_some())
        );
    }
}
