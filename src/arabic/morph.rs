//! Light morphology on folded keys: the stems a word may have once its
//! clitics and inflections are taken off. No dictionary decides which one is
//! right; a lexicon lookup does, by trying each. So `بقاعدتيها` meets
//! `قاعدة`, `وقواعدها` meets `قواعد`, `للقوات` meets `القوات`, and
//! `ينسحبون`, `انسحبت`, `الانسحاب` meet `انسحب`/`انسحاب`.
//!
//! Both sides go through here: lexicon entries are indexed under
//! [`entry_keys`], text words are looked up under every [`stems`] candidate.

/// Conjunctions that attach to the next word.
const CONJUNCTIONS: [&str; 3] = ["", "و", "ف"];
/// Prepositions and the future particle that attach to the next word.
const PARTICLES: [&str; 5] = ["", "ب", "ل", "ك", "س"];
/// Prefixes of the imperfect verb (after a conjunction or the future س).
const IMPERFECT: [&str; 4] = ["ي", "ت", "ن", "ا"];
/// Attached object and possessive pronouns.
const PRONOUNS: [&str; 12] = ["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ني", "ي"];
/// Verb endings and dual/plural/feminine endings (construct forms lose their ن).
const ENDINGS: [&str; 14] = [
    "", "ت", "ا", "وا", "ون", "ين", "ان", "ات", "تا", "تم", "ن", "ي", "و", "تان",
];

/// Shortest stem worth looking up, in bytes (two Arabic letters).
const MIN_STEM: usize = 4;

/// Calls `f` with every stem `key` may have: the key itself, and the key with
/// each plausible combination of proclitics, imperfect prefix, pronoun suffix
/// and ending removed, with a construct-state ت restored to ة (folded ه).
/// A stem may be passed more than once. `taa_marbuta`: the word ends in ة,
/// so its final (folded) ه is part of the word, not a pronoun (`وزارة` is no `زار`).
pub fn stems(key: &str, taa_marbuta: bool, mut f: impl FnMut(&str)) {
    let mut restored = String::new();
    for conjunction in CONJUNCTIONS {
        let Some(after_conjunction) = key.strip_prefix(conjunction) else {
            continue;
        };
        for particle in PARTICLES {
            let Some(after_particle) = after_conjunction.strip_prefix(particle) else {
                continue;
            };
            with_article(after_particle, particle, taa_marbuta, &mut restored, &mut f);
        }
        // ل + ال writes لل: للقوات is ل + القوات.
        if let Some(rest) = after_conjunction.strip_prefix("لل") {
            suffixes(rest, taa_marbuta, &mut restored, &mut f);
        }
    }
}

fn with_article(word: &str, particle: &str, taa_marbuta: bool, restored: &mut String, f: &mut impl FnMut(&str)) {
    suffixes(word, taa_marbuta, restored, f);
    if particle != "س"
        && let Some(rest) = word.strip_prefix("ال")
    {
        suffixes(rest, taa_marbuta, restored, f);
    }
    // A verb: no article, maybe an imperfect prefix.
    if !word.starts_with("ال") {
        for prefix in IMPERFECT {
            if let Some(rest) = word.strip_prefix(prefix) {
                suffixes(rest, taa_marbuta, restored, f);
            }
        }
    }
}

fn suffixes(word: &str, taa_marbuta: bool, restored: &mut String, f: &mut impl FnMut(&str)) {
    for pronoun in PRONOUNS {
        if taa_marbuta && pronoun == "ه" {
            continue;
        }
        let Some(before_pronoun) = word.strip_suffix(pronoun) else {
            continue;
        };
        for ending in ENDINGS {
            let Some(stem) = before_pronoun.strip_suffix(ending) else {
                continue;
            };
            if stem.len() < MIN_STEM {
                continue;
            }
            f(stem);
            // قاعدتي، قاعدتها: the ة of قاعدة is written ت before a suffix.
            if let Some(base) = stem.strip_suffix('ت')
                && base.len() >= MIN_STEM
                && (pronoun.len() + ending.len() > 0)
            {
                restored.clear();
                restored.push_str(base);
                restored.push('ه');
                f(restored);
            }
        }
    }
}

/// The keys a folded lexicon word is indexed under: itself, without its
/// article, and (for words of four letters or more) without the initial alef
/// that imperfect forms drop (أرسل → يرسل, انسحب → ينسحب, استهدف → يستهدف).
pub fn entry_keys(word: &str, mut f: impl FnMut(&str)) {
    f(word);
    if let Some(rest) = word.strip_prefix("ال")
        && rest.len() >= MIN_STEM
    {
        f(rest);
    }
    if let Some(rest) = word.strip_prefix('ا')
        && rest.chars().count() >= 3
    {
        f(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::fold;

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
    fn unrelated_words_do_not_meet() {
        assert!(!meets("سحابة", "سحب"));
        assert!(!meets("روسي", "روسيا"));
        assert!(!meets("الموقف", "موقع"));
        assert!(!meets("وزارة", "زار"));
        assert!(meets("زاره", "زار"));
    }
}
