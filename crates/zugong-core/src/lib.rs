//! # zugong-core: the shared vocabulary of organization work (组工)
//!
//! The types every zugong domain crate (cadres, talent, branches, training) speaks:
//! typed identifiers, the citizen ID number, the organization tree with its bulk index,
//! leadership ranks and grades, people and their 三龄, the work calendar, authority and
//! jurisdiction (下管一级), the journal and lifecycle shape, citations and policies.
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::*;
//!
//! // An organization tree: a county committee, a township committee, a village branch.
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County),
//!     OrgUnit::new(id(2), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township).with_parent(id(1)),
//!     OrgUnit::new(id(3), "望洪镇东和村党支部", OrgKind::Branch, AdminLevel::Village)
//!         .with_parent(id(2)).with_host(UnitKind::Village),
//! ])?;
//!
//! // A person identified by a validated, masked citizen ID number.
//! let number: CitizenIdNumber = "11010519491231002X".parse()?;
//! assert_eq!(number.to_string(), "110105********002X");
//! let person = Person::new(PersonId::from_uuid(uuid::Uuid::from_u128(9)), "李明", number.sex(), number.birth_date())?;
//! assert_eq!(person.age_on(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()), 76);
//!
//! // The county's organization department may act on the village branch; the township's
//! // branch is not the county's own leadership, so 县处级 posts there are the city's.
//! let county = Authority::organization_department(id(1));
//! assert!(county.check_unit(&tree, id(3)).is_ok());
//! let refused = county.check_post(&tree, &JurisdictionPolicy::default(), id(1), LeadershipRank::CountyDivisionChief);
//! assert!(matches!(refused, Err(AuthorityError::RankOutsideJurisdiction { .. })));
//!
//! // Five working days of 任前公示 over the 2026 National Day holiday.
//! let cal = WorkCalendar::official();
//! let start = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
//! assert_eq!(cal.span_end(start, 5)?, NaiveDate::from_ymd_opt(2026, 10, 12).unwrap());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Conventions
//!
//! - **Ordering**: ranked enums compare greater when higher (`LeadershipRank`,
//!   `CivilServiceGrade`, `EducationLevel`, `AdminLevel`), so "县处级以上" is
//!   `rank >= LeadershipRank::CountyDivisionDeputy`; `ALL` lists the official order.
//! - **Terms**: `Display`/`FromStr` use the official Chinese term; serde uses snake_case
//!   English codes.
//! - **No panics, no wall clock**: every fallible operation returns a typed error; time is
//!   always an input.
//! - **Citations and policies**: every rule cites its source ([`Citation`]); every number
//!   lives in a policy value whose `Default` is the national rule ([`policy`]).
//!
//! The design notes are in `docs/architecture.md` and `docs/domain-guide.md` of the
//! repository.

mod authority;
mod calendar;
pub mod citation;
mod citizen_id;
pub mod dates;
mod division_code;
mod holder;
mod id;
mod institution;
pub mod journal;
mod management;
mod member_group;
mod money;
mod org;
mod person;
pub mod policy;
pub mod publicity;
mod rank;
mod term;

pub use authority::{Actor, Authority, AuthorityBody, AuthorityError, JurisdictionPolicy};
pub use calendar::{CalendarError, HolidaySchedule, UncoveredYears, WorkCalendar};
pub use citation::{Citation, SourceStatus};
pub use citizen_id::{CitizenIdError, CitizenIdNumber};
pub use division_code::{
    DivisionCode, DivisionCodeError, DivisionLevel, Locality, PROVINCE_PREFIXES, TownshipCode,
};
pub use holder::PostHolder;
pub use id::{
    ActorId, AppraisalId, AssessmentRoundId, BranchId, CadreId, DevelopmentId, DuesLedgerId,
    GradePromotionId, HoursLedgerId, IdError, InstitutionId, MemberId, OrgUnitId, PersonId,
    PositionId, QuotaBookId, RatingRoundId, RectificationId, SelectionId, TalentId, TalentRoundId,
    TrainingClassId,
};
pub use institution::{
    Attachment, BelongsTo, Institution, InstitutionError, InstitutionKind, InstitutionRegistry,
    InstitutionSlot, LinkError, Management, PartyPlacement, check_links, host_fits,
};
pub use management::{
    CoManagementPolicy, CoManagerAnswer, CoManagerReply, Consultation, ManagementEntry,
    ManagementError, ManagementList, NominationLead, PostClass,
};
pub use member_group::MemberGroup;
pub use money::Yuan;
pub use org::{AdminLevel, OrgKind, OrgTree, OrgTreeError, OrgUnit, UnitKind, UnitSlot};
pub use person::{
    Completion, Degree, DemocraticParty, EducationLevel, EducationRecord, Ethnicity, FactKind,
    FactRecognition, MembershipPolicy, Person, PersonError, PoliticalStatus, Sex, StudyMode,
};
pub use policy::{Policy, PolicyError, Stricter};
pub use rank::{
    CivilServiceGrade, GradePromotionPolicy, GradePromotionRule, LeadershipRank, PostSeniority,
    RankLevel, RankOrGrade, SalaryLevel, SalaryLevelError, SalaryLevelRange,
};
pub use term::ParseTermError;
