//! Post quotas (职数): allotments per unit and rank, occupancy, planned departures and
//! vacancies, as a journaled lifecycle.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{AuthorityError, Citation, OrgTree, OrgUnitId, QuotaBookId, RankOrGrade};

use crate::policy::CIVIL_SERVANT_LAW_ART_43;

/// One unit's quota for one rank or grade.
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

/// 职数台账: quotas per (unit, rank), where an upper unit's line is the pool its sub-units'
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
    lines: BTreeMap<(OrgUnitId, RankOrGradeKey), (RankOrGrade, QuotaLine)>,
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

/// One line of a book as read from data: a unit, a rank and its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaOpeningLine {
    /// The unit.
    pub unit: OrgUnitId,
    /// The rank or grade.
    pub rank: RankOrGrade,
    /// Its counts.
    pub line: QuotaLine,
}

impl From<QuotaBook> for Vec<QuotaOpeningLine> {
    fn from(b: QuotaBook) -> Self {
        b.lines
            .into_iter()
            .map(|((unit, _), (rank, line))| QuotaOpeningLine { unit, rank, line })
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
    /// The book as the data records it (核定职数 and 在职 per unit and rank, as approved by the
    /// 编制 authority and read from the roster). Over-filled lines are kept as they are: a
    /// report shows them as 超职数 findings. A later line for the same unit and rank replaces
    /// an earlier one.
    #[must_use]
    pub fn opening(lines: impl IntoIterator<Item = QuotaOpeningLine>) -> Self {
        Self {
            lines: lines
                .into_iter()
                .map(|l| ((l.unit, key(l.rank)), (l.rank, l.line)))
                .collect(),
            opened: true,
        }
    }

    /// The line of a unit and rank.
    #[must_use]
    pub fn line(&self, unit: OrgUnitId, rank: RankOrGrade) -> Option<QuotaLine> {
        self.lines.get(&(unit, key(rank))).map(|(_, l)| *l)
    }

    /// Every line.
    pub fn lines(&self) -> impl Iterator<Item = (OrgUnitId, RankOrGrade, QuotaLine)> + '_ {
        self.lines.iter().map(|((u, _), (r, l))| (*u, *r, *l))
    }

    /// The nearest unit strictly above `unit` that has a line for `rank` (or is `assumed`,
    /// a unit treated as having one).
    fn parent_line(
        &self,
        tree: &OrgTree,
        unit: OrgUnitId,
        rank: RankOrGrade,
        assumed: Option<OrgUnitId>,
    ) -> Option<OrgUnitId> {
        tree.ancestors(unit)
            .ok()?
            .map(|u| u.id)
            .find(|u| Some(*u) == assumed || self.lines.contains_key(&(*u, key(rank))))
    }

    /// Allotments of the lines whose nearest line above is `unit`'s (whether or not `unit` has
    /// a line yet).
    fn carved(&self, tree: &OrgTree, unit: OrgUnitId, rank: RankOrGrade) -> u32 {
        self.lines
            .iter()
            .filter(|((u, k), _)| *k == key(rank) && *u != unit)
            .filter(|((u, _), _)| self.parent_line(tree, *u, rank, Some(unit)) == Some(unit))
            .map(|(_, (_, l))| l.allotted)
            .fold(0u32, u32::saturating_add)
    }

    /// What a line uses of its allotment: own occupancy plus what it allots below.
    #[must_use]
    pub fn used(&self, tree: &OrgTree, unit: OrgUnitId, rank: RankOrGrade) -> u32 {
        let own = self.line(unit, rank).map_or(0, |l| l.occupied);
        own.saturating_add(self.carved(tree, unit, rank))
    }
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
    /// 核定职数: set a unit's allotment for a rank.
    Allot {
        /// Unit.
        unit: OrgUnitId,
        /// Rank or grade.
        rank: RankOrGrade,
        /// Posts approved.
        count: u32,
    },
    /// Free one post (removal, transfer, retirement).
    Release {
        /// Unit.
        unit: OrgUnitId,
        /// Rank or grade.
        rank: RankOrGrade,
    },
    /// Record a planned departure, or cancel one (`planned: false`).
    PlanDeparture {
        /// Unit.
        unit: OrgUnitId,
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
        /// Unit.
        unit: OrgUnitId,
        /// Rank.
        rank: RankOrGrade,
        /// Count.
        count: u32,
    },
    /// A post freed.
    Released {
        /// Unit.
        unit: OrgUnitId,
        /// Rank.
        rank: RankOrGrade,
    },
    /// Planned departures changed by +1 or −1.
    DepartureChanged {
        /// Unit.
        unit: OrgUnitId,
        /// Rank.
        rank: RankOrGrade,
        /// Added or cancelled.
        planned: bool,
    },
}

/// What the quota rules need.
#[derive(Debug, Clone, Copy)]
pub struct QuotaContext<'c> {
    /// The tree.
    pub tree: &'c OrgTree,
}

/// A quota command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuotaError {
    /// No quota line for the unit and rank: no post may be filled (公务员法 第四十三条).
    #[error("the unit has no quota for {rank} ({})", CIVIL_SERVANT_LAW_ART_43)]
    NoQuota {
        /// Unit.
        unit: OrgUnitId,
        /// Rank.
        rank: RankOrGrade,
    },
    /// Every approved post is filled (超职数配备 is refused, 公务员法 第四十三条).
    #[error(
        "the unit has no vacancy for {rank}: {occupied} of {allotted} filled ({})",
        CIVIL_SERVANT_LAW_ART_43
    )]
    NoVacancy {
        /// Unit.
        unit: OrgUnitId,
        /// Rank.
        rank: RankOrGrade,
        /// Approved.
        allotted: u32,
        /// Filled.
        occupied: u32,
    },
    /// The allotment would exceed what the unit above allots, or fall below what is used.
    #[error("allotting {count} for {rank} breaks the pool: {reason}")]
    PoolExceeded {
        /// Unit.
        unit: OrgUnitId,
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
        /// Unit.
        unit: OrgUnitId,
        /// Rank.
        rank: RankOrGrade,
    },
    /// Authority refused.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
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
            _ => CIVIL_SERVANT_LAW_ART_43,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NoQuota { rank, .. } => (
                format!("该单位未核定{rank}职数：先核定职数"),
                format!("the unit has no quota for {rank}: allot one first"),
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
        let (unit, rank) = match command {
            QuotaCommand::Open { lines } => {
                if self.opened {
                    return Err(QuotaError::Opening { opened: true });
                }
                for l in lines {
                    act.authority().check_unit(ctx.tree, l.unit)?;
                }
                return Ok(vec![QuotaEvent::Opened {
                    lines: lines.clone(),
                }]);
            }
            QuotaCommand::Allot { unit, rank, .. }
            | QuotaCommand::Release { unit, rank }
            | QuotaCommand::PlanDeparture { unit, rank, .. } => (*unit, *rank),
        };
        if !self.opened {
            return Err(QuotaError::Opening { opened: false });
        }
        act.authority().check_unit(ctx.tree, unit)?;
        let line = self.line(unit, rank);
        match command {
            QuotaCommand::Open { .. } => Err(QuotaError::Opening { opened: true }),
            QuotaCommand::Allot { count, .. } => {
                if self.used(ctx.tree, unit, rank) > *count {
                    return Err(QuotaError::PoolExceeded {
                        unit,
                        rank,
                        count: *count,
                        reason: "below what is filled and allotted below",
                    });
                }
                if let Some(parent) = self.parent_line(ctx.tree, unit, rank, None) {
                    let parent_line = self.line(parent, rank).unwrap_or_default();
                    let others = self
                        .used(ctx.tree, parent, rank)
                        .saturating_sub(line.map_or(0, |l| l.allotted));
                    if others.saturating_add(*count) > parent_line.allotted {
                        return Err(QuotaError::PoolExceeded {
                            unit,
                            rank,
                            count: *count,
                            reason: "above what the unit above allots",
                        });
                    }
                }
                Ok(vec![QuotaEvent::Allotted {
                    unit,
                    rank,
                    count: *count,
                }])
            }
            QuotaCommand::Release { .. } => {
                if line.is_none_or(|l| l.occupied == 0) {
                    return Err(QuotaError::NothingToRelease { unit, rank });
                }
                Ok(vec![QuotaEvent::Released { unit, rank }])
            }
            QuotaCommand::PlanDeparture { planned, .. } => {
                let l = line.ok_or(QuotaError::NoQuota { unit, rank })?;
                let ok = if *planned {
                    l.planned_departures < l.occupied
                } else {
                    l.planned_departures > 0
                };
                if !ok {
                    return Err(QuotaError::NothingToRelease { unit, rank });
                }
                Ok(vec![QuotaEvent::DepartureChanged {
                    unit,
                    rank,
                    planned: *planned,
                }])
            }
        }
    }

    fn apply(&mut self, event: &QuotaEvent, _: &Applying) {
        let (unit, rank) = match event {
            QuotaEvent::Opened { lines } => {
                *self = Self::opening(lines.iter().copied());
                return;
            }
            QuotaEvent::Allotted { unit, rank, .. }
            | QuotaEvent::Released { unit, rank }
            | QuotaEvent::DepartureChanged { unit, rank, .. } => (*unit, *rank),
        };
        let (_, l) = self
            .lines
            .entry((unit, key(rank)))
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
