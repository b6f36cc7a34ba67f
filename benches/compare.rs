//! Comparison benchmark: N synthetic claims through tuples and comparison.
//! `cargo bench --bench compare [-- N...]`; prints medians, pairs compared
//! and peak memory. Claims are spread over stories the way a large corpus is:
//! many subjects, a few predicate families, places in a containment tree,
//! times over three years.

use std::time::{Duration, Instant};

use tanaqud::findings::compare;
use tanaqud::json::JsonFile;
use tanaqud::model::Kind;
use tanaqud::model::{Attribution, Claim, Extent, Modality, Origin, Polarity, TimeBasis};
use tanaqud::time::Interval;
use tanaqud::tuples::tuples;
use tanaqud::vocab::Vocabulary;

const CLAIMS_PER_ACTOR: usize = 48;
const PLACES: usize = 64;
const PREDICATES: [(&str, &str, &str); 8] = [
    ("withdraw", "presence", "against"),
    ("keep", "presence", "for"),
    ("reinforce", "presence", "for"),
    ("grant-asylum", "asylum", "for"),
    ("extradite", "asylum", "against"),
    ("contact", "relations", "for"),
    ("capture", "control", "for"),
    ("lose", "control", "against"),
];

/// Deterministic xorshift, so every run compares the same corpus.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn vocabulary(actors: usize) -> Vocabulary {
    let mut entities: Vec<String> = (0..actors)
        .map(|i| format!(r#"{{"id": "actor-{i}", "label": "Actor {i}", "kind": "state", "aliases": []}}"#))
        .collect();
    // A tree: place-0 is the country, each place below it has a parent of lower index.
    for i in 0..PLACES {
        let within = if i == 0 {
            String::new()
        } else {
            format!(r#", "within": ["place-{}"]"#, (i - 1) / 4)
        };
        entities.push(format!(
            r#"{{"id": "place-{i}", "label": "Place {i}", "kind": "place", "aliases": []{within}}}"#
        ));
    }
    let predicates: Vec<String> = PREDICATES
        .iter()
        .map(|(id, family, direction)| {
            format!(
                r#"{{"id": "{id}", "label": "{id}", "family": "{family}", "direction": "{direction}", "aliases": []}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"entities": [{}], "predicates": [{}]}}"#,
        entities.join(","),
        predicates.join(",")
    );
    let file = JsonFile::new("bench-vocabulary.json", &text);
    let vocabulary = Vocabulary::read(&file);
    assert!(file.into_diagnostics().is_empty());
    vocabulary
}

fn claims(vocabulary: &Vocabulary, n: usize, actors: usize) -> Vec<Claim> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let modalities = [
        Modality::Asserted,
        Modality::Reported,
        Modality::Hedged,
        Modality::Expected,
        Modality::Undecided,
    ];
    (0..n)
        .map(|i| {
            let predicate = PREDICATES[rng.below(PREDICATES.len())].0;
            let month = rng.below(36) as u32;
            let time = Interval::month(2023 + (month / 12) as i32, month % 12 + 1);
            Claim {
                source: i % 1000,
                id: format!("c{i}"),
                quote: String::new(),
                span: 0..0,
                subject: vocabulary.entity(&format!("actor-{}", rng.below(actors))).unwrap(),
                predicate: vocabulary.predicate(predicate).unwrap(),
                object: vocabulary.entity(&format!("place-{}", rng.below(PLACES))).unwrap(),
                extent: if rng.below(4) == 0 {
                    Extent::Partial
                } else {
                    Extent::Unspecified
                },
                polarity: if rng.below(5) == 0 {
                    Polarity::Negated
                } else {
                    Polarity::Affirmed
                },
                time,
                time_basis: Some(TimeBasis::Annotated),
                time_evidence: None,
                extraction: None,
                modality: modalities[rng.below(modalities.len())],
                attribution: Attribution::Outlet,
                origin: Origin::Annotated,
                note: None,
            }
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        sizes
    };
    println!(
        "{:>9} {:>6} {:>12} {:>12} {:>12} {:>11} {:>11} {:>10} {:>10}",
        "claims", "runs", "tuples", "compare", "total", "pairs", "findings", "conflicts", "peak MiB"
    );
    for n in sizes {
        let actors = (n / CLAIMS_PER_ACTOR).max(1);
        let vocabulary = vocabulary(actors);
        let claims = claims(&vocabulary, n, actors);
        let runs = if n >= 1_000_000 { 5 } else { 9 };
        let (mut tuple_times, mut compare_times, mut totals) = (Vec::new(), Vec::new(), Vec::new());
        let mut last = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let tuples = tuples(&vocabulary, &claims);
            let middle = Instant::now();
            last = compare(&vocabulary, &tuples);
            let end = Instant::now();
            tuple_times.push(middle - start);
            compare_times.push(end - middle);
            totals.push(end - start);
        }
        let mut blocks = std::collections::HashMap::new();
        for t in tuples(&vocabulary, &claims) {
            *blocks.entry(t.block_key()).or_insert(0usize) += 1;
        }
        let pairs: usize = blocks.values().map(|k| k * (k - 1) / 2).sum();
        let conflicts = last.iter().filter(|f| f.kind == Kind::Conflict).count();
        println!(
            "{n:>9} {runs:>6} {:>12.2?} {:>12.2?} {:>12.2?} {pairs:>11} {:>11} {:>10} {:>10.0}",
            median(tuple_times),
            median(compare_times),
            median(totals),
            last.len(),
            conflicts,
            peak_rss_mib()
        );
    }
}
