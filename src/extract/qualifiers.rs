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
    /// its clause, or a denial verb (نفى) governs it from earlier in the
    /// sentence, or it is the event of reports the sentence calls false.
    pub(super) fn polarity(&self, cx: &Context, trigger: &Trigger) -> Polarity {
        let words = &trigger.mention.words;
        let no_predicate_between = |m: &Mention| !cx.has_between(m.words.end, words.start, is_predicate);
        let before = &cx.mentions[..trigger.at];
        // `لا` of `لا صحة` is the word of falsity's, not a second negation.
        let in_falsity = |m: &Mention| {
            cx.mentions
                .iter()
                .any(|f| f.sense == Sense::Falsity && f.words.start <= m.words.start && m.words.end <= f.words.end)
        };
        let negated = before.iter().any(|m| {
            m.sense == Sense::Negation
                && !in_falsity(m)
                && m.words.end <= words.start
                && words.start - m.words.end <= self.params.reach.negation
                && cx.clause_of[m.words.start] == trigger.clause
                && no_predicate_between(m)
        });
        let denied = before
            .iter()
            .any(|m| m.sense == Sense::Denial && m.words.end <= words.start && no_predicate_between(m))
            || self.in_false_report(cx, trigger.mention);
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

    /// Partial or full, from extent words near the trigger in its clause;
    /// without any, the predicate's own extent (reducing is partial).
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
        } else if self.vocabulary.predicate_info(trigger.predicate).partial {
            Extent::Partial
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

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    #[test]
    fn negation_and_denial_reach_the_predicate() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "موسكو", "الكرملين"], "adjectives": ["الروسي"]},
              {"id": "kremlin", "kind": "organisation", "aliases": ["الكرملين"], "counts_as": "russia"},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "tartus", "kind": "facility", "aliases": ["طرطوس"]},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "غادر", "الانسحاب", "تغادر"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#"
              "negation": {"before": ["لن"], "denial": ["نفت"]},
              "attribution": {"verbs": ["قال", "نفت"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"],
              "complementizers": ["أن"]
            "#,
        );
        assert_eq!(
            grammar.claims("وقال الكرملين إن روسيا لن تغادر قاعدة طرطوس."),
            ["russia withdraw tartus negated asserted kremlin unspecified"]
        );
        assert_eq!(
            grammar.claims("نفت موسكو انسحاب قواتها من سوريا."),
            ["russia withdraw syria negated asserted russia unspecified"]
        );
    }

    #[test]
    fn modality_questions_and_hedges() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "hmeimim", "kind": "facility", "aliases": ["حميميم", "قاعدة حميميم"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "تنسحب", "انسحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "deploy-to", "aliases": ["أرسل … قوات"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]}
            "#,
            r#"
              "modality": {"question": ["هل"], "hedged": ["ربما"], "hedged_before_imperfect": ["قد"], "expected": ["من المتوقع"]},
              "prepositions": ["من", "إلى"],
              "scope_prepositions": ["من"],
              "complementizers": ["أن", "كأن"]
            "#,
        );
        assert_eq!(
            grammar.claims("هل تنسحب روسيا من سوريا؟"),
            ["russia withdraw syria affirmed question outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("ربما تنسحب روسيا من قاعدة حميميم."),
            ["russia withdraw hmeimim affirmed hedged outlet unspecified"]
        );
        // قد before an imperfect verb hedges; before a past verb it does not.
        assert_eq!(
            grammar.claims("قد تنسحب روسيا من سوريا."),
            ["russia withdraw syria affirmed hedged outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("وكانت روسيا قد انسحبت من سوريا."),
            ["russia withdraw syria affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("من المتوقع أن ترسل روسيا قوات إلى حميميم."),
            ["russia deploy-to hmeimim affirmed expected outlet unspecified"]
        );
    }

    #[test]
    fn avoiding_wanting_and_planning_are_aims_not_assertions() {
        let grammar = Grammar::new(
            r#"
              {"id": "turkey", "kind": "state", "aliases": ["تركيا", "أنقرة"]},
              {"id": "iraq", "kind": "place", "aliases": ["العراق"]},
              {"id": "idlib", "kind": "place", "aliases": ["إدلب"]}
            "#,
            r#"
              {"id": "keep-presence", "aliases": ["بقاء", "إبقاء"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في"]},
              {"id": "withdraw", "aliases": ["سحب", "الانسحاب", "تنسحب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من"]}
            "#,
            r#"
              "negation": {"before": ["لم"], "avoidance": ["تتجنب", "تتفادى"]},
              "modality": {"expected": ["تريد", "تحاول", "تعتزم", "تخطط", "سعت", "حاولت"]},
              "prepositions": ["من", "في"],
              "scope_prepositions": ["من", "في"]
            "#,
        );
        // Avoiding keeping forces is an aim not to keep them, not the fact that none are kept.
        assert_eq!(
            grammar.claims("وتتجنب أنقرة بقاء جنود كثيرين في إدلب."),
            ["turkey keep-presence idlib negated expected outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("تركيا تتفادى إبقاء قواتها في العراق."),
            ["turkey keep-presence iraq negated expected outlet unspecified"]
        );
        // Wanting, trying and planning: the event is aimed at, expected, never asserted.
        for sentence in [
            "تريد تركيا سحب قواتها من إدلب.",
            "تحاول تركيا سحب قواتها من إدلب.",
            "وتعتزم أنقرة سحب جنودها من إدلب.",
            "تخطط تركيا لسحب قواتها من إدلب.",
            // Having sought or tried it says no more that it happened.
            "سعت تركيا إلى سحب قواتها من إدلب.",
            "وحاولت أنقرة سحب جنودها من إدلب.",
        ] {
            assert_eq!(
                grammar.claims(sentence),
                ["turkey withdraw idlib affirmed expected outlet unspecified"],
                "{sentence}"
            );
        }
        // A plain negation is still asserted.
        assert_eq!(
            grammar.claims("لم تنسحب تركيا من إدلب."),
            ["turkey withdraw idlib negated asserted outlet unspecified"]
        );
    }

    #[test]
    fn extent_words_in_the_clause() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "qamishli", "kind": "place", "aliases": ["القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "سحب", "انسحبت", "سحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#"
              "extent": {"full": ["كامل", "بالكامل"], "partial": ["جزء من"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"]
            "#,
        );
        assert_eq!(
            grammar.claims("انسحبت روسيا بالكامل من القامشلي."),
            ["russia withdraw qamishli affirmed asserted outlet full"]
        );
        assert_eq!(
            grammar.claims("سحبت روسيا جزءا من قواتها من سوريا."),
            ["russia withdraw syria affirmed asserted outlet partial"]
        );
    }

    #[test]
    fn a_predicate_partial_by_meaning_stays_partial_unless_a_word_says_otherwise() {
        let grammar = Grammar::new(
            r#"
              {"id": "turkey", "kind": "state", "aliases": ["تركيا"]},
              {"id": "iraq", "kind": "place", "aliases": ["العراق"]}
            "#,
            r#"
              {"id": "reduce-presence", "aliases": ["خفض", "قلصت"], "direction": "against", "extent": "partial",
                 "object_kinds": ["place"], "object_markers": ["في", "من"]},
              {"id": "withdraw", "aliases": ["سحبت"], "direction": "against",
                 "object_kinds": ["place"], "object_markers": ["من"]}
            "#,
            r#"
              "extent": {"full": ["بالكامل"]},
              "prepositions": ["من", "في"],
              "scope_prepositions": ["من", "في"]
            "#,
        );
        assert_eq!(
            grammar.claims("قلصت تركيا عدد جنودها في العراق."),
            ["turkey reduce-presence iraq affirmed asserted outlet partial"]
        );
        assert_eq!(
            grammar.claims("سحبت تركيا جنودها من العراق."),
            ["turkey withdraw iraq affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("قلصت تركيا وجودها بالكامل في العراق."),
            ["turkey reduce-presence iraq affirmed asserted outlet full"]
        );
    }

    #[test]
    fn the_future_prefix_makes_a_claim_expected() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": []},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["دمشق"], "from": "2024-12-08"},
              {"id": "opposition-factions", "kind": "armed-force", "aliases": ["الفصائل المسلحة"]},
              {"id": "hmeimim", "kind": "facility", "aliases": ["حميميم"]},
              {"id": "damascus", "kind": "place", "aliases": ["دمشق"]}
            "#,
            r#"
              {"id": "deploy-to", "aliases": ["تعود"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]},
              {"id": "capture", "aliases": ["سيطر", "سيطرت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["على"]}
            "#,
            r#""prepositions": ["إلى", "على"]"#,
        );
        assert_eq!(
            grammar.claims("وستعود القوات الروسية إلى حميميم."),
            ["russian-forces deploy-to hmeimim affirmed expected outlet unspecified"]
        );
        // `سيطرت` begins with the letters of its own alias, not with a future prefix.
        assert_eq!(
            grammar.claims("سيطرت الفصائل المسلحة على دمشق."),
            ["opposition-factions capture damascus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn describing_participles_and_events_yet_to_come() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "putin", "kind": "person", "aliases": ["بوتين", "الرئيس الروسي"], "counts_as": "russia"},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "turkey", "kind": "state", "aliases": []},
              {"id": "erdogan", "kind": "person", "aliases": ["أردوغان"], "counts_as": "turkey"},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم"]},
              {"id": "sochi", "kind": "place", "aliases": ["سوتشي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحاب", "تنسحب", "الانسحاب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "keep-presence", "aliases": ["احتفظ", "تحتفظ", "متواجدة في", "المتواجدة في"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]},
              {"id": "meet", "aliases": ["التقى", "لقاء"],
                 "object_kinds": ["person", "state", "government", "organisation"], "object_markers": ["مع", "ب", "إلى"]}
            "#,
            r#"
              "negation": {"before": ["لن"]},
              "modality": {"hedged": ["ربما"], "expected": ["من المتوقع"], "expected_after": ["قريب"]},
              "attribution": {"verbs": ["أشار"]},
              "extent": {"partial": ["بدأ", "تبدأ"]},
              "prepositions": ["من", "إلى", "في", "مع"],
              "scope_prepositions": ["من", "في"],
              "complementizers": ["أن"]
            "#,
        );
        // The participle describes the forces; the hedge is about the withdrawal only.
        assert_eq!(
            grammar.claims("ربما تنسحب القوات الروسية المتواجدة في قاعدة حميميم."),
            [
                "russian-forces withdraw hmeimim affirmed hedged outlet unspecified",
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // Said again of forces named after a preposition: the participle's subject is its noun.
        assert_eq!(
            grammar.claims(
                "تحتفظ القوات الروسية بقاعدة حميميم. ولن تحتاج روسيا إلا إلى القوات الروسية المتواجدة في قاعدة حميميم."
            ),
            [
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified",
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // A verbal noun after a name is no participle: the modality before the name reaches it.
        assert_eq!(
            grammar.claims("من المتوقع أن تبدأ روسيا الانسحاب من سوريا."),
            ["russia withdraw syria affirmed expected outlet partial"]
        );
        assert_eq!(
            grammar.claims("وأشار أردوغان إلى لقاء آخر قريب مع الرئيس الروسي في سوتشي."),
            ["erdogan meet putin affirmed expected erdogan unspecified"]
        );
        assert_eq!(
            grammar.claims("التقى بوتين أردوغان في سوتشي."),
            ["putin meet erdogan affirmed asserted outlet unspecified"]
        );
    }
}
