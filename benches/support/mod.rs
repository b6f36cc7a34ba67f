//! What the benches (and the story_corpus example) share: peak memory (from
//! Linux's /proc), the sample articles, the sizes asked for, a seeded random
//! number generator, and a story told by N generated articles.

// Each bench is a crate of its own and uses part of this.
#![allow(dead_code)]

use tanaqud::corpus::{CorpusFiles, InputFile, SourceFiles};

/// Resets the peak resident size, so that the next reading is of what runs
/// after this (Linux 4.0 and later).
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident size so far, in MiB; NaN where /proc does not tell.
pub fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
            line.trim().trim_end_matches("kB").trim().parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The sample corpus's articles (`claims/*.txt`), in file-name order.
pub fn sample_articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the sample corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("an article"))
        .collect()
}

/// The sizes given on the command line (`_` allowed: `1_000`), else `default`.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    let given: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    if given.is_empty() { default.to_vec() } else { given }
}

/// Deterministic xorshift, so that every run measures the same input.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Sentences per article of [`story`].
pub const SENTENCES: usize = 24;

/// The sample articles' sentences (split after ". " and at line breaks).
pub fn sentences() -> Vec<String> {
    sample_articles()
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

pub fn story(n: usize, sentences: &[String]) -> CorpusFiles {
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
