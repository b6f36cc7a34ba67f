//! The phrase index: every entity alias, predicate alias and cue phrase,
//! folded and indexed by the keys of its first word, so that each word of a
//! text costs a few hash lookups of its stems whatever the lexicon's size.
//!
//! What the stems of a word form find does not depend on where it stands, so
//! a [`WordCache`] keeps it per form: a form met again costs one hash lookup
//! instead of the morphology and a lookup per stem.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::cues::Cues;
use crate::model::Modality;
use crate::text::{Words, entry_keys, fold, has_attached_preposition, stems};
use crate::vocab::{EntityId, PredicateId, Vocabulary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sense {
    Predicate(PredicateId),
    Entity(EntityId),
    /// An entity's adjective of relation (`الروسي`).
    EntityAdjective(EntityId),
    Negation,
    /// `لا تزال`: still so; covers a negation word that negates nothing.
    Continuity,
    Denial,
    Modality(Modality),
    AttributionVerb,
    /// `اتهم`: the speaker after it accuses the name after the speaker.
    Accusation,
    AttributionPreposition,
    Partial,
    Full,
    Preposition,
    RelativePronoun,
    Demonstrative,
    /// `قد`: hedged before an imperfect verb only.
    HedgeBeforeImperfect,
    /// `دعا إلى`, `لضمان`: what follows is requested or intended.
    Unasserted,
    /// `بحث عن` (searched for): begins like a predicate alias, means something else.
    OtherMeaning,
    /// `أن`, `بأن`: begins a clause of its own inside the sentence.
    Complementizer,
    /// `قريب`, `المقبل` after a noun: the event is yet to come.
    ExpectedAfter,
    /// `لماذا`: the event asked about is taken as given, not questioned.
    PresupposingQuestion,
    /// `التقارير`, `الأنباء`: what others report.
    ReportNoun,
    /// `غير دقيقة`, `عارية عن الصحة`: the reports are false.
    Falsity,
    /// `الرجلين`, `الطرفان`: the two parties of an event told before.
    PairAnaphor,
    /// `جرت`, `عقدت`: the event took place.
    Occurred,
    /// `المناقشة`, `المحادثات`: an encounter, not named by its predicate.
    EncounterNoun,
}

/// Senses compete for words only within their layer: a cue phrase may cover
/// a predicate's word (`مع الإبقاء` and `الإبقاء`) and both are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Predicate,
    Entity,
    Cue,
    Attribution,
    Preposition,
}

impl Sense {
    fn layer(self) -> Layer {
        match self {
            // A longer phrase of another meaning hides the alias it begins with.
            Sense::Predicate(_) | Sense::OtherMeaning => Layer::Predicate,
            Sense::Entity(_) | Sense::EntityAdjective(_) => Layer::Entity,
            Sense::AttributionVerb | Sense::Accusation | Sense::AttributionPreposition => Layer::Attribution,
            Sense::Preposition | Sense::Complementizer => Layer::Preposition,
            _ => Layer::Cue,
        }
    }
}

struct Entry {
    sense: Sense,
    /// The slot of each word after the first (see [`Uses::slots`]).
    rest: Vec<u32>,
    /// Written `منح … اللجوء`: other words may stand between the first word and the rest.
    gapped: bool,
}

/// How many words may stand in the gap of a gapped phrase (`منح الرئيس السوري السابق بشار الأسد اللجوء`).
const MAX_GAP: usize = 8;

/// What an index key is used for.
#[derive(Default)]
struct Uses {
    /// Entries whose first word has this key, in the order they were added.
    first: Vec<u32>,
    /// Slots with this key: a slot is a word after the first of some phrase,
    /// and a text word fills it when one of its stems is one of the slot word's keys.
    slots: Vec<u32>,
}

/// A phrase found in a text: the words it covers and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub words: Range<usize>,
    pub sense: Sense,
    /// The first word carries an attached preposition (`لروسيا`, `بالقاعدة`).
    pub prefixed: bool,
    /// The last word carries a suffix (`فيه`, `قواعدها`).
    pub suffixed: bool,
}

#[derive(Default)]
pub struct Index {
    keys: FxHashMap<String, Uses>,
    entries: Vec<Entry>,
    /// The slot of each folded word after the first, shared by the phrases that have it.
    slots: FxHashMap<String, u32>,
    seen: FxHashSet<(String, Sense)>,
}

/// A phrase that may start at a word: its entry and the word's affixes.
#[derive(Clone, Copy)]
struct Candidate {
    entry: u32,
    /// The entry's sense, and whether it is one word: most are, and are then
    /// mentioned without a look at the entry.
    sense: Sense,
    one_word: bool,
    prefixed: bool,
    suffixed: bool,
}

/// What the stems of one word form find in the index.
#[derive(Default)]
struct WordInfo {
    /// Entries the word may start, in the order the stems find them.
    candidates: Vec<Candidate>,
    /// Slots the word fills.
    slots: Vec<u32>,
}

/// Word forms most news vocabulary fits in; past this many the cache starts
/// over, so that its memory stays bounded on any corpus.
const CACHE_CAPACITY: usize = 1 << 16;

/// What one index found for each word form seen, kept per thread across
/// sentences and texts: forms repeat, and looking up a form's stems costs
/// far more than one hash lookup of the form. Used with that index only.
#[derive(Default)]
pub struct WordCache {
    /// Index into `infos` by folded form, one map per `taa_marbuta`.
    by_form: [FxHashMap<Box<str>, u32>; 2],
    infos: Vec<WordInfo>,
    /// The current sentence's words, as indices into `infos`.
    sentence: Vec<u32>,
    /// The current sentence's phrases before selection, with their layers.
    found: Vec<(Mention, usize)>,
}

impl Index {
    pub fn new(vocabulary: &Vocabulary, cues: &Cues) -> Index {
        let mut index = Index::default();
        for (i, entity) in vocabulary.entities.iter().enumerate() {
            for alias in &entity.aliases {
                index.add(alias, Sense::Entity(EntityId(i as u32)));
            }
            for adjective in &entity.adjectives {
                index.add(adjective, Sense::EntityAdjective(EntityId(i as u32)));
            }
        }
        for (i, predicate) in vocabulary.predicates.iter().enumerate() {
            for alias in &predicate.aliases {
                index.add(alias, Sense::Predicate(PredicateId(i as u32)));
            }
        }
        let lists: [(&[String], Sense); 29] = [
            (&cues.negation, Sense::Negation),
            (&cues.continuity, Sense::Continuity),
            // Avoiding an event negates it and aims at that: both senses, one phrase.
            (&cues.avoidance, Sense::Negation),
            (&cues.avoidance, Sense::Modality(Modality::Expected)),
            (&cues.denial, Sense::Denial),
            (&cues.question, Sense::Modality(Modality::Question)),
            (&cues.undecided, Sense::Modality(Modality::Undecided)),
            (&cues.expected, Sense::Modality(Modality::Expected)),
            (&cues.hedged, Sense::Modality(Modality::Hedged)),
            (&cues.reported, Sense::Modality(Modality::Reported)),
            (&cues.attribution_verbs, Sense::AttributionVerb),
            (&cues.accusations, Sense::Accusation),
            (&cues.attribution_prepositions, Sense::AttributionPreposition),
            (&cues.partial, Sense::Partial),
            (&cues.full, Sense::Full),
            (&cues.prepositions, Sense::Preposition),
            (&cues.relative_pronouns, Sense::RelativePronoun),
            (&cues.demonstratives, Sense::Demonstrative),
            (&cues.hedged_before_imperfect, Sense::HedgeBeforeImperfect),
            (&cues.unasserted, Sense::Unasserted),
            (&cues.other_meanings, Sense::OtherMeaning),
            (&cues.complementizers, Sense::Complementizer),
            (&cues.expected_after, Sense::ExpectedAfter),
            (&cues.presupposing_questions, Sense::PresupposingQuestion),
            (&cues.report_nouns, Sense::ReportNoun),
            (&cues.falsity, Sense::Falsity),
            (&cues.pair_anaphors, Sense::PairAnaphor),
            (&cues.occurred, Sense::Occurred),
            (&cues.encounter_nouns, Sense::EncounterNoun),
        ];
        for (phrases, sense) in lists {
            for phrase in phrases {
                index.add(phrase, sense);
            }
        }
        index
    }

    fn add(&mut self, phrase: &str, sense: Sense) {
        let folded = fold(phrase);
        let gapped = folded.contains('…');
        let mut words = folded.split(|c: char| !(c.is_alphanumeric())).filter(|w| !w.is_empty());
        let Some(first) = words.next() else {
            return;
        };
        let rest: Vec<&str> = words.collect();
        // The same phrase listed twice for one sense (or folding to the same key) counts once.
        if !self.seen.insert((folded.clone(), sense)) {
            return;
        }
        let rest_is_empty = rest.is_empty();
        let rest = rest.into_iter().map(|word| self.slot(word)).collect();
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            sense,
            rest,
            gapped: gapped && !rest_is_empty,
        });
        entry_keys(first, |key| {
            let ids = &mut self.keys.entry(key.to_string()).or_default().first;
            if !ids.contains(&id) {
                ids.push(id);
            }
        });
    }

    /// The slot of `word` (folded), made on first use.
    fn slot(&mut self, word: &str) -> u32 {
        if let Some(&slot) = self.slots.get(word) {
            return slot;
        }
        let slot = self.slots.len() as u32;
        self.slots.insert(word.to_string(), slot);
        entry_keys(word, |key| {
            let slots = &mut self.keys.entry(key.to_string()).or_default().slots;
            if !slots.contains(&slot) {
                slots.push(slot);
            }
        });
        slot
    }

    /// What the stems of word `at` find, through `cache`: its index in `cache.infos`.
    fn word_info(&self, words: &Words, at: usize, cache: &mut WordCache) -> u32 {
        let key = words.key(at);
        let taa_marbuta = words.words[at].taa_marbuta;
        if let Some(&info) = cache.by_form[taa_marbuta as usize].get(key) {
            return info;
        }
        let mut info = WordInfo::default();
        stems(key, taa_marbuta, |stem| {
            let Some(uses) = self.keys.get(stem) else {
                return;
            };
            if !uses.first.is_empty() {
                let (prefixed, suffixed) = affixes(key, stem);
                for &entry in &uses.first {
                    if !info.candidates.iter().any(|c| c.entry == entry) {
                        let Entry { sense, rest, .. } = &self.entries[entry as usize];
                        info.candidates.push(Candidate {
                            entry,
                            sense: *sense,
                            one_word: rest.is_empty(),
                            prefixed,
                            suffixed,
                        });
                    }
                }
            }
            for &slot in &uses.slots {
                if !info.slots.contains(&slot) {
                    info.slots.push(slot);
                }
            }
        });
        let id = cache.infos.len() as u32;
        cache.infos.push(info);
        cache.by_form[taa_marbuta as usize].insert(key.into(), id);
        id
    }

    /// The phrases of `words`, leftmost-longest within each layer, sorted by
    /// first word. Phrases of one length at one place are all kept: an alias
    /// shared by two entities is ambiguous until a role decides.
    pub fn mentions(&self, words: &Words, cache: &mut WordCache) -> Vec<Mention> {
        if cache.infos.len() + words.len() > CACHE_CAPACITY {
            cache.by_form.iter_mut().for_each(FxHashMap::clear);
            cache.infos.clear();
        }
        let mut sentence = std::mem::take(&mut cache.sentence);
        sentence.clear();
        sentence.extend((0..words.len()).map(|at| self.word_info(words, at, cache)));
        let infos = &cache.infos;
        let found = &mut cache.found;
        found.clear();
        for (start, &info) in sentence.iter().enumerate() {
            // `كان` is no ك + `أن`: a complementizer takes no preposition
            // (those that do are listed whole, `بأن`, `لأن`).
            let candidates = infos[info as usize]
                .candidates
                .iter()
                .filter(|c| !(c.prefixed && c.sense == Sense::Complementizer));
            for candidate in candidates {
                let end = if candidate.one_word {
                    start + 1
                } else {
                    let entry = &self.entries[candidate.entry as usize];
                    let rest_matches_at = |from: usize| {
                        from + entry.rest.len() <= words.len()
                            && entry
                                .rest
                                .iter()
                                .zip(&sentence[from..])
                                .all(|(slot, &info)| infos[info as usize].slots.contains(slot))
                    };
                    // A gapped phrase is mentioned by its first word: the words in
                    // the gap (`منح الأسد اللجوء`) are the subject's and object's.
                    if entry.gapped {
                        let gap = (start + 2..=start + 1 + MAX_GAP).any(rest_matches_at);
                        if !gap {
                            continue;
                        }
                        start + 1
                    } else {
                        if !rest_matches_at(start + 1) {
                            continue;
                        }
                        start + 1 + entry.rest.len()
                    }
                };
                let mention = Mention {
                    words: start..end,
                    sense: candidate.sense,
                    prefixed: candidate.prefixed,
                    // A suffix of the first word is the mention's when the mention is
                    // that word alone: a one-word phrase, or a gapped one.
                    suffixed: candidate.suffixed && end == start + 1,
                };
                found.push((mention, candidate.sense.layer() as usize));
            }
        }
        let kept = select_leftmost_longest(found);
        cache.sentence = sentence;
        kept
    }
}

/// Whether the letters taken off before `stem` include a preposition ب ل ك,
/// and whether letters were taken off after it.
fn affixes(key: &str, stem: &str) -> (bool, bool) {
    let base = stem.strip_suffix('ه').unwrap_or(stem).as_bytes();
    // The first place of `base` in `key`, as `str::find` has it, by a plain
    // search: both are a few letters, too short for its searcher to pay.
    let Some(at) = key.as_bytes().windows(base.len()).position(|w| w == base) else {
        return (false, false);
    };
    (has_attached_preposition(&key[..at]), at + stem.len() < key.len())
}

/// Within each layer, the leftmost phrase wins over those it overlaps and
/// the longest wins at one place, with every sense of that phrase. Returns
/// them by first word, last word, layer and sense. `found` comes in order of
/// first word, so each place is settled on its own, with no sort of the whole
/// sentence's phrases.
fn select_leftmost_longest(found: &mut [(Mention, usize)]) -> Vec<Mention> {
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    // Where the last phrase kept in each layer ends.
    let mut layer_end: Vec<usize> = Vec::new();
    for at_one_start in found.chunk_by_mut(|(a, _), (b, _)| a.words.start == b.words.start) {
        let start = at_one_start[0].0.words.start;
        at_one_start.sort_by(|(a, la), (b, lb)| {
            la.cmp(lb)
                .then(b.words.end.cmp(&a.words.end))
                .then(a.sense.cmp(&b.sense))
        });
        let first_kept = kept.len();
        for in_layer in at_one_start.chunk_by(|(_, la), (_, lb)| la == lb) {
            let layer = in_layer[0].1;
            if layer >= layer_end.len() {
                layer_end.resize(layer + 1, 0);
            }
            if start < layer_end[layer] {
                continue;
            }
            let longest = &in_layer[0].0.words;
            layer_end[layer] = longest.end;
            kept.extend(
                in_layer
                    .iter()
                    .take_while(|(m, _)| m.words == *longest)
                    .map(|(m, _)| m.clone()),
            );
        }
        kept[first_kept..].sort_by_key(|m| m.words.end);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::JsonFile;
    use crate::text::words_in;

    fn fixture() -> (Vocabulary, Index) {
        let file = JsonFile::new(
            "vocabulary.json",
            r#"{"entities": [
                {"id": "russia", "label": "Russia", "kind": "state", "aliases": ["روسيا", "الكرملين"]},
                {"id": "kremlin", "label": "Kremlin", "kind": "organisation", "aliases": ["الكرملين"], "counts_as": "russia"},
                {"id": "russian-forces", "label": "Russian forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
                {"id": "bases", "label": "bases", "kind": "facility", "aliases": ["القواعد العسكرية", "قاعدة"]}
            ], "predicates": [
                {"id": "withdraw", "label": "withdraw", "family": "presence", "direction": "against", "aliases": ["انسحب", "انسحاب"]},
                {"id": "keep", "label": "keep", "family": "presence", "direction": "for", "aliases": ["الإبقاء"]},
                {"id": "grant-asylum", "label": "grant asylum", "family": "asylum", "direction": "for", "aliases": ["منح … اللجوء"]}
            ]}"#,
        );
        let vocabulary = Vocabulary::read(&file);
        assert!(file.into_diagnostics().is_empty());
        let cues = Cues {
            negation: vec!["لم".into(), "لا".into()],
            continuity: vec!["لا يزال".into(), "لا تزال".into(), "لم يزل".into(), "لم تزل".into()],
            undecided: vec!["لم يتخذ".into()],
            partial: vec!["مع الإبقاء".into()],
            prepositions: vec!["من".into()],
            complementizers: vec!["أن".into(), "بأن".into()],
            ..Cues::default()
        };
        let index = Index::new(&vocabulary, &cues);
        (vocabulary, index)
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let (vocabulary, index) = fixture();
        let words = words_in(text, 0..text.len());
        index
            .mentions(&words, &mut WordCache::default())
            .into_iter()
            .map(|m| {
                let span = words.words[m.words.start].span.start..words.words[m.words.end - 1].span.end;
                let sense = match m.sense {
                    Sense::Entity(e) => vocabulary.entity_info(e).id.clone(),
                    Sense::Predicate(p) => vocabulary.predicate_info(p).id.clone(),
                    other => format!("{other:?}"),
                };
                (text[span].to_string(), sense)
            })
            .collect()
    }

    #[test]
    fn phrases_meet_their_words_through_clitics_and_inflection() {
        assert_eq!(
            found("وانسحبت القوات الروسية من بقاعدتيها"),
            vec![
                ("وانسحبت".to_string(), "withdraw".to_string()),
                ("القوات الروسية".to_string(), "russian-forces".to_string()),
                ("من".to_string(), "Preposition".to_string()),
                ("بقاعدتيها".to_string(), "bases".to_string()),
            ]
        );
        assert_eq!(found("للقواعد العسكرية")[0].0, "للقواعد العسكرية");
    }

    #[test]
    fn a_complementizer_takes_no_preposition_but_those_listed_whole() {
        let complementizers = |text: &str| -> Vec<String> {
            found(text)
                .into_iter()
                .filter(|(_, sense)| sense == "Complementizer")
                .map(|(word, _)| word)
                .collect()
        };
        // `كان` (was) is no ك + `أن`.
        assert!(complementizers("وكان الانسحاب").is_empty());
        assert_eq!(complementizers("وأكد أن الانسحاب"), ["أن"]);
        assert_eq!(complementizers("وصرح بأن الانسحاب"), ["بأن"]);
    }

    #[test]
    fn still_is_no_negation() {
        for text in ["لا تزال القوات منتشرة", "ولا يزال الجيش منتشرا", "لم تزل القوات منتشرة"]
        {
            let got = found(text);
            assert!(!got.iter().any(|(_, s)| s == "Negation"), "{text}: {got:?}");
            assert!(got.iter().any(|(_, s)| s == "Continuity"), "{text}: {got:?}");
        }
        assert!(found("لا تنسحب القوات").iter().any(|(_, s)| s == "Negation"));
    }

    #[test]
    fn the_longest_phrase_wins_within_a_layer_and_layers_overlap() {
        let got = found("لم يتخذ قرارا مع الإبقاء");
        assert_eq!(got[0], ("لم يتخذ".to_string(), "Modality(Undecided)".to_string()));
        assert!(!got.iter().any(|(_, s)| s == "Negation"));
        assert!(got.contains(&("مع الإبقاء".to_string(), "Partial".to_string())));
        assert!(got.contains(&("الإبقاء".to_string(), "keep".to_string())));
    }

    #[test]
    fn a_gapped_phrase_is_mentioned_by_its_first_word_when_the_rest_follows() {
        let got = found("منحت روسيا الأسد حق اللجوء");
        assert!(
            got.contains(&("منحت".to_string(), "grant-asylum".to_string())),
            "{got:?}"
        );
        // The rest must come within the gap's reach, and after at least one word.
        assert!(!found("منحت اللجوء").iter().any(|(_, s)| s == "grant-asylum"));
        let far = "منحت روسيا في ذلك الوقت وبعد مداولات طويلة وشاقة جدا مع الجميع اللجوء";
        assert!(!found(far).iter().any(|(_, s)| s == "grant-asylum"));
    }

    #[test]
    fn a_shared_alias_keeps_every_sense() {
        let got = found("الكرملين");
        assert_eq!(got.len(), 2);
        assert!(got.iter().any(|(_, s)| s == "russia") && got.iter().any(|(_, s)| s == "kremlin"));
    }

    #[test]
    fn attached_prepositions_are_noticed() {
        let (_, index) = fixture();
        let text = "لروسيا وروسيا";
        let words = words_in(text, 0..text.len());
        let prefixed: Vec<bool> = index
            .mentions(&words, &mut WordCache::default())
            .iter()
            .map(|m| m.prefixed)
            .collect();
        assert_eq!(prefixed, vec![true, false]);
    }

    #[test]
    fn a_cached_word_finds_what_a_fresh_lookup_finds() {
        let (_, index) = fixture();
        let text = "انسحبت القوات الروسية من قاعدة ثم انسحبت القوات الروسية وبقاعدتيها";
        let words = words_in(text, 0..text.len());
        let mut cache = WordCache::default();
        let first = index.mentions(&words, &mut cache);
        // Each word once per form: the repeated words reused their entries.
        assert_eq!(cache.infos.len(), 7);
        assert_eq!(index.mentions(&words, &mut cache), first);
        assert_eq!(index.mentions(&words, &mut WordCache::default()), first);
    }

    /// The selection as one sort of all phrases and one pass, which
    /// `select_leftmost_longest` does place by place.
    fn select_by_sorting(mut found: Vec<(Mention, usize)>) -> Vec<Mention> {
        found.sort_by(|(a, la), (b, lb)| {
            la.cmp(lb)
                .then(a.words.start.cmp(&b.words.start))
                .then(b.words.end.cmp(&a.words.end))
                .then(a.sense.cmp(&b.sense))
        });
        let mut kept: Vec<Mention> = Vec::new();
        let mut layer_end: Option<(usize, usize, Range<usize>)> = None;
        for (mention, layer) in found {
            match &layer_end {
                Some((l, _, words)) if *l == layer && *words == mention.words => {}
                Some((l, end, _)) if *l == layer && mention.words.start < *end => continue,
                _ => {}
            }
            layer_end = Some((layer, mention.words.end, mention.words.clone()));
            kept.push(mention);
        }
        kept.sort_by(|a, b| a.words.start.cmp(&b.words.start).then(a.words.end.cmp(&b.words.end)));
        kept
    }

    #[test]
    fn selection_place_by_place_equals_one_sort() {
        let senses = [
            Sense::Negation,
            Sense::Entity(EntityId(1)),
            Sense::Entity(EntityId(0)),
            Sense::Preposition,
            Sense::Full,
        ];
        let mut state = 7u32;
        let mut next = |n: usize| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as usize % n
        };
        for _ in 0..2000 {
            // In order of first word, as `mentions` finds them; some alike in all but their affixes.
            let mut start = 0;
            let mut found: Vec<(Mention, usize)> = Vec::new();
            for _ in 0..next(14) {
                start += next(2);
                let sense = senses[next(senses.len())];
                let mention = Mention {
                    words: start..start + 1 + next(3),
                    sense,
                    prefixed: next(2) == 1,
                    suffixed: false,
                };
                found.push((mention, sense.layer() as usize));
            }
            assert_eq!(select_leftmost_longest(&mut found.clone()), select_by_sorting(found));
        }
    }

    #[test]
    fn a_full_cache_starts_over() {
        let (_, index) = fixture();
        let text = "انسحبت القوات";
        let words = words_in(text, 0..text.len());
        let mut cache = WordCache::default();
        let found = index.mentions(&words, &mut cache);
        cache.infos.resize_with(CACHE_CAPACITY, WordInfo::default);
        assert_eq!(index.mentions(&words, &mut cache), found);
        assert_eq!(cache.infos.len(), 2);
    }
}
