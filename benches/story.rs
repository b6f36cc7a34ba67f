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
use tanaqud::merge::ClaimSet;
use tanaqud::pipeline::{self, Options};
use tanaqud::report::{Format, render};

fn main() {
    let sizes = support::sizes(&[100, 1_000, 10_000]);
    let sentences = support::sentences();
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
        let files = support::story(n, &sentences);
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
