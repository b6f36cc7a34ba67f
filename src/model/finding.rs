//! Findings: the verdict on a pair of claims, and the rule that gave it.

use super::named;
use crate::vocab::ScopeRelation;

named! {
    pub enum Kind {
        Conflict = "conflict",
        Tension = "tension",
        Agreement = "agreement",
        /// Compared, and would have been a conflict or tension, but time, scope,
        /// modality or extent rule it out.
        NotFlagged = "not_flagged",
    }
}

named! {
    pub enum Rule {
        OppositeStance = "opposite-stance",
        WholeVsPart = "whole-vs-part",
        OverlappingScopes = "overlapping-scopes",
        PartialAgainst = "partial-against",
        PartAgainstWhole = "part-against-whole",
        UndecidedVsAsserted = "undecided-vs-asserted",
        WeakerVsAsserted = "weaker-vs-asserted",
        SameStance = "same-stance",
        DifferentPeriods = "different-periods",
        DisjointScopes = "disjoint-scopes",
        NotAnAssertion = "not-an-assertion",
        PartialExtent = "partial-extent",
    }
}

/// The verdict on one pair of claims (`a` < `b`, as claim indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    pub rule: Rule,
    pub a: u32,
    pub b: u32,
    /// For a pair not flagged: the finding it would otherwise have been.
    pub would_be: Option<(Kind, Rule)>,
    pub scope: ScopeRelation,
}
