//! tanaqud: claim-contradiction checker for Arabic news. See ARCHITECTURE.md.

pub mod annotation;
pub mod claim_time;
pub mod corpus;
pub mod data;
pub mod diag;
pub mod extract;
pub mod findings;
pub mod json;
pub mod merge;
pub mod metadata;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod score;
pub mod sources;
pub mod text;
pub mod time;
pub mod tuples;
pub mod vocab;
