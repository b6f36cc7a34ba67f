//! JSON Lines (`--format jsonl`): one claim a line, with its normalised tuple
//! and the keys the comparison blocks on (subject after `counts_as`, family,
//! time bucket), so that another engine can run the same blocked self-join.

use serde::Serialize;

use super::{ClaimRow, Report, Stance};

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
        let proposition = &report.propositions[p];
        let line = line(
            claim,
            proposition.id.as_str(),
            &proposition.subject,
            &proposition.family,
            &proposition.object,
        );
        out.push_str(&serde_json::to_string(&line).expect("a claim line serialises"));
        out.push('\n');
    }
    out
}

fn line<'a>(claim: &'a ClaimRow, proposition: &'a str, subject: &'a str, family: &'a str, object: &'a str) -> Line<'a> {
    let start = claim.time.as_ref().and_then(|t| t.start.as_deref());
    Line {
        id: &claim.id,
        source: &claim.source,
        proposition,
        block: format!("{subject}/{family}"),
        subject,
        family,
        object,
        stance: claim.stance,
        modality: claim.modality,
        extent: claim.extent,
        start,
        end: claim.time.as_ref().and_then(|t| t.end.as_deref()),
        time_bucket: start.and_then(|s| s.get(..7)),
        quote: &claim.quote,
    }
}
