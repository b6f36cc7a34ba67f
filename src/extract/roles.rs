//! The roles of a claim: its subject, its object and its speaker, each found
//! by a named rule around the trigger.

use super::Extractor;
use super::context::{Context, Group, Trigger, is_predicate};
use super::index::{Mention, Sense};
use super::sentence::Previous;
use crate::text::{has_conjunction, starts_with_and, without_conjunction};
use crate::vocab::{EntityId, Predicate, PredicateId};

/// The rule that found a role; named in the claim, and costed in
/// [`super::params::Costs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    AfterTrigger,
    DescribedNoun,
    BeforeTrigger,
    BeforeTriggerOnSecondReading,
    EarlierClause,
    PreviousClaim,
    Speaker,
    PreviousSentence,
    DirectObject,
    MarkedObject,
    RelativeAntecedent,
    ObjectAfter,
    ObjectBefore,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::AfterTrigger => "after-trigger",
            Rule::DescribedNoun => "described-noun",
            Rule::BeforeTrigger | Rule::BeforeTriggerOnSecondReading => "before-trigger",
            Rule::EarlierClause => "earlier-clause",
            Rule::PreviousClaim => "previous-claim",
            Rule::Speaker => "speaker",
            Rule::PreviousSentence => "previous-sentence",
            Rule::DirectObject => "direct-object",
            Rule::MarkedObject => "marked-object",
            Rule::RelativeAntecedent => "relative-antecedent",
            Rule::ObjectAfter => "object-after",
            Rule::ObjectBefore => "object-before",
        }
    }
}

/// An entity in a role, the sentence's group it was found in (`G`: always
/// one for an object; none for a subject taken from an earlier claim), and
/// the rule that found it.
#[derive(Clone, Copy, Debug)]
pub struct Filler<G> {
    pub group: G,
    pub entity: EntityId,
    pub rule: Rule,
}

/// Which entity roles each entity kind may take (the lexicon's `roles`).
#[derive(Clone, Copy, Default)]
pub struct Roles {
    pub agent: bool,
    pub scope: bool,
    pub speaker: bool,
    pub reporter: bool,
}

impl Extractor<'_> {
    /// The entity of `group` that has the role; when several do, `broad`
    /// prefers one compared as itself (Russia over the Kremlin), otherwise
    /// the more specific one.
    pub(super) fn pick(&self, group: &Group, role: impl Fn(Roles) -> bool, broad: bool) -> Option<EntityId> {
        let mut fitting = group
            .entities
            .iter()
            .copied()
            .filter(|e| role(self.roles[e.0 as usize]));
        let first = fitting.next()?;
        let is_self_actor = |e: EntityId| self.vocabulary.actor(e) == e;
        Some(
            std::iter::once(first)
                .chain(fitting)
                .find(|&e| is_self_actor(e) == broad)
                .unwrap_or(first),
        )
    }

    /// Whether `entity` can be the object of `predicate` said of `subject`:
    /// of the predicate's object kinds (or a scope kind) and not the subject's own actor.
    pub(super) fn fits_object(&self, predicate: PredicateId, subject: EntityId, entity: EntityId) -> bool {
        let info = self.vocabulary.predicate_info(predicate);
        let kind = &self.vocabulary.entity_info(entity).kind;
        let kind_fits = if info.object_kinds.is_empty() {
            self.roles[entity.0 as usize].scope
        } else {
            info.object_kinds.iter().any(|k| k == kind)
        };
        kind_fits && self.vocabulary.actor(entity) != self.vocabulary.actor(subject)
    }

    /// The trigger's subject and object. `ثم زار القاهرة وأنقرة`: when the
    /// name after the verb leaves no object, it was the object, and the
    /// subject is the last claim's; `الكرملين منح الأسد اللجوء`: likewise
    /// with a subject before the verb.
    pub(super) fn subject_and_object(
        &self,
        cx: &Context,
        trigger: &Trigger,
        previous: Previous<'_>,
        speaker: Option<(usize, EntityId)>,
    ) -> Option<(Filler<Option<usize>>, Filler<usize>)> {
        let mut subject = self.subject_or_earlier(cx, trigger, previous, speaker)?;
        let speaker_group = speaker.map(|(group, _)| group);
        let mut object = self.object(cx, trigger, subject, speaker_group);
        if object.is_none() && subject.rule == Rule::AfterTrigger {
            let before = self
                .agent_before(cx, trigger.mention, previous.objects)
                .filter(|&(i, _)| cx.clause_of[cx.groups[i].words.start] == trigger.clause)
                .map(|(i, entity)| Filler {
                    group: Some(i),
                    entity,
                    rule: Rule::BeforeTriggerOnSecondReading,
                });
            let earlier = previous.in_sentence.map(|entity| Filler {
                group: None,
                entity,
                rule: Rule::PreviousClaim,
            });
            if let Some(replacement) = before.or(earlier) {
                object = self.object(cx, trigger, replacement, speaker_group);
                subject = replacement;
            }
        }
        Some((subject, object?))
    }

    /// The subject in the sentence, else the speaker, else the last claim's.
    fn subject_or_earlier(
        &self,
        cx: &Context,
        trigger: &Trigger,
        previous: Previous<'_>,
        speaker: Option<(usize, EntityId)>,
    ) -> Option<Filler<Option<usize>>> {
        let earlier = |entity, rule| Filler {
            group: None,
            entity,
            rule,
        };
        self.subject(cx, trigger, previous.objects)
            .map(|found| match (found.rule, previous.in_sentence) {
                // `منح الأسد اللجوء ثم اعترف …`: a verb with no subject in its
                // clause shares the last claim's, not the nearest name's.
                (Rule::EarlierClause, Some(entity)) => earlier(entity, Rule::PreviousClaim),
                _ => Filler {
                    group: Some(found.group),
                    entity: found.entity,
                    rule: found.rule,
                },
            })
            .or_else(|| {
                let (_, entity) = speaker?;
                self.roles[entity.0 as usize]
                    .agent
                    .then(|| earlier(entity, Rule::Speaker))
            })
            .or_else(|| {
                Some(earlier(
                    previous.in_sentence.or(previous.sentence)?,
                    Rule::PreviousSentence,
                ))
            })
    }

    /// Subject: an agent right after the trigger (verb–subject order, or the
    /// construct `انسحاب روسيا`), else the nearest before it in its clause,
    /// else before it in its sentence. `taken`: earlier claims' objects.
    fn subject(&self, cx: &Context, trigger: &Trigger, taken: &[usize]) -> Option<Filler<usize>> {
        let words = &trigger.mention.words;
        let found = |group, entity, rule| Some(Filler { group, entity, rule });
        // A participle's subject is the name it describes, whatever governs that name.
        if let Some(g) = cx.described_noun(trigger.mention)
            && let Some(e) = self.pick(&cx.groups[g], |r| r.agent, true)
        {
            return found(g, e, Rule::DescribedNoun);
        }
        let after = cx.groups.iter().enumerate().find(|(_, g)| {
            g.words.start >= words.end
                && g.words.start <= words.end + self.params.reach.subject_after
                && cx.clause_of[g.words.start] == trigger.clause
                && !cx.has_between(words.end, g.words.start, is_predicate)
        });
        if let Some((i, g)) = after.filter(|_| subject_may_follow(cx, trigger.mention))
            && !cx.in_prepositional_phrase(g)
            && let Some(e) = self.pick(g, |r| r.agent, true)
        {
            return found(i, e, Rule::AfterTrigger);
        }
        let (i, e) = self.agent_before(cx, trigger.mention, taken)?;
        if cx.clause_of[cx.groups[i].words.start] == trigger.clause {
            found(i, e, Rule::BeforeTrigger)
        } else {
            found(i, e, Rule::EarlierClause)
        }
    }

    /// The nearest agent before the trigger in its sentence, outside a
    /// prepositional phrase and not an earlier claim's object (`taken`).
    fn agent_before(&self, cx: &Context, trigger: &Mention, taken: &[usize]) -> Option<(usize, EntityId)> {
        cx.groups
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, g)| g.words.end <= trigger.words.start && !cx.in_prepositional_phrase(g) && !taken.contains(i))
            .find_map(|(i, g)| Some((i, self.pick(g, |r| r.agent, true)?)))
    }

    /// Object: the first scope entity after the trigger introduced by one of
    /// the predicate's prepositions, else the first scope entity after it in
    /// its clause, else (for predicates whose object may lead, `منح الأسد
    /// اللجوء`) the nearest before it in its clause.
    fn object(
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
        if let Some(marked) = after
            .iter()
            .filter(|(_, g)| search.marked(g))
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

    /// The speaker of the trigger's sentence: the speaker entity next to the
    /// nearest attribution verb or preposition (`قال بوتين`, `الكرملين أكد`,
    /// `بحسب رويترز`). Returns its group and entity.
    pub(super) fn speaker(&self, cx: &Context, trigger: &Mention) -> Option<(usize, EntityId)> {
        let cues: Vec<&Mention> = cx
            .mentions
            .iter()
            .filter(|m| matches!(m.sense, Sense::AttributionVerb | Sense::AttributionPreposition))
            .filter(|m| m.words != trigger.words)
            // A word of a name is no cue (`بشار` is no ب + `أشار`).
            .filter(|m| {
                !cx.groups
                    .iter()
                    .any(|g| g.words.start < m.words.end && m.words.start < g.words.end)
            })
            .collect();
        // A cue after the claim counts only at the end of the sentence (`…، قال بيسكوف`).
        let last_clause = cx.clause_of.last().copied().unwrap_or(0);
        let mut before_trigger = cues
            .iter()
            .rev()
            .filter(|m| m.words.end <= trigger.words.start)
            .peekable();
        // A cue with no speaker of its own (`مشيراً إلى أن`) goes on with the
        // sentence's last named one (`قال بوتين …، مشيراً إلى أن`).
        if before_trigger.peek().is_some() {
            before_trigger.find_map(|cue| self.speaker_of(cx, cue))
        } else {
            cues.iter()
                .find(|m| m.words.start >= trigger.words.end && cx.clause_of[m.words.start] == last_clause)
                .and_then(|cue| self.speaker_of(cx, cue))
        }
    }

    /// The speaker an attribution cue names: right after it, or for a verb
    /// right before it (`الكرملين أكد`).
    fn speaker_of(&self, cx: &Context, cue: &Mention) -> Option<(usize, EntityId)> {
        let speaker = |(i, g): (usize, &Group)| Some((i, self.pick(g, |r| r.speaker, false)?));
        let after = cx
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.words.start == cue.words.end)
            .find_map(speaker);
        let before = || {
            cx.groups
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, g)| g.words.end <= cue.words.start && g.words.end + 1 >= cue.words.start)
                .find_map(speaker)
        };
        match cue.sense {
            Sense::AttributionVerb => after.or_else(before),
            _ => after,
        }
    }
}

/// Whether the trigger's subject may follow it. After a relative pronoun
/// the subject is the noun it refers back to, when that noun is a name (not
/// `الوقت الذي`), unless a pronoun after the verb stands for that noun
/// (`التي تسيطر عليها روسيا`).
fn subject_may_follow(cx: &Context, trigger: &Mention) -> bool {
    let after_relative = cx.mentions.iter().any(|m| {
        m.sense == Sense::RelativePronoun
            && m.words.end == trigger.words.start
            && cx
                .groups
                .iter()
                .any(|g| g.words.end <= m.words.start && g.words.end + 1 >= m.words.start)
    });
    // After the verb, or the alias's own (`تسيطر على` met as `تسيطر عليها`).
    let resumptive = cx.mentions.iter().any(|m| {
        m.sense == Sense::Preposition
            && m.suffixed
            && m.words.start > trigger.words.start
            && m.words.start <= trigger.words.end
    });
    !after_relative || resumptive
}

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
        after
            .iter()
            .filter(|(_, g)| g.words.start <= end || (g.words.start == end + 1 && !self.cx.in_prepositional_phrase(g)))
            .find_map(|&c| self.candidate(c))
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

    /// Governed by a preposition that is not the predicate's (`على الطريق بين دمشق`).
    fn governed_otherwise(&self, g: &Group) -> bool {
        let scope_prepositions = &self.extractor.scope_prepositions;
        !self.markers.is_empty()
            && self.preposition_before(g).is_some_and(|m| {
                !self.is_marker(m) && !scope_prepositions.iter().any(|p| p == self.cx.words.key(m.words.start))
            })
    }

    /// The object is not looked for past a clause begun inside the sentence
    /// (`… بأن موسكو لن تتدخل`) or past an event joined on (`إعادة تموضع
    /// وانسحاب من`); outside the clause, not past any other predicate.
    fn in_reach(&self, g: &Group) -> bool {
        let (cx, trigger) = (self.cx, &self.trigger.mention.words);
        let stops = cx.mentions.iter().any(|m| {
            m.words.start >= trigger.end
                && m.words.end <= g.words.start
                && (m.sense == Sense::Complementizer
                    || (is_predicate(m.sense) && has_conjunction(cx.words.key(m.words.start))))
        });
        !stops
            && (cx.clause_of[g.words.start] == self.trigger.clause
                || (g.words.start < trigger.end + self.extractor.params.reach.object_outside_clause
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
