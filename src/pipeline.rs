//! The pipeline as a library: a corpus's files in, its claims, propositions, verdicts and
//! report model out, with every diagnostic found on the way. The binary's
//! commands are thin wrappers around these calls.

use std::path::Path;

use chrono::NaiveDate;

use crate::claim_time::TimeWords;
use crate::corpus::{self, CorpusFiles, InputFile};
use crate::diag::Diagnostic;
use crate::extract::{self, Cues, Extractor};
use crate::json::JsonFile;
use crate::merge::{self, ClaimSet, SetAside};
use crate::metadata::OutletCues;
use crate::model::{Corpus, Proposition, Verdict};
use crate::report::{Comparison, Report};
use crate::text::fold;
use crate::time::Lexicon;
use crate::vocab::Vocabulary;
use crate::{origins, propositions, sources, suggest, triage};

/// How to run the pipeline.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Which claims are compared: annotated, extracted, or both.
    pub claims: ClaimSet,
    /// Threads for extraction; the output does not depend on it.
    pub jobs: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            claims: ClaimSet::Both,
            jobs: 1,
        }
    }
}

/// A corpus ready to compare, and the extracted claims the annotations set aside.
pub struct Loaded {
    pub corpus: Corpus,
    pub set_aside: Vec<SetAside>,
}

/// Everything a run produces.
pub struct Analysis {
    pub loaded: Loaded,
    /// Each source's origin: the index of the source whose story it reprints.
    pub origins: Vec<u32>,
    pub propositions: Vec<Proposition>,
    /// Ranked, the most pressing first.
    pub verdicts: Vec<Verdict>,
    pub report: Report,
}

/// Reads a corpus directory and runs the whole pipeline. The analysis is
/// None when the corpus has errors (they are among the diagnostics).
pub fn analyse_dir(dir: &Path, options: Options) -> (Option<Analysis>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let analysis = analyse(&files, options, &mut diagnostics, &|_| {});
    (analysis, diagnostics)
}

/// Runs the pipeline on a corpus's files: loads, extracts, merges, compares and
/// builds the report model. None when the files have errors.
pub fn analyse(
    files: &CorpusFiles,
    options: Options,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &(dyn Fn(usize) + Sync),
) -> Option<Analysis> {
    let lists = Lists::read(files, diagnostics);
    analyse_with(files, lists, options, diagnostics, progress)
}

/// [`analyse`] with the word lists already read: a caller that runs many
/// small corpora with the same lists (`pair`) reads them once.
pub fn analyse_with(
    files: &CorpusFiles,
    lists: Lists,
    options: Options,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &(dyn Fn(usize) + Sync),
) -> Option<Analysis> {
    let loaded = load_with(files, lists, options, diagnostics, progress);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let origins = origins::origins(&loaded.corpus.sources);
    let (propositions, verdicts, compared) = propositions::compare_planned(&loaded.corpus, &origins);
    let ids: Vec<String> = verdicts
        .iter()
        .map(|v| triage::verdict_id(&loaded.corpus, &propositions, v))
        .collect();
    let decisions = own_copy(files.triage.as_ref(), triage::read, diagnostics).unwrap_or_default();
    if let Some(file) = &files.triage {
        let about: Vec<(String, String)> = ids
            .iter()
            .zip(&verdicts)
            .map(|(id, v)| (id.clone(), triage::verdict_about(&loaded.corpus, &propositions, v)))
            .collect();
        diagnostics.extend(triage::check(&file.name, &decisions, &about));
        if diagnostics.iter().any(Diagnostic::is_error) {
            return None;
        }
    }
    let report = Report::build(&Comparison {
        corpus: &loaded.corpus,
        propositions: &propositions,
        verdicts: &verdicts,
        compared: &compared,
        origins: &origins,
        set_aside: &loaded.set_aside,
        ids: &ids,
        triage: &decisions,
    });
    Some(Analysis {
        loaded,
        origins,
        propositions,
        verdicts,
        report,
    })
}

/// Reads and checks a corpus's files, and extracts claims from its articles
/// unless `options` asks for annotated claims only. `progress` is told how
/// many articles are done.
pub fn load(
    files: &CorpusFiles,
    options: Options,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &(dyn Fn(usize) + Sync),
) -> Loaded {
    let lists = Lists::read(files, diagnostics);
    load_with(files, lists, options, diagnostics, progress)
}

/// Reads a corpus and drafts its story vocabulary (`tanaqud vocab suggest`):
/// its claims extracted and its open names found as `report` finds them,
/// then every listed name counted. None when the corpus has errors.
pub fn suggest(
    files: &CorpusFiles,
    jobs: usize,
    params: &suggest::Params,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<suggest::Draft> {
    let options = Options {
        claims: ClaimSet::Both,
        jobs,
    };
    let lists = Lists::read(files, diagnostics);
    let cues = lists.cues.clone();
    let loaded = load_with(files, lists, options, diagnostics, &|_| {});
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let corpus = &loaded.corpus;
    let texts: Vec<&str> = corpus.sources.iter().map(|s| s.article.as_str()).collect();
    let names = Extractor::new(&corpus.vocabulary, &cues).listed_names(&texts);
    let (text, own) = match &files.vocabulary {
        Some(own) => (own.text.as_str(), true),
        None => (crate::data::VOCABULARY.text, false),
    };
    let story = suggest::Story {
        text,
        own,
        named_by_lexicon: cues.undecided_about.iter().cloned().collect(),
    };
    Some(suggest::draft(corpus, &names, &story, params))
}

/// A corpus's vocabulary (its own over the bundled layers) and extraction
/// lexicon, read and checked.
#[derive(Clone)]
pub struct Lists {
    pub vocabulary: Vocabulary,
    pub cues: Cues,
}

impl Lists {
    pub fn read(files: &CorpusFiles, diagnostics: &mut Vec<Diagnostic>) -> Lists {
        let vocabulary = sources::vocabulary(files, diagnostics);
        let cues = extract::cues::load(files.lexicon.as_ref(), &vocabulary, diagnostics);
        Lists { vocabulary, cues }
    }
}

/// [`load`] with the word lists already read.
pub fn load_with(
    files: &CorpusFiles,
    Lists { vocabulary, cues }: Lists,
    options: Options,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &(dyn Fn(usize) + Sync),
) -> Loaded {
    let abbreviations: Vec<String> = cues.abbreviations.iter().map(|a| fold(a)).collect();
    let lexicon = own_copy(files.time_words.as_ref(), Lexicon::read, diagnostics);
    let outlets = own_copy(files.outlets.as_ref(), OutletCues::read, diagnostics);
    let time = TimeWords {
        abbreviations: &abbreviations,
        lexicon: lexicon.as_ref().unwrap_or(Lexicon::bundled()),
    };
    let words = sources::Words {
        time,
        outlets: outlets.as_ref().unwrap_or(OutletCues::bundled()),
    };
    let mut corpus = sources::sources(files, vocabulary, words, diagnostics);
    if options.claims == ClaimSet::Annotated {
        let loaded = Loaded {
            corpus,
            set_aside: Vec::new(),
        };
        return loaded;
    }
    let texts: Vec<&str> = corpus.sources.iter().map(|s| s.article.as_str()).collect();
    let open = Extractor::new(&corpus.vocabulary, &cues)
        .with_time_words(time.lexicon)
        .open_entities(&texts);
    corpus.vocabulary.add_open(open);
    let extracted = {
        let extractor = Extractor::new(&corpus.vocabulary, &cues).with_time_words(time.lexicon);
        let articles: Vec<(&str, Option<NaiveDate>)> = corpus
            .sources
            .iter()
            .map(|s| (s.article.as_str(), s.published.as_ref().and_then(|p| p.date.start)))
            .collect();
        extractor.extract_all(&articles, options.jobs, progress)
    };
    let set_aside = merge::merge(&mut corpus, extracted, options.claims, time);
    Loaded { corpus, set_aside }
}

/// A corpus's own copy of a word list, read with `read`, its problems
/// reported; None when it has none (the bundled list is used).
fn own_copy<T>(file: Option<&InputFile>, read: fn(&JsonFile) -> T, diagnostics: &mut Vec<Diagnostic>) -> Option<T> {
    let file = file?;
    let json = JsonFile::new(&file.name, &file.text);
    let words = read(&json);
    diagnostics.extend(json.into_diagnostics());
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, text: &str) -> Option<InputFile> {
        Some(InputFile {
            name: name.to_string(),
            text: text.to_string(),
        })
    }

    /// A bare article whose outlet is named with a word the bundled cues lack,
    /// and dated with a month name the bundled time words lack.
    fn corpus(time_words: Option<&str>, outlets: Option<&str>) -> CorpusFiles {
        let article = "منبر الشام\nانسحاب القوات من المواقع\nقالت مصادر إن القوات انسحبت من مواقعها في برومير 2024 بعد أسابيع من القتال.";
        CorpusFiles {
            sources: vec![corpus::SourceFiles {
                id: "bare".to_string(),
                article: input("bare.txt", article),
                ..corpus::SourceFiles::default()
            }],
            time_words: time_words.and_then(|t| input("time_words.json", t)),
            outlets: outlets.and_then(|o| input("outlets.json", o)),
            ..CorpusFiles::default()
        }
    }

    fn published_and_outlet(files: &CorpusFiles) -> (Option<String>, String) {
        let mut diagnostics = Vec::new();
        let loaded = load(files, Options::default(), &mut diagnostics, &|_| {});
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let source = &loaded.corpus.sources[0];
        (
            source.published.as_ref().map(|p| p.date.to_string()),
            source.outlet.clone(),
        )
    }

    #[test]
    fn a_corpus_own_time_words_and_outlet_cues_replace_the_bundled_ones() {
        let (published, outlet) = published_and_outlet(&corpus(None, None));
        assert_eq!(published, None);
        assert_ne!(outlet, "منبر الشام");
        let months = r#"{"entries": [{"month": 11, "words": ["برومير"]}]}"#;
        let cues = r#"{"cues": ["منبر"]}"#;
        let (published, outlet) = published_and_outlet(&corpus(Some(months), Some(cues)));
        assert_eq!(published.as_deref(), Some("2024-11"));
        assert_eq!(outlet, "منبر الشام");
    }
}
