//! `zugong scenario development`: a cohort of applicants in every branch under a unit, taken
//! from 递交入党申请书 to 转为正式党员 over two years of the calendar through
//! `zugong_member::Development` — every step in its order, by its body, within its deadlines —
//! writing one journal of all the paths.

use chrono::{Duration, NaiveDate};
use zugong_core::journal::{Journal, Lifecycle};
use zugong_core::{Authority, DevelopmentId, OrgUnitId, PersonId};
use zugong_member::{
    Applicant, ApprovalWindow, Development, DevelopmentCommand, DevelopmentStage, MemberStanding,
    Nomination, Sponsor, VettingResult, Vote,
};

use crate::issue;
use zugong_dataset::World;
use zugong_dataset::journals::{JournalKind, stream_uuid};
use zugong_dataset::text::Text;

/// Applicants per branch.
const PER_BRANCH: usize = 2;

/// One applicant's path as the scenario walks it.
struct Walked {
    id: DevelopmentId,
    branch: OrgUnitId,
    committee: Authority,
    sponsors: Vec<Sponsor>,
    refused: Option<Text>,
}

/// The cohort's outcome.
pub struct Cohort {
    /// Paths walked.
    pub paths: usize,
    /// Paths that reached 正式党员.
    pub full: usize,
    /// Refusals, with their rules.
    pub refusals: Vec<Text>,
}

/// The steps, in order, with the day each is taken (days after the application) and whether
/// the branch (true) or its committee acts. 转正 follows the 预备期, counted from the
/// 支部大会 on day 460.
fn steps(path: &Walked) -> Vec<(i64, bool, DevelopmentCommand)> {
    let vote = Vote {
        entitled: 20,
        present: 17,
        in_favour: 16,
    };
    vec![
        (15, true, DevelopmentCommand::Talk),
        (
            30,
            true,
            DevelopmentCommand::ChooseActivist {
                nomination: Nomination::MembersRecommendation,
                contacts: path.sponsors.iter().map(|s| s.member).collect(),
            },
        ),
        (37, false, DevelopmentCommand::FileActivist),
        (210, true, DevelopmentCommand::AssessActivist),
        (390, true, DevelopmentCommand::AssessActivist),
        (400, true, DevelopmentCommand::ChooseCandidate),
        (407, false, DevelopmentCommand::FileCandidate),
        (
            412,
            true,
            DevelopmentCommand::NameSponsors {
                sponsors: path.sponsors.clone(),
            },
        ),
        (
            420,
            false,
            DevelopmentCommand::Vet {
                result: VettingResult::Passed,
            },
        ),
        (
            430,
            false,
            DevelopmentCommand::Train {
                days: 3,
                hours_tenths: 240,
            },
        ),
        (440, true, DevelopmentCommand::CommitteeReview),
        (
            447,
            false,
            DevelopmentCommand::PreReview { leaving_on: None },
        ),
        (450, true, DevelopmentCommand::FillForm),
        (460, true, DevelopmentCommand::Admit { vote }),
        (470, false, DevelopmentCommand::ApprovalTalk),
        (
            480,
            false,
            DevelopmentCommand::Approve {
                window: ApprovalWindow::Ordinary,
            },
        ),
        (485, false, DevelopmentCommand::FileAdmission),
        (490, true, DevelopmentCommand::Swear),
        (830, true, DevelopmentCommand::Confirm { vote }),
        (840, false, DevelopmentCommand::ApproveConfirmation),
    ]
}

/// Walks a cohort of every branch under `scope` from `on`; returns the outcome and the
/// journal.
pub fn develop(world: &World, scope: OrgUnitId, on: NaiveDate) -> (Cohort, Journal<Development>) {
    let rules = world.rules();
    let ctx = rules.development();
    let mut journal = Journal::<Development>::new();
    let mut paths = Vec::new();
    for b in &world.branches {
        if !world.tree.is_within(b.unit, scope).unwrap_or(false) {
            continue;
        }
        let Some(committee) = world
            .tree
            .ancestors(b.unit)
            .ok()
            .and_then(|mut a| a.find(|u| u.kind.is_committee()))
            .map(|u| Authority::party_committee(u.id))
        else {
            continue;
        };
        // Two full members of the branch sponsor (and are the 培养联系人).
        let sponsors: Vec<Sponsor> = world
            .members
            .iter()
            .filter(|m| m.unit == b.unit && m.full_member_on.is_some())
            .take(2)
            .map(|m| Sponsor {
                member: m.id,
                standing: MemberStanding::FullMember,
            })
            .collect();
        if sponsors.len() < 2 {
            continue;
        }
        for n in 0..PER_BRANCH {
            let id = stream_uuid(
                JournalKind::Development,
                &[
                    b.unit.as_uuid().as_bytes(),
                    &on.to_string().into_bytes(),
                    &[n as u8],
                ],
            );
            paths.push(Walked {
                id: DevelopmentId::from_uuid(id),
                branch: b.unit,
                committee,
                sponsors: sponsors.clone(),
                refused: None,
            });
        }
    }
    for (i, p) in paths.iter_mut().enumerate() {
        let person = PersonId::from_uuid(stream_uuid(
            JournalKind::Development,
            &[p.id.as_uuid().as_bytes()],
        ));
        let applicant = Applicant::new(
            person,
            format!("申请人{}", i + 1),
            NaiveDate::from_ymd_opt(1998, 3, 1).unwrap_or(on),
            p.branch,
        );
        let branch = Authority::party_committee(p.branch);
        if let Err(e) = issue(
            &mut journal,
            p.id,
            DevelopmentCommand::Apply(applicant),
            on,
            branch,
            "递交入党申请书",
            &ctx,
        ) {
            p.refused = Some(e);
        }
    }
    let plan: Vec<Vec<(i64, bool, DevelopmentCommand)>> = paths.iter().map(steps).collect();
    let count = plan.first().map_or(0, Vec::len);
    for k in 0..count {
        for (p, steps) in paths.iter_mut().zip(&plan) {
            if p.refused.is_some() {
                continue;
            }
            let Some((offset, by_branch, cmd)) = steps.get(k).cloned() else {
                continue;
            };
            let who = if by_branch {
                Authority::party_committee(p.branch)
            } else {
                p.committee
            };
            if let Err(e) = issue(
                &mut journal,
                p.id,
                cmd,
                on + Duration::days(offset),
                who,
                "发展党员",
                &ctx,
            ) {
                p.refused = Some(e);
            }
        }
    }
    let full = paths
        .iter()
        .filter(|p| {
            journal
                .state(p.id)
                .is_some_and(|s| s.stage() == DevelopmentStage::FullMember)
        })
        .count();
    let cohort = Cohort {
        paths: paths.len(),
        full,
        refusals: paths.into_iter().filter_map(|p| p.refused).collect(),
    };
    (cohort, journal)
}
