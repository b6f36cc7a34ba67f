//! Sentence and clause segmentation. Returns byte ranges of the original text,
//! trimmed of surrounding spaces; the text itself is never changed.
//!
//! A sentence ends at . ! ? ؟ … (with any closing quotes or brackets after
//! them) and at every line break, since headlines and header lines stand on
//! their own lines, and at a list bullet (`•`), which pages use to run
//! several headlines on one line. A full stop glued to the next word (`منه.ويبدو`) still
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

/// The characters a scan acts on, told by bytes so that every other
/// character is skipped undecoded: ASCII and other lead bytes by themselves,
/// Arabic punctuation by its second byte after D8 (the lead of half the Arabic
/// letters, which alone would stop the scan at every other letter).
/// Continuation bytes (0x80–0xBF) are never leads, so no char boundary is tracked.
///
/// A trait with constant bytes, not a value: each scan is compiled with its
/// bytes known, which is what lets the compiler test a chunk in vector registers.
trait Marks {
    const LEADS: &'static [u8];
    const AFTER_D8: &'static [u8];

    /// The first offset at or after `from` where a character that may be a mark starts.
    fn find(bytes: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        while at < bytes.len() {
            let hits = match bytes.get(at..at + CHUNK).and_then(|c| c.try_into().ok()) {
                Some(chunk) => Self::hits(chunk),
                None => {
                    // The last bytes, padded with zeros, which are no mark.
                    let mut chunk = [0; CHUNK];
                    chunk[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                    Self::hits(&chunk)
                }
            };
            // One byte per place, 1 at a hit; lowest first.
            let mut hits = u128::from_le_bytes(hits);
            while hits != 0 {
                let k = at + hits.trailing_zeros() as usize / 8;
                hits &= hits - 1;
                if Self::LEADS.contains(&bytes[k]) {
                    return Some(k);
                }
                // A second byte: a mark if its lead is D8 (which may be in the chunk before).
                if k > from && bytes[k - 1] == 0xD8 {
                    return Some(k - 1);
                }
            }
            at += CHUNK;
        }
        None
    }

    /// Byte i 1 when byte i of `chunk` is a lead or a second byte of a mark.
    /// Every byte is compared with every such byte without branches, into a
    /// byte of its own, which the compiler does for the whole chunk at once
    /// in vector registers.
    fn hits(chunk: &[u8; CHUNK]) -> [u8; CHUNK] {
        let mut hits = [0; CHUNK];
        for (hit, &b) in hits.iter_mut().zip(chunk) {
            let mut is_mark = false;
            for &m in Self::LEADS {
                is_mark |= b == m;
            }
            for &m in Self::AFTER_D8 {
                is_mark |= b == m;
            }
            *hit = u8::from(is_mark);
        }
        hits
    }
}

/// Bytes a scan looks at together: most chunks of Arabic text hold no mark.
const CHUNK: usize = 16;

/// What [`sentences`] acts on: the ASCII stops, straight quote and line
/// breaks, « » (lead C2), … “ ” U+2029 and the bullets (lead E2) and ؟ (D8 9F). Closing
/// brackets and quotes matter only right after a stop, where the scan reads
/// on by characters.
struct SentenceMarks;

impl Marks for SentenceMarks {
    const LEADS: &'static [u8] = b".!?\"\n\r\xC2\xE2";
    const AFTER_D8: &'static [u8] = b"\x9F";
}

/// What [`clauses`] acts on: , ; : « » (lead C2), “ ” (lead E2), ، (D8 8C) and ؛ (D8 9B).
struct ClauseMarks;

impl Marks for ClauseMarks {
    const LEADS: &'static [u8] = b",;:\xC2\xE2";
    const AFTER_D8: &'static [u8] = b"\x8C\x9B";
}

/// Sentence ranges of `text`. `abbreviations` are folded words that a full
/// stop may follow without ending a sentence (`ص`, `هـ`, `Dr`).
pub fn sentences(text: &str, abbreviations: &[String]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: u32 = 0;
    let mut straight_open = false;
    let mut from = 0;
    while let Some(at) = SentenceMarks::find(text.as_bytes(), from) {
        let c = text[at..].chars().next().unwrap_or(' ');
        from = at + c.len_utf8();
        match c {
            // A list bullet starts an item of its own, as a line break does.
            '\n' | '\r' | '\u{2029}' | '•' | '‣' | '▪' | '●' | '◦' => {
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
                from = end;
            }
            _ => {}
        }
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
        .take_while(|&c| is_alphanumeric(c))
        .map(char::len_utf8)
        .sum();
    let word = &text[at - word_len..at];
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    let folded = super::fold(word);
    !abbreviations.contains(&folded)
}

/// `char::is_alphanumeric`, with ASCII and the Arabic block answered by
/// ranges: the Unicode tables are slow, and each full stop's word is read
/// back a character at a time.
fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0600..=0x06FF => matches!(
            c as u32,
            0x0610..=0x061A
                | 0x0620..=0x0657
                | 0x0659..=0x0669
                | 0x066E..=0x06D3
                | 0x06D5..=0x06DC
                | 0x06E1..=0x06E8
                | 0x06ED..=0x06FC
                | 0x06FF
        ),
        _ => c.is_alphanumeric(),
    }
}

/// The longest sentence, in bytes (about 250 Arabic words; the longest in the
/// sample corpora is under a quarter of it). A longer run without a sentence
/// end — no punctuation, or a quote left open — is cut at the last space
/// before the bound, so that the rules, which look around each word of a
/// sentence, stay linear in the article.
pub const MAX_SENTENCE_BYTES: usize = 3_000;

fn push_trimmed(text: &str, mut range: Range<usize>, out: &mut Vec<Range<usize>>) {
    while range.end - range.start > MAX_SENTENCE_BYTES {
        let mut bound = range.start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(bound) {
            bound -= 1;
        }
        // At the last space before the bound; a run without one is cut where it is.
        let cut = match text[range.start..bound].rfind(char::is_whitespace) {
            Some(space) if space > 0 => range.start + space,
            _ => bound,
        };
        push_piece(text, range.start..cut, out);
        range.start = cut;
    }
    push_piece(text, range, out);
}

fn push_piece(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed = slice.trim_start();
    let start = range.start + (slice.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if end > start {
        out.push(start..end);
    }
}

/// An article's paragraphs, its lines, found once: the paragraph around a
/// span is then a binary search, however long the line (one line may be the
/// whole article).
pub struct Paragraphs {
    breaks: Vec<usize>,
    len: usize,
}

impl Paragraphs {
    pub fn of(text: &str) -> Paragraphs {
        Paragraphs {
            breaks: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
            len: text.len(),
        }
    }

    /// From the line break before `span` to the one after it, without the breaks.
    pub fn around(&self, span: &Range<usize>) -> Range<usize> {
        let before = self.breaks.partition_point(|&b| b < span.start);
        let start = before.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let after = self.breaks.partition_point(|&b| b < span.end);
        start..self.breaks.get(after).copied().unwrap_or(self.len)
    }
}

/// Clause ranges inside `sentence`: split at ، ؛ ; : and at a comma that is
/// not between digits. Quotes are not split.
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut depth: u32 = 0;
    let slice = &text[sentence.clone()];
    let mut from = 0;
    while let Some(i) = ClauseMarks::find(slice.as_bytes(), from) {
        let at = sentence.start + i;
        let c = slice[i..].chars().next().unwrap_or(' ');
        from = i + c.len_utf8();
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            '،' | '؛' | ';' | ':' if depth == 0 => {
                push_trimmed(text, start..at, &mut out);
                start = at + c.len_utf8();
            }
            ',' if depth == 0 => {
                let previous = slice[..i].chars().next_back().unwrap_or(' ');
                let next = slice[i + 1..].chars().next().unwrap_or(' ');
                if !(previous.is_numeric() && next.is_numeric()) {
                    push_trimmed(text, start..at, &mut out);
                    start = at + 1;
                }
            }
            _ => {}
        }
    }
    push_trimmed(text, start..sentence.end, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_without_an_end_is_cut_at_a_space_before_the_bound() {
        let words = "كلمة ".repeat(2_000);
        let text = format!("«{words}");
        let found = sentences(&text, &[]);
        assert!(found.len() > 1);
        assert!(found.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert!(
            found
                .iter()
                .all(|s| !text[s.clone()].starts_with(' ') && !text[s.clone()].ends_with(' '))
        );
        assert_eq!(found.first().unwrap().start, 0);
        assert_eq!(found.last().unwrap().end, text.trim_end().len());
        // A run with no space at all is cut where the bound falls, on a character boundary.
        let solid = "ب".repeat(4_000);
        let pieces = sentences(&solid, &[]);
        assert_eq!(pieces.iter().map(|p| p.len()).sum::<usize>(), solid.len());
    }

    #[test]
    fn a_paragraph_is_the_line_around_a_span() {
        let text = "أولاً. قال إن روسيا انسحبت أمس؟ ثم\nسطر آخر.";
        let quote = text.find("روسيا").unwrap()..text.find(" أمس").unwrap();
        let paragraphs = Paragraphs::of(text);
        assert_eq!(&text[paragraphs.around(&quote)], "أولاً. قال إن روسيا انسحبت أمس؟ ثم");
        let second = text.find("سطر").unwrap();
        assert_eq!(&text[paragraphs.around(&(second..second + 2))], "سطر آخر.");
    }

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
    fn bullets_end_the_headlines_a_page_runs_together() {
        assert_eq!(
            split("الجيش يتقدم نحو المدينة • الحكومة تنفي سقوطها ● المعارضة تعلن النصر"),
            vec!["الجيش يتقدم نحو المدينة", "الحكومة تنفي سقوطها", "المعارضة تعلن النصر"]
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
    fn alphanumeric_ranges_agree_with_unicode() {
        for c in '\0'..='\u{07FF}' {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn marks_are_found_by_their_bytes() {
        fn found<M: Marks>(text: &str) -> Vec<char> {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(at) = M::find(text.as_bytes(), from) {
                found.push(text[at..].chars().next().unwrap());
                from = at + 1;
            }
            found
        }
        let text = "قال: «نعم، لا» و“هل؟” (أ.ب) … ؛ 'x'\r\n\u{2029}! ص ، , ; ] ’";
        let wanted = |marks: &str| -> Vec<char> { text.chars().filter(|&c| marks.contains(c)).collect() };
        // ’ shares its lead byte with “ ”.
        assert_eq!(found::<SentenceMarks>(text), wanted(".!?؟…\"\n\r\u{2029}«»“”’"));
        // Other characters of a mark's lead byte are found too (’ after E2), never fewer.
        let clause_marks = wanted(",;:،؛«»“”");
        let mut found_clause_marks = found::<ClauseMarks>(text);
        found_clause_marks.retain(|c| clause_marks.contains(c));
        assert_eq!(found_clause_marks, clause_marks);
        assert!(found::<SentenceMarks>("الصف").is_empty());
        // Marks at every place around a chunk's end, ؟ split across two chunks among them.
        for before in 0..2 * CHUNK {
            let text = format!("{}ؤ{}؟ ص.", "a".repeat(before % 2), "ب".repeat(before / 2));
            assert_eq!(found::<SentenceMarks>(&text), ['؟', '.'], "{text}");
        }
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
