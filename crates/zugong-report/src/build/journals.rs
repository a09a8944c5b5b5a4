//! The rating rounds and fallback classes that scenario commands journaled, as
//! `Journal::verify` rebuilt them from the dataset's journals (a journal that did not verify
//! is a finding, never counted here), so the report shows what was done beside what the
//! tables record.

use zugong_branch::RatingStage;
use zugong_training::ClassStatus;

use std::collections::BTreeMap;

use crate::{
    Area, DevelopmentJournalRow, FallbackRow, Finding, MemberSection, RatingJournalRow, StageCount,
};
use zugong_dataset::World;
use zugong_dataset::text::Text;

/// Every journal that did not verify, as findings grouped by the rule that refused it: the
/// file and line of the entry, its stream, and what was wrong. Nothing in such a journal is
/// reported as done.
pub(super) fn failures(world: &World, findings: &mut Vec<Finding>) {
    let mut by_rule: BTreeMap<&str, Vec<(String, Text)>> = BTreeMap::new();
    for f in &world.records.failures {
        let place = match (f.line, &f.stream) {
            (Some(l), Some(s)) => format!("{}:{l} ({s})", f.file),
            (Some(l), None) => format!("{}:{l}", f.file),
            (None, Some(s)) => format!("{} ({s})", f.file),
            (None, None) => f.file.clone(),
        };
        by_rule
            .entry(f.citation.as_str())
            .or_default()
            .push((place, f.message.clone()));
    }
    for (citation, items) in by_rule {
        findings.push(Finding {
            area: Area::Records,
            rule: Text::new(
                "纪实未通过核验，所记事项不予采信",
                "journal history that does not verify: nothing in it is taken as done",
            ),
            citation: citation.to_owned(),
            subjects: crate::subjects(items),
        });
    }
}

/// The rating journals' rounds, as verified.
pub(super) fn rating_journals(world: &World) -> Vec<RatingJournalRow> {
    world
        .records
        .ratings
        .iter()
        .map(|v| {
            let mut row = RatingJournalRow {
                journal: v.file.clone(),
                rounds: 0,
                awarded: [0; 6],
                open: 0,
            };
            // One line per branch rated, whichever committee's round rates it.
            for (_, branch) in v.journal.streams().flat_map(|(_, r)| r.branches()) {
                row.rounds += 1;
                if branch.stage() == RatingStage::Awarded {
                    if let Some(n) = row.awarded.get_mut(usize::from(branch.stars().get())) {
                        *n += 1;
                    }
                } else {
                    row.open += 1;
                }
            }
            row
        })
        .collect()
}

/// The fallback-training journals' classes, as verified.
pub(super) fn fallback_journals(world: &World) -> Vec<FallbackRow> {
    world
        .records
        .classes
        .iter()
        .map(|v| {
            let mut row = FallbackRow {
                journal: v.file.clone(),
                classes: v.journal.streams().len() as u64,
                closed: 0,
                participants: 0,
                credited_hours: 0,
            };
            let mut tenths = 0u64;
            for (_, class) in v.journal.streams() {
                row.closed += u64::from(class.status() == ClassStatus::Closed);
                row.participants += class.participants().len() as u64;
                tenths += class
                    .participants()
                    .values()
                    .map(|p| u64::from(p.credited.tenths()))
                    .sum::<u64>();
            }
            row.credited_hours = tenths / 10;
            row
        })
        .collect()
}

/// The development journals' paths by stage, as verified.
pub(super) fn development_journals(world: &World) -> MemberSection {
    use zugong_core::journal::Lifecycle;
    use zugong_member::DevelopmentStage;
    MemberSection {
        development_journals: world
            .records
            .developments
            .iter()
            .map(|v| {
                let mut counts: BTreeMap<DevelopmentStage, u64> = BTreeMap::new();
                for (_, path) in v.journal.streams() {
                    *counts.entry(path.stage()).or_default() += 1;
                }
                DevelopmentJournalRow {
                    journal: v.file.clone(),
                    paths: v.journal.streams().len() as u64,
                    by_stage: counts
                        .into_iter()
                        .map(|(stage, count)| StageCount {
                            stage: stage.to_string(),
                            count,
                        })
                        .collect(),
                }
            })
            .collect(),
        ..MemberSection::default()
    }
}
