//! Grammar fixtures for the unit tests: each test writes the few entities,
//! predicates and cues its sentences need, so that editing the bundled data
//! in `data/` changes no grammar test.

use serde_json::{Map, Value};

use super::{Cues, Extractor};
use crate::json::JsonFile;
use crate::model::Attribution;
use crate::vocab::Vocabulary;

/// Which entity kinds play which role, for a lexicon that does not say.
const ROLES: &str = r#"{
    "agent": ["state", "armed-force", "organisation", "person", "government", "armed-group", "open"],
    "scope": ["place", "facility", "topic", "event", "person", "government", "state", "armed-force", "armed-group", "organisation", "open"],
    "speaker": ["person", "organisation", "source", "media", "state", "government"],
    "reporter": ["source"]
}"#;

pub struct Grammar {
    pub vocabulary: Vocabulary,
    cues: Cues,
}

impl Grammar {
    /// A vocabulary of `entities` and `predicates`, each the objects of its
    /// array (a label, and a predicate's family and direction, may be left
    /// out), and a lexicon of the fields in `lexicon`, with [`ROLES`] unless
    /// it has roles of its own.
    pub fn new(entities: &str, predicates: &str, lexicon: &str) -> Grammar {
        let entities = objects(entities, &[("label", None)]);
        let predicates = objects(
            predicates,
            &[("label", None), ("family", None), ("direction", Some("for"))],
        );
        let vocabulary_text = Value::Object(Map::from_iter([
            ("entities".to_string(), entities),
            ("predicates".to_string(), predicates),
        ]))
        .to_string();
        let file = JsonFile::new("vocabulary.json", &vocabulary_text);
        let vocabulary = Vocabulary::read(&file);
        let diagnostics = file.into_diagnostics();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut lexicon: Map<String, Value> = serde_json::from_str(&format!("{{{lexicon}}}")).expect("lexicon fields");
        lexicon
            .entry("roles")
            .or_insert_with(|| serde_json::from_str(ROLES).expect("roles"));
        let lexicon_text = Value::Object(lexicon).to_string();
        let file = JsonFile::new("lexicon.json", &lexicon_text);
        let cues = Cues::read(&file, &vocabulary, false);
        let diagnostics = file.into_diagnostics();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        Grammar { vocabulary, cues }
    }

    pub fn cues(&self) -> &Cues {
        &self.cues
    }

    pub fn extractor(&self) -> Extractor<'_> {
        Extractor::new(&self.vocabulary, &self.cues)
    }

    /// Each claim of `text` as `subject predicate object polarity modality attribution extent`.
    pub fn claims(&self, text: &str) -> Vec<String> {
        let vocabulary = &self.vocabulary;
        self.extractor()
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
}

impl Grammar {
    /// Each claim of `text` with a count as `predicate object count counted`.
    pub fn counts(&self, text: &str) -> Vec<String> {
        let vocabulary = &self.vocabulary;
        self.extractor()
            .extract(text, None)
            .iter()
            .map(|c| {
                let count = c.count.as_ref().map_or_else(
                    || "no-count".to_string(),
                    |count| format!("{} {}", count.amount, count.counted.as_deref().unwrap_or("-")),
                );
                format!(
                    "{} {} {count}",
                    vocabulary.predicate_info(c.predicate).id,
                    vocabulary.entity_info(c.object).id
                )
            })
            .collect()
    }
}

/// The JSON objects in `list`, each field of `defaults` filled in when
/// missing: with its value, or with the object's id.
fn objects(list: &str, defaults: &[(&str, Option<&str>)]) -> Value {
    let mut objects: Vec<Map<String, Value>> = serde_json::from_str(&format!("[{list}]")).expect("fixture objects");
    for object in &mut objects {
        let id = object["id"].clone();
        for &(field, default) in defaults {
            object
                .entry(field)
                .or_insert_with(|| default.map_or_else(|| id.clone(), Value::from));
        }
    }
    Value::Array(objects.into_iter().map(Value::Object).collect())
}
