//! Letter folding and the tokenizer. Matching works on folded words while
//! every token keeps its byte span in the original input.

use super::lexicon::{self, Kw, Lex};
use crate::text::{fold_letter, is_format_control, is_ignorable};

/// Value of an ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹) digit.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}')
        || (!c.is_ascii() && digit_value(c).is_none() && c.is_alphabetic())
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || is_format_control(c)
}

/// Folds `word` into `out`, returning the folded length, or None when the
/// word is too long to be in the lexicon. Used to build the lexicon too, so
/// both sides fold identically.
pub(crate) fn fold_into(word: &str, out: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for f in word.chars().filter_map(fold_letter) {
        let n = f.len_utf8();
        if len + n > out.len() {
            return None;
        }
        f.encode_utf8(&mut out[len..len + n]);
        len += n;
    }
    Some(len)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Punct {
    Slash,
    Dot,
    Dash,
    Comma,
    Colon,
    Open,
    Close,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Num {
        value: u32,
        digits: u8,
    },
    Word(Lex),
    Punct(Punct),
    /// An unknown word or symbol: no expression reaches across it.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// Longest folded word worth looking up; the longest lexicon entry is far shorter.
const MAX_WORD: usize = 48;

pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// The rest of a word whose attached conjunction و was emitted first.
    pending: Option<Tok>,
}

pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        pending: None,
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let bytes = self.text.as_bytes();
        loop {
            let start = self.pos;
            // ASCII fast path for spaces, which are most of the non-letters.
            let b = *bytes.get(start)?;
            if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
                self.pos += 1;
                continue;
            }
            let c = self.text[start..].chars().next()?;
            let clen = c.len_utf8();
            if is_space(c) {
                self.pos += clen;
                continue;
            }
            if digit_value(c).is_some() {
                return Some(self.number(start));
            }
            if is_letter(c) || is_ignorable(c) {
                return Some(self.word(start));
            }
            self.pos += clen;
            let kind = match c {
                '/' | '\\' => Kind::Punct(Punct::Slash),
                '.' => Kind::Punct(Punct::Dot),
                '-' | '–' | '—' | '−' | '‐' => Kind::Punct(Punct::Dash),
                ',' | '،' => Kind::Punct(Punct::Comma),
                ':' => Kind::Punct(Punct::Colon),
                '(' | '[' => Kind::Punct(Punct::Open),
                ')' | ']' => Kind::Punct(Punct::Close),
                _ => Kind::Other,
            };
            return Some(Tok {
                kind,
                start,
                end: self.pos,
            });
        }
    }
}

impl Tokens<'_> {
    fn number(&mut self, start: usize) -> Tok {
        let mut value: u32 = 0;
        let mut digits: u32 = 0;
        let mut end = start;
        for (i, c) in self.text[start..].char_indices() {
            let Some(d) = digit_value(c) else { break };
            value = value.saturating_mul(10).saturating_add(d);
            digits += 1;
            end = start + i + c.len_utf8();
        }
        self.pos = end;
        Tok {
            kind: Kind::Num {
                value,
                digits: digits.min(255) as u8,
            },
            start,
            end,
        }
    }

    fn word(&mut self, start: usize) -> Tok {
        let mut buf = [0u8; MAX_WORD];
        let mut len = 0;
        let mut overflow = false;
        // Where the second letter starts, so a leading و can become its own token.
        let mut second = None;
        let mut letters = 0;
        let mut end = start;
        for (i, c) in self.text[start..].char_indices() {
            if is_ignorable(c) {
                end = start + i + c.len_utf8();
                continue;
            }
            if !is_letter(c) {
                break;
            }
            letters += 1;
            if letters == 2 {
                second = Some(start + i);
            }
            end = start + i + c.len_utf8();
            let Some(f) = fold_letter(c) else { continue };
            let n = f.len_utf8();
            if len + n > MAX_WORD {
                overflow = true;
                continue;
            }
            f.encode_utf8(&mut buf[len..len + n]);
            len += n;
        }
        self.pos = end;
        let other = Tok {
            kind: Kind::Other,
            start,
            end,
        };
        if overflow || len == 0 {
            return other;
        }
        let folded = &buf[..len];
        if let Some(lex) = lexicon::lookup(folded) {
            return Tok {
                kind: Kind::Word(lex),
                start,
                end,
            };
        }
        // A conjunction glued to a known word: "والعشرين", "و22" is split by the digit already.
        if let (Some(rest), Some(second)) = (folded.strip_prefix("و".as_bytes()), second)
            && let Some(lex) = lexicon::lookup_with_clitics(rest)
        {
            self.pending = Some(Tok {
                kind: Kind::Word(lex),
                start: second,
                end,
            });
            return Tok {
                kind: Kind::Word(Lex::Kw(Kw::And)),
                start,
                end: second,
            };
        }
        match lexicon::lookup_with_clitics(folded) {
            Some(lex) => Tok {
                kind: Kind::Word(lex),
                start,
                end,
            },
            None => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        tokens(text).map(|t| t.kind).collect()
    }

    #[test]
    fn folds_hamza_forms_diacritics_and_tatweel() {
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        let la = fold_into("أبريل", &mut a).unwrap();
        let lb = fold_into("إبْرِيـــل", &mut b).unwrap();
        assert_eq!(&a[..la], &b[..lb]);
        let lc = fold_into("الجمعة", &mut a).unwrap();
        assert_eq!(std::str::from_utf8(&a[..lc]).unwrap(), "الجمعه");
    }

    #[test]
    fn reads_every_digit_script() {
        assert_eq!(kinds("٢٠٢٤"), vec![Kind::Num { value: 2024, digits: 4 }]);
        assert_eq!(kinds("۱۴"), vec![Kind::Num { value: 14, digits: 2 }]);
        assert_eq!(kinds("09"), vec![Kind::Num { value: 9, digits: 2 }]);
    }

    #[test]
    fn splits_letters_from_digits_and_glued_conjunctions() {
        let t: Vec<Tok> = tokens("ديسمبر2024 و22").collect();
        assert_eq!(t.len(), 4);
        assert_eq!(t[1].kind, Kind::Num { value: 2024, digits: 4 });
        assert_eq!(t[2].kind, Kind::Word(Lex::Kw(Kw::And)));
        let t: Vec<Tok> = tokens("والعشرين").collect();
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].start, t[0].end, t[1].start), (0, 2, 2));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "قبل  يومَين!";
        let t: Vec<Tok> = tokens(text).collect();
        assert_eq!(&text[t[1].start..t[1].end], "يومَين");
        assert_eq!(t[2].kind, Kind::Other);
        assert_eq!(&text[t[2].start..t[2].end], "!");
    }

    #[test]
    fn unknown_and_persian_spelled_words_are_other() {
        assert_eq!(kinds("دقیقه"), vec![Kind::Other]);
        assert_eq!(kinds("سيارة"), vec![Kind::Other]);
    }
}
