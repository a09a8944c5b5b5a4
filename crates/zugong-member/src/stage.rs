//! Where an applicant stands, and the national list of steps.

use serde::{Deserialize, Serialize};

/// 发展阶段: where an applicant's path stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DevelopmentStage {
    /// No application yet.
    #[default]
    NotApplied,
    /// 入党申请人.
    Applicant,
    /// 入党积极分子.
    Activist,
    /// 发展对象.
    Candidate,
    /// Admitted by the 支部大会, awaiting the 党委's 审批.
    AwaitingApproval,
    /// 预备党员.
    Probationary,
    /// 正式党员.
    FullMember,
    /// The path ended (政审不合格, 取消预备党员资格, not pursued).
    Ended,
}

zugong_core::official_terms!(DevelopmentStage, "发展阶段 (development stage)", {
    NotApplied => "未申请",
    Applicant => "入党申请人",
    Activist => "入党积极分子",
    Candidate => "发展对象",
    AwaitingApproval => "待审批",
    Probationary => "预备党员",
    FullMember => "正式党员",
    Ended => "终止",
});

/// One step of the national procedure: its number, the stage it belongs to (1–5) and its
/// official name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Step {
    /// 1 to 25.
    pub number: u8,
    /// The stage (阶段) 1 to 5.
    pub part: u8,
    /// The official name.
    pub term: &'static str,
}

/// The five stages and 25 steps of 《中国共产党发展党员工作细则》(2014) as data. A province's
/// 29-step variant is its own list; the lifecycle records the national step numbers it did.
pub const NATIONAL_STEPS: [Step; 25] = {
    const fn s(number: u8, part: u8, term: &'static str) -> Step {
        Step { number, part, term }
    }
    [
        s(1, 1, "递交入党申请书"),
        s(2, 1, "党组织派人谈话"),
        s(3, 2, "推荐和确定入党积极分子"),
        s(4, 2, "上级党委备案"),
        s(5, 2, "指定培养联系人"),
        s(6, 2, "培养教育考察"),
        s(7, 3, "确定发展对象"),
        s(8, 3, "报上级党委备案"),
        s(9, 3, "确定入党介绍人"),
        s(10, 3, "进行政治审查"),
        s(11, 3, "开展集中培训"),
        s(12, 4, "支部委员会审查"),
        s(13, 4, "上级党委预审"),
        s(14, 4, "填写入党志愿书"),
        s(15, 4, "支部大会讨论"),
        s(16, 4, "上级党委派人谈话"),
        s(17, 4, "上级党委审批"),
        s(18, 4, "再上一级党委组织部门备案"),
        s(19, 5, "编入党支部和党小组"),
        s(20, 5, "入党宣誓"),
        s(21, 5, "继续教育考察"),
        s(22, 5, "提出转正申请"),
        s(23, 5, "支部大会讨论"),
        s(24, 5, "上级党委审批"),
        s(25, 5, "材料归档"),
    ]
};
