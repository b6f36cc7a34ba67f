//! Metadata of a bare article (no annotation): its outlet, title and
//! publication date, detected from the lines above its body and from its file
//! name. Pure: it reads only the strings it is given.
//!
//! The header is the run of non-blank lines before the first long line (the
//! body), at most [`HEADER_LINES`] of them. Scraped pages put there the
//! outlet's name (often more than once), section names, breadcrumbs, the
//! headline (often twice), a dateline and an author.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::data::{DataFile, OUTLETS};
use crate::diag::Diagnostic;
use crate::json::JsonFile;
use crate::model::Found;
use crate::text::{TokenKind, fold, is_format_control, tokens_in};
use crate::time::{Anchor, Calendar, Granularity, Interval, Lexicon, Prefer};

/// Words that name a kind of outlet (`data/outlets.json`); a short header
/// line holding one is taken as the outlet when no line repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutletCues {
    /// Folded.
    cues: Vec<String>,
}

static BUNDLED_CUES: LazyLock<OutletCues> = LazyLock::new(|| OutletCues::from_data(OUTLETS).0);

impl OutletCues {
    /// The cues compiled into the binary.
    pub fn bundled() -> &'static OutletCues {
        &BUNDLED_CUES
    }

    /// Reads a data file, with the problems it has.
    pub fn from_data(data: DataFile) -> (OutletCues, Vec<Diagnostic>) {
        let file = JsonFile::new(data.name, data.text);
        let cues = OutletCues::read(&file);
        (cues, file.into_diagnostics())
    }

    /// Reads `file` (`{"cues": [...]}`); problems go to its diagnostics.
    pub fn read(file: &JsonFile) -> OutletCues {
        let mut cues = Vec::new();
        if let Some(root) = file.parse()
            && let Some(top) = file.object(&root, "the outlet cues", &["$comment", "cues"])
        {
            if top.get("cues").is_none() {
                file.error(top.span(), "the outlet cues have no `cues` field");
            }
            for cue in top.strings("cues") {
                let key = fold(&cue.value);
                if key.is_empty() || key.contains(char::is_whitespace) {
                    file.error(cue.span, format!("`{}` is not one word", cue.value));
                } else {
                    cues.push(key);
                }
            }
        }
        OutletCues { cues }
    }
}

/// A line of the body has at least this many words; the header ends before it.
const BODY_WORDS: usize = 12;
/// The header is never longer than this many non-blank lines.
const HEADER_LINES: usize = 20;
/// An outlet's name, and what a dateline may hold besides its date, is this short.
const SHORT_WORDS: usize = 5;
/// Shorter header lines are sections, authors or bylines, not headlines.
const TITLE_MIN_WORDS: usize = 3;

/// Where a detected publication date was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateBasis {
    /// A dateline of the header: the whole line.
    Header(Found),
    /// The file name (`…-2024-12-14`, `…-2024-12`, `…-2024`).
    FileName,
    /// Inferred from the body: the latest absolute date it mentions (the expression).
    Text(Found),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetectedDate {
    /// A day from the header; a day, month or year from the file name.
    pub date: Interval,
    pub time: Option<NaiveTime>,
    pub basis: DateBasis,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detected {
    pub outlet: Option<Found>,
    pub title: Option<Found>,
    pub published: Option<DetectedDate>,
}

/// Detects the metadata of `text`, whose file is named `file_name_stem`
/// (without `.txt`). A date stated in the header wins over the file name.
pub fn detect(file_name_stem: &str, text: &str, outlet_cues: &OutletCues, time: &Lexicon) -> Detected {
    let lines = header(text);
    let dated = dateline(&lines, time);
    let echo = title_echo(&lines);
    let outlet = outlet(&lines, echo.map(|i| lines[i].text.as_str()), outlet_cues);
    let title = echo.or_else(|| {
        lines
            .iter()
            .enumerate()
            .filter(|(_, line)| {
                word_count(&line.text) >= TITLE_MIN_WORDS
                    && outlet.is_none_or(|o| lines[o].text != line.text)
                    && !is_dateline(line, time)
                    && !is_breadcrumb(&line.text)
            })
            // The first of the longest: a later line as long is a subtitle.
            .max_by_key(|(i, line)| (word_count(&line.text), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    });
    let published = dated
        .or_else(|| {
            date_from_file_name(file_name_stem).map(|date| DetectedDate {
                date,
                time: None,
                basis: DateBasis::FileName,
            })
        })
        .or_else(|| latest_date_in_text(text, time));
    Detected {
        outlet: outlet.map(|i| lines[i].clone()),
        title: title.map(|i| lines[i].clone()),
        published,
    }
}

/// The non-blank lines before the body, trimmed of spaces, direction marks and
/// leading bullets, with their spans.
fn header(text: &str) -> Vec<Found> {
    let mut lines = Vec::new();
    let mut offset = 0;
    // Lines end at \n, \r\n or a lone \r (old Mac files); the empty piece
    // between \r and \n is a blank line, skipped.
    for raw in text.split_inclusive(['\n', '\r']) {
        let start = offset;
        offset += raw.len();
        let lead = raw.len() - raw.trim_start_matches(is_padding).len();
        let line = raw[lead..].trim_end_matches(is_space);
        if line.is_empty() {
            continue;
        }
        if word_count(line) >= BODY_WORDS || lines.len() == HEADER_LINES {
            break;
        }
        lines.push(Found {
            text: line.to_string(),
            span: start + lead..start + lead + line.len(),
        });
    }
    lines
}

/// Whitespace, and the format controls pages leave around and inside a line.
fn is_space(c: char) -> bool {
    c.is_whitespace() || is_format_control(c)
}

fn is_padding(c: char) -> bool {
    is_space(c) || matches!(c, '•' | '·' | '●' | '▪' | '*' | '-' | '–')
}

/// Whitespace-separated words with at least one letter or digit: a lone `-`
/// or `•` is not a word.
fn word_count(text: &str) -> usize {
    tokens_in(text, 0..text.len())
        .runs()
        .filter(|run| run.iter().any(|token| token.kind != TokenKind::Punct))
        .count()
}

/// `الرئيسة \ واحة اللقاء \ …`: segments joined by a separator between spaces
/// (no-break spaces too, as pages write them).
fn is_breadcrumb(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[1], '\\' | '>' | '»' | '›' | '/') && is_space(w[0]) && is_space(w[2]))
}

fn is_placeholder(line: &str) -> bool {
    line.eq_ignore_ascii_case("placeholder")
}

/// Full dates stated in a line. A publication date must be stated in full, so
/// it must not depend on the date it is read against: reading the line
/// against two anchors far apart and keeping what agrees drops relative
/// expressions (منذ ساعتين، أمس), bare weekdays, dates without a year and
/// two-digit years. Only days (with or without a clock time) count: a month or
/// a year in a header is not a dateline.
fn full_dates(line: &Found, time: &Lexicon) -> Vec<Interval> {
    let anchor = |year| Anchor {
        date: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        time: None,
    };
    let late = time.find_all(&line.text, anchor(2100), Prefer::Past, Calendar::Gregorian);
    time.find_all(&line.text, anchor(1900), Prefer::Past, Calendar::Gregorian)
        .into_iter()
        .filter(|early| {
            matches!(
                early.interval.granularity,
                Granularity::Day | Granularity::Hour | Granularity::Minute | Granularity::Second
            ) && late
                .iter()
                .any(|l| l.span == early.span && l.interval == early.interval)
        })
        // Few other words on the line: a headline that mentions a date is not a dateline.
        .filter(|r| {
            let rest = word_count(&line.text[..r.span.start]) + word_count(&line.text[r.span.end..]);
            rest <= SHORT_WORDS
        })
        .map(|r| r.interval)
        .collect()
}

fn is_dateline(line: &Found, time: &Lexicon) -> bool {
    !full_dates(line, time).is_empty()
}

/// The publication date from the header: the first full date on the last
/// dateline. The dateline nearest the body is the article's own; a page's
/// date (its masthead, the day it was collected) comes above it. Al Khaleej's
/// page shows `14.12.2017` under its headline and the editorial's own
/// `الاربعاء 13/12/2017` just above the text, and the editorial is of the 13th.
/// On one line, a later date is an update (`نشر … - آخر تحديث …`).
fn dateline(lines: &[Found], time: &Lexicon) -> Option<DetectedDate> {
    lines.iter().rev().find_map(|line| {
        let interval = full_dates(line, time).into_iter().next()?;
        Some(DetectedDate {
            date: Interval::day(interval.start?),
            time: interval.time,
            basis: DateBasis::Header(line.clone()),
        })
    })
}

/// A headline printed twice in a row (the page's title and its heading): the
/// first line equal to the next.
fn title_echo(lines: &[Found]) -> Option<usize> {
    lines.windows(2).position(|pair| {
        pair[0].text == pair[1].text && !is_placeholder(&pair[0].text) && !is_breadcrumb(&pair[0].text)
    })
}

/// The outlet: the most repeated short line (the name in the masthead, above
/// the dateline, in the byline…), else the first short line with a cue word.
fn outlet(lines: &[Found], title: Option<&str>, cues: &OutletCues) -> Option<usize> {
    let candidate = |line: &&Found| {
        let words = word_count(&line.text);
        (1..=SHORT_WORDS).contains(&words)
            && !line.text.chars().any(char::is_numeric)
            && !is_placeholder(&line.text)
            && !is_breadcrumb(&line.text)
            && Some(line.text.as_str()) != title
    };
    let count = |text: &str| lines.iter().filter(|l| l.text == text).count();
    let repeated = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| candidate(line))
        .map(|(i, line)| (count(&line.text), i))
        .filter(|&(n, _)| n >= 2)
        // The most repeated; the first on a tie.
        .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)))
        .map(|(_, i)| i);
    repeated.or_else(|| {
        lines
            .iter()
            .position(|line| candidate(&line) && has_cue(&line.text, cues))
    })
}

/// A word of the line is a cue, as is or with the article ال, compared by
/// folded keys (`NEWS` is `News`).
fn has_cue(line: &str, cues: &OutletCues) -> bool {
    let tokens = tokens_in(line, 0..line.len());
    (0..tokens.len())
        .filter(|&i| tokens.words[i].kind == TokenKind::Word)
        .map(|i| tokens.key(i))
        .any(|word| {
            cues.cues
                .iter()
                .any(|cue| word == cue || word.strip_prefix("ال") == Some(cue))
        })
}

/// Absolute dates of `text` (day or month precise), with their spans: what
/// reads the same against two anchors far apart, so no relative expression
/// (أمس، الأسبوع الماضي), weekday or date without a year counts.
fn absolute_dates(text: &str, time: &Lexicon) -> Vec<(Interval, Range<usize>)> {
    let anchor = |year| Anchor {
        date: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        time: None,
    };
    let late = time.find_all(text, anchor(2100), Prefer::Past, Calendar::Gregorian);
    time.find_all(text, anchor(1900), Prefer::Past, Calendar::Gregorian)
        .into_iter()
        .filter(|early| {
            !matches!(early.interval.granularity, Granularity::Year | Granularity::Week)
                && early.interval.start.is_some()
                && early.interval.end.is_some()
                && late
                    .iter()
                    .any(|l| l.span == early.span && l.interval == early.interval)
        })
        .map(|r| (r.interval, r.span))
        .collect()
}

/// A publication date inferred from the body, when neither the header nor
/// the file name gives one: the month of the latest absolute date it mentions
/// (an article is published on or after what it reports; the month, since
/// the day itself is not known). A year alone is too vague to infer from.
fn latest_date_in_text(text: &str, time: &Lexicon) -> Option<DetectedDate> {
    let (interval, span) = absolute_dates(text, time)
        .into_iter()
        // The latest end; the first such expression on a tie.
        .min_by_key(|(interval, span)| (std::cmp::Reverse(interval.end), span.start))?;
    let end = interval.end?;
    Some(DetectedDate {
        date: Interval::month(end.year(), end.month())?,
        time: None,
        basis: DateBasis::Text(Found {
            text: text[span.clone()].to_string(),
            span,
        }),
    })
}

/// The date a file name ends with: `…-2024-12-14` a day, `…-2024-12` a month,
/// `…-2024` a year. Parts are separated by anything but ASCII letters and
/// digits; the year has four digits in 1900–2100, month and day two. A year
/// alone must follow another part (a bare `2024` is more likely a number). A
/// name shaped like a date that is impossible (`…-2024-13-40`) has none.
fn date_from_file_name(stem: &str) -> Option<Interval> {
    let parts: Vec<&str> = stem.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let number = |part: &str, digits: usize| {
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let year = |part: &str| number(part, 4).filter(|y| (1900..=2100).contains(y)).map(|y| y as i32);
    match parts.as_slice() {
        [.., y, m, d] if year(y).is_some() && number(m, 2).is_some() && number(d, 2).is_some() => {
            NaiveDate::from_ymd_opt(year(y)?, number(m, 2)?, number(d, 2)?).map(Interval::day)
        }
        [.., y, m] if year(y).is_some() && number(m, 2).is_some() => Interval::month(year(y)?, number(m, 2)?),
        [.., _, y] => Interval::year(year(y)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Interval {
        crate::time::parse_iso_interval(text).unwrap()
    }

    fn detect_text(text: &str) -> Detected {
        detect("article", text, OutletCues::bundled(), Lexicon::bundled())
    }

    const BODY: &str =
        "قال مسؤول روسي اليوم إن القوات الروسية ستبقى في قاعدتي حميميم وطرطوس رغم التغيرات الأخيرة في سوريا.";

    fn published(detected: &Detected) -> Option<String> {
        detected.published.as_ref().map(|p| match p.time {
            Some(time) => format!("{} {}", p.date, time.format("%H:%M")),
            None => p.date.to_string(),
        })
    }

    #[test]
    fn the_header_ends_at_the_first_long_line_and_keeps_spans() {
        let text = format!("  • وكالة الأنباء\n\nعنوان الخبر هنا\n{BODY}\nسطر قصير بعد النص\n");
        let lines = header(&text);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["وكالة الأنباء", "عنوان الخبر هنا"]);
        assert!(lines.iter().all(|l| text[l.span.clone()] == l.text));
        assert_eq!(header(BODY), vec![]);
        let many: String = (0..30).map(|i| format!("سطر {i}\n")).collect();
        assert_eq!(header(&many).len(), HEADER_LINES);
    }

    #[test]
    fn datelines_in_the_styles_of_several_outlets() {
        let cases = [
            ("السبت 14 ديسمبر 2024", "2024-12-14"),
            ("الاثنين 23 كانون الأول 2024 - 20:01", "2024-12-23 20:01"),
            ("  • الاثنين, 23 ديسمبر - 2024", "2024-12-23"),
            ("نشر في: 14/12/2024 - 10:30", "2024-12-14 10:30"),
            ("2024/12/14", "2024-12-14"),
            ("14-12-2024", "2024-12-14"),
            ("14.12.2017", "2017-12-14"),
            ("الأربعاء 13/12/2017", "2017-12-13"),
            ("٢٣ ديسمبر ٢٠٢٤", "2024-12-23"),
            ("الاثنين 22 جمادى الآخرة 1446 هـ", "2024-12-23"),
        ];
        for (line, expected) in cases {
            let detected = detect_text(&format!("خبر عاجل من دمشق\n{line}\n{BODY}"));
            assert_eq!(published(&detected).as_deref(), Some(expected), "{line}");
            let Some(DetectedDate {
                basis: DateBasis::Header(found),
                ..
            }) = detected.published
            else {
                panic!("{line}: not from the header");
            };
            assert_eq!(found.text, line.trim_start_matches(is_padding));
        }
    }

    #[test]
    fn relative_partial_and_two_digit_dates_are_not_publication_dates() {
        for line in [
            "منذ ساعتين",
            "أمس",
            "الاثنين",
            "14 ديسمبر",
            "ديسمبر 2024",
            "2024",
            "13/12/17",
            "20:01",
            "30 فبراير 2024",
        ] {
            let detected = detect(
                "article",
                &format!("{line}\n{BODY}"),
                OutletCues::bundled(),
                Lexicon::bundled(),
            );
            // No dateline; a month with its year may still be inferred from (`Text`).
            assert!(
                detected
                    .published
                    .as_ref()
                    .is_none_or(|p| matches!(p.basis, DateBasis::Text(_))),
                "{line}"
            );
        }
        // A headline that mentions a date is not a dateline.
        let headline = "مجلس الأمن يعقد جلسة طارئة في 14 ديسمبر 2024 لبحث الوضع في سوريا";
        let from_headline = detect_text(&format!("{headline}\n{BODY}")).published;
        assert!(matches!(
            from_headline,
            Some(DetectedDate {
                basis: DateBasis::Text(_),
                ..
            })
        ));
        // A date in the body is not stated as the publication date: at most it is inferred from.
        let in_body = detect_text(&format!("{BODY} وفي 14 ديسمبر 2024 قال")).published;
        assert!(matches!(
            in_body,
            Some(DetectedDate {
                basis: DateBasis::Text(_),
                ..
            })
        ));
    }

    #[test]
    fn without_header_or_file_name_date_the_latest_absolute_date_of_the_body_gives_the_month() {
        let text = "قال مسؤول عسكري إن القوات بدأت الانسحاب من المطار الأسبوع الماضي وسط ترقب واسع.\n\
                    وكان الوفد قد وصل إلى العاصمة في 3 نوفمبر 2025، ثم عقد اجتماعا ثانيا في 28 يناير 2026 مع المسؤولين.\n\
                    وأضاف أن الاتفاق الموقع عام 2019 ما زال ساريا حتى أمس.";
        let detected = detect("article", text, OutletCues::bundled(), Lexicon::bundled());
        let published = detected.published.expect("inferred");
        assert_eq!(published.date, Interval::month(2026, 1).unwrap());
        let DateBasis::Text(found) = published.basis else {
            panic!("not from the text: {:?}", published.basis);
        };
        assert_eq!(found.text, "28 يناير 2026");
        assert_eq!(&text[found.span], "28 يناير 2026");
        // A month with its year is enough; relative expressions, dates without
        // a year and years alone never are.
        let month = detect_text(&format!("{BODY} وفي مارس 2024 بدأت المفاوضات")).published;
        assert_eq!(month.map(|p| p.date), Interval::month(2024, 3));
        for vague in [
            "وقالت المصادر أمس إن الانسحاب بدأ الأسبوع الماضي قبل 28 يناير بحسب الشهود هناك.",
            "وقالت المصادر إن الاتفاق الذي وقع عام 2019 ما زال ساريا منذ ذلك الحين في المنطقة.",
        ] {
            assert_eq!(detect_text(vague).published, None, "{vague}");
        }
        // The file name and the header win over the body.
        let named = detect(
            "post-2024-12",
            &format!("عنوان\n{BODY} في 28 يناير 2026"),
            OutletCues::bundled(),
            Lexicon::bundled(),
        );
        assert_eq!(named.published.map(|p| p.basis), Some(DateBasis::FileName));
    }

    #[test]
    fn of_two_datelines_the_one_nearest_the_body_wins() {
        let detected = detect_text(&format!("14.12.2017\nالخليج\nالاربعاء 13/12/2017\n{BODY}"));
        assert_eq!(published(&detected).as_deref(), Some("2017-12-13"));
        let detected = detect_text(&format!("نشر في 14/12/2024 - آخر تحديث 15/12/2024\n{BODY}"));
        assert_eq!(published(&detected).as_deref(), Some("2024-12-14"));
    }

    #[test]
    fn the_file_name_dates_an_article_whose_text_does_not() {
        let from_name = |stem: &str| date_from_file_name(stem).map(|d| d.to_string());
        assert_eq!(from_name("agency-2024-12-14").as_deref(), Some("2024-12-14"));
        assert_eq!(from_name("agency-2024-12").as_deref(), Some("2024-12"));
        assert_eq!(from_name("agency-2024").as_deref(), Some("2024"));
        assert_eq!(from_name("Daily Post 2024_12_14").as_deref(), Some("2024-12-14"));
        assert_eq!(from_name("2024-12-14").as_deref(), Some("2024-12-14"));
        for stem in [
            "agency-2024-13-40",
            "agency-2024-02-30",
            "agency-2024-13",
            "2024",
            "agency-1850",
            "agency-12-14",
            "000_92f182eb81d31b82",
            "agency-20241214",
        ] {
            assert_eq!(from_name(stem), None, "{stem}");
        }
        let detected = detect(
            "post-2024-12",
            &format!("عنوان\n{BODY}"),
            OutletCues::bundled(),
            Lexicon::bundled(),
        );
        assert_eq!(
            detected.published,
            Some(DetectedDate {
                date: Interval::month(2024, 12).unwrap(),
                time: None,
                basis: DateBasis::FileName
            })
        );
        // The text wins over the file name.
        let detected = detect(
            "post-2024-12",
            &format!("السبت 14 ديسمبر 2024\n{BODY}"),
            OutletCues::bundled(),
            Lexicon::bundled(),
        );
        assert_eq!(detected.published.map(|p| p.date), Some(day("2024-12-14")));
    }

    #[test]
    fn the_outlet_is_the_most_repeated_short_line_else_a_line_with_a_cue() {
        let text = format!(
            "الشرق\nplaceholder\nplaceholder\nالمدن\nعنوان طويل يتكرر في الصفحة\nعنوان طويل يتكرر في الصفحة\nالمدن\n{BODY}"
        );
        let detected = detect_text(&text);
        let outlet = detected.outlet.unwrap();
        assert_eq!(outlet.text, "المدن");
        assert_eq!(&text[outlet.span], "المدن");
        assert_eq!(detected.title.unwrap().text, "عنوان طويل يتكرر في الصفحة");
        let cued = |header: &str| detect_text(&format!("{header}\n{BODY}")).outlet.map(|o| o.text);
        assert_eq!(cued("سياسة\nجريدة الأيام").as_deref(), Some("جريدة الأيام"));
        assert_eq!(cued("Syria NEWS Today").as_deref(), Some("Syria NEWS Today"));
        assert_eq!(cued("الصحيفة الأولى").as_deref(), Some("الصحيفة الأولى"));
        // Too long, or with digits, a cue line is not a name.
        assert_eq!(cued("موقع الأخبار العربية الأول في الشرق الأوسط"), None);
        assert_eq!(cued("قناة 24"), None);
        assert_eq!(cued("سياسة\nعنوان بلا اسم للمنفذ"), None);
    }

    #[test]
    fn the_title_is_the_echoed_line_else_the_longest_plain_line() {
        let text = format!(
            "الرئيسة \\ أخبار \\ روسيا تسحب قواتها من سوريا\nقسم الأخبار\nروسيا تسحب قواتها من سوريا\nبقلم كاتب\nالسبت 14 ديسمبر 2024\n{BODY}"
        );
        let detected = detect_text(&text);
        assert_eq!(detected.title.unwrap().text, "روسيا تسحب قواتها من سوريا");
        assert_eq!(detect_text("").title, None);
        assert_eq!(detect_text("قسم\nكاتب").title, None);
    }

    #[test]
    fn nothing_to_find_in_a_text_without_a_header() {
        assert_eq!(
            detect("000_92f182eb81d31b82", BODY, OutletCues::bundled(), Lexicon::bundled()),
            Detected::default()
        );
        assert_eq!(
            detect("x", "", OutletCues::bundled(), Lexicon::bundled()),
            Detected::default()
        );
    }

    #[test]
    fn the_bundled_cues_read_without_problems_and_a_broken_file_is_reported() {
        let (cues, diagnostics) = OutletCues::from_data(OUTLETS);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(cues.cues.contains(&fold("وكالة")) && cues.cues.contains(&"news".to_string()));
        for (text, problem) in [
            (r#"{"cues": ["وكالة", "", "two words", 3]}"#, "is not one word"),
            (r#"{"cue": []}"#, "unknown field `cue`"),
            ("[", "syntax"),
        ] {
            let file = JsonFile::new("outlets.json", text);
            let cues = OutletCues::read(&file);
            let messages: Vec<String> = file.into_diagnostics().into_iter().map(|d| d.message).collect();
            assert!(messages.iter().any(|m| m.contains(problem)), "{text}: {messages:?}");
            assert!(cues.cues.len() <= 1);
        }
    }

    /// The bundled seeds, against what their annotations say.
    #[test]
    fn the_seed_articles_give_their_annotated_outlet_and_date() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
        // Source id, outlet, publication date, and whether the date is read from the header.
        let seeds = [
            ("alkhaleej-2017-12-13", Some("الخليج"), "2017-12-13", true),
            ("lwj-arabic-2026-01", None, "2026-01", false),
            ("qasioun-2024-12-23", Some("وكالة قاسيون للأنباء"), "2024-12-23", true),
            (
                "skynews-arabia-2024-12-23",
                Some("سكاي نيوز عربية"),
                "2024-12-23 20:01",
                true,
            ),
            ("times-of-egypt-2024-12", Some("Times of Egypt"), "2024-12", false),
        ];
        for (id, outlet, date, from_header) in seeds {
            let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
            let annotation: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap()).unwrap();
            let source = &annotation["source"];
            let detected = detect(id, &text, OutletCues::bundled(), Lexicon::bundled());
            let found_outlet = detected.outlet.as_ref().map(|o| o.text.as_str());
            assert_eq!(found_outlet, outlet, "{id}");
            if found_outlet.is_some() {
                assert_eq!(source["outlet_ar"].as_str(), found_outlet, "{id}");
            }
            let annotated = match source["published"]["time"].as_str() {
                Some(time) => format!("{} {time}", source["published"]["date"].as_str().unwrap()),
                None => source["published"]["date"].as_str().unwrap().to_string(),
            };
            assert_eq!(published(&detected).as_deref(), Some(date), "{id}");
            assert_eq!(annotated, date, "{id}");
            let header = matches!(detected.published.unwrap().basis, DateBasis::Header(_));
            assert_eq!(header, from_header, "{id}");
            // The annotated title, where the text prints one.
            let title = detected.title.map(|t| t.text);
            if id == "lwj-arabic-2026-01" {
                assert_eq!(title, None);
            } else {
                assert_eq!(title.as_deref(), source["title"].as_str(), "{id}");
            }
        }
    }
}
