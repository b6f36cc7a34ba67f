//! Denials of reports. A sentence that calls reports false (`التقارير …
//! غير دقيقة`, `نفت … الأنباء`, `لا صحة للأنباء`) denies what they tell. When
//! the reports name their event (`التقارير عن إغلاق المكتب`), the event's own
//! claim is negated (`qualifiers`); when they name only its topic
//! (`التقارير المتعلقة بمستقبل المكتب غير دقيقة`), the sentence is noted
//! here as a [`ReportDenial`], and once the whole corpus is read it negates
//! each event the other claims tell about that topic, in the denier's word.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::context::{Context, is_predicate};
use super::index::{Mention, Sense};
use super::{Extracted, Extractor};
use crate::model::{Attribution, Extent, Modality, Polarity};
use crate::text::ends_with_third_person;
use crate::vocab::{EntityId, PredicateId};

/// The events one topic's denial negates at most, the first told in corpus
/// order: a blanket denial of a topic many claims are about stays readable.
const EVENTS_PER_TOPIC: usize = 8;

/// A sentence denying the reports on a topic without naming their event.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportDenial {
    /// From the denier (or the report noun) to the topic or the word of falsity.
    pub span: Range<usize>,
    /// The report noun's words.
    pub trigger: Range<usize>,
    pub topic: EntityId,
    pub attribution: Attribution,
    pub confidence: f64,
}

/// The word calling the reports at mention `at` false: a word of falsity
/// after them in their clause, within `reach` words and with no other report
/// noun between (`التقارير … غير دقيقة`; not `الأنباء … رغم المعلومات
/// المضللة`), or right before them (`لا صحة للأنباء`), or a denial before
/// them with nothing between but its speaker's name and `صحة` (`نفت الوزارة
/// التقارير`, `نفى صحة الأنباء`; not `رفض التعليق على الأنباء`).
pub(super) fn falsity_of<'m>(cx: &Context<'m>, at: usize, reach: usize) -> Option<&'m Mention> {
    let report = &cx.mentions[at];
    // `وصف التقارير … بأنها غير دقيقة`: a complementizer whose pronoun
    // stands for the reports, right before the falsity, opens no other clause.
    let with_pronoun = |m: &Mention| {
        let key = cx.words.key(m.words.end - 1);
        m.suffixed || ends_with_third_person(key)
    };
    let resumes_the_reports = |m: &Mention, falsity: &Mention| {
        m.sense == Sense::Complementizer && with_pronoun(m) && m.words.end == falsity.words.start
    };
    let after = cx.mentions[at + 1..].iter().find(|falsity| {
        falsity.sense == Sense::Falsity
            && falsity.words.start >= report.words.end
            && falsity.words.start <= report.words.end + reach
            && !cx.mentions.iter().any(|m| {
                m.words.start >= report.words.end
                    && m.words.end <= falsity.words.start
                    && match m.sense {
                        Sense::Complementizer => !resumes_the_reports(m, falsity),
                        Sense::AttributionVerb | Sense::ReportNoun => true,
                        _ => false,
                    }
            })
    });
    let only_the_speaker_between = |from: usize| {
        (from..report.words.start).all(|w| cx.groups.iter().any(|g| g.words.contains(&w)) || cx.words.key(w) == "صحه")
    };
    let before = || {
        cx.mentions[..at].iter().rev().find(|m| {
            m.words.end <= report.words.start
                && match m.sense {
                    Sense::Falsity => m.words.end + 1 >= report.words.start,
                    Sense::Denial => only_the_speaker_between(m.words.end),
                    _ => false,
                }
        })
    };
    after.or_else(before)
}

impl Extractor<'_> {
    /// How far after its report noun a word of falsity may stand: past the
    /// topic (`التقارير المتعلقة بمستقبل مكتب حماس في الدوحة “غير دقيقة”`).
    pub(super) fn falsity_reach(&self) -> usize {
        self.params.reach.report_topic + 4
    }

    /// Whether the trigger is the event of reports its sentence calls false
    /// (`الأنباء عن انسحاب القوات من المدينة عارية عن الصحة`): a report noun
    /// shortly before it, no other predicate between, a word of falsity after
    /// it or right before the noun. A denial verb (`نفت التقارير عن`) already
    /// negates what it governs.
    pub(super) fn in_false_report(&self, cx: &Context, trigger: &Mention) -> bool {
        let reach = self.params.reach.report_topic;
        (0..cx.mentions.len()).any(|at| {
            let report = &cx.mentions[at];
            report.sense == Sense::ReportNoun
                && report.words.end <= trigger.words.start
                && trigger.words.start <= report.words.end + reach
                && !cx.has_between(report.words.end, trigger.words.start, |s| {
                    is_predicate(s) || s == Sense::Complementizer
                })
                && falsity_of(cx, at, self.falsity_reach()).is_some_and(|f| f.sense == Sense::Falsity)
        })
    }

    /// Notes in `denials` each denial of reports the sentence makes on a topic
    /// it names without an event: the first name shortly after the report
    /// noun, before the word of falsity, with no predicate between.
    /// `holders`: the text's role holders, who may be the speaker.
    pub(super) fn note_report_denials(
        &self,
        cx: &Context,
        holders: &FxHashMap<String, EntityId>,
        denials: &mut Vec<ReportDenial>,
    ) {
        let reach = self.params.reach.report_topic;
        for at in 0..cx.mentions.len() {
            let report = &cx.mentions[at];
            if report.sense != Sense::ReportNoun {
                continue;
            }
            let Some(falsity) = falsity_of(cx, at, self.falsity_reach()) else {
                continue;
            };
            let topic_ends_by = if falsity.words.start >= report.words.end {
                falsity.words.start
            } else {
                cx.words.len()
            };
            // `مزاعم هيئة الإذاعة البريطانية`, `المزاعم الأمريكية والسعودية`: a
            // speaker in construct with the report noun, or its adjective, is
            // whose the reports are; what follows is that phrase, no topic.
            let claimant = cx.groups.iter().any(|group| {
                group.words.start == report.words.end
                    && !group.prefixed
                    && (group.adjective || self.pick(group, |r| r.speaker, false).is_some())
            });
            if claimant {
                continue;
            }
            let Some((group, topic)) = cx.groups.iter().enumerate().find_map(|(g, group)| {
                let in_topic = group.words.start >= report.words.end
                    && group.words.start <= report.words.end + reach
                    && group.words.end <= topic_ends_by;
                let topic = self.pick(group, |r| r.scope, false)?;
                in_topic.then_some((g, topic))
            }) else {
                continue;
            };
            let topic_words = &cx.groups[group].words;
            let names_an_event = cx.has_between(report.words.end, topic_ends_by.min(cx.words.len()), is_predicate)
                || cx.has_between(report.words.end, topic_words.end, |s| s == Sense::Complementizer);
            if names_an_event {
                continue;
            }
            let speaker = self.speaker(cx, report, holders);
            if speaker.is_some_and(|(_, s)| s == topic) {
                continue;
            }
            let mut first = report.words.start.min(falsity.words.start);
            // The speaker's whole clause, with its verb (`أشارت وزارة الخارجية`).
            if let Some((Some(g), _)) = speaker {
                let clause = cx.clause_of[cx.groups[g].words.start];
                first = first.min(cx.clause_of.iter().position(|&c| c == clause).unwrap_or(first));
            }
            let last = topic_words.end.max(falsity.words.end);
            let denial = ReportDenial {
                span: cx.words.bytes(first..last),
                trigger: cx.words.bytes(report.words.clone()),
                topic,
                attribution: speaker.map_or(Attribution::Outlet, |(_, s)| Attribution::Entity(s)),
                confidence: 1.0 - self.params.cost.report_topic,
            };
            // Two spellings of the noun (`التقارير`, `تقارير`) meet the same words.
            if !denials.contains(&denial) {
                denials.push(denial);
            }
        }
    }
}

/// What one text's sentences found: its claims and its denials of reports.
pub(super) struct TextFindings {
    pub claims: Vec<Extracted>,
    pub denials: Vec<ReportDenial>,
}

/// Adds to each text the negated claims its denials of reports make: for
/// each denied topic, the events (subject and predicate) that affirmed
/// claims anywhere in the corpus tell about it as their object, in the
/// denier's word, unless the denying text tells that event itself in the
/// same voice. Linear: one pass to gather the topics' events, one to deny.
/// An event is one per actor (`counts_as`): `actor` gives a subject's.
pub(super) fn deny_reported_events(
    texts: Vec<TextFindings>,
    actor: impl Fn(EntityId) -> EntityId,
) -> Vec<Vec<Extracted>> {
    let topics: FxHashSet<EntityId> = texts.iter().flat_map(|t| &t.denials).map(|d| d.topic).collect();
    let mut events: FxHashMap<EntityId, Vec<(EntityId, PredicateId, f64)>> = FxHashMap::default();
    if !topics.is_empty() {
        for claim in texts.iter().flat_map(|t| &t.claims) {
            let told = claim.polarity == Polarity::Affirmed
                && !matches!(claim.modality, Modality::Question | Modality::Undecided);
            if !told || !topics.contains(&claim.object) {
                continue;
            }
            let of_topic = events.entry(claim.object).or_default();
            let same =
                |(s, p, _): &(EntityId, PredicateId, f64)| (actor(*s), *p) == (actor(claim.subject), claim.predicate);
            if let Some(event) = of_topic.iter_mut().find(|e| same(e)) {
                event.2 = event.2.max(claim.confidence);
            } else if of_topic.len() < EVENTS_PER_TOPIC {
                of_topic.push((claim.subject, claim.predicate, claim.confidence));
            }
        }
    }
    texts
        .into_iter()
        .map(|TextFindings { claims, denials }| {
            let mut denied: Vec<Extracted> = Vec::new();
            for denial in &denials {
                for &(subject, predicate, confidence) in events.get(&denial.topic).into_iter().flatten() {
                    let own_voice = claims.iter().any(|c| {
                        (actor(c.subject), c.predicate, c.object, c.attribution)
                            == (actor(subject), predicate, denial.topic, denial.attribution)
                    });
                    if own_voice {
                        continue;
                    }
                    denied.push(Extracted {
                        span: denial.span.clone(),
                        trigger: denial.trigger.clone(),
                        subject,
                        predicate,
                        object: denial.topic,
                        extent: Extent::Unspecified,
                        polarity: Polarity::Negated,
                        modality: Modality::Asserted,
                        attribution: denial.attribution,
                        count: None,
                        rule: "denied-reports+topic".to_string(),
                        confidence: (denial.confidence.min(confidence) * 100.0).round() / 100.0,
                    });
                }
            }
            in_text_order(claims, denied)
        })
        .collect()
}

/// `claims` (in text order) with `denied` (in text order) each placed
/// before the first claim that starts after it; the claims keep their order.
fn in_text_order(claims: Vec<Extracted>, denied: Vec<Extracted>) -> Vec<Extracted> {
    if denied.is_empty() {
        return claims;
    }
    let mut all = Vec::with_capacity(claims.len() + denied.len());
    let mut denied = denied.into_iter().peekable();
    for claim in claims {
        while let Some(d) = denied.next_if(|d| d.span.start < claim.span.start) {
            all.push(d);
        }
        all.push(claim);
    }
    all.extend(denied);
    all
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::Grammar;
    use crate::model::Attribution;

    fn grammar() -> Grammar {
        Grammar::new(
            r#"
              {"id": "egypt", "kind": "state", "aliases": ["مصر"]},
              {"id": "egyptian-government", "kind": "government", "aliases": ["الحكومة المصرية"], "counts_as": "egypt"},
              {"id": "agency-office", "kind": "facility", "aliases": ["مكتب الوكالة"]},
              {"id": "cairo", "kind": "place", "aliases": ["القاهرة"]},
              {"id": "channel", "kind": "organisation", "aliases": ["القناة"]}
            "#,
            r#"
              {"id": "close", "aliases": ["أغلقت", "إغلاق", "تغلق"], "object_kinds": ["facility", "organisation"]},
              {"id": "visit", "aliases": ["زار", "زيارة"], "object_kinds": ["place"]}
            "#,
            r#"
              "negation": {"before": ["لا", "غير", "لا صحة"], "denial": ["نفت", "رفضت"]},
              "reports": {"nouns": ["التقارير", "الأنباء"], "false": ["غير صحيحة", "لا صحة"]},
              "modality": {"question": ["هل"]},
              "attribution": {"verbs": ["قالت"]},
              "prepositions": ["عن", "في", "بشأن"],
              "scope_prepositions": ["في"],
              "complementizers": ["إن", "أن"]
            "#,
        )
    }

    /// Each text's claims, read as one corpus, as `subject predicate object polarity speaker`.
    fn corpus_claims(grammar: &Grammar, texts: &[&str]) -> Vec<Vec<String>> {
        let articles: Vec<(&str, Option<chrono::NaiveDate>)> = texts.iter().map(|t| (*t, None)).collect();
        let vocabulary = &grammar.vocabulary;
        let id = |e| vocabulary.entity_info(e).id.clone();
        grammar
            .extractor()
            .extract_all(&articles, 1, &|_| {})
            .iter()
            .map(|claims| {
                claims
                    .iter()
                    .map(|c| {
                        let speaker = match c.attribution {
                            Attribution::Outlet => "outlet".to_string(),
                            Attribution::Entity(e) => id(e),
                        };
                        let predicate = &vocabulary.predicate_info(c.predicate).id;
                        format!(
                            "{} {predicate} {} {:?} {speaker}",
                            id(c.subject),
                            id(c.object),
                            c.polarity
                        )
                        .to_lowercase()
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn reports_called_false_negate_the_event_they_name() {
        let grammar = grammar();
        for sentence in [
            "وقالت الحكومة المصرية إن التقارير عن إغلاق مصر مكتب الوكالة غير صحيحة.",
            "لا صحة للأنباء عن إغلاق مصر مكتب الوكالة.",
            // `بأنها`: the reports described as false, their pronoun after `أن`.
            "ووصفت الحكومة المصرية التقارير عن إغلاق مصر مكتب الوكالة بأنها غير صحيحة.",
        ] {
            let claims = grammar.claims(sentence);
            assert_eq!(claims.len(), 1, "{sentence}: {claims:?}");
            assert!(
                claims[0].starts_with("egypt close agency-office negated"),
                "{sentence}: {claims:?}"
            );
        }
        // Reports that are only cited, or called false before the event is told, deny nothing.
        for sentence in [
            "وقالت التقارير إن مصر أغلقت مكتب الوكالة.",
            "وقالت الحكومة المصرية إن التقارير غير صحيحة وإن مصر أغلقت مكتب الوكالة.",
            // A clause of its own calls something else false.
            "وذكرت التقارير عن إغلاق مصر مكتب الوكالة أن الرواية الرسمية غير صحيحة.",
        ] {
            let claims = grammar.claims(sentence);
            assert!(
                claims
                    .iter()
                    .all(|c| c.starts_with("egypt close agency-office affirmed")),
                "{sentence}: {claims:?}"
            );
        }
    }

    #[test]
    fn only_a_word_of_falsity_or_a_denial_of_the_reports_themselves_calls_them_false() {
        let grammar = grammar();
        let told = "أغلقت مصر مكتب الوكالة.";
        // Declining to comment on the reports, or false news told of after
        // another report noun, denies nothing of the topic.
        for sentence in [
            "رفضت الحكومة المصرية التعليق على التقارير بشأن مكتب الوكالة.",
            "وتأتي التقارير بشأن مكتب الوكالة بينما تنتشر الأنباء غير صحيحة.",
        ] {
            let claims = corpus_claims(&grammar, &[told, sentence]);
            assert!(claims[1].is_empty(), "{sentence}: {claims:?}");
        }
        let claims = corpus_claims(&grammar, &[told, "رفضت الحكومة المصرية التقارير بشأن مكتب الوكالة."]);
        assert_eq!(claims[1], ["egypt close agency-office negated egyptian-government"]);
    }

    #[test]
    fn reports_on_a_topic_called_false_negate_the_events_told_about_it() {
        let grammar = grammar();
        let claims = corpus_claims(
            &grammar,
            &[
                "أغلقت مصر مكتب الوكالة في القاهرة. وزار الوزير القاهرة.",
                "وقالت الحكومة المصرية إن الأنباء المتعلقة بمستقبل مكتب الوكالة غير صحيحة.",
                "نفت الحكومة المصرية التقارير بشأن مكتب الوكالة.",
                "هل تغلق مصر مكتب الوكالة؟",
            ],
        );
        // In the denier's word; the visit to Cairo is about another topic.
        assert_eq!(claims[1], ["egypt close agency-office negated egyptian-government"]);
        assert_eq!(claims[2], ["egypt close agency-office negated egyptian-government"]);
        assert_eq!(claims[3].len(), 1, "a question is not denied: {:?}", claims[3]);
    }

    #[test]
    fn a_speaker_in_construct_with_the_reports_is_whose_they_are_not_their_topic() {
        let grammar = grammar();
        let told = "أغلقت مصر القناة.";
        // The channel's own reports called false: no topic is named.
        let claims = corpus_claims(&grammar, &[told, "وقالت الحكومة المصرية إن أنباء القناة غير صحيحة."]);
        assert!(claims[1].is_empty(), "{claims:?}");
        let claims = corpus_claims(
            &grammar,
            &[told, "وقالت الحكومة المصرية إن الأنباء عن القناة غير صحيحة."],
        );
        assert_eq!(claims[1], ["egypt close channel negated egyptian-government"]);
    }

    #[test]
    fn a_text_telling_the_event_in_its_own_voice_does_not_deny_it_too() {
        let grammar = grammar();
        let claims = corpus_claims(
            &grammar,
            &["أغلقت مصر مكتب الوكالة. ولا صحة للتقارير بشأن مكتب الوكالة."],
        );
        assert_eq!(claims[0], ["egypt close agency-office affirmed outlet"]);
        // Nor is a topic with no event told about it anywhere denied.
        assert!(corpus_claims(&grammar, &["لا صحة للأنباء بشأن مكتب الوكالة."])[0].is_empty());
    }
}
