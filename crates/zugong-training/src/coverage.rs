//! Coverage planning (兜底): seat every member in a tier so that nobody is left out.

use std::collections::{BTreeSet, HashMap, VecDeque};

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
/// organizers are filled first. A second pass then seats whoever is still left by moving seated
/// members to other classes they can attend (augmenting paths, as in bipartite matching), so
/// the plan leaves nobody out whenever some assignment of the seats would seat everyone.
///
/// Each member is seated at most once; every member not seated is reported with a reason.
/// The first pass runs in O(members · log + classes + members scanned), using the tree's
/// preorder; the second pass only runs while free seats remain.
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
    let mut planner = Planner::new(tree, members, classes, policy)?;
    planner.seat_by_tier();
    planner.repair();
    planner.into_plan()
}

/// The planning state: members sorted by the preorder position of their unit, so that every
/// class's scope is a contiguous run of them.
struct Planner<'a> {
    tree: &'a OrgTree,
    members: &'a [CoverageMember],
    classes: &'a [CoverageClass],
    policy: &'a TierPolicy,
    /// (preorder position of the member's unit, index into `members`), sorted.
    order: Vec<(u32, usize)>,
    /// Scope of each class as preorder positions `first..=last`, and its organizer's depth.
    scope: Vec<(u32, u32, u32)>,
    /// Class each sorted member sits in.
    seat: Vec<Option<usize>>,
    /// Members (sorted indices, hence in preorder) seated in each class.
    seated: Vec<BTreeSet<usize>>,
    /// Each class's members as a range of sorted indices `lo..hi`.
    member_range: Vec<(usize, usize)>,
    /// Classes by the preorder position of their organizer, sorted.
    by_position: Vec<(u32, usize)>,
    /// Classes by organizer.
    by_organizer: HashMap<OrgUnitId, Vec<usize>>,
    /// Seats still free over all classes.
    free_seats: u64,
    /// Classes from which no free seat can be reached (a failed search explored them); by the
    /// augmenting-path lemma they stay so for the rest of the plan.
    dead: Vec<bool>,
    /// [`Planner::related`], computed once per class when first needed.
    related_cache: Vec<Option<Vec<usize>>>,
}

impl<'a> Planner<'a> {
    fn new(
        tree: &'a OrgTree,
        members: &'a [CoverageMember],
        classes: &'a [CoverageClass],
        policy: &'a TierPolicy,
    ) -> Result<Self, CoverageError> {
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
        let mut order = Vec::with_capacity(members.len());
        let mut seen = HashMap::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            if seen.insert(m.member, ()).is_some() {
                return Err(CoverageError::DuplicateMember(m.member));
            }
            order.push((pos_of(m.unit)?.1, i));
        }
        order.sort_unstable();
        let mut scope = Vec::with_capacity(classes.len());
        let mut by_organizer: HashMap<OrgUnitId, Vec<usize>> = HashMap::new();
        for (ci, c) in classes.iter().enumerate() {
            let (slot, first) = pos_of(c.organizer)?;
            let len = u32::try_from(tree.subtree_slots(slot).len()).unwrap_or(u32::MAX);
            let depth = tree
                .depth(c.organizer)
                .map_err(|_| CoverageError::UnknownUnit(c.organizer))?;
            scope.push((first, first.saturating_add(len).saturating_sub(1), depth));
            by_organizer.entry(c.organizer).or_default().push(ci);
        }
        let n = order.len();
        let member_range = scope
            .iter()
            .map(|&(first, last, _)| {
                (
                    order.partition_point(|(p, _)| *p < first),
                    order.partition_point(|(p, _)| *p <= last),
                )
            })
            .collect();
        let mut by_position: Vec<(u32, usize)> =
            scope.iter().enumerate().map(|(ci, s)| (s.0, ci)).collect();
        by_position.sort_unstable();
        let free_seats = classes.iter().map(|c| u64::from(c.capacity)).sum();
        Ok(Self {
            tree,
            members,
            classes,
            policy,
            order,
            scope,
            seat: vec![None; n],
            seated: vec![BTreeSet::new(); classes.len()],
            member_range,
            by_position,
            by_organizer,
            free_seats,
            dead: vec![false; classes.len()],
            related_cache: vec![None; classes.len()],
        })
    }

    fn member(&self, i: usize) -> Option<&'a CoverageMember> {
        self.order.get(i).and_then(|(_, mi)| self.members.get(*mi))
    }

    fn free(&self, ci: usize) -> bool {
        let taken = self.seated.get(ci).map_or(usize::MAX, BTreeSet::len);
        self.classes
            .get(ci)
            .is_some_and(|c| usize::try_from(c.capacity).unwrap_or(usize::MAX) > taken)
    }

    /// Whether sorted member `i` may sit in class `ci`.
    fn eligible(&self, i: usize, ci: usize) -> bool {
        let (Some(&(p, _)), Some(m), Some(c), Some(&(first, last, _))) = (
            self.order.get(i),
            self.member(i),
            self.classes.get(ci),
            self.scope.get(ci),
        ) else {
            return false;
        };
        p >= first
            && p <= last
            && tier_takes(self.policy, c.tier, m)
            && targeted(m, c)
            && available(m, c)
    }

    /// Classes organized by the member's unit or a unit above it, whose tier and targets take
    /// the member (availability not checked).
    fn candidates(&self, i: usize) -> Vec<usize> {
        let Some(m) = self.member(i) else {
            return Vec::new();
        };
        let above = self
            .tree
            .ancestors(m.unit)
            .into_iter()
            .flatten()
            .map(|u| u.id);
        std::iter::once(m.unit)
            .chain(above)
            .filter_map(|u| self.by_organizer.get(&u))
            .flatten()
            .copied()
            .filter(|ci| {
                self.classes
                    .get(*ci)
                    .is_some_and(|c| tier_takes(self.policy, c.tier, m) && targeted(m, c))
            })
            .collect()
    }

    fn sit(&mut self, i: usize, ci: usize) {
        match self.seat.get(i).copied().flatten() {
            Some(old) => {
                if let Some(list) = self.seated.get_mut(old) {
                    list.remove(&i);
                }
            }
            None => self.free_seats = self.free_seats.saturating_sub(1),
        }
        if let Some(s) = self.seat.get_mut(i) {
            *s = Some(ci);
        }
        if let Some(list) = self.seated.get_mut(ci) {
            list.insert(i);
        }
    }

    /// [`Planner::related_uncached`], remembered.
    fn related(&mut self, a: usize) -> Vec<usize> {
        if let Some(Some(r)) = self.related_cache.get(a) {
            return r.clone();
        }
        let r = self.related_uncached(a);
        if let Some(slot) = self.related_cache.get_mut(a) {
            *slot = Some(r.clone());
        }
        r
    }

    /// Classes whose scope is nested with `a`'s: organized inside its subtree or above it.
    fn related_uncached(&self, a: usize) -> Vec<usize> {
        let Some(&(first, last, _)) = self.scope.get(a) else {
            return Vec::new();
        };
        let lo = self.by_position.partition_point(|(p, _)| *p < first);
        let hi = self.by_position.partition_point(|(p, _)| *p <= last);
        let mut out: Vec<usize> = self
            .by_position
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .map(|(_, ci)| *ci)
            .collect();
        if let Some(c) = self.classes.get(a) {
            let above = self.tree.ancestors(c.organizer).into_iter().flatten();
            out.extend(
                above
                    .filter_map(|u| self.by_organizer.get(&u.id))
                    .flatten()
                    .copied(),
            );
        }
        out.retain(|b| *b != a);
        out
    }

    /// First pass: tiers top-down, deepest organizers first, members in preorder.
    fn seat_by_tier(&mut self) {
        let mut by_priority: Vec<usize> = (0..self.classes.len()).collect();
        by_priority.sort_by_key(|ci| {
            let c = self.classes.get(*ci);
            let depth = self.scope.get(*ci).map_or(0, |s| s.2);
            (
                c.map(|c| c.tier),
                std::cmp::Reverse(depth),
                c.map(|c| c.starts_on),
                *ci,
            )
        });
        let sorted_pos: Vec<u32> = self.order.iter().map(|(p, _)| *p).collect();
        // `next[i]`: the next sorted member ≥ i not yet seated (a skip list with path halving).
        let n = self.order.len();
        let mut next: Vec<usize> = (0..=n).collect();
        let find = |next: &mut Vec<usize>, mut i: usize| -> usize {
            while let Some(&p) = next.get(i) {
                if p == i {
                    break;
                }
                let grand = next.get(p).copied().unwrap_or(p);
                if let Some(slot) = next.get_mut(i) {
                    *slot = grand;
                }
                i = p;
            }
            i
        };
        for ci in by_priority {
            let Some(&(first, last, _)) = self.scope.get(ci) else {
                continue;
            };
            let start = sorted_pos.partition_point(|p| *p < first);
            let end = sorted_pos.partition_point(|p| *p <= last);
            let mut i = find(&mut next, start);
            while i < end && self.free(ci) {
                if self.eligible(i, ci) {
                    self.sit(i, ci);
                    if let Some(nx) = next.get_mut(i) {
                        *nx = i + 1;
                    }
                }
                i = find(&mut next, i + 1);
            }
        }
    }

    /// Second pass: for each member still left, look for a chain of moves that frees a seat
    /// for them (breadth-first over classes), while any class has a free seat.
    fn repair(&mut self) {
        for i in 0..self.order.len() {
            if self.free_seats == 0 {
                return;
            }
            if self.seat.get(i).copied().flatten().is_none() {
                self.augment(i);
            }
        }
    }

    /// Breadth-first search over classes: from the classes `start` may attend, through
    /// occupants who could move to a related class, to a class with a free seat; then every
    /// mover on the path moves one step and `start` takes the first seat.
    fn augment(&mut self, start: usize) {
        // For each class reached: (the class the mover comes from, the member who moves in).
        let mut reached: HashMap<usize, (Option<usize>, usize)> = HashMap::new();
        let mut queue = VecDeque::new();
        for ci in self.candidates(start) {
            if self.dead.get(ci).copied().unwrap_or(true) || !self.eligible(start, ci) {
                continue;
            }
            if self.free(ci) {
                self.sit(start, ci);
                return;
            }
            reached.insert(ci, (None, start));
            queue.push_back(ci);
        }
        while let Some(a) = queue.pop_front() {
            for b in self.related(a) {
                if reached.contains_key(&b) || self.dead.get(b).copied().unwrap_or(true) {
                    continue;
                }
                let (lo, hi) = self.member_range.get(b).copied().unwrap_or((0, 0));
                let Some(v) = self
                    .seated
                    .get(a)
                    .and_then(|set| set.range(lo..hi).copied().find(|v| self.eligible(*v, b)))
                else {
                    continue;
                };
                if self.free(b) {
                    // v moves a → b; then walk back, each mover taking the freed seat.
                    self.sit(v, b);
                    let mut at = a;
                    while let Some(&(from, mover)) = reached.get(&at) {
                        self.sit(mover, at);
                        match from {
                            Some(f) => at = f,
                            None => break,
                        }
                    }
                    return;
                }
                reached.insert(b, (Some(a), v));
                queue.push_back(b);
            }
        }
        // No free seat is reachable from anything explored: those classes are dead.
        for c in reached.keys() {
            if let Some(d) = self.dead.get_mut(*c) {
                *d = true;
            }
        }
    }

    fn into_plan(self) -> Result<CoveragePlan, CoverageError> {
        let mut plan = CoveragePlan::default();
        for (i, seat) in self.seat.iter().enumerate() {
            let Some(m) = self.member(i) else { continue };
            match seat.and_then(|ci| self.classes.get(ci)) {
                Some(c) => plan.assignments.push(Assignment {
                    member: m.member,
                    class: c.class,
                    tier: c.tier,
                }),
                None => {
                    let candidates = self.candidates(i);
                    let any_available = candidates
                        .iter()
                        .filter_map(|ci| self.classes.get(*ci))
                        .any(|c| available(m, c));
                    let reason = match (candidates.is_empty(), any_available) {
                        (true, _) => UncoveredReason::NoClassScheduled,
                        (false, false) => UncoveredReason::Conflict,
                        (false, true) => UncoveredReason::Capacity,
                    };
                    plan.uncovered.push((m.member, reason));
                }
            }
        }
        Ok(plan)
    }
}
