//! Extracted claims in the annotation format (`tanaqud extract`): a document
//! a fact-checker can save as `<id>.json` and correct, plus how each claim
//! was found (`origin`, `rule`, `confidence`, `evidence`).

use super::schema::{AnnotationDoc, ClaimDoc, EvidenceDoc, PublishedDoc, SourceDoc};
use crate::model::{Attribution, Basis, Claim, Corpus, Source};

/// One annotation document per source, with its id.
pub fn documents(corpus: &Corpus) -> Vec<(String, AnnotationDoc)> {
    corpus
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            let claims = corpus
                .claims
                .iter()
                .filter(|c| c.source == index)
                .map(|claim| claim_doc(corpus, source, claim))
                .collect();
            (
                source.id.clone(),
                AnnotationDoc {
                    source: source_doc(source),
                    claims,
                },
            )
        })
        .collect()
}

fn source_doc(source: &Source) -> SourceDoc {
    let from_file_name = |p: &crate::model::Published| p.basis == Basis::FileName;
    SourceDoc {
        outlet: source.outlet.clone(),
        title: source.title.clone(),
        published: source.published.as_ref().map(|p| PublishedDoc {
            date: p.date.to_string(),
            time: p.time.map(|time| time.format("%H:%M").to_string()),
            inferred: from_file_name(p),
            note: from_file_name(p).then(|| "from the file name".to_string()),
        }),
        language: source.language.clone(),
        original_file: source.original_file.clone(),
    }
}

fn claim_doc(corpus: &Corpus, source: &Source, claim: &Claim) -> ClaimDoc {
    let vocabulary = &corpus.vocabulary;
    let occurrence = source.article[..claim.span.start].matches(claim.quote.as_str()).count() + 1;
    ClaimDoc {
        id: claim.id.clone(),
        quote: claim.quote.clone(),
        occurrence: (occurrence > 1).then_some(occurrence),
        subject: vocabulary.entity_info(claim.subject).id.clone(),
        predicate: vocabulary.predicate_info(claim.predicate).id.clone(),
        object: vocabulary.entity_info(claim.object).id.clone(),
        extent: claim.extent,
        polarity: claim.polarity,
        time: claim.time.map(|time| time.to_string()),
        modality: claim.modality,
        attribution: match claim.attribution {
            Attribution::Outlet => "outlet".to_string(),
            Attribution::Entity(id) => vocabulary.entity_info(id).id.clone(),
        },
        origin: claim.origin,
        rule: claim.extraction.as_ref().map(|x| x.rule.clone()),
        confidence: claim.extraction.as_ref().map(|x| x.confidence),
        evidence: claim.extraction.as_ref().map(|x| EvidenceDoc {
            start: claim.span.start,
            end: claim.span.end,
            trigger: source.article.get(x.trigger.clone()).map(str::to_string),
        }),
    }
}

/// One document as it is, several as an array, pretty-printed.
pub fn render(documents: &[(String, AnnotationDoc)]) -> String {
    let docs: Vec<&AnnotationDoc> = documents.iter().map(|(_, d)| d).collect();
    let text = match docs.as_slice() {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    };
    let mut text = text.unwrap_or_default();
    text.push('\n');
    text
}
