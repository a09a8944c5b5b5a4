use serde::{Deserialize, Serialize};

use crate::official_terms;

/// 民主党派: the eight democratic parties, in the order of GB/T 4762-1984 (codes 04–11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DemocraticParty {
    /// 中国国民党革命委员会 (民革), code 04.
    Revolutionary,
    /// 中国民主同盟 (民盟), code 05.
    DemocraticLeague,
    /// 中国民主建国会 (民建), code 06.
    NationalConstruction,
    /// 中国民主促进会 (民进), code 07.
    PromotingDemocracy,
    /// 中国农工民主党 (农工党), code 08.
    PeasantsAndWorkers,
    /// 中国致公党 (致公党), code 09.
    ZhiGong,
    /// 九三学社, code 10.
    JiusanSociety,
    /// 台湾民主自治同盟 (台盟), code 11.
    TaiwanSelfGovernmentLeague,
}

official_terms!(DemocraticParty, "民主党派 (democratic party)", {
    Revolutionary => "民革党员" | "民革",
    DemocraticLeague => "民盟盟员" | "民盟",
    NationalConstruction => "民建会员" | "民建",
    PromotingDemocracy => "民进会员" | "民进",
    PeasantsAndWorkers => "农工党党员" | "农工党",
    ZhiGong => "致公党党员" | "致公党",
    JiusanSociety => "九三学社社员" | "九三学社",
    TaiwanSelfGovernmentLeague => "台盟盟员" | "台盟",
});

/// 政治面貌: political status, with the codes 01–13 of GB/T 4762-1984 (domain brief §1.7).
///
/// `Display` and `FromStr` use the official term; serde a stable snake_case code.
///
/// ```
/// use zugong_core::PoliticalStatus;
/// let s: PoliticalStatus = "中共预备党员".parse()?;
/// assert_eq!(s, PoliticalStatus::CpcProbationaryMember);
/// assert_eq!(s.code(), 2);
/// assert!(s.is_party_member());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoliticalStatus {
    /// 中共党员 (01): full member of the Communist Party of China.
    CpcMember,
    /// 中共预备党员 (02): probationary member.
    CpcProbationaryMember,
    /// 共青团员 (03): Communist Youth League member.
    YouthLeagueMember,
    /// 民主党派成员 (04–11): member of one of the eight democratic parties.
    DemocraticParty(DemocraticParty),
    /// 无党派人士 (12): a recognised non-party public figure.
    NonPartisan,
    /// 群众 (13): no party or league affiliation.
    Masses,
}

impl PoliticalStatus {
    /// The GB/T 4762-1984 code, 1–13.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Self::CpcMember => 1,
            Self::CpcProbationaryMember => 2,
            Self::YouthLeagueMember => 3,
            Self::DemocraticParty(p) => {
                let offset = DemocraticParty::ALL
                    .iter()
                    .position(|x| *x == p)
                    .unwrap_or(0);
                4 + u8::try_from(offset).unwrap_or(0)
            }
            Self::NonPartisan => 12,
            Self::Masses => 13,
        }
    }

    /// The status for a GB/T 4762-1984 code, if it is one of 1–13.
    #[must_use]
    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::CpcMember),
            2 => Some(Self::CpcProbationaryMember),
            3 => Some(Self::YouthLeagueMember),
            4..=11 => DemocraticParty::ALL
                .get(usize::from(code - 4))
                .map(|p| Self::DemocraticParty(*p)),
            12 => Some(Self::NonPartisan),
            13 => Some(Self::Masses),
            _ => None,
        }
    }

    /// Whether the person belongs to the CPC, full or probationary.
    #[must_use]
    pub fn is_party_member(self) -> bool {
        matches!(self, Self::CpcMember | Self::CpcProbationaryMember)
    }
}

impl std::fmt::Display for PoliticalStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::CpcMember => "中共党员",
            Self::CpcProbationaryMember => "中共预备党员",
            Self::YouthLeagueMember => "共青团员",
            Self::DemocraticParty(p) => p.term(),
            Self::NonPartisan => "无党派人士",
            Self::Masses => "群众",
        })
    }
}

impl std::str::FromStr for PoliticalStatus {
    type Err = crate::ParseTermError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "中共党员" => Ok(Self::CpcMember),
            "中共预备党员" => Ok(Self::CpcProbationaryMember),
            "共青团员" => Ok(Self::YouthLeagueMember),
            "无党派人士" => Ok(Self::NonPartisan),
            "群众" => Ok(Self::Masses),
            other => other
                .parse::<DemocraticParty>()
                .map(Self::DemocraticParty)
                .map_err(|_| crate::ParseTermError::new("政治面貌 (political status)", s)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in 1..=13u8 {
            let s = PoliticalStatus::from_code(code).unwrap();
            assert_eq!(s.code(), code);
            assert_eq!(s.to_string().parse::<PoliticalStatus>().unwrap(), s);
        }
        assert_eq!(PoliticalStatus::from_code(0), None);
        assert_eq!(PoliticalStatus::from_code(14), None);
        assert!("党员".parse::<PoliticalStatus>().is_err());
    }
}
