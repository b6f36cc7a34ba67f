//! The tool's bundled data files, kept in `data/` at the root of the project:
//! the vocabulary and the extraction lexicon. A corpus directory with a file of
//! the same name uses its own copy instead; both are read the same way.

/// A data file compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct DataFile {
    /// The name a corpus's own copy has, and the name diagnostics give.
    pub name: &'static str,
    pub text: &'static str,
}

pub const VOCABULARY: DataFile = DataFile {
    name: "vocabulary.json",
    text: include_str!("../data/vocabulary.json"),
};

pub const LEXICON: DataFile = DataFile {
    name: "lexicon.json",
    text: include_str!("../data/lexicon.json"),
};
