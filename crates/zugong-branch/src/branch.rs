//! Branches as organizations: members, the branch committee (支委会) and its vacancies.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, OrgUnitId, PersonId, UnitKind, citation::sources};

use crate::ElectionResult;

/// 支委会职务: a seat on the branch committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeRole {
    /// 书记.
    Secretary,
    /// 副书记.
    DeputySecretary,
    /// 组织委员.
    Organization,
    /// 宣传委员.
    Publicity,
    /// 纪检委员.
    Discipline,
    /// 委员 (other).
    Member,
}

zugong_core::official_terms!(CommitteeRole, "支委会职务 (committee role)", {
    Secretary => "书记",
    DeputySecretary => "副书记",
    Organization => "组织委员",
    Publicity => "宣传委员",
    Discipline => "纪检委员",
    Member => "委员",
});

/// One seat: who holds it, or since when it is vacant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeSeat {
    /// The role.
    pub role: CommitteeRole,
    /// The holder, if any.
    pub holder: Option<PersonId>,
    /// Since when the seat is vacant, if it is.
    pub vacant_since: Option<NaiveDate>,
}

/// 党支部: a branch as an organization — its host kind, members and committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// The branch's unit in the org tree.
    pub unit: OrgUnitId,
    /// 领域: 农村, 社区, 机关, 事业单位, 国有企业, 非公企业, 社会组织, 新就业群体….
    pub kind: UnitKind,
    /// 正式党员.
    pub full_members: u32,
    /// 预备党员.
    pub probationary_members: u32,
    /// The committee's seats (with a single 书记 seat where there is no committee).
    pub seats: Vec<CommitteeSeat>,
}

/// Branch structure rules (《中国共产党支部工作条例（试行）》(2018), secondary): a branch needs
/// at least 3 full members and normally has at most 50; from 7 full members it has a committee
/// of 3–5 (at most 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct BranchStructurePolicy {
    /// Fewest full members for a branch of one's own (else a 联合党支部): 3.
    pub min_full_members: u32,
    /// Normal most members: 50.
    pub soft_max_members: u32,
    /// Full members from which a committee is required: 7.
    pub committee_required_at: u32,
    /// Committee size, normal range: 3–5.
    pub committee_size: (u32, u32),
    /// Committee size, hard maximum: 7.
    pub committee_max: u32,
}

zugong_core::validated_policy_serde!(BranchStructurePolicy);

impl Default for BranchStructurePolicy {
    fn default() -> Self {
        Self {
            min_full_members: 3,
            soft_max_members: 50,
            committee_required_at: 7,
            committee_size: (3, 5),
            committee_max: 7,
        }
    }
}

impl Policy for BranchStructurePolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        [
            "min_full_members",
            "soft_max_members",
            "committee_required_at",
            "committee_size",
            "committee_max",
        ]
        .into_iter()
        .map(|f| (f, sources::BRANCH_WORK_RULES))
        .collect()
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        let rule = sources::BRANCH_WORK_RULES;
        PolicyError::at_least(
            "min_full_members",
            self.min_full_members,
            national.min_full_members,
            rule.clone(),
        )?;
        PolicyError::at_most(
            "committee_required_at",
            self.committee_required_at,
            national.committee_required_at,
            rule.clone(),
        )?;
        PolicyError::at_most(
            "committee_max",
            self.committee_max,
            national.committee_max,
            rule,
        )?;
        PolicyError::within(
            "soft_max_members",
            self.soft_max_members,
            self.min_full_members,
            u32::MAX,
        )?;
        let (lo, hi) = self.committee_size;
        if lo == 0 || lo > hi || hi > self.committee_max {
            return Err(PolicyError::Invalid {
                field: "committee_size",
                reason: format!("{lo}–{hi} with a maximum of {}", self.committee_max),
            });
        }
        Ok(())
    }
}

/// A structural problem of a branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructureFinding {
    /// Fewer full members than a branch needs.
    TooFewMembers {
        /// Full members.
        full: u32,
    },
    /// More members than normal (consider a 党总支).
    Oversized {
        /// Members.
        members: u32,
    },
    /// A committee is required and missing or too small.
    CommitteeRequired {
        /// Seats filled.
        filled: u32,
    },
    /// More committee seats than allowed.
    CommitteeTooLarge {
        /// Seats.
        seats: u32,
    },
    /// A vacant seat.
    VacantSeat {
        /// The role.
        role: CommitteeRole,
        /// Since.
        since: Option<NaiveDate>,
    },
}

/// 分工: the role one elected member takes on the new committee (书记, 副书记 and the
/// 委员 with a portfolio are divided at the committee's first meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SeatAssignment {
    /// The role.
    pub role: CommitteeRole,
    /// The elected member who takes it.
    pub holder: PersonId,
}

impl SeatAssignment {
    /// `holder` takes `role`.
    #[must_use]
    pub const fn new(role: CommitteeRole, holder: PersonId) -> Self {
        Self { role, holder }
    }
}

/// Why a committee cannot be seated from an election.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeatingError {
    /// A role given to someone the election did not elect.
    #[error("{role} given to {holder}, who was not elected")]
    NotElected {
        /// The role.
        role: CommitteeRole,
        /// The person.
        holder: PersonId,
    },
    /// One person given two roles.
    #[error("{holder} given two roles")]
    TwoRoles {
        /// The person.
        holder: PersonId,
    },
    /// A role that only one may hold (all but 委员) given twice.
    #[error("{role} given twice")]
    RoleTwice {
        /// The role.
        role: CommitteeRole,
    },
}

impl Branch {
    /// Seats the committee an election returned (换届): every elected member takes the role
    /// `roles` gives them (委员 otherwise); each place the election left unfilled
    /// ([`ElectionResult::unfilled`], for a 另行选举) and the 书记 when no one is given it are
    /// vacant from `on`. The previous seats are replaced; the members are not changed.
    ///
    /// # Errors
    /// [`SeatingError`] when a role goes to someone not elected, one person gets two roles, or
    /// a single role is given twice; the seats are then left as they were.
    pub fn seat_elected(
        &mut self,
        result: &ElectionResult,
        roles: &[SeatAssignment],
        on: NaiveDate,
    ) -> Result<(), SeatingError> {
        let mut seats = Vec::with_capacity(result.elected.len());
        for (i, a) in roles.iter().enumerate() {
            if !result.elected.contains(&a.holder) {
                return Err(SeatingError::NotElected {
                    role: a.role,
                    holder: a.holder,
                });
            }
            let earlier = roles.get(..i).unwrap_or_default();
            if earlier.iter().any(|b| b.holder == a.holder) {
                return Err(SeatingError::TwoRoles { holder: a.holder });
            }
            if a.role != CommitteeRole::Member && earlier.iter().any(|b| b.role == a.role) {
                return Err(SeatingError::RoleTwice { role: a.role });
            }
        }
        if !roles.iter().any(|a| a.role == CommitteeRole::Secretary) {
            seats.push(CommitteeSeat {
                role: CommitteeRole::Secretary,
                holder: None,
                vacant_since: Some(on),
            });
        }
        for holder in &result.elected {
            let role = roles
                .iter()
                .find(|a| a.holder == *holder)
                .map_or(CommitteeRole::Member, |a| a.role);
            seats.push(CommitteeSeat {
                role,
                holder: Some(*holder),
                vacant_since: None,
            });
        }
        for _ in 0..result.unfilled {
            seats.push(CommitteeSeat {
                role: CommitteeRole::Member,
                holder: None,
                vacant_since: Some(on),
            });
        }
        seats.sort_by_key(|s| s.role);
        self.seats = seats;
        Ok(())
    }

    /// Members, full and probationary.
    #[must_use]
    pub fn members(&self) -> u32 {
        self.full_members.saturating_add(self.probationary_members)
    }

    /// Since when the secretary post is vacant, if it is (a 软弱涣散 detector reads this).
    #[must_use]
    pub fn secretary_vacant_since(&self) -> Option<NaiveDate> {
        match self
            .seats
            .iter()
            .find(|s| s.role == CommitteeRole::Secretary)
        {
            Some(s) if s.holder.is_none() => s.vacant_since,
            _ => None,
        }
    }

    /// Every structural problem under `policy`.
    #[must_use]
    pub fn structure_findings(&self, policy: &BranchStructurePolicy) -> Vec<StructureFinding> {
        let mut out = Vec::new();
        if self.full_members < policy.min_full_members {
            out.push(StructureFinding::TooFewMembers {
                full: self.full_members,
            });
        }
        if self.members() > policy.soft_max_members {
            out.push(StructureFinding::Oversized {
                members: self.members(),
            });
        }
        let filled = u32::try_from(self.seats.iter().filter(|s| s.holder.is_some()).count())
            .unwrap_or(u32::MAX);
        let seats = u32::try_from(self.seats.len()).unwrap_or(u32::MAX);
        if self.full_members >= policy.committee_required_at && filled < policy.committee_size.0 {
            out.push(StructureFinding::CommitteeRequired { filled });
        }
        if seats > policy.committee_max {
            out.push(StructureFinding::CommitteeTooLarge { seats });
        }
        for s in self.seats.iter().filter(|s| s.holder.is_none()) {
            out.push(StructureFinding::VacantSeat {
                role: s.role,
                since: s.vacant_since,
            });
        }
        out
    }
}
