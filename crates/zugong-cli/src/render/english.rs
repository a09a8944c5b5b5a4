//! The last step of an English rendering: the official terms of closed domain sets that the
//! report's figures carry (star levels, assessment grades, ranks, meeting kinds, development
//! stages, talent tiers, levels, units of measure) in English, and Chinese punctuation as
//! ASCII.
//!
//! A term is replaced only where it stands as a whole run of Chinese characters — `五星 19`
//! becomes `5 stars 19`, but a name that contains the characters (`五星村党支部`) is a longer
//! run and stays as it is. Proper names (people, units, regulations and their articles, the
//! industries of a catalogue) are not translated: an English report names them as they are
//! officially written, and a term shown beside its English gloss (`more cadres than the quota
//! (超职数配备)`) stays as the gloss.

/// Official term → English. Each term is matched as a whole run of Chinese characters.
const GLOSSARY: &[(&str, &str)] = &[
    // 星级 (branch)
    ("五星", "5 stars"),
    ("四星", "4 stars"),
    ("三星", "3 stars"),
    ("二星", "2 stars"),
    ("一星", "1 star"),
    ("无星", "no star"),
    ("无星级", "no star"),
    // 考核等次 (cadre)
    ("优秀", "excellent"),
    ("称职", "competent"),
    ("基本称职", "basically competent"),
    ("不称职", "incompetent"),
    // 领导职务层次 (core)
    ("国家级正职", "national level, chief"),
    ("国家级副职", "national level, deputy"),
    ("省部级正职", "provincial-ministerial level, chief"),
    ("省部级副职", "provincial-ministerial level, deputy"),
    ("厅局级正职", "bureau-department level, chief"),
    ("厅局级副职", "bureau-department level, deputy"),
    ("县处级正职", "county-division level, chief"),
    ("县处级副职", "county-division level, deputy"),
    ("乡科级正职", "township-section level, chief"),
    ("乡科级副职", "township-section level, deputy"),
    // 组织生活 (branch)
    ("支部党员大会", "branch general meeting"),
    ("支部委员会", "branch committee meeting"),
    ("党小组会", "Party group meeting"),
    ("党课", "Party lecture"),
    ("主题党日", "themed Party day"),
    ("组织生活会", "organizational-life meeting"),
    ("民主评议党员", "democratic appraisal of members"),
    // 发展党员 (member)
    ("入党申请人", "applicant"),
    ("入党积极分子", "activist"),
    ("发展对象", "development candidate"),
    ("待审批", "awaiting approval"),
    ("预备党员", "probationary member"),
    ("正式党员", "full member"),
    ("转正", "full membership"),
    // 人才层次 (talent)
    ("杰出科技人才", "outstanding scientist"),
    ("行业领军人才", "industry leader"),
    ("青年拔尖人才", "top young talent"),
    ("青年托举人才", "nurtured young talent"),
    // 层级 and where tasks come from (core, branch)
    ("中央", "central"),
    ("省", "province"),
    ("市", "city"),
    ("县", "county"),
    ("乡镇", "township"),
    ("街道", "subdistrict"),
    ("区", "district"),
    ("村", "village"),
    ("社区", "community"),
    ("块", "territorial"),
    ("条", "functional"),
    ("上级党组织", "higher Party organization"),
    ("职能部门", "line departments"),
    ("属地管理", "territorial management"),
    // 党员类别 (member: dues)
    ("在岗职工", "employed"),
    ("农民", "farmers"),
    ("离退休", "retired"),
    ("学生", "students"),
    ("下岗失业", "unemployed"),
    // Units.
    ("学时", "hours"),
    ("元", "yuan"),
    ("万元", "ten thousand yuan"),
    ("次", "times"),
    ("至", "to"),
];

/// Units of measure, written after a number with a space (`32学时` → `32 hours`).
const UNITS: &[&str] = &["学时", "元", "万元", "次"];

/// Marks the start of text to leave as it is (a citation: a regulation's title and article
/// are quoted as officially written).
const VERBATIM_START: char = '\u{e000}';
/// Marks the end of such text.
const VERBATIM_END: char = '\u{e001}';

/// `text` marked to be left as it is by [`anglicize`] (and unmarked by [`unmark`]).
pub(crate) fn verbatim(text: &str) -> String {
    format!("{VERBATIM_START}{text}{VERBATIM_END}")
}

/// `text` without the marks of [`verbatim`]: the Chinese rendering, where nothing is changed.
pub(crate) fn unmark(text: &str) -> String {
    text.replace([VERBATIM_START, VERBATIM_END], "")
}

/// Whether `c` is a Chinese character (the CJK Unified Ideographs and Extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// `text`, rendered for English: glossary terms standing as whole runs of Chinese characters
/// in English, and Chinese punctuation as ASCII.
///
/// ```text
/// 五星 19  四星 56        → 5 stars 19  4 stars 56
/// members 32学时          → members 32 hours
/// 五星村党支部：优秀      → 五星村党支部: excellent
/// ```
pub(crate) fn anglicize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut run = String::new();
    let mut quoting = false;
    for c in text.chars() {
        if c == VERBATIM_START || c == VERBATIM_END {
            flush(&mut out, &mut run);
            quoting = c == VERBATIM_START;
            continue;
        }
        if quoting {
            out.push(c);
            continue;
        }
        if is_han(c) {
            run.push(c);
            continue;
        }
        flush(&mut out, &mut run);
        punctuate(&mut out, c);
    }
    flush(&mut out, &mut run);
    // A mark that ended a line leaves no space at the end of it.
    out.replace(": \n", ":\n").replace(", \n", ",\n")
}

/// Ends a run of Chinese characters: its English if it is a glossary term, else as it is.
fn flush(out: &mut String, run: &mut String) {
    if run.is_empty() {
        return;
    }
    if run == "万元"
        && let Some(yuan) = pop_wan(out)
    {
        out.push_str(&thousands(yuan));
        out.push_str(" yuan");
        run.clear();
        return;
    }
    match GLOSSARY.iter().find(|(term, _)| *term == run.as_str()) {
        Some((term, english)) => {
            if UNITS.contains(term) && out.chars().last().is_some_and(|c| c.is_ascii_digit()) {
                out.push(' ');
            }
            out.push_str(english);
        }
        None => out.push_str(run),
    }
    run.clear();
}

/// The number of 万 (ten thousands) `out` ends with, taken off it, in yuan (`11986.1` →
/// 119,861,000); `None` (and `out` unchanged) when it does not end with a number.
fn pop_wan(out: &mut String) -> Option<u64> {
    let start = out
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let number = out.get(start..)?;
    let (whole, tenths) = match number.split_once('.') {
        Some((w, f)) if f.len() == 1 => (w.parse::<u64>().ok()?, f.parse::<u64>().ok()?),
        None => (number.parse::<u64>().ok()?, 0),
        Some(_) => return None,
    };
    let yuan = whole.checked_mul(10_000)?.checked_add(tenths * 1_000)?;
    out.truncate(start);
    Some(yuan)
}

/// `119861000` → `119,861,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes `c`, a Chinese punctuation mark as its ASCII form (with the space English puts
/// after it), anything else as it is.
fn punctuate(out: &mut String, c: char) {
    let ascii = match c {
        '：' => ": ",
        '，' => ", ",
        '；' => "; ",
        '、' => ", ",
        '。' => ". ",
        '（' => {
            if !(out.is_empty() || out.ends_with([' ', '(', '\n'])) {
                out.push(' ');
            }
            "("
        }
        '）' => ")",
        '“' | '”' => "\"",
        ' ' if out.ends_with(' ') && !out.ends_with("  ") && last_was_punctuation(out) => "",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(ascii);
}

/// Whether `out` ends with the space written after a converted punctuation mark (so that a
/// space already in the text is not doubled).
fn last_was_punctuation(out: &str) -> bool {
    out.ends_with(": ") || out.ends_with(", ") || out.ends_with("; ") || out.ends_with(". ")
}

#[cfg(test)]
mod tests {
    use super::anglicize;

    #[test]
    fn terms_are_english_only_as_whole_runs() {
        assert_eq!(anglicize("五星 19  四星 56"), "5 stars 19  4 stars 56");
        assert_eq!(
            anglicize("members 32学时 / 56学时"),
            "members 32 hours / 56 hours"
        );
        assert_eq!(
            anglicize("五星村党支部：优秀 3"),
            "五星村党支部: excellent 3"
        );
        assert_eq!(
            anglicize("姜伟瑞（青年托举人才）"),
            "姜伟瑞 (nurtured young talent)"
        );
        assert_eq!(
            anglicize("target 10.0%，actual 9.0%"),
            "target 10.0%, actual 9.0%"
        );
        // A space already after the mark is not doubled; a table's column spaces stay.
        assert_eq!(anglicize("a： b"), "a: b");
        assert_eq!(anglicize("a  b"), "a  b");
        assert_eq!(anglicize("11986.1万元"), "119,861,000 yuan");
        assert_eq!(anglicize("below 10万元"), "below 100,000 yuan");
        assert_eq!(anglicize("9481元"), "9481 yuan");
        // A citation is quoted as written.
        let cited = format!("rule: {}", super::verbatim("《条例（试行）》 每季度1次"));
        assert_eq!(anglicize(&cited), "rule: 《条例（试行）》 每季度1次");
        assert_eq!(super::unmark(&cited), "rule: 《条例（试行）》 每季度1次");
    }
}
