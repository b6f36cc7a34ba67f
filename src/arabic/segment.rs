//! Sentence and clause segmentation. Returns byte ranges of the original text,
//! trimmed of surrounding spaces; the text itself is never changed.
//!
//! A sentence ends at . ! ? ؟ … (with any closing quotes or brackets after
//! them) and at every line break, since headlines and header lines stand on
//! their own lines. A full stop glued to the next word (`منه.ويبدو`) still
//! ends one; a stop between digits (`14.12.2017`) or after a one-letter or
//! listed abbreviation (`د.`, `M.Adam`) does not. Inside « » and “ ” quotes a
//! stop does not end the sentence: the quote belongs to whoever says it.

use std::ops::Range;

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | ')' | ']' | '’' | '\'')
}

/// Whether a byte may start a character that [`sentences`] acts on: the ASCII
/// stops, quotes, brackets and line breaks, and the lead bytes of « » (C2)
/// and … “ ” ’ U+2029 (E2). The Arabic ؟ is told by both its bytes, since its
/// lead D8 starts half the Arabic letters. Every other byte is skipped undecoded.
const MAY_MATTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(
            i as u8,
            b'.' | b'!' | b'?' | b'"' | b'\n' | b'\r' | b')' | b']' | b'\'' | 0xC2 | 0xE2
        );
        i += 1;
    }
    table
};

/// ؟ in UTF-8.
const ARABIC_QUESTION_MARK: [u8; 2] = [0xD8, 0x9F];

/// Sentence ranges of `text`. `abbreviations` are folded words that a full
/// stop may follow without ending a sentence (`ص`, `هـ`, `Dr`).
pub fn sentences(text: &str, abbreviations: &[String]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: u32 = 0;
    let mut straight_open = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Continuation bytes (0x80–0xBF) never matter, so no char boundary is tracked.
        let b = bytes[at];
        // Non-short-circuit `&` and `|`: whether a lead is D8 is a coin toss,
        // which a branch would keep mispredicting.
        let matters = MAY_MATTER[b as usize]
            | ((b == ARABIC_QUESTION_MARK[0]) & (bytes.get(at + 1) == Some(&ARABIC_QUESTION_MARK[1])));
        if !matters {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        match c {
            '\n' | '\r' | '\u{2029}' => {
                push_trimmed(text, start..at, &mut out);
                start = at + c.len_utf8();
                depth = 0;
                straight_open = false;
            }
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            '"' => {
                straight_open = !straight_open;
            }
            _ if is_terminator(c) && depth == 0 && !straight_open => {
                if c == '.' && !ends_sentence(text, at, abbreviations) {
                    at += 1;
                    continue;
                }
                // Take the rest of the punctuation run and closing quotes with it.
                let mut end = at + c.len_utf8();
                for next in text[end..].chars() {
                    if !(is_terminator(next) || is_closer(next)) {
                        break;
                    }
                    if next == '"' {
                        straight_open = !straight_open;
                    }
                    end += next.len_utf8();
                }
                push_trimmed(text, start..end, &mut out);
                start = end;
                at = end;
                continue;
            }
            _ => {}
        }
        at += c.len_utf8();
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether the full stop at byte `at` ends a sentence.
fn ends_sentence(text: &str, at: usize, abbreviations: &[String]) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    if before.is_some_and(|c| c.is_numeric()) && after.is_some_and(|c| c.is_numeric()) {
        return false;
    }
    // The word before the stop.
    let word_len: usize = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    let word = &text[at - word_len..at];
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    let folded = super::fold(word);
    !abbreviations.contains(&folded)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed = slice.trim_start();
    let start = range.start + (slice.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if end > start {
        out.push(start..end);
    }
}

/// Clause ranges inside `sentence`: split at ، ؛ ; : and at a comma that is
/// not between digits. Quotes are not split.
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut depth: u32 = 0;
    let slice = &text[sentence.clone()];
    let mut previous = ' ';
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = sentence.start + i;
        let next = iter.peek().map_or(' ', |&(_, c)| c);
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            '،' | '؛' | ';' | ':' if depth == 0 => {
                push_trimmed(text, start..at, &mut out);
                start = at + c.len_utf8();
            }
            ',' if depth == 0 && !(previous.is_numeric() && next.is_numeric()) => {
                push_trimmed(text, start..at, &mut out);
                start = at + 1;
            }
            _ => {}
        }
        previous = c;
    }
    push_trimmed(text, start..sentence.end, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &["ص".to_string(), "dr".to_string()])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn ends_at_arabic_and_latin_terminators() {
        assert_eq!(
            split("انسحبت القوات. هل تعود؟ لا! ربما…"),
            vec!["انسحبت القوات.", "هل تعود؟", "لا!", "ربما…"]
        );
    }

    #[test]
    fn a_missing_space_after_a_stop_still_ends_a_sentence() {
        assert_eq!(split("لا بد منه.ويبدو أن"), vec!["لا بد منه.", "ويبدو أن"]);
    }

    #[test]
    fn dates_decimals_and_abbreviations_do_not_end_sentences() {
        assert_eq!(split("في 14.12.2017 زار بوتين"), vec!["في 14.12.2017 زار بوتين"]);
        assert_eq!(split("كتبه M.Adam اليوم. ثم"), vec!["كتبه M.Adam اليوم.", "ثم"]);
        assert_eq!(split("قال د. أحمد إن"), vec!["قال د. أحمد إن"]);
        assert_eq!(split("الساعة 10 ص. ثم"), vec!["الساعة 10 ص. ثم"]);
        assert_eq!(split("Dr. Smith said."), vec!["Dr. Smith said."]);
    }

    #[test]
    fn line_breaks_end_headlines() {
        assert_eq!(
            split("سكاي نيوز عربية\nالاثنين 23 كانون الأول 2024\n\nروسيا على اتصال"),
            vec!["سكاي نيوز عربية", "الاثنين 23 كانون الأول 2024", "روسيا على اتصال"]
        );
    }

    #[test]
    fn quotations_stay_whole_and_take_their_closing_mark() {
        assert_eq!(
            split("قال بيسكوف: «لم نتخذ قرارا. الأمر قيد البحث». وأضاف"),
            vec!["قال بيسكوف: «لم نتخذ قرارا. الأمر قيد البحث».", "وأضاف"]
        );
        assert_eq!(split("قال “لا انسحاب.” ثم"), vec!["قال “لا انسحاب.” ثم"]);
        assert_eq!(split("قال \"لن ننسحب.\" ثم غادر."), vec!["قال \"لن ننسحب.\" ثم غادر."]);
        assert_eq!(split("هل انسحبت؟» قال"), vec!["هل انسحبت؟»", "قال"]);
    }

    #[test]
    fn clauses_split_at_arabic_punctuation_but_not_inside_quotes_or_numbers() {
        let text = "قال الكرملين، إن القوات باقية؛ وأضاف: «نعم، باقية» في 1,500 موقع";
        let parts: Vec<&str> = clauses(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            vec!["قال الكرملين", "إن القوات باقية", "وأضاف", "«نعم، باقية» في 1,500 موقع"]
        );
    }

    #[test]
    fn the_byte_tables_know_every_character_that_matters() {
        let mut buf = [0; 4];
        for c in [
            '.', '!', '?', '؟', '…', '"', '\n', '\r', '\u{2029}', '«', '»', '“', '”', ')', ']', '’', '\'',
        ] {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(
                MAY_MATTER[bytes[0] as usize] || bytes[..2] == ARABIC_QUESTION_MARK,
                "{c}"
            );
        }
        assert_eq!("؟".as_bytes(), ARABIC_QUESTION_MARK);
    }

    #[test]
    fn spans_are_trimmed_offsets_into_the_text() {
        let text = "  أولا.   ثانيا  ";
        let ranges = sentences(text, &[]);
        assert_eq!(
            ranges,
            vec![2..text.find('.').unwrap() + 1, text.find('ث').unwrap()..text.len() - 2]
        );
    }
}
