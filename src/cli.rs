//! Command line: parses arguments, runs the stages in order and prints what
//! `report` formats. The only place that prints or writes files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::claims::{self, Corpus};
use crate::diag::Diagnostic;
use crate::findings::{self, Finding, Kind};
use crate::report::{self, Format, Report, TimeFormat};
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
        } => report(&dir, format, output.as_deref(), fail_on),
        Command::Time {
            expressions,
            anchor,
            prefer,
            format,
        } => time(expressions, &anchor, prefer, format),
    })
}

/// Reads and checks a corpus directory.
pub fn load(dir: &Path) -> (Corpus, Vec<Diagnostic>) {
    let (files, mut diagnostics) = corpus::read_dir(dir);
    let (corpus, more) = claims::load(&files);
    diagnostics.extend(more);
    (corpus, diagnostics)
}

pub fn analyse(corpus: &Corpus) -> Vec<Finding> {
    let tuples = tuples::tuples(&corpus.vocabulary, &corpus.claims);
    findings::compare(&corpus.vocabulary, &tuples)
}

fn check(dir: &Path) -> u8 {
    let (corpus, diagnostics) = load(dir);
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

fn report(dir: &Path, format: Format, output: Option<&Path>, fail_on: Option<FailOn>) -> u8 {
    let (corpus, diagnostics) = load(dir);
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
    let text = report::render(&Report::build(&corpus, &findings), format);
    let written = match output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => match std::io::stdout().write_all(text.as_bytes()) {
            // A reader that stops early (`| head`) is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| format!("cannot write the report: {e}")),
        },
    };
    if let Err(message) = written {
        eprintln!("tanaqud: {message}");
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
