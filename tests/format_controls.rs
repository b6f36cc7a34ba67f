//! Invisible format controls (soft hyphen, bidi marks and isolates) that
//! editors leave inside names change nothing that extraction finds: the claim
//! has the same subject, predicate and object as without them.

use tanaqud::data;
use tanaqud::extract::{Cues, Extractor};
use tanaqud::json::JsonFile;
use tanaqud::vocab::Vocabulary;

/// (subject, predicate, object) of each claim of `text`, by vocabulary id.
fn claims(extractor: &Extractor, vocabulary: &Vocabulary, text: &str) -> Vec<(String, String, String)> {
    extractor
        .extract(text, None)
        .iter()
        .map(|claim| {
            (
                vocabulary.entity_info(claim.subject).id.clone(),
                vocabulary.predicate_info(claim.predicate).id.clone(),
                vocabulary.entity_info(claim.object).id.clone(),
            )
        })
        .collect()
}

#[test]
fn a_claim_with_a_format_control_inside_a_name_is_still_found() {
    let vocabulary = Vocabulary::read(&JsonFile::new(data::VOCABULARY.name, data::VOCABULARY.text));
    let cues = Cues::read(
        &JsonFile::new(data::LEXICON.name, data::LEXICON.text),
        &vocabulary,
        false,
    );
    let extractor = Extractor::new(&vocabulary, &cues);
    let plain = claims(&extractor, &vocabulary, "انسحبت روسيا من سوريا.");
    assert_eq!(
        plain,
        [("russia".to_string(), "withdraw".to_string(), "syria".to_string())]
    );
    for control in [
        '\u{202B}', '\u{00AD}', '\u{061C}', '\u{2066}', '\u{200F}', '\u{2060}', '\u{FEFF}',
    ] {
        let name = format!("U+{:04X}", control as u32);
        for text in [
            format!("انسحبت روسيا من سو{control}ريا."),
            format!("انسحبت رو{control}سيا من سوريا{control}."),
            format!("انسح{control}بت {control}روسيا من سوريا."),
        ] {
            assert_eq!(claims(&extractor, &vocabulary, &text), plain, "{name}: {text}");
        }
    }
}
