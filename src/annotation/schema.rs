//! The annotation format, in one place: the documents `tanaqud extract`
//! writes (typed, serialized by serde) and the fields the reader accepts. A
//! test holds the two together, so the writer never writes a field the
//! reader refuses.

use serde::Serialize;

use crate::model::{Extent, Modality, Origin, Polarity};

pub const TOP_FIELDS: [&str; 4] = ["$comment", "source", "claims", "rejected"];

pub const SOURCE_FIELDS: [&str; 7] = [
    "outlet",
    "outlet_ar",
    "title",
    "published",
    "language",
    "original_file",
    "note",
];

pub const PUBLISHED_FIELDS: [&str; 4] = ["date", "time", "inferred", "note"];

/// `rule`, `confidence` and `evidence` come with claims written by `tanaqud
/// extract`; they are accepted so its output can be saved and corrected as
/// an annotation, and not read.
pub const CLAIM_FIELDS: [&str; 16] = [
    "id",
    "quote",
    "occurrence",
    "subject",
    "predicate",
    "object",
    "extent",
    "polarity",
    "time",
    "modality",
    "attribution",
    "note",
    "origin",
    "rule",
    "confidence",
    "evidence",
];

pub const REJECTION_FIELDS: [&str; 4] = ["quote", "occurrence", "predicate", "reason"];

/// One annotation file.
#[derive(Debug, Serialize)]
pub struct AnnotationDoc {
    pub source: SourceDoc,
    pub claims: Vec<ClaimDoc>,
}

#[derive(Debug, Serialize)]
pub struct SourceDoc {
    pub outlet: String,
    pub title: String,
    /// Null when no date is known.
    pub published: Option<PublishedDoc>,
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_file: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PublishedDoc {
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ClaimDoc {
    pub id: String,
    pub quote: String,
    /// Which occurrence of the quote, when it is not the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub extent: Extent,
    pub polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub modality: Modality,
    pub attribution: String,
    pub origin: Origin,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceDoc>,
}

/// Where an extracted claim was found: its quote's bytes and the predicate's words.
#[derive(Debug, Serialize)]
pub struct EvidenceDoc {
    pub start: usize,
    pub end: usize,
    pub trigger: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(value: &serde_json::Value) -> Vec<String> {
        value.as_object().unwrap().keys().cloned().collect()
    }

    /// Every field the writer can write is one the reader accepts.
    #[test]
    fn what_the_writer_writes_the_reader_accepts() {
        let claim = ClaimDoc {
            id: "x".into(),
            quote: "q".into(),
            occurrence: Some(2),
            subject: "s".into(),
            predicate: "p".into(),
            object: "o".into(),
            extent: Extent::Full,
            polarity: Polarity::Negated,
            time: Some("2024".into()),
            modality: Modality::Hedged,
            attribution: "outlet".into(),
            origin: Origin::Extracted,
            rule: Some("r".into()),
            confidence: Some(0.5),
            evidence: Some(EvidenceDoc {
                start: 0,
                end: 1,
                trigger: None,
            }),
        };
        let published = PublishedDoc {
            date: "2024".into(),
            time: Some("10:00".into()),
            inferred: true,
            note: Some("n".into()),
        };
        let source = SourceDoc {
            outlet: "o".into(),
            title: "t".into(),
            published: Some(published),
            language: "ar".into(),
            original_file: Some("f.txt".into()),
        };
        let document = serde_json::to_value(AnnotationDoc {
            source,
            claims: vec![claim],
        })
        .unwrap();
        assert!(keys(&document).iter().all(|k| TOP_FIELDS.contains(&k.as_str())));
        assert!(
            keys(&document["source"])
                .iter()
                .all(|k| SOURCE_FIELDS.contains(&k.as_str()))
        );
        let published = &document["source"]["published"];
        assert!(keys(published).iter().all(|k| PUBLISHED_FIELDS.contains(&k.as_str())));
        let claim = keys(&document["claims"][0]);
        let unwritten = ["note"];
        assert!(claim.iter().all(|k| CLAIM_FIELDS.contains(&k.as_str())));
        assert_eq!(claim.len() + unwritten.len(), CLAIM_FIELDS.len());
    }
}
