use AssessmentGrade::*;
use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::*;

use crate::support::*;

fn timeline() -> CareerTimeline {
    let deputy = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);
    let chief = RankOrGrade::Leadership(LeadershipRank::TownshipSectionChief);
    CareerTimeline {
        cadre: cadre(1),
        birth_date: d(1992, 5, 1),
        facts: vec![
            CareerFact::PostStarted {
                on: d(2018, 3, 1),
                unit: id(4),
                rank: deputy,
                principal: false,
                key_post: true,
            },
            CareerFact::Assessed {
                year: 2021,
                outcome: AssessmentOutcome::Graded(Excellent),
            },
            CareerFact::Assessed {
                year: 2022,
                outcome: AssessmentOutcome::Graded(BasicallyCompetent),
            },
            CareerFact::PostEnded {
                on: d(2023, 3, 1),
                unit: id(4),
                adjustment: None,
            },
            CareerFact::PostStarted {
                on: d(2023, 3, 1),
                unit: id(3),
                rank: chief,
                principal: true,
                key_post: false,
            },
            CareerFact::Assessed {
                year: 2023,
                outcome: AssessmentOutcome::Graded(Competent),
            },
            CareerFact::Assessed {
                year: 2024,
                outcome: AssessmentOutcome::Ungraded,
            },
            CareerFact::Assessed {
                year: 2025,
                outcome: AssessmentOutcome::Graded(Excellent),
            },
        ],
    }
}

#[test]
fn as_of_queries_and_key_groups() {
    let t = timeline();
    let deputy = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);
    assert_eq!(t.months_at_rank(deputy, d(2026, 1, 1)), 60);
    assert_eq!(t.months_in_post(id(3), d(2026, 3, 1)), Some(36));
    assert_eq!(t.months_in_post(id(4), d(2026, 3, 1)), None);
    // 基本称职 and ungraded years never count.
    assert_eq!(t.counted_years(2021), (3, 2));
    assert_eq!(t.counted_years(2023), (2, 1));
    let ages = YoungCadreAges::default();
    assert_eq!(
        t.key_groups(d(2026, 1, 1), &ages),
        [KeyGroup::TopLeader, KeyGroup::YoungCadre]
    );
    assert_eq!(
        t.key_groups(d(2020, 1, 1), &ages),
        [KeyGroup::YoungCadre, KeyGroup::KeyPostCadre]
    );
    assert_eq!(
        t.key_groups(d(2028, 6, 1), &ages),
        [KeyGroup::TopLeader],
        "36 is past the 乡科级 young-cadre age"
    );
    assert_eq!(
        watch_list(
            std::slice::from_ref(&t),
            KeyGroup::TopLeader,
            d(2026, 1, 1),
            &ages
        ),
        [cadre(1)]
    );
    let json = serde_json::to_string(&t).unwrap();
    assert_eq!(serde_json::from_str::<CareerTimeline>(&json).unwrap(), t);
}

#[test]
fn dossier_profile_and_mistakes() {
    let mut dossier = PoliticalQualityDossier::new(cadre(1));
    assert_eq!(
        dossier.add(DossierEntry {
            on: d(2025, 1, 1),
            dimension: PoliticalDimension::Stance,
            score: 101,
            evidence: "x".into(),
            source: EntrySource::SpecialAssessment
        }),
        Err(DossierError::ScoreOutOfRange(101))
    );
    assert_eq!(
        dossier.add(DossierEntry {
            on: d(2025, 1, 1),
            dimension: PoliticalDimension::Stance,
            score: 90,
            evidence: " ".into(),
            source: EntrySource::SpecialAssessment
        }),
        Err(DossierError::NoEvidence)
    );
    for (i, dim) in PoliticalDimension::ALL.iter().enumerate() {
        dossier
            .add(DossierEntry {
                on: d(2024, 6, 1),
                dimension: *dim,
                score: 80 + i as u32,
                evidence: "专项考核报告".into(),
                source: EntrySource::SpecialAssessment,
            })
            .unwrap();
    }
    dossier
        .add(DossierEntry {
            on: d(2025, 6, 1),
            dimension: PoliticalDimension::Execution,
            score: 70,
            evidence: "巡察反馈".into(),
            source: EntrySource::InspectionTour,
        })
        .unwrap();
    let p = dossier.profile(d(2026, 1, 1), 3);
    assert!(p.missing.is_empty());
    assert_eq!(
        p.by_dimension[&PoliticalDimension::Execution],
        DimensionSummary {
            latest: 70,
            lowest: 70,
            average: 77,
            entries: 2
        }
    );
    assert_eq!(p.overall(), 70);
    assert_eq!(
        p.to_review("档案").failures(75),
        [PoliticalDimension::Execution]
    );
    let old = dossier.profile(d(2030, 1, 1), 3);
    assert_eq!(old.missing.len(), 6);
    assert_eq!(old.overall(), 0);

    let tolerated = MistakeRecord {
        cadre: cadre(1),
        on: d(2025, 1, 1),
        description: "改革试点中程序瑕疵".into(),
        class: MistakeClass::Tolerated(Distinction::ExploratoryTrial),
        decided_by: id(2),
    };
    let policy = MistakePolicy::default();
    assert!(!tolerated.counts_against(MistakeUse::Selection, &policy));
    assert!(tolerated.counts_against(
        MistakeUse::Assessment,
        &MistakePolicy {
            tolerated_counts_in_assessment: true,
            ..policy
        }
    ));
    let violation = MistakeRecord {
        class: MistakeClass::Violation,
        ..tolerated.clone()
    };
    assert!(violation.counts_against(MistakeUse::Adjustment, &policy));
    assert_eq!(
        Distinction::UnintentionalForDevelopment.to_string(),
        "为推动发展的无意过失"
    );
    assert_eq!(tolerated.citation().article, "三个区分开来");
}

proptest! {
    #[test]
    fn counted_years_never_count_excluded_years(outcomes in prop::collection::vec(0usize..5, 0..20)) {
        let all = [
            AssessmentOutcome::Graded(Excellent),
            AssessmentOutcome::Graded(Competent),
            AssessmentOutcome::Graded(BasicallyCompetent),
            AssessmentOutcome::Graded(Incompetent),
            AssessmentOutcome::Ungraded,
        ];
        let facts: Vec<CareerFact> = outcomes.iter().enumerate().map(|(i, o)| CareerFact::Assessed { year: 2000 + i as i32, outcome: all[*o] }).collect();
        let t = CareerTimeline { cadre: cadre(1), birth_date: d(1980, 1, 1), facts };
        let (counted, excellent) = t.counted_years(2000);
        prop_assert_eq!(counted as usize, outcomes.iter().filter(|o| **o <= 1).count());
        prop_assert_eq!(excellent as usize, outcomes.iter().filter(|o| **o == 0).count());
        prop_assert!(excellent <= counted);
    }
}
