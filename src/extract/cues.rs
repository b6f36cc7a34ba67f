//! The extraction lexicon (`lexicon.json`): function words and phrases for
//! negation, modality, questions, attribution and extent, which entity kinds
//! play which role, and the abbreviations a full stop may follow. Read with
//! every problem collected, like the vocabulary.

use crate::diag::{Diagnostic, nearest};
use crate::json::{Fields, JsonFile};
use crate::vocab::Vocabulary;

#[derive(Clone, Debug, Default)]
pub struct Cues {
    pub negation: Vec<String>,
    pub denial: Vec<String>,
    /// How many words before a predicate a negation word still reaches, when
    /// the lexicon says (else the rules' default reach).
    pub negation_reach: Option<usize>,
    /// Verbs of avoidance (`تتجنب`): the event after one is negated and only
    /// aimed at, not asserted (an aim not to do it: `expected`).
    pub avoidance: Vec<String>,
    /// `لا تزال`, `لم يزل`: still so; their `لا` and `لم` negate nothing.
    pub continuity: Vec<String>,
    /// Nouns of what others report (`التقارير`, `الأنباء`, `ما تردد`): what
    /// a sentence calls them false in is denied, whether they name an event
    /// (`التقارير عن انسحاب روسيا غير دقيقة`) or only its topic
    /// (`التقارير المتعلقة بمستقبل المكتب غير دقيقة`).
    pub report_nouns: Vec<String>,
    /// Words that call reports false (`غير دقيقة`, `عارية عن الصحة`, `لا صحة`).
    pub falsity: Vec<String>,
    /// Nouns naming the two parties of an event told before (`الرجلين`,
    /// `الطرفان`): a predicate they stand by takes that event's parties.
    pub pair_anaphors: Vec<String>,
    /// Verbs saying an event took place (`جرت`, `عقدت`): after a
    /// relative pronoun or before a definite event noun, they tell again the
    /// event an earlier claim named.
    pub occurred: Vec<String>,
    /// Nouns of an encounter in general (`المناقشة`, `المحادثات`): with a
    /// verb of occurrence, they stand for the last meeting or talks told.
    pub encounter_nouns: Vec<String>,
    pub question: Vec<String>,
    pub undecided: Vec<String>,
    pub expected: Vec<String>,
    pub hedged: Vec<String>,
    /// The predicate an undecided cue with a scope and no predicate of its own
    /// is about (`لم يتخذ قرارا بشأن القواعد`: keeping them is undecided).
    pub undecided_about: Option<String>,
    /// Hedges only before an imperfect verb: `قد تنسحب` may, `قد انسحبت` has.
    pub hedged_before_imperfect: Vec<String>,
    pub reported: Vec<String>,
    pub attribution_verbs: Vec<String>,
    /// Verbs of accusation (`اتهم`, `حمّل … مسؤولية`): the accuser says the
    /// accused did the event after it.
    pub accusations: Vec<String>,
    pub attribution_prepositions: Vec<String>,
    pub partial: Vec<String>,
    pub full: Vec<String>,
    pub prepositions: Vec<String>,
    /// Prepositions of place (`في`, `داخل`): a name after
    /// one may be the scope of any predicate, whatever prepositions its object
    /// takes; after any other (`بين`, `مع`) only of a predicate that lists it.
    pub scope_prepositions: Vec<String>,
    /// Words of comparison (`مقارنة`، `قياسا`): a name right after one, or
    /// after one and a preposition, is compared, never a predicate's object.
    pub comparisons: Vec<String>,
    /// A predicate right after one has its subject before it (`التي دعمت`).
    pub relative_pronouns: Vec<String>,
    /// A predicate right after one points back to an earlier claim (`هذا الانسحاب`).
    pub demonstratives: Vec<String>,
    /// A predicate shortly after one is requested, intended or aimed at, not
    /// claimed (`دعا إلى الانسحاب`, `لضمان الانسحاب`).
    pub unasserted: Vec<String>,
    /// Phrases that begin like a predicate alias but mean something else
    /// (`بحث عن`, searched for): as the longer match they hide the alias.
    pub other_meanings: Vec<String>,
    /// Words that begin a clause inside the sentence (`بأن موسكو …`): a
    /// predicate's object is not looked for past one.
    pub complementizers: Vec<String>,
    /// After a noun predicate, the event is yet to come (`لقاء قريب`, `الاجتماع المقبل`).
    pub expected_after: Vec<String>,
    /// Question words that take the event asked about as given (`لماذا الانسحاب؟`).
    pub presupposing_questions: Vec<String>,
    /// Entity kinds that can do things (subjects).
    pub agent_kinds: Vec<String>,
    /// Entity kinds that can be a claim's scope (objects).
    pub scope_kinds: Vec<String>,
    /// Entity kinds that can be quoted (attribution).
    pub speaker_kinds: Vec<String>,
    /// Speaker kinds whose claims are passed on second-hand (modality `reported`).
    pub reporter_kinds: Vec<String>,
    pub abbreviations: Vec<String>,
    /// Words that are never part of an open name (pronouns, particles, auxiliaries).
    pub not_names: Vec<String>,
    /// Definite nouns that stand for a name told before (`الحركة` for `حماس`):
    /// after the head of an open name, they are that name (`مكتب الحركة`).
    pub anaphoric_nouns: Vec<String>,
    /// Nouns of a kind of settlement or territory (`بلدة`, `مخيم`): before a
    /// place's name they are that place (`بلدة مجدل شمس` = `مجدل شمس`).
    pub place_nouns: Vec<String>,
    /// Nouns of an undertaking (`الاتفاق`, `جهود`, `المفاوضات`): right after a
    /// predicate's own preposition they are its object (`الانسحاب من
    /// الاتفاق`), so no place named after them is.
    pub undertakings: Vec<String>,
}

/// The lexicon's top-level fields.
const TOP_FIELDS: &[&str] = &[
    "$comment",
    "negation",
    "reports",
    "anaphora",
    "modality",
    "attribution",
    "extent",
    "prepositions",
    "scope_prepositions",
    "comparisons",
    "roles",
    "relative_pronouns",
    "demonstratives",
    "unasserted",
    "other_meanings",
    "complementizers",
    "abbreviations",
    "not_names",
    "anaphoric_nouns",
    "place_nouns",
    "undertakings",
];

const MODALITY_FIELDS: &[&str] = &[
    "question",
    "presupposing_question",
    "undecided",
    "expected",
    "hedged",
    "hedged_before_imperfect",
    "reported",
    "expected_after",
    "undecided_about",
];

impl Cues {
    /// Reads `file`; problems go to its diagnostics. Kinds that no entity of
    /// `vocabulary` has are warned about, with the nearest kind suggested,
    /// when `check_kinds` (a corpus's own lexicon; the bundled one lists kinds
    /// a small vocabulary may not use).
    pub fn read(file: &JsonFile, vocabulary: &Vocabulary, check_kinds: bool) -> Cues {
        let mut cues = Cues::default();
        let Some(root) = file.parse() else {
            return cues;
        };
        let Some(top) = file.object(&root, "the lexicon", TOP_FIELDS) else {
            return cues;
        };
        let section = |name: &str, allowed: &[&str]| -> Option<Fields> {
            let value = top.get(name)?;
            file.object(value, &format!("`{name}`"), allowed)
        };
        if let Some(negation) = section("negation", &["before", "denial", "avoidance", "continuity", "reach"]) {
            cues.negation = words(&negation, "before");
            cues.denial = words(&negation, "denial");
            cues.avoidance = words(&negation, "avoidance");
            cues.continuity = words(&negation, "continuity");
            cues.negation_reach = negation.integer("reach").map(|reach| reach.value.min(20) as usize);
        }
        if let Some(reports) = section("reports", &["nouns", "false"]) {
            cues.report_nouns = words(&reports, "nouns");
            cues.falsity = words(&reports, "false");
        }
        if let Some(anaphora) = section("anaphora", &["pairs", "occurred", "encounters"]) {
            cues.pair_anaphors = words(&anaphora, "pairs");
            cues.occurred = words(&anaphora, "occurred");
            cues.encounter_nouns = words(&anaphora, "encounters");
        }
        if let Some(modality) = section("modality", MODALITY_FIELDS) {
            cues.read_modality(&modality, vocabulary);
        }
        if let Some(attribution) = section("attribution", &["verbs", "accusations", "prepositions"]) {
            cues.attribution_verbs = words(&attribution, "verbs");
            cues.accusations = words(&attribution, "accusations");
            cues.attribution_prepositions = words(&attribution, "prepositions");
        }
        if let Some(extent) = section("extent", &["partial", "full"]) {
            cues.partial = words(&extent, "partial");
            cues.full = words(&extent, "full");
        }
        if let Some(roles) = section("roles", &["agent", "scope", "speaker", "reporter"]) {
            cues.read_roles(&roles, vocabulary, check_kinds);
        }
        cues.prepositions = words(&top, "prepositions");
        cues.scope_prepositions = words(&top, "scope_prepositions");
        cues.comparisons = words(&top, "comparisons");
        cues.relative_pronouns = words(&top, "relative_pronouns");
        cues.demonstratives = words(&top, "demonstratives");
        cues.unasserted = words(&top, "unasserted");
        cues.other_meanings = words(&top, "other_meanings");
        cues.complementizers = words(&top, "complementizers");
        cues.abbreviations = words(&top, "abbreviations");
        cues.not_names = words(&top, "not_names");
        cues.anaphoric_nouns = words(&top, "anaphoric_nouns");
        cues.place_nouns = words(&top, "place_nouns");
        cues.undertakings = words(&top, "undertakings");
        cues
    }

    fn read_modality(&mut self, modality: &Fields, vocabulary: &Vocabulary) {
        self.question = words(modality, "question");
        self.presupposing_questions = words(modality, "presupposing_question");
        self.expected_after = words(modality, "expected_after");
        self.undecided = words(modality, "undecided");
        if let Some(name) = modality.string("undecided_about") {
            if vocabulary.predicate(&name.value).is_none() && !vocabulary.predicates.is_empty() {
                let file = modality.file();
                let mut error = Diagnostic::error(&file.name, format!("unknown predicate `{}`", name.value))
                    .at(file.source(), name.span.clone());
                if let Some(near) = nearest(&name.value, vocabulary.predicate_ids()) {
                    error = error.with_help(format!("did you mean `{near}`?"));
                }
                file.push(error);
            } else {
                self.undecided_about = Some(name.value);
            }
        }
        self.expected = words(modality, "expected");
        self.hedged = words(modality, "hedged");
        self.hedged_before_imperfect = words(modality, "hedged_before_imperfect");
        self.reported = words(modality, "reported");
    }

    /// The entity kinds of each role; with `check_kinds`, a kind no entity
    /// of `vocabulary` has is warned about.
    fn read_roles(&mut self, roles: &Fields, vocabulary: &Vocabulary, check_kinds: bool) {
        let file = roles.file();
        let known: Vec<&str> = {
            // Open names, found in the corpus, have a kind of their own.
            let mut kinds: Vec<&str> = vocabulary.entities.iter().map(|e| e.kind.as_str()).collect();
            kinds.push(super::OPEN_KIND);
            kinds.sort_unstable();
            kinds.dedup();
            kinds
        };
        let kinds = |name: &str| -> Vec<String> {
            let listed = roles.strings(name);
            for kind in &listed {
                if check_kinds && !known.is_empty() && !known.contains(&kind.value.as_str()) {
                    let mut warning = Diagnostic::warning(
                        &file.name,
                        format!("no entity in the vocabulary has kind `{}`", kind.value),
                    )
                    .at(file.source(), kind.span.clone());
                    if let Some(near) = nearest(&kind.value, known.iter().copied()) {
                        warning = warning.with_help(format!("did you mean `{near}`?"));
                    }
                    file.push(warning);
                }
            }
            listed.into_iter().map(|s| s.value).collect()
        };
        self.agent_kinds = kinds("agent");
        self.scope_kinds = kinds("scope");
        self.speaker_kinds = kinds("speaker");
        self.reporter_kinds = kinds("reporter");
    }
}

/// Reads the corpus's lexicon, or the bundled one when it has none.
pub fn load(
    input: Option<&crate::corpus::InputFile>,
    vocabulary: &Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) -> Cues {
    let (name, text) = input.map_or((crate::data::LEXICON.name, crate::data::LEXICON.text), |i| {
        (i.name.as_str(), i.text.as_str())
    });
    let file = JsonFile::new(name, text);
    let cues = Cues::read(&file, vocabulary, input.is_some());
    diagnostics.extend(file.into_diagnostics());
    cues
}

/// An array of phrases; empty ones are reported and dropped.
fn words(fields: &Fields, name: &str) -> Vec<String> {
    fields
        .strings(name)
        .into_iter()
        .filter(|s| {
            let empty = s.value.trim().is_empty();
            if empty {
                fields
                    .file()
                    .error(s.span.clone(), format!("an empty phrase in `{name}`"));
            }
            !empty
        })
        .map(|s| s.value)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_reads_without_problems() {
        let vocabulary_file = JsonFile::new("vocabulary.json", crate::data::VOCABULARY.text);
        let vocabulary = Vocabulary::read(&vocabulary_file);
        let file = JsonFile::new(crate::data::LEXICON.name, crate::data::LEXICON.text);
        let cues = Cues::read(&file, &vocabulary, true);
        let diagnostics = file.into_diagnostics();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(cues.negation.iter().any(|w| w == "لم"));
        assert!(cues.attribution_verbs.iter().any(|w| w == "قال"));
        assert!(cues.agent_kinds.iter().any(|k| k == "state"));
    }

    #[test]
    fn unknown_sections_and_kinds_are_reported_with_a_suggestion() {
        let vocabulary_file = JsonFile::new(
            "vocabulary.json",
            r#"{"entities": [{"id": "syria", "label": "Syria", "kind": "place", "aliases": []}], "predicates": []}"#,
        );
        let vocabulary = Vocabulary::read(&vocabulary_file);
        let file = JsonFile::new(
            crate::data::LEXICON.name,
            r#"{"negations": {}, "roles": {"scope": ["plase"]}, "abbreviations": [""]}"#,
        );
        Cues::read(&file, &vocabulary, true);
        let messages: Vec<String> = file
            .into_diagnostics()
            .iter()
            .map(|d| format!("{} {}", d.message, d.help.clone().unwrap_or_default()))
            .collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("negations") && messages[0].contains("negation"));
        assert!(messages.iter().any(|m| m.contains("`plase`") && m.contains("`place`")));
        assert!(messages.iter().any(|m| m.contains("empty phrase")));
    }
}
