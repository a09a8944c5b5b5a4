//! The organization tree from the unit records: every unit that cannot be placed is reported.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use zugong_core::{OrgTree, OrgUnit, OrgUnitId};

use super::faults::Faults;
use crate::Dataset;
use crate::FaultKind;
use crate::text::text;

/// Builds the tree from the unit records, reporting every unit that cannot be placed.
pub(super) fn build_tree(data: &Dataset, f: &mut Faults<'_>) -> OrgTree {
    let mut tree = OrgTree::new();
    let file = "org_units";
    let mut seen: HashMap<OrgUnitId, u64> = HashMap::default();
    let mut pending: Vec<(u64, OrgUnit)> = Vec::new();
    let ids: HashSet<OrgUnitId> = data.units.iter().map(|r| r.record.id).collect();
    for row in &data.units {
        let u = &row.record;
        if let Some(first) = seen.insert(u.id, row.line) {
            f.push(
                FaultKind::Duplicate,
                file,
                row.line,
                "id",
                text!(
                    "组织 {} 重复出现（首次在第 {first} 行）",
                    "unit {} appears twice (first on line {first})",
                    u.id
                ),
            );
            continue;
        }
        if let Some(p) = u.parent
            && !ids.contains(&p)
        {
            f.push(
                FaultKind::UnknownReference,
                file,
                row.line,
                "parent",
                text!(
                    "上级 {p} 不在 org_units 表中",
                    "unknown parent {p}: not in org_units"
                ),
            );
            continue;
        }
        pending.push((
            row.line,
            OrgUnit {
                id: u.id,
                name: u.name.clone(),
                kind: u.kind,
                level: u.level,
                host: u.host.clone(),
                parent: u.parent,
                division: u.division,
                institution: u.institution,
            },
        ));
    }
    // Insert parents before children: repeat while some unit was placed.
    loop {
        let mut placed = false;
        let mut rest = Vec::new();
        for (line, u) in pending {
            if u.parent.is_some_and(|p| !tree.contains(p)) {
                rest.push((line, u));
                continue;
            }
            let id = u.id;
            match tree.insert(u) {
                Ok(_) => placed = true,
                Err(e) => {
                    let field = if matches!(e, zugong_core::OrgTreeError::RanksAboveParent { .. }) {
                        "level"
                    } else {
                        "id"
                    };
                    f.push(
                        FaultKind::Inconsistent,
                        file,
                        line,
                        field,
                        text!(
                            "组织 {id} 无法加入组织树：{e}",
                            "unit {id} refused by the tree: {e}"
                        ),
                    );
                }
            }
        }
        pending = rest;
        if !placed || pending.is_empty() {
            break;
        }
    }
    for (line, u) in pending {
        f.push(
            FaultKind::DependsOnRefused,
            file,
            line,
            "parent",
            text!(
                "组织 {} 无法挂接：上级 {} 已被拒绝或成环",
                "unit {} cannot be placed: its parent {} is refused or in a cycle",
                u.id,
                u.parent.map(|p| p.to_string()).unwrap_or_default()
            ),
        );
    }
    tree
}
