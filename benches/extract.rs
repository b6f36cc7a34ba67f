//! Throughput of the extraction stage over a large Arabic corpus built in
//! memory: the nine bundled articles (`claims/*.txt`, `tests/fixtures/unseen/*.txt`),
//! cut into paragraphs and sentences and put back together, varied
//! deterministically (paragraphs and sentences rotated, entity names swapped,
//! digits shifted and sometimes written in Arabic-Indic), into ~5,000 articles
//! of ~50 MB in all, read with the bundled vocabulary layers (gazetteer, news,
//! sample story). Measures folding, words, and `extract_all` on one core
//! and on all cores, and checks that both give the same claims. Prints
//! medians of several runs. `cargo bench --bench extract`.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use tanaqud::data;
use tanaqud::extract::{Cues, Extractor};
use tanaqud::json::JsonFile;
use tanaqud::text::{fold_into, words_in};

const TOTAL_BYTES: usize = 50_000_000;
const ARTICLES: usize = 5_000;
/// Runs of the fast measures (folding, words) and of extraction.
const RUNS: usize = 7;
const EXTRACT_RUNS: usize = 5;

/// Names swapped in some articles (each pair by one bit of the article
/// number), so that articles differ in their entities as well as their order.
const SWAPS: &[(&str, &str)] = &[
    ("روسيا", "تركيا"),
    ("موسكو", "أنقرة"),
    ("بوتين", "أردوغان"),
    ("حميميم", "طرطوس"),
    ("دمشق", "القاهرة"),
    ("الكرملين", "الرئاسة التركية"),
    ("الأسد", "السيسي"),
];

const OUTLETS: &[&str] = &[
    "وكالة قاسيون للأنباء",
    "سكاي نيوز عربية",
    "الخليج",
    "المرصد",
    "الفجر الجديد",
];
const WEEKDAYS: &[&str] = &["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// The seed articles, each as its paragraphs (non-empty lines).
fn seeds() -> Vec<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["claims", "tests/fixtures/unseen"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("seed directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .expect("seed article")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .collect()
}

/// A paragraph with its sentences (split after ". ") rotated by `by`.
fn rotate_sentences(paragraph: &str, by: usize) -> String {
    let mut sentences: Vec<&str> = paragraph.split_inclusive(". ").collect();
    if sentences.len() < 2 {
        return paragraph.to_string();
    }
    let by = by % sentences.len();
    sentences.rotate_left(by);
    let mut out = String::with_capacity(paragraph.len() + 2);
    for s in sentences {
        out.push_str(s);
        // The old last sentence, now inside the paragraph, needs a separator.
        if !s.ends_with(' ') {
            out.push_str(if s.ends_with('.') { " " } else { ". " });
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Digits shifted by `k`, written in Arabic-Indic when `indic`.
fn vary_digits(text: &str, k: usize, indic: bool) -> String {
    text.chars()
        .map(|c| {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                '٠'..='٩' => c as u32 - '٠' as u32,
                _ => return c,
            };
            let d = (d + k as u32) % 10;
            char::from_u32(if indic { '٠' as u32 } else { '0' as u32 } + d).unwrap_or(c)
        })
        .collect()
}

/// Article `k`: paragraphs of seed `k % n`, rotated, then of the seeds after
/// it, until its target size (6–14 KB, ~10 KB on average); then names
/// swapped, digits varied and a dateline of its own put on top.
fn article(seeds: &[Vec<String>], k: usize, target: usize) -> String {
    let n = seeds.len();
    let step = 1 + (k / n) % (n - 1);
    let mut out = String::with_capacity(target + 8192);
    let mut seed = k % n;
    let mut taken = 0;
    while out.len() < target {
        let paragraphs = &seeds[seed];
        let rotate = (k / n + taken) * 7;
        for i in 0..paragraphs.len() {
            let p = &paragraphs[(i + rotate) % paragraphs.len()];
            out.push_str(&rotate_sentences(p, k + i));
            out.push_str("\n\n");
            if out.len() >= target {
                break;
            }
        }
        seed = (seed + step) % n;
        taken += 1;
    }
    for (bit, (from, to)) in SWAPS.iter().enumerate() {
        if ((k / n) >> bit) & 1 == 1 {
            out = out.replace(from, to);
        }
    }
    // A dateline of its own, as news pages have: no two articles share one.
    let dateline = format!(
        "{}\n  • {} {} {} - {}\n\n",
        OUTLETS[k % OUTLETS.len()],
        WEEKDAYS[k % WEEKDAYS.len()],
        k % 28 + 1,
        MONTHS[(k / 28) % MONTHS.len()],
        2015 + k / (28 * 12)
    );
    dateline + &vary_digits(&out, k, k.is_multiple_of(4))
}

fn corpus() -> Vec<String> {
    let seeds = seeds();
    let mean = TOTAL_BYTES / ARTICLES;
    (0..ARTICLES)
        .map(|k| article(&seeds, k, mean * 6 / 10 + (k * 7919) % (mean * 8 / 10)))
        .collect()
}

fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds
}

fn main() {
    let built = Instant::now();
    let articles = corpus();
    let texts: Vec<&str> = articles.iter().map(String::as_str).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let distinct = texts.iter().collect::<HashSet<_>>().len();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "corpus: {:.1} MB in {} articles ({distinct} distinct, {:.1}–{:.1} KB), built in {:.1} s; {cores} cores",
        bytes as f64 / 1e6,
        texts.len(),
        texts.iter().map(|t| t.len()).min().unwrap_or(0) as f64 / 1e3,
        texts.iter().map(|t| t.len()).max().unwrap_or(0) as f64 / 1e3,
        built.elapsed().as_secs_f64()
    );

    // What a corpus without a vocabulary of its own is read with: the gazetteer,
    // the news vocabulary and the sample story's (their problems are the tests').
    let vocabulary = tanaqud::sources::bundled_vocabulary();
    let cues_file = JsonFile::new(data::LEXICON.name, data::LEXICON.text);
    let cues = Cues::read(&cues_file, &vocabulary, false);
    assert!(cues_file.into_diagnostics().is_empty(), "bundled lexicon has problems");
    let extractor = Extractor::new(&vocabulary, &cues);

    // 1. Folding into one reused buffer.
    let mut folded = String::new();
    let fold_rates: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            for text in &texts {
                folded.clear();
                fold_into(black_box(text), &mut folded);
                black_box(&folded);
            }
            mb_per_s(bytes, start.elapsed().as_secs_f64())
        })
        .collect();

    // 2. Words (tokenise and fold) of every whole article.
    let mut word_count = 0;
    let word_rates: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            word_count = 0;
            for text in &texts {
                word_count += black_box(words_in(black_box(text), 0..text.len())).len();
            }
            mb_per_s(bytes, start.elapsed().as_secs_f64())
        })
        .collect();

    // 3. Extraction on one core. Undated: the era of shared names plays no part.
    let articles: Vec<(&str, Option<chrono::NaiveDate>)> = texts.iter().map(|&t| (t, None)).collect();
    let mut sequential = Vec::new();
    let one_rates: Vec<f64> = (0..EXTRACT_RUNS)
        .map(|_| {
            let start = Instant::now();
            sequential = extractor.extract_all(black_box(&articles), 1, &|_| {});
            mb_per_s(bytes, start.elapsed().as_secs_f64())
        })
        .collect();
    let claims: usize = sequential.iter().map(Vec::len).sum();

    // 4. Extraction on all cores, checked against the sequential run.
    let mut identical = true;
    let all_rates: Vec<f64> = (0..EXTRACT_RUNS)
        .map(|_| {
            let start = Instant::now();
            let parallel = extractor.extract_all(black_box(&articles), cores, &|_| {});
            let rate = mb_per_s(bytes, start.elapsed().as_secs_f64());
            identical &= parallel == sequential;
            rate
        })
        .collect();
    assert!(
        identical,
        "extraction on {cores} threads differs from the sequential run"
    );

    let (fold, words, one, all) = (
        median(fold_rates),
        median(word_rates),
        median(one_rates),
        median(all_rates),
    );
    println!(
        "words: {word_count}, claims found: {claims} ({:.1} per article)",
        claims as f64 / texts.len() as f64
    );
    println!();
    println!("{:<24} {:>12} {:>12} {:>5}", "measure", "median MB/s", "target", "runs");
    let row = |name: &str, rate: f64, target: Option<f64>, runs: usize| {
        let (target, verdict) = match target {
            Some(t) => (format!("≥ {t:.0}"), if rate >= t { "met" } else { "MISSED" }),
            None => ("-".to_string(), ""),
        };
        println!("{name:<24} {rate:>12.1} {target:>12} {runs:>5}  {verdict}");
    };
    row("fold_into, 1 core", fold, Some(1000.0), RUNS);
    row("words_in, 1 core", words, None, RUNS);
    row("extract_all, 1 core", one, Some(50.0), EXTRACT_RUNS);
    row(&format!("extract_all, {cores} cores"), all, None, EXTRACT_RUNS);
    println!();
    println!("speed-up {cores} cores vs 1: {:.2}x", all / one);
    println!("identical: {}", if identical { "yes" } else { "no" });
}
