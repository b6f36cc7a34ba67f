//! Triggers that make no claim: a speech or deliberation verb, a phrase of
//! another meaning, a verb heading for another event, an event pointed back
//! to, an adjective that looks like a verb, a request or a purpose.

use super::Extractor;
use super::context::{Context, Trigger, is_predicate};
use super::index::Sense;
use crate::model::Modality;
use crate::text::{has_attached_lam, has_attached_preposition, without_article, without_conjunction};

impl Extractor<'_> {
    pub(super) fn makes_no_claim(&self, cx: &Context, trigger: &Trigger) -> bool {
        names_no_event(cx, trigger)
            || self.leads_to_event(cx, trigger)
            || after_demonstrative(cx, trigger)
            || self.is_adjective(cx, trigger)
            || self.unasserted(cx, trigger)
    }

    /// `يتجه نحو انسحاب`: a verb heading for another event names no event of its own.
    fn leads_to_event(&self, cx: &Context, trigger: &Trigger) -> bool {
        let end = trigger.mention.words.end;
        cx.mentions.iter().any(|p| {
            p.sense == Sense::Preposition
                && p.words.start >= end
                && p.words.start <= end + self.params.reach.heading_for
                // Only the subject or an adverb (`أيضاً`) between.
                && (end..p.words.start).all(|w| {
                    cx.groups.iter().any(|g| g.words.contains(&w)) || cx.words.key(w).ends_with('ا')
                })
                && cx.mentions.iter().any(|e| is_predicate(e.sense) && e.words.start == p.words.end)
        })
    }

    /// Whether a one-word trigger is a definite adjective of relation
    /// (`الرئيس التركي` is no `ترك`): ال … ي, unless that form is an alias
    /// itself (`التخلي`, the verb `التقى`).
    fn is_adjective(&self, cx: &Context, trigger: &Trigger) -> bool {
        let words = &trigger.mention.words;
        if words.len() != 1 {
            return false;
        }
        let key = without_conjunction(cx.words.key(words.start));
        let Some(stem) = without_article(key) else {
            return false;
        };
        stem.ends_with('ي') && !self.one_word_triggers.contains(stem) && !self.one_word_triggers.contains(key)
    }

    /// Whether the trigger is requested, intended or aimed at rather than
    /// claimed: a cue (`دعا`, `بهدف`) shortly before it in its clause, or an
    /// attached ل of purpose (`لبحث`, `لدعم`).
    fn unasserted(&self, cx: &Context, trigger: &Trigger) -> bool {
        let (words, reach) = (&trigger.mention.words, &self.params.reach);
        let before = &cx.mentions[..trigger.at];
        // After a modality verb the ل is its complement, not a purpose (`تستعد روسيا لسحب`).
        let after_modality = before.iter().any(|m| {
            matches!(m.sense, Sense::Modality(_))
                && m.words.end <= words.start
                && m.words.end + reach.modality_complement >= words.start
        });
        // Several lexicon entries may meet one word; any of them may see the ل.
        let prefixed = cx
            .mentions
            .iter()
            .any(|m| m.words == *words && m.sense == trigger.mention.sense && m.prefixed);
        let purpose = prefixed && !after_modality && has_attached_lam(cx.words.key(words.start));
        purpose
            || before.iter().any(|m| {
                m.sense == Sense::Unasserted
                    && m.words.end <= words.start
                    && words.start - m.words.end <= reach.unasserted
                    && cx.clause_of[m.words.start] == trigger.clause
                    && !cx.has_between(m.words.end, words.start, is_predicate)
            })
    }
}

/// `نقلت` as in "reported": a speech verb is not the event it reports;
/// `نبحث ما إذا` (consider whether) deliberates about the event after it.
fn names_no_event(cx: &Context, trigger: &Trigger) -> bool {
    let words = &trigger.mention.words;
    cx.mentions.iter().any(|m| {
        (m.sense == Sense::AttributionVerb && m.words == *words)
            // A gapped phrase of another meaning (`تبحث روسيا عن`) is as long as the alias.
            || (m.sense == Sense::OtherMeaning && m.words.start == words.start)
            || (m.sense == Sense::Modality(Modality::Undecided)
                && m.words.start <= words.start
                && words.end < m.words.end)
    })
}

/// `هذا الانسحاب` points back to a claim already made; with a preposition
/// attached (`لذلك`, `كذلك`) a demonstrative is a connective.
fn after_demonstrative(cx: &Context, trigger: &Trigger) -> bool {
    cx.mentions[..trigger.at].iter().any(|m| {
        m.sense == Sense::Demonstrative
            && m.words.end == trigger.mention.words.start
            && !has_attached_preposition(cx.words.key(m.words.start))
    })
}
