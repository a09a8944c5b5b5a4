use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::*;

use crate::support::*;

fn row(unit: u32, rank_step: u8, months: u16, age: u8, political: u8) -> CadreRow {
    CadreRow {
        unit,
        rank_step,
        months_in_rank: months,
        age,
        education: EducationLevel::Undergraduate,
        grassroots_months: 36,
        excellent_last_3: 1,
        below_competent_last_3: false,
        political_score: political,
        training_met: true,
        field: 3,
        flags: flags::YOUNG_CADRE,
    }
}

fn profile() -> PostProfile {
    PostProfile {
        from_steps: vec![1],
        min_months_in_rank: 24,
        age_range: (28, 45),
        min_education: EducationLevel::JuniorCollege,
        min_grassroots_months: 24,
        min_political_score: 70,
        require_training: true,
        fields: FieldSet::of([3]),
        scope: None,
        required_flags: 0,
        weights: FactorWeights::default(),
        shortlist: 2,
    }
}

#[test]
fn every_exclusion_and_the_ranking() {
    let tree = tree();
    let p = profile();
    let base = row(3, 1, 36, 35, 90);
    let cases: Vec<(CadreRow, Option<Exclusion>)> = vec![
        (base, None),
        (
            CadreRow {
                rank_step: 2,
                ..base
            },
            Some(Exclusion::Rank),
        ),
        (
            CadreRow {
                months_in_rank: 23,
                ..base
            },
            Some(Exclusion::TimeInRank),
        ),
        (CadreRow { age: 46, ..base }, Some(Exclusion::Age)),
        (
            CadreRow {
                education: EducationLevel::SeniorHigh,
                ..base
            },
            Some(Exclusion::Education),
        ),
        (
            CadreRow {
                grassroots_months: 23,
                ..base
            },
            Some(Exclusion::Grassroots),
        ),
        (
            CadreRow {
                political_score: 69,
                ..base
            },
            Some(Exclusion::Political),
        ),
        (
            CadreRow {
                below_competent_last_3: true,
                ..base
            },
            Some(Exclusion::AssessmentRecord),
        ),
        (
            CadreRow {
                training_met: false,
                ..base
            },
            Some(Exclusion::Training),
        ),
        (CadreRow { field: 4, ..base }, Some(Exclusion::Field)),
    ];
    for (r, want) in &cases {
        assert_eq!(exclusion(r, &p, true), *want);
    }
    assert_eq!(exclusion(&base, &p, false), Some(Exclusion::OutOfScope));
    let young_only = PostProfile {
        required_flags: flags::YOUNG_CADRE | flags::KEY_POST,
        ..p.clone()
    };
    assert_eq!(exclusion(&base, &young_only, true), Some(Exclusion::Flags));

    let rows = vec![
        row(3, 1, 36, 35, 80),
        row(3, 1, 36, 35, 95),
        row(4, 1, 36, 35, 90),
        row(3, 2, 36, 35, 99),
    ];
    let s = screen(&tree, &rows, &p);
    assert_eq!(s.eligible, 3);
    assert_eq!(
        s.shortlist.iter().map(|r| r.row).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(s.excluded, [(Exclusion::Rank, 1)]);
    let explained = s.shortlist[0];
    assert_eq!(
        explained.score,
        explained.political
            + explained.performance
            + explained.experience
            + explained.grassroots
            + explained.education
            + explained.youth
    );
    // Scoped to the other county (slot 4): only row 2.
    let scoped = PostProfile {
        scope: Some(id(5)),
        ..p.clone()
    };
    let s = screen(&tree, &rows, &scoped);
    assert_eq!(s.eligible, 1);
    assert_eq!(s.excluded, [(Exclusion::OutOfScope, 3)]);
    let nowhere = PostProfile {
        scope: Some(id(99)),
        ..p
    };
    assert_eq!(screen(&tree, &rows, &nowhere).eligible, 0);
}

proptest! {
    #[test]
    fn screening_matches_a_naive_filter_and_sort(
        rows in prop::collection::vec((0u32..5, 0u8..3, 0u16..60, 25u8..60, 50u8..100, 0u8..4), 0..80),
        shortlist in 0usize..6,
    ) {
        let tree = tree();
        let rows: Vec<CadreRow> = rows
            .into_iter()
            .map(|(u, step, months, age, pol, exc)| CadreRow { excellent_last_3: exc, ..row(u, step, months, age, pol) })
            .collect();
        let p = PostProfile { shortlist, fields: FieldSet::any(), ..profile() };
        let s = screen(&tree, &rows, &p);
        let mut naive: Vec<(u32, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| exclusion(r, &p, true).is_none())
            .map(|(i, r)| (score(r, &p).score, i))
            .collect();
        prop_assert_eq!(s.eligible, naive.len());
        naive.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let want: Vec<usize> = naive.iter().take(shortlist).map(|x| x.1).collect();
        prop_assert_eq!(s.shortlist.iter().map(|r| r.row).collect::<Vec<_>>(), want);
        prop_assert_eq!(s.eligible + s.excluded.iter().map(|x| x.1).sum::<usize>(), rows.len());
    }
}
