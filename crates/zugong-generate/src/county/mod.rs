//! One generated county: its tree, members and their training, branches and their ratings,
//! the burden on villages, posts, quotas and cadres, and talents — one module each.

mod branches;
mod cadres;
mod grassroots;
mod members;
mod talents;
mod training;

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use zugong_core::{
    AdminLevel, Attachment, CitizenIdNumber, DivisionCode, InstitutionId, InstitutionKind,
    LeadershipRank, OrgKind, OrgUnitId, RankOrGrade, TownshipCode, UnitKind,
};

use crate::names::{self, BUREAUS, ENTERPRISES};
use crate::rng::Rng;
use crate::{Counts, Ids, Shape, Sink};
use zugong_dataset::{InstitutionRecord, ManagementRecord, UnitRecord};

use cadres::cadres;
use talents::talents;
use training::classes_members_and_branches;

/// The city a county belongs to.
pub(crate) struct City {
    pub(crate) id: OrgUnitId,
    pub(crate) name: String,
    pub(crate) code: u32,
}

/// A calendar day (the generator only names valid ones).
pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// A random day in `from..=to`.
pub(super) fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Duration::days(rng.range(0, span) as i64)
}

/// A valid 18-digit citizen ID number (GB 11643) for `region` and `born`, not yet given to
/// anyone in the county (`used`).
pub(super) fn citizen(
    rng: &mut Rng,
    used: &mut HashSet<(NaiveDate, u64)>,
    region: u32,
    born: NaiveDate,
    male: bool,
) -> Option<CitizenIdNumber> {
    let mut seq = rng.range(0, 499) * 2 + u64::from(male);
    let mut tries = 0;
    while !used.insert((born, seq)) {
        seq = (seq + 2) % 1000;
        tries += 1;
        if tries >= 500 {
            return None;
        }
    }
    let area = DivisionCode::from_number(region).ok()?;
    CitizenIdNumber::assign(area, born, u16::try_from(seq).ok()?).ok()
}

/// A generated unit: its id and name.
pub(super) struct Unit {
    id: OrgUnitId,
    name: String,
    /// The 单位 it is set up in (所在单位), if any.
    institution: Option<InstitutionId>,
}

/// What a county's generation needs at hand.
pub(super) struct Ctx<'a, S: Sink> {
    rng: &'a mut Rng,
    ids: &'a mut Ids,
    sink: &'a mut S,
    counts: &'a mut Counts,
    region: u32,
    /// Birth dates and sequence numbers given out in the county.
    used: HashSet<(NaiveDate, u64)>,
    /// The same, for applicants (a set of their own, so that members' numbers never shift).
    applicant_ids: HashSet<(NaiveDate, u64)>,
    /// Institutions made so far in the county (their ids are the county's own, apart from the
    /// seed's counter, so that no other id shifts).
    institutions: u128,
    /// The institution the next unit is set up in (所在单位), taken by [`Ctx::unit`].
    in_institution: Option<InstitutionId>,
    /// The county's 党校, which delivers its classes.
    party_school: Option<InstitutionId>,
    /// Townships made so far: the next one is numbered `101 + townships` (GB/T 10114's last
    /// three digits).
    townships: u16,
    /// The county's 单位, written at the end of the county once the Party organizations that
    /// lead them (领导关系) are known.
    pending: Vec<InstitutionRecord>,
}

impl<S: Sink> Ctx<'_, S> {
    /// A 单位 of the county, written to the `institutions` table; the next unit made is set
    /// up in it.
    fn institution(
        &mut self,
        name: String,
        kind: InstitutionKind,
        grade: Option<LeadershipRank>,
        parent: Option<(InstitutionId, Attachment)>,
    ) -> std::io::Result<InstitutionId> {
        let area = DivisionCode::from_number(self.region).map_err(std::io::Error::other)?;
        self.institutions += 1;
        let id = InstitutionId::from_parts(
            Ids::at(),
            (u128::from(self.region) << 40) | (1 << 39) | self.institutions,
        );
        // 编制 (provisional figures, not drawn from the random stream): organs and townships
        // have an establishment; villages, enterprises and social organizations none.
        let establishment = match &kind {
            InstitutionKind::Government | InstitutionKind::PartyOrgan => Some(30),
            InstitutionKind::Township => Some(40),
            InstitutionKind::PeoplesCongressOrgan | InstitutionKind::CppccOrgan => Some(18),
            InstitutionKind::Court | InstitutionKind::Procuratorate => Some(45),
            InstitutionKind::GovernmentDepartment | InstitutionKind::Supervision => {
                Some(12 + (self.institutions % 9) as u32)
            }
            InstitutionKind::PublicInstitution => Some(15),
            _ => None,
        };
        let township = if kind == InstitutionKind::Township {
            self.townships = self.townships.saturating_add(1);
            TownshipCode::of(area, 100 + self.townships).ok()
        } else {
            None
        };
        self.pending.push(InstitutionRecord {
            id,
            name,
            kind,
            grade,
            area,
            township,
            parent: parent.map(|(p, _)| p),
            attachment: parent.map(|(_, a)| a),
            vertical_by: None,
            dual_with: None,
            led_by: None,
            establishment,
        });
        self.in_institution = Some(id);
        Ok(id)
    }

    fn unit_id(&mut self) -> OrgUnitId {
        OrgUnitId::from_parts(Ids::at(), self.ids.bits())
    }

    fn unit(
        &mut self,
        name: String,
        kind: OrgKind,
        level: AdminLevel,
        host: Option<UnitKind>,
        parent: OrgUnitId,
        division: Option<u32>,
    ) -> std::io::Result<Unit> {
        let id = self.unit_id();
        let institution = self.in_institution.take();
        // 领导关系: a 党组 leads its organ; a committee leads the 单位 it is the first set up in;
        // a branch leads a village, community, enterprise or social organization, not an organ.
        if let Some(i) = institution
            && let Some(record) = self.pending.iter_mut().find(|r| r.id == i)
        {
            let leads = match kind {
                OrgKind::LeadingGroup => true,
                OrgKind::Committee | OrgKind::GrassrootsCommittee => record.led_by.is_none(),
                OrgKind::Branch | OrgKind::JointBranch => {
                    record.led_by.is_none() && host.as_ref().is_some_and(|h| *h != UnitKind::Organ)
                }
                _ => false,
            };
            if leads {
                record.led_by = Some(id);
            }
        }
        self.sink.put(UnitRecord {
            id,
            name: name.clone(),
            kind,
            level,
            host,
            parent: Some(parent),
            division: division.and_then(|d| DivisionCode::from_number(d).ok()),
            institution,
        })?;
        self.counts.units += 1;
        Ok(Unit {
            id,
            name,
            institution,
        })
    }
}

/// Generates county `k` of `city`.
pub(crate) fn county<S: Sink>(
    city: &City,
    k: u64,
    shape: &Shape,
    rng: &mut Rng,
    ids: &mut Ids,
    sink: &mut S,
    counts: &mut Counts,
) -> std::io::Result<()> {
    let region = city.code + k as u32 + 1;
    let mut cx = Ctx {
        rng,
        ids,
        sink,
        counts,
        region,
        used: HashSet::new(),
        applicant_ids: HashSet::new(),
        institutions: 0,
        in_institution: None,
        party_school: None,
        townships: 0,
        pending: Vec::new(),
    };
    let cname = names::place(k, u64::from(city.code) / 100 + 11);
    // The county's 单位: its government and its Party committee's organ; every Party
    // organization below is set up in a 单位 of its own kind (所在单位).
    let gov = cx.institution(
        format!("{cname}县人民政府"),
        InstitutionKind::Government,
        Some(LeadershipRank::CountyDivisionChief),
        None,
    )?;
    let party = cx.institution(
        format!("中共{cname}县委员会"),
        InstitutionKind::PartyOrgan,
        Some(LeadershipRank::CountyDivisionChief),
        None,
    )?;
    // The institutions whose 乡科级 leaders the county manages, and whether each is the
    // 纪委监委 (its posts nominated with the 纪委).
    let mut managed: Vec<(InstitutionId, bool)> = Vec::new();
    let county = cx.unit(
        format!("中共{cname}县委员会"),
        OrgKind::Committee,
        AdminLevel::County,
        None,
        city.id,
        Some(region),
    )?;
    // The county 党校, under the committee's organ: it delivers the county's classes.
    cx.party_school = Some(cx.institution(
        format!("中共{cname}县委党校"),
        InstitutionKind::PublicInstitution,
        Some(LeadershipRank::TownshipSectionChief),
        Some((party, Attachment::DirectlyAffiliated)),
    )?);
    // The government's 党组, set up in the government: its leaders' Party organization.
    cx.in_institution = Some(gov);
    let government = cx.unit(
        format!("中共{cname}县人民政府党组"),
        OrgKind::LeadingGroup,
        AdminLevel::County,
        None,
        county.id,
        None,
    )?;
    // The organs of state beside the government: the people's congress standing committee,
    // the CPPCC, the court and the procuratorate, each led by its 党组; their principal posts
    // are elected by the congress and managed by the city.
    let mut organs_of_state = Vec::new();
    for (name, kind, title, rank) in [
        (
            "人大常委会",
            InstitutionKind::PeoplesCongressOrgan,
            "人大常委会主任",
            LeadershipRank::CountyDivisionChief,
        ),
        (
            "政协",
            InstitutionKind::CppccOrgan,
            "政协主席",
            LeadershipRank::CountyDivisionChief,
        ),
        (
            "人民法院",
            InstitutionKind::Court,
            "法院院长",
            LeadershipRank::CountyDivisionDeputy,
        ),
        (
            "人民检察院",
            InstitutionKind::Procuratorate,
            "检察院检察长",
            LeadershipRank::CountyDivisionDeputy,
        ),
    ] {
        let organ = cx.institution(format!("{cname}县{name}"), kind, Some(rank), None)?;
        let group = cx.unit(
            format!("中共{cname}县{name}党组"),
            OrgKind::LeadingGroup,
            AdminLevel::County,
            None,
            county.id,
            None,
        )?;
        organs_of_state.push((group, organ, title, RankOrGrade::Leadership(rank)));
    }
    cx.in_institution = Some(party);
    let organs = cx.unit(
        format!("中共{cname}县直属机关委员会"),
        OrgKind::GrassrootsCommittee,
        AdminLevel::County,
        Some(UnitKind::Organ),
        county.id,
        None,
    )?;
    let two_new = cx.unit(
        format!("中共{cname}县非公有制经济组织和社会组织委员会"),
        OrgKind::GrassrootsCommittee,
        AdminLevel::County,
        None,
        county.id,
        None,
    )?;

    // Bureaus and enterprises: one branch each.
    let mut bureaus = Vec::new();
    for i in 0..shape.bureaus_per_county {
        let (name, function) = BUREAUS
            .get((i as usize) % BUREAUS.len())
            .copied()
            .unwrap_or(("县机关", None));
        let suffix = if (i as usize) < BUREAUS.len() {
            String::new()
        } else {
            format!("第{}", i as usize / BUREAUS.len() + 1)
        };
        let (kind, parent) = if name.starts_with("县委") {
            (
                InstitutionKind::PartyOrgan,
                Some((party, Attachment::WorkingDepartment)),
            )
        } else if name.contains("纪委监委") {
            (InstitutionKind::Supervision, None)
        } else {
            (
                InstitutionKind::GovernmentDepartment,
                Some((gov, Attachment::WorkingDepartment)),
            )
        };
        let supervision = kind == InstitutionKind::Supervision;
        let bureau = cx.institution(
            format!("{cname}{name}{suffix}"),
            kind,
            Some(LeadershipRank::TownshipSectionChief),
            parent,
        )?;
        managed.push((bureau, supervision));
        let u = cx.unit(
            format!("中共{cname}{name}机关{suffix}党支部"),
            OrgKind::Branch,
            AdminLevel::County,
            Some(UnitKind::Organ),
            organs.id,
            None,
        )?;
        bureaus.push((u, function));
    }
    let mut enterprises = Vec::new();
    for i in 0..shape.enterprises_per_county {
        let (name, kind) = ENTERPRISES
            .get((i as usize) % ENTERPRISES.len())
            .copied()
            .unwrap_or(("有限公司", "non_public_enterprise"));
        let host = serde_json::from_value::<UnitKind>(serde_json::Value::String(kind.into())).ok();
        let prefix = if name.starts_with('县') {
            cname.clone()
        } else {
            names::place(i, 5)
        };
        let (kind, parent) = match kind {
            "state_owned_enterprise" => (
                InstitutionKind::StateOwnedEnterprise,
                Some((gov, Attachment::Administered)),
            ),
            "public_institution" => (
                InstitutionKind::PublicInstitution,
                Some((gov, Attachment::Administered)),
            ),
            "social_organization" => (InstitutionKind::SocialOrganization, None),
            _ => (InstitutionKind::NonPublicEnterprise, None),
        };
        cx.institution(format!("{prefix}{name}"), kind, None, parent)?;
        let u = cx.unit(
            format!("{prefix}{name}党支部"),
            OrgKind::Branch,
            AdminLevel::County,
            host,
            two_new.id,
            None,
        )?;
        enterprises.push(u);
    }

    // Towns and villages.
    let mut towns = Vec::new();
    for t in 0..shape.towns_per_county {
        let tname = names::place(t, k * 3 + 1);
        let township = cx.institution(
            format!("{cname}县{tname}镇"),
            InstitutionKind::Township,
            Some(LeadershipRank::TownshipSectionChief),
            Some((gov, Attachment::Administered)),
        )?;
        managed.push((township, false));
        let town = cx.unit(
            format!("中共{cname}县{tname}镇委员会"),
            OrgKind::Committee,
            AdminLevel::Township,
            None,
            county.id,
            None,
        )?;
        let mut villages = Vec::new();
        for v in 0..shape.villages_per_town {
            let vname = names::place(v, t * 5 + 2);
            let community = v % 8 == 7;
            cx.institution(
                format!("{tname}镇{vname}{}", if community { "社区" } else { "村" }),
                if community {
                    InstitutionKind::Community
                } else {
                    InstitutionKind::Village
                },
                None,
                Some((township, Attachment::Administered)),
            )?;
            let u = cx.unit(
                format!(
                    "{tname}镇{vname}{}党支部",
                    if community { "社区" } else { "村" }
                ),
                OrgKind::Branch,
                AdminLevel::Village,
                Some(if community {
                    UnitKind::Community
                } else {
                    UnitKind::Village
                }),
                town.id,
                None,
            )?;
            villages.push(u);
        }
        towns.push((town, villages));
    }

    classes_members_and_branches(
        &mut cx,
        city,
        &cname,
        &county,
        &organs,
        &two_new,
        &bureaus,
        &enterprises,
        &towns,
    )?;
    cadres(
        &mut cx,
        &county,
        &government,
        &organs_of_state,
        &bureaus,
        &towns,
        shape,
    )?;
    talents(&mut cx, &bureaus, &enterprises)?;
    grassroots::two_new_orgs(&mut cx, &two_new, &enterprises, &towns)?;
    // 干部管理权限 (下管一级, written out as the list): the county committee manages the
    // 乡科级 leaders of its organs, departments and townships and of the township committees
    // (filed with the city); the city manages the county's own 县处级 leaders.
    let row = |institution: Option<InstitutionId>,
               committee: Option<OrgUnitId>,
               rank: LeadershipRank,
               manager: OrgUnitId,
               filed_with: Option<OrgUnitId>| ManagementRecord {
        post: None,
        institution,
        committee,
        rank: Some(rank),
        manager,
        co_manager: None,
        filed_with,
        nomination: None,
    };
    let section = [
        LeadershipRank::TownshipSectionChief,
        LeadershipRank::TownshipSectionDeputy,
    ];
    for (institution, supervision) in managed {
        for rank in section {
            let mut r = row(Some(institution), None, rank, county.id, Some(city.id));
            if supervision {
                r.nomination = Some(zugong_core::NominationLead::DisciplineCommission);
            }
            cx.sink.put(r)?;
        }
    }
    for (town, _) in &towns {
        for rank in section {
            cx.sink
                .put(row(None, Some(town.id), rank, county.id, Some(city.id)))?;
        }
    }
    for rank in [
        LeadershipRank::CountyDivisionChief,
        LeadershipRank::CountyDivisionDeputy,
    ] {
        cx.sink
            .put(row(None, Some(county.id), rank, city.id, None))?;
        cx.sink.put(row(Some(gov), None, rank, city.id, None))?;
    }
    for (_, organ, _, rank) in &organs_of_state {
        if let RankOrGrade::Leadership(rank) = rank {
            cx.sink.put(row(Some(*organ), None, *rank, city.id, None))?;
        }
    }
    for record in std::mem::take(&mut cx.pending) {
        cx.sink.put(record)?;
    }
    Ok(())
}
