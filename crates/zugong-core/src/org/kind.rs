use serde::{Deserialize, Serialize};

use crate::official_terms;

/// 行政层级: the administrative level at which an organization sits. A higher level compares
/// greater (`Central` is the greatest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdminLevel {
    /// 村(社区): village or urban community; self-governing, the bottom of the Party tree.
    Village,
    /// 乡镇(街道): township, town, or urban sub-district.
    Township,
    /// 县(区): county, county-level city or urban district.
    County,
    /// 地级市: prefecture-level city.
    Prefectural,
    /// 自治区/省: province-level region (宁夏回族自治区 ranks as a province, as do 直辖市).
    Provincial,
    /// 中央: national level.
    Central,
}

official_terms!(AdminLevel, "行政层级 (administrative level)", {
    Central => "中央",
    Provincial => "省(自治区)" | "自治区" | "省" | "直辖市",
    Prefectural => "地级市" | "市" | "地级",
    County => "县(区)" | "县" | "区" | "县级市",
    Township => "乡镇(街道)" | "乡镇" | "乡" | "镇" | "街道",
    Village => "村(社区)" | "村" | "社区",
});

impl AdminLevel {
    /// The level one below, if any.
    #[must_use]
    pub const fn below(self) -> Option<AdminLevel> {
        match self {
            Self::Central => Some(Self::Provincial),
            Self::Provincial => Some(Self::Prefectural),
            Self::Prefectural => Some(Self::County),
            Self::County => Some(Self::Township),
            Self::Township => Some(Self::Village),
            Self::Village => None,
        }
    }

    /// The leadership-rank level of the principal posts of this level's government
    /// (a county's leaders are 县处级), if it is a level of government.
    #[must_use]
    pub const fn own_rank_level(self) -> Option<crate::RankLevel> {
        use crate::RankLevel as R;
        match self {
            Self::Central => Some(R::National),
            Self::Provincial => Some(R::ProvincialMinisterial),
            Self::Prefectural => Some(R::BureauDepartment),
            Self::County => Some(R::CountyDivision),
            Self::Township => Some(R::TownshipSection),
            Self::Village => None,
        }
    }
}

/// 党组织类型: the kind of Party organization (《中国共产党章程》 chapters 4–5 and
/// 《中国共产党支部工作条例（试行）》).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 党委: a Party committee leading an area (province to township) or a large unit.
    Committee,
    /// 党工委: a working committee dispatched by a 党委 (开发区党工委, 机关工委).
    WorkingCommittee,
    /// 党组: a leadership group inside a state organ or people's organization.
    LeadingGroup,
    /// 基层党委: a grassroots committee (township, enterprise, university; > 100 members).
    GrassrootsCommittee,
    /// 党总支: a general branch over several branches (50–100 members).
    GeneralBranch,
    /// 党支部: the basic unit, set up wherever there are at least 3 full members.
    Branch,
    /// 联合党支部: a joint branch for units with fewer than 3 full members (≤ 5 units).
    JointBranch,
    /// 党小组: a subdivision of a branch for meetings and study.
    Group,
}

official_terms!(OrgKind, "党组织类型 (Party organization kind)", {
    Committee => "党委",
    WorkingCommittee => "党工委",
    LeadingGroup => "党组",
    GrassrootsCommittee => "基层党委",
    GeneralBranch => "党总支",
    Branch => "党支部",
    JointBranch => "联合党支部",
    Group => "党小组",
});

impl OrgKind {
    /// Tier in the Party's organizational hierarchy: 0 leading committees (党委, 党工委, 党组),
    /// 1 基层党委, 2 党总支, 3 党支部, 4 党小组.
    #[must_use]
    pub const fn tier(self) -> u8 {
        match self {
            Self::Committee | Self::WorkingCommittee | Self::LeadingGroup => 0,
            Self::GrassrootsCommittee => 1,
            Self::GeneralBranch => 2,
            Self::Branch | Self::JointBranch => 3,
            Self::Group => 4,
        }
    }

    /// Whether an organization of this kind may have one of kind `child` directly below it.
    /// Committees may sit under committees (a county committee under a city committee, a
    /// college committee under a university committee); below them each tier sits strictly
    /// under a higher one; a 党小组 has no sub-organizations.
    #[must_use]
    pub const fn may_contain(self, child: OrgKind) -> bool {
        let (p, c) = (self.tier(), child.tier());
        if p <= 1 { c >= p } else { c > p }
    }

    /// Whether the organization is a branch (党支部 or 联合党支部).
    #[must_use]
    pub const fn is_branch(self) -> bool {
        matches!(self, Self::Branch | Self::JointBranch)
    }

    /// Whether the organization is a committee that can act as an authority (党委, 党工委,
    /// 党组, 基层党委).
    #[must_use]
    pub const fn is_committee(self) -> bool {
        self.tier() <= 1
    }
}

/// 单位类型 / 领域: the kind of unit hosting a Party organization.
///
/// An open list: it differs by province and grows, so a value outside the known kinds is kept
/// as [`UnitKind::Other`] with its raw text. Serde uses the snake_case code for known kinds
/// and the raw text for others; `Display`/`FromStr` use the Chinese term.
///
/// ```
/// use zugong_core::UnitKind;
/// assert_eq!("非公企业".parse::<UnitKind>(), Ok(UnitKind::NonPublicEnterprise));
/// assert!(UnitKind::SocialOrganization.is_two_new());
/// assert_eq!("物业公司".parse::<UnitKind>(), Ok(UnitKind::Other("物业公司".into())));
/// assert_eq!(serde_json::to_string(&UnitKind::Organ)?, "\"organ\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum UnitKind {
    /// 机关: Party and state organs and their departments.
    Organ,
    /// 事业单位: public-service institution (school, hospital, research institute).
    PublicInstitution,
    /// 国有企业: state-owned enterprise.
    StateOwnedEnterprise,
    /// 非公企业 / 新经济组织: private and other non-state enterprises.
    NonPublicEnterprise,
    /// 社会组织 / 新社会组织: associations, foundations, law and accounting firms.
    SocialOrganization,
    /// 农村: village organizations.
    Village,
    /// 社区: urban-community organizations.
    Community,
    /// 高校: universities and colleges.
    University,
    /// 新就业群体: people in new forms of employment (couriers, riders, platform workers).
    NewEmploymentGroup,
    /// Any other kind, as recorded.
    Other(String),
}

const UNIT_KINDS: [(UnitKind, &str, &str); 9] = [
    (UnitKind::Organ, "organ", "机关"),
    (
        UnitKind::PublicInstitution,
        "public_institution",
        "事业单位",
    ),
    (
        UnitKind::StateOwnedEnterprise,
        "state_owned_enterprise",
        "国有企业",
    ),
    (
        UnitKind::NonPublicEnterprise,
        "non_public_enterprise",
        "非公企业",
    ),
    (
        UnitKind::SocialOrganization,
        "social_organization",
        "社会组织",
    ),
    (UnitKind::Village, "village", "农村"),
    (UnitKind::Community, "community", "社区"),
    (UnitKind::University, "university", "高校"),
    (
        UnitKind::NewEmploymentGroup,
        "new_employment_group",
        "新就业群体",
    ),
];

crate::term::open_terms!(UnitKind, UNIT_KINDS, {
    "新经济组织" => "非公企业",
    "新社会组织" => "社会组织",
    "村" => "农村",
    "高等学校" => "高校",
});

impl UnitKind {
    /// 两新组织: whether the unit is a 新经济组织 or 新社会组织.
    #[must_use]
    pub fn is_two_new(&self) -> bool {
        matches!(self, Self::NonPublicEnterprise | Self::SocialOrganization)
    }
}
