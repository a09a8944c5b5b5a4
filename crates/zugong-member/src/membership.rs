//! 党籍和组织关系: the organization a member belongs to on every day, transfers between
//! organizations, 停止党籍 and its restoration, and 除名 — 《中国共产党党员教育管理工作条例》(2019)
//! Arts 24, 25, 31.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::{add_months, add_years};
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{AuthorityError, Citation, MemberId, OrgTree, OrgUnitId, SourceStatus};

/// Art 24: 党籍 from the 支部大会; 停止党籍 after six months out of contact; 除名 two years later.
const ART_24: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第二十四条",
    SourceStatus::Confirmed,
);
/// Art 25: every member in one organization; transfers.
const ART_25: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第二十五条",
    SourceStatus::Confirmed,
);
/// Art 31: the cases of 除名.
const ART_31: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第三十一条",
    SourceStatus::Confirmed,
);

/// The numbers of 党籍 management (条例 Arts 24, 31).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct PartyStandingPolicy {
    /// Months out of contact before 停止党籍 (Art 24: 六个月).
    pub lost_contact_months: u32,
    /// Years after 停止党籍, still untraceable, before 按自行脱党除名 (Art 24: 两年).
    pub suspended_years: u32,
}

zugong_core::validated_policy_serde!(PartyStandingPolicy);

impl Default for PartyStandingPolicy {
    fn default() -> Self {
        Self {
            lost_contact_months: 6,
            suspended_years: 2,
        }
    }
}

impl zugong_core::Policy for PartyStandingPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![("lost_contact_months", ART_24), ("suspended_years", ART_24)]
    }

    /// No faster than the national rule: six months out of contact, two years suspended.
    fn validate(&self) -> Result<(), zugong_core::PolicyError> {
        let national = Self::default();
        for (field, value, min) in [
            (
                "lost_contact_months",
                self.lost_contact_months,
                national.lost_contact_months,
            ),
            (
                "suspended_years",
                self.suspended_years,
                national.suspended_years,
            ),
        ] {
            if value < min || value > min * 4 {
                return Err(zugong_core::PolicyError::OutOfRange {
                    field,
                    value: i64::from(value),
                    min: i64::from(min),
                    max: i64::from(min * 4),
                });
            }
        }
        Ok(())
    }
}

/// Why a member is removed (除名, 条例 Art 31).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalGround {
    /// 停止党籍后仍无法取得联系 two years on: 按自行脱党除名 (Art 24).
    StillUntraceable,
    /// 无正当理由连续六个月不参加组织生活、不交纳党费或不做党所分配的工作.
    SixMonthsAbsent,
    /// 限期改正期满仍无转变, 丧失党员条件 and the other cases the branch finds.
    OtherCase,
}

zugong_core::official_terms!(RemovalGround, "除名情形 (removal ground)", {
    StillUntraceable => "停止党籍后仍无法取得联系",
    SixMonthsAbsent => "连续六个月不参加组织生活、不交纳党费或不做党所分配的工作",
    OtherCase => "其他除名情形",
});

/// Where a member's 党籍 stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipStage {
    /// Not enrolled.
    #[default]
    NotEnrolled,
    /// 正常: in an organization.
    Active,
    /// 转接中: sent by the old organization, not yet received (the old one stays responsible).
    InTransfer,
    /// 停止党籍.
    Suspended,
    /// 除名.
    Removed,
}

zugong_core::official_terms!(MembershipStage, "党籍状态 (membership stage)", {
    NotEnrolled => "未编入",
    Active => "正常",
    InTransfer => "组织关系转接中",
    Suspended => "停止党籍",
    Removed => "除名",
});

/// What a membership command asks. Each is issued by the organization that holds the member
/// (a 党支部 for itself, or a committee above it), the receipt by the receiving one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MembershipCommand {
    /// 编入: the member joins `organization` (after the 支部大会 admitted them) — the opening
    /// command.
    Enrol {
        /// The member.
        member: MemberId,
        /// The organization.
        organization: OrgUnitId,
    },
    /// 开具组织关系介绍信 to `to` (the holding organization).
    SendTransfer {
        /// The receiving organization.
        to: OrgUnitId,
    },
    /// 接收: the receiving organization takes the member.
    ReceiveTransfer,
    /// 失去联系 since `since` (the holding organization records it).
    LoseContact {
        /// The last day in contact.
        since: NaiveDate,
    },
    /// 恢复联系.
    Reconnect,
    /// 停止党籍 (the holding organization's committee).
    Suspend,
    /// 恢复党籍 (with the committee's approval).
    Restore,
    /// 除名 on a ground of Art 24 or Art 31. `StillUntraceable` is checked here (two years
    /// after 停止党籍); the grounds of Art 31 are the branch's finding (无正当理由 is its
    /// judgment), for which the dues ledger's six-month signal is evidence, not a decision.
    Remove {
        /// The ground.
        ground: RemovalGround,
    },
}

/// What happened to a membership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MembershipEvent {
    /// Joined an organization on `on`.
    Joined {
        /// The member.
        member: MemberId,
        /// The organization.
        organization: OrgUnitId,
        /// The day.
        on: NaiveDate,
    },
    /// A transfer sent.
    TransferSent {
        /// To.
        to: OrgUnitId,
    },
    /// Contact lost since a day.
    ContactLost {
        /// The last day in contact.
        since: NaiveDate,
    },
    /// Contact found again.
    Reconnected,
    /// 停止党籍 on a day.
    Suspended {
        /// The day.
        on: NaiveDate,
    },
    /// 恢复党籍.
    Restored,
    /// 除名.
    Removed {
        /// The ground.
        ground: RemovalGround,
        /// The day.
        on: NaiveDate,
    },
}

/// What the membership rules need.
#[derive(Debug, Clone, Copy)]
pub struct MembershipContext<'c> {
    /// The tree.
    pub tree: &'c OrgTree,
    /// The numbers.
    pub policy: &'c PartyStandingPolicy,
}

/// A membership command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum MembershipError {
    /// Not enrolled.
    #[error("the member is not enrolled in any organization")]
    NotEnrolled,
    /// Enrolled twice.
    #[error("the member already belongs to an organization: one at a time")]
    AlreadyEnrolled,
    /// Not the organization that holds (or receives) the member.
    #[error("only the organization that holds the member (or receives them) may do this")]
    NotTheHolder,
    /// The authority may not act on that organization.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// A step the member's stage does not allow.
    #[error("{command} is not possible while the membership is {stage}")]
    OutOfOrder {
        /// The step.
        command: &'static str,
        /// The stage.
        stage: MembershipStage,
    },
    /// A transfer to the same organization, or to one not in the tree.
    #[error("a transfer goes to another organization of the tree")]
    BadTransfer,
    /// A transfer beyond the holder's 基层党委 issued by a branch: the letter for another
    /// committee's area comes from a 基层党委 (which may send it directly anywhere in the
    /// country) or a committee above it.
    #[error(
        "a transfer outside the holding branch's 基层党委 is issued by a Party committee, not by a branch"
    )]
    TransferNeedsCommittee {
        /// The receiving organization.
        to: OrgUnitId,
    },
    /// Too early for the step.
    #[error("{step} is possible from {earliest}, not on {on}")]
    TooEarly {
        /// The step.
        step: &'static str,
        /// The first day.
        earliest: NaiveDate,
        /// The day of the command.
        on: NaiveDate,
    },
    /// A date out of range.
    #[error("a date beyond the supported range")]
    DateOutOfRange,
}

impl Refusal for MembershipError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            Self::AlreadyEnrolled
            | Self::NotTheHolder
            | Self::BadTransfer
            | Self::TransferNeedsCommittee { .. } => ART_25,
            Self::TooEarly { step, .. } if *step == "除名" => ART_31,
            _ => ART_24,
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
            Self::NotEnrolled => "该党员尚未编入党组织".to_owned(),
            Self::AlreadyEnrolled => "每名党员只能编入一个党组织".to_owned(),
            Self::NotTheHolder => "应由党员所在（或接收）的党组织办理".to_owned(),
            Self::Authority(_) => String::new(),
            Self::OutOfOrder { command, stage } => {
                format!("党籍状态为“{stage}”，不能办理“{command}”")
            }
            Self::BadTransfer => "组织关系应转往组织树中的另一个党组织".to_owned(),
            Self::TransferNeedsCommittee { .. } => {
                "转往本基层党委以外的组织关系，应由基层党委（具有审批预备党员权限的可直接在全国范围内转接）或其上级党委开具介绍信".to_owned()
            }
            Self::TooEarly { step, earliest, on } => {
                format!("“{step}”自 {earliest} 起方可办理，{on} 过早")
            }
            Self::DateOutOfRange => "日期超出可计算范围".to_owned(),
        };
        format!("{text}（{cite}）")
    }
}

/// 党籍和组织关系: one member's organization over time, built only from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Membership {
    member: Option<MemberId>,
    stage: MembershipStage,
    /// Each organization with the day the member joined it, in order.
    history: Vec<(NaiveDate, OrgUnitId)>,
    transfer_to: Option<OrgUnitId>,
    lost_since: Option<NaiveDate>,
    suspended_on: Option<NaiveDate>,
    removed: Option<(RemovalGround, NaiveDate)>,
}

impl Membership {
    /// The member.
    #[must_use]
    pub fn member(&self) -> Option<MemberId> {
        self.member
    }
    /// The organization that holds the member now (during a transfer, the old one: it stays
    /// responsible until the new one receives them).
    #[must_use]
    pub fn organization(&self) -> Option<OrgUnitId> {
        self.history.last().map(|(_, o)| *o)
    }
    /// The organization that held the member on `day` (`None` before they joined).
    #[must_use]
    pub fn organization_on(&self, day: NaiveDate) -> Option<OrgUnitId> {
        self.history
            .iter()
            .take_while(|(from, _)| *from <= day)
            .last()
            .map(|(_, o)| *o)
    }
    /// The 除名, if any: its ground and day.
    #[must_use]
    pub fn removal(&self) -> Option<(RemovalGround, NaiveDate)> {
        self.removed
    }
    /// Every organization with the day the member joined it.
    #[must_use]
    pub fn history(&self) -> &[(NaiveDate, OrgUnitId)] {
        &self.history
    }

    fn holder_acts(&self, act: &Act, ctx: &MembershipContext<'_>) -> Result<(), MembershipError> {
        let holder = self.organization().ok_or(MembershipError::NotEnrolled)?;
        Self::acts_for(holder, act, ctx)
    }

    /// A branch sends a relation only within its own 基层党委's subtree; beyond it, the letter
    /// is a committee's (条例 Art 25: a 基层党委 with the power to approve 预备党员 transfers
    /// directly nationwide).
    fn issuer_reaches(
        &self,
        to: OrgUnitId,
        act: &Act,
        ctx: &MembershipContext<'_>,
    ) -> Result<(), MembershipError> {
        let issuer = act.authority().unit;
        if ctx.tree.get(issuer).is_some_and(|u| u.kind.is_committee()) {
            return Ok(());
        }
        let committee = ctx
            .tree
            .ancestors(issuer)
            .ok()
            .and_then(|mut a| a.find(|u| u.kind.is_committee()).map(|u| u.id));
        match committee {
            Some(c) if ctx.tree.is_within(to, c).unwrap_or(false) => Ok(()),
            _ => Err(MembershipError::TransferNeedsCommittee { to }),
        }
    }

    /// The act's authority is the organization itself or a committee above it.
    fn acts_for(
        org: OrgUnitId,
        act: &Act,
        ctx: &MembershipContext<'_>,
    ) -> Result<(), MembershipError> {
        let authority = act.authority();
        if authority.unit == org {
            return Ok(());
        }
        authority.check_unit(ctx.tree, org)?;
        Ok(())
    }
}

impl Lifecycle for Membership {
    type Id = MemberId;
    type Stage = MembershipStage;
    type Command = MembershipCommand;
    type Event = MembershipEvent;
    type Context<'c> = MembershipContext<'c>;
    type Error = MembershipError;

    fn stage(&self) -> MembershipStage {
        self.stage
    }

    fn opens(command: &MembershipCommand) -> bool {
        matches!(command, MembershipCommand::Enrol { .. })
    }

    fn decide(
        &self,
        command: &MembershipCommand,
        act: &Act,
        ctx: &MembershipContext<'_>,
        _: &Peers<'_, Self>,
    ) -> Result<Vec<MembershipEvent>, MembershipError> {
        use MembershipCommand as C;
        use MembershipStage as S;
        let on = act.day();
        let stage = self.stage;
        let order = |command| MembershipError::OutOfOrder { command, stage };
        match command {
            C::Enrol {
                member,
                organization,
            } => {
                if self.member.is_some() {
                    return Err(MembershipError::AlreadyEnrolled);
                }
                if !ctx.tree.contains(*organization) {
                    return Err(MembershipError::BadTransfer);
                }
                Self::acts_for(*organization, act, ctx)?;
                Ok(vec![MembershipEvent::Joined {
                    member: *member,
                    organization: *organization,
                    on,
                }])
            }
            _ if self.member.is_none() => Err(MembershipError::NotEnrolled),
            _ if stage == S::Removed => Err(order("办理")),
            C::SendTransfer { to } => {
                self.holder_acts(act, ctx)?;
                if stage != S::Active {
                    return Err(order("开具组织关系介绍信"));
                }
                if Some(*to) == self.organization() || !ctx.tree.contains(*to) {
                    return Err(MembershipError::BadTransfer);
                }
                self.issuer_reaches(*to, act, ctx)?;
                Ok(vec![MembershipEvent::TransferSent { to: *to }])
            }
            C::ReceiveTransfer => {
                let to = self.transfer_to.ok_or(order("接收组织关系"))?;
                if stage != S::InTransfer {
                    return Err(order("接收组织关系"));
                }
                Self::acts_for(to, act, ctx).map_err(|_| MembershipError::NotTheHolder)?;
                Ok(vec![MembershipEvent::Joined {
                    member: self.member.ok_or(MembershipError::NotEnrolled)?,
                    organization: to,
                    on,
                }])
            }
            C::LoseContact { since } => {
                self.holder_acts(act, ctx)?;
                if stage != S::Active || self.lost_since.is_some() {
                    return Err(order("记录失去联系"));
                }
                Ok(vec![MembershipEvent::ContactLost { since: *since }])
            }
            C::Reconnect => {
                self.holder_acts(act, ctx)?;
                if self.lost_since.is_none() || stage != S::Active {
                    return Err(order("恢复联系"));
                }
                Ok(vec![MembershipEvent::Reconnected])
            }
            C::Suspend => {
                self.holder_acts(act, ctx)?;
                let since = self.lost_since.ok_or(order("停止党籍"))?;
                if stage != S::Active {
                    return Err(order("停止党籍"));
                }
                let earliest = add_months(since, ctx.policy.lost_contact_months)
                    .ok_or(MembershipError::DateOutOfRange)?;
                if on < earliest {
                    return Err(MembershipError::TooEarly {
                        step: "停止党籍",
                        earliest,
                        on,
                    });
                }
                Ok(vec![MembershipEvent::Suspended { on }])
            }
            C::Restore => {
                self.holder_acts(act, ctx)?;
                if stage != S::Suspended {
                    return Err(order("恢复党籍"));
                }
                Ok(vec![MembershipEvent::Restored])
            }
            C::Remove { ground } => {
                self.holder_acts(act, ctx)?;
                if *ground == RemovalGround::StillUntraceable {
                    let suspended = self.suspended_on.filter(|_| stage == S::Suspended);
                    let suspended = suspended.ok_or(order("按自行脱党除名"))?;
                    let earliest = add_years(suspended, ctx.policy.suspended_years)
                        .ok_or(MembershipError::DateOutOfRange)?;
                    if on < earliest {
                        return Err(MembershipError::TooEarly {
                            step: "按自行脱党除名",
                            earliest,
                            on,
                        });
                    }
                }
                Ok(vec![MembershipEvent::Removed {
                    ground: *ground,
                    on,
                }])
            }
        }
    }

    fn apply(&mut self, event: &MembershipEvent, _: &Applying) {
        use MembershipStage as S;
        match event {
            MembershipEvent::Joined {
                member,
                organization,
                on,
            } => {
                self.member = Some(*member);
                self.history.push((*on, *organization));
                self.transfer_to = None;
                self.stage = S::Active;
            }
            MembershipEvent::TransferSent { to } => {
                self.transfer_to = Some(*to);
                self.stage = S::InTransfer;
            }
            MembershipEvent::ContactLost { since } => self.lost_since = Some(*since),
            MembershipEvent::Reconnected => self.lost_since = None,
            MembershipEvent::Suspended { on } => {
                self.suspended_on = Some(*on);
                self.stage = S::Suspended;
            }
            MembershipEvent::Restored => {
                self.suspended_on = None;
                self.lost_since = None;
                self.stage = S::Active;
            }
            MembershipEvent::Removed { ground, on } => {
                self.removed = Some((*ground, *on));
                self.stage = S::Removed;
            }
        }
    }
}
