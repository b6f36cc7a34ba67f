//! Tokens: the one reading of text into pieces that every layer shares, each
//! with its byte span in the original text, its folded key and its kind.
//! [`words_in`] gives the words extraction matches (runs of letters and
//! digits); [`tokens_in`] splits digits from letters and keeps punctuation
//! too, for the time grammar, header metadata and quote location. Keys live
//! in one shared buffer so that a sentence costs two allocations, not one per
//! token. Marks and format controls ([`is_ignorable`]) neither split a token
//! nor show in its key; alone they are no token.

use std::ops::Range;

use super::fold::{Action, arabic_action_at, arabic_offset, fold_char, is_ignorable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits glued to them, in [`words_in`]): `سوريا`, `Putin`.
    Word,
    /// Decimal digits of any script; the key has them in ASCII: `2024`, `٢٣`.
    Number,
    /// One character that is neither a space nor part of a word ([`tokens_in`] only):
    /// `/`, `،`, `«`. Its key is the character itself.
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token in the original text.
    pub span: Range<usize>,
    /// Bytes of its folded key in `Words::keys`.
    key: Range<usize>,
    pub kind: TokenKind,
    /// It ends in ة, which folds to ه: that ه is no pronoun.
    pub taa_marbuta: bool,
}

/// The tokens of a piece of text.
#[derive(Clone, Debug, Default)]
pub struct Words {
    keys: String,
    pub words: Vec<Token>,
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

    /// The bytes of the text that words `range` cover (non-empty range).
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        self.words[range.start].span.start..self.words[range.end - 1].span.end
    }

    /// The word index of the first word starting at or after byte `offset`.
    pub fn at_or_after(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.start < offset)
    }

    /// Runs of tokens with nothing between them: of [`tokens_in`], the
    /// whitespace-separated words of the text (`«سوريا»،` is one run).
    pub fn runs(&self) -> impl Iterator<Item = &[Token]> {
        self.words.chunk_by(|a, b| a.span.end == b.span.start)
    }
}

/// Whether a character of U+0600–U+06FF, by its offset in the block, is part
/// of a word: letters, digits, marks and the Arabic letter mark (the ranges
/// where `is_alphanumeric` or `is_ignorable` holds), so that the hot loop
/// needs no Unicode tables.
const ARABIC_WORD_CHARS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(
            0x0600 + i as u32,
            0x0610..=0x061A | 0x061C | 0x0620..=0x0669 | 0x066E..=0x06D3 | 0x06D5..=0x06DC | 0x06E1..=0x06E8 | 0x06ED..=0x06FC | 0x06FF
        );
        i += 1;
    }
    table
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_ignorable(c)
}

/// The words of `text[range]`; spans are offsets into the whole `text`.
pub fn words_in(text: &str, range: Range<usize>) -> Words {
    let mut out = Words {
        keys: String::with_capacity(range.len()),
        words: Vec::with_capacity(range.len() / 8),
    };
    words_into(text, range, &mut out);
    out
}

/// Replaces `out` with the words of `text[range]`, reusing its buffers: runs
/// of letters and digits, the hot path of extraction.
pub fn words_into(text: &str, range: Range<usize>, out: &mut Words) {
    scan::<false>(text, range, out);
}

/// The tokens of `text[range]`: letters and digits apart (`ديسمبر2024` is a
/// word and a number), and every other character that is not a space as a
/// token of its own.
pub fn tokens_in(text: &str, range: Range<usize>) -> Words {
    let mut out = Words {
        keys: String::with_capacity(range.len()),
        words: Vec::with_capacity(range.len() / 4),
    };
    scan::<true>(text, range, &mut out);
    out
}

/// One pass over the bytes finds the tokens and folds them as
/// [`fold_into`](super::fold_into) would, with its Arabic table: ASCII and
/// Arabic characters are told by their first byte and need no decoding, and
/// the runs of a token that fold to themselves are copied into the keys
/// whole. `TOKENS`: split digits from letters and keep punctuation; compiled
/// apart, so that the words of extraction pay nothing for it.
fn scan<const TOKENS: bool>(text: &str, range: Range<usize>, out: &mut Words) {
    out.keys.clear();
    out.words.clear();
    let bytes = text.as_bytes();
    let mut open: Option<OpenWord> = None;
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        if (0xD8..=0xDB).contains(&b) {
            let offset = arabic_offset(b, bytes[i + 1]);
            if ARABIC_WORD_CHARS[offset] {
                let action = arabic_action_at(offset);
                let digit = TOKENS && matches!(action, Action::Replace(r) if r.is_ascii_digit());
                if TOKENS && action != Action::Drop {
                    split_at_digits(&mut open, digit, text, i, out);
                }
                let word = open.get_or_insert_with(|| OpenWord::new(i, &out.keys, digit));
                match action {
                    Action::Keep => word.taa_marbuta = false,
                    Action::Drop => word.replace(text, i..i + 2, &mut out.keys, None),
                    Action::Replace(r) => {
                        word.taa_marbuta = offset == TAA_MARBUTA_OFFSET;
                        word.replace(text, i..i + 2, &mut out.keys, Some(r));
                    }
                }
            } else {
                close(&mut open, text, i, out);
                if TOKENS {
                    push_punct(text, i..i + 2, out);
                }
            }
            i += 2;
        } else if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                let digit = TOKENS && b.is_ascii_digit();
                if TOKENS {
                    split_at_digits(&mut open, digit, text, i, out);
                }
                let word = open.get_or_insert_with(|| OpenWord::new(i, &out.keys, digit));
                word.taa_marbuta = false;
                if b.is_ascii_uppercase() {
                    word.replace(text, i..i + 1, &mut out.keys, Some(b.to_ascii_lowercase() as char));
                }
            } else {
                close(&mut open, text, i, out);
                if TOKENS && !(b as char).is_whitespace() {
                    push_punct(text, i..i + 1, out);
                }
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if is_word_char(c) {
                let ignorable = is_ignorable(c);
                if TOKENS && !ignorable {
                    split_at_digits(&mut open, false, text, i, out);
                }
                let word = open.get_or_insert_with(|| OpenWord::new(i, &out.keys, false));
                if !ignorable {
                    word.taa_marbuta = false;
                }
                word.replace(text, i..i + len, &mut out.keys, None);
                fold_char(c, &mut out.keys);
            } else {
                close(&mut open, text, i, out);
                if TOKENS && !c.is_whitespace() {
                    push_punct(text, i..i + len, out);
                }
            }
            i += len;
        }
    }
    close(&mut open, text, range.end, out);
}

/// Ends the open token before byte `at` when a `digit` (or a letter) is not
/// of its kind, so that letters and digits are tokens apart. A token that
/// holds only marks so far takes the kind of what comes.
fn split_at_digits(open: &mut Option<OpenWord>, digit: bool, text: &str, at: usize, out: &mut Words) {
    if let Some(word) = open
        && word.digits != digit
    {
        close(open, text, at, out);
    }
}

fn push_punct(text: &str, span: Range<usize>, out: &mut Words) {
    let key_start = out.keys.len();
    out.keys.push_str(&text[span.clone()]);
    out.words.push(Token {
        span,
        key: key_start..out.keys.len(),
        kind: TokenKind::Punct,
        taa_marbuta: false,
    });
}

/// ة in the Arabic block.
const TAA_MARBUTA_OFFSET: usize = 0x29;

/// The word being read.
struct OpenWord {
    start: usize,
    key_start: usize,
    /// The first byte not yet copied into the keys.
    copied_to: usize,
    /// Its last letter so far (marks aside) is ة.
    taa_marbuta: bool,
    /// A token of digits ([`tokens_in`] only).
    digits: bool,
}

impl OpenWord {
    fn new(start: usize, keys: &str, digits: bool) -> OpenWord {
        OpenWord {
            start,
            key_start: keys.len(),
            copied_to: start,
            taa_marbuta: false,
            digits,
        }
    }

    /// Copies the bytes before the character at `at`, then puts `with` (or
    /// nothing) in place of the character.
    fn replace(&mut self, text: &str, at: Range<usize>, keys: &mut String, with: Option<char>) {
        keys.push_str(&text[self.copied_to..at.start]);
        keys.extend(with);
        self.copied_to = at.end;
    }
}

/// Ends the open word, if any, at byte `end`. A run of marks alone (a stray
/// shadda) folds to nothing and is no word.
fn close(open: &mut Option<OpenWord>, text: &str, end: usize, out: &mut Words) {
    let Some(word) = open.take() else {
        return;
    };
    out.keys.push_str(&text[word.copied_to..end]);
    if let Some(&first) = out.keys.as_bytes().get(word.key_start) {
        // Most words start with a letter: one byte tells.
        let kind = if first.is_ascii_digit() && out.keys.as_bytes()[word.key_start..].iter().all(u8::is_ascii_digit) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.words.push(Token {
            span: word.start..end,
            key: word.key_start..out.keys.len(),
            kind,
            taa_marbuta: word.taa_marbuta,
        });
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

    #[test]
    fn a_format_control_inside_a_word_neither_splits_it_nor_shows_in_its_key() {
        for control in [
            '\u{00AD}', '\u{061C}', '\u{200F}', '\u{202B}', '\u{2060}', '\u{2066}', '\u{FEFF}',
        ] {
            let text = format!("من سو{control}ريا");
            let words = words_in(&text, 0..text.len());
            assert_eq!(words.len(), 2, "U+{:04X}", control as u32);
            assert_eq!(words.key(1), "سوريا", "U+{:04X}", control as u32);
            assert_eq!(&text[words.words[1].span.clone()], format!("سو{control}ريا"));
            // Alone between spaces it is no word.
            let text = format!("من {control} سوريا");
            assert_eq!(words_in(&text, 0..text.len()).len(), 2, "U+{:04X}", control as u32);
        }
    }

    #[test]
    fn the_arabic_table_agrees_with_unicode() {
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(
                ARABIC_WORD_CHARS[c as usize - 0x0600],
                is_word_char(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn keys_fold_whole_words_and_buffers_are_reused() {
        let text = "Putin،\u{200C}الـقـاعدة\u{FEFB}ﺳ ١٢";
        let mut words = words_in("كلمة أخرى", 0..17);
        words_into(text, 0..text.len(), &mut words);
        let keys: Vec<&str> = (0..words.len()).map(|i| words.key(i)).collect();
        assert_eq!(keys, ["putin", "القاعدهلاس", "12"]);
        assert_eq!(words.words[1].span.start, "Putin،".len());
    }
}
