//! The annotation format, in one place: the documents `tanaqud extract`
//! writes (typed, serialized by serde) and the fields the reader accepts. A
//! test holds the two together, so the writer never writes a field the
//! reader refuses.

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::model::{Count, Extent, Modality, Named, Origin, Polarity, Qualifier};

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
pub const CLAIM_FIELDS: [&str; 17] = [
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
    "count",
    "note",
    "origin",
    "rule",
    "confidence",
    "evidence",
];

/// A claim's `count`: one qualifier field (`exact`, `at_least`, `more_than`,
/// `fewer_than`, `at_most`, `about`: a number; `between`, `several`: `[low,
/// high]`), and `percent` and `counted` when they apply.
pub fn count_fields() -> impl Iterator<Item = &'static str> {
    Qualifier::names().chain(["percent", "counted"])
}

/// A count as an annotation states it: `{"at_least": 210, "counted": "dead"}`.
#[derive(Debug)]
pub struct CountDoc(pub Count);

impl Serialize for CountDoc {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let amount = &self.0.amount;
        let mut map = serializer.serialize_map(None)?;
        match amount.qualifier {
            Qualifier::Between | Qualifier::Several => {
                map.serialize_entry(amount.qualifier.name(), &[amount.low, amount.high])?
            }
            Qualifier::FewerThan | Qualifier::AtMost => map.serialize_entry(amount.qualifier.name(), &amount.high)?,
            qualifier => map.serialize_entry(qualifier.name(), &amount.low)?,
        }
        if amount.percent {
            map.serialize_entry("percent", &true)?;
        }
        if let Some(counted) = &self.0.counted {
            map.serialize_entry("counted", counted)?;
        }
        map.end()
    }
}

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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<CountDoc>,
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
            count: Some(CountDoc(Count {
                amount: crate::model::Amount {
                    qualifier: Qualifier::Between,
                    low: 100.0,
                    high: 300.0,
                    percent: true,
                },
                counted: Some("dead".into()),
                span: None,
            })),
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
        let count = keys(&document["claims"][0]["count"]);
        assert_eq!(count.len(), 3);
        assert!(count.iter().all(|k| count_fields().any(|f| f == k)));
    }
}
