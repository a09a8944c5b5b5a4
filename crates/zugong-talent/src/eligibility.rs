//! Who may apply to a programme: every unmet condition, with its source.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::dates::completed_years;
use zugong_core::{Citation, EducationLevel, InstitutionId, TalentId};

use crate::{ProfessionalTitle, ProgrammeDefinition, ResearchField, TalentTier};

/// How a talent serves the region, and through which 单位: the employer (用人单位) or the host
/// (依托单位) is an institution — a university, an institute, an enterprise — not the Party
/// organization set up in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Engagement {
    /// Employed by an institution in the region.
    Employed {
        /// 用人单位.
        employer: InstitutionId,
    },
    /// 柔性引进 (不求我有、但求我用): serves the region without being employed here, through a
    /// host institution and an agreement.
    Flexible {
        /// 依托单位: the host institution in the region.
        host: InstitutionId,
        /// Where the person is employed.
        home_institution: String,
        /// Days a year committed to the region.
        days_per_year: u32,
    },
}

impl Engagement {
    /// The institution in the region that the talent is attached to.
    #[must_use]
    pub fn institution(&self) -> InstitutionId {
        match self {
            Self::Employed { employer } => *employer,
            Self::Flexible { host, .. } => *host,
        }
    }
}

/// 申报人: what eligibility needs to know about an applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    /// The talent.
    pub talent: TalentId,
    /// Name.
    pub name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Highest 学历.
    pub education: Option<EducationLevel>,
    /// 职称.
    pub title: Option<ProfessionalTitle>,
    /// The field applied in.
    pub field: ResearchField,
    /// Industry code in the catalogue, if any.
    pub industry: Option<String>,
    /// Tiers of the regional programmes the person already holds (in progress).
    pub current_tiers: Vec<TalentTier>,
    /// Holds a Party or government leadership post and no longer does professional work.
    pub non_professional_leader: bool,
    /// How the person serves the region.
    pub engagement: Engagement,
}

/// One unmet condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ineligibility {
    /// Older than the limit on the deadline.
    TooOld {
        /// Age on the deadline.
        age: u32,
        /// The limit.
        max: u32,
    },
    /// Below the least 学历.
    Education {
        /// What the applicant has.
        have: Option<EducationLevel>,
        /// What is needed.
        need: EducationLevel,
    },
    /// Below the least 职称.
    Title {
        /// What the applicant has.
        have: Option<ProfessionalTitle>,
        /// What is needed.
        need: ProfessionalTitle,
    },
    /// Already in a programme of the same or a higher tier.
    SameOrHigherTier(TalentTier),
    /// A leader no longer doing professional work.
    NonProfessionalLeader,
    /// No seats for the field.
    FieldNotOffered(ResearchField),
    /// The programme is for other industries (the applicant's code, if any).
    IndustryNotCovered(Option<String>),
}

/// An unmet condition with the rule it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmetCondition {
    /// The condition.
    pub condition: Ineligibility,
    /// Its source.
    pub citation: Citation,
}

/// Checks an applicant against a programme on the application deadline, returning **every**
/// unmet condition (empty when eligible). Age is in completed years (周岁): "≤ 35" is met by
/// someone who turns 36 after the deadline.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::*;
/// use zugong_talent::*;
/// let deadline = NaiveDate::from_ymd_opt(2024, 7, 31).unwrap();
/// let applicant = Applicant {
///     talent: TalentId::from_uuid(uuid::Uuid::nil()),
///     name: "马文静".into(),
///     birth_date: NaiveDate::from_ymd_opt(1988, 8, 1).unwrap(), // 35 on the deadline
///     education: Some(EducationLevel::Postgraduate),
///     title: Some(ProfessionalTitle::Intermediate),
///     field: ResearchField::NaturalSciences,
///     industry: Some("goji".into()),
///     current_tiers: vec![],
///     non_professional_leader: false,
///     engagement: Engagement::Employed { employer: InstitutionId::from_uuid(uuid::Uuid::nil()) },
/// };
/// assert!(check_eligibility(&ProgrammeDefinition::young_nurtured(), &applicant, deadline).is_empty());
/// ```
#[must_use]
pub fn check_eligibility(
    programme: &ProgrammeDefinition,
    applicant: &Applicant,
    deadline: NaiveDate,
) -> Vec<UnmetCondition> {
    let mut out = Vec::new();
    let mut unmet = |condition| {
        out.push(UnmetCondition {
            condition,
            citation: programme.source.clone(),
        })
    };
    if let Some(max) = programme.max_age {
        let age = completed_years(applicant.birth_date, deadline);
        if age > max {
            unmet(Ineligibility::TooOld { age, max });
        }
    }
    if let Some(need) = programme.min_education
        && applicant.education.is_none_or(|have| have < need)
    {
        unmet(Ineligibility::Education {
            have: applicant.education,
            need,
        });
    }
    if let Some(need) = programme.min_title
        && applicant.title.is_none_or(|have| have < need)
    {
        unmet(Ineligibility::Title {
            have: applicant.title,
            need,
        });
    }
    if programme.exclude_same_or_higher
        && let Some(t) = applicant
            .current_tiers
            .iter()
            .filter(|t| **t >= programme.tier)
            .max()
    {
        unmet(Ineligibility::SameOrHigherTier(*t));
    }
    if programme.exclude_non_professional_leaders && applicant.non_professional_leader {
        unmet(Ineligibility::NonProfessionalLeader);
    }
    if programme.seats_for(applicant.field) == 0 {
        unmet(Ineligibility::FieldNotOffered(applicant.field));
    }
    if !programme.industries.is_empty()
        && applicant
            .industry
            .as_ref()
            .is_none_or(|i| !programme.industries.contains(i))
    {
        unmet(Ineligibility::IndustryNotCovered(
            applicant.industry.clone(),
        ));
    }
    out
}
