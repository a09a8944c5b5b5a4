//! Kinds and modes of training.

use serde::{Deserialize, Serialize};

/// 培训类型: the kinds of training of 《干部教育培训工作条例》(2023) 第十三条, with the 集中轮训
/// of members (《党员教育管理工作条例》 第二十条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingKind {
    /// 专题培训: thematic training on theory and Party spirit (第十三条（一）).
    Thematic,
    /// 集中轮训: rotation training of a whole group on major decisions (第十三条（二）).
    Rotational,
    /// 初任培训: induction of new recruits (第十三条（三）).
    Induction,
    /// 任职培训: training on taking up a leadership post, including a new branch secretary's
    /// (第十三条（四）; 规划 2019–2023 for secretaries).
    Appointment,
    /// 在职培训: in-service training to improve performance (第十三条（五）).
    InService,
    /// 其他: any other recognised training.
    Other,
}

zugong_core::official_terms!(TrainingKind, "培训类型 (training kind)", {
    Thematic => "专题培训",
    Rotational => "集中轮训" | "轮训",
    Induction => "初任培训",
    Appointment => "任职培训",
    InService => "在职培训",
    Other => "其他培训" | "其他",
});

/// 培训方式: how the training is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingMode {
    /// 集中培训: in-person, organised training (counts as 集中培训 everywhere).
    Concentrated,
    /// 脱产培训: full-time training away from the job, e.g. at a 党校（行政学院）; the leave rule
    /// of 《干部教育培训工作条例》 第十五条 applies.
    FullTimeOffJob,
    /// 网络培训: online training, with its own hour targets.
    Online,
}

zugong_core::official_terms!(TrainingMode, "培训方式 (training mode)", {
    Concentrated => "集中培训" | "集中",
    FullTimeOffJob => "脱产培训" | "脱产",
    Online => "网络培训" | "网络",
});

impl TrainingMode {
    /// Whether the mode counts as 集中培训 (concentrated or full-time off the job).
    #[must_use]
    pub const fn is_concentrated(self) -> bool {
        matches!(self, Self::Concentrated | Self::FullTimeOffJob)
    }
}
