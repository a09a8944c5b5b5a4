use proptest::prelude::*;
use zugong_training::*;

use crate::support::*;

proptest! {
    #[test]
    fn rollup_matches_a_naive_count(
        members in prop::collection::vec((0usize..3, prop_oneof![Just(32u32), Just(56u32)]), 0..40),
        rows in prop::collection::vec((0usize..40, 0usize..3, 1u32..200), 0..120),
    ) {
        let tree = tree();
        let branches = [id(100), id(101), id(110)];
        let member_rows: Vec<MemberRow> = members
            .iter()
            .map(|(u, req)| MemberRow { unit: unit_row(tree.slot(branches[*u]).unwrap()), required: StudyHours::whole(*req) })
            .collect();
        let rows: Vec<AttendanceRow> = rows
            .iter()
            .filter(|(m, _, _)| *m < members.len())
            .map(|(m, t, h)| AttendanceRow { member: *m as u32, tier: TrainingTier::ALL[*t], hours: StudyHours::from_tenths(*h) })
            .collect();
        let totals = training_rollup(&tree, &member_rows, &rows).unwrap();
        // Naive: for each unit, look at every member inside its subtree.
        for u in tree.units() {
            let slot = tree.slot(u.id).unwrap();
            let mut want = UnitTraining::default();
            for (i, (b, req)) in members.iter().enumerate() {
                if !tree.is_within(branches[*b], u.id).unwrap() { continue; }
                let mine: Vec<&AttendanceRow> = rows.iter().filter(|r| r.member as usize == i).collect();
                let total: u32 = mine.iter().map(|r| r.hours.tenths()).sum();
                want.members += 1;
                want.trained += u64::from(total > 0);
                if total >= req * 10 { want.met += 1 } else { want.shortfall_tenths += u64::from(req * 10 - total) }
                for t in 0..3 {
                    let h: u32 = mine.iter().filter(|r| r.tier as usize == t).map(|r| r.hours.tenths()).sum();
                    want.reached_by_tier[t] += u64::from(h > 0);
                    want.tenths_by_tier[t] += u64::from(h);
                }
            }
            prop_assert_eq!(totals[slot.index()], want);
        }
    }
}

#[test]
fn rows_pointing_outside_are_refused() {
    let tree = tree();
    let members = [MemberRow {
        unit: 99,
        required: StudyHours::whole(32),
    }];
    assert_eq!(
        training_rollup(&tree, &members, &[]),
        Err(RollupError::UnknownUnit {
            row: 0,
            unit: 99,
            units: 7
        })
    );
    let members = [MemberRow {
        unit: 4,
        required: StudyHours::whole(32),
    }];
    let rows = [AttendanceRow {
        member: 3,
        tier: TrainingTier::CityKey,
        hours: StudyHours::whole(1),
    }];
    assert_eq!(
        training_rollup(&tree, &members, &rows),
        Err(RollupError::UnknownMember {
            row: 0,
            member: 3,
            members: 1
        })
    );
    let totals = training_rollup(&tree, &members, &[]).unwrap();
    assert_eq!(totals[0].completion_permille(), Some(0));
    assert_eq!(totals[0].short(), 1);
    assert_eq!(UnitTraining::default().completion_permille(), None);
}
