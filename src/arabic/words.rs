//! Words: runs of letters and digits, each with its byte span in the original
//! text and its folded key. Keys live in one shared buffer so that a sentence
//! costs two allocations, not one per word.

use std::ops::Range;

use super::fold::{fold_char, is_ignorable};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Bytes of the word in the original text.
    pub span: Range<usize>,
    /// Bytes of its folded key in `Words::keys`.
    key: Range<usize>,
    /// It ends in ة, which folds to ه: that ه is no pronoun.
    pub taa_marbuta: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Words {
    keys: String,
    pub words: Vec<Word>,
}

impl Words {
    pub fn key(&self, index: usize) -> &str {
        &self.keys[self.words[index].key.clone()]
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word index of the first word starting at or after byte `offset`.
    pub fn at_or_after(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.start < offset)
    }
}

fn is_word_char(c: char) -> bool {
    // Fast paths for ASCII and the Arabic letters, digits and marks; the
    // general Unicode tables are slow per character.
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0621..=0x065F | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06F0..=0x06F9 => true,
        _ => c.is_alphanumeric() || is_ignorable(c),
    }
}

/// The words of `text[range]`; spans are offsets into the whole `text`.
pub fn words_in(text: &str, range: Range<usize>) -> Words {
    let mut out = Words {
        keys: String::with_capacity(range.len()),
        words: Vec::with_capacity(range.len() / 8),
    };
    let base = range.start;
    let mut current: Option<(usize, usize)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = base + i;
        if is_word_char(c) {
            if current.is_none() {
                current = Some((at, out.keys.len()));
            }
            fold_char(c, &mut out.keys);
        } else if let Some((start, key_start)) = current.take() {
            push(&mut out, text, start..at, key_start);
        }
    }
    if let Some((start, key_start)) = current {
        push(&mut out, text, start..range.end, key_start);
    }
    out
}

fn push(out: &mut Words, text: &str, span: Range<usize>, key_start: usize) {
    let taa_marbuta = text[span.clone()].chars().rev().find(|&c| !is_ignorable(c)) == Some('ة');
    // A run of marks alone (a stray shadda) folds to nothing and is no word.
    if out.keys.len() > key_start {
        out.words.push(Word {
            span,
            key: key_start..out.keys.len(),
            taa_marbuta,
        });
    } else {
        out.keys.truncate(key_start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_original_and_keys_are_folded() {
        let text = "قال: «لن تُغادرَ القوات» في ٢٠٢٤.";
        let words = words_in(text, 0..text.len());
        let shown: Vec<(&str, &str)> = (0..words.len())
            .map(|i| (&text[words.words[i].span.clone()], words.key(i)))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("قال", "قال"),
                ("لن", "لن"),
                ("تُغادرَ", "تغادر"),
                ("القوات", "القوات"),
                ("في", "في"),
                ("٢٠٢٤", "2024"),
            ]
        );
    }

    #[test]
    fn a_range_keeps_offsets_of_the_whole_text() {
        let text = "أولاً. ثم انسحبت";
        let start = text.find('ث').unwrap();
        let words = words_in(text, start..text.len());
        assert_eq!(words.words[1].span, start + "ثم ".len()..text.len());
        assert_eq!(words.key(1), "انسحبت");
        assert_eq!(words.at_or_after(start + 1), 1);
    }

    #[test]
    fn lone_marks_are_not_words() {
        let text = "ّ ـ سحب";
        let words = words_in(text, 0..text.len());
        assert_eq!(words.len(), 1);
        assert_eq!(words.key(0), "سحب");
    }
}
