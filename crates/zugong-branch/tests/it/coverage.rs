//! 两个覆盖: 3 full members and no organization found, 2 not; joint branches; roll-ups.

use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::policy::Policy;
use zugong_core::*;

use crate::support::*;

fn org(n: u128) -> InstitutionId {
    InstitutionId::from_uuid(uuid::Uuid::from_u128(n))
}

fn firm(n: u128, town: u128, full: u32) -> TwoNewOrganization {
    TwoNewOrganization::new(
        org(n),
        format!("企业{n}"),
        UnitKind::NonPublicEnterprise,
        id(town),
        "快递物流",
    )
    .employing(30, full, 0)
}

#[test]
fn three_full_members_and_no_organization_is_found_two_is_not() {
    let tree = tree();
    let orgs = vec![
        firm(1, 10, 3),
        firm(2, 10, 2),
        firm(3, 11, 5).covered_by(CoverageForm::Instructor),
        firm(4, 11, 4).covered_by(CoverageForm::Own(id(110))),
    ];
    let r = coverage_report(&tree, &orgs, &CoveragePolicy::default()).unwrap();
    assert_eq!(
        r.findings,
        vec![
            CoverageFinding::NoOrganization {
                organization: org(1),
                full_members: 3
            },
            CoverageFinding::NoOrganization {
                organization: org(3),
                full_members: 5
            },
        ]
    );
    assert_eq!(r.total.should_organize, 2);
    assert_eq!(r.total.organizational_permille(), 250);
    assert_eq!(r.total.work_permille(), 500);
    let town = r.area(&tree, id(11)).unwrap();
    assert_eq!((town.organizations, town.own, town.instructor), (2, 1, 1));
    assert_eq!(r.findings[0].citation().article, "第四条（党章第三十条）");
}

#[test]
fn joint_branches_are_for_fewer_than_three_and_at_most_five_units() {
    let tree = tree();
    let joint = CoverageForm::Joint(id(100));
    let mut orgs: Vec<_> = (1..=6).map(|n| firm(n, 10, 1).covered_by(joint)).collect();
    orgs.push(firm(7, 10, 3).covered_by(CoverageForm::Joint(id(110))));
    let r = coverage_report(&tree, &orgs, &CoveragePolicy::default()).unwrap();
    assert_eq!(
        r.findings,
        vec![
            CoverageFinding::JointWithEnoughMembers {
                organization: org(7),
                full_members: 3,
                joint: id(110)
            },
            CoverageFinding::JointTooWide {
                joint: id(100),
                units: 6,
                max: 5
            },
        ]
    );
    // Five units: not too wide.
    let r = coverage_report(&tree, &orgs[1..6], &CoveragePolicy::default()).unwrap();
    assert!(r.findings.is_empty());
    assert_eq!(r.total.organizational_permille(), 1000);
}

#[test]
fn bad_records_are_refused_with_the_rule() {
    let tree = tree();
    let p = CoveragePolicy::default();
    let organ = TwoNewOrganization::new(org(1), "某局", UnitKind::Organ, id(10), "机关");
    assert!(matches!(
        coverage_report(&tree, &[organ], &p),
        Err(CoverageError::Organization {
            error: OrganizationError::NotTwoNew { .. },
            ..
        })
    ));
    let over = firm(1, 10, 3).employing(2, 3, 0);
    assert!(matches!(
        coverage_report(&tree, &[over], &p),
        Err(CoverageError::Organization {
            error: OrganizationError::MoreMembersThanEmployees {
                members: 3,
                employees: 2,
            },
            ..
        })
    ));
    assert!(matches!(
        coverage_report(&tree, &[firm(1, 999, 0)], &p),
        Err(CoverageError::Organization {
            error: OrganizationError::UnknownUnit { .. },
            ..
        })
    ));
    assert!(matches!(
        coverage_report(&tree, &[firm(1, 10, 0), firm(1, 11, 0)], &p),
        Err(CoverageError::Duplicate {
            first: 0,
            second: 1,
            ..
        })
    ));
    let rider = TwoNewOrganization::new(
        org(9),
        "某外卖平台站点",
        UnitKind::NewEmploymentGroup,
        id(10),
        "外卖配送",
    );
    assert!(coverage_report(&tree, &[rider], &p).is_ok());
    let mut loose = p;
    loose.joint_max_units = 6;
    assert!(loose.validate().is_err());
    let mut strict = p;
    strict.own_from_full_members = 2;
    assert!(strict.validate().is_ok());
    let r = coverage_report(&tree, &[firm(2, 10, 2)], &strict).unwrap();
    assert_eq!(
        r.findings.len(),
        1,
        "a province that asks from 2 finds the two-member firm"
    );
}

proptest! {
    /// Area, industry and kind each sum to the total; the county is the sum of its towns.
    #[test]
    fn rollups_equal_the_sum_of_their_parts(
        rows in proptest::collection::vec((0usize..2, 0u32..6, 0usize..4, 0usize..2), 0..30),
    ) {
        let tree = tree();
        let towns = [10u128, 11];
        let industries = ["快递物流", "律师行业"];
        let orgs: Vec<TwoNewOrganization> = rows
            .iter()
            .enumerate()
            .map(|(i, (t, full, form, ind))| {
                let form = match form {
                    0 => CoverageForm::Own(id(100)),
                    1 => CoverageForm::Joint(id(110)),
                    2 => CoverageForm::Instructor,
                    _ => CoverageForm::Uncovered,
                };
                TwoNewOrganization::new(org(i as u128), "x", UnitKind::SocialOrganization, id(towns[*t]), industries[*ind])
                    .employing(10, *full, 0)
                    .covered_by(form)
            })
            .collect();
        let r = coverage_report(&tree, &orgs, &CoveragePolicy::default()).unwrap();
        let county = *r.area(&tree, id(1)).unwrap();
        let a = *r.area(&tree, id(10)).unwrap();
        let b = *r.area(&tree, id(11)).unwrap();
        prop_assert_eq!(county, r.total);
        prop_assert_eq!(county.organizations, a.organizations + b.organizations);
        prop_assert_eq!(county.members, a.members + b.members);
        prop_assert_eq!(r.by_industry.values().map(|c| c.organizations).sum::<u64>(), r.total.organizations);
        prop_assert_eq!(r.total.own + r.total.joint + r.total.instructor + r.total.uncovered, r.total.organizations);
        prop_assert_eq!(r.total.organizations as usize, orgs.len());
    }
}
