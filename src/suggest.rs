//! Vocabulary drafts (`tanaqud vocab suggest`): from a corpus already read
//! (its claims extracted, its open names found), a story vocabulary for a
//! fact-checker to edit and keep beside the corpus. The names no vocabulary
//! lists become entities, clustered when they are one actor: spellings that
//! fold to one key, a one-word name that is the first or last word of one
//! longer name (`ماسك` of `إيلون ماسك`), names spelled alike (Jaro-Winkler on
//! folded keys), each merge listed with its reason. The entities and
//! predicates the vocabulary lists are counted under `seen`, the story's own
//! entries the corpus uses are kept as they are written. Pure: the document
//! is returned as text, deterministic and bounded.

use std::collections::BTreeMap;
use std::ops::Range;

use jsonc_parser::ast::{Object, Value};
use jsonc_parser::common::Ranged;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::extract::Listed;
use crate::json::JsonFile;
use crate::model::{Attribution, Corpus};
use crate::text::fold;
use crate::vocab::{EntityId, Merged};

/// How far the draft reaches and when names are one: named, so that a test
/// or a caller may change them.
#[derive(Clone, Debug)]
pub struct Params {
    /// Two open names of one word count whose folded words are each at least
    /// this close (Jaro-Winkler) are one name spelled two ways (`إيراواني`,
    /// `إيرواني`: 0.94); `مقاتل` and `مقابل` (0.91) are two.
    pub similar: f64,
    /// An open name whose first or last word has fewer letters is no entity:
    /// two letters are a piece of a word (`عد` of `بعد`), which the phrase
    /// index meets everywhere.
    pub name_min_chars: usize,
    /// Names shorter than this (characters of the key) are never merged by
    /// spelling: short names are close to too many others.
    pub similar_min_chars: usize,
    /// How many open names, the most mentioned first, are compared by spelling.
    pub compared: usize,
    /// How many drafted entities, listed entities and predicates the draft shows.
    pub entities: usize,
    pub listed: usize,
    pub predicates: usize,
    /// How many spellings an entity shows, example quotes a predicate, and
    /// how many characters of a quote.
    pub spellings: usize,
    pub examples: usize,
    pub quote_chars: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            similar: 0.93,
            name_min_chars: 3,
            similar_min_chars: 5,
            compared: 2_000,
            entities: 500,
            listed: 500,
            predicates: 200,
            spellings: 10,
            examples: 3,
            quote_chars: 200,
        }
    }
}

/// The story vocabulary the corpus was read with: its own `vocabulary.json`,
/// or the bundled sample story's.
pub struct Story<'a> {
    pub text: &'a str,
    /// The corpus's own file: every entry is kept. The bundled sample's
    /// entries are kept only where the corpus uses them.
    pub own: bool,
    /// Predicates the extraction lexicon names (`undecided_about`): kept, or
    /// the lexicon would name an unknown predicate.
    pub named_by_lexicon: Vec<String>,
}

/// A limit of [`Params`] the corpus went past.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    pub what: &'static str,
    pub limit: usize,
    pub total: usize,
}

/// The draft: the vocabulary document, and what a caller tells the user.
#[derive(Clone, Debug)]
pub struct Draft {
    pub text: String,
    /// Entities drafted from open names (clusters), before any limit.
    pub clusters: usize,
    pub limits: Vec<Limit>,
}

/// What was seen of one name of the vocabulary.
#[derive(Default)]
struct Tally {
    mentions: usize,
    /// Sorted, each once (texts are read in order).
    sources: Vec<u32>,
    /// The text as written, clitics and all, with how often.
    spellings: FxHashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, source: usize, spelling: &str) {
        self.mentions += 1;
        let source = source as u32;
        if self.sources.last() != Some(&source) {
            self.sources.push(source);
        }
        *self.spellings.entry(spelling.to_string()).or_insert(0) += 1;
    }
}

/// Why two open names are one entity.
#[derive(Clone, Debug, PartialEq)]
enum Reason {
    /// The one-word name is the first or last word of the other, and of no other name.
    ShortForm,
    /// Their keys are this close.
    Similar(f64),
}

/// Drafts the story vocabulary of `corpus`, whose texts named `names` (per
/// source, [`crate::extract::Extractor::listed_names`], open names included).
pub fn draft(corpus: &Corpus, names: &[Vec<(Range<usize>, Listed)>], story: &Story, params: &Params) -> Draft {
    let vocabulary = &corpus.vocabulary;
    let mut entities: Vec<Tally> = std::iter::repeat_with(Tally::default)
        .take(vocabulary.entities.len())
        .collect();
    let mut predicates: Vec<Tally> = std::iter::repeat_with(Tally::default)
        .take(vocabulary.predicates.len())
        .collect();
    // An open name's aliases: its key, and those the first pass merged into it.
    let open_keys: Vec<Option<Vec<String>>> = (0..vocabulary.entities.len())
        .map(|i| {
            let id = EntityId(i as u32);
            match vocabulary.entity_layer(id) {
                None => Some(vocabulary.entity_info(id).aliases.iter().map(|a| fold(a)).collect()),
                Some(_) => None,
            }
        })
        .collect();
    for (source, found) in names.iter().enumerate() {
        let text = corpus.sources.get(source).map_or("", |s| s.article.as_str());
        for (span, listed) in found {
            let spelling = text.get(span.clone()).unwrap_or_default();
            match *listed {
                Listed::Entity(e) => {
                    if open_keys[e.0 as usize]
                        .as_ref()
                        .is_none_or(|keys| keys.iter().any(|key| spelled_as(spelling, key)))
                    {
                        entities[e.0 as usize].add(source, spelling);
                    }
                }
                Listed::Predicate(p) => predicates[p.0 as usize].add(source, spelling),
            }
        }
    }
    let mut limits = Vec::new();
    let clusters = clusters(corpus, &entities, params, &mut limits);
    let cluster_count = clusters.len();
    let drafted: Vec<String> = bounded(clusters, params.entities, "entities", &mut limits)
        .iter()
        .map(compact)
        .collect();
    let listed = listed_entities(corpus, &entities, params, &mut limits);
    let seen_predicates = seen_predicates(corpus, &predicates, params, &mut limits);
    let kept = kept_entries(corpus, story, &entities, &predicates);
    let mut text = String::from("{\n");
    let comment = format!(
        "A story vocabulary drafted by `tanaqud vocab suggest` from {} articles: the story's own entries the corpus uses, as written, then the names no vocabulary lists that sources use beside a trigger (kind `open`), clustered, most mentioned first. Edit ids, labels, kinds and aliases, and keep it beside the corpus as vocabulary.json. `seen` says what the corpus showed (mentions, sources, spellings, merges with their reasons; the listed entities and the predicates met) and is read by no one else.",
        corpus.sources.len()
    );
    text.push_str(&format!("  \"$comment\": {},\n", compact(&comment)));
    let entity_lines: Vec<String> = kept.entities.into_iter().chain(drafted).collect();
    text.push_str(&format!("  \"entities\": {},\n", array(&entity_lines, "  ")));
    text.push_str(&format!("  \"predicates\": {},\n", array(&kept.predicates, "  ")));
    text.push_str("  \"seen\": {\n");
    text.push_str(&format!("    \"articles\": {},\n", corpus.sources.len()));
    text.push_str(&format!("    \"entities\": {},\n", array(&listed, "    ")));
    text.push_str(&format!("    \"predicates\": {},\n", array(&seen_predicates, "    ")));
    let limit_lines: Vec<String> = limits.iter().map(compact).collect();
    text.push_str(&format!("    \"limits\": {}\n", array(&limit_lines, "    ")));
    text.push_str("  }\n}\n");
    Draft {
        text,
        clusters: cluster_count,
        limits,
    }
}

/// Whether `spelling` writes an open name's `key` with nothing but
/// proclitics before it (`وماسك`, `بالسفينة`, `للسفينة`). The phrase index
/// also meets a name through inflections, which for a short name are other
/// words (`بين` for `بي`, `على` for `عل`): those are no mention of it.
fn spelled_as(spelling: &str, key: &str) -> bool {
    const PROCLITICS: &str = "وفبلك";
    let folded = fold(spelling).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = folded.as_str();
    for _ in 0..=3 {
        if rest == key || (rest.starts_with('ل') && key.strip_prefix('ا') == Some(rest)) {
            return true;
        }
        match rest.chars().next() {
            Some(c) if PROCLITICS.contains(c) => rest = &rest[c.len_utf8()..],
            _ => return false,
        }
    }
    false
}

/// One value on one line.
fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A JSON array of `items` (each already JSON), one a line.
fn array(items: &[String], indent: &str) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let inner: Vec<String> = items.iter().map(|item| format!("{indent}  {item}")).collect();
    format!("[\n{}\n{indent}]", inner.join(",\n"))
}

/// The first `limit` of `items`, a [`Limit`] recorded when there were more.
fn bounded<T>(mut items: Vec<T>, limit: usize, what: &'static str, limits: &mut Vec<Limit>) -> Vec<T> {
    if items.len() > limit {
        limits.push(Limit {
            what,
            limit,
            total: items.len(),
        });
        items.truncate(limit);
    }
    items
}

/// Text and count pairs, written as a JSON object in their order (most first).
struct Counts(Vec<(String, usize)>);

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(text, count)| (text, count)))
    }
}

/// The `limit` most frequent spellings, most first, then by text.
fn top_spellings(spellings: &FxHashMap<String, usize>, limit: usize) -> Counts {
    let mut all: Vec<(String, usize)> = spellings.iter().map(|(s, &n)| (s.clone(), n)).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(limit);
    Counts(all)
}

#[derive(Serialize)]
struct Merge {
    name: String,
    with: String,
    reason: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
}

#[derive(Serialize)]
struct ClusterSeen {
    mentions: usize,
    sources: usize,
    spellings: Counts,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    merged: Vec<Merge>,
}

/// A drafted entity, in the vocabulary's format with its `seen`.
#[derive(Serialize)]
struct Cluster {
    id: String,
    label: String,
    kind: String,
    aliases: Vec<String>,
    seen: ClusterSeen,
}

/// One open name met in the corpus.
struct Member {
    entity: EntityId,
    key: String,
    words: usize,
}

/// The open names met in the corpus, clustered, most mentioned first, then by id.
fn clusters(corpus: &Corpus, tallies: &[Tally], params: &Params, limits: &mut Vec<Limit>) -> Vec<Cluster> {
    let vocabulary = &corpus.vocabulary;
    // An open name never met on its own (`إيلون` only inside `إيلون ماسك`) is
    // a piece of a longer name: no entity of its own.
    let members: Vec<Member> = (0..vocabulary.entities.len())
        .map(|i| EntityId(i as u32))
        .filter(|&e| vocabulary.entity_layer(e).is_none() && tallies[e.0 as usize].mentions > 0)
        .filter_map(|entity| {
            let key = fold(vocabulary.entity_info(entity).aliases.first()?);
            let mut words = key.split(' ');
            let first = words.next().unwrap_or_default();
            let last = words.next_back().unwrap_or(first);
            let long_enough = |w: &str| w.chars().count() >= params.name_min_chars;
            let words = key.split(' ').count();
            (long_enough(first) && long_enough(last)).then_some(Member { entity, key, words })
        })
        .collect();
    let mentions = |m: &Member| tallies[m.entity.0 as usize].mentions;
    let mut sets = Sets::new(members.len());
    let mut merges: Vec<(usize, usize, Reason)> = Vec::new();
    short_forms(&members, &mut sets, &mut merges);
    similar_spellings(&members, &mentions, params, &mut sets, &mut merges, limits);
    // Each cluster's members; its root is its fullest name, then its most mentioned.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..members.len() {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut by_group: FxHashMap<usize, Vec<Merge>> = FxHashMap::default();
    let label = |i: usize| vocabulary.entity_info(members[i].entity).label.clone();
    // The aliases the first pass gave a name (`ماسك` of `إيلون ماسك`), with why.
    let first_pass: FxHashMap<EntityId, &[Merged]> = vocabulary
        .open_entities()
        .iter()
        .map(|(entity, merged)| (*entity, merged.as_slice()))
        .collect();
    let merged_aliases = |i: usize| first_pass.get(&members[i].entity).copied().unwrap_or_default();
    for i in 0..members.len() {
        for merged in merged_aliases(i) {
            by_group.entry(sets.find(i)).or_default().push(Merge {
                name: merged.alias.clone(),
                with: label(i),
                reason: merged.reason,
                score: None,
            });
        }
    }
    for (name, with, reason) in merges {
        let (reason, score) = match reason {
            Reason::ShortForm => ("short-form", None),
            Reason::Similar(score) => ("similar-spelling", Some(score)),
        };
        by_group.entry(sets.find(name)).or_default().push(Merge {
            name: label(name),
            with: label(with),
            reason,
            score,
        });
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .map(|(group, mut list)| {
            list.sort_by(|&a, &b| {
                let (a, b) = (&members[a], &members[b]);
                b.words
                    .cmp(&a.words)
                    .then_with(|| mentions(b).cmp(&mentions(a)))
                    .then_with(|| a.key.cmp(&b.key))
            });
            let root = vocabulary.entity_info(members[list[0]].entity);
            let mut sources: Vec<u32> = Vec::new();
            let mut spellings: FxHashMap<String, usize> = FxHashMap::default();
            let mut total = 0;
            for &i in &list {
                let tally = &tallies[members[i].entity.0 as usize];
                total += tally.mentions;
                sources.extend(&tally.sources);
                for (spelling, n) in &tally.spellings {
                    *spellings.entry(spelling.clone()).or_insert(0) += n;
                }
            }
            sources.sort_unstable();
            sources.dedup();
            Cluster {
                id: root.id.clone(),
                label: root.label.clone(),
                kind: root.kind.clone(),
                aliases: list
                    .iter()
                    .flat_map(|&i| std::iter::once(label(i)).chain(merged_aliases(i).iter().map(|m| m.alias.clone())))
                    .collect(),
                seen: ClusterSeen {
                    mentions: total,
                    sources: sources.len(),
                    spellings: top_spellings(&spellings, params.spellings),
                    merged: by_group.remove(&group).unwrap_or_default(),
                },
            }
        })
        .collect();
    clusters.sort_by(|a, b| b.seen.mentions.cmp(&a.seen.mentions).then_with(|| a.id.cmp(&b.id)));
    clusters
}

/// A one-word name joins the longer name it is the first or last word of,
/// when there is one such name (or one that every other such name contains:
/// `ماسك` of `إيلون ماسك` and `الملياردير إيلون ماسك`).
fn short_forms(members: &[Member], sets: &mut Sets, merges: &mut Vec<(usize, usize, Reason)>) {
    let mut by_end: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, member) in members.iter().enumerate().filter(|(_, m)| m.words > 1) {
        let mut words = member.key.split(' ');
        let first = words.next().unwrap_or_default();
        let last = words.next_back().unwrap_or_default();
        by_end.entry(first).or_default().push(i);
        if last != first {
            by_end.entry(last).or_default().push(i);
        }
    }
    for (short, member) in members.iter().enumerate().filter(|(_, m)| m.words == 1) {
        let Some(longer) = by_end.get(member.key.as_str()) else {
            continue;
        };
        let Some(&fullest) = longer.iter().min_by(|&&a, &&b| {
            members[a]
                .words
                .cmp(&members[b].words)
                .then_with(|| members[a].key.cmp(&members[b].key))
        }) else {
            continue;
        };
        let inner = format!(" {} ", members[fullest].key);
        if longer.iter().all(|&l| format!(" {} ", members[l].key).contains(&inner)) && sets.union(short, fullest) {
            merges.push((short, fullest, Reason::ShortForm));
        }
    }
}

/// Names of as many words, beginning with one letter, whose words are each
/// at least `params.similar` alike: the most mentioned `params.compared`
/// names, compared within those blocks. A name joins the most alike of the
/// names more mentioned than it that have joined none, so that no chain of
/// small differences (`مقاتل`, `مقاتلي`, `مقابل`) makes two words one.
fn similar_spellings(
    members: &[Member],
    mentions: &dyn Fn(&Member) -> usize,
    params: &Params,
    sets: &mut Sets,
    merges: &mut Vec<(usize, usize, Reason)>,
    limits: &mut Vec<Limit>,
) {
    let mut order: Vec<usize> = (0..members.len())
        .filter(|&i| members[i].key.chars().count() >= params.similar_min_chars)
        .collect();
    order.sort_by(|&a, &b| {
        mentions(&members[b])
            .cmp(&mentions(&members[a]))
            .then_with(|| members[a].key.cmp(&members[b].key))
    });
    let order = bounded(order, params.compared, "names compared by spelling", limits);
    let mut blocks: BTreeMap<(usize, char), Vec<usize>> = BTreeMap::new();
    for i in order {
        let first = members[i].key.chars().next().unwrap_or(' ');
        blocks.entry((members[i].words, first)).or_default().push(i);
    }
    let alike = |a: &str, b: &str| {
        a.split(' ')
            .zip(b.split(' '))
            .map(|(a, b)| strsim::jaro_winkler(a, b))
            .fold(1.0_f64, f64::min)
    };
    for block in blocks.values() {
        // Names that others may join: those that have joined none.
        let mut centres: Vec<usize> = Vec::new();
        for &b in block {
            let best = centres
                .iter()
                .map(|&a| (a, alike(&members[a].key, &members[b].key)))
                .filter(|&(_, score)| score >= params.similar)
                .fold(None, |best: Option<(usize, f64)>, next| match best {
                    Some(best) if best.1 >= next.1 => Some(best),
                    _ => Some(next),
                });
            match best {
                Some((a, score)) => {
                    if sets.union(b, a) {
                        merges.push((b, a, Reason::Similar((score * 100.0).round() / 100.0)));
                    }
                }
                None => centres.push(b),
            }
        }
    }
}

/// Disjoint sets of members (union by index, paths halved).
struct Sets(Vec<usize>);

impl Sets {
    fn new(count: usize) -> Sets {
        Sets((0..count).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// Joins the sets of `a` and `b`; false when they were one already.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return false;
        }
        let (low, high) = (a.min(b), a.max(b));
        self.0[high] = low;
        true
    }
}

/// The file a listed name comes from, as a word: `gazetteer`, `news`, `vocabulary`.
fn layer_word(file: &str) -> String {
    std::path::Path::new(file)
        .file_stem()
        .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned())
}

#[derive(Serialize)]
struct ListedSeen {
    id: String,
    label: String,
    layer: String,
    mentions: usize,
    sources: usize,
    spellings: Counts,
}

/// The listed entities the corpus names, most mentioned first, then by id.
fn listed_entities(corpus: &Corpus, tallies: &[Tally], params: &Params, limits: &mut Vec<Limit>) -> Vec<String> {
    let vocabulary = &corpus.vocabulary;
    let mut listed: Vec<ListedSeen> = tallies
        .iter()
        .enumerate()
        .filter(|(_, t)| t.mentions > 0)
        .filter_map(|(i, tally)| {
            let id = EntityId(i as u32);
            let entity = vocabulary.entity_info(id);
            Some(ListedSeen {
                id: entity.id.clone(),
                label: entity.label.clone(),
                layer: layer_word(vocabulary.entity_layer(id)?),
                mentions: tally.mentions,
                sources: tally.sources.len(),
                spellings: top_spellings(&tally.spellings, params.spellings),
            })
        })
        .collect();
    listed.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
    bounded(listed, params.listed, "listed entities", limits)
        .iter()
        .map(compact)
        .collect()
}

#[derive(Serialize)]
struct Example {
    source: String,
    quote: String,
}

#[derive(Serialize)]
struct PredicateSeen {
    id: String,
    label: String,
    family: String,
    layer: String,
    /// Its triggers met in the texts.
    mentions: usize,
    sources: usize,
    /// Claims of it the corpus has (annotated and extracted).
    claims: usize,
    spellings: Counts,
    examples: Vec<Example>,
}

/// The predicates whose triggers the corpus has or that make its claims,
/// most mentioned first, then by id; a few quotes each, from sources apart.
fn seen_predicates(corpus: &Corpus, tallies: &[Tally], params: &Params, limits: &mut Vec<Limit>) -> Vec<String> {
    let vocabulary = &corpus.vocabulary;
    let mut claims = vec![0usize; tallies.len()];
    let mut examples: Vec<Vec<Example>> = std::iter::repeat_with(Vec::new).take(tallies.len()).collect();
    for claim in &corpus.claims {
        let p = claim.predicate.0 as usize;
        claims[p] += 1;
        let source = &corpus.sources[claim.source].id;
        if examples[p].len() < params.examples && examples[p].iter().all(|e| &e.source != source) {
            examples[p].push(Example {
                source: source.clone(),
                quote: bounded_quote(&claim.quote, params.quote_chars),
            });
        }
    }
    let mut seen: Vec<PredicateSeen> = tallies
        .iter()
        .zip(claims)
        .zip(examples)
        .enumerate()
        .filter(|(_, ((tally, claims), _))| tally.mentions > 0 || *claims > 0)
        .map(|(i, ((tally, claims), examples))| {
            let id = crate::vocab::PredicateId(i as u32);
            let predicate = vocabulary.predicate_info(id);
            PredicateSeen {
                id: predicate.id.clone(),
                label: predicate.label.clone(),
                family: vocabulary
                    .families
                    .get(predicate.family.0 as usize)
                    .cloned()
                    .unwrap_or_default(),
                layer: vocabulary.predicate_layer(id).map(layer_word).unwrap_or_default(),
                mentions: tally.mentions,
                sources: tally.sources.len(),
                claims,
                spellings: top_spellings(&tally.spellings, params.spellings),
                examples,
            }
        })
        .collect();
    seen.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| b.claims.cmp(&a.claims))
            .then_with(|| a.id.cmp(&b.id))
    });
    bounded(seen, params.predicates, "predicates", limits)
        .iter()
        .map(compact)
        .collect()
}

/// A quote of at most `chars` characters, `…` where it was cut.
fn bounded_quote(quote: &str, chars: usize) -> String {
    match quote.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", quote[..at].trim_end()),
        None => quote.to_string(),
    }
}

/// The story's entries the draft keeps, as written in its file.
struct Kept {
    entities: Vec<String>,
    predicates: Vec<String>,
}

/// One entry of the story file: its id, text, and the entities it names.
struct Entry<'t> {
    id: String,
    text: &'t str,
    names: Vec<String>,
}

fn entries<'t>(text: &'t str, object: &Object<'t>, field: &str) -> Vec<Entry<'t>> {
    let Some(array) = object.get_array(field) else {
        return Vec::new();
    };
    array
        .elements
        .iter()
        .filter_map(|value| {
            let Value::Object(entry) = value else { return None };
            let id = entry.get_string("id")?.value.to_string();
            let mut names: Vec<String> = entry
                .get_array("within")
                .map(|a| {
                    a.elements
                        .iter()
                        .filter_map(|v| match v {
                            Value::StringLit(s) => Some(s.value.to_string()),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            names.extend(entry.get_string("counts_as").map(|s| s.value.to_string()));
            let range = value.range();
            Some(Entry {
                id,
                text: text.get(range.start..range.end)?,
                names,
            })
        })
        .collect()
}

/// The story's entries: all of a corpus's own file; of the bundled sample,
/// those the corpus names, makes claims of, or its annotations use, with the
/// entries they are within or count as.
fn kept_entries(corpus: &Corpus, story: &Story, entities: &[Tally], predicates: &[Tally]) -> Kept {
    let file = JsonFile::new("vocabulary.json", story.text);
    let Some(Value::Object(root)) = file.parse() else {
        return Kept {
            entities: Vec::new(),
            predicates: Vec::new(),
        };
    };
    let entity_entries = entries(story.text, &root, "entities");
    let predicate_entries = entries(story.text, &root, "predicates");
    let vocabulary = &corpus.vocabulary;
    let mut used_entities: FxHashSet<String> = FxHashSet::default();
    let mut used_predicates: FxHashSet<String> = FxHashSet::default();
    for claim in &corpus.claims {
        used_predicates.insert(vocabulary.predicate_info(claim.predicate).id.clone());
        let speaker = match claim.attribution {
            Attribution::Entity(e) => Some(e),
            Attribution::Outlet => None,
        };
        for e in [Some(claim.subject), Some(claim.object), speaker].into_iter().flatten() {
            used_entities.insert(vocabulary.entity_info(e).id.clone());
        }
    }
    for source in &corpus.sources {
        for p in source.rejections.iter().filter_map(|r| r.predicate) {
            used_predicates.insert(vocabulary.predicate_info(p).id.clone());
        }
    }
    let met =
        |tallies: &[Tally], index: Option<usize>| index.is_some_and(|i| tallies.get(i).is_some_and(|t| t.mentions > 0));
    let mut keep: Vec<bool> = entity_entries
        .iter()
        .map(|e| {
            story.own || used_entities.contains(&e.id) || met(entities, vocabulary.entity(&e.id).map(|i| i.0 as usize))
        })
        .collect();
    // What a kept entry is within or counts as is kept too, to the end of each chain.
    let position: FxHashMap<&str, usize> = entity_entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut stack: Vec<usize> = (0..keep.len()).filter(|&i| keep[i]).collect();
    while let Some(i) = stack.pop() {
        for name in &entity_entries[i].names {
            if let Some(&j) = position.get(name.as_str())
                && !keep[j]
            {
                keep[j] = true;
                stack.push(j);
            }
        }
    }
    Kept {
        entities: entity_entries
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(e, _)| e.text.to_string())
            .collect(),
        predicates: predicate_entries
            .iter()
            .filter(|p| {
                story.own
                    || used_predicates.contains(&p.id)
                    || story.named_by_lexicon.contains(&p.id)
                    || met(predicates, vocabulary.predicate(&p.id).map(|i| i.0 as usize))
            })
            .map(|p| p.text.to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{CorpusFiles, InputFile, SourceFiles};

    /// A corpus of bare articles, with a story vocabulary of its own when given.
    fn files(vocabulary: Option<&str>, articles: &[&str]) -> CorpusFiles {
        let input = |name: String, text: &str| {
            Some(InputFile {
                name,
                text: text.to_string(),
            })
        };
        CorpusFiles {
            vocabulary: vocabulary.and_then(|v| input("vocabulary.json".to_string(), v)),
            sources: articles
                .iter()
                .enumerate()
                .map(|(i, text)| SourceFiles {
                    id: format!("s{i}"),
                    article: input(format!("s{i}.txt"), text),
                    ..SourceFiles::default()
                })
                .collect(),
            ..CorpusFiles::default()
        }
    }

    fn suggest(files: &CorpusFiles, params: &Params) -> serde_json::Value {
        let mut diagnostics = Vec::new();
        let draft = crate::pipeline::suggest(files, 1, params, &mut diagnostics).expect("no errors");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        serde_json::from_str(&draft.text).expect("JSON")
    }

    const STORY: &str = r#"{"entities": [
        {"id": "qatar", "label": "Qatar", "kind": "state", "aliases": ["قطر"]},
        {"id": "unused", "label": "Unused", "kind": "place", "aliases": ["مكان بعيد"]}
      ], "predicates": [
        {"id": "meet", "label": "meet", "family": "meeting", "direction": "for", "aliases": ["التقى", "اجتمع"], "object_markers": ["مع"], "symmetric": true},
        {"id": "keep-presence", "label": "keep forces in", "family": "military-presence", "direction": "for", "aliases": []}
      ]}"#;

    /// Each drafted entity's aliases, and its merges as `name > with (reason)`.
    fn drafted(draft: &serde_json::Value) -> Vec<(Vec<String>, Vec<String>)> {
        let texts = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        };
        draft["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "open")
            .map(|e| {
                let merges = e["seen"]["merged"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| {
                        format!(
                            "{} > {} ({})",
                            m["name"].as_str().unwrap(),
                            m["with"].as_str().unwrap(),
                            m["reason"].as_str().unwrap()
                        )
                    })
                    .collect();
                (texts(&e["aliases"]), merges)
            })
            .collect()
    }

    /// Musk in full and short, Iravani spelled two ways, each beside a trigger in two sources.
    const MEETINGS: [&str; 4] = [
        "التقى إيلون ماسك مع الوفد في نيويورك. وقال ماسك إن اللقاء كان جيدا. والتقى إيرواني مع الوفد.",
        "التقى ايلون ماسك مع الوفد أمس. وقال ماسك إنه راض. والتقى إيراواني مع الوفد.",
        "التقى إيرواني مع ماسك في مكان سري.",
        "اجتمع إيراواني مع الوفد في قطر.",
    ];

    #[test]
    fn a_short_name_joins_its_one_expansion_and_alike_spellings_join() {
        let articles = MEETINGS;
        let draft = suggest(&files(Some(STORY), &articles), &Params::default());
        let clusters = drafted(&draft);
        assert!(
            clusters.contains(&(
                vec!["إيلون ماسك".to_string(), "ماسك".to_string()],
                vec!["ماسك > إيلون ماسك (surname)".to_string()]
            )),
            "{clusters:?}"
        );
        let iravani = clusters
            .iter()
            .find(|(aliases, _)| aliases.iter().any(|a| a == "إيرواني"))
            .unwrap_or_else(|| panic!("{clusters:?}"));
        assert_eq!(iravani.0.len(), 2, "{iravani:?}");
        assert!(iravani.1[0].ends_with("(similar-spelling)"), "{iravani:?}");
        // Spellings that fold to one key are one name, counted together.
        let musk = draft["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["label"] == "إيلون ماسك")
            .unwrap();
        assert_eq!(musk["seen"]["spellings"]["إيلون ماسك"], 1);
        assert_eq!(musk["seen"]["spellings"]["ايلون ماسك"], 1);
        assert_eq!(
            (musk["seen"]["mentions"].as_u64(), musk["seen"]["sources"].as_u64()),
            (Some(5), Some(3))
        );
        // The similarity threshold decides: at 1.0 no spelling joins another.
        let strict = Params {
            similar: 1.0,
            ..Params::default()
        };
        let clusters = drafted(&suggest(&files(Some(STORY), &articles), &strict));
        assert!(
            clusters
                .iter()
                .all(|(_, merges)| merges.iter().all(|m| !m.ends_with("(similar-spelling)"))),
            "{clusters:?}"
        );
    }

    #[test]
    fn an_open_name_is_met_as_written_with_proclitics_only() {
        assert!(spelled_as("وماسك", "ماسك") && spelled_as("إيلون  ماسك", "ايلون ماسك"));
        assert!(spelled_as("بالسفينة", "السفينه") && spelled_as("للسفينة", "السفينه"));
        assert!(!spelled_as("بين", "بي") && !spelled_as("على", "عل") && !spelled_as("الماسك", "ماسك"));
    }

    /// A name joins one that has joined none: no chain makes مقاتل and مقابل one.
    #[test]
    fn spellings_join_the_most_alike_name_and_never_through_a_chain() {
        let keys = [
            "مقابل",
            "مقاتل",
            "مقاتلي",
            "ايرواني",
            "ايراواني",
            "حزب الله",
            "حزب العداله",
        ];
        let members: Vec<Member> = keys
            .iter()
            .enumerate()
            .map(|(i, key)| Member {
                entity: EntityId(i as u32),
                key: key.to_string(),
                words: key.split(' ').count(),
            })
            .collect();
        // Mentions in the order listed, the first the most.
        let mentions = |m: &Member| 100 - m.entity.0 as usize;
        let (mut sets, mut merges, mut limits) = (Sets::new(members.len()), Vec::new(), Vec::new());
        similar_spellings(
            &members,
            &mentions,
            &Params::default(),
            &mut sets,
            &mut merges,
            &mut limits,
        );
        let pairs: Vec<(&str, &str)> = merges.iter().map(|&(a, b, _)| (keys[a], keys[b])).collect();
        assert_eq!(pairs, [("ايراواني", "ايرواني"), ("مقاتلي", "مقاتل")]);
        assert!(limits.is_empty());
    }

    #[test]
    fn a_short_name_of_two_expansions_joins_neither() {
        let articles = [
            "التقى محمد صالح مع الوفد. والتقى محمد علوان مع الوفد. وقال محمد إن الوفد وصل.",
            "التقى محمد صالح مع السفير. والتقى محمد علوان مع السفير. وقال محمد إن السفير وصل.",
        ];
        let clusters = drafted(&suggest(&files(Some(STORY), &articles), &Params::default()));
        assert!(
            clusters.iter().any(|(aliases, _)| aliases == &["محمد".to_string()]),
            "{clusters:?}"
        );
        assert!(clusters.iter().all(|(_, merges)| merges.is_empty()), "{clusters:?}");
    }

    #[test]
    fn the_draft_reads_as_a_story_vocabulary_and_keeps_what_the_corpus_uses() {
        let articles = ["التقى إيلون ماسك مع أمير قطر.", "التقى إيلون ماسك مع الوفد."];
        let text = {
            let mut diagnostics = Vec::new();
            let files = files(Some(STORY), &articles);
            crate::pipeline::suggest(&files, 1, &Params::default(), &mut diagnostics)
                .unwrap()
                .text
        };
        let draft = JsonFile::new("vocabulary.json", &text);
        let vocabulary = crate::vocab::Vocabulary::read(&draft);
        assert_eq!(draft.into_diagnostics(), vec![]);
        // The corpus's own file is kept whole, used or not.
        let ids: Vec<&str> = vocabulary.entity_ids().collect();
        assert_eq!(&ids[..2], ["qatar", "unused"]);
        assert!(vocabulary.entity_info(vocabulary.entity(ids[2]).unwrap()).aliases == ["إيلون ماسك"]);
        assert_eq!(
            vocabulary.predicate_ids().collect::<Vec<_>>(),
            ["meet", "keep-presence"]
        );
        let seen: serde_json::Value = serde_json::from_str(&text).unwrap();
        let listed = &seen["seen"]["entities"][0];
        assert_eq!(
            (listed["id"].as_str(), listed["layer"].as_str()),
            (Some("qatar"), Some("vocabulary"))
        );
        let meet = &seen["seen"]["predicates"][0];
        assert_eq!(
            (meet["id"].as_str(), meet["mentions"].as_u64()),
            (Some("meet"), Some(2))
        );
        assert_eq!(
            meet["examples"].as_array().unwrap().len(),
            meet["claims"].as_u64().unwrap().min(2) as usize
        );
        // Without a vocabulary of its own, the bundled sample story's entries
        // are kept only where the corpus names them, with what they are within.
        let draft = suggest(
            &files(
                None,
                &["انسحبت القوات الروسية من قاعدة حميميم.", "التقى إيلون ماسك مع الوفد."],
            ),
            &Params::default(),
        );
        let kept: Vec<&str> = draft["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] != "open")
            .filter_map(|e| e["id"].as_str())
            .collect();
        assert!(
            kept.contains(&"hmeimim") && kept.contains(&"russian-forces"),
            "{kept:?}"
        );
        assert!(!kept.contains(&"tartus"), "{kept:?}");
    }

    #[test]
    fn limits_are_said_when_hit() {
        let small = Params {
            entities: 1,
            examples: 1,
            quote_chars: 5,
            ..Params::default()
        };
        let mut diagnostics = Vec::new();
        let draft = crate::pipeline::suggest(&files(Some(STORY), &MEETINGS), 1, &small, &mut diagnostics).unwrap();
        assert!(draft.clusters > 1, "{}", draft.text);
        assert_eq!(
            draft.limits,
            [Limit {
                what: "entities",
                limit: 1,
                total: draft.clusters
            }]
        );
        let value: serde_json::Value = serde_json::from_str(&draft.text).unwrap();
        assert_eq!(value["seen"]["limits"][0]["what"], "entities");
        let open = value["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "open")
            .count();
        assert_eq!(open, 1);
        let example = value["seen"]["predicates"][0]["examples"][0]["quote"].as_str().unwrap();
        assert!(example.chars().count() <= 6 && example.ends_with('…'), "{example}");
    }
}
