//! End-to-end tests through the binary: exit codes, diagnostics and the
//! reports, kept as snapshots in the top-level `snapshots/`.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use common::{snapshot, stdout, tanaqud};

/// A scratch copy of a fixture corpus, for tests that edit annotations.
fn scratch_copy(fixture: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

#[test]
fn check_reports_every_problem_with_file_line_and_column() {
    let output = tanaqud(&["check", "tests/fixtures/broken"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    // One run lists problems from every broken file, not just the first.
    for file in ["daily-a.json:", "daily-b.json:", "daily-c.json:", "orphan.json"] {
        assert!(text.contains(file), "{file} missing from:\n{text}");
    }
    snapshot("check_broken", &text);
}

#[test]
fn check_passes_a_clean_corpus() {
    let output = tanaqud(&["check", "tests/fixtures/mini"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "ok: 2 sources, 3 claims, 5 entities, 2 predicates\n");
}

#[test]
fn report_refuses_a_broken_corpus_with_exit_2() {
    let output = tanaqud(&["report", "tests/fixtures/broken"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("run `tanaqud check"));
}

#[test]
fn bad_arguments_and_missing_directories_exit_2() {
    assert_eq!(tanaqud(&["report", "--format", "pdf"]).status.code(), Some(2));
    assert_eq!(tanaqud(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(tanaqud(&["check", "no/such/dir"]).status.code(), Some(2));
    assert_eq!(tanaqud(&["--help"]).status.code(), Some(0));
}

#[test]
fn fail_on_conflict_exits_1_only_when_asked() {
    assert_eq!(tanaqud(&["report", "tests/fixtures/mini"]).status.code(), Some(0));
    assert_eq!(
        tanaqud(&["report", "tests/fixtures/mini", "--fail-on", "conflict"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn output_file_receives_the_report() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mini-report.md");
    let output = tanaqud(&["report", "tests/fixtures/mini", "--output", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, stdout(&tanaqud(&["report", "tests/fixtures/mini"])));
}

#[test]
fn editing_an_annotation_changes_the_verdicts() {
    let dir = scratch_copy("mini", "edited-mini");
    let before = tanaqud(&["report", dir.to_str().unwrap(), "--format", "json"]);
    let annotation = dir.join("daily-b.json");
    let text = std::fs::read_to_string(&annotation).unwrap();
    // The Kremlin now confirms the withdrawal from the bases instead of denying it.
    std::fs::write(&annotation, text.replace("\"negated\"", "\"affirmed\"")).unwrap();
    let after = tanaqud(&["report", dir.to_str().unwrap(), "--format", "json"]);
    let kinds = |output: &Output| -> Vec<String> {
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    // The Kremlin's own word against the outlet's report, then the two agreeing.
    assert_eq!(kinds(&before), vec!["disputed", "not_comparable"]);
    assert_eq!(kinds(&after), vec!["agreement"]);
}

#[test]
fn mini_report_markdown() {
    let output = tanaqud(&["report", "tests/fixtures/mini"]);
    snapshot("report_mini_markdown", &stdout(&output));
}

/// Every field the README promises, with its type, on every row.
fn assert_json_contract(report: &serde_json::Value) {
    use serde_json::Value;
    let is_date = |v: &Value| {
        v.is_null()
            || v.as_str()
                .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
    };
    assert_eq!(report["schema_version"], 2);
    let sources = report["sources"].as_array().expect("sources");
    for source in sources {
        for field in ["id", "outlet", "title", "language"] {
            assert!(source[field].is_string(), "source.{field} in {source}");
        }
        let published = &source["published"];
        assert!(
            published.is_null()
                || (published["date"].is_string()
                    && published["precision"].is_string()
                    && ["annotation", "header", "file_name"].contains(&published["basis"].as_str().unwrap())),
            "source.published in {source}"
        );
        assert!(source["annotated"].is_boolean());
        assert_eq!(source["detected"].is_object(), source["annotated"] == false, "{source}");
    }
    let source_ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let claims = report["claims"].as_array().expect("claims");
    for claim in claims {
        for field in [
            "id",
            "source",
            "subject",
            "predicate",
            "object",
            "modality",
            "attribution",
            "quote",
        ] {
            assert!(claim[field].is_string(), "claim.{field} in {claim}");
        }
        assert!(source_ids.contains(&claim["source"].as_str().unwrap()));
        assert!(["affirmed", "negated"].contains(&claim["polarity"].as_str().unwrap()));
        assert!(["annotated", "extracted"].contains(&claim["origin"].as_str().unwrap()));
        let modalities = ["asserted", "reported", "hedged", "expected", "undecided", "question"];
        assert!(modalities.contains(&claim["modality"].as_str().unwrap()));
        let time = &claim["time"];
        assert!(
            time.is_null() || (is_date(&time["start"]) && is_date(&time["end"]) && time["granularity"].is_string())
        );
    }
    let claim_ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let propositions = report["propositions"].as_array().expect("propositions");
    let proposition_ids: Vec<&str> = propositions.iter().map(|p| p["id"].as_str().unwrap()).collect();
    for proposition in propositions {
        for field in ["id", "subject", "family", "object", "statement"] {
            assert!(proposition[field].is_string(), "proposition.{field} in {proposition}");
        }
        for position in proposition["positions"].as_array().unwrap() {
            assert!(source_ids.contains(&position["source"].as_str().unwrap()));
            let stances = ["affirmed", "negated", "undecided", "hedged", "expected", "question"];
            assert!(stances.contains(&position["stance"].as_str().unwrap()), "{position}");
            assert!(
                position["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|c| claim_ids.contains(&c.as_str().unwrap()))
            );
        }
    }
    let kinds = [
        "disputed",
        "conflict",
        "tension",
        "agreement",
        "update",
        "not_comparable",
    ];
    for verdict in report["verdicts"].as_array().expect("verdicts") {
        assert!(kinds.contains(&verdict["kind"].as_str().unwrap()), "{verdict}");
        assert!(verdict["rule"].is_string() && verdict["explanation"].is_string());
        assert!(verdict["origins"].as_u64().unwrap() >= 1 && verdict["confidence"].is_f64());
        let about = verdict["propositions"].as_array().unwrap();
        assert!(
            about.iter().all(|p| proposition_ids.contains(&p.as_str().unwrap())),
            "{verdict}"
        );
        let evidence = verdict["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty() && evidence.len() <= 5);
        for pair in evidence {
            let pair = pair.as_array().unwrap();
            assert_eq!(pair.len(), 2);
            assert!(
                pair.iter().all(|id| claim_ids.contains(&id.as_str().unwrap())),
                "{verdict}"
            );
        }
    }
}

#[test]
fn json_report_follows_the_contract() {
    for dir in ["tests/fixtures/mini", "tests/fixtures/bare", "claims"] {
        let output = tanaqud(&["report", dir, "--format", "json"]);
        assert_eq!(output.status.code(), Some(0), "{dir}");
        assert_json_contract(&serde_json::from_slice(&output.stdout).unwrap());
    }
}

#[test]
fn time_prints_one_line_per_input_line() {
    let output = tanaqud(&[
        "time",
        "--anchor",
        "2026-02-05",
        "في 28 يناير",
        "لا تاريخ هنا",
        "ديسمبر2024",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-01-28\tday\tabsolute-day-month\t«28 يناير»",
            "-\t-\t-\t-",
            "2024-12\tmonth\tabsolute-month-year\t«ديسمبر2024»"
        ]
    );
    let json = tanaqud(&[
        "time",
        "--anchor",
        "2024-12-23T20:01",
        "--format",
        "json",
        "قبل ساعتين",
        "الخميس المقبل",
        "كلام",
    ]);
    let records: Vec<serde_json::Value> = stdout(&json)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["start"], "2024-12-23T18:01");
    assert_eq!(
        (records[1]["start"].as_str(), records[1]["granularity"].as_str()),
        (Some("2024-12-26"), Some("day"))
    );
    assert!(records[2]["start"].is_null() && records[2]["text"] == "كلام");
    assert_eq!(
        tanaqud(&["time", "--anchor", "yesterday", "أمس"]).status.code(),
        Some(2)
    );
}

#[test]
fn articles_without_annotation_are_sources_with_detected_metadata() {
    let output = tanaqud(&["check", "tests/fixtures/bare"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "ok: 4 sources, 2 claims, 5 entities, 2 predicates\n");
    let output = tanaqud(&["report", "tests/fixtures/bare", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let source = |id: &str| {
        report["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no source {id}"))
            .clone()
    };
    let evening = source("evening-paper");
    assert_eq!(
        (&evening["outlet"], &evening["detected"]["outlet"]),
        (&"جريدة المساء".into(), &"header".into())
    );
    assert_eq!(evening["published"]["date"], "2024-12-14");
    assert_eq!(evening["published"]["line"], "السبت 14 ديسمبر 2024 - 10:30");
    let monthly = source("monthly-2024-12");
    assert_eq!(
        (&monthly["published"]["date"], &monthly["published"]["basis"]),
        (&"2024-12".into(), &"file_name".into())
    );
    // A file name that is not an id gives one, and is kept.
    let note = source("field-note");
    assert!(note["published"].is_null());
    assert_eq!(note["original_file"], "Field Note.txt");
    // An annotation may say that no date is known: its claims without time then have none.
    assert!(source("undated")["published"].is_null());
    let withdrawal = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "undated:withdrawal")
        .unwrap();
    assert!(withdrawal["time"].is_null());
    snapshot(
        "report_bare_markdown",
        &stdout(&tanaqud(&["report", "tests/fixtures/bare"])),
    );
}

#[test]
fn html_report_is_one_self_contained_file() {
    let output = tanaqud(&["report", "tests/fixtures/mini", "--format", "html"]);
    assert_eq!(output.status.code(), Some(0));
    let html = stdout(&output);
    assert!(html.starts_with("<!doctype html>") && html.ends_with("</html>\n"));
    for outside in ["<script", "src=", "http://", "https://", "<link"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<svg") && html.contains("<bdi dir=\"rtl\""));
    snapshot("report_mini_html", &html);
}

#[test]
fn jsonl_export_is_one_claim_a_line_with_its_block() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&tanaqud(&["report", "claims", "--format", "json"]))).unwrap();
    let lines = stdout(&tanaqud(&["report", "claims", "--format", "jsonl"]));
    let rows: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), json["claims"].as_array().unwrap().len());
    for row in &rows {
        let block = format!(
            "{}/{}",
            row["subject"].as_str().unwrap(),
            row["family"].as_str().unwrap()
        );
        assert_eq!(row["block"], block.as_str());
        assert!(row["proposition"].as_str().unwrap().starts_with(&block), "{row}");
    }
}

#[test]
fn a_dismissed_verdict_is_reported_apart_and_fails_nothing() {
    let dir = scratch_copy("mini", "triaged-mini");
    let corpus = dir.to_str().unwrap();
    assert_eq!(
        tanaqud(&["report", corpus, "--fail-on", "conflict"]).status.code(),
        Some(1)
    );
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&tanaqud(&["report", corpus, "--format", "json"]))).unwrap();
    let disputed = report["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["kind"] == "disputed")
        .unwrap();
    let id = disputed["id"].as_str().unwrap();
    // A mistyped id is refused with the nearest one.
    let typo = tanaqud(&["triage", "dismiss", &format!("{id}0"), corpus, "--reason", "x"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains(&format!("did you mean `{id}`")));
    let dismissed = tanaqud(&[
        "triage",
        "dismiss",
        id,
        corpus,
        "--reason",
        "the Kremlin speaks of its bases only",
    ]);
    assert_eq!(
        dismissed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&dismissed.stderr)
    );
    assert_eq!(
        tanaqud(&["report", corpus, "--fail-on", "conflict"]).status.code(),
        Some(0)
    );
    let markdown = stdout(&tanaqud(&["report", corpus]));
    assert!(
        markdown.contains("## In dispute (0)") && markdown.contains("### Triaged (1)"),
        "{markdown}"
    );
    // The evidence changes (a shorter quote): the verdict comes back untriaged,
    // and the old id is named stale with the new one as the nearest.
    let annotation = dir.join("daily-b.json");
    let text = std::fs::read_to_string(&annotation).unwrap();
    let shorter = text.replacen(
        "\"روسيا لم تنسحب من قواعدها في سوريا\"",
        "\"لم تنسحب من قواعدها في سوريا\"",
        1,
    );
    assert_ne!(shorter, text);
    std::fs::write(&annotation, shorter).unwrap();
    let output = tanaqud(&["report", corpus, "--fail-on", "conflict"]);
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(
        warnings.contains(&format!("no verdict has the triaged id `{id}`")),
        "{warnings}"
    );
    assert_eq!(output.status.code(), Some(1), "{warnings}");
    // Triaged again under its new id, the stale entry goes.
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&tanaqud(&["report", corpus, "--format", "json"]))).unwrap();
    let verdicts = report["verdicts"].as_array().unwrap();
    let new_id = verdicts.iter().find(|v| v["kind"] == "disputed").unwrap()["id"]
        .as_str()
        .unwrap();
    assert_ne!(new_id, id);
    let again = tanaqud(&["triage", "dismiss", new_id, corpus, "--reason", "still its bases"]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let file = std::fs::read_to_string(dir.join("tanaqud.triage.json")).unwrap();
    assert!(
        file.contains(new_id) && !file.contains(id) && file.contains("\"about\": \"disputed "),
        "{file}"
    );
    let quiet = tanaqud(&["report", corpus, "--fail-on", "conflict"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{}", String::from_utf8_lossy(&quiet.stderr));
    // A hand-written id that no verdict has, about nothing known, is an error, with the nearest id.
    let typo = format!("{}x", &new_id[..new_id.len() - 1]);
    let hand_written = format!(r#"{{"triage": [{{"id": "{typo}", "decision": "dismissed", "reason": "x"}}]}}"#);
    std::fs::write(dir.join("tanaqud.triage.json"), hand_written).unwrap();
    let refused = tanaqud(&["report", corpus]);
    let errors = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{errors}");
    assert!(
        errors.contains(&format!("no verdict has the triaged id `{typo}`"))
            && errors.contains(&format!("did you mean `{new_id}`?")),
        "{errors}"
    );
}

#[test]
fn compare_prints_the_outcome_of_two_texts_and_its_reason() {
    let output = tanaqud(&[
        "compare",
        "ارتفاع أسعار النفط في الأسواق",
        "انخفاض أسعار النفط في الأسواق",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "conflict\talignment/opposites\t«ارتفاع» against «انخفاض»: opposites\n"
    );
    let json = tanaqud(&[
        "compare",
        "السلطات تغلق المعبر",
        "السلطات تغلق المعبر",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["stance"], "agree");
    assert_eq!(tanaqud(&["compare", "نص واحد"]).status.code(), Some(2));
}

#[test]
fn compare_scores_a_batch_with_gold_stances_and_refuses_a_bad_row() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare_batch");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("pairs.csv");
    std::fs::write(
        &good,
        "s1,s2,stance\n\"ارتفاع أسعار النفط في الأسواق\",\"انخفاض أسعار النفط في الأسواق\",disagree\n\
         فورد تستدعي مليوني سيارة بسبب عيوب خطيرة,بسبب عيوب خطيرة: فورد تستدعي مليوني سيارة,agree\n\
         ارتفاع أسعار الذهب في الأسواق العالمية,فوز المنتخب المغربي على نظيره التونسي,other\n",
    )
    .unwrap();
    let output = tanaqud(&["compare", "--tsv", good.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("2\tconflict\tconflict\talignment/opposites\t"),
        "{text}"
    );
    assert!(text.contains("\n3\tagree\tagree\t"), "{text}");
    assert!(text.contains("\n4\tunrelated\tunrelated\t"), "{text}");
    assert!(text.contains("macro-F1\t1.000"), "{text}");
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "أ\tب\tagree\nج\tد\tagre\n").unwrap();
    let output = tanaqud(&["compare", "--tsv", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("bad.tsv:2:5") && errors.contains("did you mean `agree`?"),
        "{errors}"
    );
}
