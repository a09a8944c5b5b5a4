//! The links between the two trees: a Party organization names the institution it is set up
//! in (所在单位); the link is checked, and both trees stay valid on their own.

use thiserror::Error;

use super::{InstitutionKind, InstitutionRegistry};
use crate::journal::{Language, Refusal};
use crate::{Citation, InstitutionId, OrgTree, OrgUnitId, SourceStatus, UnitKind};

/// 党的基层组织 are set up in 单位 by their kind (党章 第三十条; 支部工作条例 第四条).
const LINK_RULE: Citation = Citation::new(
    "《中国共产党支部工作条例（试行）》(2018)",
    "第四条（按单位设立党组织）",
    SourceStatus::Confirmed,
);

/// A 所在单位 link that does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LinkError {
    /// The organization names an institution the registry does not hold.
    #[error("{unit} is set up in {institution}, which is not in the 单位 registry")]
    UnknownInstitution {
        /// The Party organization.
        unit: OrgUnitId,
        /// The institution it names.
        institution: InstitutionId,
    },
    /// An institution names a leading Party organization (领导关系) the tree does not hold.
    #[error("{institution} is led by {unit}, which is not in the organization tree")]
    UnknownLeader {
        /// The institution.
        institution: InstitutionId,
        /// The organization it names.
        unit: OrgUnitId,
    },
    /// A 党小组 named as an institution's leading organization: a group leads no 单位.
    #[error("{institution} is led by a 党小组, which leads no 单位")]
    GroupCannotLead {
        /// The institution.
        institution: InstitutionId,
        /// The group.
        unit: OrgUnitId,
    },
    /// The organization's host kind does not fit the institution's kind (a 村党支部 in a
    /// bureau, a 机关党支部 in an enterprise).
    #[error("a Party organization of a {host} is set up in a {kind}")]
    WrongKind {
        /// The Party organization.
        unit: OrgUnitId,
        /// Its host kind.
        host: UnitKind,
        /// The institution's kind.
        kind: InstitutionKind,
    },
}

impl Refusal for LinkError {
    fn citation(&self) -> Citation {
        LINK_RULE
    }

    fn message(&self, language: Language) -> String {
        let cite = self.citation();
        match (language, self) {
            (Language::English, _) => format!("{self} ({cite})"),
            (Language::Chinese, Self::UnknownInstitution { .. }) => {
                format!("党组织所在单位不在单位名录中（{cite}）")
            }
            (Language::Chinese, Self::UnknownLeader { .. }) => {
                format!("单位的领导党组织不在组织树中（{cite}）")
            }
            (Language::Chinese, Self::GroupCannotLead { .. }) => {
                format!("党小组不能作为单位的领导党组织：应为党组、党委或基层党组织（{cite}）")
            }
            (Language::Chinese, Self::WrongKind { host, kind, .. }) => {
                format!("{host}的党组织不能设在{kind}中（{cite}）")
            }
        }
    }
}

/// Whether a Party organization hosted by `host` may be set up in an institution of `kind`.
/// An open kind on either side fits anything (it cannot be judged).
#[must_use]
pub fn host_fits(host: &UnitKind, kind: &InstitutionKind) -> bool {
    use InstitutionKind as I;
    if matches!(kind, I::Other(_)) {
        return true;
    }
    match host {
        UnitKind::Organ => kind.is_organ(),
        UnitKind::PublicInstitution => matches!(kind, I::PublicInstitution | I::University),
        UnitKind::StateOwnedEnterprise => matches!(kind, I::StateOwnedEnterprise),
        UnitKind::NonPublicEnterprise => matches!(kind, I::NonPublicEnterprise),
        UnitKind::SocialOrganization => matches!(kind, I::SocialOrganization),
        UnitKind::Village => matches!(kind, I::Village),
        UnitKind::Community => matches!(kind, I::Community),
        UnitKind::University => matches!(kind, I::University),
        UnitKind::NewEmploymentGroup => {
            matches!(kind, I::NonPublicEnterprise | I::SocialOrganization)
        }
        UnitKind::Other(_) => true,
    }
}

/// Checks every link between the trees: each 所在单位 link of `tree` (the institution is there,
/// and the organization's host kind fits it; organizations without a link, or without a host
/// kind, are not judged on kind), then each institution's 领导关系 (the leading organization
/// is in the tree and is not a 党小组).
///
/// ```
/// use zugong_core::*;
/// let inst = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
/// let unit = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let area = DivisionCode::from_number(640_121)?;
/// let registry = InstitutionRegistry::from_institutions(vec![
///     Institution::new(inst(1), "新庄县交通运输局", InstitutionKind::GovernmentDepartment, area),
///     Institution::new(inst(2), "沙洲村", InstitutionKind::Village, area),
/// ])?;
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(unit(1), "中共新庄县交通运输局机关支部委员会", OrgKind::Branch, AdminLevel::County)
///         .with_host(UnitKind::Organ)
///         .in_institution(inst(1)),
/// ])?;
/// assert!(check_links(&tree, &registry).is_ok());
/// // A village branch hung on the bureau is refused.
/// let wrong = OrgTree::from_units(vec![
///     OrgUnit::new(unit(2), "沙洲村党支部", OrgKind::Branch, AdminLevel::Village)
///         .with_host(UnitKind::Village)
///         .in_institution(inst(1)),
/// ])?;
/// assert!(matches!(check_links(&wrong, &registry), Err(LinkError::WrongKind { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The first [`LinkError`], in tree order.
pub fn check_links(tree: &OrgTree, registry: &InstitutionRegistry) -> Result<(), LinkError> {
    for unit in tree.units() {
        let Some(at) = unit.institution else {
            continue;
        };
        let Some(institution) = registry.get(at) else {
            return Err(LinkError::UnknownInstitution {
                unit: unit.id,
                institution: at,
            });
        };
        if let Some(host) = &unit.host
            && !host_fits(host, &institution.kind)
        {
            return Err(LinkError::WrongKind {
                unit: unit.id,
                host: host.clone(),
                kind: institution.kind.clone(),
            });
        }
    }
    for institution in registry.institutions() {
        let Some(leader) = institution.led_by else {
            continue;
        };
        match tree.get(leader) {
            None => {
                return Err(LinkError::UnknownLeader {
                    institution: institution.id,
                    unit: leader,
                });
            }
            Some(u) if u.kind == crate::OrgKind::Group => {
                return Err(LinkError::GroupCannotLead {
                    institution: institution.id,
                    unit: leader,
                });
            }
            Some(_) => {}
        }
    }
    Ok(())
}
