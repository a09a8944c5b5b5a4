//! The two languages words are told in: Chinese (the default) and English.
//!
//! The libraries keep no language of their own: what they say is a
//! [`Text`](crate::text::Text) in both, and the program that shows it picks one.

/// A language a reader may ask for (`--lang zh` or `--lang en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The Chinese or the English text.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Formats a message in the chosen language: `tr!(lang, "中文 {}", "English {}", args…)`;
/// both texts take the same arguments in the same order.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::lang::Lang::Zh => format!($zh $(, $arg)*),
            $crate::lang::Lang::En => format!($en $(, $arg)*),
        }
    };
}
#[doc(inline)]
pub use crate::tr;

impl Lang {
    /// The language's code on the command line: `zh` or `en`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language refusals of the domain crates are told in.
    pub const fn language(self) -> zugong_core::journal::Language {
        match self {
            Lang::Zh => zugong_core::journal::Language::Chinese,
            Lang::En => zugong_core::journal::Language::English,
        }
    }
}

/// A language code that is neither `zh` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {given:?}: expected zh (中文) or en (English)")]
pub struct UnknownLang {
    /// What was given.
    pub given: String,
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    /// `zh` or `en`, in any case; also `中文` and `English`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "中文" | "chinese" => Ok(Lang::Zh),
            "en" | "english" => Ok(Lang::En),
            _ => Err(UnknownLang {
                given: s.to_owned(),
            }),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
