//! Comparison benchmark: N synthetic claims grouped into propositions and
//! judged. `cargo bench --bench compare [-- N...]`; prints medians, the
//! propositions and verdicts, and peak memory. Claims are spread the way a
//! real story spreads them: most on a few actors (the skew of one big story),
//! the rest over many; a few predicate families, places in a containment
//! tree, times over three years, 1,000 sources.

mod support;

use std::time::{Duration, Instant};

use tanaqud::json::JsonFile;
use tanaqud::model::{
    Attribution, Basis, Claim, Corpus, Extent, Modality, Origin, Polarity, Source, TimeBasis, VerdictKind,
};
use tanaqud::propositions::compare;
use tanaqud::time::Interval;
use tanaqud::vocab::Vocabulary;

const CLAIMS_PER_ACTOR: usize = 48;
const SOURCES: usize = 1_000;
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
    let mut rng = support::Rng(0x9E37_79B9_7F4A_7C15);
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
                source: i % SOURCES,
                id: format!("c{i}"),
                quote: String::new(),
                span: 0..0,
                // Four claims in five are on one of three actors: one big story.
                subject: vocabulary
                    .entity(&format!(
                        "actor-{}",
                        if rng.below(5) > 0 {
                            rng.below(3.min(actors))
                        } else {
                            rng.below(actors)
                        }
                    ))
                    .unwrap(),
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
                count: None,
                extraction: None,
                modality: modalities[rng.below(modalities.len())],
                attribution: Attribution::Outlet,
                origin: Origin::Annotated,
                note: None,
            }
        })
        .collect()
}

fn sources() -> Vec<Source> {
    (0..SOURCES)
        .map(|i| Source {
            id: format!("source-{i}"),
            outlet: format!("Outlet {i}"),
            outlet_ar: None,
            title: String::new(),
            published: None,
            language: "ar".into(),
            original_file: None,
            article: String::new(),
            annotated: true,
            outlet_basis: Basis::Annotation,
            title_basis: Basis::Annotation,
            rejections: Vec::new(),
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let sizes = support::sizes(&[10_000, 100_000, 1_000_000]);
    println!(
        "{:>9} {:>6} {:>12} {:>13} {:>9} {:>10} {:>10}",
        "claims", "runs", "compare", "propositions", "verdicts", "conflicts", "peak MiB"
    );
    for n in sizes {
        let actors = (n / CLAIMS_PER_ACTOR).max(1);
        let vocabulary = vocabulary(actors);
        let claims = claims(&vocabulary, n, actors);
        let corpus = Corpus {
            vocabulary,
            sources: sources(),
            claims,
        };
        // Every source its own origin.
        let origins: Vec<u32> = (0..SOURCES as u32).collect();
        let runs = if n >= 1_000_000 { 3 } else { 7 };
        support::reset_peak();
        let mut times = Vec::new();
        let mut last = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let start = Instant::now();
            last = compare(&corpus, &origins);
            times.push(start.elapsed());
        }
        let (propositions, verdicts) = &last;
        let conflicts = verdicts.iter().filter(|v| v.kind == VerdictKind::Conflict).count();
        println!(
            "{n:>9} {runs:>6} {:>12.2?} {:>13} {:>9} {conflicts:>10} {:>10.0}",
            median(times),
            propositions.len(),
            verdicts.len(),
            support::peak_mib()
        );
    }
}
