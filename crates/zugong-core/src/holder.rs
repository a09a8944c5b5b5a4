//! 职位所属: where a post belongs — a 单位 (institution), a Party committee (for its own posts)
//! or a 党组. Posts, 职数 and the management list name their holder; neither tree is bent to
//! hold the other's posts.

use serde::{Deserialize, Serialize};

use crate::{InstitutionId, InstitutionRegistry, OrgKind, OrgTree, OrgUnitId};

/// 职位所属: the body a post belongs to.
///
/// - [`PostHolder::Institution`]: 单位的领导职务 — a bureau's 局长 and 副局长, a township's 镇长,
///   a county government's 县长.
/// - [`PostHolder::PartyCommittee`]: a Party committee's own posts (党委书记, 副书记, 常委,
///   委员) — 县委书记 belongs to 中共某县委员会, not to a 单位.
/// - [`PostHolder::LeadingGroup`]: a 党组's posts (党组书记, 党组成员).
///
/// Serde writes `{"institution": id}`, `{"party_committee": id}` or `{"leading_group": id}`.
///
/// ```
/// use zugong_core::*;
/// let bureau = InstitutionId::from_uuid(uuid::Uuid::from_u128(7));
/// let holder = PostHolder::Institution(bureau);
/// assert_eq!(holder.institution(), Some(bureau));
/// assert!(!holder.is_party_body());
/// let json = serde_json::to_string(&holder)?;
/// assert_eq!(serde_json::from_str::<PostHolder>(&json)?, holder);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostHolder {
    /// A post of a 单位 (机关, 事业单位, 国有企业, 乡镇…).
    Institution(InstitutionId),
    /// A post of a Party committee (党委): its secretary, deputies, standing members, members.
    PartyCommittee(OrgUnitId),
    /// A post of a 党组: its secretary and members.
    LeadingGroup(OrgUnitId),
}

impl PostHolder {
    /// The holder of a Party organization's own posts: a 党组 for [`OrgKind::LeadingGroup`],
    /// a Party committee for any other committee kind (党委, 党工委, 基层党委); `None` for a
    /// 总支, 支部 or 小组, which hold no leadership posts of their own on the list.
    #[must_use]
    pub fn of_party_organization(id: OrgUnitId, kind: OrgKind) -> Option<Self> {
        match kind {
            OrgKind::LeadingGroup => Some(Self::LeadingGroup(id)),
            k if k.is_committee() => Some(Self::PartyCommittee(id)),
            _ => None,
        }
    }

    /// The institution, for a 单位's post.
    #[must_use]
    pub const fn institution(self) -> Option<InstitutionId> {
        match self {
            Self::Institution(i) => Some(i),
            Self::PartyCommittee(_) | Self::LeadingGroup(_) => None,
        }
    }

    /// The Party organization, for a committee's or a 党组's post.
    #[must_use]
    pub const fn party_organization(self) -> Option<OrgUnitId> {
        match self {
            Self::Institution(_) => None,
            Self::PartyCommittee(u) | Self::LeadingGroup(u) => Some(u),
        }
    }

    /// The 单位 the holder's posts sit in: the institution itself, or for a committee or 党组
    /// the institution it is set up in (所在单位: a township committee's posts sit in the
    /// township, beside its government's). `None` for a committee set up in none, or one the
    /// tree does not hold.
    #[must_use]
    pub fn seated_in(self, tree: &OrgTree) -> Option<InstitutionId> {
        match self {
            Self::Institution(i) => Some(i),
            Self::PartyCommittee(u) | Self::LeadingGroup(u) => tree.get(u)?.institution,
        }
    }

    /// Whether the post is one of a Party body (党委 or 党组): a 党的领导职务 in the sense of
    /// 《党政领导干部选拔任用工作条例》第八条(七), to which the 党龄 requirement applies.
    #[must_use]
    pub const fn is_party_body(self) -> bool {
        matches!(self, Self::PartyCommittee(_) | Self::LeadingGroup(_))
    }

    /// The holders above this one whose 职数 pool it draws from, nearest first: for a 单位,
    /// the institutions it belongs to; for a committee or 党组, the Party committees above it.
    /// An unknown id has none.
    #[must_use]
    pub fn above(self, tree: &OrgTree, registry: &InstitutionRegistry) -> Vec<Self> {
        match self {
            Self::Institution(i) => registry
                .ancestors(i)
                .map(|a| a.map(|x| Self::Institution(x.id)).collect())
                .unwrap_or_default(),
            Self::PartyCommittee(u) | Self::LeadingGroup(u) => tree
                .ancestors(u)
                .map(|a| {
                    a.filter(|x| x.kind.is_committee() && x.kind != OrgKind::LeadingGroup)
                        .map(|x| Self::PartyCommittee(x.id))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// The name of the holder, from the tree or the registry; `None` when unknown.
    #[must_use]
    pub fn name<'a>(self, tree: &'a OrgTree, registry: &'a InstitutionRegistry) -> Option<&'a str> {
        match self {
            Self::Institution(i) => registry.get(i).map(|x| x.name.as_str()),
            Self::PartyCommittee(u) | Self::LeadingGroup(u) => tree.get(u).map(|x| x.name.as_str()),
        }
    }
}
