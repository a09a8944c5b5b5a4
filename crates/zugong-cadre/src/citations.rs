//! The citations of the selection rules: the articles of 《党政领导干部选拔任用工作条例》 (2019)
//! and of the laws beside it that the rules in this crate refuse with. One place, so that a
//! rule and the policy value that holds its number name the same article.

use zugong_core::{Citation, SourceStatus};

/// 《党政领导干部选拔任用工作条例》(2019).
pub(crate) const fn rules(article: &'static str, status: SourceStatus) -> Citation {
    Citation::new("《党政领导干部选拔任用工作条例》(2019)", article, status)
}

/// Art 8(一): 5 years of work and 2 of grassroots experience for 县处级.
pub(crate) const ART_8_1: Citation = rules("第八条第（一）项", SourceStatus::Confirmed);
/// Art 8(二): posts held at the level below.
pub(crate) const ART_8_2: Citation = rules("第八条第（二）项", SourceStatus::Secondary);
/// Art 8(三): years in the lower post.
pub(crate) const ART_8_3: Citation = rules("第八条第（三）项", SourceStatus::Confirmed);
/// Art 8(四): education.
pub(crate) const ART_8_4: Citation = rules("第八条第（四）项", SourceStatus::Confirmed);
/// Art 8(五): training.
pub(crate) const ART_8_5: Citation = rules("第八条第（五）项", SourceStatus::Confirmed);
/// Art 8(六): health.
pub(crate) const ART_8_6: Citation = rules("第八条第（六）项", SourceStatus::Confirmed);
/// Art 8(七): legal qualifications and party standing.
pub(crate) const ART_8_7: Citation = rules("第八条第（七）项", SourceStatus::Confirmed);
/// Art 9: 破格提拔.
pub(crate) const ART_9: Citation = rules("第九条", SourceStatus::Confirmed);
/// Chapter 3: 分析研判和动议, which opens every selection (the procedure's order follows).
pub(crate) const CH_3: Citation = rules("第三章 分析研判和动议", SourceStatus::Confirmed);
/// Chapter 4: 民主推荐 and its one-year validity.
pub(crate) const CH_4: Citation = rules("第四章 民主推荐", SourceStatus::Confirmed);
/// Chapter 5: 考察.
pub(crate) const CH_5: Citation = rules("第五章 考察", SourceStatus::Confirmed);
/// Chapter 6: 讨论决定.
pub(crate) const CH_6: Citation = rules("第六章 讨论决定", SourceStatus::Confirmed);
/// Chapter 7: 任职 (公示, 试用期, 任职谈话).
pub(crate) const CH_7: Citation = rules("第七章 任职", SourceStatus::Confirmed);
/// Art 3: 政治标准放在首位 (严把政治关).
pub(crate) const ART_3: Citation = rules("第三条", SourceStatus::Secondary);
/// 《中国共产党章程》 第二十七条: 党龄 of the members of local Party committees.
pub(crate) const CONSTITUTION_ART_27: Citation =
    Citation::new("《中国共产党章程》", "第二十七条", SourceStatus::Confirmed);
/// The 乡科级 steps of civil servants (副科 from 一级科员, 正科 from 副科).
///
/// # Provisional
/// The domain brief (§14) finds the figures in secondary summaries of 《公务员职务、职级与级别管理
/// 办法》 (2020); the instrument's article is not confirmed.
pub(crate) const TOWNSHIP_STEPS: Citation = Citation::new(
    "《公务员职务、职级与级别管理办法》(2020)",
    "",
    SourceStatus::Secondary,
);
/// One person, one open outcome: zugong's reading of Ch 6 and Ch 7 (a decision leads to one
/// 公示 and one 任职).
pub(crate) const ONE_OPEN_OUTCOME: Citation = rules("第六章、第七章", SourceStatus::Provisional);
/// 公务员法 Art 43: appointments within the quota and against a vacancy.
pub(crate) const CIVIL_SERVANT_LAW_ART_43: Citation = Citation::new(
    "《中华人民共和国公务员法》(2018)",
    "第四十三条",
    SourceStatus::Confirmed,
);
