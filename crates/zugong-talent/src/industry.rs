//! The industry catalogue (六新六特六优 + N): data, with each item's source status.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::{Citation, SourceStatus};

/// The four groups of Ningxia's priority industries (domain brief §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndustryGroup {
    /// 六新: new-type industry (装备制造, 新材料, …).
    NewIndustry,
    /// 六特: specialty agriculture (葡萄酒, 枸杞, 牛奶, 肉牛, 滩羊, 冷凉蔬菜).
    SpecialtyAgriculture,
    /// 六优: modern services (文化旅游, 会展博览, …).
    ModernService,
    /// +N: the open list (先进算力, 氢能, …).
    Emerging,
}

zugong_core::official_terms!(IndustryGroup, "产业类别 (industry group)", {
    NewIndustry => "六新",
    SpecialtyAgriculture => "六特",
    ModernService => "六优",
    Emerging => "+N" | "N",
});

/// One industry of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Industry {
    /// Stable code (e.g. `wine`).
    pub code: String,
    /// Name (e.g. `葡萄酒`).
    pub name: String,
    /// Group.
    pub group: IndustryGroup,
    /// Whether the item is confirmed in a source, or provisional.
    pub status: SourceStatus,
}

/// A catalogue that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogueError {
    /// Two items with one code.
    #[error("industry code {0:?} is listed twice")]
    DuplicateCode(String),
    /// An item without a code or name.
    #[error("an industry needs a code and a name")]
    Blank,
}

/// The stored form of an [`IndustryCatalogue`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueData {
    /// Version label (e.g. `2024`).
    pub version: String,
    /// Where it comes from.
    pub source: Citation,
    /// Items.
    pub industries: Vec<Industry>,
}

/// 六新六特六优(+N) 产业目录: a versioned list of industries, each marked confirmed or
/// provisional. Data, not an enum: the list grows (+N) and changes by year.
///
/// ```
/// use zugong_talent::{IndustryCatalogue, IndustryGroup};
/// let cat = IndustryCatalogue::ningxia_2024();
/// assert_eq!(cat.in_group(IndustryGroup::SpecialtyAgriculture).count(), 6);
/// assert_eq!(cat.get("wine").map(|i| i.name.as_str()), Some("葡萄酒"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CatalogueData", into = "CatalogueData")]
pub struct IndustryCatalogue {
    data: CatalogueData,
}

impl TryFrom<CatalogueData> for IndustryCatalogue {
    type Error = CatalogueError;
    fn try_from(data: CatalogueData) -> Result<Self, Self::Error> {
        let mut seen = BTreeSet::new();
        for i in &data.industries {
            if i.code.trim().is_empty() || i.name.trim().is_empty() {
                return Err(CatalogueError::Blank);
            }
            if !seen.insert(i.code.as_str()) {
                return Err(CatalogueError::DuplicateCode(i.code.clone()));
            }
        }
        Ok(Self { data })
    }
}

impl From<IndustryCatalogue> for CatalogueData {
    fn from(c: IndustryCatalogue) -> Self {
        c.data
    }
}

impl IndustryCatalogue {
    /// Validates a catalogue.
    ///
    /// # Errors
    /// [`CatalogueError`] for a blank item or a duplicate code.
    pub fn new(data: CatalogueData) -> Result<Self, CatalogueError> {
        Self::try_from(data)
    }

    /// The 2024 catalogue: 六特 in full (confirmed); 装备制造, 新材料, 文化旅游, 会展博览, 先进算力,
    /// 氢能 confirmed as named examples; the rest of 六新 and 六优 provisional (国新办 briefing,
    /// 经济日报 2024-05-20; 中新社 2024-11).
    #[must_use]
    pub fn ningxia_2024() -> Self {
        use IndustryGroup::*;
        use SourceStatus::{Confirmed, Provisional};
        let item = |code: &str, name: &str, group, status| Industry {
            code: code.into(),
            name: name.into(),
            group,
            status,
        };
        Self {
            data: CatalogueData {
                version: "2024".into(),
                source: Citation::new(
                    "国新办宁夏专场新闻发布会(2024-05-20)",
                    "六新六特六优",
                    SourceStatus::Confirmed,
                ),
                industries: vec![
                    item("new_materials", "新型材料", NewIndustry, Confirmed),
                    item("clean_energy", "清洁能源", NewIndustry, Provisional),
                    item(
                        "equipment_manufacturing",
                        "装备制造",
                        NewIndustry,
                        Confirmed,
                    ),
                    item("digital_information", "数字信息", NewIndustry, Provisional),
                    item("modern_chemicals", "现代化工", NewIndustry, Provisional),
                    item(
                        "light_industry_textiles",
                        "轻工纺织",
                        NewIndustry,
                        Provisional,
                    ),
                    item("wine", "葡萄酒", SpecialtyAgriculture, Confirmed),
                    item("goji", "枸杞", SpecialtyAgriculture, Confirmed),
                    item("dairy", "牛奶", SpecialtyAgriculture, Confirmed),
                    item("beef_cattle", "肉牛", SpecialtyAgriculture, Confirmed),
                    item("tan_sheep", "滩羊", SpecialtyAgriculture, Confirmed),
                    item(
                        "cool_season_vegetables",
                        "冷凉蔬菜",
                        SpecialtyAgriculture,
                        Confirmed,
                    ),
                    item("culture_tourism", "文化旅游", ModernService, Confirmed),
                    item("modern_logistics", "现代物流", ModernService, Provisional),
                    item("modern_finance", "现代金融", ModernService, Provisional),
                    item(
                        "health_elderly_care",
                        "健康养老",
                        ModernService,
                        Provisional,
                    ),
                    item("e_commerce", "电子商务", ModernService, Provisional),
                    item("exhibitions", "会展博览", ModernService, Confirmed),
                    item("advanced_computing", "先进算力", Emerging, Confirmed),
                    item("hydrogen", "氢能", Emerging, Confirmed),
                ],
            },
        }
    }

    /// The catalogue's data.
    #[must_use]
    pub fn data(&self) -> &CatalogueData {
        &self.data
    }

    /// The industry with this code.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&Industry> {
        self.data.industries.iter().find(|i| i.code == code)
    }

    /// The industries of a group.
    pub fn in_group(&self, group: IndustryGroup) -> impl Iterator<Item = &Industry> {
        self.data
            .industries
            .iter()
            .filter(move |i| i.group == group)
    }
}
