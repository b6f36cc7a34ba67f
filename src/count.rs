//! Counts as intervals: a number as an article writes it (digits of any
//! script with thousands separators and decimals, number words, vague
//! amounts such as `عشرات`, percentages), its qualifier (`ما لا يقل عن`،
//! `أكثر من`، `نحو`، `بين … و…`) and the noun it counts (`شهيدا`،
//! `جريحا`، `من الأصوات`), read off the text layer's tokens. A library the
//! stages call, like `time`: no I/O. Words: `data/numbers.json`; the
//! cardinals are the time words' (`data/time_words.json`), shared.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::data::{DataFile, NUMBERS};
use crate::diag::Diagnostic;
use crate::json::{Fields, JsonFile, span};
use crate::names::{Named, named};
use crate::text::{TokenKind, Words, fold, starts_with_and, tokens_in, without_article, without_proclitic};
use crate::time::Lexicon;
use crate::time::lexicon::{Kw, Lex};

named! {
    /// How a count bounds the number it gives.
    pub enum Qualifier {
        /// `274 شهيدا`: that number.
        Exact = "exact",
        /// `ما لا يقل عن 200`، `210 على الأقل`.
        AtLeast = "at_least",
        /// `أكثر من 80`، `ما يزيد على 200`.
        MoreThan = "more_than",
        /// `أقل من 100`، `دون 100`.
        FewerThan = "fewer_than",
        /// `لا يتجاوز 50`، `50 على الأكثر`.
        AtMost = "at_most",
        /// `نحو 80`، `قرابة 80`: within a tenth of it ([`ABOUT`]).
        About = "about",
        /// `بين 100 و300`، `ما بين 100 إلى 300`: both ends included.
        Between = "between",
        /// `عشرات`، `مئات`، `آلاف`: a vague amount, its range from the data.
        Several = "several",
    }
}

/// How far an `about` count reaches either side of its number: a tenth.
/// `نحو 80` is 72 to 88; two reports that round one figure stay compatible,
/// and `نحو 80` against `أكثر من 100` is still a conflict.
pub const ABOUT: f64 = 0.1;

/// A number with its qualifier: `low` and `high` are the number (the same),
/// or the two ends of a `between` or `several` range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    pub qualifier: Qualifier,
    pub low: f64,
    pub high: f64,
    /// A share in percent (`51.2%`، `44 في المائة`), not a count of things.
    pub percent: bool,
}

/// One end of an interval: its value and whether it belongs to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct End {
    pub value: f64,
    pub included: bool,
}

impl Amount {
    /// The interval of the numbers the amount allows, from its lowest to its
    /// highest end (`f64::INFINITY` when it has none).
    pub fn bounds(&self) -> (End, End) {
        let (low, high) = (self.low, self.high);
        let closed = |value| End { value, included: true };
        let open = |value| End { value, included: false };
        match self.qualifier {
            Qualifier::Exact | Qualifier::Between | Qualifier::Several => (closed(low), closed(high)),
            Qualifier::AtLeast => (closed(low), open(f64::INFINITY)),
            Qualifier::MoreThan => (open(low), open(f64::INFINITY)),
            Qualifier::FewerThan => (closed(0.0), open(high)),
            Qualifier::AtMost => (closed(0.0), closed(high)),
            Qualifier::About => (closed(low * (1.0 - ABOUT)), closed(high * (1.0 + ABOUT))),
        }
    }

    /// Whether some number satisfies both: `أكثر من 80` and `أقل من 100` do,
    /// `أقل من 100` and `210 على الأقل` do not. A share and a count are
    /// never compared: they intersect.
    pub fn intersects(&self, other: &Amount) -> bool {
        if self.percent != other.percent {
            return true;
        }
        !self.below(other) && !other.below(self)
    }

    /// Whether every number it allows is lower than every number `other`
    /// allows: `أقل من 100` is below `274`.
    pub fn below(&self, other: &Amount) -> bool {
        let ((_, high), (low, _)) = (self.bounds(), other.bounds());
        high.value < low.value || (high.value == low.value && !(high.included && low.included))
    }
}

impl fmt::Display for Amount {
    /// `at least 210`, `between 100 and 300`, `several (20–99)`, `51.2%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.percent { "%" } else { "" };
        let (low, high) = (Number(self.low), Number(self.high));
        match self.qualifier {
            Qualifier::Exact => write!(f, "{low}{unit}"),
            Qualifier::AtLeast => write!(f, "at least {low}{unit}"),
            Qualifier::MoreThan => write!(f, "more than {low}{unit}"),
            Qualifier::FewerThan => write!(f, "fewer than {high}{unit}"),
            Qualifier::AtMost => write!(f, "at most {high}{unit}"),
            Qualifier::About => write!(f, "about {low}{unit}"),
            Qualifier::Between => write!(f, "between {low}{unit} and {high}{unit}"),
            Qualifier::Several => write!(f, "several ({low}–{high}{unit})"),
        }
    }
}

/// A number as a person writes it: no trailing `.0`.
struct Number(f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// A count a claim states: its amount, what it counts (a class of
/// `numbers.json`, `dead+wounded` for a noun phrase joining two, none when
/// no noun of a class stands by it) and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    pub amount: Amount,
    pub counted: Option<String>,
    /// Bytes of the count in the article (qualifier, number and noun); none
    /// for a count an annotation states.
    pub span: Option<Range<usize>>,
}

/// The words counts are read with.
#[derive(Clone, Debug, Default)]
pub struct CountWords {
    /// Number words with their value: the time words' cardinals and the
    /// `number` entries.
    numbers: FxHashMap<Box<str>, f64>,
    /// Words that multiply the number before them (`آلاف`، `مليون`).
    scales: FxHashMap<Box<str>, f64>,
    several: FxHashMap<Box<str>, (f64, f64)>,
    /// Qualifier phrases before the number, as folded words; longest first.
    before: Vec<(Vec<String>, Qualifier)>,
    /// Qualifier phrases after the number (or its noun).
    after: Vec<(Vec<String>, Qualifier)>,
    /// What joins the two ends of `between` (its `after` words).
    joiners: Vec<String>,
    /// Percent signs and phrases, as folded words.
    percent: Vec<Vec<String>>,
    /// Noun → its class, an index into `classes`.
    counted: FxHashMap<Box<str>, usize>,
    classes: Vec<String>,
    /// Words a counted noun follows when the count comes later (`عدد`).
    tallies: Vec<String>,
    /// Phrases after which a count is a part of another (`من بينهم`).
    parts: Vec<Vec<String>>,
    /// Per class: its counts only rise as time goes (a death toll).
    rising: Vec<bool>,
    /// Per class: its nouns say only that persons are counted (`شخصا`); the
    /// predicate says what befell them.
    generic: Vec<bool>,
}

/// A count found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub count: Count,
    /// Bytes of its number alone.
    pub number: Range<usize>,
}

static BUNDLED: LazyLock<CountWords> = LazyLock::new(|| CountWords::from_data(NUMBERS, Lexicon::bundled()).0);

const MEANINGS: &[&str] = &[
    "number",
    "scale",
    "several",
    "qualifier",
    "percent",
    "counted",
    "tally",
    "part",
];

impl CountWords {
    /// The bundled number words (`data/numbers.json`) with the bundled time words' cardinals.
    pub fn bundled() -> &'static CountWords {
        &BUNDLED
    }

    pub fn from_data(data: DataFile, time_words: &Lexicon) -> (CountWords, Vec<Diagnostic>) {
        let file = JsonFile::new(data.name, data.text);
        let words = CountWords::read(&file, time_words);
        (words, file.into_diagnostics())
    }

    /// Reads `file`; problems go to its diagnostics, an entry with one is left out.
    pub fn read(file: &JsonFile, time_words: &Lexicon) -> CountWords {
        let mut words = CountWords::default();
        for (key, value) in time_words.cardinals() {
            words.numbers.insert(key.into(), f64::from(value));
        }
        let Some(root) = file.parse() else {
            return words;
        };
        let Some(top) = file.object(&root, "the number words", &["$comment", "entries"]) else {
            return words;
        };
        let Some(entries) = top.required_array("entries") else {
            return words;
        };
        let allowed: Vec<&str> = MEANINGS
            .iter()
            .copied()
            .chain(["words", "before", "after", "rises", "generic"])
            .collect();
        for entry in &entries.elements {
            if let Some(fields) = file.object(entry, "an entry", &allowed) {
                words.entry(&fields);
            }
        }
        words.before.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        words.after.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        words.percent.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
        words
    }

    fn entry(&mut self, fields: &Fields) {
        let file = fields.file();
        let given: Vec<&str> = MEANINGS.iter().copied().filter(|m| fields.get(m).is_some()).collect();
        let &[meaning] = given.as_slice() else {
            file.push(
                Diagnostic::error(&file.name, "an entry needs exactly one meaning")
                    .at(file.source(), fields.span())
                    .with_help(format!("give one of: {}", MEANINGS.join(", "))),
            );
            return;
        };
        let keys = |name: &str| -> Vec<String> {
            let listed = fields.strings(name);
            if listed.is_empty() {
                file.error(fields.span(), format!("an entry lists no `{name}`"));
            }
            listed
                .iter()
                .map(|w| fold(&w.value))
                .filter(|k| !k.is_empty())
                .collect()
        };
        let phrases = |name: &str| -> Vec<Vec<String>> {
            fields
                .strings(name)
                .iter()
                .map(|p| p.value.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect())
                .filter(|p: &Vec<String>| !p.is_empty())
                .collect()
        };
        match meaning {
            "number" | "scale" => {
                let Some(value) = fields.integer(meaning) else {
                    return;
                };
                let table = if meaning == "number" {
                    &mut self.numbers
                } else {
                    &mut self.scales
                };
                for key in keys("words") {
                    table.insert(key.into(), value.value as f64);
                }
            }
            "several" => {
                let Some(range) = pair(fields, "several") else {
                    return;
                };
                for key in keys("words") {
                    self.several.insert(key.into(), range);
                }
            }
            "qualifier" => {
                let Some(name) = fields.string("qualifier") else {
                    return;
                };
                let Some(qualifier) = Qualifier::from_name(&name.value).filter(|q| *q != Qualifier::Exact) else {
                    let mut diagnostic = Diagnostic::error(&file.name, format!("unknown qualifier `{}`", name.value))
                        .at(file.source(), name.span.clone());
                    if let Some(close) = crate::diag::nearest(&name.value, Qualifier::names()) {
                        diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
                    }
                    file.push(diagnostic);
                    return;
                };
                let (before, after) = (phrases("before"), phrases("after"));
                if before.is_empty() && after.is_empty() {
                    file.error(fields.span(), "a qualifier lists no `before` or `after` phrase");
                }
                self.before.extend(before.into_iter().map(|p| (p, qualifier)));
                if qualifier == Qualifier::Between {
                    self.joiners
                        .extend(after.into_iter().filter(|p| p.len() == 1).flatten());
                } else {
                    self.after.extend(after.into_iter().map(|p| (p, qualifier)));
                }
            }
            "percent" => self.percent.extend(phrases("percent")),
            "tally" => self.tallies.extend(phrases("tally").into_iter().flatten()),
            "part" => self.parts.extend(phrases("part")),
            _ => {
                let Some(class) = fields.string("counted") else {
                    return;
                };
                let index = match self.classes.iter().position(|c| *c == class.value) {
                    Some(index) => index,
                    None => {
                        self.classes.push(class.value);
                        self.rising.push(false);
                        self.generic.push(false);
                        self.classes.len() - 1
                    }
                };
                self.rising[index] |= fields.boolean("rises").is_some_and(|b| b.value);
                self.generic[index] |= fields.boolean("generic").is_some_and(|b| b.value);
                for key in keys("words") {
                    self.counted.insert(key.into(), index);
                }
            }
        }
    }

    /// The classes of counted nouns (`dead`, `wounded`…), in file order.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    fn class_index(&self, class: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == class)
    }

    /// Whether counts of `class` only rise (`dead`); of `dead+wounded`, when each does.
    pub fn rises(&self, class: &str) -> bool {
        class
            .split('+')
            .all(|c| self.class_index(c).is_some_and(|i| self.rising[i]))
    }

    /// Whether a predicate counting these classes tells a toll: every
    /// specific class it counts only rises (`kill`: the dead, and persons).
    pub fn counts_a_toll(&self, classes: &[String]) -> bool {
        let mut specifics = classes.iter().filter(|c| !self.is_generic(c)).peekable();
        specifics.peek().is_some() && specifics.all(|c| self.rises(c))
    }

    /// Whether `class` is generic: it says only that persons are counted (`people`).
    pub fn is_generic(&self, class: &str) -> bool {
        self.class_index(class).is_some_and(|i| self.generic[i])
    }

    /// The counts of `text[range]`, in text order; spans are offsets into `text`.
    pub fn read_counts(&self, text: &str, range: Range<usize>) -> Vec<Reading> {
        let tokens = tokens_in(text, range);
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.count_at(&tokens, i) {
                Some((reading, end)) => {
                    found.push(reading);
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The count whose number starts at token `i`, and the token after it.
    fn count_at(&self, t: &Words, i: usize) -> Option<(Reading, usize)> {
        let (value, mut end) = self.number(t, i)?;
        if self.is_time(t, i, end, value) {
            return None;
        }
        let number = t.bytes(i..end);
        let (mut qualifier, mut start) = match self.phrase_before(t, i) {
            Some((qualifier, start)) => (qualifier, start),
            None => (Qualifier::Exact, i),
        };
        // `بينهم ثلاثة أطفال`: a part of a count told before, no count of its own.
        if self.parts.iter().any(|part| {
            start >= part.len() && self.phrase_at(t, start - part.len(), std::slice::from_ref(part)) == Some(start)
        }) {
            return None;
        }
        let (mut low, mut high) = value;
        if qualifier == Qualifier::Between {
            match self.second_end(t, end) {
                Some((mut other, after)) => {
                    // `بين 4 و5 ملايين`: the scale of the second end is the first's too.
                    if let Some(scale) = self.scale_before(t, after)
                        && !self.scales.contains_key(t.key(end - 1))
                    {
                        (low, high) = (low * scale, high * scale);
                        other = (other.0.max(low), other.1.max(low));
                    }
                    (low, high) = (low.min(other.0), high.max(other.1));
                    end = after;
                }
                // `بين 100 قتيل` alone: the number, not a range.
                None => (qualifier, start) = (Qualifier::Exact, i),
            }
        } else if value.0 != value.1 && qualifier == Qualifier::Exact {
            qualifier = Qualifier::Several;
        }
        let percent = self.phrase_at(t, end, &self.percent).map(|after| end = after).is_some();
        let (counted, after_noun) = self.noun(t, end, percent);
        end = after_noun;
        if qualifier == Qualifier::Exact
            && let Some((after_qualifier, after)) = self.phrase_after(t, end)
        {
            qualifier = after_qualifier;
            end = after;
        }
        let counted = counted.or_else(|| self.counted_before(t, start));
        let count = Count {
            amount: Amount {
                qualifier,
                low,
                high,
                percent,
            },
            counted,
            span: Some(t.bytes(start..end)),
        };
        Some((Reading { count, number }, end))
    }

    /// The number at token `i` as a range (the same twice when exact), and
    /// the token after it.
    fn number(&self, t: &Words, i: usize) -> Option<((f64, f64), usize)> {
        let token = t.words.get(i)?;
        let (mut value, mut end) = match token.kind {
            TokenKind::Number => digits(t, i)?,
            TokenKind::Word => {
                let key = t.key(i);
                if let Some(&range) = self.several.get(key) {
                    (range, i + 1)
                } else if without_article(key).is_some() && !self.scales.contains_key(key) {
                    // A definite number names a known set (`الثمانية`), or is
                    // another word (`ألست` is أ + لست); `ألف` only looks definite.
                    return None;
                } else {
                    let value = self.word_value(key)?;
                    // One and two follow their noun as adjectives (`شخص واحد`): alone, no count.
                    if value < 3.0 {
                        return None;
                    }
                    ((value, value), i + 1)
                }
            }
            TokenKind::Punct => return None,
        };
        if token.kind == TokenKind::Word {
            // `ثلاثة عشر`: a unit and ten.
            if value.0 < 10.0 && self.word_value_at(t, end) == Some(10.0) {
                value = (value.0 + 10.0, value.1 + 10.0);
                end += 1;
            }
            while let Some((part, after)) = self.and_part(t, end, value.0) {
                value = (value.0 + part, value.1 + part);
                end = after;
            }
        }
        if let Some(&scale) = t.words.get(end).and_then(|_| self.scales.get(t.key(end))) {
            value = (value.0 * scale, value.1 * scale);
            end += 1;
            // `11 ألفا و300`, `10 آلاف و100`: the rest below the scale, in
            // digits; not a count of its own scale (`37 ألفا و85 ألف جريح`).
            if t.words
                .get(end)
                .is_some_and(|w| w.kind == TokenKind::Word && t.key(end) == "و")
                && t.words.get(end + 1).is_some_and(|w| w.kind == TokenKind::Number)
                && let Some(((rest, _), after)) = digits(t, end + 1)
                && rest < scale
                && self.scale_at(t, after).is_none()
            {
                value = (value.0 + rest, value.1 + rest);
                end = after;
            }
        }
        Some((value, end))
    }

    /// The scale word at token `i`, if it is one.
    fn scale_at(&self, t: &Words, i: usize) -> Option<f64> {
        (t.words.get(i)?.kind == TokenKind::Word)
            .then(|| self.scales.get(t.key(i)).copied())
            .flatten()
    }

    /// The scale word just before token `end`, if it is one.
    fn scale_before(&self, t: &Words, end: usize) -> Option<f64> {
        self.scale_at(t, end.checked_sub(1)?)
    }

    fn word_value(&self, key: &str) -> Option<f64> {
        self.numbers.get(key).or_else(|| self.scales.get(key)).copied()
    }

    fn word_value_at(&self, t: &Words, i: usize) -> Option<f64> {
        (t.words.get(i)?.kind == TokenKind::Word)
            .then(|| self.numbers.get(t.key(i)).copied())
            .flatten()
    }

    /// `و` and a number word that adds to `so_far`: units then tens
    /// (`خمسة وعشرين`), hundreds then less (`مائتان وسبعون`); the value and
    /// the token after it. Digits after `و` are a count of their own.
    fn and_part(&self, t: &Words, i: usize, so_far: f64) -> Option<(f64, usize)> {
        let key = t.words.get(i).map(|_| t.key(i))?;
        let (part, after) = if key == "و" {
            (self.word_value_at(t, i + 1)?, i + 2)
        } else {
            let rest = key.strip_prefix('و')?;
            (self.numbers.get(rest).copied()?, i + 1)
        };
        let tens = (20.0..100.0).contains(&part) && part % 10.0 == 0.0;
        let fits = if so_far < 10.0 {
            tens
        } else if so_far < 100.0 {
            false
        } else {
            // Below the smallest place so far (`ألف ومئتان`), or tens after
            // units (`مئتان وأربعة وسبعون`).
            let place = [1e9, 1e6, 1e3, 100.0, 10.0]
                .into_iter()
                .find(|p| so_far % p == 0.0)
                .unwrap_or(1.0);
            part < place || (so_far % 100.0 < 10.0 && so_far % 10.0 > 0.0 && tens)
        };
        fits.then_some((part, after))
    }

    /// Whether the number is a date, a year or a duration: a time word
    /// right before it (`عام 2024`) or after it (`8 يونيو`, `3 أيام`), a clock
    /// time (`10:30`), or a bare year.
    fn is_time(&self, t: &Words, start: usize, end: usize, value: (f64, f64)) -> bool {
        let time = |i: usize| {
            t.words.get(i).is_some_and(|w| w.kind == TokenKind::Word)
                && matches!(
                    Lexicon::bundled().lookup_with_clitics(t.key(i)),
                    Some(
                        Lex::Month(_)
                            | Lex::HijriMonth(_)
                            | Lex::Head(_)
                            | Lex::Unit(..)
                            | Lex::Weekday(_)
                            | Lex::Kw(Kw::DateWord | Kw::HijriMark | Kw::GregorianMark)
                    )
                )
        };
        let colon = |i: usize| {
            t.words
                .get(i)
                .is_some_and(|w| w.kind == TokenKind::Punct && t.key(i) == ":")
        };
        let number = |i: usize| t.words.get(i).is_some_and(|w| w.kind == TokenKind::Number);
        let clock = (colon(end) && number(end + 1)) || (start >= 2 && colon(start - 1) && number(start - 2));
        let year_like = t.words[start].kind == TokenKind::Number
            && t.key(start).len() == 4
            && (1900.0..=2100.0).contains(&value.0)
            && self.noun(t, end, false).0.is_none();
        (start > 0 && time(start - 1)) || time(end) || clock || year_like
    }

    /// The longest qualifier phrase ending right before token `i`, and its first token.
    fn phrase_before(&self, t: &Words, i: usize) -> Option<(Qualifier, usize)> {
        for (phrase, qualifier) in &self.before {
            let Some(start) = i.checked_sub(phrase.len()) else {
                continue;
            };
            let matches = phrase.iter().enumerate().all(|(k, word)| {
                let key = t.key(start + k);
                // `بنحو 80`: an attached preposition on the phrase's first word.
                key == word || (k == 0 && without_proclitic(key, |rest| (rest == word).then_some(())).is_some())
            });
            if matches {
                return Some((*qualifier, start));
            }
        }
        None
    }

    /// A phrase of `phrases` starting at token `i`: the token after it.
    fn phrase_at(&self, t: &Words, i: usize, phrases: &[Vec<String>]) -> Option<usize> {
        phrases
            .iter()
            .find(|p| i + p.len() <= t.len() && p.iter().enumerate().all(|(k, w)| t.key(i + k) == w))
            .map(|p| i + p.len())
    }

    /// A qualifier after the count (`200 على الأقل`), commas between.
    fn phrase_after(&self, t: &Words, mut i: usize) -> Option<(Qualifier, usize)> {
        while t.words.get(i).is_some_and(|w| w.kind == TokenKind::Punct) && matches!(t.key(i), "," | "،") {
            i += 1;
        }
        self.after.iter().find_map(|(phrase, qualifier)| {
            let end = self.phrase_at(t, i, std::slice::from_ref(phrase))?;
            Some((*qualifier, end))
        })
    }

    /// The other end of `بين 100 و300`: a joiner, then a number.
    fn second_end(&self, t: &Words, i: usize) -> Option<((f64, f64), usize)> {
        let key = t.words.get(i).map(|_| t.key(i))?;
        let after_joiner = if self.joiners.iter().any(|j| j == key) {
            i + 1
        } else {
            return None;
        };
        self.number(t, after_joiner)
    }

    /// The class of the noun at token `i` (after `من` for a share: `51% من
    /// الأصوات`); two nouns joined by `و` of two classes are both
    /// (`قتيل وجريح`: `dead+wounded`). The class and the token after the noun.
    fn noun(&self, t: &Words, i: usize, percent: bool) -> (Option<String>, usize) {
        let at = if percent && t.words.get(i).is_some() && t.key(i) == "من" {
            i + 1
        } else {
            i
        };
        let Some(class) = self.class_at(t, at) else {
            return (None, i);
        };
        let mut classes = vec![class];
        let mut end = at + 1;
        // `283 مواطنا وإصابة 814`: a noun with a number of its own is another count.
        let own_number = t.words.get(end + 1).is_some_and(|w| w.kind == TokenKind::Number);
        if let Some(other) = t.words.get(end).and_then(|_| self.joined_class(t.key(end)))
            && !own_number
        {
            classes.push(other);
            end += 1;
        }
        (Some(self.class_name(classes)), end)
    }

    fn class_at(&self, t: &Words, i: usize) -> Option<usize> {
        let word = t.words.get(i)?;
        (word.kind == TokenKind::Word)
            .then(|| self.counted.get(t.key(i)).copied())
            .flatten()
    }

    /// The class of `وجريح`, `والجرحى`.
    fn joined_class(&self, key: &str) -> Option<usize> {
        starts_with_and(key).then(|| self.counted.get(&key['و'.len_utf8()..]).copied())?
    }

    /// The classes' names, sorted, joined by `+`; one class is its name.
    fn class_name(&self, mut classes: Vec<usize>) -> String {
        classes.sort_unstable();
        classes.dedup();
        classes
            .iter()
            .map(|&c| self.classes[c].as_str())
            .collect::<Vec<_>>()
            .join("+")
    }

    /// Whether a folded word is a tally word (`حصيلة`, `والعدد`): what
    /// totals an event's toll.
    pub fn is_tally(&self, key: &str) -> bool {
        let tally = |k: &str| self.tallies.iter().any(|w| w == k).then_some(());
        tally(key).or_else(|| without_proclitic(key, tally)).is_some()
    }

    /// `ارتفاع عدد الشهداء إلى 274`: the noun after a tally word (`عدد`) a few words before the count.
    fn counted_before(&self, t: &Words, start: usize) -> Option<String> {
        let from = start.saturating_sub(COUNTED_BEFORE);
        (from..start).rev().find_map(|i| {
            if !self.is_tally(t.key(i)) {
                return None;
            }
            let class = self.class_at(t, i + 1)?;
            let mut classes = vec![class];
            classes.extend(t.words.get(i + 2).and_then(|_| self.joined_class(t.key(i + 2))));
            Some(self.class_name(classes))
        })
    }
}

/// How many tokens before a count `عدد` and its noun may stand (`عدد ضحايا
/// مجزرة مخيم النصيرات إلى 274`).
const COUNTED_BEFORE: usize = 8;

/// Digits at `i`, with thousands groups (`1,200`، `١٬٢٠٠`) and a decimal
/// part (`51.2`، `44,2`، `٤٤٫٢`) glued to them: the value and the token after.
fn digits(t: &Words, i: usize) -> Option<((f64, f64), usize)> {
    let key = t.key(i);
    if key.len() > 12 {
        return None;
    }
    let mut value: f64 = key.parse().ok()?;
    let mut end = i + 1;
    let glued = |a: usize, b: usize| t.words[a].span.end == t.words[b].span.start;
    while end + 1 < t.len()
        && t.words[end].kind == TokenKind::Punct
        && t.words[end + 1].kind == TokenKind::Number
        && glued(end - 1, end)
        && glued(end, end + 1)
    {
        let part = t.key(end + 1);
        match t.key(end) {
            "," | "٬" if part.len() == 3 => value = value * 1000.0 + part.parse::<f64>().ok()?,
            "." | "٫" | "," => {
                value += part.parse::<f64>().ok()? / 10f64.powi(part.len() as i32);
                end += 2;
                break;
            }
            _ => break,
        }
        end += 2;
    }
    Some(((value, value), end))
}

/// A `[low, high]` field of two whole numbers, low first.
fn pair(fields: &Fields, name: &str) -> Option<(f64, f64)> {
    let file = fields.file();
    let value = fields.get(name)?;
    let numbers: Option<Vec<f64>> = match value {
        jsonc_parser::ast::Value::Array(array) => array
            .elements
            .iter()
            .map(|e| match e {
                jsonc_parser::ast::Value::NumberLit(n) => n.value.parse().ok(),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    match numbers.as_deref() {
        Some(&[low, high]) if low <= high => Some((low, high)),
        _ => {
            file.error(
                span(value),
                format!("`{name}` must be [low, high], two numbers, low first"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each count of `text` as `amount counted` and the text it spans.
    fn counts(text: &str) -> Vec<(String, &str)> {
        CountWords::bundled()
            .read_counts(text, 0..text.len())
            .into_iter()
            .map(|r| {
                let counted = r.count.counted.unwrap_or_else(|| "-".into());
                (format!("{} {counted}", r.count.amount), &text[r.count.span.unwrap()])
            })
            .collect()
    }

    fn one(text: &str) -> String {
        let found = counts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].0.clone()
    }

    #[test]
    fn the_bundled_words_read_without_problems() {
        let (words, diagnostics) = CountWords::from_data(NUMBERS, Lexicon::bundled());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(
            words.classes(),
            ["dead", "wounded", "people", "captives", "measures", "votes"]
        );
        assert!(words.rises("dead") && words.rises("dead+wounded") && !words.rises("votes"));
        assert!(words.is_generic("people") && !words.is_generic("dead"));
    }

    #[test]
    fn digits_of_every_script_with_separators_and_decimals() {
        assert_eq!(one("قتل 274 شهيدا"), "274 dead");
        assert_eq!(one("قتل ٢٧٤ شهيدا"), "274 dead");
        assert_eq!(one("قتل ۲۷۴ شهيدا"), "274 dead");
        assert_eq!(one("نزح 1,200 شخص"), "1200 people");
        assert_eq!(one("نزح ١٬٢٠٠ شخص"), "1200 people");
        assert_eq!(one("حصل على 51.2% من الأصوات"), "51.2% votes");
        assert_eq!(one("حصل على 44,2%"), "44.2% -");
        assert_eq!(one("حصل على ٤٤٫٢٪"), "44.2% -");
        assert_eq!(one("نال 44 في المائة من الأصوات"), "44% votes");
        assert_eq!(one("نال 44 بالمئة"), "44% -");
        // A comma between two numbers with a space is a list, not a decimal.
        assert_eq!(counts("قتل 12, 15 شخصا").len(), 2);
    }

    #[test]
    fn number_words_shared_with_the_time_words() {
        assert_eq!(one("قتل ثلاثة أشخاص"), "3 people");
        assert_eq!(one("قتل خمسة وعشرون شخصا"), "25 people");
        assert_eq!(one("قتل ثلاثة عشر شخصا"), "13 people");
        assert_eq!(one("أصيب مائتان وسبعون شخصا"), "270 people");
        assert_eq!(one("أصيب ثلاثة آلاف شخص"), "3000 people");
        assert_eq!(one("قتل مئتان وأربعة وسبعون شخصا"), "274 people");
        assert_eq!(one("نزح ألف ومئتان وخمسون شخصا"), "1250 people");
        // Digits after و are a count of their own.
        assert_eq!(counts("قتل ثلاثة و40 شخصا").len(), 2);
        assert_eq!(one("نزح 1.5 مليون شخص"), "1500000 people");
        assert_eq!(one("بلغ عدد القتلى 37 ألفًا"), "37000 dead");
        // The rest below a scale, in digits after و; a count of its own scale is another count.
        assert_eq!(one("ارتفعت الحصيلة إلى 11 ألف و300 قتيل"), "11300 dead");
        assert_eq!(one("ارتفعت الحصيلة إلى 11 ألفا و300 قتيل"), "11300 dead");
        assert_eq!(one("فقد 10 آلاف و100 شخص"), "10100 people");
        let two = counts("قتل 37 ألفا و85 ألف جريح");
        assert_eq!(two[0].0, "37000 -", "{two:?}");
        assert_eq!(two[1].0, "85000 wounded", "{two:?}");
        assert_eq!(one("يعيش ما بين 4 و5 ملايين في الخارج"), "between 4000000 and 5000000 -");
        // A definite number names a known set, or is another word.
        assert!(counts("قمة مجموعة الثمانية").is_empty());
        assert!(counts("ألست أنا؟").is_empty());
        assert_eq!(one("قتل ألف شخص"), "1000 people");
        // One and two follow their noun: `شخص واحد` is no count read here.
        assert!(counts("قتل شخص واحد").is_empty());
    }

    #[test]
    fn vague_amounts_are_ranges() {
        assert_eq!(one("قتل عشرات المدنيين"), "several (20–99) people");
        assert_eq!(one("أصيب مئات الأشخاص"), "several (200–999) people");
        assert_eq!(one("نزح آلاف المدنيين"), "several (2000–9999) people");
        assert_eq!(one("نزح عشرات الآلاف"), "several (20000–99000) -");
    }

    #[test]
    fn qualifiers_before_and_after() {
        assert_eq!(one("قتل ما لا يقل عن 200 شخص"), "at least 200 people");
        assert_eq!(one("قتل على الأقل 200 شخص"), "at least 200 people");
        assert_eq!(one("قتل 200 شخص على الأقل"), "at least 200 people");
        assert_eq!(one("إن 210 أشخاص، على الأقل، قتلوا"), "at least 210 people");
        assert_eq!(one("مقتل أكثر من 80 شخص"), "more than 80 people");
        assert_eq!(one("إن ما يزيد على 200 فلسطيني قتلوا"), "more than 200 people");
        assert_eq!(one("قتل أزيد من 80"), "more than 80 -");
        assert_eq!(one("لدينا علم بمقتل أقل من 100"), "fewer than 100 -");
        assert_eq!(one("قتل دون 100 شخص"), "fewer than 100 people");
        assert_eq!(one("الحصيلة تجاوزت 11 ألف قتيل"), "more than 11000 dead");
        assert_eq!(one("عدد القتلى لا يتجاوز 300 قتيل"), "at most 300 dead");
        assert_eq!(one("قتل نحو 80 شخصا"), "about 80 people");
        assert_eq!(one("قتل بنحو 80 شخصا"), "about 80 people");
        assert_eq!(one("قتل قرابة 80 شخصا"), "about 80 people");
        assert_eq!(one("قتل ما يقارب 80 شخصا"), "about 80 people");
        assert_eq!(one("قتل ما بين 100 إلى 300 شخص"), "between 100 and 300 people");
        assert_eq!(one("قتل بين 100 و300 شخص"), "between 100 and 300 people");
        assert_eq!(one("قتل بين 300 و100 شخص"), "between 100 and 300 people");
        let text = "ارتفع العدد إلى ما لا يقل عن 200 قتيل اليوم";
        assert_eq!(counts(text)[0].1, "ما لا يقل عن 200 قتيل");
    }

    #[test]
    fn the_counted_noun_tells_the_dead_from_the_wounded() {
        assert_eq!(
            counts("قتل 274 شهيدا و698 جريحا")
                .into_iter()
                .map(|c| c.0)
                .collect::<Vec<_>>(),
            ["274 dead", "698 wounded"]
        );
        assert_eq!(one("سقط 500 قتيل وجريح"), "500 dead+wounded");
        assert_eq!(
            counts("استشهاد 283 مواطنا وإصابة 814")
                .into_iter()
                .map(|c| c.0)
                .collect::<Vec<_>>(),
            ["283 people", "814 -"]
        );
        assert_eq!(one("ارتفاع عدد الشهداء إلى 274"), "274 dead");
        assert_eq!(one("ارتفاع عدد الشهداء والجرحى إلى 900"), "900 dead+wounded");
        assert_eq!(one("ارتفاع عدد الجرحى إلى 700"), "700 wounded");
        // Hostages freed are no casualties.
        assert_eq!(one("استعادت إسرائيل 4 رهائن"), "4 captives");
        // A part of a count told before is no count of its own.
        assert_eq!(one("قتل 11 مدنيا من بينهم ثلاثة أطفال"), "11 people");
        assert_eq!(one("أصيب 235 آخرين، بينهم 40 طفلا"), "235 -");
    }

    #[test]
    fn dates_years_durations_and_clock_times_are_no_counts() {
        for text in [
            "في 8 يونيو قتل",
            "في عام 2024 قتل",
            "منذ 3 أيام",
            "في الساعة 10:30 صباحا",
            "في 2024",
            "السبت 8 حزيران",
        ] {
            assert!(counts(text).is_empty(), "{text}: {:?}", counts(text));
        }
        // A year-like number of a counted noun is a count.
        assert_eq!(one("قتل 2000 شخص"), "2000 people");
    }

    #[test]
    fn intervals_intersect_when_some_number_satisfies_both() {
        let read = |text: &str| CountWords::bundled().read_counts(text, 0..text.len())[0].count.amount;
        let (more_80, fewer_100) = (read("أكثر من 80"), read("أقل من 100"));
        assert!(more_80.intersects(&fewer_100));
        let (at_least_210, more_200) = (read("210 على الأقل"), read("أكثر من 200"));
        assert!(at_least_210.intersects(&more_200));
        assert!(read("ما لا يقل عن 200").intersects(&read("أكثر من 500")));
        assert!(!fewer_100.intersects(&at_least_210));
        assert!(fewer_100.below(&read("274 شهيدا")));
        assert!(!read("274 شهيدا").intersects(&read("210 أشخاص")));
        // About reaches a tenth either side.
        assert!(read("نحو 80").intersects(&read("88 قتيلا")));
        assert!(!read("نحو 80").intersects(&read("89 قتيلا")));
        // An open end meets no number at it.
        assert!(!read("أكثر من 80").intersects(&read("80 قتيلا")));
        assert!(read("80 على الأقل").intersects(&read("80 قتيلا")));
        // A share and a count are not compared.
        assert!(read("51% من الأصوات").intersects(&read("1000 صوت")));
    }

    #[test]
    fn spans_point_into_the_text_on_any_input() {
        let text = "قتل\u{200F} 274\u{00AD} شهيدًا،، ما بين";
        for reading in CountWords::bundled().read_counts(text, 0..text.len()) {
            assert!(text.get(reading.count.span.clone().unwrap()).is_some());
        }
        for text in ["بين", "بين 5 و", "99999999999999999999", "1,", ",5", "٫", "%"] {
            CountWords::bundled().read_counts(text, 0..text.len());
        }
    }

    #[test]
    fn a_file_with_problems_is_reported() {
        let file = JsonFile::new(
            "numbers.json",
            r#"{"entries": [{"qualifier": "at_lest", "before": ["نحو"]}, {"several": [9, 2], "words": ["x"]}, {"words": ["y"]}]}"#,
        );
        CountWords::read(&file, Lexicon::bundled());
        let diagnostics = file.into_diagnostics();
        assert_eq!(diagnostics.len(), 3, "{diagnostics:?}");
        assert!(format!("{diagnostics:?}").contains("at_least"));
    }
}
