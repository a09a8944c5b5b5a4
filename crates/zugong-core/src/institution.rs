//! The 单位 registry (机构): the institutions posts, 职数, 编制, assessment and recusal belong
//! to — Party and state organs, 人大, 政协, courts and procuratorates, 事业单位, state firms,
//! townships, villages, schools, hospitals, 两新 organizations — as a tree of their own beside
//! the Party organizations' (组织体系), linked to it but never merged with it.
//!
//! An institution names the one it belongs to and how (内设机构, 直属单位, 归口管理), its 规格
//! (the rank of its principal post: 正科级, 副处级…), its area (GB/T 2260), and whether it is
//! managed locally, vertically (垂直管理) or under dual leadership (双重领导) — and by whom.
//!
//! ```
//! use zugong_core::*;
//! let id = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
//! let county = DivisionCode::from_number(640_121)?;
//! let registry = InstitutionRegistry::from_institutions(vec![
//!     Institution::new(id(1), "新庄县人民政府", InstitutionKind::Government, county)
//!         .graded(LeadershipRank::CountyDivisionChief),
//!     Institution::new(id(2), "新庄县交通运输局", InstitutionKind::GovernmentDepartment, county)
//!         .graded(LeadershipRank::TownshipSectionChief)
//!         .under(id(1), Attachment::WorkingDepartment),
//!     Institution::new(id(3), "新庄县交通运输局办公室", InstitutionKind::InternalOffice, county)
//!         .under(id(2), Attachment::InternalOffice),
//! ])?;
//! let under_government: Vec<_> = registry.subtree(id(1))?.map(|i| i.name.as_str()).collect();
//! assert_eq!(under_government, ["新庄县人民政府", "新庄县交通运输局", "新庄县交通运输局办公室"]);
//! assert!(registry.is_within(id(3), id(1))?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod kind;
mod links;
mod placement;
mod registry;

pub use kind::{Attachment, InstitutionKind, Management};
pub use links::{LinkError, check_links, host_fits};
pub use placement::PartyPlacement;
pub use registry::{
    BelongsTo, Institution, InstitutionError, InstitutionRegistry, InstitutionSlot,
};
