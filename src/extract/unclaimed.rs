//! Triggers that make no claim: a speech or deliberation verb, a phrase of
//! another meaning, a verb heading for another event, an event pointed back
//! to, an adjective that looks like a verb, a request or a purpose, a verb
//! describing the event noun before it.

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
            || self.describes_event_before(cx, trigger)
    }

    /// `قصف استهدف بلدة`: a verb right after an indefinite noun of its
    /// family and direction (past one adjective of relation, `هجوم صاروخي
    /// استهدف`) is a clause describing that event, whose subject is the
    /// event itself; the noun's claim tells it. A verb before it is no noun
    /// (`القوات التي انسحبت توجه`: a feminine ending, or after a relative
    /// pronoun; a plural in ات is a noun: `غارات استهدفت`).
    fn describes_event_before(&self, cx: &Context, trigger: &Trigger) -> bool {
        let start = trigger.mention.words.start;
        let family_and_direction = |p| {
            let info = self.vocabulary.predicate_info(p);
            (&info.family, info.direction)
        };
        let indefinite = |at: usize| without_article(without_conjunction(cx.words.key(at))).is_none();
        let after_relative_pronoun = |at: usize| {
            cx.mentions
                .iter()
                .any(|m| m.sense == Sense::RelativePronoun && m.words.end == at)
        };
        let is_noun_of_family = |at: usize| {
            cx.mentions.iter().any(|m| {
                m.words == (at..at + 1)
                    && indefinite(at)
                    && !feminine_perfect(cx.words.key(at))
                    && !after_relative_pronoun(at)
                    && matches!(m.sense, Sense::Predicate(p) if family_and_direction(p) == family_and_direction(trigger.predicate))
            })
        };
        // `صاروخي`, `جوية`: an adjective of relation, masculine or feminine.
        let adjective = |at: usize| {
            let key = cx.words.key(at);
            indefinite(at) && (key.ends_with('ي') || (cx.words.words[at].taa_marbuta && key.ends_with("يه")))
        };
        // No conjunction: `قصف واستهدف` tells two events.
        cx.words.key(start) == without_conjunction(cx.words.key(start))
            && indefinite(start)
            && start >= 1
            && cx.clause_of[start - 1] == trigger.clause
            && (is_noun_of_family(start - 1) || (start >= 2 && adjective(start - 1) && is_noun_of_family(start - 2)))
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

/// A verb's feminine perfect (`انسحبت`), not a plural in ات (`غارات`).
fn feminine_perfect(key: &str) -> bool {
    key.ends_with('ت') && !key.ends_with("ات")
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    #[test]
    fn what_is_not_a_claim() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي", "الروسية"]},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "reuters", "kind": "media", "aliases": ["وكالة رويترز"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحاب", "الانسحاب", "انسحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "visit", "aliases": ["زار"], "object_kinds": ["place", "facility", "state"]}
            "#,
            r#"
              "attribution": {"verbs": ["قال", "قالت", "نقل", "نقلت"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"],
              "demonstratives": ["هذا"],
              "complementizers": ["أن"]
            "#,
        );
        // A demonstrative points back; a speech verb is no event; no scope, no claim.
        assert!(grammar.claims("وأثار هذا الانسحاب من سوريا تساؤلات.").is_empty());
        assert!(grammar.claims("ونقلت وكالة رويترز الخبر.").is_empty());
        assert!(grammar.claims("انسحبت روسيا.").is_empty());
        // `وزارة` (ministry) is not the verb زار (visit).
        assert!(grammar.claims("وقالت وزارة الدفاع الروسية إن الطقس بارد.").is_empty());
    }

    #[test]
    fn requests_and_purposes_are_not_claims() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "putin", "kind": "person", "aliases": ["بوتين"], "counts_as": "russia"},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["الحكومة السورية الجديدة"], "from": "2024-12-08"},
              {"id": "us-forces", "kind": "armed-force", "aliases": ["القوات الأمريكية"]},
              {"id": "turkey", "kind": "state", "aliases": ["أنقرة"]},
              {"id": "erdogan", "kind": "person", "aliases": ["أردوغان"], "counts_as": "turkey"},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم"]},
              {"id": "northeast-syria", "kind": "place", "aliases": ["شمال شرق سوريا"]},
              {"id": "qamishli", "kind": "place", "aliases": ["مطار القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "سحب", "الانسحاب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "visit", "aliases": ["زار"], "object_kinds": ["place", "facility", "state"]},
              {"id": "support", "aliases": ["دعم", "الدعم"],
                 "object_kinds": ["government", "person", "armed-force", "armed-group", "state", "topic"], "object_markers": ["ل"]}
            "#,
            r#"
              "modality": {"expected": ["تستعد"]},
              "prepositions": ["من", "إلى", "في"],
              "scope_prepositions": ["من", "في"],
              "negation": {"before": ["لا"]},
              "unasserted": ["دعا", "طالب", "طالبت", "بهدف", "تهدف", "لا مانع"]
            "#,
        );
        assert!(
            grammar
                .claims("وطالبت الحكومة السورية الجديدة روسيا بالانسحاب من قاعدة حميميم.")
                .is_empty()
        );
        // `لا مانع` (no objection) allows the event: neither claimed nor denied.
        assert!(
            grammar
                .claims("لا مانع أن تسحب القوات الأمريكية من شمال شرق سوريا.")
                .is_empty()
        );
        assert_eq!(
            grammar.claims("لا تسحب القوات الأمريكية من شمال شرق سوريا."),
            ["us-forces withdraw northeast-syria negated asserted outlet unspecified"]
        );
        assert!(
            grammar
                .claims("دعا أردوغان القوات الأمريكية إلى الانسحاب من شمال شرق سوريا.")
                .is_empty()
        );
        assert!(
            grammar
                .claims("زار بوتين أنقرة بهدف دعم التسوية السياسية في سوريا.")
                .iter()
                .all(|c| !c.contains(" support "))
        );
        // A purpose verb aims at the event: `تهدف إلى` is `بهدف` conjugated.
        assert!(
            grammar
                .claims("وزار بوتين أنقرة في زيارة تهدف إلى الانسحاب من شمال شرق سوريا.")
                .iter()
                .all(|c| !c.contains(" withdraw "))
        );
        // The ل of a modality verb's complement is no purpose.
        assert_eq!(
            grammar.claims("وتستعد روسيا لسحب قواتها من مطار القامشلي."),
            ["russia withdraw qamishli affirmed expected outlet unspecified"]
        );
    }

    #[test]
    fn an_adjective_of_relation_is_no_verb() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["موسكو"]},
              {"id": "putin", "kind": "person", "aliases": ["بوتين"], "counts_as": "russia"},
              {"id": "turkey", "kind": "state", "aliases": []},
              {"id": "erdogan", "kind": "person", "aliases": ["أردوغان"], "counts_as": "turkey"},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]},
              {"id": "sochi", "kind": "place", "aliases": ["سوتشي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["ترك"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "meet", "aliases": ["التقى"],
                 "object_kinds": ["person", "state", "government", "organisation"], "object_markers": ["مع", "ب", "إلى"]}
            "#,
            r#""prepositions": ["إلى", "في"], "scope_prepositions": ["في"]"#,
        );
        // `التركي` is not the verb ترك (leave); `التقى` is the verb met.
        assert!(grammar.claims("وصل الوفد التركي إلى موسكو.").is_empty());
        assert_eq!(
            grammar.claims("التقى أردوغان بوتين في سوتشي."),
            ["erdogan meet putin affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_verb_heading_for_another_event_is_not_one() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "us-forces", "kind": "armed-force", "aliases": ["الجيش الأمريكي"]},
              {"id": "turkey", "kind": "state", "aliases": ["تركيا"]},
              {"id": "northeast-syria", "kind": "place", "aliases": ["شمال شرق سوريا"]},
              {"id": "qamishli", "kind": "place", "aliases": ["مطار القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "الانسحاب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "deploy-to", "aliases": ["يتجه"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]},
              {"id": "support", "aliases": ["دعم", "الدعم"],
                 "object_kinds": ["government", "person", "armed-force", "armed-group", "state", "topic"], "object_markers": ["ل"]}
            "#,
            r#""prepositions": ["من", "نحو"], "scope_prepositions": ["من"]"#,
        );
        assert_eq!(
            grammar.claims("ويتجه الجيش الأمريكي نحو الانسحاب من شمال شرق سوريا."),
            ["us-forces withdraw northeast-syria affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("استخدمت روسيا مطار القامشلي لدعم تركيا."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn phrases_of_another_meaning_and_deliberation_are_no_events() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "موسكو"], "adjectives": ["الروسي"]},
              {"id": "putin", "kind": "person", "aliases": ["بوتين"], "counts_as": "russia"},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "turkey", "kind": "state", "aliases": []},
              {"id": "erdogan", "kind": "person", "aliases": ["أردوغان"], "counts_as": "turkey"},
              {"id": "syria-settlement", "kind": "topic", "aliases": ["الحل في سوريا"]},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]}
            "#,
            r#"
              {"id": "keep-presence", "aliases": ["أبقى", "تبقي", "ستبقى"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]},
              {"id": "discuss", "aliases": ["بحث"], "object_markers": ["بشأن", "حول", "عن"]}
            "#,
            r#"
              "modality": {"undecided": ["بحث ما إذا", "تبحث ما إذا"], "undecided_about": "keep-presence"},
              "attribution": {"verbs": ["قال"]},
              "prepositions": ["في", "عن"],
              "scope_prepositions": ["في"],
              "other_meanings": ["بحث … عن", "تبحث … عن"],
              "complementizers": ["أن", "كأن"]
            "#,
        );
        // `بحث عن` is searching for, not discussing.
        assert!(grammar.claims("وتبحث روسيا عن شركاء جدد في سوريا.").is_empty());
        assert_eq!(
            grammar.claims("بحث بوتين وأردوغان الحل في سوريا."),
            ["putin discuss syria-settlement affirmed asserted outlet unspecified"]
        );
        // Considering whether is no discussion: what is considered is undecided.
        assert_eq!(
            grammar.claims("قال بوتين إن موسكو تبحث ما إذا كانت ستبقي قواتها في سوريا."),
            ["russia keep-presence syria affirmed undecided putin unspecified"]
        );
    }

    #[test]
    fn a_verb_describing_the_event_noun_before_it_tells_no_event_of_its_own() {
        let grammar = Grammar::new(
            r#"
              {"id": "israel", "kind": "state", "aliases": ["إسرائيل"]},
              {"id": "gaza", "kind": "place", "aliases": ["مدينة غزة"]},
              {"id": "hospital", "kind": "facility", "aliases": ["مستشفى الشفاء"]}
            "#,
            r#"
              {"id": "strike", "family": "attack", "aliases": ["قصف", "غارة"], "object_kinds": ["place", "facility"]},
              {"id": "attack", "family": "attack", "aliases": ["استهدف", "يستهدف"], "object_kinds": ["place", "facility"]},
              {"id": "withdraw", "family": "presence", "direction": "against", "aliases": ["انسحبت"],
                 "object_kinds": ["place"], "object_markers": ["من"]},
              {"id": "deploy", "family": "presence", "aliases": ["توجه"], "object_kinds": ["facility"], "object_markers": ["إلى"]}
            "#,
            r#""prepositions": ["من", "إلى"], "relative_pronouns": ["التي"]"#,
        );
        // `استهدف` is the strike's: the hospital is its object, not a subject.
        assert_eq!(
            grammar.claims("إسرائيل شنت قصف استهدف مستشفى الشفاء."),
            ["israel strike hospital affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("إسرائيل شنت غارة يستهدف مستشفى الشفاء."),
            ["israel strike hospital affirmed asserted outlet unspecified"]
        );
        // Another family's verb, or a verb after a verb, tells its own event.
        assert_eq!(
            grammar.claims("القوات التي انسحبت من مدينة غزة توجه إلى مستشفى الشفاء. إسرائيل انسحبت من مدينة غزة توجه إلى مستشفى الشفاء."),
            [
                "israel withdraw gaza affirmed asserted outlet unspecified",
                "israel deploy hospital affirmed asserted outlet unspecified"
            ]
        );
    }
}
