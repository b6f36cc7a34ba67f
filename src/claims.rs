//! Claims stage: reads each source's annotation against its article and the
//! vocabulary, and yields sources and claims with resolved ids and byte spans
//! into the article. Every problem becomes a diagnostic; a claim with a
//! problem is left out, the others are kept. An article without an annotation
//! is a source too: its metadata is detected in its text ([`crate::metadata`])
//! and it has no claims until they are extracted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveTime;
use jsonc_parser::ast::Value;

use crate::corpus::{CorpusFiles, SourceFiles};
use crate::diag::{Diagnostic, nearest};
use crate::json::{Fields, JsonFile, Spanned};
use crate::metadata::{self, DateBasis};
use crate::model::{
    Attribution, Basis, Claim, Corpus, Extent, Modality, Origin, Polarity, Published, Rejection, Source, TimeBasis,
};
use crate::time::{Granularity, Interval, parse_iso_interval};
use crate::vocab::{EntityId, Vocabulary};

/// Builds the corpus from its files, collecting every problem found.
pub fn load(files: &CorpusFiles) -> (Corpus, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // A directory of articles alone is compared with the bundled vocabulary.
    let vocabulary = match &files.vocabulary {
        Some(input) => {
            let file = JsonFile::new(&input.name, &input.text);
            let vocabulary = Vocabulary::read(&file);
            diagnostics.extend(file.into_diagnostics());
            vocabulary
        }
        None => Vocabulary::read(&JsonFile::new(crate::data::VOCABULARY.name, crate::data::VOCABULARY.text)),
    };
    let mut corpus = Corpus {
        vocabulary,
        ..Corpus::default()
    };
    // A bare article whose file name is not a valid id gets one derived from
    // it, which must not be another source's.
    let mut taken: HashSet<String> = files
        .sources
        .iter()
        .filter(|f| is_valid_id(&f.id))
        .map(|f| f.id.clone())
        .collect();
    let mut planned: Vec<(String, &SourceFiles)> = files
        .sources
        .iter()
        .map(|f| {
            let id = if f.annotation.is_none() && !is_valid_id(&f.id) {
                unique_id(derived_id(&f.id), &mut taken)
            } else {
                f.id.clone()
            };
            (id, f)
        })
        .collect();
    planned.sort_by(|a, b| a.0.cmp(&b.0));
    for (id, source_files) in planned {
        if let Some((source, claims)) = read_source(
            &corpus.vocabulary,
            source_files,
            id,
            corpus.sources.len(),
            &mut diagnostics,
        ) {
            corpus.sources.push(source);
            corpus.claims.extend(claims);
        }
    }
    (corpus, diagnostics)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `Daily Post 2024-12-14` → `daily-post-2024-12-14`: lower-case, and every
/// run of other characters one `-`.
fn derived_id(stem: &str) -> String {
    let mut id = String::new();
    for c in stem.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "source".to_string()
    } else {
        id.to_string()
    }
}

/// `id`, or `id-2`, `id-3`… when it is taken.
fn unique_id(id: String, taken: &mut HashSet<String>) -> String {
    let id = (1..)
        .map(|n| if n == 1 { id.clone() } else { format!("{id}-{n}") })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(id);
    taken.insert(id.clone());
    id
}

fn read_source(
    vocabulary: &Vocabulary,
    files: &SourceFiles,
    id: String,
    index: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Source, Vec<Claim>)> {
    let (article, annotation) = match (&files.article, &files.annotation) {
        (Some(article), Some(annotation)) => (article, annotation),
        (None, Some(annotation)) => {
            diagnostics.push(Diagnostic::error(
                &annotation.name,
                format!("no article `{}.txt` beside this annotation", files.id),
            ));
            return None;
        }
        (Some(article), None) => return Some((detected_source(id, &files.id, &article.text), Vec::new())),
        (None, None) => return None,
    };
    let valid_id = is_valid_id(&files.id);
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

/// Words of the first line kept when it stands in for a missing title.
const FALLBACK_TITLE_WORDS: usize = 12;

/// A source from its article alone, with the metadata detected in its text and
/// file name, and no claims yet.
fn detected_source(id: String, stem: &str, article: &str) -> Source {
    let detected = metadata::detect(stem, article, metadata::OutletCues::bundled());
    let (outlet, outlet_basis) = match detected.outlet {
        Some(found) => (found.text.clone(), Basis::Header(found)),
        None => (id.clone(), Basis::Fallback),
    };
    let (title, title_basis) = match detected.title {
        Some(found) => (found.text.clone(), Basis::Header(found)),
        None => (first_line(article).unwrap_or_else(|| id.clone()), Basis::Fallback),
    };
    let published = detected.published.map(|p| {
        // A date from the file name is not stated in the text: it is inferred.
        let (inferred, basis) = match p.basis {
            DateBasis::Header(line) => (false, Basis::Header(line)),
            DateBasis::FileName => (true, Basis::FileName),
        };
        Published {
            date: p.date,
            time: p.time,
            inferred,
            note: None,
            basis,
        }
    });
    Source {
        original_file: (id != stem).then(|| format!("{stem}.txt")),
        id,
        outlet,
        outlet_ar: None,
        title,
        published,
        // tanaqud reads Arabic news; an article without an annotation is taken to be Arabic.
        language: "ar".to_string(),
        article: article.to_string(),
        annotated: false,
        outlet_basis,
        title_basis,
        rejections: Vec::new(),
    }
}

/// The first non-blank line, cut after a few words (a lead paragraph is no title).
fn first_line(article: &str) -> Option<String> {
    let line = article.lines().map(str::trim).find(|line| !line.is_empty())?;
    match crate::text::word_spans(line).nth(FALLBACK_TITLE_WORDS) {
        Some(next) => Some(format!("{}…", line[..next.start].trim_end())),
        None => Some(line.to_string()),
    }
}

fn read_annotation(
    file: &JsonFile,
    vocabulary: &Vocabulary,
    files: &SourceFiles,
    article: &str,
    index: usize,
) -> Option<(Source, Vec<Claim>)> {
    let root = file.parse()?;
    let top = file.object(&root, "the annotation", &["$comment", "source", "claims", "rejected"])?;
    let source = match top.get("source") {
        Some(value) => read_source_meta(file, value, files, article).map(|mut source| {
            source.rejections = read_rejections(file, &top, vocabulary, article);
            source
        }),
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

/// `rejected`: passages whose extracted claims are false positives, each
/// with the reason, and optionally the one predicate rejected there.
fn read_rejections(file: &JsonFile, top: &Fields, vocabulary: &Vocabulary, article: &str) -> Vec<Rejection> {
    let mut rejections = Vec::new();
    for value in top.array("rejected").map(|a| a.elements.as_slice()).unwrap_or_default() {
        let Some(fields) = file.object(value, "a rejection", &["quote", "occurrence", "predicate", "reason"]) else {
            continue;
        };
        let span = read_quote(file, &fields, article);
        let predicate = match fields.string("predicate") {
            Some(name) => match vocabulary.predicate(&name.value) {
                Some(id) => Some(Some(id)),
                None => {
                    unknown(file, &name, "predicate", vocabulary.predicate_ids());
                    None
                }
            },
            None => Some(None),
        };
        let reason = fields.required_string("reason").filter(|reason| {
            let empty = reason.value.trim().is_empty();
            if empty {
                file.error(reason.span.clone(), "say why the extracted claim is wrong");
            }
            !empty
        });
        if let (Some(span), Some(predicate), Some(reason)) = (span, predicate, reason) {
            rejections.push(Rejection {
                span,
                predicate,
                reason: reason.value,
            });
        }
    }
    rejections
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
        // The annotator found no date: the source's claims have no time.
        Some(Value::NullKeyword(_)) => Some(None),
        Some(value) => read_published(file, value).map(Some),
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
        annotated: true,
        outlet_basis: Basis::Annotation,
        title_basis: Basis::Annotation,
        rejections: Vec::new(),
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
        basis: Basis::Annotation,
    })
}

/// A claim as read: its id is kept even when the rest has problems, so that
/// duplicate ids are found among broken claims too.
struct ReadClaim {
    id: Option<Spanned<String>>,
    claim: Option<Claim>,
}

/// `rule`, `confidence` and `evidence` come with claims written by `tanaqud
/// extract`; they are accepted so its output can be saved and corrected as
/// an annotation, and not read.
const CLAIM_FIELDS: [&str; 16] = [
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
    "rule",
    "confidence",
    "evidence",
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
    if let (Ok(Some(time)), Some(published)) = (&time, meta.and_then(|m| m.published.as_ref())) {
        warn_if_after_publication(file, &fields, &time.interval, modality, published);
    }
    let claim = || -> Option<Claim> {
        let time = time.ok()?;
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
            time: time.as_ref().map(|t| t.interval),
            time_basis: time.as_ref().map(|t| t.basis),
            time_evidence: time.and_then(|t| t.evidence),
            modality: modality?,
            attribution: attribution?,
            origin: origin?,
            note: fields.string("note").map(|s| s.value),
            extraction: None,
        })
    };
    let claim = claim();
    Some(ReadClaim { id, claim })
}

/// A claim's time and where it came from.
pub struct ClaimTime {
    pub interval: Interval,
    pub basis: TimeBasis,
    /// The expression it was read from.
    pub evidence: Option<String>,
}

/// The claim's time: the annotation's ISO dates or Arabic expression, else an
/// expression in the quote's sentence or paragraph, else the publication date.
/// Relative expressions resolve against the end of the publication date, so
/// that "28 January" in an article of January 2026 is 2026-01-28. Without a
/// publication date only ISO dates give a time. `Err` when the annotation's
/// time is wrong (reported).
fn claim_time(
    file: &JsonFile,
    fields: &Fields,
    article: &str,
    quote: Option<&Range<usize>>,
    meta: Option<&Source>,
) -> Result<Option<ClaimTime>, ()> {
    let published = meta.and_then(|m| m.published.as_ref());
    let anchor = published.and_then(|p| {
        Some(crate::time::Anchor {
            date: p.date.end?,
            time: p.time,
        })
    });
    if let Some(time) = fields.string("time") {
        let iso = parse_iso_interval(&time.value);
        if let Ok(interval) = iso {
            return Ok(Some(ClaimTime {
                interval,
                basis: TimeBasis::Annotated,
                evidence: None,
            }));
        }
        let arabic = !time.value.is_ascii();
        let resolved = anchor
            .filter(|_| arabic)
            .and_then(|a| crate::time::normalize(&time.value, a, Default::default()));
        if let Some(resolution) = resolved {
            return Ok(Some(ClaimTime {
                interval: resolution.interval,
                basis: TimeBasis::Expression,
                evidence: Some(time.value[resolution.span].to_string()),
            }));
        }
        let undated = meta.is_some() && anchor.is_none();
        let message = match iso {
            Err(error) if !arabic => format!("the time does not parse: {}", error.0),
            _ if undated => format!(
                "`{}` cannot be resolved: the source has no publication date; give the time as ISO dates",
                time.value
            ),
            _ => format!("`{}` is not a time expression tanaqud can resolve", time.value),
        };
        file.error(time.span, message);
        return Err(());
    }
    let (Some(quote), Some(published)) = (quote, published) else {
        return Ok(None);
    };
    Ok(Some(context_time(article, quote, published)))
}

/// The time of a claim that states none: the time expression nearest the
/// quote in its sentence, else in its paragraph, else the publication date.
/// Relative expressions resolve against the end of the publication date.
pub fn context_time(article: &str, quote: &Range<usize>, published: &Published) -> ClaimTime {
    let Some(date) = published.date.end else {
        return as_of_publication(published);
    };
    let anchor = crate::time::Anchor {
        date,
        time: published.time,
    };
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
            return ClaimTime {
                interval: r.interval,
                basis,
                evidence: Some(article[span].to_string()),
            };
        }
    }
    as_of_publication(published)
}

fn as_of_publication(published: &Published) -> ClaimTime {
    ClaimTime {
        interval: published.date,
        basis: TimeBasis::Publication,
        evidence: None,
    }
}

/// A claim said to hold after its article was published is a likely typo,
/// unless it is a forecast.
fn warn_if_after_publication(
    file: &JsonFile,
    fields: &Fields,
    time: &Interval,
    modality: Option<Modality>,
    published: &Published,
) {
    let forward_looking = modality == Some(Modality::Expected);
    if let (Some(start), Some(published_end)) = (time.start, published.date.end)
        && start > published_end
        && !forward_looking
        && let Some(span) = fields.get("time").map(crate::json::span)
    {
        file.push(
            Diagnostic::warning(
                &file.name,
                format!("the time starts after the publication date ({})", published.date),
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

    fn input(name: &str, text: &str) -> Option<InputFile> {
        Some(InputFile {
            name: name.to_string(),
            text: text.to_string(),
        })
    }

    fn files(annotation: &str) -> CorpusFiles {
        CorpusFiles {
            vocabulary: input("vocabulary.json", crate::vocab::tests::SMALL),
            lexicon: None,
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
            ("2024-12-22".to_string(), Some(TimeBasis::Sentence))
        );
        assert_eq!(claim.time_evidence.as_deref(), Some("أمس"));
        let (corpus, _) = load(&files(&annotation(&[
            claim_json("kept", "russia", "").replace(r#""time": "","#, "")
        ])));
        let claim = &corpus.claims[0];
        assert_eq!(
            (claim.time.unwrap().to_string(), claim.time_basis),
            ("2024-12-23".to_string(), Some(TimeBasis::Publication))
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
    fn an_undated_source_gives_its_claims_no_time() {
        let undated = |claims: &[String]| annotation(claims).replace(r#"{"date": "2024-12-23"}"#, "null");
        let no_time = claim_json("kept", "russia", "").replace(r#""time": "","#, "");
        let (corpus, diagnostics) = load(&files(&undated(&[no_time, claim_json("iso", "russia", "2024-12")])));
        assert_eq!(diagnostics, vec![]);
        assert!(corpus.sources[0].published.is_none());
        let times: Vec<_> = corpus
            .claims
            .iter()
            .map(|c| (c.id.as_str(), c.time, c.time_basis))
            .collect();
        assert_eq!(
            times,
            [
                ("iso", Interval::month(2024, 12), Some(TimeBasis::Annotated)),
                ("kept", None, None)
            ]
        );
        // A relative expression has nothing to resolve against.
        let (corpus, diagnostics) = load(&files(&undated(&[claim_json("kept", "russia", "الأسبوع الماضي")])));
        assert!(corpus.claims.is_empty());
        assert!(diagnostics[0].message.contains("the source has no publication date"));
    }

    fn bare(stems: &[(&str, &str)]) -> CorpusFiles {
        let mut files = files(&annotation(&[claim_json("kept", "russia", "2024-12")]));
        files.sources.extend(stems.iter().map(|(stem, text)| SourceFiles {
            id: stem.to_string(),
            article: input(&format!("{stem}.txt"), text),
            annotation: None,
        }));
        files.sources.sort_by(|a, b| a.id.cmp(&b.id));
        files
    }

    #[test]
    fn an_article_without_annotation_is_a_source_with_detected_metadata() {
        let body = "قال مسؤول روسي اليوم إن القوات الروسية ستبقى في قاعدتي حميميم وطرطوس رغم كل التغيرات.";
        let (corpus, diagnostics) = load(&bare(&[
            (
                "agency",
                &format!(
                    "وكالة الأنباء
السبت 14 ديسمبر 2024
روسيا تبقى في سوريا
{body}"
                ),
            ),
            ("post-2024-12", body),
        ]));
        assert_eq!(diagnostics, vec![]);
        let ids: Vec<&str> = corpus.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["agency", "daily", "post-2024-12"]);
        let agency = &corpus.sources[0];
        assert!(!agency.annotated && corpus.sources[1].annotated);
        assert_eq!(
            (agency.outlet.as_str(), agency.title.as_str()),
            ("وكالة الأنباء", "روسيا تبقى في سوريا")
        );
        let published = agency.published.as_ref().unwrap();
        assert_eq!(
            (published.date.to_string(), published.inferred),
            ("2024-12-14".to_string(), false)
        );
        assert!(matches!(&published.basis, Basis::Header(line) if line.text == "السبت 14 ديسمبر 2024"));
        // Nothing in the header: the id and the first line stand in, the file name dates it.
        let post = &corpus.sources[2];
        assert_eq!(post.outlet, "post-2024-12");
        assert_eq!(
            (&post.outlet_basis, &post.title_basis),
            (&Basis::Fallback, &Basis::Fallback)
        );
        assert_eq!(
            post.title,
            "قال مسؤول روسي اليوم إن القوات الروسية ستبقى في قاعدتي حميميم وطرطوس…"
        );
        let published = post.published.as_ref().unwrap();
        assert_eq!(
            (published.date.to_string(), published.inferred),
            ("2024-12".to_string(), true)
        );
        assert_eq!(published.basis, Basis::FileName);
        assert!(corpus.claims.len() == 1 && corpus.claims.iter().all(|c| c.source == 1));
    }

    #[test]
    fn a_bare_article_gets_a_valid_id_and_keeps_its_file_name() {
        let (corpus, diagnostics) = load(&bare(&[
            ("Daily", "نص"),
            ("Daily Post!", "نص"),
            ("daily post", "نص"),
            ("خبر", ""),
        ]));
        assert_eq!(diagnostics, vec![]);
        let names: Vec<(&str, Option<&str>)> = corpus
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.original_file.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("daily", None),
                ("daily-2", Some("Daily.txt")),
                ("daily-post", Some("Daily Post!.txt")),
                ("daily-post-2", Some("daily post.txt")),
                ("source", Some("خبر.txt")),
            ]
        );
        let empty = &corpus.sources[4];
        assert!(empty.published.is_none() && empty.title == "source");
        // An annotated source keeps its id, and a bad one is still an error.
        let mut files = files(&annotation(&[]));
        files.sources[0].id = "Daily".to_string();
        let (corpus, diagnostics) = load(&files);
        assert!(corpus.sources.is_empty());
        assert!(diagnostics[0].message.contains("source id `Daily` must be lower-case"));
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
