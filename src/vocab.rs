//! Vocabulary: the entities (actors, places, speakers) and predicates claims
//! may name, read from `vocabulary.json`. It owns the relations comparison
//! needs — containment between places, who a subject counts as, which
//! predicates oppose each other — precomputed once.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::json::{Fields, JsonFile, Spanned};
use crate::text::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PredicateId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u32);

/// A predicate's direction in its family: `for` builds or keeps, `against`
/// removes or denies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    For,
    Against,
}

impl Direction {
    pub fn flipped(self) -> Direction {
        match self {
            Direction::For => Direction::Against,
            Direction::Against => Direction::For,
        }
    }
}

/// The entity kind of voices other than a named speaker (`مسؤولون سوريون`,
/// `تقارير`, `مصدر`, satellite imagery): beside the outlet in one article
/// they add no origin.
pub const UNNAMED_VOICE_KIND: &str = "source";

/// The kind of the entity a toll is told of when no one is named as its
/// cause (`ارتفعت حصيلة الشهداء في جباليا إلى 112`): the toll is the event's,
/// whoever caused it, so every count of one place is one proposition.
pub const UNNAMED_AGENT_KIND: &str = "unnamed-agent";

#[derive(Clone, Debug, Default)]
pub struct Entity {
    pub id: String,
    pub label: String,
    pub kind: String,
    pub aliases: Vec<String>,
    /// Adjectives of relation (`الروسي`, `الروسية`): they say whose a noun is
    /// (`الانسحاب الروسي`: Russia's), so they give subjects but never objects.
    pub adjectives: Vec<String>,
}

/// An alias the first pass gave an open name, and why (`ماسك` of `إيلون
/// ماسك`: `surname`): the report lists every such merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub alias: String,
    pub reason: &'static str,
}

#[derive(Clone, Debug)]
pub struct Predicate {
    pub id: String,
    pub label: String,
    pub family: FamilyId,
    pub direction: Direction,
    pub aliases: Vec<String>,
    /// Entity kinds its object may have, for extraction; empty: any scope kind.
    pub object_kinds: Vec<String>,
    /// Prepositions that introduce its object (`من` for withdraw, `إلى` for deploy-to).
    pub object_markers: Vec<String>,
    /// Its object may stand before the trigger (`منح الأسد اللجوء`).
    pub object_before: bool,
    /// Its subject must be named in its own sentence: a general news
    /// predicate (`هجوم`) takes no subject from an earlier sentence.
    pub subject_in_sentence: bool,
    /// Its subject and object may swap places and say the same (`التقى`,
    /// `مفاوضات`, `هدنة`): they are compared as one proposition either way.
    pub symmetric: bool,
    /// Its claims are partial moves when no extent word or annotation says
    /// otherwise: reducing a presence (`تقليص`) is partial by what it means
    /// (vocabulary field `"extent": "partial"`).
    pub partial: bool,
    /// Its claims state a count (vocabulary field `counted`): of these
    /// classes of counted nouns (`data/numbers.json`), or of any when empty.
    /// None: it counts nothing.
    pub counted: Option<Vec<String>>,
}

impl Predicate {
    /// Whether its counts are tolls (`kill`, `wound`): counts of victims,
    /// told of an event whoever caused it.
    pub fn tells_a_toll(&self) -> bool {
        self.counted
            .as_deref()
            .is_some_and(|c| crate::count::CountWords::bundled().counts_a_toll(c))
    }
}

/// How one scope stands to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeRelation {
    Same,
    /// The first contains the second.
    Contains,
    /// The first is within the second.
    Within,
    /// They share a part but neither contains the other.
    Overlaps,
    Disjoint,
}

#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    pub entities: Vec<Entity>,
    pub predicates: Vec<Predicate>,
    pub families: Vec<String>,
    entity_index: HashMap<String, EntityId>,
    predicate_index: HashMap<String, PredicateId>,
    /// Per entity, itself and every container, transitively; sorted.
    ancestors: Vec<Vec<EntityId>>,
    /// Per entity, itself and everything it contains, transitively; sorted.
    descendants: Vec<Vec<EntityId>>,
    /// Per entity, the entity it is compared as (`counts_as`, followed to the end).
    actor: Vec<EntityId>,
    /// Per entity, the first and last day a name it shares with another
    /// entity means it (`from`, `until`).
    era: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// How many entities and predicates the last layer (the story's own) defines.
    own: (usize, usize),
    /// Per entity and per predicate, the layer that defined it (an open name: none).
    entity_layer: Vec<Option<u8>>,
    predicate_layer: Vec<u8>,
    /// The layers' file names, bottom first.
    layer_names: Vec<String>,
    /// The open names added, in order, each with the merges that gave it aliases.
    open: Vec<(EntityId, Vec<Merged>)>,
}

impl Vocabulary {
    /// How many entities and predicates the last layer read (a corpus's
    /// own vocabulary) defines, replacing or adding to the layers under it.
    pub fn own_counts(&self) -> (usize, usize) {
        self.own
    }

    /// The file that defined an entity (`gazetteer.json`, `news.json`, the
    /// story's `vocabulary.json`); None for an open name of the corpus.
    pub fn entity_layer(&self, id: EntityId) -> Option<&str> {
        let layer = self.entity_layer.get(id.0 as usize).copied().flatten()?;
        self.layer_names.get(usize::from(layer)).map(String::as_str)
    }

    /// The file that defined a predicate.
    pub fn predicate_layer(&self, id: PredicateId) -> Option<&str> {
        let layer = self.predicate_layer.get(id.0 as usize)?;
        self.layer_names.get(usize::from(*layer)).map(String::as_str)
    }

    pub fn entity(&self, id: &str) -> Option<EntityId> {
        self.entity_index.get(id).copied()
    }

    pub fn predicate(&self, id: &str) -> Option<PredicateId> {
        self.predicate_index.get(id).copied()
    }

    pub fn entity_info(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    pub fn predicate_info(&self, id: PredicateId) -> &Predicate {
        &self.predicates[id.0 as usize]
    }

    pub fn entity_ids(&self) -> impl Iterator<Item = &str> {
        self.entities.iter().map(|e| e.id.as_str())
    }

    pub fn predicate_ids(&self) -> impl Iterator<Item = &str> {
        self.predicates.iter().map(|p| p.id.as_str())
    }

    /// The entity of [`UNNAMED_AGENT_KIND`], when a layer defines one.
    pub fn unnamed_agent(&self) -> Option<EntityId> {
        self.entities
            .iter()
            .position(|e| e.kind == UNNAMED_AGENT_KIND)
            .map(|i| EntityId(i as u32))
    }

    pub fn actor(&self, id: EntityId) -> EntityId {
        self.actor[id.0 as usize]
    }

    /// Whether a name shared by several entities can mean `id` on `date`:
    /// `الحكومة السورية` is Assad's government until December 2024 and the
    /// new authorities from then.
    pub fn in_era(&self, id: EntityId, date: NaiveDate) -> bool {
        let (from, until) = self.era.get(id.0 as usize).copied().unwrap_or_default();
        from.is_none_or(|from| date >= from) && until.is_none_or(|until| date <= until)
    }

    /// `id` and every container of it, transitively, sorted.
    pub fn ancestors(&self, id: EntityId) -> &[EntityId] {
        &self.ancestors[id.0 as usize]
    }

    pub fn scope_relation(&self, a: EntityId, b: EntityId) -> ScopeRelation {
        if a == b {
            ScopeRelation::Same
        } else if self.ancestors[b.0 as usize].binary_search(&a).is_ok() {
            ScopeRelation::Contains
        } else if self.ancestors[a.0 as usize].binary_search(&b).is_ok() {
            ScopeRelation::Within
        } else if sorted_intersect(&self.descendants[a.0 as usize], &self.descendants[b.0 as usize]) {
            ScopeRelation::Overlaps
        } else {
            ScopeRelation::Disjoint
        }
    }

    /// Adds entities found in the corpus itself (open names), each its own
    /// actor, within nothing; an id already taken is left as it is.
    pub fn add_open(&mut self, entities: Vec<(Entity, Vec<Merged>)>) {
        for (entity, merged) in entities {
            if self.entity_index.contains_key(&entity.id) {
                continue;
            }
            let id = EntityId(self.entities.len() as u32);
            self.open.push((id, merged));
            self.entity_index.insert(entity.id.clone(), id);
            self.entities.push(entity);
            self.ancestors.push(vec![id]);
            self.descendants.push(vec![id]);
            self.actor.push(id);
            self.era.push((None, None));
            self.entity_layer.push(None);
        }
    }

    /// The open names, in the order they were added, each with its merges.
    pub fn open_entities(&self) -> &[(EntityId, Vec<Merged>)] {
        &self.open
    }

    /// Reads and checks a vocabulary file. Problems go to `file`'s diagnostics;
    /// what could be read is kept, so claims can still be checked against it.
    pub fn read(file: &JsonFile) -> Vocabulary {
        Vocabulary::read_layers(&[file])
    }

    /// Reads vocabulary files as layers, each over the ones before it (the
    /// general news vocabulary under a story's own): an entity or predicate
    /// of a later layer replaces an earlier one with its id (an entity keeps
    /// the earlier one's words besides its own), and takes the words it is
    /// named by from the earlier layers' entries, so that a word a story
    /// defines means only what the story says. `within` and `counts_as`
    /// may name an entity of any layer. Each file's problems go to its own
    /// diagnostics (cycles to the last file's).
    pub fn read_layers(files: &[&JsonFile]) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        let mut links = Links::default();
        let mut predicate_layer = Vec::new();
        for (layer, file) in files.iter().enumerate() {
            let Some(root) = file.parse() else {
                continue;
            };
            // `seen`: what `tanaqud vocab suggest` found in the corpus, for a reader only.
            let Some(top) = file.object(&root, "the vocabulary", &["$comment", "entities", "predicates", "seen"])
            else {
                continue;
            };
            vocabulary.read_entities(file, &top, layer, &mut links);
            vocabulary.read_predicates(file, &top, layer, &mut predicate_layer);
        }
        vocabulary.shadow(&links.layer, &predicate_layer);
        vocabulary.inherit(&links);
        let last = files.len().saturating_sub(1);
        vocabulary.own = (
            links.layer.iter().filter(|&&l| l == last).count(),
            predicate_layer.iter().filter(|&&l| l == last).count(),
        );
        // Layers are a handful of files (gazetteer, news, story).
        let small = |l: usize| u8::try_from(l).unwrap_or(u8::MAX);
        vocabulary.entity_layer = links.layer.iter().map(|&l| Some(small(l))).collect();
        vocabulary.predicate_layer = predicate_layer.iter().map(|&l| small(l)).collect();
        vocabulary.layer_names = files.iter().map(|f| f.name.clone()).collect();
        let resolve = |names: Vec<(usize, Names)>| -> Vec<Vec<EntityId>> {
            names
                .into_iter()
                .map(|(layer, list)| resolve_names(files[layer], &vocabulary, list))
                .collect()
        };
        let parents = resolve(links.within);
        let counts_as = resolve(
            links
                .counts_as
                .into_iter()
                .map(|(layer, name)| (layer, Vec::from_iter(name)))
                .collect(),
        );
        if let Some(last) = files.last() {
            vocabulary.link(last, &parents, &counts_as);
        }
        vocabulary
    }

    /// Takes from each entry the words (folded) an entry of a later layer is
    /// named by: entities' aliases and adjectives, predicates' aliases.
    fn shadow(&mut self, entity_layer: &[usize], predicate_layer: &[usize]) {
        fn top_layers<'a>(names: impl Iterator<Item = (usize, &'a String)>) -> HashMap<String, usize> {
            let mut top: HashMap<String, usize> = HashMap::new();
            for (layer, name) in names {
                let slot = top.entry(shadow_key(name)).or_insert(layer);
                *slot = (*slot).max(layer);
            }
            top
        }
        let entity_top = top_layers(
            self.entities
                .iter()
                .zip(entity_layer)
                .flat_map(|(e, &layer)| e.aliases.iter().chain(&e.adjectives).map(move |a| (layer, a))),
        );
        for (entity, &layer) in self.entities.iter_mut().zip(entity_layer) {
            let own = |a: &String| entity_top[&shadow_key(a)] == layer;
            entity.aliases.retain(own);
            entity.adjectives.retain(own);
        }
        let predicate_top = top_layers(
            self.predicates
                .iter()
                .zip(predicate_layer)
                .flat_map(|(p, &layer)| p.aliases.iter().map(move |a| (layer, a))),
        );
        for (predicate, &layer) in self.predicates.iter_mut().zip(predicate_layer) {
            predicate.aliases.retain(|a| predicate_top[&shadow_key(a)] == layer);
        }
    }

    /// A story that lists `iran` with `إيران` alone still means Iran by
    /// `طهران` and `الإيراني`: an entity a later layer replaced keeps the
    /// earlier entry's words, unless an entry of a layer above that one is
    /// named by them (the story's `damascus` keeps `دمشق` from the gazetteer's `syria`).
    fn inherit(&mut self, links: &Links) {
        let mut top: HashMap<String, usize> = HashMap::new();
        for (entity, &layer) in self.entities.iter().zip(&links.layer) {
            for word in entity.aliases.iter().chain(&entity.adjectives) {
                let slot = top.entry(shadow_key(word)).or_insert(layer);
                *slot = (*slot).max(layer);
            }
        }
        for (i, origin, word, adjective) in &links.inherited {
            if top.get(&shadow_key(word)).is_some_and(|&layer| layer > *origin) {
                continue;
            }
            let entity = &mut self.entities[*i];
            let list = if *adjective {
                &mut entity.adjectives
            } else {
                &mut entity.aliases
            };
            if !list.contains(word) {
                list.push(word.clone());
            }
        }
    }

    /// The entities of one layer; an id an earlier layer defined is replaced.
    fn read_entities(&mut self, file: &JsonFile, top: &Fields, layer: usize, links: &mut Links) {
        let vocabulary = self;
        for value in top
            .required_array("entities")
            .map(|a| a.elements.as_slice())
            .unwrap_or_default()
        {
            let allowed = [
                "id",
                "label",
                "kind",
                "aliases",
                "adjectives",
                "within",
                "counts_as",
                "from",
                "until",
                "note",
                "seen",
            ];
            let Some(fields) = file.object(value, "an entity", &allowed) else {
                continue;
            };
            let Some(id) = fields.required_string("id") else {
                continue;
            };
            if !valid_id(file, &id) {
                continue;
            }
            let entity = Entity {
                id: id.value.clone(),
                label: fields.required_string("label").map(|s| s.value).unwrap_or_default(),
                kind: fields.required_string("kind").map(|s| s.value).unwrap_or_default(),
                aliases: words(file, &fields, "aliases"),
                adjectives: words(file, &fields, "adjectives"),
            };
            let within = (layer, fields.strings("within"));
            let counts_as = (layer, fields.string("counts_as"));
            let era = era(file, &fields);
            match vocabulary.entity_index.get(&id.value) {
                Some(&EntityId(i)) if links.layer[i as usize] == layer => {
                    file.error(id.span, format!("entity `{}` is defined twice", id.value));
                }
                Some(&EntityId(i)) => {
                    let i = i as usize;
                    let earlier = std::mem::replace(&mut vocabulary.entities[i], entity);
                    let origin = links.layer[i];
                    links
                        .inherited
                        .extend(earlier.aliases.into_iter().map(|w| (i, origin, w, false)));
                    links
                        .inherited
                        .extend(earlier.adjectives.into_iter().map(|w| (i, origin, w, true)));
                    vocabulary.era[i] = era;
                    links.within[i] = within;
                    links.counts_as[i] = counts_as;
                    links.layer[i] = layer;
                }
                None => {
                    vocabulary
                        .entity_index
                        .insert(id.value.clone(), EntityId(vocabulary.entities.len() as u32));
                    vocabulary.entities.push(entity);
                    vocabulary.era.push(era);
                    links.within.push(within);
                    links.counts_as.push(counts_as);
                    links.layer.push(layer);
                }
            }
        }
    }

    /// The predicates of one layer; an id an earlier layer defined is replaced.
    fn read_predicates(&mut self, file: &JsonFile, top: &Fields, layer: usize, layers: &mut Vec<usize>) {
        let vocabulary = self;
        for value in top
            .required_array("predicates")
            .map(|a| a.elements.as_slice())
            .unwrap_or_default()
        {
            let allowed = [
                "id",
                "label",
                "family",
                "direction",
                "aliases",
                "object_kinds",
                "object_markers",
                "object_before",
                "extent",
                "counted",
                "subject_in_sentence",
                "symmetric",
                "note",
            ];
            let Some(fields) = file.object(value, "a predicate", &allowed) else {
                continue;
            };
            let Some(id) = fields.required_string("id") else {
                continue;
            };
            if !valid_id(file, &id) {
                continue;
            }
            let direction = match fields.required_string("direction") {
                Some(d) if d.value == "for" => Direction::For,
                Some(d) if d.value == "against" => Direction::Against,
                Some(d) => {
                    file.error(
                        d.span,
                        format!("direction `{}` is neither `for` nor `against`", d.value),
                    );
                    continue;
                }
                None => continue,
            };
            let Some(family_name) = fields.required_string("family") else {
                continue;
            };
            let families = &mut vocabulary.families;
            let family = match families.iter().position(|f| *f == family_name.value) {
                Some(i) => FamilyId(i as u32),
                None => {
                    families.push(family_name.value.clone());
                    FamilyId(families.len() as u32 - 1)
                }
            };
            let predicate = Predicate {
                id: id.value.clone(),
                label: fields.required_string("label").map(|s| s.value).unwrap_or_default(),
                family,
                direction,
                aliases: words(file, &fields, "aliases"),
                object_kinds: fields.strings("object_kinds").into_iter().map(|s| s.value).collect(),
                object_markers: fields.strings("object_markers").into_iter().map(|s| s.value).collect(),
                object_before: fields.boolean("object_before").is_some_and(|b| b.value),
                subject_in_sentence: fields.boolean("subject_in_sentence").is_some_and(|b| b.value),
                symmetric: fields.boolean("symmetric").is_some_and(|b| b.value),
                partial: partial_by_meaning(file, &fields),
                counted: counted(file, &fields),
            };
            match vocabulary.predicate_index.get(&id.value) {
                Some(&PredicateId(i)) if layers[i as usize] == layer => {
                    file.error(id.span, format!("predicate `{}` is defined twice", id.value));
                }
                Some(&PredicateId(i)) => {
                    vocabulary.predicates[i as usize] = predicate;
                    layers[i as usize] = layer;
                }
                None => {
                    vocabulary
                        .predicate_index
                        .insert(id.value, PredicateId(vocabulary.predicates.len() as u32));
                    vocabulary.predicates.push(predicate);
                    layers.push(layer);
                }
            }
        }
    }

    /// Computes containment closures and actors, refusing cycles.
    fn link(&mut self, file: &JsonFile, parents: &[Vec<EntityId>], counts_as: &[Vec<EntityId>]) {
        let count = self.entities.len();
        let mut marks = Marks::new(count);
        self.ancestors = (0..count)
            .map(|i| closure(EntityId(i as u32), parents, &mut marks))
            .collect();
        let mut children = vec![Vec::new(); count];
        for (child, list) in parents.iter().enumerate() {
            for parent in list {
                children[parent.0 as usize].push(EntityId(child as u32));
            }
        }
        self.descendants = (0..count)
            .map(|i| closure(EntityId(i as u32), &children, &mut marks))
            .collect();
        for (i, parent_list) in parents.iter().enumerate() {
            if parent_list
                .iter()
                .any(|p| self.ancestors[p.0 as usize].contains(&EntityId(i as u32)))
            {
                let message = format!("entity `{}` is within itself (a `within` cycle)", self.entities[i].id);
                file.push(crate::diag::Diagnostic::error(&file.name, message));
            }
        }
        self.actor = actors(counts_as, |i| {
            let message = format!(
                "entity `{}` counts as itself (a `counts_as` cycle)",
                self.entities[i].id
            );
            file.push(crate::diag::Diagnostic::error(&file.name, message));
        });
    }
}

/// What a word of a layer is compared by when a later layer takes it: its
/// folded words without the article, as the phrase index finds them
/// (`الاستهداف` and `استهداف` are one word to it).
fn shadow_key(name: &str) -> String {
    fold(name)
        .split(' ')
        .map(|word| {
            word.strip_prefix("ال")
                .filter(|rest| rest.chars().count() >= 2)
                .unwrap_or(word)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Entity names as written, resolved to ids once every entity is read.
type Names = Vec<Spanned<String>>;

/// Per entity, the layer that defined it and the names its `within` and
/// `counts_as` give, each with the layer they are written in.
#[derive(Default)]
struct Links {
    layer: Vec<usize>,
    /// The words of entries a later layer replaced: (entity, their layer, word, is an adjective).
    inherited: Vec<(usize, usize, String, bool)>,
    within: Vec<(usize, Names)>,
    counts_as: Vec<(usize, Option<Spanned<String>>)>,
}

fn valid_id(file: &JsonFile, id: &Spanned<String>) -> bool {
    let ok = !id.value.is_empty()
        && id
            .value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok {
        file.error(
            id.span.clone(),
            format!("id `{}` must be lower-case ASCII letters, digits and `-`", id.value),
        );
    }
    ok
}

fn resolve_names(file: &JsonFile, vocabulary: &Vocabulary, names: Names) -> Vec<EntityId> {
    names
        .into_iter()
        .filter_map(|name| {
            let found = vocabulary.entity(&name.value);
            if found.is_none() {
                let mut diagnostic =
                    crate::diag::Diagnostic::error(&file.name, format!("unknown entity `{}`", name.value))
                        .at(file.source(), name.span);
                if let Some(close) = crate::diag::nearest(&name.value, vocabulary.entity_ids()) {
                    diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
                }
                file.push(diagnostic);
            }
            found
        })
        .collect()
}

/// The words of list `name` (aliases, adjectives); an empty one, which would
/// match nothing or everything, is an error.
fn words(file: &JsonFile, fields: &crate::json::Fields, name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in fields.strings(name) {
        if word.value.trim().is_empty() {
            file.error(word.span, format!("an empty word in `{name}`"));
        } else {
            words.push(word.value);
        }
    }
    words
}

/// An entity's era: `from` and `until`, each if given and valid, `from` not after `until`.
fn era(file: &JsonFile, fields: &crate::json::Fields) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let (from, until) = (date(file, fields, "from"), date(file, fields, "until"));
    if let (Some(start), Some(end)) = (from, until)
        && start > end
        && let Some(value) = fields.string("from")
    {
        file.error(value.span, format!("`from` ({start}) is after `until` ({end})"));
        return (None, None);
    }
    (from, until)
}

/// An entity's era bound `name` (YYYY-MM-DD), if given and valid.
fn date(file: &JsonFile, fields: &crate::json::Fields, name: &str) -> Option<NaiveDate> {
    let value = fields.string(name)?;
    let parsed = NaiveDate::parse_from_str(&value.value, "%Y-%m-%d");
    if parsed.is_err() {
        file.error(
            value.span,
            format!("`{name}` is `{}`, not a date YYYY-MM-DD", value.value),
        );
    }
    parsed.ok()
}

/// Which entities one closure has reached: a stamp per entity, so that a new
/// closure starts without clearing (the cost of a closure is its size).
struct Marks {
    stamps: Vec<u32>,
    current: u32,
}

impl Marks {
    fn new(count: usize) -> Marks {
        Marks {
            stamps: vec![0; count],
            current: 0,
        }
    }

    fn start(&mut self) {
        self.current += 1;
    }

    /// Marks `id`; false when it was marked already in this closure.
    fn mark(&mut self, id: EntityId) -> bool {
        let stamp = &mut self.stamps[id.0 as usize];
        let new = *stamp != self.current;
        *stamp = self.current;
        new
    }
}

/// `start` and everything reachable from it through `edges`, sorted.
fn closure(start: EntityId, edges: &[Vec<EntityId>], marks: &mut Marks) -> Vec<EntityId> {
    marks.start();
    marks.mark(start);
    let mut seen = vec![start];
    let mut stack = vec![start];
    while let Some(current) = stack.pop() {
        for &next in &edges[current.0 as usize] {
            if marks.mark(next) {
                seen.push(next);
                stack.push(next);
            }
        }
    }
    seen.sort_unstable();
    seen
}

/// The actor each entity counts as: the end of its `counts_as` chain (the
/// first of each list). Each chain is walked once, its end shared by every
/// entity on it. `cycle(i)` is told of each entity `i` on a cycle, which then
/// counts as itself.
fn actors(counts_as: &[Vec<EntityId>], mut cycle: impl FnMut(usize)) -> Vec<EntityId> {
    const UNRESOLVED: u32 = u32::MAX;
    let count = counts_as.len();
    let mut actor = vec![UNRESOLVED; count];
    // The walk each entity was last reached by, to tell a cycle from a chain
    // that joins one walked before.
    let mut walk_of = vec![usize::MAX; count];
    for first in 0..count {
        let mut chain = Vec::new();
        let mut at = first;
        let end = loop {
            if actor[at] != UNRESOLVED {
                break actor[at];
            }
            if walk_of[at] == first {
                // A cycle: every entity on it counts as itself.
                let start = chain.iter().position(|&c| c == at).unwrap_or(0);
                for &member in &chain[start..] {
                    actor[member] = member as u32;
                    cycle(member);
                }
                chain.truncate(start);
                break at as u32;
            }
            walk_of[at] = first;
            chain.push(at);
            match counts_as[at].first() {
                Some(next) => at = next.0 as usize,
                None => break at as u32,
            }
        };
        for member in chain {
            actor[member] = end;
        }
    }
    actor.into_iter().map(EntityId).collect()
}

fn sorted_intersect(a: &[EntityId], b: &[EntityId]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// A predicate's `extent`: `partial` for a predicate that is a partial move
/// by what it means, `unspecified` (or left out) for the others; anything
/// else is reported and read as `unspecified`.
/// A predicate's `counted`: `true` (a count of anything) or the classes of
/// counted nouns its counts may be of (`["dead", "people"]` for killing: a
/// count of the wounded is no death toll). A count whose noun is of no class
/// is taken by every predicate that counts.
fn counted(file: &JsonFile, fields: &crate::json::Fields) -> Option<Vec<String>> {
    let value = fields.get("counted")?;
    if let jsonc_parser::ast::Value::BooleanLit(b) = value {
        return b.value.then(Vec::new);
    }
    let classes = crate::count::CountWords::bundled().classes();
    let listed = fields.strings("counted");
    if !matches!(value, jsonc_parser::ast::Value::Array(_)) {
        return None;
    }
    for class in &listed {
        if !classes.contains(&class.value) {
            let mut diagnostic =
                crate::diag::Diagnostic::error(&file.name, format!("`{}` is no class of counted nouns", class.value))
                    .at(file.source(), class.span.clone());
            diagnostic = match crate::diag::nearest(&class.value, classes.iter().map(String::as_str)) {
                Some(close) => diagnostic.with_help(format!("did you mean `{close}`?")),
                None => diagnostic.with_help(format!("expected one of: {}", classes.join(", "))),
            };
            file.push(diagnostic);
        }
    }
    Some(listed.into_iter().map(|c| c.value).collect())
}

fn partial_by_meaning(file: &JsonFile, fields: &crate::json::Fields) -> bool {
    let Some(name) = fields.string("extent") else {
        return false;
    };
    match name.value.as_str() {
        "partial" => true,
        "unspecified" => false,
        other => {
            file.error(
                name.span,
                format!("extent `{other}` is not one of partial, unspecified"),
            );
            false
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const SMALL: &str = r#"{
  "entities": [
    {"id": "russia", "label": "Russia", "kind": "state", "aliases": ["روسيا"]},
    {"id": "russian-forces", "label": "Russian forces", "kind": "armed-force", "aliases": [], "counts_as": "russia"},
    {"id": "syria", "label": "Syria", "kind": "place", "aliases": ["سوريا"]},
    {"id": "bases", "label": "Russia's bases", "kind": "facility", "aliases": [], "within": ["syria"]},
    {"id": "coast", "label": "Coast", "kind": "place", "aliases": [], "within": ["syria"]},
    {"id": "hmeimim", "label": "Hmeimim", "kind": "facility", "aliases": ["حميميم"], "within": ["bases", "coast"]},
    {"id": "front", "label": "Front lines", "kind": "place", "aliases": [], "within": ["syria"]},
    {"id": "libya", "label": "Libya", "kind": "place", "aliases": []},
    {"id": "kremlin", "label": "Kremlin", "kind": "organisation", "aliases": [], "counts_as": "russia"}
  ],
  "predicates": [
    {"id": "withdraw", "label": "withdraw from", "family": "presence", "direction": "against", "aliases": []},
    {"id": "keep", "label": "keep", "family": "presence", "direction": "for", "aliases": []},
    {"id": "grant-asylum", "label": "grant asylum", "family": "asylum", "direction": "for", "aliases": []}
  ]
}"#;

    pub fn small() -> Vocabulary {
        let file = JsonFile::new("vocabulary.json", SMALL);
        let vocabulary = Vocabulary::read(&file);
        assert_eq!(file.into_diagnostics(), vec![]);
        vocabulary
    }

    fn messages(text: &str) -> Vec<String> {
        let file = JsonFile::new("vocabulary.json", text);
        Vocabulary::read(&file);
        file.into_diagnostics().into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_later_layer_replaces_by_id_and_takes_its_words() {
        let news = JsonFile::new(
            "news.json",
            r#"{"entities": [{"id": "iran", "label": "Iran", "kind": "state", "aliases": ["إيران", "طهران"], "adjectives": ["الإيراني"]}],
               "predicates": [
              {"id": "attack", "label": "attack", "family": "attack", "direction": "for", "aliases": ["هجوم", "الاستهداف"]},
              {"id": "visit", "label": "visit", "family": "visit", "direction": "for", "aliases": ["زيارة"]}
            ]}"#,
        );
        let story = JsonFile::new(
            "vocabulary.json",
            r#"{"entities": [{"id": "moscow", "label": "Moscow", "kind": "place", "aliases": ["موسكو"]},
                             {"id": "iran", "label": "Iran (story)", "kind": "state", "aliases": ["إيران"]}],
               "predicates": [
              {"id": "visit", "label": "pay a state visit", "family": "visit", "direction": "for", "aliases": ["زيارة رسمية"]},
              {"id": "threaten", "label": "threaten", "family": "hostility", "direction": "for", "aliases": ["استهداف"]}
            ]}"#,
        );
        let v = Vocabulary::read_layers(&[&news, &story]);
        assert!(news.into_diagnostics().is_empty() && story.into_diagnostics().is_empty());
        let visit = v.predicate_info(v.predicate("visit").unwrap());
        assert_eq!(
            (visit.label.as_str(), visit.aliases.clone()),
            ("pay a state visit", vec!["زيارة رسمية".to_string()])
        );
        // `استهداف` is the story's, with or without the article.
        assert_eq!(
            v.predicate_info(v.predicate("attack").unwrap()).aliases,
            vec!["هجوم".to_string()]
        );
        assert_eq!(v.families, vec!["attack", "visit", "hostility"]);
        assert_eq!(v.own_counts(), (2, 2));
        // An entity the story lists again keeps the earlier names besides its own.
        let iran = v.entity_info(v.entity("iran").unwrap());
        assert_eq!(
            (iran.label.as_str(), iran.aliases.clone(), iran.adjectives.clone()),
            (
                "Iran (story)",
                vec!["إيران".to_string(), "طهران".to_string()],
                vec!["الإيراني".to_string()]
            )
        );
    }

    #[test]
    fn a_name_may_be_within_an_entity_of_a_layer_below_and_a_duplicate_in_one_file_is_still_an_error() {
        let gazetteer = JsonFile::new(
            "gazetteer.json",
            r#"{"entities": [{"id": "syria", "label": "Syria", "kind": "state", "aliases": ["سوريا"]}], "predicates": []}"#,
        );
        let story = JsonFile::new(
            "vocabulary.json",
            r#"{"entities": [
              {"id": "hmeimim", "label": "Hmeimim", "kind": "facility", "aliases": ["حميميم"], "within": ["syria"]},
              {"id": "hmeimim", "label": "again", "kind": "facility", "aliases": ["حميميم"]}
            ], "predicates": []}"#,
        );
        let v = Vocabulary::read_layers(&[&gazetteer, &story]);
        let messages: Vec<String> = story.into_diagnostics().into_iter().map(|d| d.message).collect();
        assert_eq!(messages, vec!["entity `hmeimim` is defined twice"]);
        let (syria, hmeimim) = (v.entity("syria").unwrap(), v.entity("hmeimim").unwrap());
        assert_eq!(v.scope_relation(syria, hmeimim), ScopeRelation::Contains);
    }

    #[test]
    fn open_names_are_added_as_their_own_actors() {
        let mut v = small();
        let before = v.entities.len();
        let open = |id: &str| {
            let entity = Entity {
                id: id.to_string(),
                label: "مكتب حماس".to_string(),
                kind: "open".to_string(),
                aliases: vec!["مكتب حماس".to_string(), "مكتبها".to_string()],
                adjectives: Vec::new(),
            };
            let merged = Merged {
                alias: "مكتبها".to_string(),
                reason: "construct-head",
            };
            (entity, vec![merged])
        };
        v.add_open(vec![open("open-1"), open("open-1")]);
        assert_eq!(v.entities.len(), before + 1);
        let id = v.entity("open-1").unwrap();
        assert_eq!(v.open_entities(), [(id, vec![open("open-1").1[0].clone()])]);
        assert_eq!((v.actor(id), v.ancestors(id)), (id, &[id][..]));
    }

    #[test]
    fn empty_words_and_an_era_that_ends_before_it_begins_are_errors() {
        let text = r#"{"entities": [
            {"id": "a", "label": "A", "kind": "state", "aliases": ["", "ب"], "adjectives": [" "]},
            {"id": "b", "label": "B", "kind": "state", "aliases": [], "from": "2025-01-01", "until": "2024-12-31"}
          ], "predicates": [{"id": "p", "label": "P", "family": "f", "direction": "for", "aliases": [""]}]}"#;
        assert_eq!(
            messages(text),
            [
                "an empty word in `aliases`",
                "an empty word in `adjectives`",
                "`from` (2025-01-01) is after `until` (2024-12-31)",
                "an empty word in `aliases`"
            ]
        );
    }

    /// Long `within` and `counts_as` chains: each closure costs its size, each
    /// chain is walked once (8,000 entities took 70 s and 28 s before).
    #[test]
    fn long_chains_resolve_and_cycles_are_reported_once_per_member() {
        let count = 3_000;
        let entities: Vec<String> = (0..count)
            .map(|i| {
                let next = if i + 1 < count {
                    format!(r#", "within": ["e{}"], "counts_as": "e{}""#, i + 1, i + 1)
                } else {
                    String::new()
                };
                format!(r#"{{"id": "e{i}", "label": "E", "kind": "place", "aliases": []{next}}}"#)
            })
            .collect();
        let file_text = format!(r#"{{"entities": [{}], "predicates": []}}"#, entities.join(","));
        let file = JsonFile::new("vocabulary.json", &file_text);
        let vocabulary = Vocabulary::read(&file);
        assert_eq!(file.into_diagnostics(), vec![]);
        let last = vocabulary.entity(&format!("e{}", count - 1)).unwrap();
        assert_eq!(vocabulary.actor(vocabulary.entity("e0").unwrap()), last);
        let cycle = r#"{"entities": [
            {"id": "a", "label": "A", "kind": "state", "aliases": [], "counts_as": "b"},
            {"id": "b", "label": "B", "kind": "state", "aliases": [], "counts_as": "c"},
            {"id": "c", "label": "C", "kind": "state", "aliases": [], "counts_as": "b"}
          ], "predicates": []}"#;
        assert_eq!(
            messages(cycle),
            [
                "entity `b` counts as itself (a `counts_as` cycle)",
                "entity `c` counts as itself (a `counts_as` cycle)"
            ]
        );
    }

    #[test]
    fn containment_is_transitive_and_overlap_needs_a_shared_part() {
        let v = small();
        let id = |name| v.entity(name).unwrap();
        assert_eq!(v.scope_relation(id("syria"), id("hmeimim")), ScopeRelation::Contains);
        assert_eq!(v.scope_relation(id("hmeimim"), id("syria")), ScopeRelation::Within);
        assert_eq!(v.scope_relation(id("bases"), id("coast")), ScopeRelation::Overlaps);
        assert_eq!(v.scope_relation(id("bases"), id("front")), ScopeRelation::Disjoint);
        assert_eq!(v.scope_relation(id("syria"), id("libya")), ScopeRelation::Disjoint);
    }

    #[test]
    fn subjects_count_as_their_actor() {
        let v = small();
        assert_eq!(
            v.actor(v.entity("russian-forces").unwrap()),
            v.entity("russia").unwrap()
        );
        assert_eq!(v.actor(v.entity("kremlin").unwrap()), v.entity("russia").unwrap());
        assert_eq!(v.actor(v.entity("syria").unwrap()), v.entity("syria").unwrap());
    }

    #[test]
    fn reports_unknown_references_duplicates_and_cycles_together() {
        let text = r#"{"entities": [
  {"id": "a", "label": "A", "kind": "place", "aliases": [], "within": ["b"]},
  {"id": "b", "label": "B", "kind": "place", "aliases": [], "within": ["a"]},
  {"id": "a", "label": "A again", "kind": "place", "aliases": []},
  {"id": "c", "label": "C", "kind": "place", "aliases": [], "within": ["syra"]},
  {"id": "syria", "label": "S", "kind": "place", "aliases": []}
], "predicates": [{"id": "w", "label": "w", "family": "f", "direction": "sideways", "aliases": []}]}"#;
        let file = JsonFile::new("vocabulary.json", text);
        Vocabulary::read(&file);
        let messages: Vec<String> = file.into_diagnostics().into_iter().map(|d| d.message).collect();
        assert!(
            messages.iter().any(|m| m.contains("`a` is defined twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("unknown entity `syra`")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("within itself")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("`sideways`")), "{messages:?}");
    }

    #[test]
    fn eras_bound_the_days_a_shared_name_means_an_entity() {
        let text = r#"{"entities": [
  {"id": "old", "label": "Old", "kind": "government", "aliases": ["الحكومة"], "until": "2024-12-08"},
  {"id": "new", "label": "New", "kind": "government", "aliases": ["الحكومة"], "from": "2024-12-08"},
  {"id": "bad", "label": "Bad", "kind": "government", "aliases": [], "from": "8/12/2024"}
], "predicates": []}"#;
        let file = JsonFile::new("vocabulary.json", text);
        let v = Vocabulary::read(&file);
        let messages: Vec<String> = file.into_diagnostics().into_iter().map(|d| d.message).collect();
        assert_eq!(messages, ["`from` is `8/12/2024`, not a date YYYY-MM-DD"]);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let (old, new) = (v.entity("old").unwrap(), v.entity("new").unwrap());
        assert!(v.in_era(old, day(2019, 1, 1)) && !v.in_era(new, day(2019, 1, 1)));
        assert!(!v.in_era(old, day(2026, 1, 1)) && v.in_era(new, day(2026, 1, 1)));
        assert!(v.in_era(old, day(2024, 12, 8)) && v.in_era(new, day(2024, 12, 8)));
        assert!(v.in_era(v.entity("bad").unwrap(), day(2000, 1, 1)));
    }
}
