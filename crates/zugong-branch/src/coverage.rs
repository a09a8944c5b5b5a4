//! 两个覆盖: the Party's organizational coverage (组织覆盖) and work coverage (工作覆盖) of
//! 新经济组织, 新社会组织 and the 新就业群体 — per organization, how its members are
//! organized; rolled up by area, industry and kind; and the organizations that should have a
//! Party organization of their own and do not.
//!
//! | rule | default | source |
//! |---|---|---|
//! | ≥ 3 正式党员 → a Party organization of its own | 3 | 党章 第三十条; 支部工作条例 第四条 (confirmed) |
//! | fewer → a 联合党支部 of at most 5 units | 5 | 支部工作条例 第四条 (secondary) |
//! | no members: work coverage through a 党建指导员 (or 联络员) | — | local practice (provisional) |

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{
    Citation, InstitutionId, OrgTree, OrgTreeError, OrgUnitId, SourceStatus, UnitKind, UnitSlot,
};

const BRANCH_RULES: &str = "《中国共产党支部工作条例（试行）》(2018)";

/// 凡是有正式党员3人以上的，都应当成立党的基层组织 / 党支部: 党章 第三十条, 支部工作条例 第四条.
pub(crate) const OWN_ORGANIZATION_RULE: Citation = Citation::new(
    BRANCH_RULES,
    "第四条（党章第三十条）",
    SourceStatus::Confirmed,
);
/// 正式党员不足3人的单位, 可以成立联合党支部, 一般不超过5个单位: 支部工作条例 第四条.
pub(crate) const JOINT_BRANCH_RULE: Citation = Citation::new(
    BRANCH_RULES,
    "第四条（联合党支部）",
    SourceStatus::Secondary,
);
/// Work coverage through an instructor: local practice.
pub(crate) const INSTRUCTOR_RULE: Citation = Citation::new(
    "各地两新组织党建工作指导员制度",
    "选派党建工作指导员（联络员）实现工作覆盖",
    SourceStatus::Provisional,
);

/// 覆盖方式: how a 两新 organization's Party work is organized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "form", content = "unit", rename_all = "snake_case")]
pub enum CoverageForm {
    /// 单独组建: a Party organization of its own (the unit in the tree).
    Own(OrgUnitId),
    /// 联合组建: a 联合党支部 with other units (the joint branch in the tree).
    Joint(OrgUnitId),
    /// 选派党建指导员: no Party organization; Party work through an instructor (工作覆盖).
    Instructor,
    /// 未覆盖: neither.
    Uncovered,
}

impl CoverageForm {
    /// The official term of its method.
    #[must_use]
    pub const fn term(self) -> &'static str {
        self.method().term()
    }

    /// The rule the form rests on.
    #[must_use]
    pub const fn citation(self) -> Citation {
        match self {
            Self::Own(_) => OWN_ORGANIZATION_RULE,
            Self::Joint(_) => JOINT_BRANCH_RULE,
            Self::Instructor | Self::Uncovered => INSTRUCTOR_RULE,
        }
    }

    /// Whether the organization is covered by a Party organization (组织覆盖).
    #[must_use]
    pub const fn is_organized(self) -> bool {
        matches!(self, Self::Own(_) | Self::Joint(_))
    }

    /// Whether the organization's Party work is covered at all (工作覆盖): organized or with an
    /// instructor.
    #[must_use]
    pub const fn is_worked(self) -> bool {
        !matches!(self, Self::Uncovered)
    }
}

/// 覆盖方式 without the organization it names: the column a roster fills in (单独组建,
/// 联合组建, 选派党建指导员, 未覆盖), joined with the organization by [`CoverageForm::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageMethod {
    /// 单独组建.
    Own,
    /// 联合组建.
    Joint,
    /// 选派党建指导员.
    Instructor,
    /// 未覆盖.
    Uncovered,
}

zugong_core::official_terms!(CoverageMethod, "覆盖方式 (coverage method)", {
    Own => "单独组建" | "单建",
    Joint => "联合组建" | "联建",
    Instructor => "选派党建指导员" | "党建指导员" | "指导员",
    Uncovered => "未覆盖" | "无",
});

impl CoverageForm {
    /// The form of `method`, with the Party organization it names: `None` when 单独组建 or
    /// 联合组建 names none.
    #[must_use]
    pub const fn new(method: CoverageMethod, unit: Option<OrgUnitId>) -> Option<Self> {
        match (method, unit) {
            (CoverageMethod::Own, Some(u)) => Some(Self::Own(u)),
            (CoverageMethod::Joint, Some(u)) => Some(Self::Joint(u)),
            (CoverageMethod::Own | CoverageMethod::Joint, None) => None,
            (CoverageMethod::Instructor, _) => Some(Self::Instructor),
            (CoverageMethod::Uncovered, _) => Some(Self::Uncovered),
        }
    }

    /// The method, without the organization.
    #[must_use]
    pub const fn method(self) -> CoverageMethod {
        match self {
            Self::Own(_) => CoverageMethod::Own,
            Self::Joint(_) => CoverageMethod::Joint,
            Self::Instructor => CoverageMethod::Instructor,
            Self::Uncovered => CoverageMethod::Uncovered,
        }
    }
}

impl std::fmt::Display for CoverageForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.term())
    }
}

/// 两新组织: one 新经济组织, 新社会组织 or 新就业群体 platform, with the Party members it
/// employs and how its Party work is organized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TwoNewOrganization {
    /// The organization.
    pub id: InstitutionId,
    /// Its name.
    pub name: String,
    /// 非公企业, 社会组织 or 新就业群体.
    pub kind: UnitKind,
    /// The Party organization responsible for its area (乡镇党委, 街道党工委, 两新工委).
    pub area: OrgUnitId,
    /// 行业 (as the province codes it: 快递物流, 律师行业, 网约车…).
    pub industry: String,
    /// 从业人员.
    pub employees: u32,
    /// 正式党员 among them.
    pub full_members: u32,
    /// 预备党员 among them.
    pub probationary_members: u32,
    /// How its Party work is organized.
    pub form: CoverageForm,
}

impl TwoNewOrganization {
    /// An organization with no members recorded yet and no coverage.
    #[must_use]
    pub fn new(
        id: InstitutionId,
        name: impl Into<String>,
        kind: UnitKind,
        area: OrgUnitId,
        industry: impl Into<String>,
    ) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            area,
            industry: industry.into(),
            employees: 0,
            full_members: 0,
            probationary_members: 0,
            form: CoverageForm::Uncovered,
        }
    }

    /// The same organization with its workforce: employees, and full and probationary members
    /// among them.
    #[must_use]
    pub fn employing(mut self, employees: u32, full_members: u32, probationary: u32) -> Self {
        self.employees = employees;
        self.full_members = full_members;
        self.probationary_members = probationary;
        self
    }

    /// The same organization, covered in `form`.
    #[must_use]
    pub fn covered_by(mut self, form: CoverageForm) -> Self {
        self.form = form;
        self
    }

    /// 党员: full and probationary.
    #[must_use]
    pub fn members(&self) -> u32 {
        self.full_members.saturating_add(self.probationary_members)
    }
}

/// The coverage rules. A province may ask a Party organization of its own from fewer full
/// members and allow narrower joint branches, never the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct CoveragePolicy {
    /// Full members from which an organization must have its own: 3.
    pub own_from_full_members: u32,
    /// Units one 联合党支部 may cover: 5.
    pub joint_max_units: u32,
}

zugong_core::validated_policy_serde!(CoveragePolicy);

impl Default for CoveragePolicy {
    fn default() -> Self {
        Self {
            own_from_full_members: 3,
            joint_max_units: 5,
        }
    }
}

impl Policy for CoveragePolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("own_from_full_members", OWN_ORGANIZATION_RULE),
            ("joint_max_units", JOINT_BRANCH_RULE),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        PolicyError::check_range(
            "own_from_full_members",
            self.own_from_full_members,
            1,
            national.own_from_full_members,
        )?;
        PolicyError::check_range(
            "joint_max_units",
            self.joint_max_units,
            2,
            national.joint_max_units,
        )
    }
}

/// What the coverage check found about one organization or one joint branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CoverageFinding {
    /// 应建未建: enough full members for an organization of its own, and none at all.
    NoOrganization {
        /// The organization.
        organization: InstitutionId,
        /// Its full members.
        full_members: u32,
    },
    /// Enough full members for an organization of its own, still in a 联合党支部.
    JointWithEnoughMembers {
        /// The organization.
        organization: InstitutionId,
        /// Its full members.
        full_members: u32,
        /// The joint branch.
        joint: OrgUnitId,
    },
    /// A 联合党支部 covering more units than allowed.
    JointTooWide {
        /// The joint branch.
        joint: OrgUnitId,
        /// Units it covers.
        units: u32,
        /// The most allowed.
        max: u32,
    },
}

impl CoverageFinding {
    /// The rule behind the finding.
    #[must_use]
    pub const fn citation(&self) -> Citation {
        match self {
            Self::NoOrganization { .. } => OWN_ORGANIZATION_RULE,
            Self::JointWithEnoughMembers { .. } => OWN_ORGANIZATION_RULE,
            Self::JointTooWide { .. } => JOINT_BRANCH_RULE,
        }
    }
}

/// The coverage of a set of organizations: counts by form and the rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoverageCounts {
    /// Organizations.
    pub organizations: u64,
    /// Of them, with at least one Party member.
    pub with_members: u64,
    /// Party members employed.
    pub members: u64,
    /// 单独组建.
    pub own: u64,
    /// 联合组建.
    pub joint: u64,
    /// 党建指导员 only.
    pub instructor: u64,
    /// Not covered.
    pub uncovered: u64,
    /// Should have an organization of their own (enough full members) and have none
    /// ([`CoverageFinding::NoOrganization`]).
    pub should_organize: u64,
}

impl CoverageCounts {
    fn count(&mut self, o: &TwoNewOrganization, policy: &CoveragePolicy) {
        self.organizations += 1;
        self.with_members += u64::from(o.members() > 0);
        self.members += u64::from(o.members());
        match o.form {
            CoverageForm::Own(_) => self.own += 1,
            CoverageForm::Joint(_) => self.joint += 1,
            CoverageForm::Instructor => self.instructor += 1,
            CoverageForm::Uncovered => self.uncovered += 1,
        }
        self.should_organize +=
            u64::from(!o.form.is_organized() && o.full_members >= policy.own_from_full_members);
    }

    fn add(&mut self, o: &CoverageCounts) {
        self.organizations += o.organizations;
        self.with_members += o.with_members;
        self.members += o.members;
        self.own += o.own;
        self.joint += o.joint;
        self.instructor += o.instructor;
        self.uncovered += o.uncovered;
        self.should_organize += o.should_organize;
    }

    /// 组织覆盖率: organizations with a Party organization (own or joint), in ‰ of all (0 with
    /// none).
    #[must_use]
    pub fn organizational_permille(&self) -> u32 {
        permille(self.own + self.joint, self.organizations)
    }

    /// 工作覆盖率: organizations whose Party work is covered (organized or with an
    /// instructor), in ‰ of all (0 with none).
    #[must_use]
    pub fn work_permille(&self) -> u32 {
        permille(self.own + self.joint + self.instructor, self.organizations)
    }
}

fn permille(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    u32::try_from(part.saturating_mul(1000) / whole).unwrap_or(1000)
}

/// The 两个覆盖 report: findings, and the counts by area (each unit's subtree, by tree slot),
/// by industry and by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoverageReport {
    /// Findings, organizations in input order, then joint branches in tree order.
    pub findings: Vec<CoverageFinding>,
    /// Every unit's subtree (an organization counts under its `area`), by tree slot.
    pub by_area: Vec<CoverageCounts>,
    /// By industry.
    pub by_industry: BTreeMap<String, CoverageCounts>,
    /// By kind of organization.
    pub by_kind: BTreeMap<UnitKind, CoverageCounts>,
    /// All organizations.
    pub total: CoverageCounts,
}

impl CoverageReport {
    /// The counts of `unit`'s subtree.
    #[must_use]
    pub fn area(&self, tree: &OrgTree, unit: OrgUnitId) -> Option<&CoverageCounts> {
        tree.slot(unit).and_then(|s| self.by_area.get(s.index()))
    }
}

/// What is wrong with one 两新 organization's record.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum OrganizationError {
    /// The organization is not a 两新 organization or a 新就业群体 platform.
    #[error("{kind} is not a 新经济组织, 新社会组织 or 新就业群体")]
    NotTwoNew {
        /// Its kind.
        kind: UnitKind,
    },
    /// The record names a unit outside the tree.
    #[error("unit {unit} is not in the organization tree")]
    UnknownUnit {
        /// The unit.
        unit: OrgUnitId,
    },
    /// More Party members than people employed.
    #[error("{members} Party members but {employees} employed")]
    MoreMembersThanEmployees {
        /// Members.
        members: u32,
        /// Employees.
        employees: u32,
    },
}

impl Refusal for OrganizationError {
    fn citation(&self) -> Citation {
        OWN_ORGANIZATION_RULE
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (Language::Chinese, Self::NotTwoNew { kind }) => format!(
                "{kind}不属于两新组织（非公企业、社会组织）或新就业群体（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::UnknownUnit { unit }) => {
                format!("组织 {unit} 不在组织树中（{}）", self.citation())
            }
            (Language::Chinese, Self::MoreMembersThanEmployees { members, employees }) => format!(
                "党员 {members} 名多于从业人员 {employees} 名（{}）",
                self.citation()
            ),
        }
    }
}

impl TwoNewOrganization {
    /// Checks the record on its own: a 两新 or 新就业群体 kind, its area and Party organization
    /// in `tree`, no more members than employees. Returns the area's slot.
    ///
    /// # Errors
    /// [`OrganizationError`].
    pub fn check(&self, tree: &OrgTree) -> Result<UnitSlot, OrganizationError> {
        if !(self.kind.is_two_new() || self.kind == UnitKind::NewEmploymentGroup) {
            return Err(OrganizationError::NotTwoNew {
                kind: self.kind.clone(),
            });
        }
        let slot = tree
            .slot(self.area)
            .ok_or(OrganizationError::UnknownUnit { unit: self.area })?;
        if let CoverageForm::Own(unit) | CoverageForm::Joint(unit) = self.form
            && !tree.contains(unit)
        {
            return Err(OrganizationError::UnknownUnit { unit });
        }
        if self.members() > self.employees {
            return Err(OrganizationError::MoreMembersThanEmployees {
                members: self.members(),
                employees: self.employees,
            });
        }
        Ok(slot)
    }
}

/// Records the coverage check refuses; nothing is counted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CoverageError {
    /// One record is wrong.
    #[error("organization {index}: {error}")]
    Organization {
        /// Index of the record.
        index: usize,
        /// What is wrong.
        #[source]
        error: OrganizationError,
    },
    /// The same organization twice.
    #[error("organizations {first} and {second} are the same ({id})")]
    Duplicate {
        /// The first record.
        first: usize,
        /// The second.
        second: usize,
        /// The organization.
        id: InstitutionId,
    },
    /// The policy is not valid.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The tree refused the roll-up.
    #[error(transparent)]
    Tree(#[from] OrgTreeError),
}

/// Checks and counts the 两个覆盖 of `organizations`.
///
/// ```
/// use zugong_branch::{coverage_report, CoverageFinding, CoverageForm, CoveragePolicy, TwoNewOrganization};
/// use zugong_core::*;
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let org = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
/// let tree = OrgTree::from_units(vec![OrgUnit::new(id(1), "中共某街道工作委员会", OrgKind::Committee, AdminLevel::Township)])?;
/// let firm = |n, full| TwoNewOrganization::new(org(n), "某科技公司", UnitKind::NonPublicEnterprise, id(1), "软件和信息服务")
///     .employing(40, full, 0);
/// let orgs = vec![firm(10, 3), firm(11, 2).covered_by(CoverageForm::Instructor)];
/// let r = coverage_report(&tree, &orgs, &CoveragePolicy::default())?;
/// // Three full members and no organization: found. Two: not.
/// assert_eq!(r.findings, vec![CoverageFinding::NoOrganization { organization: org(10), full_members: 3 }]);
/// assert_eq!(r.total.work_permille(), 500);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`CoverageError`] for an organization that is not 两新, a unit outside the tree, more
/// members than employees, a duplicate, or an invalid policy.
pub fn coverage_report(
    tree: &OrgTree,
    organizations: &[TwoNewOrganization],
    policy: &CoveragePolicy,
) -> Result<CoverageReport, CoverageError> {
    policy.validate()?;
    let mut report = CoverageReport {
        findings: Vec::new(),
        by_area: vec![CoverageCounts::default(); tree.len()],
        by_industry: BTreeMap::new(),
        by_kind: BTreeMap::new(),
        total: CoverageCounts::default(),
    };
    let mut seen: BTreeMap<InstitutionId, usize> = BTreeMap::new();
    let mut joints: BTreeMap<OrgUnitId, u32> = BTreeMap::new();
    for (index, o) in organizations.iter().enumerate() {
        let slot = o
            .check(tree)
            .map_err(|error| CoverageError::Organization { index, error })?;
        if let Some(first) = seen.insert(o.id, index) {
            return Err(CoverageError::Duplicate {
                first,
                second: index,
                id: o.id,
            });
        }
        let enough = o.full_members >= policy.own_from_full_members;
        match o.form {
            CoverageForm::Joint(joint) => {
                *joints.entry(joint).or_default() += 1;
                if enough {
                    report
                        .findings
                        .push(CoverageFinding::JointWithEnoughMembers {
                            organization: o.id,
                            full_members: o.full_members,
                            joint,
                        });
                }
            }
            CoverageForm::Instructor | CoverageForm::Uncovered if enough => {
                report.findings.push(CoverageFinding::NoOrganization {
                    organization: o.id,
                    full_members: o.full_members,
                });
            }
            _ => {}
        }
        if let Some(c) = report.by_area.get_mut(slot.index()) {
            c.count(o, policy);
        }
        report
            .by_industry
            .entry(o.industry.clone())
            .or_default()
            .count(o, policy);
        report
            .by_kind
            .entry(o.kind.clone())
            .or_default()
            .count(o, policy);
        report.total.count(o, policy);
    }
    for (joint, units) in joints {
        if units > policy.joint_max_units {
            report.findings.push(CoverageFinding::JointTooWide {
                joint,
                units,
                max: policy.joint_max_units,
            });
        }
    }
    tree.rollup_in_place(&mut report.by_area, CoverageCounts::add)?;
    Ok(report)
}
