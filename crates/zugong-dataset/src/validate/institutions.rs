//! The 单位 registry and the management list: institutions checked as one registry (each
//! refused registry a fault naming its rule), Party organizations' 所在单位 links checked
//! against it, and each management-list row naming a known post, or a known institution and a
//! rank.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use zugong_cadre::Post;
use zugong_core::{
    Institution, InstitutionError, InstitutionId, InstitutionRegistry, JurisdictionPolicy,
    LinkError, Management, ManagementEntry, ManagementList, OrgTree, PositionId, host_fits,
};

use super::faults::Faults;
use crate::FaultKind;
use crate::text::text;
use crate::{InstitutionRecord, ManagementRecord, Row, UnitRecord};

/// Builds the registry from the `institutions` table. A row naming a parent or a manager the
/// table lacks is a fault and left out; a registry the rules refuse as a whole (a cycle, a
/// 规格 above its parent) is a fault on the row it names, and no registry is built.
pub(super) fn registry(f: &mut Faults<'_>, rows: &[Row<InstitutionRecord>]) -> InstitutionRegistry {
    let table = "institutions";
    let ids: HashSet<InstitutionId> = rows.iter().map(|r| r.record.id).collect();
    let mut lines: HashMap<InstitutionId, u64> = HashMap::default();
    let mut list = Vec::new();
    for row in rows {
        let (line, r) = (row.line, &row.record);
        if !f.first_time(
            &mut lines,
            r.id,
            table,
            line,
            "id",
            ("该单位", "this institution"),
        ) {
            continue;
        }
        let unknown = |id: Option<InstitutionId>| id.filter(|id| !ids.contains(id));
        let refused = if let Some(parent) = unknown(r.parent) {
            Some((
                "parent",
                InstitutionError::UnknownParent {
                    institution: r.id,
                    parent,
                },
            ))
        } else {
            unknown(r.vertical_by)
                .map(|m| ("vertical_by", m))
                .or_else(|| unknown(r.dual_with).map(|m| ("dual_with", m)))
                .map(|(field, manager)| {
                    (
                        field,
                        InstitutionError::UnknownManager {
                            institution: r.id,
                            manager,
                        },
                    )
                })
        };
        if let Some((field, e)) = refused {
            f.push_refused(table, line, field, &e);
            continue;
        }
        let mut inst = Institution::new(r.id, r.name.clone(), r.kind.clone(), r.area);
        if let Some(g) = r.grade {
            inst = inst.graded(g);
        }
        // Set as given (not through `in_township`), so that another county's township is
        // refused by the registry rather than silently moving the institution.
        inst.township = r.township;
        if let Some(p) = r.parent {
            inst = inst.under(
                p,
                r.attachment
                    .unwrap_or(zugong_core::Attachment::Administered),
            );
        }
        if let Some(leader) = r.led_by {
            inst = inst.led_by(leader);
        }
        if let Some(staff) = r.establishment {
            inst = inst.with_establishment(staff);
        }
        if let Some(by) = r.vertical_by {
            inst = inst.managed(Management::Vertical(by));
        } else if let Some(with) = r.dual_with {
            inst = inst.managed(Management::Dual(with));
        }
        list.push(inst);
    }
    match InstitutionRegistry::from_institutions(list) {
        Ok(r) => r,
        Err(e) => {
            let at = match &e {
                InstitutionError::Duplicate(id)
                | InstitutionError::Cycle(id)
                | InstitutionError::Unknown(id) => Some(*id),
                InstitutionError::UnknownParent { institution, .. }
                | InstitutionError::UnknownManager { institution, .. }
                | InstitutionError::GradedAboveParent { institution }
                | InstitutionError::TownshipOutsideArea { institution, .. } => Some(*institution),
                _ => None,
            };
            let line = at.and_then(|id| lines.get(&id).copied()).unwrap_or(1);
            let field = if matches!(e, InstitutionError::TownshipOutsideArea { .. }) {
                "township"
            } else {
                "parent"
            };
            f.push_refused(table, line, field, &e);
            InstitutionRegistry::default()
        }
    }
}

/// Checks each institution's 领导关系: the leading organization is in the tree and is not a
/// 党小组.
pub(super) fn leaders(f: &mut Faults<'_>, tree: &OrgTree, rows: &[Row<InstitutionRecord>]) {
    let table = "institutions";
    for row in rows {
        let (line, r) = (row.line, &row.record);
        let Some(leader) = r.led_by else { continue };
        let error = match tree.get(leader) {
            None => Some(LinkError::UnknownLeader {
                institution: r.id,
                unit: leader,
            }),
            Some(u) if u.kind == zugong_core::OrgKind::Group => Some(LinkError::GroupCannotLead {
                institution: r.id,
                unit: leader,
            }),
            Some(_) => None,
        };
        if let Some(e) = error {
            f.push_refused(table, line, "led_by", &e);
        }
    }
}

/// Checks each organization's 所在单位 link against the registry and its host kind.
pub(super) fn links(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &InstitutionRegistry,
    rows: &[Row<UnitRecord>],
) {
    let table = "org_units";
    for row in rows {
        let (line, u) = (row.line, &row.record);
        let Some(at) = u.institution else { continue };
        if !tree.contains(u.id) {
            continue;
        }
        let error =
            match registry.get(at) {
                None => Some(LinkError::UnknownInstitution {
                    unit: u.id,
                    institution: at,
                }),
                Some(i) => u.host.as_ref().filter(|h| !host_fits(h, &i.kind)).map(|h| {
                    LinkError::WrongKind {
                        unit: u.id,
                        host: h.clone(),
                        kind: i.kind.clone(),
                    }
                }),
            };
        if let Some(e) = error {
            f.push_refused(table, line, "institution", &e);
        }
    }
}

/// Checks the management list: each row a known post, or a known holder (an institution, or a
/// Party committee or 党组) with a rank; the bodies known. Returns the list of the rows that
/// pass. A dataset without the table gets the list 下管一级 makes for its posts.
pub(super) fn management(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &InstitutionRegistry,
    posts: &[Post],
    rows: Vec<Row<ManagementRecord>>,
) -> ManagementList {
    if rows.is_empty() {
        let classes = posts
            .iter()
            .filter_map(|p| p.leadership_rank().map(|r| (p.holder, r)));
        return ManagementList::one_level_down(
            tree,
            registry,
            &JurisdictionPolicy::default(),
            classes,
        );
    }
    let known_posts: HashSet<PositionId> = posts.iter().map(|p| p.id).collect();
    let table = "management_list";
    let mut entries = Vec::new();
    for row in rows {
        let (line, m) = (row.line, row.record);
        let bodies = f.unit_known(tree, table, line, "manager", m.manager)
            & m.co_manager
                .is_none_or(|c| f.unit_known(tree, table, line, "co_manager", c))
            & m.filed_with
                .is_none_or(|b| f.unit_known(tree, table, line, "filed_with", b));
        let entry = match (m.post, m.rank) {
            (Some(post), _) if known_posts.contains(&post) => {
                Some(ManagementEntry::for_post(post, m.manager))
            }
            (None, Some(rank)) => f
                .holder(
                    tree,
                    registry,
                    None,
                    table,
                    line,
                    m.institution,
                    m.committee,
                )
                .map(|h| ManagementEntry::for_class(h, rank, m.manager)),
            _ => {
                f.push(
                    FaultKind::Missing,
                    table,
                    line,
                    "post",
                    text!(
                        "每行须写明一个已知职位，或一个已知单位（党委、党组）及职务层次（干部管理权限）",
                        "each row names a known post, or a known institution (committee, 党组) and a rank (干部管理权限)"
                    ),
                );
                None
            }
        };
        let Some(mut entry) = entry else {
            continue;
        };
        if !bodies {
            continue;
        }
        if let Some(c) = m.co_manager {
            entry = entry.co_managed_by(c);
        }
        if let Some(b) = m.filed_with {
            entry = entry.filed_with(b);
        }
        if let Some(n) = m.nomination {
            entry = entry.nominated_by(n);
        }
        entries.push(entry);
    }
    ManagementList::new(entries)
}
