//! Presets for the documented rating schemes. Ningxia's own 五星支部 document is not
//! available (domain brief §4): these are the schemes with a public source, each with its
//! source and what in it is provisional. Load a province's own rubric as data instead
//! ([`crate::RubricData`] is serde).
//!
//! Not shipped: 石嘴山 (6 categories, 25 items: the item list and weights are not public) and
//! 山东 (no source found).

use zugong_core::{Citation, SourceStatus};

use crate::rubric::{
    AwardModel, Band, BonusItem, CeilingItem, Dimension, Guidance, GuidanceTarget, Indicator,
    Measure, PublicityRule, Rubric, RubricData, RubricError, TargetBinding, VetoEffect, VetoItem,
};
use crate::{Points, StarLevel};

fn indicator(code: &str, name: &str, max: u32) -> Indicator {
    Indicator {
        code: code.into(),
        name: name.into(),
        max: Points::whole(max),
        evidence_required: true,
        measure: None,
    }
}

/// A measured 组织生活 indicator worth `max`: points in proportion to the required intervals
/// of 三会一课, 主题党日, 组织生活会 and 民主评议 met over the year ([`crate::check_life`]).
/// Add it to a province's own dimension (组织生活, 工作制度).
#[must_use]
pub fn organizational_life_indicator(max: u32) -> Indicator {
    Indicator {
        measure: Some(Measure::OrganizationalLife),
        ..indicator("organizational_life", "组织生活落实", max)
    }
}

/// A measured 村集体经济 indicator worth `max`: points in proportion to the village's
/// 经营性收入, full from `full_marks_at` (the province's figure; no national one exists,
/// domain brief §15). For a 富裕星 / 发展星 dimension or a 集体经济 item.
#[must_use]
pub fn collective_economy_indicator(max: u32, full_marks_at: zugong_core::Yuan) -> Indicator {
    Indicator {
        measure: Some(Measure::OperatingIncome { full_marks_at }),
        ..indicator("collective_economy", "村集体经济经营性收入", max)
    }
}

fn stars(n: u8) -> StarLevel {
    StarLevel::new(n).unwrap_or(StarLevel::NONE)
}

fn bands(mins: [u32; 4]) -> Vec<Band> {
    let mut out: Vec<Band> = mins
        .iter()
        .zip([5u8, 4, 3, 2])
        .map(|(m, s)| Band {
            stars: stars(s),
            min: Points::whole(*m),
        })
        .collect();
    out.push(Band {
        stars: stars(1),
        min: Points::ZERO,
    });
    out
}

fn five_calendar_days() -> PublicityRule {
    PublicityRule {
        days: 5,
        working_days: false,
    }
}

fn serious_discipline_veto() -> VetoItem {
    VetoItem {
        code: "serious_discipline_case".into(),
        name: "发生严重违纪违法案件".into(),
        effect: VetoEffect::NoStar,
    }
}

/// 五星创评 (110 points): 8 indicators — 领导班子、骨干队伍、活动阵地、工作制度、保障机制、工作业绩、
/// 群众评价 and a 加分项目 — with bands 五星 ≥ 90 plus a 党建创新项目, 四星 ≥ 80, 三星 ≥ 70, 二星 ≥ 60,
/// 一星 below; guidance about 10% / 30% / 40% / 20% (二星及以下), soft; 公示 5 days.
/// Source: a city 组织部 scheme applied by a branch in 2023 (domain brief §4.2, secondary).
///
/// # Provisional
/// The per-indicator split (15/15/10/15/10/20/15 of 100) and the 加分项目 being the 10 points
/// above 100 are not in the source; nor is the result of ≥ 90 without an innovation project
/// (四星 here).
///
/// # Errors
/// None in practice: the preset is valid; the `Result` is the rubric validation.
pub fn five_star_110() -> Result<Rubric, RubricError> {
    Rubric::new(RubricData {
        name: "五星创评（110分制）".into(),
        source: Citation::new(
            "某市委组织部五星创评方案(2023)",
            "https://wnwk.com/doc/1036408.html",
            SourceStatus::Secondary,
        ),
        model: AwardModel::ScoreBands {
            bands: bands([90, 80, 70, 60]),
            innovation_for_five: true,
            without_innovation: stars(4),
        },
        base: Points::ZERO,
        dimensions: vec![Dimension {
            code: "five_star".into(),
            name: "五星创评指标".into(),
            indicators: vec![
                indicator("leadership_team", "领导班子", 15),
                indicator("core_members", "骨干队伍", 15),
                indicator("activity_venue", "活动阵地", 10),
                indicator("work_system", "工作制度", 15),
                indicator("support_mechanism", "保障机制", 10),
                indicator("performance", "工作业绩", 20),
                indicator("public_evaluation", "群众评价", 15),
            ],
            star_bar: None,
        }],
        deductions: vec![],
        bonuses: vec![BonusItem {
            code: "innovation_project".into(),
            name: "党建创新项目（加分项目）".into(),
            points: Points::whole(10),
            innovation_project: true,
        }],
        vetoes: vec![serious_discipline_veto()],
        ceilings: vec![],
        guidance: Some(Guidance {
            targets: vec![
                GuidanceTarget {
                    min_stars: stars(5),
                    max_stars: stars(5),
                    permille: 100,
                    binding: TargetBinding::About,
                },
                GuidanceTarget {
                    min_stars: stars(4),
                    max_stars: stars(4),
                    permille: 300,
                    binding: TargetBinding::About,
                },
                GuidanceTarget {
                    min_stars: stars(3),
                    max_stars: stars(3),
                    permille: 400,
                    binding: TargetBinding::About,
                },
                GuidanceTarget {
                    min_stars: StarLevel::NONE,
                    max_stars: stars(2),
                    permille: 200,
                    binding: TargetBinding::About,
                },
            ],
            five_star_cap: None,
            enforce_cap: false,
        }),
        publicity: five_calendar_days(),
    })
}

fn dimension_star(code: &str, name: &str) -> Dimension {
    Dimension {
        code: code.into(),
        name: name.into(),
        indicators: vec![indicator(
            &format!("{code}_score"),
            &format!("{name}考评"),
            100,
        )],
        star_bar: Some(Points::whole(80)),
    }
}

/// 浙江 "五星达标": 党建星、富裕星、美丽星、和谐星、文明星, each earned on its own (domain brief §4.3,
/// secondary).
///
/// # Provisional
/// Each star is scored out of 100 with a bar of 80: the source names the stars, not how each is
/// judged.
///
/// # Errors
/// None in practice: the preset is valid.
pub fn zhejiang_five_star() -> Result<Rubric, RubricError> {
    Rubric::new(RubricData {
        name: "浙江五星达标".into(),
        source: Citation::new(
            "浙江“五星达标、3A争创”",
            "http://yunnanlong.com/c/041H350262022.html",
            SourceStatus::Secondary,
        ),
        model: AwardModel::DimensionStars,
        base: Points::ZERO,
        dimensions: vec![
            dimension_star("party_building", "党建星"),
            dimension_star("prosperity", "富裕星"),
            dimension_star("beauty", "美丽星"),
            dimension_star("harmony", "和谐星"),
            dimension_star("civility", "文明星"),
        ],
        deductions: vec![],
        bonuses: vec![],
        vetoes: vec![serious_discipline_veto()],
        ceilings: vec![],
        guidance: None,
        publicity: five_calendar_days(),
    })
}

/// 陕西安康 "五星创建、双强争优" (2022): 领航星 (政治过硬、对党忠诚), 模范星 (贯彻有力、执行有效),
/// 和谐星, 团结星, 发展星, each earned on its own (domain brief §4.3, secondary).
///
/// # Provisional
/// As for [`zhejiang_five_star`]: 100 per star, bar 80.
///
/// # Errors
/// None in practice: the preset is valid.
pub fn ankang_five_star() -> Result<Rubric, RubricError> {
    Rubric::new(RubricData {
        name: "安康五星创建".into(),
        source: Citation::new(
            "陕西安康“五星创建、双强争优”(2022)",
            "https://www.mmgw.top/index/article/detail/detail_id/9505.html",
            SourceStatus::Secondary,
        ),
        model: AwardModel::DimensionStars,
        base: Points::ZERO,
        dimensions: vec![
            dimension_star("pilot", "领航星"),
            dimension_star("model", "模范星"),
            dimension_star("harmony", "和谐星"),
            dimension_star("unity", "团结星"),
            dimension_star("development", "发展星"),
        ],
        deductions: vec![],
        bonuses: vec![],
        vetoes: vec![serious_discipline_veto()],
        ceilings: vec![],
        guidance: None,
        publicity: five_calendar_days(),
    })
}

/// A university scheme (2024): 规范指数 and 先锋指数, 一票否决; a branch with seriously irregular
/// basic work or named 软弱涣散 may not be rated 三星 or above; 五星 at most 30%, enforced
/// (domain brief §4.3, secondary).
///
/// # Provisional
/// The split 60 (规范) / 40 (先锋) and the bands 90/80/70/60 are not in the source.
///
/// # Errors
/// None in practice: the preset is valid.
pub fn university_2024() -> Result<Rubric, RubricError> {
    Rubric::new(RubricData {
        name: "高校党支部星级评定（规范指数、先锋指数）".into(),
        source: Citation::new(
            "某高校党支部星级评定办法(2024)",
            "http://sdycu.edu.cn/yxy/info/1048/6131.htm",
            SourceStatus::Secondary,
        ),
        model: AwardModel::ScoreBands {
            bands: bands([90, 80, 70, 60]),
            innovation_for_five: false,
            without_innovation: stars(5),
        },
        base: Points::ZERO,
        dimensions: vec![
            Dimension {
                code: "standard_index".into(),
                name: "规范指数".into(),
                indicators: vec![indicator("standard", "规范指数", 60)],
                star_bar: None,
            },
            Dimension {
                code: "vanguard_index".into(),
                name: "先锋指数".into(),
                indicators: vec![indicator("vanguard", "先锋指数", 40)],
                star_bar: None,
            },
        ],
        deductions: vec![],
        bonuses: vec![],
        // 一票否决 here bars 三星 and above (the scheme's words), it does not void the rating.
        vetoes: vec![VetoItem {
            effect: VetoEffect::Below(stars(3)),
            ..serious_discipline_veto()
        }],
        ceilings: vec![
            CeilingItem {
                code: "irregular_basic_work".into(),
                name: "基础工作严重不规范、记录缺失".into(),
                max_stars: stars(2),
            },
            CeilingItem {
                code: "weak_and_lax".into(),
                name: "被认定为软弱涣散党组织".into(),
                max_stars: stars(2),
            },
        ],
        guidance: Some(Guidance {
            targets: vec![],
            five_star_cap: Some(300),
            enforce_cap: true,
        }),
        publicity: five_calendar_days(),
    })
}

/// 基准分 100 ± (积分制动态管理): a branch starts the year at 100 and gains or loses points under
/// its 考评细则; the score may exceed 100 (domain brief §4.3, secondary).
///
/// # Provisional
/// The 细则 (deduction and bonus items) are local: this preset carries none, so load a
/// county's own list into [`RubricData::deductions`] and [`RubricData::bonuses`]. The bands
/// (五星 ≥ 110, 四星 ≥ 100, 三星 ≥ 90, 二星 ≥ 80) are not in the source.
///
/// # Errors
/// None in practice: the preset is valid.
pub fn hundred_point_base() -> Result<Rubric, RubricError> {
    let mut base_bands: Vec<Band> = [(5u8, 110u32), (4, 100), (3, 90), (2, 80)]
        .iter()
        .map(|(s, m)| Band {
            stars: stars(*s),
            min: Points::whole(*m),
        })
        .collect();
    base_bands.push(Band {
        stars: stars(1),
        min: Points::ZERO,
    });
    Rubric::new(RubricData {
        name: "星级标准化党支部（100基准分）".into(),
        source: Citation::new(
            "星级标准化党支部积分制动态管理",
            "https://lycpys.dps.qikan.cn",
            SourceStatus::Secondary,
        ),
        model: AwardModel::ScoreBands {
            bands: base_bands,
            innovation_for_five: false,
            without_innovation: stars(5),
        },
        base: Points::whole(100),
        dimensions: vec![],
        deductions: vec![],
        bonuses: vec![BonusItem {
            code: "recognised_achievement".into(),
            name: "受到上级表彰（按细则加分）".into(),
            points: Points::whole(20),
            innovation_project: false,
        }],
        vetoes: vec![serious_discipline_veto()],
        ceilings: vec![],
        guidance: None,
        publicity: five_calendar_days(),
    })
}

/// The names a dataset's manifest gives the presets (`"rubric": "five_star_110"`), in the
/// order of [`all`].
pub const NAMES: [&str; 5] = [
    "five_star_110",
    "zhejiang",
    "ankang",
    "university_2024",
    "hundred_point_base",
];

/// The preset a manifest names (one of [`NAMES`]); `None` for any other name.
///
/// ```
/// let rubric = zugong_branch::presets::named("zhejiang").unwrap().unwrap();
/// assert_eq!(rubric, zugong_branch::presets::zhejiang_five_star().unwrap());
/// assert!(zugong_branch::presets::named("made_up").is_none());
/// ```
#[must_use]
pub fn named(name: &str) -> Option<Result<Rubric, RubricError>> {
    Some(match name {
        "five_star_110" => five_star_110(),
        "zhejiang" => zhejiang_five_star(),
        "ankang" => ankang_five_star(),
        "university_2024" => university_2024(),
        "hundred_point_base" => hundred_point_base(),
        _ => return None,
    })
}

/// Every preset, in the order of [`NAMES`].
///
/// # Errors
/// None in practice: every preset is valid.
pub fn all() -> Result<Vec<Rubric>, RubricError> {
    Ok(vec![
        five_star_110()?,
        zhejiang_five_star()?,
        ankang_five_star()?,
        university_2024()?,
        hundred_point_base()?,
    ])
}
