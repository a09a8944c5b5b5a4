//! 培训对象: the groups of members a training tier or class targets — a core value, so that the
//! member crate (which knows who is a 发展对象 or a 新党员) and the training crate (which plans
//! their training) speak of the same groups without depending on each other.

use serde::{Deserialize, Serialize};

/// 培训对象: the groups a tier or a class targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberGroup {
    /// 基层党组织书记: branch (and other grassroots organization) secretaries.
    Secretary,
    /// 班子成员 / 支委: members of a grassroots committee or branch committee.
    CommitteeMember,
    /// 新党员: probationary members and members within a year of full membership
    /// (规划 2019–2023: they attend one intensive training by the higher level).
    NewMember,
    /// 发展对象: candidates for admission (集中培训 before admission).
    DevelopmentCandidate,
    /// 普通党员: every other member.
    Member,
}

crate::official_terms!(MemberGroup, "培训对象 (member group)", {
    Secretary => "基层党组织书记" | "书记",
    CommitteeMember => "班子成员" | "支委",
    NewMember => "新党员",
    DevelopmentCandidate => "发展对象",
    Member => "党员" | "普通党员",
});
