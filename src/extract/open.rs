//! Open entities: names no vocabulary lists, read from the words next to a
//! predicate's trigger (`أغلقت مكتب حماس`, `التقى إيلون ماسك`, `الحوثيون
//! استهدفوا`), in a first pass over the whole corpus. A name becomes an
//! entity of kind `open` when sources of their own use it so: one
//! article's stray phrase stays out, the name two outlets give an actor or
//! its object is kept, and the same name in every source is one entity
//! (keyed by its folded words). Extraction then reads it like any other.

use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::index::{Mention, Sense};
use super::{Extractor, Scratch};
use crate::text::{
    TokenKind, Words, fold, has_attached_preposition, is_possessed, sentences, starts_with_and, without_article,
    without_attached_preposition, without_conjunction, words_into,
};
use crate::vocab::{Entity, Merged};

/// The tanween of the accusative (`ً`), written on indefinite nouns and adjectives.
const FATHATAN: char = '\u{64B}';

/// The most words of a place's name after its noun: with the noun, at most
/// [`MAX_WORDS`] (`بلدة مجدل شمس`).
const PLACE_NAME_WORDS: usize = MAX_WORDS - 1;

/// The most words between a role and its holder's name: the owner and
/// its adjectives (`رئيس جمهورية مصر العربية`).
const OWNER_AND_ADJECTIVES: usize = 3;

/// The most words an open name has: a head with its construct and
/// adjectives (`مكتب حماس السياسي`), or a first name and a surname.
const MAX_WORDS: usize = 3;

/// How many sources must use a name next to a trigger for it to be an entity.
const MIN_SOURCES: usize = 2;

/// The entity kind of open names (the lexicon's `roles` say what it may be).
pub const OPEN_KIND: &str = "open";

/// The entity kind of open names the corpus writes after a noun of a kind
/// of place: the gazetteer's kind of places.
const OPEN_PLACE_KIND: &str = "place";

/// Where the first pass found a candidate name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    BesideTrigger,
    AfterPlaceNoun,
    AfterRole,
}

/// What the first pass knows of one candidate name.
struct Candidate {
    /// As first written (the first word without a clitic it carries).
    label: String,
    sources: FxHashSet<usize>,
    /// The sources where it is the whole run of name words beside the trigger.
    whole_in: FxHashSet<usize>,
    /// Some source names it after a noun of its kind of place (`مدينة درنة`).
    a_place: bool,
    /// Every source names it only after a role (`رئيس بيرو خوسيه خيري`).
    only_after_roles: bool,
}

impl Candidate {
    /// Two sources use it; a name of one word, on its own: `مكتب` only ever
    /// heads `مكتب حماس` and is no name, `ماسك` stands alone.
    fn kept(&self, words: usize) -> bool {
        let sources = if words == 1 { &self.whole_in } else { &self.sources };
        sources.len() >= MIN_SOURCES
    }
}

impl Extractor<'_> {
    /// The open entities of `texts`, sorted by their key so that the output
    /// does not depend on the order texts are read in, each with the merges
    /// that gave it aliases besides its key.
    pub fn open_entities(&self, texts: &[&str]) -> Vec<(Entity, Vec<Merged>)> {
        let mut scratch = Scratch::default();
        let mut candidates: BTreeMap<String, Candidate> = BTreeMap::new();
        // The words the corpus writes with the article, without it (common
        // nouns), with how often.
        let mut definite: FxHashMap<String, usize> = FxHashMap::default();
        // Every word as written without a conjunction, with how often: the
        // inflections that show a word to be a verb or an adverb.
        let mut written: FxHashMap<String, usize> = FxHashMap::default();
        // The words the corpus writes nunated somewhere (`نفيا قاطعًا`,
        // `رسميًا`): an indefinite accusative, an adverb or a description,
        // never a name.
        let mut nunated: FxHashSet<String> = FxHashSet::default();
        for (source, text) in texts.iter().enumerate() {
            for sentence in sentences(text, &self.abbreviations) {
                words_into(text, sentence, &mut scratch.words);
                for i in 0..scratch.words.len() {
                    let key = scratch.words.key(i);
                    count(&mut written, without_conjunction(key));
                    if text[scratch.words.words[i].span.clone()].contains(FATHATAN) {
                        nunated.insert(without_conjunction(key).to_string());
                    }
                    if let Some(noun) = without_article(key) {
                        count(&mut definite, noun);
                    }
                }
                let mentions = self.index.mentions(&scratch.words, &mut scratch.cache);
                let reading = Reading {
                    text,
                    words: &scratch.words,
                    covered: covered(&scratch.words, &mentions, |_| true),
                    listed: covered(&scratch.words, &mentions, |sense| matches!(sense, Sense::Entity(_))),
                    extractor: self,
                };
                let beside_triggers = mentions
                    .iter()
                    .filter(|m| opens_names(m.sense))
                    .flat_map(|mention| reading.names_beside(mention));
                let after_place_nouns = (0..scratch.words.len())
                    .flat_map(|at| reading.names_after_place_noun(at))
                    .map(|(range, whole)| (range, whole, Found::AfterPlaceNoun));
                let after_roles = (0..scratch.words.len())
                    .flat_map(|at| reading.names_after_role(at))
                    .map(|(range, whole)| (range, whole, Found::AfterRole));
                let found = beside_triggers
                    .map(|(range, whole)| (range, whole, Found::BesideTrigger))
                    .chain(after_place_nouns)
                    .chain(after_roles);
                for (range, whole, how) in found {
                    if !reading.may_stand_alone(&range) {
                        continue;
                    }
                    let (key, label) = reading.key_and_label(range);
                    let candidate = candidates.entry(key).or_insert_with(|| Candidate {
                        label,
                        sources: FxHashSet::default(),
                        whole_in: FxHashSet::default(),
                        a_place: false,
                        only_after_roles: true,
                    });
                    candidate.a_place |= how == Found::AfterPlaceNoun;
                    candidate.only_after_roles &= how == Found::AfterRole;
                    candidate.sources.insert(source);
                    if whole {
                        candidate.whole_in.insert(source);
                    }
                }
            }
        }
        let mut taken: FxHashMap<String, usize> = FxHashMap::default();
        let kept: Vec<(String, Candidate)> = candidates
            .into_iter()
            // A word the corpus writes with the article at least as often as
            // sources use it bare is a common word (`عسكرية` beside
            // `العسكرية`), not a name (`حماس`, once `الحماس`).
            // A name found only after roles whose first word the corpus
            // writes with the article or nunated is a common noun's phrase
            // (`وتتحمل حكومة بيرو مسؤولية الأزمة`).
            .filter(|(key, c)| {
                let first = key.split(' ').next().unwrap_or(key);
                !c.only_after_roles || (!definite.contains_key(first) && !nunated.contains(first))
            })
            .filter(|(key, c)| {
                c.kept(key.split(' ').count())
                    && (key.contains(' ')
                        || (definite.get(key).is_none_or(|&n| n < c.sources.len())
                            && !nunated.contains(key)
                            && !inflected_as_common_word(key, &written, &definite)))
            })
            .collect();
        let heads = construct_heads(kept.iter().map(|(key, _)| key.as_str()));
        let surnames = surnames(texts, &kept, &definite);
        let (mut places, fragments) = self.places_named_with_their_kind(kept.iter().map(|(key, _)| key.as_str()));
        let prefixed = prefixed_again(kept.iter().map(|(key, _)| key.as_str()));
        let merged_into_a_place: FxHashSet<String> = places.values().flatten().cloned().collect();
        kept.into_iter()
            .filter(|(key, _)| {
                !surnames.contains_key(key.as_str())
                    && !prefixed.contains(key)
                    && !merged_into_a_place.contains(key)
                    && !fragments.contains(key)
            })
            .map(|(key, candidate)| {
                let with_kind = places.remove(&key).unwrap_or_default();
                let id = open_id(&key, &mut taken);
                let words: Vec<&str> = key.split(' ').collect();
                let (short, reason) = match words[..] {
                    [_, last] if surnames.get(last) == Some(&key) => (vec![last.to_string()], "surname"),
                    // The shortest name of a construct takes its short forms; its
                    // head is a common noun, which the corpus writes with the article.
                    [head, _] if heads.contains(head) && definite.contains_key(head) => {
                        (self.short_forms(head), "construct-head")
                    }
                    _ => (Vec::new(), ""),
                };
                let merged = short
                    .iter()
                    .map(|alias| Merged {
                        alias: alias.clone(),
                        reason,
                    })
                    .chain(with_kind.iter().map(|alias| Merged {
                        alias: alias.clone(),
                        reason: "place-noun",
                    }))
                    .collect();
                let entity = Entity {
                    id,
                    label: candidate.label,
                    // A name only a place takes (`مدينة درنة`) is a place: a
                    // scope, never an agent.
                    kind: if candidate.a_place { OPEN_PLACE_KIND } else { OPEN_KIND }.to_string(),
                    aliases: std::iter::once(key).chain(short).chain(with_kind).collect(),
                    adjectives: Vec::new(),
                };
                (entity, merged)
            })
            .collect()
    }

    /// The short forms of an open construct whose head no other open name
    /// has: the head with a possessive (`مكتبها`, `مكتبه`) or before an
    /// anaphoric noun (`مكتب الحركة`), all meaning `مكتب حماس` in its story.
    fn short_forms(&self, head: &str) -> Vec<String> {
        // A folded ة (ه) is written ت before a possessive (`ثكنتها`).
        let stem = head.strip_suffix('ه').map_or(head.to_string(), |s| format!("{s}ت"));
        let possessives = ["ها", "ه", "هم"].iter().map(move |p| format!("{stem}{p}"));
        let anaphoric = self.anaphoric_nouns.iter().map(|noun| format!("{head} {noun}"));
        possessives.chain(anaphoric).collect()
    }
}

impl Extractor<'_> {
    /// The open names that are another open name after a noun of its kind
    /// of place (`بلده مجدل شمس` of `مجدل شمس`), by that name: one place;
    /// and those that are such a noun before the start of one (`بلده مجدل`),
    /// no name at all.
    fn places_named_with_their_kind<'k>(
        &self,
        keys: impl Iterator<Item = &'k str>,
    ) -> (FxHashMap<String, Vec<String>>, FxHashSet<String>) {
        let keys: Vec<&str> = keys.collect();
        let names: FxHashSet<&str> = keys.iter().copied().collect();
        // The first words of every name, short of the whole (`مجدل` of `مجدل شمس`).
        let starts: FxHashSet<&str> = keys
            .iter()
            .flat_map(|key| key.match_indices(' ').map(|(at, _)| &key[..at]))
            .collect();
        let mut places: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let mut fragments = FxHashSet::default();
        for key in &keys {
            let Some((kind, rest)) = key.split_once(' ') else {
                continue;
            };
            if !is_place_noun(kind, &self.place_nouns) {
                continue;
            }
            if names.contains(rest) {
                places.entry(rest.to_string()).or_default().push(key.to_string());
            } else if starts.contains(rest) {
                fragments.insert(key.to_string());
            }
        }
        (places, fragments)
    }
}

/// The open names that are another one with a preposition attached
/// (`بمجدل شمس` of `مجدل شمس`): the phrase index finds that one through
/// the clitic, so they are no names of their own.
fn prefixed_again<'k>(keys: impl Iterator<Item = &'k str>) -> FxHashSet<String> {
    let keys: Vec<&str> = keys.collect();
    let names: FxHashSet<&str> = keys.iter().copied().collect();
    keys.into_iter()
        .filter(|key| has_attached_preposition(key) && names.contains(without_attached_preposition(key)))
        .map(str::to_string)
        .collect()
}

/// Whether a word is a noun of a kind of place, as written (`ولاية`, whose
/// و is its own) or without a conjunction and a preposition (`بمخيم`).
fn is_place_noun(key: &str, place_nouns: &FxHashSet<String>) -> bool {
    place_nouns.contains(key) || place_nouns.contains(without_attached_preposition(key))
}

/// The heads (first words, without the article) of open constructs that
/// name one thing: every kept name with that head has the same second word
/// (`مكتب حماس`, `مكتب حماس السياسي`), so only one `مكتب` is meant.
fn construct_heads<'k>(keys: impl Iterator<Item = &'k str>) -> FxHashSet<String> {
    let mut owners: FxHashMap<&str, Option<&str>> = FxHashMap::default();
    for key in keys {
        let mut words = key.split(' ');
        let (Some(head), Some(owner)) = (words.next(), words.next()) else {
            continue;
        };
        if without_article(head).is_some() {
            continue;
        }
        owners
            .entry(head)
            .and_modify(|seen| {
                if *seen != Some(owner) {
                    *seen = None;
                }
            })
            .or_insert(Some(owner));
    }
    owners
        .into_iter()
        .filter(|(_, owner)| owner.is_some())
        .map(|(head, _)| head.to_string())
        .collect()
}

/// The one-word names that are the surname of one two-word name
/// (`ماسك` of `إيلون ماسك`), each with that name: a person named in full
/// is named by the surname after, so every text of `texts` that uses the
/// surname alone also writes the full name (a place stands alone in texts
/// that never name a construct of it: `رفح` against `معبر رفح`). A first
/// word that the corpus also writes with the article, or a verbal noun,
/// heads a construct (`مكتب حماس` beside `المكتب`: the office is not
/// Hamas); two names with one surname (`إيلون ماسك`, `كيمبال ماسك`) leave
/// it apart.
fn surnames(
    texts: &[&str],
    kept: &[(String, Candidate)],
    definite: &FxHashMap<String, usize>,
) -> FxHashMap<String, String> {
    let single: FxHashMap<&str, &Candidate> = kept
        .iter()
        .filter(|(key, _)| !key.contains(' '))
        .map(|(key, candidate)| (key.as_str(), candidate))
        .collect();
    // Folded once each, and only the texts a surname stands alone in.
    let mut folded: FxHashMap<usize, String> = FxHashMap::default();
    let mut full: FxHashMap<&str, Option<&str>> = FxHashMap::default();
    for (key, _) in kept {
        let mut words = key.split(' ');
        let (Some(first), Some(last), None) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Some(alone) = single.get(last) else {
            continue;
        };
        if without_article(first).is_some() || definite.contains_key(first) || is_verbal_noun(first) {
            continue;
        }
        let named_in_full = alone.whole_in.iter().all(|&source| {
            folded
                .entry(source)
                .or_insert_with(|| fold(texts.get(source).copied().unwrap_or_default()))
                .contains(key.as_str())
        });
        if named_in_full {
            full.entry(last).and_modify(|seen| *seen = None).or_insert(Some(key));
        }
    }
    full.into_iter()
        .filter_map(|(surname, name)| Some((surname.to_string(), name?.to_string())))
        .collect()
}

/// Names stand beside predicates and beside the verbs that attribute or deny.
fn opens_names(sense: Sense) -> bool {
    matches!(
        sense,
        Sense::Predicate(_) | Sense::AttributionVerb | Sense::Accusation | Sense::Denial
    )
}

/// Per word, whether a phrase of the lexicon or the vocabulary of a `wanted` sense covers it.
fn covered(words: &Words, mentions: &[Mention], wanted: impl Fn(Sense) -> bool) -> Vec<bool> {
    let mut covered = vec![false; words.len()];
    for mention in mentions.iter().filter(|m| wanted(m.sense)) {
        covered[mention.words.clone()].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// One sentence, read for names.
struct Reading<'a> {
    text: &'a str,
    words: &'a Words,
    covered: Vec<bool>,
    /// Per word, whether a listed name covers it.
    listed: Vec<bool>,
    /// The extractor: its `not_names`, time words, place nouns (a name starts
    /// after one) and roles that speak for their owner (a holder's name may
    /// follow one).
    extractor: &'a Extractor<'a>,
}

impl Reading<'_> {
    /// Whether word `i` may be part of a name.
    fn is_name_word(&self, i: usize) -> bool {
        let word = &self.words.words[i];
        let key = self.words.key(i);
        let bare = without_conjunction(key);
        word.kind == TokenKind::Word
            && !self.covered[i]
            // Two letters are a function word or a clitic's remains (`بي` of `بين`).
            && bare.chars().count() >= 3
            // `فيما` is no ف + `يما`: the word is looked up as written too.
            && !self.extractor.not_names.contains(bare)
            && !self.extractor.not_names.contains(key)
            && !self.extractor.time_words.is_time_word(key)
    }

    /// A name of one word is a proper name: no article (`العسكري`, `القطع`
    /// are common words), and no possessive ending (`قواتها`, `مكتبهم`).
    fn may_stand_alone(&self, range: &Range<usize>) -> bool {
        if range.len() > 1 {
            return true;
        }
        let key = without_conjunction(self.words.key(range.start));
        without_article(key).is_none()
            && !is_possessed(key, self.words.words[range.start].taa_marbuta)
            && !is_verbal_noun(key)
            && !is_verbal_noun_like_a_first_name(key)
    }

    /// Nothing but spaces between words `a` and `a + 1`: punctuation ends a name.
    fn joined(&self, a: usize) -> bool {
        let gap = self.words.words[a].span.end..self.words.words[a + 1].span.start;
        self.text[gap].chars().all(char::is_whitespace)
    }

    /// The candidate names beside `mention`: every prefix of the run of name
    /// words after it (past one preposition of its own, `التقى مع`), and
    /// every suffix of the run that ends right before it; each with whether
    /// it is the whole run.
    fn names_beside(&self, mention: &Mention) -> Vec<(Range<usize>, bool)> {
        let mut names = Vec::new();
        let len = self.words.len();
        let mut start = mention.words.end;
        // Past one short word of the lexicon: a preposition (`التقى مع`, `هجوم على`).
        if start + 1 < len
            && self.covered[start]
            && self.words.key(start).chars().count() <= 3
            && self.joined(start - 1)
        {
            start += 1;
        }
        names.extend(self.run_from(start, MAX_WORDS));
        let end = mention.words.start;
        let mut first = end;
        while first > 0
            && end - first < MAX_WORDS
            && self.is_name_word(first - 1)
            && !self.is_place_noun(first - 1)
            && self.joined(first - 1)
            && (first == end || !starts_with_and(self.words.key(first)))
        {
            first -= 1;
        }
        names.extend((first..end).map(|s| (s..end, s == first)));
        names
    }

    /// Every prefix of the run of up to `most` name words from word `start`,
    /// each with whether it is the whole run. A noun of a kind of place ends
    /// the run before it (`فيضانات مدينة درنة`: the floods, then the city);
    /// a run that begins with و and the article is the second of two common
    /// nouns (`البحث والإنقاذ`), no name.
    fn run_from(&self, start: usize, most: usize) -> Vec<(Range<usize>, bool)> {
        let len = self.words.len();
        if start < len
            && starts_with_and(self.words.key(start))
            && without_article(without_conjunction(self.words.key(start))).is_some()
        {
            return Vec::new();
        }
        let mut end = start;
        while end < len
            && end - start < most
            && self.is_name_word(end)
            && self.joined(end - 1)
            && (end == start || (!starts_with_and(self.words.key(end)) && !self.is_place_noun(end)))
        {
            end += 1;
        }
        // A run right before a listed name heads a construct (`مندوب إيران`): it is no whole name.
        let heads_construct = end < len && end > start && self.listed[end] && self.joined(end - 1);
        (start + 1..=end)
            .map(|e| (start..e, e == end && !heads_construct))
            .collect()
    }

    /// Whether word `at` is a noun of a kind of place, a preposition
    /// attached or not (`مدينة`, `بمخيم`).
    fn is_place_noun(&self, at: usize) -> bool {
        is_place_noun(self.words.key(at), &self.extractor.place_nouns)
    }

    /// The names of two words or more after a role at word `at`, past its
    /// owner or its adjectives of relation (`رئيس بيلاروس ألكسندر
    /// لوكاشينكو`, `الرئيس الحالي ألكسندر لوكاشينكو`): a holder's name,
    /// wherever it stands.
    fn names_after_role(&self, at: usize) -> Vec<(Range<usize>, bool)> {
        let len = self.words.len();
        let Some(phrase) = self
            .extractor
            .role_phrase_at(self.words, at)
            .filter(|phrase| phrase.held_by_a_person)
        else {
            return Vec::new();
        };
        let phrase = phrase.words.len();
        let mut start = at + phrase;
        // Its owner and adjectives: listed names and definite adjectives of
        // relation (`الحالي`), joined; `ألكسندر` is no ال + adjective.
        let adjective = |i: usize| self.written_definite(i) && self.words.key(i).ends_with('ي');
        while start < len
            && start < at + phrase + OWNER_AND_ADJECTIVES
            && (self.listed[start] || adjective(start))
            && self.joined(start - 1)
        {
            start += 1;
        }
        // A role right before a name is a first name (`أمير سعيد إيرواني`);
        // a definite word opens no holder's name (`المتحدث باسم وزارة
        // الخارجية`, `الرئيس المنتخب`).
        let owned = start > at + phrase;
        if !owned || start >= len || !self.joined(start - 1) || self.written_definite(start) {
            return Vec::new();
        }
        self.run_from(start, MAX_WORDS)
            .into_iter()
            .filter(|(range, _)| range.len() >= 2)
            .collect()
    }

    /// Whether word `i` has the article as written: a bare alef and lam
    /// (`الحالي`), not a name's hamza (`ألكسندر`, folded `الكسندر` too).
    fn written_definite(&self, i: usize) -> bool {
        let written = &self.text[self.words.words[i].span.clone()];
        let after_conjunction = written.strip_prefix(['و', 'ف']).unwrap_or(written);
        without_article(without_conjunction(self.words.key(i))).is_some()
            && (written.starts_with("ال") || after_conjunction.starts_with("ال"))
    }

    /// The names after a noun of a kind of place at word `at` (`مدينة درنة`,
    /// `بمخيم جباليا`): a place's name, wherever it stands.
    fn names_after_place_noun(&self, at: usize) -> Vec<(Range<usize>, bool)> {
        if at + 1 >= self.words.len() || !self.is_place_noun(at) {
            return Vec::new();
        }
        self.run_from(at + 1, PLACE_NAME_WORDS)
    }

    /// A name's key (its folded words, an article's proclitic taken off:
    /// `بالسفينة` is `السفينة`) and its label (the words as written, when no
    /// proclitic had to go).
    fn key_and_label(&self, range: Range<usize>) -> (String, String) {
        let mut key = String::new();
        let mut clean = true;
        for i in range.clone() {
            if !key.is_empty() {
                key.push(' ');
            }
            let word = self.words.key(i);
            match without_article(word) {
                Some(rest) if !word.starts_with(ARTICLE) => {
                    clean = false;
                    key.push_str(ARTICLE);
                    key.push_str(rest);
                }
                _ => key.push_str(word),
            }
        }
        let label = if clean {
            self.text[self.words.bytes(range)].to_string()
        } else {
            key.clone()
        };
        (key, label)
    }
}

/// Adds one to the count of `word`, allocating only for a new word.
fn count(counts: &mut FxHashMap<String, usize>, word: &str) {
    match counts.get_mut(word) {
        Some(n) => *n += 1,
        None => {
            counts.insert(word.to_string(), 1);
        }
    }
}

/// Whether the corpus writes a one-word name (folded) in the forms of a
/// common word: a verb's feminine perfect, twice (`أسفر` beside `أسفرت`,
/// `أدى` beside `أدت` and `أدوا`), or the masculine of a feminine one; an
/// adverb's accusative (`عمليا` beside `عملي`); ending in ي, a plural or
/// feminine with the article (`مقاتلي` beside `المقاتلين`, `مدفعي` beside
/// `المدفعية`); a noun with a preposition; an imperfect. Names take none of
/// these (`ماسك`, `حماس`, `بوتين`; `علي`, whose `علت` is another verb, has
/// no `علوا`).
fn inflected_as_common_word(
    key: &str,
    written: &FxHashMap<String, usize>,
    definite: &FxHashMap<String, usize>,
) -> bool {
    let seen = |word: &str, times: usize| written.get(word).is_some_and(|&n| n >= times);
    let Some(last) = key.chars().last() else {
        return false;
    };
    let stem = &key[..key.len() - last.len_utf8()];
    let weak_end = last == 'ي' || last == 'ا';
    let verb = if weak_end {
        seen(&format!("{stem}ت"), 2) && seen(&format!("{stem}وا"), 1)
    } else {
        seen(&format!("{key}ت"), 2)
    };
    // The feminine perfect itself (`أسفرت` beside `أسفر` and `أسفروا`, `أدت` beside `أدي`).
    let feminine_verb = last == 'ت'
        && [stem.to_string(), format!("{stem}ي")]
            .iter()
            .any(|masculine| seen(masculine, 2) && seen(&format!("{}وا", masculine.trim_end_matches('ي')), 1));
    let adverb = last == 'ا' && stem.chars().count() >= 3 && seen(stem, 1);
    let mut letters = key.chars();
    let first = letters.next().unwrap_or(last);
    let rest = letters.as_str();
    let long_rest = rest.chars().count() >= 3;
    // A preposition on a common noun of four letters or more (`بجروح`
    // beside `الجروح`, `لقوات`; not `كمال`, `بسام` beside `المال`, `السام`).
    let prefixed = matches!(first, 'ب' | 'ل') && rest.chars().count() >= 4 && definite.contains_key(rest);
    // An imperfect of a verb the corpus writes in the perfect (`يشارك`
    // beside `شارك`, `شاركت`); a first person beside the third (`أريد`
    // beside `يريد`, `تريد`).
    let imperfect = long_rest
        && match first {
            'ي' | 'ت' | 'ن' => seen(rest, 2) && seen(&format!("{rest}ت"), 1) && seen(&format!("{rest}وا"), 1),
            'ا' => seen(&format!("ي{rest}"), 2) && seen(&format!("ت{rest}"), 2),
            _ => false,
        };
    // Only the plural: a feminine with the article is as often a name's
    // nisba (`سليماني` beside `السليمانية`, `بري` beside `البرية`).
    let noun = last == 'ي' && definite.contains_key(&format!("{key}ن"));
    // A final ه that is a possessive: the corpus writes the stem and another
    // possessive of it (`قوله` beside `قول` and `قولها`; not `عبدالله`).
    let possessed = without_conjunction(stem);
    let possessive = last == 'ه'
        && possessed.chars().count() >= 3
        && seen(possessed, 1)
        && (seen(&format!("{possessed}ها"), 1) || seen(&format!("{possessed}هم"), 1));
    verb || feminine_verb || adverb || noun || possessive || prefixed || imperfect
}

/// A verbal noun of a derived verb is an event, not a name: `ارتفاع` (form
/// VIII), `انسحاب` (VII), `استهداف` (X), `تنفيذ` (II) — the patterns
/// اXXXاX, استXXاX and تXXيX of a word alone.
fn is_verbal_noun(key: &str) -> bool {
    let letters: Vec<char> = key.chars().collect();
    matches!(
        letters.as_slice(),
        ['ا', 'س', 'ت', _, _, 'ا', _] | ['ا', _, _, _, 'ا', _] | ['ت', _, _, 'ي', _]
    )
}

/// Verbal nouns of form IV and of hollow roots (`إجراء`, `إعادة`,
/// `استعادة`: اXXاX, اXاXه, استXاXه), shaped like first names (`إسحاق`,
/// `أسامة`): a word alone so shaped is no name, but one before a surname is.
fn is_verbal_noun_like_a_first_name(key: &str) -> bool {
    let letters: Vec<char> = key.chars().collect();
    matches!(
        letters.as_slice(),
        ['ا', _, _, 'ا', _] | ['ا', _, 'ا', _, 'ه'] | ['ا', 'س', 'ت', _, 'ا', _, 'ه']
    )
}

/// The article, which a name's key keeps.
const ARTICLE: &str = "ال";

/// A stable id for the name `key` (folded already): the same name gets the same id in every
/// corpus, whatever else the corpus holds.
fn open_id(key: &str, taken: &mut FxHashMap<String, usize>) -> String {
    // FNV-1a: small, fixed, and the same on every platform.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let id = format!("open-{:08x}", hash >> 32);
    let seen = taken.entry(id.clone()).or_insert(0);
    *seen += 1;
    if *seen == 1 { id } else { format!("{id}-{seen}") }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;
    use crate::vocab::Merged;

    fn grammar() -> Grammar {
        Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت", "إغلاق"]},
               {"id": "meet", "aliases": ["التقى"], "object_markers": ["مع"]}"#,
            r#""not_names": ["أمس"], "prepositions": ["مع", "في"]"#,
        )
    }

    /// The open names of `texts`, as `label (alias)`.
    fn open_names(grammar: &Grammar, texts: &[&str]) -> Vec<String> {
        grammar
            .extractor()
            .open_entities(texts)
            .iter()
            .map(|(e, _)| format!("{} ({})", e.label, e.aliases[0]))
            .collect()
    }

    #[test]
    fn a_name_two_sources_use_beside_a_trigger_is_kept() {
        let grammar = grammar();
        let names = open_names(
            &grammar,
            &[
                "أغلقت قطر مكتب حماس السياسي في الدوحة.",
                "نفت الحكومة إغلاق مكتب حماس في العاصمة.",
            ],
        );
        // `مكتب` only ever heads `مكتب حماس`: no name of its own.
        assert_eq!(names, vec!["مكتب حماس (مكتب حماس)"]);
        // One source is not enough.
        assert!(open_names(&grammar, &["أغلقت قطر مكتب حماس السياسي.", "زار الوزير الدوحة."]).is_empty());
    }

    #[test]
    fn names_stop_at_punctuation_a_glued_and_time_and_listed_words() {
        let grammar = grammar();
        let texts = [
            "التقى إيلون ماسك، اليوم مع السفير.",
            "التقى إيلون ماسك وزوجته أمس مع السفير.",
        ];
        assert_eq!(open_names(&grammar, &texts), vec!["إيلون ماسك (ايلون ماسك)"]);
        // A name after the trigger's own preposition, and one before it.
        let texts = [
            "ماسك التقى مع مندوب إيران.",
            "وبحسب الصحيفة، ماسك التقى مع مندوب إيران أمس.",
        ];
        assert_eq!(
            open_names(&grammar, &texts),
            vec!["ماسك (ماسك)", "مندوب إيران (مندوب ايران)"]
        );
        // A word before a listed name heads a construct with it: `مندوب قطر` is Qatar's envoy.
        let texts = ["التقى مندوب قطر السفير.", "التقى مندوب قطر الوزير."];
        assert!(open_names(&grammar, &texts).is_empty());
    }

    #[test]
    fn a_surname_alone_names_the_person_named_in_full() {
        let grammar = grammar();
        let full = ["التقى إيلون ماسك مع السفير.", "التقى إيلون ماسك أمس مع السفير."];
        // Each text that names him short named him in full first.
        let short = [
            "وصل إيلون ماسك أمس. ماسك التقى مع السفير.",
            "وكان إيلون ماسك وصل. وقال إن ماسك التقى مع الوزير.",
        ];
        let texts: Vec<&str> = full.iter().chain(&short).copied().collect();
        let entities = grammar.extractor().open_entities(&texts);
        let aliases: Vec<&Vec<String>> = entities.iter().map(|(e, _)| &e.aliases).collect();
        assert_eq!(aliases, [&vec!["ايلون ماسك".to_string(), "ماسك".to_string()]]);
        let surname = Merged {
            alias: "ماسك".to_string(),
            reason: "surname",
        };
        assert_eq!(entities[0].1, [surname]);
        // A first name shaped like a form IV verbal noun (`إسحاق`) is still a first name.
        let herzog = [
            "التقى إسحاق هرتسوغ مع السفير.",
            "التقى إسحاق هرتسوغ أمس مع السفير.",
            "وصل إسحاق هرتسوغ أمس. هرتسوغ التقى مع السفير.",
            "وكان إسحاق هرتسوغ وصل. وقال إن هرتسوغ التقى مع الوزير.",
        ];
        let named = grammar.extractor().open_entities(&herzog);
        let herzog_aliases: Vec<&Vec<String>> = named.iter().map(|(e, _)| &e.aliases).collect();
        assert_eq!(
            herzog_aliases,
            [&vec!["اسحاق هرتسوغ".to_string(), "هرتسوغ".to_string()]]
        );
        // A common noun heads a construct: the office of Hamas is not Hamas.
        let office = [
            "أغلقت مكتب حماس الباب.",
            "أغلقت مكتب حماس الطريق.",
            "أغلقت حماس أمس المكتب.",
            "وأغلقت حماس أمس.",
        ];
        assert_eq!(open_names(&grammar, &office), ["حماس (حماس)", "مكتب حماس (مكتب حماس)"]);
        // A place named alone more often than in a construct is no surname of it.
        let crossing = [
            "أغلقت معبر رفح.",
            "أغلقت معبر رفح أمس.",
            "رفح أغلقت.",
            "رفح أغلقت أمس.",
            "وأغلقت رفح.",
        ];
        assert_eq!(open_names(&grammar, &crossing), ["رفح (رفح)", "معبر رفح (معبر رفح)"]);
        // Two people of one surname, both named where it stands alone: it is neither…
        let other = ["التقى كيمبال ماسك مع السفير.", "التقى كيمبال ماسك مع الوزير."];
        let both = [
            "وصل إيلون ماسك وكيمبال ماسك أمس. ماسك التقى مع السفير.",
            "وكان إيلون ماسك وكيمبال ماسك هناك. وقال إن ماسك التقى مع الوزير.",
        ];
        let ambiguous: Vec<&str> = full.iter().chain(&both).chain(&other).copied().collect();
        assert_eq!(
            open_names(&grammar, &ambiguous),
            ["إيلون ماسك (ايلون ماسك)", "كيمبال ماسك (كيمبال ماسك)", "ماسك (ماسك)"]
        );
        // …and where only one of them is named, it is that one.
        let texts: Vec<&str> = texts.iter().chain(&other).copied().collect();
        assert_eq!(
            open_names(&grammar, &texts),
            ["إيلون ماسك (ايلون ماسك)", "كيمبال ماسك (كيمبال ماسك)"]
        );
    }

    #[test]
    fn a_verbal_noun_alone_is_no_name() {
        let grammar = grammar();
        // `ارتفاع` and `تنفيذ` stand alone beside the trigger in both; `ماسك` is a name.
        let texts = [
            "ارتفاع أغلقت الباب. ماسك أغلقت الباب. تنفيذ أغلقت الباب.",
            "ارتفاع أغلقت الطريق. ماسك أغلقت الطريق. تنفيذ أغلقت الطريق.",
        ];
        assert_eq!(open_names(&grammar, &texts), vec!["ماسك (ماسك)"]);
        assert!(super::is_verbal_noun("استهداف") && super::is_verbal_noun("انسحاب"));
        assert!(!super::is_verbal_noun("اسطنبول") && !super::is_verbal_noun("ايراني"));
    }

    #[test]
    fn a_name_of_one_word_is_no_common_word() {
        let grammar = grammar();
        // `العسكري` has the article, `قواتها` a possessive ending: neither is a name alone.
        let texts = [
            "أغلقت العسكري الباب.",
            "أغلقت قواتها الطريق.",
            "أغلقت العسكري الباب.",
            "أغلقت قواتها الطريق.",
        ];
        let names = open_names(&grammar, &texts);
        assert!(
            names.iter().all(|n| n.contains(' ') && n.split(' ').count() > 2),
            "{names:?}"
        );
        // `عسكرية` stands alone beside the trigger twice, but the corpus also
        // writes `العسكرية`: an adjective, not a name; `ماسك` never has the article.
        let texts = [
            "أغلقت عسكرية الباب. ماسك أغلقت الباب. وانتهت العملية العسكرية.",
            "أغلقت عسكرية الطريق. ماسك أغلقت الطريق. وبدأت العملية العسكرية.",
        ];
        assert_eq!(open_names(&grammar, &texts), ["ماسك (ماسك)"]);
        // A name the corpus writes with the article less often than sources
        // use it bare stays a name (`وساد الحماس`: enthusiasm, once).
        let texts = ["حماس أغلقت الباب.", "حماس أغلقت الطريق. وساد الحماس."];
        assert_eq!(open_names(&grammar, &texts), ["حماس (حماس)"]);
    }

    #[test]
    fn a_word_the_corpus_inflects_as_a_verb_an_adverb_or_a_noun_is_no_name() {
        let grammar = grammar();
        let names = |texts: &[&str]| {
            let mut names = open_names(&grammar, texts);
            names.retain(|n| n.split(' ').count() == 2);
            names
        };
        // Each word stands alone beside the trigger in two sources; the
        // corpus also writes it as a verb, an adverb, a plural with the
        // article, a noun with the article after a preposition, a perfect of
        // an imperfect, the masculine of a feminine perfect. `سامر` is
        // written only as itself.
        let texts = [
            "أسفر أغلقت الباب. سامر أغلقت الباب. عمليا أغلقت الباب. مقاتلي أغلقت الباب. \
             بجروح أغلقت الباب. يشارك أغلقت الباب. وقوله أغلقت الباب. شاركت أغلقت الباب.",
            "أسفر أغلقت الطريق. سامر أغلقت الطريق. عمليا أغلقت الطريق. مقاتلي أغلقت الطريق. \
             بجروح أغلقت الطريق. يشارك أغلقت الطريق. وقوله أغلقت الطريق. شاركت أغلقت الطريق.",
            "أسفرت المعارك عن قتلى. وأسفرت الغارة عن جرحى. وكان ذلك عملي. وقاتل المقاتلين. \
             وعولج الجروح. وشارك الوفد. وشارك الجيش. وشاركوا جميعا. \
             وكان قول الوزير واضحا. وقولها مختلف.",
        ];
        assert_eq!(names(&texts), ["سامر (سامر)"]);
        // Names that meet a common word's form stay names: `كمال` beside
        // `المال`, `سليماني` beside `السليمانية`, `عبدالله` with no `عبدالل`.
        let texts = [
            "كمال أغلقت الباب. سليماني أغلقت الباب. عبدالله أغلقت الباب.",
            "كمال أغلقت الطريق. سليماني أغلقت الطريق. عبدالله أغلقت الطريق. وزاد المال في السليمانية.",
        ];
        assert_eq!(names(&texts), ["سليماني (سليماني)", "عبدالله (عبدالله)", "كمال (كمال)"]);
        // `فيما` is looked up as written, not as ف + `يما`.
        let grammar = Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت"]}"#,
            r#""not_names": ["فيما"]"#,
        );
        assert!(open_names(&grammar, &["فيما أغلقت قطر الباب.", "فيما أغلقت قطر الطريق."]).is_empty());
    }

    /// The claims of `texts[at]` once the open names of `texts` are known, as `subject predicate object`.
    fn claims_with_open_names(grammar: &Grammar, texts: &[&str], at: usize) -> Vec<String> {
        let mut vocabulary = grammar.vocabulary.clone();
        vocabulary.add_open(grammar.extractor().open_entities(texts));
        let extractor = super::Extractor::new(&vocabulary, grammar.cues());
        let label = |e| vocabulary.entity_info(e).label.clone();
        extractor
            .extract(texts[at], None)
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}",
                    label(c.subject),
                    vocabulary.predicate_info(c.predicate).id,
                    label(c.object)
                )
            })
            .collect()
    }

    #[test]
    fn an_open_name_displaces_an_adjective_of_relation_for_subject() {
        let grammar = Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]},
               {"id": "usa", "kind": "state", "aliases": ["أمريكا"], "adjectives": ["الأمريكي", "أمريكية"]}"#,
            r#"{"id": "meet", "aliases": ["التقى", "اجتماع"], "object_markers": ["مع"]}"#,
            r#""prepositions": ["مع", "في"], "not_names": ["الملياردير"]"#,
        );
        let texts = [
            "التقى ماسك مع أمير قطر.",
            "التقى ماسك أمس مع أمير قطر.",
            "التقى الملياردير الأمريكي ماسك مع أمير قطر.",
            "وذكرت منافذ إعلامية أمريكية أن ماسك التقى مع أمير قطر.",
        ];
        // The nisba says whose the billionaire is; the name after it is the subject…
        assert_eq!(claims_with_open_names(&grammar, &texts, 2), ["ماسك meet qatar"]);
        // …and before the verb, Musk is nearer it than the outlets' nisba.
        assert_eq!(claims_with_open_names(&grammar, &texts, 3), ["ماسك meet qatar"]);
        // With no open name, the nisba still gives the subject.
        assert_eq!(
            claims_with_open_names(&grammar, &["التقى الوفد الأمريكي مع أمير قطر."], 0),
            ["usa meet qatar"]
        );
    }

    #[test]
    fn the_open_reading_wins_only_when_it_reads_the_trigger_more_directly() {
        let grammar = Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]},
               {"id": "doha", "kind": "place", "aliases": ["الدوحة"]},
               {"id": "iran", "kind": "state", "aliases": ["إيران"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت", "تغلق", "إغلاق"]},
               {"id": "meet", "aliases": ["التقى", "لقاء"], "object_markers": ["مع"]}"#,
            r#""prepositions": ["مع", "في"], "scope_prepositions": ["في"]"#,
        );
        let texts = [
            "وصلت قطر أمس. التقى ماسك مع مندوب إيران.",
            "ماسك التقى مع مندوب إيران.",
            "قطر تتخلى عن دورها وتغلق مكتب حماس في الدوحة.",
            "نفت الحكومة إغلاق مكتب حماس في العاصمة.",
        ];
        // The listed reading's subject is the last sentence's (Qatar); the
        // open one has Musk in the sentence.
        assert_eq!(claims_with_open_names(&grammar, &texts, 0), ["ماسك meet iran"]);
        // `تغلق` is said of a feminine subject, so the masculine `مكتب حماس`
        // after it is its object: the office is closed, not the city.
        assert_eq!(claims_with_open_names(&grammar, &texts, 2), ["qatar close مكتب حماس"]);
    }

    #[test]
    fn a_nunated_word_or_a_noun_with_a_possessive_is_no_name() {
        let grammar = grammar();
        // `حاسما` stands alone twice, and is written `حاسمًا` once: an
        // indefinite accusative. `سلطته` is `سلطة` + its possessive.
        let texts = [
            "أغلقت حاسما الباب. أغلقت سلطته الطريق. ماسك أغلقت الباب.",
            "أغلقت حاسما الطريق. أغلقت سلطته الباب. ماسك أغلقت الطريق.",
            "وكان ردا حاسمًا.",
        ];
        assert_eq!(open_names(&grammar, &texts), ["ماسك (ماسك)"]);
    }

    #[test]
    fn a_place_after_the_noun_of_its_kind_or_a_preposition_is_that_place() {
        let grammar = Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]}"#,
            r#"{"id": "strike", "aliases": ["قصف"], "object_markers": ["على"]}"#,
            r#""prepositions": ["على"], "place_nouns": ["بلدة"]"#,
        );
        let texts = [
            "قصف على كفر ناصح. قصف بلدة كفر ناصح.",
            "قصف على كفر ناصح. قصف بكفر ناصح. قصف بلدة كفر ناصح.",
            "قصف بكفر ناصح.",
        ];
        let found = grammar.extractor().open_entities(&texts);
        let names: Vec<(&str, &[String], Vec<&str>)> = found
            .iter()
            .map(|(e, merged)| {
                let reasons = merged.iter().map(|m| m.reason).collect();
                (e.label.as_str(), e.aliases.as_slice(), reasons)
            })
            .collect();
        assert_eq!(
            names,
            [(
                "كفر ناصح",
                &["كفر ناصح".to_string(), "بلده كفر ناصح".to_string()][..],
                vec!["place-noun"]
            )]
        );
    }

    #[test]
    fn a_name_after_a_noun_of_its_kind_of_place_is_a_place() {
        let grammar = Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت"]}"#,
            r#""place_nouns": ["مدينة"], "prepositions": ["في"]"#,
        );
        // Named after `مدينة` in two sources, beside no trigger; a run stops
        // before the place noun (`سيول مدينة` is no name), and `والإنقاذ`
        // after a trigger is the second of two common nouns.
        let texts = [
            "أغلقت سيول مدينة كفر ناصح الطرق.",
            "وصلت الفرق إلى مدينة كفر ناصح. أغلقت والإنقاذ الدولي الطريق.",
            "أغلقت والإنقاذ الدولي الطريق.",
        ];
        let found = grammar.extractor().open_entities(&texts);
        let names: Vec<(&str, &str)> = found.iter().map(|(e, _)| (e.label.as_str(), e.kind.as_str())).collect();
        assert_eq!(names, [("كفر ناصح", "place")]);
    }

    #[test]
    fn a_holders_name_after_a_role_and_its_owner_is_a_name() {
        let grammar = Grammar::new(
            r#"{"id": "peru", "kind": "state", "aliases": ["بيرو"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت"]}"#,
            r#""prepositions": ["في"]"#,
        );
        // `رئيس` and `الرئيس` are roles of `data/roles.json`; the name follows
        // the owner or an adjective of relation, in two sources, beside no trigger.
        let texts = [
            "وصل رئيس بيرو خوسيه خيري إلى المدينة.",
            "وصل الرئيس البيروفي خوسيه خيري إلى المدينة.",
            // Right after the role it is a first name; a definite word is no holder's name.
            "وصل أمير سعيد كمال إلى المدينة. وصل الرئيس البيروفي المنتخب سعيد كمال.",
            "وصل أمير سعيد كمال إلى المدينة. وصل الرئيس البيروفي المنتخب سعيد كمال.",
            // An office has no holder's name: what follows its owner says what it is for.
            "وصل مكتب بيرو لتنسيق الشؤون الثقافية إلى المدينة.",
            "وصل مكتب بيرو لتنسيق الشؤون الثقافية إلى المدينة.",
        ];
        assert_eq!(open_names(&grammar, &texts), ["خوسيه خيري (خوسيه خيري)"]);
    }

    #[test]
    fn a_construct_of_one_head_is_named_short_too() {
        let grammar = Grammar::new(
            r#"{"id": "qatar", "kind": "state", "aliases": ["قطر"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت", "إغلاق"]}"#,
            r#""prepositions": ["في"], "anaphoric_nouns": ["الحركة"]"#,
        );
        let texts = [
            "أغلقت قطر مكتب حماس في الدوحة. وكان المكتب قد فتح عام 2012.",
            "نفت قطر إغلاق مكتب حماس السياسي.",
            "ونفت قطر إغلاق مكتب الحركة.",
            "وقالت إن قطر لم تقرر إغلاق مكتبها.",
        ];
        for at in [2, 3] {
            assert_eq!(
                claims_with_open_names(&grammar, &texts, at),
                ["qatar close مكتب حماس"],
                "{}",
                texts[at]
            );
        }
        // Two offices of two owners: `مكتب الحركة` could be either, and is neither.
        let two = [
            texts[0],
            texts[1],
            "أغلقت قطر مكتب طالبان في الدوحة.",
            "نفت قطر إغلاق مكتب طالبان.",
            texts[2],
        ];
        assert!(claims_with_open_names(&grammar, &two, 4).is_empty());
    }

    #[test]
    fn a_feminine_verb_takes_no_masculine_open_name_for_subject() {
        let grammar = Grammar::new(
            r#"{"id": "egypt", "kind": "state", "aliases": ["مصر"]},
               {"id": "cairo", "kind": "place", "aliases": ["القاهرة"]}"#,
            r#"{"id": "close", "aliases": ["أغلقت", "تغلق", "أغلق", "يغلق"]}"#,
            r#""prepositions": ["في"], "scope_prepositions": ["في"]"#,
        );
        let texts = [
            "مصر أغلقت معبر رفح في القاهرة.",
            "قالت مصر إنها تغلق معبر رفح في القاهرة.",
            "ويغلق معبر رفح في القاهرة.",
            "وأغلقت حركة النهضة معبر رفح.",
            "أغلقت حركة النهضة في القاهرة.",
        ];
        assert_eq!(claims_with_open_names(&grammar, &texts, 0), ["egypt close معبر رفح"]);
        assert_eq!(claims_with_open_names(&grammar, &texts, 1), ["egypt close معبر رفح"]);
        // A masculine verb may have it for subject.
        assert_eq!(claims_with_open_names(&grammar, &texts, 2), ["معبر رفح close cairo"]);
        // A feminine head (`حركة`) agrees with a feminine verb.
        assert_eq!(
            claims_with_open_names(&grammar, &texts, 3),
            ["حركة النهضة close معبر رفح"]
        );
    }

    #[test]
    fn an_open_name_never_takes_a_role_a_listed_name_fills() {
        let grammar = grammar();
        let texts = ["أغلقت قطر مكتب حماس.", "إغلاق مكتب حماس في الدوحة."];
        let mut vocabulary = grammar.vocabulary.clone();
        vocabulary.add_open(grammar.extractor().open_entities(&texts));
        let extractor = super::Extractor::new(&vocabulary, grammar.cues());
        let claims: Vec<String> = extractor
            .extract(texts[0], None)
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    vocabulary.entity_info(c.subject).id,
                    vocabulary.entity_info(c.object).label
                )
            })
            .collect();
        assert_eq!(claims, vec!["qatar مكتب حماس"]);
    }
}
