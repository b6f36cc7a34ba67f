//! Extraction stage: Arabic article text → claims. For every predicate
//! mention (a vocabulary alias, met through clitics and inflections) it finds
//! the subject and the object around it, the negation that reaches it, the
//! modality and attribution of its sentence, and the extent words of its
//! clause. Every rule that decides is named in the claim, with a confidence.
//!
//! Pure: no I/O. Word lists come from the vocabulary and `lexicon.json`.
//! `index` finds the phrases of a sentence, `sentence` reads it trigger by
//! trigger, `unclaimed` sets aside what makes no claim, `claim` puts a
//! claim together from its `roles` and `qualifiers`; `params` holds the
//! rules' reach and costs.

mod claim;
mod context;
pub mod cues;
mod index;
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

use crate::model::{Attribution, Extent, Modality, Polarity};
use crate::text::{Words, after_sin, fold, sentences};
use crate::vocab::{EntityId, PredicateId, Vocabulary};
pub use cues::Cues;
use index::{Index, WordCache};
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
    /// Folded prepositions of place and origin (`في`, `من`): a name after one may be any predicate's scope.
    scope_prepositions: Vec<String>,
    abbreviations: Vec<String>,
    undecided_about: Option<PredicateId>,
    /// Folded one-word predicate aliases, to tell `التخلي` (an alias) from `التركي` (not `ترك`).
    one_word_triggers: FxHashSet<String>,
    /// Per predicate, the letters after a leading س in its aliases: `سيطر`
    /// starts with سي, so `سيطرت` is no future `سـ` + `يطر`.
    own_sin: Vec<Vec<char>>,
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
        params.reach.negation = cues.negation_reach;
        Extractor {
            vocabulary,
            index: Index::new(vocabulary, cues),
            roles,
            markers,
            params,
            scope_prepositions: cues.scope_prepositions.iter().map(|p| fold(p)).collect(),
            abbreviations: cues.abbreviations.iter().map(|a| fold(a)).collect(),
            undecided_about: cues.undecided_about.as_deref().and_then(|p| vocabulary.predicate(p)),
            own_sin: vocabulary
                .predicates
                .iter()
                .map(|p| p.aliases.iter().filter_map(|a| after_sin(&fold(a))).collect())
                .collect(),
            one_word_triggers: vocabulary
                .predicates
                .iter()
                .flat_map(|p| &p.aliases)
                .map(|a| fold(a))
                .filter(|a| !a.contains(' '))
                .collect(),
        }
    }

    /// The claims of each article (its text and publication day), on `jobs`
    /// threads, each with its own word cache and buffers; results come back in
    /// input order, identical to a sequential run. `done` is called after each
    /// text with the number finished so far.
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
            return pool.install(|| articles.par_iter().map_init(Scratch::default, extract).collect());
        }
        // One job, or no threads to be had: in this thread, in order.
        let mut scratch = Scratch::default();
        articles.iter().map(|article| extract(&mut scratch, article)).collect()
    }

    /// The claims of `text`, in text order. `published` decides what a name
    /// shared by entities of different eras means (vocabulary `from`/`until`).
    pub fn extract(&self, text: &str, published: Option<NaiveDate>) -> Vec<Extracted> {
        self.extract_with(text, published, &mut Scratch::default())
    }

    fn extract_with(&self, text: &str, published: Option<NaiveDate>, scratch: &mut Scratch) -> Vec<Extracted> {
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
        found.claims
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
mod tests {
    use super::*;
    use crate::json::JsonFile;

    /// The bundled vocabulary and lexicon, as a user without files of their own gets them.
    fn bundled() -> (Vocabulary, Cues) {
        let vocabulary = Vocabulary::read(&JsonFile::new("vocabulary.json", crate::data::VOCABULARY.text));
        let cues = Cues::read(&JsonFile::new("lexicon.json", crate::data::LEXICON.text), &vocabulary, true);
        (vocabulary, cues)
    }

    /// Each claim as `subject predicate object polarity modality attribution extent`.
    fn claims(text: &str) -> Vec<String> {
        let (vocabulary, cues) = bundled();
        let extractor = Extractor::new(&vocabulary, &cues);
        extractor
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

    #[test]
    fn verb_subject_order_and_construct_phrases() {
        assert_eq!(
            claims("أخلت القوات الروسية مطار القامشلي."),
            ["russian-forces withdraw qamishli affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("وأثار انسحاب روسيا من قاعدة حميميم جدلا واسعا."),
            ["russia withdraw hmeimim affirmed asserted outlet unspecified"]
        );
        // Kurdish spelling of Qamishli, subject before the verb, conjugated verb.
        assert_eq!(
            claims("القوات الروسية تنسحب من قامشلو."),
            ["russian-forces withdraw qamishli affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn negation_and_denial_reach_the_predicate() {
        assert_eq!(
            claims("وقال الكرملين إن روسيا لن تغادر قاعدة طرطوس."),
            ["russia withdraw tartus negated asserted kremlin unspecified"]
        );
        assert_eq!(
            claims("نفت موسكو انسحاب قواتها من سوريا."),
            ["russia withdraw syria negated asserted russia unspecified"]
        );
    }

    #[test]
    fn modality_questions_and_hedges() {
        assert_eq!(
            claims("هل تنسحب روسيا من سوريا؟"),
            ["russia withdraw syria affirmed question outlet unspecified"]
        );
        assert_eq!(
            claims("ربما تنسحب روسيا من قاعدة حميميم."),
            ["russia withdraw hmeimim affirmed hedged outlet unspecified"]
        );
        // قد before an imperfect verb hedges; before a past verb it does not.
        assert_eq!(
            claims("قد تنسحب روسيا من سوريا."),
            ["russia withdraw syria affirmed hedged outlet unspecified"]
        );
        assert_eq!(
            claims("وكانت روسيا قد انسحبت من سوريا."),
            ["russia withdraw syria affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("من المتوقع أن ترسل روسيا قوات إلى حميميم."),
            ["russia deploy-to hmeimim affirmed expected outlet unspecified"]
        );
    }

    #[test]
    fn attribution_names_the_speaker() {
        assert_eq!(
            claims("أكد بوتين أن القوات الروسية باقية في قاعدة حميميم."),
            ["russian-forces keep-presence hmeimim affirmed asserted putin unspecified"]
        );
        assert_eq!(
            claims("وبحسب رويترز، سحبت روسيا بعض قواتها من دير الزور."),
            ["russia withdraw deir-ez-zor affirmed asserted reuters partial"]
        );
        // A participle cue (`مشيراً`) names no speaker: the sentence's last named one goes on.
        assert_eq!(
            claims("وقال بوتين في مؤتمره الصحفي، مشيرًا إلى أن موسكو تمكنت من تحقيق أهدافها في سوريا."),
            ["russia achieve-goals syria affirmed asserted putin unspecified"]
        );
    }

    #[test]
    fn extent_words_in_the_clause() {
        assert_eq!(
            claims("انسحبت روسيا بالكامل من القامشلي."),
            ["russia withdraw qamishli affirmed asserted outlet full"]
        );
        assert_eq!(
            claims("سحبت روسيا جزءا من قواتها من سوريا."),
            ["russia withdraw syria affirmed asserted outlet partial"]
        );
    }

    #[test]
    fn undecided_without_a_predicate_of_its_own() {
        assert_eq!(
            claims("وقال الكرملين إنه لم يتخذ قرارا بشأن القواعد العسكرية بعد."),
            ["russia keep-presence russian-bases-syria affirmed undecided kremlin unspecified"]
        );
    }

    #[test]
    fn what_is_not_a_claim() {
        // A demonstrative points back; a speech verb is no event; no scope, no claim.
        assert!(claims("وأثار هذا الانسحاب من سوريا تساؤلات.").is_empty());
        assert!(claims("ونقلت وكالة رويترز الخبر.").is_empty());
        assert!(claims("انسحبت روسيا.").is_empty());
        // `وزارة` (ministry) is not the verb زار (visit).
        assert!(claims("وقالت وزارة الدفاع الروسية إن الطقس بارد.").is_empty());
    }

    #[test]
    fn requests_and_purposes_are_not_claims() {
        assert!(claims("وطالبت الحكومة السورية الجديدة روسيا بالانسحاب من قاعدة حميميم.").is_empty());
        assert!(claims("دعا أردوغان القوات الأمريكية إلى الانسحاب من شمال شرق سوريا.").is_empty());
        assert!(
            claims("زار بوتين أنقرة بهدف دعم التسوية السياسية في سوريا.")
                .iter()
                .all(|c| !c.contains(" support "))
        );
        // The ل of a modality verb's complement is no purpose.
        assert_eq!(
            claims("وتستعد روسيا لسحب قواتها من مطار القامشلي."),
            ["russia withdraw qamishli affirmed expected outlet unspecified"]
        );
    }

    #[test]
    fn a_list_of_objects_gives_one_claim_each() {
        assert_eq!(
            claims("انسحبت القوات الروسية من الرقة ودير الزور."),
            [
                "russian-forces withdraw raqqa affirmed asserted outlet unspecified",
                "russian-forces withdraw deir-ez-zor affirmed asserted outlet unspecified"
            ]
        );
        // `بين … و…` is a pair of ends, not a list.
        assert_eq!(
            claims("وتحرك رتل روسي على الطريق بين دمشق وحمص.").len(),
            claims("وتحرك رتل روسي على الطريق بين دمشق.").len()
        );
    }

    #[test]
    fn a_relative_pronoun_after_a_common_noun_keeps_the_subject_after_the_verb() {
        assert_eq!(
            claims("جاء ذلك في الوقت الذي تسحب فيه روسيا قواتها من القامشلي."),
            ["russia withdraw qamishli affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_adjective_of_relation_is_no_verb() {
        // `التركي` is not the verb ترك (leave); `التقى` is the verb met.
        assert!(claims("وصل الوفد التركي إلى موسكو.").is_empty());
        assert_eq!(
            claims("التقى أردوغان بوتين في سوتشي."),
            ["erdogan meet putin affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_event_named_again_as_known_is_not_claimed_again() {
        let text = "انسحبت روسيا من مطار القامشلي. وجاء الانسحاب الروسي من القامشلي بعد أيام. \
                    ومن المتوقع أن تتجه القوات الروسية التي انسحبت من القامشلي إلى حميميم. \
                    ويبدو أن الانسحاب الروسي من القامشلي بدأ قبل أسبوع.";
        assert_eq!(
            claims(text),
            [
                "russia withdraw qamishli affirmed asserted outlet unspecified",
                "russian-forces deploy-to hmeimim affirmed expected outlet unspecified",
                "russia withdraw qamishli affirmed hedged outlet partial"
            ]
        );
    }

    #[test]
    fn relative_clauses_refer_back_to_their_noun() {
        // The resumptive `عليها` puts the subject after the verb and the noun as object;
        // the main clause's `من المتوقع` does not reach into the relative clause.
        assert_eq!(
            claims("ومن المتوقع أن يزور أردوغان قاعدة حميميم التي تسيطر عليها روسيا."),
            [
                "erdogan visit hmeimim affirmed expected outlet unspecified",
                "russia keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // Names joined to the subject are co-subjects, not objects.
        assert_eq!(
            claims("وتشمل المحادثات مناطق تخفيف التوتر التي تتم برعاية روسيا وتركيا."),
            ["russia support de-escalation-zones affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_verb_without_a_subject_shares_the_last_claims() {
        assert_eq!(
            claims("التقى بوتين بالسيسي في القاهرة، ثم اجتمع مع أردوغان."),
            [
                "putin meet sisi affirmed asserted outlet unspecified",
                "putin meet erdogan affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn the_future_prefix_makes_a_claim_expected() {
        assert_eq!(
            claims("وستعود القوات الروسية إلى حميميم."),
            ["russian-forces deploy-to hmeimim affirmed expected outlet unspecified"]
        );
        // `سيطرت` begins with the letters of its own alias, not with a future prefix.
        assert_eq!(
            claims("سيطرت الفصائل المسلحة على دمشق."),
            ["opposition-factions capture damascus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_verb_heading_for_another_event_is_not_one() {
        assert_eq!(
            claims("ويتجه الجيش الأمريكي نحو الانسحاب من شمال شرق سوريا."),
            ["us-forces withdraw northeast-syria affirmed asserted outlet unspecified"]
        );
        assert_eq!(claims("استخدمت روسيا مطار القامشلي لدعم تركيا."), Vec::<String>::new());
    }

    #[test]
    fn connectives_and_names_of_several_kinds() {
        // `لذلك` (therefore) is no demonstrative pointing back; `موسكو` visited is the city.
        assert_eq!(
            claims("ولذلك زار الشرع موسكو، ثم زار القاهرة وأنقرة."),
            [
                "sharaa visit moscow affirmed asserted outlet unspecified",
                "sharaa visit egypt affirmed asserted outlet unspecified",
                "sharaa visit turkey affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn gapped_triggers_and_subjects_on_either_side() {
        assert_eq!(
            claims("الكرملين منح الأسد حق اللجوء."),
            ["russia grant-asylum assad affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("منحت روسيا الرئيس السوري السابق بشار الأسد وعائلته اللجوء."),
            ["russia grant-asylum assad affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_headline_printed_twice_gives_one_claim() {
        let text = "هل تنسحب روسيا من طرطوس؟\n\nهل تنسحب روسيا من طرطوس؟\n\nقالت مصادر إن روسيا لن تنسحب من طرطوس.";
        assert_eq!(
            claims(text),
            [
                "russia withdraw tartus affirmed question outlet unspecified",
                "russia withdraw tartus negated asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn why_questions_and_headline_topics_take_the_event_as_given() {
        assert_eq!(
            claims("لماذا انسحبت روسيا من قاعدة حميميم؟"),
            ["russia withdraw hmeimim affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("هل انسحبت روسيا من قاعدة حميميم؟"),
            ["russia withdraw hmeimim affirmed question outlet unspecified"]
        );
        // The question is after the colon; the topic before it is not asked about.
        assert_eq!(
            claims("انسحاب روسيا من طرطوس: نهاية مرحلة أم بداية أخرى؟"),
            ["russia withdraw tartus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn a_headline_the_body_repeats_is_the_body_claim_with_its_extent() {
        let text = "انسحاب روسيا من طرطوس\n\nبدأ انسحاب روسيا من طرطوس بشكل جزئي هذا الأسبوع. وقال مسؤول إن الأمر طبيعي.";
        let extractor_claims = {
            let (vocabulary, cues) = bundled();
            let extractor = Extractor::new(&vocabulary, &cues);
            extractor.extract(text, None)
        };
        assert_eq!(extractor_claims.len(), 1);
        assert!(extractor_claims[0].span.start > text.find("بدأ").unwrap() - 1);
        assert_eq!(extractor_claims[0].extent, Extent::Partial);
        // In other words, the headline stays a claim of its own and takes the body's extent.
        assert_eq!(
            claims("لماذا الانسحاب الروسي من طرطوس؟\n\nبدأت القوات الروسية الانسحاب من طرطوس بشكل جزئي."),
            [
                "russia withdraw tartus affirmed asserted outlet partial",
                "russian-forces withdraw tartus affirmed asserted outlet partial"
            ]
        );
    }

    #[test]
    fn phrases_of_another_meaning_and_deliberation_are_no_events() {
        // `بحث عن` is searching for, not discussing.
        assert!(claims("وتبحث روسيا عن شركاء جدد في سوريا.").is_empty());
        assert_eq!(
            claims("بحث بوتين وأردوغان الحل في سوريا."),
            ["putin discuss syria-settlement affirmed asserted outlet unspecified"]
        );
        // Considering whether is no discussion: what is considered is undecided.
        assert_eq!(
            claims("قال بوتين إن موسكو تبحث ما إذا كانت ستبقي قواتها في سوريا."),
            ["russia keep-presence syria affirmed undecided putin unspecified"]
        );
    }

    #[test]
    fn strengthening_and_sending_are_of_forces_only() {
        assert!(claims("وهو ما يعزز من قدرة روسيا على التأثير في سوريا.").is_empty());
        assert!(claims("أرسلت الإدارة الجديدة إشارات إلى موسكو.").is_empty());
        assert_eq!(
            claims("عززت روسيا وجودها العسكري في ليبيا."),
            ["russia reinforce-presence libya affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("أرسلت روسيا قوات إضافية إلى ليبيا."),
            ["russia deploy-to libya affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn where_an_object_is_looked_for() {
        // After a preposition that is not the predicate's (`بين`, `إلى جانب`), a name is no object.
        assert!(claims("رصدت كاميرات رتلا من الدبابات الروسية يتجه على الطريق بين دمشق واللاذقية.").is_empty());
        assert!(claims("خسرت القوات الروسية إلى جانب الجيش السوري أعدادا من الجنود.").is_empty());
        // Nor past a clause begun inside the sentence.
        assert!(claims("وتفسر دمشق الانسحاب الروسي كبادرة تهدف إلى طمأنة الشرع بأن موسكو لن تتدخل.").is_empty());
        // Nor past an event joined on: the redeployment is not to the withdrawal's place.
        assert_eq!(
            claims("بدأت روسيا إعادة تموضع لقواتها وانسحابا تدريجيا من الخطوط الأمامية."),
            ["russia withdraw forward-positions affirmed asserted outlet partial"]
        );
        // With no prepositions of its own, the object is the name in or right after the predicate.
        assert_eq!(
            claims("ووعد الشرع باحترام جميع الاتفاقيات المبرمة بين روسيا وسوريا."),
            ["sharaa honour-agreements russian-syrian-agreements affirmed expected outlet full"]
        );
        // An earlier claim's object is no later subject.
        assert_eq!(
            claims("زار بوتين سوريا. ثم عرج على القاهرة وأنقرة حيث اجتمع إلى الرئيس عبد الفتاح السيسي."),
            [
                "putin visit syria affirmed asserted outlet unspecified",
                "putin visit egypt affirmed asserted outlet unspecified",
                "putin visit turkey affirmed asserted outlet unspecified",
                "putin meet sisi affirmed asserted outlet unspecified"
            ]
        );
    }

    #[test]
    fn describing_participles_and_events_yet_to_come() {
        // The participle describes the forces; the hedge is about the withdrawal only.
        assert_eq!(
            claims("ربما تنسحب القوات الروسية المتواجدة في قاعدة حميميم."),
            [
                "russian-forces withdraw hmeimim affirmed hedged outlet unspecified",
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // Said again of forces named after a preposition: the participle's subject is its noun.
        assert_eq!(
            claims(
                "تحتفظ القوات الروسية بقاعدة حميميم. ولن تحتاج روسيا إلا إلى القوات الروسية المتواجدة في قاعدة حميميم."
            ),
            [
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified",
                "russian-forces keep-presence hmeimim affirmed asserted outlet unspecified"
            ]
        );
        // A verbal noun after a name is no participle: the modality before the name reaches it.
        assert_eq!(
            claims("من المتوقع أن تبدأ روسيا الانسحاب من سوريا."),
            ["russia withdraw syria affirmed expected outlet partial"]
        );
        assert_eq!(
            claims("وأشار أردوغان إلى لقاء آخر قريب مع الرئيس الروسي في سوتشي."),
            ["erdogan meet putin affirmed expected erdogan unspecified"]
        );
        assert_eq!(
            claims("التقى بوتين أردوغان في سوتشي."),
            ["putin meet erdogan affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn controlling_is_keeping_and_seizing_control_is_capture() {
        assert_eq!(
            claims("وصلت القوات إلى قاعدة حميميم الجوية التي تسيطر عليها روسيا."),
            ["russia keep-presence hmeimim affirmed asserted outlet unspecified"]
        );
        assert_eq!(
            claims("الفصائل المسلحة سيطرت على دمشق."),
            ["opposition-factions capture damascus affirmed asserted outlet unspecified"]
        );
    }

    #[test]
    fn an_adjective_of_relation_gives_a_subject_but_no_object() {
        assert_eq!(
            claims("بدأ الانسحاب الروسي من سوريا."),
            ["russia withdraw syria affirmed asserted outlet partial"]
        );
        assert!(
            claims("وقال الشرع إن المرحلة المقبلة ستشهد مفاوضات بين روسيا وحكومة دمشق بشأن الوجود العسكري الروسي.")
                .iter()
                .all(|c| !c.contains(" russia "))
        );
    }

    #[test]
    fn a_name_two_eras_share_means_the_entity_of_the_publication_day() {
        let (vocabulary, cues) = bundled();
        let extractor = Extractor::new(&vocabulary, &cues);
        let text = "وطلبت الحكومة السورية من القوات الروسية مغادرة القامشلي.";
        let subject = |year| {
            let found = extractor.extract(text, NaiveDate::from_ymd_opt(year, 6, 1));
            vocabulary.entity_info(found[0].subject).id.clone()
        };
        assert_eq!(subject(2019), "assad-government");
        assert_eq!(subject(2026), "syrian-new-authorities");
    }

    #[test]
    fn evidence_spans_point_into_the_text() {
        let (vocabulary, cues) = bundled();
        let text = "مقدمة قصيرة.\nانسحبت القوات الروسية من قاعدة طرطوس، وبقيت في حميميم.";
        let found = Extractor::new(&vocabulary, &cues).extract(text, None);
        assert_eq!(&text[found[0].span.clone()], "انسحبت القوات الروسية من قاعدة طرطوس");
        assert_eq!(&text[found[0].trigger.clone()], "انسحبت");
    }

    #[test]
    fn parallel_extraction_matches_sequential() {
        let (vocabulary, cues) = bundled();
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
