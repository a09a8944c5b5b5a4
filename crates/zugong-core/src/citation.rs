//! Citations: which regulation and article a rule comes from.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How firmly a rule's source has been established (see the domain brief).
///
/// 来源状态: *confirmed* rules were read in the primary text; *secondary* rules come from
/// official summaries, news or training material; *provisional* rules are best knowledge and
/// must stay configurable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// Read in the primary text or a verbatim copy (已核实).
    Confirmed,
    /// Stated by a secondary source and consistent with others (二手来源).
    Secondary,
    /// Best current knowledge, not verified (暂定); always a configurable default.
    Provisional,
}

/// The source of a rule: a regulation and an article, with how firmly it is established.
///
/// Every rule in zugong carries one, and every refusal names the citation of the rule that
/// refused, so a caller can show *why*.
///
/// ```
/// use zugong_core::{Citation, SourceStatus};
///
/// let c = Citation::new("《党政领导干部选拔任用工作条例》(2019)", "第八条第（一）项", SourceStatus::Confirmed);
/// assert_eq!(c.to_string(), "《党政领导干部选拔任用工作条例》(2019) 第八条第（一）项");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// The regulation's title, with its year, e.g. `《中华人民共和国公务员法》(2018)`.
    pub regulation: Cow<'static, str>,
    /// The article (and item), e.g. `第十八条`; empty when the whole text is meant.
    pub article: Cow<'static, str>,
    /// How firmly this source is established.
    pub status: SourceStatus,
}

impl Citation {
    /// A citation from static text, usable in constants.
    #[must_use]
    pub const fn new(
        regulation: &'static str,
        article: &'static str,
        status: SourceStatus,
    ) -> Self {
        Self {
            regulation: Cow::Borrowed(regulation),
            article: Cow::Borrowed(article),
            status,
        }
    }

    /// A citation from owned text, e.g. a province's own regulation loaded from data.
    #[must_use]
    pub fn owned(regulation: String, article: String, status: SourceStatus) -> Self {
        Self {
            regulation: Cow::Owned(regulation),
            article: Cow::Owned(article),
            status,
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.article.is_empty() {
            f.write_str(&self.regulation)
        } else {
            write!(f, "{} {}", self.regulation, self.article)
        }
    }
}

/// The citations of the rules that `zugong-core` itself encodes.
pub mod sources {
    use super::{Citation, SourceStatus};

    /// zugong's rule for the journal itself: every entry recorded in order, linked to the one
    /// before, unaltered since, and decided again by the rules when read (选人用人工作纪实 as
    /// evidence; the rule is zugong's design, `docs/architecture.md`, not a regulation's text).
    pub const JOURNAL_INTEGRITY: Citation = Citation::new(
        "zugong 纪实日志完整性规则",
        "docs/architecture.md",
        SourceStatus::Provisional,
    );

    /// GB 11643-1999 《公民身份号码》: structure of the 18-character number and its
    /// ISO 7064 MOD 11-2 check character.
    pub const GB_11643: Citation =
        Citation::new("GB 11643-1999《公民身份号码》", "", SourceStatus::Confirmed);
    /// 《居民身份证法》 Art 3: the number is each citizen's unique, lifelong identity code.
    pub const ID_CARD_LAW_ART_3: Citation = Citation::new(
        "《中华人民共和国居民身份证法》(2011)",
        "第三条",
        SourceStatus::Confirmed,
    );
    /// GB/T 2260 行政区划代码: the 6-digit administrative division code.
    pub const GB_T_2260: Citation = Citation::new(
        "GB/T 2260《中华人民共和国行政区划代码》",
        "",
        SourceStatus::Confirmed,
    );
    /// 公务员法 Art 18: the ten levels of leadership posts.
    pub const CIVIL_SERVANT_LAW_ART_18: Citation = Citation::new(
        "《中华人民共和国公务员法》(2018)",
        "第十八条",
        SourceStatus::Confirmed,
    );
    /// 公务员法 Art 19: the 职级 sequence of the 综合管理类.
    pub const CIVIL_SERVANT_LAW_ART_19: Citation = Citation::new(
        "《中华人民共和国公务员法》(2018)",
        "第十九条",
        SourceStatus::Confirmed,
    );
    /// 《公务员职务与职级并行规定》 (2019) Art 8: the 级别 range of each 职级.
    pub const PARALLEL_RULES_ART_8: Citation = Citation::new(
        "《公务员职务与职级并行规定》(2019)",
        "第八条",
        SourceStatus::Secondary,
    );
    /// 《公务员职务与职级并行规定》 (2019) Art 18: minimum years before promotion to a 职级.
    pub const PARALLEL_RULES_ART_18: Citation = Citation::new(
        "《公务员职务与职级并行规定》(2019)",
        "第十八条",
        SourceStatus::Secondary,
    );
    /// 《公务员考核规定》 (2020) Art 19(一): an 优秀 year shortens the wait by half a year.
    pub const ASSESSMENT_RULES_ART_19: Citation = Citation::new(
        "《公务员考核规定》(2020)",
        "第十九条第（一）项",
        SourceStatus::Secondary,
    );
    /// 党章 Art 1: membership is open to those who have reached eighteen (年满十八岁).
    pub const PARTY_CONSTITUTION_ART_1: Citation =
        Citation::new("《中国共产党章程》", "第一条", SourceStatus::Confirmed);
    /// 党章 Art 7: party standing (党龄) counts from the day probation ends in full membership.
    pub const PARTY_CONSTITUTION_ART_7: Citation =
        Citation::new("《中国共产党章程》", "第七条", SourceStatus::Confirmed);
    /// 组通字〔2006〕41号: recognition of birth date, party-joining date and work-start date.
    pub const RECOGNITION_2006_41: Citation = Citation::new(
        "《关于认定干部出生日期、参加工作时间、入党时间的规定》(组通字〔2006〕41号)",
        "",
        SourceStatus::Secondary,
    );
    /// The 1984 decision on cadre management one level down (下管一级).
    pub const ONE_LEVEL_DOWN_1984: Citation = Citation::new(
        "中央书记处关于改革干部管理体制的决定(1984)",
        "下管一级",
        SourceStatus::Secondary,
    );
    /// 《中国共产党支部工作条例（试行）》 (2018): branch set-up and committee thresholds.
    pub const BRANCH_WORK_RULES: Citation = Citation::new(
        "《中国共产党支部工作条例（试行）》(2018)",
        "",
        SourceStatus::Secondary,
    );
    /// GB/T 4762-1984 政治面貌代码.
    pub const GB_T_4762: Citation = Citation::new(
        "GB/T 4762-1984《政治面貌代码》",
        "",
        SourceStatus::Secondary,
    );
    /// GB/T 4658-2006 学历代码 (code values provisional).
    pub const GB_T_4658: Citation =
        Citation::new("GB/T 4658-2006《学历代码》", "", SourceStatus::Provisional);
    /// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
    pub const HOLIDAYS_2025: Citation = Citation::new(
        "国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)",
        "",
        SourceStatus::Confirmed,
    );
    /// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
    pub const HOLIDAYS_2026: Citation = Citation::new(
        "国务院办公厅关于2026年部分节假日安排的通知(2025年11月4日)",
        "",
        SourceStatus::Confirmed,
    );
    /// 《民法典》 Art 1259: 以上、以下、以内、届满 include the stated number.
    pub const CIVIL_CODE_ART_1259: Citation = Citation::new(
        "《中华人民共和国民法典》",
        "第一千二百五十九条",
        SourceStatus::Confirmed,
    );
}
