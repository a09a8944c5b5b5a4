//! Coverage planning (兜底): seat every member in a tier so that nobody is left out.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::{MemberId, OrgTree, OrgUnitId, TrainingClassId, UnitSlot};

use crate::{MemberGroup, TierPolicy, TrainingTier};

/// A member to be seated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageMember {
    /// The member.
    pub member: MemberId,
    /// The member's branch.
    pub unit: OrgUnitId,
    /// The groups the member belongs to (at least [`MemberGroup::Member`]).
    pub groups: Vec<MemberGroup>,
    /// Days the member cannot attend (both ends included), e.g. 外出务工.
    pub unavailable: Vec<(NaiveDate, NaiveDate)>,
}

/// A planned class offering seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageClass {
    /// The class.
    pub class: TrainingClassId,
    /// Its tier.
    pub tier: TrainingTier,
    /// The organizing committee; members of its subtree may attend.
    pub organizer: OrgUnitId,
    /// The groups it seats.
    pub targets: Vec<MemberGroup>,
    /// Seats.
    pub capacity: u32,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
}

/// Why a member could not be seated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UncoveredReason {
    /// Schedule: no class of any tier is planned for the member's unit and groups.
    NoClassScheduled,
    /// Conflict: classes exist, but the member is unavailable on the dates of every one.
    Conflict,
    /// Capacity: classes exist and fit the member's dates, but every seat is taken.
    Capacity,
}

zugong_core::official_terms!(UncoveredReason, "未覆盖原因 (reason uncovered)", {
    NoClassScheduled => "未安排班次",
    Conflict => "时间冲突",
    Capacity => "名额不足",
});

/// A member seated in a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The member.
    pub member: MemberId,
    /// The class.
    pub class: TrainingClassId,
    /// The class's tier.
    pub tier: TrainingTier,
}

/// The plan: every member either seated once or reported with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoveragePlan {
    /// Seated members.
    pub assignments: Vec<Assignment>,
    /// Members no class could seat, with why.
    pub uncovered: Vec<(MemberId, UncoveredReason)>,
}

impl CoveragePlan {
    /// Members seated by each tier.
    #[must_use]
    pub fn seated_by_tier(&self) -> [usize; 3] {
        let mut out = [0usize; 3];
        for a in &self.assignments {
            if let Some(n) = out.get_mut(a.tier as usize) {
                *n += 1;
            }
        }
        out
    }
}

/// Input that cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoverageError {
    /// A member's or class's unit is not in the tree.
    #[error("unknown org unit {0}")]
    UnknownUnit(OrgUnitId),
    /// A member is listed twice.
    #[error("member {0} is listed twice")]
    DuplicateMember(MemberId),
}

fn available(m: &CoverageMember, c: &CoverageClass) -> bool {
    !m.unavailable
        .iter()
        .any(|(from, to)| *from <= c.ends_on && *to >= c.starts_on)
}

fn targeted(m: &CoverageMember, c: &CoverageClass) -> bool {
    m.groups.iter().any(|g| c.targets.contains(g))
}

/// Whether the tier takes this member at all: the city and county tiers take the groups the
/// policy gives them; the grassroots tier takes everyone (兜底).
fn tier_takes(policy: &TierPolicy, tier: TrainingTier, m: &CoverageMember) -> bool {
    let groups: &[MemberGroup] = match tier {
        TrainingTier::CityKey => &policy.city_groups,
        TrainingTier::CountyUniversal => &policy.county_groups,
        TrainingTier::GrassrootsFallback => return true,
    };
    m.groups.iter().any(|g| groups.contains(g))
}

/// Plans who attends which class: the city tier seats its key groups first, then the county
/// tier every member it can, then the grassroots committees everyone left (兜底,
/// 《中国共产党党员教育管理工作条例》 第二十条、第四十条). Within a tier the classes of the deepest
/// organizers are filled first, so that a seat any member could use is not taken by one who had
/// a narrower choice; in a tree of nested scopes this seats everyone whenever the seats suffice.
///
/// Each member is seated at most once; every member not seated is reported with a reason.
/// Runs in O(members · log + classes + seats scanned) using the tree's preorder.
///
/// # Errors
/// [`CoverageError::UnknownUnit`] for a unit outside the tree;
/// [`CoverageError::DuplicateMember`] for a member listed twice.
pub fn plan_coverage(
    tree: &OrgTree,
    members: &[CoverageMember],
    classes: &[CoverageClass],
    policy: &TierPolicy,
) -> Result<CoveragePlan, CoverageError> {
    // Preorder position of every slot.
    let mut pos = vec![0u32; tree.len()];
    for (i, s) in tree.preorder().enumerate() {
        if let Some(p) = pos.get_mut(s.index()) {
            *p = u32::try_from(i).unwrap_or(u32::MAX);
        }
    }
    let pos_of = |unit: OrgUnitId| -> Result<(UnitSlot, u32), CoverageError> {
        let slot = tree.slot(unit).ok_or(CoverageError::UnknownUnit(unit))?;
        Ok((slot, pos.get(slot.index()).copied().unwrap_or(0)))
    };

    // Members ordered by the preorder position of their unit: a subtree is a contiguous run.
    let mut order: Vec<(u32, usize)> = Vec::with_capacity(members.len());
    let mut seen = HashMap::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        if seen.insert(m.member, ()).is_some() {
            return Err(CoverageError::DuplicateMember(m.member));
        }
        order.push((pos_of(m.unit)?.1, i));
    }
    order.sort_unstable();
    let sorted_pos: Vec<u32> = order.iter().map(|(p, _)| *p).collect();

    // Classes with their scope [first, last] in preorder positions and their depth.
    let mut scoped = Vec::with_capacity(classes.len());
    for (ci, c) in classes.iter().enumerate() {
        let (slot, first) = pos_of(c.organizer)?;
        let len = u32::try_from(tree.subtree_slots(slot).len()).unwrap_or(u32::MAX);
        let depth = tree
            .depth(c.organizer)
            .map_err(|_| CoverageError::UnknownUnit(c.organizer))?;
        scoped.push((
            c.tier,
            std::cmp::Reverse(depth),
            c.starts_on,
            ci,
            first,
            first.saturating_add(len).saturating_sub(1),
        ));
    }
    scoped.sort_unstable();

    // `next[i]`: the next position ≥ i in `order` whose member is not yet seated (skip list).
    let n = order.len();
    let mut next: Vec<usize> = (0..=n).collect();
    fn find(next: &mut [usize], mut i: usize) -> usize {
        let mut root = i;
        while let Some(&p) = next.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        while let Some(&p) = next.get(i) {
            if p == root {
                break;
            }
            if let Some(slot) = next.get_mut(i) {
                *slot = root;
            }
            i = p;
        }
        root
    }

    let mut seated = vec![false; n];
    let mut plan = CoveragePlan::default();
    for &(tier, _, _, ci, first, last) in &scoped {
        let Some(class) = classes.get(ci) else {
            continue;
        };
        let mut left = class.capacity;
        let start = sorted_pos.partition_point(|p| *p < first);
        let end = sorted_pos.partition_point(|p| *p <= last);
        let mut i = find(&mut next, start);
        while left > 0 && i < end {
            let Some(&(_, mi)) = order.get(i) else { break };
            let Some(m) = members.get(mi) else { break };
            if tier_takes(policy, tier, m) && targeted(m, class) && available(m, class) {
                plan.assignments.push(Assignment {
                    member: m.member,
                    class: class.class,
                    tier,
                });
                if let Some(s) = seated.get_mut(i) {
                    *s = true;
                }
                if let Some(nx) = next.get_mut(i) {
                    *nx = i + 1;
                }
                left -= 1;
            }
            i = find(&mut next, i + 1);
        }
    }

    // Reasons for those left, from the classes of the committees above them.
    let mut by_organizer: HashMap<OrgUnitId, Vec<usize>> = HashMap::new();
    for (ci, c) in classes.iter().enumerate() {
        by_organizer.entry(c.organizer).or_default().push(ci);
    }
    for (i, &(_, mi)) in order.iter().enumerate() {
        if seated.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(m) = members.get(mi) else { continue };
        let scopes = std::iter::once(m.unit).chain(
            tree.ancestors(m.unit)
                .map_err(|_| CoverageError::UnknownUnit(m.unit))?
                .map(|u| u.id),
        );
        let mut any_class = false;
        let mut any_available = false;
        for c in scopes
            .filter_map(|u| by_organizer.get(&u))
            .flatten()
            .filter_map(|ci| classes.get(*ci))
            .filter(|c| tier_takes(policy, c.tier, m) && targeted(m, c))
        {
            any_class = true;
            any_available |= available(m, c);
        }
        let reason = match (any_class, any_available) {
            (false, _) => UncoveredReason::NoClassScheduled,
            (true, false) => UncoveredReason::Conflict,
            (true, true) => UncoveredReason::Capacity,
        };
        plan.uncovered.push((m.member, reason));
    }
    Ok(plan)
}
