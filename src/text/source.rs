//! A file's text as the user gave it, and its line index: byte offsets turn
//! into lines and columns without altering the text.

use std::ops::Range;

/// Where a span of a file stands, for a reader: its line, its column in
/// characters (as editors count), its bytes (as the JSON keeps them), and an
/// excerpt of its line, bounded so that a one-line file does not repeat itself
/// whole in every diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters from the line's start.
    pub column: usize,
    /// The span in bytes of the file.
    pub span: Range<usize>,
    /// The part of the line the span starts on that is shown, without its line break.
    pub excerpt: String,
    /// The span to mark, in bytes within `excerpt`.
    pub underline: Range<usize>,
}

/// Bytes of a line shown on either side of a span: a line longer than that
/// (minified JSON, an article on one line) is shown as a window around it.
const EXCERPT_REACH: usize = 240;

/// Byte offsets of line starts, built once per file, for turning spans into
/// lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r` (old Mac files), as editors count them.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let ends = memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')));
        let starts = std::iter::once(0).chain(ends.map(|i| i + 1)).collect();
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`, and the byte where that line starts.
    pub fn line_of(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset);
        (line, self.starts[line - 1])
    }

    /// `span` of `text` (the text this index was built from) as a [`Location`].
    /// A span that is out of range or not on character boundaries is moved to
    /// the nearest boundaries inside the text.
    pub fn locate(&self, text: &str, span: Range<usize>) -> Location {
        self.locate_from(text, span, (0, 1))
    }

    /// [`LineIndex::locate`], counting the column on from a place already
    /// known, `(byte, column)`, when the span is after it on its line.
    fn locate_from(&self, text: &str, span: Range<usize>, known: (usize, usize)) -> Location {
        let start = floor_boundary(text, span.start.min(text.len()));
        let (line, line_start) = self.line_of(start);
        // The next line's start, less the break before it (`\n`, `\r\n` or `\r`).
        let next = self.starts.get(line).copied().unwrap_or(text.len());
        let line_end = line_start
            + text[line_start..next]
                .trim_end_matches('\n')
                .trim_end_matches('\r')
                .len();
        let end = floor_boundary(text, span.end.clamp(start, line_end.max(start)));
        let shown_start = floor_boundary(text, start.saturating_sub(EXCERPT_REACH).max(line_start));
        let shown_end = floor_boundary(text, (end + EXCERPT_REACH).min(line_end)).max(end);
        Location {
            line,
            column: match known {
                (byte, column) if (line_start..=start).contains(&byte) => column + text[byte..start].chars().count(),
                _ => text[line_start..start].chars().count() + 1,
            },
            span: start..span.end.max(start),
            excerpt: text[shown_start..shown_end].to_string(),
            underline: start - shown_start..end - shown_start,
        }
    }
}

/// The largest character boundary of `text` at or before `at` (≤ its length).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A file's text with its line index, built the first time a span is located.
pub struct SourceText<'t> {
    pub text: &'t str,
    lines: std::cell::OnceCell<LineIndex>,
    /// The last place located, as (byte, 1-based char column): diagnostics
    /// mostly come in text order, so the next column on the same line is
    /// counted on from it, not from the line's start (a one-line file).
    last: std::cell::Cell<(usize, usize)>,
}

impl<'t> SourceText<'t> {
    pub fn new(text: &'t str) -> SourceText<'t> {
        SourceText {
            text,
            lines: std::cell::OnceCell::new(),
            last: std::cell::Cell::new((0, 1)),
        }
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }

    pub fn locate(&self, span: Range<usize>) -> Location {
        let (from, column) = self.last.get();
        let location = self.lines().locate_from(self.text, span, (from, column));
        self.last.set((location.span.start, location.column));
        location
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "قال مسؤول إن روسيا لم تنسحب من قواعدها في سوريا.\nوأضاف أن المفاوضات مستمرة.";

    #[test]
    fn columns_count_characters_and_spans_keep_bytes() {
        let source = SourceText::new(ARTICLE);
        let second_line = ARTICLE.find('\n').unwrap() + 1;
        assert_eq!((source.locate(0..1).line, source.locate(0..1).column), (1, 1));
        let after_word = second_line + "وأضاف".len();
        let location = source.locate(after_word..after_word + 1);
        assert_eq!((location.line, location.column), (2, 6));
        assert_eq!(location.span, after_word..after_word + 1);
        assert_eq!(&location.excerpt[location.underline.clone()], " ");
    }

    #[test]
    fn spans_off_character_boundaries_or_past_the_end_are_moved_inside() {
        let text = "{\"a\":1\u{0648}";
        let location = SourceText::new(text).locate(text.len() - 1..text.len() + 3);
        assert_eq!((location.line, location.column), (1, 7));
        let location = SourceText::new("{\"source\"\r").locate(9..11);
        assert_eq!(location.excerpt, "{\"source\"");
        assert_eq!(location.underline, 9..9);
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let text = "أ\rب\r\nج\nد";
        let source = SourceText::new(text);
        let lines: Vec<(usize, String)> = ["ب", "ج", "د"]
            .iter()
            .map(|w| {
                let at = text.find(w).unwrap();
                let location = source.locate(at..at + 2);
                (location.line, location.excerpt)
            })
            .collect();
        assert_eq!(lines, [(2, "ب".into()), (3, "ج".into()), (4, "د".into())]);
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_span() {
        let text = format!("{}X{}", "ب".repeat(5_000), "ت".repeat(5_000));
        let at = text.find('X').unwrap();
        let location = SourceText::new(&text).locate(at..at + 1);
        assert_eq!(location.column, 5_001);
        assert!(
            location.excerpt.len() <= 2 * EXCERPT_REACH + 1,
            "{}",
            location.excerpt.len()
        );
        assert_eq!(&location.excerpt[location.underline.clone()], "X");
    }
}
