//! Extracted claims in the annotation format (`tanaqud extract`): a document
//! a fact-checker can save as `<id>.json` and correct, plus how each claim
//! was found (`origin`, `rule`, `confidence`, `evidence`).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::schema::{AnnotationDoc, ClaimDoc, CountDoc, EvidenceDoc, PublishedDoc, SourceDoc};
use crate::model::{Attribution, Claim, Corpus, Count, PublicationBasis, Source};

/// One annotation document per source, with its id.
pub fn documents(corpus: &Corpus) -> Vec<(String, AnnotationDoc)> {
    corpus
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            let claims: Vec<&Claim> = corpus.claims.iter().filter(|c| c.source == index).collect();
            let quoted: Vec<(&str, usize)> = claims.iter().map(|c| (c.quote.as_str(), c.span.start)).collect();
            let occurrences = occurrences(&source.article, &quoted);
            let claims = claims
                .iter()
                .zip(occurrences)
                .map(|(claim, occurrence)| claim_doc(corpus, source, claim, occurrence))
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
    SourceDoc {
        outlet: source.outlet.clone(),
        title: source.title.clone(),
        published: source.published.as_ref().map(|p| PublishedDoc {
            date: p.date.to_string(),
            time: p.time.map(|time| time.format("%H:%M").to_string()),
            inferred: p.inferred,
            // An inferred date needs a note: the one it was inferred with.
            note: p.inferred.then(|| match (&p.basis, &p.note) {
                (_, Some(note)) => note.clone(),
                (PublicationBasis::FileName, None) => "from the file name".to_string(),
                _ => "inferred".to_string(),
            }),
        }),
        language: source.language.clone(),
        original_file: source.original_file.clone(),
    }
}

/// Which occurrence of its quote in the article each `(quote, start)` is (1
/// for the first): one pass over the article for all quotes at once.
fn occurrences(article: &str, quoted: &[(&str, usize)]) -> Vec<usize> {
    let mut distinct: HashMap<&str, usize> = HashMap::new();
    let pattern_of: Vec<usize> = quoted
        .iter()
        .map(|&(quote, _)| {
            let next = distinct.len();
            *distinct.entry(quote).or_insert(next)
        })
        .collect();
    let mut quotes = vec![""; distinct.len()];
    for (quote, &index) in &distinct {
        quotes[index] = quote;
    }
    // Where each quote occurs, in text order, as the reader counts (the
    // occurrences `str::match_indices` finds, which do not overlap).
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); quotes.len()];
    // An NFA: a few long quotes per article, searched once; a DFA's build
    // (bytes of the quotes × the alphabet) would cost more than the search.
    let Ok(searcher) = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&quotes)
    else {
        return vec![1; quoted.len()];
    };
    let Ok(hits) = searcher.try_find_overlapping_iter(article) else {
        return vec![1; quoted.len()];
    };
    for hit in hits {
        let (pattern, start) = (hit.pattern().as_usize(), hit.start());
        let quote_len = quotes[pattern].len();
        if starts[pattern].last().is_none_or(|&last| start >= last + quote_len) {
            starts[pattern].push(start);
        }
    }
    quoted
        .iter()
        .zip(pattern_of)
        .map(|(&(_, at), pattern)| starts[pattern].partition_point(|&p| p < at) + 1)
        .collect()
}

fn claim_doc(corpus: &Corpus, source: &Source, claim: &Claim, occurrence: usize) -> ClaimDoc {
    let vocabulary = &corpus.vocabulary;
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
        count: claim.count.clone().map(|count| CountDoc(Count { span: None, ..count })),
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

#[cfg(test)]
mod tests {
    use super::occurrences;

    #[test]
    fn occurrences_count_as_the_reader_finds_them() {
        let article = "قال: انسحبت. ثم قال: انسحبت. نننن";
        let second = article.rfind("انسحبت").unwrap();
        let twice = article.rfind("نن").unwrap();
        let quoted = [
            ("انسحبت", second),
            ("قال", 0),
            ("انسحبت", article.find("انسحبت").unwrap()),
            ("نن", twice),
        ];
        // «نن» twice in «نننن», not three times: occurrences do not overlap.
        assert_eq!(occurrences(article, &quoted), [2, 1, 1, 2]);
        for (quote, at) in quoted {
            let nth = occurrences(article, &[(quote, at)])[0];
            assert_eq!(crate::text::find_quote(article, quote, nth).map(|s| s.start), Some(at));
        }
    }
}
