//! Recusal (回避): kinship, business interests and home region.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use zugong_core::{
    CadreId, Citation, DivisionCode, DivisionLevel, InstitutionId, Locality, SourceStatus,
    TownshipCode,
};

const KINSHIP: Citation = Citation::new(
    "《党政领导干部任职回避暂行规定》(2006)；《公务员法》",
    "第三条；第七十四条",
    SourceStatus::Confirmed,
);
const BUSINESS: Citation = Citation::new(
    "《党政领导干部任职回避暂行规定》(2006)；《公务员法》",
    "第四条；第七十四条第二款",
    SourceStatus::Confirmed,
);
const HOME_REGION: Citation = Citation::new(
    "《党政领导干部任职回避暂行规定》(2006)；《公务员法》",
    "第五条；第七十五条",
    SourceStatus::Confirmed,
);

/// 地域回避 at township level: 公务员担任乡级机关、县级机关、设区的市级机关及其有关部门主要领导
/// 职务的，应当按照有关规定实行地域回避.
const HOME_TOWNSHIP: Citation = Citation::new(
    "《中华人民共和国公务员法》(2018)",
    "第七十五条",
    SourceStatus::Confirmed,
);

/// 亲属关系 covered by 任职回避.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kinship {
    /// 夫妻关系.
    Spouse,
    /// 直系血亲关系.
    DirectBlood,
    /// 三代以内旁系血亲关系.
    CollateralWithinThree,
    /// 近姻亲关系.
    CloseInLaw,
}

zugong_core::official_terms!(Kinship, "亲属关系 (kinship)", {
    Spouse => "夫妻关系",
    DirectBlood => "直系血亲关系",
    CollateralWithinThree => "三代以内旁系血亲关系",
    CloseInLaw => "近姻亲关系",
});

/// Who is related to whom: symmetric, whatever order relations are added in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    from = "Vec<(CadreId, CadreId, Kinship)>",
    into = "Vec<(CadreId, CadreId, Kinship)>"
)]
pub struct RelationBook {
    edges: BTreeMap<(CadreId, CadreId), Kinship>,
}

fn pair(a: CadreId, b: CadreId) -> (CadreId, CadreId) {
    if a <= b { (a, b) } else { (b, a) }
}

impl From<Vec<(CadreId, CadreId, Kinship)>> for RelationBook {
    fn from(v: Vec<(CadreId, CadreId, Kinship)>) -> Self {
        let mut b = Self::default();
        for (x, y, k) in v {
            b.relate(x, y, k);
        }
        b
    }
}

impl From<RelationBook> for Vec<(CadreId, CadreId, Kinship)> {
    fn from(b: RelationBook) -> Self {
        b.edges.into_iter().map(|((x, y), k)| (x, y, k)).collect()
    }
}

impl RelationBook {
    /// Records that `a` and `b` are related (a self-relation is ignored).
    pub fn relate(&mut self, a: CadreId, b: CadreId, kinship: Kinship) {
        if a != b {
            self.edges.insert(pair(a, b), kinship);
        }
    }

    /// The relation between `a` and `b`, if any.
    #[must_use]
    pub fn relation(&self, a: CadreId, b: CadreId) -> Option<Kinship> {
        self.edges.get(&pair(a, b)).copied()
    }

    /// Everyone related to `a`.
    pub fn relatives(&self, a: CadreId) -> impl Iterator<Item = (CadreId, Kinship)> + '_ {
        self.edges.iter().filter_map(move |((x, y), k)| {
            if *x == a {
                Some((*y, *k))
            } else if *y == a {
                Some((*x, *k))
            } else {
                None
            }
        })
    }

    /// Every related pair.
    pub fn pairs(&self) -> impl Iterator<Item = (CadreId, CadreId, Kinship)> + '_ {
        self.edges.iter().map(|((x, y), k)| (*x, *y, *k))
    }
}

/// The kind of work a post does, for the sensitive-function rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkFunction {
    /// 组织.
    Organization,
    /// 人事.
    Personnel,
    /// 纪检.
    Discipline,
    /// 监察.
    Supervision,
    /// 审计.
    Audit,
    /// 财务.
    Finance,
    /// Any other (the default).
    #[default]
    Other,
}

zugong_core::official_terms!(WorkFunction, "工作职能 (work function)", {
    Organization => "组织" | "组织工作",
    Personnel => "人事",
    Discipline => "纪检" | "纪检监察",
    Supervision => "监察",
    Audit => "审计",
    Finance => "财务",
    Other => "其他",
});

impl WorkFunction {
    /// Whether the function is one a relative of the unit's leader may not hold.
    #[must_use]
    pub const fn is_sensitive(self) -> bool {
        !matches!(self, Self::Other)
    }
}

/// A post held (or proposed) in the recusal check: who, in which 单位, in what function, under
/// whom. "The same organ" of the kinship rules is the same 单位 (institution), not the same
/// Party organization: a bureau's cadres sit in one institution whatever branch they belong
/// to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Holding {
    /// Who.
    pub cadre: CadreId,
    /// The 单位 the post is in (a committee's post: the institution the committee is set up
    /// in).
    pub institution: InstitutionId,
    /// Whether the holder is a leader of the institution (领导成员).
    pub leads_institution: bool,
    /// Whether the post is a leadership post (领导职务) of the institution at all: a 内设机构's
    /// head counts. 《公务员法》 第七十四条 bars a relative's 组织、人事、纪检监察、审计、财务 work
    /// "在其中一方担任领导职务的机关", whichever leadership post that is.
    #[serde(default)]
    pub leadership_post: bool,
    /// The holder's direct leader, if any.
    pub direct_leader: Option<CadreId>,
    /// The work function.
    pub function: WorkFunction,
}

impl Holding {
    /// A post of `institution` held by `cadre` in `function`, not a leader's, with no direct
    /// leader recorded.
    #[must_use]
    pub const fn new(cadre: CadreId, institution: InstitutionId, function: WorkFunction) -> Self {
        Self {
            cadre,
            institution,
            leads_institution: false,
            leadership_post: false,
            direct_leader: None,
            function,
        }
    }

    /// The same holding, as one of the institution's leaders (领导成员): a leadership post.
    #[must_use]
    pub const fn leading(mut self) -> Self {
        self.leads_institution = true;
        self.leadership_post = true;
        self
    }

    /// The same holding, in a leadership post of the institution (a 内设机构's head, say)
    /// without being one of its 领导成员.
    #[must_use]
    pub const fn in_leadership_post(mut self) -> Self {
        self.leadership_post = true;
        self
    }

    /// The same holding, directly under `leader`.
    #[must_use]
    pub const fn under(mut self, leader: Option<CadreId>) -> Self {
        self.direct_leader = leader;
        self
    }
}

/// A principal post subject to 地域回避.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalPrincipalPost {
    /// The area the post governs: a township (乡级机关, 《公务员法》 第七十五条), a county or a
    /// prefecture. A province-level area has no 地域回避 here.
    pub area: Locality,
}

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecusalFinding {
    /// Relatives directly under the same leader.
    SameDirectLeader {
        /// The relative.
        relative: CadreId,
        /// How related.
        kinship: Kinship,
    },
    /// Relatives in a direct superior–subordinate relation.
    SuperiorSubordinate {
        /// The relative.
        relative: CadreId,
        /// How related.
        kinship: Kinship,
    },
    /// 组织、人事、纪检、监察、审计、财务 work in an institution where the relative holds a
    /// leadership post (《公务员法》 第七十四条).
    SensitiveFunction {
        /// The relative.
        relative: CadreId,
        /// How related.
        kinship: Kinship,
    },
    /// A family business regulated by the institution.
    BusinessInterest {
        /// The institution.
        institution: InstitutionId,
    },
    /// 地域回避: a township principal post (乡级机关主要领导职务) where the cadre grew up
    /// (《公务员法》 第七十五条: 应当). Found only when the cadre's 成长地 is known to the township.
    HomeTownship {
        /// The township.
        area: TownshipCode,
    },
    /// 地域回避: a county principal post where the cadre grew up (不得).
    HomeCounty {
        /// The county.
        area: DivisionCode,
    },
    /// 地域回避: a prefecture principal post where the cadre grew up (一般不得).
    HomePrefecture {
        /// The prefecture.
        area: DivisionCode,
    },
}

impl RecusalFinding {
    /// The rule.
    #[must_use]
    pub fn citation(&self) -> Citation {
        match self {
            Self::SameDirectLeader { .. }
            | Self::SuperiorSubordinate { .. }
            | Self::SensitiveFunction { .. } => KINSHIP,
            Self::BusinessInterest { .. } => BUSINESS,
            Self::HomeTownship { .. } => HOME_TOWNSHIP,
            Self::HomeCounty { .. } | Self::HomePrefecture { .. } => HOME_REGION,
        }
    }
}

impl std::fmt::Display for RecusalFinding {
    /// The finding in the official terms; the relative is named by role, never by id.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SameDirectLeader { kinship, .. } => {
                write!(f, "与亲属（{kinship}）在同一领导人员下任职")
            }
            Self::SuperiorSubordinate { kinship, .. } => {
                write!(f, "与亲属（{kinship}）有直接上下级领导关系")
            }
            Self::SensitiveFunction { kinship, .. } => write!(
                f,
                "在亲属（{kinship}）担任领导职务的单位从事组织、人事、纪检、监察、审计、财务工作"
            ),
            Self::BusinessInterest { .. } => f.write_str("亲属经营的企业受本单位管理（业务回避）"),
            Self::HomeTownship { area } => {
                write!(f, "在成长地乡镇（{area}）担任主要领导职务（地域回避）")
            }
            Self::HomeCounty { area } => {
                write!(f, "在成长地县（{area}）担任主要领导职务（地域回避）")
            }
            Self::HomePrefecture { area } => {
                write!(f, "在成长地市（{area}）担任主要领导职务（一般应回避）")
            }
        }
    }
}

fn kinship_findings(a: &Holding, b: &Holding, kinship: Kinship, out: &mut Vec<RecusalFinding>) {
    let relative = b.cadre;
    if a.direct_leader.is_some() && a.direct_leader == b.direct_leader {
        out.push(RecusalFinding::SameDirectLeader { relative, kinship });
    }
    if a.direct_leader == Some(b.cadre) || b.direct_leader == Some(a.cadre) {
        out.push(RecusalFinding::SuperiorSubordinate { relative, kinship });
    }
    let sensitive = a.institution == b.institution
        && ((a.function.is_sensitive() && b.leadership_post)
            || (b.function.is_sensitive() && a.leadership_post));
    if sensitive {
        out.push(RecusalFinding::SensitiveFunction { relative, kinship });
    }
}

/// Checks a proposed holding against everyone in post, the family's business regulators and
/// the home region (《党政领导干部任职回避暂行规定》 第三至五条; 《公务员法》 第七十四、七十五条).
///
/// `business_regulators` are the institutions that regulate the family's businesses; `home` is
/// where the cadre grew up (a county, or a township when known); `regional` is set when the
/// post is one of the principal posts the home-region rule covers. A township post is found
/// only against a home known to the township: a county-only home cannot tell.
#[must_use]
pub fn check_recusal(
    proposed: &Holding,
    holders: &[Holding],
    relations: &RelationBook,
    business_regulators: &[InstitutionId],
    home: Option<Locality>,
    regional: Option<RegionalPrincipalPost>,
) -> Vec<RecusalFinding> {
    let mut out = Vec::new();
    for h in holders.iter().filter(|h| h.cadre != proposed.cadre) {
        if let Some(k) = relations.relation(proposed.cadre, h.cadre) {
            kinship_findings(proposed, h, k, &mut out);
        }
    }
    if business_regulators.contains(&proposed.institution) {
        out.push(RecusalFinding::BusinessInterest {
            institution: proposed.institution,
        });
    }
    if let (Some(home), Some(post)) = (home, regional) {
        match post.area {
            Locality::Township(area) if home.township() == Some(area) => {
                out.push(RecusalFinding::HomeTownship { area });
            }
            Locality::Township(_) => {}
            Locality::Division(area) => match area.level() {
                DivisionLevel::County if home.county() == area => {
                    out.push(RecusalFinding::HomeCounty { area });
                }
                DivisionLevel::Prefecture if home.county().is_within(area) => {
                    out.push(RecusalFinding::HomePrefecture { area });
                }
                _ => {}
            },
        }
    }
    out
}

/// Every kinship finding among the people in post (over the whole pool): one pass over the
/// related pairs.
#[must_use]
pub fn recusal_report(
    holders: &[Holding],
    relations: &RelationBook,
) -> Vec<(CadreId, RecusalFinding)> {
    let by_cadre: BTreeMap<CadreId, &Holding> = holders.iter().map(|h| (h.cadre, h)).collect();
    let mut out = Vec::new();
    for (a, b, k) in relations.pairs() {
        if let (Some(ha), Some(hb)) = (by_cadre.get(&a), by_cadre.get(&b)) {
            let mut found = Vec::new();
            kinship_findings(ha, hb, k, &mut found);
            out.extend(found.into_iter().map(|f| (a, f)));
        }
    }
    out
}
