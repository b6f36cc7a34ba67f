//! Folding: the matching key of a piece of text. Spelling variants that news
//! writers use interchangeably become one form; the original is never touched.
//!
//! - harakat, superscript alef, tatweel and the invisible format controls
//!   ([`is_format_control`]: soft hyphen, zero-width characters, direction
//!   marks, bidi embeddings and isolates, the BOM) are dropped;
//! - أ إ آ ٱ → ا, ى → ي, ة → ه;
//! - Persian ی → ي and ک → ك: Arabic news copied from Persian sources
//!   («ممثلیة إیران») spells Arabic words with them;
//! - Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII digits;
//! - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their NFKC letters, then folded;
//! - ASCII letters → lower case.
//!
//! The hot loop tests sixteen bytes at a time for characters that may change
//! (vector compares, no char decoding), looks at those alone, by a table for
//! the two-byte Arabic letters, and copies the runs between them in one go,
//! which is what keeps it well above 1 GB/s on one core.

use unicode_normalization::UnicodeNormalization;

/// What to do with a character of U+0600–U+06FF, indexed by its offset in the block.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Keep,
    Drop,
    /// Replace by this letter or ASCII digit: pushing a char costs no copy call.
    Replace(char),
}

const fn arabic_action(offset: u32) -> Action {
    let c = 0x0600 + offset;
    match c {
        0x064B..=0x065F | 0x0670 | 0x0640 | 0x061C => Action::Drop,
        0x0622 | 0x0623 | 0x0625 | 0x0671 => Action::Replace('ا'),
        0x0649 | 0x06CC => Action::Replace('ي'),
        0x06A9 => Action::Replace('ك'),
        0x0629 => Action::Replace('ه'),
        0x0660..=0x0669 => Action::Replace((b'0' + (c - 0x0660) as u8) as char),
        0x06F0..=0x06F9 => Action::Replace((b'0' + (c - 0x06F0) as u8) as char),
        _ => Action::Keep,
    }
}

const ARABIC: [Action; 256] = {
    let mut table = [Action::Keep; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = arabic_action(i as u32);
        i += 1;
    }
    table
};

/// The offset in U+0600–U+06FF of the two-byte character `lead`, `second`
/// (`lead` in 0xD8..=0xDB): the block's 256 code points are the low two bits
/// of the lead byte and the low six of the second.
pub(super) fn arabic_offset(lead: u8, second: u8) -> usize {
    (((lead & 0x03) as usize) << 6) | (second & 0x3F) as usize
}

/// What folding does to the character of U+0600–U+06FF at `offset` (see [`arabic_offset`]).
pub(super) fn arabic_action_at(offset: usize) -> Action {
    ARABIC[offset]
}

/// The Unicode format characters (general category Cf) that print nothing:
/// the soft hyphen, the Arabic letter mark, the Mongolian vowel separator,
/// zero-width space, joiners and direction marks, bidi embeddings, overrides
/// and isolates, the word joiner and invisible operators, the deprecated
/// format controls, the BOM, interlinear annotation marks, and the format
/// controls of other scripts and of tags. Not the prepended concatenation
/// marks (U+0600–U+0605, U+06DD…), which print a sign. Writers and editors
/// leave these inside words, so every layer that reads words ignores them.
pub fn is_format_control(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The one-to-one part of folding: what `c` folds to, or None when it is
/// dropped. Presentation forms, which may fold to several letters, are
/// returned unchanged; [`fold_char`] handles them.
pub fn fold_letter(c: char) -> Option<char> {
    match c as u32 {
        0x0600..=0x06FF => match ARABIC[(c as u32 - 0x0600) as usize] {
            Action::Keep => Some(c),
            Action::Drop => None,
            Action::Replace(r) => Some(r),
        },
        _ if is_format_control(c) => None,
        _ => Some(c.to_ascii_lowercase()),
    }
}

/// The folded form of one character, appended to `out`.
pub fn fold_char(c: char, out: &mut String) {
    match c as u32 {
        _ if is_presentation_form(c) => {
            for n in std::iter::once(c).nfkc() {
                // NFKC of a presentation form never yields another presentation form.
                if !is_presentation_form(n) {
                    fold_char(n, out);
                }
            }
        }
        _ => out.extend(fold_letter(c)),
    }
}

/// Whether `c` folds to nothing (a mark or format control that never changes
/// a word): inside a word it neither splits it nor shows in its key.
pub fn is_ignorable(c: char) -> bool {
    match c as u32 {
        0x0600..=0x06FF => ARABIC[(c as u32 - 0x0600) as usize] == Action::Drop,
        _ => is_format_control(c),
    }
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len());
    // Start of the run of bytes that are copied unchanged.
    let mut run = 0;
    let mut at = 0;
    // Chunk by chunk, looking only at the characters that may change.
    while let Some(window) = bytes.get(at..at + CHUNK + 1).and_then(|w| w.try_into().ok()) {
        // One byte per place, 1 where a character may change; lowest first.
        let mut hits = u128::from_le_bytes(may_change(window));
        while hits != 0 {
            fold_char_at(text, at + hits.trailing_zeros() as usize / 8, &mut run, out);
            hits &= hits - 1;
        }
        at += CHUNK;
    }
    // The last bytes character by character, from the first that starts
    // after the chunks (one of them may have run past their end).
    while !text.is_char_boundary(at) {
        at += 1;
    }
    while at < bytes.len() {
        at += fold_char_at(text, at, &mut run, out);
    }
    out.push_str(&text[run..]);
}

/// Bytes [`fold_into`] looks at together: most chunks of Arabic text hold
/// few or no characters that change.
const CHUNK: usize = 16;

/// Byte i 1 when the character whose first byte is `window[i]` may fold to
/// something else: an ASCII capital, an Arabic character that `ARABIC`
/// changes (told by its two bytes), the soft hyphen (C2 AD), a three-byte
/// character led by E1, E2 or EF (format controls, presentation forms), or a
/// four-byte one (format controls of other scripts, tags). `window` is a chunk and the byte
/// after it. Every byte is tested without branches, into a byte of its own,
/// which the compiler does for the whole chunk at once in vector registers;
/// a test checks the Arabic part against `ARABIC`.
fn may_change(window: &[u8; CHUNK + 1]) -> [u8; CHUNK] {
    let mut hits = [0; CHUNK];
    for (i, hit) in hits.iter_mut().enumerate() {
        let (lead, second) = (window[i], window[i + 1]);
        // the Arabic letter mark, آ أ إ ة
        let d8 = (lead == 0xD8)
            & ((second == 0x9C) | (second == 0xA2) | (second == 0xA3) | (second == 0xA5) | (second == 0xA9));
        // tatweel, ى, harakat, Arabic-Indic digits, superscript alef, ٱ
        let d9 = (lead == 0xD9)
            & ((second == 0x80)
                | (second == 0x89)
                | (second.wrapping_sub(0x8B) <= 0xA9 - 0x8B)
                | (second.wrapping_sub(0xB0) <= 1));
        // Persian ک
        let da = (lead == 0xDA) & (second == 0xA9);
        // Persian ی, Persian digits
        let db = (lead == 0xDB) & ((second == 0x8C) | (second.wrapping_sub(0xB0) <= 9));
        let soft_hyphen = (lead == 0xC2) & (second == 0xAD);
        // Three-byte characters led by E1 or E2, EF, and every four-byte one:
        // rare in Arabic text, so a lead byte alone is worth a look.
        let other = lead.is_ascii_uppercase() | (lead.wrapping_sub(0xE1) <= 1) | (lead == 0xEF) | (lead >= 0xF0);
        *hit = u8::from(d8 | d9 | da | db | soft_hyphen | other);
    }
    hits
}

/// Folds the character that starts at byte `at`: when it changes, copies
/// `text[*run..at]` and then its folded form to `out` and moves `run` past it.
/// Returns its length in bytes.
fn fold_char_at(text: &str, at: usize, run: &mut usize, out: &mut String) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[at];
    let (len, folded) = if (0xD8..=0xDB).contains(&b) {
        // Valid UTF-8: a lead byte is followed by its continuation.
        match ARABIC[arabic_offset(b, bytes[at + 1])] {
            Action::Keep => return 2,
            Action::Drop => (2, None),
            Action::Replace(r) => (2, Some(r)),
        }
    } else if b < 0x80 {
        if !b.is_ascii_uppercase() {
            return 1;
        }
        (1, Some(b.to_ascii_lowercase() as char))
    } else {
        let c = text[at..].chars().next().unwrap_or(' ');
        if !(is_format_control(c) || is_presentation_form(c)) {
            return c.len_utf8();
        }
        out.push_str(&text[*run..at]);
        fold_char(c, out);
        *run = at + c.len_utf8();
        return c.len_utf8();
    };
    out.push_str(&text[*run..at]);
    out.extend(folded);
    *run = at + len;
    len
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_diacritics_tatweel_and_invisible_marks() {
        assert_eq!(fold("إبْرِيـــل"), "ابريل");
        assert_eq!(fold("يُعتقد"), "يعتقد");
        assert_eq!(fold("سوريا\u{200F}\u{200C}"), "سوريا");
        assert_eq!(fold("الرَّئِيسُ"), "الرئيس");
        assert_eq!(fold("\u{0670}"), "");
    }

    #[test]
    fn every_format_control_is_dropped_inside_a_word() {
        for control in [
            '\u{00AD}',
            '\u{061C}',
            '\u{180E}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2060}',
            '\u{2061}',
            '\u{2062}',
            '\u{2063}',
            '\u{2064}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{206A}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{E0001}',
        ] {
            let name = format!("U+{:04X}", control as u32);
            assert_eq!(fold(&format!("سو{control}ريا")), "سوريا", "{name}");
            assert_eq!(fold(&format!("{control}Putin{control}")), "putin", "{name}");
            assert!(is_ignorable(control) && is_format_control(control), "{name}");
            assert_eq!(fold_letter(control), None, "{name}");
        }
        // Signs that print stay: the Arabic number sign and end of ayah.
        assert_eq!(fold("\u{0600}\u{06DD}"), "\u{0600}\u{06DD}");
    }

    #[test]
    fn merges_alef_forms_alef_maqsura_and_taa_marbuta() {
        assert_eq!(fold("أكد"), "اكد");
        assert_eq!(fold("إخلاء"), "اخلاء");
        assert_eq!(fold("آخر"), "اخر");
        assert_eq!(fold("ٱلقوات"), "القوات");
        assert_eq!(fold("أخلى"), "اخلي");
        assert_eq!(fold("القاعدة"), "القاعده");
        // Hamza on waw and ya are kept: writers do not swap them freely.
        assert_eq!(fold("مسؤول"), "مسؤول");
    }

    #[test]
    fn turns_every_digit_script_into_ascii() {
        assert_eq!(fold("٢٠٢٤"), "2024");
        assert_eq!(fold("۱۴"), "14");
        assert_eq!(fold("14.12.2017"), "14.12.2017");
    }

    #[test]
    fn presentation_forms_become_letters() {
        // ﻻ (lam-alef ligature) and isolated/final forms of sin, waw, ra.
        assert_eq!(fold("\u{FEFB}"), "لا");
        assert_eq!(fold("\u{FEB1}\u{FEEE}\u{FEAD}\u{FEF3}\u{FE8E}"), "سوريا");
        // ﷲ (Allah ligature) folds like the spelled word.
        assert_eq!(fold("\u{FDF2}"), fold("الله"));
    }

    #[test]
    fn lowercases_ascii_and_keeps_other_scripts() {
        assert_eq!(fold("Times of EGYPT"), "times of egypt");
        assert_eq!(fold("Ünïcode"), "Ünïcode");
    }

    #[test]
    fn persian_yeh_and_kaf_spell_arabic_letters() {
        assert_eq!(fold("ممثلیة إیران لدی الأمم"), fold("ممثلية إيران لدى الأمم"));
        assert_eq!(fold("الأمریکي"), "الامريكي");
    }

    #[test]
    fn character_and_string_folding_agree() {
        let text = "أَكَّدَ الكرملين، ﻻ انسحاب من «حميميم» ٢٠٢٤ ABC\u{200F}";
        let mut by_char = String::new();
        for c in text.chars() {
            fold_char(c, &mut by_char);
        }
        assert_eq!(fold(text), by_char);
    }

    #[test]
    fn the_byte_tables_agree_with_character_folding_everywhere() {
        // Each character alone and between letters that are kept, so that
        // the copied runs around it are checked too.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut by_char = String::from("x");
            fold_char(c, &mut by_char);
            by_char.push('ب');
            assert_eq!(fold(&format!("x{c}ب")), by_char, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn chunks_fold_like_characters_at_every_place() {
        let interesting = ('\0'..='\u{07FF}')
            .chain('\u{2000}'..='\u{206F}')
            .chain('\u{FB50}'..='\u{FFFF}')
            .chain(['😀', '\u{10FFFF}']);
        for c in interesting {
            for before in 0..=CHUNK + 1 {
                let text = format!("{}{c}{}", "a".repeat(before), "بب".repeat(CHUNK));
                let mut by_char = String::new();
                for c in text.chars() {
                    fold_char(c, &mut by_char);
                }
                assert_eq!(fold(&text), by_char, "U+{:04X} after {before} bytes", c as u32);
            }
        }
    }

    #[test]
    fn the_change_filter_knows_every_arabic_character_that_changes() {
        for lead in 0xD8..=0xDB {
            for second in 0x80..=0xBF {
                let mut window = [0; CHUNK + 1];
                (window[0], window[1]) = (lead, second);
                let changes = ARABIC[arabic_offset(lead, second)] != Action::Keep;
                assert_eq!(may_change(&window)[0] == 1, changes, "{lead:X} {second:X}");
            }
        }
        let flagged = |lead: u8| may_change(&[lead; CHUNK + 1]) == [1; CHUNK];
        assert!(flagged(b'A') && flagged(b'Z') && flagged(0xE1) && flagged(0xE2) && flagged(0xEF) && flagged(0xF3));
        assert!(!flagged(b'a') && !flagged(b' ') && !flagged(0xD8) && !flagged(0xC2) && !flagged(0xE0));
    }

    #[test]
    fn arabic_offsets_come_from_the_two_bytes() {
        for c in '\u{0600}'..='\u{06FF}' {
            let mut buf = [0; 2];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(arabic_offset(bytes[0], bytes[1]), c as usize - 0x0600);
        }
    }
}
