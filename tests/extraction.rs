//! Automatic extraction end to end: bare articles as a corpus, `tanaqud
//! extract`, `report --extracted-only` on the seeds, and the extraction score.

mod common;

use std::path::PathBuf;

use common::{snapshot, stdout, tanaqud};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let output = tanaqud(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// A fresh directory under the target dir (no clock, no randomness: named by the test).
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn claim<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

#[test]
fn extracted_only_finds_the_card_conflict() {
    let report = json(&["report", "claims", "--extracted-only", "--format", "json"]);
    assert!(
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["origin"] == "extracted")
    );
    let says = |c: &Value, fields: &[(&str, &str)]| fields.iter().all(|(k, v)| c[*k] == *v);
    let card = report["verdicts"].as_array().unwrap().iter().find(|v| {
        let [a, b] = [0, 1].map(|i| claim(&report, v["evidence"][0][i].as_str().unwrap()));
        ["conflict", "disputed"].contains(&v["kind"].as_str().unwrap())
            && says(
                a,
                &[
                    ("source", "qasioun-2024-12-23"),
                    ("predicate", "withdraw"),
                    ("object", "syria"),
                ],
            )
            && says(a, &[("polarity", "affirmed")])
            && says(b, &[("source", "times-of-egypt-2024-12"), ("predicate", "withdraw")])
            && says(
                b,
                &[
                    ("object", "russian-bases-syria"),
                    ("polarity", "negated"),
                    ("attribution", "kremlin"),
                ],
            )
    });
    assert!(
        card.is_some(),
        "the withdrawal vs the Kremlin's 'not withdrawn from its bases'"
    );
}

#[test]
fn extracted_only_reproduces_most_annotated_agreements() {
    let annotated = json(&["report", "claims", "--annotated-only", "--format", "json"]);
    let extracted = json(&["report", "claims", "--extracted-only", "--format", "json"]);
    // A predicate's family and direction, from the bundled vocabulary: keeping
    // and moving forces in both say the presence is there (`تمركز` in a base is
    // keep-presence for extraction, deploy-to in the seed annotation).
    let vocabulary: Value = serde_json::from_str(&std::fs::read_to_string("data/vocabulary.json").unwrap()).unwrap();
    let stance = |claim: &Value| {
        let predicate = vocabulary["predicates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == claim["predicate"])
            .unwrap();
        (
            predicate["family"].clone(),
            predicate["direction"].clone(),
            claim["polarity"].clone(),
        )
    };
    // An extracted claim stands for an annotated one when it overlaps its quote and says the same.
    let same = |a: &Value, x: &Value| {
        a["source"] == x["source"]
            && a["span"]["start"].as_u64() < x["span"]["end"].as_u64()
            && x["span"]["start"].as_u64() < a["span"]["end"].as_u64()
            && stance(a) == stance(x)
    };
    let agreements = |report: &Value| -> Vec<[Value; 2]> {
        report["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["kind"] == "agreement")
            .flat_map(|v| v["evidence"].as_array().unwrap().clone())
            .map(|pair| [0, 1].map(|i| claim(report, pair[i].as_str().unwrap()).clone()))
            .collect()
    };
    let wanted = agreements(&annotated);
    let found = agreements(&extracted);
    let reproduced = wanted
        .iter()
        .filter(|[a, b]| {
            found
                .iter()
                .any(|[x, y]| (same(a, x) && same(b, y)) || (same(a, y) && same(b, x)))
        })
        .count();
    // Measured: 6 of 10 evidence pairs (one pair per pair of sources, and one
    // verdict per whole and pair of sources across scopes; an unnamed voice
    // beside its outlet, or an outlet restating its speaker, is no second
    // origin). Most, as the issue asks; a drop is a regression.
    assert!(reproduced * 2 > wanted.len(), "{reproduced} of {}", wanted.len());
    assert!(reproduced >= 6, "{reproduced} of {}", wanted.len());
}

#[test]
fn a_directory_of_bare_articles_gets_a_report_with_findings() {
    let dir = scratch("bare-articles");
    for entry in std::fs::read_dir("tests/fixtures/unseen").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let report = json(&["report", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(report["summary"]["sources"], 4);
    assert!(
        report["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["annotated"] == false)
    );
    let findings = &report["summary"];
    let total = ["disputed", "conflicts", "tensions", "agreements"].map(|k| findings[k].as_u64().unwrap());
    assert!(total.iter().sum::<u64>() > 0, "{findings}");
    // The article without a date in its text takes it from its file name.
    let nabd = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "nabd-alsharq-2024-12-18");
    assert_eq!(nabd.unwrap()["published"]["basis"], "file_name");
}

#[test]
fn extract_prints_claims_in_the_annotation_format() {
    let path = "claims/times-of-egypt-2024-12.txt";
    let article = std::fs::read_to_string(path).unwrap();
    let document = json(&["extract", path]);
    assert_eq!(document["source"]["outlet"], "Times of Egypt");
    let claims = document["claims"].as_array().unwrap();
    assert!(claims.len() >= 10, "{}", claims.len());
    for claim in claims {
        assert_eq!(claim["origin"], "extracted");
        assert!(claim["rule"].as_str().unwrap().contains('+'));
        let confidence = claim["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        let (start, end) = (
            claim["evidence"]["start"].as_u64().unwrap(),
            claim["evidence"]["end"].as_u64().unwrap(),
        );
        assert_eq!(claim["quote"].as_str().unwrap(), &article[start as usize..end as usize]);
    }
}

/// Rule changes show in review as claims that appear or vanish.
#[test]
fn extraction_of_one_seed_article() {
    let output = tanaqud(&["extract", "claims/qasioun-2024-12-23.txt"]);
    assert_eq!(output.status.code(), Some(0));
    snapshot("extract_qasioun", &stdout(&output));
}

#[test]
fn extraction_in_parallel_prints_what_one_thread_prints() {
    let mut args = vec!["extract"];
    let files: Vec<String> = [
        "alkhaleej-2017-12-13",
        "lwj-arabic-2026-01",
        "qasioun-2024-12-23",
        "skynews-arabia-2024-12-23",
        "times-of-egypt-2024-12",
    ]
    .iter()
    .map(|id| format!("claims/{id}.txt"))
    .collect();
    args.extend(files.iter().map(String::as_str));
    let one = tanaqud(&[args.as_slice(), &["--jobs", "1"]].concat());
    let many = tanaqud(&[args.as_slice(), &["--jobs", "4"]].concat());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(stdout(&one), stdout(&many));
    let documents: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(documents.as_array().unwrap().len(), 5);
}

#[test]
fn saved_extraction_reads_back_as_an_annotation() {
    let dir = scratch("saved-extraction");
    std::fs::copy("claims/qasioun-2024-12-23.txt", dir.join("qasioun.txt")).unwrap();
    let article = dir.join("qasioun.txt");
    let written = tanaqud(&[
        "extract",
        article.to_str().unwrap(),
        "--output-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        written.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let check = tanaqud(&["check", dir.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // Never overwritten.
    let again = tanaqud(&[
        "extract",
        article.to_str().unwrap(),
        "--output-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn extract_refuses_a_missing_file_with_exit_2() {
    let output = tanaqud(&["extract", "claims/no-such-article.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-article.txt"));
}

/// The targets on the seeds are precision ≥ 0.8 and recall ≥ 0.7.
/// The floors are today's figures (seeds 0.81 / 0.72, unseen 0.69 / 0.46;
/// 0.67 before `لا تزال` was read as still, not as a negation),
/// so a change that loses ground fails here.
/// FIXME: recall on the unseen set (0.46) is well below the seeds'. And the
/// general news vocabulary (`data/news.json`) with the gazetteer took
/// precision from 0.83 to 0.81 on the seeds and from 0.77 to 0.67 on the
/// unseen set, recall unchanged: their claims are of families (ceasefire,
/// allow, talks) and places (the Homs, Hama and Aleppo countryside) that
/// the annotations, written for the story's own predicates and places,
/// never judge; some are right (a withdrawal from those places), some wrong
/// (a deployment read in «نقاط انتشارها», a subject from an earlier clause).
#[test]
fn extraction_score_on_the_seeds_and_the_unseen_set() {
    let overall = |dir: &str| {
        let score = json(&["score", dir, "--format", "json"]);
        let o = &score["overall"];
        (o["precision"].as_f64().unwrap(), o["recall"].as_f64().unwrap())
    };
    let (precision, recall) = overall("claims");
    assert!(
        precision >= 0.80 && recall >= 0.71,
        "seeds: P {precision:.2} R {recall:.2}"
    );
    let (precision, recall) = overall("tests/fixtures/unseen");
    assert!(
        precision >= 0.68 && recall >= 0.45,
        "unseen: P {precision:.2} R {recall:.2}"
    );
}

#[test]
fn score_prints_a_row_per_annotated_source() {
    let output = tanaqud(&["score", "claims"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 7, "{text}");
    assert!(text.lines().last().unwrap().starts_with("overall"));
}

/// The claims `extract` drafts from `text` written to `article` under a
/// title, each as `predicate object`.
fn predicates_and_objects(article: &std::path::Path, text: &str) -> Vec<String> {
    std::fs::write(article, format!("خبر\n{text}\n")).unwrap();
    let drafts = json(&["extract", article.to_str().unwrap()]);
    drafts["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["predicate"].as_str().unwrap(), c["object"].as_str().unwrap()))
        .collect()
}

#[test]
fn evacuating_diplomats_and_movements_at_a_base_move_no_forces() {
    let dir = scratch("evacuated-diplomats");
    let article = dir.join("daily-2024-12-15.txt");
    let predicates = |text: &str| predicates_and_objects(&article, text);
    assert_eq!(
        predicates("وأجلت روسيا جزءا من طاقمها الدبلوماسي في دمشق."),
        Vec::<String>::new()
    );
    assert_eq!(predicates("وأجلت روسيا رعاياها من اللاذقية."), Vec::<String>::new());
    assert_eq!(
        predicates("وأجلت روسيا قواتها من اللاذقية."),
        vec!["withdraw syrian-coast".to_string()]
    );
    // Movements at a base are activity there, no move of forces to it.
    assert_eq!(
        predicates("وتتواصل التحركات الروسية في قاعدة حميميم."),
        Vec::<String>::new()
    );
    assert_eq!(
        predicates("وتحركت القوات الروسية نحو قاعدة حميميم."),
        vec!["deploy-to hmeimim".to_string()]
    );
    assert_eq!(
        predicates("وتتواصل تحركات القوات الروسية نحو حميميم."),
        vec!["deploy-to hmeimim".to_string()]
    );
}

#[test]
fn where_a_move_starts_is_no_scope_of_it() {
    let dir = scratch("move-origins");
    let article = dir.join("daily-2026-01-22.txt");
    let objects = |text: &str| predicates_and_objects(&article, text);
    // Reinforcements flown from Hmeimim strengthen no presence at Hmeimim;
    // ships moving from Tartus are not sent to it.
    let from_hmeimim = objects("ونقلت طائرات روسية تعزيزات عسكرية من قاعدة حميميم إلى مطار القامشلي.");
    assert!(
        from_hmeimim.iter().all(|c| !c.ends_with(" hmeimim")),
        "{from_hmeimim:?}"
    );
    let from_tartus = objects("وتظهر الصور التحرك المستمر للسفن الروسية من طرطوس.");
    assert!(from_tartus.iter().all(|c| !c.ends_with(" tartus")), "{from_tartus:?}");
    // Leaving takes من for its object still.
    assert_eq!(
        objects("وانسحبت القوات الروسية من طرطوس."),
        vec!["withdraw tartus".to_string()]
    );
}
