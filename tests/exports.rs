//! The linked-data exports of the seed corpus: every Web Annotation selector
//! re-anchored in its article (quote with its prefix and suffix, position in
//! code points), ClaimReview drafts with the fields their readers require and
//! no rating, stable ids, and the candidates list against the JSON Lines.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn tanaqud(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tanaqud"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn export(format: &str) -> String {
    let output = tanaqud(&["report", "claims", "--format", format]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    // Deterministic, and no path of this machine in it.
    assert_eq!(
        text,
        String::from_utf8(tanaqud(&["report", "claims", "--format", format]).stdout).unwrap()
    );
    assert!(!text.contains(env!("CARGO_MANIFEST_DIR")), "{format} names a path");
    text
}

fn json_report() -> Value {
    serde_json::from_str(&export("json")).unwrap()
}

/// Finds `target`'s selectors in its article and returns the quote.
fn reanchor(target: &Value) -> String {
    let source = &target["source"];
    assert_eq!(target["type"], "SpecificResource");
    assert_eq!(
        (&source["language"], &source["textDirection"]),
        (&"ar".into(), &"rtl".into())
    );
    let file = source["id"].as_str().unwrap();
    assert!(!file.contains('/'), "a file of the corpus, not a path: {file}");
    let article = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("claims").join(file)).unwrap();
    let selectors = target["selector"].as_array().unwrap();
    let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
    let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
    let (exact, prefix, suffix) = (
        quote["exact"].as_str().unwrap(),
        quote["prefix"].as_str().unwrap(),
        quote["suffix"].as_str().unwrap(),
    );
    assert!(!exact.is_empty());
    let whole = format!("{prefix}{exact}{suffix}");
    assert!(article.contains(&whole), "{file}: «{whole}» is not in the article");
    // Positions count Unicode code points, as the Web Annotation model says.
    let chars: Vec<char> = article.chars().collect();
    let (start, end) = (
        position["start"].as_u64().unwrap() as usize,
        position["end"].as_u64().unwrap() as usize,
    );
    let at: String = chars[start..end].iter().collect();
    assert_eq!(at, exact, "{file}: the position selector {start}..{end}");
    let before: String = chars[start.saturating_sub(prefix.chars().count())..start]
        .iter()
        .collect();
    let after: String = chars[end..(end + suffix.chars().count()).min(chars.len())]
        .iter()
        .collect();
    assert_eq!((before.as_str(), after.as_str()), (prefix, suffix), "{file}");
    exact.to_string()
}

#[test]
fn every_web_annotation_selector_re_anchors_in_its_article() {
    let page: Value = serde_json::from_str(&export("webannotation")).unwrap();
    let report = json_report();
    assert_eq!(page["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(page["type"], "AnnotationPage");
    let items = page["items"].as_array().unwrap();
    let claims = report["claims"].as_array().unwrap();
    let findings: Vec<&Value> = report["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] != "not_comparable")
        .collect();
    assert_eq!(items.len(), claims.len() + findings.len());
    let ids: BTreeSet<&str> = items.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), items.len(), "ids are unique");
    let mut bytes_differ = false;
    for (annotation, claim) in items.iter().zip(claims) {
        assert_eq!(annotation["type"], "Annotation");
        assert_eq!(
            annotation["id"],
            format!("urn:tanaqud:claim:{}", claim["id"].as_str().unwrap())
        );
        assert_eq!(annotation["body"]["type"], "TextualBody");
        assert!(!annotation["body"]["value"].as_str().unwrap().is_empty());
        assert_eq!(reanchor(&annotation["target"]), claim["quote"].as_str().unwrap());
        let selector = &annotation["target"]["selector"][1];
        bytes_differ |= selector["start"] != claim["span"]["start"];
    }
    assert!(
        bytes_differ,
        "Arabic takes two bytes a letter: code points differ from byte offsets"
    );
    for (annotation, verdict) in items[claims.len()..].iter().zip(&findings) {
        assert_eq!(
            annotation["id"],
            format!("urn:tanaqud:finding:{}", verdict["id"].as_str().unwrap())
        );
        assert_eq!(annotation["motivation"], "commenting");
        let targets = annotation["target"].as_array().expect("a finding has two targets");
        let quotes: Vec<String> = targets.iter().map(reanchor).collect();
        let pair = &verdict["evidence"][0];
        let quote_of = |id: &Value| {
            claims.iter().find(|c| &c["id"] == id).unwrap()["quote"]
                .as_str()
                .unwrap()
        };
        assert_eq!(quotes, [quote_of(&pair[0]), quote_of(&pair[1])]);
    }
}

#[test]
fn claim_reviews_are_drafts_with_their_appearances_and_no_rating() {
    let document: Value = serde_json::from_str(&export("claimreview")).unwrap();
    let report = json_report();
    assert_eq!(document["@context"], "https://schema.org");
    let reviews = document["@graph"].as_array().unwrap();
    let disputed: BTreeSet<&str> = report["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "disputed" || v["kind"] == "conflict")
        .map(|v| v["propositions"][0].as_str().unwrap())
        .collect();
    let reviewed: BTreeSet<&str> = reviews
        .iter()
        .map(|r| {
            r["itemReviewed"]["@id"]
                .as_str()
                .unwrap()
                .trim_start_matches("urn:tanaqud:proposition:")
        })
        .collect();
    assert_eq!(reviewed, disputed, "one review per proposition in dispute or conflict");
    for review in reviews {
        assert_eq!(review["@type"], "ClaimReview");
        assert!(review["@id"].as_str().unwrap().starts_with("urn:tanaqud:claim-review:"));
        assert!(!review["claimReviewed"].as_str().unwrap().is_empty());
        assert!(review.get("reviewRating").is_none(), "the rating is a fact-checker's");
        let claim = &review["itemReviewed"];
        assert_eq!(claim["@type"], "Claim");
        assert!(!claim["author"].as_array().unwrap().is_empty());
        assert!(claim["datePublished"].as_str().is_some_and(|d| d.len() >= 4));
        for appearance in claim["appearance"].as_array().unwrap() {
            assert_eq!(appearance["@type"], "NewsArticle");
            assert!(appearance["@id"].as_str().unwrap().starts_with("urn:tanaqud:source:"));
            assert!(appearance["publisher"]["name"].is_string() && appearance["headline"].is_string());
            assert!(!appearance["citation"].as_array().unwrap().is_empty());
        }
    }
    // The model case: Qasioun's withdrawal and the Kremlin's «لم تنسحب» appear in one review.
    let syria = reviews
        .iter()
        .find(|r| r["itemReviewed"]["@id"] == "urn:tanaqud:proposition:russia/military-presence/syria")
        .unwrap();
    let text = syria.to_string();
    assert!(
        text.contains("urn:tanaqud:source:qasioun-2024-12-23")
            && text.contains("urn:tanaqud:source:times-of-egypt-2024-12")
    );
    assert!(text.contains("لم تنسحب من قواعدها"));
    assert_eq!(syria["itemReviewed"]["datePublished"], "2024-12");
}

#[test]
fn the_candidates_are_the_blocks_of_the_json_lines() {
    let lines: Vec<Value> = export("jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let candidates: Vec<Value> = export("candidates")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let block_of = |proposition: &str| {
        let line = lines.iter().find(|l| l["proposition"] == proposition);
        line.map(|l| l["block"].as_str().unwrap().to_string())
    };
    let mut same = 0;
    for candidate in &candidates {
        let (left, right) = (
            candidate["left"].as_str().unwrap(),
            candidate["right"].as_str().unwrap(),
        );
        assert_eq!(block_of(left), block_of(right), "{candidate}: one block");
        match candidate["relation"].as_str().unwrap() {
            "same" => {
                assert_eq!(left, right);
                same += 1;
            }
            "whole_and_part" => {
                let part = lines.iter().find(|l| l["proposition"] == right).unwrap();
                let whole = left.rsplit('/').next().unwrap();
                assert!(
                    part["within"].as_array().unwrap().iter().any(|w| w == whole),
                    "{candidate}"
                );
            }
            "other_scopes" => assert_ne!(left, right),
            other => panic!("relation {other}"),
        }
    }
    let propositions: BTreeSet<&str> = lines.iter().map(|l| l["proposition"].as_str().unwrap()).collect();
    assert_eq!(same, propositions.len(), "every proposition is compared with itself");
}
