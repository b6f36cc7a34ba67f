//! The pipeline as a library: what a program gets from `tanaqud::analyse_dir`
//! is what the binary prints, and a corpus with errors gives diagnostics and
//! no analysis.

use std::path::Path;
use std::process::Command;

use tanaqud::model::VerdictKind;
use tanaqud::{ClaimSet, Format, Options, analyse_dir, render};

/// The binary's standard output, run from the crate root.
fn binary(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_tanaqud"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn root(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_library_report_is_the_binary_report() {
    // The binary runs from the crate root with a relative path; so must the library.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    for (claims, flag) in [(ClaimSet::Both, None), (ClaimSet::Extracted, Some("--extracted-only"))] {
        let (analysis, diagnostics) = analyse_dir(Path::new("claims"), Options { claims, jobs: 2 });
        assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
        let analysis = analysis.expect("the sample corpus has no errors");
        let mut args = vec!["report", "claims", "--format", "json"];
        args.extend(flag);
        assert_eq!(render(&analysis.report, Format::Json), binary(&args), "{flag:?}");
        let conflicts = analysis
            .verdicts
            .iter()
            .filter(|v| v.kind == VerdictKind::Conflict)
            .count();
        assert_eq!(conflicts, analysis.report.summary.conflicts);
    }
}

#[test]
fn a_corpus_with_errors_gives_diagnostics_and_no_analysis() {
    let (analysis, diagnostics) = analyse_dir(&root("tests/fixtures/broken"), Options::default());
    assert!(analysis.is_none());
    assert!(diagnostics.iter().any(|d| d.is_error()));
}
