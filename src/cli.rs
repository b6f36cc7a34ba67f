//! Command line: parses arguments, calls the library's pipeline and prints
//! what `report` formats. The only place that prints or writes files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use tanaqud::diag;
use tanaqud::diag::Diagnostic;
use tanaqud::merge::ClaimSet;
use tanaqud::model::{Named, VerdictKind};
use tanaqud::pair::Comparer;
use tanaqud::pair::PairFormat;
use tanaqud::pipeline::{self, Analysis, Loaded, Options};
use tanaqud::report::{self, Format, ScoreFormat, TimeFormat};
use tanaqud::time::{Prefer, normalize, parse_anchor};
use tanaqud::triage::Decision;
use tanaqud::{annotation, corpus, output};

/// Exit codes: 0 ok, 1 findings the user asked to fail on, 2 bad input.
const EXIT_OK: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_BAD_INPUT: u8 = 2;

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
        #[arg(long, default_value = "markdown", value_parser = named::<Format>())]
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
        #[arg(long, default_value = "text", value_parser = named::<ScoreFormat>())]
        format: ScoreFormat,
        /// Also list what was missed and what matches nothing.
        #[arg(long)]
        verbose: bool,
        /// Score the report's verdicts against this file of judged verdicts
        /// instead of extraction against the annotations.
        #[arg(long)]
        verdicts: Option<PathBuf>,
        /// With `--verdicts`: judge the report of the extracted claims alone.
        #[arg(long, requires = "verdicts")]
        extracted_only: bool,
        #[command(flatten)]
        jobs: Jobs,
    },
    /// Records a decision on a verdict (its `id` in the JSON report) in the
    /// corpus's `tanaqud.triage.json`: a triaged verdict is reported apart and
    /// does not count for `--fail-on`.
    Triage {
        #[arg(value_enum)]
        decision: TriageVerb,
        /// The verdict's id (`v-…`).
        id: String,
        /// The corpus directory.
        #[arg(default_value = "claims")]
        dir: PathBuf,
        /// Why: kept with the decision.
        #[arg(long)]
        reason: String,
    },
    /// Works on a corpus's story vocabulary.
    Vocab {
        #[command(subcommand)]
        command: VocabCommand,
    },
    /// Compares two texts, or each pair of a batch file: agree, conflict or
    /// unrelated, with the reason; with gold stances, the scores.
    Compare {
        /// The two texts (without `--tsv`).
        texts: Vec<String>,
        /// A batch file: rows of s1, s2 and optionally a gold stance, tab-separated,
        /// or comma-separated with quoting; a header `s1,s2[,stance]` is allowed.
        #[arg(long, conflicts_with = "texts")]
        tsv: Option<PathBuf>,
        #[arg(long, default_value = "text", value_parser = named::<PairFormat>())]
        format: PairFormat,
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
        #[arg(long, default_value = "past", value_parser = named::<Prefer>())]
        prefer: Prefer,
        #[arg(long, default_value = "text", value_parser = named::<TimeFormat>())]
        format: TimeFormat,
    },
}

#[derive(Subcommand)]
enum VocabCommand {
    /// Drafts a story vocabulary from a corpus: the names no vocabulary lists,
    /// clustered, with their spellings and counts, and the listed entities and
    /// predicates the corpus meets; a `vocabulary.json` to edit and keep beside it.
    Suggest {
        /// The corpus directory.
        dir: PathBuf,
        /// Write the draft to this file (outside the corpus) instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        jobs: Jobs,
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

/// Parses an argument as one of the names of a library enum.
fn named<T: Named + Clone + Send + Sync>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::names()).map(|name| T::from_name(&name).expect("a possible value"))
}

/// What `tanaqud triage` does with a verdict.
#[derive(Clone, Copy, ValueEnum)]
enum TriageVerb {
    /// The finding is real: keep it, apart from the untriaged ones.
    Accept,
    /// Not a real finding: set it aside.
    Dismiss,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Any dispute or conflict.
    Conflict,
    /// Any dispute, conflict or tension.
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
            verdicts: Some(gold),
            extracted_only,
            jobs,
        } => {
            let claims = if extracted_only {
                ClaimSet::Extracted
            } else {
                ClaimSet::Both
            };
            score_verdicts(
                &dir,
                &gold,
                format,
                verbose,
                Options {
                    claims,
                    jobs: jobs.count(),
                },
            )
        }
        Command::Score {
            dir,
            format,
            verbose,
            verdicts: None,
            jobs,
            ..
        } => score(&dir, format, verbose, jobs.count()),
        Command::Triage {
            decision,
            id,
            dir,
            reason,
        } => {
            let decision = match decision {
                TriageVerb::Accept => Decision::Accepted,
                TriageVerb::Dismiss => Decision::Dismissed,
            };
            triage(&dir, decision, id, reason)
        }
        Command::Compare {
            texts,
            tsv,
            format,
            jobs,
        } => compare(&texts, tsv.as_deref(), format, jobs.count()),
        Command::Time {
            expressions,
            anchor,
            prefer,
            format,
        } => time(expressions, &anchor, prefer, format),
        Command::Vocab {
            command: VocabCommand::Suggest { dir, output, jobs },
        } => suggest(&dir, output.as_deref(), jobs.count()),
    })
}

fn load(dir: &Path, claims: ClaimSet, jobs: usize) -> (Loaded, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let loaded = pipeline::load(&files, Options { claims, jobs }, &mut diagnostics, &|_| {});
    (loaded, diagnostics)
}

fn check(dir: &Path) -> u8 {
    let (Loaded { corpus, .. }, diagnostics) = load(dir, ClaimSet::Annotated, 1);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let text = if diagnostics.is_empty() {
        let (entities, predicates) = corpus.vocabulary.own_counts();
        format!(
            "ok: {} sources, {} claims, {entities} entities, {predicates} predicates\n",
            corpus.sources.len(),
            corpus.claims.len(),
        )
    } else {
        report::render_diagnostics(&diagnostics)
    };
    match print(&text) {
        EXIT_OK if has_errors => EXIT_BAD_INPUT,
        code => code,
    }
}

fn report(
    dir: &Path,
    format: Format,
    output: Option<&Path>,
    fail_on: Option<FailOn>,
    set: ClaimSet,
    jobs: usize,
) -> u8 {
    let mut diagnostics = Vec::new();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let analysis = pipeline::analyse(&files, Options { claims: set, jobs }, &mut diagnostics, &|_| {});
    print_error(&report::render_diagnostics_if_any(&diagnostics));
    let Some(Analysis { report, .. }) = analysis else {
        print_error(&format!(
            "tanaqud: the corpus has errors; run `tanaqud check {}` and fix them first\n",
            dir.display()
        ));
        return EXIT_BAD_INPUT;
    };
    let text = report::render(&report, format);
    let written = match output {
        Some(path) => match output::replace_file(path, &text, &files.inputs, Some(dir)) {
            Ok(()) => EXIT_OK,
            Err(error) => {
                print_error(&format!("tanaqud: {error}\n"));
                EXIT_BAD_INPUT
            }
        },
        None => print(&text),
    };
    if written != EXIT_OK {
        return written;
    }
    let failing = |kind: VerdictKind| match fail_on {
        Some(FailOn::Conflict) => matches!(kind, VerdictKind::Disputed | VerdictKind::Conflict),
        Some(FailOn::Tension) => matches!(
            kind,
            VerdictKind::Disputed | VerdictKind::Conflict | VerdictKind::Tension
        ),
        None => false,
    };
    // A triaged verdict has been looked at: it no longer fails the run.
    if report.verdicts.iter().any(|v| v.triage.is_none() && failing(v.kind)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Writes `text` to standard output: `EXIT_OK`, or `EXIT_BAD_INPUT` (with a
/// message) when it cannot be written, a closed standard output included. A
/// reader that stops early (`| head`) is not an error.
fn print(text: &str) -> u8 {
    if stdout_was_closed() {
        print_error("tanaqud: cannot write to standard output: it was closed\n");
        return EXIT_BAD_INPUT;
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            print_error(&format!("tanaqud: cannot write to standard output: {e}\n"));
            EXIT_BAD_INPUT
        }
    }
}

/// Whether standard output was closed when tanaqud started (`>&-`). Rust's
/// runtime then opens /dev/null in its place, read-write, so that writes
/// silently succeed; a user's own `>/dev/null` is write-only. Linux tells
/// through /proc; elsewhere this is never known.
fn stdout_was_closed() -> bool {
    const ACCESS_MODE: u32 = 0o3;
    const READ_WRITE: u32 = 0o2;
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|target| target == Path::new("/dev/null"));
    let flags = std::fs::read_to_string("/proc/self/fdinfo/1").ok().and_then(|info| {
        let line = info.lines().find_map(|line| line.strip_prefix("flags:"))?;
        u32::from_str_radix(line.trim(), 8).ok()
    });
    is_null && flags.is_some_and(|flags| flags & ACCESS_MODE == READ_WRITE)
}

/// Writes `text` to standard error; nothing is left to tell if that fails.
fn print_error(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn extract(
    paths: &[PathBuf],
    vocabulary: Option<PathBuf>,
    lexicon: Option<PathBuf>,
    output_dir: Option<&Path>,
    jobs: usize,
) -> u8 {
    let beside = |name: &str| paths[0].parent().map(|dir| dir.join(name)).filter(|p| p.is_file());
    let vocabulary = vocabulary.or_else(|| beside(tanaqud::data::VOCABULARY.name));
    let lexicon = lexicon.or_else(|| beside(tanaqud::data::LEXICON.name));
    let mut diagnostics = Vec::new();
    let files = corpus::read_articles(paths, vocabulary.as_deref(), lexicon.as_deref(), &mut diagnostics);
    let bar = progress_bar(files.sources.len());
    let options = Options {
        claims: ClaimSet::Extracted,
        jobs,
    };
    let Loaded { corpus, .. } = pipeline::load(&files, options, &mut diagnostics, &|n| bar.set_position(n as u64));
    bar.finish();
    // indicatif leaves the cursor at the end of the bar.
    if !bar.is_hidden() {
        print_error("\n");
    }
    print_error(&report::render_diagnostics_if_any(&diagnostics));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return EXIT_BAD_INPUT;
    }
    let documents = annotation::documents(&corpus);
    let Some(dir) = output_dir else {
        return print(&annotation::render(&documents));
    };
    let drafts: Vec<(String, String)> = documents
        .iter()
        .map(|entry| {
            (
                format!("{}.json", entry.0),
                annotation::render(std::slice::from_ref(entry)),
            )
        })
        .collect();
    match output::write_new_files(dir, &drafts) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            print_error(&format!("tanaqud: {error}\n"));
            EXIT_BAD_INPUT
        }
    }
}

fn score(dir: &Path, format: ScoreFormat, verbose: bool, jobs: usize) -> u8 {
    let (Loaded { corpus: annotated, .. }, diagnostics) = load(dir, ClaimSet::Annotated, jobs);
    print_error(&report::render_diagnostics_if_any(&diagnostics));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return EXIT_BAD_INPUT;
    }
    let (Loaded { corpus: extracted, .. }, _) = load(dir, ClaimSet::Extracted, jobs);
    let scored: Vec<usize> = (0..annotated.sources.len())
        .filter(|&i| annotated.sources[i].annotated)
        .collect();
    // The extracted corpus's vocabulary is the annotated one's with the open names after it.
    let result = tanaqud::score::score(&extracted.vocabulary, &scored, &annotated.claims, &extracted.claims);
    print(&report::render_score(&annotated, &extracted, &result, format, verbose))
}

/// Sets a decision on one of the corpus's verdicts in its triage file.
fn triage(dir: &Path, decision: Decision, id: String, reason: String) -> u8 {
    let mut diagnostics = Vec::new();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let analysis = pipeline::analyse(&files, Options::default(), &mut diagnostics, &|_| {});
    print_error(&report::render_diagnostics_if_any(&diagnostics));
    let Some(analysis) = analysis else {
        return EXIT_BAD_INPUT;
    };
    let ids: Vec<&str> = analysis.report.verdicts.iter().map(|v| v.id.as_str()).collect();
    if !ids.contains(&id.as_str()) {
        let hint = diag::nearest(&id, ids.iter().copied()).map_or(String::new(), |n| format!("; did you mean `{n}`?"));
        print_error(&format!("tanaqud: no verdict has the id `{id}`{hint}\n"));
        return EXIT_BAD_INPUT;
    }
    let entries = files.triage.as_ref().map_or_else(Vec::new, |file| {
        tanaqud::triage::read(&tanaqud::json::JsonFile::new(&file.name, &file.text))
    });
    let verdict = ids.iter().position(|&i| i == id).map(|at| &analysis.verdicts[at]);
    let about = verdict.map(|v| tanaqud::triage::verdict_about(&analysis.loaded.corpus, &analysis.propositions, v));
    let entry = tanaqud::triage::Entry {
        id,
        decision,
        reason,
        about,
    };
    let text = tanaqud::triage::with_entry(entries, entry, &ids);
    // The triage file belongs in the corpus: it is the one file written there.
    match output::replace_file(&dir.join(tanaqud::triage::FILE_NAME), &text, &[], None) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            print_error(&format!("tanaqud: {error}\n"));
            EXIT_BAD_INPUT
        }
    }
}

/// Drafts the corpus's story vocabulary; a limit the corpus went past is told on standard error.
fn suggest(dir: &Path, output: Option<&Path>, jobs: usize) -> u8 {
    let mut diagnostics = Vec::new();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let draft = pipeline::suggest(&files, jobs, &tanaqud::suggest::Params::default(), &mut diagnostics);
    print_error(&report::render_diagnostics_if_any(&diagnostics));
    let Some(draft) = draft else {
        print_error(&format!(
            "tanaqud: the corpus has errors; run `tanaqud check {}` and fix them first\n",
            dir.display()
        ));
        return EXIT_BAD_INPUT;
    };
    for limit in &draft.limits {
        print_error(&format!(
            "tanaqud: {} of {} {} kept (the draft's limit)\n",
            limit.limit, limit.total, limit.what
        ));
    }
    match output {
        Some(path) => match output::replace_file(path, &draft.text, &files.inputs, Some(dir)) {
            Ok(()) => EXIT_OK,
            Err(error) => {
                print_error(&format!("tanaqud: {error}\n"));
                EXIT_BAD_INPUT
            }
        },
        None => print(&draft.text),
    }
}

/// The report's verdicts against a file of judged ones.
fn score_verdicts(dir: &Path, gold: &Path, format: ScoreFormat, verbose: bool, options: Options) -> u8 {
    let mut diagnostics = Vec::new();
    let gold_files = corpus::read_files(&[gold.to_path_buf()], &mut diagnostics);
    let judged = gold_files
        .first()
        .map(|file| {
            let json = tanaqud::json::JsonFile::new(&file.name, &file.text);
            let judged = tanaqud::gold::read(&json);
            diagnostics.extend(json.into_diagnostics());
            judged
        })
        .unwrap_or_default();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let analysis = pipeline::analyse(&files, options, &mut diagnostics, &|_| {});
    print_error(&report::render_diagnostics_if_any(&diagnostics));
    let Some(analysis) = analysis.filter(|_| !diagnostics.iter().any(Diagnostic::is_error)) else {
        return EXIT_BAD_INPUT;
    };
    let corpus = &analysis.loaded.corpus;
    let result = tanaqud::gold::score(corpus, &analysis.propositions, &analysis.verdicts, &judged);
    print(&report::render_verdict_score(
        &analysis.report,
        &judged,
        &result,
        format,
        verbose,
    ))
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

/// One pair from the command line, or a batch file's pairs.
fn compare(texts: &[String], batch: Option<&Path>, format: PairFormat, jobs: usize) -> u8 {
    let comparer = Comparer::bundled();
    let Some(path) = batch else {
        let [first, second] = texts else {
            print_error(&format!(
                "tanaqud: `compare` takes two texts (or `--tsv FILE`), not {}\n",
                texts.len()
            ));
            return EXIT_BAD_INPUT;
        };
        return print(&tanaqud::pair::render_one(&comparer.compare(first, second), format));
    };
    let mut diagnostics = Vec::new();
    let files = corpus::read_files(&[path.to_path_buf()], &mut diagnostics);
    let Some(file) = files.first() else {
        print_error(&report::render_diagnostics_if_any(&diagnostics));
        return EXIT_BAD_INPUT;
    };
    let (rows, problems) = tanaqud::pair::read_pairs(file);
    diagnostics.extend(problems);
    if !diagnostics.is_empty() {
        print_error(&report::render_diagnostics(&diagnostics));
        return EXIT_BAD_INPUT;
    }
    let outcomes = comparer.compare_all(&rows, jobs);
    let pairs: Vec<_> = rows.into_iter().zip(outcomes).collect();
    print(&tanaqud::pair::render_batch(&pairs, format))
}

fn time(expressions: Vec<String>, anchor: &str, prefer: Prefer, format: TimeFormat) -> u8 {
    let Some(anchor) = parse_anchor(anchor) else {
        print_error(&format!(
            "tanaqud: `{anchor}` is not an anchor: use YYYY-MM-DD or YYYY-MM-DDTHH:MM\n"
        ));
        return EXIT_BAD_INPUT;
    };
    let lines = if expressions.is_empty() {
        match std::io::read_to_string(std::io::stdin()) {
            Ok(text) => text.lines().map(str::to_string).collect(),
            Err(error) => {
                print_error(&format!("tanaqud: cannot read standard input: {error}\n"));
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
    print(&report::render_times(&resolved, format))
}
