//! The annotation reader: an annotation file against its article and the
//! vocabulary becomes a source and its claims, with resolved ids and byte
//! spans into the article. Every problem becomes a diagnostic; a claim with a
//! problem is left out, the others are kept.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveTime;
use jsonc_parser::ast::Value;

use super::schema::{CLAIM_FIELDS, PUBLISHED_FIELDS, REJECTION_FIELDS, SOURCE_FIELDS, TOP_FIELDS, count_fields};
use crate::claim_time::{ArticleTimes, ClaimTime, TimeError, TimeWords};
use crate::corpus::SourceFiles;
use crate::diag::{Diagnostic, nearest};
use crate::json::{Fields, JsonFile, Spanned};
use crate::model::{
    Amount, Attribution, Basis, Claim, Count, Extent, Modality, Named, Origin, Polarity, PublicationBasis, Published,
    Qualifier, Rejection, Source,
};
use crate::time::{Granularity, Interval, parse_iso_interval};
use crate::vocab::{EntityId, Vocabulary};

/// Reads one annotation against its article: the source's metadata, its
/// rejections and its claims, each problem a diagnostic of `file`. None when
/// the source itself cannot be read.
pub fn read_annotation(
    file: &JsonFile,
    vocabulary: &Vocabulary,
    source_files: &SourceFiles,
    article: &str,
    index: usize,
    time: TimeWords,
) -> Option<(Source, Vec<Claim>)> {
    let root = file.parse()?;
    let top = file.object(&root, "the annotation", &TOP_FIELDS)?;
    let source = match top.get("source") {
        Some(value) => read_source_meta(file, value, source_files, article).map(|mut source| {
            source.rejections = read_rejections(file, &top, vocabulary, article);
            source
        }),
        None => {
            file.error(top.span(), "the annotation has no `source` field");
            None
        }
    };
    let reader = ClaimReader {
        file,
        vocabulary,
        article,
        index,
        source: source.as_ref(),
        times: ArticleTimes::new(article, source.as_ref().and_then(|s| s.published.as_ref()), time),
    };
    let mut claims = Vec::new();
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for value in top
        .required_array("claims")
        .map(|a| a.elements.as_slice())
        .unwrap_or_default()
    {
        let Some(read) = reader.claim(value) else {
            continue;
        };
        if let Some(id) = read.id {
            if let Some(first) = seen.get(&id.value) {
                let line = file.source().lines().line_of(first.start).0;
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
        let Some(fields) = file.object(value, "a rejection", &REJECTION_FIELDS) else {
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
    let fields = file.object(value, "`source`", &SOURCE_FIELDS)?;
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
                .at(file.source(), title.span.clone()),
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
    let fields = file.object(value, "`published`", &PUBLISHED_FIELDS)?;
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
        basis: PublicationBasis::Annotation,
    })
}

/// A claim as read: its id is kept even when the rest has problems, so that
/// duplicate ids are found among broken claims too.
struct ReadClaim {
    id: Option<Spanned<String>>,
    claim: Option<Claim>,
}

/// What every claim of one annotation is read against.
struct ClaimReader<'a, 't> {
    file: &'a JsonFile<'t>,
    vocabulary: &'a Vocabulary,
    article: &'a str,
    /// The source's index in the corpus.
    index: usize,
    /// None when the source's metadata could not be read.
    source: Option<&'a Source>,
    times: ArticleTimes<'a>,
}

impl ClaimReader<'_, '_> {
    fn claim(&self, value: &Value) -> Option<ReadClaim> {
        let (file, vocabulary) = (self.file, self.vocabulary);
        let fields = file.object(value, "a claim", &CLAIM_FIELDS)?;
        let id = fields.required_string("id");
        if let Some(id) = &id
            && !is_valid_id(&id.value)
        {
            file.error(
                id.span.clone(),
                format!(
                    "claim id `{}` must be lower-case ASCII letters, digits and `-`",
                    id.value
                ),
            );
        }
        let span = read_quote(file, &fields, self.article);
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
        let polarity = choice::<Polarity>(file, &fields, "polarity", true);
        // Left out, the predicate's own extent (reducing a presence is partial).
        let partial = predicate.is_some_and(|p| vocabulary.predicate_info(p).partial);
        let default_extent = if partial { Extent::Partial } else { Extent::Unspecified };
        let extent =
            choice(file, &fields, "extent", false).or(fields.get("extent").is_none().then_some(default_extent));
        let modality = choice::<Modality>(file, &fields, "modality", true);
        let origin =
            choice(file, &fields, "origin", false).or(fields.get("origin").is_none().then_some(Origin::Annotated));
        let time = self.time(&fields, span.as_ref(), modality);
        let count = match fields.get("count") {
            Some(value) => read_count(file, value).map(Some),
            None => Some(None),
        };
        let claim = || -> Option<Claim> {
            let time = time?;
            Some(Claim {
                source: self.index,
                id: id.as_ref()?.value.clone(),
                quote: self.article[span.clone()?].to_string(),
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
                count: count?,
                extraction: None,
            })
        };
        let claim = claim();
        Some(ReadClaim { id, claim })
    }

    /// The claim's time (see [`ArticleTimes::resolve`]); None when the stated
    /// time is wrong, which is reported.
    fn time(
        &self,
        fields: &Fields,
        quote: Option<&Range<usize>>,
        modality: Option<Modality>,
    ) -> Option<Option<ClaimTime>> {
        let stated = fields.string("time");
        match self.times.resolve(quote, stated.as_ref().map(|t| t.value.as_str())) {
            Ok(time) => {
                if let (Some(time), Some(published)) = (&time, self.source.and_then(|s| s.published.as_ref())) {
                    warn_if_after_publication(self.file, fields, &time.interval, modality, published);
                }
                Some(time)
            }
            Err(error) => {
                let message = match error {
                    // A source whose metadata is broken has its own error already.
                    TimeError::NeedsPublicationDate(stated) if self.source.is_none() => {
                        TimeError::NotAnExpression(stated).to_string()
                    }
                    error => error.to_string(),
                };
                self.file.error(stated.map_or(0..0, |t| t.span), message);
                None
            }
        }
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
            .at(file.source(), span)
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
    .at(file.source(), quote.span.clone());
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
        Diagnostic::error(&file.name, format!("unknown {what} `{}`", name.value)).at(file.source(), name.span.clone());
    if let Some(close) = nearest(&name.value, valid) {
        diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
    }
    file.push(diagnostic);
}

/// The field `name`, one of the names of `T`.
fn choice<T: Named>(file: &JsonFile, fields: &Fields, name: &str, required: bool) -> Option<T> {
    let value = if required {
        fields.required_string(name)
    } else {
        fields.string(name)
    }?;
    if let Some(found) = T::from_name(&value.value) {
        return Some(found);
    }
    let names: Vec<&str> = T::names().collect();
    let mut diagnostic = Diagnostic::error(&file.name, format!("`{}` is not a valid {name}", value.value))
        .at(file.source(), value.span.clone());
    diagnostic = match nearest(&value.value, names.iter().copied()) {
        Some(close) => diagnostic.with_help(format!("did you mean `{close}`?")),
        None => diagnostic.with_help(format!("expected one of: {}", names.join(", "))),
    };
    file.push(diagnostic);
    None
}

/// A claim's `count`: `{"at_least": 210}`, `{"between": [100, 300]}`, with
/// `percent` and `counted` when they apply. None when it has a problem,
/// which is reported.
fn read_count(file: &JsonFile, value: &Value) -> Option<Count> {
    let allowed: Vec<&str> = count_fields().collect();
    let fields = file.object(value, "a count", &allowed)?;
    let given: Vec<Qualifier> = Qualifier::ALL
        .iter()
        .copied()
        .filter(|q| fields.get(q.name()).is_some())
        .collect();
    let &[qualifier] = given.as_slice() else {
        let names: Vec<&str> = Qualifier::names().collect();
        file.push(
            Diagnostic::error(&file.name, "a count needs exactly one qualifier field")
                .at(file.source(), fields.span())
                .with_help(format!("give one of: {}", names.join(", "))),
        );
        return None;
    };
    let number = |value: &Value| match value {
        Value::NumberLit(n) => n.value.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0),
        _ => None,
    };
    let given = fields.get(qualifier.name())?;
    let range = matches!(qualifier, Qualifier::Between | Qualifier::Several);
    let read = if range {
        match given {
            Value::Array(array) => match array
                .elements
                .iter()
                .map(number)
                .collect::<Option<Vec<f64>>>()
                .as_deref()
            {
                Some(&[low, high]) if low <= high => Some((low, high)),
                _ => None,
            },
            _ => None,
        }
    } else {
        number(given).map(|n| (n, n))
    };
    let Some((low, high)) = read else {
        let expected = if range {
            "[low, high], two numbers, low first"
        } else {
            "a number, 0 or more"
        };
        file.error(
            crate::json::span(given),
            format!("`{}` must be {expected}", qualifier.name()),
        );
        return None;
    };
    let percent = fields.boolean("percent").is_some_and(|b| b.value);
    let counted = fields.string("counted").map(|s| s.value);
    Some(Count {
        amount: Amount {
            qualifier,
            low,
            high,
            percent,
        },
        counted,
        span: None,
    })
}

/// Source and claim ids: lower-case ASCII letters, digits and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
