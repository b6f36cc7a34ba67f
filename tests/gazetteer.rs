//! The bundled gazetteer (`data/gazetteer.json`, made by
//! `scripts/gazetteer/make_gazetteer.py`): it reads as a vocabulary with no
//! diagnostic, a name means two entities only where one contains the other
//! or the sharing is listed below, and nisba adjectives and names find their
//! states through extraction's own lookups.

use std::collections::BTreeMap;

use tanaqud::extract::{Cues, Extractor};
use tanaqud::json::JsonFile;
use tanaqud::model::Attribution;
use tanaqud::text::fold;
use tanaqud::vocab::{ScopeRelation, Vocabulary};

const GAZETTEER: &str = include_str!("../data/gazetteer.json");

/// Names two entities share though neither contains the other, each with its
/// reason (also in data/README.md).
const SHARED: &[(&str, &str, &str)] = &[(
    "عمان",
    "amman oman",
    "عمّان and عُمان are written alike once their vowels are folded away",
)];

fn gazetteer() -> Vocabulary {
    let file = JsonFile::new("gazetteer.json", GAZETTEER);
    let vocabulary = Vocabulary::read(&file);
    assert_eq!(file.into_diagnostics(), vec![]);
    vocabulary
}

#[test]
fn reads_as_a_vocabulary_with_no_diagnostic() {
    let v = gazetteer();
    let kinds = v.entities.iter().fold(BTreeMap::new(), |mut counts, e| {
        *counts.entry(e.kind.as_str()).or_insert(0) += 1;
        counts
    });
    assert!(kinds["state"] >= 240, "{kinds:?}");
    assert!(kinds["place"] >= 100, "{kinds:?}");
    assert!(v.predicates.is_empty());
    // Every entity has a name to be found by.
    for e in &v.entities {
        assert!(!e.aliases.is_empty(), "{} has no alias", e.id);
    }
    let id = |name| v.entity(name).unwrap_or_else(|| panic!("no entity {name}"));
    assert_eq!(v.scope_relation(id("syria"), id("aleppo")), ScopeRelation::Contains);
    assert_eq!(v.scope_relation(id("erbil"), id("iraq")), ScopeRelation::Within);
    assert_eq!(v.scope_relation(id("rafah"), id("palestine")), ScopeRelation::Within);
    assert_eq!(v.scope_relation(id("jerusalem"), id("israel")), ScopeRelation::Disjoint);
    assert_eq!(v.actor(id("pentagon")), id("united-states"));
    assert_eq!(v.actor(id("un-security-council")), id("united-nations"));
}

#[test]
fn a_name_is_shared_only_by_a_place_and_what_contains_it_or_as_listed() {
    let v = gazetteer();
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in v.entities.iter().enumerate() {
        for word in e.aliases.iter().chain(&e.adjectives) {
            let owners = by_key.entry(fold(word)).or_default();
            if !owners.contains(&i) {
                owners.push(i);
            }
        }
    }
    let mut unexplained = Vec::new();
    let mut contained = 0;
    for (key, owners) in by_key.iter().filter(|(_, owners)| owners.len() > 1) {
        let ids = |list: &[usize]| {
            let mut ids: Vec<&str> = list.iter().map(|&i| v.entities[i].id.as_str()).collect();
            ids.sort_unstable();
            ids.join(" ")
        };
        let nested = owners.len() == 2 && {
            let [a, b] = [owners[0], owners[1]].map(|i| tanaqud::vocab::EntityId(i as u32));
            matches!(v.scope_relation(a, b), ScopeRelation::Contains | ScopeRelation::Within)
        };
        if nested {
            contained += 1;
        } else if !SHARED.iter().any(|&(k, who, _)| fold(k) == *key && who == ids(owners)) {
            unexplained.push(format!("{key}: {}", ids(owners)));
        }
    }
    assert_eq!(unexplained, Vec::<String>::new());
    // The capitals whose names stand for their states.
    assert!(contained >= 50, "{contained}");
}

/// The gazetteer with a predicate of movement, read with the bundled lexicon
/// (which names `keep-presence`).
fn with_withdraw() -> (Vocabulary, Cues) {
    let predicate = r#""predicates": [{"id": "withdraw", "label": "withdraw", "family": "presence",
        "direction": "against", "aliases": ["انسحب", "انسحاب"], "object_kinds": ["place", "state"],
        "object_markers": ["من"]},
        {"id": "keep-presence", "label": "keep", "family": "presence", "direction": "for", "aliases": []}]"#;
    let text = GAZETTEER.replace(r#""predicates": []"#, predicate);
    let file = JsonFile::new("vocabulary.json", &text);
    let vocabulary = Vocabulary::read(&file);
    assert_eq!(file.into_diagnostics(), vec![]);
    let lexicon = JsonFile::new(tanaqud::data::LEXICON.name, tanaqud::data::LEXICON.text);
    let cues = Cues::read(&lexicon, &vocabulary, false);
    assert_eq!(lexicon.into_diagnostics(), vec![]);
    (vocabulary, cues)
}

/// Subject and object ids of each claim `sentence` yields.
fn claims(vocabulary: &Vocabulary, cues: &Cues, sentence: &str) -> Vec<String> {
    Extractor::new(vocabulary, cues)
        .extract(sentence, None)
        .iter()
        .map(|c| {
            let speaker = match c.attribution {
                Attribution::Entity(e) => format!(" said {}", vocabulary.entity_info(e).id),
                Attribution::Outlet => String::new(),
            };
            let [subject, object] = [c.subject, c.object].map(|e| vocabulary.entity_info(e).id.as_str());
            format!("{subject} {object}{speaker}")
        })
        .collect()
}

#[test]
fn nisba_adjectives_and_capitals_name_their_states() {
    let (v, cues) = with_withdraw();
    let claims = |sentence| claims(&v, &cues, sentence);
    // Masculine and feminine, with and without the article, sound plurals.
    assert_eq!(claims("انسحبت القوات السورية من حلب."), ["syria aleppo"]);
    assert_eq!(claims("انسحب الجيش الأمريكي من العراق."), ["united-states iraq"]);
    assert_eq!(claims("انسحب الجيش الأميركي من العراق."), ["united-states iraq"]);
    assert_eq!(claims("انسحبت القوات الإماراتية من عدن."), ["united-arab-emirates aden"]);
    assert_eq!(claims("انسحب جنود بريطانيون من البصرة."), ["united-kingdom basra"]);
    assert_eq!(claims("انسحبت وحدات إيرانية من دير الزور."), ["iran deir-ez-zor"]);
    assert_eq!(claims("انسحب المقاتلون اليمنيون من الحديدة."), ["yemen hodeidah"]);
    assert_eq!(claims("انسحبت القوات المصرية من سيناء."), ["egypt sinai"]);
    // Hand-written forms the rule does not make.
    assert_eq!(claims("انسحبت القوات النمساوية من لبنان."), ["austria lebanon"]);
    assert_eq!(
        claims("انسحبت القوات الكورية الجنوبية من لبنان."),
        ["south-korea lebanon"]
    );
    // A capital speaks for its state; a city is a place of its state.
    assert_eq!(claims("أعلنت موسكو الانسحاب من خاركيف."), ["russia kharkiv said russia"]);
    assert_eq!(
        claims("أعلنت أنقرة انسحاب قواتها من إدلب."),
        ["turkey idlib said turkey"]
    );
    // The Islamic Republic is Iran; the others are named with their nisba, the longer name winning.
    assert_eq!(claims("انسحبت قوات الجمهورية الإسلامية من سوريا."), ["iran syria"]);
    assert_eq!(
        claims("انسحبت قوات الجمهورية الإسلامية الموريتانية من ليبيا."),
        ["mauritania libya"]
    );
    // A name ending in يا is no adjective in يـ + ا: an object.
    assert_eq!(claims("انسحبت القوات التركية من سوريا."), ["turkey syria"]);
    assert_eq!(claims("انسحبت القوات الروسية من أوكرانيا."), ["russia ukraine"]);
    assert_eq!(claims("انسحبت القوات الأمريكية من الصومال."), ["united-states somalia"]);
    // غزة alone is the Strip, as in news; the city is مدينة غزة.
    assert_eq!(claims("انسحب الجيش الإسرائيلي من غزة."), ["israel gaza-strip"]);
    assert_eq!(claims("انسحب الجيش الإسرائيلي من مدينة غزة."), ["israel gaza-city"]);
}
