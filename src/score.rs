//! Scoring: extracted claims against annotated ones. An extracted claim is
//! correct when an annotated claim of the same source overlaps its evidence
//! and says the same thing: same actor (after `counts_as`), same predicate
//! family and stance (direction turned by polarity), related scopes (the same
//! place, or one within the other, or overlapping), and the same commitment
//! (both assertions, or both not). Precision counts correct extracted claims;
//! recall counts annotated claims found by at least one.

use crate::model::{Claim, Polarity};
use crate::vocab::{ScopeRelation, Vocabulary};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub annotated: usize,
    pub extracted: usize,
    /// Extracted claims that match an annotated claim.
    pub correct: usize,
    /// Annotated claims matched by an extracted claim.
    pub found: usize,
}

impl Tally {
    pub fn precision(&self) -> Option<f64> {
        (self.extracted > 0).then(|| self.correct as f64 / self.extracted as f64)
    }

    pub fn recall(&self) -> Option<f64> {
        (self.annotated > 0).then(|| self.found as f64 / self.annotated as f64)
    }

    fn add(&mut self, other: &Tally) {
        self.annotated += other.annotated;
        self.extracted += other.extracted;
        self.correct += other.correct;
        self.found += other.found;
    }
}

#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Per source index (annotated sources only), in source order.
    pub sources: Vec<(usize, Tally)>,
    pub total: Tally,
    /// Indices into the annotated claims that no extracted claim matches.
    pub missed: Vec<usize>,
    /// Indices into the extracted claims that match no annotated claim.
    pub wrong: Vec<usize>,
}

pub fn matches(vocabulary: &Vocabulary, annotated: &Claim, extracted: &Claim) -> bool {
    let stance = |claim: &Claim| {
        let direction = vocabulary.predicate_info(claim.predicate).direction;
        match claim.polarity {
            Polarity::Affirmed => direction,
            Polarity::Negated => direction.flipped(),
        }
    };
    let family = |claim: &Claim| vocabulary.predicate_info(claim.predicate).family;
    annotated.source == extracted.source
        && annotated.span.start < extracted.span.end
        && extracted.span.start < annotated.span.end
        && vocabulary.actor(annotated.subject) == vocabulary.actor(extracted.subject)
        && family(annotated) == family(extracted)
        && stance(annotated) == stance(extracted)
        && vocabulary.scope_relation(annotated.object, extracted.object) != ScopeRelation::Disjoint
        && annotated.modality.asserts() == extracted.modality.asserts()
}

/// Scores `extracted` against `annotated` over the sources `scored` (those with annotations).
pub fn score(vocabulary: &Vocabulary, scored: &[usize], annotated: &[Claim], extracted: &[Claim]) -> Score {
    let mut score = Score::default();
    for &source in scored {
        let mut tally = Tally::default();
        let annotated_here: Vec<usize> = (0..annotated.len())
            .filter(|&i| annotated[i].source == source)
            .collect();
        let extracted_here: Vec<usize> = (0..extracted.len())
            .filter(|&i| extracted[i].source == source)
            .collect();
        tally.annotated = annotated_here.len();
        tally.extracted = extracted_here.len();
        for &a in &annotated_here {
            if extracted_here
                .iter()
                .any(|&e| matches(vocabulary, &annotated[a], &extracted[e]))
            {
                tally.found += 1;
            } else {
                score.missed.push(a);
            }
        }
        for &e in &extracted_here {
            if annotated_here
                .iter()
                .any(|&a| matches(vocabulary, &annotated[a], &extracted[e]))
            {
                tally.correct += 1;
            } else {
                score.wrong.push(e);
            }
        }
        score.total.add(&tally);
        score.sources.push((source, tally));
    }
    score
}
