//! Reading one field: from a JSON value (the crates' serde forms) or from a CSV cell (what a
//! spreadsheet holds: Chinese terms, `是`/`否`, `2026/5/1`, names instead of ids).

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use zugong_branch::{
    CoverageMethod, ElectionMethod, Lecturer, MeetingKind, Points, RectificationStatus, StarLevel,
    TaskBasis, TermBody, WeakCategory,
};
use zugong_cadre::{
    AssessmentGrade, Effect, HealthConclusion, Kinship, QualificationKind, Tenure, WorkFunction,
};
use zugong_core::{
    AdminLevel, Attachment, CadreId, CitizenIdNumber, DivisionCode, EducationLevel, InstitutionId,
    InstitutionKind, LeadershipRank, Locality, MemberId, NominationLead, OrgKind, OrgUnitId,
    PositionId, RankOrGrade, TalentId, TownshipCode, TrainingClassId, UnitKind,
};
use zugong_member::{DuesCategory, Fen, Month};
use zugong_talent::{ProfessionalTitle, TalentTier, Yuan};
use zugong_training::{MemberGroup, StudyHours, TrainingTier};

use crate::lang::Lang;
use crate::text::{Text, text};

/// The kinds of record a CSV cell may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// Org units (by id, code or unique name).
    Unit,
    /// Members (by id, code or citizen ID number).
    Member,
    /// Cadres (by id, code or citizen ID number).
    Cadre,
    /// Posts (by id or code).
    Position,
    /// Talents (by id or code).
    Talent,
    /// Training classes (by id or code).
    Class,
    /// 两新 organizations (by id, code or unique name).
    Institution,
}

/// What a CSV cell may refer to by a code, a name or an ID number instead of a UUID: filled
/// table by table as the dataset loads (units first, then members and cadres).
#[derive(Debug, Default)]
pub struct Refs {
    /// Ids by kind and text (`None` for a text two records share).
    pub codes: HashMap<(IdKind, String), Option<uuid::Uuid>>,
    /// The first text each id was registered under: the user's own code, for messages.
    pub spoken: HashMap<uuid::Uuid, String>,
}

impl Refs {
    /// Registers `text` as naming `id`; a text already naming another id becomes ambiguous.
    pub fn register(&mut self, kind: IdKind, text: &str, id: uuid::Uuid) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.spoken.entry(id).or_insert_with(|| text.to_owned());
        self.codes
            .entry((kind, text.to_owned()))
            .and_modify(|e| {
                if *e != Some(id) {
                    *e = None;
                }
            })
            .or_insert(Some(id));
    }

    fn resolve(&self, kind: IdKind, text: &str) -> Result<uuid::Uuid, Text> {
        let text = text.trim();
        if let Ok(u) = uuid::Uuid::parse_str(text) {
            return Ok(u);
        }
        match self.codes.get(&(kind, text.to_owned())) {
            Some(Some(u)) => Ok(*u),
            Some(None) => Err(text!(
                "{text:?} 对应多条记录，请改用编号",
                "{text:?} names more than one record; use the id"
            )),
            None if looks_scientific(text) => Err(scientific_notation()),
            None => Err(text!(
                "{text:?} 既不是编号，也不是数据集中的代码或名称",
                "{text:?} is not an id, nor a code or name in the dataset"
            )),
        }
    }
}

/// What to do about a number Excel showed in scientific notation.
fn scientific_notation() -> Text {
    text!(
        "Excel 把身份证号显示成了科学计数法（如 6.40121E+17），后几位已丢失：请将该列设为“文本”格式后重新录入或导出",
        "Excel turned this ID number into scientific notation (like 6.40121E+17) and lost its last digits: format the column as text and enter or export it again"
    )
}

/// The id a CSV code stands for: a UUID as is, else a fixed hash of the code (UUID version 8),
/// so the same code gives the same id in every import.
pub fn id_for_code(kind: IdKind, code: &str) -> uuid::Uuid {
    let code = code.trim();
    if let Ok(u) = uuid::Uuid::parse_str(code) {
        return u;
    }
    let mut h = [
        0xcbf2_9ce4_8422_2325u64,
        0x8422_2325_cbf2_9ce4u64 ^ kind as u64,
    ];
    for b in code.bytes() {
        for (i, x) in h.iter_mut().enumerate() {
            *x ^= u64::from(b);
            *x = x.wrapping_mul(if i == 0 {
                0x100_0000_01b3
            } else {
                0x100_0000_0193
            });
        }
    }
    let [hi, lo] = h;
    let bytes = (u128::from(hi) << 64 | u128::from(lo)).to_be_bytes();
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// The text by which a naming field (a name, an ID number) is looked up.
pub trait KeyText {
    /// The text.
    fn key_text(&self) -> &str;
}

impl KeyText for String {
    fn key_text(&self) -> &str {
        self
    }
}

impl KeyText for CitizenIdNumber {
    fn key_text(&self) -> &str {
        self.expose()
    }
}

/// A field type of a dataset record.
pub trait Field: Sized + DeserializeOwned {
    /// The value of an absent field, if it may be absent.
    fn absent() -> Option<Self> {
        None
    }
    /// Parses a CSV cell (never empty: an empty cell is absent).
    ///
    /// # Errors
    /// What is wrong with the text and what the column accepts, in the current language.
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text>;
    /// The CSV cell that [`Field::from_cell`] reads back as this value (empty for an absent
    /// value): what `sample --format csv` writes.
    fn to_cell(&self) -> String;
    /// What a value read by serde (JSON Lines) must still meet: a date within the supported
    /// range. [`Field::from_cell`] checks the same on the CSV path.
    ///
    /// # Errors
    /// The rule the value breaks, in the current language.
    fn check(&self) -> Result<(), Text> {
        Ok(())
    }
}

impl<T: Field> Field for Option<T> {
    fn absent() -> Option<Self> {
        Some(None)
    }
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
        T::from_cell(text, refs).map(Some)
    }
    fn check(&self) -> Result<(), Text> {
        self.as_ref().map_or(Ok(()), T::check)
    }
    fn to_cell(&self) -> String {
        self.as_ref().map_or_else(String::new, T::to_cell)
    }
}

/// A list in one cell: items separated by `;`, `；`, `、` or `|`.
impl<T: Field> Field for Vec<T> {
    fn absent() -> Option<Self> {
        Some(Vec::new())
    }
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
        text.split([';', '；', '、', '|'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| T::from_cell(s, refs))
            .collect()
    }
    fn check(&self) -> Result<(), Text> {
        self.iter().try_for_each(T::check)
    }
    fn to_cell(&self) -> String {
        self.iter().map(T::to_cell).collect::<Vec<_>>().join("、")
    }
}

/// Yearly results in one cell: `2024:优秀;2025:称职`.
impl Field for BTreeMap<i32, AssessmentGrade> {
    fn absent() -> Option<Self> {
        Some(BTreeMap::new())
    }
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
        let mut out = BTreeMap::new();
        for item in text.split([';', '；', '|']).map(str::trim) {
            if item.is_empty() {
                continue;
            }
            let (year, grade) = item.split_once([':', '：', '=']).ok_or_else(|| {
                text!(
                    "{item:?} 不是“年份:等次”（如 2025:称职）",
                    "{item:?} is not YEAR:GRADE (e.g. 2025:称职)"
                )
            })?;
            let year = i32::from_cell(year.trim(), refs)?;
            out.insert(year, AssessmentGrade::from_cell(grade.trim(), refs)?);
        }
        Ok(out)
    }
    fn to_cell(&self) -> String {
        self.iter()
            .map(|(year, grade)| format!("{year}:{grade}"))
            .collect::<Vec<_>>()
            .join(";")
    }
}

impl Field for String {
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        Ok(text.trim().to_owned())
    }
    fn to_cell(&self) -> String {
        self.clone()
    }
}

impl Field for bool {
    fn absent() -> Option<Self> {
        Some(false)
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        match text.trim() {
            "是" | "true" | "TRUE" | "True" | "1" | "y" | "yes" | "Y" | "√" | "✓" => Ok(true),
            "否" | "false" | "FALSE" | "False" | "0" | "n" | "no" | "N" | "×" => Ok(false),
            other => Err(text!(
                "{other:?} 不是 是/否",
                "{other:?} is not 是/否 (yes/no)"
            )),
        }
    }
    fn to_cell(&self) -> String {
        if *self { "是" } else { "否" }.to_owned()
    }
}

macro_rules! number_fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
                text.trim()
                    .parse()
                    .map_err(|_| text!("{:?} 不是 0..={} 之间的整数", "{:?} is not a whole number in 0..={}", text.trim(), <$t>::MAX))
            }
            fn to_cell(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
number_fields!(u8, u16, u32, u64);

impl Field for i32 {
    fn to_cell(&self) -> String {
        self.to_string()
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        text.trim()
            .trim_end_matches('年')
            .parse()
            .map_err(|_| text!("{:?} 不是年份", "{:?} is not a year", text.trim()))
    }
}

/// Dates as `2026-05-01`, `2026/5/1`, `2026.5.1` or `2026年5月1日`.
impl Field for NaiveDate {
    fn to_cell(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        let t = text.trim();
        let parts: Vec<&str> = t
            .trim_end_matches('日')
            .split(['-', '/', '.', '年', '月'])
            .collect();
        let bad = || {
            text!(
                "{t:?} 不是日期（如 2026-05-01）",
                "{t:?} is not a date (2026-05-01)"
            )
        };
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let (y, m, d) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        let day = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
            text!(
                "{t:?} 不是日历上的日期",
                "{t:?} is not a day of the calendar"
            )
        })?;
        day.check()?;
        Ok(day)
    }
    fn check(&self) -> Result<(), Text> {
        zugong_core::dates::SupportedDates::default()
            .check(*self)
            .map(|_| ())
            .map_err(|e| Text::refusal(&e))
    }
}

/// An enum with an official Chinese term: the term (or an alias), else its serde code.
fn term<T: FromStr + DeserializeOwned>(text: &str) -> Result<T, Text>
where
    T::Err: std::fmt::Display + 'static,
{
    let text = text.trim();
    match text.parse::<T>() {
        Ok(v) => Ok(v),
        Err(e) => serde_json::from_value(serde_json::Value::String(text.to_owned()))
            .map_err(|_| crate::explain::parse_error(&e)),
    }
}

macro_rules! term_fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
                term(text)
            }
            fn to_cell(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
term_fields!(
    OrgKind,
    AdminLevel,
    UnitKind,
    EducationLevel,
    RankOrGrade,
    AssessmentGrade,
    Effect,
    Kinship,
    TalentTier,
    ProfessionalTitle,
    MemberGroup,
    TrainingTier,
    WeakCategory,
    MeetingKind,
    Lecturer,
    TaskBasis,
    TermBody,
    ElectionMethod,
    CoverageMethod,
    DuesCategory,
    InstitutionKind,
    LeadershipRank,
    Attachment,
    DivisionCode,
    HealthConclusion,
    QualificationKind,
    TownshipCode,
    Locality,
    Tenure,
    NominationLead
);

/// 学时 as `16` or `16.5` (tenths), or with the unit.
impl Field for StudyHours {
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        term(text)
    }
    fn to_cell(&self) -> String {
        format!("{}.{}", self.tenths() / 10, self.tenths() % 10)
    }
}

/// A citizen ID number from a cell. Excel shows a long number column in scientific notation
/// (6.40121E+17) and keeps only 15 digits: that is explained, not reported as a bad length.
/// Messages never repeat the number.
impl Field for CitizenIdNumber {
    fn to_cell(&self) -> String {
        self.expose().to_owned()
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        let text = text.trim();
        if looks_scientific(text) {
            return Err(scientific_notation());
        }
        text.parse::<CitizenIdNumber>()
            .map_err(|e| citizen_id_message(&e))
    }
}

/// A number Excel wrote as `6.40121E+17` (mantissa, `E`, exponent).
fn looks_scientific(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// A citizen ID error in the chosen language (the library's text is English).
fn citizen_id_message(e: &zugong_core::CitizenIdError) -> Text {
    Text::from_fn(|lang| citizen_id_message_in(lang, e))
}

fn citizen_id_message_in(lang: Lang, e: &zugong_core::CitizenIdError) -> String {
    use zugong_core::CitizenIdError as E;
    match (lang, e) {
        (Lang::En, e) => e.to_string(),
        (Lang::Zh, E::WrongLength { expected, found }) => {
            format!("身份证号应为 {expected} 位，实为 {found} 位（GB 11643-1999）")
        }
        (Lang::Zh, E::InvalidCharacter { position, .. }) => {
            format!("身份证号第 {position} 位不合规：只能是数字，末位可为 X（GB 11643-1999）")
        }
        (Lang::Zh, E::AddressCode(_)) => "身份证号前六位不是行政区划代码（GB/T 2260）".to_owned(),
        (Lang::Zh, E::InvalidBirthDate { .. }) => {
            "身份证号中的出生日期不是真实日期（GB 11643-1999）".to_owned()
        }
        (Lang::Zh, E::CheckDigitMismatch { .. }) => {
            "身份证号校验码不符，可能有录入错误（GB 11643-1999 MOD 11-2）".to_owned()
        }
        (Lang::Zh, E::InvalidSequence { .. }) => {
            "身份证号顺序码不是三位数字（GB 11643-1999）".to_owned()
        }
        (Lang::Zh, E::BirthDateInFuture { .. }) => "身份证号中的出生日期晚于当天".to_owned(),
    }
}

/// Serde code only (no official term in the library).
fn code<T: DeserializeOwned>(text: &str, what: Text) -> Result<T, Text> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).map_err(|_| {
        text!(
            "{:?} 不是已知的{what}",
            "{:?} is not a known {what}",
            text.trim()
        )
    })
}

impl Field for WorkFunction {
    fn to_cell(&self) -> String {
        self.to_string()
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        match text.trim() {
            "组织" | "组织工作" => Ok(WorkFunction::Organization),
            "人事" => Ok(WorkFunction::Personnel),
            "纪检" | "纪检监察" => Ok(WorkFunction::Discipline),
            "监察" => Ok(WorkFunction::Supervision),
            "审计" => Ok(WorkFunction::Audit),
            "财务" => Ok(WorkFunction::Finance),
            "其他" => Ok(WorkFunction::Other),
            t => code(
                t,
                text!(
                    "工作职能（组织/人事/纪检/监察/审计/财务/其他）",
                    "work function (组织/人事/纪检/监察/审计/财务/其他)"
                ),
            ),
        }
    }
}

impl Field for RectificationStatus {
    fn to_cell(&self) -> String {
        self.to_string()
    }
    fn absent() -> Option<Self> {
        Some(RectificationStatus::None)
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        match text.trim() {
            "无" | "未整顿" | "未列入" => Ok(RectificationStatus::None),
            "整顿中" | "整顿" => Ok(RectificationStatus::UnderRectification),
            "已销号" | "销号" => Ok(RectificationStatus::Closed),
            t => code(
                t,
                text!(
                    "整顿状态（无/整顿中/已销号）",
                    "rectification status (无/整顿中/已销号)"
                ),
            ),
        }
    }
}

/// Stars as `3`, `三星` or `3星`; `无` for none.
impl Field for StarLevel {
    fn to_cell(&self) -> String {
        self.get().to_string()
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        let t = text.trim();
        let n = match t.trim_end_matches('星').trim_end_matches("级") {
            "无" | "未定级" | "0" | "零" => 0,
            "一" | "1" => 1,
            "二" | "两" | "2" => 2,
            "三" | "3" => 3,
            "四" | "4" => 4,
            "五" | "5" => 5,
            _ => {
                return Err(text!(
                    "{t:?} 不是星级（无、一星 … 五星）",
                    "{t:?} is not a star level (无, 一星 … 五星)"
                ));
            }
        };
        StarLevel::new(n).map_err(|e| Text::same(e.to_string()))
    }
}

/// Points as `14` or `14.5` (tenths).
impl Field for Points {
    fn to_cell(&self) -> String {
        format!("{}.{}", self.tenths() / 10, self.tenths() % 10)
    }
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
        StudyHours::from_cell(text, refs)
            .map(|h| Points::from_tenths(h.tenths()))
            .map_err(|_| {
                text!(
                    "{:?} 不是分数（如 14.5）",
                    "{:?} is not a score (e.g. 14.5)",
                    text.trim()
                )
            })
    }
}

/// Fen from an amount in yuan with up to two decimals (`12.5`, `12.50元`), or in fen (`1250分`).
impl Field for Fen {
    fn to_cell(&self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
        let t = text.trim();
        let bad = || {
            text!(
                "{t:?} 不是金额（如 12.50 或 12.50元）",
                "{t:?} is not an amount (e.g. 12.50 or 12.50元)"
            )
        };
        if let Some(fen) = t.strip_suffix('分') {
            return u64::from_cell(fen, refs).map(Fen).map_err(|_| bad());
        }
        let t = t.trim_end_matches('元');
        let (whole, cents) = t.split_once('.').unwrap_or((t, ""));
        if cents.len() > 2 || !cents.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let whole = u64::from_cell(whole, refs).map_err(|_| bad())?;
        let cents = format!("{cents:0<2}").parse::<u64>().map_err(|_| bad())?;
        whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(cents))
            .map(Fen)
            .ok_or_else(bad)
    }
}

/// A month as `2026-09`, `2026/9`, `2026.9` or `2026年9月`.
impl Field for Month {
    fn to_cell(&self) -> String {
        format!(
            "{}-{:02}",
            <(i32, u32)>::from(*self).0,
            <(i32, u32)>::from(*self).1
        )
    }
    fn from_cell(text: &str, _: &Refs) -> Result<Self, Text> {
        let t = text.trim();
        let bad = || {
            text!(
                "{t:?} 不是年月（如 2026-09 或 2026年9月）",
                "{t:?} is not a month (e.g. 2026-09 or 2026年9月)"
            )
        };
        let parts: Vec<&str> = t
            .trim_end_matches('月')
            .split(['-', '/', '.', '年'])
            .collect();
        let [year, month] = parts.as_slice() else {
            return Err(bad());
        };
        let year = year.trim().parse::<i32>().map_err(|_| bad())?;
        let month = month.trim().parse::<u32>().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

/// Yuan as a whole number, or `3万` / `3万元`.
impl Field for Yuan {
    fn to_cell(&self) -> String {
        self.0.to_string()
    }
    fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
        let t = text.trim().trim_end_matches('元');
        match t.strip_suffix('万') {
            Some(wan) => u64::from_cell(wan, refs).map(|w| Yuan(w.saturating_mul(10_000))),
            None => u64::from_cell(t, refs).map(Yuan),
        }
    }
}

macro_rules! id_fields {
    ($($t:ident => $kind:ident),*) => {$(
        impl Field for $t {
            fn from_cell(text: &str, refs: &Refs) -> Result<Self, Text> {
                refs.resolve(IdKind::$kind, text).map($t::from_uuid)
            }
            fn to_cell(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
id_fields!(
    OrgUnitId => Unit,
    MemberId => Member,
    CadreId => Cadre,
    PositionId => Position,
    TalentId => Talent,
    TrainingClassId => Class,
    InstitutionId => Institution
);

#[cfg(test)]
mod tests {
    use super::*;

    fn cell<T: Field>(text: &str) -> Result<T, Text> {
        T::from_cell(text, &Refs::default())
    }

    #[test]
    fn dates_in_the_forms_spreadsheets_use() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        for t in [
            "2026-05-01",
            "2026/5/1",
            "2026.5.1",
            "2026年5月1日",
            " 2026-5-1 ",
        ] {
            assert_eq!(cell::<NaiveDate>(t), Ok(d), "{t}");
        }
        assert!(
            cell::<NaiveDate>("2026-02-30")
                .unwrap_err()
                .get(crate::lang::Lang::Zh)
                .contains("不是日历上的日期")
        );
        assert!(cell::<NaiveDate>("May 1").is_err());
    }

    #[test]
    fn terms_yes_no_stars_points_and_money() {
        assert_eq!(cell::<bool>("是"), Ok(true));
        assert_eq!(cell::<bool>("否"), Ok(false));
        assert!(cell::<bool>("也许").is_err());
        assert_eq!(cell::<StarLevel>("三星").map(StarLevel::get), Ok(3));
        assert_eq!(cell::<StarLevel>("5").map(StarLevel::get), Ok(5));
        assert_eq!(cell::<StarLevel>("无").map(StarLevel::get), Ok(0));
        assert!(cell::<StarLevel>("六星").is_err());
        assert_eq!(cell::<Points>("14.5").map(Points::tenths), Ok(145));
        assert_eq!(cell::<Yuan>("3万元"), Ok(Yuan(30_000)));
        assert_eq!(
            cell::<TrainingTier>("县级"),
            Ok(TrainingTier::CountyUniversal)
        );
        assert_eq!(
            cell::<TrainingTier>("county_universal"),
            Ok(TrainingTier::CountyUniversal)
        );
        assert_eq!(
            cell::<Vec<MemberGroup>>("书记、支委"),
            Ok(vec![MemberGroup::Secretary, MemberGroup::CommitteeMember])
        );
        let grades = cell::<BTreeMap<i32, AssessmentGrade>>("2024:优秀；2025：称职").unwrap();
        assert_eq!(grades.get(&2024), Some(&AssessmentGrade::Excellent));
        assert_eq!(grades.get(&2025), Some(&AssessmentGrade::Competent));
        assert!(cell::<BTreeMap<i32, AssessmentGrade>>("2024").is_err());
    }

    #[test]
    fn codes_and_names_resolve_to_ids() {
        let mut refs = Refs::default();
        let id = id_for_code(IdKind::Unit, "WH-DH");
        assert_eq!(
            id,
            id_for_code(IdKind::Unit, " WH-DH "),
            "the same code, the same id"
        );
        assert_ne!(
            id,
            id_for_code(IdKind::Member, "WH-DH"),
            "kinds do not share ids"
        );
        refs.register(IdKind::Unit, "WH-DH", id);
        refs.register(IdKind::Unit, "东和村党支部", id);
        assert_eq!(
            OrgUnitId::from_cell("东和村党支部", &refs),
            Ok(OrgUnitId::from_uuid(id))
        );
        assert!(OrgUnitId::from_cell("西和村党支部", &refs).is_err());
        // A name two units share is ambiguous.
        refs.register(
            IdKind::Unit,
            "东和村党支部",
            id_for_code(IdKind::Unit, "WH-DH2"),
        );
        assert!(
            OrgUnitId::from_cell("东和村党支部", &refs)
                .unwrap_err()
                .get(crate::lang::Lang::Zh)
                .contains("多条记录")
        );
        // A UUID is taken as is.
        let u = "019b76da-a800-77ea-8000-000000000005";
        assert_eq!(
            OrgUnitId::from_cell(u, &refs).map(|i| i.to_string()),
            Ok(u.to_owned())
        );
    }
}

#[cfg(test)]
mod properties {
    use chrono::Datelike;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any day, written in any of the forms spreadsheets use, reads back as that day.
        #[test]
        fn dates_round_trip(days in 0i64..(200 * 366), form in 0usize..4) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            let text = match form {
                0 => d.format("%Y-%m-%d").to_string(),
                1 => format!("{}/{}/{}", d.year(), d.month(), d.day()),
                2 => format!("{}.{}.{}", d.year(), d.month(), d.day()),
                _ => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            };
            prop_assert_eq!(NaiveDate::from_cell(&text, &Refs::default()), Ok(d));
        }

        /// Study hours and points in tenths read back from their decimal form.
        #[test]
        fn tenths_round_trip(tenths in 0u32..100_000) {
            let text = format!("{}.{}", tenths / 10, tenths % 10);
            prop_assert_eq!(StudyHours::from_cell(&text, &Refs::default()), Ok(StudyHours::from_tenths(tenths)));
            prop_assert_eq!(Points::from_cell(&text, &Refs::default()).map(Points::tenths), Ok(tenths));
        }

        /// No text makes a cell parser panic.
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,40}") {
            let refs = Refs::default();
            let _ = NaiveDate::from_cell(&text, &refs);
            let _ = StarLevel::from_cell(&text, &refs);
            let _ = Yuan::from_cell(&text, &refs);
            let _ = CitizenIdNumber::from_cell(&text, &refs);
            let _ = <BTreeMap<i32, AssessmentGrade>>::from_cell(&text, &refs);
            let _ = OrgUnitId::from_cell(&text, &refs);
            let _ = <Vec<MemberGroup>>::from_cell(&text, &refs);
        }
    }
}
