//! People: the person record, political status, education, and the 三龄 (three ages).

mod education;
mod membership;
mod political_status;
mod record;

pub use education::{Completion, Degree, EducationLevel, EducationRecord, StudyMode};
pub use membership::MembershipPolicy;
pub use political_status::{DemocraticParty, PoliticalStatus};
pub use record::{Ethnicity, FactKind, FactRecognition, Person, PersonError, Sex};
