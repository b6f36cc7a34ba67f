//! Extracted claims in the annotation format (`tanaqud extract`): a document
//! a fact-checker can save as `<id>.json` and correct, plus how each claim
//! was found (`origin`, `rule`, `confidence`, `evidence`).

use serde_json::{Map, Value, json};

use super::claim_row;
use crate::model::{Basis, Corpus};

/// One annotation document per source, with its id.
pub fn annotations(corpus: &Corpus) -> Vec<(String, Value)> {
    corpus
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            let mut meta = Map::new();
            meta.insert("outlet".into(), json!(source.outlet));
            meta.insert("title".into(), json!(source.title));
            let published = source.published.as_ref().map(|p| {
                let mut published = Map::new();
                published.insert("date".into(), json!(p.date.to_string()));
                if let Some(time) = p.time {
                    published.insert("time".into(), json!(time.format("%H:%M").to_string()));
                }
                if p.basis == Basis::FileName {
                    published.insert("inferred".into(), json!(true));
                    published.insert("note".into(), json!("from the file name"));
                }
                Value::Object(published)
            });
            meta.insert("published".into(), published.unwrap_or(Value::Null));
            meta.insert("language".into(), json!(source.language));
            if let Some(original) = &source.original_file {
                meta.insert("original_file".into(), json!(original));
            }
            let claims: Vec<Value> = corpus
                .claims
                .iter()
                .filter(|c| c.source == index)
                .map(|claim| {
                    let row = claim_row(corpus, claim);
                    let occurrence = source.article[..claim.span.start].matches(claim.quote.as_str()).count() + 1;
                    let mut out = Map::new();
                    out.insert("id".into(), json!(claim.id));
                    out.insert("quote".into(), json!(claim.quote));
                    if occurrence > 1 {
                        out.insert("occurrence".into(), json!(occurrence));
                    }
                    out.insert("subject".into(), json!(row.subject));
                    out.insert("predicate".into(), json!(row.predicate));
                    out.insert("object".into(), json!(row.object));
                    out.insert("extent".into(), json!(row.extent));
                    out.insert("polarity".into(), json!(row.polarity));
                    if let Some(time) = claim.time {
                        out.insert("time".into(), json!(time.to_string()));
                    }
                    out.insert("modality".into(), json!(row.modality));
                    out.insert("attribution".into(), json!(row.attribution));
                    out.insert("origin".into(), json!(row.origin));
                    if let Some(x) = &row.extraction {
                        out.insert("rule".into(), json!(x.rule));
                        out.insert("confidence".into(), json!(x.confidence));
                        out.insert(
                            "evidence".into(),
                            json!({
                                "start": claim.span.start,
                                "end": claim.span.end,
                                "trigger": source.article.get(x.trigger.start..x.trigger.end),
                            }),
                        );
                    }
                    Value::Object(out)
                })
                .collect();
            (source.id.clone(), json!({"source": meta, "claims": claims}))
        })
        .collect()
}

/// One document as it is, several as an array, pretty-printed.
pub fn render(documents: &[(String, Value)]) -> String {
    let value = match documents {
        [(_, one)] => one.clone(),
        many => Value::Array(many.iter().map(|(_, d)| d.clone()).collect()),
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
