//! The roles of a claim: its subject and its speaker, each found by a named
//! rule around the trigger, and the subject and object read together
//! (the object search is `object`'s).

use super::Extractor;
use super::context::{Context, Group, Trigger, is_predicate};
use super::index::{Mention, Sense};
use super::sentence::Previous;
use crate::count::Count;
use crate::role_nouns::OwnerPhrase;
use rustc_hash::FxHashMap;

use crate::text::{Words, ends_with_third_person, without_article, without_conjunction};
use crate::vocab::{EntityId, PredicateId};

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
    /// A toll told with no cause named: its subject is the unnamed agent.
    UnnamedAgent,
    /// A toll told with no place named: its place is the last toll's.
    EarlierToll,
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
            Rule::UnnamedAgent => "unnamed-agent",
            Rule::EarlierToll => "earlier-toll",
            Rule::DirectObject => "direct-object",
            Rule::MarkedObject => "marked-object",
            Rule::RelativeAntecedent => "relative-antecedent",
            Rule::ObjectAfter => "object-after",
            Rule::ObjectBefore => "object-before",
        }
    }
}

/// An entity in a role, the sentence's group it was found in (`G`: none
/// for a subject or a toll's place taken from an earlier claim), and the
/// rule that found it.
#[derive(Clone, Copy, Debug)]
pub struct Filler<G> {
    pub group: G,
    pub entity: EntityId,
    pub rule: Rule,
}

/// A filler found in a group of the sentence, or taken from an earlier claim.
pub type RoleFiller = Filler<Option<usize>>;

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
    /// with a subject before the verb. A toll that names no place is the
    /// last toll's place's (`ارتفعت حصيلة ضحايا فيضانات درنة …`, then
    /// `أعلن الوزير تسجيل 3252 قتيلا`): news names the place once.
    pub(super) fn subject_and_object(
        &self,
        cx: &Context,
        trigger: &Trigger,
        previous: Previous<'_>,
        speaker: Option<(Option<usize>, EntityId)>,
        toll: Option<&Count>,
    ) -> Option<(RoleFiller, RoleFiller)> {
        let mut subject = self.subject_or_earlier(cx, trigger, previous, speaker, toll)?;
        let speaker_group = speaker.and_then(|(group, _)| group);
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
        let object = match object {
            Some(found) => Filler {
                group: Some(found.group),
                entity: found.entity,
                rule: found.rule,
            },
            None => Filler {
                group: None,
                entity: previous.toll_place.filter(|_| toll.is_some())?,
                rule: Rule::EarlierToll,
            },
        };
        Some((subject, object))
    }

    /// The subject in the sentence, else the speaker, else the last claim's;
    /// `toll`: the count of a predicate that tells one, whose cause may go unnamed.
    fn subject_or_earlier(
        &self,
        cx: &Context,
        trigger: &Trigger,
        previous: Previous<'_>,
        speaker: Option<(Option<usize>, EntityId)>,
        toll: Option<&Count>,
    ) -> Option<Filler<Option<usize>>> {
        let earlier = |entity, rule| Filler {
            group: None,
            entity,
            rule,
        };
        // A toll (`استشهد 30 فلسطينيا في جباليا`) names its dead, not its
        // cause: the counted noun is no subject, nor is the voice telling it.
        let toll = toll.and_then(|count| count.span.clone());
        let counted = |found: &Filler<usize>| {
            let bytes = cx.words.bytes(cx.groups[found.group].words.clone());
            toll.as_ref()
                .is_some_and(|at| bytes.start < at.end && at.start < bytes.end)
        };
        if let Some(unnamed) = self.unnamed_agent.filter(|_| toll.is_some()) {
            let speaking = |found: &Filler<usize>| speaker.is_some_and(|(group, _)| group == Some(found.group));
            let subject = self
                .subject(cx, trigger, previous.objects)
                .filter(|found| !counted(found) && !speaking(found));
            return Some(subject.map_or(earlier(unnamed, Rule::UnnamedAgent), |found| Filler {
                group: Some(found.group),
                entity: found.entity,
                rule: found.rule,
            }));
        }
        if let Some(found) = self.subject(cx, trigger, previous.objects) {
            let before = matches!(found.rule, Rule::BeforeTrigger | Rule::EarlierClause);
            if before && complement_has_its_own_subject(cx, &cx.groups[found.group], trigger) {
                return None;
            }
            return Some(match (found.rule, previous.in_sentence) {
                // `منح الأسد اللجوء ثم اعترف …`: a verb with no subject in its
                // clause shares the last claim's, not the nearest name's.
                (Rule::EarlierClause, Some(entity)) => earlier(entity, Rule::PreviousClaim),
                _ => Filler {
                    group: Some(found.group),
                    entity: found.entity,
                    rule: found.rule,
                },
            });
        }
        let info = self.vocabulary.predicate_info(trigger.predicate);
        if names_an_unlisted_subject(cx, trigger, info.object_markers.is_empty(), self.time_words) {
            return None;
        }
        speaker
            .and_then(|(_, entity)| {
                self.roles[entity.0 as usize]
                    .agent
                    .then(|| earlier(entity, Rule::Speaker))
            })
            .or_else(|| {
                let sentence = previous.sentence.filter(|_| !info.subject_in_sentence);
                Some(earlier(previous.in_sentence.or(sentence)?, Rule::PreviousSentence))
            })
    }

    /// Subject: an agent right after the trigger (verb–subject order, or the
    /// construct `انسحاب روسيا`), else the nearest before it in its clause,
    /// else before it in its sentence. `taken`: where earlier claims' objects begin.
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
            && !(self.open[e.0 as usize] && feminine_verb(cx, trigger.mention) && masculine_singular(cx, g))
        {
            // `الملياردير الأمريكي إيلون ماسك`: an adjective of relation right
            // before a name says whose the name is; the name is the subject.
            let named = cx.groups.get(i + 1).filter(|next| {
                g.adjective && next.words.start == g.words.end && cx.clause_of[next.words.start] == trigger.clause
            });
            if let Some(e) = named.and_then(|next| self.pick(next, |r| r.agent, true)) {
                return found(i + 1, e, Rule::AfterTrigger);
            }
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
    /// prepositional phrase and not an earlier claim's object (`taken`). An
    /// adjective of relation right after a name says whose the name is
    /// (`حزب الله اللبناني`): the name is the agent.
    fn agent_before(&self, cx: &Context, trigger: &Mention, taken: &[usize]) -> Option<(usize, EntityId)> {
        let describes_the_name_before =
            |i: usize, g: &Group| g.adjective && i > 0 && cx.groups[i - 1].words.end == g.words.start;
        cx.groups
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, g)| {
                g.words.end <= trigger.words.start
                    && !cx.in_prepositional_phrase(g)
                    && !taken.contains(&g.words.start)
                    && !describes_the_name_before(*i, g)
            })
            .find_map(|(i, g)| Some((i, self.pick(g, |r| r.agent, true)?)))
    }

    /// The speaker of the trigger's sentence: the speaker entity next to the
    /// nearest attribution verb or preposition (`قال بوتين`, `الكرملين أكد`,
    /// `بحسب رويترز`), or the owner of a role holder the text named before
    /// (`holders`: `ورفض بقائي`). Returns its group (none for a holder) and entity.
    pub(super) fn speaker(
        &self,
        cx: &Context,
        trigger: &Mention,
        holders: &FxHashMap<String, EntityId>,
    ) -> Option<(Option<usize>, EntityId)> {
        let cues: Vec<&Mention> = cx
            .mentions
            .iter()
            // A denial is said by someone: `طهران تنفي لقاء …` is Tehran's word.
            .filter(|m| {
                matches!(
                    m.sense,
                    Sense::AttributionVerb | Sense::Accusation | Sense::AttributionPreposition | Sense::Denial
                )
            })
            .filter(|m| m.words != trigger.words)
            // A word of a name is no cue (`بشار` is no ب + `أشار`).
            .filter(|m| {
                !cx.groups
                    .iter()
                    .any(|g| g.words.start < m.words.end && m.words.start < g.words.end)
            })
            .collect();
        // A cue after the claim counts at the end of the sentence (`…، قال
        // بيسكوف`), or a preposition of attribution with no other predicate
        // between (`ارتفعت الحصيلة إلى 300 قتيل، وفق ما أعلنت الأمم المتحدة،
        // السبت، في تحديث`); a verb there opens a statement of its own
        // (`قصفت روسيا حلب، وقالت تركيا إن الوضع خطير، وإن الحل سياسي`).
        let last_clause = cx.clause_of.last().copied().unwrap_or(0);
        let mut before_trigger = cues
            .iter()
            .rev()
            .filter(|m| m.words.end <= trigger.words.start)
            .peekable();
        // A cue with no speaker of its own (`مشيراً إلى أن`) goes on with the
        // sentence's last named one (`قال بوتين …، مشيراً إلى أن`).
        if before_trigger.peek().is_some() {
            before_trigger.find_map(|cue| self.speaker_of(cx, cue, holders))
        } else {
            // `وفق ما أعلنت`: the verb after the preposition is its.
            let of_a_preposition = |m: &Mention| {
                m.sense == Sense::AttributionPreposition
                    || cx
                        .mentions
                        .iter()
                        .any(|p| p.sense == Sense::AttributionPreposition && p.words.end == m.words.start)
            };
            cues.iter()
                .filter(|m| {
                    m.words.start >= trigger.words.end
                        && (cx.clause_of[m.words.start] == last_clause
                            || (of_a_preposition(m) && !cx.has_between(trigger.words.end, m.words.start, is_predicate)))
                })
                .find_map(|cue| self.speaker_of(cx, cue, holders))
        }
    }

    /// The speaker an attribution cue names: right after it, or for a verb
    /// right before it (`الكرملين أكد`).
    fn speaker_of(
        &self,
        cx: &Context,
        cue: &Mention,
        holders: &FxHashMap<String, EntityId>,
    ) -> Option<(Option<usize>, EntityId)> {
        if let Some((group, owner)) = self.role_owner(cx.words, cx.mentions, cx.groups, cue.words.end) {
            return Some((Some(group), owner));
        }
        let speaker = |(i, g): (usize, &Group)| Some((i, self.pick(g, |r| r.speaker, false)?));
        // Right after it, or past a title no list names (`قال المتحدث باسمه
        // دميتري بيسكوف`): words of no phrase, at most `speaker_title` of
        // them, the first definite (`يشير حضور شوغاييف`: a presence says nothing).
        let titled = |from: usize| without_article(without_conjunction(cx.words.key(from))).is_some();
        let untitled = |g: &Group| {
            g.words.start == cue.words.end
                || (g.words.start <= cue.words.end + self.params.reach.speaker_title
                    && g.words.start > cue.words.end
                    && titled(cue.words.end)
                    && !cx
                        .mentions
                        .iter()
                        .any(|m| m.words.start >= cue.words.end && m.words.end <= g.words.start))
        };
        // An accuser after the verb stands before the accused (`اتهمت تركيا
        // روسيا بقصف`); a lone name after it is the accused, and the accuser
        // is before the verb or earlier in the sentence (`نفى الجيش … واتهم
        // حزب الله بالقيام بالاستهداف`).
        let accused_after = |(i, _): &(usize, &Group)| {
            cue.sense != Sense::Accusation
                || cx.groups.get(i + 1).is_some_and(|next| {
                    cx.clause_of[next.words.start] == cx.clause_of[cue.words.start]
                        && !cx.has_between(cue.words.end, next.words.start, is_predicate)
                })
        };
        let after = cx
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| untitled(g))
            .filter(accused_after)
            .find_map(speaker);
        let before = || {
            cx.groups
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, g)| g.words.end <= cue.words.start && g.words.end + 1 >= cue.words.start)
                .find_map(speaker)
        };
        // A holder named before, by the surname after the cue (`ورفض بقائي`,
        // `وقال إسماعيل بقائي`) or, for a verb, right before it (`بقائي أكد`).
        let holder = |at: usize| {
            let key = without_conjunction(cx.words.key(at));
            holders.get(key).map(|&owner| (None, owner))
        };
        let name_after = (cue.words.end..(cue.words.end + HOLDER_NAME_WORDS).min(cx.words.len()))
            .take_while(|&at| !cx.groups.iter().any(|g| g.words.contains(&at)))
            .find_map(holder);
        let verb = matches!(cue.sense, Sense::AttributionVerb | Sense::Accusation | Sense::Denial);
        let found = match cue.sense {
            Sense::AttributionVerb | Sense::Accusation | Sense::Denial => after.or_else(before),
            _ => after,
        };
        found
            .map(|(group, entity)| (Some(group), entity))
            .or(name_after)
            .or_else(|| cue.words.start.checked_sub(1).filter(|_| verb).and_then(holder))
    }

    /// Notes in `holders` the surname of each role holder `words` name in
    /// apposition to a role that speaks for its owner (`المتحدث باسم
    /// الخارجية الإيرانية، إسماعيل بقائي،`): up to [`HOLDER_NAME_WORDS`]
    /// words of no name, after the owner and closed by punctuation.
    pub(super) fn note_role_holders(
        &self,
        text: &str,
        words: &Words,
        mentions: &[Mention],
        groups: &[Group],
        holders: &mut FxHashMap<String, EntityId>,
    ) {
        let gap = |a: usize, b: usize| &text[words.words[a].span.end..words.words[b].span.start];
        let closed = |s: &str| s.contains(['،', ',', '.', ':', '؛']);
        for at in 0..words.len() {
            let Some((group, owner)) = self.role_owner(words, mentions, groups, at) else {
                continue;
            };
            let first = groups[group].words.end;
            let named = |i: usize| groups.iter().any(|g| g.words.contains(&i));
            let mut last = None;
            for i in first..(first + HOLDER_NAME_WORDS).min(words.len()) {
                if named(i) || (i > first && closed(gap(i - 1, i))) {
                    break;
                }
                last = Some(i);
            }
            let Some(last) = last.filter(|&l| l + 1 < words.len() && closed(gap(l, l + 1))) else {
                continue;
            };
            let surname = words.key(last);
            if surname.chars().count() >= 3 && without_article(surname).is_none() {
                holders.insert(surname.to_string(), owner);
            }
        }
    }
}

/// The most words a role holder's name has (`إسماعيل بقائي`, `أمير سعيد إيرواني`).
const HOLDER_NAME_WORDS: usize = 3;

impl Extractor<'_> {
    /// The owner of a role that speaks for it, when one starts at word
    /// `at` (`المتحدث باسم الخارجية الإيرانية`, `وزير الخارجية الأمريكي`):
    /// the first name of an owner kind at most [`OWNER_REACH`] words past
    /// the role's phrase, with nothing but words of no phrase between; none
    /// for a former holder (`الرئيس الإيراني السابق`: no longer Iran's word).
    fn role_owner(
        &self,
        words: &Words,
        mentions: &[Mention],
        groups: &[Group],
        at: usize,
    ) -> Option<(usize, EntityId)> {
        let key = |i: usize| words.key(i);
        let phrase = self.role_phrase_at(words, at)?;
        let end = at + phrase.words.len();
        // Past a cue, a complementizer or a preposition the name is another
        // role's (`وقال الرئيس إن إيران`, `السفير لدى الأمم المتحدة`).
        let phrase_between = |start: usize| mentions.iter().any(|m| m.words.start >= end && m.words.start < start);
        groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.words.start >= end && g.words.start <= end + OWNER_REACH)
            .take(1)
            .filter(|(_, g)| !g.prefixed && !phrase_between(g.words.start))
            .find_map(|(i, g)| {
                let owner = g
                    .entities
                    .iter()
                    .copied()
                    .find(|&e| phrase.owners.contains(&self.vocabulary.entity_info(e).kind))?;
                let former = g.words.end < words.len() && self.former.contains(without_conjunction(key(g.words.end)));
                (!former).then_some((i, owner))
            })
    }
}

impl Extractor<'_> {
    /// The phrase of a role that speaks for its owner starting at word `at`
    /// (the longest): its first word as written (`وزير`, whose و is its
    /// own) or after a conjunction (`والمتحدث`).
    pub(super) fn role_phrase_at(&self, words: &Words, at: usize) -> Option<&OwnerPhrase> {
        let first = words.words.get(at).map(|_| words.key(at))?;
        // Most words start no role: a set says so before the phrases are tried.
        if !self.owner_role_starts.contains(first) && !self.owner_role_starts.contains(without_conjunction(first)) {
            return None;
        }
        self.owner_roles.iter().find(|phrase| {
            at + phrase.words.len() <= words.len()
                && phrase.words.iter().enumerate().all(|(k, word)| {
                    let here = words.key(at + k);
                    here == word || (k == 0 && without_conjunction(here) == word)
                })
        })
    }
}

/// Words between a role's phrase and its owner (`الخارجية` of `المتحدث باسم الخارجية الإيرانية`).
const OWNER_REACH: usize = 2;

/// Whether the trigger's first word is a verb of the third person feminine:
/// a perfect ending in ت (`أغلقت`, not a plural's ات) or an imperfect
/// beginning with it (`وتغلق`). A past of forms V and VI (`تحرك`) reads as
/// one too; it only keeps an open name from being its subject.
fn feminine_verb(cx: &Context, trigger: &Mention) -> bool {
    let word = without_conjunction(cx.words.key(trigger.words.start));
    let word = word.strip_prefix('س').filter(|w| w.starts_with('ت')).unwrap_or(word);
    word.chars().count() >= 4 && (word.starts_with('ت') || (word.ends_with('ت') && !word.ends_with("ات")))
}

/// Whether a group's head word is a masculine singular noun: no ة and no
/// sound plural or dual ending (`مكتب حماس`, not `حركة حماس` or `الحوثيون`).
/// Broken plurals (`مصادر`) read as singular.
fn masculine_singular(cx: &Context, group: &Group) -> bool {
    let head = group.words.start;
    let key = without_conjunction(cx.words.key(head));
    !cx.words.words[head].taa_marbuta && !["ات", "ون", "ين", "ان"].iter().any(|end| key.ends_with(end))
}

/// Whether a noun phrase no list names stands right after the trigger as
/// its subject: a definite noun and a definite adjective (`سيطرت القوات
/// الحكومية السورية على`), for a predicate whose object takes a marker, so
/// that the phrase cannot be its object, nor a time (`الأسبوع الماضي`).
/// Such a subject is someone else than the speaker or an earlier claim's; a
/// bare `القوات` may still refer back.
fn names_an_unlisted_subject(
    cx: &Context,
    trigger: &Trigger,
    direct_object: bool,
    time_words: &crate::time::Lexicon,
) -> bool {
    let head = trigger.mention.words.end;
    let adjective = head + 1;
    if direct_object || adjective >= cx.words.len() {
        return false;
    }
    let joined = |a: usize, b: usize| {
        cx.text[cx.words.words[a].span.end..cx.words.words[b].span.start]
            .chars()
            .all(char::is_whitespace)
    };
    let definite = |at: usize| without_article(cx.words.key(at)).is_some();
    // The adjective may be a name's (`السورية`), the head no name's word.
    let named = |at: usize, adjective_too: bool| {
        cx.groups
            .iter()
            .any(|g| g.words.contains(&at) && (adjective_too || !g.adjective))
    };
    let cue = |at: usize| {
        cx.mentions
            .iter()
            .any(|m| m.words.contains(&at) && !matches!(m.sense, Sense::Entity(_) | Sense::EntityAdjective(_)))
    };
    cx.clause_of[head] == trigger.clause
        && joined(head - 1, head)
        && joined(head, adjective)
        && definite(head)
        && definite(adjective)
        && !time_words.is_time_word(cx.words.key(head))
        && !named(head, true)
        && !named(adjective, false)
        && !cue(head)
        && !cue(adjective)
}

/// `قال أربيل إن "الرد على قصف الجولان …"`, `ذكرت السلطات أن 12 شخصًا
/// قتلوا في هجوم`: a complementizer with no pronoun, between the name
/// and the trigger, opens a clause whose subject is the word after it, a
/// definite noun or a number no list names, so the name before says, it
/// does not do. A pronoun (`أنها`, `أن قواتها`), a verb (`بعد أن
/// استكملت`) or the trigger itself after it (`إن الانسحاب`) leaves the
/// name the subject.
fn complement_has_its_own_subject(cx: &Context, named: &Group, trigger: &Trigger) -> bool {
    let start = trigger.mention.words.start;
    let noun_or_number = |at: usize| {
        let key = cx.words.key(at);
        without_article(key).is_some() || key.starts_with(|c: char| c.is_ascii_digit())
    };
    cx.mentions.iter().any(|m| {
        let next = m.words.end;
        m.sense == Sense::Complementizer
            && m.words.start >= named.words.end
            && next < start
            && noun_or_number(next)
            && !m.suffixed
            && !ends_with_third_person(cx.words.key(m.words.end - 1))
            && !cx.groups.iter().any(|g| g.words.contains(&next))
            && !cx
                .mentions
                .iter()
                .any(|p| p.words.start == next && is_predicate(p.sense))
    })
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

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;

    #[test]
    fn verb_subject_order_and_construct_phrases() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم"]},
              {"id": "qamishli", "kind": "place", "aliases": ["قامشلو", "مطار القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحب", "انسحاب", "تنسحب", "الانسحاب", "أخلت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#""prepositions": ["من"], "scope_prepositions": ["من"]"#,
        );
        assert_eq!(
            grammar.claims("أخلت القوات الروسية مطار القامشلي."),
            ["russian-forces withdraw qamishli affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("وأثار انسحاب روسيا من قاعدة حميميم جدلا واسعا."),
            ["russia withdraw hmeimim affirmed asserted outlet unspecified"]
        );
        // Kurdish spelling of Qamishli, subject before the verb, conjugated verb.
        assert_eq!(
            grammar.claims("القوات الروسية تنسحب من قامشلو."),
            ["russian-forces withdraw qamishli affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_subject_no_list_names_is_no_earlier_subject() {
        let grammar = Grammar::new(
            r#"
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"]},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"], "adjectives": ["السورية"]},
              {"id": "qamishli", "kind": "place", "aliases": ["مطار القامشلي"]},
              {"id": "raqqa", "kind": "place", "aliases": ["الرقة"]}
            "#,
            r#"
              {"id": "capture", "aliases": ["سيطرت"], "object_kinds": ["place"], "object_markers": ["على"]},
              {"id": "withdraw", "aliases": ["انسحبت"], "object_kinds": ["place"], "object_markers": ["من"]}
            "#,
            r#""prepositions": ["من", "على"], "scope_prepositions": ["من", "على"]"#,
        );
        let first = "انسحبت القوات الروسية من مطار القامشلي.";
        let told = |second: &str| grammar.claims(&format!("{first} {second}"));
        let withdrew = "russian-forces withdraw qamishli affirmed asserted outlet unspecified";
        let took = "russian-forces capture raqqa affirmed asserted outlet unspecified";
        // Forces the lists do not name, described by two definite words, took the city.
        assert_eq!(told("ثم سيطرت القوات الحكومية السورية على الرقة."), [withdrew]);
        assert_eq!(told("ثم سيطرت الفصائل المسلحة المعارضة على الرقة."), [withdrew]);
        // No subject, or a bare definite noun that may refer back: the last sentence's.
        assert_eq!(told("ثم سيطرت على الرقة."), [withdrew, took]);
        assert_eq!(told("ثم سيطرت القوات على الرقة."), [withdrew, took]);
        assert_eq!(told("ثم سيطرت الأسبوع الماضي على الرقة."), [withdrew, took]);
    }

    #[test]
    fn attribution_names_the_speaker() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "موسكو"], "adjectives": ["الروسي"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "putin", "kind": "person", "aliases": ["بوتين"], "counts_as": "russia"},
              {"id": "syria", "kind": "place", "aliases": ["سوريا"]},
              {"id": "hmeimim", "kind": "facility", "aliases": ["قاعدة حميميم"]},
              {"id": "deir-ez-zor", "kind": "place", "aliases": ["دير الزور"]},
              {"id": "moscow", "kind": "place", "aliases": ["موسكو"]},
              {"id": "reuters", "kind": "media", "aliases": ["رويترز"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["سحب", "سحبت"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]},
              {"id": "keep-presence", "aliases": ["باقية"],
                 "object_kinds": ["place", "facility"], "object_markers": ["في", "ب", "على"]},
              {"id": "achieve-goals", "aliases": ["تحقيق أهدافها"], "object_markers": ["في"]}
            "#,
            r#"
              "attribution": {"verbs": ["قال", "أكد", "مشيرا"], "prepositions": ["بحسب", "حسب"]},
              "extent": {"partial": ["بعض"]},
              "prepositions": ["من", "إلى", "في"],
              "scope_prepositions": ["من", "في"],
              "complementizers": ["أن"]
            "#,
        );
        assert_eq!(
            grammar.claims("أكد بوتين أن القوات الروسية باقية في قاعدة حميميم."),
            ["russian-forces keep-presence hmeimim affirmed asserted putin unspecified"]
        );
        assert_eq!(
            grammar.claims("وبحسب رويترز، سحبت روسيا بعض قواتها من دير الزور."),
            ["russia withdraw deir-ez-zor affirmed asserted reuters partial"]
        );
        // A participle cue (`مشيراً`) names no speaker: the sentence's last named one goes on.
        assert_eq!(
            grammar.claims("وقال بوتين في مؤتمره الصحفي، مشيرًا إلى أن موسكو تمكنت من تحقيق أهدافها في سوريا."),
            ["russia achieve-goals syria affirmed asserted putin unspecified"]
        );
    }

    #[test]
    fn a_denial_is_the_deniers_word() {
        let grammar = Grammar::new(
            r#"
              {"id": "iran", "kind": "state", "aliases": ["إيران", "طهران"], "adjectives": ["الإيراني"]},
              {"id": "musk", "kind": "person", "aliases": ["ماسك"]}
            "#,
            r#"{"id": "meet", "aliases": ["لقاء", "التقى"], "object_markers": ["مع", "ب"], "object_kinds": ["person", "state"]}"#,
            r#"
              "negation": {"before": ["لم"], "denial": ["نفت", "تنفي"]},
              "prepositions": ["مع"]
            "#,
        );
        assert_eq!(
            grammar.claims("نفت طهران لقاء ماسك مع مندوب إيران."),
            ["musk meet iran negated asserted iran unspecified"]
        );
        assert_eq!(
            grammar.claims("طهران تنفي لقاء ماسك بمندوب إيران."),
            ["musk meet iran negated asserted iran unspecified"]
        );
        // The speaker past a definite title no list names; not past an indefinite noun.
        assert_eq!(
            grammar.claims("نفت المتحدثة باسمها طهران لقاء ماسك مع مندوب إيران."),
            ["musk meet iran negated asserted iran unspecified"]
        );
        assert_eq!(
            grammar.claims("ونفت صحيفة طهران لقاء ماسك مع مندوب إيران."),
            ["musk meet iran negated asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_relative_pronoun_after_a_common_noun_keeps_the_subject_after_the_verb() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي"]},
              {"id": "qamishli", "kind": "place", "aliases": ["القامشلي"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["سحب", "تسحب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#"
              "prepositions": ["من", "في"],
              "scope_prepositions": ["من", "في"],
              "relative_pronouns": ["الذي"],
              "demonstratives": ["ذلك"]
            "#,
        );
        assert_eq!(
            grammar.claims("جاء ذلك في الوقت الذي تسحب فيه روسيا قواتها من القامشلي."),
            ["russia withdraw qamishli affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_verb_without_a_subject_shares_the_last_claims() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": []},
              {"id": "putin", "kind": "person", "aliases": ["بوتين"], "counts_as": "russia"},
              {"id": "turkey", "kind": "state", "aliases": []},
              {"id": "erdogan", "kind": "person", "aliases": ["أردوغان"], "counts_as": "turkey"},
              {"id": "egypt", "kind": "state", "aliases": ["القاهرة"]},
              {"id": "sisi", "kind": "person", "aliases": ["السيسي"], "counts_as": "egypt"}
            "#,
            r#"
              {"id": "meet", "aliases": ["التقى", "اجتمع"],
                 "object_kinds": ["person", "state", "government", "organisation"], "object_markers": ["مع", "ب", "إلى"]}
            "#,
            r#""prepositions": ["في", "مع"], "scope_prepositions": ["في"]"#,
        );
        assert_eq!(
            grammar.claims("التقى بوتين بالسيسي في القاهرة، ثم اجتمع مع أردوغان."),
            [
                "putin meet sisi affirmed asserted outlet unspecified",
                "putin meet erdogan affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn a_role_that_speaks_for_its_owner_is_the_owners_word() {
        let grammar = Grammar::new(
            r#"
              {"id": "iran", "kind": "state", "aliases": ["إيران"], "adjectives": ["الإيرانية", "الإيراني"]},
              {"id": "oman", "kind": "state", "aliases": ["عمان"]},
              {"id": "envoy", "kind": "person", "aliases": ["المبعوث"]}
            "#,
            r#"{"id": "visit", "aliases": ["زار", "زيارة"], "object_kinds": ["state"]}"#,
            r#""attribution": {"verbs": ["قال"]}, "negation": {"denial": ["نفى"]}, "complementizers": ["إن"], "prepositions": ["لدى"]"#,
        );
        // Past a complementizer or a preposition the name is no owner: the
        // president is not Iran's, the ambassador not the host's.
        assert_eq!(
            grammar.claims("وقال الرئيس إن الإيراني زار عمان."),
            ["iran visit oman affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("وقال السفير لدى عمان إن المبعوث زار عمان."),
            ["envoy visit oman affirmed asserted outlet unspecified"]
        );
        // A delegate speaks for the state that sends him, not for the host.
        assert_eq!(
            grammar.claims("وقال مندوب إيران لدى عمان إن المبعوث زار عمان."),
            ["envoy visit oman affirmed asserted iran unspecified"]
        );
        // Past the ministry, the spokesman's owner is Iran; the name after him is no speaker.
        assert_eq!(
            grammar.claims("نفى المتحدث باسم الخارجية الإيرانية سعيد أحمدي زيارة المبعوث عمان."),
            ["envoy visit oman negated asserted iran unspecified"]
        );
        assert_eq!(
            grammar.claims("وقال وزير الخارجية الإيراني إن المبعوث زار عمان."),
            ["envoy visit oman affirmed asserted iran unspecified"]
        );
        // A role with no owner near it names no one; nor does a former holder.
        assert_eq!(
            grammar.claims("وقال وزير الخارجية في مؤتمر صحفي إن المبعوث زار عمان."),
            ["envoy visit oman affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("وقال وزير الخارجية الإيراني السابق إن المبعوث زار عمان."),
            ["envoy visit oman affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_role_holder_named_in_apposition_speaks_for_the_owner_after() {
        let grammar = Grammar::new(
            r#"
              {"id": "iran", "kind": "state", "aliases": ["إيران"], "adjectives": ["الإيرانية", "الإيراني"]},
              {"id": "oman", "kind": "state", "aliases": ["عمان"]},
              {"id": "envoy", "kind": "person", "aliases": ["المبعوث"]}
            "#,
            r#"{"id": "visit", "aliases": ["زار", "زيارة"], "object_kinds": ["state"]}"#,
            r#""attribution": {"verbs": ["قال", "أكد"]}, "negation": {"denial": ["نفى", "رفض"]}"#,
        );
        let named = "قال المتحدث باسم الخارجية الإيرانية، سعيد أحمدي، إن بلاده ترحب بالحوار.";
        // Later sentences name him by his surname alone, after the verb or before it.
        for (later, polarity) in [
            ("ورفض أحمدي زيارة المبعوث عمان.", "negated"),
            ("وقال سعيد أحمدي إن المبعوث زار عمان.", "affirmed"),
            ("أحمدي أكد أن المبعوث زار عمان.", "affirmed"),
        ] {
            assert_eq!(
                grammar.claims(&format!("{named} {later}")),
                [format!("envoy visit oman {polarity} asserted iran unspecified")],
                "{later}"
            );
        }
        // Without the apposition's commas the name is not taken for the holder's.
        let unclosed =
            "قال المتحدث باسم الخارجية الإيرانية سعيد أحمدي إن بلاده ترحب بالحوار. وقال أحمدي إن المبعوث زار عمان.";
        assert_eq!(
            grammar.claims(unclosed),
            ["envoy visit oman affirmed asserted outlet unspecified"]
        );
        // Each text has its own holders.
        assert_eq!(
            grammar.claims("وقال أحمدي إن المبعوث زار عمان."),
            ["envoy visit oman affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn gapped_triggers_and_subjects_on_either_side() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "الكرملين"], "adjectives": ["الروسي"]},
              {"id": "kremlin", "kind": "organisation", "aliases": ["الكرملين"], "counts_as": "russia"},
              {"id": "assad", "kind": "person", "aliases": ["بشار الأسد", "الأسد", "الرئيس السوري السابق"]}
            "#,
            r#"
              {"id": "grant-asylum", "aliases": ["منح … اللجوء", "منح … حق اللجوء", "حق اللجوء", "لجوء"],
                 "object_kinds": ["person"], "object_markers": ["ل"], "object_before": true}
            "#,
            r#""attribution": {"verbs": ["أشار"]}"#,
        );
        assert_eq!(
            grammar.claims("الكرملين منح الأسد حق اللجوء."),
            ["russia grant-asylum assad affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            grammar.claims("منحت روسيا الرئيس السوري السابق بشار الأسد وعائلته اللجوء."),
            ["russia grant-asylum assad affirmed asserted outlet unspecified"]
        );
    }

    /// Fixtures of one strike told by its accusers, its denier and its toll.
    fn strike_grammar() -> Grammar {
        Grammar::new(
            r#"
              {"id": "turkey", "kind": "state", "aliases": ["تركيا"], "adjectives": ["التركي", "التركية"]},
              {"id": "russia", "kind": "state", "aliases": ["روسيا"], "adjectives": ["الروسي", "الروسية"]},
              {"id": "wagner", "kind": "armed-group", "aliases": ["فاغنر"]},
              {"id": "aleppo", "kind": "place", "aliases": ["حلب"]}
            "#,
            r#"{"id": "strike", "aliases": ["قصف", "القصف"], "object_kinds": ["place"], "object_markers": ["على"]}"#,
            r#"
              "negation": {"denial": ["نفت"]},
              "attribution": {"verbs": ["قال", "قالت"], "accusations": ["اتهمت", "اتهم", "حملت … مسؤولية"]},
              "prepositions": ["على", "في"],
              "complementizers": ["إن", "أن"]
            "#,
        )
    }

    #[test]
    fn an_accusation_is_the_accusers_word_about_the_accused() {
        let grammar = strike_grammar();
        assert_eq!(
            grammar.claims("اتهمت تركيا روسيا بقصف حلب."),
            ["russia strike aleppo affirmed asserted turkey unspecified"]
        );
        assert_eq!(
            grammar.claims("حملت تركيا روسيا مسؤولية القصف على حلب."),
            ["russia strike aleppo affirmed asserted turkey unspecified"]
        );
        // A verb of saying after the claim opens a statement of its own: the claim is the outlet's.
        assert_eq!(
            grammar.claims("اتهمت تركيا روسيا بقصف حلب، وقالت روسيا إن الوضع خطير."),
            ["russia strike aleppo affirmed asserted turkey unspecified"]
        );
        assert_eq!(
            grammar.claims("قصفت روسيا حلب، وقالت تركيا إن الوضع خطير، وإن الحل سياسي."),
            ["russia strike aleppo affirmed asserted outlet unspecified"]
        );
        // A lone name after the verb is the accused; the accuser spoke before.
        assert_eq!(
            grammar.claims("نفت روسيا القصف على حلب، واتهم فاغنر بقصف حلب."),
            [
                "russia strike aleppo negated asserted russia unspecified",
                "wagner strike aleppo affirmed asserted russia unspecified"
            ]
        );
    }

    #[test]
    fn a_word_of_the_kind_of_body_before_its_name_is_the_body() {
        let grammar = strike_grammar();
        // `data/roles.json`: `حركة`, `تنظيم`, `مكتب` before a name speak for it.
        assert_eq!(
            grammar.claims("قالت حركة فاغنر إن روسيا قصفت حلب."),
            ["russia strike aleppo affirmed asserted wagner unspecified"]
        );
    }

    #[test]
    fn an_adjective_of_relation_after_a_name_is_the_names() {
        let grammar = Grammar::new(
            r#"
              {"id": "lebanon", "kind": "state", "aliases": ["لبنان"], "adjectives": ["اللبناني"]},
              {"id": "amal", "kind": "organisation", "aliases": ["حركة أمل"]},
              {"id": "tyre", "kind": "place", "aliases": ["صور"]}
            "#,
            r#"{"id": "strike", "aliases": ["قصف"], "object_kinds": ["place"]}"#,
            r#""prepositions": ["عن"]"#,
        );
        assert_eq!(
            grammar.claims("حركة أمل اللبناني قصف صور."),
            ["amal strike tyre affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_complement_with_a_subject_of_its_own_is_not_the_speakers_deed() {
        let grammar = strike_grammar();
        // `الرد` is the subject of the clause `إن` opens; the minister speaks of the strike.
        assert_eq!(
            grammar.claims("قال الوزير التركي إن الرد على قصف حلب سيكون قاسيا."),
            Vec::<String>::new()
        );
        assert_eq!(
            grammar.claims("قالت تركيا إن 12 شخصا قتلوا في قصف على حلب."),
            Vec::<String>::new()
        );
        // A pronoun after the complementizer, or a name, is the subject.
        assert_eq!(
            grammar.claims("قالت تركيا إنها قصفت حلب."),
            ["turkey strike aleppo affirmed asserted turkey unspecified"]
        );
        assert_eq!(
            grammar.claims("قالت تركيا إن روسيا قصفت حلب."),
            ["russia strike aleppo affirmed asserted turkey unspecified"]
        );
    }
}
