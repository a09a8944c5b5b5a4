//! The faults found while checking, and the records refused so far.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::{Text, text};
use crate::{Fault, FaultKind};

/// The faults found, with the file each table came from, and the records refused so far: a
/// record that refers to a refused one is counted once per refused record instead of
/// repeating the fault of the record it refers to.
pub(super) struct Faults<'a> {
    pub(super) out: &'a mut Vec<Fault>,
    pub(super) files: BTreeMap<&'static str, String>,
    /// Refused ids, each with the root refusal it comes from (itself when it has its own fault).
    pub(super) refused: HashMap<uuid::Uuid, uuid::Uuid>,
    /// Records skipped because they refer to a refused record: their root.
    pub(super) derived: HashMap<uuid::Uuid, uuid::Uuid>,
    pub(super) cascades: BTreeMap<(String, String, uuid::Uuid), (u64, u64)>,
    pub(super) marks: usize,
    /// The user's code of each record read from CSV (messages name records by it).
    pub(super) codes: std::collections::HashMap<uuid::Uuid, String>,
}

/// A citizen ID number as one integer, its 18 characters read as base-11 digits (`X` as 10):
/// distinct numbers give distinct keys (11¹⁸ < 2⁶⁴), and a set of them costs 8 bytes a person
/// where the text would cost a string each.
pub(super) fn citizen_key(citizen: &zugong_core::CitizenIdNumber) -> u64 {
    citizen.expose().bytes().fold(0u64, |key, b| {
        let digit = match b {
            b'0'..=b'9' => u64::from(b - b'0'),
            _ => 10,
        };
        key.wrapping_mul(11).wrapping_add(digit)
    })
}

impl Faults<'_> {
    /// Changes whenever a fault or a cascade is noted: compare before and after a record.
    pub(super) fn mark(&self) -> usize {
        self.out.len() + self.marks
    }

    pub(super) fn file(&self, table: &str) -> String {
        self.files
            .get(table)
            .cloned()
            .unwrap_or_else(|| format!("{table}.jsonl"))
    }

    pub(super) fn push(
        &mut self,
        kind: FaultKind,
        table: &str,
        line: u64,
        field: &str,
        msg: impl Into<Text>,
    ) {
        let file = self.file(table);
        self.out.push(Fault::at(kind, file, line, field, msg));
    }

    /// A fault of `field` refused by a domain rule: its message and citation the refusal's.
    pub(super) fn push_refused<R: zugong_core::journal::Refusal + ?Sized>(
        &mut self,
        table: &str,
        line: u64,
        field: &str,
        refusal: &R,
    ) {
        let file = self.file(table);
        self.out.push(Fault::refused(file, line, field, refusal));
    }

    /// Whether `key` comes here for the first time; a repeat is a fault of `field` naming the
    /// line it first stood on (`what`: the record, in Chinese and in English).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn first_time<K: Eq + std::hash::Hash>(
        &mut self,
        seen: &mut HashMap<K, u64>,
        key: K,
        table: &str,
        line: u64,
        field: &str,
        what: (&str, &str),
    ) -> bool {
        let Some(first) = seen.insert(key, line) else {
            return true;
        };
        let (zh, en) = what;
        let msg = text!("{zh}已在第 {first} 行", "{en} is already on line {first}");
        self.push(FaultKind::Duplicate, table, line, field, msg);
        false
    }

    /// Whether `unit` is in `tree`; if not, a fault of `field` (or a cascade of a refused
    /// unit).
    pub(super) fn unit_known(
        &mut self,
        tree: &zugong_core::OrgTree,
        table: &str,
        line: u64,
        field: &str,
        unit: zugong_core::OrgUnitId,
    ) -> bool {
        if tree.contains(unit) {
            return true;
        }
        self.missing(
            None,
            table,
            line,
            field,
            "unit",
            unit.as_uuid(),
            "org_units",
        );
        false
    }

    /// The holder a row's posts belong to: a known 单位 (`institution`), or a known Party
    /// committee or 党组 (`committee`) — exactly one. Each wrong case is a fault.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn holder(
        &mut self,
        tree: &zugong_core::OrgTree,
        registry: &zugong_core::InstitutionRegistry,
        from: Option<&uuid::Uuid>,
        table: &str,
        line: u64,
        institution: Option<zugong_core::InstitutionId>,
        committee: Option<zugong_core::OrgUnitId>,
    ) -> Option<zugong_core::PostHolder> {
        match (institution, committee) {
            (Some(i), None) => {
                if registry.get(i).is_some() {
                    Some(zugong_core::PostHolder::Institution(i))
                } else {
                    self.missing(
                        from,
                        table,
                        line,
                        "institution",
                        "institution",
                        i.as_uuid(),
                        "institutions",
                    );
                    None
                }
            }
            (None, Some(u)) => {
                if !self.unit_known(tree, table, line, "committee", u) {
                    return None;
                }
                let unit = tree.get(u)?;
                let holder = zugong_core::PostHolder::of_party_organization(u, unit.kind);
                if holder.is_none() {
                    self.push(
                        FaultKind::Inconsistent,
                        table,
                        line,
                        "committee",
                        text!(
                            "{}是{}，没有本级领导职务：职位属于其所在单位（填“单位”）或其上级党委",
                            "{} is a {}, which has no leadership posts of its own: name its institution or the committee above",
                            unit.name,
                            unit.kind
                        ),
                    );
                }
                holder
            }
            _ => {
                self.push(
                    FaultKind::Inconsistent,
                    table,
                    line,
                    "institution",
                    text!(
                        "须且只须填写一项：所属单位（单位）或所属党委（党组）",
                        "name exactly one of the institution or the Party committee (党组) the posts belong to"
                    ),
                );
                None
            }
        }
    }

    /// A reference to a record that is not there: a fault, or a cascade of a refused record.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn missing(
        &mut self,
        from: Option<&uuid::Uuid>,
        table: &str,
        line: u64,
        field: &str,
        kind: &str,
        id: &uuid::Uuid,
        in_table: &str,
    ) {
        if let Some(root) = self.refused.get(id).copied() {
            if let Some(from) = from {
                self.derived.insert(*from, root);
            }
            let e = self
                .cascades
                .entry((table.to_owned(), field.to_owned(), root))
                .or_insert((0, line));
            e.0 += 1;
            self.marks += 1;
        } else {
            self.push(
                FaultKind::UnknownReference,
                table,
                line,
                field,
                text!(
                    "{kind} {id} 不在 {in_table} 表中",
                    "{kind} {id} is not in {in_table}"
                ),
            );
        }
    }

    /// Marks the record `id` as refused: references to it are then counted against it (or
    /// against the record it was itself refused for) instead of reported one by one.
    pub(super) fn refuse_one(&mut self, id: uuid::Uuid) {
        let root = self.derived.get(&id).copied().unwrap_or(id);
        self.refused.insert(id, root);
    }

    /// Marks the ids of `all` not in `kept` as refused.
    pub(super) fn refuse<I: Eq + std::hash::Hash>(
        &mut self,
        all: impl IntoIterator<Item = (I, uuid::Uuid)>,
        kept: impl Fn(&I) -> bool,
    ) {
        for (id, u) in all {
            if !kept(&id) {
                let root = self.derived.get(&u).copied().unwrap_or(u);
                self.refused.insert(u, root);
            }
        }
    }

    /// The keys of a person's record: the id and the citizen ID number, each once in its
    /// table (`who` names the kind of person, in both languages).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn person_keys<I: Copy + Eq + std::hash::Hash + std::fmt::Display>(
        &mut self,
        table: &str,
        line: u64,
        id: I,
        ids: &mut HashSet<I>,
        citizen: &zugong_core::CitizenIdNumber,
        citizens: &mut HashSet<u64>,
        who: (&str, &str),
    ) {
        let (zh, en) = who;
        if !ids.insert(id) {
            let msg = text!("{zh} {id} 重复出现", "{en} {id} appears twice");
            self.push(FaultKind::Duplicate, table, line, "id", msg);
        }
        if !citizens.insert(citizen_key(citizen)) {
            let msg = text!(
                "{citizen} 与另一名{zh}重复",
                "{citizen} belongs to another {en} too"
            );
            self.push(FaultKind::Duplicate, table, line, "citizen_id", msg);
        }
    }

    /// One fault per refused record that others refer to.
    pub(super) fn flush_cascades(&mut self) {
        for ((table, field, id), (count, first)) in std::mem::take(&mut self.cascades) {
            let file = self.file(&table);
            let code = self
                .codes
                .get(&id)
                .cloned()
                .unwrap_or_else(|| id.to_string());
            let id = format!("“{code}”");
            let fault = Fault::at(
                FaultKind::DependsOnRefused,
                file,
                first,
                field,
                text!(
                    "自此行起 {count} 条记录依赖已被拒绝的 {id}（见其问题），不再逐条检查",
                    "{count} record(s) from this line on depend on {id}, which was refused (see its fault); not checked further"
                ),
            );
            // The record named is the refused one the others depend on.
            self.out.push(fault.of_record(code));
        }
    }
}
