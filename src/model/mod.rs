//! The data model at the seams between stages: sources, claims, their
//! qualifiers and the findings on them. Plain data: no I/O, no parsing;
//! readers build it, the comparison and the printers read it.
//!
//! Every enum that has a name in the annotation format, the JSON report or the
//! Markdown report is declared with [`named!`]: its names are written once,
//! and the annotation reader, the JSON contract (serde) and the printers all
//! take them from there.

mod claim;
mod finding;

pub use crate::count::{Amount, Count, Qualifier};
pub use claim::{
    Attribution, Basis, Claim, Corpus, Extent, Extraction, Found, Modality, Origin, Polarity, PublicationBasis,
    Published, Rejection, Source, TimeBasis,
};
pub use finding::{ConflictType, Proposition, Rule, Verdict, VerdictKind};

pub use crate::names::Named;
pub(crate) use crate::names::named;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_serialize_as_themselves() {
        for &modality in Modality::ALL {
            assert_eq!(Modality::from_name(modality.name()), Some(modality));
            assert_eq!(serde_json::to_string(&modality).unwrap(), format!("\"{modality}\""));
        }
        assert_eq!(Rule::from_name("whole-vs-part"), Some(Rule::WholeVsPart));
        assert_eq!(VerdictKind::NotComparable.name(), "not_comparable");
        assert_eq!(Polarity::from_name("denied"), None);
    }
}
