//! Sentences for the report: a claim in words, who says it, and why a pair
//! was classified as it was. Labels come from the vocabulary.

use crate::model::{Attribution, Claim, Corpus, Polarity};
use crate::model::{Finding, Rule};
use crate::vocab::ScopeRelation;

/// "Russia — withdraw forces from — Syria", with "not" for a negated claim.
pub fn statement(corpus: &Corpus, claim: &Claim) -> String {
    let v = &corpus.vocabulary;
    let negation = if claim.polarity == Polarity::Negated {
        "not "
    } else {
        ""
    };
    format!(
        "{} — {negation}{} — {}",
        v.entity_info(claim.subject).label,
        v.predicate_info(claim.predicate).label,
        v.entity_info(claim.object).label
    )
}

pub fn speaker(corpus: &Corpus, claim: &Claim) -> String {
    match claim.attribution {
        Attribution::Outlet => corpus.sources[claim.source].outlet.clone(),
        Attribution::Entity(id) => corpus.vocabulary.entity_info(id).label.clone(),
    }
}

/// The reason a pair was classified as it was, in one sentence.
pub fn reason(corpus: &Corpus, finding: &Finding) -> String {
    let (a, b) = (&corpus.claims[finding.a as usize], &corpus.claims[finding.b as usize]);
    let label = |claim: &Claim| corpus.vocabulary.entity_info(claim.object).label.as_str();
    let (whole, part) = match finding.scope {
        ScopeRelation::Within => (b, a),
        _ => (a, b),
    };
    let time = |claim: &Claim| claim.time.map_or_else(|| "unknown time".to_string(), |t| t.to_string());
    let weaker = if a.modality.asserts() { b } else { a };
    match finding.rule {
        Rule::OppositeStance => "Opposite stances on the same scope at overlapping times.".to_string(),
        Rule::WholeVsPart => format!(
            "{} contains {}: a move against the whole is a move against the part, which the other claim keeps.",
            label(whole),
            label(part)
        ),
        Rule::OverlappingScopes => format!(
            "{} and {} share a part, on which the claims take opposite stances.",
            label(a),
            label(b)
        ),
        Rule::PartialAgainst => {
            "Opposite stances on the same scope, but the move against it is only partial.".to_string()
        }
        Rule::PartAgainstWhole => format!(
            "{} is part of {}: moving against a part while the whole is kept or reinforced is not a contradiction, but worth checking.",
            label(part),
            label(whole)
        ),
        Rule::UndecidedVsAsserted => "One side says the matter is still open; the other asserts it.".to_string(),
        Rule::WeakerVsAsserted => format!(
            "Opposite stances, but one side is {} and does not assert it.",
            weaker.modality
        ),
        Rule::SameStance => match finding.scope {
            ScopeRelation::Same => {
                format!("Both say the same about {} at overlapping times.", label(a))
            }
            _ => format!(
                "Both take the same stance on {} and {}, which overlap, at overlapping times.",
                label(a),
                label(b)
            ),
        },
        Rule::DifferentPeriods => format!("{} and {} do not overlap: different periods.", time(a), time(b)),
        Rule::DisjointScopes => format!("{} and {} do not overlap: different scopes.", label(a), label(b)),
        Rule::NotAnAssertion => {
            "At least one side is a question, or neither side asserts: nothing to contradict.".to_string()
        }
        Rule::PartialExtent => format!(
            "The move against {} is partial, which leaves room for {} being kept.",
            label(whole),
            label(part)
        ),
    }
}

/// Both statements with their speakers, then the reason.
pub fn explain(corpus: &Corpus, finding: &Finding, reason: &str) -> String {
    let (a, b) = (&corpus.claims[finding.a as usize], &corpus.claims[finding.b as usize]);
    format!(
        "{}: {}. {}: {}. {reason}",
        speaker(corpus, a),
        statement(corpus, a),
        speaker(corpus, b),
        statement(corpus, b)
    )
}
