//! Tuples stage: turns claims into compact comparison records — the subject
//! as the actor it counts as, the predicate's family, the stance (direction
//! turned over by negation) and the time as day numbers. Comparison reads
//! only these.

use chrono::Datelike;

use crate::model::{Claim, Extent, Modality, Polarity};
use crate::vocab::{Direction, EntityId, FamilyId, Vocabulary};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tuple {
    /// Index of the claim this tuple stands for.
    pub claim: u32,
    pub source: u32,
    pub actor: EntityId,
    pub family: FamilyId,
    pub stance: Direction,
    pub object: EntityId,
    pub extent: Extent,
    pub modality: Modality,
    /// Inclusive day numbers; unbounded or unknown sides are i32::MIN / i32::MAX.
    pub start: i32,
    pub end: i32,
}

impl Tuple {
    pub fn block_key(&self) -> (EntityId, FamilyId) {
        (self.actor, self.family)
    }

    pub fn overlaps_in_time(&self, other: &Tuple) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

pub fn tuple(vocabulary: &Vocabulary, index: usize, claim: &Claim) -> Tuple {
    let predicate = vocabulary.predicate_info(claim.predicate);
    let stance = match claim.polarity {
        Polarity::Affirmed => predicate.direction,
        Polarity::Negated => predicate.direction.flipped(),
    };
    let (start, end) = claim.time.map_or((i32::MIN, i32::MAX), |t| {
        (
            t.start.map_or(i32::MIN, |d| d.num_days_from_ce()),
            t.end.map_or(i32::MAX, |d| d.num_days_from_ce()),
        )
    });
    Tuple {
        claim: index as u32,
        source: claim.source as u32,
        actor: vocabulary.actor(claim.subject),
        family: predicate.family,
        stance,
        object: claim.object,
        extent: claim.extent,
        modality: claim.modality,
        start,
        end,
    }
}

pub fn tuples(vocabulary: &Vocabulary, claims: &[Claim]) -> Vec<Tuple> {
    claims
        .iter()
        .enumerate()
        .map(|(index, claim)| tuple(vocabulary, index, claim))
        .collect()
}
