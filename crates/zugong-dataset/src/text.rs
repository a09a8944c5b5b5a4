//! Words told in both languages: a [`Text`] holds a message written in Chinese and in English,
//! and the caller chooses which to show.
//!
//! The libraries hold no language of their own: a fault, a refusal of a command, a finding of
//! the report or a step of a scenario is made once, with both wordings, and is shown in
//! whichever language its reader asked for — [`Text::get`] explicitly, or `Display` inside
//! [`in_language`] (a program's renderer runs its whole output in one such scope).
//!
//! ```
//! use zugong_dataset::lang::Lang;
//! use zugong_dataset::text::{Text, in_language};
//! use zugong_dataset::text;
//!
//! let table = Text::new("党员", "members");
//! let line = 7;
//! // A text may hold another: each language takes the inner text's own wording.
//! let fault = text!("{table}第 {line} 行缺少编号", "{table}: line {line} has no id");
//! assert_eq!(fault.get(Lang::Zh), "党员第 7 行缺少编号");
//! assert_eq!(fault.get(Lang::En), "members: line 7 has no id");
//! // Display is Chinese unless the caller chose English for the scope.
//! assert_eq!(fault.to_string(), "党员第 7 行缺少编号");
//! assert_eq!(in_language(Lang::En, || fault.to_string()), "members: line 7 has no id");
//! ```

use std::cell::Cell;
use std::fmt;

use serde::{Serialize, Serializer};
use zugong_core::journal::Refusal;

use crate::lang::Lang;

thread_local! {
    /// The language `Display` and `Serialize` of a [`Text`] use on this thread.
    static SHOWN_IN: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// Runs `body` with every [`Text`] it displays or serializes shown in `lang` (on this thread;
/// the language before is restored afterwards, also when `body` unwinds).
pub fn in_language<R>(lang: Lang, body: impl FnOnce() -> R) -> R {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            SHOWN_IN.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(SHOWN_IN.with(|c| c.replace(lang)));
    body()
}

/// The language [`Text`]s are shown in on this thread now (Chinese outside any
/// [`in_language`]).
pub fn shown_in() -> Lang {
    SHOWN_IN.with(Cell::get)
}

/// A message in Chinese and in English.
///
/// `Display` and `Serialize` write the wording of [`shown_in`] (Chinese unless the caller chose
/// otherwise with [`in_language`]); [`Text::get`] takes the language explicitly. Two texts are
/// equal when both wordings are; they are ordered by the Chinese wording, then the English.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text {
    zh: String,
    en: String,
}

impl Text {
    /// A text from its two wordings.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The same words in both languages: a name, a code, a figure.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            en: text.clone(),
            zh: text,
        }
    }

    /// A text written by `write` once per language.
    pub fn from_fn(mut write: impl FnMut(Lang) -> String) -> Self {
        Self {
            zh: in_language(Lang::Zh, || write(Lang::Zh)),
            en: in_language(Lang::En, || write(Lang::En)),
        }
    }

    /// A domain crate's refusal, in its own two wordings
    /// ([`Refusal::message`]).
    pub fn refusal<R: Refusal + ?Sized>(refusal: &R) -> Self {
        Self::from_fn(|lang| refusal.message(lang.language()))
    }

    /// The wording in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Both wordings changed by `change` (masking, escaping).
    pub fn map(&self, mut change: impl FnMut(&str) -> String) -> Self {
        Self {
            zh: change(&self.zh),
            en: change(&self.en),
        }
    }

    /// Whether both wordings are empty.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.get(shown_in()))
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Text")
            .field("zh", &crate::privacy::mask(&self.zh))
            .field("en", &crate::privacy::mask(&self.en))
            .finish()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.get(shown_in()))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::same(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::same(text)
    }
}

/// A [`Text`] formatted once per language: `text!("中文 {}", "English {}", args…)`; both
/// wordings take the same arguments, and a [`Text`] among them (or captured by name) is shown
/// in the wording of each side.
#[macro_export]
macro_rules! text {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::text::Text::from_fn(|lang| match lang {
            $crate::lang::Lang::Zh => format!($zh $(, $arg)*),
            $crate::lang::Lang::En => format!($en $(, $arg)*),
        })
    };
}
#[doc(inline)]
pub use crate::text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_texts_take_each_side() {
        let inner = Text::new("支部", "branch");
        let outer = text!("{}有误", "{} is wrong", inner);
        assert_eq!(outer.get(Lang::Zh), "支部有误");
        assert_eq!(outer.get(Lang::En), "branch is wrong");
    }

    #[test]
    fn the_scope_is_restored() {
        let t = Text::new("是", "yes");
        in_language(Lang::En, || {
            assert_eq!(t.to_string(), "yes");
            in_language(Lang::Zh, || assert_eq!(t.to_string(), "是"));
            assert_eq!(t.to_string(), "yes");
        });
        assert_eq!(t.to_string(), "是");
        let _ = std::panic::catch_unwind(|| in_language(Lang::En, || panic!("unwinds")));
        assert_eq!(shown_in(), Lang::Zh);
    }

    #[test]
    fn debug_masks_id_numbers() {
        let t = Text::same("身份证号 64012119900101000X");
        assert!(!format!("{t:?}").contains("19900101"));
    }
}
