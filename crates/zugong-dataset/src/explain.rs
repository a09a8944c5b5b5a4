//! The messages of other libraries, in the language of the faults: the domain crates' parse
//! errors and serde's type errors are English (their `Display`); a Chinese fault list should
//! not switch language in the middle of a line. Each is told again in Chinese here, from its
//! typed parts where it has them, from serde's fixed phrasing otherwise; anything not
//! recognised is passed on as it is.

use std::any::Any;
use std::fmt::Display;

use crate::lang::Lang;
use crate::text::Text;

/// A parse error of a cell, in both languages: a term outside its closed set names the set and
/// the accepted terms; 学时 name the accepted form.
pub fn parse_error<E: Display + Any>(e: &E) -> Text {
    Text::from_fn(|lang| parse_error_in(lang, e))
}

/// A parse error of a cell in `lang` ([`parse_error`]).
fn parse_error_in<E: Display + Any>(lang: Lang, e: &E) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let any: &dyn Any = e;
    if let Some(t) = any.downcast_ref::<zugong_core::ParseTermError>() {
        let mut text = format!("{:?} 不是可识别的{}", t.input, t.chinese_kind());
        if !t.accepted.is_empty() {
            text.push_str("，可填：");
            text.push_str(&t.accepted.join("、"));
        }
        return text;
    }
    if let Some(h) = any.downcast_ref::<zugong_training::StudyHoursError>() {
        return format!("{:?} 不是学时数（至多一位小数，如 3.5）", h.input);
    }
    e.to_string()
}

/// A serde (JSON) error text in the current language: `invalid type`, `unknown field`,
/// `missing field`, `unknown variant`, `invalid value`, `invalid length` and the position
/// suffix (` at line 1 column 9`) are told in Chinese.
///
/// ```
/// use zugong_dataset::explain::serde_in;
/// use zugong_dataset::lang::Lang;
/// assert_eq!(
///     serde_in(Lang::Zh, "invalid type: string \"1\", expected u32 at line 1 column 14"),
///     "类型不符：给出的是字符串 \"1\"，应为非负整数（第 1 行第 14 列）"
/// );
/// assert_eq!(
///     serde_in(Lang::Zh, "unknown field `extra`, expected one of `format`, `name`"),
///     "未知字段 `extra`，可用字段：`format`、`name`"
/// );
/// assert_eq!(serde_in(Lang::En, "missing field `name`"), "missing field `name`");
/// ```
pub fn serde_in(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_owned();
    }
    let (body, position) = split_position(text);
    let said = if let Some(rest) = body.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((given, expected)) => {
                format!(
                    "类型不符：给出的是{}，应为{}",
                    given_zh(given),
                    expected_zh(expected)
                )
            }
            None => format!("类型不符：{rest}"),
        }
    } else if let Some(rest) = body.strip_prefix("invalid value: ") {
        match rest.split_once(", expected ") {
            Some((given, expected)) => {
                format!(
                    "取值不符：给出的是{}，应为{}",
                    given_zh(given),
                    expected_zh(expected)
                )
            }
            None => format!("取值不符：{rest}"),
        }
    } else if let Some(rest) = body.strip_prefix("unknown field ") {
        listed("未知字段", "可用字段", rest)
    } else if let Some(rest) = body.strip_prefix("unknown variant ") {
        listed("未知取值", "可填", rest)
    } else if let Some(rest) = body.strip_prefix("missing field ") {
        format!("缺少字段 {rest}")
    } else if let Some(rest) = body.strip_prefix("invalid length ") {
        match rest.split_once(", expected ") {
            Some((n, expected)) => format!("长度 {n} 不符，应为{}", expected_zh(expected)),
            None => format!("长度不符：{rest}"),
        }
    } else if body.starts_with("EOF while parsing") {
        "内容不完整（JSON 未结束）".to_owned()
    } else if body.starts_with("expected value") || body.starts_with("expected ident") {
        "不是合法的 JSON 值".to_owned()
    } else if body.starts_with("trailing characters") {
        "JSON 值之后还有多余的字符".to_owned()
    } else {
        body.to_owned()
    };
    match position {
        Some((line, column)) => format!("{said}（第 {line} 行第 {column} 列）"),
        None => said,
    }
}

/// A serde error text in both languages ([`serde_in`] for each).
pub fn serde(text: &str) -> Text {
    Text::from_fn(|lang| serde_in(lang, text))
}

/// `"… at line 1 column 9"` → (`"…"`, `Some(("1", "9"))`).
fn split_position(text: &str) -> (&str, Option<(&str, &str)>) {
    if let Some((body, pos)) = text.rsplit_once(" at line ")
        && let Some((line, column)) = pos.split_once(" column ")
        && line.chars().all(|c| c.is_ascii_digit())
        && column.chars().all(|c| c.is_ascii_digit())
    {
        return (body, Some((line, column)));
    }
    (text, None)
}

/// `` `extra`, expected one of `a`, `b` `` → `未知字段 `extra`，可用字段：`a`、`b``.
fn listed(what: &str, accepted: &str, rest: &str) -> String {
    match rest.split_once(", expected one of ") {
        Some((name, list)) => format!("{what} {name}，{accepted}：{}", list.replace(", ", "、")),
        None => match rest.split_once(", expected ") {
            Some((name, one)) => format!("{what} {name}，{accepted}：{one}"),
            None => match rest.split_once(", there are no fields") {
                Some((name, _)) => format!("{what} {name}，此处不能有字段"),
                None => format!("{what} {rest}"),
            },
        },
    }
}

/// What serde says was given (`string "1"`, ``integer `5` ``, `null`…), in Chinese.
fn given_zh(given: &str) -> String {
    let pairs = [
        ("string ", "字符串 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "布尔值 "),
        ("map", "对象"),
        ("sequence", "数组"),
        ("null", "空值"),
        ("unit value", "空值"),
        ("character ", "字符 "),
    ];
    for (en, zh) in pairs {
        if let Some(rest) = given.strip_prefix(en) {
            return format!("{zh}{}", rest.trim_matches('`'));
        }
    }
    given.to_owned()
}

/// What serde expected (`u32`, `a string`, `a formatted UUID string`…), in Chinese.
fn expected_zh(expected: &str) -> String {
    let e = expected.trim();
    let known = match e {
        "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数",
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数",
        "f32" | "f64" => "数字",
        "a string" | "string" => "字符串",
        "a boolean" | "bool" => "布尔值（true 或 false）",
        "a formatted UUID string" | "UUID" => "UUID 格式的编号",
        "a sequence" => "数组",
        "a map" => "对象",
        "a valid date" | "a formatted date string" => "日期（如 2026-05-01）",
        _ => "",
    };
    if known.is_empty() {
        e.to_owned()
    } else {
        known.to_owned()
    }
}
