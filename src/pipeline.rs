//! The pipeline as a library: a corpus's files in, its claims, propositions, verdicts and
//! report model out, with every diagnostic found on the way. The binary's
//! commands are thin wrappers around these calls.

use std::path::Path;

use chrono::NaiveDate;

use crate::corpus::{self, CorpusFiles};
use crate::diag::Diagnostic;
use crate::extract::{self, Extractor};
use crate::merge::{self, ClaimSet, SetAside};
use crate::model::{Corpus, Proposition, Verdict};
use crate::report::{Comparison, Report};
use crate::text::fold;
use crate::{origins, propositions, sources};

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
    let loaded = load(files, options, diagnostics, progress);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let origins = origins::origins(&loaded.corpus.sources);
    let (propositions, verdicts) = propositions::compare(&loaded.corpus, &origins);
    let report = Report::build(&Comparison {
        corpus: &loaded.corpus,
        propositions: &propositions,
        verdicts: &verdicts,
        origins: &origins,
        set_aside: &loaded.set_aside,
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
    let vocabulary = sources::vocabulary(files, diagnostics);
    let cues = extract::cues::load(files.lexicon.as_ref(), &vocabulary, diagnostics);
    let abbreviations: Vec<String> = cues.abbreviations.iter().map(|a| fold(a)).collect();
    let mut corpus = sources::sources(files, vocabulary, &abbreviations, diagnostics);
    if options.claims == ClaimSet::Annotated {
        return Loaded {
            corpus,
            set_aside: Vec::new(),
        };
    }
    let extracted = {
        let extractor = Extractor::new(&corpus.vocabulary, &cues);
        let articles: Vec<(&str, Option<NaiveDate>)> = corpus
            .sources
            .iter()
            .map(|s| (s.article.as_str(), s.published.as_ref().and_then(|p| p.date.start)))
            .collect();
        extractor.extract_all(&articles, options.jobs, progress)
    };
    let set_aside = merge::merge(&mut corpus, extracted, options.claims, &abbreviations);
    Loaded { corpus, set_aside }
}
