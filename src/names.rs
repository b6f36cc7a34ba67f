//! Names written once: an enum whose variants each have one name, used in
//! the annotation format, the JSON report and the Markdown report alike. Below
//! every other module, so that any of them may declare one.

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

        impl $crate::names::Named for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::names::Named::name(*self))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::names::Named::name(*self))
            }
        }
    };
}
pub(crate) use named;
