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

pub use claim::{
    Attribution, Basis, Claim, Corpus, Extent, Extraction, Modality, Origin, Polarity, PublicationBasis, Published,
    Rejection, Source, TimeBasis,
};
pub use finding::{ConflictType, Proposition, Rule, Verdict, VerdictKind};

/// An enum whose every variant has one name, used in files and reports.
pub trait Named: Copy + Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];

    fn name(self) -> &'static str;

    /// The variant called `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|variant| variant.name() == name)
    }

    /// Every name, in declaration order (for "expected one of" and "did you mean").
    fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|variant| variant.name())
    }
}

/// Declares a field-less enum with a name per variant: derives the usual
/// traits, implements [`Named`], and serializes as its name.
macro_rules! named {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $crate::model::Named for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::model::Named::name(*self))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::Named::name(*self))
            }
        }
    };
}
pub(crate) use named;

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
