//! Post quotas (职数): allotments per holder and rank, occupancy, planned departures and
//! vacancies, as a journaled lifecycle.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{
    Authority, AuthorityError, Citation, InstitutionRegistry, ManagementError, ManagementList,
    OrgTree, PostHolder, QuotaBookId, RankOrGrade,
};

use crate::policy::CIVIL_SERVANT_LAW_ART_43;

/// One holder's quota for one rank or grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaLine {
    /// 核定职数: posts approved.
    pub allotted: u32,
    /// 在职: posts filled.
    pub occupied: u32,
    /// 拟离任: holders planned to leave (retirement, transfer) — forthcoming vacancies.
    pub planned_departures: u32,
}

impl QuotaLine {
    /// 空缺: approved and not filled.
    #[must_use]
    pub const fn vacancies(&self) -> u32 {
        self.allotted.saturating_sub(self.occupied)
    }

    /// Vacancies once the planned departures leave.
    #[must_use]
    pub const fn forthcoming_vacancies(&self) -> u32 {
        self.vacancies().saturating_add(self.planned_departures)
    }
}

/// 职数台账: quotas per (holder, rank), where an upper holder's line is the pool its sub-units'
/// lines are carved from: for every line, its own occupancy plus the allotments of the nearest
/// lines below it never exceed its allotment.
///
/// A book comes either from the data (the 台账 as approved, [`QuotaBook::opening`]: the
/// context a selection's appointment is checked against), or from a journal whose first
/// command is [`QuotaCommand::Open`]. Places are filled only by appointments
/// (`SelectionCommand::Appoint`, which counts the places other selections of its journal
/// filled): there is no command that fills a place on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(into = "Vec<QuotaOpeningLine>")]
pub struct QuotaBook {
    lines: BTreeMap<(PostHolder, RankOrGradeKey), (RankOrGrade, QuotaLine)>,
    opened: bool,
}

/// A sortable key for [`RankOrGrade`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct RankOrGradeKey(u8, u8);

fn key(r: RankOrGrade) -> RankOrGradeKey {
    match r {
        RankOrGrade::Leadership(l) => RankOrGradeKey(0, l.step()),
        RankOrGrade::Grade(g) => RankOrGradeKey(1, g as u8),
    }
}

/// One line of a book as read from data: a holder, a rank and its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaOpeningLine {
    /// The 单位, Party committee or 党组 whose posts they are.
    pub holder: PostHolder,
    /// The rank or grade.
    pub rank: RankOrGrade,
    /// Its counts.
    pub line: QuotaLine,
}

impl From<QuotaBook> for Vec<QuotaOpeningLine> {
    fn from(b: QuotaBook) -> Self {
        b.lines
            .into_iter()
            .map(|((holder, _), (rank, line))| QuotaOpeningLine { holder, rank, line })
            .collect()
    }
}

/// Whether a book's journal has been opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaBookStage {
    /// No 台账 yet.
    #[default]
    NotOpened,
    /// 台账 opened.
    Open,
}

zugong_core::official_terms!(QuotaBookStage, "职数台账状态 (quota book stage)", {
    NotOpened => "未建账",
    Open => "已建账",
});

impl QuotaBook {
    /// The book as the data records it (核定职数 and 在职 per holder and rank, as approved by the
    /// 编制 authority and read from the roster). Over-filled lines are kept as they are: a
    /// report shows them as 超职数 findings. A later line for the same holder and rank replaces
    /// an earlier one.
    #[must_use]
    pub fn opening(lines: impl IntoIterator<Item = QuotaOpeningLine>) -> Self {
        Self {
            lines: lines
                .into_iter()
                .map(|l| ((l.holder, key(l.rank)), (l.rank, l.line)))
                .collect(),
            opened: true,
        }
    }

    /// The line of a holder and rank.
    #[must_use]
    pub fn line(&self, holder: PostHolder, rank: RankOrGrade) -> Option<QuotaLine> {
        self.lines.get(&(holder, key(rank))).map(|(_, l)| *l)
    }

    /// Every line.
    pub fn lines(&self) -> impl Iterator<Item = (PostHolder, RankOrGrade, QuotaLine)> + '_ {
        self.lines.iter().map(|((u, _), (r, l))| (*u, *r, *l))
    }

    /// The nearest holder strictly above `holder` (in its own tree: institutions for a 单位,
    /// committees for a committee or 党组) that has a line for `rank` (or is `assumed`, a
    /// holder treated as having one).
    fn parent_line(
        &self,
        trees: Trees<'_>,
        holder: PostHolder,
        rank: RankOrGrade,
        assumed: Option<PostHolder>,
    ) -> Option<PostHolder> {
        holder
            .above(trees.tree, trees.registry)
            .into_iter()
            .find(|u| Some(*u) == assumed || self.lines.contains_key(&(*u, key(rank))))
    }

    /// Allotments of the lines whose nearest line above is `holder`'s (whether or not
    /// `holder` has a line yet).
    fn carved(&self, trees: Trees<'_>, holder: PostHolder, rank: RankOrGrade) -> u32 {
        self.lines
            .iter()
            .filter(|((u, k), _)| *k == key(rank) && *u != holder)
            .filter(|((u, _), _)| self.parent_line(trees, *u, rank, Some(holder)) == Some(holder))
            .map(|(_, (_, l))| l.allotted)
            .fold(0u32, u32::saturating_add)
    }

    /// What a line uses of its allotment: own occupancy plus what it allots below (the lines
    /// of the holders under it in the institution tree, or under it in the Party tree).
    #[must_use]
    pub fn used(
        &self,
        tree: &OrgTree,
        registry: &InstitutionRegistry,
        holder: PostHolder,
        rank: RankOrGrade,
    ) -> u32 {
        let own = self.line(holder, rank).map_or(0, |l| l.occupied);
        own.saturating_add(self.carved(Trees { tree, registry }, holder, rank))
    }
}

/// The two trees, borrowed together.
#[derive(Clone, Copy)]
struct Trees<'c> {
    tree: &'c OrgTree,
    registry: &'c InstitutionRegistry,
}

/// What may be asked of the quota book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaCommand {
    /// 建账: open the book with the lines the data records (the first command of a book).
    Open {
        /// The lines.
        lines: Vec<QuotaOpeningLine>,
    },
    /// 核定职数: set a holder's allotment for a rank.
    Allot {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank or grade.
        rank: RankOrGrade,
        /// Posts approved.
        count: u32,
    },
    /// Free one post (removal, transfer, retirement).
    Release {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank or grade.
        rank: RankOrGrade,
    },
    /// Record a planned departure, or cancel one (`planned: false`).
    PlanDeparture {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank or grade.
        rank: RankOrGrade,
        /// Add (true) or cancel (false).
        planned: bool,
    },
}

/// What happened to the quota book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaEvent {
    /// The book opened with these lines.
    Opened {
        /// The lines.
        lines: Vec<QuotaOpeningLine>,
    },
    /// Allotment set.
    Allotted {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
        /// Count.
        count: u32,
    },
    /// A post freed.
    Released {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
    },
    /// Planned departures changed by +1 or −1.
    DepartureChanged {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
        /// Added or cancelled.
        planned: bool,
    },
}

/// What the quota rules need: both trees (lines pool upward in their own) and the management
/// list (who may set a holder's 职数).
#[derive(Debug, Clone, Copy)]
pub struct QuotaContext<'c> {
    /// The Party tree.
    pub tree: &'c OrgTree,
    /// The 单位 registry.
    pub registry: &'c InstitutionRegistry,
    /// 干部管理权限.
    pub management: &'c ManagementList,
}

impl QuotaContext<'_> {
    fn trees(&self) -> Trees<'_> {
        Trees {
            tree: self.tree,
            registry: self.registry,
        }
    }

    /// Checks that `authority` may keep the book of `holder`'s `rank` posts: the committee
    /// that manages them under the list (its own row for the class, else any row of the
    /// holder), or a committee above it. A committee's or 党组's own posts not on the list
    /// fall to the committee above them in the Party tree.
    fn check_authority(
        &self,
        authority: Authority,
        holder: PostHolder,
        rank: RankOrGrade,
    ) -> Result<(), QuotaError> {
        let rank_of = match rank {
            RankOrGrade::Leadership(r) => Some(r),
            RankOrGrade::Grade(_) => None,
        };
        let keeper = self
            .management
            .keeper(holder, rank_of)
            .ok_or(QuotaError::NotListed { holder, rank })?;
        authority.check_unit(self.tree, keeper)?;
        Ok(())
    }
}

/// A quota command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuotaError {
    /// No quota line for the holder and rank: no post may be filled (公务员法 第四十三条).
    #[error("the holder has no quota for {rank} ({})", CIVIL_SERVANT_LAW_ART_43)]
    NoQuota {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
    },
    /// Every approved post is filled (超职数配备 is refused, 公务员法 第四十三条).
    #[error(
        "the holder has no vacancy for {rank}: {occupied} of {allotted} filled ({})",
        CIVIL_SERVANT_LAW_ART_43
    )]
    NoVacancy {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
        /// Approved.
        allotted: u32,
        /// Filled.
        occupied: u32,
    },
    /// The allotment would exceed what the holder above allots, or fall below what is used.
    #[error("allotting {count} for {rank} breaks the pool: {reason}")]
    PoolExceeded {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
        /// Count asked.
        count: u32,
        /// Which side broke.
        reason: &'static str,
    },
    /// Releasing a post nobody holds, or cancelling a departure never planned.
    #[error("nothing to release for {rank}: no post is filled")]
    NothingToRelease {
        /// The 单位, Party committee or 党组 whose posts they are.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
    },
    /// Authority refused.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// A 单位's posts that no row of the management list covers: nobody is known to keep
    /// their book.
    #[error("no row of the management list covers the holder's {rank} posts")]
    NotListed {
        /// The holder.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
    },
    /// A command before the book was opened, or a second opening.
    #[error("{}", if *.opened { "the quota book is already open" } else { "open the quota book (建账) first" })]
    Opening {
        /// Whether the book was open.
        opened: bool,
    },
}

impl Refusal for QuotaError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            Self::NotListed { .. } => ManagementError::NotListed.citation(),
            _ => CIVIL_SERVANT_LAW_ART_43,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotListed { rank, .. } => (
                format!("干部职务名称表未列该单位{rank}职务，无法确定由谁管理职数：先列入名称表"),
                format!("no row of the management list covers these {rank} posts: list them first"),
            ),
            Self::NoQuota { rank, .. } => (
                format!("该单位未核定{rank}职数：先核定职数"),
                format!("the holder has no quota for {rank}: allot one first"),
            ),
            Self::NoVacancy {
                rank,
                allotted,
                occupied,
                ..
            } => (
                format!(
                    "该单位{rank}核定 {allotted} 名、已配 {occupied} 名，无空缺：待有空缺（免职、调离、退休）后再任职"
                ),
                format!(
                    "{rank}: {occupied} of {allotted} filled, no vacancy: appoint once a place is freed"
                ),
            ),
            Self::PoolExceeded {
                rank,
                count,
                reason,
                ..
            } => (
                format!("核定{rank} {count} 名超出上级总额：{reason}"),
                format!("allotting {count} for {rank} breaks the pool: {reason}"),
            ),
            Self::NothingToRelease { rank, .. } => (
                format!("该单位{rank}无在职人员可减"),
                format!("nothing to release for {rank}: no post is filled"),
            ),
            Self::Opening { opened: true } => (
                "职数台账已建立".into(),
                "the quota book is already open".into(),
            ),
            Self::Opening { opened: false } => (
                "先建立职数台账（建账）".into(),
                "open the quota book (建账) first".into(),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

impl QuotaError {
    /// The rule behind the refusal (as [`Refusal::citation`]).
    #[must_use]
    pub fn citation(&self) -> Citation {
        Refusal::citation(self)
    }
}

impl Lifecycle for QuotaBook {
    type Id = QuotaBookId;
    type Stage = QuotaBookStage;
    type Command = QuotaCommand;
    type Event = QuotaEvent;
    type Context<'c> = QuotaContext<'c>;
    type Error = QuotaError;

    fn stage(&self) -> QuotaBookStage {
        if self.opened {
            QuotaBookStage::Open
        } else {
            QuotaBookStage::NotOpened
        }
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, QuotaCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &QuotaCommand,
        act: &Act,
        ctx: &QuotaContext<'_>,
        _: &Peers<'_, Self>,
    ) -> Result<Vec<QuotaEvent>, QuotaError> {
        let (holder, rank) = match command {
            QuotaCommand::Open { lines } => {
                if self.opened {
                    return Err(QuotaError::Opening { opened: true });
                }
                for l in lines {
                    ctx.check_authority(act.authority(), l.holder, l.rank)?;
                }
                return Ok(vec![QuotaEvent::Opened {
                    lines: lines.clone(),
                }]);
            }
            QuotaCommand::Allot { holder, rank, .. }
            | QuotaCommand::Release { holder, rank }
            | QuotaCommand::PlanDeparture { holder, rank, .. } => (*holder, *rank),
        };
        if !self.opened {
            return Err(QuotaError::Opening { opened: false });
        }
        ctx.check_authority(act.authority(), holder, rank)?;
        let line = self.line(holder, rank);
        match command {
            QuotaCommand::Open { .. } => Err(QuotaError::Opening { opened: true }),
            QuotaCommand::Allot { count, .. } => {
                if self.used(ctx.tree, ctx.registry, holder, rank) > *count {
                    return Err(QuotaError::PoolExceeded {
                        holder,
                        rank,
                        count: *count,
                        reason: "below what is filled and allotted below",
                    });
                }
                if let Some(parent) = self.parent_line(ctx.trees(), holder, rank, None) {
                    let parent_line = self.line(parent, rank).unwrap_or_default();
                    let others = self
                        .used(ctx.tree, ctx.registry, parent, rank)
                        .saturating_sub(line.map_or(0, |l| l.allotted));
                    if others.saturating_add(*count) > parent_line.allotted {
                        return Err(QuotaError::PoolExceeded {
                            holder,
                            rank,
                            count: *count,
                            reason: "above what the holder above allots",
                        });
                    }
                }
                Ok(vec![QuotaEvent::Allotted {
                    holder,
                    rank,
                    count: *count,
                }])
            }
            QuotaCommand::Release { .. } => {
                if line.is_none_or(|l| l.occupied == 0) {
                    return Err(QuotaError::NothingToRelease { holder, rank });
                }
                Ok(vec![QuotaEvent::Released { holder, rank }])
            }
            QuotaCommand::PlanDeparture { planned, .. } => {
                let l = line.ok_or(QuotaError::NoQuota { holder, rank })?;
                let ok = if *planned {
                    l.planned_departures < l.occupied
                } else {
                    l.planned_departures > 0
                };
                if !ok {
                    return Err(QuotaError::NothingToRelease { holder, rank });
                }
                Ok(vec![QuotaEvent::DepartureChanged {
                    holder,
                    rank,
                    planned: *planned,
                }])
            }
        }
    }

    fn apply(&mut self, event: &QuotaEvent, _: &Applying) {
        let (holder, rank) = match event {
            QuotaEvent::Opened { lines } => {
                *self = Self::opening(lines.iter().copied());
                return;
            }
            QuotaEvent::Allotted { holder, rank, .. }
            | QuotaEvent::Released { holder, rank }
            | QuotaEvent::DepartureChanged { holder, rank, .. } => (*holder, *rank),
        };
        let (_, l) = self
            .lines
            .entry((holder, key(rank)))
            .or_insert((rank, QuotaLine::default()));
        match event {
            QuotaEvent::Allotted { count, .. } => l.allotted = *count,
            QuotaEvent::Released { .. } => {
                l.occupied = l.occupied.saturating_sub(1);
                l.planned_departures = l.planned_departures.min(l.occupied);
            }
            QuotaEvent::Opened { .. } => {}
            QuotaEvent::DepartureChanged { planned, .. } => {
                l.planned_departures = if *planned {
                    l.planned_departures.saturating_add(1)
                } else {
                    l.planned_departures.saturating_sub(1)
                };
            }
        }
    }
}
