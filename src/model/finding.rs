//! Propositions and the verdicts on them, with the rule behind each.

use super::named;
use crate::vocab::{EntityId, FamilyId};

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
        PartialExtent = "partial-extent",
        TimeUnknown = "time-unknown",
        DisjointCounts = "disjoint-counts",
        RisingCount = "rising-count",
    }
}

/// What sources say about: an actor (after `counts_as`), a predicate family
/// and a scope. Its statement is the family's "for" direction (Russia keeps
/// forces in Syria); a withdrawal is a negation of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposition {
    pub actor: EntityId,
    pub family: FamilyId,
    pub object: EntityId,
    /// Its claims, by index, in claim order.
    pub claims: Vec<u32>,
}

named! {
    /// The verdicts on propositions, from the most to the least pressing for a
    /// fact-checker (the published taxonomies of conflicting information:
    /// CONFLICTS 2025, AVeriTeC, de Marneffe 2008).
    pub enum VerdictKind {
        /// An actor's own word against reports about it.
        Disputed = "disputed",
        /// Opposite committed stances at overlapping times.
        Conflict = "conflict",
        /// A committed stance against an open, hedged or expected one, or a
        /// partial move against a kept whole.
        Tension = "tension",
        /// The same stance from two or more independent origins.
        Agreement = "agreement",
        /// The same proposition at different periods, with different stances.
        Update = "update",
        /// A near pair that is not compared, and why.
        NotComparable = "not_comparable",
    }
}

named! {
    pub enum ConflictType {
        /// The same predicate, affirmed and negated.
        Negation = "negation",
        /// Opposed predicates (withdraw, keep).
        Antonymy = "antonymy",
        /// A whole against one of its parts.
        Scope = "scope",
        /// Opposite forecasts.
        Modal = "modal",
        /// Counts of one event that no number satisfies both (`أقل من 100`, `210 على الأقل`).
        Numeric = "numeric",
    }
}

/// A verdict on one proposition, or on a whole and one of its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub rule: Rule,
    pub conflict: Option<ConflictType>,
    /// Indices into the propositions: the same twice for one proposition, the
    /// whole then the part for a scope verdict.
    pub propositions: [u32; 2],
    /// The strongest pairs of claims behind it, one per pair of sources; the
    /// first claim of each is on `propositions[0]`.
    pub evidence: Vec<[u32; 2]>,
    /// The lower confidence of its strongest pair (1 for annotated claims).
    pub confidence: f64,
}
