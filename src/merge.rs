//! Merge stage: turns extracted claims into claims beside the annotated ones.
//! An annotated claim supersedes every extracted claim whose evidence its
//! quote overlaps; an annotation's rejection silences the extracted claims
//! over its passage. Both kinds of set-aside claims are kept for the report,
//! so a snapshot shows when they change.

use std::collections::{HashMap, HashSet};

use crate::claim_time::{ArticleTimes, TimeWords};
use crate::extract::Extracted;
use crate::model::{Claim, Corpus, Extraction, Origin};

/// Which claims the comparison uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimSet {
    /// Annotated claims, and extracted ones the annotations leave standing.
    #[default]
    Both,
    /// Only annotated claims.
    Annotated,
    /// Only extracted claims: annotations are ignored, to judge extraction alone.
    Extracted,
}

#[derive(Clone, Debug)]
pub enum SetAsideReason {
    /// An annotated claim (its id) overlaps it.
    Superseded { by: String },
    /// The annotation rejects it.
    Rejected { reason: String },
}

#[derive(Clone, Debug)]
pub struct SetAside {
    pub claim: Claim,
    pub reason: SetAsideReason,
}

/// Adds the extracted claims (one list per source, in text order) to
/// `corpus` as `set` asks, keeping claims sorted by source then id. Returns
/// the extracted claims set aside, sorted the same way. `time` is what claims
/// are timed with.
pub fn merge(corpus: &mut Corpus, extracted: Vec<Vec<Extracted>>, set: ClaimSet, time: TimeWords) -> Vec<SetAside> {
    let mut set_aside = Vec::new();
    match set {
        ClaimSet::Annotated => return set_aside,
        ClaimSet::Extracted => corpus.claims.clear(),
        ClaimSet::Both => {}
    }
    let mut added = Vec::new();
    for (source, found) in extracted.into_iter().enumerate() {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let times = ArticleTimes::new(
            &corpus.sources[source].article,
            corpus.sources[source].published.as_ref(),
            time,
        );
        // The source's annotated claims: claims are sorted by source.
        let from = corpus.claims.partition_point(|c| c.source < source);
        let to = corpus.claims.partition_point(|c| c.source <= source);
        let here = &corpus.claims[from..to];
        let taken: HashSet<&str> = here.iter().map(|c| c.id.as_str()).collect();
        for x in found {
            let claim = to_claim(corpus, source, x, &mut ids, &times, &taken);
            let annotated = here
                .iter()
                .find(|a| a.origin == Origin::Annotated && overlaps(&a.span, &claim.span));
            let rejection = corpus.sources[source].rejections.iter().find(|r| {
                set == ClaimSet::Both
                    && overlaps(&r.span, &claim.span)
                    && r.predicate.is_none_or(|p| p == claim.predicate)
            });
            match (annotated, rejection) {
                (_, Some(rejection)) => set_aside.push(SetAside {
                    claim,
                    reason: SetAsideReason::Rejected {
                        reason: rejection.reason.clone(),
                    },
                }),
                (Some(annotated), None) => {
                    let by = annotated.id.clone();
                    set_aside.push(SetAside {
                        claim,
                        reason: SetAsideReason::Superseded { by },
                    })
                }
                (None, None) => added.push(claim),
            }
        }
    }
    corpus.claims.extend(added);
    corpus
        .claims
        .sort_by(|a, b| a.source.cmp(&b.source).then_with(|| a.id.cmp(&b.id)));
    set_aside.sort_by(|a, b| {
        a.claim
            .source
            .cmp(&b.claim.source)
            .then_with(|| a.claim.id.cmp(&b.claim.id))
    });
    set_aside
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// An extracted claim as a claim: its id names what it says
/// (`x-withdraw-syria`, then `-2`, `-3` in text order, skipping any an
/// annotation uses), so ids stay put when claims elsewhere come and go.
fn to_claim(
    corpus: &Corpus,
    source: usize,
    x: Extracted,
    ids: &mut HashMap<String, usize>,
    times: &ArticleTimes,
    taken: &HashSet<&str>,
) -> Claim {
    let vocabulary = &corpus.vocabulary;
    let base = format!(
        "x-{}-{}",
        vocabulary.predicate_info(x.predicate).id,
        vocabulary.entity_info(x.object).id
    );
    // An annotator may have used the same id: skip numbers taken in the source.
    let count = ids.entry(base.clone()).or_insert(0);
    let id = loop {
        *count += 1;
        let id = if *count == 1 {
            base.clone()
        } else {
            format!("{base}-{count}")
        };
        if !taken.contains(id.as_str()) {
            break id;
        }
    };
    let article = &corpus.sources[source].article;
    // An extracted claim states no time of its own: this cannot fail.
    let time = times.resolve(Some(&x.span), None).ok().flatten();
    Claim {
        source,
        id,
        // Extraction gives spans on character boundaries of this article.
        quote: article.get(x.span.clone()).unwrap_or_default().to_string(),
        span: x.span,
        subject: x.subject,
        predicate: x.predicate,
        object: x.object,
        extent: x.extent,
        polarity: x.polarity,
        time: time.as_ref().map(|t| t.interval),
        time_basis: time.as_ref().map(|t| t.basis),
        time_evidence: time.and_then(|t| t.evidence),
        modality: x.modality,
        attribution: x.attribution,
        count: x.count,
        origin: Origin::Extracted,
        note: None,
        extraction: Some(Extraction {
            rule: x.rule,
            confidence: x.confidence,
            trigger: x.trigger,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Lexicon;

    fn bundled_time() -> TimeWords<'static> {
        TimeWords {
            abbreviations: &[],
            lexicon: Lexicon::bundled(),
        }
    }

    const ARTICLE: &str = "انسحبت روسيا من سوريا. ثم قالت الصحيفة إن روسيا انسحبت من سوريا مرة أخرى.";

    fn corpus(annotation: &str) -> Corpus {
        crate::sources::tests::corpus_of(None, &[("daily", ARTICLE, annotation)])
    }

    fn extracted(corpus: &Corpus) -> Vec<Vec<Extracted>> {
        let mut diagnostics = Vec::new();
        let cues = crate::extract::cues::load(None, &corpus.vocabulary, &mut diagnostics);
        let extractor = crate::extract::Extractor::new(&corpus.vocabulary, &cues);
        vec![extractor.extract(ARTICLE, None)]
    }

    const SOURCE: &str =
        r#""source": {"outlet": "Daily", "title": "ثم", "published": {"date": "2024-12-20"}, "language": "ar"}"#;

    #[test]
    fn annotations_supersede_and_reject_and_ids_do_not_collide() {
        let annotation = format!(
            r#"{{{SOURCE}, "claims": [{{"id": "x-withdraw-syria-2", "quote": "انسحبت روسيا من سوريا.", "subject": "russia",
            "predicate": "withdraw", "object": "syria", "polarity": "affirmed", "modality": "asserted", "attribution": "outlet"}}]}}"#
        );
        let mut corpus = corpus(&annotation);
        let found = extracted(&corpus);
        let set_aside = merge(&mut corpus, found, ClaimSet::Both, bundled_time());
        let ids: Vec<&str> = corpus.claims.iter().map(|c| c.id.as_str()).collect();
        // The first extracted claim is superseded; the second skips the annotator's id.
        assert_eq!(ids, ["x-withdraw-syria-2", "x-withdraw-syria-3"]);
        assert!(matches!(&set_aside[0].reason, SetAsideReason::Superseded { by } if by == "x-withdraw-syria-2"));
    }

    #[test]
    fn a_rejection_silences_what_it_overlaps_and_only_in_the_combined_set() {
        let annotation =
            format!(r#"{{{SOURCE}, "claims": [], "rejected": [{{"quote": "مرة أخرى", "reason": "a repetition"}}]}}"#);
        let mut both = corpus(&annotation);
        let found = extracted(&both);
        let set_aside = merge(&mut both, found.clone(), ClaimSet::Both, bundled_time());
        assert_eq!(both.claims.len(), 1);
        assert!(matches!(&set_aside[0].reason, SetAsideReason::Rejected { reason } if reason == "a repetition"));
        let mut alone = corpus(&annotation);
        assert!(merge(&mut alone, found.clone(), ClaimSet::Extracted, bundled_time()).is_empty());
        assert_eq!(alone.claims.len(), 2);
        let mut annotated = corpus(&annotation);
        merge(&mut annotated, found, ClaimSet::Annotated, bundled_time());
        assert!(annotated.claims.is_empty());
    }
}
