//! Scaling of the inputs that were once quadratic: each is run at full size
//! and at a tenth of it, in process, through the same library calls as the
//! command (`report`, `extract`, `check`), and the time and peak memory of
//! both are printed with their ratio — linear input gives ~10×.
//!
//! `cargo bench --bench scaling` (Linux: peak memory is read from /proc and
//! reset between runs).

mod support;

use std::path::Path;
use std::time::Instant;

use support::{peak_mib, reset_peak};
use tanaqud::corpus::{CorpusFiles, InputFile, SourceFiles};
use tanaqud::merge::ClaimSet;
use tanaqud::pipeline::{self, Options};
use tanaqud::report::{Format, render, render_diagnostics};

/// The sample articles, one after another.
fn sample_text() -> String {
    support::sample_articles().join("\n")
}

/// `text` repeated to `bytes`, cut at a character boundary.
fn sized(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push('\n');
    }
    let mut end = bytes;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

fn input(name: &str, text: String) -> Option<InputFile> {
    Some(InputFile {
        name: name.to_string(),
        text,
    })
}

fn one_article(id: &str, article: String) -> CorpusFiles {
    CorpusFiles {
        sources: vec![SourceFiles {
            id: id.to_string(),
            article: input(&format!("{id}.txt"), article),
            ..SourceFiles::default()
        }],
        ..CorpusFiles::default()
    }
}

/// `tanaqud report --format json`.
fn report(files: &CorpusFiles) -> usize {
    let mut diagnostics = Vec::new();
    let analysis = pipeline::analyse(
        files,
        Options {
            claims: ClaimSet::Both,
            jobs: 1,
        },
        &mut diagnostics,
        &|_| {},
    );
    analysis.map_or(0, |a| render(&a.report, Format::Json).len())
}

/// `tanaqud extract`.
fn extract(files: &CorpusFiles) -> usize {
    let mut diagnostics = Vec::new();
    let options = Options {
        claims: ClaimSet::Extracted,
        jobs: 1,
    };
    let loaded = pipeline::load(files, options, &mut diagnostics, &|_| {});
    tanaqud::annotation::render(&tanaqud::annotation::documents(&loaded.corpus)).len()
}

/// `tanaqud check`.
fn check(files: &CorpusFiles) -> usize {
    let mut diagnostics = Vec::new();
    pipeline::load(
        files,
        Options {
            claims: ClaimSet::Annotated,
            jobs: 1,
        },
        &mut diagnostics,
        &|_| {},
    );
    render_diagnostics(&diagnostics).len()
}

/// A mini-corpus annotation whose first claim is repeated `count` times: as
/// many duplicate-id errors.
fn duplicate_ids(count: usize) -> CorpusFiles {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let read = |name: &str| std::fs::read_to_string(fixture.join(name)).unwrap();
    let mut annotation: serde_json::Value = serde_json::from_str(&read("daily-a.json")).unwrap();
    let claim = annotation["claims"][0].clone();
    annotation["claims"] = serde_json::Value::Array(vec![claim; count]);
    CorpusFiles {
        vocabulary: input("vocabulary.json", read("vocabulary.json")),
        sources: vec![SourceFiles {
            id: "daily-a".to_string(),
            article: input("daily-a.txt", read("daily-a.txt")),
            annotation: input("daily-a.json", serde_json::to_string_pretty(&annotation).unwrap()),
            ..SourceFiles::default()
        }],
        ..CorpusFiles::default()
    }
}

/// Seconds and peak MiB of `run` on `files` (the median of `runs` runs).
fn measure(files: &CorpusFiles, run: fn(&CorpusFiles) -> usize, runs: usize) -> (f64, f64, usize) {
    let mut times = Vec::new();
    let (mut peak, mut out) = (0.0f64, 0);
    for _ in 0..runs {
        reset_peak();
        let start = Instant::now();
        out = std::hint::black_box(run(files));
        times.push(start.elapsed().as_secs_f64());
        peak = peak.max(peak_mib());
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], peak, out)
}

fn main() {
    let sample = sample_text();
    let one_line = |bytes: usize| one_article("one-line-2024-12-23", sized(&sample, bytes).replace('\n', " "));
    let unpunctuated = |bytes: usize| {
        let text: String = sized(&sample, bytes)
            .chars()
            .filter(|c| !matches!(c, '.' | '!' | '?' | '؟' | '…' | '\n'))
            .collect();
        one_article("unpunctuated-2024-12-23", text)
    };
    let long = |bytes: usize| one_article("long-2024-12-23", sized(&sample, bytes));
    type Case<'a> = (
        &'a str,
        &'a dyn Fn(usize) -> CorpusFiles,
        usize,
        fn(&CorpusFiles) -> usize,
        usize,
    );
    let cases: [Case; 4] = [
        ("report, one-line article", &one_line, 10_000_000, report, 3),
        ("report, no punctuation", &unpunctuated, 1_000_000, report, 3),
        ("extract, long article", &long, 200_000_000, extract, 1),
        ("check, duplicate ids", &duplicate_ids, 10_000, check, 3),
    ];
    println!(
        "{:<26} {:>12} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "input", "size", "s", "MiB", "s /10", "MiB /10", "× time", "× mem"
    );
    for (name, build, size, run, runs) in cases {
        let (small_time, small_peak, _) = measure(&build(size / 10), run, runs);
        let (time, peak, _) = measure(&build(size), run, runs);
        println!(
            "{name:<26} {size:>12} {time:>9.3} {peak:>9.1} {small_time:>9.3} {small_peak:>9.1} {:>7.1} {:>7.1}",
            time / small_time,
            peak / small_peak
        );
    }
}
