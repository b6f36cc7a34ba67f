//! The findings the bundled corpus must show, asserted one by one, and its
//! reports kept as snapshots so that an edited annotation shows as a diff.

use serde_json::Value;

mod common;

use common::{snapshot, stdout, tanaqud};

fn report(format: &str) -> String {
    let output = tanaqud(&["report", "claims", "--format", format]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(&output)
}

fn findings() -> Vec<Value> {
    let report: Value = serde_json::from_str(&report("json")).unwrap();
    report["findings"].as_array().unwrap().clone()
}

/// The kind and rule of the finding about this pair, in either order.
fn verdict(findings: &[Value], a: &str, b: &str) -> Option<(String, String)> {
    findings
        .iter()
        .find(|f| {
            let pair: Vec<&str> = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            pair == [a, b] || pair == [b, a]
        })
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
}

fn assert_verdict(findings: &[Value], a: &str, b: &str, kind: &str, rule: &str) {
    assert_eq!(
        verdict(findings, a, b),
        Some((kind.to_string(), rule.to_string())),
        "{a} ↔ {b}"
    );
}

const QASIOUN: &str = "qasioun-2024-12-23";
const SKY: &str = "skynews-arabia-2024-12-23";
const KHALEEJ: &str = "alkhaleej-2017-12-13";
const LWJ: &str = "lwj-arabic-2026-01";
const TIMES: &str = "times-of-egypt-2024-12";

fn id(source: &str, claim: &str) -> String {
    format!("{source}:{claim}")
}

#[test]
fn the_withdrawal_conflicts_with_the_kremlins_no_withdrawal_from_bases() {
    let f = findings();
    let withdrawal = id(QASIOUN, "withdrawal-from-syria");
    assert_verdict(
        &f,
        &withdrawal,
        &id(TIMES, "kremlin-bases-not-withdrawn"),
        "conflict",
        "whole-vs-part",
    );
}

#[test]
fn qasioun_contradicts_itself() {
    let f = findings();
    let withdrawal = id(QASIOUN, "withdrawal-from-syria");
    assert_verdict(
        &f,
        &withdrawal,
        &id(QASIOUN, "presence-reinforced"),
        "conflict",
        "opposite-stance",
    );
    assert_verdict(
        &f,
        &withdrawal,
        &id(QASIOUN, "main-bases-kept"),
        "conflict",
        "whole-vs-part",
    );
}

#[test]
fn putin_still_deciding_is_in_tension_with_the_bases_kept() {
    let f = findings();
    let undecided = id(SKY, "bases-undecided");
    for kept in [
        id(QASIOUN, "main-bases-kept"),
        id(TIMES, "main-bases-kept"),
        id(TIMES, "kremlin-bases-not-withdrawn"),
    ] {
        assert_verdict(&f, &undecided, &kept, "tension", "undecided-vs-asserted");
    }
}

#[test]
fn outlets_agree_across_sources() {
    let f = findings();
    let agree = |a: String, b: String| assert_verdict(&f, &a, &b, "agreement", "same-stance");
    // Bases kept.
    agree(id(QASIOUN, "main-bases-kept"), id(TIMES, "main-bases-kept"));
    agree(id(QASIOUN, "main-bases-kept"), id(TIMES, "kremlin-bases-not-withdrawn"));
    // Partial pull-back from forward positions.
    agree(
        id(QASIOUN, "eastern-units-withdrawn"),
        id(TIMES, "forward-lines-gradual-reports"),
    );
    agree(
        id(QASIOUN, "eastern-units-withdrawn"),
        id(TIMES, "north-positions-withdrawal"),
    );
    // Asylum for Assad, told in 2024 and again in 2026.
    agree(id(SKY, "assad-asylum"), id(LWJ, "assad-asylum"));
    agree(id(SKY, "assad-asylum"), id(LWJ, "handover-refused"));
    // Forces heading to Libya.
    agree(
        id(QASIOUN, "libya-reinforcement-prepared"),
        id(TIMES, "forces-to-libya"),
    );
    // Ongoing contact with the new authorities.
    agree(id(SKY, "ushakov-contact"), id(TIMES, "kremlin-ongoing-talks"));
    agree(id(SKY, "ushakov-contact"), id(LWJ, "diplomatic-engagement"));
}

#[test]
fn different_periods_and_disjoint_scopes_never_conflict() {
    let f = findings();
    // 2017: withdrawal while keeping the bases; 2024: bases kept; 2026: Qamishli.
    let periods = [
        (id(KHALEEJ, "withdrawal-announced"), id(QASIOUN, "presence-reinforced")),
        (id(KHALEEJ, "hmeimim-kept"), id(QASIOUN, "withdrawal-from-syria")),
        (id(LWJ, "qamishli-withdrawal"), id(QASIOUN, "presence-reinforced")),
    ];
    for (a, b) in &periods {
        assert_verdict(&f, a, b, "not_flagged", "different-periods");
    }
    assert_verdict(
        &f,
        &id(QASIOUN, "eastern-units-withdrawn"),
        &id(TIMES, "kremlin-bases-not-withdrawn"),
        "not_flagged",
        "disjoint-scopes",
    );
    // Khaleej's own withdrawal is partial: it keeps Hmeimim and Tartus.
    assert_verdict(
        &f,
        &id(KHALEEJ, "withdrawal-announced"),
        &id(KHALEEJ, "hmeimim-kept"),
        "not_flagged",
        "partial-extent",
    );
    let claims_of = |finding: &Value, source: &str| {
        finding["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().starts_with(source))
    };
    for finding in f.iter().filter(|f| f["kind"] == "conflict") {
        let period_2017 = claims_of(finding, KHALEEJ);
        let period_2026 = claims_of(finding, LWJ);
        assert!(!period_2017, "a 2017 claim in a conflict: {finding}");
        // LWJ claims about 2024 may meet 2024 claims; none of its January 2026 events may.
        assert!(
            !period_2026 || !finding["explanation"].as_str().unwrap().contains("Qamishli"),
            "{finding}"
        );
    }
}

#[test]
fn seed_report_markdown() {
    snapshot("report_claims_markdown", &report("markdown"));
}

#[test]
fn seed_report_json() {
    snapshot("report_claims_json", &report("json"));
}

#[test]
fn claim_times_come_from_arabic_expressions_and_their_sentence() {
    let report: Value = serde_json::from_str(&report("json")).unwrap();
    let time_of = |id: &str| {
        let claim = report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap();
        claim["time"].clone()
    };
    // "هذا الشهر" in the annotation, in an article of 23 December 2024.
    let asylum = time_of("skynews-arabia-2024-12-23:assad-asylum");
    assert_eq!(
        (asylum["start"].as_str(), asylum["end"].as_str()),
        (Some("2024-12-01"), Some("2024-12-31"))
    );
    assert_eq!(asylum["basis"], "expression");
    // No time in the annotation: "في الخامس عشر من أكتوبر" in the quote's sentence, published January 2026.
    let meeting = time_of("lwj-arabic-2026-01:met-putin-october");
    assert_eq!(
        (meeting["start"].as_str(), meeting["granularity"].as_str()),
        (Some("2025-10-15"), Some("day"))
    );
    assert_eq!(
        (meeting["basis"].as_str(), meeting["evidence"].as_str()),
        (Some("sentence"), Some("الخامس عشر من أكتوبر"))
    );
}
