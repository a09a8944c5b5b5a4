//! Personal data in output: citizen ID numbers and mobile phone numbers are masked wherever
//! they would be shown — messages, faults, every line the binary writes — not only where a
//! typed `CitizenIdNumber` formats itself.

use std::borrow::Cow;

/// `text` with every citizen ID number (18 characters, the last a digit or `X`, or the
/// legacy 15 digits) masked as `640104********123X`, and every mobile number (11 digits
/// starting with 1) as `138****1234`. A number counts only as a whole word, not inside a
/// longer run of letters and digits such as a digest.
pub fn mask(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        if !(starts_word && bytes.get(i).is_some_and(u8::is_ascii_digit)) {
            i += 1;
            continue;
        }
        let mut end = i;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        let digits = end - i;
        if digits == 17 && bytes.get(end).is_some_and(|b| matches!(b, b'X' | b'x')) {
            end += 1;
        }
        let len = end - i;
        let ends_word = !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        let keep = match (len, ends_word) {
            (18 | 15, true) => Some((6, 4)),
            (11, true) if bytes.get(i) == Some(&b'1') => Some((3, 4)),
            _ => None,
        };
        if let (Some((head, tail)), Some(word)) = (keep, text.get(i..end)) {
            let o = out.get_or_insert_with(String::new);
            o.push_str(text.get(copied..i).unwrap_or_default());
            o.push_str(word.get(..head).unwrap_or_default());
            o.extend(std::iter::repeat_n('*', len - head - tail));
            o.push_str(word.get(len - tail..).unwrap_or_default());
            copied = end;
        }
        i = end.max(i + 1);
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// `text` safe to print on a terminal: control characters (escape sequences, carriage
/// returns, newlines inside a name) shown as `\u{1b}` escapes, so a name cannot fake a line.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_phones_are_masked_as_whole_words_only() {
        assert_eq!(
            mask("member: \"64012119850721102X\" is not an id"),
            "member: \"640121********102X\" is not an id"
        );
        assert_eq!(mask("640121197803121016,县级"), "640121********1016,县级");
        assert_eq!(
            mask("旧号 640121780312101 已停用"),
            "旧号 640121*****2101 已停用"
        );
        assert_eq!(mask("电话13812345678。"), "电话138****5678。");
        // Not inside a digest or a longer number, not a short code.
        let digest = "a640121197803121016b";
        assert_eq!(mask(digest), digest);
        assert_eq!(mask("6401211978031210161"), "6401211978031210161");
        assert_eq!(
            mask("640101 2026-11-30 14312学时"),
            "640101 2026-11-30 14312学时"
        );
    }

    #[test]
    fn control_characters_cannot_fake_a_line() {
        assert_eq!(printable("马\u{1b}[2J志远"), "马\\u{1b}[2J志远");
        assert_eq!(printable("a\rb"), "a\\u{d}b");
        assert_eq!(printable("plain\n"), "plain\n");
    }
}
