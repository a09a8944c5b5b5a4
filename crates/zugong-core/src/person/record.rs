use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{EducationLevel, EducationRecord, PoliticalStatus};
use crate::dates::completed_years;
use crate::official_terms;
use crate::{CitizenIdNumber, OrgUnitId, PersonId};

/// 性别: sex as recorded (and as encoded in the citizen ID number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 男.
    Male,
    /// 女.
    Female,
}

official_terms!(Sex, "性别 (sex)", {
    Male => "男",
    Female => "女",
});

/// 民族: ethnicity, as its official name (e.g. `汉族`, `回族`; GB/T 3304 names).
///
/// An open value: kept as the recorded text, which must not be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ethnicity(String);

impl Ethnicity {
    /// Wraps a name.
    ///
    /// # Errors
    /// [`PersonError::EmptyField`] when the name is blank.
    pub fn new(name: impl Into<String>) -> Result<Self, PersonError> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(PersonError::EmptyField { field: "ethnicity" });
        }
        Ok(Self(name))
    }

    /// The name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Ethnicity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Ethnicity {
    type Error = PersonError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<Ethnicity> for String {
    fn from(e: Ethnicity) -> Self {
        e.0
    }
}

/// Which of the file's dated key facts (三龄) a [`FactRecognition`] fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// 出生日期: the basis of 年龄.
    BirthDate,
    /// 参加工作时间: the basis of 工龄.
    WorkStart,
    /// 入党时间: the date the branch assembly admitted the person as probationary member.
    PartyJoin,
    /// 转正时间: the date probation ended in full membership; the basis of 党龄.
    FullMembership,
}

official_terms!(FactKind, "认定事项 (recognised fact)", {
    BirthDate => "出生日期",
    WorkStart => "参加工作时间",
    PartyJoin => "入党时间",
    FullMembership => "转正时间",
});

/// 认定: a formal, evidenced decision fixing one of the three dated facts of a personnel file.
///
/// Rule (组通字〔2006〕41号, secondary): the birth date is the one filled in earliest in the
/// file; party dates come from the 入党志愿书 and the approvals; the work start from the
/// 转正定级表. A change is a recorded decision, never an edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactRecognition {
    /// Which fact.
    pub fact: FactKind,
    /// The recognised date.
    pub value: NaiveDate,
    /// The evidence relied on (e.g. `1995年入团志愿书`).
    pub evidence: String,
    /// The organization (department) that decided.
    pub decided_by: OrgUnitId,
    /// When it decided.
    pub decided_on: NaiveDate,
}

/// A person record that would be inconsistent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PersonError {
    /// A required text field is blank.
    #[error("{field} must not be empty")]
    EmptyField {
        /// The field's name.
        field: &'static str,
    },
    /// Two dates are in the wrong order.
    #[error("{later} ({later_date}) cannot be before {earlier} ({earlier_date})")]
    DatesOutOfOrder {
        /// The fact that must come first.
        earlier: FactKind,
        /// Its date.
        earlier_date: NaiveDate,
        /// The fact that must come later.
        later: FactKind,
        /// Its date.
        later_date: NaiveDate,
    },
    /// A full-membership date without a party-joining date.
    #[error("转正时间 needs 入党时间 first")]
    FullMembershipWithoutJoining,
    /// A recognition decided before the fact it fixes is possible to know, or missing evidence.
    #[error("a recognition of {fact} needs evidence")]
    RecognitionWithoutEvidence {
        /// The fact.
        fact: FactKind,
    },
}

/// 人员: a person with the facts every domain crate needs — name, sex, ethnicity, the
/// recognised dates of the 三龄 (年龄, 工龄, 党龄), citizen ID number, political status and
/// education (学历/学位).
///
/// Dates are kept consistent: birth ≤ work start, birth ≤ 入党 ≤ 转正. Changes to the dated
/// facts go through [`Person::recognize`], which keeps the decision on record.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::{Person, PersonId, PoliticalStatus, Sex};
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let mut p = Person::new(PersonId::from_uuid(uuid::Uuid::nil()), "马晓红", Sex::Female, d(1985, 4, 12))?;
/// p.set_work_start(Some(d(2007, 7, 1)))?;
/// p.set_party_dates(Some(d(2006, 5, 20)), Some(d(2007, 5, 20)))?;
/// p.set_political_status(PoliticalStatus::CpcMember);
///
/// let on = d(2026, 5, 20);
/// assert_eq!(p.age_on(on), 41);
/// assert_eq!(p.work_years_on(on), Some(18));
/// assert_eq!(p.party_standing_on(on), Some(19)); // 党龄 counts from 转正 (党章 Art 7)
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PersonData", into = "PersonData")]
pub struct Person {
    data: PersonData,
}

/// The serialized form of a [`Person`]; validated into one on the way in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct PersonData {
    id: PersonId,
    name: String,
    sex: Sex,
    #[serde(default)]
    ethnicity: Option<Ethnicity>,
    birth_date: NaiveDate,
    #[serde(default)]
    citizen_id: Option<CitizenIdNumber>,
    political_status: PoliticalStatus,
    #[serde(default)]
    party_joined_on: Option<NaiveDate>,
    #[serde(default)]
    full_member_since: Option<NaiveDate>,
    #[serde(default)]
    work_started_on: Option<NaiveDate>,
    #[serde(default)]
    education: Vec<EducationRecord>,
    #[serde(default)]
    recognitions: Vec<FactRecognition>,
}

impl TryFrom<PersonData> for Person {
    type Error = PersonError;
    fn try_from(data: PersonData) -> Result<Self, Self::Error> {
        let p = Person { data };
        p.validate()?;
        Ok(p)
    }
}

impl From<Person> for PersonData {
    fn from(p: Person) -> Self {
        p.data
    }
}

fn ordered(
    earlier: FactKind,
    earlier_date: NaiveDate,
    later: FactKind,
    later_date: Option<NaiveDate>,
) -> Result<(), PersonError> {
    match later_date {
        Some(later_date) if later_date < earlier_date => Err(PersonError::DatesOutOfOrder {
            earlier,
            earlier_date,
            later,
            later_date,
        }),
        _ => Ok(()),
    }
}

impl Person {
    /// A new person with the facts every record has. Political status starts as 群众.
    ///
    /// # Errors
    /// [`PersonError::EmptyField`] when the name is blank.
    pub fn new(
        id: PersonId,
        name: impl Into<String>,
        sex: Sex,
        birth_date: NaiveDate,
    ) -> Result<Self, PersonError> {
        let p = Person {
            data: PersonData {
                id,
                name: name.into(),
                sex,
                ethnicity: None,
                birth_date,
                citizen_id: None,
                political_status: PoliticalStatus::Masses,
                party_joined_on: None,
                full_member_since: None,
                work_started_on: None,
                education: Vec::new(),
                recognitions: Vec::new(),
            },
        };
        p.validate()?;
        Ok(p)
    }

    fn validate(&self) -> Result<(), PersonError> {
        let d = &self.data;
        if d.name.trim().is_empty() {
            return Err(PersonError::EmptyField { field: "name" });
        }
        ordered(
            FactKind::BirthDate,
            d.birth_date,
            FactKind::WorkStart,
            d.work_started_on,
        )?;
        ordered(
            FactKind::BirthDate,
            d.birth_date,
            FactKind::PartyJoin,
            d.party_joined_on,
        )?;
        match (d.party_joined_on, d.full_member_since) {
            (None, Some(_)) => return Err(PersonError::FullMembershipWithoutJoining),
            (Some(joined), full) => {
                ordered(FactKind::PartyJoin, joined, FactKind::FullMembership, full)?;
            }
            (None, None) => {}
        }
        if let Some(r) = d.recognitions.iter().find(|r| r.evidence.trim().is_empty()) {
            return Err(PersonError::RecognitionWithoutEvidence { fact: r.fact });
        }
        Ok(())
    }

    /// Applies a change and keeps it only if the record stays consistent.
    fn try_change(&mut self, change: impl FnOnce(&mut PersonData)) -> Result<(), PersonError> {
        let before = self.data.clone();
        change(&mut self.data);
        self.validate().inspect_err(|_| self.data = before)
    }

    /// Identifier.
    #[must_use]
    pub fn id(&self) -> PersonId {
        self.data.id
    }
    /// 姓名.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.data.name
    }
    /// 性别.
    #[must_use]
    pub fn sex(&self) -> Sex {
        self.data.sex
    }
    /// 民族, if recorded.
    #[must_use]
    pub fn ethnicity(&self) -> Option<&Ethnicity> {
        self.data.ethnicity.as_ref()
    }
    /// Recognised 出生日期.
    #[must_use]
    pub fn birth_date(&self) -> NaiveDate {
        self.data.birth_date
    }
    /// 公民身份号码, if recorded (masked when displayed).
    #[must_use]
    pub fn citizen_id(&self) -> Option<&CitizenIdNumber> {
        self.data.citizen_id.as_ref()
    }
    /// 政治面貌.
    #[must_use]
    pub fn political_status(&self) -> PoliticalStatus {
        self.data.political_status
    }
    /// 入党时间: the date the branch assembly admitted the person (党籍 starts that day).
    #[must_use]
    pub fn party_joined_on(&self) -> Option<NaiveDate> {
        self.data.party_joined_on
    }
    /// 转正时间: the date of full membership.
    #[must_use]
    pub fn full_member_since(&self) -> Option<NaiveDate> {
        self.data.full_member_since
    }
    /// 参加工作时间.
    #[must_use]
    pub fn work_started_on(&self) -> Option<NaiveDate> {
        self.data.work_started_on
    }
    /// Every course of study on record.
    #[must_use]
    pub fn education(&self) -> &[EducationRecord] {
        &self.data.education
    }
    /// Every recognition decision, oldest first.
    #[must_use]
    pub fn recognitions(&self) -> &[FactRecognition] {
        &self.data.recognitions
    }

    /// Sets the ethnicity.
    pub fn set_ethnicity(&mut self, ethnicity: Option<Ethnicity>) {
        self.data.ethnicity = ethnicity;
    }
    /// Sets the citizen ID number.
    pub fn set_citizen_id(&mut self, id: Option<CitizenIdNumber>) {
        self.data.citizen_id = id;
    }
    /// Sets the political status.
    pub fn set_political_status(&mut self, status: PoliticalStatus) {
        self.data.political_status = status;
    }
    /// Adds a course of study.
    pub fn add_education(&mut self, record: EducationRecord) {
        self.data.education.push(record);
    }

    /// Sets the work-start date (first entry; later changes go through [`Self::recognize`]).
    ///
    /// # Errors
    /// [`PersonError::DatesOutOfOrder`] when before the birth date; nothing changes.
    pub fn set_work_start(&mut self, date: Option<NaiveDate>) -> Result<(), PersonError> {
        self.try_change(|d| d.work_started_on = date)
    }

    /// Sets the party-joining and full-membership dates.
    ///
    /// # Errors
    /// [`PersonError::DatesOutOfOrder`] or [`PersonError::FullMembershipWithoutJoining`];
    /// nothing changes.
    pub fn set_party_dates(
        &mut self,
        joined: Option<NaiveDate>,
        full_member_since: Option<NaiveDate>,
    ) -> Result<(), PersonError> {
        self.try_change(|d| {
            d.party_joined_on = joined;
            d.full_member_since = full_member_since;
        })
    }

    /// Records a recognition decision (认定) and applies it to the fact it fixes.
    ///
    /// # Errors
    /// [`PersonError::RecognitionWithoutEvidence`] when the evidence is blank, or
    /// [`PersonError::DatesOutOfOrder`] when the new date contradicts the others; nothing
    /// changes.
    pub fn recognize(&mut self, recognition: FactRecognition) -> Result<(), PersonError> {
        self.try_change(|d| {
            match recognition.fact {
                FactKind::BirthDate => d.birth_date = recognition.value,
                FactKind::WorkStart => d.work_started_on = Some(recognition.value),
                FactKind::PartyJoin => d.party_joined_on = Some(recognition.value),
                FactKind::FullMembership => d.full_member_since = Some(recognition.value),
            }
            d.recognitions.push(recognition);
        })
    }

    /// Highest 学历 attained (courses that ended in 毕业), if any.
    #[must_use]
    pub fn highest_education(&self) -> Option<EducationLevel> {
        self.data
            .education
            .iter()
            .filter_map(EducationRecord::attained)
            .max()
    }

    /// 年龄: age in completed years (周岁) on `date`.
    #[must_use]
    pub fn age_on(&self, date: NaiveDate) -> u32 {
        completed_years(self.data.birth_date, date)
    }

    /// 工龄: completed years since the recognised work start, if recorded.
    #[must_use]
    pub fn work_years_on(&self, date: NaiveDate) -> Option<u32> {
        self.data.work_started_on.map(|s| completed_years(s, date))
    }

    /// 党龄: completed years of full membership on `date`. Counts from the day probation
    /// ends in full membership (《中国共产党章程》 第七条), so a probationary member has none.
    #[must_use]
    pub fn party_standing_on(&self, date: NaiveDate) -> Option<u32> {
        self.data
            .full_member_since
            .filter(|s| *s <= date)
            .map(|s| completed_years(s, date))
    }
}
