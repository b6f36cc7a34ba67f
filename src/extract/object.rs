//! The object of a claim: the name the predicate's own preposition
//! introduces, else the first fitting one after it in its clause, else (for a
//! predicate whose object may lead) one before it; never the subject, a name
//! joined to it, or the speaker.

use super::Extractor;
use super::context::{Context, Group, Trigger, is_predicate};
use super::index::{Mention, Sense};
use super::roles::{Filler, Rule};
use crate::text::{has_conjunction, starts_with_and, without_article, without_conjunction};
use crate::vocab::{EntityId, Predicate};

impl Extractor<'_> {
    /// Object: the first scope entity after the trigger introduced by one of
    /// the predicate's prepositions, else the first scope entity after it in
    /// its clause, else (for predicates whose object may lead, `منح الأسد
    /// اللجوء`) the nearest before it in its clause.
    pub(super) fn object(
        &self,
        cx: &Context,
        trigger: &Trigger,
        subject: Filler<Option<usize>>,
        speaker_group: Option<usize>,
    ) -> Option<Filler<usize>> {
        let search = ObjectSearch {
            extractor: self,
            cx,
            trigger,
            info: self.vocabulary.predicate_info(trigger.predicate),
            markers: &self.markers[trigger.predicate.0 as usize],
            subject: subject.entity,
            co_subjects: co_subjects(cx, subject.group),
            speaker_group,
        };
        let found = |(group, entity), rule| Some(Filler { group, entity, rule });
        // `القاعدة التي تسيطر عليها روسيا`: with its subject after it, a
        // relative clause's predicate has the noun it refers back to as object.
        let subject_after = subject
            .group
            .is_some_and(|g| cx.groups[g].words.start >= trigger.mention.words.end);
        if subject_after && let Some(antecedent) = search.antecedent().and_then(|c| search.candidate(c)) {
            return found(antecedent, Rule::RelativeAntecedent);
        }
        let after: Vec<(usize, &Group)> = cx
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.words.start > trigger.mention.words.start && search.in_reach(g))
            .collect();
        if let Some(direct) = search.direct(&after) {
            return found(direct, Rule::DirectObject);
        }
        if search.marks_an_undertaking() {
            return None;
        }
        if let Some(marked) = after
            .iter()
            .filter(|(_, g)| search.marked(g) && !search.compared(g))
            .find_map(|&c| search.candidate(c))
        {
            return found(marked, Rule::MarkedObject);
        }
        let unmarked = after
            .iter()
            .filter(|(_, g)| cx.clause_of[g.words.start] == trigger.clause && !search.governed_otherwise(g))
            .find_map(|&c| search.candidate(c));
        if let Some(unmarked) = unmarked {
            return found(unmarked, Rule::ObjectAfter);
        }
        if !search.info.object_before {
            return None;
        }
        found(search.before()?, Rule::ObjectBefore)
    }
}

/// The most nouns between a toll and its place in one construct.
const TOLL_CONSTRUCT: usize = 2;

/// The subject's group and the names joined to it (`برعاية روسيا وتركيا`),
/// which share its role.
fn co_subjects(cx: &Context, subject: Option<usize>) -> Vec<usize> {
    let mut joined_groups = subject.into_iter().collect::<Vec<_>>();
    while let Some(&last) = joined_groups.last() {
        let next = last + 1;
        let joined = cx.groups.get(next).is_some_and(|g| {
            g.words.start == cx.groups[last].words.end && starts_with_and(cx.words.key(g.words.start))
        });
        if !joined {
            break;
        }
        joined_groups.push(next);
    }
    joined_groups
}

/// What the object rules of one trigger share.
struct ObjectSearch<'a> {
    extractor: &'a Extractor<'a>,
    cx: &'a Context<'a>,
    trigger: &'a Trigger<'a>,
    info: &'a Predicate,
    /// The predicate's folded prepositions; none: any may introduce its object.
    markers: &'a [String],
    subject: EntityId,
    co_subjects: Vec<usize>,
    speaker_group: Option<usize>,
}

impl ObjectSearch<'_> {
    /// The entity of group `i` that may be the object, if any. A name of
    /// several kinds (`موسكو`: Russia, Moscow) is read as the kind the
    /// predicate lists first.
    fn candidate(&self, (i, g): (usize, &Group)) -> Option<(usize, EntityId)> {
        if self.co_subjects.contains(&i) || Some(i) == self.speaker_group || g.adjective {
            return None;
        }
        let vocabulary = self.extractor.vocabulary;
        let rank = |e: EntityId| {
            let kind = &vocabulary.entity_info(e).kind;
            self.info.object_kinds.iter().position(|k| k == kind)
        };
        let e = g
            .entities
            .iter()
            .copied()
            .filter(|&e| self.extractor.fits_object(self.trigger.predicate, self.subject, e))
            .min_by_key(|&e| rank(e))?;
        Some((i, e))
    }

    /// The name right before the relative pronoun right before the trigger.
    fn antecedent(&self) -> Option<(usize, &Group)> {
        let trigger = &self.trigger.mention.words;
        self.cx
            .mentions
            .iter()
            .filter(|m| {
                m.sense == Sense::RelativePronoun && m.words.end <= trigger.start && m.words.end + 1 >= trigger.start
            })
            .find_map(|m| {
                self.cx
                    .groups
                    .iter()
                    .enumerate()
                    .rfind(|(_, g)| g.words.end <= m.words.start && g.words.end + 1 >= m.words.start)
            })
    }

    /// With no prepositions of its own the object follows the predicate
    /// directly, or is named in it (`احترام جميع الاتفاقيات`); right after
    /// it, a preposition is the alias's own (`عرج على القاهرة`).
    fn direct(&self, after: &[(usize, &Group)]) -> Option<(usize, EntityId)> {
        if !self.markers.is_empty() {
            return None;
        }
        let end = self.trigger.mention.words.end;
        let adjacent_or_toll_place = |g: &Group| g.words.start == end + 1 || self.ends_toll_construct(g);
        after
            .iter()
            .filter(|(_, g)| g.words.start <= end || (adjacent_or_toll_place(g) && !self.cx.in_prepositional_phrase(g)))
            .find_map(|&c| self.candidate(c))
    }

    /// A toll's place at the end of its construct: `حصيلة ضحايا فيضانات
    /// مدينة درنة` counts Derna's dead, however many nouns of no phrase, no
    /// article and no punctuation (at most [`TOLL_CONSTRUCT`]) stand between.
    fn ends_toll_construct(&self, g: &Group) -> bool {
        let (cx, end) = (self.cx, self.trigger.mention.words.end);
        let joined = |at: usize| {
            cx.text[cx.words.words[at - 1].span.end..cx.words.words[at].span.start]
                .chars()
                .all(char::is_whitespace)
        };
        let plain = |at: usize| {
            let key = cx.words.key(at);
            without_article(key).is_none()
                && !starts_with_and(key)
                && !self.extractor.time_words.is_time_word(key)
                && !cx.mentions.iter().any(|m| m.words.contains(&at))
        };
        self.info.tells_a_toll()
            && g.words.start > end
            && g.words.start <= end + TOLL_CONSTRUCT
            && (end..g.words.start).all(plain)
            && (end..=g.words.start).all(joined)
    }

    /// A preposition right before the entity, or before one head noun (`من مدينة القامشلي`).
    fn preposition_before(&self, g: &Group) -> Option<&Mention> {
        self.cx.mentions.iter().find(|m| {
            m.sense == Sense::Preposition
                && m.words.start >= self.trigger.mention.words.end
                && !m.suffixed
                && (m.words.end == g.words.start || m.words.end + 1 == g.words.start)
        })
    }

    /// A one-word preposition of the predicate's (`إلى جانب` is no `إلى`).
    fn is_marker(&self, m: &Mention) -> bool {
        self.markers.is_empty()
            || (m.words.len() == 1 && self.markers.iter().any(|k| k == self.cx.words.key(m.words.start)))
    }

    fn marked(&self, g: &Group) -> bool {
        let clitic_is_marker = || {
            let clitic = without_conjunction(self.cx.words.key(g.words.start));
            self.markers.is_empty() || self.markers.iter().any(|k| clitic.starts_with(k.as_str()))
        };
        self.preposition_before(g).is_some_and(|m| self.is_marker(m)) || (g.prefixed && clitic_is_marker())
    }

    /// The predicate's own preposition introduces an undertaking before any
    /// name after the trigger (`تنسحب من جهود الوساطة في غزة`, `انسحاب
    /// واشنطن من الاتفاق النووي مع إيران`): that is its object, not a place
    /// or party named after it.
    fn marks_an_undertaking(&self) -> bool {
        let (cx, trigger) = (self.cx, &self.trigger.mention.words);
        let first_name = cx
            .groups
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.co_subjects.contains(i))
            .map(|(_, g)| g.words.start)
            .filter(|&start| start >= trigger.end)
            .min()
            .unwrap_or(cx.words.len());
        // Or first after an alias that carries its preposition (`تتخلى عن دور
        // الوسيط`, past its subject: `تخلت تركيا عن دور`).
        let after_subject =
            (trigger.end..first_name).find(|w| !self.co_subjects.iter().any(|&i| cx.groups[i].words.contains(w)));
        let right_after = after_subject.is_some_and(|w| self.extractor.undertakings.contains(cx.words.key(w)));
        !self.markers.is_empty()
            && (right_after
                || cx.mentions.iter().any(|m| {
                    m.sense == Sense::Preposition
                        && !m.suffixed
                        && m.words.start >= trigger.end
                        && m.words.end <= first_name
                        && cx.clause_of[m.words.start] == self.trigger.clause
                        && self.is_marker(m)
                        && m.words.end < cx.words.len()
                        && self.extractor.undertakings.contains(cx.words.key(m.words.end))
                }))
    }

    /// A word of comparison one or two words before (`مقارنةً بقاعدتها`,
    /// `قياسا إلى طرطوس`): the name is compared, not the object.
    fn compared(&self, g: &Group) -> bool {
        (g.words.start.saturating_sub(2)..g.words.start)
            .any(|w| self.extractor.comparisons.iter().any(|c| c == self.cx.words.key(w)))
    }

    /// Governed by a preposition that is not the predicate's (`على الطريق بين
    /// دمشق`), or compared.
    fn governed_otherwise(&self, g: &Group) -> bool {
        let scope_prepositions = &self.extractor.scope_prepositions;
        self.compared(g)
            || (!self.markers.is_empty()
                && self.preposition_before(g).is_some_and(|m| {
                    !self.is_marker(m) && !scope_prepositions.iter().any(|p| p == self.cx.words.key(m.words.start))
                }))
    }

    /// The object is not looked for past a clause begun inside the sentence
    /// (`… بأن موسكو لن تتدخل`) or past an event joined on (`إعادة تموضع
    /// وانسحاب من`), but for a toll told with another (`قتل 8 أشخاص وجرح 16
    /// آخرون في حمص`: both in Homs); outside the clause, not past any other predicate.
    fn in_reach(&self, g: &Group) -> bool {
        let (cx, trigger) = (self.cx, &self.trigger.mention.words);
        let toll = self.extractor.counts(self.trigger.predicate);
        let another_toll = |sense: Sense| matches!(sense, Sense::Predicate(p) if toll && self.extractor.counts(p));
        let stops = cx.mentions.iter().any(|m| {
            m.words.start >= trigger.end
                && m.words.end <= g.words.start
                && (m.sense == Sense::Complementizer
                    || (is_predicate(m.sense)
                        && has_conjunction(cx.words.key(m.words.start))
                        && !another_toll(m.sense)))
        });
        // An aside between (`التقى ماسك، وهو مستشار مقرب من …، مع مندوب
        // إيران`) holds no predicate here and is not counted in the reach.
        let (own, theirs) = (self.trigger.clause, cx.clause_of[g.words.start]);
        let counted = (trigger.end..g.words.start)
            .filter(|&w| cx.clause_of[w] == own || cx.clause_of[w] == theirs)
            .count();
        !stops
            && (theirs == own
                || (counted < self.extractor.params.reach.object_outside_clause
                    && !cx.has_between(trigger.end, g.words.start, is_predicate)))
    }

    /// The nearest fitting name before the trigger in its clause.
    fn before(&self) -> Option<(usize, EntityId)> {
        self.cx
            .groups
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, g)| {
                g.words.end <= self.trigger.mention.words.start
                    && self.cx.clause_of[g.words.start] == self.trigger.clause
            })
            .find_map(|c| self.candidate(c))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    #[test]
    fn where_an_object_is_looked_for() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "موسكو", "الروس"], "adjectives": ["الروسي", "الروسية"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "putin", "kind": "person", "aliases": ["بوتين"], "counts_as": "russia"},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "assad-government", "kind": "government", "aliases": [], "until": "2024-12-08"},
              {"id": "syrian-army", "kind": "armed-force", "aliases": ["الجيش السوري"], "counts_as": "assad-government"},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["دمشق"], "from": "2024-12-08"},
              {"id": "sharaa", "kind": "person", "aliases": ["الشرع"], "counts_as": "syrian-new-authorities"},
              {"id": "turkey", "kind": "state", "aliases": ["أنقرة"]},
              {"id": "egypt", "kind": "state", "aliases": ["القاهرة"]},
              {"id": "sisi", "kind": "person", "aliases": ["عبد الفتاح السيسي"], "counts_as": "egypt"},
              {"id": "russian-syrian-agreements", "kind": "topic", "aliases": ["جميع الاتفاقيات"]},
              {"id": "syrian-coast", "kind": "place", "aliases": ["اللاذقية"]},
              {"id": "forward-positions", "kind": "place", "aliases": ["الخطوط الأمامية"]},
              {"id": "damascus", "kind": "place", "aliases": ["دمشق"]},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "الانسحاب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "deploy-to", "aliases": ["إعادة تموضع", "يتجه"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]},
              {"id": "meet", "aliases": ["اجتمع"],
                 "object_kinds": ["person", "state", "government", "organisation"], "object_markers": ["مع", "ب", "إلى"]},
              {"id": "visit", "aliases": ["زار", "عرج على"], "object_kinds": ["place", "facility", "state"]},
              {"id": "honour-agreements", "aliases": ["احترام جميع الاتفاقيات"]},
              {"id": "lose-personnel", "aliases": ["خسرت"], "object_markers": ["في"]}
            "#,
            r#"
              "negation": {"before": ["لن"]},
              "modality": {"expected": ["وعد"]},
              "attribution": {"verbs": ["رصد", "رصدت"]},
              "extent": {"partial": ["تدريجي", "تدريجيا", "بدأ", "بدأت", "أعداد من"], "full": ["جميع"]},
              "prepositions": ["من", "إلى", "على", "بين", "إلى جانب"],
              "scope_prepositions": ["من"],
              "complementizers": ["أن", "بأن"]
            "#,
        );
        // After a preposition that is not the predicate's (`بين`, `إلى جانب`), a name is no object.
        assert!(
            grammar
                .claims("رصدت كاميرات رتلا من الدبابات الروسية يتجه على الطريق بين دمشق واللاذقية.")
                .is_empty()
        );
        assert!(
            grammar
                .claims("خسرت القوات الروسية إلى جانب الجيش السوري أعدادا من الجنود.")
                .is_empty()
        );
        // Nor past a clause begun inside the sentence.
        assert!(
            grammar
                .claims("وتفسر دمشق الانسحاب الروسي كبادرة تهدف إلى طمأنة الشرع بأن موسكو لن تتدخل.")
                .is_empty()
        );
        // Nor past an event joined on: the redeployment is not to the withdrawal's place.
        assert_eq!(
            grammar.claims("بدأت روسيا إعادة تموضع لقواتها وانسحابا تدريجيا من الخطوط الأمامية."),
            ["russia withdraw forward-positions affirmed asserted outlet partial"]
        );
        // With no prepositions of its own, the object is the name in or right after the predicate.
        assert_eq!(
            grammar.claims("ووعد الشرع باحترام جميع الاتفاقيات المبرمة بين روسيا وسوريا."),
            ["sharaa honour-agreements russian-syrian-agreements affirmed expected outlet full"]
        );
        // An earlier claim's object is no later subject.
        assert_eq!(
            grammar.claims("زار بوتين سوريا. ثم عرج على القاهرة وأنقرة حيث اجتمع إلى الرئيس عبد الفتاح السيسي."),
            [
                "putin visit syria affirmed asserted outlet unspecified",
                "putin visit egypt affirmed asserted outlet unspecified",
                "putin visit turkey affirmed asserted outlet unspecified",
                "putin meet sisi affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn an_undertaking_after_the_preposition_is_the_object() {
        let grammar = Grammar::new(
            r#"
              {"id": "turkey", "kind": "state", "aliases": ["تركيا"]},
              {"id": "russia", "kind": "state", "aliases": ["روسيا"]},
              {"id": "idlib", "kind": "place", "aliases": ["إدلب"]}
            "#,
            r#"{"id": "withdraw", "aliases": ["انسحبت", "تخلت عن"],
                 "object_kinds": ["place", "state"], "object_markers": ["من"]}"#,
            r#""prepositions": ["من", "في", "مع"], "scope_prepositions": ["في"], "undertakings": ["الاتفاق", "جهود", "دور"]"#,
        );
        // Out of an agreement or an effort, not out of the place or the party named after it.
        for sentence in [
            "انسحبت تركيا من الاتفاق مع روسيا.",
            "انسحبت تركيا من جهود الوساطة في إدلب.",
            "تخلت تركيا عن دور الوسيط في إدلب.",
        ] {
            assert!(grammar.claims(sentence).is_empty(), "{sentence}");
        }
        // Positions are no undertaking: the move is out of Idlib.
        assert_eq!(
            grammar.claims("انسحبت تركيا من مواقعها في إدلب."),
            ["turkey withdraw idlib affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn relative_clauses_refer_back_to_their_noun() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "turkey", "kind": "state", "aliases": ["تركيا"]},
              {"id": "erdogan", "kind": "person", "aliases": ["أردوغان"], "counts_as": "turkey"},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم"]},
              {"id": "de-escalation-zones", "kind": "topic", "aliases": ["مناطق تخفيف التوتر"]}
            "#,
            r#"
              {"id": "keep-presence", "aliases": ["تسيطر على"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]},
              {"id": "meet", "aliases": ["محادثات"],
                 "object_kinds": ["person", "state", "government", "organisation"], "object_markers": ["مع", "ب", "إلى"]},
              {"id": "visit", "aliases": ["يزور"], "object_kinds": ["place", "facility", "state"]},
              {"id": "support", "aliases": ["برعاية", "رعاية"],
                 "object_kinds": ["government", "person", "armed-force", "armed-group", "state", "topic"], "object_markers": ["ل"]}
            "#,
            r#"
              "modality": {"expected": ["من المتوقع"]},
              "prepositions": ["من", "على"],
              "scope_prepositions": ["من"],
              "relative_pronouns": ["التي"],
              "complementizers": ["أن"]
            "#,
        );
        // The resumptive `عليها` puts the subject after the verb and the noun as object;
        // the main clause's `من المتوقع` does not reach into the relative clause.
        assert_eq!(
            grammar.claims("ومن المتوقع أن يزور أردوغان قاعدة حميميم التي تسيطر عليها روسيا."),
            [
                "erdogan visit hmeimim affirmed expected outlet unspecified",
                "russia keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // Names joined to the subject are co-subjects, not objects.
        assert_eq!(
            grammar.claims("وتشمل المحادثات مناطق تخفيف التوتر التي تتم برعاية روسيا وتركيا."),
            ["russia support de-escalation-zones affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn connectives_and_names_of_several_kinds() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["موسكو"]},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": [], "from": "2024-12-08"},
              {"id": "sharaa", "kind": "person", "aliases": ["الشرع"], "counts_as": "syrian-new-authorities"},
              {"id": "turkey", "kind": "state", "aliases": ["أنقرة"]},
              {"id": "egypt", "kind": "state", "aliases": ["القاهرة"]},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]}
            "#,
            r#"{"id": "visit", "aliases": ["زار"], "object_kinds": ["place", "facility", "state"]}"#,
            r#""demonstratives": ["ذلك"]"#,
        );
        // `لذلك` (therefore) is no demonstrative pointing back; `موسكو` visited is the city.
        assert_eq!(
            grammar.claims("ولذلك زار الشرع موسكو، ثم زار القاهرة وأنقرة."),
            [
                "sharaa visit moscow affirmed asserted outlet unspecified",
                "sharaa visit egypt affirmed asserted outlet unspecified",
                "sharaa visit turkey affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn a_name_compared_with_is_no_object() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "tartus", "kind": "facility", "aliases": ["طرطوس"]}
            "#,
            r#"
              {"id": "deploy-to", "aliases": ["انتشار"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "في"]}
            "#,
            r#"
              "prepositions": ["من", "إلى", "في"],
              "scope_prepositions": ["من", "في"],
              "comparisons": ["مقارنة", "قياسا"]
            "#,
        );
        // Compared with Tartus: Tartus is no destination, with the preposition
        // attached or apart.
        assert!(grammar.claims("وهو انتشار روسي صغير قياسا إلى طرطوس.").is_empty());
        assert!(grammar.claims("وهو انتشار روسي صغير مقارنة بطرطوس.").is_empty());
        assert_eq!(
            grammar.claims("وتحدثوا عن انتشار روسي جديد في طرطوس."),
            ["russia deploy-to tartus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn strengthening_and_sending_are_of_forces_only() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "موسكو"], "adjectives": ["الروسي"]},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "libya", "kind": "place", "aliases": ["ليبيا"]},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]}
            "#,
            r#"
              {"id": "reinforce-presence", "aliases": ["عزز … وجود"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في"]},
              {"id": "deploy-to", "aliases": ["أرسل … قوات"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]}
            "#,
            r#"
              "attribution": {"verbs": ["أشار"]},
              "prepositions": ["من", "إلى", "في", "على"],
              "scope_prepositions": ["من", "في"]
            "#,
        );
        assert!(
            grammar
                .claims("وهو ما يعزز من قدرة روسيا على التأثير في سوريا.")
                .is_empty()
        );
        assert!(grammar.claims("أرسلت الإدارة الجديدة إشارات إلى موسكو.").is_empty());
        assert_eq!(
            grammar.claims("عززت روسيا وجودها العسكري في ليبيا."),
            ["russia reinforce-presence libya affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("أرسلت روسيا قوات إضافية إلى ليبيا."),
            ["russia deploy-to libya affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn controlling_is_keeping_and_seizing_control_is_capture() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["دمشق"], "from": "2024-12-08"},
              {"id": "opposition-factions", "kind": "armed-force", "aliases": ["الفصائل المسلحة"]},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم الجوية"]},
              {"id": "damascus", "kind": "place", "aliases": ["دمشق"]}
            "#,
            r#"
              {"id": "keep-presence", "aliases": ["تسيطر على"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]},
              {"id": "deploy-to", "aliases": ["وصلت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]},
              {"id": "capture", "aliases": ["سيطر", "سيطرت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["على"]}
            "#,
            r#""prepositions": ["إلى", "على"], "relative_pronouns": ["التي"]"#,
        );
        assert_eq!(
            grammar.claims("وصلت القوات إلى قاعدة حميميم الجوية التي تسيطر عليها روسيا."),
            ["russia keep-presence hmeimim affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("الفصائل المسلحة سيطرت على دمشق."),
            ["opposition-factions capture damascus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_aside_between_the_trigger_and_its_object_is_not_counted_in_the_reach() {
        let grammar = Grammar::new(
            r#"
              {"id": "musk", "kind": "person", "aliases": ["ماسك"]},
              {"id": "iran", "kind": "state", "aliases": ["إيران"]}
            "#,
            r#"{"id": "meet", "aliases": ["التقى"], "object_kinds": ["state", "person"], "object_markers": ["مع"]}"#,
            r#""prepositions": ["مع", "من"]"#,
        );
        // Twelve words of an aside between commas, then the object.
        let aside =
            "التقى ماسك، وهو رجل أعمال معروف ومستشار مقرب جدا من رئيس البلاد المنتخب حديثا هناك، مع مندوب إيران.";
        assert_eq!(
            grammar.claims(aside),
            ["musk meet iran affirmed asserted outlet unspecified"]
        );
        // The same words in the trigger's own clause are counted: too far.
        let long = "التقى ماسك وهو رجل أعمال معروف ومستشار مقرب جدا من رئيس البلاد المنتخب حديثا هناك، مع مندوب إيران.";
        assert!(grammar.claims(long).is_empty(), "{:?}", grammar.claims(long));
    }

    #[test]
    fn an_adjective_of_relation_gives_a_subject_but_no_object() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "الروس"], "adjectives": ["الروسي"]},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["دمشق"], "from": "2024-12-08"},
              {"id": "sharaa", "kind": "person", "aliases": ["الشرع"], "counts_as": "syrian-new-authorities"},
              {"id": "damascus", "kind": "place", "aliases": ["دمشق"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "الانسحاب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "in-contact-with", "aliases": ["مفاوضات"],
                 "object_kinds": ["government", "state", "person", "organisation", "armed-force"], "object_markers": ["مع"]}
            "#,
            r#"
              "modality": {"expected": ["المقبلة", "ستشهد"], "expected_after": ["المقبلة"]},
              "attribution": {"verbs": ["قال"]},
              "extent": {"partial": ["بدأ"]},
              "prepositions": ["من", "بشأن", "بين"],
              "scope_prepositions": ["من", "بشأن"],
              "complementizers": ["أن"]
            "#,
        );
        assert_eq!(
            grammar.claims("بدأ الانسحاب الروسي من سوريا."),
            ["russia withdraw syria affirmed asserted outlet partial"]
        );
        assert!(
            grammar
                .claims("وقال الشرع إن المرحلة المقبلة ستشهد مفاوضات بين روسيا وحكومة دمشق بشأن الوجود العسكري الروسي.")
                .iter()
                .all(|c| !c.contains(" russia "))
        );
    }

    /// `أوكرانيا` is a name as written and `أوكراني` + ا only with its ending
    /// taken off: a name, so an object; `الأوكراني` as written stays an adjective.
    #[test]
    fn a_name_is_no_adjective_with_an_ending_taken_off() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "ukraine", "kind": "state", "aliases": ["أوكرانيا"], "adjectives": ["الأوكراني"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "الانسحاب"],
                 "object_kinds": ["place", "state"], "object_markers": ["من"]}
            "#,
            r#"
              "prepositions": ["من"],
              "scope_prepositions": ["من"]
            "#,
        );
        assert_eq!(
            grammar.claims("الانسحاب الروسي من أوكرانيا."),
            ["russia withdraw ukraine affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("الانسحاب الأوكراني من روسيا."),
            ["ukraine withdraw russia affirmed asserted outlet unspecified"]
        );
        assert_eq!(grammar.claims("الانسحاب من الأوكراني."), Vec::<String>::new());
    }
}
