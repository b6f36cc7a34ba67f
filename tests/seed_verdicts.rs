//! The verdicts the bundled corpus must show, asserted one by one, and its
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

fn json_report() -> Value {
    serde_json::from_str(&report("json")).unwrap()
}

const QASIOUN: &str = "qasioun-2024-12-23";
const SKY: &str = "skynews-arabia-2024-12-23";
const KHALEEJ: &str = "alkhaleej-2017-12-13";
const LWJ: &str = "lwj-arabic-2026-01";
const TIMES: &str = "times-of-egypt-2024-12";

fn id(source: &str, claim: &str) -> String {
    format!("{source}:{claim}")
}

/// The verdicts whose evidence pairs these two claims, in either order, as (kind, rule).
fn verdicts_on(report: &Value, a: &str, b: &str) -> Vec<(String, String)> {
    report["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| {
            v["evidence"].as_array().unwrap().iter().any(|pair| {
                let pair: Vec<&str> = pair.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
                pair == [a, b] || pair == [b, a]
            })
        })
        .map(|v| {
            (
                v["kind"].as_str().unwrap().to_string(),
                v["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn assert_verdict(report: &Value, a: &str, b: &str, kind: &str, rule: &str) {
    let found = verdicts_on(report, a, b);
    assert!(
        found.contains(&(kind.to_string(), rule.to_string())),
        "{a} ↔ {b}: {found:?}"
    );
}

#[test]
fn the_kremlins_no_withdrawal_from_bases_disputes_the_withdrawal_first() {
    let report = json_report();
    let first = &report["verdicts"][0];
    assert_eq!(first["kind"], "disputed", "{first}");
    assert_eq!(first["type"], "scope");
    let pair = &first["evidence"][0];
    assert_eq!(pair[0], id(QASIOUN, "withdrawal-from-syria"));
    assert_eq!(pair[1], id(TIMES, "kremlin-bases-not-withdrawn"));
    let markdown = report_markdown_first_row();
    assert!(markdown.contains("disputed (scope)"), "{markdown}");
}

fn report_markdown_first_row() -> String {
    let markdown = report("markdown");
    markdown
        .lines()
        .find(|l| l.starts_with("| 1 |"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn qasioun_contradicts_itself_in_its_own_voice() {
    let report = json_report();
    assert_verdict(
        &report,
        &id(QASIOUN, "presence-reinforced"),
        &id(QASIOUN, "withdrawal-from-syria"),
        "conflict",
        "opposite-stance",
    );
}

#[test]
fn putin_still_deciding_is_in_tension_with_the_bases_kept() {
    let report = json_report();
    for kept in [id(QASIOUN, "main-bases-kept"), id(TIMES, "kremlin-bases-not-withdrawn")] {
        assert_verdict(
            &report,
            &kept,
            &id(SKY, "bases-undecided"),
            "tension",
            "undecided-vs-asserted",
        );
    }
}

#[test]
fn outlets_agree_from_independent_origins() {
    let report = json_report();
    let agree = |a: String, b: String| assert_verdict(&report, &a, &b, "agreement", "same-stance");
    // Bases kept.
    agree(id(QASIOUN, "main-bases-kept"), id(TIMES, "kremlin-bases-not-withdrawn"));
    // Asylum for Assad, told in 2024 and again in 2026.
    agree(id(LWJ, "assad-asylum"), id(SKY, "assad-asylum"));
    // Ongoing contact with the new authorities: the Long War Journal and Sky
    // News Arabia's headline, which retells Ushakov; so the headline and the
    // Kremlin's own word in Times of Egypt are one origin, Russia's.
    agree(id(LWJ, "diplomatic-engagement"), id(SKY, "headline-contact"));
    let one_origin = verdicts_on(
        &report,
        &id(SKY, "headline-contact"),
        &id(TIMES, "kremlin-ongoing-talks"),
    );
    assert!(one_origin.is_empty(), "{one_origin:?}");
    assert_eq!(report["summary"]["origins"], 5);
}

/// The day range of a claim's time, or None.
fn days(report: &Value, claim: &str) -> Option<(String, String)> {
    let claim = report["claims"].as_array().unwrap().iter().find(|c| c["id"] == claim)?;
    let time = &claim["time"];
    Some((time["start"].as_str()?.to_string(), time["end"].as_str()?.to_string()))
}

#[test]
fn no_conflict_or_dispute_between_different_periods() {
    let report = json_report();
    // 2017: withdrawal while keeping the bases; 2024: bases kept.
    assert_verdict(
        &report,
        &id(KHALEEJ, "avoids-large-forces"),
        &id(QASIOUN, "main-bases-kept"),
        "not_comparable",
        "different-periods",
    );
    // Khaleej's own withdrawal is partial: it keeps Hmeimim and Tartus.
    assert_verdict(
        &report,
        &id(KHALEEJ, "avoids-large-forces"),
        &id(KHALEEJ, "tartus-kept"),
        "not_comparable",
        "partial-extent",
    );
    for verdict in report["verdicts"].as_array().unwrap() {
        if !["conflict", "disputed"].contains(&verdict["kind"].as_str().unwrap()) {
            continue;
        }
        for pair in verdict["evidence"].as_array().unwrap() {
            let [a, b] = [0, 1].map(|i| pair[i].as_str().unwrap());
            assert!(
                !a.starts_with(KHALEEJ) && !b.starts_with(KHALEEJ),
                "a 2017 claim in {verdict}"
            );
            let (Some((a_start, a_end)), Some((b_start, b_end))) = (days(&report, a), days(&report, b)) else {
                panic!("a conflict needs both times: {verdict}");
            };
            assert!(a_start <= b_end && b_start <= a_end, "different periods in {verdict}");
        }
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
