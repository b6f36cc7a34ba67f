//! Command line: parses arguments, runs the stages in order and prints what
//! `report` formats. The only place that prints or writes files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::claims;
use crate::model::Corpus;
use crate::diag::Diagnostic;
use crate::extract::{self, Extractor};
use crate::findings::{self, Finding, Kind};
use crate::merge::{self, ClaimSet, SetAside};
use crate::report::{self, Format, Report, ScoreFormat, TimeFormat};
use crate::time::{Prefer, normalize, parse_anchor};
use crate::{corpus, tuples};

/// Exit codes: 0 ok, 1 findings the user asked to fail on, 2 bad input.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Parser)]
#[command(
    name = "tanaqud",
    version,
    about = "Finds agreements, conflicts and tensions between claims in Arabic news sources"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a corpus: every problem in every annotation file, in one run.
    Check {
        /// The corpus directory.
        #[arg(default_value = "claims")]
        dir: PathBuf,
    },
    /// Compares the claims of a corpus and writes the report.
    Report {
        /// The corpus directory.
        #[arg(default_value = "claims")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value = "markdown")]
        format: Format,
        /// Write the report to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Exit with 1 when a finding of this kind (or worse) is found.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Compare only the claims extracted from the articles: annotations are ignored.
        #[arg(long, conflicts_with = "annotated_only")]
        extracted_only: bool,
        /// Compare only annotated claims: no extraction.
        #[arg(long)]
        annotated_only: bool,
        #[command(flatten)]
        jobs: Jobs,
    },
    /// Extracts claims from Arabic articles and prints them in the annotation
    /// format (one document, or an array of them for several files).
    Extract {
        /// Article files (UTF-8 text).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The vocabulary to use; default: `vocabulary.json` beside the first file, else the bundled one.
        #[arg(long)]
        vocabulary: Option<PathBuf>,
        /// The extraction lexicon; default: `lexicon.json` beside the first file, else the bundled one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Write `<id>.json` for each article into this directory (never overwriting) instead of printing.
        #[arg(long)]
        output_dir: Option<PathBuf>,
        #[command(flatten)]
        jobs: Jobs,
    },
    /// Scores extraction against the annotations: precision and recall per source and overall.
    Score {
        /// The corpus directory.
        #[arg(default_value = "claims")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ScoreFormat,
        /// Also list the annotated claims missed and the extracted claims that match none.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        jobs: Jobs,
    },
    /// Normalises Arabic time expressions (arguments, or one per line on
    /// standard input) into intervals, against an anchor date.
    Time {
        /// Expressions; read from standard input, one per line, when none is given.
        expressions: Vec<String>,
        /// The date (and time) expressions are relative to: `2024-12-23` or `2024-12-23T20:01`.
        #[arg(long)]
        anchor: String,
        /// Which occurrence a date without a year means.
        #[arg(long, value_enum, default_value = "past")]
        prefer: Prefer,
        #[arg(long, value_enum, default_value = "text")]
        format: TimeFormat,
    },
}

#[derive(clap::Args, Clone, Copy)]
struct Jobs {
    /// Threads for extraction; default: every core. Output does not depend on it.
    #[arg(long)]
    jobs: Option<usize>,
}

impl Jobs {
    fn count(self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Any conflict.
    Conflict,
    /// Any conflict or tension.
    Tension,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { EXIT_BAD_INPUT } else { EXIT_OK });
        }
    };
    ExitCode::from(match cli.command {
        Command::Check { dir } => check(&dir),
        Command::Report {
            dir,
            format,
            output,
            fail_on,
            extracted_only,
            annotated_only,
            jobs,
        } => {
            let set = match (extracted_only, annotated_only) {
                (true, _) => ClaimSet::Extracted,
                (_, true) => ClaimSet::Annotated,
                _ => ClaimSet::Both,
            };
            report(&dir, format, output.as_deref(), fail_on, set, jobs.count())
        }
        Command::Extract {
            files,
            vocabulary,
            lexicon,
            output_dir,
            jobs,
        } => extract(&files, vocabulary, lexicon, output_dir.as_deref(), jobs.count()),
        Command::Score {
            dir,
            format,
            verbose,
            jobs,
        } => score(&dir, format, verbose, jobs.count()),
        Command::Time {
            expressions,
            anchor,
            prefer,
            format,
        } => time(expressions, &anchor, prefer, format),
    })
}

/// A corpus ready to compare, and the extracted claims the annotations set aside.
pub struct Loaded {
    pub corpus: Corpus,
    pub set_aside: Vec<SetAside>,
}

/// Reads and checks a corpus directory, and extracts claims from its articles
/// unless `set` asks for annotated claims only.
pub fn load(dir: &Path, set: ClaimSet, jobs: usize) -> (Loaded, Vec<Diagnostic>) {
    let (files, mut diagnostics) = corpus::read_dir(dir);
    let (corpus, set_aside) = load_files(&files, set, jobs, &mut diagnostics, &|_| {});
    (Loaded { corpus, set_aside }, diagnostics)
}

fn load_files(
    files: &corpus::CorpusFiles,
    set: ClaimSet,
    jobs: usize,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &(dyn Fn(usize) + Sync),
) -> (Corpus, Vec<SetAside>) {
    let (mut corpus, more) = claims::load(files);
    diagnostics.extend(more);
    let cues = extract::cues::load(files.lexicon.as_ref(), &corpus.vocabulary, diagnostics);
    if set == ClaimSet::Annotated {
        return (corpus, Vec::new());
    }
    let extracted = {
        let extractor = Extractor::new(&corpus.vocabulary, &cues);
        let articles: Vec<(&str, Option<NaiveDate>)> = corpus
            .sources
            .iter()
            .map(|s| (s.article.as_str(), s.published.as_ref().and_then(|p| p.date.start)))
            .collect();
        extractor.extract_all(&articles, jobs, progress)
    };
    let set_aside = merge::merge(&mut corpus, extracted, set);
    (corpus, set_aside)
}

pub fn analyse(corpus: &Corpus) -> Vec<Finding> {
    let tuples = tuples::tuples(&corpus.vocabulary, &corpus.claims);
    findings::compare(&corpus.vocabulary, &tuples)
}

fn check(dir: &Path) -> u8 {
    let (Loaded { corpus, .. }, diagnostics) = load(dir, ClaimSet::Annotated, 1);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    if diagnostics.is_empty() {
        println!(
            "ok: {} sources, {} claims, {} entities, {} predicates",
            corpus.sources.len(),
            corpus.claims.len(),
            corpus.vocabulary.entities.len(),
            corpus.vocabulary.predicates.len()
        );
    } else {
        print!("{}", report::render_diagnostics(&diagnostics));
    }
    if has_errors { EXIT_BAD_INPUT } else { EXIT_OK }
}

fn report(
    dir: &Path,
    format: Format,
    output: Option<&Path>,
    fail_on: Option<FailOn>,
    set: ClaimSet,
    jobs: usize,
) -> u8 {
    let (Loaded { corpus, set_aside }, diagnostics) = load(dir, set, jobs);
    if !diagnostics.is_empty() {
        eprint!("{}", report::render_diagnostics(&diagnostics));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        eprintln!(
            "tanaqud: the corpus has errors; run `tanaqud check {}` and fix them first",
            dir.display()
        );
        return EXIT_BAD_INPUT;
    }
    let findings = analyse(&corpus);
    let text = report::render(&Report::build(&corpus, &findings, &set_aside), format);
    if !write_out(output, &text) {
        return EXIT_BAD_INPUT;
    }
    let failing = |kind: Kind| match fail_on {
        Some(FailOn::Conflict) => kind == Kind::Conflict,
        Some(FailOn::Tension) => matches!(kind, Kind::Conflict | Kind::Tension),
        None => false,
    };
    if findings.iter().any(|f| failing(f.kind)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Writes `text` to `output` or standard output; false (with a message) on failure.
fn write_out(output: Option<&Path>, text: &str) -> bool {
    let written = match output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => match std::io::stdout().write_all(text.as_bytes()) {
            // A reader that stops early (`| head`) is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| format!("cannot write: {e}")),
        },
    };
    if let Err(message) = &written {
        eprintln!("tanaqud: {message}");
    }
    written.is_ok()
}

fn extract(
    paths: &[PathBuf],
    vocabulary: Option<PathBuf>,
    lexicon: Option<PathBuf>,
    output_dir: Option<&Path>,
    jobs: usize,
) -> u8 {
    let beside = |name: &str| paths[0].parent().map(|dir| dir.join(name)).filter(|p| p.is_file());
    let vocabulary = vocabulary.or_else(|| beside(crate::data::VOCABULARY.name));
    let lexicon = lexicon.or_else(|| beside(crate::data::LEXICON.name));
    let (files, mut diagnostics) = corpus::read_articles(paths, vocabulary.as_deref(), lexicon.as_deref());
    let bar = progress_bar(files.sources.len());
    let (corpus, _) = load_files(&files, ClaimSet::Extracted, jobs, &mut diagnostics, &|n| {
        bar.set_position(n as u64)
    });
    bar.finish();
    // indicatif leaves the cursor at the end of the bar.
    if !bar.is_hidden() {
        eprintln!();
    }
    if !diagnostics.is_empty() {
        eprint!("{}", report::render_diagnostics(&diagnostics));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return EXIT_BAD_INPUT;
    }
    let documents = report::annotations(&corpus);
    match output_dir {
        None => {
            let text = report::render_annotations(&documents);
            if write_out(None, &text) {
                EXIT_OK
            } else {
                EXIT_BAD_INPUT
            }
        }
        Some(dir) => {
            for (id, document) in &documents {
                let path = dir.join(format!("{id}.json"));
                if path.exists() {
                    eprintln!("tanaqud: {} exists; not overwritten", path.display());
                    return EXIT_BAD_INPUT;
                }
                let text = report::render_annotations(std::slice::from_ref(&(id.clone(), document.clone())));
                if !write_out(Some(&path), &text) {
                    return EXIT_BAD_INPUT;
                }
            }
            EXIT_OK
        }
    }
}

fn score(dir: &Path, format: ScoreFormat, verbose: bool, jobs: usize) -> u8 {
    let (Loaded { corpus: annotated, .. }, diagnostics) = load(dir, ClaimSet::Annotated, jobs);
    if !diagnostics.is_empty() {
        eprint!("{}", report::render_diagnostics(&diagnostics));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return EXIT_BAD_INPUT;
    }
    let (Loaded { corpus: extracted, .. }, _) = load(dir, ClaimSet::Extracted, jobs);
    let scored: Vec<usize> = (0..annotated.sources.len())
        .filter(|&i| annotated.sources[i].annotated)
        .collect();
    let result = crate::score::score(&annotated.vocabulary, &scored, &annotated.claims, &extracted.claims);
    let text = report::render_score(&annotated, &extracted, &result, format, verbose);
    if write_out(None, &text) {
        EXIT_OK
    } else {
        EXIT_BAD_INPUT
    }
}

/// A progress bar of articles on standard error: indicatif draws nothing
/// when standard error is not a terminal, and we draw none for a single file.
fn progress_bar(total: usize) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let target = if total > 1 {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let style = ProgressStyle::with_template("[{bar:30}] {pos}/{len} articles")
        .map_or_else(|_| ProgressStyle::default_bar(), |style| style.progress_chars("# "));
    ProgressBar::with_draw_target(Some(total as u64), target).with_style(style)
}

fn time(expressions: Vec<String>, anchor: &str, prefer: Prefer, format: TimeFormat) -> u8 {
    let Some(anchor) = parse_anchor(anchor) else {
        eprintln!("tanaqud: `{anchor}` is not an anchor: use YYYY-MM-DD or YYYY-MM-DDTHH:MM");
        return EXIT_BAD_INPUT;
    };
    let lines = if expressions.is_empty() {
        match std::io::read_to_string(std::io::stdin()) {
            Ok(text) => text.lines().map(str::to_string).collect(),
            Err(error) => {
                eprintln!("tanaqud: cannot read standard input: {error}");
                return EXIT_BAD_INPUT;
            }
        }
    } else {
        expressions
    };
    let resolved: Vec<_> = lines
        .into_iter()
        .map(|line| {
            let resolution = normalize(&line, anchor, prefer);
            (line, resolution)
        })
        .collect();
    match std::io::stdout().write_all(report::render_times(&resolved, format).as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("tanaqud: cannot write: {e}");
            EXIT_BAD_INPUT
        }
        _ => EXIT_OK,
    }
}
