//! Locating quotes in an article, and the closest passage when a quote is
//! not found. Nothing here alters the text it is given.

use std::ops::Range;

use super::words::tokens_in;

/// The byte span of the `occurrence`-th (1-based) exact occurrence of `quote`.
pub fn find_quote(text: &str, quote: &str, occurrence: usize) -> Option<Range<usize>> {
    if quote.is_empty() || occurrence == 0 {
        return None;
    }
    text.match_indices(quote)
        .nth(occurrence - 1)
        .map(|(start, _)| start..start + quote.len())
}

/// The passage of `text` most similar to `quote`: windows of as many words as
/// the quote has, starting at each word, scored by normalised Levenshtein on
/// chars. Returns the span and its similarity (0–1).
pub fn closest_passage(text: &str, quote: &str) -> Option<(Range<usize>, f64)> {
    let words: Vec<Range<usize>> = word_spans(text).collect();
    let quote_words = word_spans(quote).count().max(1);
    let quote_chars = quote.chars().count();
    let mut best: Option<(Range<usize>, f64)> = None;
    for (i, word) in words.iter().enumerate() {
        let last = (i + quote_words - 1).min(words.len() - 1);
        let span = word.start..words[last].end;
        let score = similarity(quote, quote_chars, &text[span.clone()]);
        if best.as_ref().is_none_or(|(_, s)| score > *s) {
            best = Some((span, score));
        }
    }
    best
}

fn similarity(a: &str, a_chars: usize, b: &str) -> f64 {
    let longest = a_chars.max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - strsim::levenshtein(a, b) as f64 / longest as f64
}

/// Byte spans of whitespace-separated words: the runs of the text's tokens,
/// punctuation included (`«سوريا»،`).
pub fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + use<> {
    let tokens = tokens_in(text, 0..text.len());
    let spans: Vec<Range<usize>> = tokens
        .runs()
        .map(|run| run[0].span.start..run[run.len() - 1].span.end)
        .collect();
    spans.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "قال مسؤول إن روسيا لم تنسحب من قواعدها في سوريا.\nوأضاف أن المفاوضات مستمرة.";

    #[test]
    fn finds_the_requested_occurrence() {
        let text = "سوريا ثم سوريا";
        assert_eq!(find_quote(text, "سوريا", 2), Some(16..26));
        assert_eq!(find_quote(text, "سوريا", 3), None);
        assert_eq!(find_quote(text, "", 1), None);
    }

    #[test]
    fn words_are_split_at_spaces_only() {
        let text = "  قال: «لن تنسحب»،\tفي\u{200F}٢٠٢٤. ";
        let words: Vec<&str> = word_spans(text).map(|span| &text[span]).collect();
        assert_eq!(words, ["قال:", "«لن", "تنسحب»،", "في\u{200F}٢٠٢٤."]);
    }

    #[test]
    fn closest_passage_forgives_a_missing_hamza() {
        let (span, score) = closest_passage(ARTICLE, "روسيا لم تنسحب من قواعدها فى سوريا").unwrap();
        assert_eq!(&ARTICLE[span], "روسيا لم تنسحب من قواعدها في سوريا.");
        assert!(score > 0.9, "{score}");
    }
}
