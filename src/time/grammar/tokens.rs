//! The text layer's tokens ([`crate::text::tokens_in`]) as the grammar reads
//! them: numbers with their value, words with their meaning in the time
//! lexicon, and the punctuation the grammar knows. Nothing is tokenised here.

use crate::text::{TokenKind, Words, is_ignorable, tokens_in};
use crate::time::lexicon::{Kw, Lex, Lexicon};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Punct {
    Slash,
    Dot,
    Dash,
    Comma,
    Colon,
    Open,
    Close,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) struct Tok {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The tokens of `text`, in order. A conjunction و glued to a time word
/// (`والعشرين`) is a token of its own.
pub(super) fn read(text: &str, lexicon: &Lexicon) -> Vec<Tok> {
    let tokens = tokens_in(text, 0..text.len());
    let mut out = Vec::with_capacity(tokens.len());
    for i in 0..tokens.len() {
        let span = tokens.words[i].span.clone();
        let tok = |kind| Tok {
            kind,
            start: span.start,
            end: span.end,
        };
        match tokens.words[i].kind {
            TokenKind::Number => out.push(tok(number(&tokens, i))),
            TokenKind::Punct => out.push(tok(punct(tokens.key(i)))),
            TokenKind::Word => word(text, &tokens, i, lexicon, &mut out),
        }
    }
    out
}

fn number(tokens: &Words, i: usize) -> Kind {
    let key = tokens.key(i);
    let value = key.bytes().fold(0u32, |value, digit| {
        value.saturating_mul(10).saturating_add(u32::from(digit - b'0'))
    });
    Kind::Num {
        value,
        digits: key.len().min(255) as u8,
    }
}

fn punct(key: &str) -> Kind {
    let punct = match key {
        "/" | "\\" => Punct::Slash,
        "." => Punct::Dot,
        "-" | "–" | "—" | "−" | "‐" => Punct::Dash,
        "," | "،" => Punct::Comma,
        ":" => Punct::Colon,
        "(" | "[" => Punct::Open,
        ")" | "]" => Punct::Close,
        _ => return Kind::Other,
    };
    Kind::Punct(punct)
}

/// A word as its meaning in the lexicon, also under one attached
/// preposition or فـ, or as و and the time word glued to it.
fn word(text: &str, tokens: &Words, i: usize, lexicon: &Lexicon, out: &mut Vec<Tok>) {
    let key = tokens.key(i);
    let span = tokens.words[i].span.clone();
    let tok = |kind, start, end| Tok { kind, start, end };
    if let Some(lex) = lexicon.lookup(key) {
        out.push(tok(Kind::Word(lex), span.start, span.end));
        return;
    }
    if let Some(rest) = key.strip_prefix('و')
        && let Some(lex) = lexicon.lookup_with_clitics(rest)
    {
        // Where the letter after و starts, marks aside.
        let second = text[span.clone()]
            .char_indices()
            .filter(|&(_, c)| !is_ignorable(c))
            .nth(1)
            .map_or(span.end, |(at, _)| span.start + at);
        out.push(tok(Kind::Word(Lex::Kw(Kw::And)), span.start, second));
        out.push(tok(Kind::Word(lex), second, span.end));
        return;
    }
    let kind = lexicon.lookup_with_clitics(key).map_or(Kind::Other, Kind::Word);
    out.push(tok(kind, span.start, span.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        read(text, Lexicon::bundled()).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn reads_every_digit_script() {
        assert_eq!(kinds("٢٠٢٤"), vec![Kind::Num { value: 2024, digits: 4 }]);
        assert_eq!(kinds("۱۴"), vec![Kind::Num { value: 14, digits: 2 }]);
        assert_eq!(kinds("09"), vec![Kind::Num { value: 9, digits: 2 }]);
    }

    #[test]
    fn splits_letters_from_digits_and_glued_conjunctions() {
        let t = read("ديسمبر2024 و22", Lexicon::bundled());
        assert_eq!(t.len(), 4);
        assert_eq!(t[1].kind, Kind::Num { value: 2024, digits: 4 });
        assert_eq!(t[2].kind, Kind::Word(Lex::Kw(Kw::And)));
        let t = read("والعشرين", Lexicon::bundled());
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].start, t[0].end, t[1].start), (0, 2, 2));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "قبل  يومَين!";
        let t = read(text, Lexicon::bundled());
        assert_eq!(&text[t[1].start..t[1].end], "يومَين");
        assert_eq!(t[2].kind, Kind::Other);
        assert_eq!(&text[t[2].start..t[2].end], "!");
    }

    #[test]
    fn unknown_words_are_other_and_a_persian_keyboard_yeh_reads_as_arabic() {
        assert_eq!(kinds("سيارة"), vec![Kind::Other]);
        // `ی` (U+06CC) for `ي`, as Persian keyboards type it: the same minute.
        assert_eq!(kinds("دقیقة"), kinds("دقيقة"));
    }

    #[test]
    fn a_format_control_inside_a_time_word_changes_nothing() {
        for control in ['\u{00AD}', '\u{061C}', '\u{200F}', '\u{202B}', '\u{2066}'] {
            assert_eq!(
                kinds(&format!("ديس{control}مبر")),
                kinds("ديسمبر"),
                "U+{:04X}",
                control as u32
            );
            assert_eq!(
                kinds(&format!("20{control}24")),
                kinds("2024"),
                "U+{:04X}",
                control as u32
            );
        }
    }
}
