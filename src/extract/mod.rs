//! Extraction stage: Arabic article text → claims. For every predicate
//! mention (a vocabulary alias, met through clitics and inflections) it finds
//! the subject and the object around it, the negation that reaches it, the
//! modality and attribution of its sentence, and the extent words of its
//! clause. Every rule that decides is named in the claim, with a confidence.
//!
//! Pure: no I/O. Word lists come from the vocabulary and `lexicon.json`.
//! `index` finds the phrases of a sentence, `sentence` reads it trigger by
//! trigger, `unclaimed` sets aside what makes no claim, `claim` puts a
//! claim together from its `roles` (subject and speaker; `object`) and
//! `qualifiers`; `params` holds the rules' reach and costs.

mod anaphora;
mod claim;
mod context;
mod counts;
pub mod cues;
mod denials;
mod index;
mod object;
mod open;
mod params;
mod qualifiers;
mod roles;
mod sentence;
mod unclaimed;

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::ThreadPoolBuilder;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::model::{Attribution, Count, Extent, Modality, Polarity};
use crate::role_nouns::OwnerPhrase;
use crate::text::{self, Words, after_sin, fold, sentences};
use crate::vocab::{EntityId, PredicateId, Vocabulary};
pub use cues::Cues;
use denials::TextFindings;
use index::{Index, WordCache};
pub use open::OPEN_KIND;
use params::Params;
use roles::Roles;
use sentence::Found;

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
    /// The count nearest the trigger in its clause, for a predicate that counts.
    pub count: Option<Count>,
    /// Which rules found the subject and the object (`after-trigger+marked-object`).
    pub rule: String,
    /// 0–1: how directly the rules found the parts; two decimals.
    pub confidence: f64,
}

pub struct Extractor<'v> {
    vocabulary: &'v Vocabulary,
    index: Index,
    /// Per entity.
    roles: Vec<Roles>,
    /// Per predicate: folded prepositions that introduce its object.
    markers: Vec<Vec<String>>,
    params: Params,
    /// Folded prepositions of place (`في`, `داخل`): a name after one may be any predicate's scope.
    scope_prepositions: Vec<String>,
    /// Folded words of comparison: a name after one is no object.
    comparisons: Vec<String>,
    abbreviations: Vec<String>,
    undecided_about: Option<PredicateId>,
    /// Folded one-word predicate aliases, to tell `التخلي` (an alias) from `التركي` (not `ترك`).
    one_word_triggers: FxHashSet<String>,
    not_names: FxHashSet<String>,
    /// Role phrases that speak for their owner (`المتحدث باسم`), longest first.
    owner_roles: Vec<OwnerPhrase>,
    /// Folded words after a role's owner that say its holder left the office
    /// (`السابق`): the role then speaks for no one.
    former: FxHashSet<String>,
    /// The first words of `owner_roles`, to find where one may start.
    owner_role_starts: FxHashSet<String>,
    /// Folded anaphoric nouns (`الحركة`): after an open name's head, that name.
    anaphoric_nouns: Vec<String>,
    /// Folded nouns of a kind of place (`بلده`): before an open name, that name.
    place_nouns: FxHashSet<String>,
    /// Folded nouns of an undertaking (`الاتفاق`), with and without the article.
    undertakings: FxHashSet<String>,
    /// Per entity, whether it is an open name of the corpus.
    open: Vec<bool>,
    /// Per predicate, the letters after a leading س in its aliases: `سيطر`
    /// starts with سي, so `سيطرت` is no future `سـ` + `يطر`.
    own_sin: Vec<Vec<char>>,
    /// The subject of a toll whose cause its sentence does not name.
    unnamed_agent: Option<EntityId>,
    /// The corpus's time words: `الأسبوع الماضي` after a verb is no subject.
    time_words: &'v crate::time::Lexicon,
}

/// A name of the vocabulary met in a text: an entity's alias or adjective, or a predicate's trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    Entity(EntityId),
    Predicate(PredicateId),
}

/// What one thread reuses from sentence to sentence and text to text.
#[derive(Default)]
struct Scratch {
    cache: WordCache,
    words: Words,
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
        let mut params = Params::default();
        if let Some(reach) = cues.negation_reach {
            params.reach.negation = reach;
        }
        Extractor {
            vocabulary,
            index: Index::new(vocabulary, cues),
            roles,
            markers,
            params,
            scope_prepositions: cues.scope_prepositions.iter().map(|p| fold(p)).collect(),
            comparisons: cues.comparisons.iter().map(|p| fold(p)).collect(),
            abbreviations: cues.abbreviations.iter().map(|a| fold(a)).collect(),
            undecided_about: cues.undecided_about.as_deref().and_then(|p| vocabulary.predicate(p)),
            own_sin: vocabulary
                .predicates
                .iter()
                .map(|p| p.aliases.iter().filter_map(|a| after_sin(&fold(a))).collect())
                .collect(),
            not_names: cues.not_names.iter().map(|w| fold(w)).collect(),
            owner_roles: crate::role_nouns::RoleNouns::bundled().owner_phrases(),
            former: crate::role_nouns::RoleNouns::bundled()
                .former
                .iter()
                .map(|w| fold(w))
                .collect(),
            owner_role_starts: crate::role_nouns::RoleNouns::bundled()
                .owner_phrases()
                .into_iter()
                .filter_map(|phrase| phrase.words.into_iter().next())
                .collect(),
            anaphoric_nouns: cues.anaphoric_nouns.iter().map(|w| fold(w)).collect(),
            place_nouns: cues.place_nouns.iter().map(|w| fold(w)).collect(),
            undertakings: cues.undertakings.iter().map(|w| fold(w)).collect(),
            unnamed_agent: vocabulary.unnamed_agent(),
            open: {
                let mut open = vec![false; vocabulary.entities.len()];
                for (id, _) in vocabulary.open_entities() {
                    open[id.0 as usize] = true;
                }
                open
            },
            time_words: crate::time::Lexicon::bundled(),
            one_word_triggers: vocabulary
                .predicates
                .iter()
                .flat_map(|p| &p.aliases)
                .map(|a| fold(a))
                .filter(|a| !a.contains(' '))
                .collect(),
        }
    }

    /// Reads time words with the corpus's own list instead of the bundled one.
    pub fn with_time_words(self, time_words: &'v crate::time::Lexicon) -> Extractor<'v> {
        Extractor { time_words, ..self }
    }

    /// The claims of each article (its text and publication day), on `jobs`
    /// threads; each run of texts a thread takes on has its own word cache and
    /// buffers. Results come back in input order, identical to a sequential
    /// run. `done` is called after each text with the number finished so far.
    /// A denial of the reports on a topic negates the events the articles
    /// tell about it (`denials`).
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
            let found = pool.install(|| articles.par_iter().map_init(Scratch::default, extract).collect());
            return denials::deny_reported_events(found, |e| self.vocabulary.actor(e));
        }
        // One job, or no threads to be had: in this thread, in order.
        let mut scratch = Scratch::default();
        let found = articles.iter().map(|article| extract(&mut scratch, article)).collect();
        denials::deny_reported_events(found, |e| self.vocabulary.actor(e))
    }

    /// The vocabulary's names in each text, with their byte spans, in text
    /// order: what the phrase index finds (through clitics, leftmost-longest),
    /// before any rule reads them. For a corpus's vocabulary draft.
    pub fn listed_names(&self, texts: &[&str]) -> Vec<Vec<(Range<usize>, Listed)>> {
        let mut scratch = Scratch::default();
        let mut names_of = |text: &str| {
            let mut names = Vec::new();
            for sentence in sentences(text, &self.abbreviations) {
                text::words_into(text, sentence, &mut scratch.words);
                let first = names.len();
                for mention in self.index.mentions(&scratch.words, &mut scratch.cache) {
                    let listed = match mention.sense {
                        index::Sense::Entity(e) | index::Sense::EntityAdjective(e) => Listed::Entity(e),
                        index::Sense::Predicate(p) => Listed::Predicate(p),
                        _ => continue,
                    };
                    // Two aliases of one entry may meet the same words (`سوريا`, `سورية`): one name.
                    let name = (scratch.words.bytes(mention.words), listed);
                    if !names[first..].contains(&name) {
                        names.push(name);
                    }
                }
            }
            names
        };
        texts.iter().map(|text| names_of(text)).collect()
    }

    /// The claims of `text`, in text order. `published` decides what a name
    /// shared by entities of different eras means (vocabulary `from`/`until`).
    pub fn extract(&self, text: &str, published: Option<NaiveDate>) -> Vec<Extracted> {
        let found = self.extract_with(text, published, &mut Scratch::default());
        denials::deny_reported_events(vec![found], |e| self.vocabulary.actor(e))
            .pop()
            .unwrap_or_default()
    }

    fn extract_with(&self, text: &str, published: Option<NaiveDate>, scratch: &mut Scratch) -> TextFindings {
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
        TextFindings {
            claims: found.claims,
            denials: found.denials,
        }
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
}

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::JsonFile;
    use testing::Grammar;

    #[test]
    fn a_headline_the_body_repeats_is_the_body_claim_with_its_extent() {
        let grammar = Grammar::new(
            r#"
              {"id": "russia", "kind": "state", "aliases": ["روسيا", "الروس"], "adjectives": ["الروسي"]},
              {"id": "russian-forces", "kind": "armed-force", "aliases": ["القوات الروسية"], "counts_as": "russia"},
              {"id": "tartus", "kind": "facility", "aliases": ["طرطوس"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "الانسحاب"],
                 "object_kinds": ["place", "facility"], "object_markers": ["من", "عن"]}
            "#,
            r#"
              "modality": {"question": ["ماذا"], "presupposing_question": ["لماذا"]},
              "attribution": {"verbs": ["قال"]},
              "extent": {"partial": ["بشكل جزئي", "بدأ", "بدأت"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"],
              "demonstratives": ["هذا"],
              "complementizers": ["أن"]
            "#,
        );
        let text = "انسحاب روسيا من طرطوس\n\nبدأ انسحاب روسيا من طرطوس بشكل جزئي هذا الأسبوع. وقال مسؤول إن الأمر طبيعي.";
        let extractor_claims = grammar.extractor().extract(text, None);
        assert_eq!(extractor_claims.len(), 1);
        assert!(extractor_claims[0].span.start > text.find("بدأ").unwrap() - 1);
        assert_eq!(extractor_claims[0].extent, Extent::Partial);
        // In other words, the headline stays a claim of its own and takes the body's extent.
        assert_eq!(
            grammar.claims("لماذا الانسحاب الروسي من طرطوس؟\n\nبدأت القوات الروسية الانسحاب من طرطوس بشكل جزئي."),
            [
                "russia withdraw tartus affirmed asserted outlet partial",
                "russian-forces withdraw tartus affirmed asserted outlet partial"
            ]
        );
    }

    /// A bare headline is the event its body qualifies: partial when the body
    /// says so in any of its words (`جزئي`, `بعض القوات`, `ليس نهائيا`).
    #[test]
    fn a_bare_headline_takes_the_partial_extent_its_body_gives() {
        let grammar = Grammar::new(
            r#"
              {"id": "iran", "kind": "state", "aliases": ["إيران"]},
              {"id": "iranian-forces", "kind": "armed-force", "aliases": ["القوات الإيرانية"], "counts_as": "iran"},
              {"id": "iraq", "kind": "place", "aliases": ["العراق"]}
            "#,
            r#"
              {"id": "withdraw", "aliases": ["انسحاب", "انسحبت"],
                 "object_kinds": ["place"], "object_markers": ["من"]}
            "#,
            r#"
              "extent": {"partial": ["جزئي", "بعض", "ليس نهائيا"], "full": ["نهائيا"]},
              "negation": {"before": ["ليس"]},
              "prepositions": ["من"],
              "scope_prepositions": ["من"]
            "#,
        );
        for body in [
            "وأعلنت طهران انسحاب إيران من العراق انسحابا جزئيا هذا الأسبوع.",
            "وقد انسحبت بعض القوات الإيرانية من العراق خلال الأيام الماضية.",
            "ويبقى انسحاب إيران من العراق ليس نهائيًا بحسب المراقبين في المنطقة.",
        ] {
            let claims = grammar.claims(&format!("انسحاب إيران من العراق\n\n{body}"));
            assert!(!claims.is_empty(), "{body}");
            assert!(
                claims.iter().all(|c| c.ends_with(" affirmed asserted outlet partial")),
                "{body}: {claims:?}"
            );
        }
    }

    fn bundled_claims(text: &str) -> Vec<String> {
        let vocabulary = Vocabulary::read(&JsonFile::new("vocabulary.json", crate::data::VOCABULARY.text));
        let cues = Cues::read(
            &JsonFile::new("lexicon.json", crate::data::LEXICON.text),
            &vocabulary,
            true,
        );
        Extractor::new(&vocabulary, &cues)
            .extract(text, None)
            .iter()
            .map(|c| {
                format!(
                    "{} {} {:?} {:?}",
                    vocabulary.predicate_info(c.predicate).id,
                    vocabulary.entity_info(c.object).id,
                    c.polarity,
                    c.extent
                )
            })
            .collect()
    }

    /// Bundled data: concentrating forces in a place keeps a presence there;
    /// it moves none in, and focusing on something (`تركز على`) is no event.
    #[test]
    fn concentrating_in_a_place_is_keeping_a_presence() {
        for sentence in [
            "قررت روسيا تركيز قواتها في قاعدة طرطوس.",
            "وتتمركز القوات الروسية في قاعدة طرطوس منذ سنوات.",
            "بدأ الجيش الروسي تجميع قواته في قاعدة طرطوس.",
        ] {
            let claims = bundled_claims(sentence);
            assert!(
                claims.iter().any(|c| c.starts_with("keep-presence tartus")),
                "{sentence}: {claims:?}"
            );
            assert!(
                !claims.iter().any(|c| c.starts_with("deploy-to")),
                "{sentence}: {claims:?}"
            );
        }
        assert!(bundled_claims("تركز الحكومة السورية على الاقتصاد في دمشق.").is_empty());
    }

    /// On the bundled vocabulary and lexicon, as a user without files of their own gets them.
    #[test]
    fn parallel_extraction_matches_sequential() {
        let vocabulary = Vocabulary::read(&JsonFile::new("vocabulary.json", crate::data::VOCABULARY.text));
        let cues = Cues::read(
            &JsonFile::new("lexicon.json", crate::data::LEXICON.text),
            &vocabulary,
            true,
        );
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
