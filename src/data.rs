//! The tool's bundled data files, kept in `data/` at the root of the project
//! (format and provenance: `data/README.md`): the general news vocabulary,
//! which a story's vocabulary is layered on; the story vocabulary and the
//! extraction lexicon, which a corpus directory with a file of the same name
//! replaces with its own copy, read the same way; the time words
//! (`time::Lexicon`) and the outlet cues (`metadata::OutletCues`), whose
//! readers take another copy as well; the number words (`count::CountWords`),
//! bundled only.

/// A data file compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct DataFile {
    /// The name a corpus's own copy has, and the name diagnostics give.
    pub name: &'static str,
    pub text: &'static str,
}

/// The gazetteer: states, cities, seas and named institutions, generated
/// (`scripts/gazetteer/`), under the news vocabulary and every story's.
pub const GAZETTEER: DataFile = DataFile {
    name: "gazetteer.json",
    text: include_str!("../data/gazetteer.json"),
};

/// The general news vocabulary: predicates of news in families, under every
/// corpus's story vocabulary (never replaced, only overridden entry by entry).
pub const NEWS: DataFile = DataFile {
    name: "news.json",
    text: include_str!("../data/news.json"),
};

/// The sample story's vocabulary (Russia's forces in Syria), for a corpus with none of its own.
pub const VOCABULARY: DataFile = DataFile {
    name: "vocabulary.json",
    text: include_str!("../data/vocabulary.json"),
};

pub const LEXICON: DataFile = DataFile {
    name: "lexicon.json",
    text: include_str!("../data/lexicon.json"),
};

pub const TIME_WORDS: DataFile = DataFile {
    name: "time_words.json",
    text: include_str!("../data/time_words.json"),
};

pub const OUTLETS: DataFile = DataFile {
    name: "outlets.json",
    text: include_str!("../data/outlets.json"),
};

pub const NUMBERS: DataFile = DataFile {
    name: "numbers.json",
    text: include_str!("../data/numbers.json"),
};

/// Role nouns that name an actor by office (`role_nouns::RoleNouns`). Bundled only.
pub const ROLES: DataFile = DataFile {
    name: "roles.json",
    text: include_str!("../data/roles.json"),
};

/// Pairs of opposite words, for pair mode (`pair::Opposites`). Bundled only.
pub const OPPOSITES: DataFile = DataFile {
    name: "opposites.json",
    text: include_str!("../data/opposites.json"),
};
