//! tanaqud: a claim-contradiction checker for Arabic news.
//!
//! Give it the articles collected on one story (bare Arabic text, optionally
//! with a fact-checker's annotations); it extracts each claim (subject,
//! predicate, scope, polarity, time, modality, attribution, quote), groups the
//! claims into propositions, and reports where sources dispute, conflict, are
//! in tension, agree or describe an update, each anchored to the articles' own
//! words.
//!
//! The whole pipeline is one call:
//!
//! ```no_run
//! use tanaqud::{Options, analyse_dir, render, Format};
//!
//! let (analysis, diagnostics) = analyse_dir("claims".as_ref(), Options::default());
//! eprint!("{}", tanaqud::report::render_diagnostics(&diagnostics));
//! if let Some(analysis) = analysis {
//!     print!("{}", render(&analysis.report, Format::Markdown));
//! }
//! ```
//!
//! The stages are modules of their own (see ARCHITECTURE.md for the map and
//! its invariants): [`corpus`] reads files, [`sources`] and [`annotation`]
//! build sources and claims, [`extract`] finds claims in bare text, [`merge`]
//! puts both together, [`origins`] groups reprints, [`propositions`] groups
//! claims into propositions and judges them, [`report`] prints.
//! [`text`] is the text layer every stage reads through, [`model`] the data at
//! the seams, [`time`] the Arabic time normaliser.

pub mod annotation;
pub mod claim_time;
pub mod corpus;
pub mod count;
pub mod data;
pub mod diag;
pub mod extract;
pub mod gold;
pub mod json;
pub mod merge;
pub mod metadata;
pub mod model;
pub mod names;
pub mod origins;
pub mod output;
pub mod pair;
pub mod pipeline;
pub mod propositions;
pub mod report;
pub mod role_nouns;
pub mod score;
pub mod sources;
pub mod suggest;
pub mod text;
pub mod time;
pub mod triage;
pub mod vocab;

pub use diag::{Diagnostic, Severity};
pub use merge::ClaimSet;
pub use model::{Claim, Corpus, Proposition, Source, Verdict, VerdictKind};
pub use pipeline::{Analysis, Options, analyse, analyse_dir};
pub use report::{Format, Report, render};
