//! Sources stage: a corpus's files become its sources and claims. An
//! annotated article is read through [`crate::annotation`]; an article
//! without an annotation is a source too: its metadata is detected in its
//! text ([`crate::metadata`]) and it has no claims until they are extracted.
//! Every problem becomes a diagnostic; loading never stops at the first.

use std::collections::{HashMap, HashSet};

use crate::annotation::{is_valid_id, read_annotation};
use crate::claim_time::TimeWords;
use crate::corpus::{CorpusFiles, SourceFiles};
use crate::diag::Diagnostic;
use crate::json::JsonFile;
use crate::metadata::{self, DateBasis, OutletCues};
use crate::model::{Basis, Claim, Corpus, PublicationBasis, Published, Source};
use crate::vocab::Vocabulary;

/// Reads the vocabulary of a corpus: its story vocabulary (the bundled one
/// when it has none) over the general news vocabulary over the gazetteer, recording the
/// problems of a corpus's own file.
pub fn vocabulary(files: &CorpusFiles, diagnostics: &mut Vec<Diagnostic>) -> Vocabulary {
    let (name, text) = files
        .vocabulary
        .as_ref()
        .map_or((crate::data::VOCABULARY.name, crate::data::VOCABULARY.text), |input| {
            (input.name.as_str(), input.text.as_str())
        });
    let story = JsonFile::new(name, text);
    let vocabulary = over_bundled_layers(&story);
    // The bundled files are checked by the tests; only a corpus's own is reported on.
    if files.vocabulary.is_some() {
        diagnostics.extend(story.into_diagnostics());
    }
    vocabulary
}

/// The vocabulary a corpus without one of its own is read with: the sample
/// story's over the news vocabulary over the gazetteer.
pub fn bundled_vocabulary() -> Vocabulary {
    over_bundled_layers(&JsonFile::new(
        crate::data::VOCABULARY.name,
        crate::data::VOCABULARY.text,
    ))
}

fn over_bundled_layers(story: &JsonFile) -> Vocabulary {
    let gazetteer = JsonFile::new(crate::data::GAZETTEER.name, crate::data::GAZETTEER.text);
    let news = JsonFile::new(crate::data::NEWS.name, crate::data::NEWS.text);
    Vocabulary::read_layers(&[&gazetteer, &news, story])
}

/// The word lists sources are read with: what claims are timed with, and the
/// outlet cues of bare articles' headers.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub time: TimeWords<'a>,
    pub outlets: &'a OutletCues,
}

/// Builds the corpus from its files against `vocabulary`, collecting every
/// problem found.
pub fn sources(files: &CorpusFiles, vocabulary: Vocabulary, words: Words, diagnostics: &mut Vec<Diagnostic>) -> Corpus {
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
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut planned: Vec<(String, &SourceFiles)> = files
        .sources
        .iter()
        .map(|f| {
            let id = if f.annotation.is_none() && !is_valid_id(&f.id) {
                unique_id(derived_id(&f.id), &mut taken, &mut next_suffix)
            } else {
                f.id.clone()
            };
            (id, f)
        })
        .collect();
    planned.sort_by(|a, b| a.0.cmp(&b.0));
    for (id, source_files) in planned {
        let read = SourceRead {
            vocabulary: &corpus.vocabulary,
            files: source_files,
            index: corpus.sources.len(),
            words,
        };
        if let Some((source, claims)) = read.source(id, diagnostics) {
            corpus.sources.push(source);
            corpus.claims.extend(claims);
        }
    }
    corpus
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

/// `id`, or `id-2`, `id-3`… when it is taken. `next_suffix` remembers, per
/// base, the suffix to try next: a thousand Arabic file names that all derive
/// `source` cost one step each, not a scan of the ones before.
fn unique_id(id: String, taken: &mut HashSet<String>, next_suffix: &mut HashMap<String, usize>) -> String {
    let next = next_suffix.entry(id.clone()).or_insert(1);
    let found = (*next..)
        .map(|n| if n == 1 { id.clone() } else { format!("{id}-{n}") })
        .position(|candidate| !taken.contains(&candidate))
        .map_or(*next, |offset| *next + offset);
    *next = found + 1;
    let unique = if found == 1 { id } else { format!("{id}-{found}") };
    taken.insert(unique.clone());
    unique
}

/// One source's files, read into the corpus at `index`.
struct SourceRead<'a> {
    vocabulary: &'a Vocabulary,
    files: &'a SourceFiles,
    index: usize,
    words: Words<'a>,
}

impl SourceRead<'_> {
    fn source(&self, id: String, diagnostics: &mut Vec<Diagnostic>) -> Option<(Source, Vec<Claim>)> {
        let files = self.files;
        let (article, annotation) = match (&files.article, &files.annotation) {
            (Some(article), Some(annotation)) => (article, annotation),
            // Its article's error is reported already: no second one about it.
            (None, Some(_)) if files.article_unreadable => return None,
            (None, Some(annotation)) => {
                diagnostics.push(Diagnostic::error(
                    &annotation.name,
                    format!("no article `{}.txt` beside this annotation", files.id),
                ));
                return None;
            }
            (Some(article), None) => {
                return Some((detected_source(id, &files.id, &article.text, self.words), Vec::new()));
            }
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
        let result = read_annotation(
            &file,
            self.vocabulary,
            files,
            &article.text,
            self.index,
            self.words.time,
        );
        diagnostics.extend(file.into_diagnostics());
        result.filter(|_| valid_id)
    }
}

/// Words of the first line kept when it stands in for a missing title.
const FALLBACK_TITLE_WORDS: usize = 12;

/// A source from its article alone, with the metadata detected in its text and
/// file name, and no claims yet.
fn detected_source(id: String, stem: &str, article: &str, words: Words) -> Source {
    let detected = metadata::detect(stem, article, words.outlets, words.time.lexicon);
    let (outlet, outlet_basis) = match detected.outlet {
        Some(found) => (found.text.clone(), Basis::Header(found)),
        None => (id.clone(), Basis::Fallback),
    };
    let (title, title_basis) = match detected.title {
        Some(found) => (found.text.clone(), Basis::Header(found)),
        None => (first_line(article).unwrap_or_else(|| id.clone()), Basis::Fallback),
    };
    let published = detected.published.map(|p| {
        // A date from the file name or the body's dates is not stated as the
        // publication's: it is inferred, and the note says from what.
        let (inferred, note, basis) = match p.basis {
            DateBasis::Header(line) => (false, None, PublicationBasis::Header(line)),
            DateBasis::FileName => (true, None, PublicationBasis::FileName),
            DateBasis::Text(found) => (
                true,
                Some(text_date_note(article, &found)),
                PublicationBasis::Text(found),
            ),
        };
        Published {
            date: p.date,
            time: p.time,
            inferred,
            note,
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

/// The evidence of a date inferred from the body: the expression and its line.
fn text_date_note(article: &str, found: &crate::model::Found) -> String {
    let line = crate::text::LineIndex::new(article).line_of(found.span.start).0;
    format!(
        "Inferred: no date in the header or the file name; the latest date the text mentions is «{}» (line {line}), so it was published on or after it.",
        found.text
    )
}

/// The first non-blank line, cut after a few words (a lead paragraph is no title).
fn first_line(article: &str) -> Option<String> {
    let line = article.lines().map(str::trim).find(|line| !line.is_empty())?;
    match crate::text::word_spans(line).nth(FALLBACK_TITLE_WORDS) {
        Some(next) => Some(format!("{}…", line[..next.start].trim_end())),
        None => Some(line.to_string()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Attribution, TimeBasis};
    use crate::time::Interval;

    pub(crate) fn bundled_words() -> Words<'static> {
        Words {
            time: TimeWords {
                abbreviations: &[],
                lexicon: crate::time::Lexicon::bundled(),
            },
            outlets: OutletCues::bundled(),
        }
    }

    fn load(files: &CorpusFiles) -> (Corpus, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let vocabulary = vocabulary(files, &mut diagnostics);
        let corpus = sources(files, vocabulary, bundled_words(), &mut diagnostics);
        (corpus, diagnostics)
    }

    /// The corpus of `(id, article, annotation)` sources, with `vocabulary`
    /// (None: the bundled one); a problem in them fails the test.
    pub(crate) fn corpus_of(vocabulary: Option<&str>, articles: &[(&str, &str, &str)]) -> Corpus {
        let files = CorpusFiles {
            vocabulary: vocabulary.and_then(|v| input("vocabulary.json", v)),
            sources: articles
                .iter()
                .map(|(id, article, annotation)| SourceFiles {
                    id: id.to_string(),
                    article: input(&format!("{id}.txt"), article),
                    annotation: input(&format!("{id}.json"), annotation),
                    ..SourceFiles::default()
                })
                .collect(),
            ..CorpusFiles::default()
        };
        let (corpus, diagnostics) = load(&files);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        corpus
    }
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
                ..SourceFiles::default()
            }],
            ..CorpusFiles::default()
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
            ..SourceFiles::default()
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
        assert!(matches!(&published.basis, PublicationBasis::Header(line) if line.text == "السبت 14 ديسمبر 2024"));
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
        assert_eq!(published.basis, PublicationBasis::FileName);
        assert!(corpus.claims.len() == 1 && corpus.claims.iter().all(|c| c.source == 1));
    }

    /// No header date, no date in the file name: the body's latest date gives
    /// the month, relative expressions resolve against it.
    #[test]
    fn a_bare_article_is_dated_by_the_latest_date_its_text_mentions() {
        let article = "بدأت القوات انسحابها من المطار الأسبوع الماضي بحسب مصادر محلية متطابقة في المدينة.\n\
                       وكان الرئيس قد زار العاصمة في 28 يناير 2026 والتقى نظيره هناك لبحث مستقبل القواعد.";
        let source = detected_source("report".to_string(), "report", article, bundled_words());
        let published = source.published.expect("inferred from the text");
        assert_eq!(
            (published.date.to_string(), published.inferred),
            ("2026-01".to_string(), true)
        );
        assert!(matches!(&published.basis, PublicationBasis::Text(found) if found.text == "28 يناير 2026"));
        let note = published.note.clone().unwrap();
        assert!(note.contains("«28 يناير 2026»") && note.contains("line 2"), "{note}");
        // «الأسبوع الماضي» was not inferred from, but resolves against the inferred month.
        let times = crate::claim_time::ArticleTimes::new(article, Some(&published), bundled_words().time);
        let quote = 0..article.find("بحسب").unwrap();
        let time = times.resolve(Some(&quote), None).unwrap().unwrap();
        assert_eq!(time.evidence.as_deref(), Some("الأسبوع الماضي"));
        assert!(time.interval.end.unwrap() < published.date.end.unwrap());
        assert!(time.interval.start.unwrap() >= chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
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
