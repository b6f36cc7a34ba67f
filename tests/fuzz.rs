//! Property tests on mutated input: the bundled corpus with byte flips,
//! truncations, splices and stray Unicode (bidi and format controls, CR, BOM)
//! goes through `check`, `report` and `time`. Whatever the input: no panic,
//! valid JSON, errors only as diagnostics (exit 2 from the binary, 0 or 1
//! otherwise), and the same output with one extraction thread or two.
//!
//! The runs are deterministic (a fixed seed, no failure files), and the case
//! counts keep the whole suite to seconds.

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tanaqud::merge::ClaimSet;
use tanaqud::time::{Anchor, Prefer, find_all, normalize, parse_anchor, record};
use tanaqud::{Format, Options, analyse, corpus, render};

/// The sample corpus as (file name, bytes).
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Characters that have broken text handling before, and some that might.
const STRAY: &[&str] = &[
    "\u{202B}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{200B}", "\u{200D}", "\u{00AD}", "\u{2060}",
    "\u{FEFF}", "\r", "\r\n", "\n", "\"", "«", "»", ".", "؟", "\\", "{", "}", ",", "\u{0}", "\u{1F}", "ـ", "ً", "٣",
    "😀", "\u{FFFD}", "ﻻ",
];

#[derive(Clone, Debug)]
enum Mutation {
    FlipByte {
        at: usize,
        bits: u8,
    },
    Truncate {
        at: usize,
    },
    Splice {
        from_file: usize,
        at: usize,
        len: usize,
        to: usize,
    },
    Insert {
        stray: usize,
        at: usize,
    },
    Delete {
        at: usize,
        len: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Places are fractions of the file (per mille), so that one strategy fits every file.
    prop_oneof![
        (0..1000usize, 1..=255u8).prop_map(|(at, bits)| Mutation::FlipByte { at, bits }),
        (0..1000usize).prop_map(|at| Mutation::Truncate { at }),
        (0..16usize, 0..1000usize, 1..400usize, 0..1000usize).prop_map(|(from_file, at, len, to)| Mutation::Splice {
            from_file,
            at,
            len,
            to
        }),
        (0..STRAY.len(), 0..1000usize).prop_map(|(stray, at)| Mutation::Insert { stray, at }),
        (0..1000usize, 1..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
    ]
}

fn place(per_mille: usize, len: usize) -> usize {
    per_mille * len / 1000
}

fn apply(files: &mut [(String, Vec<u8>)], target: usize, mutation: &Mutation) {
    let others: Vec<Vec<u8>> = files.iter().map(|(_, b)| b.clone()).collect();
    let bytes = &mut files[target % others.len()].1;
    let len = bytes.len();
    match *mutation {
        Mutation::FlipByte { at, bits } if len > 0 => bytes[place(at, len).min(len - 1)] ^= bits,
        Mutation::FlipByte { .. } => {}
        Mutation::Truncate { at } => bytes.truncate(place(at, len)),
        Mutation::Splice {
            from_file,
            at,
            len: take,
            to,
        } => {
            let source = &others[from_file % others.len()];
            let start = place(at, source.len());
            let piece = &source[start..(start + take).min(source.len())];
            let to = place(to, len);
            bytes.splice(to..to, piece.iter().copied());
        }
        Mutation::Insert { stray, at } => {
            let at = place(at, len);
            bytes.splice(at..at, STRAY[stray].bytes());
        }
        Mutation::Delete { at, len: take } => {
            let at = place(at, len);
            bytes.drain(at..(at + take).min(len));
        }
    }
}

fn mutated_corpus() -> impl Strategy<Value = Vec<(usize, Mutation)>> {
    prop::collection::vec((0..16usize, mutation()), 1..6)
}

fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

/// Writes the mutated files into a fresh directory.
fn write_corpus(files: &[(String, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// The report of `dir` as JSON and Markdown with `jobs` threads, or None when
/// the corpus has errors (which must then be among the diagnostics).
fn report(dir: &Path, claims: ClaimSet, jobs: usize) -> Option<(String, String)> {
    let mut diagnostics = Vec::new();
    let files = corpus::read_dir(dir, &mut diagnostics);
    let analysis = analyse(&files, Options { claims, jobs }, &mut diagnostics, &|_| {});
    let rendered = tanaqud::report::render_diagnostics(&diagnostics);
    assert!(rendered.ends_with(" file(s)\n"));
    match analysis {
        Some(analysis) => {
            assert!(diagnostics.iter().all(|d| !d.is_error()));
            Some((
                render(&analysis.report, Format::Json),
                render(&analysis.report, Format::Markdown),
            ))
        }
        None => {
            assert!(diagnostics.iter().any(|d| d.is_error()));
            None
        }
    }
}

#[test]
fn check_never_panics_on_a_mutated_corpus() {
    let seeds = seed_files();
    runner(160)
        .run(&mutated_corpus(), |mutations| {
            let mut files = seeds.clone();
            for (target, mutation) in &mutations {
                apply(&mut files, *target, mutation);
            }
            let dir = write_corpus(&files);
            if let Some((json, _)) = report(dir.path(), ClaimSet::Annotated, 1) {
                serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn report_is_valid_and_the_same_on_one_thread_or_two() {
    let seeds = seed_files();
    runner(24)
        .run(&mutated_corpus(), |mutations| {
            let mut files = seeds.clone();
            for (target, mutation) in &mutations {
                apply(&mut files, *target, mutation);
            }
            let dir = write_corpus(&files);
            let one = report(dir.path(), ClaimSet::Both, 1);
            let two = report(dir.path(), ClaimSet::Both, 2);
            prop_assert_eq!(&one, &two);
            if let Some((json, _)) = &one {
                let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
                prop_assert!(value["summary"]["claims"].is_u64());
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_binary_exits_0_1_or_2_on_a_mutated_corpus() {
    let seeds = seed_files();
    runner(8)
        .run(&mutated_corpus(), |mutations| {
            let mut files = seeds.clone();
            for (target, mutation) in &mutations {
                apply(&mut files, *target, mutation);
            }
            let dir = write_corpus(&files);
            let output = Command::new(env!("CARGO_BIN_EXE_tanaqud"))
                .args(["report", ".", "--format", "json", "--fail-on", "conflict"])
                .current_dir(dir.path())
                .output()
                .unwrap();
            let code = output.status.code();
            prop_assert!(
                matches!(code, Some(0..=2)),
                "{:?}: {}",
                code,
                String::from_utf8_lossy(&output.stderr)
            );
            if code != Some(2) {
                serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("valid JSON");
            }
            Ok(())
        })
        .unwrap();
}

/// Arabic time words, digits and noise, in any order.
fn time_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "أمس",
        "اليوم",
        "غدا",
        "منذ",
        "عام",
        "2015",
        "قبل",
        "بعد",
        "100000",
        "سنة",
        "يوم",
        "ديسمبر",
        "كانون",
        "الأول",
        "الثاني",
        "من",
        "إلى",
        "حتى",
        "الساعة",
        "8:30",
        "مساء",
        "1446",
        "هـ",
        "الأسبوع",
        "الماضي",
        "المقبل",
        "٢٠٢٤",
        "/",
        "-",
        " ",
        "\u{202B}",
        "\r",
        "ـ",
        "31",
        "29",
        "فبراير",
        "0",
        "99999999999",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
}

#[test]
fn time_never_panics_and_records_are_json() {
    let anchors: Vec<Anchor> = ["2024-12-23", "0001-01-01", "9999-12-31", "2024-02-29T23:59"]
        .iter()
        .map(|a| parse_anchor(a).unwrap())
        .collect();
    runner(600)
        .run(&(time_text(), 0..anchors.len()), |(text, anchor)| {
            let anchor = anchors[anchor];
            for prefer in [Prefer::Past, Prefer::Future] {
                let resolution = normalize(&text, anchor, prefer);
                serde_json::from_str::<serde_json::Value>(&record(&text, resolution.as_ref()).to_string())
                    .expect("a record is JSON");
                for found in find_all(&text, anchor, prefer) {
                    prop_assert!(text.is_char_boundary(found.span.start) && text.is_char_boundary(found.span.end));
                }
            }
            Ok(())
        })
        .unwrap();
}
