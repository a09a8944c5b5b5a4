//! Talents: references, the industry catalogue, dates, and the record built through its
//! lifecycle.

use rustc_hash::FxHashSet as HashSet;

use zugong_core::journal::{ExecuteError, Journal, Refusal};
use zugong_core::{Authority, InstitutionRegistry, OrgTree, PartyPlacement, TalentId};
use zugong_talent::{
    Agreement, Cohorts, Engagement, FundingSource, IndustryCatalogue, ProgrammeDefinition,
    RecordCommand, RecordContext, TalentRecord, TenureBasis, Yuan,
};

use super::faults::Faults;
use crate::FaultKind;
use crate::text::{Text, text};
use crate::{Row, TalentRow};

/// The trees and the placement a talent's record is checked against.
#[derive(Clone, Copy)]
pub(super) struct Places<'p> {
    tree: &'p OrgTree,
    registry: &'p InstitutionRegistry,
    placement: &'p PartyPlacement,
    programmes: &'p [ProgrammeDefinition],
    cohorts: &'p Cohorts,
}

/// The programmes a dataset's talents are held to: the region's four (the presets).
pub(crate) fn programmes() -> Vec<ProgrammeDefinition> {
    vec![
        ProgrammeDefinition::young_nurtured(),
        ProgrammeDefinition::young_top_talent(),
        ProgrammeDefinition::industry_leader(),
        ProgrammeDefinition::distinguished_sci_tech(),
    ]
}

/// Checks the talents and builds their records.
pub(super) fn talents(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &InstitutionRegistry,
    rows: Vec<Row<TalentRow>>,
) -> Vec<(TalentRow, TalentRecord)> {
    let placement = PartyPlacement::new(tree);
    let programmes = programmes();
    // The dataset holds no talent rounds: each row records its 认定 (the batch, and the
    // document where given).
    let cohorts = Cohorts::default();
    let places = Places {
        tree,
        registry,
        placement: &placement,
        programmes: &programmes,
        cohorts: &cohorts,
    };
    let catalogue = IndustryCatalogue::ningxia_2024();
    let mut talents = Vec::new();
    let mut talent_ids: HashSet<TalentId> = HashSet::default();
    for row in rows {
        let (line, t) = (row.line, row.record);
        let before = f.mark();
        if !talent_ids.insert(t.id) {
            f.push(
                FaultKind::Duplicate,
                "talents",
                line,
                "id",
                text!("人才 {} 重复出现", "talent {} appears twice", t.id),
            );
        }
        if registry.get(t.employer).is_none() {
            f.missing(
                Some(t.id.as_uuid()),
                "talents",
                line,
                "employer",
                "institution",
                t.employer.as_uuid(),
                "institutions",
            );
        }
        if let Some(code) = &t.industry
            && catalogue.get(code).is_none()
        {
            f.push(
                FaultKind::UnknownReference,
                "talents",
                line,
                "industry",
                text!(
                    "{code:?} 不在“六新六特六优”产业目录中",
                    "{code:?} is not in the 六新六特六优 catalogue"
                ),
            );
        }
        if t.starts_on <= t.birth_date {
            f.push(
                FaultKind::Inconsistent,
                "talents",
                line,
                "starts_on",
                text!(
                    "培养期早于出生日期：日期顺序颠倒",
                    "the cultivation period starts before birth: dates out of order"
                ),
            );
        }
        if f.mark() != before {
            continue;
        }
        match talent_record(&t, places) {
            Ok(rec) => talents.push((t, rec)),
            Err(Refused { message, rule }) => {
                let file = f.file("talents");
                let fault = crate::Fault::at(FaultKind::Rule, file, line, "tier", message);
                f.out.push(match rule {
                    Some(rule) => fault.under(rule),
                    None => fault,
                });
            }
        }
    }

    talents
}

/// Why a talent's record could not be built: the message, and the rule where one refused it.
struct Refused {
    message: Text,
    rule: Option<zugong_core::Citation>,
}

impl From<Text> for Refused {
    fn from(message: Text) -> Self {
        Self {
            message,
            rule: None,
        }
    }
}

/// Builds a talent's record through its lifecycle (registration, start, title).
fn talent_record(t: &TalentRow, places: Places<'_>) -> Result<TalentRecord, Refused> {
    // The record is kept by the talent office (组织部) at the top of the employer's Party
    // organization's tree.
    let tree = places.tree;
    let anchor = places
        .placement
        .anchor(places.registry, t.employer)
        .ok_or_else(|| {
            text!(
                "用人单位找不到其所在党组织",
                "the employer has no Party organization over it"
            )
        })?;
    let authority = Authority::organization_department(
        tree.ancestors(anchor)
            .ok()
            .and_then(|a| a.last())
            .map_or(anchor, |u| u.id),
    );
    let engagement = match &t.flexible_home {
        Some(home) => Engagement::Flexible {
            host: t.employer,
            home_institution: home.clone(),
            days_per_year: t.days_per_year.unwrap_or(30),
        },
        None => Engagement::Employed {
            employer: t.employer,
        },
    };
    let programme = places
        .programmes
        .iter()
        .find(|p| p.tier == t.tier)
        .ok_or_else(|| text!("没有{}的人才项目", "no programme for the tier {}", t.tier))?;
    let mut commands = vec![
        RecordCommand::Register {
            talent: t.id,
            name: t.name.clone(),
            birth_date: t.birth_date,
            engagement,
        },
        RecordCommand::Start(Agreement {
            tier: t.tier,
            programme: programme.name.clone(),
            batch: t.batch,
            starts_on: t.starts_on,
            cycle_years: t.cycle_years.or(programme.cycle_years),
            grant: t.grant,
            // The row records the grant; its sources are the programme's.
            shares: programme
                .funding
                .as_ref()
                .filter(|_| t.grant > Yuan(0))
                .map_or_else(
                    || vec![(FundingSource::TalentFund, 1000)],
                    |f| f.shares.clone(),
                ),
            industry: t.industry.clone(),
            basis: TenureBasis::Recorded {
                document: t
                    .recognized_by
                    .clone()
                    .unwrap_or_else(|| format!("{}第{}批认定", programme.name, t.batch)),
            },
        }),
    ];
    if let Some(title) = t.title {
        commands.push(RecordCommand::RecordTitle {
            title,
            series: t.series.clone().unwrap_or_default(),
        });
    }
    // The talents table is read as the commands that would have made each record, decided by
    // the record's own rules: a row the rules would refuse is a fault, not a record.
    let mut journal = Journal::<TalentRecord>::new();
    let ctx = RecordContext {
        tree,
        registry: places.registry,
        placement: places.placement,
        programmes: places.programmes,
        cohorts: places.cohorts,
    };
    for (step, cmd) in (0u32..).zip(commands) {
        journal
            .execute(
                t.id,
                cmd,
                crate::act::act(t.starts_on, step, authority),
                "数据导入",
                &ctx,
            )
            .map_err(|e| {
                let (why, rule) = match &e {
                    ExecuteError::Refused(r) => (Text::refusal(r), Some(r.citation())),
                    ExecuteError::Journal(j) => (Text::same(j.to_string()), None),
                };
                Refused {
                    message: text!("人才档案被拒绝：{why}", "the record was refused: {why}"),
                    rule,
                }
            })?;
    }
    Ok(journal.state(t.id).cloned().unwrap_or_default())
}
