//! The annotation format: a fact-checker's `<id>.json` beside each article.
//! `schema` defines it once; `read` turns a file into a source and claims,
//! `write` turns extracted claims into files to correct (`tanaqud extract`).

mod read;
mod schema;
mod write;

pub use read::{is_valid_id, read_annotation};
pub use schema::{AnnotationDoc, ClaimDoc, EvidenceDoc, PublishedDoc, SourceDoc};
pub use write::{documents, render};
