//! Posts (职位): where they belong, how they are filled, and what follows from that (公示,
//! 试用期, the 党龄 requirement).

use serde::{Deserialize, Serialize};
use zugong_core::{
    Attachment, Citation, InstitutionKind, InstitutionRegistry, LeadershipRank, PositionId,
    PostHolder, PostSeniority, RankLevel, RankOrGrade, SourceStatus, official_terms,
};

/// 任职试用期: the posts whose promotion carries a one-year trial (干部任用条例 第七章).
pub const PROBATION_POSTS: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2019)",
    "第七章（任职试用期：非选举产生的厅局级以下工作部门副职和内设机构领导职务）",
    SourceStatus::Confirmed,
);

/// 任用方式: how a post is filled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tenure {
    /// 委任制: appointed by the Party committee's decision (the default).
    #[default]
    Appointed,
    /// 选任制: elected (党委书记/副书记/委员 by the congress or plenum, 人大 and 政府 leaders by
    /// the people's congress). No 试用期; 任职时间 counts from the election.
    Elected,
}

official_terms!(Tenure, "任用方式 (tenure)", {
    Appointed => "委任制" | "委任",
    Elected => "选任制" | "选举产生" | "选任",
});

/// 职位: a post of a 单位, a Party committee or a 党组, counted against its holder's 职数 for
/// its rank.
///
/// ```
/// use zugong_cadre::{Post, Tenure};
/// use zugong_core::*;
/// let area: DivisionCode = "640121".parse()?;
/// let inst = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
/// let registry = InstitutionRegistry::from_institutions(vec![
///     Institution::new(inst(1), "永宁县人民政府", InstitutionKind::Government, area),
///     Institution::new(inst(2), "永宁县教育局", InstitutionKind::GovernmentDepartment, area)
///         .under(inst(1), Attachment::WorkingDepartment),
/// ])?;
/// let deputy = Post::new(
///     PositionId::from_uuid(uuid::Uuid::from_u128(3)),
///     PostHolder::Institution(inst(2)),
///     "县教育局副局长",
///     RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy),
///     Tenure::Appointed,
/// );
/// // A working department's deputy: 公示 and a 试用期.
/// assert!(deputy.publicity_applies());
/// assert!(deputy.has_probation(&registry));
/// // Its head: 公示, no 试用期.
/// let mut head = deputy.clone();
/// head.rank = RankOrGrade::Leadership(LeadershipRank::TownshipSectionChief);
/// assert!(!head.has_probation(&registry));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Post {
    /// Identifier.
    pub id: PositionId,
    /// The 单位, Party committee or 党组 the post belongs to.
    pub holder: PostHolder,
    /// Title (e.g. `县教育局副局长`).
    pub title: String,
    /// The rank (领导职务层次, 正/副 included) or the 职级 it carries.
    pub rank: RankOrGrade,
    /// 委任制 or 选任制.
    #[serde(default)]
    pub tenure: Tenure,
    /// The post's work function (组织、人事、纪检、监察、审计、财务 or other): the recusal rules
    /// read it. [`crate::WorkFunction::Other`] unless set.
    #[serde(default)]
    pub function: crate::WorkFunction,
    /// The qualifications a law makes a condition of the post (法律职业资格 for a court's
    /// president, 教师资格 for a teaching post): 第八条(七) refuses a candidate without them.
    /// Empty unless set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_qualifications: Vec<crate::QualificationKind>,
}

impl Post {
    /// A post of `holder`.
    #[must_use]
    pub fn new(
        id: PositionId,
        holder: PostHolder,
        title: impl Into<String>,
        rank: RankOrGrade,
        tenure: Tenure,
    ) -> Self {
        Self {
            id,
            holder,
            title: title.into(),
            rank,
            tenure,
            function: crate::WorkFunction::Other,
            required_qualifications: Vec::new(),
        }
    }

    /// The same post, requiring `kind` of whoever holds it.
    #[must_use]
    pub fn requiring(mut self, kind: crate::QualificationKind) -> Self {
        if !self.required_qualifications.contains(&kind) {
            self.required_qualifications.push(kind);
        }
        self
    }

    /// The same post, in `function`.
    #[must_use]
    pub const fn with_function(mut self, function: crate::WorkFunction) -> Self {
        self.function = function;
        self
    }

    /// The leadership rank, if the post carries one.
    #[must_use]
    pub fn leadership_rank(&self) -> Option<LeadershipRank> {
        match self.rank {
            RankOrGrade::Leadership(r) => Some(r),
            RankOrGrade::Grade(_) => None,
        }
    }

    /// Whether it is a Party leadership post (党的领导职务: a Party committee's or a 党组's),
    /// to which the 党龄 requirement of Art 8(七) applies.
    #[must_use]
    pub const fn is_party_post(&self) -> bool {
        self.holder.is_party_body()
    }

    /// Whether 任前公示 applies: promotion to 厅局级以下 leadership posts (Ch 7).
    #[must_use]
    pub fn publicity_applies(&self) -> bool {
        self.leadership_rank()
            .is_some_and(|r| r.level() <= RankLevel::BureauDepartment)
    }

    /// Whether a 试用期 follows promotion ([`PROBATION_POSTS`]): a non-elected 厅局级以下
    /// leadership post that is a 副职 of a 工作部门 (of a Party committee, 人大常委会, 政府 or
    /// 政协), or any leadership post of an 内设机构 (of those organs, of the 纪委监委, of a court
    /// or procuratorate). A 正职, an elected post, a post of a Party committee or 党组 itself,
    /// or a post of an institution the registry does not hold has none.
    #[must_use]
    pub fn has_probation(&self, registry: &InstitutionRegistry) -> bool {
        let Some(rank) = self.leadership_rank() else {
            return false;
        };
        let Some(institution) = self.holder.institution().and_then(|i| registry.get(i)) else {
            return false;
        };
        if self.tenure == Tenure::Elected || !self.publicity_applies() {
            return false;
        }
        let attachment = institution.parent.map(|p| p.attachment);
        let internal = institution.kind == InstitutionKind::InternalOffice
            || attachment == Some(Attachment::InternalOffice);
        let department_deputy = attachment == Some(Attachment::WorkingDepartment)
            && rank.seniority() == PostSeniority::Deputy;
        internal || department_deputy
    }
}
