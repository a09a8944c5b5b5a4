//! Official Chinese terms as the `Display` and parse form of closed domain enums.

use thiserror::Error;

/// A string that is not one of the official terms of a closed set.
///
/// Returned by the `FromStr` implementation of every closed domain enum
/// ([`crate::LeadershipRank`], [`crate::PoliticalStatus`], …).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{input:?} is not a known {kind}{}", accepted_list(.accepted))]
#[non_exhaustive]
pub struct ParseTermError {
    /// What was being parsed, e.g. `"领导职务层次 (leadership rank)"`.
    pub kind: &'static str,
    /// The text that did not match.
    pub input: String,
    /// The official terms that would have been accepted, in official order (empty where the
    /// set is not a closed table, e.g. ranks and grades together).
    pub accepted: &'static [&'static str],
}

/// `; expected one of 党委, 党总支, 党支部` (nothing for an empty list).
fn accepted_list(accepted: &[&str]) -> String {
    if accepted.is_empty() {
        String::new()
    } else {
        format!("; expected one of {}", accepted.join(", "))
    }
}

impl ParseTermError {
    /// An error for `input`, which is not a known `kind`.
    #[must_use]
    pub fn new(kind: &'static str, input: &str) -> Self {
        Self {
            kind,
            input: input.to_owned(),
            accepted: &[],
        }
    }

    /// The same error, naming the terms that would have been accepted.
    ///
    /// ```
    /// let e = zugong_core::ParseTermError::new("培训方式 (training mode)", "函授")
    ///     .with_accepted(&["集中培训", "网络培训"]);
    /// assert_eq!(
    ///     e.to_string(),
    ///     "\"函授\" is not a known 培训方式 (training mode); expected one of 集中培训, 网络培训"
    /// );
    /// ```
    #[must_use]
    pub fn with_accepted(self, accepted: &'static [&'static str]) -> Self {
        Self { accepted, ..self }
    }

    /// The kind in Chinese alone: `"领导职务层次 (leadership rank)"` → `"领导职务层次"`.
    #[must_use]
    pub fn chinese_kind(&self) -> &'static str {
        self.kind.split(" (").next().unwrap_or(self.kind)
    }
}

/// Implements `ALL`, `term()`, `Display` and `FromStr` for a closed, `Copy` enum from a table
/// of its official Chinese terms, in official order. Extra aliases after `|` are accepted when
/// parsing. This is how every zugong crate gives its closed domain enums their Chinese
/// `Display`/parse form (serde stays snake_case English through `#[serde(rename_all)]`).
///
/// ```
/// #[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// enum Mode { Concentrated, Online }
/// zugong_core::official_terms!(Mode, "培训方式 (training mode)", {
///     Concentrated => "集中培训" | "集中",
///     Online => "网络培训",
/// });
/// assert_eq!(Mode::Online.to_string(), "网络培训");
/// assert_eq!("集中".parse::<Mode>(), Ok(Mode::Concentrated));
/// assert_eq!(Mode::ALL.len(), 2);
/// ```
#[macro_export]
macro_rules! official_terms {
    ($ty:ident, $kind:literal, { $($variant:ident => $term:literal $(| $alias:literal)*),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the official order of the regulation.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The official Chinese term, also the `Display` form.
            #[must_use]
            pub const fn term(self) -> &'static str {
                match self {
                    $($ty::$variant => $term),+
                }
            }
        }

        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.term())
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = $crate::ParseTermError;

            /// Parses the official Chinese term (surrounding white space ignored).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim() {
                    $($term $(| $alias)* => Ok($ty::$variant),)+
                    _ => Err($crate::ParseTermError::new($kind, s).with_accepted(&[$($term),+])),
                }
            }
        }
    };
}

/// The terms of an open list of kinds — known kinds in a `[(Self, code, term); N]` table, any
/// other text kept in an `Other(String)` variant — with aliases read as their canonical term:
/// `code()`, `term()`, `Display` (the term), `FromStr` (never fails), and serde through the code.
macro_rules! open_terms {
    ($ty:ident, $table:ident, { $($alias:literal => $canonical:literal),* $(,)? }) => {
        impl $ty {
            /// The stable snake_case code (the raw text for the `Other` kind).
            #[must_use]
            pub fn code(&self) -> &str {
                match self {
                    Self::Other(raw) => raw,
                    known => $table
                        .iter()
                        .find(|(k, _, _)| k == known)
                        .map_or("", |(_, code, _)| code),
                }
            }

            /// The Chinese term (the raw text for the `Other` kind).
            #[must_use]
            pub fn term(&self) -> &str {
                match self {
                    Self::Other(raw) => raw,
                    known => $table
                        .iter()
                        .find(|(k, _, _)| k == known)
                        .map_or("", |(_, _, term)| term),
                }
            }

            fn from_text(text: &str) -> Self {
                let t = text.trim();
                let alias = match t {
                    $($alias => $canonical,)*
                    other => other,
                };
                $table
                    .iter()
                    .find(|(_, code, term)| *code == alias || *term == alias)
                    .map_or_else(|| Self::Other(text.to_owned()), |(k, _, _)| k.clone())
            }
        }

        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.term())
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = ::core::convert::Infallible;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_text(s))
            }
        }

        impl From<String> for $ty {
            fn from(s: String) -> Self {
                Self::from_text(&s)
            }
        }

        impl From<$ty> for String {
            fn from(k: $ty) -> Self {
                k.code().to_owned()
            }
        }
    };
}
pub(crate) use open_terms;
