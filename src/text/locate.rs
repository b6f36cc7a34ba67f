//! Locating quotes in an article, and the closest passage when a quote is
//! not found. Nothing here alters the text it is given.

use std::collections::HashMap;
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

/// Quote words that propose where the passage may start: the rarest in the
/// article, each at most at [`PLACES_PER_WORD`] places.
const ANCHOR_WORDS: usize = 6;
const PLACES_PER_WORD: usize = 64;
/// Candidate windows compared character by character.
const FINALISTS: usize = 8;
/// Characters of the quote and of a window that are compared: a long quote's
/// likeness is judged on its opening.
const COMPARED_CHARS: usize = 400;

/// The passage of `text` most similar to `quote`, and how alike they are
/// (0–1, normalised Levenshtein on characters). Windows of as many words as
/// the quote has start where the quote's rarest words put them; those whose
/// words agree most with the quote's are compared: the cost is bounded
/// whatever the sizes, where comparing every window grew with their product.
/// None when the quote shares no word with the text.
pub fn closest_passage(text: &str, quote: &str) -> Option<(Range<usize>, f64)> {
    let words: Vec<Range<usize>> = word_spans(text).collect();
    let quote_spans: Vec<Range<usize>> = word_spans(quote).collect();
    if words.is_empty() || quote_spans.is_empty() {
        return None;
    }
    let keys: Vec<String> = words.iter().map(|w| super::fold(&text[w.clone()])).collect();
    let quote_keys: Vec<String> = quote_spans.iter().map(|w| super::fold(&quote[w.clone()])).collect();
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        places.entry(key.as_str()).or_default().push(i);
    }
    // The rarest quote words, with their place in the quote.
    let mut anchors: Vec<(usize, &Vec<usize>)> = quote_keys
        .iter()
        .enumerate()
        .filter_map(|(j, key)| places.get(key.as_str()).map(|at| (j, at)))
        .collect();
    anchors.sort_by_key(|(j, at)| (at.len(), *j));
    let mut starts: Vec<usize> = anchors
        .iter()
        .take(ANCHOR_WORDS)
        .flat_map(|(j, at)| at.iter().take(PLACES_PER_WORD).filter_map(move |&i| i.checked_sub(*j)))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let agreeing = |start: usize| {
        (0..quote_keys.len())
            .filter(|&j| keys.get(start + j).is_some_and(|k| *k == quote_keys[j]))
            .count()
    };
    let mut ranked: Vec<(usize, usize)> = starts.iter().map(|&start| (agreeing(start), start)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let quote_prefix = prefix(quote, COMPARED_CHARS);
    let quote_chars = quote_prefix.chars().count();
    let mut best: Option<(Range<usize>, f64)> = None;
    for &(_, start) in ranked.iter().take(FINALISTS) {
        let last = (start + quote_spans.len() - 1).min(words.len() - 1);
        let span = words[start].start..words[last].end;
        let score = similarity(quote_prefix, quote_chars, prefix(&text[span.clone()], COMPARED_CHARS));
        if best.as_ref().is_none_or(|(_, s)| score > *s) {
            best = Some((span, score));
        }
    }
    best
}

/// At most the first `chars` characters of `text`.
fn prefix(text: &str, chars: usize) -> &str {
    text.char_indices().nth(chars).map_or(text, |(at, _)| &text[..at])
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
    fn a_long_quote_with_a_typo_is_placed_without_comparing_every_window() {
        let sentence = "قالت المصادر إن القوات الروسية انسحبت من مواقعها في الشمال السوري خلال الأسبوع الماضي. ";
        let article: String = (0..400).map(|i| format!("{sentence}الفقرة رقم {i}. ")).collect();
        // The whole article as the quote, with one letter wrong.
        let quote = article.trim_end().replacen("الشمال", "الشمل", 1);
        let (span, score) = closest_passage(&article, &quote).unwrap();
        assert_eq!(span.start, 0);
        assert!(score > 0.9, "{score}");
        assert_eq!(closest_passage("نص لا علاقة له", "كلمات أخرى تماما"), None);
    }

    #[test]
    fn closest_passage_forgives_a_missing_hamza() {
        let (span, score) = closest_passage(ARTICLE, "روسيا لم تنسحب من قواعدها فى سوريا").unwrap();
        assert_eq!(&ARTICLE[span], "روسيا لم تنسحب من قواعدها في سوريا.");
        assert!(score > 0.9, "{score}");
    }
}
