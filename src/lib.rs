//! tanaqud: claim-contradiction checker for Arabic news. See ARCHITECTURE.md.

pub mod claims;
pub mod cli;
pub mod corpus;
pub mod data;
pub mod diag;
pub mod extract;
pub mod findings;
pub mod json;
pub mod merge;
pub mod metadata;
pub mod model;
pub mod report;
pub mod score;
pub mod text;
pub mod time;
pub mod tuples;
pub mod vocab;
