//! Hostile and unlucky input through the binary: no panic, nothing lost,
//! nothing overwritten, every skipped file named. Each test is a reproducer
//! that failed before its fix (the row of the robustness issue in its name).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tanaqud_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tanaqud"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// Runs a bash script with `$TANAQUD` set to the binary, in `dir`.
fn bash(dir: &Path, script: &str) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("TANAQUD", env!("CARGO_BIN_EXE_tanaqud"))
        .current_dir(dir)
        .output()
        .expect("bash runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A fresh directory holding a copy of the fixture corpus `name` as `corpus/`.
fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let corpus = root.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(fixture(name)).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
    }
    (root, corpus)
}

fn no_panic(output: &Output) {
    assert_ne!(output.status.code(), Some(101), "{}", text(&output.stderr));
    assert!(!text(&output.stderr).contains("panicked"), "{}", text(&output.stderr));
}

#[test]
fn row_1_2_syntax_errors_before_a_cr_or_a_multibyte_end_are_diagnostics() {
    for (bytes, column) in [(&b"{\"source\"\r"[..], "2:1"), (&b"{\"a\":1\xd9\x88"[..], "1:7")] {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("a.txt"), "x\n").unwrap();
        std::fs::write(root.path().join("a.json"), bytes).unwrap();
        let output = tanaqud_in(root.path(), &["check", "."]);
        no_panic(&output);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            text(&output.stdout).contains(&format!("./a.json:{column}")),
            "{}",
            text(&output.stdout)
        );
    }
}

/// A corpus whose `check` prints far more than a pipe holds: 3,000 duplicate claim ids.
fn many_diagnostics(root: &Path) {
    let corpus = root.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(fixture("mini/daily-a.txt"), corpus.join("daily-a.txt")).unwrap();
    std::fs::copy(fixture("mini/vocabulary.json"), corpus.join("vocabulary.json")).unwrap();
    let annotation: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("mini/daily-a.json")).unwrap()).unwrap();
    let mut annotation = annotation;
    let claim = annotation["claims"][0].clone();
    annotation["claims"] = serde_json::Value::Array(vec![claim; 3_000]);
    std::fs::write(
        corpus.join("daily-a.json"),
        serde_json::to_string_pretty(&annotation).unwrap(),
    )
    .unwrap();
}

#[test]
fn row_3_a_reader_that_stops_early_is_no_panic() {
    let root = tempfile::tempdir().unwrap();
    many_diagnostics(root.path());
    for command in ["check corpus", "report corpus 2>&1"] {
        let output = bash(
            root.path(),
            &format!("\"$TANAQUD\" {command} | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"),
        );
        assert_eq!(text(&output.stdout).trim(), "2", "{command}: {}", text(&output.stderr));
    }
}

#[test]
fn row_4_a_failed_write_keeps_the_old_report() {
    let (root, corpus) = scratch("mini");
    let report = root.path().join("report.md");
    std::fs::write(&report, "the old report\n").unwrap();
    // A file-size limit of 1 KiB makes the write fail as a full disk does.
    let output = bash(
        root.path(),
        &format!(
            "trap '' XFSZ; ulimit -f 1; \"$TANAQUD\" report {} --output report.md",
            corpus.display()
        ),
    );
    no_panic(&output);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "the old report\n");
    let left: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");
}

#[test]
fn row_5_6_drafts_are_all_written_or_none_never_through_a_link() {
    let (root, corpus) = scratch("bare");
    let drafts = root.path().join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    std::fs::write(drafts.join("monthly-2024-12.json"), "mine\n").unwrap();
    let outside = root.path().join("outside.json");
    std::os::unix::fs::symlink(&outside, drafts.join("undated.json")).unwrap();
    let articles = ["evening-paper.txt", "monthly-2024-12.txt", "undated.txt"].map(|a| corpus.join(a));
    let mut args = vec![
        "extract".to_string(),
        "--output-dir".into(),
        drafts.display().to_string(),
    ];
    args.extend(articles.iter().map(|a| a.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = tanaqud_in(root.path(), &args);
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains("monthly-2024-12.json") && message.contains("undated.json"),
        "{message}"
    );
    assert!(
        !drafts.join("evening-paper.json").exists(),
        "nothing is written when one target is taken"
    );
    assert!(!outside.exists(), "nothing is written through a link");
    assert_eq!(
        std::fs::read_to_string(drafts.join("monthly-2024-12.json")).unwrap(),
        "mine\n"
    );
}

#[test]
fn row_7_the_output_is_never_an_input_nor_read_as_one() {
    let (_root, corpus) = scratch("mini");
    let article = corpus.join("daily-a.txt");
    let before = std::fs::read(&article).unwrap();
    for target in [
        article.clone(),
        corpus.join("vocabulary.json"),
        corpus.join("report.json"),
    ] {
        let output = tanaqud_in(
            &corpus,
            &["report", ".", "--format", "json", "--output", target.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(2), "{target:?}");
        assert!(text(&output.stderr).contains("tanaqud: "), "{}", text(&output.stderr));
    }
    assert_eq!(std::fs::read(&article).unwrap(), before);
    assert!(!corpus.join("report.json").exists());
}

#[test]
fn row_8_9_links_are_followed_and_skipped_files_are_named() {
    let (root, corpus) = scratch("mini");
    let elsewhere = root.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::rename(corpus.join("vocabulary.json"), elsewhere.join("vocabulary.json")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("vocabulary.json"), corpus.join("vocabulary.json")).unwrap();
    std::fs::write(elsewhere.join("linked.txt"), "مقال بلا تعليق.\n").unwrap();
    std::os::unix::fs::symlink(elsewhere.join("linked.txt"), corpus.join("linked.txt")).unwrap();
    std::fs::write(corpus.join("UPPER.TXT"), "مقال آخر.\n").unwrap();
    std::fs::write(corpus.join(".txt"), "x").unwrap();
    std::fs::write(corpus.join("notes.docx"), "x").unwrap();
    std::fs::write(corpus.join("README.md"), "the corpus's own notes\n").unwrap();
    std::os::unix::fs::symlink(corpus.join("loop-a.txt"), corpus.join("loop-b.txt")).unwrap();
    std::os::unix::fs::symlink(corpus.join("loop-b.txt"), corpus.join("loop-a.txt")).unwrap();
    let not_utf8: &std::ffi::OsStr = std::os::unix::ffi::OsStrExt::from_bytes(b"bad\xff.txt");
    std::fs::write(corpus.join(not_utf8), "x").unwrap();
    let output = tanaqud_in(&corpus, &["report", ".", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<&str> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["daily-a", "daily-b", "linked", "upper"]);
    let warnings = text(&output.stderr);
    for named in [
        "./.txt",
        "./notes.docx",
        "./loop-a.txt",
        "./loop-b.txt",
        "./bad\u{FFFD}.txt",
    ] {
        assert!(
            warnings.contains(&format!("--> {named}")),
            "{named} not named in:\n{warnings}"
        );
    }
    assert!(!warnings.contains("README.md"), "{warnings}");
    // The linked vocabulary is the corpus's own, not the bundled one: the mini corpus's claims read.
    assert!(report["summary"]["claims"].as_u64().unwrap() > 0);
}

#[test]
fn row_12_a_one_line_file_with_many_errors_does_not_repeat_itself() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("a.txt"), "نص.\n").unwrap();
    // One line of 1,000 unknown fields, ~300 KB.
    let fields: Vec<String> = (0..1_000)
        .map(|i| format!("\"field-{i}\": \"{}\"", "ب".repeat(150)))
        .collect();
    std::fs::write(root.path().join("a.json"), format!("{{{}}}", fields.join(", "))).unwrap();
    let output = tanaqud_in(root.path(), &["check", "."]);
    assert_eq!(output.status.code(), Some(2));
    let printed = output.stdout.len();
    assert!(printed < 2_000_000, "{printed} bytes for 1,000 diagnostics");
    assert_eq!(text(&output.stdout).matches("error: unknown field").count(), 1_000);
}

#[test]
fn row_16_a_lone_cr_never_reaches_a_markdown_cell() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("cr.txt"),
        "عنوان الخبر\rصحيفة\rانسحبت روسيا من سوريا.\r",
    )
    .unwrap();
    let output = tanaqud_in(root.path(), &["report", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(!text(&output.stdout).contains('\r'));
    // The header is read line by line: the outlet's line is found, and the
    // title is one line, not the whole text.
    let output = tanaqud_in(root.path(), &["report", ".", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let source = &report["sources"][0];
    assert_eq!(source["outlet"], "صحيفة", "{source}");
    assert!(!source["title"].as_str().unwrap().contains('\r'), "{source}");
}

#[test]
fn row_18_strict_json_utf8_and_the_vocabulary_say_what_is_wrong() {
    let (_root, corpus) = scratch("mini");
    let annotation = corpus.join("daily-b.json");
    let original = std::fs::read_to_string(&annotation).unwrap();
    std::fs::write(&annotation, original.replacen("Daily B", "Daily\tB", 1)).unwrap();
    std::fs::write(
        corpus.join("daily-a.json"),
        format!(
            "\u{FEFF}{}",
            std::fs::read_to_string(corpus.join("daily-a.json")).unwrap()
        ),
    )
    .unwrap();
    std::fs::write(corpus.join("broken.txt"), b"\xd8\xa7\n\xff\xfe").unwrap();
    std::fs::write(corpus.join("broken.json"), "{}").unwrap();
    let vocabulary = std::fs::read_to_string(corpus.join("vocabulary.json")).unwrap();
    std::fs::write(
        corpus.join("vocabulary.json"),
        vocabulary.replacen("\"aliases\": [", "\"aliases\": [\"\", ", 1),
    )
    .unwrap();
    let output = tanaqud_in(&corpus, &["check", "."]);
    assert_eq!(output.status.code(), Some(2));
    let printed = text(&output.stdout);
    for expected in [
        "a raw control character inside a string",
        "byte-order mark",
        "save the file as UTF-8 without BOM",
        "--> ./broken.txt:2:1",
        "an empty word in `aliases`",
    ] {
        assert!(printed.contains(expected), "{expected} not in:\n{printed}");
    }
    assert!(!printed.contains("no article"), "{printed}");
}

#[test]
fn row_18_a_closed_standard_output_is_an_error() {
    let output = bash(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "\"$TANAQUD\" report claims >&-; echo $?",
    );
    assert_eq!(text(&output.stdout).trim(), "2", "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("cannot write to standard output"));
}

#[test]
fn row_17_times_stay_within_the_yyyy_mm_dd_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let refused = tanaqud_in(root, &["time", "--anchor=-9999-01-01", "أمس"]);
    assert_eq!(refused.status.code(), Some(2));
    for (anchor, expression) in [
        ("2024-12-23", "بعد 100000 سنة"),
        ("9999-12-31", "غدا"),
        ("0001-01-01", "أمس"),
    ] {
        let output = tanaqud_in(root, &["time", "--anchor", anchor, "--format", "json", expression]);
        assert_eq!(output.status.code(), Some(0));
        let record: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(
            record["start"].is_null() && record["end"].is_null(),
            "{anchor} {expression}: {record}"
        );
    }
    let kept = tanaqud_in(root, &["time", "--anchor", "9999-12-30", "--format", "json", "غدا"]);
    let record: serde_json::Value = serde_json::from_slice(&kept.stdout).unwrap();
    assert_eq!(record["start"], "9999-12-31");
}
