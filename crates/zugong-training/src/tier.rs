//! The three training tiers (三级培训体系).

use serde::{Deserialize, Serialize};
use zugong_core::{AdminLevel, OrgKind, OrgUnit};

/// 培训层级: who organizes a training, top to bottom.
///
/// The tiers follow 《中国共产党党员教育管理工作条例》(2019) 第二十条 (市、县党委或者基层党委每年
/// 应当组织党员集中轮训) and 第四十条、第四十一条 (the 基层党委 runs member training; the 县级党校
/// carries it). Which audience each tier covers is local policy ([`crate::TierPolicy`]).
/// Ordered top first: `CityKey < CountyUniversal < GrassrootsFallback` is the order in which
/// coverage planning seats members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingTier {
    /// 市级重点培训: city-level training of key groups.
    CityKey,
    /// 县(区)级普遍培训: county-level rotation training for every member.
    CountyUniversal,
    /// 基层党委兜底培训: the grassroots committee trains whoever is left (兜底).
    GrassrootsFallback,
}

zugong_core::official_terms!(TrainingTier, "培训层级 (training tier)", {
    CityKey => "市级重点培训" | "市级",
    CountyUniversal => "县(区)级普遍培训" | "县级普遍培训" | "县级",
    GrassrootsFallback => "基层党委兜底培训" | "兜底培训" | "基层",
});

impl TrainingTier {
    /// The tier an organizer can run, from its level and kind: a city committee runs
    /// 市级重点培训, a county committee 县级普遍培训, a township or other grassroots committee
    /// 兜底培训. Branches and groups organize no tier.
    #[must_use]
    pub fn of_organizer(unit: &OrgUnit) -> Option<TrainingTier> {
        if !unit.kind.is_committee() {
            return None;
        }
        match (unit.level, unit.kind) {
            (AdminLevel::Prefectural | AdminLevel::Provincial | AdminLevel::Central, _) => {
                Some(Self::CityKey)
            }
            (AdminLevel::County, OrgKind::GrassrootsCommittee) => Some(Self::GrassrootsFallback),
            (AdminLevel::County, _) => Some(Self::CountyUniversal),
            _ => Some(Self::GrassrootsFallback),
        }
    }
}
