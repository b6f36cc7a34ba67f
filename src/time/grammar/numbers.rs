//! Numbers written in words or digits, read off the token stream:
//! counts ("ثلاثة عشر", "خمسة وعشرين", "21") and definite ordinals
//! ("الخامس عشر", "الحادي والعشرين", "الثالث عشرة").

use super::tokens::{Kind, Tok};
use crate::time::lexicon::{Kw, Lex};

fn word(toks: &[Tok], i: usize) -> Option<Lex> {
    match toks.get(i)?.kind {
        Kind::Word(lex) => Some(lex),
        _ => None,
    }
}

/// A tens word, cardinal or ordinal: the second half of "خمسة وعشرين".
fn tens(toks: &[Tok], i: usize) -> Option<u32> {
    match word(toks, i)? {
        Lex::Cardinal(t) if (20..=90).contains(&t) && t % 10 == 0 => Some(t as u32),
        Lex::Ordinal(t) if t == 20 || t == 30 => Some(t as u32),
        _ => None,
    }
}

/// Extends a unit value `u` read just before `j` with a teen (عشر/عشرة)
/// or a "و + tens" part.
fn compound(u: u32, toks: &[Tok], j: usize) -> (u32, usize) {
    if u < 10 {
        if word(toks, j) == Some(Lex::Cardinal(10)) {
            return (u + 10, j + 1);
        }
        if word(toks, j) == Some(Lex::Kw(Kw::And))
            && let Some(t) = tens(toks, j + 1)
        {
            return (u + t, j + 2);
        }
    }
    (u, j)
}

/// A count at `i`: digits (at most six) or a cardinal word phrase.
pub(crate) fn cardinal(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    match toks.get(i)?.kind {
        Kind::Num { value, digits } if digits <= 6 => Some((value, i + 1)),
        Kind::Word(Lex::Cardinal(u)) => Some(compound(u as u32, toks, i + 1)),
        _ => None,
    }
}

/// A definite ordinal phrase at `i`.
pub(crate) fn ordinal(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    match word(toks, i)? {
        Lex::Ordinal(u) => Some(compound(u as u32, toks, i + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::grammar::tokens;

    type Reader = fn(&[Tok], usize) -> Option<(u32, usize)>;

    fn read(f: Reader, text: &str) -> Option<(u32, usize)> {
        f(&tokens::read(text, crate::time::Lexicon::bundled()), 0)
    }

    #[test]
    fn ordinals_with_teens_and_tens() {
        assert_eq!(read(ordinal, "الخامس عشر"), Some((15, 2)));
        assert_eq!(read(ordinal, "الثالث عشرة"), Some((13, 2)));
        assert_eq!(read(ordinal, "الحادي والعشرين"), Some((21, 3)));
        assert_eq!(read(ordinal, "الثلاثين"), Some((30, 1)));
        assert_eq!(read(ordinal, "العاشر من"), Some((10, 1)));
        assert_eq!(read(ordinal, "ثلاثة"), None);
    }

    #[test]
    fn cardinals_in_words_and_digits() {
        assert_eq!(read(cardinal, "ثلاثة أيام"), Some((3, 1)));
        assert_eq!(read(cardinal, "أحد عشر يوما"), Some((11, 2)));
        assert_eq!(read(cardinal, "خمسة وعشرين"), Some((25, 3)));
        assert_eq!(read(cardinal, "٢١ يوما"), Some((21, 1)));
        assert_eq!(read(cardinal, "1234567"), None);
    }
}
