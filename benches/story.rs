//! One story told by many outlets: N bare articles made of the sample
//! corpus's sentences, recombined (each article a deterministic draw of
//! sentences from all five), dated over one month, through the whole
//! pipeline and the JSON report, in process. Prints time, peak memory and
//! the size of the JSON report (every claim) and of the Markdown and HTML
//! ones (bounded per proposition) for each N, and their ratios to the N before.
//!
//! `cargo bench --bench story [-- N…]` (default 100, 1,000, 10,000).

mod support;

use std::time::Instant;

use support::{peak_mib, reset_peak};
use tanaqud::corpus::{CorpusFiles, InputFile, SourceFiles};
use tanaqud::merge::ClaimSet;
use tanaqud::pipeline::{self, Options};
use tanaqud::report::{Format, render};

/// Sentences per article.
const SENTENCES: usize = 24;

/// The sample articles' sentences (split after ". " and at line breaks).
fn sentences() -> Vec<String> {
    support::sample_articles()
        .into_iter()
        .flat_map(|text| {
            text.lines()
                .flat_map(|line| {
                    line.split_inclusive(". ")
                        .map(|s| s.trim().to_string())
                        .collect::<Vec<_>>()
                })
                .filter(|s| s.chars().count() > 20)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn story(n: usize, sentences: &[String]) -> CorpusFiles {
    let mut rng = support::Rng(0x2545_F491_4F6C_DD1D);
    let sources = (0..n)
        .map(|i| {
            let day = 1 + i % 28;
            let id = format!("outlet-{i:05}-2024-12-{day:02}");
            let body: Vec<&str> = (0..SENTENCES)
                .map(|_| sentences[rng.below(sentences.len())].as_str())
                .collect();
            SourceFiles {
                article: Some(InputFile {
                    name: format!("{id}.txt"),
                    text: body.join("\n"),
                }),
                id,
                ..SourceFiles::default()
            }
        })
        .collect();
    CorpusFiles {
        sources,
        ..CorpusFiles::default()
    }
}

fn main() {
    let sizes = support::sizes(&[100, 1_000, 10_000]);
    let sentences = sentences();
    println!(
        "{:>8} {:>9} {:>9} {:>10} {:>8} {:>9} {:>7} {:>8} {:>8} {:>8} {:>8}",
        "articles",
        "claims",
        "verdicts",
        "seconds",
        "MiB",
        "JSON MiB",
        "MD KiB",
        "HTML KiB",
        "× time",
        "× mem",
        "× JSON"
    );
    let mut previous: Option<(usize, f64, f64, f64)> = None;
    for n in sizes {
        let files = story(n, &sentences);
        reset_peak();
        let start = Instant::now();
        let mut diagnostics = Vec::new();
        let options = Options {
            claims: ClaimSet::Both,
            jobs: 2,
        };
        let analysis = pipeline::analyse(&files, options, &mut diagnostics, &|_| {}).expect("no errors");
        let json = render(&analysis.report, Format::Json);
        let markdown = render(&analysis.report, Format::Markdown);
        let html = render(&analysis.report, Format::Html);
        let seconds = start.elapsed().as_secs_f64();
        let (peak, size) = (peak_mib(), json.len() as f64 / (1 << 20) as f64);
        let ratios = previous.map_or(String::new(), |(m, t, p, j)| {
            let scale = n as f64 / m as f64;
            format!(
                "{:>8.1} {:>8.1} {:>8.1}   (N ×{scale:.0})",
                seconds / t,
                peak / p,
                size / j
            )
        });
        println!(
            "{n:>8} {:>9} {:>9} {seconds:>10.2} {peak:>8.0} {size:>9.1} {:>7} {:>8} {ratios}",
            analysis.loaded.corpus.claims.len(),
            analysis.verdicts.len(),
            markdown.len() / 1024,
            html.len() / 1024
        );
        previous = Some((n, seconds, peak, size));
    }
}
