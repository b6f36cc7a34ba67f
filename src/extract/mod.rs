//! Extraction stage: Arabic article text → claims. For every predicate
//! mention (a vocabulary alias, met through clitics and inflections) it finds
//! the subject and the object around it, the negation that reaches it, the
//! modality and attribution of its sentence, and the extent words of its
//! clause. Every rule that decides is named in the claim, with a confidence.
//!
//! Pure: no I/O. Word lists come from the vocabulary and `lexicon.json`.

pub mod cues;
mod index;

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::ThreadPoolBuilder;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::text::{
    Words, after_sin, clauses, fold, has_attached_lam, has_attached_preposition, has_conjunction, is_imperfect_prefix,
    looks_imperfect, sentences, starts_with_and, without_article, without_conjunction, words_into,
};
use crate::model::{Attribution, Extent, Modality, Polarity};
use crate::vocab::{EntityId, PredicateId, Vocabulary};
pub use cues::Cues;
use index::{Index, Mention, Sense, WordCache};

/// How many words a request or purpose cue (`دعا`, `بهدف`) reaches forward.
const UNASSERTED_REACH: usize = 4;

/// A claim found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// The evidence: the clause of the predicate, widened to its subject and object.
    pub span: Range<usize>,
    /// The predicate's words.
    pub trigger: Range<usize>,
    pub subject: EntityId,
    pub predicate: PredicateId,
    pub object: EntityId,
    pub extent: Extent,
    pub polarity: Polarity,
    pub modality: Modality,
    pub attribution: Attribution,
    /// Which rules found the subject and the object (`after-trigger+marked-object`).
    pub rule: String,
    /// 0–1: how directly the rules found the parts; two decimals.
    pub confidence: f64,
}

#[derive(Clone, Copy, Default)]
struct Roles {
    agent: bool,
    scope: bool,
    speaker: bool,
    reporter: bool,
}

pub struct Extractor<'v> {
    vocabulary: &'v Vocabulary,
    index: Index,
    roles: Vec<Roles>,
    /// Per predicate: folded prepositions that introduce its object.
    markers: Vec<Vec<String>>,
    negation_reach: usize,
    /// Folded prepositions of place and origin (`في`, `من`): a name after one may be any predicate's scope.
    scope_prepositions: Vec<String>,
    abbreviations: Vec<String>,
    undecided_about: Option<PredicateId>,
    /// Folded one-word predicate aliases, to tell `التخلي` (an alias) from `التركي` (not `ترك`).
    one_word_triggers: FxHashSet<String>,
    /// Per predicate, the letters after a leading س in its aliases: `سيطر`
    /// starts with سي, so `سيطرت` is no future `سـ` + `يطر`.
    own_sin: Vec<Vec<char>>,
}

/// What one thread reuses from sentence to sentence and text to text.
#[derive(Default)]
struct Scratch {
    cache: WordCache,
    words: Words,
}

/// Entities sharing one phrase (`الكرملين`: Russia and the Kremlin).
#[derive(Clone, Debug)]
struct Group {
    words: Range<usize>,
    entities: Vec<EntityId>,
    prefixed: bool,
    /// An adjective of relation (`الروسي`): a subject, never an object.
    adjective: bool,
}

impl<'v> Extractor<'v> {
    pub fn new(vocabulary: &'v Vocabulary, cues: &Cues) -> Extractor<'v> {
        let has = |kinds: &[String], kind: &str| kinds.iter().any(|k| k == kind);
        let roles = vocabulary
            .entities
            .iter()
            .map(|e| Roles {
                agent: has(&cues.agent_kinds, &e.kind),
                scope: has(&cues.scope_kinds, &e.kind),
                speaker: has(&cues.speaker_kinds, &e.kind),
                reporter: has(&cues.reporter_kinds, &e.kind),
            })
            .collect();
        let markers = vocabulary
            .predicates
            .iter()
            .map(|p| p.object_markers.iter().map(|m| fold(m)).collect())
            .collect();
        Extractor {
            vocabulary,
            index: Index::new(vocabulary, cues),
            roles,
            markers,
            negation_reach: cues.negation_reach,
            scope_prepositions: cues.scope_prepositions.iter().map(|p| fold(p)).collect(),
            abbreviations: cues.abbreviations.iter().map(|a| fold(a)).collect(),
            undecided_about: cues.undecided_about.as_deref().and_then(|p| vocabulary.predicate(p)),
            own_sin: vocabulary
                .predicates
                .iter()
                .map(|p| {
                    p.aliases
                        .iter()
                        .filter_map(|a| after_sin(&fold(a)))
                        .collect()
                })
                .collect(),
            one_word_triggers: vocabulary
                .predicates
                .iter()
                .flat_map(|p| &p.aliases)
                .map(|a| fold(a))
                .filter(|a| !a.contains(' '))
                .collect(),
        }
    }

    /// The claims of each article (its text and publication day), on `jobs`
    /// threads, each with its own word cache and buffers; results come back in
    /// input order, identical to a sequential run. `done` is called after each
    /// text with the number finished so far.
    pub fn extract_all(
        &self,
        articles: &[(&str, Option<NaiveDate>)],
        jobs: usize,
        done: &(dyn Fn(usize) + Sync),
    ) -> Vec<Vec<Extracted>> {
        let finished = AtomicUsize::new(0);
        let extract = |scratch: &mut Scratch, &(text, published): &(&str, Option<NaiveDate>)| {
            let claims = self.extract_with(text, published, scratch);
            done(finished.fetch_add(1, Ordering::Relaxed) + 1);
            claims
        };
        let jobs = jobs.clamp(1, articles.len().max(1));
        if jobs > 1
            && let Ok(pool) = ThreadPoolBuilder::new().num_threads(jobs).build()
        {
            return pool.install(|| articles.par_iter().map_init(Scratch::default, extract).collect());
        }
        // One job, or no threads to be had: in this thread, in order.
        let mut scratch = Scratch::default();
        articles.iter().map(|article| extract(&mut scratch, article)).collect()
    }

    /// The claims of `text`, in text order. `published` decides what a name
    /// shared by entities of different eras means (vocabulary `from`/`until`).
    pub fn extract(&self, text: &str, published: Option<NaiveDate>) -> Vec<Extracted> {
        self.extract_with(text, published, &mut Scratch::default())
    }

    fn extract_with(&self, text: &str, published: Option<NaiveDate>, scratch: &mut Scratch) -> Vec<Extracted> {
        let mut found = Found::default();
        let mut in_header = true;
        for sentence in sentences(text, &self.abbreviations) {
            in_header &= !text[sentence.clone()].trim_end().ends_with('.');
            self.sentence(text, sentence, published, scratch, &mut found);
            if in_header {
                found.header_end = found.claims.len();
            }
        }
        self.headlines_take_the_body_extent(&mut found.claims, found.header_end);
        found.claims
    }

    /// A headline names the event its body tells: `لماذا الانسحاب الروسي؟`
    /// over `بدء انسحاب القوات الروسية` is the partial withdrawal of the body.
    fn headlines_take_the_body_extent(&self, out: &mut [Extracted], header_end: usize) {
        let actor = |e| self.vocabulary.actor(e);
        let event = |c: &Extracted| (actor(c.subject), c.predicate, c.object, c.polarity);
        let (headlines, body) = out.split_at_mut(header_end);
        for headline in headlines.iter_mut().filter(|c| c.extent == Extent::Unspecified) {
            if let Some(told) = body
                .iter()
                .find(|c| c.extent != Extent::Unspecified && event(c) == event(headline))
            {
                headline.extent = told.extent;
            }
        }
    }

    fn sentence(
        &self,
        text: &str,
        sentence: Range<usize>,
        published: Option<NaiveDate>,
        scratch: &mut Scratch,
        found: &mut Found,
    ) {
        let Found {
            claims: out,
            discourse,
            header_end,
        } = found;
        words_into(text, sentence.clone(), &mut scratch.words);
        let words = &scratch.words;
        let mentions = self.index.mentions(words, &mut scratch.cache);
        let mut groups = entity_groups(&mentions);
        if let Some(date) = published {
            for group in groups.iter_mut().filter(|g| g.entities.len() > 1) {
                if group.entities.iter().any(|&e| self.vocabulary.in_era(e, date)) {
                    group.entities.retain(|&e| self.vocabulary.in_era(e, date));
                }
            }
        }
        let is_trigger = |m: &Mention| {
            matches!(m.sense, Sense::Predicate(_))
                || (m.sense == Sense::Modality(Modality::Undecided) && self.undecided_about.is_some())
        };
        if !mentions.iter().any(is_trigger) {
            if let Some(agent) = groups
                .iter()
                .find(|g| !g.prefixed)
                .and_then(|g| self.pick(g, |r| r.agent, true))
            {
                *discourse = Some(agent);
            }
            return;
        }
        let clause_ranges = clauses(text, sentence.clone());
        let clause_of: Vec<usize> = words
            .words
            .iter()
            .map(|w| clause_ranges.iter().position(|c| c.end > w.span.start).unwrap_or(0))
            .collect();
        let sentence_text = text[sentence.clone()].trim_end_matches(['»', '”', '"', ')', ' ', '.']);
        // `لماذا الانسحاب؟` takes the withdrawal as given; `انسحاب روسيا: تكتيك أم
        // تغيير؟` asks about what follows the colon, not the topic before it.
        let questioned_from = (sentence_text.ends_with(['؟', '?'])
            && !mentions.iter().any(|m| m.sense == Sense::PresupposingQuestion))
        .then(|| sentence.start + sentence_text.rfind(':').map_or(0, |colon| colon + 1));
        let context = Context {
            words,
            mentions: &mentions,
            groups: &groups,
            clause_of: &clause_of,
            clauses: &clause_ranges,
        };
        let mut first_claim = out.len();
        // The groups this sentence's claims took as objects.
        let mut objects = Vec::new();
        for (i, mention) in mentions.iter().enumerate() {
            let predicate = match (mention.sense, self.undecided_about) {
                (Sense::Predicate(predicate), _) => predicate,
                // An undecision with no predicate of its own after it in its clause.
                (Sense::Modality(Modality::Undecided), Some(about))
                    if !mentions[i..].iter().any(|m| {
                        is_predicate(m.sense) && clause_of[m.words.start] == clause_of[mention.words.start]
                    }) =>
                {
                    about
                }
                _ => continue,
            };
            // `نقلت` as in "reported": a speech verb is not the event it reports;
            // `نبحث ما إذا` (consider whether) deliberates about the event after it.
            let names_no_event = mentions.iter().any(|m| {
                (m.sense == Sense::AttributionVerb && m.words == mention.words)
                    // A gapped phrase of another meaning (`تبحث روسيا عن`) is as long as the alias.
                    || (m.sense == Sense::OtherMeaning && m.words.start == mention.words.start)
                    || (m.sense == Sense::Modality(Modality::Undecided)
                        && m.words.start <= mention.words.start
                        && mention.words.end < m.words.end)
            });
            let is_question = questioned_from.is_some_and(|from| words.words[mention.words.start].span.start >= from);
            let right_before = |sense: Sense| {
                mentions[..i]
                    .iter()
                    .any(|m| m.sense == sense && m.words.end == mention.words.start)
            };
            // `لذلك`, `كذلك`: with a preposition attached, a demonstrative is a connective.
            let after_demonstrative = mentions[..i].iter().any(|m| {
                m.sense == Sense::Demonstrative
                    && m.words.end == mention.words.start
                    && !has_attached_preposition(words.key(m.words.start))
            });
            // `هذا الانسحاب` points back to a claim already made.
            // `يتجه نحو انسحاب`: a verb heading for another event names no event of its own.
            let leads_to_event = mentions.iter().any(|p| {
                p.sense == Sense::Preposition
                    && p.words.start >= mention.words.end
                    && p.words.start <= mention.words.end + 3
                    // Only the subject or an adverb (`أيضاً`) between.
                    && (mention.words.end..p.words.start).all(|w| {
                        groups.iter().any(|g| g.words.contains(&w)) || words.key(w).ends_with('ا')
                    })
                    && mentions.iter().any(|e| is_predicate(e.sense) && e.words.start == p.words.end)
            });
            if names_no_event
                || leads_to_event
                || after_demonstrative
                || self.is_adjective(words, mention)
                || self.unasserted(&context, i)
            {
                continue;
            }
            // `الانسحاب الروسي من القامشلي`, `القوات التي انسحبت`: the event is
            // named again as known, not claimed anew.
            // A definite noun with a modality of its own (`يبدو أن الانسحاب … قد بدأ`) says something new.
            let in_relative_clause = right_before(Sense::RelativePronoun);
            // A participle describing the noun before it (`القوات المتواجدة في`) is said anew.
            let definite = without_article(without_conjunction(words.key(mention.words.start))).is_some()
                && context.described_noun(mention).is_none();
            let previous = Previous {
                in_sentence: out[first_claim..].last().map(|c| c.subject),
                sentence: *discourse,
                objects: &objects,
            };
            for (claim, object_group) in self.claims(&context, i, predicate, is_question, previous) {
                let actor = |e| self.vocabulary.actor(e);
                // A headline is no discourse yet: the body tells its event anew.
                let restated = out[*header_end..first_claim].iter().any(|c| {
                    (actor(c.subject), c.predicate, c.object, c.polarity)
                        == (actor(claim.subject), claim.predicate, claim.object, claim.polarity)
                        && (in_relative_clause || (definite && c.modality == claim.modality))
                });
                if restated {
                    continue;
                }
                let repeated = out.iter().enumerate().find(|(k, c)| {
                    let same = (c.subject, c.predicate, c.object, c.polarity)
                        == (claim.subject, claim.predicate, claim.object, claim.polarity);
                    // Within the sentence, one claim per tuple; across sentences, a
                    // restatement in the same words (a headline printed twice).
                    same && (*k >= first_claim || {
                        let (earlier, this) = (&text[c.span.clone()], &text[claim.span.clone()]);
                        c.modality == claim.modality && (earlier.contains(this) || this.contains(earlier))
                    })
                });
                objects.push(object_group);
                match repeated {
                    None => out.push(claim),
                    // A headline the body repeats in its words: the body's sentence
                    // is the better evidence.
                    Some((k, _)) if k < *header_end && first_claim >= *header_end => {
                        out.remove(k);
                        *header_end -= 1;
                        first_claim -= 1;
                        out.push(claim);
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(last) = out[first_claim..].last() {
            *discourse = Some(last.subject);
        } else if let Some(agent) = groups
            .iter()
            .find(|g| !g.prefixed)
            .and_then(|g| self.pick(g, |r| r.agent, true))
        {
            *discourse = Some(agent);
        }
    }

    /// Whether a one-word trigger is a definite adjective of relation
    /// (`الرئيس التركي` is no `ترك`): ال … ي, unless that form is an alias
    /// itself (`التخلي`, the verb `التقى`).
    fn is_adjective(&self, words: &Words, trigger: &Mention) -> bool {
        if trigger.words.len() != 1 {
            return false;
        }
        let key = without_conjunction(words.key(trigger.words.start));
        let Some(stem) = without_article(key) else {
            return false;
        };
        stem.ends_with('ي') && !self.one_word_triggers.contains(stem) && !self.one_word_triggers.contains(key)
    }

    /// Whether the predicate at `at` is requested, intended or aimed at
    /// rather than claimed: a cue (`دعا`, `بهدف`) shortly before it in its
    /// clause, or an attached ل of purpose (`لبحث`, `لدعم`).
    fn unasserted(&self, cx: &Context, at: usize) -> bool {
        let trigger = &cx.mentions[at];
        let clause = cx.clause_of[trigger.words.start];
        // After a modality verb the ل is its complement, not a purpose (`تستعد روسيا لسحب`).
        let after_modality = cx.mentions[..at].iter().any(|m| {
            matches!(m.sense, Sense::Modality(_))
                && m.words.end <= trigger.words.start
                && m.words.end + 2 >= trigger.words.start
        });
        // Several lexicon entries may meet one word; any of them may see the ل.
        let prefixed = cx
            .mentions
            .iter()
            .any(|m| m.words == trigger.words && m.sense == trigger.sense && m.prefixed);
        let purpose =
            prefixed && !after_modality && has_attached_lam(cx.words.key(trigger.words.start));
        purpose
            || cx.mentions[..at].iter().any(|m| {
                m.sense == Sense::Unasserted
                    && m.words.end <= trigger.words.start
                    && trigger.words.start - m.words.end <= UNASSERTED_REACH
                    && cx.clause_of[m.words.start] == clause
                    && !cx.has_between(m.words.end, trigger.words.start, is_predicate)
            })
    }

    /// The claims of the predicate at `at`: one, or one per object when its
    /// object is a list (`بقاعدتي حميميم وطرطوس`).
    fn claims(
        &self,
        cx: &Context,
        at: usize,
        predicate: PredicateId,
        is_question: bool,
        previous: Previous<'_>,
    ) -> Vec<(Extracted, usize)> {
        let Some((claim, object_group)) = self.claim(cx, at, predicate, is_question, previous) else {
            return Vec::new();
        };
        let fits = |e: EntityId| e != claim.object && self.fits_object(predicate, claim.subject, e);
        let mut more = Vec::new();
        let mut last = &cx.groups[object_group];
        // `بين دمشق واللاذقية` names a pair, not a list of objects.
        let between = cx.mentions.iter().any(|m| {
            m.sense == Sense::Preposition && m.words.end == last.words.start && cx.words.key(m.words.start) == "بين"
        });
        if between {
            return vec![(claim, object_group)];
        }
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
            more.push((
                Extracted {
                    object,
                    span: claim.span.start.min(bytes.start)..claim.span.end.max(bytes.end),
                    ..claim.clone()
                },
                g,
            ));
            last = group;
        }
        std::iter::once((claim, object_group)).chain(more).collect()
    }

    fn claim(
        &self,
        cx: &Context,
        at: usize,
        predicate: PredicateId,
        is_question: bool,
        previous: Previous<'_>,
    ) -> Option<(Extracted, usize)> {
        let trigger = &cx.mentions[at];
        let clause = cx.clause_of[trigger.words.start];
        let speaker = self.speaker(cx, trigger);
        let (mut subject_group, mut subject, mut subject_rule, mut subject_cost) = self
            .subject(cx, trigger, clause, previous.objects)
            .map(|(g, e, rule, cost)| match (rule, previous.in_sentence) {
                // `منح الأسد اللجوء ثم اعترف …`: a verb with no subject in its
                // clause shares the last claim's, not the nearest name's.
                ("earlier-clause", Some(earlier)) => (None, earlier, "previous-claim", 0.15),
                _ => (Some(g), e, rule, cost),
            })
            .or_else(|| {
                let (_, speaker_entity) = speaker.as_ref()?;
                let entity = self.roles[speaker_entity.0 as usize].agent.then_some(*speaker_entity)?;
                Some((None, entity, "speaker", 0.2))
            })
            .or_else(|| {
                Some((
                    None,
                    previous.in_sentence.or(previous.sentence)?,
                    "previous-sentence",
                    0.3,
                ))
            })?;
        let speaker_group = speaker.as_ref().map(|s| s.0);
        let mut found = self.object(cx, trigger, predicate, clause, subject_group, subject, speaker_group);
        // `ثم زار القاهرة وأنقرة`: when the name after the verb leaves no
        // object, it was the object, and the subject is the last claim's.
        // `الكرملين منح الأسد اللجوء`: likewise with a subject before the verb.
        if found.is_none() && subject_rule == "after-trigger" {
            let before = self
                .agent_before(cx, trigger, previous.objects)
                .filter(|&(i, _)| cx.clause_of[cx.groups[i].words.start] == clause)
                .map(|(i, e)| (Some(i), e, "before-trigger", 0.1));
            let earlier = previous.in_sentence.map(|e| (None, e, "previous-claim", 0.15));
            if let Some(replacement) = before.or(earlier) {
                found = self.object(
                    cx,
                    trigger,
                    predicate,
                    clause,
                    replacement.0,
                    replacement.1,
                    speaker_group,
                );
                (subject_group, subject, subject_rule, subject_cost) = replacement;
            }
        }
        let (object_group, object, object_rule, object_cost) = found?;
        let polarity = self.polarity(cx, at, clause);
        let mut modality = match trigger.sense {
            Sense::Modality(modality) => modality,
            _ => self.modality(cx, at, clause, is_question),
        };
        let attribution = match &speaker {
            Some((_, entity)) => {
                if modality == Modality::Asserted && self.roles[entity.0 as usize].reporter {
                    modality = Modality::Reported;
                }
                Attribution::Entity(*entity)
            }
            None => Attribution::Outlet,
        };
        let extent = self.extent(cx, trigger, clause);
        let mut span = cx.clauses[clause].clone();
        for group in subject_group
            .into_iter()
            .chain([object_group])
            .map(|g| cx.groups[g].words.clone())
        {
            let bytes = cx.words.bytes(group);
            span = span.start.min(bytes.start)..span.end.max(bytes.end);
        }
        let trigger_bytes = cx.words.bytes(trigger.words.clone());
        let confidence = ((1.0 - subject_cost - object_cost) * 100.0).round() / 100.0;
        let claim = Extracted {
            span,
            trigger: trigger_bytes,
            subject,
            predicate,
            object,
            extent,
            polarity,
            modality,
            attribution,
            rule: [subject_rule, object_rule].join("+"),
            confidence,
        };
        Some((claim, object_group))
    }
}

/// What a text's sentences have found so far.
#[derive(Default)]
struct Found {
    claims: Vec<Extracted>,
    /// The subject of the last claim, for sentences whose subject is only a verb ending.
    discourse: Option<EntityId>,
    /// How many of `claims` come from the header: the lines before the first
    /// sentence ended by a full stop.
    header_end: usize,
}

/// Subjects of earlier claims, for a predicate whose own clause names none.
#[derive(Clone, Copy)]
struct Previous<'a> {
    /// The last claim's in this sentence.
    in_sentence: Option<EntityId>,
    /// The last sentence's.
    sentence: Option<EntityId>,
    /// The groups this sentence's claims took as objects: none is a later subject
    /// (`عرج على القاهرة وأنقرة حيث اجتمع`: the visitor met, not Ankara).
    objects: &'a [usize],
}

struct Context<'a> {
    words: &'a Words,
    mentions: &'a [Mention],
    groups: &'a [Group],
    clause_of: &'a [usize],
    clauses: &'a [Range<usize>],
}

impl Context<'_> {
    /// The group is the object of a preposition: attached (`لروسيا`) or the word before.
    fn in_prepositional_phrase(&self, group: &Group) -> bool {
        group.prefixed
            || self
                .mentions
                .iter()
                // `فيه` carries its own object: it governs nothing after it.
                .any(|m| m.sense == Sense::Preposition && !m.suffixed && m.words.end == group.words.start)
    }

    /// Whether `trigger` is the predicate of a relative clause begun after word `from`:
    /// a relative pronoun between with no other predicate after it.
    fn in_relative_clause(&self, from: usize, trigger: &Mention) -> bool {
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
    fn described_noun(&self, trigger: &Mention) -> Option<usize> {
        let stem = without_article(without_conjunction(self.words.key(trigger.words.start)))?;
        if !stem.starts_with('م') {
            return None;
        }
        self.groups.iter().position(|g| g.words.end == trigger.words.start)
    }

    fn has_between(&self, from: usize, to: usize, wanted: impl Fn(Sense) -> bool) -> bool {
        self.mentions
            .iter()
            .any(|m| m.words.start >= from && m.words.end <= to && wanted(m.sense))
    }
}

fn entity_groups(mentions: &[Mention]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
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
            _ => groups.push(Group {
                words: m.words.clone(),
                entities: vec![entity],
                prefixed: m.prefixed,
                adjective,
            }),
        }
    }
    groups
}

fn is_predicate(sense: Sense) -> bool {
    matches!(sense, Sense::Predicate(_))
}

impl Extractor<'_> {
    /// The entity of `group` that has the role; when several do, `broad`
    /// prefers one compared as itself (Russia over the Kremlin), otherwise
    /// the more specific one.
    fn pick(&self, group: &Group, role: impl Fn(Roles) -> bool, broad: bool) -> Option<EntityId> {
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
    fn fits_object(&self, predicate: PredicateId, subject: EntityId, entity: EntityId) -> bool {
        let info = self.vocabulary.predicate_info(predicate);
        let kind = &self.vocabulary.entity_info(entity).kind;
        let kind_fits = if info.object_kinds.is_empty() {
            self.roles[entity.0 as usize].scope
        } else {
            info.object_kinds.iter().any(|k| k == kind)
        };
        kind_fits && self.vocabulary.actor(entity) != self.vocabulary.actor(subject)
    }

    /// Subject: an agent right after the trigger (verb–subject order, or the
    /// construct `انسحاب روسيا`), else the nearest before it in its clause,
    /// else before it in its sentence.
    fn subject(
        &self,
        cx: &Context,
        trigger: &Mention,
        clause: usize,
        taken: &[usize],
    ) -> Option<(usize, EntityId, &'static str, f64)> {
        // A participle's subject is the name it describes, whatever governs that name.
        if let Some(g) = cx.described_noun(trigger)
            && let Some(e) = self.pick(&cx.groups[g], |r| r.agent, true)
        {
            return Some((g, e, "described-noun", 0.05));
        }
        let agent = |g: &Group| {
            if cx.in_prepositional_phrase(g) {
                None
            } else {
                self.pick(g, |r| r.agent, true)
            }
        };
        // After a relative pronoun the subject is the noun it refers back to,
        // when that noun is a name (not `الوقت الذي`).
        let after_relative = cx.mentions.iter().any(|m| {
            m.sense == Sense::RelativePronoun
                && m.words.end == trigger.words.start
                && cx
                    .groups
                    .iter()
                    .any(|g| g.words.end <= m.words.start && g.words.end + 1 >= m.words.start)
        });
        let after = cx.groups.iter().enumerate().find(|(_, g)| {
            g.words.start >= trigger.words.end
                && g.words.start <= trigger.words.end + 2
                && cx.clause_of[g.words.start] == clause
                && !cx.has_between(trigger.words.end, g.words.start, is_predicate)
        });
        // `التي تسيطر عليها روسيا`: a pronoun after the verb stands for the
        // noun referred back to, so the subject follows.
        let resumptive = cx
            .mentions
            .iter()
            // After the verb, or the alias's own (`تسيطر على` met as `تسيطر عليها`).
            .any(|m| {
                m.sense == Sense::Preposition
                    && m.suffixed
                    && m.words.start > trigger.words.start
                    && m.words.start <= trigger.words.end
            });
        if let Some((i, g)) = after.filter(|_| !after_relative || resumptive)
            && let Some(e) = agent(g)
        {
            return Some((i, e, "after-trigger", 0.0));
        }
        let (i, e) = self.agent_before(cx, trigger, taken)?;
        if cx.clause_of[cx.groups[i].words.start] == clause {
            Some((i, e, "before-trigger", 0.05))
        } else {
            Some((i, e, "earlier-clause", 0.15))
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
    #[allow(clippy::too_many_arguments)]
    fn object(
        &self,
        cx: &Context,
        trigger: &Mention,
        predicate: PredicateId,
        clause: usize,
        subject_group: Option<usize>,
        subject: EntityId,
        speaker_group: Option<usize>,
    ) -> Option<(usize, EntityId, &'static str, f64)> {
        let info = self.vocabulary.predicate_info(predicate);
        let fits = |e: EntityId| self.fits_object(predicate, subject, e);
        // `برعاية روسيا وتركيا`: names joined to the subject share its role.
        let mut co_subjects = subject_group.into_iter().collect::<Vec<_>>();
        while let Some(&last) = co_subjects.last() {
            let next = last + 1;
            let joined = cx.groups.get(next).is_some_and(|g| {
                g.words.start == cx.groups[last].words.end && starts_with_and(cx.words.key(g.words.start))
            });
            if !joined {
                break;
            }
            co_subjects.push(next);
        }
        let candidate = |(i, g): (usize, &Group)| -> Option<(usize, EntityId)> {
            if co_subjects.contains(&i) || Some(i) == speaker_group || g.adjective {
                return None;
            }
            // A name of several kinds (`موسكو`: Russia, Moscow) is read as the kind the predicate lists first.
            let rank = |e: EntityId| {
                let kind = &self.vocabulary.entity_info(e).kind;
                info.object_kinds.iter().position(|k| k == kind)
            };
            let e = g
                .entities
                .iter()
                .copied()
                .filter(|&e| fits(e))
                .min_by_key(|&e| rank(e))?;
            Some((i, e))
        };
        // `القاعدة التي تسيطر عليها روسيا`: with its subject after it, a
        // relative clause's predicate has the noun it refers back to as object.
        let subject_after = subject_group.is_some_and(|g| cx.groups[g].words.start >= trigger.words.end);
        let antecedent = cx
            .mentions
            .iter()
            .filter(|m| {
                m.sense == Sense::RelativePronoun
                    && m.words.end <= trigger.words.start
                    && m.words.end + 1 >= trigger.words.start
            })
            .find_map(|m| {
                cx.groups
                    .iter()
                    .enumerate()
                    .rfind(|(_, g)| g.words.end <= m.words.start && g.words.end + 1 >= m.words.start)
            });
        if subject_after && let Some(found) = antecedent.and_then(candidate) {
            return Some((found.0, found.1, "relative-antecedent", 0.1));
        }
        let markers = &self.markers[predicate.0 as usize];
        // A preposition right before the entity, or before one head noun (`من مدينة القامشلي`).
        let preposition_before = |g: &Group| {
            cx.mentions.iter().find(|m| {
                m.sense == Sense::Preposition
                    && m.words.start >= trigger.words.end
                    && !m.suffixed
                    && (m.words.end == g.words.start || m.words.end + 1 == g.words.start)
            })
        };
        // A one-word preposition of the predicate's (`إلى جانب` is no `إلى`).
        let is_marker = |m: &Mention| {
            markers.is_empty() || (m.words.len() == 1 && markers.iter().any(|k| k == cx.words.key(m.words.start)))
        };
        let clitic_is_marker = |g: &Group| {
            let clitic = without_conjunction(cx.words.key(g.words.start));
            markers.is_empty() || markers.iter().any(|k| clitic.starts_with(k.as_str()))
        };
        let marked = |g: &Group| preposition_before(g).is_some_and(is_marker) || (g.prefixed && clitic_is_marker(g));
        // Governed by a preposition that is not the predicate's (`على الطريق بين دمشق`).
        let governed_otherwise = |g: &Group| {
            !markers.is_empty()
                && preposition_before(g).is_some_and(|m| {
                    !is_marker(m) && !self.scope_prepositions.iter().any(|p| p == cx.words.key(m.words.start))
                })
        };
        // The object is not looked for past a clause begun inside the sentence
        // (`… بأن موسكو لن تتدخل`) or past an event joined on (`إعادة تموضع
        // وانسحاب من`); outside the clause, not past any other predicate.
        let in_reach = |g: &Group| {
            let stops = cx.mentions.iter().any(|m| {
                m.words.start >= trigger.words.end
                    && m.words.end <= g.words.start
                    && (m.sense == Sense::Complementizer
                        || (is_predicate(m.sense) && has_conjunction(cx.words.key(m.words.start))))
            });
            !stops
                && (cx.clause_of[g.words.start] == clause
                    || (g.words.start < trigger.words.end + 12
                        && !cx.has_between(trigger.words.end, g.words.start, is_predicate)))
        };
        let after: Vec<(usize, &Group)> = cx
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.words.start > trigger.words.start && in_reach(g))
            .collect();
        // With no prepositions of its own the object follows the predicate
        // directly, or is named in it (`احترام جميع الاتفاقيات`).
        if markers.is_empty()
            && let Some((i, e)) = after
                .iter()
                // Right after it, a preposition is the alias's own (`عرج على القاهرة`).
                .filter(|(_, g)| {
                    g.words.start <= trigger.words.end
                        || (g.words.start == trigger.words.end + 1 && !cx.in_prepositional_phrase(g))
                })
                .find_map(|&c| candidate(c))
        {
            return Some((i, e, "direct-object", 0.0));
        }
        if let Some((i, e)) = after.iter().filter(|(_, g)| marked(g)).find_map(|&c| candidate(c)) {
            return Some((i, e, "marked-object", 0.0));
        }
        let unmarked = after
            .iter()
            .filter(|(_, g)| cx.clause_of[g.words.start] == clause && !governed_otherwise(g))
            .find_map(|&c| candidate(c))
            .map(|(i, e)| (i, e, "object-after", 0.1));
        let before = || {
            cx.groups
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, g)| g.words.end <= trigger.words.start && cx.clause_of[g.words.start] == clause)
                .find_map(candidate)
                .map(|(i, e)| (i, e, "object-before", 0.15))
        };
        unmarked.or_else(|| if info.object_before { before() } else { None })
    }

    /// Negated when a negation word stands within reach before the trigger in
    /// its clause, or a denial verb (نفى) governs it from earlier in the sentence.
    fn polarity(&self, cx: &Context, at: usize, clause: usize) -> Polarity {
        let trigger = &cx.mentions[at];
        let no_predicate_between = |m: &Mention| !cx.has_between(m.words.end, trigger.words.start, is_predicate);
        let negated = cx.mentions[..at].iter().any(|m| {
            m.sense == Sense::Negation
                && m.words.end <= trigger.words.start
                && trigger.words.start - m.words.end <= self.negation_reach
                && cx.clause_of[m.words.start] == clause
                && no_predicate_between(m)
        });
        let denied = cx.mentions[..at]
            .iter()
            .any(|m| m.sense == Sense::Denial && m.words.end <= trigger.words.start && no_predicate_between(m));
        if negated != denied {
            Polarity::Negated
        } else {
            Polarity::Affirmed
        }
    }

    /// The strongest modality cue that reaches the trigger: one before it in
    /// its clause, or in an earlier clause with no other predicate between.
    fn modality(&self, cx: &Context, at: usize, clause: usize, is_question: bool) -> Modality {
        let trigger = &cx.mentions[at];
        // A participle describes its noun as a relative clause would.
        let described_from = cx.described_noun(trigger).map_or(0, |g| cx.groups[g].words.start);
        let mut found: Vec<Modality> = cx.mentions[..at]
            .iter()
            .filter(|m| m.words.end <= trigger.words.start)
            .filter(|m| {
                cx.clause_of[m.words.start] == clause || !cx.has_between(m.words.end, trigger.words.start, is_predicate)
            })
            // A relative clause describes; the main clause's modality stays outside it.
            .filter(|m| !cx.in_relative_clause(m.words.end, trigger) && m.words.start >= described_from)
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
                Sense::HedgeBeforeImperfect if m.words.end < cx.words.len() && looks_imperfect(cx.words.key(m.words.end)) => {
                    Some(Modality::Hedged)
                }
                _ => None,
            })
            .collect();
        if is_question {
            found.push(Modality::Question);
        }
        // `لقاء آخر قريب`, `الاجتماع المقبل`: the event is yet to come.
        if cx.mentions[at..].iter().any(|m| {
            m.sense == Sense::ExpectedAfter
                && m.words.start >= trigger.words.end
                && m.words.start <= trigger.words.end + 2
                && cx.clause_of[m.words.start] == clause
        }) {
            found.push(Modality::Expected);
        }
        if let Sense::Predicate(predicate) = trigger.sense
            && self.is_future(cx.words.key(trigger.words.start), predicate)
        {
            found.push(Modality::Expected);
        }
        [
            Modality::Question,
            Modality::Undecided,
            Modality::Expected,
            Modality::Hedged,
            Modality::Reported,
        ]
        .into_iter()
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

    /// The speaker of the trigger's sentence: the speaker entity next to the
    /// nearest attribution verb or preposition (`قال بوتين`, `الكرملين أكد`,
    /// `بحسب رويترز`). Returns its group and entity.
    fn speaker(&self, cx: &Context, trigger: &Mention) -> Option<(usize, EntityId)> {
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
        let before_trigger = cues.iter().rev().filter(|m| m.words.end <= trigger.words.start);
        let at_the_end = cues
            .iter()
            .find(|m| m.words.start >= trigger.words.end && cx.clause_of[m.words.start] == last_clause);
        let speaker = |(i, g): (usize, &Group)| Some((i, self.pick(g, |r| r.speaker, false)?));
        let speaker_of = |cue: &Mention| {
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
        };
        // A cue with no speaker of its own (`مشيراً إلى أن`) goes on with the
        // sentence's last named one (`قال بوتين …، مشيراً إلى أن`).
        let mut before_trigger = before_trigger.peekable();
        if before_trigger.peek().is_some() {
            before_trigger.find_map(|cue| speaker_of(cue))
        } else {
            at_the_end.and_then(|cue| speaker_of(cue))
        }
    }

    /// Partial or full, from extent words near the trigger in its clause.
    fn extent(&self, cx: &Context, trigger: &Mention, clause: usize) -> Extent {
        let near = |m: &&Mention| {
            cx.clause_of[m.words.start] == clause
                && m.words.start + 4 >= trigger.words.start
                && m.words.start <= trigger.words.end + 4
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::JsonFile;

    /// The bundled vocabulary and lexicon, as a user without files of their own gets them.
    fn bundled() -> (Vocabulary, Cues) {
        let vocabulary = Vocabulary::read(&JsonFile::new("vocabulary.json", crate::data::VOCABULARY.text));
        let cues = Cues::read(&JsonFile::new("lexicon.json", crate::data::LEXICON.text), &vocabulary, true);
        (vocabulary, cues)
    }

    /// Each claim as `subject predicate object polarity modality attribution extent`.
    fn claims(text: &str) -> Vec<String> {
        let (vocabulary, cues) = bundled();
        let extractor = Extractor::new(&vocabulary, &cues);
        extractor
            .extract(text, None)
            .iter()
            .map(|c| {
                let attribution = match c.attribution {
                    Attribution::Outlet => "outlet".to_string(),
                    Attribution::Entity(e) => vocabulary.entity_info(e).id.clone(),
                };
                format!(
                    "{} {} {} {:?} {:?} {} {:?}",
                    vocabulary.entity_info(c.subject).id,
                    vocabulary.predicate_info(c.predicate).id,
                    vocabulary.entity_info(c.object).id,
                    c.polarity,
                    c.modality,
                    attribution,
                    c.extent
                )
                .to_lowercase()
            })
            .collect()
    }

    #[test]
    fn verb_subject_order_and_construct_phrases() {
        assert_eq!(
            claims("أخلت القوات الروسية مطار القامشلي."),
            ["russian-forces withdraw qamishli affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("وأثار انسحاب روسيا من قاعدة حميميم جدلا واسعا."),
            ["russia withdraw hmeimim affirmed asserted outlet unspecified"]
        );
        // Kurdish spelling of Qamishli, subject before the verb, conjugated verb.
        assert_eq!(
            claims("القوات الروسية تنسحب من قامشلو."),
            ["russian-forces withdraw qamishli affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn negation_and_denial_reach_the_predicate() {
        assert_eq!(
            claims("وقال الكرملين إن روسيا لن تغادر قاعدة طرطوس."),
            ["russia withdraw tartus negated asserted kremlin unspecified"]
        );
        assert_eq!(
            claims("نفت موسكو انسحاب قواتها من سوريا."),
            ["russia withdraw syria negated asserted russia unspecified"]
        );
    }

    #[test]
    fn modality_questions_and_hedges() {
        assert_eq!(
            claims("هل تنسحب روسيا من سوريا؟"),
            ["russia withdraw syria affirmed question outlet unspecified"]
        );
        assert_eq!(
            claims("ربما تنسحب روسيا من قاعدة حميميم."),
            ["russia withdraw hmeimim affirmed hedged outlet unspecified"]
        );
        // قد before an imperfect verb hedges; before a past verb it does not.
        assert_eq!(
            claims("قد تنسحب روسيا من سوريا."),
            ["russia withdraw syria affirmed hedged outlet unspecified"]
        );
        assert_eq!(
            claims("وكانت روسيا قد انسحبت من سوريا."),
            ["russia withdraw syria affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("من المتوقع أن ترسل روسيا قوات إلى حميميم."),
            ["russia deploy-to hmeimim affirmed expected outlet unspecified"]
        );
    }

    #[test]
    fn attribution_names_the_speaker() {
        assert_eq!(
            claims("أكد بوتين أن القوات الروسية باقية في قاعدة حميميم."),
            ["russian-forces keep-presence hmeimim affirmed asserted putin unspecified"]
        );
        assert_eq!(
            claims("وبحسب رويترز، سحبت روسيا بعض قواتها من دير الزور."),
            ["russia withdraw deir-ez-zor affirmed asserted reuters partial"]
        );
        // A participle cue (`مشيراً`) names no speaker: the sentence's last named one goes on.
        assert_eq!(
            claims("وقال بوتين في مؤتمره الصحفي، مشيرًا إلى أن موسكو تمكنت من تحقيق أهدافها في سوريا."),
            ["russia achieve-goals syria affirmed asserted putin unspecified"]
        );
    }

    #[test]
    fn extent_words_in_the_clause() {
        assert_eq!(
            claims("انسحبت روسيا بالكامل من القامشلي."),
            ["russia withdraw qamishli affirmed asserted outlet full"]
        );
        assert_eq!(
            claims("سحبت روسيا جزءا من قواتها من سوريا."),
            ["russia withdraw syria affirmed asserted outlet partial"]
        );
    }

    #[test]
    fn undecided_without_a_predicate_of_its_own() {
        assert_eq!(
            claims("وقال الكرملين إنه لم يتخذ قرارا بشأن القواعد العسكرية بعد."),
            ["russia keep-presence russian-bases-syria affirmed undecided kremlin unspecified"]
        );
    }

    #[test]
    fn what_is_not_a_claim() {
        // A demonstrative points back; a speech verb is no event; no scope, no claim.
        assert!(claims("وأثار هذا الانسحاب من سوريا تساؤلات.").is_empty());
        assert!(claims("ونقلت وكالة رويترز الخبر.").is_empty());
        assert!(claims("انسحبت روسيا.").is_empty());
        // `وزارة` (ministry) is not the verb زار (visit).
        assert!(claims("وقالت وزارة الدفاع الروسية إن الطقس بارد.").is_empty());
    }

    #[test]
    fn requests_and_purposes_are_not_claims() {
        assert!(claims("وطالبت الحكومة السورية الجديدة روسيا بالانسحاب من قاعدة حميميم.").is_empty());
        assert!(claims("دعا أردوغان القوات الأمريكية إلى الانسحاب من شمال شرق سوريا.").is_empty());
        assert!(
            claims("زار بوتين أنقرة بهدف دعم التسوية السياسية في سوريا.")
                .iter()
                .all(|c| !c.contains(" support "))
        );
        // The ل of a modality verb's complement is no purpose.
        assert_eq!(
            claims("وتستعد روسيا لسحب قواتها من مطار القامشلي."),
            ["russia withdraw qamishli affirmed expected outlet unspecified"]
        );
    }

    #[test]
    fn a_list_of_objects_gives_one_claim_each() {
        assert_eq!(
            claims("انسحبت القوات الروسية من الرقة ودير الزور."),
            [
                "russian-forces withdraw raqqa affirmed asserted outlet unspecified",
                "russian-forces withdraw deir-ez-zor affirmed asserted outlet unspecified"
            ]
        );
        // `بين … و…` is a pair of ends, not a list.
        assert_eq!(
            claims("وتحرك رتل روسي على الطريق بين دمشق وحمص.").len(),
            claims("وتحرك رتل روسي على الطريق بين دمشق.").len()
        );
    }

    #[test]
    fn a_relative_pronoun_after_a_common_noun_keeps_the_subject_after_the_verb() {
        assert_eq!(
            claims("جاء ذلك في الوقت الذي تسحب فيه روسيا قواتها من القامشلي."),
            ["russia withdraw qamishli affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_adjective_of_relation_is_no_verb() {
        // `التركي` is not the verb ترك (leave); `التقى` is the verb met.
        assert!(claims("وصل الوفد التركي إلى موسكو.").is_empty());
        assert_eq!(
            claims("التقى أردوغان بوتين في سوتشي."),
            ["erdogan meet putin affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_event_named_again_as_known_is_not_claimed_again() {
        let text = "انسحبت روسيا من مطار القامشلي. وجاء الانسحاب الروسي من القامشلي بعد أيام. \
                    ومن المتوقع أن تتجه القوات الروسية التي انسحبت من القامشلي إلى حميميم. \
                    ويبدو أن الانسحاب الروسي من القامشلي بدأ قبل أسبوع.";
        assert_eq!(
            claims(text),
            [
                "russia withdraw qamishli affirmed asserted outlet unspecified",
                "russian-forces deploy-to hmeimim affirmed expected outlet unspecified",
                "russia withdraw qamishli affirmed hedged outlet partial"
            ]
        );
    }

    #[test]
    fn relative_clauses_refer_back_to_their_noun() {
        // The resumptive `عليها` puts the subject after the verb and the noun as object;
        // the main clause's `من المتوقع` does not reach into the relative clause.
        assert_eq!(
            claims("ومن المتوقع أن يزور أردوغان قاعدة حميميم التي تسيطر عليها روسيا."),
            [
                "erdogan visit hmeimim affirmed expected outlet unspecified",
                "russia keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // Names joined to the subject are co-subjects, not objects.
        assert_eq!(
            claims("وتشمل المحادثات مناطق تخفيف التوتر التي تتم برعاية روسيا وتركيا."),
            ["russia support de-escalation-zones affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_verb_without_a_subject_shares_the_last_claims() {
        assert_eq!(
            claims("التقى بوتين بالسيسي في القاهرة، ثم اجتمع مع أردوغان."),
            [
                "putin meet sisi affirmed asserted outlet unspecified",
                "putin meet erdogan affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn the_future_prefix_makes_a_claim_expected() {
        assert_eq!(
            claims("وستعود القوات الروسية إلى حميميم."),
            ["russian-forces deploy-to hmeimim affirmed expected outlet unspecified"]
        );
        // `سيطرت` begins with the letters of its own alias, not with a future prefix.
        assert_eq!(
            claims("سيطرت الفصائل المسلحة على دمشق."),
            ["opposition-factions capture damascus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_verb_heading_for_another_event_is_not_one() {
        assert_eq!(
            claims("ويتجه الجيش الأمريكي نحو الانسحاب من شمال شرق سوريا."),
            ["us-forces withdraw northeast-syria affirmed asserted outlet unspecified"]
        );
        assert_eq!(claims("استخدمت روسيا مطار القامشلي لدعم تركيا."), Vec::<String>::new());
    }

    #[test]
    fn connectives_and_names_of_several_kinds() {
        // `لذلك` (therefore) is no demonstrative pointing back; `موسكو` visited is the city.
        assert_eq!(
            claims("ولذلك زار الشرع موسكو، ثم زار القاهرة وأنقرة."),
            [
                "sharaa visit moscow affirmed asserted outlet unspecified",
                "sharaa visit egypt affirmed asserted outlet unspecified",
                "sharaa visit turkey affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn gapped_triggers_and_subjects_on_either_side() {
        assert_eq!(
            claims("الكرملين منح الأسد حق اللجوء."),
            ["russia grant-asylum assad affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("منحت روسيا الرئيس السوري السابق بشار الأسد وعائلته اللجوء."),
            ["russia grant-asylum assad affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_headline_printed_twice_gives_one_claim() {
        let text = "هل تنسحب روسيا من طرطوس؟\n\nهل تنسحب روسيا من طرطوس؟\n\nقالت مصادر إن روسيا لن تنسحب من طرطوس.";
        assert_eq!(
            claims(text),
            [
                "russia withdraw tartus affirmed question outlet unspecified",
                "russia withdraw tartus negated asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn why_questions_and_headline_topics_take_the_event_as_given() {
        assert_eq!(
            claims("لماذا انسحبت روسيا من قاعدة حميميم؟"),
            ["russia withdraw hmeimim affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("هل انسحبت روسيا من قاعدة حميميم؟"),
            ["russia withdraw hmeimim affirmed question outlet unspecified"]
        );
        // The question is after the colon; the topic before it is not asked about.
        assert_eq!(
            claims("انسحاب روسيا من طرطوس: نهاية مرحلة أم بداية أخرى؟"),
            ["russia withdraw tartus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_headline_the_body_repeats_is_the_body_claim_with_its_extent() {
        let text = "انسحاب روسيا من طرطوس\n\nبدأ انسحاب روسيا من طرطوس بشكل جزئي هذا الأسبوع. وقال مسؤول إن الأمر طبيعي.";
        let extractor_claims = {
            let (vocabulary, cues) = bundled();
            let extractor = Extractor::new(&vocabulary, &cues);
            extractor.extract(text, None)
        };
        assert_eq!(extractor_claims.len(), 1);
        assert!(extractor_claims[0].span.start > text.find("بدأ").unwrap() - 1);
        assert_eq!(extractor_claims[0].extent, Extent::Partial);
        // In other words, the headline stays a claim of its own and takes the body's extent.
        assert_eq!(
            claims("لماذا الانسحاب الروسي من طرطوس؟\n\nبدأت القوات الروسية الانسحاب من طرطوس بشكل جزئي."),
            [
                "russia withdraw tartus affirmed asserted outlet partial",
                "russian-forces withdraw tartus affirmed asserted outlet partial"
            ]
        );
    }

    #[test]
    fn phrases_of_another_meaning_and_deliberation_are_no_events() {
        // `بحث عن` is searching for, not discussing.
        assert!(claims("وتبحث روسيا عن شركاء جدد في سوريا.").is_empty());
        assert_eq!(
            claims("بحث بوتين وأردوغان الحل في سوريا."),
            ["putin discuss syria-settlement affirmed asserted outlet unspecified"]
        );
        // Considering whether is no discussion: what is considered is undecided.
        assert_eq!(
            claims("قال بوتين إن موسكو تبحث ما إذا كانت ستبقي قواتها في سوريا."),
            ["russia keep-presence syria affirmed undecided putin unspecified"]
        );
    }

    #[test]
    fn strengthening_and_sending_are_of_forces_only() {
        assert!(claims("وهو ما يعزز من قدرة روسيا على التأثير في سوريا.").is_empty());
        assert!(claims("أرسلت الإدارة الجديدة إشارات إلى موسكو.").is_empty());
        assert_eq!(
            claims("عززت روسيا وجودها العسكري في ليبيا."),
            ["russia reinforce-presence libya affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("أرسلت روسيا قوات إضافية إلى ليبيا."),
            ["russia deploy-to libya affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn where_an_object_is_looked_for() {
        // After a preposition that is not the predicate's (`بين`, `إلى جانب`), a name is no object.
        assert!(claims("رصدت كاميرات رتلا من الدبابات الروسية يتجه على الطريق بين دمشق واللاذقية.").is_empty());
        assert!(claims("خسرت القوات الروسية إلى جانب الجيش السوري أعدادا من الجنود.").is_empty());
        // Nor past a clause begun inside the sentence.
        assert!(claims("وتفسر دمشق الانسحاب الروسي كبادرة تهدف إلى طمأنة الشرع بأن موسكو لن تتدخل.").is_empty());
        // Nor past an event joined on: the redeployment is not to the withdrawal's place.
        assert_eq!(
            claims("بدأت روسيا إعادة تموضع لقواتها وانسحابا تدريجيا من الخطوط الأمامية."),
            ["russia withdraw forward-positions affirmed asserted outlet partial"]
        );
        // With no prepositions of its own, the object is the name in or right after the predicate.
        assert_eq!(
            claims("ووعد الشرع باحترام جميع الاتفاقيات المبرمة بين روسيا وسوريا."),
            ["sharaa honour-agreements russian-syrian-agreements affirmed expected outlet full"]
        );
        // An earlier claim's object is no later subject.
        assert_eq!(
            claims("زار بوتين سوريا. ثم عرج على القاهرة وأنقرة حيث اجتمع إلى الرئيس عبد الفتاح السيسي."),
            [
                "putin visit syria affirmed asserted outlet unspecified",
                "putin visit egypt affirmed asserted outlet unspecified",
                "putin visit turkey affirmed asserted outlet unspecified",
                "putin meet sisi affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn describing_participles_and_events_yet_to_come() {
        // The participle describes the forces; the hedge is about the withdrawal only.
        assert_eq!(
            claims("ربما تنسحب القوات الروسية المتواجدة في قاعدة حميميم."),
            [
                "russian-forces withdraw hmeimim affirmed hedged outlet unspecified",
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // Said again of forces named after a preposition: the participle's subject is its noun.
        assert_eq!(
            claims(
                "تحتفظ القوات الروسية بقاعدة حميميم. ولن تحتاج روسيا إلا إلى القوات الروسية المتواجدة في قاعدة حميميم."
            ),
            [
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified",
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // A verbal noun after a name is no participle: the modality before the name reaches it.
        assert_eq!(
            claims("من المتوقع أن تبدأ روسيا الانسحاب من سوريا."),
            ["russia withdraw syria affirmed expected outlet partial"]
        );
        assert_eq!(
            claims("وأشار أردوغان إلى لقاء آخر قريب مع الرئيس الروسي في سوتشي."),
            ["erdogan meet putin affirmed expected erdogan unspecified"]
        );
        assert_eq!(
            claims("التقى بوتين أردوغان في سوتشي."),
            ["putin meet erdogan affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn controlling_is_keeping_and_seizing_control_is_capture() {
        assert_eq!(
            claims("وصلت القوات إلى قاعدة حميميم الجوية التي تسيطر عليها روسيا."),
            ["russia keep-presence hmeimim affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("الفصائل المسلحة سيطرت على دمشق."),
            ["opposition-factions capture damascus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_adjective_of_relation_gives_a_subject_but_no_object() {
        assert_eq!(
            claims("بدأ الانسحاب الروسي من سوريا."),
            ["russia withdraw syria affirmed asserted outlet partial"]
        );
        assert!(
            claims("وقال الشرع إن المرحلة المقبلة ستشهد مفاوضات بين روسيا وحكومة دمشق بشأن الوجود العسكري الروسي.")
                .iter()
                .all(|c| !c.contains(" russia "))
        );
    }

    #[test]
    fn a_name_two_eras_share_means_the_entity_of_the_publication_day() {
        let (vocabulary, cues) = bundled();
        let extractor = Extractor::new(&vocabulary, &cues);
        let text = "وطلبت الحكومة السورية من القوات الروسية مغادرة القامشلي.";
        let subject = |year| {
            let found = extractor.extract(text, NaiveDate::from_ymd_opt(year, 6, 1));
            vocabulary.entity_info(found[0].subject).id.clone()
        };
        assert_eq!(subject(2019), "assad-government");
        assert_eq!(subject(2026), "syrian-new-authorities");
    }

    #[test]
    fn evidence_spans_point_into_the_text() {
        let (vocabulary, cues) = bundled();
        let text = "مقدمة قصيرة.\nانسحبت القوات الروسية من قاعدة طرطوس، وبقيت في حميميم.";
        let found = Extractor::new(&vocabulary, &cues).extract(text, None);
        assert_eq!(&text[found[0].span.clone()], "انسحبت القوات الروسية من قاعدة طرطوس");
        assert_eq!(&text[found[0].trigger.clone()], "انسحبت");
    }

    #[test]
    fn parallel_extraction_matches_sequential() {
        let (vocabulary, cues) = bundled();
        let extractor = Extractor::new(&vocabulary, &cues);
        let texts = [
            ("انسحبت روسيا من سوريا.", None),
            ("", None),
            ("لم تنسحب روسيا من قاعدة حميميم.", NaiveDate::from_ymd_opt(2024, 12, 20)),
            ("هل تبقى روسيا في طرطوس؟", None),
        ];
        let sequential = extractor.extract_all(&texts, 1, &|_| {});
        assert_eq!(extractor.extract_all(&texts, 3, &|_| {}), sequential);
        assert_eq!(sequential.iter().map(Vec::len).collect::<Vec<_>>(), [1, 0, 1, 1]);
    }
}
