//! The kinds of 单位, how one belongs to another, and how it is managed.

use serde::{Deserialize, Serialize};

use crate::InstitutionId;

/// 单位类别: the national categories of institution, with an open catch-all.
///
/// Serde uses the snake_case code for known kinds and the raw text for others;
/// `Display`/`FromStr` use the Chinese term.
///
/// ```
/// use zugong_core::InstitutionKind;
/// assert_eq!("政府工作部门".parse::<InstitutionKind>(), Ok(InstitutionKind::GovernmentDepartment));
/// assert_eq!("检察院".parse::<InstitutionKind>(), Ok(InstitutionKind::Procuratorate));
/// assert_eq!("物业公司".parse::<InstitutionKind>(), Ok(InstitutionKind::Other("物业公司".into())));
/// assert!(InstitutionKind::Court.is_organ());
/// assert!(!InstitutionKind::PublicInstitution.is_organ());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum InstitutionKind {
    /// 党的机关: a Party committee's organ (县委机关) or one of its working organs (组织部…).
    PartyOrgan,
    /// 人大机关: a people's congress standing committee's organ.
    PeoplesCongressOrgan,
    /// 人民政府.
    Government,
    /// 政府工作部门 (局, 委, 办).
    GovernmentDepartment,
    /// 政协机关.
    CppccOrgan,
    /// 监察委员会 (with the 纪委, 合署办公).
    Supervision,
    /// 人民法院.
    Court,
    /// 人民检察院.
    Procuratorate,
    /// 群团机关 (工会, 共青团, 妇联…).
    MassOrganization,
    /// 内设机构: an office inside an organ (办公室, 科, 股).
    InternalOffice,
    /// 事业单位 (schools, hospitals, institutes, centres).
    PublicInstitution,
    /// 国有企业.
    StateOwnedEnterprise,
    /// 乡镇 (党委和政府).
    Township,
    /// 街道.
    Subdistrict,
    /// 村 (村民委员会、村集体经济组织).
    Village,
    /// 社区 (居民委员会).
    Community,
    /// 高等学校.
    University,
    /// 非公企业 / 新经济组织.
    NonPublicEnterprise,
    /// 社会组织 / 新社会组织.
    SocialOrganization,
    /// Any other kind, as recorded.
    Other(String),
}

const KINDS: [(InstitutionKind, &str, &str); 19] = [
    (InstitutionKind::PartyOrgan, "party_organ", "党的机关"),
    (
        InstitutionKind::PeoplesCongressOrgan,
        "peoples_congress_organ",
        "人大机关",
    ),
    (InstitutionKind::Government, "government", "人民政府"),
    (
        InstitutionKind::GovernmentDepartment,
        "government_department",
        "政府工作部门",
    ),
    (InstitutionKind::CppccOrgan, "cppcc_organ", "政协机关"),
    (InstitutionKind::Supervision, "supervision", "监察委员会"),
    (InstitutionKind::Court, "court", "人民法院"),
    (
        InstitutionKind::Procuratorate,
        "procuratorate",
        "人民检察院",
    ),
    (
        InstitutionKind::MassOrganization,
        "mass_organization",
        "群团机关",
    ),
    (
        InstitutionKind::InternalOffice,
        "internal_office",
        "内设机构",
    ),
    (
        InstitutionKind::PublicInstitution,
        "public_institution",
        "事业单位",
    ),
    (
        InstitutionKind::StateOwnedEnterprise,
        "state_owned_enterprise",
        "国有企业",
    ),
    (InstitutionKind::Township, "township", "乡镇"),
    (InstitutionKind::Subdistrict, "subdistrict", "街道"),
    (InstitutionKind::Village, "village", "村"),
    (InstitutionKind::Community, "community", "社区"),
    (InstitutionKind::University, "university", "高等学校"),
    (
        InstitutionKind::NonPublicEnterprise,
        "non_public_enterprise",
        "非公企业",
    ),
    (
        InstitutionKind::SocialOrganization,
        "social_organization",
        "社会组织",
    ),
];

crate::term::open_terms!(InstitutionKind, KINDS, {
    "党委机关" => "党的机关",
    "党的工作机关" => "党的机关",
    "政府" => "人民政府",
    "政府部门" => "政府工作部门",
    "工作部门" => "政府工作部门",
    "监委" => "监察委员会",
    "纪委监委" => "监察委员会",
    "法院" => "人民法院",
    "检察院" => "人民检察院",
    "群团组织" => "群团机关",
    "国企" => "国有企业",
    "高校" => "高等学校",
    "新经济组织" => "非公企业",
    "新社会组织" => "社会组织",
});

impl InstitutionKind {
    /// 机关: an organ of the Party, the state, the 人大, the 政协, a court, a procuratorate, a
    /// mass organization, or an office inside one (the units 公务员法 covers).
    #[must_use]
    pub fn is_organ(&self) -> bool {
        matches!(
            self,
            Self::PartyOrgan
                | Self::PeoplesCongressOrgan
                | Self::Government
                | Self::GovernmentDepartment
                | Self::CppccOrgan
                | Self::Supervision
                | Self::Court
                | Self::Procuratorate
                | Self::MassOrganization
                | Self::InternalOffice
        )
    }
}

/// How an institution belongs to the one above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attachment {
    /// 工作部门: a working department of a government or a working organ of a Party committee.
    WorkingDepartment,
    /// 内设机构: an office inside it.
    InternalOffice,
    /// 直属单位: a unit directly under it (a 事业单位 of a bureau).
    DirectlyAffiliated,
    /// 归口管理 / 主管: a unit it administers (a school under the 教育局, a village under the
    /// township).
    Administered,
}

crate::official_terms!(Attachment, "隶属方式 (attachment)", {
    WorkingDepartment => "工作部门",
    InternalOffice => "内设机构",
    DirectlyAffiliated => "直属单位",
    Administered => "归口管理" | "主管",
});

/// 管理体制: who manages an institution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "management", content = "by", rename_all = "snake_case")]
pub enum Management {
    /// 属地管理: managed by the area it is in.
    #[default]
    Local,
    /// 垂直管理: managed from above, by the named institution (a provincial bureau), not by the
    /// area's committee.
    Vertical(InstitutionId),
    /// 双重领导: led by the area and by the named institution above, one of them 为主.
    Dual(InstitutionId),
}

impl Management {
    /// The official term.
    #[must_use]
    pub const fn term(self) -> &'static str {
        match self {
            Self::Local => "属地管理",
            Self::Vertical(_) => "垂直管理",
            Self::Dual(_) => "双重领导",
        }
    }

    /// The institution above that manages or co-leads it, if any.
    #[must_use]
    pub const fn from_above(self) -> Option<InstitutionId> {
        match self {
            Self::Local => None,
            Self::Vertical(by) | Self::Dual(by) => Some(by),
        }
    }
}

impl std::fmt::Display for Management {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.term())
    }
}
