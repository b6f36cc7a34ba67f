//! Findings stage: compares tuples and classifies each candidate pair.
//!
//! Candidates come from blocking: tuples are grouped by (actor, predicate
//! family) and only pairs inside a group are compared, so the cost follows
//! the sizes of the groups, not the square of the corpus. The rules are
//! documented in `claims/README.md` ("How claims are compared").

use crate::model::{Extent, Finding, Kind, Modality, Rule};
use crate::tuples::Tuple;
use crate::vocab::{Direction, ScopeRelation, Vocabulary};

/// Compares every pair inside each (actor, family) block. Findings are sorted
/// by kind, then by their claims.
pub fn compare(vocabulary: &Vocabulary, tuples: &[Tuple]) -> Vec<Finding> {
    let mut order: Vec<u32> = (0..tuples.len() as u32).collect();
    order.sort_unstable_by_key(|&i| {
        let t = &tuples[i as usize];
        (t.block_key(), t.claim)
    });
    let mut findings = Vec::new();
    for block in order.chunk_by(|&x, &y| tuples[x as usize].block_key() == tuples[y as usize].block_key()) {
        for (i, &x) in block.iter().enumerate() {
            for &y in &block[i + 1..] {
                if let Some(finding) = classify(vocabulary, &tuples[x as usize], &tuples[y as usize]) {
                    findings.push(finding);
                }
            }
        }
    }
    findings.sort_unstable_by_key(|f| (f.kind, f.a, f.b));
    findings
}

/// Classifies one pair of the same block, in the order `claims/README.md` gives.
pub fn classify(vocabulary: &Vocabulary, a: &Tuple, b: &Tuple) -> Option<Finding> {
    let (a, b) = if a.claim <= b.claim { (a, b) } else { (b, a) };
    let scope = vocabulary.scope_relation(a.object, b.object);
    let finding = |kind, rule, would_be| Finding {
        kind,
        rule,
        a: a.claim,
        b: b.claim,
        would_be,
        scope,
    };
    let not_flagged = |rule, would_be: Option<(Kind, Rule)>| {
        would_be
            .filter(|(kind, _)| matches!(kind, Kind::Conflict | Kind::Tension))
            .map(|w| finding(Kind::NotFlagged, rule, Some(w)))
    };
    // What the pair would be if time and scope were not in the way.
    let hypothetical = |scope| judge(a, b, scope);
    if !a.overlaps_in_time(b) {
        // Apart in time and in scope, the claims have nothing to say to each other.
        if scope == ScopeRelation::Disjoint {
            return None;
        }
        return not_flagged(Rule::DifferentPeriods, hypothetical(scope));
    }
    if scope == ScopeRelation::Disjoint {
        return not_flagged(Rule::DisjointScopes, hypothetical(ScopeRelation::Same));
    }
    if a.modality == Modality::Question
        || b.modality == Modality::Question
        || !(a.modality.asserts() || b.modality.asserts())
    {
        let as_asserted = |t: &Tuple| Tuple {
            modality: Modality::Asserted,
            ..*t
        };
        return not_flagged(Rule::NotAnAssertion, judge(&as_asserted(a), &as_asserted(b), scope));
    }
    let (kind, rule) = judge(a, b, scope)?;
    if a.source == b.source && kind == Kind::Agreement {
        // An article repeating itself is not corroboration.
        return None;
    }
    if rule == Rule::PartialExtent {
        return Some(finding(
            Kind::NotFlagged,
            rule,
            Some((Kind::Conflict, Rule::WholeVsPart)),
        ));
    }
    Some(finding(kind, rule, None))
}

/// The verdict for two claims of overlapping time over related scopes, at
/// least one asserting. `PartialExtent` means "would be whole-vs-part, but the
/// whole is partial".
fn judge(a: &Tuple, b: &Tuple, scope: ScopeRelation) -> Option<(Kind, Rule)> {
    if a.modality == Modality::Undecided || b.modality == Modality::Undecided {
        let other_asserts = if a.modality == Modality::Undecided {
            b.modality.asserts()
        } else {
            a.modality.asserts()
        };
        return other_asserts.then_some((Kind::Tension, Rule::UndecidedVsAsserted));
    }
    if a.stance == b.stance {
        return Some((Kind::Agreement, Rule::SameStance));
    }
    if !(a.modality.asserts() && b.modality.asserts()) {
        return Some((Kind::Tension, Rule::WeakerVsAsserted));
    }
    let whole = match scope {
        ScopeRelation::Contains => a,
        ScopeRelation::Within => b,
        ScopeRelation::Overlaps => return Some((Kind::Tension, Rule::OverlappingScopes)),
        ScopeRelation::Same | ScopeRelation::Disjoint => {
            let against = if a.stance == Direction::Against { a } else { b };
            return Some(if against.extent == Extent::Partial {
                (Kind::Tension, Rule::PartialAgainst)
            } else {
                (Kind::Conflict, Rule::OppositeStance)
            });
        }
    };
    // Moving against the whole moves against every part; keeping the whole
    // says nothing certain about each part.
    Some(match (whole.stance, whole.extent) {
        (Direction::Against, Extent::Partial) => (Kind::NotFlagged, Rule::PartialExtent),
        (Direction::Against, _) => (Kind::Conflict, Rule::WholeVsPart),
        (Direction::For, _) => (Kind::Tension, Rule::PartAgainstWhole),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::tests::small;
    use crate::vocab::{EntityId, Vocabulary};

    struct Fixture {
        vocabulary: Vocabulary,
        next: u32,
    }

    impl Fixture {
        fn new() -> Fixture {
            Fixture {
                vocabulary: small(),
                next: 0,
            }
        }

        /// A tuple for `source` saying `actor predicate object` (negated with
        /// a leading `!` on the predicate), in the days `start..=end`.
        fn tuple(&mut self, source: u32, predicate: &str, object: &str, modality: Modality, days: (i32, i32)) -> Tuple {
            let v = &self.vocabulary;
            let (negated, name) = predicate.strip_prefix('!').map_or((false, predicate), |p| (true, p));
            let info = v.predicate_info(v.predicate(name).unwrap());
            self.next += 1;
            Tuple {
                claim: self.next,
                source,
                actor: v.entity("russia").unwrap(),
                family: info.family,
                stance: if negated {
                    info.direction.flipped()
                } else {
                    info.direction
                },
                object: v.entity(object).unwrap(),
                extent: Extent::Unspecified,
                modality,
                start: days.0,
                end: days.1,
            }
        }

        fn verdict(&self, a: &Tuple, b: &Tuple) -> Option<(Kind, Rule)> {
            classify(&self.vocabulary, a, b).map(|f| (f.kind, f.rule))
        }
    }

    const DEC_2024: (i32, i32) = (100, 130);
    const DEC_2017: (i32, i32) = (1, 31);

    #[test]
    fn withdrawal_from_the_whole_conflicts_with_keeping_a_part() {
        let mut f = Fixture::new();
        let withdrawal = f.tuple(0, "withdraw", "syria", Modality::Asserted, DEC_2024);
        let kremlin = f.tuple(1, "!withdraw", "bases", Modality::Asserted, (120, 120));
        assert_eq!(
            f.verdict(&withdrawal, &kremlin),
            Some((Kind::Conflict, Rule::WholeVsPart))
        );
        let partial = Tuple {
            extent: Extent::Partial,
            ..withdrawal
        };
        assert_eq!(
            f.verdict(&partial, &kremlin),
            Some((Kind::NotFlagged, Rule::PartialExtent))
        );
    }

    #[test]
    fn keeping_the_whole_against_leaving_a_part_is_only_a_tension() {
        let mut f = Fixture::new();
        let kept = f.tuple(0, "keep", "syria", Modality::Asserted, DEC_2024);
        let left_front = f.tuple(0, "withdraw", "front", Modality::Reported, DEC_2024);
        assert_eq!(
            f.verdict(&kept, &left_front),
            Some((Kind::Tension, Rule::PartAgainstWhole))
        );
    }

    #[test]
    fn negation_and_opposite_predicates_meet_in_one_stance() {
        let mut f = Fixture::new();
        let kept = f.tuple(0, "keep", "bases", Modality::Asserted, DEC_2024);
        let not_withdrawn = f.tuple(1, "!withdraw", "hmeimim", Modality::Asserted, DEC_2024);
        assert_eq!(
            f.verdict(&kept, &not_withdrawn),
            Some((Kind::Agreement, Rule::SameStance))
        );
        let withdrawn = f.tuple(1, "withdraw", "bases", Modality::Asserted, DEC_2024);
        assert_eq!(
            f.verdict(&kept, &withdrawn),
            Some((Kind::Conflict, Rule::OppositeStance))
        );
    }

    #[test]
    fn different_periods_and_disjoint_scopes_are_listed_not_flagged() {
        let mut f = Fixture::new();
        let old = f.tuple(0, "withdraw", "syria", Modality::Asserted, DEC_2017);
        let new = f.tuple(1, "keep", "syria", Modality::Asserted, DEC_2024);
        let finding = classify(&f.vocabulary, &old, &new).unwrap();
        assert_eq!((finding.kind, finding.rule), (Kind::NotFlagged, Rule::DifferentPeriods));
        assert_eq!(finding.would_be, Some((Kind::Conflict, Rule::OppositeStance)));
        let front = f.tuple(1, "withdraw", "front", Modality::Asserted, DEC_2024);
        let bases = f.tuple(2, "keep", "bases", Modality::Asserted, DEC_2024);
        assert_eq!(
            f.verdict(&front, &bases),
            Some((Kind::NotFlagged, Rule::DisjointScopes))
        );
        // Would-be agreements are not listed: nothing was held back.
        let libya = f.tuple(2, "withdraw", "libya", Modality::Asserted, DEC_2024);
        assert_eq!(f.verdict(&front, &libya), None);
    }

    #[test]
    fn undecided_and_weaker_claims_make_tensions_never_conflicts() {
        let mut f = Fixture::new();
        let deciding = f.tuple(0, "keep", "bases", Modality::Undecided, DEC_2024);
        let kept = f.tuple(1, "keep", "bases", Modality::Reported, DEC_2024);
        assert_eq!(
            f.verdict(&deciding, &kept),
            Some((Kind::Tension, Rule::UndecidedVsAsserted))
        );
        let expected_exit = f.tuple(1, "withdraw", "bases", Modality::Expected, DEC_2024);
        assert_eq!(
            f.verdict(&kept, &expected_exit),
            Some((Kind::Tension, Rule::WeakerVsAsserted))
        );
        let question = f.tuple(2, "withdraw", "syria", Modality::Question, DEC_2024);
        assert_eq!(
            f.verdict(&kept, &question),
            Some((Kind::NotFlagged, Rule::NotAnAssertion))
        );
    }

    #[test]
    fn agreement_needs_two_sources() {
        let mut f = Fixture::new();
        let a = f.tuple(0, "keep", "bases", Modality::Asserted, DEC_2024);
        let same_source = f.tuple(0, "!withdraw", "bases", Modality::Asserted, DEC_2024);
        let other_source = f.tuple(1, "!withdraw", "bases", Modality::Asserted, DEC_2024);
        assert_eq!(f.verdict(&a, &same_source), None);
        assert_eq!(f.verdict(&a, &other_source), Some((Kind::Agreement, Rule::SameStance)));
    }

    #[test]
    fn blocking_never_pairs_different_actors_or_families() {
        let mut f = Fixture::new();
        let withdrawal = f.tuple(0, "withdraw", "syria", Modality::Asserted, DEC_2024);
        let mut other_actor = f.tuple(1, "keep", "syria", Modality::Asserted, DEC_2024);
        other_actor.actor = EntityId(2);
        let asylum = f.tuple(1, "grant-asylum", "syria", Modality::Asserted, DEC_2024);
        let kept = f.tuple(1, "keep", "syria", Modality::Asserted, DEC_2024);
        let findings = compare(&f.vocabulary, &[withdrawal, other_actor, asylum, kept]);
        let pairs: Vec<(u32, u32)> = findings.iter().map(|x| (x.a, x.b)).collect();
        assert_eq!(pairs, vec![(withdrawal.claim, kept.claim)]);
    }
}
