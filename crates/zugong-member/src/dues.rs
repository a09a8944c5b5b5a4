//! 党费: what each member owes a month under 中组部《关于中国共产党党费收缴、使用和管理的规定》
//! (2008), the monthly ledger of what was paid, and the six-month arrears signal of 党章 Art 9
//! and 党员教育管理工作条例 Art 31. Money is exact fen, never floating point.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{
    AuthorityError, Citation, MemberId, OrgTree, OrgUnitId, Policy, PolicyError, SourceStatus,
};

/// 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008).
const DUES_2008: Citation = Citation::new(
    "中组部《关于中国共产党党费收缴、使用和管理的规定》(2008)",
    "第一条至第十一条",
    SourceStatus::Secondary,
);
/// 连续6个月不交纳党费 → 自行脱党 (党章 Art 9; 党员教育管理工作条例 Art 31).
const LAPSE: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第三十一条",
    SourceStatus::Confirmed,
);

/// An amount of money in fen (分): exact, never negative.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub u64);

impl Fen {
    /// `yuan` whole yuan.
    #[must_use]
    pub const fn yuan(yuan: u64) -> Self {
        Self(yuan.saturating_mul(100))
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}元", self.0 / 100, self.0 % 100)
    }
}

/// 交纳党费的类别: how a member's monthly dues are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuesCategory {
    /// 在岗职工 (and 年薪制, 个体经营者: a monthly base): by the employed bands (Arts 1–4).
    Employed,
    /// 离退休: by the retired bands.
    Retired,
    /// 农民: a flat monthly amount the province sets (0.2–1元) (Art 6).
    Farmer,
    /// 学生、下岗失业、依靠抚恤或救济、领取低保: a flat 0.2元 (Art 6).
    Flat,
}

zugong_core::official_terms!(DuesCategory, "交纳党费类别 (dues category)", {
    Employed => "在岗职工",
    Retired => "离退休",
    Farmer => "农民",
    Flat => "学生、失业、低保等",
});

/// One band of a scale: bases up to `up_to` (inclusive; `None`: without limit) pay
/// `basis_points` of the base (0.5% = 50).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesBand {
    /// The band's upper bound, inclusive.
    pub up_to: Option<Fen>,
    /// The rate in basis points.
    pub basis_points: u32,
}

/// The numbers of 党费. `Default` is the national rule of 2008.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct DuesPolicy {
    /// 在岗 bands: ≤ 3000元 0.5%, ≤ 5000元 1%, ≤ 10000元 1.5%, above 2% (Art 2).
    pub employed: Vec<DuesBand>,
    /// 离退休 bands: ≤ 5000元 0.5%, above 1%.
    ///
    /// # Provisional
    /// The article number is not confirmed; the bands are in the secondary sources.
    pub retired: Vec<DuesBand>,
    /// 农民: the monthly amount (the province sets 0.2–1元; 0.2元 here).
    ///
    /// # Provisional
    /// The province's figure replaces it.
    pub farmer_monthly: Fen,
    /// Others paying a flat amount: 0.2元 (Art 6).
    pub flat_monthly: Fen,
    /// 补交: a month may be paid at most this many months late.
    pub late_months: u32,
    /// 预交: at most this many months ahead.
    ///
    /// # Provisional
    /// No national rule was found; a 2013 Q&A caps it at six months.
    pub prepay_months: u32,
    /// Consecutive unpaid months that signal 自行脱党 (党章 Art 9; 条例 Art 31).
    pub lapse_months: u32,
}

zugong_core::validated_policy_serde!(DuesPolicy);

impl Default for DuesPolicy {
    fn default() -> Self {
        let band = |up_to: Option<u64>, basis_points| DuesBand {
            up_to: up_to.map(Fen::yuan),
            basis_points,
        };
        Self {
            employed: vec![
                band(Some(3000), 50),
                band(Some(5000), 100),
                band(Some(10000), 150),
                band(None, 200),
            ],
            retired: vec![band(Some(5000), 50), band(None, 100)],
            farmer_monthly: Fen(20),
            flat_monthly: Fen(20),
            late_months: 6,
            prepay_months: 6,
            lapse_months: 6,
        }
    }
}

impl Policy for DuesPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("employed", DUES_2008),
            ("retired", DUES_2008),
            ("farmer_monthly", DUES_2008),
            ("flat_monthly", DUES_2008),
            ("late_months", DUES_2008),
            ("prepay_months", DUES_2008),
            ("lapse_months", LAPSE),
        ]
    }

    /// Bands rise and end without a limit; the 脱党 signal is the six months of 党章 Art 9.
    fn validate(&self) -> Result<(), PolicyError> {
        for (field, bands) in [("employed", &self.employed), ("retired", &self.retired)] {
            let rising = bands.iter().zip(bands.iter().skip(1)).all(|(a, b)| {
                matches!((a.up_to, b.up_to), (Some(x), Some(y)) if x < y)
                    || matches!((a.up_to, b.up_to), (Some(_), None))
            });
            if bands.is_empty() || !rising || bands.last().is_some_and(|b| b.up_to.is_some()) {
                return Err(PolicyError::Invalid {
                    field,
                    reason: "bands must rise and the last must have no upper bound".into(),
                });
            }
        }
        if self.lapse_months != 6 {
            return Err(PolicyError::OutOfRange {
                field: "lapse_months",
                value: i64::from(self.lapse_months),
                min: 6,
                max: 6,
            });
        }
        Ok(())
    }
}

/// The monthly dues of a member of `category` with the monthly `base` (after tax), rounded
/// to the fen, half up.
///
/// ```
/// use zugong_member::{DuesCategory, DuesPolicy, Fen, monthly_dues};
/// let p = DuesPolicy::default();
/// // 3000元 is still in the first band (0.5%); a fen more is in the second (1%).
/// assert_eq!(monthly_dues(DuesCategory::Employed, Fen::yuan(3000), &p), Fen(1500));
/// assert_eq!(monthly_dues(DuesCategory::Employed, Fen(300_001), &p), Fen(3000));
/// assert_eq!(monthly_dues(DuesCategory::Retired, Fen::yuan(6000), &p), Fen(6000));
/// assert_eq!(monthly_dues(DuesCategory::Flat, Fen(0), &p), Fen(20));
/// ```
#[must_use]
pub fn monthly_dues(category: DuesCategory, base: Fen, policy: &DuesPolicy) -> Fen {
    let by_bands = |bands: &[DuesBand]| {
        let band = bands
            .iter()
            .find(|b| b.up_to.is_none_or(|u| base <= u))
            .or(bands.last());
        let bp = u128::from(band.map_or(0, |b| b.basis_points));
        let fen = (u128::from(base.0) * bp + 5_000) / 10_000;
        Fen(u64::try_from(fen).unwrap_or(u64::MAX))
    };
    match category {
        DuesCategory::Employed => by_bands(&policy.employed),
        DuesCategory::Retired => by_bands(&policy.retired),
        DuesCategory::Farmer => policy.farmer_monthly,
        DuesCategory::Flat => policy.flat_monthly,
    }
}

/// A calendar month (年月), the unit dues are owed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "(i32, u32)", into = "(i32, u32)")]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month `month` (1–12) of `year`; `None` otherwise.
    #[must_use]
    pub const fn new(year: i32, month: u32) -> Option<Self> {
        if month >= 1 && month <= 12 {
            Some(Self { year, month })
        } else {
            None
        }
    }
    /// The month a day falls in.
    #[must_use]
    pub fn of(day: NaiveDate) -> Self {
        Self {
            year: day.year(),
            month: day.month(),
        }
    }
    /// The month `n` months later (or earlier, for negative `n`).
    #[must_use]
    pub fn plus(self, n: i64) -> Self {
        let index = i64::from(self.year) * 12 + i64::from(self.month - 1) + n;
        Self {
            year: i32::try_from(index.div_euclid(12)).unwrap_or(self.year),
            month: u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1,
        }
    }
    /// Months from `self` to `other` (negative when `other` is earlier).
    #[must_use]
    pub fn until(self, other: Self) -> i64 {
        (i64::from(other.year) - i64::from(self.year)) * 12 + i64::from(other.month)
            - i64::from(self.month)
    }
}

impl TryFrom<(i32, u32)> for Month {
    type Error = String;
    fn try_from((year, month): (i32, u32)) -> Result<Self, String> {
        Self::new(year, month).ok_or_else(|| format!("month {month} is not 1 to 12"))
    }
}

impl From<Month> for (i32, u32) {
    fn from(m: Month) -> Self {
        (m.year, m.month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月", self.year, self.month)
    }
}

/// What a ledger command asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DuesCommand {
    /// Open the ledger of `member` in `branch`, dues owed from `from` (a 预备党员 from the month
    /// of the 支部大会) — the opening command (the branch).
    Open {
        /// The member.
        member: MemberId,
        /// The branch.
        branch: OrgUnitId,
        /// The first month owed.
        from: Month,
    },
    /// 核定: the monthly dues from `from` on, from the category and base (the branch).
    Assess {
        /// From this month.
        from: Month,
        /// The category.
        category: DuesCategory,
        /// The monthly base (after tax; ignored for flat categories).
        base: Fen,
    },
    /// 交纳 the dues of `month` (the branch): at least what is owed; more is a voluntary extra.
    Pay {
        /// The month paid for.
        month: Month,
        /// The amount.
        amount: Fen,
    },
    /// 减免: hardship approved by the upper committee (经党支部研究，报上一级党委批准).
    Waive {
        /// The month.
        month: Month,
        /// Why.
        reason: String,
    },
}

/// What happened to a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DuesEvent {
    /// Opened.
    Opened {
        /// The member.
        member: MemberId,
        /// The branch.
        branch: OrgUnitId,
        /// The first month owed.
        from: Month,
    },
    /// The monthly amount from a month on.
    Assessed {
        /// From.
        from: Month,
        /// The amount a month.
        monthly: Fen,
    },
    /// A month paid.
    Paid {
        /// The month.
        month: Month,
        /// The amount.
        amount: Fen,
    },
    /// A month waived.
    Waived {
        /// The month.
        month: Month,
    },
}

/// What the ledger rules need.
#[derive(Debug, Clone, Copy)]
pub struct DuesContext<'c> {
    /// The tree.
    pub tree: &'c OrgTree,
    /// The numbers.
    pub policy: &'c DuesPolicy,
}

/// A ledger command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DuesError {
    /// Not opened.
    #[error("the dues ledger has not been opened")]
    NotOpen,
    /// Opened twice.
    #[error("the dues ledger is already open")]
    AlreadyOpen,
    /// Not the branch, or not a committee above it for a waiver.
    #[error("this is for {0}")]
    WrongBody(&'static str),
    /// The authority may not act on this branch.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// A month before the ledger opened, or nothing assessed for it.
    #[error("nothing is owed for {0}: the ledger opened later or no amount is assessed")]
    NotOwed(Month),
    /// Paid already.
    #[error("{0} is already paid or waived")]
    AlreadySettled(Month),
    /// Less than owed.
    #[error("{month} owes {owed}; {paid} is less")]
    Underpaid {
        /// The month.
        month: Month,
        /// Owed.
        owed: Fen,
        /// Paid.
        paid: Fen,
    },
    /// Paid too late or too far ahead.
    #[error("{month} may be paid from {earliest} to {latest} months")]
    OutsideWindow {
        /// The month paid for.
        month: Month,
        /// The first month in which it may be paid.
        earliest: Month,
        /// The last month in which it may be paid.
        latest: Month,
    },
    /// A waiver without its reason.
    #[error("a waiver needs the approved reason")]
    BlankReason,
}

impl Refusal for DuesError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            _ => DUES_2008,
        }
    }

    fn message(&self, language: Language) -> String {
        if let Self::Authority(e) = self {
            return e.message(language);
        }
        let cite = self.citation();
        if language == Language::English {
            return format!("{self} ({cite})");
        }
        let text = match self {
            Self::NotOpen => "党费台账尚未建立".to_owned(),
            Self::AlreadyOpen => "党费台账已建立".to_owned(),
            Self::WrongBody(who) => format!("应由{who}办理"),
            Self::Authority(_) => String::new(),
            Self::NotOwed(m) => format!("{m}无应交党费：台账尚未建立或未核定金额"),
            Self::AlreadySettled(m) => format!("{m}党费已交纳或已减免"),
            Self::Underpaid { month, owed, paid } => {
                format!("{month}应交 {owed}，实交 {paid}：不得少于应交金额")
            }
            Self::OutsideWindow {
                month,
                earliest,
                latest,
            } => format!("{month}党费应在{earliest}至{latest}间交纳（补交、预交不超过规定月数）"),
            Self::BlankReason => "减免须写明经批准的原因".to_owned(),
        };
        format!("{text}（{cite}）")
    }
}

/// 党费台账: one member's monthly dues, built only from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DuesLedger {
    member: Option<MemberId>,
    branch: Option<OrgUnitId>,
    from: Option<Month>,
    rates: BTreeMap<Month, Fen>,
    paid: BTreeMap<Month, Fen>,
    waived: BTreeSet<Month>,
}

/// Whether a ledger is open (its stage).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuesStage {
    /// Not opened.
    #[default]
    NotOpened,
    /// Open.
    Open,
}

zugong_core::official_terms!(DuesStage, "党费台账状态 (dues ledger stage)", {
    NotOpened => "未建账",
    Open => "已建账",
});

impl DuesLedger {
    /// The member.
    #[must_use]
    pub fn member(&self) -> Option<MemberId> {
        self.member
    }
    /// What `month` owes (`None` before the ledger opened or before any assessment).
    #[must_use]
    pub fn owed(&self, month: Month) -> Option<Fen> {
        if self.from.is_none_or(|f| month < f) {
            return None;
        }
        self.rates.range(..=month).next_back().map(|(_, f)| *f)
    }
    /// What was paid for `month`.
    #[must_use]
    pub fn paid(&self, month: Month) -> Option<Fen> {
        self.paid.get(&month).copied()
    }
    /// Whether `month` is paid or waived.
    #[must_use]
    pub fn settled(&self, month: Month) -> bool {
        self.paid.contains_key(&month) || self.waived.contains(&month)
    }
    /// Total paid.
    #[must_use]
    pub fn total_paid(&self) -> Fen {
        Fen(self.paid.values().map(|f| f.0).sum())
    }
    /// The months owed and not settled before the month of `as_of` (the current month is not
    /// yet in arrears).
    #[must_use]
    pub fn arrears(&self, as_of: NaiveDate) -> Vec<Month> {
        let Some(from) = self.from else {
            return Vec::new();
        };
        let current = Month::of(as_of);
        let mut out = Vec::new();
        let mut m = from;
        while m < current {
            if self.owed(m).is_some() && !self.settled(m) {
                out.push(m);
            }
            m = m.plus(1);
        }
        out
    }
    /// Consecutive unsettled months ending with the month before `as_of`'s.
    #[must_use]
    pub fn consecutive_unpaid(&self, as_of: NaiveDate) -> u32 {
        let Some(from) = self.from else { return 0 };
        let mut m = Month::of(as_of).plus(-1);
        let mut n = 0;
        while m >= from && self.owed(m).is_some() && !self.settled(m) {
            n += 1;
            m = m.plus(-1);
        }
        n
    }
    /// 连续6个月不交纳党费: the signal for the 除名 review of 条例 Art 31 (the branch decides
    /// whether there was good reason).
    #[must_use]
    pub fn lapse_signal(&self, as_of: NaiveDate, policy: &DuesPolicy) -> bool {
        self.consecutive_unpaid(as_of) >= policy.lapse_months
    }
}

impl Lifecycle for DuesLedger {
    type Id = zugong_core::DuesLedgerId;
    type Stage = DuesStage;
    type Command = DuesCommand;
    type Event = DuesEvent;
    type Context<'c> = DuesContext<'c>;
    type Error = DuesError;

    fn stage(&self) -> DuesStage {
        if self.member.is_some() {
            DuesStage::Open
        } else {
            DuesStage::NotOpened
        }
    }

    fn opens(command: &DuesCommand) -> bool {
        matches!(command, DuesCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &DuesCommand,
        act: &Act,
        ctx: &DuesContext<'_>,
        _: &Peers<'_, Self>,
    ) -> Result<Vec<DuesEvent>, DuesError> {
        if let DuesCommand::Open {
            member,
            branch,
            from,
        } = command
        {
            if self.member.is_some() {
                return Err(DuesError::AlreadyOpen);
            }
            if act.authority().unit != *branch {
                return Err(DuesError::WrongBody("党支部"));
            }
            return Ok(vec![DuesEvent::Opened {
                member: *member,
                branch: *branch,
                from: *from,
            }]);
        }
        let branch = self.branch.ok_or(DuesError::NotOpen)?;
        let authority = act.authority();
        match command {
            DuesCommand::Open { .. } => Err(DuesError::AlreadyOpen),
            DuesCommand::Assess {
                from,
                category,
                base,
            } => {
                if authority.unit != branch {
                    return Err(DuesError::WrongBody("党支部"));
                }
                Ok(vec![DuesEvent::Assessed {
                    from: *from,
                    monthly: monthly_dues(*category, *base, ctx.policy),
                }])
            }
            DuesCommand::Pay { month, amount } => {
                if authority.unit != branch {
                    return Err(DuesError::WrongBody("党支部"));
                }
                let owed = self.owed(*month).ok_or(DuesError::NotOwed(*month))?;
                if self.settled(*month) {
                    return Err(DuesError::AlreadySettled(*month));
                }
                let now = Month::of(act.day());
                let earliest = month.plus(-i64::from(ctx.policy.prepay_months));
                let latest = month.plus(i64::from(ctx.policy.late_months));
                if now < earliest || now > latest {
                    return Err(DuesError::OutsideWindow {
                        month: *month,
                        earliest,
                        latest,
                    });
                }
                if *amount < owed {
                    return Err(DuesError::Underpaid {
                        month: *month,
                        owed,
                        paid: *amount,
                    });
                }
                Ok(vec![DuesEvent::Paid {
                    month: *month,
                    amount: *amount,
                }])
            }
            DuesCommand::Waive { month, reason } => {
                if authority.unit == branch {
                    return Err(DuesError::WrongBody("上一级党委"));
                }
                authority.check_unit(ctx.tree, branch)?;
                if reason.trim().is_empty() {
                    return Err(DuesError::BlankReason);
                }
                self.owed(*month).ok_or(DuesError::NotOwed(*month))?;
                if self.settled(*month) {
                    return Err(DuesError::AlreadySettled(*month));
                }
                Ok(vec![DuesEvent::Waived { month: *month }])
            }
        }
    }

    fn apply(&mut self, event: &DuesEvent, _: &Applying) {
        match event {
            DuesEvent::Opened {
                member,
                branch,
                from,
            } => {
                self.member = Some(*member);
                self.branch = Some(*branch);
                self.from = Some(*from);
            }
            DuesEvent::Assessed { from, monthly } => {
                self.rates.insert(*from, *monthly);
            }
            DuesEvent::Paid { month, amount } => {
                self.paid.insert(*month, *amount);
            }
            DuesEvent::Waived { month } => {
                self.waived.insert(*month);
            }
        }
    }
}
