//! 发展党员计划: each committee's yearly plan — how many to admit — and the two signals an
//! inspection looks for: admissions beyond the plan and 突击发展 (several admitted at one
//! meeting). 细则 Art 3: 有领导、有计划地进行; 禁止突击发展.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::{Citation, OrgTree, OrgUnitId, SourceStatus};

/// 细则 Art 3 (the general requirement: planned development, no rush).
pub(crate) const ART_3_PLAN: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第三条",
    SourceStatus::Secondary,
);

/// One committee's 发展党员计划 of a year: at most `admissions` new 预备党员 in its subtree,
/// and the structure the admissions should have (shares of 一线, 青年, 女性…: data, as the
/// upper committee sets them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DevelopmentPlan {
    /// The committee (a 基层党委 or above) the plan is for.
    pub committee: OrgUnitId,
    /// The year.
    pub year: i32,
    /// Admissions (支部大会 接收预备党员) the plan allows in the committee's subtree.
    pub admissions: u32,
    /// The structure: each group's least share of the admissions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub structure: Vec<PlanShare>,
}

impl DevelopmentPlan {
    /// A plan of `admissions` for `committee` in `year`, with no structure.
    #[must_use]
    pub const fn new(committee: OrgUnitId, year: i32, admissions: u32) -> Self {
        Self {
            committee,
            year,
            admissions,
            structure: Vec::new(),
        }
    }

    /// The same plan, asking at least `at_least_permille` ‰ of the admissions from `group`.
    #[must_use]
    pub fn with_share(mut self, group: PlanGroup, at_least_permille: u32) -> Self {
        self.structure.push(PlanShare {
            group,
            at_least_permille: at_least_permille.min(1000),
        });
        self
    }

    /// The groups whose share of `admitted` (each admission's groups) falls short of the
    /// structure, in the structure's order. No admissions: nothing falls short.
    ///
    /// ```
    /// use zugong_core::OrgUnitId;
    /// use zugong_member::{DevelopmentPlan, PlanGroup};
    /// let town = OrgUnitId::from_uuid(uuid::Uuid::from_u128(1));
    /// let plan = DevelopmentPlan::new(town, 2026, 10).with_share(PlanGroup::Youth, 600);
    /// let young = [PlanGroup::Youth];
    /// let admitted: Vec<&[PlanGroup]> = vec![&young, &young, &[], &[]];
    /// let short = plan.structure_shortfalls(&admitted);
    /// assert_eq!((short[0].group, short[0].got_permille), (PlanGroup::Youth, 500));
    /// ```
    #[must_use]
    pub fn structure_shortfalls(&self, admitted: &[&[PlanGroup]]) -> Vec<StructureShortfall> {
        if admitted.is_empty() {
            return Vec::new();
        }
        let total = admitted.len() as u64;
        self.structure
            .iter()
            .filter_map(|share| {
                let n = admitted.iter().filter(|g| g.contains(&share.group)).count() as u64;
                let got = u32::try_from(n * 1000 / total).unwrap_or(1000);
                (n * 1000 < u64::from(share.at_least_permille) * total).then_some(
                    StructureShortfall {
                        group: share.group,
                        wanted_permille: share.at_least_permille,
                        got_permille: got,
                    },
                )
            })
            .collect()
    }
}

/// 发展党员结构: the groups a plan's structure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanGroup {
    /// 生产、工作一线.
    FrontLine,
    /// 青年 (35岁及以下).
    Youth,
    /// 女性.
    Women,
    /// 少数民族.
    EthnicMinority,
    /// 高知识群体.
    HighlyEducated,
}

impl PlanGroup {
    /// 青年 in a plan's structure: 35 and under (35岁及以下) on the day, the age line of youth in
    /// development statistics.
    ///
    /// # Provisional
    /// The line is the one the Party's statistics use; a province may set its own plan groups.
    pub const YOUTH_MAX_AGE: u32 = 35;

    /// Whether someone born on `born` counts as 青年 on `day` (not yet 36).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zugong_member::PlanGroup;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// assert!(PlanGroup::is_youth(d(1990, 6, 1), d(2026, 5, 31)));
    /// assert!(!PlanGroup::is_youth(d(1990, 6, 1), d(2026, 6, 1)));
    /// ```
    #[must_use]
    pub fn is_youth(born: NaiveDate, day: NaiveDate) -> bool {
        zugong_core::dates::add_years(born, Self::YOUTH_MAX_AGE + 1)
            .is_some_and(|limit| day < limit)
    }
}

zugong_core::official_terms!(PlanGroup, "发展党员结构 (plan group)", {
    FrontLine => "一线" | "生产工作一线",
    Youth => "青年",
    Women => "女性",
    EthnicMinority => "少数民族",
    HighlyEducated => "高知识群体",
});

/// One group's least share of a plan's admissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanShare {
    /// The group.
    pub group: PlanGroup,
    /// At least this share, in ‰.
    pub at_least_permille: u32,
}

/// A group whose share of the admissions fell short of the plan's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StructureShortfall {
    /// The group.
    pub group: PlanGroup,
    /// The share the plan asked, ‰.
    pub wanted_permille: u32,
    /// The share admitted, ‰.
    pub got_permille: u32,
}

impl StructureShortfall {
    /// The rule: planned development (细则 第三条), the structure set by the upper committee.
    #[must_use]
    pub const fn citation(&self) -> Citation {
        ART_3_PLAN
    }
}

/// The plans in force, and what happens beyond them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DevelopmentPlans {
    /// The plans (none: no plan is checked).
    pub plans: Vec<DevelopmentPlan>,
}

impl DevelopmentPlans {
    /// The plan covering an admission at `branch` in `year`: the nearest committee above the
    /// branch with a plan for that year.
    #[must_use]
    pub fn covering(
        &self,
        tree: &OrgTree,
        branch: OrgUnitId,
        year: i32,
    ) -> Option<&DevelopmentPlan> {
        let ancestors: Vec<OrgUnitId> = tree
            .ancestors(branch)
            .map(|a| a.map(|u| u.id).collect())
            .unwrap_or_default();
        ancestors.into_iter().find_map(|c| {
            self.plans
                .iter()
                .find(|p| p.committee == c && p.year == year)
        })
    }
}

/// Several admitted at one 支部大会: the branch, the day and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RushedMeeting {
    /// The branch.
    pub branch: OrgUnitId,
    /// The day of the meeting.
    pub on: NaiveDate,
    /// Admitted that day.
    pub admitted: u32,
}

/// 突击发展: the 支部大会 that admitted more than `threshold` at once, from the admissions
/// (branch and day) of a journal's paths.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::OrgUnitId;
/// use zugong_member::rushed_meetings;
/// let b = OrgUnitId::from_uuid(uuid::Uuid::from_u128(2));
/// let day = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
/// let admissions = vec![(b, day); 4];
/// assert_eq!(rushed_meetings(admissions.clone(), 3).len(), 1);
/// assert!(rushed_meetings(admissions, 4).is_empty());
/// ```
#[must_use]
pub fn rushed_meetings(
    admissions: impl IntoIterator<Item = (OrgUnitId, NaiveDate)>,
    threshold: u32,
) -> Vec<RushedMeeting> {
    let mut by_meeting: BTreeMap<(OrgUnitId, NaiveDate), u32> = BTreeMap::new();
    for a in admissions {
        *by_meeting.entry(a).or_default() += 1;
    }
    by_meeting
        .into_iter()
        .filter(|(_, n)| *n > threshold)
        .map(|((branch, on), admitted)| RushedMeeting {
            branch,
            on,
            admitted,
        })
        .collect()
}
