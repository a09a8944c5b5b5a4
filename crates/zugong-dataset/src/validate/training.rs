//! Members, training classes and attendance: references, dates (入党 at 18 or older,
//! 《中国共产党章程》 第一条; 转正 after the 预备期, 第七条 — both from `MembershipPolicy`; classes'
//! days), and the tier a committee may organize (《中国共产党党员教育管理工作条例》 第二十条).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;
use zugong_core::{MemberId, MembershipPolicy, OrgTree, OrgUnitId, TrainingClassId};
use zugong_training::{AttendanceRow, MemberRow, StudyHours, TrainingTier, unit_row};

use super::World;
use super::faults::Faults;
use crate::FaultKind;
use crate::text::text;
use crate::{AttendanceRecord, ClassRecord, MemberRecord, Row};

/// The members that pass, their flat rows and their index by id.
pub(super) type Members = (Vec<MemberRecord>, Vec<MemberRow>, HashMap<MemberId, u32>);

/// Checks the members.
pub(super) fn members(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<MemberRecord>>,
) -> Members {
    let known = |id: OrgUnitId| tree.contains(id);
    let membership = MembershipPolicy::default();
    let policy = World::training_policy();
    let mut members = Vec::with_capacity(rows.len());
    let mut member_rows = Vec::with_capacity(rows.len());
    let mut member_index = HashMap::with_capacity_and_hasher(rows.len(), Default::default());
    let mut citizens: HashSet<u64> =
        HashSet::with_capacity_and_hasher(rows.len(), Default::default());
    let mut member_ids: HashSet<MemberId> =
        HashSet::with_capacity_and_hasher(rows.len(), Default::default());
    for row in rows {
        let (line, m) = (row.line, row.record);
        let file = "members";
        let before = f.mark();
        f.person_keys(
            file,
            line,
            m.id,
            &mut member_ids,
            &m.citizen_id,
            &mut citizens,
            ("党员", "member"),
        );
        if !known(m.unit) {
            f.missing(
                Some(m.id.as_uuid()),
                file,
                line,
                "unit",
                "unit",
                m.unit.as_uuid(),
                "org_units",
            );
        }
        let born = m.citizen_id.birth_date();
        if m.joined_on > as_of {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "joined_on",
                text!(
                    "入党 {} 晚于数据集日期 {as_of}",
                    "入党 on {} is after the dataset's day {as_of}",
                    m.joined_on
                ),
            );
        }
        if !membership.old_enough(born, m.joined_on) {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "joined_on",
                text!(
                    "入党 {} 时未满 {} 岁（{born} 出生）（党章 第一条）",
                    "入党 on {} is before the age of {} ({born} born) (党章 第一条)",
                    m.joined_on,
                    membership.min_age_years
                ),
            );
        }
        if let Some(full) = m.full_member_on {
            if full < m.joined_on {
                f.push(
                    FaultKind::Inconsistent,
                    file,
                    line,
                    "full_member_on",
                    text!(
                        "转正 {full} 早于入党 {}：日期顺序颠倒",
                        "转正 on {full} is before 入党 on {}: dates out of order",
                        m.joined_on
                    ),
                );
            } else if membership
                .probation_ends(m.joined_on)
                .is_some_and(|end| full < end)
            {
                f.push(
                    FaultKind::Inconsistent,
                    file,
                    line,
                    "full_member_on",
                    text!(
                        "转正 {full} 在自 {} 起 {} 年的预备期内（党章 第七条）",
                        "转正 on {full} is within the {}-year 预备期 from {} (党章 第七条)",
                        m.joined_on,
                        membership.probation_years
                    ),
                );
            }
        }
        if f.mark() != before {
            // Refused here (a record of the same id kept elsewhere still stands).
            if !member_index.contains_key(&m.id) {
                f.refuse_one(*m.id.as_uuid());
            }
            continue;
        }
        let slot = tree.slot(m.unit).map_or(u32::MAX, unit_row);
        member_index.insert(m.id, members.len() as u32);
        member_rows.push(MemberRow {
            unit: slot,
            required: World::required_hours(&m, &policy),
        });
        members.push(m);
    }

    (members, member_rows, member_index)
}

/// Checks the training classes.
pub(super) fn classes(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &zugong_core::InstitutionRegistry,
    rows: Vec<Row<ClassRecord>>,
) -> (Vec<ClassRecord>, HashMap<TrainingClassId, usize>) {
    let known = |id: OrgUnitId| tree.contains(id);
    let ids: Vec<(TrainingClassId, uuid::Uuid)> = rows
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let mut classes = Vec::new();
    let mut class_ids: HashMap<TrainingClassId, usize> = HashMap::default();
    for row in rows {
        let (line, c) = (row.line, row.record);
        let file = "classes";
        let before = f.mark();
        if class_ids.contains_key(&c.id) {
            f.push(
                FaultKind::Duplicate,
                file,
                line,
                "id",
                text!("班次 {} 重复出现", "class {} appears twice", c.id),
            );
        }
        if !known(c.organizer) {
            f.missing(
                Some(c.id.as_uuid()),
                file,
                line,
                "organizer",
                "unit",
                c.organizer.as_uuid(),
                "org_units",
            );
        }
        if let Some(school) = c.delivered_by
            && registry.get(school).is_none()
        {
            f.missing(
                Some(c.id.as_uuid()),
                file,
                line,
                "delivered_by",
                "institution",
                school.as_uuid(),
                "institutions",
            );
        }
        if let Some(organizer) = tree.get(c.organizer) {
            let expected = TrainingTier::of_organizer(organizer);
            if expected != Some(c.tier) {
                f.push(
                    FaultKind::Inconsistent,
                    file,
                    line,
                    "tier",
                    match expected {
                        Some(t) => text!(
                "{} 举办的是{t}，不是{}（党员教育管理工作条例 第二十条）",
                "{} organizes {t}, not {} (党员教育管理工作条例 第二十条)", organizer.name, c.tier),
                        None => text!(
                "{} 不是党委，不举办培训（党员教育管理工作条例 第二十条）",
                "{} is not a committee and organizes no training (党员教育管理工作条例 第二十条)", organizer.name),
                    },
                );
            }
        }
        if c.ends_on < c.starts_on {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "ends_on",
                text!(
                    "结业 {} 早于开班 {}：日期顺序颠倒",
                    "结业 {} is before 开班 {}: dates out of order",
                    c.ends_on,
                    c.starts_on
                ),
            );
        }
        if c.hours == StudyHours::ZERO {
            f.push(
                FaultKind::Invalid,
                file,
                line,
                "hours",
                text!("班次学时为 0", "a class of 0 学时"),
            );
        }
        if f.mark() == before {
            class_ids.insert(c.id, classes.len());
            classes.push(c);
        }
    }

    f.refuse(ids, |id| class_ids.contains_key(id));
    (classes, class_ids)
}

/// Checks the attendance against members and classes.
pub(super) fn attendance(
    f: &mut Faults<'_>,
    as_of: NaiveDate,
    rows: Vec<Row<AttendanceRecord>>,
    member_index: &HashMap<MemberId, u32>,
    classes: &[ClassRecord],
    class_ids: &HashMap<TrainingClassId, usize>,
) -> Vec<AttendanceRow> {
    let mut attendance = Vec::with_capacity(rows.len());
    for row in rows {
        let (line, a): (u64, AttendanceRecord) = (row.line, row.record);
        let file = "attendance";
        let before = f.mark();
        let member = member_index.get(&a.member).copied();
        if member.is_none() {
            f.missing(
                None,
                file,
                line,
                "member",
                "member",
                a.member.as_uuid(),
                "members",
            );
        }
        if a.on > as_of {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "on",
                text!(
                    "{} 晚于数据集日期 {as_of}",
                    "{} is after the dataset's day {as_of}",
                    a.on
                ),
            );
        }
        if a.hours == StudyHours::ZERO {
            f.push(
                FaultKind::Invalid,
                file,
                line,
                "hours",
                text!("记入 0 学时", "0 学时 credited"),
            );
        }
        if let Some(class) = a.class {
            match class_ids.get(&class).and_then(|i| classes.get(*i)) {
                None => f.missing(
                    None,
                    file,
                    line,
                    "class",
                    "class",
                    class.as_uuid(),
                    "classes",
                ),
                Some(c) => {
                    if a.on < c.starts_on || a.on > c.ends_on {
                        f.push(
                            FaultKind::Inconsistent,
                            file,
                            line,
                            "on",
                            text!(
                                "{} 不在班次日期 {}–{} 之内",
                                "{} is outside the class's days {}–{}",
                                a.on,
                                c.starts_on,
                                c.ends_on
                            ),
                        );
                    }
                    if a.tier != c.tier {
                        f.push(
                            FaultKind::Inconsistent,
                            file,
                            line,
                            "tier",
                            text!(
                                "该班次为{}，不是{}",
                                "the class is {}, not {}",
                                c.tier,
                                a.tier
                            ),
                        );
                    }
                    if a.hours > c.hours {
                        f.push(
                            FaultKind::Inconsistent,
                            file,
                            line,
                            "hours",
                            text!(
                                "记入 {}，超过班次的 {}",
                                "{} credited for a class of {}",
                                a.hours,
                                c.hours
                            ),
                        );
                    }
                }
            }
        }
        if let (Some(member), true) = (member, f.mark() == before) {
            attendance.push(AttendanceRow {
                member,
                tier: a.tier,
                hours: a.hours,
            });
        }
    }

    attendance
}
