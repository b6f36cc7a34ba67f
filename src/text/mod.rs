//! The text layer every stage reads through: a file's line index, quotes
//! located by byte span, folding to a matching key, words with byte spans,
//! sentence and clause segmentation, and light morphology (clitics, verb
//! inflection). Every function takes the original text and returns byte
//! offsets into it, or keys that live beside it; nothing alters the text.

mod fold;
mod locate;
mod morph;
mod segment;
mod source;
mod words;

pub use fold::{fold, fold_char, fold_into, fold_letter, is_format_control, is_ignorable};
pub use locate::{closest_passage, find_quote, word_spans};
pub use morph::{
    after_sin, ends_with_third_person, entry_keys, has_attached_lam, has_attached_preposition, has_conjunction,
    is_imperfect_prefix, is_possessed, looks_imperfect, starts_with_and, stems, without_article,
    without_attached_preposition, without_conjunction, without_proclitic,
};
pub use segment::{Paragraphs, clauses, sentences};
pub use source::{LineIndex, Location, SourceText};
pub use words::{Token, TokenKind, Words, tokens_in, words_in, words_into};
