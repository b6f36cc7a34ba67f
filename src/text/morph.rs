//! Light morphology on folded keys: the stems a word may have once its
//! clitics and inflections are taken off. No dictionary decides which one is
//! right; a lexicon lookup does, by trying each. So `بقاعدتيها` meets
//! `قاعدة`, `وقواعدها` meets `قواعد`, `للقوات` meets `القوات`, and
//! `ينسحبون`, `انسحبت`, `الانسحاب` meet `انسحب`/`انسحاب`.
//!
//! Both sides go through here: lexicon entries are indexed under
//! [`entry_keys`], text words are looked up under every [`stems`] candidate.

// Slices, not arrays: a loop over a constant array copies it first.

/// Conjunctions that attach to the next word.
const CONJUNCTIONS: &[&str] = &["", AND, "ف"];
/// و, which also joins the items of a list.
const AND: &str = "و";
/// Prepositions that attach to the next word; ل is also of purpose (`لبحث`).
const PREPOSITIONS: [&str; 3] = ["ب", LAM, "ك"];
const LAM: &str = "ل";
/// ل + ال is written لل (`للقوات`).
const LAM_ARTICLE: &str = "لل";
const FUTURE: &str = "س";
/// Prepositions and the future particle that attach to the next word.
const PARTICLES: &[&str] = &["", PREPOSITIONS[0], PREPOSITIONS[1], PREPOSITIONS[2], FUTURE];
/// Prefixes of the imperfect verb (after a conjunction or the future س).
const IMPERFECT: &[&str] = &["ي", "ت", "ن", "ا"];
/// Attached object and possessive pronouns.
const PRONOUNS: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ني", "ي"];
/// Verb endings and dual/plural/feminine endings (construct forms lose their ن).
const ENDINGS: &[&str] = &[
    "", "ت", "ا", "وا", "ون", "ين", "ان", "ات", "تا", "تم", "ن", "ي", "و", "تان",
];

/// Shortest stem worth looking up, in bytes (two Arabic letters).
const MIN_STEM: usize = 4;

/// Calls `f` with every stem `key` may have: the key itself, and the key with
/// each plausible combination of proclitics, imperfect prefix, pronoun suffix
/// and ending removed, with a construct-state ت restored to ة (folded ه).
/// A stem may be passed more than once. `taa_marbuta`: the word ends in ة,
/// so its final (folded) ه is part of the word, not a pronoun (`وزارة` is no `زار`).
///
/// Stems come prefix by prefix (conjunction, particle, then article or
/// imperfect prefix), each with every suffix (pronoun, then ending) in list
/// order. The suffixes that fit are found once for the word, not once per
/// prefix: a suffix that fits a remainder of at least [`MIN_STEM`] bytes fits
/// the whole key.
pub fn stems(key: &str, taa_marbuta: bool, mut f: impl FnMut(&str)) {
    let bytes = key.as_bytes();
    // Byte lengths of the fitting pronoun + ending pairs, in list order.
    let mut suffix_lens = [0u8; PRONOUNS.len() * ENDINGS.len()];
    let mut suffixes = 0;
    for &pronoun in PRONOUNS {
        if (taa_marbuta && pronoun == "ه") || !ends_with(bytes, pronoun.as_bytes()) {
            continue;
        }
        let before_pronoun = &bytes[..bytes.len() - pronoun.len()];
        for &ending in ENDINGS {
            if ends_with(before_pronoun, ending.as_bytes()) {
                suffix_lens[suffixes] = (pronoun.len() + ending.len()) as u8;
                suffixes += 1;
            }
        }
    }
    let suffix_lens = &suffix_lens[..suffixes];
    let mut restored = String::new();
    let mut with_suffixes = |start: usize| {
        for &suffix_len in suffix_lens {
            let end = bytes.len() - suffix_len as usize;
            if end < start + MIN_STEM {
                continue;
            }
            let stem = &key[start..end];
            f(stem);
            // قاعدتي، قاعدتها: the ة of قاعدة is written ت before a suffix.
            if let Some(base) = stem.strip_suffix('ت')
                && base.len() >= MIN_STEM
                && suffix_len > 0
            {
                restored.clear();
                restored.push_str(base);
                restored.push('ه');
                f(&restored);
            }
        }
    };
    for &conjunction in CONJUNCTIONS {
        if !starts_with(bytes, conjunction.as_bytes()) {
            continue;
        }
        let after_conjunction = conjunction.len();
        for &particle in PARTICLES {
            if !starts_with(&bytes[after_conjunction..], particle.as_bytes()) {
                continue;
            }
            let after_particle = after_conjunction + particle.len();
            let word = &bytes[after_particle..];
            with_suffixes(after_particle);
            let has_article = starts_with(word, ARTICLE.as_bytes());
            if particle != "س" && has_article {
                with_suffixes(after_particle + ARTICLE.len());
            }
            // A verb: no article, maybe an imperfect prefix.
            if !has_article {
                for &prefix in IMPERFECT {
                    if starts_with(word, prefix.as_bytes()) {
                        with_suffixes(after_particle + prefix.len());
                    }
                }
            }
        }
        if starts_with(&bytes[after_conjunction..], LAM_ARTICLE.as_bytes()) {
            with_suffixes(after_conjunction + LAM_ARTICLE.len());
        }
    }
}

const ARTICLE: &str = "ال";

/// The proclitics a word of a closed list that does not inflect (a time word,
/// a particle) may carry, one at a time: the prepositions of [`PARTICLES`] and
/// the conjunction ف (`بالأمس`, `فمنذ`). The conjunction و, which its reader
/// takes as a word of its own, and the future س are not among them.
const NOUN_PROCLITICS: &[&str] = &["ب", "ل", "ك", "ف"];

/// The first thing `lookup` finds under `key` with one proclitic taken off:
/// ل + ال, written لل, with its article restored (`للعام` → `العام`), else the
/// key without its [`NOUN_PROCLITICS`] letter. The remainder is at least
/// [`MIN_STEM`] bytes. [`stems`] gives every reading of a word that inflects.
pub fn without_proclitic<T>(key: &str, mut lookup: impl FnMut(&str) -> Option<T>) -> Option<T> {
    if let Some(after) = key.strip_prefix("لل")
        && after.len() >= MIN_STEM
        && let Some(found) = lookup(&format!("{ARTICLE}{after}"))
    {
        return Some(found);
    }
    NOUN_PROCLITICS
        .iter()
        .find_map(|proclitic| key.strip_prefix(proclitic))
        .filter(|rest| rest.len() >= MIN_STEM)
        .and_then(lookup)
}

/// Whether `word` starts with `prefix`. Affixes are a few bytes: a byte loop
/// beats a call to memcmp, and `stems` makes dozens of these tests a word.
fn starts_with(word: &[u8], prefix: &[u8]) -> bool {
    prefix.len() <= word.len() && (0..prefix.len()).all(|i| word[i] == prefix[i])
}

/// Whether `word` ends with `suffix`, by a byte loop like [`starts_with`].
fn ends_with(word: &[u8], suffix: &[u8]) -> bool {
    let Some(start) = word.len().checked_sub(suffix.len()) else {
        return false;
    };
    (0..suffix.len()).all(|i| word[start + i] == suffix[i])
}

// The tests extraction's rules make of a word's clitics, by the byte loops
// below: they run for every trigger.

/// The length of the first of `clitics` (the empty one aside) that `word` starts with.
fn clitic_len(word: &[u8], clitics: &[&str]) -> Option<usize> {
    clitics
        .iter()
        .map(|clitic| clitic.as_bytes())
        .find(|clitic| !clitic.is_empty() && starts_with(word, clitic))
        .map(<[u8]>::len)
}

/// `key` without every one of `clitics` before it, however many.
fn without_all<'k>(key: &'k str, clitics: &[&str]) -> &'k str {
    let mut rest = key;
    while let Some(len) = clitic_len(rest.as_bytes(), clitics) {
        rest = &rest[len..];
    }
    rest
}

/// The attached pronoun ه of the third person singular (`مكتبه`), which a
/// folded ة looks like.
const HIS: &str = "ه";

/// The other attached pronouns of the third person (`قواتها`, `بأنهم`).
const THEIRS_AND_HERS: &[&str] = &["ها", "هم", "هما", "هن"];

/// Whether the word ends in a pronoun of the third person (`بأنها`, `أنه`).
pub fn ends_with_third_person(key: &str) -> bool {
    key.ends_with(HIS) || THEIRS_AND_HERS.iter().any(|p| key.ends_with(p))
}

/// Whether a noun of at least three letters carries a possessive of the
/// third person: `قواتها`, `مكتبهم`, and `مسؤوليته`, whose ت is a ة
/// opened before the pronoun. A bare ه after another letter may end a name
/// (`طه`), and a ة written as such is no pronoun (`ثابتة`).
pub fn is_possessed(key: &str, taa_marbuta: bool) -> bool {
    let stem_of = |suffix: &str| key.strip_suffix(suffix).filter(|stem| stem.chars().count() >= 3);
    let opened_taa = stem_of(HIS).is_some_and(|stem| stem.ends_with('ت'));
    !taa_marbuta && (THEIRS_AND_HERS.iter().any(|p| stem_of(p).is_some()) || opened_taa)
}

/// The word without one attached preposition ب ل ك (after its
/// conjunctions), or as it is when it has none: `بمجدل` → `مجدل`.
pub fn without_attached_preposition(key: &str) -> &str {
    let bare = without_conjunction(key);
    match clitic_len(bare.as_bytes(), &PREPOSITIONS) {
        Some(len) => &bare[len..],
        None => bare,
    }
}

/// The word without the conjunctions و and ف before it.
pub fn without_conjunction(key: &str) -> &str {
    without_all(key, CONJUNCTIONS)
}

/// Whether a conjunction is attached to the word (`وانسحاب`).
pub fn has_conjunction(key: &str) -> bool {
    clitic_len(key.as_bytes(), CONJUNCTIONS).is_some()
}

/// Whether the word begins with و, as the next item of a list does (`ودير الزور`).
pub fn starts_with_and(key: &str) -> bool {
    starts_with(key.as_bytes(), AND.as_bytes())
}

/// Whether a preposition ب ل ك is attached to the word, after its conjunctions.
pub fn has_attached_preposition(key: &str) -> bool {
    clitic_len(without_conjunction(key).as_bytes(), &PREPOSITIONS).is_some()
}

/// Whether the preposition attached to the word is ل (`لبحث`, `ولدعم`).
pub fn has_attached_lam(key: &str) -> bool {
    starts_with(without_conjunction(key).as_bytes(), LAM.as_bytes())
}

/// The word without its article, if it has one (after ب ل ك; `لل` is ل + ال).
pub fn without_article(key: &str) -> Option<&str> {
    if starts_with(key.as_bytes(), LAM_ARTICLE.as_bytes()) {
        return Some(&key[LAM_ARTICLE.len()..]);
    }
    let rest = without_all(key, &PREPOSITIONS);
    starts_with(rest.as_bytes(), ARTICLE.as_bytes()).then(|| &rest[ARTICLE.len()..])
}

/// The letter after a leading س: the future particle's verb prefix in
/// `ستعود`, a letter of the word itself in `سيطر`.
pub fn after_sin(key: &str) -> Option<char> {
    key.strip_prefix(FUTURE)?.chars().next()
}

/// Whether `c` is a prefix of the imperfect verb.
pub fn is_imperfect_prefix(c: char) -> bool {
    IMPERFECT.iter().any(|prefix| prefix.starts_with(c))
}

/// Whether the word looks like an imperfect verb: an imperfect prefix after
/// its conjunctions, without the past ending ت (`تطلب`, not `تدخلت` or `انسحبت`).
pub fn looks_imperfect(key: &str) -> bool {
    let word = without_conjunction(key).as_bytes();
    clitic_len(word, IMPERFECT).is_some() && !ends_with(word, "ت".as_bytes())
}

/// The keys a folded lexicon word is indexed under: itself, without its
/// article, and (for words of four letters or more) without the initial alef
/// that imperfect forms drop (أرسل → يرسل, انسحب → ينسحب, استهدف → يستهدف);
/// not a hollow verb's (أقال → يقيل: `قال` is another verb, "said").
pub fn entry_keys(word: &str, mut f: impl FnMut(&str)) {
    f(word);
    if let Some(rest) = word.strip_prefix(ARTICLE)
        && rest.len() >= MIN_STEM
    {
        f(rest);
    }
    let hollow = |rest: &str| {
        let letters: Vec<char> = rest.chars().collect();
        letters.len() == 3 && letters[1] == 'ا'
    };
    // A form X verb's alef stays too: `ستشهد` is `سـ` + `تشهد` (will see), no `استشهد`.
    if let Some(rest) = word.strip_prefix('ا')
        && rest.chars().count() >= 3
        && !hollow(rest)
        && !rest.starts_with("ست")
    {
        f(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn all_stems(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        stems(&fold(word), word.ends_with('ة'), |s| out.push(s.to_string()));
        out
    }

    /// Whether text `word` can meet lexicon `entry`.
    fn meets(word: &str, entry: &str) -> bool {
        let mut keys = Vec::new();
        entry_keys(&fold(entry), |k| keys.push(k.to_string()));
        all_stems(word).iter().any(|s| keys.contains(s))
    }

    #[test]
    fn a_possessive_of_the_third_person_is_told_from_a_names_last_letter() {
        let possessed = |word: &str, taa_marbuta: bool| is_possessed(&fold(word), taa_marbuta);
        assert!(possessed("قواتها", false));
        assert!(possessed("مكتبهم", false));
        // ت before ه: a ة opened before the pronoun.
        assert!(possessed("مسؤوليته", false));
        // A ة written as such, or a bare ه after another letter, may end a name.
        assert!(!possessed("ثابتة", true));
        assert!(!possessed("طه", false));
        assert!(!possessed("هم", false));
        assert!(ends_with_third_person(&fold("بأنها")));
        assert!(ends_with_third_person(&fold("أنه")));
        assert!(!ends_with_third_person(&fold("بأن")));
        assert_eq!(without_attached_preposition(&fold("وبمجدل")), fold("مجدل"));
        assert_eq!(without_attached_preposition(&fold("مدينة")), fold("مدينة"));
    }

    #[test]
    fn a_hollow_verbs_alef_stays() {
        // أقال (dismissed) is no قال (said) with an alef: its imperfect is يقيل.
        assert!(!meets("وقال", "أقال"));
        assert!(!meets("يقال", "أقال"));
        assert!(meets("وأقال", "أقال"));
        assert!(meets("يرسل", "أرسل"));
    }

    #[test]
    fn a_form_x_verbs_alef_stays() {
        assert!(!meets("ستشهد", "استشهد"));
        assert!(!meets("ستهدف", "استهدف"));
        assert!(meets("واستشهد", "استشهد"));
    }

    #[test]
    fn proclitics_come_off() {
        assert!(meets("بقاعدتيها", "قاعدة"));
        assert!(meets("وقواعدها", "قواعد"));
        assert!(meets("للقوات", "القوات"));
        assert!(meets("والقوات", "القوات"));
        assert!(meets("وبالقوات", "القوات"));
        assert!(meets("لروسيا", "روسيا"));
        assert!(meets("فموسكو", "موسكو"));
        assert!(meets("كالعادة", "عادة"));
    }

    #[test]
    fn pronoun_suffixes_and_endings_come_off() {
        assert!(meets("قواتها", "قوات"));
        assert!(meets("وحداتها", "وحدات"));
        assert!(meets("قاعدتين", "قاعدة"));
        assert!(meets("قاعدتها", "القاعدة"));
        assert!(meets("مستشاروه", "مستشار"));
    }

    #[test]
    fn verb_conjugations_and_verbal_nouns_meet_their_entries() {
        for word in ["انسحب", "انسحبت", "تنسحب", "ينسحبون", "سينسحب", "وانسحبت", "انسحبوا"]
        {
            assert!(meets(word, "انسحب"), "{word}");
        }
        for word in ["الانسحاب", "انسحاب", "بالانسحاب", "وانسحابها"] {
            assert!(meets(word, "انسحاب"), "{word}");
        }
        for word in ["سحب", "سحبت", "بسحب", "يسحب", "تسحب", "سحبها"] {
            assert!(meets(word, "سحب"), "{word}");
        }
        for word in ["غادرت", "يغادر", "تغادر", "غادروا"] {
            assert!(meets(word, "غادر"), "{word}");
        }
        assert!(meets("مغادرة", "مغادرة"));
        assert!(meets("إخلاء", "اخلاء"));
        assert!(meets("احتفظت", "احتفظ"));
        assert!(meets("تحتفظ", "احتفظ"));
        assert!(meets("ترسل", "أرسل"));
        assert!(meets("يخلي", "أخلى"));
    }

    #[test]
    fn short_remainders_are_not_stems() {
        assert!(all_stems("به").iter().all(|s| s == "به"));
        assert!(!all_stems("ولن").iter().any(|s| s == "ن"));
        assert!(all_stems("وال").iter().all(|s| s.len() >= MIN_STEM));
    }

    #[test]
    fn byte_affix_tests() {
        assert!(starts_with("والقوات".as_bytes(), "وال".as_bytes()));
        assert!(starts_with(b"abc", b""));
        assert!(!starts_with(b"ab", b"abc"));
        assert!(!starts_with("فال".as_bytes(), "وال".as_bytes()));
        assert!(ends_with("قواتها".as_bytes(), "ها".as_bytes()));
        assert!(ends_with(b"abc", b""));
        assert!(!ends_with(b"bc", b"abc"));
        assert!(!ends_with("قواتهم".as_bytes(), "ها".as_bytes()));
    }

    #[test]
    fn stems_come_prefix_by_prefix_each_with_its_suffixes() {
        // No suffix, ending ا, pronoun ها (and ت restored to ة), pronoun ها after ending ت.
        let suffixed = |stem: &str| {
            let stem = stem.to_string();
            [
                format!("{stem}تها"),
                format!("{stem}ته"),
                format!("{stem}ت"),
                format!("{stem}ه"),
                stem,
            ]
        };
        assert_eq!(all_stems("وقاعدتها"), [suffixed("وقاعد"), suffixed("قاعد")].concat());
        // Every remainder of two letters or more, none shorter (ل, ه).
        assert_eq!(all_stems("لها"), ["لها", "له", "ها"]);
    }

    #[test]
    fn clitic_tests_for_the_grammar() {
        assert_eq!(without_conjunction("وفالقوات"), "القوات");
        assert_eq!(without_article("بالانسحاب"), Some("انسحاب"));
        assert_eq!(without_article("للقوات"), Some("قوات"));
        assert!(has_attached_preposition("ولذلك") && !has_attached_preposition("هذا"));
        assert_eq!((after_sin("ستعود"), after_sin("تعود")), (Some('ت'), None));
        assert!(looks_imperfect("وتطلب") && !looks_imperfect("انسحبت"));
    }

    #[test]
    fn one_proclitic_comes_off_a_word_that_does_not_inflect() {
        let known = ["الامس", "العام", "منذ", "بين"];
        let find = |word: &str| without_proclitic(&fold(word), |k| known.contains(&k).then(|| k.to_string()));
        assert_eq!(find("بالأمس").as_deref(), Some("الامس"));
        assert_eq!(find("للعام").as_deref(), Some("العام"));
        assert_eq!(find("فمنذ").as_deref(), Some("منذ"));
        // One letter left is no word; و and affixes other than the proclitic stay.
        assert_eq!(find("بي"), None);
        assert_eq!(find("ومنذ"), None);
        assert_eq!(find("بالأمسها"), None);
    }

    #[test]
    fn unrelated_words_do_not_meet() {
        assert!(!meets("سحابة", "سحب"));
        assert!(!meets("روسي", "روسيا"));
        assert!(!meets("الموقف", "موقع"));
        assert!(!meets("وزارة", "زار"));
        assert!(meets("زاره", "زار"));
    }
}
