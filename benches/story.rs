//! One story told by many outlets: N bare articles made of the sample
//! corpus's sentences, recombined (each article a deterministic draw of
//! sentences from all five), dated over one month, through the whole
//! pipeline and the JSON report, in process. Prints time, peak memory and
//! the size of the JSON report (every claim) and of the Markdown one (bounded
//! per proposition) for each N, and their ratios to the N before.
//!
//! `cargo bench --bench story [-- N…]` (default 100, 1,000, 10,000).

use std::path::Path;
use std::time::Instant;

use tanaqud::corpus::{CorpusFiles, InputFile, SourceFiles};
use tanaqud::merge::ClaimSet;
use tanaqud::pipeline::{self, Options};
use tanaqud::report::{Format, render};

/// Sentences per article.
const SENTENCES: usize = 24;

/// The sample articles' sentences (split after ". " and at line breaks).
fn sentences() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
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

/// Deterministic xorshift, so every run reads the same story.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn story(n: usize, sentences: &[String]) -> CorpusFiles {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
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

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
            line.trim().trim_end_matches("kB").trim().parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 1_000, 10_000]
    } else {
        sizes
    };
    let sentences = sentences();
    println!(
        "{:>8} {:>9} {:>9} {:>10} {:>8} {:>9} {:>7} {:>8} {:>8} {:>8}",
        "articles", "claims", "verdicts", "seconds", "MiB", "JSON MiB", "MD KiB", "× time", "× mem", "× JSON"
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
            "{n:>8} {:>9} {:>9} {seconds:>10.2} {peak:>8.0} {size:>9.1} {:>7} {ratios}",
            analysis.loaded.corpus.claims.len(),
            analysis.verdicts.len(),
            markdown.len() / 1024
        );
        previous = Some((n, seconds, peak, size));
    }
}
