//! What qualifies a claim: its polarity (negation, denial), its modality
//! (questions, hedges, expectations, undecision) and its extent.

use super::Extractor;
use super::context::{Context, Trigger, is_predicate};
use super::index::{Mention, Sense};
use crate::model::{Extent, Modality, Polarity};
use crate::text::{after_sin, is_imperfect_prefix, looks_imperfect, without_conjunction};
use crate::vocab::PredicateId;

/// The modalities in the order they win over each other; none: asserted.
const STRONGEST_FIRST: &[Modality] = &[
    Modality::Question,
    Modality::Undecided,
    Modality::Expected,
    Modality::Hedged,
    Modality::Reported,
];

impl Extractor<'_> {
    /// Negated when a negation word stands within reach before the trigger in
    /// its clause, or a denial verb (نفى) governs it from earlier in the sentence.
    pub(super) fn polarity(&self, cx: &Context, trigger: &Trigger) -> Polarity {
        let words = &trigger.mention.words;
        let no_predicate_between = |m: &Mention| !cx.has_between(m.words.end, words.start, is_predicate);
        let before = &cx.mentions[..trigger.at];
        let negated = before.iter().any(|m| {
            m.sense == Sense::Negation
                && m.words.end <= words.start
                && words.start - m.words.end <= self.params.reach.negation
                && cx.clause_of[m.words.start] == trigger.clause
                && no_predicate_between(m)
        });
        let denied = before
            .iter()
            .any(|m| m.sense == Sense::Denial && m.words.end <= words.start && no_predicate_between(m));
        if negated != denied {
            Polarity::Negated
        } else {
            Polarity::Affirmed
        }
    }

    /// The strongest modality that reaches the trigger: a cue before it in
    /// its clause, or in an earlier clause with no other predicate between;
    /// the sentence's question; a word after it or a prefix on it that puts
    /// the event to come.
    pub(super) fn modality(&self, cx: &Context, trigger: &Trigger) -> Modality {
        let mut found = modalities_before(cx, trigger);
        if trigger.is_question {
            found.push(Modality::Question);
        }
        let words = &trigger.mention.words;
        // `لقاء آخر قريب`, `الاجتماع المقبل`: the event is yet to come.
        if cx.mentions[trigger.at..].iter().any(|m| {
            m.sense == Sense::ExpectedAfter
                && m.words.start >= words.end
                && m.words.start <= words.end + self.params.reach.expected_after
                && cx.clause_of[m.words.start] == trigger.clause
        }) {
            found.push(Modality::Expected);
        }
        if let Sense::Predicate(predicate) = trigger.mention.sense
            && self.is_future(cx.words.key(words.start), predicate)
        {
            found.push(Modality::Expected);
        }
        STRONGEST_FIRST
            .iter()
            .copied()
            .find(|m| found.contains(m))
            .unwrap_or(Modality::Asserted)
    }

    /// Whether a trigger word carries the future prefix: س before an
    /// imperfect prefix (`ستعود`, `وسينسحب`), unless the predicate's own
    /// aliases start that way (`سيطرت`).
    fn is_future(&self, key: &str, predicate: PredicateId) -> bool {
        after_sin(without_conjunction(key))
            .is_some_and(|c| is_imperfect_prefix(c) && !self.own_sin[predicate.0 as usize].contains(&c))
    }

    /// Partial or full, from extent words near the trigger in its clause.
    pub(super) fn extent(&self, cx: &Context, trigger: &Trigger) -> Extent {
        let (words, reach) = (&trigger.mention.words, self.params.reach.extent);
        let near = |m: &&Mention| {
            cx.clause_of[m.words.start] == trigger.clause
                && m.words.start + reach >= words.start
                && m.words.start <= words.end + reach
        };
        let (mut partial, mut full) = (false, false);
        for m in cx.mentions.iter().filter(near) {
            partial |= m.sense == Sense::Partial;
            full |= m.sense == Sense::Full;
        }
        if partial {
            Extent::Partial
        } else if full {
            Extent::Full
        } else {
            Extent::Unspecified
        }
    }
}

/// The modality cues before the trigger that reach it: not from outside a
/// relative clause or a describing participle it is in.
fn modalities_before(cx: &Context, trigger: &Trigger) -> Vec<Modality> {
    let words = &trigger.mention.words;
    // A participle describes its noun as a relative clause would.
    let described_from = cx
        .described_noun(trigger.mention)
        .map_or(0, |g| cx.groups[g].words.start);
    cx.mentions[..trigger.at]
        .iter()
        .filter(|m| m.words.end <= words.start)
        .filter(|m| {
            cx.clause_of[m.words.start] == trigger.clause || !cx.has_between(m.words.end, words.start, is_predicate)
        })
        // A relative clause describes; the main clause's modality stays outside it.
        .filter(|m| !cx.in_relative_clause(m.words.end, trigger.mention) && m.words.start >= described_from)
        .filter_map(|m| match m.sense {
            // `لماذا` is no `ل` + `ماذا`.
            Sense::Modality(Modality::Question)
                if cx
                    .mentions
                    .iter()
                    .any(|p| p.sense == Sense::PresupposingQuestion && p.words == m.words) =>
            {
                None
            }
            Sense::Modality(modality) => Some(modality),
            Sense::HedgeBeforeImperfect
                if m.words.end < cx.words.len() && looks_imperfect(cx.words.key(m.words.end)) =>
            {
                Some(Modality::Hedged)
            }
            _ => None,
        })
        .collect()
}
