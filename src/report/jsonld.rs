//! Linked-data exports for the tools of fact-checkers and archives:
//! schema.org ClaimReview drafts (`--format claimreview`) and W3C Web
//! Annotations (`--format webannotation`). Both are JSON-LD, with `@id`s made
//! of the report's own stable ids (no paths, no clock). tanaqud does not judge
//! truth: a ClaimReview carries no rating, which a fact-checker adds.

use serde_json::{Value, json};

use super::{ClaimRow, Report, VerdictRow};
use crate::model::{Named, VerdictKind};

/// The namespace of the ids: `urn:tanaqud:<kind>:<the report's id>`.
fn urn(kind: &str, id: &str) -> String {
    format!("urn:tanaqud:{kind}:{id}")
}

fn pretty(document: &Value) -> String {
    let mut text = serde_json::to_string_pretty(document).expect("a JSON value serialises");
    text.push('\n');
    text
}

/// One ClaimReview draft per proposition in dispute or conflict (the first
/// proposition of such a verdict: the whole, when a part is kept against it),
/// its Claim appearing in every source of the verdicts' evidence.
pub fn claim_reviews(report: &Report) -> String {
    let mut disputed: Vec<usize> = report
        .verdicts
        .iter()
        .filter(|v| in_dispute(v))
        .map(|v| v.proposition_indices[0])
        .collect();
    disputed.sort_unstable_by_key(|&p| &report.propositions[p].id);
    disputed.dedup();
    let reviews: Vec<Value> = disputed.into_iter().map(|p| claim_review(report, p)).collect();
    pretty(&json!({"@context": "https://schema.org", "@graph": reviews}))
}

fn in_dispute(verdict: &VerdictRow) -> bool {
    matches!(verdict.kind, VerdictKind::Disputed | VerdictKind::Conflict)
}

fn claim_review(report: &Report, p: usize) -> Value {
    let proposition = &report.propositions[p];
    let verdicts: Vec<&VerdictRow> = report
        .verdicts
        .iter()
        .filter(|v| in_dispute(v) && v.proposition_indices[0] == p)
        .collect();
    // The evidence's claims, by source: one appearance each, in source order.
    let mut claims: Vec<&ClaimRow> = verdicts
        .iter()
        .flat_map(|v| v.evidence_indices.iter().flatten().map(|&c| &report.claims[c]))
        .collect();
    claims.sort_by_key(|c| (c.source_index, c.id.as_str()));
    claims.dedup_by_key(|c| c.id.as_str());
    let mut appearances: Vec<Value> = Vec::new();
    let mut authors: Vec<(bool, &str)> = Vec::new();
    let mut first_published: Option<&str> = None;
    for group in claims.chunk_by(|a, b| a.source_index == b.source_index) {
        let source = &report.sources[group[0].source_index];
        let published = source.published.as_ref().map(|p| p.date.as_str());
        if let Some(date) = published {
            first_published = Some(first_published.map_or(date, |f| f.min(date)));
        }
        let quotes: Vec<Value> = group
            .iter()
            .map(|c| {
                json!({
                    "@type": "Quotation",
                    "@id": urn("claim", &c.id),
                    "text": c.quote,
                    "inLanguage": "ar",
                    "spokenByCharacter": {
                        "@type": if c.speaker_is_person { "Person" } else { "Organization" },
                        "name": c.speaker,
                    },
                    "description": c.statement,
                })
            })
            .collect();
        let mut appearance = json!({
            "@type": "NewsArticle",
            "@id": urn("source", &source.id),
            "headline": source.title,
            "inLanguage": source.language,
            "publisher": {"@type": "Organization", "name": source.outlet},
            "citation": quotes,
        });
        if let Some(date) = published {
            appearance["datePublished"] = json!(date);
        }
        appearances.push(appearance);
        for claim in group {
            authors.push((claim.speaker_is_person, claim.speaker.as_str()));
        }
    }
    authors.sort_unstable_by_key(|&(_, name)| name);
    authors.dedup_by_key(|&mut (_, name)| name);
    let authors: Vec<Value> = authors
        .into_iter()
        .map(|(person, name)| json!({"@type": if person { "Person" } else { "Organization" }, "name": name}))
        .collect();
    let mut claim = json!({
        "@type": "Claim",
        "@id": urn("proposition", &proposition.id),
        "name": proposition.statement,
        "author": authors,
        "appearance": appearances,
    });
    if let Some(date) = first_published {
        claim["datePublished"] = json!(date);
    }
    let findings: Vec<Value> = verdicts
        .iter()
        .map(|v| json!({"@id": urn("finding", &v.id), "description": v.explanation}))
        .collect();
    json!({
        "@type": "ClaimReview",
        "@id": urn("claim-review", &proposition.id),
        "claimReviewed": proposition.statement,
        "itemReviewed": claim,
        "creativeWorkStatus": "draft",
        "reviewBody": verdicts.iter().map(|v| v.explanation.as_str()).collect::<Vec<_>>().join(" "),
        "isBasedOn": findings,
        "description": "A draft by tanaqud, which does not judge truth: the reviewRating is for a fact-checker to give.",
    })
}

/// A Web Annotation page: one annotation per claim (its quote in its
/// article) and one per finding (the strongest pair's two quotes).
pub fn web_annotations(report: &Report) -> String {
    let mut items: Vec<Value> = report
        .claims
        .iter()
        .map(|claim| {
            json!({
                "id": urn("claim", &claim.id),
                "type": "Annotation",
                "motivation": "describing",
                "body": {
                    "type": "TextualBody",
                    "value": format!("{} ({}, said by {})", claim.statement, claim.stance.name(), claim.speaker),
                    "format": "text/plain",
                    "language": "en",
                },
                "target": target(report, claim),
            })
        })
        .collect();
    for verdict in report.verdicts.iter().filter(|v| v.kind != VerdictKind::NotComparable) {
        let Some(pair) = verdict.evidence_indices.first() else {
            continue;
        };
        let mut annotation = json!({
            "id": urn("finding", &verdict.id),
            "type": "Annotation",
            "motivation": "commenting",
            "body": {
                "type": "TextualBody",
                "value": format!("{}: {}", super::view::verdict_name(verdict), verdict.explanation),
                "format": "text/plain",
                "language": "en",
            },
            "target": pair.map(|c| target(report, &report.claims[c])),
        });
        if let Some(triage) = &verdict.triage {
            annotation["body"]["value"] = json!(format!(
                "{} (triaged: {}, {})",
                annotation["body"]["value"].as_str().unwrap_or_default(),
                triage.decision.name(),
                triage.reason
            ));
        }
        items.push(annotation);
    }
    pretty(&json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:tanaqud:annotations",
        "type": "AnnotationPage",
        "items": items,
    }))
}

/// A claim's quote in its article: text-quote and text-position selectors,
/// the positions in Unicode code points.
fn target(report: &Report, claim: &ClaimRow) -> Value {
    let source = &report.sources[claim.source_index];
    let anchor = &claim.anchor;
    json!({
        "type": "SpecificResource",
        "source": {
            "id": source.file,
            "type": "Text",
            "format": "text/plain",
            "language": "ar",
            "textDirection": "rtl",
        },
        "selector": [
            {"type": "TextQuoteSelector", "exact": claim.quote, "prefix": anchor.prefix, "suffix": anchor.suffix},
            {"type": "TextPositionSelector", "start": anchor.chars[0], "end": anchor.chars[1]},
        ],
    })
}
