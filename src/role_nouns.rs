//! Role nouns (`data/roles.json`, format in `data/README.md`): phrases that
//! name an actor by office or function (`وزير الخارجية`, `المتحدث باسم`,
//! `مصدر`) and how the country or organisation it belongs to follows them.
//! Read and checked like the other data files. Extraction reads a speaker
//! named by a role that speaks for its owner as that owner
//! (`نفى المتحدث باسم الخارجية الإيرانية`: Iran's word).

use std::sync::LazyLock;

use crate::json::{Fields, JsonFile};
use crate::names::{Named, named};
use crate::text::fold;

named! {
    /// The gender the owner's nisba takes after the role (`وزير الخارجية
    /// السعودي`, `وزارة الخارجية السعودية`).
    pub enum Agreement {
        Masculine = "masculine",
        Feminine = "feminine",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoleNoun {
    pub id: String,
    pub label: String,
    /// The entity kind of the actor the role names.
    pub kind: String,
    pub agrees: Agreement,
    /// Phrases the owner's nisba adjective follows, as written.
    pub nisba: Vec<String>,
    /// Phrases the owner's name follows, in construct or after a final preposition.
    pub idafa: Vec<String>,
    /// Entity kinds the owner may have.
    pub owners: Vec<String>,
    /// It names an actor with no owner after it.
    pub alone: bool,
    /// The actor counts as its owner; else it is an unnamed voice of its side.
    pub speaks_for_owner: bool,
    /// Qualifiers may stand between it and its owner.
    pub qualified: bool,
}

/// The entity kind of roles a person holds (`وزير الخارجية`), who has a name of their own.
const PERSON_KIND: &str = "person";

/// A phrase of a role that speaks for its owner (`المتحدث باسم`).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerPhrase {
    /// Its folded words.
    pub words: Vec<String>,
    /// The entity kinds its owner may have.
    pub owners: Vec<String>,
    /// A person holds the role, whose name may follow it (`رئيس بيلاروس
    /// ألكسندر لوكاشينكو`); an office or a body has none (`مكتب الأمم
    /// المتحدة لتنسيق الشؤون الإنسانية` names no one).
    pub held_by_a_person: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoleNouns {
    pub roles: Vec<RoleNoun>,
    /// Adjectives that may stand between a qualified role and its owner (`عسكري`, `رفيع`).
    pub qualifiers: Vec<String>,
    /// Words after a role that say its holder no longer holds it (`السابق`).
    pub former: Vec<String>,
}

static BUNDLED: LazyLock<RoleNouns> =
    LazyLock::new(|| RoleNouns::read(&JsonFile::new(crate::data::ROLES.name, crate::data::ROLES.text)));

impl RoleNouns {
    /// The bundled role nouns (`data/roles.json`).
    pub fn bundled() -> &'static RoleNouns {
        &BUNDLED
    }

    /// The phrases of the roles that speak for their owner, longest first.
    pub fn owner_phrases(&self) -> Vec<OwnerPhrase> {
        let mut phrases: Vec<OwnerPhrase> = self
            .roles
            .iter()
            .filter(|r| r.speaks_for_owner)
            .flat_map(|r| {
                r.nisba.iter().chain(&r.idafa).map(|p| OwnerPhrase {
                    words: fold(p).split_whitespace().map(str::to_string).collect(),
                    owners: r.owners.clone(),
                    held_by_a_person: r.kind == PERSON_KIND,
                })
            })
            .collect();
        phrases.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
        phrases
    }

    /// Reads `file`; problems go to its diagnostics, the roles without one are kept.
    pub fn read(file: &JsonFile) -> RoleNouns {
        let mut nouns = RoleNouns::default();
        let Some(root) = file.parse() else {
            return nouns;
        };
        let Some(top) = file.object(&root, "the role nouns", &["$comment", "qualifiers", "former", "roles"]) else {
            return nouns;
        };
        nouns.qualifiers = phrases(&top, "qualifiers");
        nouns.former = phrases(&top, "former");
        let mut seen_phrases: Vec<(String, String)> = Vec::new();
        for value in top
            .required_array("roles")
            .map(|a| a.elements.as_slice())
            .unwrap_or_default()
        {
            let allowed = [
                "id",
                "label",
                "kind",
                "agrees",
                "nisba",
                "idafa",
                "owners",
                "alone",
                "speaks_for_owner",
                "qualified",
                "note",
            ];
            let Some(fields) = file.object(value, "a role", &allowed) else {
                continue;
            };
            let Some(role) = read_role(file, &fields) else {
                continue;
            };
            if nouns.roles.iter().any(|r| r.id == role.id) {
                file.error(fields.span(), format!("role `{}` is defined twice", role.id));
                continue;
            }
            // One phrase in one form means one role: two would make its reading a guess.
            for (form, list) in [("nisba", &role.nisba), ("idafa", &role.idafa)] {
                for phrase in list {
                    let key = format!("{form} {}", fold(phrase));
                    if let Some((_, other)) = seen_phrases.iter().find(|(k, _)| *k == key) {
                        file.error(
                            fields.span(),
                            format!("`{phrase}` ({form}) is given to `{other}` and `{}`", role.id),
                        );
                    } else {
                        seen_phrases.push((key, role.id.clone()));
                    }
                }
            }
            nouns.roles.push(role);
        }
        nouns
    }
}

fn read_role(file: &JsonFile, fields: &Fields) -> Option<RoleNoun> {
    let id = fields.required_string("id")?;
    if id.value.is_empty()
        || !id
            .value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        file.error(
            id.span,
            format!("id `{}` must be lower-case ASCII letters, digits and `-`", id.value),
        );
        return None;
    }
    let agrees = fields.required_string("agrees")?;
    let Some(agreement) = Agreement::from_name(&agrees.value) else {
        let expected: Vec<&str> = Agreement::names().collect();
        file.error(
            agrees.span,
            format!("agrees `{}` is not one of {}", agrees.value, expected.join(", ")),
        );
        return None;
    };
    let role = RoleNoun {
        label: fields.required_string("label").map(|s| s.value).unwrap_or_default(),
        kind: fields.required_string("kind").map(|s| s.value).unwrap_or_default(),
        agrees: agreement,
        nisba: phrases(fields, "nisba"),
        idafa: phrases(fields, "idafa"),
        owners: fields.strings("owners").into_iter().map(|s| s.value).collect(),
        alone: fields.boolean("alone").is_some_and(|b| b.value),
        speaks_for_owner: fields.boolean("speaks_for_owner").is_some_and(|b| b.value),
        qualified: fields.boolean("qualified").is_some_and(|b| b.value),
        id: id.value,
    };
    if role.nisba.is_empty() && role.idafa.is_empty() {
        file.error(
            fields.span(),
            format!("role `{}` has no phrase in `nisba` or `idafa`", role.id),
        );
        return None;
    }
    if role.owners.is_empty() {
        file.error(fields.span(), format!("role `{}` names no `owners` kind", role.id));
    }
    Some(role)
}

/// The phrases of list `name`; an empty one, which would match nothing, is an error.
fn phrases(fields: &Fields, name: &str) -> Vec<String> {
    let mut kept = Vec::new();
    for phrase in fields.strings(name) {
        if fold(&phrase.value).trim().is_empty() {
            fields.file().error(phrase.span, format!("an empty phrase in `{name}`"));
        } else {
            kept.push(phrase.value);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (RoleNouns, Vec<String>) {
        let file = JsonFile::new("roles.json", text);
        let nouns = RoleNouns::read(&file);
        (nouns, file.into_diagnostics().into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn the_bundled_roles_read_without_a_problem() {
        let (nouns, problems) = read(include_str!("../data/roles.json"));
        assert_eq!(problems, Vec::<String>::new());
        let role = |id: &str| nouns.roles.iter().find(|r| r.id == id).unwrap();
        let minister = role("foreign-minister");
        assert_eq!(
            (minister.kind.as_str(), minister.agrees),
            ("person", Agreement::Masculine)
        );
        assert!(minister.nisba.iter().any(|p| p == "وزير الخارجية") && minister.speaks_for_owner);
        let source = role("source");
        assert!(source.kind == "source" && !source.speaks_for_owner && source.qualified);
        assert_eq!(role("foreign-ministry").agrees, Agreement::Feminine);
        assert!(nouns.qualifiers.iter().any(|q| q == "رفيع"));
        assert!(nouns.former.iter().any(|f| f == "السابق"));
    }

    #[test]
    fn a_role_with_a_problem_is_reported_and_the_others_kept() {
        let text = r#"{"roles": [
          {"id": "envoy", "label": "envoy", "kind": "person", "agrees": "masculine",
           "nisba": ["المبعوث"], "idafa": [], "owners": ["state"], "alone": true, "speaks_for_owner": true},
          {"id": "Envoy", "label": "x", "kind": "person", "agrees": "masculine", "nisba": ["س"], "owners": ["state"]},
          {"id": "king", "label": "king", "kind": "person", "agrees": "male", "nisba": ["الملك"], "owners": ["state"]},
          {"id": "empty", "label": "e", "kind": "person", "agrees": "feminine", "nisba": [" "], "owners": []},
          {"id": "envoy-again", "label": "envoy", "kind": "person", "agrees": "masculine",
           "nisba": ["المبعوث"], "owners": ["state"], "colour": "red"},
          {"id": "envoy", "label": "envoy", "kind": "person", "agrees": "masculine", "idafa": ["مبعوث"], "owners": ["state"]}
        ]}"#;
        let (nouns, problems) = read(text);
        assert_eq!(
            problems,
            [
                "id `Envoy` must be lower-case ASCII letters, digits and `-`",
                "agrees `male` is not one of masculine, feminine",
                "an empty phrase in `nisba`",
                "role `empty` has no phrase in `nisba` or `idafa`",
                "unknown field `colour` in a role",
                "`المبعوث` (nisba) is given to `envoy` and `envoy-again`",
                "role `envoy` is defined twice",
            ]
        );
        let ids: Vec<&str> = nouns.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["envoy", "envoy-again"]);
    }

    #[test]
    fn no_file_and_a_file_of_another_shape_are_problems_not_panics() {
        assert_eq!(read("").1.len(), 1);
        let (nouns, problems) = read(r#"{"roles": 3, "former": [1]}"#);
        assert_eq!(nouns, RoleNouns::default());
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
