//! The Arabic text layer: folding to a matching key, words with byte spans,
//! sentence and clause segmentation, and light morphology (clitics, verb
//! inflection). Every function takes the original text and returns byte
//! offsets into it, or keys that live beside it; nothing alters the text.

mod fold;
mod morph;
mod segment;
mod words;

pub use fold::{fold, fold_char, fold_into, fold_letter, is_ignorable};
pub use morph::{entry_keys, stems};
pub use segment::{clauses, sentences};
pub use words::{Word, Words, words_in, words_into};
