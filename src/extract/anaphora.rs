//! Events told again without their parties, which an earlier claim of the
//! text names: a pair stands for them (`الرجلين التقيا`), the sentence says a
//! noun of an encounter took place (`المناقشة، التي جرت يوم الإثنين`), or it
//! calls a story false (`هذه قصة ملفقة`). The new claim takes the earlier one's
//! subject and object, and its own sentence's polarity, modality and
//! speaker. The earlier claim must be told in the last few sentences: on
//! news at large, one further back is as often another event.

use std::ops::Range;

use super::context::{Context, Trigger, is_predicate};
use super::denials::falsity_of;
use super::index::{Mention, Sense};
use super::sentence::Found;
use super::{Extracted, Extractor};
use crate::model::{Extent, Polarity};
use crate::text::{without_article, without_conjunction};
use crate::vocab::PredicateId;

/// How the event is told again.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Anaphor {
    /// `الرجلين التقيا`: the predicate's parties are a pair told before.
    Pair,
    /// `المناقشة التي جرت`, `جرى اللقاء`: the event took place.
    Occurred,
    /// `هذه قصة ملفقة`, `نفى هذه الأنباء`: what was just told is false.
    FalseStory,
}

impl Anaphor {
    fn rule(self) -> &'static str {
        match self {
            Anaphor::Pair => "pair-anaphor+earlier-claim",
            Anaphor::Occurred => "occurrence+earlier-claim",
            Anaphor::FalseStory => "false-story+earlier-claim",
        }
    }
}

/// Which earlier claim, told in the last few sentences, the anaphor stands for.
enum Antecedent {
    /// The last claim of the predicate's family.
    OfPredicate(PredicateId),
    /// The last claim (a story called false).
    LastTold,
    /// The last claim of an event of two parties (a meeting, talks): what a
    /// noun of an encounter in general stands for (`المناقشة`, `المحادثات`).
    LastEncounter,
    /// A noun both a predicate's and an encounter's: the predicate's last
    /// claim, else the last encounter.
    OfPredicateOrLastEncounter(PredicateId),
}

impl Extractor<'_> {
    /// The claim the mention at `at` tells of an event an earlier claim
    /// named, when the sentence read no claim of it with its own names;
    /// `read`: the words of the triggers that it did read.
    pub(super) fn told_again(
        &self,
        cx: &Context,
        at: usize,
        read: &[Range<usize>],
        found: &Found,
    ) -> Option<Extracted> {
        let mention = &cx.mentions[at];
        let (anaphor, antecedent, anaphor_words) = self.anaphor(cx, at, read)?;
        // An anaphor points back: to claims told before it, the latest first.
        let here = mention_start(cx, mention);
        let now = found.sentence_of(here);
        let told_before = || {
            found
                .claims
                .iter()
                .rev()
                .filter(move |c| c.span.start < here)
                .take_while(move |c| {
                    now.saturating_sub(found.sentence_of(c.span.start)) <= self.params.reach.told_before
                })
        };
        let of_family = |predicate: PredicateId| {
            let family = self.vocabulary.predicate_info(predicate).family;
            told_before().find(|c| self.vocabulary.predicate_info(c.predicate).family == family)
        };
        let last_told = || told_before().next();
        let last_encounter = || told_before().find(|c| self.vocabulary.predicate_info(c.predicate).symmetric);
        let earlier = match antecedent {
            Antecedent::OfPredicate(predicate) => of_family(predicate),
            Antecedent::LastTold => last_told(),
            Antecedent::LastEncounter => last_encounter(),
            Antecedent::OfPredicateOrLastEncounter(predicate) => of_family(predicate).or_else(last_encounter),
        }?;
        let predicate = match mention.sense {
            Sense::Predicate(predicate) => predicate,
            _ => earlier.predicate,
        };
        let trigger = Trigger::of(cx, at, predicate);
        if matches!(mention.sense, Sense::Predicate(_)) && self.makes_no_claim(cx, &trigger) {
            return None;
        }
        // A story called false is an affirmed event's: of a denial, which
        // story is meant (the event or the denial) is not said.
        let (polarity, extent) = if anaphor == Anaphor::FalseStory {
            if earlier.polarity != Polarity::Affirmed {
                return None;
            }
            (Polarity::Negated, Extent::Unspecified)
        } else {
            (self.polarity(cx, &trigger), self.extent(cx, &trigger))
        };
        let speaker = self.speaker(cx, mention, &found.holders);
        let (attribution, modality) = self.voice(speaker, self.modality(cx, &trigger));
        let clause = &cx.clauses[trigger.clause];
        let words = cx.words.bytes(anaphor_words);
        Some(Extracted {
            span: clause.start.min(words.start)..clause.end.max(words.end),
            trigger: cx.words.bytes(mention.words.clone()),
            subject: earlier.subject,
            predicate: trigger.predicate,
            object: earlier.object,
            extent,
            polarity,
            modality,
            attribution,
            count: None,
            rule: anaphor.rule().to_string(),
            confidence: earlier.confidence.min(1.0 - self.params.cost.told_again),
        })
    }

    /// How the mention at `at` tells an event again, which earlier claim it
    /// stands for, and the words from the anaphor to the mention.
    fn anaphor(&self, cx: &Context, at: usize, read: &[Range<usize>]) -> Option<(Anaphor, Antecedent, Range<usize>)> {
        let mention = &cx.mentions[at];
        let words = &mention.words;
        let clause = cx.clause_of[words.start];
        match mention.sense {
            Sense::Predicate(predicate) => {
                // Only an event of two parties; the pair next to its verb and
                // named by nothing after it (`الرئيسين الأمريكي والروسي`):
                // `بين الطرفين` (between the two sides) is as often any two.
                if !self.vocabulary.predicate_info(predicate).symmetric {
                    return None;
                }
                let pair = cx.mentions.iter().find(|m| {
                    m.sense == Sense::PairAnaphor
                        && cx.clause_of[m.words.start] == clause
                        && (m.words.end == words.start || m.words.start == words.end)
                        && !cx.groups.iter().any(|g| g.words.start == m.words.end)
                })?;
                let span = pair.words.start.min(words.start)..pair.words.end.max(words.end);
                Some((Anaphor::Pair, Antecedent::OfPredicate(predicate), span))
            }
            Sense::Occurred => {
                let noun_ending_at = |end: usize| {
                    cx.mentions
                        .iter()
                        .find(|m| m.words.end == end && matches!(m.sense, Sense::Predicate(_) | Sense::EncounterNoun))
                };
                // `المناقشة، التي جرت`: the noun, a relative pronoun, the verb;
                // `جرى اللقاء`: the verb, then the noun.
                let relative = cx.mentions[..at]
                    .iter()
                    .rev()
                    .find(|m| m.sense == Sense::RelativePronoun && m.words.end == words.start);
                let noun = match relative {
                    Some(r) => noun_ending_at(r.words.start),
                    None => cx.mentions.iter().find(|m| {
                        m.words.start == words.end && matches!(m.sense, Sense::Predicate(_) | Sense::EncounterNoun)
                    }),
                };
                let noun = noun.filter(|n| is_definite(cx, n) && stands_alone(cx, n) && !read.contains(&n.words))?;
                // `الاجتماعات التي عقدها الموفد مع`: the clause names its own parties.
                let reach = self.params.reach.subject_after + 1;
                let own_parties = cx.groups.iter().any(|g| {
                    g.words.start >= words.end
                        && g.words.start <= words.end + reach
                        && cx.clause_of[g.words.start] == clause
                        && self.pick(g, |r| r.agent, false).is_some()
                });
                if own_parties {
                    return None;
                }
                let span = noun.words.start.min(words.start)..words.end.max(noun.words.end);
                let general = cx
                    .mentions
                    .iter()
                    .any(|m| m.words == noun.words && m.sense == Sense::EncounterNoun);
                let antecedent = match noun.sense {
                    Sense::Predicate(predicate) if general => Antecedent::OfPredicateOrLastEncounter(predicate),
                    Sense::Predicate(predicate) => Antecedent::OfPredicate(predicate),
                    _ => Antecedent::LastEncounter,
                };
                Some((Anaphor::Occurred, antecedent, span))
            }
            Sense::ReportNoun => {
                // `هذه قصة ملفقة`, `نفى هذه الأنباء`.
                let demonstrative = cx.mentions[..at]
                    .iter()
                    .rev()
                    .find(|m| m.sense == Sense::Demonstrative && m.words.end == words.start)?;
                let falsity = falsity_of(cx, at, self.falsity_reach())?;
                // `هذه الأنباء ليست كاذبة`: not called false.
                let negated = cx.mentions.iter().any(|m| {
                    m.sense == Sense::Negation && m.words.start >= words.end && m.words.end <= falsity.words.start
                });
                if negated {
                    return None;
                }
                // Reports that name their event or topic before the word of
                // falsity are read as such (`denials`); `من وسائل الإعلام` after it is their source.
                let named_by = if falsity.words.start >= words.end {
                    falsity.words.start
                } else {
                    words.end + self.params.reach.report_topic
                };
                let names_their_own = cx.mentions[at + 1..]
                    .iter()
                    .any(|m| is_predicate(m.sense) && m.words.start < named_by)
                    || cx
                        .groups
                        .iter()
                        .any(|g| g.words.start >= words.end && g.words.start < named_by);
                if names_their_own {
                    return None;
                }
                let span = demonstrative.words.start.min(falsity.words.start)..words.end.max(falsity.words.end);
                Some((Anaphor::FalseStory, Antecedent::LastTold, span))
            }
            _ => None,
        }
    }
}

/// A noun with the article (`اللقاء`, `والمناقشة`).
fn is_definite(cx: &Context, mention: &Mention) -> bool {
    without_article(without_conjunction(cx.words.key(mention.words.start))).is_some()
}

fn mention_start(cx: &Context, mention: &Mention) -> usize {
    cx.words.bytes(mention.words.clone()).start
}

/// A noun with no object of its own after it: no preposition, no name
/// (`الانسحاب من الاتفاق` names its own event).
fn stands_alone(cx: &Context, noun: &Mention) -> bool {
    let next = noun.words.end;
    !cx.groups.iter().any(|g| g.words.start == next)
        && !cx
            .mentions
            .iter()
            .any(|m| m.words.start == next && m.sense == Sense::Preposition)
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    fn grammar() -> Grammar {
        Grammar::new(
            r#"
              {"id": "egypt", "kind": "state", "aliases": ["مصر", "القاهرة"], "adjectives": ["المصري"]},
              {"id": "sudan", "kind": "state", "aliases": ["السودان", "الخرطوم"]},
              {"id": "envoy", "kind": "person", "aliases": ["المبعوث سامي"]},
              {"id": "crossing", "kind": "place", "aliases": ["المعبر"]}
            "#,
            r#"
              {"id": "meet", "aliases": ["التقى", "التقيا", "اجتمع", "اجتماع", "الاجتماع", "لقاء", "اللقاء"],
                 "symmetric": true, "object_kinds": ["state", "person"], "object_markers": ["مع", "ب"]},
              {"id": "detain", "aliases": ["احتجز", "احتجزت", "تحتجز"], "object_kinds": ["person"]},
              {"id": "close", "aliases": ["أغلقت"], "object_kinds": ["place"]}
            "#,
            r#"
              "negation": {"before": ["لم"], "denial": ["نفى", "نفت"]},
              "reports": {"nouns": ["قصة", "الأنباء"], "false": ["ملفقة", "كاذبة"]},
              "anaphora": {"pairs": ["الرجلين", "الطرفان", "الرئيسين"], "occurred": ["جرى", "جرت", "عقد"],
                           "encounters": ["المناقشة", "المحادثات"]},
              "modality": {"expected": ["سعت"]},
              "attribution": {"verbs": ["قال", "قالت"]},
              "prepositions": ["مع", "في"],
              "scope_prepositions": ["في"],
              "relative_pronouns": ["التي", "الذي"],
              "demonstratives": ["هذه", "هذا"],
              "complementizers": ["إن", "أن"]
            "#,
        )
    }

    #[test]
    fn a_pair_stands_for_the_parties_of_the_event_told_before() {
        let claims = grammar().claims("التقى المبعوث سامي مع مصر أمس. وقالت مصادر إن الرجلين التقيا ساعتين.");
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert_eq!(claims[1], claims[0]);
        // No event told before: the pair stands for nobody.
        assert!(grammar().claims("وقالت مصادر إن الرجلين التقيا ساعتين.").is_empty());
        // A pair is the parties of an event of two only, and not when named after.
        assert_eq!(
            grammar()
                .claims("احتجزت مصر المبعوث سامي. ونفت أنها تحتجز الرجلين.")
                .len(),
            1
        );
        assert_eq!(
            grammar()
                .claims("التقى المبعوث سامي مع مصر. ثم التقى الرئيسين المصري والسوداني.")
                .len(),
            1
        );
    }

    #[test]
    fn an_event_noun_that_took_place_tells_the_sought_event_again() {
        let claims =
            grammar().claims("سعت مصر إلى عقد اجتماع مع السودان. وقالت مصادر إن المناقشة، التي جرت أمس، كانت طويلة.");
        assert_eq!(
            claims,
            [
                "egypt meet sudan affirmed expected outlet unspecified",
                "egypt meet sudan affirmed asserted outlet unspecified"
            ]
        );
        // Two sentences on, the noun stands for nothing told; a clause naming
        // its own parties tells another event.
        let far = "سعت مصر إلى عقد اجتماع مع السودان. الطقس حار. وقالت مصادر إن المناقشة، التي جرت أمس، كانت طويلة.";
        assert_eq!(grammar().claims(far).len(), 1);
        let own = "سعت مصر إلى عقد اجتماع مع السودان. وقالت مصادر إن المناقشة التي جرت مع المبعوث سامي طويلة.";
        assert_eq!(grammar().claims(own).len(), 1);
        // A noun of an encounter stands for a meeting, not for any event.
        let other = "أغلقت مصر المعبر. وقالت مصادر إن المناقشة، التي جرت أمس، كانت طويلة.";
        assert_eq!(grammar().claims(other).len(), 1);
    }

    #[test]
    fn a_story_called_false_denies_the_event_just_told() {
        let claims = grammar().claims("التقى المبعوث سامي مع مصر. وقالت القاهرة: هذه قصة ملفقة من الصحف.");
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert!(
            claims[1].starts_with("envoy meet egypt negated asserted egypt"),
            "{claims:?}"
        );
    }
}
