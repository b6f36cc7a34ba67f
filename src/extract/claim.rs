//! One trigger's claims: its roles and qualifiers put together, the
//! evidence span and the confidence; one claim per object of a list.

use super::context::{Context, Trigger};
use super::index::Sense;
use super::roles::Filler;
use super::sentence::Previous;
use super::{Extracted, Extractor};
use crate::model::{Attribution, Modality};
use crate::text::starts_with_and;
use crate::vocab::EntityId;

/// A trigger's claims, each with its object's group (none for a place
/// taken from an earlier toll): one, or one per object when its object is
/// a list (`بقاعدتي حميميم وطرطوس`).
pub(super) struct TriggerClaims {
    pub claims: Vec<(Extracted, Option<usize>)>,
    /// Whether their subject is a name of the sentence other than its speaker (not an earlier claim's).
    pub subject_in_sentence: bool,
    /// Whether that name is an adjective of relation (`الأمريكي`), which may describe another name.
    pub subject_by_adjective: bool,
}

impl Extractor<'_> {
    /// The claims of the trigger.
    pub(super) fn claims(&self, cx: &Context, trigger: &Trigger, previous: Previous<'_>) -> TriggerClaims {
        let Some((claim, object_group, subject_group)) = self.claim(cx, trigger, previous) else {
            return TriggerClaims {
                claims: Vec::new(),
                subject_in_sentence: false,
                subject_by_adjective: false,
            };
        };
        let claims = match object_group {
            Some(group) => self
                .list_of_objects(cx, trigger, claim, group)
                .into_iter()
                .map(|(claim, group)| (claim, Some(group)))
                .collect(),
            None => vec![(claim, None)],
        };
        TriggerClaims {
            claims,
            subject_in_sentence: subject_group.is_some(),
            subject_by_adjective: subject_group.is_some_and(|g| cx.groups[g].adjective),
        }
    }

    /// The claim, and one more for each further object of a list after its object.
    fn list_of_objects(
        &self,
        cx: &Context,
        trigger: &Trigger,
        claim: Extracted,
        object_group: usize,
    ) -> Vec<(Extracted, usize)> {
        let mut last = &cx.groups[object_group];
        // `بين دمشق واللاذقية` names a pair, not a list of objects.
        let between = cx.mentions.iter().any(|m| {
            m.sense == Sense::Preposition && m.words.end == last.words.start && cx.words.key(m.words.start) == "بين"
        });
        if between {
            return vec![(claim, object_group)];
        }
        let fits = |e: EntityId| e != claim.object && self.fits_object(trigger.predicate, claim.subject, e);
        let mut more = Vec::new();
        for (g, group) in cx.groups.iter().enumerate().skip(object_group + 1) {
            // The next item: `و` on its first word, at most one word (an adjective) after the last.
            let joined = group.words.start <= last.words.end + 1
                && starts_with_and(cx.words.key(group.words.start))
                && cx.clause_of[group.words.start] == cx.clause_of[last.words.start]
                && !cx.has_between(last.words.end, group.words.start, |s| {
                    s != Sense::Partial && s != Sense::Full
                });
            if !joined {
                break;
            }
            let Some(object) = group.entities.iter().copied().find(|&e| fits(e)) else {
                break;
            };
            let bytes = cx.words.bytes(group.words.clone());
            let span = claim.span.start.min(bytes.start)..claim.span.end.max(bytes.end);
            more.push((
                Extracted {
                    object,
                    span,
                    ..claim.clone()
                },
                g,
            ));
            last = group;
        }
        std::iter::once((claim, object_group)).chain(more).collect()
    }

    /// The trigger's claim, its object's group and its subject's group when
    /// that is a name of the sentence, when it has a subject and an object.
    fn claim(
        &self,
        cx: &Context,
        trigger: &Trigger,
        previous: Previous<'_>,
    ) -> Option<(Extracted, Option<usize>, Option<usize>)> {
        let speaker = self.speaker(cx, trigger.mention, previous.holders);
        let count = self.count(cx, trigger);
        let toll = count
            .as_ref()
            .filter(|_| self.vocabulary.predicate_info(trigger.predicate).tells_a_toll());
        let (subject, object) = self.subject_and_object(cx, trigger, previous, speaker, toll)?;
        let (attribution, modality) = self.voice(
            speaker,
            match trigger.mention.sense {
                Sense::Modality(modality) => modality,
                _ => self.modality(cx, trigger),
            },
        );
        let mut span = evidence(cx, trigger, &subject, &object);
        if let Some(at) = count.as_ref().and_then(|c| c.span.clone()) {
            span = span.start.min(at.start)..span.end.max(at.end);
        }
        let claim = Extracted {
            span,
            trigger: cx.words.bytes(trigger.mention.words.clone()),
            subject: subject.entity,
            predicate: trigger.predicate,
            object: object.entity,
            extent: self.extent(cx, trigger),
            polarity: self.polarity(cx, trigger),
            modality,
            attribution,
            count,
            rule: [subject.rule.name(), object.rule.name()].join("+"),
            confidence: confidence(self.params.cost.of(subject.rule), self.params.cost.of(object.rule)),
        };
        let named_in_sentence = subject
            .group
            .filter(|&g| speaker.is_none_or(|(speaker, _)| speaker != Some(g)));
        Some((claim, object.group, named_in_sentence))
    }
}

impl Extractor<'_> {
    /// Whose word a claim is, and its modality: a reporter's assertion is only reported.
    pub(super) fn voice(
        &self,
        speaker: Option<(Option<usize>, EntityId)>,
        modality: Modality,
    ) -> (Attribution, Modality) {
        match speaker {
            Some((_, entity)) if modality == Modality::Asserted && self.roles[entity.0 as usize].reporter => {
                (Attribution::Entity(entity), Modality::Reported)
            }
            Some((_, entity)) => (Attribution::Entity(entity), modality),
            None => (Attribution::Outlet, modality),
        }
    }
}

/// The trigger's clause, widened to its subject and object.
fn evidence(
    cx: &Context,
    trigger: &Trigger,
    subject: &Filler<Option<usize>>,
    object: &Filler<Option<usize>>,
) -> std::ops::Range<usize> {
    let mut span = cx.clauses[trigger.clause].clone();
    for group in subject.group.into_iter().chain(object.group) {
        let bytes = cx.words.bytes(cx.groups[group].words.clone());
        span = span.start.min(bytes.start)..span.end.max(bytes.end);
    }
    span
}

/// 1 less the costs of the subject's and object's rules, to two decimals.
fn confidence(subject_cost: f64, object_cost: f64) -> f64 {
    ((1.0 - subject_cost - object_cost) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    #[test]
    fn a_list_of_objects_gives_one_claim_each() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["الروس"], "adjectives": ["الروسي"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "syrian-new-authorities", "kind": "government", "aliases": ["دمشق"], "from": "2024-12-08"},
              {"id": "deir-ez-zor", "kind": "place", "aliases": ["دير الزور"]},
              {"id": "raqqa", "kind": "place", "aliases": ["الرقة"]},
              {"id": "damascus", "kind": "place", "aliases": ["دمشق"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "deploy-to", "aliases": ["تحرك"],
                 "object_kinds": ["place", "facility"], "object_markers": ["إلى", "الى", "نحو", "باتجاه", "صوب", "في"]}
            "#,
            r#""prepositions": ["من", "على", "بين"], "scope_prepositions": ["من"]"#,
        );
        assert_eq!(
            grammar.claims("انسحبت القوات الروسية من الرقة ودير الزور."),
            [
                "russian-forces withdraw raqqa affirmed asserted outlet unspecified",
                "russian-forces withdraw deir-ez-zor affirmed asserted outlet unspecified"
            ]
        );
        // `بين … و…` is a pair of ends, not a list.
        assert_eq!(
            grammar.claims("وتحرك رتل روسي على الطريق بين دمشق وحمص.").len(),
            grammar.claims("وتحرك رتل روسي على الطريق بين دمشق.").len()
        );
    }

    #[test]
    fn evidence_spans_point_into_the_text() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": []},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "hmeimim", "kind": "facility", "aliases": ["حميميم"]},
              {"id": "tartus", "kind": "facility", "aliases": ["طرطوس"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "keep-presence", "aliases": ["أبقى"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]}
            "#,
            r#""prepositions": ["من", "في"], "scope_prepositions": ["من", "في"]"#,
        );
        let text = "مقدمة قصيرة.\nانسحبت القوات الروسية من قاعدة طرطوس، وبقيت في حميميم.";
        let found = grammar.extractor().extract(text, None);
        assert_eq!(&text[found[0].span.clone()], "انسحبت القوات الروسية من قاعدة طرطوس");
        assert_eq!(&text[found[0].trigger.clone()], "انسحبت");
    }
}
