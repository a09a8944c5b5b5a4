//! 新型农村集体经济: a village's collective income by kind, the lines a province draws
//! (空壳村, 薄弱村) and the reporting bands, rolled up by township and county.
//!
//! | rule | default | source |
//! |---|---|---|
//! | the measure | 村集体 年经营性收入 (operating income: 发包, 物业, 服务, 经营, 投资收益; subsidies and other income excluded) | national statistics (secondary) |
//! | 空壳村 | no operating income (a preset of the national statistics: below 5万元) | 全国农村集体经济统计 (secondary) |
//! | 薄弱村 | operating income above zero and below 10万元 | none found nationally; a province's own (provisional) |
//! | reporting bands | 10 / 50 / 100 / 500万元 | 石嘴山市 2024 (secondary) |
//!
//! No national article sets a number: the lines are policy values ([`EconomyPolicy`]) a
//! province sets, and [`EconomyPolicy::validate`] keeps them in order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{
    AdminLevel, Citation, OrgTree, OrgTreeError, OrgUnit, OrgUnitId, SourceStatus, UnitSlot, Yuan,
};

/// The measure: village collectives' yearly accounts (村集体经济组织年度收益统计).
pub(crate) const MEASURE_RULE: Citation = Citation::new(
    "全国农村集体经济统计（农业农村部）",
    "村集体经济组织年度收益统计",
    SourceStatus::Secondary,
);
/// 空壳村: no 经营收益 (national statistics count "没有收益或者收益低于5万元" villages).
pub(crate) const SHELL_RULE: Citation = Citation::new(
    "全国农村集体经济统计（农业农村部）",
    "空壳村：当年无经营收益",
    SourceStatus::Secondary,
);
/// 薄弱村: a province's line; none is set nationally.
pub(crate) const WEAK_RULE: Citation = Citation::new(
    "省级扶持壮大村级集体经济实施方案（薄弱村标准由各省确定）",
    "年经营性收入低于10万元",
    SourceStatus::Provisional,
);
/// The reporting bands of 经营性收入.
pub(crate) const BAND_RULE: Citation = Citation::new(
    "石嘴山市村级集体经济经营性收入统计(2024)",
    "10万元、50万元、100万元、500万元以上",
    SourceStatus::Secondary,
);

/// 收入类型: the kinds of a village collective's income, as the collective's accounts keep
/// them (农村集体经济组织会计制度 收入科目).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    /// 资源发包: contracting out land, water, forest and other resources (发包及上交收入).
    ResourceContracting,
    /// 物业租赁: renting out buildings, shops, standard plants.
    PropertyLeasing,
    /// 经营服务: paid services (农机, 劳务, 托管…).
    Services,
    /// 生产经营: the collective's own business.
    Operations,
    /// 投资收益: returns on shares and investments (入股分红).
    Investment,
    /// 补助收入: subsidies from government; not operating income.
    Subsidy,
    /// 其他收入: anything else (donations, interest…); not operating income.
    Other,
}

zugong_core::official_terms!(IncomeKind, "集体经济收入类型 (income kind)", {
    ResourceContracting => "资源发包收入" | "发包收入" | "资源发包" | "发包及上交收入",
    PropertyLeasing => "物业租赁收入" | "物业收入" | "物业租赁",
    Services => "经营服务收入" | "服务收入" | "经营服务",
    Operations => "生产经营收入" | "经营收入" | "生产经营",
    Investment => "投资收益" | "入股分红",
    Subsidy => "补助收入",
    Other => "其他收入",
});

impl IncomeKind {
    /// Whether the kind counts as 经营性收入 (operating income): every kind but 补助收入 and
    /// 其他收入.
    #[must_use]
    pub const fn is_operating(self) -> bool {
        !matches!(self, Self::Subsidy | Self::Other)
    }
}

/// 村集体经济年报: one village collective's accounts for one year — income by kind and assets.
///
/// ```
/// use zugong_branch::{CollectiveReturn, IncomeKind};
/// use zugong_core::{OrgUnitId, Yuan};
/// let village = OrgUnitId::from_uuid(uuid::Uuid::from_u128(7));
/// let r = CollectiveReturn::new(village, 2025)
///     .with_income(IncomeKind::PropertyLeasing, Yuan::wan(6))
///     .with_income(IncomeKind::Investment, Yuan::wan(3))
///     .with_income(IncomeKind::Subsidy, Yuan::wan(20));
/// assert_eq!(r.operating_income(), Yuan::wan(9)); // the subsidy is not operating income
/// assert_eq!(r.total_income(), Yuan::wan(29));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CollectiveReturn {
    /// The village's Party organization in the tree (the collective it leads).
    pub village: OrgUnitId,
    /// The accounting year.
    pub year: i32,
    /// Income by kind, in whole yuan (a kind not listed is zero).
    pub incomes: BTreeMap<IncomeKind, Yuan>,
    /// 资产总额 at the end of the year.
    #[serde(default)]
    pub assets: Yuan,
}

impl CollectiveReturn {
    /// A return with no income and no assets yet.
    #[must_use]
    pub fn new(village: OrgUnitId, year: i32) -> Self {
        Self {
            village,
            year,
            incomes: BTreeMap::new(),
            assets: Yuan(0),
        }
    }

    /// The same return with `amount` added to the income of `kind`.
    #[must_use]
    pub fn with_income(mut self, kind: IncomeKind, amount: Yuan) -> Self {
        let slot = self.incomes.entry(kind).or_default();
        *slot = slot.saturating_add(amount);
        self
    }

    /// The same return with its assets.
    #[must_use]
    pub fn with_assets(mut self, assets: Yuan) -> Self {
        self.assets = assets;
        self
    }

    /// 经营性收入: the operating kinds summed.
    #[must_use]
    pub fn operating_income(&self) -> Yuan {
        self.incomes
            .iter()
            .filter(|(k, _)| k.is_operating())
            .fold(Yuan(0), |a, (_, v)| a.saturating_add(*v))
    }

    /// 总收入: every kind summed.
    #[must_use]
    pub fn total_income(&self) -> Yuan {
        self.incomes
            .values()
            .fold(Yuan(0), |a, v| a.saturating_add(*v))
    }
}

/// 村集体经济类型: where a village's operating income puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EconomyStanding {
    /// 空壳村: below the shell line (no operating income by default).
    Shell,
    /// 薄弱村: at or above the shell line, below the weak line.
    Weak,
    /// 一般村及以上: at or above the weak line.
    Ordinary,
}

zugong_core::official_terms!(EconomyStanding, "村集体经济类型 (economy standing)", {
    Shell => "空壳村",
    Weak => "薄弱村",
    Ordinary => "一般村" | "一般村及以上",
});

/// The lines a province draws under its villages' operating income. The defaults are the
/// national statistics' shell line (no operating income), a weak line of 10万元
/// (provisional: no national figure) and the bands 10/50/100/500万元.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct EconomyPolicy {
    /// 空壳村 below this operating income: 1元 (that is, none at all). The national
    /// statistics' preset is 5万元.
    pub shell_below: Yuan,
    /// 薄弱村 below this operating income: 10万元 (provisional).
    pub weak_below: Yuan,
    /// The reporting bands' lower bounds, ascending: 10, 50, 100, 500万元.
    pub bands: Vec<Yuan>,
}

zugong_core::validated_policy_serde!(EconomyPolicy);

impl Default for EconomyPolicy {
    fn default() -> Self {
        Self {
            shell_below: Yuan(1),
            weak_below: Yuan::wan(10),
            bands: vec![Yuan::wan(10), Yuan::wan(50), Yuan::wan(100), Yuan::wan(500)],
        }
    }
}

impl EconomyPolicy {
    /// The national statistics' preset: 空壳村 below 5万元 (没有收益或者收益低于5万元).
    #[must_use]
    pub fn national_statistics() -> Self {
        Self {
            shell_below: Yuan::wan(5),
            ..Self::default()
        }
    }

    /// Where an operating income puts a village.
    #[must_use]
    pub fn standing(&self, operating_income: Yuan) -> EconomyStanding {
        if operating_income < self.shell_below {
            EconomyStanding::Shell
        } else if operating_income < self.weak_below {
            EconomyStanding::Weak
        } else {
            EconomyStanding::Ordinary
        }
    }

    /// The band an operating income falls in: 0 below the first bound, `n` at or above the
    /// `n`th bound.
    #[must_use]
    pub fn band(&self, operating_income: Yuan) -> usize {
        self.bands
            .iter()
            .filter(|b| operating_income >= **b)
            .count()
    }
}

impl Policy for EconomyPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("shell_below", SHELL_RULE),
            ("weak_below", WEAK_RULE),
            ("bands", BAND_RULE),
        ]
    }

    /// A village with no operating income is always a 空壳村 (`shell_below` at least 1元);
    /// the weak line is not below the shell line; the bands ascend strictly, at most 16.
    fn validate(&self) -> Result<(), PolicyError> {
        let as_i64 = |y: Yuan| i64::try_from(y.0).unwrap_or(i64::MAX);
        if self.shell_below < Yuan(1) {
            return Err(PolicyError::OutOfRange {
                field: "shell_below",
                value: as_i64(self.shell_below),
                min: 1,
                max: i64::MAX,
            });
        }
        if self.weak_below < self.shell_below {
            return Err(PolicyError::OutOfRange {
                field: "weak_below",
                value: as_i64(self.weak_below),
                min: as_i64(self.shell_below),
                max: i64::MAX,
            });
        }
        if self.bands.len() > 16
            || self
                .bands
                .iter()
                .zip(self.bands.iter().skip(1))
                .any(|(a, b)| a >= b)
        {
            return Err(PolicyError::OutOfRange {
                field: "bands",
                value: i64::try_from(self.bands.len()).unwrap_or(i64::MAX),
                min: 0,
                max: 16,
            });
        }
        Ok(())
    }
}

/// One village's year, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VillageEconomy {
    /// The village.
    pub village: OrgUnitId,
    /// 经营性收入.
    pub operating_income: Yuan,
    /// 总收入.
    pub total_income: Yuan,
    /// 资产总额.
    pub assets: Yuan,
    /// 空壳村, 薄弱村 or 一般村.
    pub standing: EconomyStanding,
    /// The reporting band (0 below the first bound).
    pub band: usize,
}

/// The collective economy of a subtree: villages by standing and band, and the money summed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EconomySummary {
    /// Villages with a return for the year.
    pub villages: u32,
    /// 空壳村.
    pub shell: u32,
    /// 薄弱村.
    pub weak: u32,
    /// 一般村及以上.
    pub ordinary: u32,
    /// Villages per band: index 0 below the first bound, `n` at or above the `n`th.
    pub by_band: Vec<u32>,
    /// 经营性收入 summed.
    pub operating_income: Yuan,
    /// 总收入 summed.
    pub total_income: Yuan,
    /// 资产总额 summed.
    pub assets: Yuan,
}

impl EconomySummary {
    fn count(&mut self, v: &VillageEconomy, bands: usize) {
        self.villages = self.villages.saturating_add(1);
        let slot = match v.standing {
            EconomyStanding::Shell => &mut self.shell,
            EconomyStanding::Weak => &mut self.weak,
            EconomyStanding::Ordinary => &mut self.ordinary,
        };
        *slot = slot.saturating_add(1);
        if self.by_band.len() < bands + 1 {
            self.by_band.resize(bands + 1, 0);
        }
        if let Some(b) = self.by_band.get_mut(v.band) {
            *b = b.saturating_add(1);
        }
        self.operating_income = self.operating_income.saturating_add(v.operating_income);
        self.total_income = self.total_income.saturating_add(v.total_income);
        self.assets = self.assets.saturating_add(v.assets);
    }

    fn add(&mut self, o: &EconomySummary) {
        self.villages = self.villages.saturating_add(o.villages);
        self.shell = self.shell.saturating_add(o.shell);
        self.weak = self.weak.saturating_add(o.weak);
        self.ordinary = self.ordinary.saturating_add(o.ordinary);
        if self.by_band.len() < o.by_band.len() {
            self.by_band.resize(o.by_band.len(), 0);
        }
        for (a, b) in self.by_band.iter_mut().zip(&o.by_band) {
            *a = a.saturating_add(*b);
        }
        self.operating_income = self.operating_income.saturating_add(o.operating_income);
        self.total_income = self.total_income.saturating_add(o.total_income);
        self.assets = self.assets.saturating_add(o.assets);
    }

    /// 空壳村 and 薄弱村 together, in ‰ of the villages (0 with none).
    #[must_use]
    pub fn weak_permille(&self) -> u32 {
        if self.villages == 0 {
            return 0;
        }
        let weak = u64::from(self.shell) + u64::from(self.weak);
        u32::try_from(weak * 1000 / u64::from(self.villages)).unwrap_or(1000)
    }
}

/// The year's collective economy: each village classified, and every unit's subtree summed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EconomyRollup {
    /// The year.
    pub year: i32,
    /// Each village with a return, in the order of the returns.
    pub villages: Vec<VillageEconomy>,
    /// Every unit's subtree, by tree slot (a unit with no village below it is all zeros).
    pub by_unit: Vec<EconomySummary>,
}

impl EconomyRollup {
    /// The summary of `unit`'s subtree.
    #[must_use]
    pub fn summary(&self, tree: &OrgTree, unit: OrgUnitId) -> Option<&EconomySummary> {
        tree.slot(unit).and_then(|s| self.by_unit.get(s.index()))
    }

    /// The units at `level` (乡镇 or 县) with at least one village below them, with their
    /// summaries, in tree order.
    pub fn at_level<'a>(
        &'a self,
        tree: &'a OrgTree,
        level: AdminLevel,
    ) -> impl Iterator<Item = (&'a OrgUnit, &'a EconomySummary)> + 'a {
        tree.preorder().filter_map(move |slot: UnitSlot| {
            let unit = tree.unit(slot)?;
            let summary = self.by_unit.get(slot.index())?;
            (unit.level == level && summary.villages > 0).then_some((unit, summary))
        })
    }

    /// Every village of the year together: the roots of the tree summed.
    #[must_use]
    pub fn total(&self, tree: &OrgTree) -> EconomySummary {
        let mut total = EconomySummary::default();
        for slot in tree.preorder() {
            if tree.parent_slot(slot).is_none()
                && let Some(s) = self.by_unit.get(slot.index())
            {
                total.add(s);
            }
        }
        total
    }

    /// The 空壳村 and 薄弱村, in the order of the returns.
    pub fn weak_villages(&self) -> impl Iterator<Item = &VillageEconomy> {
        self.villages
            .iter()
            .filter(|v| v.standing != EconomyStanding::Ordinary)
    }
}

/// What is wrong with one collective-economy return.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ReturnError {
    /// The return names a unit outside the tree.
    #[error("unit {unit} is not in the organization tree")]
    UnknownUnit {
        /// The unit.
        unit: OrgUnitId,
    },
    /// The return's unit is not at village level: a collective economy is a village's.
    #[error("{unit} is at {level} level; collective-economy returns are villages' (村级)")]
    NotAVillage {
        /// The unit.
        unit: OrgUnitId,
        /// Its level.
        level: AdminLevel,
    },
    /// A return for a year after the latest that may be reported: income in the future.
    #[error("year {year} is in the future (latest year that may be reported: {latest})")]
    FutureYear {
        /// Its year.
        year: i32,
        /// The latest year that may be reported.
        latest: i32,
    },
}

impl Refusal for ReturnError {
    fn citation(&self) -> Citation {
        MEASURE_RULE
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (Language::Chinese, Self::UnknownUnit { unit }) => {
                format!("组织 {unit} 不在组织树中（{}）", self.citation())
            }
            (Language::Chinese, Self::NotAVillage { level, .. }) => format!(
                "该组织为{level}层级：村集体经济年报只填报村级组织（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::FutureYear { year, latest }) => format!(
                "{year} 年度尚未到来：最晚可填报 {latest} 年度（{}）",
                self.citation()
            ),
        }
    }
}

impl CollectiveReturn {
    /// Checks the return on its own: its unit is a village of `tree` and its year is not after
    /// `latest_year`. Returns the village's slot.
    ///
    /// # Errors
    /// [`ReturnError`].
    pub fn check(&self, tree: &OrgTree, latest_year: i32) -> Result<UnitSlot, ReturnError> {
        let slot = tree
            .slot(self.village)
            .ok_or(ReturnError::UnknownUnit { unit: self.village })?;
        let level = tree.unit(slot).map_or(AdminLevel::Village, |u| u.level);
        if level != AdminLevel::Village {
            return Err(ReturnError::NotAVillage {
                unit: self.village,
                level,
            });
        }
        if self.year > latest_year {
            return Err(ReturnError::FutureYear {
                year: self.year,
                latest: latest_year,
            });
        }
        Ok(slot)
    }
}

/// Returns the roll-up refuses; nothing is counted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum EconomyError {
    /// One return is wrong.
    #[error("return {index}: {error}")]
    Return {
        /// Index of the return.
        index: usize,
        /// What is wrong.
        #[source]
        error: ReturnError,
    },
    /// Two returns for one village and year.
    #[error("returns {first} and {second} are both for {village} in {year}")]
    Duplicate {
        /// The first return.
        first: usize,
        /// The second.
        second: usize,
        /// The village.
        village: OrgUnitId,
        /// The year.
        year: i32,
    },
    /// The policy is not valid.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The tree refused the roll-up.
    #[error(transparent)]
    Tree(#[from] OrgTreeError),
}

/// Classifies each village's return for `year` under `policy` and sums them up the tree.
/// Returns for other years are skipped; `latest_closed_year` is the last year whose accounts
/// may exist (the year before the report date, usually).
///
/// ```
/// use zugong_branch::{economy_rollup, CollectiveReturn, EconomyPolicy, IncomeKind};
/// use zugong_core::*;
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(id(1), "中共闽宁镇委员会", OrgKind::Committee, AdminLevel::Township),
///     OrgUnit::new(id(2), "原隆村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
///     OrgUnit::new(id(3), "福宁村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
/// ])?;
/// let returns = vec![
///     CollectiveReturn::new(id(2), 2025).with_income(IncomeKind::PropertyLeasing, Yuan::wan(60)),
///     CollectiveReturn::new(id(3), 2025).with_income(IncomeKind::Subsidy, Yuan::wan(30)),
/// ];
/// let r = economy_rollup(&tree, &returns, 2025, 2025, &EconomyPolicy::default())?;
/// let town = r.summary(&tree, id(1)).ok_or("no town")?;
/// assert_eq!((town.villages, town.shell, town.ordinary), (2, 1, 1)); // 福宁 has only a subsidy
/// assert_eq!(town.by_band, vec![1, 0, 1, 0, 0]); // one below 10万, one from 50万 to 100万
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`EconomyError`] for a unit outside the tree or not at village level, a year after
/// `latest_closed_year`, two returns for one village and year, or an invalid policy.
pub fn economy_rollup(
    tree: &OrgTree,
    returns: &[CollectiveReturn],
    year: i32,
    latest_closed_year: i32,
    policy: &EconomyPolicy,
) -> Result<EconomyRollup, EconomyError> {
    policy.validate()?;
    let mut by_unit = vec![EconomySummary::default(); tree.len()];
    let mut villages = Vec::new();
    let mut seen: BTreeMap<(OrgUnitId, i32), usize> = BTreeMap::new();
    for (index, r) in returns.iter().enumerate() {
        let slot = r
            .check(tree, latest_closed_year)
            .map_err(|error| EconomyError::Return { index, error })?;
        if let Some(first) = seen.insert((r.village, r.year), index) {
            return Err(EconomyError::Duplicate {
                first,
                second: index,
                village: r.village,
                year: r.year,
            });
        }
        if r.year != year {
            continue;
        }
        let operating_income = r.operating_income();
        let v = VillageEconomy {
            village: r.village,
            operating_income,
            total_income: r.total_income(),
            assets: r.assets,
            standing: policy.standing(operating_income),
            band: policy.band(operating_income),
        };
        if let Some(s) = by_unit.get_mut(slot.index()) {
            s.count(&v, policy.bands.len());
        }
        villages.push(v);
    }
    tree.rollup_in_place(&mut by_unit, EconomySummary::add)?;
    Ok(EconomyRollup {
        year,
        villages,
        by_unit,
    })
}
