//! The time words of Arabic news (`data/time_words.json`) and what each
//! means to the grammar, keyed by folded spelling (see [`crate::text::fold`]),
//! so each entry is written once in its usual form. Read like the other data
//! files: every problem becomes a diagnostic and the rest is kept.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::data::{DataFile, TIME_WORDS};
use crate::diag::{Diagnostic, nearest};
use crate::json::{Fields, JsonFile, Spanned, span};
use crate::text::{fold, without_proclitic};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Grammatical number of a unit noun: a dual carries its own count (يومين = 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Count {
    One,
    Two,
    Many,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Dawn,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    Today,
    Yesterday,
    Tomorrow,
    /// أول: "أول أمس", "أول الشهر".
    First,
    After,
    Before,
    Since,
    Until,
    Between,
    And,
    From,
    To,
    In,
    /// طوال، طيلة: throughout a span, wherever it lies.
    During,
    /// خلال، غضون: within a span; with a count and no date after it, one
    /// from the anchor ("خلال أسبوعين", "في غضون 3 أيام").
    Within,
    Last,
    Next,
    Current,
    This,
    Early,
    Mid,
    Late,
    Part(DayPart),
    /// ص: morning after a clock time.
    AmShort,
    /// م: evening after a clock time, or "Gregorian" after a year.
    M,
    HijriMark,
    GregorianMark,
    Half,
    Quarter,
    Third,
    Except,
    /// نحو، حوالي، يقرب: an approximation that does not change the value.
    Approx,
    /// أكثر، أقل before من: a span that is only a bound ("منذ أكثر من عام").
    More,
    Less,
    /// المغرب (sunset, the prayer) and العشاء (the night prayer): parts of the
    /// day only after a clock time, since المغرب is also Morocco.
    Sunset,
    Isha,
    /// الليلة: tonight, also the night after a clock time.
    Tonight,
    /// الآن، حالا، هلق، اللحظة: the anchor itself.
    Now,
    /// الذي، اللي: a relative clause naming a day ("اليوم الذي بعد الغد").
    Which,
    /// تاريخ, الموافق: "بتاريخ 23/12/2024", "الجمعة الموافق 20 ديسمبر".
    DateWord,
    /// The article written apart before digits: "الـ24".
    Article,
    /// يومي/عامي/شهري: construct duals that introduce two dates.
    DaysOf,
    YearsOf,
    MonthsOf,
    /// Nouns that العام ("general", "public") qualifies: "الأمين العام الحالي"
    /// is the current secretary-general, not this year.
    Title,
    /// الآخر/الآخرة, القعدة, الحجة: second words of Hijri month names.
    Latter,
    Qada,
    Hijja,
    /// القرن: the century a decade is counted in ("تسعينيات القرن الماضي").
    Century,
}

/// First words of two-word month names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    Kanun,
    Tishrin,
    Rabi,
    Jumada,
    Dhu,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Gregorian month 1..=12.
    Month(u8),
    Head(Head),
    /// Hijri month 1..=12 (one-word names).
    HijriMonth(u8),
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
    /// Definite ordinal (الخامس, الثالثة, العشرين), also clock hours.
    Ordinal(u8),
    /// Ordinal heading a noun, without the article: "ثالث ثلاثاء", "ثاني أسبوع".
    Nth(u8),
    Cardinal(u16),
    /// A decade by its tens (التسعينيات = 9), its century from context.
    Decade(u8),
    Unit(Unit, Count, bool),
    Kw(Kw),
    /// A word of a holiday name with no meaning of its own (عيد, الفطر,
    /// رأس): the number tells the words apart; alone it is no time.
    Name(u16),
}

/// A holiday the calendar computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// 1 Shawwal.
    EidAlFitr,
    /// 10 Dhu al-Hijja.
    EidAlAdha,
    /// 1 Muharram.
    HijriNewYear,
    /// The month of Ramadan.
    Ramadan,
    /// 25 December.
    Christmas,
    /// Western Easter Sunday.
    Easter,
}

impl Holiday {
    pub(crate) fn rule(self) -> &'static str {
        match self {
            Holiday::EidAlFitr => "holiday-eid-al-fitr",
            Holiday::EidAlAdha => "holiday-eid-al-adha",
            Holiday::HijriNewYear => "holiday-hijri-new-year",
            Holiday::Ramadan => "holiday-ramadan",
            Holiday::Christmas => "holiday-christmas",
            Holiday::Easter => "holiday-easter",
        }
    }
}

/// The spoken variety a colloquial time word belongs to; standard words have
/// none. Informational: a word means the same to the grammar whatever its tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Egyptian,
    Gulf,
    Iraqi,
    Levantine,
    Maghrebi,
    /// Shared by several spoken varieties (اللي).
    Colloquial,
}

const DIALECTS: &[(&str, Dialect)] = &[
    ("egyptian", Dialect::Egyptian),
    ("gulf", Dialect::Gulf),
    ("iraqi", Dialect::Iraqi),
    ("levantine", Dialect::Levantine),
    ("maghrebi", Dialect::Maghrebi),
    ("colloquial", Dialect::Colloquial),
];

impl Dialect {
    pub fn as_str(self) -> &'static str {
        DIALECTS.iter().find(|(_, d)| *d == self).map_or("", |(name, _)| name)
    }
}

/// A holiday's name as the meanings of its words, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub(crate) words: Vec<Lex>,
    pub(crate) holiday: Holiday,
}

/// Time words and their meanings: the bundled ones ([`Lexicon::bundled`]) or
/// a copy read from another file ([`Lexicon::read`]).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    table: FxHashMap<Box<str>, Lex>,
    /// The dialect of each folded word whose entry names one.
    dialects: FxHashMap<Box<str>, Dialect>,
    phrases: Vec<Phrase>,
    /// How many words have a [`Lex::Name`].
    names: u16,
}

/// The fields an entry may say its meaning with; exactly one of them.
const MEANINGS: &[&str] = &[
    "month",
    "hijri_month",
    "month_head",
    "weekday",
    "ordinal",
    "nth",
    "cardinal",
    "decade",
    "unit",
    "day_part",
    "word",
    "holiday",
];

const HOLIDAYS: &[(&str, Holiday)] = &[
    ("eid-al-fitr", Holiday::EidAlFitr),
    ("eid-al-adha", Holiday::EidAlAdha),
    ("hijri-new-year", Holiday::HijriNewYear),
    ("ramadan", Holiday::Ramadan),
    ("christmas", Holiday::Christmas),
    ("easter", Holiday::Easter),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const UNITS: &[(&str, Unit)] = &[
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("month", Unit::Month),
    ("year", Unit::Year),
];

const NUMBERS: &[(&str, Count)] = &[("singular", Count::One), ("dual", Count::Two), ("plural", Count::Many)];

const DAY_PARTS: &[(&str, DayPart)] = &[
    ("dawn", DayPart::Dawn),
    ("morning", DayPart::Morning),
    ("noon", DayPart::Noon),
    ("afternoon", DayPart::Afternoon),
    ("evening", DayPart::Evening),
    ("night", DayPart::Night),
];

const MONTH_HEADS: &[(&str, Head)] = &[
    ("kanun", Head::Kanun),
    ("tishrin", Head::Tishrin),
    ("rabi", Head::Rabi),
    ("jumada", Head::Jumada),
    ("dhu", Head::Dhu),
];

const WORDS: &[(&str, Kw)] = &[
    ("today", Kw::Today),
    ("yesterday", Kw::Yesterday),
    ("tomorrow", Kw::Tomorrow),
    ("first", Kw::First),
    ("after", Kw::After),
    ("before", Kw::Before),
    ("since", Kw::Since),
    ("until", Kw::Until),
    ("between", Kw::Between),
    ("and", Kw::And),
    ("from", Kw::From),
    ("to", Kw::To),
    ("in", Kw::In),
    ("during", Kw::During),
    ("within", Kw::Within),
    ("last", Kw::Last),
    ("next", Kw::Next),
    ("current", Kw::Current),
    ("this", Kw::This),
    ("early", Kw::Early),
    ("mid", Kw::Mid),
    ("late", Kw::Late),
    ("am", Kw::AmShort),
    ("m", Kw::M),
    ("hijri", Kw::HijriMark),
    ("gregorian", Kw::GregorianMark),
    ("half", Kw::Half),
    ("quarter", Kw::Quarter),
    ("third", Kw::Third),
    ("except", Kw::Except),
    ("approximately", Kw::Approx),
    ("more", Kw::More),
    ("less", Kw::Less),
    ("date", Kw::DateWord),
    ("which", Kw::Which),
    ("now", Kw::Now),
    ("tonight", Kw::Tonight),
    ("sunset", Kw::Sunset),
    ("isha", Kw::Isha),
    ("article", Kw::Article),
    ("days_of", Kw::DaysOf),
    ("years_of", Kw::YearsOf),
    ("months_of", Kw::MonthsOf),
    ("title", Kw::Title),
    ("latter", Kw::Latter),
    ("qada", Kw::Qada),
    ("hijja", Kw::Hijja),
    ("century", Kw::Century),
];

static BUNDLED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::from_data(TIME_WORDS).0);

impl Lexicon {
    /// The time words compiled into the binary (`data/time_words.json`).
    pub fn bundled() -> &'static Lexicon {
        &BUNDLED
    }

    /// Reads a data file, with the problems it has.
    pub fn from_data(data: DataFile) -> (Lexicon, Vec<Diagnostic>) {
        let file = JsonFile::new(data.name, data.text);
        let lexicon = Lexicon::read(&file);
        (lexicon, file.into_diagnostics())
    }

    /// Reads `file`; problems go to its diagnostics, and an entry with a
    /// problem is left out.
    pub fn read(file: &JsonFile) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let Some(root) = file.parse() else {
            return lexicon;
        };
        let Some(top) = file.object(&root, "the time words", &["$comment", "entries"]) else {
            return lexicon;
        };
        let Some(entries) = top.required_array("entries") else {
            return lexicon;
        };
        let allowed: Vec<&str> = MEANINGS
            .iter()
            .copied()
            .chain(["words", "number", "definite", "dialect"])
            .collect();
        let mut names = Vec::new();
        for entry in &entries.elements {
            let Some(fields) = file.object(entry, "an entry", &allowed) else {
                continue;
            };
            let dialect = match fields.get("dialect") {
                Some(_) => match named(&fields, "dialect", DIALECTS) {
                    Some(d) => Some(d),
                    None => continue,
                },
                None => None,
            };
            let only_holiday = MEANINGS.iter().all(|&m| (m == "holiday") == fields.get(m).is_some());
            if only_holiday {
                if let Some(value) = fields.get("dialect") {
                    file.error(span(value), "`dialect` goes with single words, not holiday names");
                    continue;
                }
                if let Some(holiday) = named(&fields, "holiday", HOLIDAYS) {
                    names.push((holiday_names(&fields), holiday));
                }
            } else if let Some(lex) = meaning(&fields) {
                lexicon.add(&fields, lex, dialect);
            }
        }
        for (names, holiday) in names {
            for name in names {
                let words = name.iter().map(|w| lexicon.name_word(w)).collect();
                lexicon.phrases.push(Phrase { words, holiday });
            }
        }
        lexicon.phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        lexicon
    }

    /// The meaning of a word of a holiday name: its own, once every entry is
    /// read, or a new [`Lex::Name`].
    fn name_word(&mut self, key: &str) -> Lex {
        if let Some(lex) = self.lookup(key) {
            return lex;
        }
        let lex = Lex::Name(self.names);
        self.names = self.names.saturating_add(1);
        self.table.insert(key.into(), lex);
        lex
    }

    /// Holiday names, as the meanings of their words; the longest first.
    pub(crate) fn phrases(&self) -> &[Phrase] {
        &self.phrases
    }

    /// Files the entry's words under `lex`; a word that folds to nothing, or
    /// to a key another entry gave another meaning, is reported.
    fn add(&mut self, fields: &Fields, lex: Lex, dialect: Option<Dialect>) {
        let file = fields.file();
        let words = fields.strings("words");
        if fields.get("words").is_none() || words.is_empty() {
            file.error(fields.span(), "an entry lists no `words`");
        }
        for word in words {
            let key = fold(&word.value);
            if key.is_empty() {
                file.error(word.span, format!("`{}` folds to nothing", word.value));
                continue;
            }
            match self.table.get(key.as_str()) {
                Some(&other) if other != lex => file.error(
                    word.span,
                    format!(
                        "`{}` already means {other:?} (the same folded word `{key}`)",
                        word.value
                    ),
                ),
                _ => {
                    if let Some(d) = dialect {
                        self.dialects.insert(key.as_str().into(), d);
                    }
                    self.table.insert(key.into(), lex);
                }
            }
        }
    }

    /// The cardinal words and their values, for reading counts (`crate::count`).
    pub(crate) fn cardinals(&self) -> impl Iterator<Item = (&str, u16)> {
        self.table.iter().filter_map(|(key, lex)| match lex {
            Lex::Cardinal(value) => Some((&**key, *value)),
            _ => None,
        })
    }

    /// The dialect `word` is tagged with, if its entry names one.
    pub fn dialect(&self, word: &str) -> Option<Dialect> {
        self.dialects.get(fold(word).as_str()).copied()
    }

    /// The meaning of a folded word.
    pub(crate) fn lookup(&self, key: &str) -> Option<Lex> {
        self.table.get(key).copied()
    }

    /// The meaning of a folded word, also under one attached preposition or
    /// فـ: "بالأمس", "للعام" (ل + العام with the article's alef elided), "فمنذ".
    /// Whether the folded word (with a proclitic or not) is a time word.
    pub fn is_time_word(&self, key: &str) -> bool {
        self.lookup_with_clitics(key).is_some()
    }

    pub(crate) fn lookup_with_clitics(&self, key: &str) -> Option<Lex> {
        self.lookup(key).or_else(|| without_proclitic(key, |k| self.lookup(k)))
    }
}

/// The names of a `holiday` entry, each as its folded words.
fn holiday_names(fields: &Fields) -> Vec<Vec<String>> {
    let file = fields.file();
    let words = fields.strings("words");
    if words.is_empty() {
        file.error(fields.span(), "an entry lists no `words`");
    }
    for extra in ["number", "definite"] {
        if let Some(value) = fields.get(extra) {
            file.error(span(value), format!("`{extra}` goes with `unit` only"));
        }
    }
    let mut names = Vec::new();
    for word in words {
        let name: Vec<String> = word
            .value
            .split_whitespace()
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        if name.is_empty() {
            file.error(word.span, format!("`{}` folds to nothing", word.value));
        } else {
            names.push(name);
        }
    }
    names
}

/// What an entry's words mean: the one meaning field it has.
fn meaning(fields: &Fields) -> Option<Lex> {
    let file = fields.file();
    let given: Vec<&str> = MEANINGS.iter().copied().filter(|m| fields.get(m).is_some()).collect();
    let &[name] = given.as_slice() else {
        let problem = if given.is_empty() {
            "says nothing of what its words mean".to_string()
        } else {
            format!("has several meanings: {}", given.join(", "))
        };
        file.push(
            Diagnostic::error(&file.name, format!("an entry {problem}"))
                .at(file.source(), fields.span())
                .with_help(format!("give one of: {}", MEANINGS.join(", "))),
        );
        return None;
    };
    if name != "unit" {
        for extra in ["number", "definite"] {
            if let Some(value) = fields.get(extra) {
                file.error(span(value), format!("`{extra}` goes with `unit` only"));
            }
        }
    }
    let number = |max: u64| {
        let n = fields.integer(name)?;
        if (1..=max).contains(&n.value) {
            Some(n.value)
        } else {
            file.error(n.span, format!("`{name}` must be 1 to {max}"));
            None
        }
    };
    Some(match name {
        "month" => Lex::Month(number(12)? as u8),
        "hijri_month" => Lex::HijriMonth(number(12)? as u8),
        "ordinal" => Lex::Ordinal(number(u8::MAX.into())? as u8),
        "nth" => Lex::Nth(number(u8::MAX.into())? as u8),
        "cardinal" => Lex::Cardinal(number(u16::MAX.into())? as u16),
        "decade" => Lex::Decade(number(9)? as u8),
        "weekday" => {
            let day = named(fields, name, &WEEKDAYS.iter().map(|&w| (w, w)).collect::<Vec<_>>())?;
            Lex::Weekday(WEEKDAYS.iter().position(|&w| w == day)? as u8)
        }
        "month_head" => Lex::Head(named(fields, name, MONTH_HEADS)?),
        "day_part" => Lex::Kw(Kw::Part(named(fields, name, DAY_PARTS)?)),
        "word" => Lex::Kw(named(fields, name, WORDS)?),
        _ => {
            let unit = named(fields, "unit", UNITS)?;
            let Some(count) = fields.get("number").and_then(|_| named(fields, "number", NUMBERS)) else {
                if fields.get("number").is_none() {
                    file.error(fields.span(), "a `unit` entry needs its `number`");
                }
                return None;
            };
            let definite = fields.boolean("definite").is_some_and(|d| d.value);
            Lex::Unit(unit, count, definite)
        }
    })
}

/// The value of the string field `name`, one of `names`; another is reported
/// with the nearest name.
fn named<T: Copy>(fields: &Fields, name: &str, names: &[(&str, T)]) -> Option<T> {
    let file = fields.file();
    let Spanned { value, span } = fields.string(name)?;
    if let Some(&(_, found)) = names.iter().find(|(n, _)| *n == value) {
        return Some(found);
    }
    let mut error = Diagnostic::error(&file.name, format!("unknown {name} `{value}`")).at(file.source(), span);
    error = match nearest(&value, names.iter().map(|(n, _)| *n)) {
        Some(close) => error.with_help(format!("did you mean `{close}`?")),
        None => error.with_help(format!(
            "expected one of: {}",
            names.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )),
    };
    file.push(error);
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(word: &str) -> Option<Lex> {
        Lexicon::bundled().lookup_with_clitics(&fold(word))
    }

    #[test]
    fn the_bundled_time_words_read_without_problems() {
        let (lexicon, diagnostics) = Lexicon::from_data(TIME_WORDS);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(lexicon.lookup("ديسمبر"), Some(Lex::Month(12)));
        assert_eq!(lexicon.lookup(&fold("الجمعة")), Some(Lex::Weekday(4)));
        assert_eq!(lexicon.lookup("يومين"), Some(Lex::Unit(Unit::Day, Count::Two, false)));
    }

    #[test]
    fn a_broken_file_gives_diagnostics_and_keeps_the_good_entries() {
        let file = JsonFile::new(
            "time_words.json",
            r#"{"entries": [
                {"month": 12, "words": ["ديسمبر"]},
                {"month": 13, "words": ["شهر13"]},
                {"weekday": "fryday", "words": ["الجمعة"]},
                {"unit": "day", "words": ["يوم"]},
                {"word": "today", "month": 1, "words": ["اليوم"]},
                {"words": ["أمس"]},
                {"word": "yesterday", "words": ["ديسمبر", "ـ"], "definite": true},
                {"ordinal": 1},
                {"holiday": "eid", "words": ["عيد الفطر"]},
                {"holiday": "easter", "month": 4, "words": ["عيد الفصح"]}
            ]}"#,
        );
        let lexicon = Lexicon::read(&file);
        let messages = messages_and_help(file);
        for expected in [
            "`month` must be 1 to 12",
            "unknown weekday `fryday` did you mean `friday`?",
            "a `unit` entry needs its `number`",
            "an entry has several meanings: month, word",
            "an entry says nothing of what its words mean",
            "`ديسمبر` already means Month(12)",
            "`ـ` folds to nothing",
            "`definite` goes with `unit` only",
            "an entry lists no `words`",
            "unknown holiday `eid` did you mean `eid-al-adha`?",
            "an entry has several meanings: month, holiday",
        ] {
            assert!(
                messages.iter().any(|m| m.contains(expected)),
                "{expected}: {messages:#?}"
            );
        }
        assert_eq!(messages.len(), 11, "{messages:#?}");
        assert_eq!(lexicon.lookup("ديسمبر"), Some(Lex::Month(12)));
        assert_eq!(lexicon.lookup("اليوم"), None);
        for text in ["", "[", "{\"entries\": 3}", "{\"entries\": [1, \"x\"]}"] {
            let file = JsonFile::new("time_words.json", text);
            Lexicon::read(&file);
            assert!(!file.into_diagnostics().is_empty(), "{text}");
        }
    }

    /// Each diagnostic of `file` as its message and its help.
    fn messages_and_help(file: JsonFile) -> Vec<String> {
        file.into_diagnostics()
            .iter()
            .map(|d| format!("{} {}", d.message, d.help.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn dialect_tags_are_kept_and_checked() {
        let lexicon = Lexicon::bundled();
        assert_eq!(lexicon.dialect("هلق"), Some(Dialect::Levantine));
        assert_eq!(lexicon.dialect("امبارح"), Some(Dialect::Egyptian));
        assert_eq!(lexicon.dialect("أمس"), None);
        // A tagged word means what its untagged synonyms mean.
        assert_eq!(lex("بكرا"), lex("غدا"));
        let file = JsonFile::new(
            "time_words.json",
            r#"{"entries": [
                {"word": "now", "dialect": "levantin", "words": ["هلق"]},
                {"word": "tomorrow", "dialect": "gulf", "words": ["باكر"]},
                {"holiday": "easter", "dialect": "egyptian", "words": ["عيد الفصح"]}
            ]}"#,
        );
        let lexicon = Lexicon::read(&file);
        let messages = messages_and_help(file);
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(messages[0].contains("unknown dialect `levantin` did you mean `levantine`?"));
        assert!(messages[1].contains("`dialect` goes with single words"));
        // An entry with a bad tag is left out, as any entry with a problem.
        assert_eq!(lexicon.lookup("هلق"), None);
        assert_eq!(lexicon.dialect("باكر"), Some(Dialect::Gulf));
        assert_eq!(Dialect::Gulf.as_str(), "gulf");
        assert!(lexicon.phrases().is_empty());
    }

    #[test]
    fn holiday_names_are_words_in_sequence() {
        let lexicon = Lexicon::bundled();
        let eid = lex("عيد");
        assert!(matches!(eid, Some(Lex::Name(_))), "{eid:?}");
        assert_ne!(lex("الفطر"), eid);
        // A word with a meaning of its own keeps it inside a name.
        assert_eq!(lex("الميلاد"), Some(Lex::Kw(Kw::GregorianMark)));
        let christmas = lexicon
            .phrases()
            .iter()
            .find(|p| p.holiday == Holiday::Christmas)
            .unwrap();
        assert_eq!(christmas.words, vec![eid.unwrap(), Lex::Kw(Kw::GregorianMark)]);
        let lengths: Vec<usize> = lexicon.phrases().iter().map(|p| p.words.len()).collect();
        assert!(lengths.is_sorted_by(|a, b| a >= b), "{lengths:?}");
    }

    #[test]
    fn every_spelling_of_a_month_is_known() {
        for w in ["إبريل", "ابريل", "أبريل", "أفريل", "نيسان"] {
            assert_eq!(lex(w), Some(Lex::Month(4)), "{w}");
        }
        for w in ["يونيو", "يونيه", "جوان", "حزيران"] {
            assert_eq!(lex(w), Some(Lex::Month(6)), "{w}");
        }
        assert_eq!(lex("اغسطس"), Some(Lex::Month(8)));
        assert_eq!(lex("جويلية"), Some(Lex::Month(7)));
        assert_eq!(lex("آب"), Some(Lex::Month(8)));
    }

    #[test]
    fn attached_prepositions_are_looked_through() {
        assert_eq!(lex("بالأمس"), Some(Lex::Kw(Kw::Yesterday)));
        assert_eq!(lex("للعام"), Some(Lex::Unit(Unit::Year, Count::One, true)));
        assert_eq!(lex("فمنذ"), Some(Lex::Kw(Kw::Since)));
        // A full word wins over a prefix reading: بين is not ب + ين.
        assert_eq!(lex("بين"), Some(Lex::Kw(Kw::Between)));
        assert_eq!(lex("سيارة"), None);
    }

    #[test]
    fn taa_marbuta_and_alef_maqsura_fold() {
        assert_eq!(lex("الجمعه"), Some(Lex::Weekday(4)));
        assert_eq!(lex("الى"), Some(Lex::Kw(Kw::To)));
        assert_eq!(lex("غداً"), Some(Lex::Kw(Kw::Tomorrow)));
    }
}
