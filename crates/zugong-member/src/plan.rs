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

/// One committee's 发展党员计划 of a year: at most `admissions` new 预备党员 in its subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevelopmentPlan {
    /// The committee (a 基层党委 or above) the plan is for.
    pub committee: OrgUnitId,
    /// The year.
    pub year: i32,
    /// Admissions (支部大会 接收预备党员) the plan allows in the committee's subtree.
    pub admissions: u32,
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
