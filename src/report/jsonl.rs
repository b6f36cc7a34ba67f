//! JSON Lines (`--format jsonl`): one claim a line, with its normalised tuple
//! and the keys the comparison blocks on (subject after `counts_as`, family,
//! time bucket), so that another engine can run the same blocked self-join.

use serde::Serialize;

use super::{ClaimRow, PropositionRow, Relation, Report, Stance};

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    source: &'a str,
    proposition: &'a str,
    /// `<subject>/<family>`: only claims of one block are compared.
    block: String,
    subject: &'a str,
    family: &'a str,
    object: &'a str,
    /// The scopes containing the object: a whole and its part are compared.
    within: &'a [String],
    stance: Stance,
    modality: crate::model::Modality,
    extent: crate::model::Extent,
    start: Option<&'a str>,
    end: Option<&'a str>,
    /// The month the claim's time starts in (`YYYY-MM`), a coarse time key.
    time_bucket: Option<&'a str>,
    quote: &'a str,
}

pub fn render(report: &Report) -> String {
    let mut proposition_of = vec![None; report.claims.len()];
    for (p, proposition) in report.propositions.iter().enumerate() {
        for position in &proposition.positions {
            for &c in &position.claim_indices {
                proposition_of[c] = Some(p);
            }
        }
    }
    let mut out = String::new();
    for (claim, p) in report.claims.iter().zip(proposition_of) {
        let Some(p) = p else { continue };
        let line = line(claim, &report.propositions[p]);
        out.push_str(&serde_json::to_string(&line).expect("a claim line serialises"));
        out.push('\n');
    }
    out
}

fn line<'a>(claim: &'a ClaimRow, proposition: &'a PropositionRow) -> Line<'a> {
    let start = claim.time.as_ref().and_then(|t| t.start.as_deref());
    Line {
        id: &claim.id,
        source: &claim.source,
        proposition: &proposition.id,
        block: format!("{}/{}", proposition.subject, proposition.family),
        subject: &proposition.subject,
        family: &proposition.family,
        object: &proposition.object,
        within: &proposition.within,
        stance: claim.stance,
        modality: claim.modality,
        extent: claim.extent,
        start,
        end: claim.time.as_ref().and_then(|t| t.end.as_deref()),
        time_bucket: start.and_then(|s| s.get(..7)),
        quote: &claim.quote,
    }
}

#[derive(Serialize)]
struct CandidateLine<'a> {
    left: &'a str,
    right: &'a str,
    relation: &'static str,
    /// The pairs of claims the two put side by side (before any rule's filter).
    claim_pairs: u64,
}

/// `--format candidates`: a line per pair of propositions the comparison
/// judged — a proposition with itself, a whole with its part, two of a
/// block's largest on other scopes — sorted, so that another engine's blocked
/// self-join over the JSON Lines export can be checked against it.
pub fn candidates(report: &Report) -> String {
    let claims = |p: usize| -> u64 {
        report.propositions[p]
            .positions
            .iter()
            .map(|pos| pos.claims.len() as u64)
            .sum()
    };
    let mut lines: Vec<String> = report
        .compared
        .iter()
        .map(|c| {
            let [left, right] = c.propositions;
            let (relation, claim_pairs) = match c.relation {
                Relation::Same => ("same", claims(left) * claims(left).saturating_sub(1) / 2),
                Relation::WholeAndPart => ("whole_and_part", claims(left) * claims(right)),
                Relation::OtherScopes => ("other_scopes", claims(left) * claims(right)),
            };
            let line = CandidateLine {
                left: &report.propositions[left].id,
                right: &report.propositions[right].id,
                relation,
                claim_pairs,
            };
            serde_json::to_string(&line).expect("a candidate line serialises")
        })
        .collect();
    lines.sort_unstable();
    let mut out = lines.join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
