//! Pair mode: two texts in (two headlines, two sentences), whether they agree,
//! conflict or are unrelated out, with the reason in words that quote the
//! Arabic that decided it.
//!
//! Two routes. First the whole pipeline, the two texts as two sources of one
//! day: when it finds a proposition both state, its verdict decides (dispute
//! or conflict → conflict, agreement → agree). Most headline pairs share no
//! proposition the vocabulary knows, so the second route aligns the two texts'
//! content words (folded, clitics off through `text::morph`): few shared →
//! unrelated; else a difference of polarity (the lexicon's negation and denial
//! words), an opposite predicate (a family's two directions in the
//! vocabulary), a pair of opposites (`data/opposites.json`), counts that no
//! number satisfies both (`count`), or another actor or place (the
//! vocabulary's names) → conflict; else agree.

mod print;

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::{CorpusFiles, InputFile, SourceFiles};
use crate::count::{CountWords, Reading};
use crate::data::{DataFile, OPPOSITES};
use crate::diag::{Diagnostic, nearest};
use crate::extract::cues::{self, Cues};
use crate::json::JsonFile;
use crate::model::{Named, VerdictKind};
use crate::names::named;
use crate::pipeline::{self, Lists, Options};
use crate::sources::bundled_vocabulary;
use crate::text::{SourceText, TokenKind, Words, entry_keys, fold, stems, words_in};
use crate::vocab::{Direction, EntityId, FamilyId, ScopeRelation, UNNAMED_VOICE_KIND, Vocabulary};
use crate::{origins, propositions};
pub use print::{PairFormat, render_batch, render_one};

named! {
    /// How two texts stand to each other.
    pub enum Stance {
        Agree = "agree",
        Conflict = "conflict",
        Unrelated = "unrelated",
    }
}

named! {
    /// Which route decided.
    pub enum Route {
        /// A verdict of the pipeline on a proposition both texts state.
        Pipeline = "pipeline",
        /// The alignment of the two texts' words.
        Alignment = "alignment",
    }
}

named! {
    /// What decided, within its route.
    pub enum Cue {
        Verdict = "verdict",
        FewShared = "few-shared-words",
        Negation = "negation",
        OppositePredicate = "opposite-predicate",
        Opposites = "opposites",
        Counts = "counts",
        OtherName = "other-name",
        Shared = "shared-words",
    }
}

/// The outcome for one pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub stance: Stance,
    pub route: Route,
    pub cue: Cue,
    /// In English, quoting the Arabic words that decided.
    pub reason: String,
}

/// Under this share of their content words in common (counted on both
/// sides), two texts are about different things. Set on ANS train and dev.
pub const RELATED_SHARE: f64 = 0.15;

/// The two texts are read as articles of the same day, so that the pipeline
/// compares their claims at one time (a bare article is dated by its file name).
const FIRST: &str = "first-2000-01-01";
const SECOND: &str = "second-2000-01-01";

/// The words and lists a comparison reads, built once for any number of pairs.
pub struct Comparer {
    /// The bundled vocabulary and lexicon, read once, for the pipeline route.
    lists: Lists,
    /// Function words that say nothing of what a text is about (the lexicon's
    /// prepositions and words that are never names).
    function_words: FxHashSet<String>,
    /// Negation and denial words of one word each, folded.
    negations: FxHashSet<String>,
    /// The first word of every predicate alias, under its entry keys.
    triggers: FxHashSet<String>,
    /// A predicate alias of one word (under its entry keys) → its family and direction.
    predicates: FxHashMap<String, Vec<(FamilyId, Direction)>>,
    opposites: Opposites,
    /// A name's first word (under its entry keys) → its remaining words and its entity.
    names: FxHashMap<String, Vec<(Vec<String>, EntityId)>>,
}

static BUNDLED: LazyLock<Comparer> = LazyLock::new(|| {
    let (opposites, _) = Opposites::from_data(OPPOSITES);
    Comparer::new(bundled_vocabulary(), opposites)
});

impl Comparer {
    /// The comparer of the bundled data: the vocabulary's layers, the lexicon, the opposites.
    pub fn bundled() -> &'static Comparer {
        &BUNDLED
    }

    pub fn new(vocabulary: Vocabulary, opposites: Opposites) -> Comparer {
        let cues = cues::load(None, &vocabulary, &mut Vec::new());
        let lists = Lists {
            vocabulary,
            cues: cues.clone(),
        };
        let vocabulary = &lists.vocabulary;
        let one_word = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|w| fold(w))
                .filter(|w| !w.is_empty() && !w.contains(' '))
                .collect()
        };
        let Cues {
            negation,
            denial,
            avoidance,
            prepositions,
            not_names,
            ..
        } = &cues;
        let negations = one_word(negation)
            .into_iter()
            .chain(one_word(denial))
            .chain(one_word(avoidance))
            .chain(opposites.negating.iter().cloned())
            .collect();
        let function_words = one_word(prepositions).into_iter().chain(one_word(not_names)).collect();
        let mut predicates: FxHashMap<String, Vec<(FamilyId, Direction)>> = FxHashMap::default();
        let mut triggers = FxHashSet::default();
        for predicate in &vocabulary.predicates {
            for alias in &predicate.aliases {
                if let Some(word) = fold(alias).split_whitespace().next() {
                    entry_keys(word, |key| {
                        triggers.insert(key.to_string());
                    });
                }
            }
            for alias in one_word(&predicate.aliases) {
                entry_keys(&alias, |key| {
                    let entry = predicates.entry(key.to_string()).or_default();
                    if !entry.contains(&(predicate.family, predicate.direction)) {
                        entry.push((predicate.family, predicate.direction));
                    }
                });
            }
        }
        let mut names: FxHashMap<String, Vec<(Vec<String>, EntityId)>> = FxHashMap::default();
        // An unnamed voice (`مصدر`, `تقارير`) says who tells, not what is told.
        let named = vocabulary
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind != UNNAMED_VOICE_KIND);
        for (index, entity) in named {
            let id = EntityId(index as u32);
            for alias in entity.aliases.iter().chain(&entity.adjectives) {
                let folded = fold(alias);
                let mut words = folded.split_whitespace();
                let Some(first) = words.next() else { continue };
                let rest: Vec<String> = words.map(str::to_string).collect();
                entry_keys(first, |key| {
                    names.entry(key.to_string()).or_default().push((rest.clone(), id));
                });
            }
        }
        // The longest name first, so that `كوريا الجنوبية` wins over `كوريا`.
        for list in names.values_mut() {
            list.sort_by_key(|(rest, id)| (std::cmp::Reverse(rest.len()), *id));
            list.dedup();
        }
        Comparer {
            lists,
            function_words,
            negations,
            triggers,
            predicates,
            opposites,
            names,
        }
    }

    /// Compares two texts: a conflict the pipeline finds; else a conflict the
    /// alignment finds (an agreement of the pipeline is on one proposition,
    /// and a headline pair often differs in another fact: a number, a place);
    /// else the pipeline's agreement; else the alignment.
    pub fn compare(&self, first: &str, second: &str) -> Outcome {
        let (a, b) = (self.read(first), self.read(second));
        // No claim without a predicate: the pipeline is run only when both texts name one.
        let verdict = (self.names_a_predicate(&a) && self.names_a_predicate(&b))
            .then(|| pipeline_outcome(&self.lists, first, second))
            .flatten();
        if let Some(outcome) = verdict.as_ref().filter(|o| o.stance == Stance::Conflict) {
            return outcome.clone();
        }
        let aligned = self.align_read(first, &a, second, &b);
        match verdict {
            Some(agreement) if aligned.stance != Stance::Conflict => agreement,
            _ => aligned,
        }
    }

    /// Compares every row, on `jobs` threads; outcomes in row order whatever `jobs` is.
    pub fn compare_all(&self, rows: &[Row], jobs: usize) -> Vec<Outcome> {
        use rayon::prelude::*;
        let one = |row: &Row| self.compare(&row.first, &row.second);
        if jobs > 1
            && let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()
        {
            return pool.install(|| rows.par_iter().map(one).collect());
        }
        rows.iter().map(one).collect()
    }

    /// The second route alone: the alignment of the two texts' words.
    pub fn align(&self, first: &str, second: &str) -> Outcome {
        self.align_read(first, &self.read(first), second, &self.read(second))
    }

    /// Whether a word of `read` may begin a predicate alias, as extraction meets
    /// aliases: through the stems of `text::morph` against their entry keys.
    fn names_a_predicate(&self, read: &Read) -> bool {
        (0..read.words.len()).any(|i| {
            let mut found = false;
            stems(read.words.key(i), read.words.words[i].taa_marbuta, |stem| {
                found |= self.triggers.contains(stem);
            });
            found
        })
    }

    fn align_read(&self, first: &str, a: &Read, second: &str, b: &Read) -> Outcome {
        let shared_a = a.shared_with(b);
        let shared_b = b.shared_with(a);
        let shared = shared_a.iter().filter(|&&s| s).count() + shared_b.iter().filter(|&&s| s).count();
        let total = a.content.len() + b.content.len();
        let share = if total == 0 { 0.0 } else { shared as f64 / total as f64 };
        let in_common: Vec<&str> = a
            .content
            .iter()
            .zip(&shared_a)
            .filter(|(_, s)| **s)
            .map(|(w, _)| &first[a.words.words[w.index].span.clone()])
            .collect();
        // Opposites with a word in common (`هبوط بتكوين`, `ارتفاع البتكوين`) tell
        // of one thing even when little else is shared.
        let opposed = || {
            self.opposite_predicate(a, &shared_a, first, b, &shared_b, second)
                .or_else(|| self.opposites(a, &shared_a, first, b, &shared_b, second))
        };
        if share < RELATED_SHARE {
            if shared > 0
                && let Some((cue, reason)) = opposed()
            {
                return alignment(Stance::Conflict, cue, reason);
            }
            let reason = if in_common.is_empty() {
                "they have no content word in common".to_string()
            } else {
                format!(
                    "they have few content words in common ({} of {}: {})",
                    shared,
                    total,
                    quoted(&in_common)
                )
            };
            return alignment(Stance::Unrelated, Cue::FewShared, reason);
        }
        let conflict = self
            .negation(a, first, b, second)
            .or_else(opposed)
            .or_else(|| counts(first, second))
            .or_else(|| numbers(a, first, b, second))
            .or_else(|| self.other_name(a, first, b, second));
        if let Some((cue, reason)) = conflict {
            return alignment(Stance::Conflict, cue, reason);
        }
        alignment(
            Stance::Agree,
            Cue::Shared,
            format!(
                "they share {shared} of {total} content words ({}) and nothing in one contradicts the other",
                quoted(&in_common)
            ),
        )
    }

    fn read(&self, text: &str) -> Read {
        let words = words_in(text, 0..text.len());
        let mut content = Vec::new();
        let mut negations = Vec::new();
        for index in 0..words.len() {
            let key = words.key(index);
            if self.negations.contains(key) || self.negations.contains(crate::text::without_conjunction(key)) {
                negations.push(index);
            }
            // A word of the opposites (`استمرار`) says what happens, though the
            // lexicon lists it among the words that are never names.
            let function_word = self.function_words.contains(key) && !self.opposites.listed.contains(key);
            if function_word || key.chars().count() < 2 {
                continue;
            }
            let mut keys = Vec::new();
            stems(key, words.words[index].taa_marbuta, |stem| {
                if !keys.iter().any(|k| k == stem) {
                    keys.push(stem.to_string());
                }
            });
            content.push(Content { index, keys });
        }
        let names = self.names_in(&words);
        Read {
            words,
            content,
            negations,
            names,
        }
    }

    /// The vocabulary's names in `words`, each with its words, longest first at each place.
    fn names_in(&self, words: &Words) -> Vec<(EntityId, Range<usize>)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            stems(words.key(i), words.words[i].taa_marbuta, |stem| {
                if hit.is_some() {
                    return;
                }
                for (rest, id) in self.names.get(stem).into_iter().flatten() {
                    let end = i + 1 + rest.len();
                    if end <= words.len() && rest.iter().enumerate().all(|(k, w)| words.key(i + 1 + k) == w) {
                        hit = Some((*id, i..end));
                        return;
                    }
                }
            });
            match hit {
                Some((id, range)) => {
                    i = range.end;
                    found.push((id, range));
                }
                None => i += 1,
            }
        }
        found
    }

    fn negation(&self, a: &Read, first: &str, b: &Read, second: &str) -> Option<(Cue, String)> {
        let (negated, text, which, other) = match (a.negations.first(), b.negations.first()) {
            (Some(&i), None) => (i, first, "first", "second"),
            (None, Some(&i)) => (i, second, "second", "first"),
            _ => return None,
        };
        let words = if which == "first" { &a.words } else { &b.words };
        Some((
            Cue::Negation,
            format!(
                "the {which} is negated («{}») and the {other} is not",
                &text[words.words[negated].span.clone()]
            ),
        ))
    }

    fn opposite_predicate(
        &self,
        a: &Read,
        shared_a: &[bool],
        first: &str,
        b: &Read,
        shared_b: &[bool],
        second: &str,
    ) -> Option<(Cue, String)> {
        let senses = |key: &str| -> Vec<(u32, bool)> {
            let senses = self.predicates.get(key).into_iter().flatten();
            senses
                .map(|&(family, direction)| (family.0, direction == Direction::For))
                .collect()
        };
        let (i, j, family) = opposed_words(a, shared_a, b, shared_b, senses)?;
        Some((
            Cue::OppositePredicate,
            format!(
                "«{}» against «{}»: the two directions of the vocabulary's `{}` predicates",
                &first[a.words.words[i].span.clone()],
                &second[b.words.words[j].span.clone()],
                self.lists.vocabulary.families[family as usize]
            ),
        ))
    }

    fn opposites(
        &self,
        a: &Read,
        shared_a: &[bool],
        first: &str,
        b: &Read,
        shared_b: &[bool],
        second: &str,
    ) -> Option<(Cue, String)> {
        let sides =
            |key: &str| -> Vec<(u32, bool)> { self.opposites.index.get(key).into_iter().flatten().copied().collect() };
        let (i, j, _) = opposed_words(a, shared_a, b, shared_b, sides)?;
        Some((
            Cue::Opposites,
            format!(
                "«{}» against «{}»: opposites",
                &first[a.words.words[i].span.clone()],
                &second[b.words.words[j].span.clone()]
            ),
        ))
    }

    /// A name in each text that the other has nothing of (neither it, nor a
    /// place it is within or contains): another actor or place.
    fn other_name(&self, a: &Read, first: &str, b: &Read, second: &str) -> Option<(Cue, String)> {
        let related = |x: EntityId, y: EntityId| {
            self.lists.vocabulary.actor(x) == self.lists.vocabulary.actor(y)
                || self.lists.vocabulary.scope_relation(x, y) != ScopeRelation::Disjoint
        };
        let alone = |read: &Read, other: &Read| {
            read.names
                .iter()
                .find(|(id, _)| !other.names.iter().any(|(o, _)| related(*id, *o)))
                .cloned()
        };
        let (x, in_a) = alone(a, b)?;
        let (y, in_b) = alone(b, a)?;
        Some((
            Cue::OtherName,
            format!(
                "«{}» ({}) against «{}» ({}): another actor or place",
                &first[a.words.bytes(in_a)],
                self.lists.vocabulary.entity_info(x).label,
                &second[b.words.bytes(in_b)],
                self.lists.vocabulary.entity_info(y).label
            ),
        ))
    }
}

/// A text's words as the alignment reads them.
struct Read {
    words: Words,
    content: Vec<Content>,
    /// Word indices of negation and denial words.
    negations: Vec<usize>,
    names: Vec<(EntityId, Range<usize>)>,
}

/// A content word: its index among the text's words and the stems it may have.
struct Content {
    index: usize,
    keys: Vec<String>,
}

impl Read {
    /// Per content word, whether the other text has a word with a stem in common.
    fn shared_with(&self, other: &Read) -> Vec<bool> {
        let theirs: FxHashSet<&str> = other
            .content
            .iter()
            .flat_map(|w| w.keys.iter().map(String::as_str))
            .collect();
        self.content
            .iter()
            .map(|w| w.keys.iter().any(|k| theirs.contains(k.as_str())))
            .collect()
    }
}

fn alignment(stance: Stance, cue: Cue, reason: String) -> Outcome {
    Outcome {
        stance,
        route: Route::Alignment,
        cue,
        reason,
    }
}

fn quoted(words: &[&str]) -> String {
    words.iter().map(|w| format!("«{w}»")).collect::<Vec<_>>().join(" ")
}

/// Counts in each text that no count of the other intersects: another number.
fn counts(first: &str, second: &str) -> Option<(Cue, String)> {
    let words = CountWords::bundled();
    let a = words.read_counts(first, 0..first.len());
    let b = words.read_counts(second, 0..second.len());
    let alone = |mine: &[Reading], theirs: &[Reading]| {
        mine.iter()
            .find(|m| !theirs.iter().any(|t| m.count.amount.intersects(&t.count.amount)))
            .cloned()
    };
    let x = alone(&a, &b)?;
    let y = alone(&b, &a)?;
    let text =
        |text: &str, reading: &Reading| text[reading.count.span.clone().unwrap_or(reading.number.clone())].to_string();
    Some((
        Cue::Counts,
        format!(
            "«{}» ({}) against «{}» ({}): no number is both",
            text(first, &x),
            x.count.amount,
            text(second, &y),
            y.count.amount
        ),
    ))
}

/// A number written in digits in each text that the other does not write
/// (a year, a rank, a count the count grammar does not take): another number.
fn numbers(a: &Read, first: &str, b: &Read, second: &str) -> Option<(Cue, String)> {
    let digits = |read: &Read| -> Vec<usize> {
        (0..read.words.len())
            .filter(|&i| read.words.words[i].kind == TokenKind::Number)
            .collect()
    };
    let (in_a, in_b) = (digits(a), digits(b));
    let alone = |mine: &[usize], read: &Read, theirs: &[usize], other: &Read| {
        mine.iter()
            .copied()
            .find(|&i| !theirs.iter().any(|&j| other.words.key(j) == read.words.key(i)))
    };
    let x = alone(&in_a, a, &in_b, b)?;
    let y = alone(&in_b, b, &in_a, a)?;
    Some((
        Cue::Counts,
        format!(
            "«{}» against «{}»: another number",
            &first[a.words.words[x].span.clone()],
            &second[b.words.words[y].span.clone()]
        ),
    ))
}

/// The first route: the pipeline on the two texts as two sources of one day.
/// None when it gives no dispute, conflict or agreement between them.
fn pipeline_outcome(lists: &Lists, first: &str, second: &str) -> Option<Outcome> {
    let source = |id: &str, text: &str| SourceFiles {
        id: id.to_string(),
        article: Some(InputFile {
            name: format!("{id}.txt"),
            text: text.to_string(),
        }),
        ..SourceFiles::default()
    };
    let files = CorpusFiles {
        sources: vec![source(FIRST, first), source(SECOND, second)],
        ..CorpusFiles::default()
    };
    let mut diagnostics = Vec::new();
    // The claims and verdicts are all this route needs: no report is built.
    let loaded = pipeline::load_with(&files, lists.clone(), Options::default(), &mut diagnostics, &|_| {});
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let corpus = &loaded.corpus;
    let (_, verdicts) = propositions::compare(corpus, &origins::origins(&corpus.sources));
    let claims = &corpus.claims;
    let verdict = verdicts.iter().find(|v| {
        matches!(
            v.kind,
            VerdictKind::Disputed | VerdictKind::Conflict | VerdictKind::Agreement
        ) && v
            .evidence
            .iter()
            .any(|&[x, y]| claims[x as usize].source != claims[y as usize].source)
    })?;
    let stance = if verdict.kind == VerdictKind::Agreement {
        Stance::Agree
    } else {
        Stance::Conflict
    };
    let [x, y] = verdict.evidence[0];
    let (x, y) = (&claims[x as usize], &claims[y as usize]);
    let (x, y) = if x.source <= y.source { (x, y) } else { (y, x) };
    let trigger = |claim: &crate::model::Claim| {
        let article = &corpus.sources[claim.source].article;
        claim
            .extraction
            .as_ref()
            .map_or(claim.quote.as_str(), |e| &article[e.trigger.clone()])
            .to_string()
    };
    Some(Outcome {
        stance,
        route: Route::Pipeline,
        cue: Cue::Verdict,
        reason: format!(
            "the pipeline's verdict is {} ({}): «{}» in the first, «{}» in the second",
            verdict.kind,
            verdict.rule,
            trigger(x),
            trigger(y)
        ),
    })
}

/// Pairs of opposite words (`data/opposites.json`).
#[derive(Clone, Debug, Default)]
pub struct Opposites {
    /// A word's keys → its entries and sides (true: `one`, false: `other`).
    index: FxHashMap<String, Vec<(u32, bool)>>,
    /// Words of failure, neglect, cancellation and absence (`تفشل في
    /// اعتراض`, `تتجاهل`): the event after one did not or will not happen,
    /// which pair mode reads as a negation. Folded.
    negating: Vec<String>,
    /// Every word of the entries as listed, folded.
    listed: FxHashSet<String>,
}

impl Opposites {
    pub fn from_data(data: DataFile) -> (Opposites, Vec<Diagnostic>) {
        let file = JsonFile::new(data.name, data.text);
        let opposites = Opposites::read(&file);
        (opposites, file.into_diagnostics())
    }

    /// Reads `file` (`{"entries": [{"one": [...], "other": [...]}]}`); problems go to its diagnostics.
    pub fn read(file: &JsonFile) -> Opposites {
        let mut opposites = Opposites::default();
        let Some(root) = file.parse() else {
            return opposites;
        };
        let Some(top) = file.object(&root, "the opposites", &["$comment", "negating", "entries"]) else {
            return opposites;
        };
        for word in top.strings("negating") {
            let key = fold(&word.value);
            if key.is_empty() || key.contains(char::is_whitespace) {
                file.error(word.span, format!("`{}` is not one word", word.value));
            } else {
                opposites.negating.push(key);
            }
        }
        let Some(entries) = top.required_array("entries") else {
            return opposites;
        };
        for (n, entry) in entries.elements.iter().enumerate() {
            let Some(fields) = file.object(entry, "an entry", &["one", "other"]) else {
                continue;
            };
            for (name, side) in [("one", true), ("other", false)] {
                let words = fields.strings(name);
                if words.is_empty() {
                    file.error(fields.span(), format!("an entry has no `{name}` words"));
                }
                for word in words {
                    let key = fold(&word.value);
                    if key.is_empty() || key.contains(char::is_whitespace) {
                        file.error(word.span, format!("`{}` is not one word", word.value));
                        continue;
                    }
                    opposites.listed.insert(key.clone());
                    entry_keys(&key, |k| {
                        let list = opposites.index.entry(k.to_string()).or_default();
                        if !list.contains(&(n as u32, side)) {
                            list.push((n as u32, side));
                        }
                    });
                }
            }
        }
        opposites
    }
}

/// A pair read from a batch file, with its gold stance if the file has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub first: String,
    pub second: String,
    pub gold: Option<Stance>,
    /// 1-based line of the file the row starts on.
    pub line: usize,
}

/// The names a gold column may use: ours, and those of the ANS stance data
/// (Khouja 2020): disagree is a conflict, other is unrelated.
fn gold_stance(label: &str) -> Option<Stance> {
    match label {
        "disagree" => Some(Stance::Conflict),
        "other" => Some(Stance::Unrelated),
        _ => Stance::from_name(label),
    }
}

const GOLD_NAMES: &[&str] = &["agree", "conflict", "unrelated", "disagree", "other"];

/// Reads a batch of pairs: tab-separated, or comma-separated with quoting
/// (RFC 4180: `"` around a field, `""` inside it) when the first line has no
/// tab. A first line `s1,s2[,stance]` (or with tabs) is a header. Each row
/// has two texts and optionally a gold stance; every bad row is reported at
/// its file:line:col and left out.
pub fn read_pairs(file: &InputFile) -> (Vec<Row>, Vec<Diagnostic>) {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let offset = file.text.len() - text.len();
    let source = SourceText::new(&file.text);
    let tab = text.lines().next().is_some_and(|line| line.contains('\t'));
    let records = if tab { tsv_records(text) } else { csv_records(text) };
    let mut rows = Vec::new();
    let mut diagnostics = Vec::new();
    let mut error = |span: Range<usize>, message: String| {
        diagnostics.push(Diagnostic::error(&file.name, message).at(&source, span.start + offset..span.end + offset));
    };
    let mut width = None;
    for (n, record) in records.iter().enumerate() {
        let fields = match record {
            Ok(fields) => fields,
            Err(span) => {
                error(span.clone(), "a quoted field is not closed".to_string());
                continue;
            }
        };
        if fields.len() == 1 && fields[0].0.trim().is_empty() {
            continue;
        }
        let names: Vec<&str> = fields.iter().map(|(f, _)| f.trim()).collect();
        if n == 0 && names.len() >= 2 && names[0] == "s1" && names[1] == "s2" {
            width = Some(names.len());
            continue;
        }
        let start = fields[0].1.start;
        let line = source.locate(start + offset..start + offset).line;
        if !(2..=3).contains(&fields.len()) || width.is_some_and(|w| w != fields.len()) {
            let expected = width.map_or("2 or 3".to_string(), |w| w.to_string());
            error(
                fields[0].1.clone(),
                format!(
                    "{} fields where {expected} are expected (s1, s2[, stance])",
                    fields.len()
                ),
            );
            continue;
        }
        width.get_or_insert(fields.len());
        let gold = match fields.get(2) {
            None => None,
            Some((label, span)) => match gold_stance(label.trim()) {
                Some(stance) => Some(stance),
                None => {
                    let hint = nearest(label.trim(), GOLD_NAMES.iter().copied())
                        .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
                    error(
                        span.clone(),
                        format!(
                            "`{}` is no stance: one of {}{hint}",
                            label.trim(),
                            GOLD_NAMES.join(", ")
                        ),
                    );
                    continue;
                }
            },
        };
        rows.push(Row {
            first: fields[0].0.clone(),
            second: fields[1].0.clone(),
            gold,
            line,
        });
    }
    (rows, diagnostics)
}

/// A record's fields with their spans, or the span of a quote never closed.
type Record = Result<Vec<(String, Range<usize>)>, Range<usize>>;

fn tsv_records(text: &str) -> Vec<Record> {
    let mut records = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let mut fields = Vec::new();
        let mut at = start;
        for field in body.split('\t') {
            fields.push((field.to_string(), at..at + field.len()));
            at += field.len() + 1;
        }
        records.push(Ok(fields));
        start += line.len();
    }
    records
}

fn csv_records(text: &str) -> Vec<Record> {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut i = 0;
    while i <= bytes.len() {
        let start = i;
        let mut field = String::new();
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            let mut closed = false;
            while i < bytes.len() {
                let run = memchr::memchr(b'"', &bytes[i..]).map_or(bytes.len(), |k| i + k);
                field.push_str(&text[i..run]);
                i = run;
                if bytes.get(i + 1) == Some(&b'"') {
                    field.push('"');
                    i += 2;
                } else if i < bytes.len() {
                    i += 1;
                    closed = true;
                    break;
                }
            }
            if !closed {
                records.push(Err(start..start + 1));
                return records;
            }
            // Anything after the closing quote up to the separator belongs to the field.
            let end = memchr::memchr3(b',', b'\n', b'\r', &bytes[i..]).map_or(bytes.len(), |k| i + k);
            field.push_str(&text[i..end]);
            i = end;
        } else {
            let end = memchr::memchr3(b',', b'\n', b'\r', &bytes[i..]).map_or(bytes.len(), |k| i + k);
            field.push_str(&text[i..end]);
            i = end;
        }
        fields.push((field, start..i));
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b'\r') | Some(b'\n') => {
                i += if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                records.push(Ok(std::mem::take(&mut fields)));
                if i == bytes.len() {
                    return records;
                }
            }
            _ => {
                records.push(Ok(std::mem::take(&mut fields)));
                return records;
            }
        }
    }
    records
}

/// Precision, recall and F1 of predictions against gold stances.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// `confusion[gold][predicted]`, in `Stance::ALL` order.
    pub confusion: [[usize; 3]; 3],
}

/// One class's figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClassScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold pairs of the class.
    pub support: usize,
}

impl Score {
    pub fn new(pairs: impl IntoIterator<Item = (Stance, Stance)>) -> Score {
        let mut confusion = [[0; 3]; 3];
        for (gold, predicted) in pairs {
            confusion[gold as usize][predicted as usize] += 1;
        }
        Score { confusion }
    }

    pub fn class(&self, stance: Stance) -> ClassScore {
        let c = stance as usize;
        let hit = self.confusion[c][c] as f64;
        let predicted: usize = (0..3).map(|g| self.confusion[g][c]).sum();
        let support: usize = self.confusion[c].iter().sum();
        let ratio = |n: f64, d: usize| if d == 0 { 0.0 } else { n / d as f64 };
        let precision = ratio(hit, predicted);
        let recall = ratio(hit, support);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        ClassScore {
            precision,
            recall,
            f1,
            support,
        }
    }

    /// The mean of the three classes' F1.
    pub fn macro_f1(&self) -> f64 {
        Stance::ALL.iter().map(|&s| self.class(s).f1).sum::<f64>() / Stance::ALL.len() as f64
    }
}

/// The first word of `a` and the word of `b`, neither shared by the other
/// text, that `senses` gives one entry on opposite sides (a predicate family
/// with its two directions, an entry of `opposites.json` with its two sides):
/// their word indices and the entry.
fn opposed_words(
    a: &Read,
    shared_a: &[bool],
    b: &Read,
    shared_b: &[bool],
    senses: impl Fn(&str) -> Vec<(u32, bool)>,
) -> Option<(usize, usize, u32)> {
    let unshared = |read: &Read, shared: &[bool]| -> Vec<(usize, u32, bool)> {
        let words = read.content.iter().zip(shared).filter(|(_, s)| !**s);
        words
            .flat_map(|(word, _)| {
                word.keys
                    .iter()
                    .flat_map(|key| senses(key))
                    .map(|(e, side)| (word.index, e, side))
            })
            .collect()
    };
    let in_b = unshared(b, shared_b);
    unshared(a, shared_a).into_iter().find_map(|(i, entry, side)| {
        in_b.iter()
            .find(|&&(_, e, s)| e == entry && s != side)
            .map(|&(j, ..)| (i, j, entry))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn align(a: &str, b: &str) -> Outcome {
        Comparer::bundled().align(a, b)
    }

    #[test]
    fn texts_with_few_words_in_common_are_unrelated() {
        let outcome = align(
            "ارتفاع أسعار الذهب في الأسواق العالمية",
            "فوز المنتخب المغربي على نظيره التونسي",
        );
        assert_eq!((outcome.stance, outcome.cue), (Stance::Unrelated, Cue::FewShared));
    }

    #[test]
    fn a_negation_on_one_side_only_is_a_conflict_that_quotes_it() {
        let outcome = align(
            "الحكومة توافق على خطة الإصلاح الاقتصادي",
            "الحكومة لم توافق على خطة الإصلاح الاقتصادي",
        );
        assert_eq!((outcome.stance, outcome.cue), (Stance::Conflict, Cue::Negation));
        assert!(outcome.reason.contains("«لم»"), "{}", outcome.reason);
        let both = align(
            "الحكومة لم توافق على الخطة الجديدة",
            "الحكومة لم توافق بعد على الخطة الجديدة",
        );
        assert_eq!(both.stance, Stance::Agree);
    }

    #[test]
    fn opposite_directions_of_a_vocabulary_family_conflict() {
        let outcome = align("السلطات تغلق معبر الحدود مع الأردن", "السلطات تفتح معبر الحدود مع الأردن");
        assert_eq!(outcome.stance, Stance::Conflict);
        assert_eq!(outcome.cue, Cue::OppositePredicate, "{outcome:?}");
        assert!(
            outcome.reason.contains("«تغلق»") && outcome.reason.contains("«تفتح»"),
            "{}",
            outcome.reason
        );
    }

    #[test]
    fn a_word_of_failure_reads_as_a_negation() {
        let outcome = align(
            "الدفاعات الجوية تعترض صاروخا فوق المدينة",
            "الدفاعات الجوية تفشل في اعتراض صاروخ فوق المدينة",
        );
        assert_eq!((outcome.stance, outcome.cue), (Stance::Conflict, Cue::Negation));
        assert!(outcome.reason.contains("«تفشل»"), "{}", outcome.reason);
    }

    #[test]
    fn opposites_with_a_word_in_common_conflict_even_when_little_else_is_shared() {
        let first = "الليرة تواصل الهبوط أمام العملات الأجنبية في تعاملات الصباح الباكر بالأسواق المحلية والدولية";
        let outcome = align(first, "ارتفاع مفاجئ لليرة");
        assert_eq!(
            (outcome.stance, outcome.cue),
            (Stance::Conflict, Cue::Opposites),
            "{outcome:?}"
        );
        let nothing_shared = align(first, "ارتفاع مفاجئ للذهب");
        assert_eq!(nothing_shared.stance, Stance::Unrelated);
    }

    #[test]
    fn a_word_of_the_opposites_counts_though_the_lexicon_calls_it_no_name() {
        let outcome = align("استمرار الحرب في المنطقة الشرقية", "انتهاء الحرب في المنطقة الشرقية");
        assert_eq!(
            (outcome.stance, outcome.cue),
            (Stance::Conflict, Cue::Opposites),
            "{outcome:?}"
        );
        assert!(
            outcome.reason.contains("«استمرار» against «انتهاء»"),
            "{}",
            outcome.reason
        );
        let stopped = align("استمرار العمل في الميناء", "توقف العمل في الميناء");
        assert_eq!((stopped.stance, stopped.cue), (Stance::Conflict, Cue::Negation));
    }

    #[test]
    fn an_unnamed_voice_is_no_other_name() {
        let outcome = align(
            "مصدر: الجيش يسيطر على المدينة بالكامل",
            "تقارير: الجيش يسيطر على المدينة بالكامل",
        );
        assert_eq!(outcome.stance, Stance::Agree, "{outcome:?}");
    }

    #[test]
    fn a_pair_of_opposites_conflicts() {
        let outcome = align("ارتفاع أسعار النفط في الأسواق", "انخفاض أسعار النفط في الأسواق");
        assert_eq!((outcome.stance, outcome.cue), (Stance::Conflict, Cue::Opposites));
        assert!(
            outcome.reason.contains("«ارتفاع» against «انخفاض»"),
            "{}",
            outcome.reason
        );
    }

    #[test]
    fn counts_no_number_satisfies_conflict_and_equal_ones_do_not() {
        let outcome = align("مقتل 20 شخصا في انفجار بالعاصمة", "مقتل 35 شخصا في انفجار بالعاصمة");
        assert_eq!((outcome.stance, outcome.cue), (Stance::Conflict, Cue::Counts));
        let same = align("مقتل 20 شخصا في انفجار بالعاصمة", "انفجار بالعاصمة يودي بحياة 20 شخصا");
        assert_ne!(same.cue, Cue::Counts);
    }

    #[test]
    fn another_place_conflicts_but_a_city_within_its_country_does_not() {
        let outcome = align("ترميم تمثال أثري في إسبانيا", "ترميم تمثال أثري في إيطاليا");
        assert_eq!((outcome.stance, outcome.cue), (Stance::Conflict, Cue::OtherName));
        let within = align("زلزال قوي يضرب اليابان صباح اليوم", "زلزال قوي يضرب طوكيو صباح اليوم");
        assert_eq!(within.stance, Stance::Agree, "{within:?}");
    }

    #[test]
    fn a_paraphrase_agrees_with_the_words_it_shares() {
        let outcome = align(
            "فورد تستدعي مليوني سيارة بسبب عيوب خطيرة",
            "بسبب عيوب خطيرة: فورد تستدعي مليوني سيارة",
        );
        assert_eq!((outcome.stance, outcome.cue), (Stance::Agree, Cue::Shared));
        assert!(outcome.reason.contains("«فورد»"), "{}", outcome.reason);
    }

    #[test]
    fn the_pipeline_decides_when_both_texts_state_one_proposition() {
        let outcome = Comparer::bundled().compare(
            "قالت مصادر إن القوات الروسية انسحبت من قاعدة حميميم في سوريا.",
            "قال الكرملين إن القوات الروسية لم تنسحب من قاعدة حميميم في سوريا.",
        );
        assert_eq!((outcome.stance, outcome.route), (Stance::Conflict, Route::Pipeline));
        assert!(outcome.reason.contains("«انسحبت»"), "{}", outcome.reason);
    }

    #[test]
    fn empty_texts_are_unrelated_and_do_not_panic() {
        assert_eq!(Comparer::bundled().compare("", "").stance, Stance::Unrelated);
        assert_eq!(align("؟؟ !!", "123").stance, Stance::Unrelated);
    }

    #[test]
    fn the_bundled_opposites_have_no_problem() {
        let (_, diagnostics) = Opposites::from_data(OPPOSITES);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let file = JsonFile::new(
            "opposites.json",
            r#"{"entries": [{"one": ["رفع الحظر"], "other": []}]}"#,
        );
        Opposites::read(&file);
        assert_eq!(file.into_diagnostics().len(), 2);
    }

    #[test]
    fn batches_read_csv_with_quotes_and_tsv_and_report_bad_rows() {
        let csv = InputFile {
            name: "p.csv".to_string(),
            text: "s1,s2,stance\n\"أ، ب\",\"قال \"\"لا\"\"\",disagree\nج,د,other\nه,و,maybe\n".to_string(),
        };
        let (rows, diagnostics) = read_pairs(&csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].first, "أ، ب");
        assert_eq!(rows[0].second, "قال \"لا\"");
        assert_eq!(rows[0].gold, Some(Stance::Conflict));
        assert_eq!((rows[1].gold, rows[1].line), (Some(Stance::Unrelated), 3));
        assert_eq!(diagnostics.len(), 1);
        let location = diagnostics[0].location.as_ref().unwrap();
        assert_eq!((location.line, location.column), (4, 5));
        let tsv = InputFile {
            name: "p.tsv".to_string(),
            text: "أ\tب\nج\n".to_string(),
        };
        let (rows, diagnostics) = read_pairs(&tsv);
        assert_eq!((rows.len(), rows[0].gold), (1, None));
        assert_eq!(diagnostics.len(), 1);
        let open = InputFile {
            name: "p.csv".to_string(),
            text: "\"أ,ب\n".to_string(),
        };
        assert_eq!(read_pairs(&open).1.len(), 1);
    }

    #[test]
    fn scores_are_per_class_and_their_mean() {
        use Stance::*;
        let score = Score::new([
            (Agree, Agree),
            (Agree, Conflict),
            (Conflict, Conflict),
            (Unrelated, Unrelated),
        ]);
        assert_eq!(score.class(Agree).recall, 0.5);
        assert_eq!(score.class(Conflict).precision, 0.5);
        assert_eq!(score.class(Unrelated).f1, 1.0);
        let expected = (2.0 / 3.0 + 2.0 / 3.0 + 1.0) / 3.0;
        assert!((score.macro_f1() - expected).abs() < 1e-12);
    }
}
