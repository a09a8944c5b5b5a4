//! 发展党员: one applicant's path from the application to 转正, the national five stages and
//! 25 steps of 《中国共产党发展党员工作细则》(2014), as one journaled lifecycle.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::{add_months, completed_years};
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{
    AuthorityBody, AuthorityError, Citation, DevelopmentId, MemberId, OrgTree, OrgUnitId, PersonId,
};

use crate::policy::{
    ART_5_AGE, ART_7_TALK, ART_10_11_ACTIVIST, ART_13_CANDIDATE, ART_14_SPONSORS, ART_15_VETTING,
    ART_17_TRAINING, ART_19_PRE_REVIEW, ART_20_21_MEETING, ART_24_APPROVAL, PROBATION, RULES_2014,
};
use crate::{DevelopmentPolicy, DevelopmentStage};

/// 入党申请人: who applies, and the branch (党支部) the application was made to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Applicant {
    /// The person.
    pub person: PersonId,
    /// The name (personal data: shown, never an ID number).
    pub name: String,
    /// Date of birth (for 年满十八岁).
    pub birth_date: NaiveDate,
    /// The branch of the applicant's work unit, school or place of residence (细则 Art 6).
    pub branch: OrgUnitId,
}

impl Applicant {
    /// An applicant to `branch`.
    #[must_use]
    pub fn new(
        person: PersonId,
        name: impl Into<String>,
        birth_date: NaiveDate,
        branch: OrgUnitId,
    ) -> Self {
        Self {
            person,
            name: name.into(),
            birth_date,
            branch,
        }
    }
}

/// How a 入党积极分子 was put forward (Art 8): 党员推荐 or 群团组织推优.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nomination {
    /// 党员推荐.
    MembersRecommendation,
    /// 群团组织推优 (共青团推优 for those under 28).
    MassOrganization,
}

zugong_core::official_terms!(Nomination, "推荐方式 (nomination)", {
    MembersRecommendation => "党员推荐",
    MassOrganization => "群团组织推优" | "推优",
});

/// A member's standing, as a 入党介绍人 needs it (Art 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStanding {
    /// 正式党员.
    FullMember,
    /// 预备党员: may not sponsor.
    Probationary,
    /// 受留党察看处分: may not sponsor.
    UnderProbationDiscipline,
}

zugong_core::official_terms!(MemberStanding, "党员身份 (member standing)", {
    FullMember => "正式党员",
    Probationary => "预备党员",
    UnderProbationDiscipline => "留党察看",
});

/// One 入党介绍人 with the standing the branch found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sponsor {
    /// The member.
    pub member: MemberId,
    /// Their standing on the day.
    pub standing: MemberStanding,
}

/// What 政治审查 found (Arts 15–16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VettingResult {
    /// 政审合格.
    Passed,
    /// 政审不合格: the path ends.
    Failed,
}

/// A 支部大会 vote (Arts 20–21): those entitled to vote (正式党员 due to attend), those present,
/// and the votes in favour (absent members' written opinions counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// 应到会有表决权的正式党员.
    pub entitled: u32,
    /// 实到.
    pub present: u32,
    /// 赞成, written opinions of absent members included.
    pub in_favour: u32,
}

/// Which approval window applies (Art 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalWindow {
    /// Within `approval_months` (3).
    Ordinary,
    /// 特殊情况: within `special_approval_months` (6).
    Special,
}

/// What callers ask of an applicant's path. Branch steps are the 党支部's (the act's authority
/// is the branch itself); committee steps are an upper 党委's (the branch in its subtree);
/// 审批 is the 党委's own (body [`AuthorityBody::PartyCommittee`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DevelopmentCommand {
    /// (1) 递交入党申请书 — the opening command (branch).
    Apply(Applicant),
    /// (2) 党组织派人谈话 (branch).
    Talk,
    /// (3) 推荐和确定入党积极分子 and (5) 指定培养联系人 (branch).
    ChooseActivist {
        /// How the applicant was put forward.
        nomination: Nomination,
        /// The 培养联系人 (full members).
        contacts: Vec<MemberId>,
    },
    /// (4) 上级党委备案 of the 积极分子 (committee).
    FileActivist,
    /// (6) 培养教育考察: the half-yearly assessment (branch).
    AssessActivist,
    /// (7) 确定发展对象 (branch).
    ChooseCandidate,
    /// (8) 报上级党委备案 of the 发展对象 (committee).
    FileCandidate,
    /// (9) 确定入党介绍人 (branch).
    NameSponsors {
        /// The sponsors with their standing.
        sponsors: Vec<Sponsor>,
    },
    /// (10) 政治审查 (committee).
    Vet {
        /// What it found.
        result: VettingResult,
    },
    /// (11) 集中培训, as the training ledger credited it (committee).
    Train {
        /// Days attended.
        days: u32,
        /// 学时 credited, in tenths.
        hours_tenths: u32,
    },
    /// (12) 支部委员会审查 (branch).
    CommitteeReview,
    /// (13) 上级党委预审 (committee), with the day the candidate is known to leave, if any.
    PreReview {
        /// A planned departure (transfer, study abroad).
        leaving_on: Option<NaiveDate>,
    },
    /// (14) 填写入党志愿书 (branch).
    FillForm,
    /// (15) 支部大会讨论 (branch): the vote that admits a 预备党员.
    Admit {
        /// The vote.
        vote: Vote,
    },
    /// (16) 上级党委派人谈话 (committee).
    ApprovalTalk,
    /// (17) 上级党委审批 (the 党委 itself).
    Approve {
        /// The window that applies.
        window: ApprovalWindow,
    },
    /// (18) 再上一级党委组织部门备案 (committee).
    FileAdmission,
    /// (20) 入党宣誓 (branch).
    Swear,
    /// (23) 支部大会讨论转正 at the end of the 预备期 (branch).
    Confirm {
        /// The vote.
        vote: Vote,
    },
    /// 延长预备期 (branch, at the end of the 预备期).
    Extend {
        /// By how many months.
        months: u32,
    },
    /// (24) 上级党委审批转正 (the 党委 itself).
    ApproveConfirmation,
    /// A provincial 公示 before 确定发展对象 or 接收预备党员 (the branch), when the policy has
    /// one.
    Publicize {
        /// The step it comes before.
        before: PublicityFor,
    },
    /// 取消预备党员资格 (the 党委), or the path ended before admission, with the reason.
    End {
        /// Why.
        reason: String,
    },
}

/// What happened on an applicant's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DevelopmentEvent {
    /// The application received on `on`.
    Applied {
        /// The applicant.
        applicant: Applicant,
        /// The day it was received.
        on: NaiveDate,
    },
    /// The talk held (`late`: after the month the 细则 allows — the organization's fault).
    Talked {
        /// The day.
        on: NaiveDate,
        /// Held after the allowed month.
        late: bool,
    },
    /// 确定入党积极分子.
    ActivistChosen {
        /// The day.
        on: NaiveDate,
        /// How put forward.
        nomination: Nomination,
        /// 培养联系人.
        contacts: Vec<MemberId>,
    },
    /// A step recorded on its day: 备案, assessments, 政审, reviews, the form, talks, 宣誓.
    StepDone {
        /// The step's number in the national list (1–25).
        step: u8,
        /// The day.
        on: NaiveDate,
    },
    /// 确定发展对象.
    CandidateChosen {
        /// The day.
        on: NaiveDate,
    },
    /// 入党介绍人 named.
    SponsorsNamed {
        /// The day.
        on: NaiveDate,
        /// The sponsors.
        sponsors: Vec<MemberId>,
    },
    /// 集中培训 credited.
    Trained {
        /// The day.
        on: NaiveDate,
        /// Days.
        days: u32,
        /// 学时 in tenths.
        hours_tenths: u32,
    },
    /// Admitted by the 支部大会: 党籍 from this day once approved (党员教育管理工作条例 Art 24).
    Admitted {
        /// The day of the 支部大会.
        on: NaiveDate,
    },
    /// Approved: a 预备党员 until the day given.
    Approved {
        /// The day of the approval.
        on: NaiveDate,
        /// Last day of the 预备期.
        probation_until: NaiveDate,
    },
    /// The branch voted for 转正.
    ConfirmationVoted {
        /// The day of the vote.
        on: NaiveDate,
    },
    /// The 预备期 extended to the day given.
    Extended {
        /// The new last day.
        probation_until: NaiveDate,
    },
    /// 转为正式党员.
    Confirmed {
        /// The day of the approval.
        on: NaiveDate,
    },
    /// A provincial 公示 started.
    Publicized {
        /// The step it comes before.
        before: PublicityFor,
        /// The first day.
        from: NaiveDate,
        /// The last day.
        until: NaiveDate,
    },
    /// The path ended.
    Ended {
        /// Why.
        reason: String,
    },
}

/// What the development rules need besides the act.
#[derive(Debug, Clone, Copy)]
pub struct DevelopmentContext<'c> {
    /// The organization tree.
    pub tree: &'c OrgTree,
    /// The numbers.
    pub policy: &'c DevelopmentPolicy,
    /// The 发展党员计划 in force: an admission beyond its committee's plan is refused
    /// (the journal's other paths count against it).
    pub plans: &'c crate::DevelopmentPlans,
    /// The work calendar (a provincial 公示 in working days).
    pub calendar: &'c zugong_core::WorkCalendar,
}

/// Which step a provincial 公示 comes before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicityFor {
    /// Before 确定发展对象.
    Candidate,
    /// Before 接收预备党员 (the 支部大会).
    Admission,
}

zugong_core::official_terms!(PublicityFor, "公示事项 (publicity for)", {
    Candidate => "确定发展对象前公示",
    Admission => "接收预备党员前公示",
});

/// Who must act for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acting {
    /// The applicant's own 党支部.
    Branch,
    /// A 党委 above the branch (its organization department may act).
    Committee,
    /// The 党委 itself (审批): not its organization department.
    PartyCommittee,
}

zugong_core::official_terms!(Acting, "办理主体 (acting body)", {
    Branch => "党支部",
    Committee => "上级党委",
    PartyCommittee => "上级党委（集体审批）",
});

/// A development command refused, with the rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DevelopmentError {
    /// No application yet.
    #[error("there is no application yet: the path begins with 递交入党申请书")]
    NotApplied,
    /// A second application on the same path.
    #[error("the application is already on record")]
    AlreadyApplied,
    /// The path has ended.
    #[error("the path has ended ({0}): nothing more can be recorded")]
    Ended(String),
    /// A step out of order.
    #[error("{command} is not possible at {stage}: {missing} comes first")]
    OutOfOrder {
        /// The step asked for.
        command: &'static str,
        /// Where the path is.
        stage: DevelopmentStage,
        /// What must come first.
        missing: &'static str,
    },
    /// Younger than the least age on the day of the application.
    #[error("the applicant is {age} on the day of the application; an applicant is at least {min}")]
    Underage {
        /// Completed years on the day.
        age: u32,
        /// The least age.
        min: u32,
    },
    /// The wrong body for the step.
    #[error("{step} is for the {expected}")]
    WrongBody {
        /// The step.
        step: &'static str,
        /// Who must act.
        expected: Acting,
    },
    /// The authority may not act on this branch.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// Too few or too many 培养联系人.
    #[error("{given} 培养联系人 named; {min} to {max} are required")]
    ContactCount {
        /// Named.
        given: usize,
        /// Fewest.
        min: usize,
        /// Most.
        max: usize,
    },
    /// A step before the day it may be taken.
    #[error("{step} may not be taken before {earliest} (on {on})")]
    TooEarly {
        /// The step.
        step: &'static str,
        /// The first day it may be taken.
        earliest: NaiveDate,
        /// The day of the command.
        on: NaiveDate,
    },
    /// A step after the last day it may be taken.
    #[error("{step} was due by {latest}; {on} is too late")]
    TooLate {
        /// The step.
        step: &'static str,
        /// The last day.
        latest: NaiveDate,
        /// The day of the command.
        on: NaiveDate,
    },
    /// Fewer half-yearly assessments than the time as 积极分子 needs.
    #[error("{done} assessment(s) recorded; {needed} are needed before 确定发展对象")]
    AssessmentsMissing {
        /// Recorded.
        done: usize,
        /// Needed.
        needed: usize,
    },
    /// Not the number of 入党介绍人 the rules set.
    #[error("{given} 入党介绍人 named; {needed} are required")]
    SponsorCount {
        /// Named.
        given: usize,
        /// Required.
        needed: usize,
    },
    /// A 入党介绍人 who is not a full member in good standing.
    #[error("a 入党介绍人 is {standing}: only a 正式党员 not under 留党察看 may sponsor")]
    SponsorNotEligible {
        /// Their standing.
        standing: MemberStanding,
    },
    /// Training short of the least.
    #[error("集中培训 of {days} day(s) and {} 学时 is short of {min_days} days or {} 学时", *hours_tenths as f64 / 10.0, *min_hours_tenths as f64 / 10.0)]
    TrainingShort {
        /// Days.
        days: u32,
        /// 学时 in tenths.
        hours_tenths: u32,
        /// Least days.
        min_days: u32,
        /// Least 学时 in tenths.
        min_hours_tenths: u32,
    },
    /// A candidate leaving soon after 预审.
    #[error(
        "the candidate leaves on {leaving_on}, within the months after 预审 in which nobody is admitted"
    )]
    LeavingSoon {
        /// The day of leaving.
        leaving_on: NaiveDate,
    },
    /// A 支部大会 without its quorum.
    #[error("{present} of {entitled} entitled present: more than half must attend")]
    NoQuorum {
        /// Present.
        present: u32,
        /// Entitled.
        entitled: u32,
    },
    /// A vote without a majority of those entitled.
    #[error(
        "{in_favour} of {entitled} entitled in favour: more than half of those entitled must agree"
    )]
    NoMajority {
        /// In favour.
        in_favour: u32,
        /// Entitled.
        entitled: u32,
    },
    /// An extension outside the range.
    #[error("an extension of {months} month(s) is outside {min}–{max} months")]
    ExtensionOutOfRange {
        /// Asked.
        months: u32,
        /// Least.
        min: u32,
        /// Most.
        max: u32,
    },
    /// A second extension.
    #[error("the 预备期 was extended already: it may be extended once")]
    AlreadyExtended,
    /// An end without a reason.
    #[error("ending the path needs its reason")]
    BlankReason,
    /// A date the calendar cannot reach.
    #[error("a date beyond the supported range")]
    DateOutOfRange,
    /// The provincial 公示 a step waits on refused it (not held, not over).
    #[error("publicity: {0}")]
    Publicity(zugong_core::publicity::PublicityError),
    /// A 公示 the policy does not have.
    #[error("the policy has no 公示 for this step")]
    NoPublicityRule,
    /// The committee's plan of the year is used up.
    #[error("the 发展党员计划 of {year} allows {planned} admission(s), all made")]
    BeyondPlan {
        /// The year.
        year: i32,
        /// Admissions planned.
        planned: u32,
    },
}

impl Refusal for DevelopmentError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            Self::Underage { .. } => ART_5_AGE,
            Self::ContactCount { .. } | Self::AssessmentsMissing { .. } => ART_10_11_ACTIVIST,
            Self::TooEarly { step, .. } | Self::TooLate { step, .. } => match *step {
                "确定发展对象" => ART_13_CANDIDATE,
                "上级党委审批" => ART_24_APPROVAL,
                "党组织派人谈话" => ART_7_TALK,
                _ => PROBATION,
            },
            Self::SponsorCount { .. } | Self::SponsorNotEligible { .. } => ART_14_SPONSORS,
            Self::TrainingShort { .. } => ART_17_TRAINING,
            Self::LeavingSoon { .. } => ART_19_PRE_REVIEW,
            Self::NoQuorum { .. } | Self::NoMajority { .. } => ART_20_21_MEETING,
            Self::OutOfOrder { command, .. } => match *command {
                "政治审查" => ART_15_VETTING,
                "集中培训" => ART_17_TRAINING,
                "确定发展对象" => ART_13_CANDIDATE,
                "确定入党介绍人" => ART_14_SPONSORS,
                "上级党委预审" | "支部委员会审查" | "填写入党志愿书" => {
                    ART_19_PRE_REVIEW
                }
                "支部大会讨论" => ART_20_21_MEETING,
                "上级党委审批" | "上级党委派人谈话" => ART_24_APPROVAL,
                _ => RULES_2014,
            },
            Self::ExtensionOutOfRange { .. } | Self::AlreadyExtended => PROBATION,
            Self::BeyondPlan { .. } => crate::plan::ART_3_PLAN,
            Self::Publicity(_) | Self::NoPublicityRule => RULES_2014,
            _ => RULES_2014,
        }
    }

    fn message(&self, language: Language) -> String {
        if let Self::Authority(e) = self {
            return e.message(language);
        }
        let cite = self.citation();
        if language == Language::English {
            return format!("{self} ({cite})");
        }
        let text = match self {
            Self::NotApplied => "尚无入党申请：发展党员自递交入党申请书始".to_owned(),
            Self::AlreadyApplied => "入党申请已在案".to_owned(),
            Self::Ended(r) => format!("发展程序已终止（{r}），不能继续记录"),
            Self::OutOfOrder {
                command,
                stage,
                missing,
            } => {
                format!("当前为“{stage}”，不能进行“{command}”：须先完成“{missing}”")
            }
            Self::Underage { age, min } => {
                format!("申请人递交申请时 {age} 周岁：须年满 {min} 周岁")
            }
            Self::WrongBody { step, expected } => format!("“{step}”应由{expected}办理"),
            Self::Authority(_) => String::new(),
            Self::ContactCount { given, min, max } => {
                format!("指定培养联系人 {given} 名：应为 {min} 至 {max} 名正式党员")
            }
            Self::TooEarly { step, earliest, on } => {
                format!("“{step}”最早于 {earliest} 办理，{on} 过早")
            }
            Self::TooLate { step, latest, on } => {
                format!("“{step}”应于 {latest} 前办理，{on} 已逾期")
            }
            Self::AssessmentsMissing { done, needed } => {
                format!("培养教育考察记录 {done} 次：确定发展对象前须有 {needed} 次（每半年一次）")
            }
            Self::SponsorCount { given, needed } => {
                format!("入党介绍人 {given} 名：应为 {needed} 名正式党员")
            }
            Self::SponsorNotEligible { standing } => {
                format!("入党介绍人为{standing}：须为未受留党察看处分的正式党员")
            }
            Self::TrainingShort {
                days,
                hours_tenths,
                min_days,
                min_hours_tenths,
            } => format!(
                "集中培训 {days} 天、{} 学时：须不少于 {min_days} 天或 {} 学时",
                f64::from(*hours_tenths) / 10.0,
                f64::from(*min_hours_tenths) / 10.0
            ),
            Self::LeavingSoon { leaving_on } => {
                format!("发展对象将于 {leaving_on} 离开：预审后短期内离开的一般不予接收")
            }
            Self::NoQuorum { present, entitled } => {
                format!("应到有表决权的正式党员 {entitled} 人，实到 {present} 人：须超过半数到会")
            }
            Self::NoMajority {
                in_favour,
                entitled,
            } => format!(
                "赞成 {in_favour} 票，应到会有表决权的正式党员 {entitled} 人：赞成票须超过半数"
            ),
            Self::ExtensionOutOfRange { months, min, max } => {
                format!("延长预备期 {months} 个月：应为 {min} 至 {max} 个月")
            }
            Self::AlreadyExtended => "预备期已延长过一次".to_owned(),
            Self::BlankReason => "终止须写明原因".to_owned(),
            Self::DateOutOfRange => "日期超出可计算范围".to_owned(),
            Self::Publicity(e) => e.describe(Language::Chinese),
            Self::NoPublicityRule => "本省规程未设此项公示".to_owned(),
            Self::BeyondPlan { year, planned } => {
                format!("{year} 年发展党员计划为 {planned} 名，已全部接收：超计划发展须调整计划")
            }
        };
        format!("{text}（{cite}）")
    }
}

/// 发展党员: one applicant's path, built only from its events.
///
/// The stage ([`Lifecycle::stage`]) moves 入党申请人 → 入党积极分子 → 发展对象 → 待审批 →
/// 预备党员 → 正式党员 (or 终止). Each step is refused out of order, too early or too late, and by
/// the wrong body, with the article of the 细则 it breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Development {
    applicant: Option<Applicant>,
    stage: DevelopmentStage,
    applied_on: Option<NaiveDate>,
    talked_late: Option<bool>,
    activist_on: Option<NaiveDate>,
    contacts: Vec<MemberId>,
    assessments: Vec<NaiveDate>,
    steps: Vec<(u8, NaiveDate)>,
    candidate_on: Option<NaiveDate>,
    sponsors: Vec<MemberId>,
    vetted: bool,
    trained: Option<(u32, u32)>,
    admitted_on: Option<NaiveDate>,
    probation_until: Option<NaiveDate>,
    extended: bool,
    confirmation_voted_on: Option<NaiveDate>,
    full_member_on: Option<NaiveDate>,
    ended: Option<String>,
    publicities: std::collections::BTreeMap<PublicityFor, zugong_core::publicity::Publicity>,
}

impl Development {
    /// The applicant.
    #[must_use]
    pub fn applicant(&self) -> Option<&Applicant> {
        self.applicant.as_ref()
    }
    /// The day the application was received.
    #[must_use]
    pub fn applied_on(&self) -> Option<NaiveDate> {
        self.applied_on
    }
    /// The 培养联系人 named when the applicant became a 入党积极分子.
    #[must_use]
    pub fn contacts(&self) -> &[MemberId] {
        &self.contacts
    }
    /// The 入党介绍人.
    #[must_use]
    pub fn sponsors(&self) -> &[MemberId] {
        &self.sponsors
    }
    /// The day the applicant became a 入党积极分子.
    #[must_use]
    pub fn activist_on(&self) -> Option<NaiveDate> {
        self.activist_on
    }
    /// The day of 确定发展对象 (the date the weak-branch rule reads: the branch's latest).
    #[must_use]
    pub fn candidate_on(&self) -> Option<NaiveDate> {
        self.candidate_on
    }
    /// The day the 支部大会 admitted (党籍 counts from it once approved).
    #[must_use]
    pub fn admitted_on(&self) -> Option<NaiveDate> {
        self.admitted_on
    }
    /// The last day of the 预备期.
    #[must_use]
    pub fn probation_until(&self) -> Option<NaiveDate> {
        self.probation_until
    }
    /// The day of 转正.
    #[must_use]
    pub fn full_member_on(&self) -> Option<NaiveDate> {
        self.full_member_on
    }
    /// Whether the talk came later than the allowed month.
    #[must_use]
    pub fn talk_was_late(&self) -> bool {
        self.talked_late == Some(true)
    }
    /// The national steps done, with their days, in order.
    #[must_use]
    pub fn steps(&self) -> &[(u8, NaiveDate)] {
        &self.steps
    }
    /// Whether step `n` of the national list is done.
    #[must_use]
    pub fn has(&self, n: u8) -> bool {
        self.steps.iter().any(|(s, _)| *s == n)
    }

    fn branch(&self) -> Option<OrgUnitId> {
        self.applicant.as_ref().map(|a| a.branch)
    }

    fn check_body(
        &self,
        step: &'static str,
        who: Acting,
        act: &Act,
        ctx: &DevelopmentContext<'_>,
    ) -> Result<(), DevelopmentError> {
        let branch = self.branch().ok_or(DevelopmentError::NotApplied)?;
        let authority = act.authority();
        match who {
            Acting::Branch if authority.unit == branch => Ok(()),
            Acting::Branch => Err(DevelopmentError::WrongBody {
                step,
                expected: who,
            }),
            Acting::Committee | Acting::PartyCommittee => {
                if authority.unit == branch {
                    return Err(DevelopmentError::WrongBody {
                        step,
                        expected: who,
                    });
                }
                authority.check_unit(ctx.tree, branch)?;
                if who == Acting::PartyCommittee && authority.body != AuthorityBody::PartyCommittee
                {
                    return Err(DevelopmentError::WrongBody {
                        step,
                        expected: who,
                    });
                }
                Ok(())
            }
        }
    }

    fn need(
        &self,
        ok: bool,
        command: &'static str,
        missing: &'static str,
    ) -> Result<(), DevelopmentError> {
        if ok {
            Ok(())
        } else {
            Err(DevelopmentError::OutOfOrder {
                command,
                stage: self.stage,
                missing,
            })
        }
    }

    fn months_after(day: NaiveDate, months: u32) -> Result<NaiveDate, DevelopmentError> {
        add_months(day, months).ok_or(DevelopmentError::DateOutOfRange)
    }

    /// The admission fits the plan of the nearest committee above the branch: the other paths
    /// of the journal admitted that year under it count against it.
    fn check_plan(
        &self,
        on: NaiveDate,
        ctx: &DevelopmentContext<'_>,
        peers: &Peers<'_, Self>,
    ) -> Result<(), DevelopmentError> {
        let branch = self.branch().ok_or(DevelopmentError::NotApplied)?;
        let year = on.year();
        let Some(plan) = ctx.plans.covering(ctx.tree, branch, year) else {
            return Ok(());
        };
        let made = peers
            .others()
            .filter(|(_, p)| p.admitted_on.is_some_and(|d| d.year() == year))
            .filter(|(_, p)| {
                p.branch().is_some_and(|b| {
                    b == plan.committee || ctx.tree.is_within(b, plan.committee).unwrap_or(false)
                })
            })
            .count();
        if u32::try_from(made).unwrap_or(u32::MAX) >= plan.admissions {
            return Err(DevelopmentError::BeyondPlan {
                year,
                planned: plan.admissions,
            });
        }
        Ok(())
    }

    /// When the policy has a provincial 公示, the step waits until it is over.
    fn check_publicity(
        &self,
        before: PublicityFor,
        on: NaiveDate,
        ctx: &DevelopmentContext<'_>,
    ) -> Result<(), DevelopmentError> {
        if ctx.policy.publicity.is_none() {
            return Ok(());
        }
        let Some(p) = self.publicities.get(&before) else {
            return Err(DevelopmentError::OutOfOrder {
                command: match before {
                    PublicityFor::Candidate => "确定发展对象",
                    PublicityFor::Admission => "支部大会讨论",
                },
                stage: self.stage,
                missing: "公示",
            });
        };
        p.check_over(on).map_err(DevelopmentError::Publicity)
    }

    /// The provincial 公示 before `before`, if any.
    #[must_use]
    pub fn publicity(&self, before: PublicityFor) -> Option<&zugong_core::publicity::Publicity> {
        self.publicities.get(&before)
    }

    fn vote(vote: &Vote) -> Result<(), DevelopmentError> {
        let Vote {
            entitled,
            present,
            in_favour,
        } = *vote;
        if u64::from(present) * 2 <= u64::from(entitled) || present > entitled {
            return Err(DevelopmentError::NoQuorum { present, entitled });
        }
        if u64::from(in_favour) * 2 <= u64::from(entitled) || in_favour > entitled {
            return Err(DevelopmentError::NoMajority {
                in_favour,
                entitled,
            });
        }
        Ok(())
    }
}

/// Step `n` done on `on`.
fn step(n: u8, on: NaiveDate) -> Vec<DevelopmentEvent> {
    vec![DevelopmentEvent::StepDone { step: n, on }]
}

impl Lifecycle for Development {
    type Id = DevelopmentId;
    type Stage = DevelopmentStage;
    type Command = DevelopmentCommand;
    type Event = DevelopmentEvent;
    type Context<'c> = DevelopmentContext<'c>;
    type Error = DevelopmentError;

    fn stage(&self) -> DevelopmentStage {
        self.stage
    }

    fn opens(command: &DevelopmentCommand) -> bool {
        matches!(command, DevelopmentCommand::Apply(_))
    }

    #[allow(clippy::too_many_lines)] // one arm per step of the 细则, in its order
    fn decide(
        &self,
        command: &DevelopmentCommand,
        act: &Act,
        ctx: &DevelopmentContext<'_>,
        peers: &Peers<'_, Self>,
    ) -> Result<Vec<DevelopmentEvent>, DevelopmentError> {
        use DevelopmentCommand as C;
        use DevelopmentStage as S;
        let on = act.day();
        let policy = ctx.policy;
        if let C::Apply(applicant) = command {
            if self.applicant.is_some() {
                return Err(DevelopmentError::AlreadyApplied);
            }
            if act.authority().unit != applicant.branch {
                return Err(DevelopmentError::WrongBody {
                    step: "递交入党申请书",
                    expected: Acting::Branch,
                });
            }
            let age = completed_years(applicant.birth_date, on);
            if age < policy.min_age_years {
                return Err(DevelopmentError::Underage {
                    age,
                    min: policy.min_age_years,
                });
            }
            return Ok(vec![DevelopmentEvent::Applied {
                applicant: applicant.clone(),
                on,
            }]);
        }
        if self.applicant.is_none() {
            return Err(DevelopmentError::NotApplied);
        }
        if let Some(reason) = &self.ended {
            return Err(DevelopmentError::Ended(reason.clone()));
        }
        if self.stage == S::FullMember {
            return Err(DevelopmentError::Ended("已转为正式党员".into()));
        }
        let stage = self.stage;
        match command {
            C::Apply(_) => Err(DevelopmentError::AlreadyApplied),
            C::Talk => {
                self.check_body("党组织派人谈话", Acting::Branch, act, ctx)?;
                self.need(
                    self.talked_late.is_none(),
                    "党组织派人谈话",
                    "递交入党申请书",
                )?;
                let applied = self.applied_on.ok_or(DevelopmentError::NotApplied)?;
                let latest = Self::months_after(applied, policy.talk_within_months)?;
                Ok(vec![DevelopmentEvent::Talked {
                    on,
                    late: on > latest,
                }])
            }
            C::ChooseActivist {
                nomination,
                contacts,
            } => {
                self.check_body("确定入党积极分子", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Applicant && self.talked_late.is_some(),
                    "确定入党积极分子",
                    "党组织派人谈话",
                )?;
                if contacts.len() < policy.min_contacts || contacts.len() > policy.max_contacts {
                    return Err(DevelopmentError::ContactCount {
                        given: contacts.len(),
                        min: policy.min_contacts,
                        max: policy.max_contacts,
                    });
                }
                Ok(vec![DevelopmentEvent::ActivistChosen {
                    on,
                    nomination: *nomination,
                    contacts: contacts.clone(),
                }])
            }
            C::FileActivist => {
                self.check_body("上级党委备案（积极分子）", Acting::Committee, act, ctx)?;
                self.need(
                    stage == S::Activist && !self.has(4),
                    "上级党委备案（积极分子）",
                    "确定入党积极分子",
                )?;
                Ok(step(4, on))
            }
            C::AssessActivist => {
                self.check_body("培养教育考察", Acting::Branch, act, ctx)?;
                self.need(stage == S::Activist, "培养教育考察", "确定入党积极分子")?;
                Ok(step(6, on))
            }
            C::ChooseCandidate => {
                self.check_body("确定发展对象", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Activist && self.has(4),
                    "确定发展对象",
                    "上级党委备案（积极分子）",
                )?;
                let since = self.activist_on.ok_or(DevelopmentError::NotApplied)?;
                let earliest = Self::months_after(since, policy.activist_months)?;
                if on < earliest {
                    return Err(DevelopmentError::TooEarly {
                        step: "确定发展对象",
                        earliest,
                        on,
                    });
                }
                let needed = usize::try_from(
                    policy.activist_months / policy.assessment_interval_months.max(1),
                )
                .unwrap_or(usize::MAX);
                if self.assessments.len() < needed {
                    return Err(DevelopmentError::AssessmentsMissing {
                        done: self.assessments.len(),
                        needed,
                    });
                }
                self.check_publicity(PublicityFor::Candidate, on, ctx)?;
                Ok(vec![DevelopmentEvent::CandidateChosen { on }])
            }
            C::FileCandidate => {
                self.check_body("报上级党委备案（发展对象）", Acting::Committee, act, ctx)?;
                self.need(
                    stage == S::Candidate && !self.has(8),
                    "报上级党委备案（发展对象）",
                    "确定发展对象",
                )?;
                Ok(step(8, on))
            }
            C::NameSponsors { sponsors } => {
                self.check_body("确定入党介绍人", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Candidate && self.has(8),
                    "确定入党介绍人",
                    "报上级党委备案（发展对象）",
                )?;
                if sponsors.len() != policy.sponsors {
                    return Err(DevelopmentError::SponsorCount {
                        given: sponsors.len(),
                        needed: policy.sponsors,
                    });
                }
                if let Some(s) = sponsors
                    .iter()
                    .find(|s| s.standing != MemberStanding::FullMember)
                {
                    return Err(DevelopmentError::SponsorNotEligible {
                        standing: s.standing,
                    });
                }
                Ok(vec![DevelopmentEvent::SponsorsNamed {
                    on,
                    sponsors: sponsors.iter().map(|s| s.member).collect(),
                }])
            }
            C::Vet { result } => {
                self.check_body("政治审查", Acting::Committee, act, ctx)?;
                self.need(
                    stage == S::Candidate && self.has(8),
                    "政治审查",
                    "报上级党委备案（发展对象）",
                )?;
                Ok(match result {
                    VettingResult::Passed => step(10, on),
                    VettingResult::Failed => vec![DevelopmentEvent::Ended {
                        reason: "政治审查不合格".into(),
                    }],
                })
            }
            C::Train { days, hours_tenths } => {
                self.check_body("集中培训", Acting::Committee, act, ctx)?;
                self.need(stage == S::Candidate, "集中培训", "确定发展对象")?;
                if *days < policy.training_min_days
                    && *hours_tenths < policy.training_min_hours_tenths
                {
                    return Err(DevelopmentError::TrainingShort {
                        days: *days,
                        hours_tenths: *hours_tenths,
                        min_days: policy.training_min_days,
                        min_hours_tenths: policy.training_min_hours_tenths,
                    });
                }
                Ok(vec![DevelopmentEvent::Trained {
                    on,
                    days: *days,
                    hours_tenths: *hours_tenths,
                }])
            }
            C::CommitteeReview => {
                self.check_body("支部委员会审查", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Candidate && !self.sponsors.is_empty(),
                    "支部委员会审查",
                    "确定入党介绍人",
                )?;
                self.need(self.vetted, "支部委员会审查", "政治审查")?;
                self.need(self.trained.is_some(), "支部委员会审查", "集中培训")?;
                Ok(step(12, on))
            }
            C::PreReview { leaving_on } => {
                self.check_body("上级党委预审", Acting::Committee, act, ctx)?;
                self.need(
                    stage == S::Candidate && self.has(12),
                    "上级党委预审",
                    "支部委员会审查",
                )?;
                if let Some(leaving) = *leaving_on {
                    let until = Self::months_after(on, policy.leaving_soon_months)?;
                    if leaving <= until {
                        return Err(DevelopmentError::LeavingSoon {
                            leaving_on: leaving,
                        });
                    }
                }
                Ok(step(13, on))
            }
            C::FillForm => {
                self.check_body("填写入党志愿书", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Candidate && self.has(13),
                    "填写入党志愿书",
                    "上级党委预审",
                )?;
                Ok(step(14, on))
            }
            C::Admit { vote } => {
                self.check_body("支部大会讨论", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Candidate && self.has(14),
                    "支部大会讨论",
                    "填写入党志愿书",
                )?;
                Self::vote(vote)?;
                self.check_publicity(PublicityFor::Admission, on, ctx)?;
                self.check_plan(on, ctx, peers)?;
                Ok(vec![DevelopmentEvent::Admitted { on }])
            }
            C::ApprovalTalk => {
                self.check_body("上级党委派人谈话", Acting::Committee, act, ctx)?;
                self.need(
                    stage == S::AwaitingApproval,
                    "上级党委派人谈话",
                    "支部大会讨论",
                )?;
                Ok(step(16, on))
            }
            C::Approve { window } => {
                self.check_body("上级党委审批", Acting::PartyCommittee, act, ctx)?;
                self.need(
                    stage == S::AwaitingApproval && self.has(16),
                    "上级党委审批",
                    "上级党委派人谈话",
                )?;
                let admitted = self.admitted_on.ok_or(DevelopmentError::NotApplied)?;
                let months = match window {
                    ApprovalWindow::Ordinary => policy.approval_months,
                    ApprovalWindow::Special => policy.special_approval_months,
                };
                let latest = Self::months_after(admitted, months)?;
                if on > latest {
                    return Err(DevelopmentError::TooLate {
                        step: "上级党委审批",
                        latest,
                        on,
                    });
                }
                let end = Self::months_after(admitted, policy.probation_months)?;
                let probation_until = end.pred_opt().ok_or(DevelopmentError::DateOutOfRange)?;
                Ok(vec![DevelopmentEvent::Approved {
                    on,
                    probation_until,
                }])
            }
            C::FileAdmission => {
                self.check_body("再上一级党委组织部门备案", Acting::Committee, act, ctx)?;
                self.need(
                    stage == S::Probationary && !self.has(18),
                    "再上一级党委组织部门备案",
                    "上级党委审批",
                )?;
                Ok(step(18, on))
            }
            C::Swear => {
                self.check_body("入党宣誓", Acting::Branch, act, ctx)?;
                self.need(
                    stage == S::Probationary && !self.has(20),
                    "入党宣誓",
                    "上级党委审批",
                )?;
                Ok(step(20, on))
            }
            C::Confirm { .. } | C::Extend { .. } if stage == S::Probationary => {
                let name = if matches!(command, C::Confirm { .. }) {
                    "支部大会讨论转正"
                } else {
                    "延长预备期"
                };
                self.check_body(name, Acting::Branch, act, ctx)?;
                self.need(self.has(20), name, "入党宣誓")?;
                self.need(
                    self.confirmation_voted_on.is_none(),
                    name,
                    "上级党委审批转正",
                )?;
                let until = self.probation_until.ok_or(DevelopmentError::NotApplied)?;
                let earliest = until.succ_opt().ok_or(DevelopmentError::DateOutOfRange)?;
                if on < earliest {
                    return Err(DevelopmentError::TooEarly {
                        step: name,
                        earliest,
                        on,
                    });
                }
                match command {
                    C::Confirm { vote } => {
                        Self::vote(vote)?;
                        Ok(vec![DevelopmentEvent::ConfirmationVoted { on }])
                    }
                    C::Extend { months } => {
                        if self.extended {
                            return Err(DevelopmentError::AlreadyExtended);
                        }
                        if *months < policy.min_extension_months
                            || *months > policy.max_extension_months
                        {
                            return Err(DevelopmentError::ExtensionOutOfRange {
                                months: *months,
                                min: policy.min_extension_months,
                                max: policy.max_extension_months,
                            });
                        }
                        let probation_until = Self::months_after(until, *months)?;
                        Ok(vec![DevelopmentEvent::Extended { probation_until }])
                    }
                    _ => Err(DevelopmentError::NotApplied),
                }
            }
            C::Confirm { .. } | C::Extend { .. } => Err(DevelopmentError::OutOfOrder {
                command: "支部大会讨论转正",
                stage,
                missing: "上级党委审批",
            }),
            C::ApproveConfirmation => {
                self.check_body("上级党委审批转正", Acting::PartyCommittee, act, ctx)?;
                let voted = self.confirmation_voted_on;
                self.need(voted.is_some(), "上级党委审批转正", "支部大会讨论转正")?;
                let latest = Self::months_after(
                    voted.ok_or(DevelopmentError::NotApplied)?,
                    policy.approval_months,
                )?;
                if on > latest {
                    return Err(DevelopmentError::TooLate {
                        step: "上级党委审批转正",
                        latest,
                        on,
                    });
                }
                Ok(vec![DevelopmentEvent::Confirmed { on }])
            }
            C::Publicize { before } => {
                self.check_body("公示", Acting::Branch, act, ctx)?;
                let days = ctx
                    .policy
                    .publicity
                    .ok_or(DevelopmentError::NoPublicityRule)?;
                let ready = match before {
                    PublicityFor::Candidate => stage == S::Activist && self.has(4),
                    PublicityFor::Admission => stage == S::Candidate && self.has(14),
                };
                self.need(
                    ready,
                    "公示",
                    match before {
                        PublicityFor::Candidate => "上级党委备案（积极分子）",
                        PublicityFor::Admission => "填写入党志愿书",
                    },
                )?;
                let p = zugong_core::publicity::Publicity::open(on, days, ctx.calendar)
                    .map_err(DevelopmentError::Publicity)?;
                Ok(vec![DevelopmentEvent::Publicized {
                    before: *before,
                    from: p.from(),
                    until: p.until(),
                }])
            }
            C::End { reason } => {
                let who = if stage == S::Probationary {
                    Acting::PartyCommittee
                } else {
                    Acting::Committee
                };
                self.check_body("终止", who, act, ctx)?;
                if reason.trim().is_empty() {
                    return Err(DevelopmentError::BlankReason);
                }
                Ok(vec![DevelopmentEvent::Ended {
                    reason: reason.clone(),
                }])
            }
        }
    }

    fn apply(&mut self, event: &DevelopmentEvent, _: &Applying) {
        use DevelopmentEvent as E;
        use DevelopmentStage as S;
        match event {
            E::Applied { applicant, on } => {
                self.applicant = Some(applicant.clone());
                self.applied_on = Some(*on);
                self.steps.push((1, *on));
                self.stage = S::Applicant;
            }
            E::Talked { on, late } => {
                self.talked_late = Some(*late);
                self.steps.push((2, *on));
            }
            E::ActivistChosen { on, contacts, .. } => {
                self.contacts = contacts.clone();
                self.activist_on = Some(*on);
                self.steps.push((3, *on));
                self.steps.push((5, *on));
                self.stage = S::Activist;
            }
            E::StepDone { step, on } => {
                match step {
                    6 => self.assessments.push(*on),
                    10 => self.vetted = true,
                    _ => {}
                }
                self.steps.push((*step, *on));
            }
            E::CandidateChosen { on } => {
                self.candidate_on = Some(*on);
                self.steps.push((7, *on));
                self.stage = S::Candidate;
            }
            E::SponsorsNamed { on, sponsors } => {
                self.sponsors = sponsors.clone();
                self.steps.push((9, *on));
            }
            E::Trained {
                on,
                days,
                hours_tenths,
            } => {
                self.trained = Some((*days, *hours_tenths));
                self.steps.push((11, *on));
            }
            E::Admitted { on } => {
                self.admitted_on = Some(*on);
                self.steps.push((15, *on));
                self.stage = S::AwaitingApproval;
            }
            E::Approved {
                on,
                probation_until,
            } => {
                self.probation_until = Some(*probation_until);
                self.steps.push((17, *on));
                self.steps.push((19, *on));
                self.stage = S::Probationary;
            }
            E::ConfirmationVoted { on } => {
                self.confirmation_voted_on = Some(*on);
                self.steps.push((23, *on));
            }
            E::Extended { probation_until } => {
                self.probation_until = Some(*probation_until);
                self.extended = true;
            }
            E::Confirmed { on } => {
                self.full_member_on = Some(*on);
                self.steps.push((24, *on));
                self.stage = S::FullMember;
            }
            E::Publicized {
                before,
                from,
                until,
            } => {
                self.publicities.insert(
                    *before,
                    zugong_core::publicity::Publicity::between(*from, *until),
                );
            }
            E::Ended { reason } => {
                self.ended = Some(reason.clone());
                self.stage = S::Ended;
            }
        }
    }
}
