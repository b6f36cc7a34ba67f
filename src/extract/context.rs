//! What the rules read of one sentence: its words, the phrases found in them,
//! the names grouped by the words they cover, and the clause of each word;
//! and of one trigger in it.

use std::ops::Range;

use super::index::{Mention, Sense};
use crate::text::{Words, without_article, without_conjunction};
use crate::vocab::{EntityId, PredicateId};

/// Entities sharing one phrase (`الكرملين`: Russia and the Kremlin).
#[derive(Clone, Debug)]
pub struct Group {
    pub words: Range<usize>,
    pub entities: Vec<EntityId>,
    pub prefixed: bool,
    /// An adjective of relation (`الروسي`): a subject, never an object.
    pub adjective: bool,
}

/// One sentence, built once for all its triggers.
pub struct Context<'a> {
    /// The whole text the spans point into.
    pub text: &'a str,
    pub words: &'a Words,
    pub mentions: &'a [Mention],
    pub groups: &'a [Group],
    pub clause_of: &'a [usize],
    pub clauses: &'a [Range<usize>],
    /// Where the question begins, in bytes, when the sentence asks one.
    pub questioned_from: Option<usize>,
}

/// The predicate mention being read.
pub struct Trigger<'a> {
    /// Its place in the sentence's mentions.
    pub at: usize,
    pub mention: &'a Mention,
    pub clause: usize,
    pub predicate: PredicateId,
    /// The sentence asks about it (`هل تنسحب روسيا؟`).
    pub is_question: bool,
}

impl<'a> Trigger<'a> {
    /// The mention at `at` of `cx` read as a trigger of `predicate`.
    pub fn of(cx: &Context<'a>, at: usize, predicate: PredicateId) -> Trigger<'a> {
        let mention = &cx.mentions[at];
        Trigger {
            at,
            mention,
            clause: cx.clause_of[mention.words.start],
            predicate,
            is_question: cx
                .questioned_from
                .is_some_and(|from| cx.words.words[mention.words.start].span.start >= from),
        }
    }
}

impl Context<'_> {
    /// The group is the object of a preposition: attached (`لروسيا`) or the word before.
    pub fn in_prepositional_phrase(&self, group: &Group) -> bool {
        group.prefixed
            || self
                .mentions
                .iter()
                // `فيه` carries its own object: it governs nothing after it.
                .any(|m| m.sense == Sense::Preposition && !m.suffixed && m.words.end == group.words.start)
    }

    /// Whether `trigger` is the predicate of a relative clause begun after word `from`:
    /// a relative pronoun between with no other predicate after it.
    pub fn in_relative_clause(&self, from: usize, trigger: &Mention) -> bool {
        self.mentions.iter().any(|r| {
            r.sense == Sense::RelativePronoun
                && r.words.start >= from
                && r.words.end <= trigger.words.start
                && !self.has_between(r.words.end, trigger.words.start, is_predicate)
        })
    }

    /// The name a definite participle right after it describes (`القوات
    /// الروسية المتواجدة في حميميم`): that name's group. Participles of
    /// derived verbs begin with م; a verbal noun after a name (`أعلنت روسيا
    /// الانسحاب`) is its verb's object, not a description.
    pub fn described_noun(&self, trigger: &Mention) -> Option<usize> {
        let stem = without_article(without_conjunction(self.words.key(trigger.words.start)))?;
        if !stem.starts_with('م') {
            return None;
        }
        self.groups.iter().position(|g| g.words.end == trigger.words.start)
    }

    pub fn has_between(&self, from: usize, to: usize, wanted: impl Fn(Sense) -> bool) -> bool {
        self.mentions
            .iter()
            .any(|m| m.words.start >= from && m.words.end <= to && wanted(m.sense))
    }
}

pub fn entity_groups(mentions: &[Mention]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // Per group: read as a name as written, read as an adjective as written.
    let mut as_written: Vec<(bool, bool)> = Vec::new();
    for m in mentions {
        let (entity, adjective) = match m.sense {
            Sense::Entity(entity) => (entity, false),
            Sense::EntityAdjective(entity) => (entity, true),
            _ => continue,
        };
        match groups.last_mut() {
            Some(g) if g.words == m.words => {
                if !g.entities.contains(&entity) {
                    g.entities.push(entity);
                }
                g.prefixed |= m.prefixed;
                // `الروسي` is no `الروس` + ي: a word read as an adjective of relation is one.
                g.adjective |= adjective;
            }
            _ => {
                groups.push(Group {
                    words: m.words.clone(),
                    entities: vec![entity],
                    prefixed: m.prefixed,
                    adjective,
                });
                as_written.push((false, false));
            }
        }
        if let Some(written) = as_written.last_mut()
            && !m.suffixed
        {
            written.0 |= !adjective;
            written.1 |= adjective;
        }
    }
    // …unless it is a name as written and an adjective only with an ending
    // taken off: `سوريا` is no `سوري` + ا.
    for (g, (name, adjective)) in groups.iter_mut().zip(as_written) {
        g.adjective &= adjective || !name;
    }
    groups
}

pub fn is_predicate(sense: Sense) -> bool {
    matches!(sense, Sense::Predicate(_))
}
