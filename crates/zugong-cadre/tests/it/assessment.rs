use AssessmentGrade::*;
use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::journal::{ExecuteError, Journal};
use zugong_core::*;

use crate::support::*;

const BUREAU: PostHolder =
    PostHolder::Institution(InstitutionId::from_uuid(uuid::Uuid::from_u128(3)));

fn open(
    n: u128,
    approval: Option<&str>,
) -> (AssessmentRound, Journal<AssessmentRound>, Vec<CadreId>) {
    open_for(BUREAU, n, approval)
}

fn open_for(
    holder: PostHolder,
    n: u128,
    approval: Option<&str>,
) -> (AssessmentRound, Journal<AssessmentRound>, Vec<CadreId>) {
    let staff: Vec<CadreId> = (1..=n).map(cadre).collect();
    let (mut r, mut j) = (AssessmentRound::default(), Journal::new());
    let who = Authority::organization_department(id(2));
    let cmd = AssessmentCommand::Open {
        holder,
        year: 2026,
        staff: staff.clone(),
        higher_cap_approval: approval.map(Into::into),
    };
    crate::support::run(
        &mut r,
        &mut j,
        &cmd,
        &Fixture::new().assessment(),
        d(2026, 12, 20),
        who,
    )
    .unwrap();
    (r, j, staff)
}

fn grade(
    r: &mut AssessmentRound,
    j: &mut Journal<AssessmentRound>,
    c: CadreId,
    g: AssessmentGrade,
    restriction: GradeRestriction,
) -> Result<(), AssessmentError> {
    let who = Authority::organization_department(id(2));
    let before = r.clone();
    let out = crate::support::run(
        r,
        j,
        &AssessmentCommand::Grade {
            cadre: c,
            grade: g,
            restriction,
        },
        &Fixture::new().assessment(),
        d(2026, 12, 21),
        who,
    )
    .map(|_| ())
    .map_err(|e| match e {
        ExecuteError::Refused(e) => e,
        ExecuteError::Journal(e) => panic!("{e}"),
    });
    if out.is_err() {
        assert_eq!(*r, before);
    }
    out
}

#[test]
fn the_fifth_excellent_in_a_unit_of_23() {
    // 20% of 23 is 4.6: four 优秀, rounded down; the fifth is refused.
    let (mut r, mut j, staff) = open(23, None);
    for c in &staff[..4] {
        grade(&mut r, &mut j, *c, Excellent, GradeRestriction::None).unwrap();
    }
    assert_eq!(
        grade(&mut r, &mut j, staff[4], Excellent, GradeRestriction::None),
        Err(AssessmentError::ExcellentCapReached {
            cap: 4,
            headcount: 23
        })
    );
    // With approval for 25%: 5.75 → five.
    let (mut r2, mut j2, staff2) = open(23, Some("宁人社〔2026〕1号"));
    for c in &staff2[..5] {
        grade(&mut r2, &mut j2, *c, Excellent, GradeRestriction::None).unwrap();
    }
    assert!(
        grade(
            &mut r2,
            &mut j2,
            staff2[5],
            Excellent,
            GradeRestriction::None
        )
        .is_err()
    );
    // Rounding is a policy value: to the nearest, 4.6 becomes 5.
    let nearest = AssessmentPolicy {
        rounding: Rounding::Nearest,
        ..AssessmentPolicy::default()
    };
    assert_eq!(nearest.excellent_cap(23, false), 5);
    assert_eq!(
        AssessmentPolicy::for_regime(AssessmentRegime::PublicInstitution).excellent_cap(20, false),
        3
    );
}

#[test]
fn restrictions_and_closing() {
    let (mut r, mut j, staff) = open(4, None);
    assert_eq!(
        grade(
            &mut r,
            &mut j,
            staff[0],
            Excellent,
            GradeRestriction::WarningSanction
        ),
        Err(AssessmentError::ExcellentBarred(staff[0]))
    );
    grade(
        &mut r,
        &mut j,
        staff[0],
        Competent,
        GradeRestriction::WarningSanction,
    )
    .unwrap();
    grade(
        &mut r,
        &mut j,
        staff[1],
        Competent,
        GradeRestriction::HeavierSanction,
    )
    .unwrap();
    grade(
        &mut r,
        &mut j,
        staff[2],
        Excellent,
        GradeRestriction::RefusedToTakePart,
    )
    .unwrap();
    assert_eq!(r.results()[&staff[1]], AssessmentOutcome::Ungraded);
    assert_eq!(
        r.results()[&staff[2]],
        AssessmentOutcome::Graded(Incompetent)
    );
    assert_eq!(
        grade(&mut r, &mut j, staff[2], Competent, GradeRestriction::None),
        Err(AssessmentError::AlreadyGraded(staff[2]))
    );
    assert_eq!(
        grade(&mut r, &mut j, cadre(99), Competent, GradeRestriction::None),
        Err(AssessmentError::NotOnStaff(cadre(99)))
    );
    let who = Authority::organization_department(id(2));
    let fixture = Fixture::new();
    let ctx = fixture.assessment();
    assert_eq!(
        crate::support::run(
            &mut r,
            &mut j,
            &AssessmentCommand::Close,
            &ctx,
            d(2026, 12, 22),
            who
        ),
        Err(ExecuteError::Refused(AssessmentError::Missing(staff[3])))
    );
    grade(
        &mut r,
        &mut j,
        staff[3],
        BasicallyCompetent,
        GradeRestriction::None,
    )
    .unwrap();
    crate::support::run(
        &mut r,
        &mut j,
        &AssessmentCommand::Close,
        &ctx,
        d(2026, 12, 22),
        who,
    )
    .unwrap();
    assert_eq!(
        crate::support::run(
            &mut r,
            &mut j,
            &AssessmentCommand::Grade {
                cadre: staff[3],
                grade: Competent,
                restriction: GradeRestriction::None,
            },
            &ctx,
            d(2026, 12, 23),
            who,
        ),
        Err(ExecuteError::Refused(AssessmentError::Closed))
    );
    assert_eq!(
        j.state(crate::support::stream::<AssessmentRound>())
            .cloned()
            .unwrap_or_default(),
        r
    );
    let other = Authority::organization_department(id(5));
    let err = crate::support::run(
        &mut AssessmentRound::default(),
        &mut Journal::new(),
        &AssessmentCommand::Open {
            holder: BUREAU,
            year: 2026,
            staff: vec![],
            higher_cap_approval: None,
        },
        &Fixture::new().assessment(),
        d(2026, 12, 22),
        other,
    );
    assert!(matches!(
        err,
        Err(ExecuteError::Refused(AssessmentError::Authority(_)))
    ));
}

#[test]
fn consequences_of_the_record() {
    let p = AssessmentPolicy::default();
    let g = AssessmentOutcome::Graded;
    let none = DismissalProtection::default();
    assert_eq!(
        consequences(&[g(Excellent)], none, &p),
        [Consequence::Commendation]
    );
    assert!(
        consequences(&[g(Competent), g(Excellent)], none, &p).contains(&Consequence::SalaryStep)
    );
    let three = [g(Excellent), g(Excellent), g(Excellent)];
    assert!(consequences(&three, none, &p).contains(&Consequence::ThirdClassMerit));
    assert!(
        !consequences(&[g(Excellent), g(Competent), g(Excellent)], none, &p)
            .contains(&Consequence::ThirdClassMerit)
    );
    let five = [
        g(Competent),
        g(Competent),
        g(BasicallyCompetent),
        g(Competent),
        g(Competent),
        g(Competent),
    ];
    assert!(
        consequences(&five, none, &p).contains(&Consequence::SalaryLevel),
        "five counted years, the 基本称职 year left out"
    );
    assert_eq!(
        consequences(&[g(BasicallyCompetent)], none, &p),
        [Consequence::Admonition]
    );
    assert_eq!(
        consequences(&[g(Competent), g(Incompetent)], none, &p),
        [Consequence::Demotion]
    );
    assert_eq!(
        consequences(&[g(Incompetent), g(Incompetent)], none, &p),
        [Consequence::Dismissal]
    );
    let nursing = DismissalProtection {
        pregnancy_or_nursing: true,
        ..none
    };
    let c = consequences(&[g(Incompetent), g(Incompetent)], nursing, &p);
    assert_eq!(c, [Consequence::DismissalBarred]);
    assert_eq!(c[0].citation().article, "第八十八条、第八十九条");
    assert!(consequences(&[AssessmentOutcome::Ungraded], none, &p).is_empty());
    assert!(consequences(&[], none, &p).is_empty());
}

proptest! {
    #[test]
    fn excellent_never_above_the_cap(n in 1u128..40, grades in prop::collection::vec(0usize..4, 40), approval in any::<bool>()) {
        let (mut r, mut j, staff) = open(n, approval.then_some("批准"));
        let all = [Excellent, Competent, BasicallyCompetent, Incompetent];
        for (c, g) in staff.iter().zip(grades) {
            let _ = grade(&mut r, &mut j, *c, all[g], GradeRestriction::None);
        }
        let cap = AssessmentPolicy::default().excellent_cap(n as u32, approval);
        prop_assert!(r.excellent_count() <= cap);
        let fx = Fixture::new();
        prop_assert_eq!(verified(&j, || fx.assessment()), r);
    }
}

#[test]
fn a_public_institution_caps_excellent_at_its_own_share() {
    // 事业单位: 15% of 20 is three 优秀; a bureau of 20 (公务员) has four.
    let school = PostHolder::Institution(inst(9));
    let (mut r, mut j, staff) = open_for(school, 20, None);
    for c in &staff[..3] {
        grade(&mut r, &mut j, *c, Excellent, GradeRestriction::None).unwrap();
    }
    assert_eq!(
        grade(&mut r, &mut j, staff[3], Excellent, GradeRestriction::None),
        Err(AssessmentError::ExcellentCapReached {
            cap: 3,
            headcount: 20
        })
    );
    let (mut r, mut j, staff) = open(20, None);
    for c in &staff[..4] {
        grade(&mut r, &mut j, *c, Excellent, GradeRestriction::None).unwrap();
    }
    assert_eq!(
        AssessmentRegime::of(&InstitutionKind::University),
        AssessmentRegime::PublicInstitution
    );
    assert_eq!(
        AssessmentRegime::of(&InstitutionKind::GovernmentDepartment),
        AssessmentRegime::CivilServant
    );
    // An institution nobody manages on the list has nobody to keep its assessment.
    let stray = crate::support::run(
        &mut AssessmentRound::default(),
        &mut Journal::new(),
        &AssessmentCommand::Open {
            holder: PostHolder::Institution(inst(99)),
            year: 2026,
            staff: vec![],
            higher_cap_approval: None,
        },
        &Fixture::new().assessment(),
        d(2026, 12, 22),
        Authority::organization_department(id(2)),
    );
    assert!(matches!(
        stray,
        Err(ExecuteError::Refused(AssessmentError::NotListed(_)))
    ));
}
