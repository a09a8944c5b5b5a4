//! Messages in Chinese or English (`--lang`).

use std::sync::OnceLock;

use clap::ValueEnum;

/// The language of the process's messages, set once at start (like a locale): the dataset
/// module's fault messages read it; reports and scenario narratives take their language as an
/// argument.
static CURRENT: OnceLock<Lang> = OnceLock::new();

/// The language of messages and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Sets the process's language (the first call wins).
    pub(crate) fn set_current(self) {
        let _ = CURRENT.set(self);
    }

    /// The process's language (中文 until set).
    pub(crate) fn current() -> Lang {
        CURRENT.get().copied().unwrap_or_default()
    }

    /// The Chinese or the English text.
    pub(crate) fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Formats a message in the chosen language: `tr!(lang, "中文 {}", "English {}", args…)`;
/// both texts take the same arguments in the same order.
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::lang::Lang::Zh => format!($zh $(, $arg)*),
            $crate::lang::Lang::En => format!($en $(, $arg)*),
        }
    };
}
pub(crate) use tr;
